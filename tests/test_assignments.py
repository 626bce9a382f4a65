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

import nbformat
import pytest

from course import grading
from tests.conftest import ROOT

ASSIGNMENTS = grading.assignments()
pytestmark = pytest.mark.slow


def _grade_cells(notebook) -> dict[str, dict]:
    return {
        cell.metadata["nbgrader"]["grade_id"]: cell
        for cell in notebook.cells
        if "nbgrader" in cell.metadata
    }


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
            f"{mine.relative_to(ROOT)} differs from nbgrader's output: run `course exercises`"
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
    cells["ps01_krugman_answer"].source = "most_specialised_region = 'LV008'"  # wrong: 0 of 1
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

    broken = course / "submitted" / "broken" / PS01
    broken.mkdir(parents=True)
    (broken / "ps01.ipynb").write_text('{"cells": [', encoding="utf-8")

    # a short cell timeout keeps the infinite loop cheap; the course default is 120 s
    config = grading.load_config(course)
    config.Execute.timeout = 10
    config.ExecutePreprocessor.timeout = 10
    api = grading.nbgrader_api(course, config=config)
    runs = {
        student: api.autograde(PS01, student)
        for student in ("solution", "blank", "half", "loops", "deleted", "broken")
    }
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
    html = (course / "feedback" / "half" / PS01 / "ps01.html").read_text(encoding="utf-8")
    assert "Score: 6.0 / 20.0" in html  # 6 of 12 autograded; written answers not graded yet
    assert "NameError: name 'tallinn_it_shift' is not defined" not in html
    assert "NameError: name 'sydsverige_strong_clusters' is not defined" in html
    for secret in (
        "HIDDEN TESTS",
        "MARK SCHEME",
        "Award up to",
        "_expected",
        "most recent call last",
    ):
        assert secret not in html, f"feedback reveals {secret!r}"
    # the autograded copy keeps the hidden tests: they were restored and run when grading
    autograded = json.loads((course / "autograded" / "half" / PS01 / "ps01.ipynb").read_text())
    assert "BEGIN HIDDEN TESTS" in "".join("".join(c["source"]) for c in autograded["cells"])
