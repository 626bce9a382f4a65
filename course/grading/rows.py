"""One row per submission of a ``course grade`` run: points, status and a plain message.

The row of a submission that was graded holds the points of each task from the gradebook (a
written task waiting for a human is empty, never 0), the autograded and manual sums, and a
status (:data:`GRADED`, :data:`NEEDS_MANUAL`, :data:`FLAGGED`, ``kernel died in task N`` or
``failed: <reason>``). Its message says what was repaired on the way, which tasks were
stopped or skipped, what each check that lost points said, and which written tasks wait.

>>> from course.grading.tasks import Task
>>> _task_list([Task(2, "t2", "", 1.0, False), Task(7, "t7", "", 4.0, True)])
'task 2, task 7'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from course.grading import report
from course.grading.execute import KERNEL_DIED, TIMED_OUT
from course.grading.submissions import Submission
from course.grading.tasks import Task, changed

if TYPE_CHECKING:
    from course.grading.steps import Run

__all__ = ["GRADED", "NEEDS_MANUAL", "FLAGGED", "table"]

GRADED = "graded"
NEEDS_MANUAL = "needs manual grading"
FLAGGED = "flagged: rebinds library functions"


def table(run: Run) -> pd.DataFrame:
    """The grades of ``run``: one row per submission received, in the order received."""
    assignment = run.assignment
    grades = run.gradebook_now()
    rows = []
    for submission in run.received:
        result = run.results.get(submission.student, {})
        row = _row(submission, result, grades.get(submission.student, {}), assignment.tasks)
        if row["status"].startswith("failed"):
            row["message"] = "; ".join(row.pop("messages"))
        else:
            _explain(row, submission, run)
        row["assignment"] = assignment.name
        rows.append(row)
    columns = [
        "student",
        "assignment",
        *[t.grade_id for t in assignment.tasks],
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


def _row(submission: Submission, result: dict, grades: dict, all_tasks) -> dict:
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


def _explain(row: dict, submission: Submission, run: Run) -> None:
    """Status and message from the autograded notebook: skipped cells, flags, waiting tasks."""
    all_tasks = run.assignment.tasks
    notebook = run.graded_copy(submission.student)
    now = run.answers_now(submission.student)
    died, slow = _skipped_tasks(notebook, run.assignment.by_id)
    messages = row.pop("messages")
    if slow:
        messages.append("stopped at the time limit: " + _task_list(slow))
    if died:
        messages.append("the kernel died in " + _task_list(died) + "; the other tasks count")
        row["status"] = f"kernel died in task {died[0].number}"
    waiting = row.pop("waiting", [])
    row["to_grade_by_hand"] = " ".join(str(t.number) for t in waiting)
    before = run.before.get(submission.student)
    if waiting and before:
        graded = [t for t in waiting if before["grades"].get(t.grade_id, (None,))[0] is not None]
        changed_since = [t for t in graded if changed(before["answers"], now, t)]
        if changed_since:
            messages.append("the answer changed since it was graded: " + _task_list(changed_since))
    messages += _failed_checks(row, notebook, all_tasks)
    blank = [
        t
        for t in all_tasks
        if t.written
        and row.get(t.grade_id) == 0
        and now.get(t.grade_id) == run.handed_out.get(t.grade_id)
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


def _failed_checks(row: dict, notebook, all_tasks) -> list[str]:
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


def _skipped_tasks(notebook, by_id: dict[str, Task]) -> tuple[list[Task], list[Task]]:
    # a skipped cell belongs to the first graded task at or after it
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
