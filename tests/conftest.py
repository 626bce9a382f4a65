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
