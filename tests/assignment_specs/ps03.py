"""ps03 (value chain analysis): the data of its nbgrader round trip (see tests/assignment_kit.py).

Task 6 is the learner's own cluster (``my_cluster``): the natural learner chooses the IT cluster
another way, the half-right learner the logistics cluster, and the check follows the choice.
"""

from __future__ import annotations

from tests.assignment_kit import SOLVED, AssignmentSpec, Learner, Validation

POINTS = {
    "ps03_coefficient_test": 2,
    "ps03_leontief_test": 2,
    "ps03_multiplier_test": 2,
    "ps03_key_test": 2,
    "ps03_thinnest_test": 2,
    "ps03_own_test": 2,
}

HALF = Learner(  # task 3 left unanswered: 0
    answers={
        "ps03_coefficient_answer": SOLVED,  # 2 of 2
        "ps03_leontief_answer": "beverages_agriculture_total = 0.2",  # wrong: 0 of 2
        # the default forward index: 3 of the 4 key sectors, 1.5 of 2
        "ps03_key_answer": "key_sectors_supply_side = ['agriculture', 'forestry_wood', 'energy']",
        "ps03_thinnest_answer": "energy_thinnest_stage = 'technology_provider'",  # a support stage
        "ps03_own_answer": "my_cluster = 'ee_logistics'\nmy_largest_stage = 'warehousing_terminals'",
    },
    scores={
        "ps03_coefficient_test": 2,
        "ps03_leontief_test": 0,
        "ps03_multiplier_test": 0,
        "ps03_key_test": 1.5,
        "ps03_thinnest_test": 0,
        "ps03_own_test": 2,
    },
    feedback=(
        "Hint: Task 3 is not answered yet",
        "Task 4 (1.5 of 2 points): key_sectors_supply_side is off: this is the list of key "
        "sectors for the default forward index",
        "Task 5 (0 of 2 points): energy_thinnest_stage is off: this is a support stage",
        "Task 6 (full marks)",
    ),
)

# Right answers in other forms than the solution's: a numpy scalar read from a matrix, a 1 x 1
# table, a one-row table of several columns, a Series, a one-row table with a column "stage",
# a code typed in quotes; task 6 for the IT cluster from a table sorted by hand.
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
    "ps03_thinnest_answer": """
energy_map = valuechain.value_chain_map(members[members["cluster"] == "se_energy"], chain="energy")
chain_only = energy_map[energy_map["kind"] == "chain"]
energy_thinnest_stage = chain_only.sort_values("members").head(1)
""",
    "ps03_own_answer": """
my_cluster = "lv_it"
my_map = valuechain.value_chain_map(members[members["cluster"] == my_cluster], chain="it")
my_largest_stage = "software_services"
""",
}

# Numbers typed from tables printed at the lesson's precision (coefficients: 4 decimals, the
# Leontief inverse: 3, multipliers: 1) earn their points too
TYPED = {
    "ps03_coefficient_answer": "beverages_paper_coefficient = 0.0503\n",
    "ps03_leontief_answer": "beverages_agriculture_total = 0.162\n",
    "ps03_multiplier_answer": "packaging_jobs_multiplier = 14.8\n",
}
MORE = {
    "typed": Learner(
        answers=TYPED,
        scores={"ps03_coefficient_test": 2, "ps03_leontief_test": 2, "ps03_multiplier_test": 2},
    ),
    # the plastic row (0.0601) and food's row (0.0500, 3 tenths of a thousandth off) score 0
    "rows": Learner(
        answers={
            "ps03_coefficient_answer": "beverages_paper_coefficient = 0.0601\n",
            "ps03_leontief_answer": """
beverage_suppliers = valuechain.suppliers(io.Z, io.x, "beverages")
beverages_agriculture_total = answers.value(beverage_suppliers, "total_requirement", industry="food")
""",
            "ps03_key_answer": "key_sectors_supply_side = ['agriculture', 'paper_packaging']\n",
        },
        scores={"ps03_coefficient_test": 0, "ps03_leontief_test": 0, "ps03_key_test": 1},
    ),
}

# Wrong answers that pass the visible checks once these are patched away: all score 0.
WRONG_ANSWERS = {
    "ps03_coefficient_answer": "beverages_paper_coefficient = 0.03\n",
    "ps03_leontief_answer": "beverages_agriculture_total = 0.5\n",
    "ps03_multiplier_answer": "packaging_jobs_multiplier = 30.0\n",
    "ps03_key_answer": "key_sectors_supply_side = ['retail']\n",
    "ps03_thinnest_answer": "energy_thinnest_stage = 'equipment'\n",
    "ps03_own_answer": "my_cluster = 'lv_it'\nmy_largest_stage = 'data_platforms'\n",
}

# The conceptual mistakes of the module, and the wrong answers issue 18 lists.
MISTAKES = {
    "ps03_coefficient_answer": """
beverage_suppliers = valuechain.suppliers(io.Z, io.x, "beverages")
beverages_paper_coefficient = answers.value(beverage_suppliers, "input_coefficient", industry="plastic_packaging")
""",
    "ps03_leontief_answer": """
beverage_suppliers = valuechain.suppliers(io.Z, io.x, "beverages")
beverages_agriculture_total = answers.value(beverage_suppliers, "input_coefficient", industry="agriculture")
""",
    "ps03_multiplier_answer": """
multipliers = valuechain.multipliers(io)
packaging_jobs_multiplier = answers.value(multipliers, "direct_employment", industry="paper_packaging")
""",
    "ps03_key_answer": "key_sectors_supply_side = ['agriculture', 'forestry_wood', 'paper_packaging']\n",
    "ps03_thinnest_answer": "energy_thinnest_stage = []\n",
    "ps03_own_answer": """
my_cluster = "lv_it"
my_map = valuechain.value_chain_map(members[members["cluster"] == my_cluster], chain="it")
my_largest_stage = answers.value(answers.top(my_map, "employees", n=1), "stage")
""",
}

# The lesson's case kept in every task: food for beverages, food's multiplier, the default
# forward index, the lesson's cluster on the goods chain, Vidzeme's largest stage for lv_it.
LESSON_CASE = {
    "ps03_coefficient_answer": """
chain_suppliers = valuechain.suppliers(io.Z, io.x, "food")
beverages_paper_coefficient = answers.value(chain_suppliers, "input_coefficient", industry="paper_packaging")
""",
    "ps03_leontief_answer": """
chain_suppliers = valuechain.suppliers(io.Z, io.x, "food")
beverages_agriculture_total = answers.value(chain_suppliers, "total_requirement", industry="agriculture")
""",
    "ps03_multiplier_answer": """
multipliers = valuechain.multipliers(io)
packaging_jobs_multiplier = answers.value(multipliers, "employment_multiplier", industry="food")
""",
    "ps03_key_answer": """
links = valuechain.linkages(io.Z, io.x)
key_sectors_supply_side = answers.values(links, "industry", type="key")
""",
    "ps03_thinnest_answer": """
it_map = valuechain.value_chain_map(members[members["cluster"] == "lv_it"], chain="it")
energy_thinnest_stage = answers.value(answers.top(it_map, "members", n=3, kind="chain").tail(1), "stage")
""",
    "ps03_own_answer": "my_cluster = 'lv_it'\nmy_largest_stage = 'processing'\n",
}

VALIDATIONS = (
    Validation(
        "mistakes",
        MISTAKES,
        {
            "ps03_coefficient_test": "Task 1: this is the technical coefficient for the row "
            "plastic_packaging: the task asks for the row paper_packaging.",
            "ps03_leontief_test": "Task 2: this is the direct coefficient (matrix A, column "
            "input_coefficient)",
            "ps03_multiplier_test": "Task 3: this is the jobs in paper packaging itself (direct "
            "employment)",
            "ps03_key_test": "every industry in your list is a key sector, but at least one is "
            "missing",
            "ps03_thinnest_test": "energy_thinnest_stage is a list of 0 values: give one stage "
            "code as text",
            "ps03_own_test": "research_education is a support stage (kind 'support')",
        },
        never={"ps03_key_test": ("energy",), "ps03_own_test": ("software_services",)},
    ),
    Validation(
        "the lesson's case",
        LESSON_CASE,
        {
            "ps03_coefficient_test": "Task 1: this is the technical coefficient for the buyer "
            "food: the task asks for the buyer beverages.",
            "ps03_leontief_test": "Task 2: this is the total requirement for the buyer food: the "
            "task asks for the buyer beverages.",
            "ps03_multiplier_test": "Task 3: this is the employment multiplier for food: the task "
            "asks for paper_packaging.",
            "ps03_key_test": "Task 4: this is the list of key sectors for the default forward "
            "index (rows of L, the lesson's section 6): the task asks for the supply-side index",
            "ps03_thinnest_test": "Task 5: this is the thinnest stage for lv_it: the task asks "
            "for se_energy.",
            "ps03_own_test": "'processing' is a stage of dk_food and lv_food, not of your cluster lv_it",
        },
        never={"ps03_key_test": ("paper_packaging",)},
    ),
)

SPEC = AssignmentSpec(
    name="ps03-value-chain",
    points=POINTS,
    written=frozenset({"ps03_proposal_task", "ps03_limits_task"}),
    written_points=8,
    half=HALF,
    natural=NATURAL_ANSWERS,
    wrong=WRONG_ANSWERS,
    wrong_feedback=(  # the patches did run: the visible checks passed, the hidden tests did not
        "Task 1 (0 of 2 points): beverages_paper_coefficient is off",
        "Task 2 (0 of 2 points): beverages_agriculture_total is off",
        "Task 3 (0 of 2 points): packaging_jobs_multiplier is off",
        "Task 4 (0 of 2 points): key_sectors_supply_side is off",
        "Task 5 (0 of 2 points): energy_thinnest_stage is off",
        "Task 6 (0 of 2 points): my_largest_stage is off",
    ),
    validations=VALIDATIONS,
    more=MORE,
)
