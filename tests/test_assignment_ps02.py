"""ps02 (industry analysis and segmentation), end to end with nbgrader, in a temporary course.

One real ``nbgrader autograde`` round trip (never ``--no-execute``) grades a small cohort: the
solution scores full marks, the blank student version 0, a half-right submission its partial
score, natural answers in other forms full marks, and a submission that rebinds course.scoring,
numpy.isclose and pandas no more than its honest score (0). Four ``nbgrader validate`` runs show
that the common conceptual mistakes fail with a hint that teaches, and that an unanswered task
says so.
"""

from __future__ import annotations

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

PS02 = "ps02-industry-segmentation"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return course_with(tmp_path_factory, PS02)


def _student(course):
    return student_version(course, PS02)


def _submit(course, student: str, notebook) -> None:
    submit(course, PS02, student, notebook)


NATURAL = {
    "ps02_sme_answer": """
classes = segmentation.sme_class(energy_companies)["size_class"]
energy_micro_companies = (classes == "micro").sum()
energy_medium_companies = classes.value_counts()[["medium"]]
""",
    "ps02_export_answer": """
banded = segmentation.export_band(energy)
energy_export_share = (banded["export_band"] == ">50 %").mean()
""",
    "ps02_hhi_answer": """
concentration = segmentation.member_concentration(energy)
energy_hhi = concentration
""",
    "ps02_forces_answer": """
forces = segmentation.five_forces(storage_card)
supplier_power_score = forces.loc[forces["force"] == "supplier_power", "force_score"]
storage_attractiveness = segmentation.attractiveness(forces)["attractiveness"]
""",
    "ps02_segments_answer": """
result = segmentation.segment_members(energy_companies, features, k=range(2, 6))
energy_k = result.scores.loc[result.scores["chosen"], "k"]
energy_largest_segment = result.members["segment"].value_counts().max()
""",
}

# Wrong answers that pass every visible check once the checks are patched away: all score 0.
WRONG = {
    "ps02_sme_answer": "energy_micro_companies, energy_medium_companies = 8, 11\n",
    "ps02_export_answer": "energy_export_share = 0.3\n",
    "ps02_hhi_answer": "energy_hhi = 2000\n",
    "ps02_forces_answer": "supplier_power_score, storage_attractiveness = 4.0, 2.5\n",
    "ps02_segments_answer": "energy_k, energy_largest_segment = 3, 20\n",
}


@pytest.fixture(scope="module")
def scores(course):
    solution = nbformat.read(course / "solutions" / PS02 / "ps02.ipynb", as_version=4)
    _submit(course, "solution", solution)
    _submit(course, "blank", _student(course))

    half = _student(course)
    cells = grade_cells(half)
    cells["ps02_sme_answer"].source = solution_code(solution, "ps02_sme_answer")  # 2 of 2
    cells["ps02_export_answer"].source = "energy_export_share = 11 / 39  # companies only"  # 0
    cells["ps02_hhi_answer"].source = solution_code(solution, "ps02_hhi_answer")  # 2 of 2
    cells["ps02_forces_answer"].source = (  # 1 of 2: the attractiveness is wrong
        solution_code(solution, "ps02_forces_answer") + "\nstorage_attractiveness = 3.0\n"
    )
    _submit(course, "half", half)  # task 5 left unanswered: 0

    natural = _student(course)
    for grade_id, source in NATURAL.items():
        grade_cells(natural)[grade_id].source = source
    _submit(course, "natural", natural)

    patcher = _student(course)
    for grade_id, source in WRONG.items():
        grade_cells(patcher)[grade_id].source = source
    grade_cells(patcher)["ps02_sme_answer"].source = PATCHES + WRONG["ps02_sme_answer"]
    _submit(course, "patcher", patcher)

    api = grading.nbgrader_api(course)
    runs = {s: api.autograde(PS02, s) for s in ("solution", "blank", "half", "natural", "patcher")}
    assert all(run["success"] for run in runs.values()), runs
    table = grading.scores(PS02, root=course)
    auto = table[table["auto"]]
    return {
        student: dict(zip(rows["grade_id"], rows["score"], strict=True))
        for student, rows in auto.groupby("student")
    }, table


TESTS = ["ps02_sme_test", "ps02_export_test", "ps02_hhi_test", "ps02_forces_test",
         "ps02_segments_test"]  # fmt: skip


def test_solution_full_marks_blank_zero(scores):
    auto, table = scores
    assert auto["solution"] == dict.fromkeys(TESTS, 2)
    assert auto["blank"] == dict.fromkeys(TESTS, 0)
    written = table[(table["student"] == "solution") & ~table["auto"]]
    assert set(written["grade_id"]) == {"ps02_segment_task", "ps02_force_task"}
    assert written["needs_manual_grade"].all() and written["max_score"].sum() == 8


def test_half_right_submission_gets_its_partial_score(scores):
    auto, _ = scores
    assert auto["half"] == {
        "ps02_sme_test": 2,
        "ps02_export_test": 0,
        "ps02_hhi_test": 2,
        "ps02_forces_test": 1,
        "ps02_segments_test": 0,
    }


def test_natural_answer_forms_score_full_marks(scores):
    auto, _ = scores
    assert auto["natural"] == dict.fromkeys(TESTS, 2)


def test_rebinding_scoring_numpy_or_pandas_gains_nothing(scores):
    auto, _ = scores
    assert auto["patcher"] == dict.fromkeys(TESTS, 0)


MISTAKES = [
    {  # headcount bands, a percentage, fractions, the mean force score, the silhouette
        "ps02_sme_answer": """
bands = segmentation.size_band(energy_companies)["size_band"]
energy_micro_companies = (bands == "0-9").sum()
energy_medium_companies = (bands == "50-249").sum()
""",
        "ps02_export_answer": "energy_export_share = 100 * (energy['export_share'] > 0.5).mean()\n",
        "ps02_hhi_answer": """
shares = energy_companies["turnover_eur"] / energy_companies["turnover_eur"].sum()
energy_hhi = (shares ** 2).sum()
""",
        "ps02_forces_answer": """
forces = segmentation.five_forces(storage_card)
supplier_power_score = answers.value(forces, "force_score", force="supplier_power")
storage_attractiveness = forces["force_score"].mean()
""",
        "ps02_segments_answer": """
result = segmentation.segment_members(energy_companies, features, k=range(2, 6))
energy_k = answers.value(result.scores, "silhouette", chosen=True)
energy_largest_segment = answers.value(result.profile, "members", segment=1)
""",
    },
    {  # turnover alone, companies only, every member, no weights, unanswered
        "ps02_sme_answer": """
heads, turnover = energy_companies["employees"], energy_companies["turnover_eur"]
energy_micro_companies = ((heads < 10) & (turnover <= 2e6)).sum()
energy_medium_companies = ((heads < 250) & (turnover <= 50e6)).sum() - (
    (heads < 50) & (turnover <= 10e6)).sum()
""",
        "ps02_export_answer": "energy_export_share = (energy_companies['export_share'] > 0.5).mean()\n",
        "ps02_hhi_answer": """
concentration = segmentation.member_concentration(energy, member_types=None)
energy_hhi = answers.value(concentration, "market_hhi")
""",
        "ps02_forces_answer": """
means = storage_card.groupby("force")["score"].mean()
supplier_power_score = means["supplier_power"]
storage_attractiveness = 6 - means.mean()
""",
        "ps02_segments_answer": "# YOUR CODE HERE\nraise NotImplementedError()",
    },
    {  # every member classified and segmented, another band, another cluster copied from the lesson
        "ps02_sme_answer": """
sized = segmentation.member_composition(segmentation.sme_class(energy), "size_class")
energy_micro_companies = answers.value(sized, "members", size_class="micro")
energy_medium_companies = answers.value(sized, "members", size_class="medium")
""",
        "ps02_export_answer": """
exports = segmentation.member_composition(segmentation.export_band(energy), "export_band")
energy_export_share = answers.value(exports, "member_share", export_band="25-50 %")
""",
        "ps02_hhi_answer": """
concentration = segmentation.member_concentration(members)
energy_hhi = answers.value(concentration, "market_hhi", cluster="dk_food")
""",
        "ps02_segments_answer": """
result = segmentation.segment_members(energy, features, k=range(2, 6))
energy_k = result.k
energy_largest_segment = answers.value(result.profile, "members", segment=1)
""",
    },
    {  # the lesson's Jutland filter copied into task 2
        "ps02_export_answer": """
exports = segmentation.member_composition(segmentation.export_band(members), "export_band")
energy_export_share = answers.value(exports, "member_share", cluster="dk_food", export_band=">50 %")
""",
    },
]

HINTS = [
    {
        "ps02_sme_test": "these are the statistical size bands",
        "ps02_export_test": "is not a fraction",
        "ps02_hhi_test": "looks like an HHI with shares as fractions",
        "ps02_forces_test": "that is the mean force score",
        "ps02_segments_test": "it is the number of segments",
    },
    {
        "ps02_sme_test": "turnover OR the balance-sheet total",
        "ps02_export_test": "the share among the companies only",
        "ps02_hhi_test": "counts every member with a turnover",
        "ps02_forces_test": "this ignores the weights",
        "ps02_segments_test": "Task 5 is not answered yet",
    },
    {
        "ps02_sme_test": "these counts classify every member",
        "ps02_export_test": "that is the share of the band '25-50 %'",
        "ps02_hhi_test": "that is the HHI of another cluster (dk_food)",
        "ps02_segments_test": "these are the segments of all the members",
    },
    {"ps02_export_test": "that is the share of another cluster (dk_food)"},
]


@pytest.mark.parametrize("which", range(len(MISTAKES)))
def test_conceptual_mistakes_fail_validate_with_a_hint(course, tmp_path, which):
    from nbgrader.validator import Validator

    notebook = _student(course)
    for grade_id, source in MISTAKES[which].items():
        grade_cells(notebook)[grade_id].source = source
    path = tmp_path / "ps02.ipynb"
    nbformat.write(notebook, path)
    failed = Validator(config=grading.load_config(course)).validate(str(path))["failed"]
    errors = {
        grade_id: " ".join(
            next(
                (f["raw_error"] for f in failed if f["source"] == cell.source.strip()), "passed"
            ).split()
        )
        for grade_id, cell in grade_cells(notebook).items()
        if grade_id.endswith("_test")
    }
    for grade_id, message in HINTS[which].items():
        assert message in errors[grade_id], (grade_id, errors[grade_id])
        assert "NameError" not in errors[grade_id]
