"""ps03 (value chain analysis): the data of its nbgrader round trip.

The steps are tests/test_assignments.py's, the vocabulary tests/assignment_kit.py's. Validate on
the conceptual mistakes, on the lesson's answers copied into ps03 and on an unanswered notebook:
each check cell fails with its hint, never with a NameError.
"""

from __future__ import annotations

from tests.assignment_kit import SOLVED, AssignmentSpec, Learner, Validation

POINTS = {
    "ps03_coefficient_test": 2,
    "ps03_leontief_test": 2,
    "ps03_multiplier_test": 2,
    "ps03_key_test": 2,
    "ps03_gaps_test": 2,
}
TESTS = tuple(POINTS)

HALF = Learner(  # task 3 left unanswered: 0
    answers={
        "ps03_coefficient_answer": SOLVED,  # 2 of 2
        "ps03_leontief_answer": "beverages_agriculture_total = 0.2",  # wrong: 0 of 2
        "ps03_key_answer": "key_sectors_supply_side = ['agriculture', 'energy']",  # 1 of 2
        # 1 of 2: one gap of two, none wrong
        "ps03_gaps_answer": "energy_cluster_gaps = ['retail_services']",
    },
    scores={
        "ps03_coefficient_test": 2,
        "ps03_leontief_test": 0,
        "ps03_multiplier_test": 0,
        "ps03_key_test": 1,
        "ps03_gaps_test": 1,
    },
    feedback=("Task 3 is not answered yet", "Task 4 (1 of 2 points): 2 of 4 found"),
)

# Right answers in other forms than the solution's: a numpy scalar read from a matrix, a 1 x 1
# table, a one-row table of several columns, a Series, a table with a column "stage".
NATURAL_ANSWERS = {
    "ps03_coefficient_answer": """
A = valuechain.technical_coefficients(io.Z, io.x)
beverages_paper_coefficient = A.loc["paper_packaging", "beverages"]
""",
    "ps03_leontief_answer": """
L = valuechain.leontief_inverse(valuechain.technical_coefficients(io.Z, io.x))
beverages_agriculture_total = L.loc[["agriculture"], ["beverages"]]
""",
    "ps03_multiplier_answer": """
multipliers = valuechain.multipliers(io)
packaging_jobs_multiplier = multipliers[multipliers["industry"] == "paper_packaging"]
""",
    "ps03_key_answer": """
links = valuechain.linkages(io.Z, io.x, method="ghosh")
key_sectors_supply_side = links.loc[links["type"] == "key", "industry"]
""",
    "ps03_gaps_answer": """
energy = members[members["cluster"] == "se_energy"]
energy_cluster_gaps = valuechain.value_chain_gaps(energy, stages=energy_chain)
""",
}

# Wrong answers that pass the visible checks once these are patched away: all score 0.
WRONG_ANSWERS = {
    "ps03_coefficient_answer": "beverages_paper_coefficient = 0.03\n",
    "ps03_leontief_answer": "beverages_agriculture_total = 0.5\n",
    "ps03_multiplier_answer": "packaging_jobs_multiplier = 30.0\n",
    "ps03_key_answer": "key_sectors_supply_side = ['retail']\n",
    "ps03_gaps_answer": "energy_cluster_gaps = ['processing']\n",
}


# The conceptual mistakes of the module: each fails Validate with a hint that names the mistake.
MISTAKES = {
    "ps03_coefficient_answer": """
beverage_suppliers = valuechain.suppliers(io.Z, io.x, "beverages")
beverages_paper_coefficient = answers.value(beverage_suppliers, "purchases", industry="paper_packaging")
""",
    "ps03_leontief_answer": """
A = valuechain.technical_coefficients(io.Z, io.x)
beverages_agriculture_total = A.loc["agriculture", "beverages"]  # direct only
""",
    "ps03_multiplier_answer": """
multipliers = valuechain.multipliers(io)
packaging_jobs_multiplier = answers.value(multipliers, "direct_employment", industry="paper_packaging")
""",
    "ps03_key_answer": """
links = valuechain.linkages(io.Z, io.x)  # the default forward index
key_sectors_supply_side = answers.values(links, "industry", type="key")
""",
    "ps03_gaps_answer": """
energy = members[members["cluster"] == "se_energy"]
energy_cluster_gaps = answers.values(valuechain.value_chain_map(energy), "stage", gap=True)
""",
}

MORE_MISTAKES = {
    "ps03_coefficient_answer": """
paper_buyers = valuechain.buyers(io.Z, io.x, "paper_packaging")
beverages_paper_coefficient = answers.value(paper_buyers, "allocation_coefficient", industry="beverages")
""",
    "ps03_leontief_answer": """
import numpy as np
A = valuechain.technical_coefficients(io.Z, io.x)
beverages_agriculture_total = (np.eye(len(A)) - A).loc["agriculture", "beverages"]  # I - A, not its inverse
""",
    "ps03_multiplier_answer": """
multipliers = valuechain.multipliers(io)
packaging_jobs_multiplier = answers.value(multipliers, "output_multiplier", industry="paper_packaging")
""",
    "ps03_key_answer": (  # business services is forward-oriented, not key
        "key_sectors_supply_side = ['business_services', 'energy']\n"
    ),
    "ps03_gaps_answer": """
food = members[members["cluster"] == "lv_food"]  # the wrong cluster
energy_cluster_gaps = answers.values(valuechain.value_chain_map(food), "stage", gap=True)
""",
}

# The lesson's answers copied into ps03 (its table of food's suppliers, its beverages multiplier,
# its type= filter): each passed Validate with "Success" before these checks were visible.
LESSON_COPIES = {
    "ps03_coefficient_answer": """
chain_suppliers = valuechain.suppliers(io.Z, io.x, "food")  # the lesson's table, for food
beverages_paper_coefficient = answers.value(chain_suppliers, "input_coefficient", industry="paper_packaging")
""",
    "ps03_leontief_answer": """
chain_suppliers = valuechain.suppliers(io.Z, io.x, "food")
beverages_agriculture_total = answers.value(chain_suppliers, "total_requirement", industry="agriculture")
""",
    "ps03_multiplier_answer": """
multipliers = valuechain.multipliers(io)
packaging_jobs_multiplier = answers.value(multipliers, "employment_multiplier", industry="beverages")
""",
    "ps03_key_answer": """
links = valuechain.linkages(io.Z, io.x, method="ghosh")
key_sectors_supply_side = answers.values(links, "industry", type="backward")
""",
}

# Row and column swapped, the indirect part only, the press release's rounded multiplier, and
# key plus backward-oriented sectors: wrong answers that also passed the visible checks.
SWAPS_AND_PARTS = {
    "ps03_coefficient_answer": """
A = valuechain.technical_coefficients(io.Z, io.x)
beverages_paper_coefficient = A.loc["beverages", "paper_packaging"]  # row and column swapped
""",
    "ps03_leontief_answer": """
beverage_suppliers = valuechain.suppliers(io.Z, io.x, "beverages")
beverages_agriculture_total = answers.value(beverage_suppliers, "indirect_requirement", industry="agriculture")
""",
    "ps03_multiplier_answer": "packaging_jobs_multiplier = 23.6  # food's, from task 7\n",
    "ps03_key_answer": """
links = valuechain.linkages(io.Z, io.x, method="ghosh")
key_sectors_supply_side = answers.values(links, "industry", type=["key", "backward"])
""",
}


SPEC = AssignmentSpec(
    name="ps03-value-chain",
    points=POINTS,
    written=frozenset({"ps03_proposal_task", "ps03_limits_task"}),
    written_points=8,
    half=HALF,
    natural=NATURAL_ANSWERS,
    wrong=WRONG_ANSWERS,
    wrong_feedback=(  # the patches ran (the visible checks passed), the hidden tests still scored
        "Task 1 (0 of 2 points): beverages_paper_coefficient is off",
        "Task 4 (0 of 2 points): 0 of 4 found, 1 listed that should not be",
        "Task 5 (0 of 2 points): 0 of 2 found, 1 listed that should not be",
    ),
    validations=(
        Validation(
            "mistakes",
            MISTAKES,
            {
                "ps03_coefficient_test": "looks like EUR million of purchases",
                "ps03_leontief_test": "that is the direct coefficient (matrix A)",
                "ps03_multiplier_test": "counts only the jobs in paper packaging itself",
                "ps03_key_test": "these are the key sectors with the default forward index",
                "ps03_gaps_test": "packaging is not a stage of an energy chain",
            },
        ),
        Validation(
            "more-mistakes",
            MORE_MISTAKES,
            {
                "ps03_coefficient_test": "that is the share of paper packaging's output sold to",
                "ps03_leontief_test": "a total requirement is never negative",
                "ps03_multiplier_test": "that is the output multiplier, in euros of output",
                "ps03_key_test": "business_services has a backward linkage below 1",
                "ps03_gaps_test": "inputs has members in the South Sweden Energy Cluster",
            },
        ),
        Validation(
            "lesson-copies",
            LESSON_COPIES,
            {
                "ps03_coefficient_test": "that is the food industry's coefficient",
                "ps03_leontief_test": "that is the agriculture behind a euro of food",
                "ps03_multiplier_test": "that is the employment multiplier of beverages",
                "ps03_key_test": "has a supply-side (Ghosh) forward",
            },
        ),
        Validation(
            "swaps-and-parts",
            SWAPS_AND_PARTS,
            {
                "ps03_coefficient_test": "0 is what paper packaging buys from beverages",
                "ps03_leontief_test": "that is only the indirect part",
                "ps03_multiplier_test": "that is the employment multiplier of food",
                "ps03_key_test": "has a supply-side (Ghosh) forward",
            },
        ),
        Validation(
            "unanswered",
            {},
            {test: f"Task {n} is not answered yet" for n, test in enumerate(TESTS, start=1)},
        ),
    ),
)
