"""``course grade``: a whole cohort from the submissions as received to grades and feedback.

One call checks and stages the submissions (:mod:`course.grading.submissions`), autogrades them
with nbgrader in parallel worker processes (:mod:`course.grading.worker`), reads the gradebook
back into one row per student with a status, and writes ``grades.csv``, the feedback and the
cohort report (:mod:`course.grading.report`). Re-running it is safe: unchanged submissions are
not executed again (``regrade=True`` executes all), grades come out the same, no row is
duplicated, grades given by hand in the formgrader are kept, and a written answer that changed
since it was graded is put back on the formgrader's list.

Example (what ``course grade ps01-cluster-economics --submissions ~/inbox/ps01`` runs)::

    grades = grade_cohort("ps01-cluster-economics", Path("~/inbox/ps01").expanduser())
    grades[["student", "total", "max", "status"]]
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd

from course.grading import gradebook, pool, report
from course.grading.execute import KERNEL_DIED, TIMED_OUT
from course.grading.submissions import Submission, find_submissions, stage

__all__ = ["Task", "tasks", "grade_cohort", "pending", "default_out"]

GRADED = "graded"
NEEDS_MANUAL = "needs manual grading"
FLAGGED = "flagged: rebinds library functions"


@dataclass(frozen=True)
class Task:
    """A graded cell of an assignment: an autograded test or a written answer."""

    number: int
    grade_id: str
    title: str
    points: float
    written: bool


def tasks(assignment: str, *, root: Path = gradebook.ROOT) -> list[Task]:
    """The graded cells of ``assignment`` in notebook order, titled by their task heading.

    >>> [t.grade_id for t in tasks("ps01-cluster-economics")][:2]
    ['ps01_lq_test', 'ps01_stars_test']
    """
    found, heading = [], ""
    for cell in _source_notebook(assignment, root).cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## Task"):
            heading = cell.source.lstrip("# ").splitlines()[0].strip()
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") or meta.get("task"):  # a task: written answers in the cells below
            found.append(
                Task(
                    len(found) + 1,
                    meta["grade_id"],
                    heading,
                    float(meta["points"]),
                    written=cell.cell_type == "markdown",
                )
            )
    return found


def _source_notebook(assignment: str, root: Path):
    return nbformat.read(_source_path(assignment, root), as_version=4)


def _source_path(assignment: str, root: Path) -> Path:
    folder = Path(root) / "solutions" / assignment
    if not folder.is_dir():
        raise gradebook.GradingError(
            f"there is no assignment {assignment!r}. The assignments are:"
            f" {', '.join(gradebook.assignments(root))}."
        )
    notebooks = sorted(folder.glob("*.ipynb"))
    if len(notebooks) != 1:
        raise gradebook.GradingError(
            f"{assignment!r} should hold one notebook in solutions/; it holds {len(notebooks)}."
            f" The assignments are: {', '.join(gradebook.assignments(root))}."
        )
    return notebooks[0]


def default_out(assignment: str) -> Path:
    """Where the grades go unless ``--out`` says otherwise: outside the repository.

    ``~/cluster-course-grades/<assignment>`` (``$COURSE_GRADES_DIR`` replaces the first part):
    a cohort's grades must never end up in a public repository.
    """
    base = os.environ.get("COURSE_GRADES_DIR") or Path.home() / "cluster-course-grades"
    return Path(base).expanduser() / assignment


def grade_cohort(
    assignment: str,
    submissions: Path,
    *,
    root: Path = gradebook.ROOT,
    out: Path | None = None,
    workers: int | None = None,
    timeout: int | None = None,
    regrade: bool = False,
    progress: bool = True,
) -> pd.DataFrame:
    """Grade every submission of ``assignment`` in the folder ``submissions``; one row each.

    ``workers`` processes grade in parallel (default: the number of processor cores);
    ``timeout`` is the time limit of one cell in seconds (default: ``Execute.timeout`` of
    ``nbgrader_config.py``). Writes ``grades.csv``, ``feedback/<student>.html`` and the cohort
    report to ``out`` (default :func:`default_out`). See the module docstring for re-runs.
    """
    root = Path(root).resolve()
    notebook = _source_path(assignment, root).stem
    timeout = int(timeout or gradebook.load_config(root).Execute.timeout)
    received = find_submissions(Path(submissions), assignment, notebook)  # reads only
    out = Path(out or default_out(assignment)).expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    _ensure_released(assignment, root)
    release = nbformat.read(root / "exercises" / assignment / f"{notebook}.ipynb", as_version=4)
    for submission in received:
        folder = root / "submitted" / submission.student / assignment
        stage(submission, folder, notebook, release)
    gradable = [s for s in received if not s.problem]
    _log(
        out,
        f"{assignment}: {len(received)} submissions in {submissions}, "
        f"{len(received) - len(gradable)} cannot be graded",
        progress,
    )
    for submission in received:
        if submission.problem:
            _log(out, f"{submission.student}: failed: {submission.problem}", False)
    before = _snapshot(assignment, root, [s.student for s in gradable], notebook)

    state = _State(root, assignment)
    keys = {s.student: _key(root, assignment, s.student, notebook, timeout) for s in gradable}
    jobs = [
        {
            "student": s.student,
            "autograde": regrade or not state.unchanged(s.student, keys[s.student]),
        }
        for s in gradable
    ]
    limit = timeout * (_code_cells(assignment, root) + 1) + 120
    results = pool.run_jobs(jobs, root, assignment, timeout, workers, limit, out, progress)
    for student, result in results.items():
        state.record(student, keys[student], result["success"])
    state.save()

    _keep_manual_grades(assignment, root, before, notebook)
    graded = [student for student, result in results.items() if result["success"]]
    _zero_unanswered(assignment, root, graded, notebook)
    grades = _results(assignment, root, received, results, before, notebook)
    report.write_all(grades, tasks(assignment, root=root), assignment, root, out)
    return grades


def _log(out: Path, line: str, show: bool) -> None:
    with open(out / "grading.log", "a", encoding="utf-8") as log:
        log.write(f"course grade: {line}\n")
    if show:
        print(line, file=sys.stderr)


def _ensure_released(assignment: str, root: Path) -> None:
    # A fresh clone has no gradebook: nbgrader's generate_assignment creates the assignment
    # there (and writes the same student version that is committed).
    from nbgrader.api import Gradebook, MissingEntry

    if (root / "gradebook.db").is_file():
        with Gradebook(gradebook.load_config(root).CourseDirectory.db_url) as book:
            try:
                if book.find_assignment(assignment).notebooks:
                    return
            except MissingEntry:
                pass
    gradebook.generate_exercises(assignment, root=root)


def _code_cells(assignment: str, root: Path) -> int:
    return sum(cell.cell_type == "code" for cell in _source_notebook(assignment, root).cells)


def _key(root: Path, assignment: str, student: str, notebook: str, timeout: int) -> str:
    # what a grade depends on: the submission, the assignment's tests, the time limit, and the
    # code that scores (a course update that changes a check grades everybody again)
    from course import scoring

    digest = hashlib.sha256(f"{timeout}".encode())
    for path in (
        root / "submitted" / student / assignment / f"{notebook}.ipynb",
        _source_path(assignment, root),
        Path(scoring.__file__),
        gradebook.ROOT / "nbgrader_config.py",
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()


class _State:
    """What was autograded from which files: lets a re-run skip unchanged submissions."""

    def __init__(self, root: Path, assignment: str):
        self.path = root / "autograded" / f".course-grade-{assignment}.json"
        self.graded = json.loads(self.path.read_text()) if self.path.is_file() else {}
        self.root, self.assignment = root, assignment

    def unchanged(self, student: str, key: str) -> bool:
        done = self.root / "autograded" / student / self.assignment
        return self.graded.get(student) == key and done.is_dir()

    def record(self, student: str, key: str, success: bool) -> None:
        if success:
            self.graded[student] = key
        else:
            self.graded.pop(student, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.graded, indent=1, sort_keys=True))


# ---------------------------------------------------------------- the gradebook, read back


def _grades(assignment: str, root: Path):
    """{student: {grade_id: (manual_score, auto_score, needs_manual_grade)}} from the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    found: dict[str, dict] = {}
    if not (Path(root) / "gradebook.db").is_file():
        return found  # nothing released or graded yet
    with Gradebook(gradebook.load_config(root).CourseDirectory.db_url) as book:
        try:
            submissions = book.find_assignment(assignment).submissions
        except MissingEntry:
            return found
        for submission in submissions:
            for notebook in submission.notebooks:
                found[submission.student_id] = {
                    grade.name: (grade.manual_score, grade.auto_score, grade.needs_manual_grade)
                    for grade in notebook.grades
                }
    return found


def _answers(notebook) -> dict[str, str]:
    """What a student wrote, by graded cell: a written answer is its own cell (a graded
    markdown cell) or the cells below a task; all editable code together is ``*``.

    ``notebook`` is a notebook or the path of one (none there: nothing written)."""
    if isinstance(notebook, Path):
        if not notebook.is_file():
            return {}
        notebook = nbformat.read(notebook, as_version=4)
    found, task = {"*": ""}, None
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta:
            task = meta["grade_id"] if meta.get("task") else None
            if meta.get("grade") and meta.get("solution") and cell.cell_type == "markdown":
                found[meta["grade_id"]] = cell.source
        elif task:
            found[task] = found.get(task, "") + cell.source + "\n"
        if cell.cell_type == "code" and not meta.get("locked"):
            found["*"] += cell.source + "\n"
    return found


def _autograded(root: Path, assignment: str, student: str, notebook: str) -> Path:
    return root / "autograded" / student / assignment / f"{notebook}.ipynb"


def _snapshot(assignment: str, root: Path, students: list[str], notebook: str) -> dict:
    """Before grading: the gradebook and the answers of the last autograded copy, per student."""
    grades = _grades(assignment, root)
    return {
        student: {
            "grades": grades.get(student, {}),
            "answers": _answers(_autograded(root, assignment, student, notebook)),
        }
        for student in students
    }


def _changed(before: dict, now: dict, task: Task) -> bool:
    # a written task changes with its own answer; an autograded test with any code cell
    key = task.grade_id if task.written else "*"
    return bool(before) and before.get(key) != now.get(key)


def _keep_manual_grades(assignment: str, root: Path, before: dict, notebook: str) -> None:
    """Keep grades given by hand off the formgrader's list unless their answer changed.

    nbgrader puts every hand-given score of an autograded test back on the list whenever it
    autogrades again, and never a task's, even if the student rewrote the answer. Here a grade
    waits for the human exactly when its answer changed since it was given.
    """
    from nbgrader.api import Gradebook

    by_id = {t.grade_id: t for t in tasks(assignment, root=root)}
    with Gradebook(gradebook.load_config(root).CourseDirectory.db_url) as book:
        for student, snapshot in before.items():
            now = _answers(_autograded(root, assignment, student, notebook))
            for grade_id, (manual, _auto, needed) in snapshot["grades"].items():
                task = by_id.get(grade_id)
                if task is None or manual is None:
                    continue
                grade = book.find_grade(grade_id, notebook, assignment, student)
                grade.needs_manual_grade = needed or _changed(snapshot["answers"], now, task)
        book.db.commit()


def _release_answers(assignment: str, root: Path, notebook: str) -> dict[str, str]:
    return _answers(root / "exercises" / assignment / f"{notebook}.ipynb")


def _zero_unanswered(assignment: str, root: Path, students: list[str], notebook: str) -> None:
    """Give 0 to a written task with nothing written: the cells below it are as handed out.

    Nobody has to open an empty answer to type 0. If the student resubmits with an answer, the
    task goes back on the formgrader's list like any changed answer.
    """
    from nbgrader.api import Gradebook

    handed_out = _release_answers(assignment, root, notebook)
    written = [t for t in tasks(assignment, root=root) if t.written]
    with Gradebook(gradebook.load_config(root).CourseDirectory.db_url) as book:
        for student in students:
            answers = _answers(_autograded(root, assignment, student, notebook))
            for task in written:
                grade = book.find_grade(task.grade_id, notebook, assignment, student)
                if grade.manual_score is None and answers.get(task.grade_id) == handed_out.get(
                    task.grade_id
                ):
                    grade.manual_score, grade.needs_manual_grade = 0.0, False
        book.db.commit()


def _results(assignment, root, received, results, before, notebook) -> pd.DataFrame:
    all_tasks = tasks(assignment, root=root)
    grades = _grades(assignment, root)
    handed_out = _release_answers(assignment, root, notebook)
    rows = []
    for submission in received:
        result = results.get(submission.student, {})
        row = _row(submission, result, grades.get(submission.student, {}), all_tasks)
        if row["status"].startswith("failed"):
            row["message"] = "; ".join(row.pop("messages"))
        else:
            _explain(
                row,
                submission,
                before.get(submission.student),
                all_tasks,
                _autograded(root, assignment, submission.student, notebook),
                handed_out,
            )
        row["assignment"] = assignment
        rows.append(row)
    columns = [
        "student",
        "assignment",
        *[t.grade_id for t in all_tasks],
        "auto_score",
        "manual_score",
        "total",
        "max",
        "status",
        "to_grade_by_hand",
        "message",
        "submitted_at",
    ]
    return pd.DataFrame(rows, columns=columns)


def _row(submission: Submission, result: dict, grades: dict, all_tasks: list[Task]) -> dict:
    row = {
        "student": submission.student,
        "max": sum(t.points for t in all_tasks),
        "submitted_at": submission.submitted_at,
        "messages": list(submission.notes),
    }
    failure = submission.problem or (None if result.get("success") else result.get("error"))
    if failure or not grades:
        row["status"] = f"failed: {failure or 'not graded'}"
        return row
    auto = manual = 0.0
    waiting = []
    for task in all_tasks:
        manual_score, auto_score, needs = grades.get(task.grade_id, (None, None, True))
        score = manual_score if manual_score is not None else auto_score
        if task.written and (needs or manual_score is None):
            waiting.append(task)
            continue
        row[task.grade_id] = score
        manual, auto = (manual + score, auto) if task.written else (manual, auto + score)
    row["auto_score"] = auto
    row["manual_score"] = None if waiting else manual
    row["total"] = None if waiting else auto + manual
    row["waiting"] = waiting
    row["status"] = NEEDS_MANUAL if waiting else GRADED
    return row


def _explain(row, submission: Submission, before, all_tasks, path, handed_out) -> None:
    """Status and message from the autograded notebook: skipped cells, flags, waiting tasks."""
    notebook = nbformat.read(path, as_version=4)  # the autograded copy, read once
    now = _answers(notebook)
    died, slow = _skipped_tasks(notebook, all_tasks)
    messages = row.pop("messages")
    if slow:
        messages.append("stopped at the time limit: " + _task_list(slow))
    if died:
        messages.append("the kernel died in " + _task_list(died) + "; the other tasks count")
        row["status"] = f"kernel died in task {died[0].number}"
    waiting = row.pop("waiting", [])
    row["to_grade_by_hand"] = " ".join(str(t.number) for t in waiting)
    if waiting:
        graded = [
            t
            for t in waiting
            if before and before["grades"].get(t.grade_id, (None,))[0] is not None
        ]
        changed = [t for t in graded if _changed(before["answers"], now, t)]
        if changed:
            messages.append("the answer changed since it was graded: " + _task_list(changed))
    messages += _failed_checks(row, notebook, all_tasks)
    blank = [
        t
        for t in all_tasks
        if t.written
        and row.get(t.grade_id) == 0
        and now.get(t.grade_id) == handed_out.get(t.grade_id)
    ]
    if blank:
        messages.append(
            f"nothing written for {_task_list(blank)}: 0 (if the answer is elsewhere,"
            " grade it in the formgrader)"
        )
    if submission.flags:
        messages.append("rebinds " + ", ".join(_plain_flag(f) for f in submission.flags))
        row["status"] = FLAGGED
    row["message"] = "; ".join(messages)


def _failed_checks(row: dict, notebook, all_tasks: list[Task]) -> list[str]:
    # the first line of what each check that lost points said, as the student's feedback shows it
    by_id = {t.grade_id: t for t in all_tasks if not t.written}
    lines = []
    for cell in notebook.cells:
        task = by_id.get(cell.metadata.get("nbgrader", {}).get("grade_id"))
        if task and row.get(task.grade_id, task.points) < task.points:
            said = report.error_lines(cell, whole=True) or _printed(cell) or ["no message"]
            lines.append(f"task {task.number}: {said[-1][:400]}")
    return lines


def _printed(cell) -> list[str]:
    # a hidden test that ran to the end prints its one-line reason ("Task 1 (0 of 2 points): ...")
    text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stdout")
    return [line for line in text.splitlines() if line.strip()][-1:]


def _plain_flag(flag: str) -> str:
    # "scoring.* (cell)" means setattr on every name of a module
    return flag.replace(".* (", " (every function, with setattr; ")


def _skipped_tasks(notebook, all_tasks: list[Task]) -> tuple[list[Task], list[Task]]:
    # a skipped cell belongs to the first graded task at or after it
    by_id = {t.grade_id: t for t in all_tasks}
    died, slow, pending = [], [], []
    for cell in notebook.cells:
        names = {o.get("ename") for o in cell.get("outputs", []) if o.get("output_type") == "error"}
        if KERNEL_DIED in names or TIMED_OUT in names:
            pending.append(KERNEL_DIED if KERNEL_DIED in names else TIMED_OUT)
        task = by_id.get(cell.metadata.get("nbgrader", {}).get("grade_id"))
        if task and pending:
            for kind in pending:
                (died if kind == KERNEL_DIED else slow).append(task)
            pending = []
    return list(dict.fromkeys(died)), list(dict.fromkeys(slow))


def _task_list(found: list[Task]) -> str:
    return ", ".join(f"task {t.number}" for t in found)


def pending(assignment: str, *, root: Path = gradebook.ROOT) -> pd.DataFrame:
    """What still needs a human: one row per student and written task without a current grade.

    >>> pending("ps01-cluster-economics").columns.tolist()
    ['student', 'task', 'grade_id', 'title', 'points', 'earlier_grade']
    """
    by_id = {t.grade_id: t for t in tasks(assignment, root=root)}
    rows = []
    for student, grades in sorted(_grades(assignment, root).items()):
        for grade_id, (manual, _auto, needs) in grades.items():
            task = by_id.get(grade_id)
            if task and task.written and (needs or manual is None):
                rows.append([student, task.number, grade_id, task.title, task.points, manual])
    return pd.DataFrame(
        rows, columns=["student", "task", "grade_id", "title", "points", "earlier_grade"]
    )
