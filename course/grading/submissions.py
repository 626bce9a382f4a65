"""A cohort's submissions as an instructor receives them, checked and put where nbgrader looks.

``course grade`` accepts two layouts:

- nbgrader's own ``submitted/<student>/<assignment>/<notebook>.ipynb`` (from a hub exchange with
  ``nbgrader collect``);
- a flat folder as an e-mail inbox or an LMS download gives it: one ``.ipynb`` or ``.zip`` per
  student (or one folder per student), the student id taken from the file name.

Each submission is checked before nbgrader sees it, so that a broken file gets a plain reason
instead of a traceback, and copied to the ``submitted/`` tree of the run's grading folder under
the notebook name nbgrader expects (with nbgrader's ``timestamp.txt``, if it came with one).
Answer cells are scanned for code that rebinds library functions (the hidden tests do not
trust them, but such a submission is flagged for a human to look at).

>>> student_id("Anna Berzina_ps01.ipynb", "ps01-cluster-economics", "ps01")
'anna-berzina'
"""

from __future__ import annotations

import ast
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import nbformat

from course.grading.gradebook import GradingError

__all__ = ["Submission", "find_submissions", "student_id", "stage", "rebound_names"]

_IGNORED = {"__MACOSX", ".ipynb_checkpoints", ".DS_Store"}


@dataclass
class Submission:
    """One student's submission: where it came from and what the checks found."""

    student: str
    source: Path  # the file or folder as received
    member: str | None = None  # the notebook's name inside a zip
    problem: str | None = None  # why it cannot be graded (then it is not)
    notes: list[str] = field(default_factory=list)  # what was repaired on the way
    flags: list[str] = field(default_factory=list)  # rebinding found in answer cells
    submitted_at: str = ""
    stamp: Path | None = None  # nbgrader's timestamp.txt of the submission, if it has one
    in_tree: bool = False  # from nbgrader's submitted/ layout: the file name is the notebook's


def student_id(file_name: str, assignment: str, notebook: str) -> str:
    """The student id in a received file name: the name without the assignment's name.

    Lower case, spaces and punctuation as ``-``, so that ``Anna Berzina - ps01 (1).ipynb``,
    ``anna_berzina.zip`` and ``anna-berzina`` name the same student.

    >>> student_id("janis.ozols-ps01-cluster-economics.zip", "ps01-cluster-economics", "ps01")
    'janis.ozols'
    """
    stem = re.sub(r"\.(ipynb|zip)$", "", file_name, flags=re.I)
    stem = re.sub(r"\(\d+\)", "", stem)  # "(1)": a browser's second download
    for name in (assignment, notebook):
        stem = re.sub(re.escape(name), " ", stem, flags=re.I)
    return re.sub(r"[^\w.]+|_+", "-", stem).strip("-.").lower()


def find_submissions(folder: Path, assignment: str, notebook: str) -> list[Submission]:
    """Every student's submission in ``folder`` (either layout), one per student.

    A student with two files keeps the newer one (a note says so). Files that are neither a
    notebook nor a zip are reported as submissions that cannot be graded.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise GradingError(f"there is no folder {folder}: give the folder of the submissions.")
    entries = [p for p in sorted(folder.iterdir()) if not _ignored(p)]
    if any((p / assignment).is_dir() for p in entries if p.is_dir()):
        found = [_from_tree(p, assignment, notebook) for p in entries if p.is_dir()]
    else:
        found = [_from_flat(p, assignment, notebook) for p in entries]
    return _one_per_student([s for s in found if s is not None])


def _ignored(path: Path) -> bool:
    return path.name in _IGNORED or path.name.startswith((".", "~$"))


def _from_tree(student_folder: Path, assignment: str, notebook: str) -> Submission | None:
    folder = student_folder / assignment
    if not folder.is_dir():
        return None
    submission = _from_folder(folder, student_folder.name, notebook)
    submission.in_tree = True
    stamp = folder / "timestamp.txt"
    if stamp.is_file():
        submission.submitted_at = stamp.read_text().strip()
        submission.stamp = stamp
    return submission


def _from_flat(path: Path, assignment: str, notebook: str) -> Submission:
    name = path.name if path.is_dir() or path.suffix.lower() in (".ipynb", ".zip") else path.stem
    student = student_id(name, assignment, notebook)
    if path.is_dir():
        return _from_folder(path, student, notebook)
    submission = Submission(student, path, submitted_at=_mtime(path))
    if path.suffix.lower() == ".zip":
        submission.member = _notebook_in_zip(submission, notebook)
    elif path.suffix.lower() != ".ipynb":
        submission.problem = f"{path.name} is not a notebook (.ipynb) or a zip of one"
    return submission


def _from_folder(folder: Path, student: str, notebook: str) -> Submission:
    notebooks = sorted(p for p in folder.glob("*.ipynb") if not _ignored(p))
    chosen = [p for p in notebooks if p.stem == notebook] or notebooks
    if not chosen:
        return Submission(student, folder, problem=f"no notebook in {folder.name}/")
    submission = Submission(student, chosen[0], submitted_at=_mtime(chosen[0]))
    if len(chosen) > 1:
        submission.problem = (
            f"{len(chosen)} notebooks and none named {notebook}.ipynb: "
            + ", ".join(p.name for p in chosen)
        )
    return submission


def _notebook_in_zip(submission: Submission, notebook: str) -> str | None:
    try:
        with zipfile.ZipFile(submission.source) as archive:
            names = [
                n
                for n in archive.namelist()
                if n.endswith(".ipynb") and not set(Path(n).parts) & _IGNORED
            ]
    except zipfile.BadZipFile:
        submission.problem = f"{submission.source.name} is not a valid zip file"
        return None
    chosen = [n for n in names if Path(n).stem == notebook] or names
    if len(chosen) != 1:
        submission.problem = (
            f"the zip holds {len(chosen)} notebooks, none named {notebook}.ipynb"
            + (": " + ", ".join(chosen) if chosen else "")
        )
        return None
    return chosen[0]


def _mtime(path: Path) -> str:
    stamp = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    return stamp.strftime("%Y-%m-%d %H:%M:%S UTC")


def _one_per_student(found: list[Submission]) -> list[Submission]:
    chosen: dict[str, Submission] = {}
    for submission in found:
        other = chosen.get(submission.student)
        if other is None:
            chosen[submission.student] = submission
            continue
        newer, older = sorted([submission, other], key=lambda s: s.submitted_at, reverse=True)
        newer.notes.append(
            f"graded {newer.source.name}, the newer of two files ({older.source.name})"
        )
        chosen[submission.student] = newer
    return sorted(chosen.values(), key=lambda s: s.student)


def stage(submission: Submission, folder: Path, notebook: str, release=None) -> None:
    """Check ``submission`` and write it to ``folder/<notebook>.ipynb`` for nbgrader.

    Sets ``submission.problem`` when the file cannot be graded (empty, not JSON, not a
    notebook), notes a renamed file and (given the ``release`` notebook) the test cells a
    student edited or deleted, which nbgrader restores, and records in ``submission.flags`` the
    answer cells that rebind library functions. Nothing is written for a submission that cannot
    be graded.
    """
    if submission.problem:
        return
    raw = _read(submission)
    target = folder / f"{notebook}.ipynb"
    submission.problem = _unreadable(raw)
    if submission.problem:
        return
    notebook_node = _read_quietly(raw)
    if _duplicate_ids(raw):
        submission.notes.append("duplicate cell ids (renumbered)")
    name = Path(submission.member or submission.source.name).name
    if name != target.name and (submission.member or submission.in_tree):
        submission.notes.append(f"{name} graded as {target.name}")
    submission.flags = rebound_names(notebook_node)
    if release is not None:
        submission.notes += changed_cells(notebook_node, release)
    folder.mkdir(parents=True, exist_ok=True)
    if submission.source.resolve() != target.resolve():
        target.write_bytes(raw)
        if submission.source.parent.resolve() == folder.resolve():
            submission.source.unlink()  # a wrongly named file in nbgrader's own tree
    stamp = folder / "timestamp.txt"
    if submission.stamp and submission.stamp.resolve() != stamp.resolve():
        stamp.write_bytes(submission.stamp.read_bytes())  # nbgrader records when it was submitted


def _read(submission: Submission) -> bytes:
    if submission.member is None:
        return submission.source.read_bytes()
    with zipfile.ZipFile(submission.source) as archive:
        return archive.read(submission.member)


def _unreadable(raw: bytes) -> str | None:
    if not raw.strip():
        return "the file is empty"
    try:
        content = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return "not a notebook: the file is not text (UTF-8)"
    except json.JSONDecodeError as error:
        return f"not a notebook: broken JSON at line {error.lineno}, column {error.colno}"
    if not isinstance(content, dict) or "cells" not in content:
        return "not a notebook: the file has no cells"
    try:
        _read_quietly(raw)
    except Exception as error:  # nbformat raises several kinds for a damaged notebook
        return f"not a notebook nbformat can read: {str(error).splitlines()[0]}"
    return None


def changed_cells(submitted, release) -> list[str]:
    """What a student changed in the cells nbgrader protects: it restores them before grading.

    >>> test = {"grade_id": "t1", "grade": True, "locked": True, "points": 1}
    >>> release = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "assert x == 1", metadata={"nbgrader": test})])
    >>> changed_cells(nbformat.v4.new_notebook(), release)
    ['test cell t1 was deleted (restored)']
    """
    cells = {c.metadata["nbgrader"]["grade_id"]: c for c in submitted.cells if _graded(c)}
    notes = []
    for original in release.cells:
        if not _graded(original):
            continue
        meta = original.metadata["nbgrader"]
        grade_id, locked = meta["grade_id"], meta.get("locked")
        kind = "test cell" if meta.get("grade") and locked else "cell"
        cell = cells.get(grade_id)
        if cell is None:
            notes.append(f"{kind} {grade_id} was deleted" + (" (restored)" if locked else ""))
        elif cell.cell_type != original.cell_type:
            notes.append(f"{grade_id} was changed to {cell.cell_type} (changed back)")
        elif locked and cell.source != original.source:
            notes.append(f"{kind} {grade_id} was edited (restored)")
    return notes


def _graded(cell) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("grade_id"))


def _read_quietly(raw: bytes):
    # nbformat repairs duplicate cell ids with a warning on the screen; the note says it instead
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nbformat.reads(raw.decode("utf-8"), as_version=4)


def _duplicate_ids(raw: bytes) -> bool:
    ids = [cell.get("id") for cell in json.loads(raw).get("cells", []) if cell.get("id")]
    return len(ids) != len(set(ids))


# Where an assignment to a module's attribute is ordinary configuration, not rebinding a function.
_SETTINGS = {"options", "rcParams", "environ"}


def rebound_names(notebook) -> list[str]:
    """What the student's code cells rebind in imported modules, as ``name (cell)`` strings.

    Looks at every cell a student can edit (not the locked test cells) for an assignment to,
    or a ``setattr``/``delattr`` on, an attribute of an imported module (``numpy.isclose =
    ...``, ``scoring.score_numbers = ...``), and for use of ``builtins`` or ``sys.modules``.
    Settings such as ``pd.options.display.max_rows = 20`` are not flagged.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "import numpy as np\\nnp.isclose = lambda *a, **k: True\\nnp.x = 1")])
    >>> rebound_names(nb)
    ['np.isclose (cell 1)', 'np.x (cell 1)']
    """
    modules: set[str] = set()
    found = []
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code" or cell.metadata.get("nbgrader", {}).get("locked"):
            continue
        tree = _parse(cell.source)
        if tree is None:
            continue
        modules |= _imported_names(tree)
        where = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {number}"
        found += [f"{name} ({where})" for name in _rebinding(tree, modules)]
    return found


def _parse(source: str) -> ast.AST | None:
    from IPython.core.inputtransformer2 import TransformerManager

    try:  # magics (%timeit) and shell lines (!pip) become plain Python first
        return ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError:
        return None


def _imported_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names |= {a.asname or a.name for a in node.names}
    return names


def _rebinding(tree: ast.AST, modules: set[str]) -> list[str]:
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
        elif isinstance(node, ast.Call) and _called(node) in {"setattr", "delattr"} and node.args:
            found += [_dotted(node.args[0]) + ".*"] if _root(node.args[0]) in modules else []
            continue
        elif isinstance(node, ast.Name) and node.id in {"builtins", "__builtins__"}:
            found.append(node.id)
        elif isinstance(node, ast.Attribute) and _dotted(node) == "sys.modules":
            found.append("sys.modules")
        found += [_dotted(t) for t in targets if _rebinds_module(t, modules)]
    return list(dict.fromkeys(found))


def _rebinds_module(target: ast.AST, modules: set[str]) -> bool:
    return (
        isinstance(target, ast.Attribute)
        and _root(target) in modules
        and not _SETTINGS & set(_dotted(target).split("."))
    )


def _called(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else ""


def _root(node: ast.AST) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    parts.append(node.id if isinstance(node, ast.Name) else "...")
    return ".".join(reversed(parts))
