"""Instructor workflows on top of nbgrader: student versions, autograding, scores.

The repository root is the nbgrader course root (see ``nbgrader_config.py``): assignments with
solutions live in ``solutions/`` (nbgrader's *source*), the student versions in ``exercises/``
(nbgrader's *release*). These helpers drive nbgrader's own Python API (``NbGraderAPI``) from one
process, so a whole cohort pays nbgrader's start-up once, and they always execute the notebooks:
grading without execution (``--no-execute``) would give a blank notebook full marks.

>>> config = load_config()
>>> config.CourseDirectory.source_directory, config.CourseDirectory.release_directory
('solutions', 'exercises')
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd

from course.checks import CourseInputError

ROOT = Path(__file__).resolve().parent.parent.parent

__all__ = [
    "GradingError",
    "assignments",
    "load_config",
    "nbgrader_api",
    "generate_exercises",
    "autograde",
    "scores",
]


class GradingError(CourseInputError):
    """nbgrader could not do what was asked; the message carries nbgrader's own log."""


def load_config(root: Path = ROOT, **overrides):
    """The course's nbgrader configuration (``nbgrader_config.py``) for a course root.

    ``root`` may be a copy of the course (tests grade in a temporary copy); ``overrides`` set
    ``CourseDirectory`` options such as ``db_url``.

    >>> load_config().Execute.timeout  # seconds before a cell is interrupted
    120
    """
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    config.CourseDirectory.root = str(Path(root).resolve())
    config.CourseDirectory.db_url = f"sqlite:///{Path(root).resolve() / 'gradebook.db'}"
    for name, value in overrides.items():
        setattr(config.CourseDirectory, name, value)
    return config


def nbgrader_api(root: Path = ROOT, config=None):
    """nbgrader's high-level API (``NbGraderAPI``) on the course root ``root``.

    >>> nbgrader_api().coursedir.release_directory
    'exercises'
    """
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    _environment_commands_on_path()
    config = config or load_config(root)
    return NbGraderAPI(CourseDirectory(config=config), config=config)


def _environment_commands_on_path() -> None:
    # nbgrader runs the `alembic` command to create a new gradebook. When the course's
    # environment is not activated (make, CI, an IDE) that command is not on PATH: add it.
    scripts = str(Path(sys.executable).parent)
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


def _checked(result: dict, what: str) -> dict:
    if not result.get("success"):
        raise GradingError(
            f"nbgrader could not {what}:\n{result.get('log', '')}{result.get('error', '')}"
        )
    return result


def assignments(root: Path = ROOT) -> list[str]:
    """The assignments of the course: the folders in ``solutions/``.

    >>> "ps01-cluster-economics" in assignments()
    True
    """
    return sorted(p.name for p in (Path(root) / "solutions").iterdir() if p.is_dir())


def generate_exercises(assignment: str, *, root: Path = ROOT) -> list[Path]:
    """Generate the student version of ``assignment`` in ``exercises/``, with its text form.

    Runs nbgrader's ``generate_assignment`` (solutions, hidden tests and mark schemes removed,
    checksums recorded) and writes each notebook's jupytext text form (``*.pct.py``) beside it, so
    that reviewers can read the student version as a diff. Returns the student notebooks.

    Example (what ``course release ps01-cluster-economics`` runs)::

        generate_exercises("ps01-cluster-economics")
        # [PosixPath('.../exercises/ps01-cluster-economics/ps01.ipynb')]
    """
    import jupytext

    source = Path(root) / "solutions" / assignment
    if not source.is_dir():
        raise GradingError(
            f"No assignment {assignment!r} in solutions/. There are: {assignments(root)}."
        )
    _checked(nbgrader_api(root).generate_assignment(assignment), f"generate {assignment}")
    notebooks = sorted((Path(root) / "exercises" / assignment).glob("*.ipynb"))
    for notebook in notebooks:
        text_form = notebook.with_name(notebook.stem + ".pct.py")
        jupytext.write(jupytext.read(notebook), text_form, fmt="py:percent")
    return notebooks


def autograde(assignment: str, students: list[str], *, root: Path = ROOT) -> pd.DataFrame:
    """Autograde the submissions of ``students`` (in ``submitted/<student>/<assignment>/``).

    Every notebook is executed (a cell that runs longer than ``Execute.timeout`` is interrupted, so
    a submission that loops forever cannot stall the cohort). Returns one row per student with
    ``success`` and nbgrader's log, so that one broken submission never stops the others.

    Example, with ``submitted/anna/ps01-cluster-economics/ps01.ipynb`` in place::

        autograde("ps01-cluster-economics", ["anna", "janis"])
        #   student  success  log
        # 0    anna     True  [INFO] ...
    """
    api = nbgrader_api(root)
    rows = []
    for student in students:
        result = api.autograde(assignment, student)
        rows.append(
            {
                "student": student,
                "success": bool(result.get("success")),
                "log": result.get("log", "") + result.get("error", ""),
            }
        )
    return pd.DataFrame(rows)


def _given_score(grade) -> float | None:
    # a manual grade overrides the autograder's; neither means "not graded", not 0
    if grade.manual_score is not None:
        return grade.manual_score
    return grade.auto_score


def scores(assignment: str, *, root: Path = ROOT) -> pd.DataFrame:
    """Scores per student and graded cell from the gradebook, after :func:`autograde`.

    Columns: ``student``, ``grade_id``, ``score``, ``max_score``, ``auto`` (True for autograded
    tests, False for answers graded by hand), ``needs_manual_grade``. A cell nobody has graded
    yet (a written answer, or a submission nbgrader could not even read) has no score (NaN), not
    the 0 that nbgrader's ``Grade.score`` reports for it.

    Example, after :func:`autograde`: the total per student::

        scores("ps01-cluster-economics").groupby("student")["score"].sum()
    """
    from nbgrader.api import Gradebook

    config = load_config(root)
    rows = []
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        for submission in gradebook.find_assignment(assignment).submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    rows.append(
                        {
                            "student": submission.student_id,
                            "notebook": notebook.name,
                            "grade_id": grade.name,
                            "score": _given_score(grade),
                            "max_score": grade.max_score,
                            "auto": grade.cell_type == "code",
                            "needs_manual_grade": grade.needs_manual_grade,
                        }
                    )
    return pd.DataFrame(rows)
