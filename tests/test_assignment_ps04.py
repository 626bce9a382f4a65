"""ps04 (benchmarking and internationalisation), end to end with nbgrader, in one round trip.

A temporary copy of the course generates the student version and grades a small cohort with real
``nbgrader autograde`` (never ``--no-execute``): the solution scores full marks, the blank student
version 0, a half-right submission its partial score, natural answers in other forms full marks,
and a submission that rebinds course.scoring, numpy, math and pandas no more than its honest score.
Conceptual mistakes fail Validate with a hint. The generic checks (the committed student version
is nbgrader's output, tests really test) run for ps04 in ``tests/test_assignments.py``.
"""

from __future__ import annotations

import re
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

PS04 = "ps04-benchmarking"
pytestmark = pytest.mark.slow

AUTO = {
    "ps04_percentile_test": 2,
    "ps04_weakest_test": 2,
    "ps04_gap_test": 2,
    "ps04_label_test": 2,
    "ps04_hhi_test": 2,
}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return course_with(tmp_path_factory, PS04)


def _student(course):
    return student_version(course, PS04)


def _submit(course, student: str, notebook) -> None:
    submit(course, PS04, student, notebook)


# A learner's natural answers in other forms: one-row tables, a one-element Series, a numpy
# scalar, a one-element list, a value read with .iloc.
NATURAL_ANSWERS = {
    "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
energy_funding_percentile = ranks[
    (ranks["organisation"] == "se_energy") & (ranks["indicator"] == "public_funding_dependency")
]
""",
    "ps04_weakest_answer": """
scores = benchmarking.area_scores(round_2023, peers="sector")
energy_weakest_area = scores.loc[(scores["organisation"] == "se_energy") & scores["weakest"], "area"]
""",
    "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023, peers="sector")
energy_export_gap = gaps.loc[
    (gaps["organisation"] == "se_energy") & (gaps["indicator"] == "export_share_members"),
    "gap_to_top_quartile",
].to_numpy()[0]
""",
    "ps04_label_answer": """
ready = benchmarking.label_readiness(bench, peers="sector")
mine = ready[ready["organisation"] == "se_energy"]
energy_label = mine["estimated_label"].tolist()
energy_areas_improved = mine["areas_improved"].iloc[0]
""",
    "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = hhi[hhi["cluster"] == "se_energy"]
""",
}

# Wrong answers that pass the visible checks once these are patched away: all score 0.
WRONG_ANSWERS = {
    "ps04_percentile_answer": "energy_funding_percentile = 50.0\n",
    "ps04_weakest_answer": "energy_weakest_area = 'structure'\n",
    "ps04_gap_answer": "energy_export_gap = 1.0\n",
    "ps04_label_answer": "energy_label, energy_areas_improved = 'Silver', 3\n",
    "ps04_hhi_answer": "energy_partner_hhi = 5000.0\n",
}


STUDENTS = ("solution", "blank", "half", "natural", "patcher")


@pytest.fixture(scope="module")
def graded(course):
    solution = nbformat.read(course / "solutions" / PS04 / "ps04.ipynb", as_version=4)
    _submit(course, "solution", solution)
    _submit(course, "blank", _student(course))

    half = _student(course)
    cells = grade_cells(half)
    cells["ps04_percentile_answer"].source = solution_code(
        solution, "ps04_percentile_answer"
    )  # 2 of 2
    cells["ps04_weakest_answer"].source = "energy_weakest_area = 'financing'"  # 0 of 2
    cells["ps04_label_answer"].source = solution_code(solution, "ps04_label_answer").replace(
        'energy_areas_improved = answers.value(ready, "areas_improved", organisation="se_energy")',
        "energy_areas_improved = 0",  # not 2: that is the count among all organisations
    )  # the label right, the count wrong: 1 of 2
    cells["ps04_hhi_answer"].source = solution_code(solution, "ps04_hhi_answer")  # 2 of 2
    _submit(course, "half", half)

    natural = _student(course)
    for grade_id, source in NATURAL_ANSWERS.items():
        grade_cells(natural)[grade_id].source = source
    _submit(course, "natural", natural)

    patcher = _student(course)
    for grade_id, source in WRONG_ANSWERS.items():
        grade_cells(patcher)[grade_id].source = source
    first = "ps04_percentile_answer"
    grade_cells(patcher)[first].source = PATCHES + WRONG_ANSWERS[first]
    _submit(course, "patcher", patcher)

    api = grading.nbgrader_api(course)
    runs = {student: api.autograde(PS04, student) for student in STUDENTS}
    assert api.generate_feedback(PS04, "half")["success"]
    assert api.generate_feedback(PS04, "patcher")["success"]
    return runs, grading.scores(PS04, root=course)


def _auto(scores, student) -> dict:
    rows = scores[(scores["student"] == student) & scores["auto"]]
    return dict(zip(rows["grade_id"], rows["score"], strict=True))


def _feedback(course, student) -> str:
    path = course / "feedback" / student / PS04 / "ps04.html"
    return re.sub(r"\s+", " ", unescape(path.read_text(encoding="utf-8")))


def test_solution_scores_full_marks(graded):
    runs, scores = graded
    assert runs["solution"]["success"]
    assert _auto(scores, "solution") == AUTO


def test_blank_student_version_scores_zero(graded):
    runs, scores = graded
    assert runs["blank"]["success"]
    auto = _auto(scores, "blank")
    assert auto.keys() == AUTO.keys() and sum(auto.values()) == 0


def test_half_right_submission_gets_its_partial_score(course, graded):
    _, scores = graded
    assert _auto(scores, "half") == {
        "ps04_percentile_test": 2,
        "ps04_weakest_test": 0,
        "ps04_gap_test": 0,
        "ps04_label_test": 1,
        "ps04_hhi_test": 2,
    }
    html = _feedback(course, "half")
    assert "Task 3 is not answered yet" in html and "NameError" not in html
    assert "Task 2 (0 of 2 points): financing is not it: score the 2023 areas" in html
    assert "Task 4 (full marks): right." in html
    assert "Task 4 (0 of 1 points): energy_areas_improved is off: count the areas" in html
    for secret in ("HIDDEN TESTS", "MARK SCHEME", "Award up to", "score_in_fresh_process", "runpy"):
        assert secret not in html, f"feedback reveals {secret!r}"


def test_natural_answers_in_any_form_score_full_marks(graded):
    runs, scores = graded
    assert runs["natural"]["success"]
    assert _auto(scores, "natural") == AUTO


def test_rebinding_the_checks_numpy_math_or_pandas_gains_nothing(course, graded):
    runs, scores = graded
    assert runs["patcher"]["success"]
    auto = _auto(scores, "patcher")
    assert auto.keys() == AUTO.keys() and sum(auto.values()) == 0, auto  # its honest score
    html = _feedback(course, "patcher")
    for reason in (  # the patches ran, and the fresh process scored the answers anyway
        "Task 1 (0 of 2 points): energy_funding_percentile is off",
        "Task 2 (0 of 2 points): structure is not it",
        "Task 3 (0 of 2 points): energy_export_gap is off",
        "Task 4 (0 of 1 points): Silver is not it",
        "Task 5 (0 of 2 points): energy_partner_hhi is off",
    ):
        assert reason in html


def test_written_tasks_wait_for_the_instructor(graded):
    _, scores = graded
    written = scores[(scores["student"] == "solution") & ~scores["auto"]]
    assert set(written["grade_id"]) == {"ps04_plan_task", "ps04_international_task"}
    assert written["needs_manual_grade"].all() and written["max_score"].sum() == 8


# Conceptual mistakes, and one task left unanswered: Validate fails each with a hint.
MISTAKES = {
    "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector", direction={
    i: "higher" for i in catalogue["indicator"]})  # as if a higher dependency were better
energy_funding_percentile = answers.value(
    ranks, "percentile", organisation="se_energy", indicator="public_funding_dependency")
""",
    "ps04_weakest_answer": """
scores = benchmarking.area_scores(round_2023, peers="sector")
energy_weakest_area = answers.value(scores, "area", organisation="se_energy", area_rank=1)
""",
    "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023, peers="sector")
energy_export_gap = answers.value(
    gaps, "peer_top_quartile", organisation="se_energy", indicator="export_share_members")
""",
    "ps04_label_answer": """
ready = benchmarking.label_readiness(round_2023, peers="sector")  # one round only
energy_label = answers.value(ready, "estimated_label", organisation="se_energy")
energy_areas_improved = answers.value(ready, "areas_improved", organisation="se_energy")
""",
    "ps04_hhi_answer": "# YOUR CODE HERE\nraise NotImplementedError()",
}

EXPECTED_HINTS = {
    "ps04_percentile_test": "the position read the wrong way round: a lower dependency is better",
    "ps04_weakest_test": "that is the strongest area (area_rank 1)",
    "ps04_gap_test": "this is the top quartile itself (the target), not the distance to it",
    "ps04_label_test": "label_readiness needs both rounds to count improved areas",
    "ps04_hhi_test": "Task 5 is not answered yet",
}


def test_conceptual_mistakes_fail_validate_with_a_hint(course, tmp_path):
    from nbgrader.validator import Validator

    notebook = _student(course)
    for grade_id, source in MISTAKES.items():
        grade_cells(notebook)[grade_id].source = source
    path = tmp_path / "ps04.ipynb"
    nbformat.write(notebook, path)
    failed = Validator(config=grading.load_config(course)).validate(str(path))["failed"]
    errors = {
        grade_id: " ".join(
            next(
                (f["raw_error"] for f in failed if f["source"] == cell.source.strip()), "passed"
            ).split()
        )  # Validate wraps long messages
        for grade_id, cell in grade_cells(notebook).items()
        if grade_id.endswith("_test")
    }
    for grade_id, message in EXPECTED_HINTS.items():
        assert message in errors[grade_id], (grade_id, errors[grade_id])
        assert "NameError" not in errors[grade_id]


def test_a_fraction_and_the_wrong_peer_group_get_their_own_hints(course, tmp_path):
    from nbgrader.validator import Validator

    notebook = _student(course)
    cells = grade_cells(notebook)
    cells["ps04_percentile_answer"].source = """
ranks = benchmarking.percentile_ranks(round_2023)  # all organisations, not the energy peers
energy_funding_percentile = answers.value(
    ranks, "percentile", organisation="se_energy", indicator="public_funding_dependency")
"""
    cells["ps04_label_answer"].source = """
ready = benchmarking.label_readiness(bench)  # all organisations
energy_label = answers.value(ready, "estimated_label", organisation="se_energy")
energy_areas_improved = answers.value(ready, "areas_improved", organisation="se_energy")
"""
    cells["ps04_hhi_answer"].source = """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="se_energy") / 10000
"""
    path = tmp_path / "ps04.ipynb"
    nbformat.write(notebook, path)
    failed = Validator(config=grading.load_config(course)).validate(str(path))["failed"]
    raw = " ".join(" ".join(f["raw_error"] for f in failed).split())
    assert "this is the rank among all organisations: compare with the energy peers" in raw
    assert "this is the estimate among all organisations: compare with the energy peers" in raw
    assert "shares written as fractions (0-1)" in raw


# Wrong answers that passed the visible checks before: the raw value or another indicator for a
# percentile, the gap or the improved areas among all organisations, the lesson's cluster, the
# number of countries or another year for the HHI. Each now fails Validate with its own hint.
LOOK_ALIKES = (
    {
        "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
energy_funding_percentile = answers.value(
    ranks, "value", organisation="se_energy", indicator="public_funding_dependency")
""",
        "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023)  # all organisations, not the energy peers
energy_export_gap = answers.value(
    gaps, "gap_to_top_quartile", organisation="se_energy", indicator="export_share_members")
""",
        "ps04_label_answer": """
ready = benchmarking.label_readiness(bench, peers="sector")
energy_label = answers.value(ready, "estimated_label", organisation="se_energy")
everybody = benchmarking.label_readiness(bench)  # the count among all organisations
energy_areas_improved = answers.value(everybody, "areas_improved", organisation="se_energy")
""",
        "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="lv_it")  # the lesson's cluster
""",
    },
    {
        "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
energy_funding_percentile = answers.value(
    ranks, "percentile", organisation="se_energy", indicator="response_days")
""",
        "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023, peers="sector")
energy_export_gap = answers.value(
    gaps, "value", organisation="se_energy", indicator="export_share_members")
""",
        "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade[trade["year"] == 2021])
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="se_energy")
""",
    },
    {
        "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partners", cluster="se_energy")
""",
    },
)

LOOK_ALIKE_HINTS = (
    {
        "ps04_percentile_test": "this is the cluster's own dependency in % (the column 'value')",
        "ps04_gap_test": "this is the gap to the top quartile of all organisations",
        "ps04_label_test": "energy_areas_improved counts the areas improved among all organisations",
        "ps04_hhi_test": "this is the HHI of another cluster (lv_it)",
    },
    {
        "ps04_percentile_test": "this is the percentile of another indicator",
        "ps04_gap_test": "this is the cluster's own export share (the column 'value')",
        "ps04_hhi_test": "this is the HHI of 2021: use the 2023 trade table",
    },
    {"ps04_hhi_test": "this is the number of partner countries (the column 'partners')"},
)


@pytest.mark.parametrize("case", range(len(LOOK_ALIKES)))
def test_look_alike_numbers_fail_validate_with_their_own_hint(course, tmp_path, case):
    from nbgrader.validator import Validator

    notebook = _student(course)
    cells = grade_cells(notebook)
    for grade_id, source in LOOK_ALIKES[case].items():
        cells[grade_id].source = source
    path = tmp_path / "ps04.ipynb"
    nbformat.write(notebook, path)
    failed = Validator(config=grading.load_config(course)).validate(str(path))["failed"]
    for grade_id, message in LOOK_ALIKE_HINTS[case].items():
        raw = " ".join(
            next(
                (f["raw_error"] for f in failed if f["source"] == cells[grade_id].source.strip()),
                "passed",
            ).split()
        )
        assert message in raw, (grade_id, raw)
