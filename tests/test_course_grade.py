"""`course grade` end to end: a generated ps01 cohort with every kind of faulty submission.

The cohort arrives as an instructor gets it by e-mail or from an LMS: a flat folder of .ipynb and
.zip files named after the students. It is graded for real (nbgrader autograde, executed, two
workers, a 10 s cell time limit), then graded by hand as the formgrader would, resubmitted,
and graded again. Each submission's status and points are asserted. Everything a run writes is in
its output folder (the grades, and nbgrader's grading folder in ``<out>/nbgrader``); the course
folder is only read.
"""

from __future__ import annotations

import json
import os
import time
import zipfile
from html import unescape

import nbformat
import pandas as pd
import pytest
from nbgrader.api import Gradebook

from course.grading import cohort, pool, submissions
from tests import assignment_kit as kit

PS01 = "ps01-cluster-economics"
TIMEOUT = 20  # seconds per cell: short, so that the endless loops cost little (and twice what a
# first cell takes on a busy 2-core machine)

LOOP = "total = 0\nwhile True:\n    total += 1"
# an endless loop that also swallows the interrupt sent at the time limit
STUBBORN = "import time\nwhile True:\n    try:\n        time.sleep(60)\n    except KeyboardInterrupt:\n        pass"
DIES = "import os\nos._exit(1)"
WRONG = {  # wrong answers to every task: with PATCHES they must still score 0
    "ps01_lq_answer": "lq_latgale_wood = 9.9\nlq_latgale_wood_latvia = 9.9",
    "ps01_stars_answer": "latgale_starred_categories = ['none']",
    "ps01_shift_answer": "tallinn_it_shift = [1, 2, 3]",
    "ps01_strong_answer": "sydsverige_strong_clusters = ['none']",
    "ps01_growth_answer": "riga_it_cagr = 0.5",
    "ps01_krugman_answer": "most_specialised_region = 'XX'",
}

# student id -> (status, autograded points); None: nothing graded
EXPECTED = {
    # good, half and dies wrote answers to the written tasks; the others left them as handed out
    "good": ("needs manual grading", 12),
    "blank": ("graded", 0),
    "half": ("needs manual grading", 7),
    "loops": ("graded", 10),
    "stubborn": ("graded", 10),
    "dies": ("kernel died in task 4", 10),
    "import-error": ("graded", 10),
    "exits": ("graded", 12),
    "deleted-test": ("graded", 12),
    "edited-test": ("graded", 12),
    "cell-type": ("graded", 12),
    "duplicate-ids": ("graded", 12),
    "printer": ("graded", 12),
    "patcher": ("flagged: rebinds library functions", 0),
    "zipped": ("graded", 12),
    "anna": ("graded", 12),
    "bad-json": ("failed: not a notebook: broken JSON at line 1, column 12", None),
    "empty": ("failed: the file is empty", None),
    "scan": ("failed: scan.pdf is not a notebook (.ipynb) or a zip of one", None),
}


def _cells_by_id(notebook):
    return kit.grade_cells(notebook)


def _inbox(course, folder):
    """The cohort's files, as received."""
    folder.mkdir()

    def put(name, notebook):
        nbformat.write(notebook, folder / name)

    answered = lambda *ids, **sources: kit.answered(course, PS01, ids or None, **sources)  # noqa: E731
    put("good.ipynb", kit.write_answers(answered()))
    put("blank_ps01.ipynb", kit.student_version(course, PS01))
    put(
        "Half - ps01.ipynb",
        kit.write_answers(answered("ps01_lq_answer", "ps01_stars_answer", "ps01_shift_answer")),
    )
    put("loops.ipynb", answered(ps01_stars_answer=LOOP))
    put("stubborn.ipynb", answered(ps01_stars_answer=STUBBORN))
    put(
        "dies.ipynb",
        kit.write_answers(answered(ps01_strong_answer=DIES), tasks=["ps01_portfolio_task"]),
    )
    put("import_error.ipynb", answered(ps01_lq_answer="import course_helpers_of_my_own"))
    exits = answered()
    exits.cells.insert(1, nbformat.v4.new_code_cell("raise SystemExit('stop here')"))
    put("exits.ipynb", exits)

    deleted = answered()
    deleted.cells = [
        c for c in deleted.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "ps01_lq_test"
    ]
    put("deleted_test.ipynb", deleted)
    edited = answered()
    _cells_by_id(edited)["ps01_lq_test"].source = "2  # full marks, please"
    put("edited_test.ipynb", edited)
    cell_type = answered()
    cell = _cells_by_id(cell_type)["ps01_lq_answer"]
    cell.cell_type = "markdown"
    del cell["outputs"], cell["execution_count"]
    put("cell_type.ipynb", cell_type)
    duplicate = answered()
    duplicate.cells[3].id = duplicate.cells[2].id
    (folder / "duplicate_ids.ipynb").write_text(json.dumps(duplicate), encoding="utf-8")
    printer = answered()
    _cells_by_id(printer)["ps01_lq_answer"].source += "\nprint('x' * 5_000_000)"
    put("printer.ipynb", printer)
    put(
        "patcher.ipynb",
        answered(**{**WRONG, "ps01_lq_answer": kit.PATCHES + WRONG["ps01_lq_answer"]}),
    )

    with zipfile.ZipFile(folder / "zipped.zip", "w") as archive:
        archive.writestr("__MACOSX/._homework.ipynb", "not a notebook")
        archive.writestr("zipped/homework.ipynb", nbformat.writes(answered()))
    put("anna.ipynb", kit.student_version(course, PS01))
    os.utime(folder / "anna.ipynb", (time.time() - 3600,) * 2)  # the older of anna's two
    put("Anna (1).ipynb", answered())
    (folder / "bad_json.ipynb").write_text('{"cells": [', encoding="utf-8")
    (folder / "empty.ipynb").write_text("", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    return folder


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = kit.course_with(tmp_path_factory, PS01)
    inbox = _inbox(course, tmp_path_factory.mktemp("inbox") / "ps01")
    out = tmp_path_factory.mktemp("grades")
    start = time.perf_counter()
    grades = cohort.grade_cohort(
        PS01, inbox, root=course, out=out, workers=2, timeout=TIMEOUT, progress=False
    )
    seconds = time.perf_counter() - start
    return course, inbox, out, grades.set_index("student"), seconds


def test_every_submission_gets_its_status_and_points(graded):
    _, _, _, grades, _ = graded
    assert sorted(grades.index) == sorted(EXPECTED)
    for student, (status, points) in EXPECTED.items():
        row = grades.loc[student]
        assert row["status"] == status, (student, row["message"])
        if points is None:
            assert pd.isna(row["auto_score"]) and pd.isna(row["total"])
        else:
            assert row["auto_score"] == points, (student, row["message"])


def test_the_export_has_per_task_scores_and_no_invented_zeros(graded):
    _, _, out, grades, _ = graded
    table = pd.read_csv(out / "grades.csv")
    task_ids = [t.grade_id for t in cohort.tasks(PS01, root=graded[0])]
    spec = "student assignment", " ".join(task_ids), "auto_score manual_score total max status"
    spec += ("to_grade_by_hand",)
    assert list(table.columns) == " ".join([*spec, "message submitted_at"]).split()
    assert table["student"].is_unique and (table["max"] == 20).all()
    # written tasks not graded yet, failed submissions: empty, not 0; nothing written: 0
    by_student = table.set_index("student")
    waiting = by_student.loc[
        ["good", "half"], ["ps01_portfolio_task", "ps01_priority_task", "total"]
    ]
    assert waiting.isna().all().all()
    assert by_student.loc[
        "blank", ["ps01_portfolio_task", "ps01_priority_task", "total"]
    ].tolist() == [0, 0, 0]
    assert by_student.loc["loops", "total"] == 10
    failed = table[table["status"].str.startswith("failed")]
    assert failed[task_ids].isna().all().all()
    assert table.set_index("student").loc["half", "ps01_strong_test"] == 0


def test_a_dead_kernel_keeps_the_points_of_the_other_tasks(graded):
    row = graded[3].loc["dies"]
    assert row["ps01_lq_test"] == 2 and row["ps01_shift_test"] == 3 and row["ps01_growth_test"] == 2
    assert row["ps01_strong_test"] == 0
    assert "kernel died in task 4" in row["message"]
    assert row["to_grade_by_hand"] == "7"  # a written task still waits, whatever the status


def test_the_time_limit_is_really_applied(graded):
    _, _, _, grades, seconds = graded
    for student in ("loops", "stubborn"):
        assert grades.loc[student, "ps01_stars_test"] == 0
        assert "stopped at the time limit: task 2" in grades.loc[student, "message"]
    # a limit ignored would cost nbgrader_config.py's 120 s per stopped cell
    log = (graded[2] / "grading.log").read_text()
    for student, stopped in (("loops", 1), ("stubborn", 2)):
        took = float(log.split(f"course grade: {student}: done in ")[1].split()[0])
        assert took < 100 * stopped, (student, took)
    assert seconds < 600


@pytest.mark.parametrize(
    "student, note",
    [
        ("deleted-test", "test cell ps01_lq_test was deleted (restored)"),
        ("edited-test", "test cell ps01_lq_test was edited (restored)"),
        ("cell-type", "ps01_lq_answer was changed to markdown (changed back)"),
        ("duplicate-ids", "duplicate cell ids (renumbered)"),
        ("zipped", "homework.ipynb graded as ps01.ipynb"),
        ("anna", "graded Anna (1).ipynb, the newer of two files (anna.ipynb)"),
        ("patcher", "scoring (every function, with setattr; ps01_lq_answer)"),
        ("patcher", "task 1: Task 1 (0 of 2 points): lq_latgale_wood is off"),
        ("import-error", "task 1: Hint: Task 1 is not answered yet"),
        ("import-error", "No module named 'course_helpers_of_my_own'"),
        ("stubborn", "RuntimeError: grading stopped this cell"),
        ("dies", "RuntimeError: grading skipped this cell: the kernel died"),
        ("dies", "nothing written for task 8: 0"),
        ("blank", "nothing written for task 7, task 8: 0 (if the answer is elsewhere"),
    ],
)
def test_the_message_says_what_was_repaired_or_found(graded, student, note):
    assert note in graded[3].loc[student, "message"]


def test_a_looping_answer_is_said_to_have_been_stopped(graded):
    # Interrupted in time, the kernel reports it as stopped; when it is slow to answer after the
    # interrupt (a busy machine), the cell is run again as a stand-in that says so instead.
    message = graded[3].loc["loops", "message"]
    assert (
        "was stopped before it finished" in message
        or "grading stopped this cell: it ran longer than the time limit" in message
    ), message


def test_megabytes_of_output_are_cut(graded):
    autograded = graded[2] / "nbgrader" / "autograded" / "printer" / PS01 / "ps01.ipynb"
    assert autograded.stat().st_size < 1_000_000
    assert (graded[2] / "feedback" / "printer.html").stat().st_size < 2_000_000


def test_feedback_has_no_hidden_tests_and_says_it_is_not_final(graded):
    course, _, out, grades, _ = graded
    solution = nbformat.read(course / "solutions" / PS01 / "ps01.ipynb", as_version=4)
    secrets = kit.hidden_lines(solution) + ["BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME"]
    assert len(secrets) > 5
    pages = sorted((out / "feedback").glob("*.html"))
    assert {p.stem for p in pages} == {s for s, (_, p) in EXPECTED.items() if p is not None}
    for page in pages:
        html = unescape(page.read_text(encoding="utf-8"))
        assert ("Not final yet" in html) == (page.stem in ("good", "half", "dies"))
        for secret in secrets:
            assert secret not in html, (page.name, secret)


def test_the_cohort_report_shows_the_hard_tasks_and_their_messages(graded):
    out = graded[2]
    summary = pd.read_csv(out / "cohort-report.csv").set_index("grade_id")
    assert summary.loc["ps01_lq_test", "graded"] == 16
    assert summary.loc["ps01_portfolio_task", "kind"] == "written"
    assert "is not answered yet" in summary.loc["ps01_strong_test", "common_failures"]
    html = (out / "cohort-report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2 and "The tasks most often failed" in html


def test_pending_lists_the_written_answers_that_wait(graded):
    table = cohort.pending(PS01, root=graded[0], out=graded[2])
    assert table[["student", "task"]].values.tolist() == [
        ["dies", 7],
        ["good", 7],
        ["good", 8],
        ["half", 7],
        ["half", 8],
    ]


def _grade_by_hand(out, student, points):
    # what the formgrader does when the instructor saves a score
    with Gradebook(f"sqlite:///{out / 'nbgrader' / 'gradebook.db'}") as book:
        for grade_id, score in points.items():
            grade = book.find_grade(grade_id, "ps01", PS01, student)
            grade.manual_score, grade.needs_manual_grade = score, False
        book.db.commit()


@pytest.fixture(scope="module")
def regraded(graded):
    course, inbox, out, before, _ = graded
    _grade_by_hand(out, "good", {"ps01_portfolio_task": 3, "ps01_priority_task": 4})
    _grade_by_hand(out, "half", {"ps01_portfolio_task": 2, "ps01_priority_task": 1})
    # half resubmits: a changed answer to task 7, nothing else changed
    resubmitted = nbformat.read(inbox / "Half - ps01.ipynb", as_version=4)
    task = next(
        i
        for i, c in enumerate(resubmitted.cells)
        if c.metadata.get("nbgrader", {}).get("grade_id") == "ps01_portfolio_task"
    )
    resubmitted.cells[task + 1].source = "Latgale's wood cluster is strong and growing."
    nbformat.write(resubmitted, inbox / "Half - ps01.ipynb")
    again = cohort.grade_cohort(
        PS01, inbox, root=course, out=out, workers=2, timeout=TIMEOUT, progress=False
    )
    return course, inbox, out, before, again.set_index("student")


def test_a_manual_grade_survives_a_rerun_and_completes_the_total(regraded):
    _, _, out, _, grades = regraded
    good = grades.loc["good"]
    assert good["status"] == "graded" and good["manual_score"] == 7 and good["total"] == 19
    html = (out / "feedback" / "good.html").read_text(encoding="utf-8")
    assert "Not final yet" not in html


def test_a_changed_written_answer_is_flagged_for_regrading(regraded):
    course, _, out, _, grades = regraded
    half = grades.loc["half"]
    assert half["status"] == "needs manual grading"
    assert "the answer changed since it was graded: task 7" in half["message"]
    assert pd.isna(half["ps01_portfolio_task"]) and half["ps01_priority_task"] == 1
    table = cohort.pending(PS01, root=course, out=out)
    row = table[table["student"] == "half"]
    assert row["task"].tolist() == [7] and row["earlier_grade"].tolist() == [2]


def test_a_rerun_changes_nothing_else_and_duplicates_nothing(regraded):
    course, _, out, before, after = regraded
    unchanged = before.drop(index=["good", "half"]).drop(columns=["message"])
    pd.testing.assert_frame_equal(
        after.drop(index=["good", "half"]).drop(columns=["message"]), unchanged
    )
    assert len(pd.read_csv(out / "grades.csv")) == len(EXPECTED)
    with Gradebook(f"sqlite:///{out / 'nbgrader' / 'gradebook.db'}") as book:
        assert len(book.find_assignment(PS01).submissions) == 16


def test_regrade_executes_again_and_gives_the_same_grades(regraded):
    course, inbox, out, _, after = regraded
    again = cohort.grade_cohort(
        PS01, inbox, root=course, out=out, workers=2, timeout=TIMEOUT, progress=False, regrade=True
    ).set_index("student")
    columns = [c for c in again.columns if c not in ("message",)]
    pd.testing.assert_frame_equal(again[columns], after[columns])
    assert again.loc["good", "total"] == 19  # the hand-given grade is kept


def test_student_ids_come_from_the_file_names():
    assert submissions.student_id("Half - ps01.ipynb", PS01, "ps01") == "half"
    assert submissions.student_id("Anna (1).ipynb", PS01, "ps01") == "anna"
    assert submissions.student_id("jānis_ozols-ps01-cluster-economics.zip", PS01, "ps01") == (
        "jānis-ozols"
    )


def test_rebinding_is_found_but_settings_are_not():
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(source)
            for source in (
                "import pandas as pd\npd.options.display.max_rows = 20\ndf = pd.DataFrame()\ndf.x = 1",
                "from course import scoring\nsetattr(scoring, 'score_numbers', print)",
                "import builtins\nbuiltins.round = lambda *a: 1",
                "%matplotlib inline\nimport numpy as np\nnp.isclose = None",
            )
        ]
    )
    assert set(submissions.rebound_names(notebook)) == {
        "scoring.* (cell 2)",
        "builtins (cell 3)",
        "builtins.round (cell 3)",
        "np.isclose (cell 4)",
    }


def test_a_submitted_tree_with_a_wrongly_named_notebook_is_graded_under_the_right_name(tmp_path):
    tree = tmp_path / "submitted"
    (tree / "anna" / PS01).mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), tree / "anna" / PS01 / "ps01 (1).ipynb")
    (tree / "anna" / PS01 / "timestamp.txt").write_text("2026-11-30 12:00:00.000000 UTC")
    (tree / "janis" / PS01).mkdir(parents=True)  # collected, but no notebook in it
    found = submissions.find_submissions(tree, PS01, "ps01")
    assert [(s.student, s.problem) for s in found] == [
        ("anna", None),
        ("janis", "no notebook in ps01-cluster-economics/"),
    ]
    submissions.stage(found[0], tree / "anna" / PS01, "ps01")
    assert sorted(p.name for p in (tree / "anna" / PS01).iterdir()) == [
        "ps01.ipynb",
        "timestamp.txt",
    ]
    assert found[0].notes == ["ps01 (1).ipynb graded as ps01.ipynb"]
    assert found[0].submitted_at == "2026-11-30 12:00:00.000000 UTC"


def test_a_worker_stuck_past_the_limit_is_stopped_and_the_next_submission_still_graded(
    tmp_path_factory,
):
    course = kit.course_with(tmp_path_factory, PS01)
    # a loop that outlasts a generous cell limit: only the whole-submission limit can stop it
    kit.submit(course, PS01, "stuck", kit.answered(course, PS01, ps01_lq_answer=STUBBORN))
    kit.submit(course, PS01, "good", kit.answered(course, PS01))
    jobs = [{"student": "stuck"}, {"student": "good"}]
    out = tmp_path_factory.mktemp("out")
    start = time.perf_counter()
    log = out / "grading.log"
    options = pool.Options(course, course, PS01, 600, 20, workers=1, log=log, progress=False)
    results = pool.run_jobs(jobs, options)
    assert time.perf_counter() - start < 120
    assert results["stuck"] == {
        "student": "stuck",
        "success": False,
        "error": "grading stopped after 20 s (the notebook kept running)",
    }
    assert results["good"]["success"]
    assert "stuck: failed: grading stopped" in (out / "grading.log").read_text()


def test_the_formgrader_shows_the_mark_scheme_in_the_task_cell(graded):
    # what the guide tells instructors: the autograded copy the formgrader shows holds the scheme
    autograded = graded[2] / "nbgrader" / "autograded" / "good" / PS01 / "ps01.ipynb"
    cells = kit.grade_cells(nbformat.read(autograded, as_version=4))
    for task in ("ps01_portfolio_task", "ps01_priority_task"):
        assert "=== BEGIN MARK SCHEME ===" in cells[task].source


def test_the_run_writes_only_to_its_output_folder(graded):
    course, _, out, _, _ = graded
    for tree in ("submitted", "autograded", "feedback", "release"):
        assert not (course / tree).exists(), tree  # the course copy is only read
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as book:  # the kit's, not ours
        assert book.find_assignment(PS01).submissions == []
    grading = out / "nbgrader"
    assert {p.name for p in grading.iterdir()} >= {"gradebook.db", "submitted", "autograded"}


def test_the_grading_folder_config_is_the_one_course_grade_uses(graded):
    # the formgrader and nbgrader's commands run in the grading folder read its nbgrader_config.py
    from traitlets.config.loader import PyFileConfigLoader

    from course.grading import gradebook

    course, _, out, _, _ = graded
    grading = out / "nbgrader"
    written = PyFileConfigLoader("nbgrader_config.py", path=str(grading)).load_config()
    used = gradebook.load_config(course, grading=grading)
    for name in ("root", "source_directory", "release_directory", "db_url"):
        assert written.CourseDirectory[name] == used.CourseDirectory[name], name
    assert written.Autograde.autograde_preprocessors == used.Autograde.autograde_preprocessors
    assert written.Execute.timeout == used.Execute.timeout == 120


@pytest.mark.parametrize(
    "arguments, says",
    [
        (["--submissions", "{empty}"], "there are no submissions in"),
        (["--submissions", "{missing}"], "there is no folder"),
        (["--timeout", "0"], "the time limit must be at least 1 second per cell, not 0"),
        (["--timeout", "-5"], "the time limit must be at least 1 second per cell, not -5"),
        (["--workers", "0"], "the number of workers must be at least 1, not 0"),
        (["--workers", "-2"], "the number of workers must be at least 1, not -2"),
        (["--out", "{root}/solutions/grades"], "is inside the course folder"),
        (["--out", "{root}/exercises"], "(exercises/): grades and nbgrader's working files never"),
        (["--out", "{root}/course/grades"], "is inside the course library"),
        (["--assignment", "ps09"], "there is no assignment 'ps09'. The assignments are: ps01-"),
    ],
)
def test_course_grade_refuses_bad_arguments_before_any_work(tmp_path, capsys, arguments, says):
    from course import cli
    from tests.conftest import ROOT

    (tmp_path / "empty").mkdir()
    (tmp_path / "inbox").mkdir()
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "inbox" / "anna.ipynb")
    given = {"--submissions": str(tmp_path / "inbox"), "--out": str(tmp_path / "out")}
    given |= dict(zip(arguments[::2], arguments[1::2], strict=True))
    folders = {"empty": tmp_path / "empty", "missing": tmp_path / "nowhere", "root": ROOT}
    assignment = given.pop("--assignment", PS01)
    command = ["grade", assignment, "--course", str(ROOT)]
    command += [part.format(**folders) for pair in given.items() for part in pair]
    assert cli.main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith("course grade: ") and err.count("\n") == 1, err
    assert says in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
    for place in (
        "solutions/grades",
        "exercises/nbgrader",
        "exercises/grades.csv",
        "course/grades",
    ):
        assert not (ROOT / place).exists(), place


def test_the_formgrader_needs_a_graded_folder(tmp_path, capsys):
    from course import cli
    from tests.conftest import ROOT

    command = ["grade", PS01, "--formgrader", "--out", str(tmp_path), "--course", str(ROOT)]
    assert cli.main(command) == 2
    err = capsys.readouterr().err
    assert f"course grade: nothing is graded in {tmp_path.resolve()} yet: grade first" in err
    assert not (tmp_path / "nbgrader").exists()


@pytest.mark.parametrize(
    "edited",
    [
        "course/scoring/_hints.py",  # a private file of the scorer
        "course/grading/execute.py",  # how a submission runs
        "course/data.py",  # how the data load
        "course/economics/new_topic.py",  # a file added anywhere in the package
        "datasets/datapackage.json",  # the data's hashes
    ],
)
def test_a_change_to_anything_a_grade_depends_on_grades_again(tmp_path, edited):
    from types import SimpleNamespace

    from course.grading import cohort

    for name in ("course/__init__.py", "course/scoring/_hints.py", "course/grading/execute.py",
                 "course/data.py", "datasets/datapackage.json"):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("one\n")
    found = SimpleNamespace(digest="tests", name="ps01", notebook="ps01")
    submission = tmp_path / "submitted" / "ada" / "ps01" / "ps01.ipynb"
    submission.parent.mkdir(parents=True)
    submission.write_text("{}")

    def key(timeout=120):
        code = cohort.code_digest(tmp_path / "course", tmp_path / "datasets")
        return cohort._key(found, tmp_path, "ada", timeout, code)

    before = key()
    assert key() == before
    (tmp_path / "course" / "__pycache__").mkdir()
    (tmp_path / "course" / "__pycache__" / "data.cpython-311.pyc").write_bytes(b"compiled")
    assert key() == before  # compiled copies do not count
    (tmp_path / edited).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / edited).write_text("two\n")
    assert key() != before
    assert key(timeout=60) != key()
