"""ps01 (cluster economics): the data of its nbgrader round trip (see tests/assignment_kit.py).

On top of every assignment's cohort, ps01 grades a submission that loops forever (a 10 s cell
limit interrupts it), one whose learner deleted a test cell (restored and run), and a file that is
not a notebook (it fails alone and clearly).
"""

from __future__ import annotations

from tests.assignment_kit import SOLVED, AssignmentSpec, Learner, Validation

POINTS = {
    "ps01_lq_test": 2,
    "ps01_stars_test": 2,
    "ps01_shift_test": 3,
    "ps01_strong_test": 2,
    "ps01_growth_test": 2,
    "ps01_krugman_test": 1,
}

HALF = Learner(
    answers={
        "ps01_lq_answer": SOLVED,  # 2 of 2
        "ps01_shift_answer": SOLVED,  # 3 of 3
        "ps01_stars_answer": "latgale_two_star_categories = ['plastics']",  # 1 of 2
        "ps01_krugman_answer": "most_specialised_region = 'LV006'",  # wrong: 0 of 1
    },
    scores={
        "ps01_lq_test": 2,
        "ps01_stars_test": 1,
        "ps01_shift_test": 3,
        "ps01_strong_test": 0,
        "ps01_growth_test": 0,
        "ps01_krugman_test": 0,
    },
    feedback=(  # a one-line reason for each hidden result, and never the hidden code
        "Task 4 is not answered yet",
        "Task 2 (1 of 2 points): 1 of 2 found: rate the 2023 categories",
        "Task 3 (full marks)",
        "Hint: Task 6: 'LV006' does not have the largest value",
    ),
)

MORE = {
    # interrupted at the cell time limit, not hung: the other tasks still score
    "loops": Learner(
        answers={"ps01_lq_answer": SOLVED, "ps01_growth_answer": "while True:\n    pass"},
        scores={"ps01_lq_test": 2, "ps01_growth_test": 0},
    ),
    # nbgrader restores the deleted test cell and runs it
    "deleted": Learner(
        answers={"ps01_lq_answer": SOLVED},
        scores={"ps01_lq_test": 2},
        deletes=("ps01_lq_test",),
    ),
    "broken": Learner(not_a_notebook=True),
}


# A learner's natural answers, in every form the checks accept: one-row tables, a Series, a
# one-element Series, an Index, a list, a numpy scalar, a table of rows, the top row of a table.
NATURAL_ANSWERS = {
    "ps01_lq_answer": """
lq = economics.location_quotient(in_2023)
lq_vidzeme_food = lq[(lq["region"] == "LV008") & (lq["industry"] == "C10")]
lq_latvia = economics.location_quotient(in_2023[in_2023["country"] == "LV"])
lq_vidzeme_food_latvia = lq_latvia.loc[
    (lq_latvia["region"] == "LV008") & (lq_latvia["industry"] == "C10"), "lq"
]
""",
    "ps01_stars_answer": """
import pandas as pd

stars = economics.star_rating(categories_2023)
latgale_two_star_categories = pd.Index(
    stars.loc[(stars["region"] == "LV005") & (stars["stars"] >= 2), "category"]
)
""",
    "ps01_shift_answer": """
shifts = economics.shift_share(employment, start=2013, end=2023)
row = shifts[(shifts["region"] == "EE001") & (shifts["industry"] == "J62")]
tallinn_it_shift = [row["national_share"].item(), row["industry_mix"].item(),
                    row["regional_shift"].item()]
""",
    "ps01_strong_answer": """
strength = economics.cluster_strength(categories_2023[categories_2023["traded"]])
sydsverige_strong_clusters = strength.loc[
    (strength["region"] == "SE22") & strength["strong"], "category"
]
""",
    "ps01_growth_answer": """
growth = economics.growth(by_category, start=2013, end=2023, industry="category")
riga_it_cagr = growth.loc[
    (growth["region"] == "LV006") & (growth["category"] == "it_electronics"), "cagr"
].to_numpy()[0]
""",
    "ps01_krugman_answer": """
krugman = economics.krugman_index(in_2023, reference="rest")
most_specialised_region = answers.top(krugman, "krugman", n=1)
""",
}

# Wrong answers that pass the visible checks once these are patched away: all score 0.
WRONG_ANSWERS = {
    "ps01_lq_answer": "lq_vidzeme_food, lq_vidzeme_food_latvia = 1.5, 1.2\n",
    "ps01_stars_answer": "latgale_two_star_categories = ['textiles']\n",
    "ps01_shift_answer": (
        "tallinn_it_shift = {'national_share': 3082, 'industry_mix': 3082, 'regional_shift': 3082}\n"
    ),
    "ps01_strong_answer": "sydsverige_strong_clusters = ['energy', 'food']\n",
    "ps01_growth_answer": "riga_it_cagr = 0.05\n",
    "ps01_krugman_answer": "most_specialised_region = 'LV008'\n",
}


# Conceptual mistakes, and one task left unanswered: Validate fails each with a hint.
MISTAKES = {
    "ps01_lq_answer": """
lq = economics.location_quotient(in_2023)
lq_vidzeme_food = answers.value(lq, "lq", region="LV008", industry="C10")
lq_vidzeme_food_latvia = lq_vidzeme_food  # the same reference area twice
""",
    "ps01_stars_answer": "# YOUR CODE HERE\nraise NotImplementedError()",
    "ps01_shift_answer": """
shifts = economics.shift_share(employment, start=2013, end=2023)
row = shifts[(shifts["region"] == "EE001") & (shifts["industry"] == "J62")]
tallinn_it_shift = {"national_share": row["industry_mix"].item(),
                    "industry_mix": row["national_share"].item(),
                    "regional_shift": row["regional_shift"].item()}
""",
    "ps01_strong_answer": """
strength = economics.cluster_strength(categories_2023)  # all categories, local ones too
sydsverige_strong_clusters = answers.values(strength, "category", region="SE22", strong=True)
""",
    "ps01_growth_answer": """
growth = economics.growth(by_category, start=2013, end=2023, industry="category")
riga_it_cagr = answers.value(growth, "growth_rate", region="LV006", category="it_electronics")
""",
    "ps01_krugman_answer": "most_specialised_region = 'LV006'  # a guess\n",
}

# What the stand-in learner did: lines copied from the lesson, a code without quotes, a
# single number for three parts, a simple average for a compound rate, and a correct answer
# with raise NotImplementedError() left below it (that one passes: the answer is right).
MORE_MISTAKES = {
    "ps01_lq_answer": """
lq = economics.location_quotient(in_2023)
lq_vidzeme_food = answers.value(lq, "lq", region="LV008", industry="C10")
lq_latvia = economics.location_quotient(in_2023[in_2023["country"] == "LV"])
lq_vidzeme_food_latvia = answers.value(lq_latvia, "lq", region="LV008", industry="C10")
raise NotImplementedError()
""",
    "ps01_stars_answer": """
stars = economics.star_rating(categories_2023)
latgale_two_star_categories = answers.values(stars, "category", region="LV008", stars=[2, 3])
""",
    "ps01_shift_answer": """
shifts = economics.shift_share(employment, start=2013, end=2023)
tallinn_it_shift = answers.value(shifts, "regional_shift", region="EE001", industry="J62")
""",
    "ps01_strong_answer": """
strength = economics.cluster_strength(categories_2023[categories_2023["traded"]])
sydsverige_strong_clusters = answers.values(strength, "category", region=SE22, strong=True)
""",
    "ps01_growth_answer": """
growth = economics.growth(by_category, start=2013, end=2023, industry="category")
total = answers.value(growth, "growth_rate", region="LV006", category="it_electronics")
riga_it_cagr = total / 10
""",
    "ps01_krugman_answer": """
krugman_categories = economics.krugman_index(categories_2023, industry="category", reference="rest")
most_specialised_region = answers.value(answers.top(krugman_categories, "krugman", n=1), "region")
""",
}

SPEC = AssignmentSpec(
    name="ps01-cluster-economics",
    points=POINTS,
    written=frozenset({"ps01_portfolio_task", "ps01_priority_task"}),
    written_points=8,
    half=HALF,
    natural=NATURAL_ANSWERS,
    wrong=WRONG_ANSWERS,
    wrong_feedback=(  # the patches did run: the visible checks passed, the hidden tests did not
        "Task 1 (0 of 2 points): lq_vidzeme_food is off: compute it on the 2023 table",
        "Task 2 (0 of 2 points): 0 of 2 found, 1 listed that should not be",
        "Task 3 (0 of 3 points): national_share is off: the start employment times",
        "industry_mix is off: use the industry's growth rate in the whole area",
        "Task 4 (0 of 2 points): 1 of 6 found, 1 listed that should not be",
        "Task 5 (0 of 2 points): riga_it_cagr is off",
        "Task 6 (0 of 1 points): LV008 is not it",
    ),
    validations=(
        Validation(
            "mistakes",
            MISTAKES,
            {
                "ps01_lq_test": "both LQs are equal, but they use different reference areas",
                "ps01_stars_test": "Task 2 is not answered yet: the variable "
                "latgale_two_star_categories is not defined. Write latgale_two_star_categories = "
                "... (this name, on the left of =) in the answer cell above",
                "ps01_shift_test": "the numbers are right but some are in the wrong place",
                "ps01_strong_test": "construction is a local category: the rule is for traded ones",
                "ps01_growth_test": "0.98 looks like growth over ten years, not a yearly rate",
                "ps01_krugman_test": "'LV006' does not have the largest value of the Krugman index",
            },
        ),
        Validation(
            "more mistakes",  # only the learner's own cell says NameError, and the hint explains it
            MORE_MISTAKES,
            {
                "ps01_lq_test": "passed",
                "ps01_stars_test": "Task 2: this is the list of Vidzeme (LV008), not of the region "
                "the task asks for: check the region code. The task asks for Latgale (LV005).",
                "ps01_shift_test": "Task 3: tallinn_it_shift is one number, 2196.01: give all three "
                "parts: the one-row result of economics.shift_share or a dict with national_share, "
                "industry_mix and regional_shift",
                "ps01_strong_test": "Task 4 is not answered yet: the variable "
                "sydsverige_strong_clusters is not defined. Write sydsverige_strong_clusters = ... "
                "(this name, on the left of =) in the answer cell above, and run that cell before "
                "this one. The cell run just before this one stopped with a red error: NameError: "
                "name 'SE22' is not defined (a code without quotes, or a name not defined yet).",
                "ps01_growth_test": "is the total growth divided by 10 (end / start - 1) / 10, a "
                "simple average: it is not the compound rate.",
                "ps01_krugman_test": "Task 6: this is the most specialised region by cluster "
                "categories: use NACE divisions (the table in_2023), not cluster categories",
            },
            never={
                "ps01_growth_test": ("0.071",),  # the right rate is not given away
                "ps01_stars_test": ("forestry_wood",),  # nor the right list
            },
        ),
    ),
    more=MORE,
    # short, so that the endless loop costs little (the course default is 120 s), yet long enough
    # for the set-up cell (imports and data) on a loaded machine: 10 s interrupted it there
    cell_timeout=30,
)
