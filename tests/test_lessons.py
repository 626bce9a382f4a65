"""Every lesson notebook is executed as a test (papermill), from this one process."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

LESSONS = sorted(ROOT.glob("modules/*/*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name + "/" + p.name)
def test_lesson_runs_top_to_bottom(path, notebook_runner):
    executed = notebook_runner(path)
    errors = [
        output
        for cell in executed.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert errors == []


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name + "/" + p.name)
def test_every_chart_is_shown(path, notebook_runner):
    # A plotting call that draws nothing visible is a silent failure for a learner.
    executed = notebook_runner(path)
    for cell in executed.cells:
        if cell.cell_type == "code" and "plots." in cell.source:
            kinds = {kind for out in cell.outputs for kind in out.get("data", {})}
            assert "image/png" in kinds, f"no chart shown for:\n{cell.source}"


@pytest.mark.slow
def test_start_page_takes_another_region(notebook_runner):
    executed = notebook_runner(ROOT / "modules/00-start/00-start.ipynb", {"region": "EE001"})
    shown = "".join(
        str(output.get("data", {}).get("text/plain", ""))
        for cell in executed.cells
        for output in cell.get("outputs", [])
    )
    assert "Põhja-Eesti" in shown
