"""Instructor workflows on top of nbgrader: student versions, autograding, scores.

The repository root is the nbgrader course root (see ``nbgrader_config.py``): assignments with
solutions live in ``solutions/`` (nbgrader's *source*), the student versions in ``exercises/``
(nbgrader's *release*). Grading happens elsewhere: ``course grade`` gives each run a *grading
folder* outside the repository (:func:`prepare_grading_folder`), an nbgrader course folder of its
own whose source is the course's ``solutions/`` and which holds ``gradebook.db``, ``release/``,
``submitted/``, ``autograded/`` and ``feedback/``. These helpers drive nbgrader's own Python API
(``NbGraderAPI``) from one process, so a whole cohort pays nbgrader's start-up once, and they
always execute the notebooks: grading without execution (``--no-execute``) would give a blank
notebook full marks.

>>> config = load_config()
>>> config.CourseDirectory.source_directory, config.CourseDirectory.release_directory
('solutions', 'exercises')
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from course.checks import CourseInputError

ROOT = Path(__file__).resolve().parent.parent.parent
GRADEBOOK = "gradebook.db"  # nbgrader's gradebook, a SQLite file in its course folder

__all__ = [
    "GradingError",
    "assignments",
    "load_config",
    "nbgrader_api",
    "open_gradebook",
    "prepare_grading_folder",
    "release_for_grading",
    "generate_exercises",
    "autograde",
    "graded_cells",
    "grades_by_student",
    "scores",
]


class GradingError(CourseInputError):
    """nbgrader could not do what was asked; the message carries nbgrader's own log."""


def load_config(root: Path = ROOT, *, grading: Path | None = None, **overrides):
    """The course's nbgrader configuration (``nbgrader_config.py``) for a course root.

    ``root`` may be a copy of the course (tests grade in a temporary copy); nbgrader's working
    trees and gradebook are then in ``root``, nbgrader's own layout. With ``grading`` (a grading
    folder, see :func:`prepare_grading_folder`) they are in that folder instead: it becomes
    nbgrader's course root, with ``root``'s ``solutions/`` as the source and its own
    ``release/``. ``overrides`` set ``CourseDirectory`` options such as ``db_url``.

    >>> load_config().Execute.timeout  # seconds before a cell is interrupted
    120
    >>> config = load_config(grading=Path("grades/ps01/nbgrader")).CourseDirectory
    >>> config.release_directory, Path(config.source_directory) == ROOT / "solutions"
    ('release', True)
    """
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    folder = Path(grading or root).resolve()
    if grading is not None:
        config.CourseDirectory.source_directory = str(Path(root).resolve() / "solutions")
        config.CourseDirectory.release_directory = "release"
    config.CourseDirectory.root = str(folder)
    config.CourseDirectory.db_url = _db_url(folder)
    for name, value in overrides.items():
        setattr(config.CourseDirectory, name, value)
    return config


def _db_url(folder: Path) -> str:
    return f"sqlite:///{Path(folder).resolve() / GRADEBOOK}"


@contextmanager
def open_gradebook(folder: Path = ROOT):
    """nbgrader's gradebook of the nbgrader course folder ``folder`` (a grading folder, or a
    course copy); what changed is saved when the ``with`` block ends without an error.

    The one way the course opens a gradebook. Opening creates an empty one, so a reader that
    must not create one checks ``(folder / GRADEBOOK).is_file()`` first.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with open_gradebook(Path(folder)) as book:
    ...         [assignment.name for assignment in book.assignments]
    []
    """
    from nbgrader.api import Gradebook

    _environment_commands_on_path()  # a new gradebook is stamped with the `alembic` command
    with Gradebook(_db_url(folder)) as book:
        yield book
        book.db.commit()


# The grading folder's own nbgrader_config.py: the course's settings, this folder as the root.
_FOLDER_CONFIG = '''"""nbgrader's course folder of a `course grade` run (written by it; delete it with the grades).

The gradebook, release/, submitted/, autograded/ and feedback/ of the grading live here, outside
the course's repository; the assignments come from {solutions}. nbgrader's own
commands work from here: the formgrader (`jupyter lab` in this folder), `nbgrader export`,
`nbgrader release_feedback`.
"""

from pathlib import Path

here = Path(__file__).resolve().parent
course_config = {config!r}
if not Path(course_config).is_file():
    raise SystemExit(f"{{here}}: the course's {{course_config}} is gone; grade again with course grade")
c = get_config()  # noqa: F821  (injected by nbgrader)
load_subconfig(course_config)  # noqa: F821  (the course's time limit and preprocessors)
c.CourseDirectory.root = str(here)
c.CourseDirectory.source_directory = {solutions!r}
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.db_url = f"sqlite:///{{here / {gradebook!r}}}"
'''


def prepare_grading_folder(folder: Path, *, root: Path = ROOT) -> Path:
    """Make ``folder`` the grading folder of the course ``root``: an nbgrader course folder
    with its own ``nbgrader_config.py`` (the same settings as :func:`load_config` with
    ``grading=folder``), so that nbgrader's formgrader and commands also work from there.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as grades:
    ...     sorted(p.name for p in prepare_grading_folder(Path(grades) / "nbgrader").iterdir())
    ['nbgrader_config.py']
    """
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    text = _FOLDER_CONFIG.format(
        config=str(ROOT / "nbgrader_config.py"),
        solutions=str(Path(root).resolve() / "solutions"),
        gradebook=GRADEBOOK,
    )
    (folder / "nbgrader_config.py").write_text(text, encoding="utf-8")
    return folder


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


def generate_exercises(
    assignment: str, *, root: Path = ROOT, record_in: Path | None = None
) -> list[Path]:
    """Generate the student version of ``assignment`` in ``exercises/``, with its text form.

    Runs nbgrader's ``generate_assignment`` (solutions, hidden tests and mark schemes removed,
    checksums recorded) and writes each notebook's jupytext text form (``*.pct.py``) beside it, so
    that reviewers can read the student version as a diff. Returns the student notebooks.
    nbgrader also records the assignment in a gradebook: the one in ``record_in`` (default:
    ``root``'s, nbgrader's layout for a copy of the course). ``course release`` gives a
    temporary folder, so that no gradebook is left in the repository; ``course grade`` records
    the assignment in its own grading folder (:func:`release_for_grading`).

    Example (what ``course release ps01-cluster-economics`` runs)::

        generate_exercises("ps01-cluster-economics", record_in=Path(tempfile.mkdtemp()))
        # [PosixPath('.../exercises/ps01-cluster-economics/ps01.ipynb')]
    """
    import jupytext

    source = Path(root) / "solutions" / assignment
    if not source.is_dir():
        raise GradingError(
            f"No assignment {assignment!r} in solutions/. There are: {assignments(root)}."
        )
    config = load_config(root, db_url=_db_url(record_in or root))
    _checked(nbgrader_api(root, config).generate_assignment(assignment), f"generate {assignment}")
    notebooks = sorted((Path(root) / "exercises" / assignment).glob("*.ipynb"))
    for notebook in notebooks:
        text_form = notebook.with_name(notebook.stem + ".pct.py")
        jupytext.write(jupytext.read(notebook), text_form, fmt="py:percent")
    return notebooks


def release_for_grading(assignment: str, *, root: Path, grading: Path) -> list[Path]:
    """Record ``assignment`` in the grading folder's gradebook, with the student version that
    nbgrader grades against in its ``release/`` (the repository's ``exercises/`` stay as they
    are). Returns that student version's notebooks.

    Example (what ``course grade`` runs before the first submission of a grading folder)::

        release_for_grading("ps01-cluster-economics", root=ROOT, grading=folder)
        # [PosixPath('.../nbgrader/release/ps01-cluster-economics/ps01.ipynb')]
    """
    api = nbgrader_api(root, load_config(root, grading=grading))
    _checked(api.generate_assignment(assignment), f"generate {assignment} for grading")
    return sorted((Path(grading) / "release" / assignment).glob("*.ipynb"))


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


def graded_cells(book, assignment: str):
    """``(student, notebook, grade)`` for every graded cell of ``assignment`` in the open
    gradebook ``book`` (nothing if the assignment is not recorded there).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with open_gradebook(Path(folder)) as book:
    ...         list(graded_cells(book, "ps01-cluster-economics"))
    []
    """
    from nbgrader.api import MissingEntry

    try:
        submissions = book.find_assignment(assignment).submissions
    except MissingEntry:
        return
    for submission in submissions:
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                yield submission.student_id, notebook, grade


def grades_by_student(assignment: str, folder: Path) -> dict[str, dict[str, tuple]]:
    """``{student: {grade_id: (manual_score, auto_score, needs_manual_grade)}}`` from the
    gradebook of ``folder``; empty when nothing is graded there yet (no gradebook is created).

    >>> grades_by_student("ps01-cluster-economics", Path("a folder with no gradebook"))
    {}
    """
    found: dict[str, dict[str, tuple]] = {}
    if not (Path(folder) / GRADEBOOK).is_file():
        return found  # nothing released or graded yet
    with open_gradebook(folder) as book:
        for student, _notebook, grade in graded_cells(book, assignment):
            found.setdefault(student, {})[grade.name] = (
                grade.manual_score,
                grade.auto_score,
                grade.needs_manual_grade,
            )
    return found


def scores(assignment: str, *, root: Path = ROOT, grading: Path | None = None) -> pd.DataFrame:
    """Scores per student and graded cell from the gradebook, after :func:`autograde`.

    Columns: ``student``, ``grade_id``, ``score``, ``max_score``, ``auto`` (True for autograded
    tests, False for answers graded by hand), ``needs_manual_grade``. A cell nobody has graded
    yet (a written answer, or a submission nbgrader could not even read) has no score (NaN), not
    the 0 that nbgrader's ``Grade.score`` reports for it. The gradebook is ``root``'s, or the
    grading folder ``grading``'s (after ``course grade``).

    Example, after :func:`autograde`: the total per student::

        scores("ps01-cluster-economics").groupby("student")["score"].sum()
    """
    with open_gradebook(grading or root) as book:
        rows = [
            {
                "student": student,
                "notebook": notebook.name,
                "grade_id": grade.name,
                "score": _given_score(grade),
                "max_score": grade.max_score,
                "auto": grade.cell_type == "code",
                "needs_manual_grade": grade.needs_manual_grade,
            }
            for student, notebook, grade in graded_cells(book, assignment)
        ]
    columns = ["student", "notebook", "grade_id", "score", "max_score", "auto"]
    return pd.DataFrame(rows, columns=[*columns, "needs_manual_grade"])
