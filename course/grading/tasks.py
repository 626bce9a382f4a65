"""An assignment's graded tasks, read once per ``course grade`` run from its source notebook.

A task is a graded cell of ``solutions/<assignment>/<notebook>.ipynb``: an autograded test cell
(``grade: true``, code) or a written task (a markdown cell with ``task: true``, or a graded
markdown answer), numbered in notebook order and titled by the ``## Task`` heading above it.
Everything else in ``course grade`` (the status, the message, the report) asks this module
which task a cell belongs to, instead of reading the notebook again.

>>> ps01 = Assignment.read("ps01-cluster-economics")
>>> ps01.notebook, len(ps01.tasks), ps01.max_points
('ps01', 8, 20.0)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from course.grading.gradebook import ROOT, GradingError, assignments

__all__ = ["Task", "Assignment", "tasks", "answers", "changed"]

ALL_CODE = "*"  # the key of answers() under which all editable code is collected


@dataclass(frozen=True)
class Task:
    """A graded cell of an assignment: an autograded test or a written answer."""

    number: int
    grade_id: str
    title: str
    points: float
    written: bool


@dataclass(frozen=True)
class Assignment:
    """One assignment as ``course grade`` needs it: its notebook, its tasks, its size.

    Read with :meth:`Assignment.read`, which refuses an unknown name with the list of the
    assignments that exist.
    """

    name: str
    notebook: str  # nbgrader's notebook id: the file name without .ipynb
    source: Path  # solutions/<name>/<notebook>.ipynb
    tasks: tuple[Task, ...]
    code_cells: int  # each may cost one time limit, so they bound a submission's run time
    digest: str  # SHA-256 of the source notebook: a changed assignment is graded again
    by_id: dict[str, Task] = field(repr=False, compare=False)

    @classmethod
    def read(cls, name: str, root: Path = ROOT) -> Assignment:
        """Read the assignment ``name`` of the course ``root`` (one read of its notebook).

        >>> Assignment.read("ps09")
        Traceback (most recent call last):
        ...
        course.grading.gradebook.GradingError: there is no assignment 'ps09'. The assignments are: ps01-cluster-economics, ps02-industry-segmentation, ps03-value-chain, ps04-benchmarking.
        """
        source = _source_path(name, Path(root))
        raw = source.read_bytes()
        cells = nbformat.reads(raw.decode("utf-8"), as_version=4).cells
        found = _tasks(cells)
        return cls(
            name=name,
            notebook=source.stem,
            source=source,
            tasks=tuple(found),
            code_cells=sum(cell.cell_type == "code" for cell in cells),
            digest=hashlib.sha256(raw).hexdigest(),
            by_id={task.grade_id: task for task in found},
        )

    @property
    def max_points(self) -> float:
        """The points of all tasks together."""
        return sum(task.points for task in self.tasks)

    @property
    def written(self) -> list[Task]:
        """The tasks graded by hand."""
        return [task for task in self.tasks if task.written]


def tasks(assignment: str, *, root: Path = ROOT) -> list[Task]:
    """The graded cells of ``assignment`` in notebook order, titled by their task heading.

    >>> [t.grade_id for t in tasks("ps01-cluster-economics")][:2]
    ['ps01_lq_test', 'ps01_stars_test']
    """
    return list(Assignment.read(assignment, root).tasks)


def _tasks(cells) -> list[Task]:
    found, heading = [], ""
    for cell in cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## Task"):
            heading = cell.source.lstrip("# ").splitlines()[0].strip()
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") or meta.get("task"):  # a task: written answers in the cells below
            number, written = len(found) + 1, cell.cell_type == "markdown"
            found.append(Task(number, meta["grade_id"], heading, float(meta["points"]), written))
    return found


def _source_path(assignment: str, root: Path) -> Path:
    folder = root / "solutions" / assignment
    if not folder.is_dir():
        raise GradingError(
            f"there is no assignment {assignment!r}. The assignments are:"
            f" {', '.join(assignments(root))}."
        )
    notebooks = sorted(folder.glob("*.ipynb"))
    if len(notebooks) != 1:
        raise GradingError(
            f"{assignment!r} should hold one notebook in solutions/; it holds {len(notebooks)}."
            f" The assignments are: {', '.join(assignments(root))}."
        )
    return notebooks[0]


def answers(notebook) -> dict[str, str]:
    """What a student wrote, by graded cell: a written answer is its own cell (a graded
    markdown cell) or the cells below a task; all editable code together is ``"*"``.

    ``notebook`` is a notebook or the path of one (none there: nothing written).

    >>> task = {"grade_id": "t7", "task": True, "points": 4}
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_markdown_cell("Task 7", metadata={"nbgrader": task}),
    ...     nbformat.v4.new_markdown_cell("Food is strong."), nbformat.v4.new_code_cell("x = 1")])
    >>> answers(nb)
    {'*': 'x = 1\\n', 't7': 'Food is strong.\\nx = 1\\n'}
    """
    if isinstance(notebook, Path):
        if not notebook.is_file():
            return {}
        notebook = nbformat.read(notebook, as_version=4)
    found, task = {ALL_CODE: ""}, None
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta:
            task = meta["grade_id"] if meta.get("task") else None
            if meta.get("grade") and meta.get("solution") and cell.cell_type == "markdown":
                found[meta["grade_id"]] = cell.source
        elif task:
            found[task] = found.get(task, "") + cell.source + "\n"
        if cell.cell_type == "code" and not meta.get("locked"):
            found[ALL_CODE] += cell.source + "\n"
    return found


def changed(before: dict[str, str], now: dict[str, str], task: Task) -> bool:
    """Whether the answer ``task`` depends on differs between two :func:`answers`.

    A written task changes with its own answer; an autograded test with any code cell. With no
    earlier answers (``before`` empty) nothing counts as changed.

    >>> t7 = Task(7, "t7", "Task 7", 4.0, written=True)
    >>> changed({"t7": "old", "*": ""}, {"t7": "new", "*": ""}, t7), changed({}, {"t7": "x"}, t7)
    (True, False)
    """
    key = task.grade_id if task.written else ALL_CODE
    return bool(before) and before.get(key) != now.get(key)
