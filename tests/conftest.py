"""Shared test helpers: the repository root, a notebook runner and the lesson-claim helpers.

Notebooks are executed with papermill from this one pytest process (importing papermill and
starting a process per notebook would cost seconds each).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_notebook(path: Path, out_dir: Path, parameters: dict | None = None, timeout: int = 300):
    """Execute a notebook with papermill in its own folder; return the executed notebook."""
    import papermill

    output = out_dir / f"{path.stem}.executed.ipynb"
    return papermill.execute_notebook(
        str(path),
        str(output),
        parameters=parameters or {},
        kernel_name="python3",
        cwd=str(path.parent),
        execution_timeout=timeout,
        progress_bar=False,
    )


# --- lesson claims: the text a test module's LESSON quotes -------------------------------------


@pytest.fixture(scope="module")
def text(request) -> str:
    """The lesson named by the test module's ``LESSON`` path, as written (line breaks kept)."""
    lesson = getattr(request.module, "LESSON", None)
    if lesson is None:
        pytest.fail(f"{request.module.__name__} uses the `text` fixture but defines no LESSON path")
    return lesson.read_text(encoding="utf-8")


def quoted(text: str, *snippets: str) -> None:
    """Assert that the lesson quotes every snippet; whitespace runs count as one space.

    A quoted phrase may break across lines in the Markdown source, so both the text and the
    snippet are compared with their whitespace collapsed.
    """
    flat = " ".join(text.split())
    for snippet in snippets:
        assert " ".join(snippet.split()) in flat, (
            f"the lesson no longer quotes {snippet!r}: update the text or this test"
        )


# --- the checkout stays clean: no nbgrader working tree left in it --------------------------------

NBGRADER_TREES = frozenset({"submitted", "autograded", "feedback", "release", "gradebook.db"})


def nbgrader_trees(root: Path = ROOT) -> set[str]:
    """The nbgrader working trees in the git checkout ``root`` (``git status --ignored``), as
    paths relative to it; empty outside a git checkout."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "-C", str(root), "status", "--ignored", "--porcelain"],
            capture_output=True,
            text=True,
        )
    except OSError:  # no git on this computer
        return set()
    paths = {line[3:].strip('"').rstrip("/") for line in done.stdout.splitlines()}
    return {path for path in paths if NBGRADER_TREES & set(Path(path).parts)}


@pytest.fixture(scope="session", autouse=True)
def checkout_left_clean():
    """Fails the session (at its end) if the tests left nbgrader trees in the checkout."""
    before = nbgrader_trees()
    yield
    left = sorted(nbgrader_trees() - before)
    assert not left, f"the tests left nbgrader working trees in the checkout: {left}"
