"""``course grade``: a whole cohort from the submissions as received to grades and feedback.

One call checks its arguments before doing anything, checks and stages the submissions
(:mod:`course.grading.submissions`), autograds them with nbgrader in parallel worker processes
(:mod:`course.grading.pool`), then runs the steps after grading in their order
(:data:`course.grading.steps.AFTER_GRADING`): one row per student with a status, ``grades.csv``,
the feedback and the cohort report.

Everything a run writes stays in its output folder (``--out``), outside the repository: the
grades, and in ``<out>/nbgrader/`` the *grading folder*, nbgrader's course folder of the run
(``gradebook.db``, ``release/``, ``submitted/``, ``autograded/``, ``feedback/`` and an
``nbgrader_config.py`` for the formgrader). Re-running with the same output folder is safe:
unchanged submissions are not executed again (``regrade=True`` executes all), grades come out
the same, no row is duplicated, grades given by hand in the formgrader are kept, and a written
answer that changed since it was graded is put back on the formgrader's list.

Example (what ``course grade ps01-cluster-economics --submissions ~/inbox/ps01`` runs)::

    grades = grade_cohort("ps01-cluster-economics", Path("~/inbox/ps01").expanduser())
    grades[["student", "total", "max", "status"]]
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd

from course.grading import gradebook, pool, steps
from course.grading.submissions import Submission, find_submissions, stage
from course.grading.tasks import Assignment, Task, answers, tasks

__all__ = [
    "Task",
    "tasks",
    "Plan",
    "grade_cohort",
    "check_arguments",
    "grade",
    "pending",
    "default_out",
    "grading_folder",
]


def default_out(assignment: str) -> Path:
    """Where the grades go unless ``--out`` says otherwise: outside the repository.

    ``~/cluster-course-grades/<assignment>`` (``$COURSE_GRADES_DIR`` replaces the first part):
    a cohort's grades must never end up in a public repository.

    >>> default_out("ps01-cluster-economics").name
    'ps01-cluster-economics'
    """
    base = os.environ.get("COURSE_GRADES_DIR") or Path.home() / "cluster-course-grades"
    return Path(base).expanduser() / assignment


def grading_folder(out: Path) -> Path:
    """The grading folder of the run whose grades go to ``out``: nbgrader's course folder.

    >>> grading_folder(Path("grades")).as_posix()
    'grades/nbgrader'
    """
    return Path(out) / "nbgrader"


@dataclass(frozen=True)
class Plan:
    """What one ``course grade`` run grades, checked by :func:`check_arguments`."""

    assignment: Assignment  # read once for the whole run
    received: list[Submission]  # found in the submissions folder (nothing written yet)
    submissions: Path
    root: Path  # the course
    out: Path  # the grades, and the grading folder in out/nbgrader
    timeout: int  # seconds per cell
    workers: int | None  # parallel workers (None: one per processor core)
    sandbox: str = "none"  # where submissions run (see check_arguments)
    sandbox_detail: str = ""  # which sandbox, or why there is none


def check_arguments(
    assignment: str,
    submissions: Path,
    *,
    root: Path = gradebook.ROOT,
    out: Path | None = None,
    workers: int | None = None,
    timeout: int | None = None,
    trust_submissions: bool = False,
) -> Plan:
    """Refuse what ``course grade`` cannot do, before it does anything; one plain sentence each.

    Refused: an unknown assignment (the message lists the real ones), a time limit or a number
    of workers below 1, an output folder inside the course (``solutions/``, ``exercises/``, the
    library: grades and nbgrader's files never go into the repository), a submissions folder
    that does not exist or holds no submission. Reads the assignment and the submissions
    folder; writes nothing.

    >>> check_arguments("ps01-cluster-economics", Path("inbox"), timeout=0)
    Traceback (most recent call last):
    ...
    course.grading.gradebook.GradingError: the time limit must be at least 1 second per cell, not 0 (--timeout S; the course's default is 120).
    """
    root = Path(root).resolve()
    out = Path(out or default_out(assignment)).expanduser().resolve()
    found = Assignment.read(assignment, root)
    default_timeout = gradebook.load_config(root).Execute.timeout  # nbgrader_config.py's
    if timeout is not None and timeout < 1:
        raise gradebook.GradingError(
            f"the time limit must be at least 1 second per cell, not {timeout}"
            f" (--timeout S; the course's default is {default_timeout})."
        )
    if workers is not None and workers < 1:
        raise gradebook.GradingError(
            f"the number of workers must be at least 1, not {workers} (--workers N;"
            f" the default is one per processor core, {os.cpu_count()} here)."
        )
    _check_out(out, root)
    received = find_submissions(Path(submissions), assignment, found.notebook)  # reads only
    if not received:
        raise gradebook.GradingError(
            f"there are no submissions in {submissions}: it holds no notebook (.ipynb), zip or"
            " student folder. Give the folder the files were saved to (--submissions FOLDER)."
        )
    timeout = int(timeout or default_timeout)
    sandbox = _sandbox(trust_submissions)
    return Plan(found, received, Path(submissions), root, out, timeout, workers, *sandbox)


def _sandbox(trusted: bool) -> tuple[str, str]:
    from course.grading import sandbox

    found = sandbox.find()
    if found.name:
        return found.name, found.detail
    if not trusted:
        raise gradebook.GradingError(
            f"no sandbox to grade in: {found.detail}. Each submission's code would run with"
            " your rights (it could read the solutions and your files). Install bubblewrap,"
            " or grade only submissions you trust with --trust-submissions."
        )
    return "none", f"none: {found.detail}; --trust-submissions was given"


def _check_out(out: Path, root: Path) -> None:
    out = out.expanduser().resolve()
    library = Path(gradebook.__file__).resolve().parent.parent  # the `course` package
    places = {library: "the course library", root.resolve(): "the course folder"}
    places.setdefault(gradebook.ROOT, "the course's repository")
    for folder, what in places.items():
        if out == folder or folder in out.parents:
            part = out.relative_to(folder).parts[:1] if folder != library else ()
            inside = f" ({part[0]}/)" if part else ""
            raise gradebook.GradingError(
                f"--out {out} is inside {what} {folder}{inside}: grades and nbgrader's working"
                " files never go into the repository. Give a folder outside it, e.g. --out"
                f" {Path.home() / 'cluster-course-grades' / out.name}."
            )


def grade_cohort(
    assignment: str,
    submissions: Path,
    *,
    regrade: bool = False,
    progress: bool = True,
    **options,
) -> pd.DataFrame:
    """Grade every submission of ``assignment`` in the folder ``submissions``; one row each.

    ``options`` are those of :func:`check_arguments`, which checks them all first: ``root``
    (the course), ``out`` (default :func:`default_out`), ``workers`` (processes grading in
    parallel; default: the number of processor cores) and ``timeout`` (the time limit of one
    cell in seconds; default: ``Execute.timeout`` of ``nbgrader_config.py``). Writes
    ``grades.csv``, ``feedback/<student>.html``, the cohort report and the grading folder
    (:func:`grading_folder`) to ``out``. See the module docstring for re-runs.
    """
    plan = check_arguments(assignment, submissions, **options)
    return grade(plan, regrade=regrade, progress=progress)


def grade(plan: Plan, *, regrade: bool = False, progress: bool = True) -> pd.DataFrame:
    """Grade what ``plan`` (from :func:`check_arguments`) holds: see :func:`grade_cohort`."""
    plan.out.mkdir(parents=True, exist_ok=True)
    folder = gradebook.prepare_grading_folder(grading_folder(plan.out), root=plan.root)
    options = pool.Options(
        course=plan.root,
        folder=folder,
        assignment=plan.assignment.name,
        timeout=plan.timeout,
        limit=plan.timeout * (plan.assignment.code_cells + 1) + 120,
        workers=plan.workers,
        log=plan.out / "grading.log",
        progress=progress,
        sandbox=plan.sandbox,
    )
    readable = sum(not s.problem for s in plan.received)  # staging may find more broken files
    with pool.Pool(options, expected=readable) as workers:  # they start up meanwhile
        run = _prepare(plan, folder)
        received = f"{len(plan.received)} submissions in {plan.submissions}"
        cannot = sum(bool(s.problem) for s in plan.received)
        lines = [f"{received}, {cannot} cannot be graded", f"sandbox: {plan.sandbox_detail}"]
        _log(run, lines, progress)
        jobs = [
            {"student": s, "autograde": regrade or not run.state.unchanged(s, run.keys[s])}
            for s in run.keys
        ]
        run.results = workers.run(jobs)
    for step in steps.AFTER_GRADING:
        step(run)
    return run.grades


def _prepare(plan: Plan, folder: Path) -> steps.Run:
    """The grading folder with the assignment released into it and the submissions staged."""
    found = plan.assignment
    state = steps.GradedState(folder, found.name)
    release = _ensure_released(found, plan.root, folder, state)
    for submission in plan.received:
        copied = folder / "submitted" / submission.student / found.name
        stage(submission, copied, found.notebook, release)
    gradable = [s.student for s in plan.received if not s.problem]
    code = code_digest()
    return steps.Run(
        assignment=found,
        folder=folder,
        out=plan.out,
        received=plan.received,
        state=state,
        keys={s: _key(found, folder, s, plan.timeout, code) for s in gradable},
        before=_snapshot(found, folder, gradable),
        handed_out=answers(release),
    )


def _log(run: steps.Run, lines: list[str], show: bool) -> None:
    """Write ``lines`` to the run's grading.log (each with the assignment) and, with ``show``,
    the first to standard error; then one line for each submission that cannot be graded."""
    failed = [s for s in run.received if s.problem]
    with open(run.out / "grading.log", "a", encoding="utf-8") as log:
        for line in lines:
            log.write(f"course grade: {run.assignment.name}: {line}\n")
        for submission in failed:
            log.write(f"course grade: {submission.student}: failed: {submission.problem}\n")
    for line in lines if show else []:
        print(f"{run.assignment.name}: {line}", file=sys.stderr)


def _ensure_released(found: Assignment, root: Path, folder: Path, state: steps.GradedState):
    """The student version nbgrader grades against, recorded in the grading folder's gradebook
    (made again when the assignment in ``solutions/`` changed since)."""
    path = folder / "release" / found.name / f"{found.notebook}.ipynb"
    if not (state.released == found.digest and path.is_file() and _recorded(found, folder)):
        gradebook.release_for_grading(found.name, root=root, grading=folder)
        state.released = found.digest
        state.save()
    return nbformat.read(path, as_version=4)


def _recorded(found: Assignment, folder: Path) -> bool:
    from nbgrader.api import MissingEntry

    if not (folder / gradebook.GRADEBOOK).is_file():
        return False
    with gradebook.open_gradebook(folder) as book:
        try:
            return bool(book.find_assignment(found.name).notebooks)
        except MissingEntry:
            return False


def _key(found: Assignment, folder: Path, student: str, timeout: int, code: str = "") -> str:
    # what a grade depends on: the submission, the assignment's tests, the time limit, and
    # everything that scores or runs it (``code``, from :func:`code_digest`, once per run)
    digest = hashlib.sha256(f"{timeout} {found.digest} {code}".encode())
    digest.update(
        (folder / "submitted" / student / found.name / f"{found.notebook}.ipynb").read_bytes()
    )
    return digest.hexdigest()


def code_digest(package: Path | None = None, datasets: Path | None = None) -> str:
    """One digest of everything besides the submission that a grade depends on: every file of
    the ``course`` package (the checks, the scorer, the grading code: a course update that
    changes any of them grades everybody again), the data's ``datapackage.json`` (it holds
    every dataset's hash) and ``nbgrader_config.py``. File names count as well as contents.
    (``package`` and ``datasets`` default to the course's own, which the scorer uses.)

    >>> code_digest() == code_digest(), len(code_digest())
    (True, 64)
    """
    package = Path(package or Path(__file__).resolve().parent.parent)
    skipped = {"__pycache__", "_materials"}  # compiled copies; the data count by their hashes
    files = sorted(
        path
        for path in package.rglob("*")
        if path.is_file() and not skipped & set(path.relative_to(package).parts)
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"\0{path.relative_to(package).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    if datasets is None:
        from course.materials import materials_root  # the course's own data, as the scorer's

        datasets = (materials_root() or package.parent) / "datasets"
    descriptor = Path(datasets) / "datapackage.json"
    for path in (descriptor, gradebook.ROOT / "nbgrader_config.py"):
        digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def _snapshot(found: Assignment, folder: Path, students: list[str]) -> dict:
    """Before grading: the gradebook and the answers of the last autograded copy, per student."""
    grades = gradebook.grades_by_student(found.name, folder)
    copy = f"{found.notebook}.ipynb"
    return {
        student: {
            "grades": grades.get(student, {}),
            "answers": answers(folder / "autograded" / student / found.name / copy),
        }
        for student in students
    }


def pending(
    assignment: str, *, root: Path = gradebook.ROOT, out: Path | None = None
) -> pd.DataFrame:
    """What still needs a human: one row per student and written task without a current grade,
    in the gradebook of the run whose grades went to ``out`` (default :func:`default_out`).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as nothing_graded_yet:
    ...     pending("ps01-cluster-economics", out=Path(nothing_graded_yet)).columns.tolist()
    ['student', 'task', 'grade_id', 'title', 'points', 'earlier_grade']
    """
    found = Assignment.read(assignment, root)
    folder = grading_folder(Path(out or default_out(assignment)).expanduser())
    rows = []
    for student, grades in sorted(gradebook.grades_by_student(assignment, folder).items()):
        for grade_id, (manual, _auto, needs) in grades.items():
            task = found.by_id.get(grade_id)
            if task and task.written and (needs or manual is None):
                rows.append([student, task.number, grade_id, task.title, task.points, manual])
    return pd.DataFrame(
        rows, columns=["student", "task", "grade_id", "title", "points", "earlier_grade"]
    )
