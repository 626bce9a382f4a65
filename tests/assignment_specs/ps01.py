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
        # the lesson's filter (at least two stars): 2 of the 5 categories, 0.8 of 2 points
        "ps01_stars_answer": "latgale_starred_categories = ['plastics', 'forestry_wood']",
        "ps01_krugman_answer": "most_specialised_region = 'LV006'",  # wrong: 0 of 1
    },
    scores={
        "ps01_lq_test": 2,
        "ps01_stars_test": 0.8,
        "ps01_shift_test": 3,
        "ps01_strong_test": 0,
        "ps01_growth_test": 0,
        "ps01_krugman_test": 0,
    },
    feedback=(  # a one-line reason for each hidden result, and never the hidden code
        "Hint: Task 4 is not answered yet",
        "Task 2 (0.8 of 2 points): latgale_starred_categories is off: this is the list for at "
        "least two stars (the lesson's filter): the task asks for at least one star",
        "Task 3 (full marks)",
        "Task 6 (0 of 1 points): most_specialised_region is off: 'LV006' does not have the "
        "largest value",
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
lq_latgale_wood = lq[(lq["region"] == "LV005") & (lq["industry"] == "C16")]
lq_latvia = economics.location_quotient(in_2023[in_2023["country"] == "LV"])
lq_latgale_wood_latvia = lq_latvia.loc[
    (lq_latvia["region"] == "LV005") & (lq_latvia["industry"] == "C16"), "lq"
]
""",
    "ps01_stars_answer": """
import pandas as pd

stars = economics.star_rating(categories_2023)
latgale_starred_categories = pd.Index(
    stars.loc[(stars["region"] == "LV005") & (stars["stars"] >= 1), "category"]
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

# Numbers typed from tables printed at the lesson's precision (LQ: 2 decimals, shift-share
# parts: whole jobs, CAGR: 4 decimals) earn their points too
TYPED = {
    "ps01_lq_answer": "lq_latgale_wood, lq_latgale_wood_latvia = 1.98, 1.07\n",
    "ps01_shift_answer": "tallinn_it_shift = {'national_share': 785, 'industry_mix': 6265, "
    "'regional_shift': 2196}\n",
    "ps01_growth_answer": "riga_it_cagr = 0.0708\n",
}
MORE["typed"] = Learner(
    answers=TYPED, scores={"ps01_lq_test": 2, "ps01_shift_test": 3, "ps01_growth_test": 2}
)

# Wrong answers that pass the visible checks once these are patched away: all score 0.
WRONG_ANSWERS = {
    "ps01_lq_answer": "lq_latgale_wood, lq_latgale_wood_latvia = 1.5, 1.2\n",
    "ps01_stars_answer": "latgale_starred_categories = ['finance']\n",
    "ps01_shift_answer": (
        "tallinn_it_shift = {'national_share': 3082, 'industry_mix': 3082, 'regional_shift': 3082}\n"
    ),
    "ps01_strong_answer": "sydsverige_strong_clusters = ['energy', 'food_processing']\n",
    "ps01_growth_answer": "riga_it_cagr = 0.05\n",
    "ps01_krugman_answer": "most_specialised_region = 'LV008'\n",
}


# Conceptual mistakes, and one task left unanswered: Validate fails each with a hint.
MISTAKES = {
    "ps01_lq_answer": """
lq = economics.location_quotient(in_2023)
lq_latgale_wood = answers.value(lq, "lq", region="LV005", industry="C16")
lq_latgale_wood_latvia = lq_latgale_wood  # the same reference area twice
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

# The lesson's case kept in every task: Vidzeme's food, Vidzeme's tourism, Rīga's strong list,
# the Krugman index on cluster categories. Each hint names the slip.
LESSON_CASE = {
    "ps01_lq_answer": """
lq = economics.location_quotient(in_2023)
lq_latgale_wood = answers.value(lq, "lq", region="LV008", industry="C10")
lq_latvia = economics.location_quotient(in_2023[in_2023["country"] == "LV"])
lq_latgale_wood_latvia = answers.value(lq_latvia, "lq", region="LV005", industry="C16")
""",
    "ps01_stars_answer": """
stars = economics.star_rating(categories_2023)
latgale_starred_categories = answers.values(stars, "category", region="LV008", stars=[1, 2, 3])
""",
    "ps01_shift_answer": """
shifts = economics.shift_share(employment, start=2013, end=2023)
tallinn_it_shift = answers.top(shifts, "total_change", n=1, region="LV008", industry="C10")
""",
    "ps01_strong_answer": """
strength = economics.cluster_strength(categories_2023[categories_2023["traded"]])
sydsverige_strong_clusters = answers.values(strength, "category", region="LV006", strong=True)
""",
    "ps01_growth_answer": """
growth = economics.growth(by_category, start=2013, end=2023, industry="category")
riga_it_cagr = answers.value(growth, "cagr", region="LV008", category="it_electronics")
""",
    "ps01_krugman_answer": """
krugman_categories = economics.krugman_index(categories_2023, industry="category", reference="rest")
most_specialised_region = answers.value(answers.top(krugman_categories, "krugman", n=1), "region")
""",
}

# What the stand-in learner did: a value rounded when copied, the lesson's filter, a code
# without quotes, a single number for three parts, a simple average for a compound rate, and a
# code that is not a region; a correct answer with raise NotImplementedError() left below it
# passes (the answer is right).
MORE_MISTAKES = {
    "ps01_lq_answer": "lq_latgale_wood, lq_latgale_wood_latvia = 2.0, 1.07\n",
    "ps01_stars_answer": """
stars = economics.star_rating(categories_2023)
latgale_starred_categories = answers.values(stars, "category", region="LV005", stars=[2, 3])
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
krugman = economics.krugman_index(in_2023, reference="rest")
most_specialised_region = answers.value(answers.top(krugman, "krugman", n=1), "region")
raise NotImplementedError()
""",
}

VALIDATIONS = (
    Validation(
        "mistakes",
        MISTAKES,
        {
            "ps01_lq_test": "lq_latgale_wood_latvia: this is the LQ for all regions as the "
            "reference area: the task asks for Latvia as the reference area.",
            "ps01_stars_test": "Task 2 is not answered yet: the variable "
            "latgale_starred_categories is not defined. Write latgale_starred_categories = "
            "... (this name, on the left of =) in the answer cell above",
            "ps01_shift_test": "national_share: this number is the industry_mix in another place",
            "ps01_strong_test": "Task 4: this is the list of strong clusters for all categories: "
            "the task asks for the traded categories.",
            "ps01_growth_test": "Task 5: this is the growth over the whole ten years (the column "
            "growth_rate): the task asks for the yearly rate, the column cagr.",
            "ps01_krugman_test": "'LV006' does not have the largest value of the Krugman index",
        },
        never={"ps01_growth_test": ("0.0708", "0.071")},
    ),
    Validation(
        "the lesson's case",
        LESSON_CASE,
        {
            "ps01_lq_test": "Task 1: lq_latgale_wood: this is the LQ for Vidzeme (LV008), food "
            "products (C10): the task asks for Latgale (LV005), wood products (C16).",
            "ps01_stars_test": "Task 2: this is the list for Vidzeme (LV008): the task asks for "
            "Latgale (LV005).",
            "ps01_shift_test": "national_share: this is the shift-share part for Vidzeme (LV008), "
            "food products (C10): the task asks for Põhja-Eesti (EE001), computer programming",
            "ps01_strong_test": "Task 4: this is the list of strong clusters for Rīga (LV006): the "
            "task asks for Sydsverige (SE22).",
            "ps01_growth_test": "Task 5: this is the CAGR for Vidzeme (LV008): the task asks for "
            "Rīga (LV006).",
            "ps01_krugman_test": "Task 6: this is the most specialised region by cluster "
            "categories: use NACE divisions (the table in_2023)",
        },
        never={"ps01_stars_test": ("machinery",), "ps01_lq_test": ("1.98",)},
    ),
    Validation(
        "more mistakes",  # only the learner's own cell says NameError, and the hint explains it
        MORE_MISTAKES,
        {
            "ps01_lq_test": "Task 1: lq_latgale_wood: this is the right value rounded to 1 "
            "decimal: type the value with answers.value rather than copying it from a table.",
            "ps01_stars_test": "Task 2: this is the list for at least two stars (the lesson's "
            "filter): the task asks for at least one star (1, 2 or 3).",
            "ps01_shift_test": "Task 3: tallinn_it_shift is one number, 2196.01: give all three "
            "parts: the one-row result of economics.shift_share or a dict with national_share, "
            "industry_mix and regional_shift",
            "ps01_strong_test": "Task 4 is not answered yet: the variable "
            "sydsverige_strong_clusters is not defined. Write sydsverige_strong_clusters = ... "
            "(this name, on the left of =) in the answer cell above, and run that cell before "
            "this one. The cell run just before this one stopped with a red error: NameError: "
            "name 'SE22' is not defined (a code without quotes, or a name not defined yet).",
            "ps01_growth_test": "is the total growth divided by 10, a simple average: it is not "
            "the compound rate.",
            "ps01_krugman_test": "passed",
        },
        never={"ps01_growth_test": ("0.0708", "0.071"), "ps01_stars_test": ("machinery",)},
    ),
)

SPEC = AssignmentSpec(
    name="ps01-cluster-economics",
    points=POINTS,
    written=frozenset({"ps01_portfolio_task", "ps01_priority_task"}),
    written_points=8,
    half=HALF,
    natural=NATURAL_ANSWERS,
    wrong=WRONG_ANSWERS,
    wrong_feedback=(  # the patches did run: the visible checks passed, the hidden tests did not
        "Task 1 (0 of 2 points): lq_latgale_wood is off: compute the LQ on the 2023 table",
        "Task 2 (0 of 2 points): latgale_starred_categories is off",
        "Task 3 (0 of 3 points): national_share is off: the start employment times",
        "Task 4 (0 of 2 points): sydsverige_strong_clusters is off",
        "Task 5 (0 of 2 points): riga_it_cagr is off",
        "Task 6 (0 of 1 points): most_specialised_region is off",
    ),
    validations=VALIDATIONS,
    more=MORE,
    # short, so that the endless loop costs little (the course default is 120 s), yet long enough
    # for the set-up cell (imports and data) on a loaded machine: 10 s interrupted it there
    cell_timeout=30,
)
