"""Graded assignments, end to end with nbgrader, in a temporary copy of the course.

For every assignment in solutions/: the committed student version is exactly what nbgrader
generates; the solution passes its tests and the blank student version fails every one; and a
cohort graded by `course.grading` gets the scores it deserves: full marks for the solution,
zero for a blank notebook, partial credit for a half-right one, zero (not a hang) for the task
that loops forever, and a clear failure for a file that is not a notebook.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape

import nbformat
import pytest

from course import grading
from tests.assignment_kit import PATCHES, grade_cells
from tests.conftest import ROOT

ASSIGNMENTS = grading.assignments()
pytestmark = pytest.mark.slow


_grade_cells = grade_cells  # the nbgrader cells of a notebook by grade_id


def _auto_points(notebook) -> float:
    return sum(
        cell.metadata["nbgrader"]["points"]
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code"
    )


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the course root in which nbgrader has generated every student version."""
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "solutions", root / "solutions")
    shutil.copytree(ROOT / "exercises", root / "exercises", dirs_exist_ok=True)
    for assignment in ASSIGNMENTS:
        shutil.rmtree(root / "exercises" / assignment)
        grading.generate_exercises(assignment, root=root)
    return root


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_committed_student_version_is_what_nbgrader_generates(course, assignment):
    committed = sorted((ROOT / "exercises" / assignment).iterdir())
    generated = sorted((course / "exercises" / assignment).iterdir())
    assert [p.name for p in committed] == [p.name for p in generated]
    for mine, fresh in zip(committed, generated, strict=True):
        assert mine.read_bytes() == fresh.read_bytes(), (
            f"{mine.relative_to(ROOT)} differs from nbgrader's output: run `course release`"
        )


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_student_version_keeps_every_graded_cell_and_no_answers(course, assignment):
    for notebook_path in (ROOT / "solutions" / assignment).glob("*.ipynb"):
        source = nbformat.read(notebook_path, as_version=4)
        student = nbformat.read(ROOT / "exercises" / assignment / notebook_path.name, as_version=4)
        assert _grade_cells(student).keys() == _grade_cells(source).keys()
        assert all(
            "NotImplementedError" in cell.source
            for cell in student.cells
            if cell.metadata.get("nbgrader", {}).get("solution") and cell.cell_type == "code"
        )


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_tests_really_test(course, assignment):
    """nbgrader validate: the solution passes every test, the blank version fails every test."""
    from nbgrader.validator import Validator

    config = grading.load_config(course)
    for notebook_path in (course / "solutions" / assignment).glob("*.ipynb"):
        assert Validator(config=config).validate(str(notebook_path)) == {}
        config.Validator.invert = True
        blank = course / "exercises" / assignment / notebook_path.name
        assert Validator(config=config).validate(str(blank)) == {}, (
            "a test passes on a blank notebook"
        )
        config.Validator.invert = False


# --- a cohort for ps01 --------------------------------------------------------------------------

PS01 = "ps01-cluster-economics"


def _answer(solution, grade_id: str) -> str:
    # the solution cell's code without nbgrader's markers: what a good student would write
    source = _grade_cells(solution)[grade_id].source
    return re.sub(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", "", source, flags=re.M)


def _submit(course, student: str, notebook) -> None:
    folder = course / "submitted" / student / PS01
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / "ps01.ipynb")


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


STUDENTS = ("solution", "blank", "half", "loops", "deleted", "broken", "natural", "patcher")


@pytest.fixture(scope="module")
def graded_cohort(course):
    solution = nbformat.read(course / "solutions" / PS01 / "ps01.ipynb", as_version=4)
    blank = nbformat.read(course / "exercises" / PS01 / "ps01.ipynb", as_version=4)

    _submit(course, "solution", solution)
    _submit(course, "blank", blank)

    half = nbformat.read(course / "exercises" / PS01 / "ps01.ipynb", as_version=4)
    cells = _grade_cells(half)
    cells["ps01_lq_answer"].source = _answer(solution, "ps01_lq_answer")  # 2 of 2
    cells["ps01_shift_answer"].source = _answer(solution, "ps01_shift_answer")  # 3 of 3
    cells["ps01_stars_answer"].source = "latgale_two_star_categories = ['plastics']"  # 1 of 2
    cells["ps01_krugman_answer"].source = "most_specialised_region = 'LV006'"  # wrong: 0 of 1
    _submit(course, "half", half)

    loops = nbformat.read(course / "exercises" / PS01 / "ps01.ipynb", as_version=4)
    cells = _grade_cells(loops)
    cells["ps01_lq_answer"].source = _answer(solution, "ps01_lq_answer")
    cells["ps01_growth_answer"].source = "while True:\n    pass"
    _submit(course, "loops", loops)

    deleted = nbformat.read(course / "exercises" / PS01 / "ps01.ipynb", as_version=4)
    _grade_cells(deleted)["ps01_lq_answer"].source = _answer(solution, "ps01_lq_answer")
    deleted.cells = [
        cell
        for cell in deleted.cells
        if cell.metadata.get("nbgrader", {}).get("grade_id") != "ps01_lq_test"
    ]
    _submit(course, "deleted", deleted)

    natural = nbformat.read(course / "exercises" / PS01 / "ps01.ipynb", as_version=4)
    for grade_id, source in NATURAL_ANSWERS.items():
        _grade_cells(natural)[grade_id].source = source
    _submit(course, "natural", natural)

    patcher = nbformat.read(course / "exercises" / PS01 / "ps01.ipynb", as_version=4)
    for grade_id, source in WRONG_ANSWERS.items():
        _grade_cells(patcher)[grade_id].source = source
    _grade_cells(patcher)["ps01_lq_answer"].source = PATCHES + WRONG_ANSWERS["ps01_lq_answer"]
    _submit(course, "patcher", patcher)

    broken = course / "submitted" / "broken" / PS01
    broken.mkdir(parents=True)
    (broken / "ps01.ipynb").write_text('{"cells": [', encoding="utf-8")

    # a short cell timeout keeps the infinite loop cheap; the course default is 120 s
    config = grading.load_config(course)
    config.Execute.timeout = 10
    config.ExecutePreprocessor.timeout = 10
    api = grading.nbgrader_api(course, config=config)
    runs = {student: api.autograde(PS01, student) for student in STUDENTS}
    return runs, grading.scores(PS01, root=course)


def _auto_scores(scores, student) -> dict[str, float]:
    rows = scores[(scores["student"] == student) & scores["auto"]]
    return dict(zip(rows["grade_id"], rows["score"], strict=True))


def test_solution_scores_full_marks(course, graded_cohort):
    runs, scores = graded_cohort
    assert runs["solution"]["success"]
    solution = nbformat.read(course / "solutions" / PS01 / "ps01.ipynb", as_version=4)
    auto = _auto_scores(scores, "solution")
    assert sum(auto.values()) == _auto_points(solution) == 12


def test_blank_student_version_scores_zero(graded_cohort):
    runs, scores = graded_cohort
    assert runs["blank"]["success"]
    auto = _auto_scores(scores, "blank")
    assert len(auto) == 6 and sum(auto.values()) == 0


def test_half_right_submission_gets_partial_credit(graded_cohort):
    _, scores = graded_cohort
    assert _auto_scores(scores, "half") == {
        "ps01_lq_test": 2,
        "ps01_stars_test": 1,
        "ps01_shift_test": 3,
        "ps01_strong_test": 0,
        "ps01_growth_test": 0,
        "ps01_krugman_test": 0,
    }


def test_a_submission_that_loops_forever_is_interrupted_not_hung(graded_cohort):
    runs, scores = graded_cohort
    assert runs["loops"]["success"]
    auto = _auto_scores(scores, "loops")
    assert auto["ps01_lq_test"] == 2
    assert auto["ps01_growth_test"] == 0


def test_a_deleted_test_cell_is_restored_and_run(graded_cohort):
    runs, scores = graded_cohort
    assert runs["deleted"]["success"]
    assert _auto_scores(scores, "deleted")["ps01_lq_test"] == 2


def test_written_tasks_wait_for_the_instructor(graded_cohort):
    _, scores = graded_cohort
    written = scores[(scores["student"] == "solution") & ~scores["auto"]]
    assert set(written["grade_id"]) == {"ps01_portfolio_task", "ps01_priority_task"}
    assert written["needs_manual_grade"].all()
    assert written["max_score"].sum() == 8


def test_a_file_that_is_not_a_notebook_fails_clearly_and_alone(graded_cohort):
    runs, scores = graded_cohort
    assert not runs["broken"]["success"]
    assert "broken" in runs["broken"]["log"] and "ps01.ipynb" in runs["broken"]["log"]
    rows = scores[scores["student"] == "broken"]
    assert rows["score"].isna().all()  # no grade invented: not even a zero
    assert rows["needs_manual_grade"].all()  # the instructor is told to look at it


def test_feedback_shows_the_score_but_no_hidden_tests_or_mark_scheme(course, graded_cohort):
    api = grading.nbgrader_api(course)
    assert api.generate_feedback(PS01, "half")["success"]
    html = unescape((course / "feedback" / "half" / PS01 / "ps01.html").read_text(encoding="utf-8"))
    assert "Score: 6.0 / 20.0" in html  # 6 of 12 autograded; written answers not graded yet
    assert "NameError" not in html
    assert "Task 4 is not answered yet" in html
    # a one-line reason for each hidden result, and never the hidden code
    assert "Task 2 (1 of 2 points): 1 of 2 found: rate the 2023 categories" in html
    assert "Task 3 (full marks)" in html
    assert "Hint: Task 6: 'LV006' does not have the largest value" in html
    for secret in HIDDEN_SECRETS:
        assert secret not in html, f"feedback reveals {secret!r}"
    # the autograded copy keeps the hidden tests: they were restored and run when grading
    autograded = json.loads((course / "autograded" / "half" / PS01 / "ps01.ipynb").read_text())
    assert "BEGIN HIDDEN TESTS" in "".join("".join(c["source"]) for c in autograded["cells"])


HIDDEN_SECRETS = (
    "HIDDEN TESTS",
    "MARK SCHEME",
    "Award up to",
    "expected",
    "score_in_fresh_process",
    "runpy",
    'load("regional_employment")',
    "most recent call last",
)


def test_natural_answers_in_any_form_score_full_marks(graded_cohort):
    runs, scores = graded_cohort
    assert runs["natural"]["success"]
    auto = _auto_scores(scores, "natural")
    assert auto == {
        "ps01_lq_test": 2,
        "ps01_stars_test": 2,
        "ps01_shift_test": 3,
        "ps01_strong_test": 2,
        "ps01_growth_test": 2,
        "ps01_krugman_test": 1,
    }


def test_rebinding_the_checks_numpy_math_or_pandas_gains_nothing(course, graded_cohort):
    runs, scores = graded_cohort
    assert runs["patcher"]["success"]
    auto = _auto_scores(scores, "patcher")
    assert len(auto) == 6 and sum(auto.values()) == 0, auto  # its honest score
    # the patches did run: the visible checks passed, and the hidden tests gave the reasons
    api = grading.nbgrader_api(course)
    assert api.generate_feedback(PS01, "patcher")["success"]
    html = unescape(
        (course / "feedback" / "patcher" / PS01 / "ps01.html").read_text(encoding="utf-8")
    )
    for reason in (
        "Task 1 (0 of 2 points): lq_vidzeme_food is off: compute it on the 2023 table",
        "Task 2 (0 of 2 points): 0 of 2 found, 1 listed that should not be",
        "Task 3 (0 of 3 points): national_share is off: the start employment times",
        "industry_mix is off: use the industry's growth rate in the whole area",
        "Task 4 (0 of 2 points): 1 of 6 found, 1 listed that should not be",
        "Task 5 (0 of 2 points): riga_it_cagr is off",
        "Task 6 (0 of 1 points): LV008 is not it",
    ):
        assert reason in html
    for secret in set(HIDDEN_SECRETS) - {"score_in_fresh_process"}:  # the patches name it
        assert secret not in html, f"feedback reveals {secret!r}"


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

HINTS = {
    "mistakes": (
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
    "more mistakes": (
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
    ),
}


@pytest.mark.parametrize("mistakes", HINTS)
def test_mistakes_fail_validate_with_a_hint_that_validate_prints_whole(course, tmp_path, mistakes):
    from nbgrader.validator import Validator

    answers, expected = HINTS[mistakes]
    notebook = nbformat.read(course / "exercises" / PS01 / "ps01.ipynb", as_version=4)
    for grade_id, source in answers.items():
        _grade_cells(notebook)[grade_id].source = source
    path = tmp_path / "ps01.ipynb"
    nbformat.write(notebook, path)
    validator = Validator(config=grading.load_config(course))
    failed = validator.validate(str(path)).get("failed", [])
    errors = {
        grade_id: next(
            (f["raw_error"] for f in failed if f["source"] == cell.source.strip()), "passed"
        )
        for grade_id, cell in _grade_cells(notebook).items()
        if grade_id.endswith("_test")
    }
    # `nbgrader validate` prints each line of an error after validator.indent and cuts it at
    # validator.width - 3 characters: every line of a hint must fit, so that none is cut off
    fits = validator.width - 3 - len(validator.indent)
    for grade_id, message in expected.items():
        error = errors[grade_id]
        assert message in " ".join(error.split()), (grade_id, error)
        if message != "passed":
            assert error.startswith("Hint: Task "), (grade_id, error)  # no traceback, no code
            assert max(len(line) for line in error.splitlines()) <= fits, (grade_id, error)
    if mistakes == "mistakes":
        assert not [e for e in errors.values() if "NameError" in e]
    else:  # here only the learner's own cell says NameError, and the hint explains it
        assert "0.071" not in errors["ps01_growth_test"]  # the right rate is not given away
        assert "forestry_wood" not in errors["ps01_stars_test"]  # nor the right list
