"""Shared test helpers: the repository root and a notebook runner.

Notebooks are executed with papermill from this one pytest process (importing papermill and
starting a process per notebook would cost seconds each).
"""

from __future__ import annotations

from pathlib import Path

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
