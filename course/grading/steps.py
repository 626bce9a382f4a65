"""What ``course grade`` does after nbgrader has autograded: an ordered list of named steps.

As nbgrader lists its preprocessors in ``nbgrader_config.py``, :data:`AFTER_GRADING` lists the
steps that turn the gradebook and the autograded copies into grades, in the order they run. Each
step takes the :class:`Run` (what is known about this grading run) and adds to it or to the
gradebook:

1. :func:`remember_graded`: which submissions were autograded from which files, so that a
   re-run executes only what changed;
2. :func:`keep_manual_grades`: a grade given by hand stays off the formgrader's list unless
   its answer changed;
3. :func:`zero_unanswered`: a written task left as handed out gets 0 without a human;
4. :func:`collect_rows`: one row per submission (:mod:`course.grading.rows`);
5. :func:`write_outputs`: ``grades.csv``, feedback and the cohort report
   (:mod:`course.grading.report`).

Each autograded copy is read once per run (:meth:`Run.graded_copy`), whichever steps need it.

>>> [step.__name__ for step in AFTER_GRADING]
['remember_graded', 'keep_manual_grades', 'zero_unanswered', 'collect_rows', 'write_outputs']
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd

from course.grading import gradebook, report, rows
from course.grading.submissions import Submission
from course.grading.tasks import Assignment, answers, changed

__all__ = [
    "Run",
    "GradedState",
    "AFTER_GRADING",
    "remember_graded",
    "keep_manual_grades",
    "zero_unanswered",
    "collect_rows",
    "write_outputs",
]


class GradedState:
    """What was autograded from which files (``autograded/.course-grade-<assignment>.json``):
    lets a re-run skip unchanged submissions, and tells which source was released for grading.
    """

    def __init__(self, folder: Path, assignment: str):
        self.path = Path(folder) / "autograded" / f".course-grade-{assignment}.json"
        saved = json.loads(self.path.read_text()) if self.path.is_file() else {}
        self.graded: dict[str, str] = saved.get("graded", {})
        self.released: str | None = saved.get("released")
        self.folder, self.assignment = Path(folder), assignment

    def unchanged(self, student: str, key: str) -> bool:
        """Whether ``student``'s last autograded copy was made from the files ``key`` stands for."""
        done = self.folder / "autograded" / student / self.assignment
        return self.graded.get(student) == key and done.is_dir()

    def record(self, student: str, key: str, success: bool) -> None:
        if success:
            self.graded[student] = key
        else:
            self.graded.pop(student, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        saved = {"released": self.released, "graded": self.graded}
        self.path.write_text(json.dumps(saved, indent=1, sort_keys=True))


@dataclass
class Run:
    """One ``course grade`` run: the assignment, where its files are, what each step found."""

    assignment: Assignment
    folder: Path  # the grading folder: nbgrader's course folder of this run
    out: Path  # grades.csv, feedback/, the cohort report
    received: list[Submission]
    state: GradedState
    keys: dict[str, str]  # student -> what the grade depends on (see cohort._key)
    before: dict[str, dict]  # student -> {"grades", "answers"} before this run's autograding
    handed_out: dict[str, str]  # the answers of the student version as released
    results: dict[str, dict] = field(default_factory=dict)  # student -> the pool's result
    grades: pd.DataFrame | None = None
    _copies: dict = field(default_factory=dict, repr=False)

    def autograded(self, student: str) -> Path:
        """Where nbgrader wrote ``student``'s autograded copy."""
        name = f"{self.assignment.notebook}.ipynb"
        return self.folder / "autograded" / student / self.assignment.name / name

    def graded_copy(self, student: str):
        """``student``'s autograded notebook, read once per run (``None`` if there is none)."""
        if student not in self._copies:
            path = self.autograded(student)
            self._copies[student] = nbformat.read(path, as_version=4) if path.is_file() else None
        return self._copies[student]

    def answers_now(self, student: str) -> dict[str, str]:
        """What ``student`` wrote, by task, in the autograded copy (see :func:`answers`)."""
        copy = self.graded_copy(student)
        return {} if copy is None else answers(copy)

    def graded(self) -> list[str]:
        """The students whose submission nbgrader autograded in this run (or had before)."""
        return [student for student, result in self.results.items() if result["success"]]

    def gradebook_now(self) -> dict[str, dict[str, tuple]]:
        """The gradebook's grades per student, as they are now."""
        return gradebook.grades_by_student(self.assignment.name, self.folder)


def remember_graded(run: Run) -> None:
    """Record which submissions were autograded from which files, for the next run."""
    for student, result in run.results.items():
        run.state.record(student, run.keys[student], result["success"])
    run.state.save()


def keep_manual_grades(run: Run) -> None:
    """Keep grades given by hand off the formgrader's list unless their answer changed.

    nbgrader puts every hand-given score of an autograded test back on the list whenever it
    autogrades again, and never a task's, even if the student rewrote the answer. Here a grade
    waits for the human exactly when its answer changed since it was given.
    """
    name, notebook = run.assignment.name, run.assignment.notebook
    with gradebook.open_gradebook(run.folder) as book:
        for student, snapshot in run.before.items():
            now = run.answers_now(student)
            for grade_id, (manual, _auto, needed) in snapshot["grades"].items():
                task = run.assignment.by_id.get(grade_id)
                if task is None or manual is None:
                    continue
                grade = book.find_grade(grade_id, notebook, name, student)
                grade.needs_manual_grade = needed or changed(snapshot["answers"], now, task)


def zero_unanswered(run: Run) -> None:
    """Give 0 to a written task with nothing written: the cells below it are as handed out.

    Nobody has to open an empty answer to type 0. If the student resubmits with an answer, the
    task goes back on the formgrader's list like any changed answer.
    """
    name, notebook = run.assignment.name, run.assignment.notebook
    with gradebook.open_gradebook(run.folder) as book:
        for student in run.graded():
            now = run.answers_now(student)
            for task in run.assignment.written:
                grade = book.find_grade(task.grade_id, notebook, name, student)
                as_handed_out = now.get(task.grade_id) == run.handed_out.get(task.grade_id)
                if grade.manual_score is None and as_handed_out:
                    grade.manual_score, grade.needs_manual_grade = 0.0, False


def collect_rows(run: Run) -> None:
    """One row per submission received: points, status, message (:func:`rows.table`)."""
    run.grades = rows.table(run)


def write_outputs(run: Run) -> None:
    """``grades.csv``, ``feedback/<student>.html`` and the cohort report, in ``run.out``."""
    copies = {student: run.graded_copy(student) for student in run.graded()}
    report.write_all(run.grades, run.assignment, run.folder, run.out, copies=copies)


# The order matters: the grades kept and given here must be in the gradebook before the rows
# are read from it, and the rows before anything is written.
AFTER_GRADING = (remember_graded, keep_manual_grades, zero_unanswered, collect_rows, write_outputs)
