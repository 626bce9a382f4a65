"""ps03 (value chain analysis), end to end with nbgrader, in a temporary copy of the course.

One round trip of real `nbgrader autograde` (every notebook executed) for a small cohort: the
solution scores full marks, the blank student version 0, a half-right submission its partial
score, natural answers in other forms full marks, and a submission that rebinds course.scoring,
numpy, math and pandas no more than its honest score (0). Then Validate on the conceptual mistakes
and on an unanswered notebook: each check cell fails with its hint, never with a NameError. The
generic checks (the committed student version is nbgrader's output, the solution passes and the
blank version fails every test) run for ps03 in tests/test_assignments.py.
"""

from __future__ import annotations

from html import unescape

import nbformat
import pytest

from course import grading
from tests.assignment_kit import (
    PATCHES,
    course_with,
    grade_cells,
    solution_code,
    student_version,
    submit,
)

PS03 = "ps03-value-chain"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return course_with(tmp_path_factory, PS03)


def _student(course):
    return student_version(course, PS03)


def _submit(course, student: str, notebook) -> None:
    submit(course, PS03, student, notebook)


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

STUDENTS = ("solution", "blank", "half", "natural", "patcher")


@pytest.fixture(scope="module")
def graded_cohort(course):
    solution = nbformat.read(course / "solutions" / PS03 / "ps03.ipynb", as_version=4)
    _submit(course, "solution", solution)
    _submit(course, "blank", _student(course))

    half = _student(course)
    cells = grade_cells(half)
    cells["ps03_coefficient_answer"].source = solution_code(
        solution, "ps03_coefficient_answer"
    )  # 2/2
    cells["ps03_leontief_answer"].source = "beverages_agriculture_total = 0.2"  # wrong: 0 of 2
    cells["ps03_key_answer"].source = "key_sectors_supply_side = ['agriculture', 'energy']"  # 1/2
    cells["ps03_gaps_answer"].source = (  # 1 of 2: one gap of two, none wrong
        "energy_cluster_gaps = ['retail_services']"
    )
    _submit(course, "half", half)

    natural = _student(course)
    for grade_id, source in NATURAL_ANSWERS.items():
        grade_cells(natural)[grade_id].source = source
    _submit(course, "natural", natural)

    patcher = _student(course)
    for grade_id, source in WRONG_ANSWERS.items():
        grade_cells(patcher)[grade_id].source = source
    first = "ps03_coefficient_answer"
    grade_cells(patcher)[first].source = PATCHES + WRONG_ANSWERS[first]
    _submit(course, "patcher", patcher)

    api = grading.nbgrader_api(course)
    runs = {student: api.autograde(PS03, student) for student in STUDENTS}
    return runs, grading.scores(PS03, root=course)


def _auto_scores(scores, student) -> dict[str, float]:
    rows = scores[(scores["student"] == student) & scores["auto"]]
    return dict(zip(rows["grade_id"], rows["score"], strict=True))


TESTS = (
    "ps03_coefficient_test",
    "ps03_leontief_test",
    "ps03_multiplier_test",
    "ps03_key_test",
    "ps03_gaps_test",
)


def test_every_submission_is_graded(graded_cohort):
    runs, _ = graded_cohort
    assert all(runs[student]["success"] for student in STUDENTS), {
        s: r["log"][-500:] for s, r in runs.items() if not r["success"]
    }


def test_solution_scores_full_marks(graded_cohort):
    _, scores = graded_cohort
    assert _auto_scores(scores, "solution") == dict.fromkeys(TESTS, 2)


def test_blank_student_version_scores_zero(graded_cohort):
    _, scores = graded_cohort
    assert _auto_scores(scores, "blank") == dict.fromkeys(TESTS, 0)


def test_half_right_submission_gets_partial_credit(graded_cohort):
    _, scores = graded_cohort
    assert _auto_scores(scores, "half") == {
        "ps03_coefficient_test": 2,
        "ps03_leontief_test": 0,
        "ps03_multiplier_test": 0,
        "ps03_key_test": 1,
        "ps03_gaps_test": 1,
    }


def test_natural_answers_in_any_form_score_full_marks(graded_cohort):
    _, scores = graded_cohort
    assert _auto_scores(scores, "natural") == dict.fromkeys(TESTS, 2)


def test_rebinding_the_checks_numpy_math_or_pandas_gains_nothing(course, graded_cohort):
    _, scores = graded_cohort
    assert _auto_scores(scores, "patcher") == dict.fromkeys(TESTS, 0)  # its honest score
    api = grading.nbgrader_api(course)
    assert api.generate_feedback(PS03, "patcher")["success"]
    html = unescape((course / "feedback" / "patcher" / PS03 / "ps03.html").read_text("utf-8"))
    for reason in (  # the patches ran (the visible checks passed), the hidden tests still scored
        "Task 1 (0 of 2 points): beverages_paper_coefficient is off",
        "Task 4 (0 of 2 points): 0 of 4 found, 1 listed that should not be",
        "Task 5 (0 of 2 points): 0 of 2 found, 1 listed that should not be",
    ):
        assert reason in html


def test_written_tasks_wait_for_the_instructor(graded_cohort):
    _, scores = graded_cohort
    written = scores[(scores["student"] == "solution") & ~scores["auto"]]
    assert set(written["grade_id"]) == {"ps03_proposal_task", "ps03_limits_task"}
    assert written["needs_manual_grade"].all()
    assert written["max_score"].sum() == 8


def test_feedback_gives_reasons_but_no_hidden_tests_or_mark_scheme(course, graded_cohort):
    api = grading.nbgrader_api(course)
    assert api.generate_feedback(PS03, "half")["success"]
    html = unescape((course / "feedback" / "half" / PS03 / "ps03.html").read_text("utf-8"))
    assert "Score: 4.0 / 18.0" in html
    assert "Task 3 is not answered yet" in html and "NameError" not in html
    assert "Task 4 (1 of 2 points): 2 of 4 found" in html
    for secret in ("HIDDEN TESTS", "MARK SCHEME", "Award up to", "expected", "runpy"):
        assert secret not in html, f"feedback reveals {secret!r}"


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


def _validate(course, tmp_path, answers: dict) -> dict[str, str]:
    from nbgrader.validator import Validator

    notebook = _student(course)
    for grade_id, source in answers.items():
        grade_cells(notebook)[grade_id].source = source
    path = tmp_path / "ps03.ipynb"
    nbformat.write(notebook, path)
    failed = Validator(config=grading.load_config(course)).validate(str(path)).get("failed", [])
    return {
        grade_id: next(
            (f["raw_error"] for f in failed if f["source"] == cell.source.strip()), "passed"
        )
        for grade_id, cell in grade_cells(notebook).items()
        if grade_id in TESTS
    }


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            MISTAKES,
            {
                "ps03_coefficient_test": "looks like EUR million of purchases",
                "ps03_leontief_test": "that is the direct coefficient (matrix A)",
                "ps03_multiplier_test": "counts only the jobs in paper packaging itself",
                "ps03_key_test": "these are the key sectors with the default forward index",
                "ps03_gaps_test": "packaging is not a stage of an energy chain",
            },
        ),
        (
            MORE_MISTAKES,
            {
                "ps03_coefficient_test": "that is the share of paper packaging's output sold to",
                "ps03_leontief_test": "a total requirement is never negative",
                "ps03_multiplier_test": "that is the output multiplier, in euros of output",
                "ps03_key_test": "business_services has a backward linkage below 1",
                "ps03_gaps_test": "inputs has members in the South Sweden Energy Cluster",
            },
        ),
        (
            LESSON_COPIES,
            {
                "ps03_coefficient_test": "that is the food industry's coefficient",
                "ps03_leontief_test": "that is the agriculture behind a euro of food",
                "ps03_multiplier_test": "that is the employment multiplier of beverages",
                "ps03_key_test": "has a supply-side (Ghosh) forward",
            },
        ),
        (
            SWAPS_AND_PARTS,
            {
                "ps03_coefficient_test": "0 is what paper packaging buys from beverages",
                "ps03_leontief_test": "that is only the indirect part",
                "ps03_multiplier_test": "that is the employment multiplier of food",
                "ps03_key_test": "has a supply-side (Ghosh) forward",
            },
        ),
        (
            {},
            {test: f"Task {n} is not answered yet" for n, test in enumerate(TESTS, start=1)},
        ),
    ],
    ids=["mistakes", "more-mistakes", "lesson-copies", "swaps-and-parts", "unanswered"],
)
def test_conceptual_mistakes_fail_validate_with_a_hint(course, tmp_path, answers, expected):
    errors = _validate(course, tmp_path, answers)
    for grade_id, message in expected.items():
        assert message in errors[grade_id], (grade_id, errors[grade_id])
        assert "NameError" not in errors[grade_id]
