"""Committed notebooks: no outputs, text form in step, student versions without solutions."""

from __future__ import annotations

import subprocess

import jupytext
import nbformat
import pytest

from tests.conftest import ROOT

TEXT_FORMS = {"modules": ".md", "solutions": ".pct.py", "exercises": ".pct.py"}


def _tracked_notebooks() -> list[str]:
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.ipynb"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(set(listing.stdout.split()))


NOTEBOOKS = _tracked_notebooks()


def test_there_are_notebooks():
    assert any(path.startswith("modules/00-start/") for path in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_no_outputs_committed(path):
    notebook = nbformat.read(ROOT / path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path}: a cell has outputs; clear them before committing"
            assert cell.execution_count is None, f"{path}: clear execution counts"


def _text_form(path: str):
    suffix = TEXT_FORMS.get(path.split("/")[0])
    return (ROOT / path).with_name((ROOT / path).stem + suffix) if suffix else None


def _cells(notebook):
    # compare what a reviewer sees: cell kind, source and tags/nbgrader metadata
    keep = ("tags", "nbgrader")
    return [
        (c.cell_type, c.source.strip(), {k: c.metadata[k] for k in keep if k in c.metadata})
        for c in notebook.cells
    ]


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_and_its_text_form_agree(path):
    text_path = _text_form(path)
    assert text_path is not None, f"{path}: notebooks live in {sorted(TEXT_FORMS)}"
    assert text_path.exists(), (
        f"{path}: its text form {text_path.name} is missing (jupytext --sync)"
    )
    notebook = nbformat.read(ROOT / path, as_version=4)
    text = jupytext.read(text_path)
    assert _cells(text) == _cells(notebook), f"{path} and {text_path.name} differ: jupytext --sync"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.startswith("exercises/")])
def test_student_versions_hold_no_solutions(path):
    notebook = nbformat.read(ROOT / path, as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells)
    for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME"):
        assert marker not in text, f"{path} leaks {marker}"
