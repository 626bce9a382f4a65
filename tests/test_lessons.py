"""Every lesson notebook is executed as a test (papermill), once, from this one process."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, run_notebook

LESSONS = sorted(ROOT.glob("modules/*/*.ipynb"))
pytestmark = pytest.mark.slow


def _name(path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Each lesson executed once with its default parameters (cached for all tests here)."""
    cache = {}

    def get(path):
        if path not in cache:
            cache[path] = run_notebook(path, tmp_path_factory.mktemp("lesson"))
        return cache[path]

    return get


def _outputs(notebook):
    return [out for cell in notebook.cells for out in cell.get("outputs", [])]


def _shown_text(notebook) -> str:
    return "".join(
        str(out.get("data", {}).get("text/plain", "")) + "".join(out.get("text", ""))
        for out in _outputs(notebook)
    )


@pytest.mark.parametrize("path", LESSONS, ids=_name)
def test_lesson_runs_top_to_bottom_without_errors_or_warnings(path, executed):
    outputs = _outputs(executed(path))
    assert [o for o in outputs if o.get("output_type") == "error"] == []
    # a warning in a lesson confuses a learner (and in a graded cell it costs the points)
    stderr = [o["text"] for o in outputs if o.get("name") == "stderr"]
    assert stderr == []


@pytest.mark.parametrize("path", LESSONS, ids=_name)
def test_every_chart_is_shown(path, executed):
    # A plotting call that draws nothing visible is a silent failure for a learner.
    for cell in executed(path).cells:
        if cell.cell_type == "code" and "plots." in cell.source:
            kinds = {kind for out in cell.outputs for kind in out.get("data", {})}
            assert "image/png" in kinds, f"no chart shown for:\n{cell.source}"


@pytest.mark.parametrize(
    ("lesson", "parameters", "expected"),
    [
        ("00-start/00-start.ipynb", {"region": "EE001"}, "Põhja-Eesti"),
        ("01-cluster-economics/01-cluster-economics.ipynb", {"region": "SE22"}, "Sydsverige"),
    ],
)
def test_the_parameters_cell_swaps_the_region(lesson, parameters, expected, tmp_path):
    executed = run_notebook(ROOT / "modules" / lesson, tmp_path, parameters)
    assert not [o for o in _outputs(executed) if o.get("output_type") == "error"]
    assert expected in _shown_text(executed)


@pytest.mark.parametrize("path", LESSONS, ids=_name)
def test_no_numpy_scalar_reprs_in_outputs(path, executed):
    # np.float64(3.63) in an output is noise to a learner: round, or use course.answers
    assert "np.float64(" not in _shown_text(executed(path))
    assert "np.int64(" not in _shown_text(executed(path))


MODULE_1 = ROOT / "modules" / "01-cluster-economics" / "01-cluster-economics.md"


def _core_sections(text: str) -> list[str]:
    import re

    core = text.split("## Optional depth")[0]
    return re.split(r"^(?=## \d\. )", core, flags=re.M)[1:]


def test_module_1_sections_open_with_the_question_and_end_with_so_what():
    sections = _core_sections(MODULE_1.read_text(encoding="utf-8"))
    assert len(sections) == 9
    for section in sections:
        title = section.splitlines()[0]
        assert "**The manager's question:**" in section.split("\n\n", 3)[1], title
        assert "**So what for your cluster.**" in section, title


def test_module_1_write_it_yourself_cells_leave_the_line_to_the_learner():
    import re

    text = MODULE_1.read_text(encoding="utf-8")
    boxes = re.findall(
        r"> \*\*Write it yourself.*?```\{code-cell\} ipython3\n(.*?)```\n\n(?:\+\+\+[^\n]*\n\n)?<details><summary>Solution",
        text,
        flags=re.S,
    )
    assert len(boxes) == text.count("> **Write it yourself") >= 6  # one per kind of ps01 answer
    for cell in boxes:
        lines = [line for line in cell.strip().splitlines() if line.strip()]
        assert not lines or lines[-1].lstrip().startswith("#"), f"the answer is pre-filled:\n{cell}"


def test_module_1_section_minutes_match_the_timing_table():
    import re

    text = MODULE_1.read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d) [^|]+\| (\d+) \|", text, flags=re.M))
    for section in _core_sections(text):
        number = section[3]
        stated = re.search(r"^\*(\d+) min", section, flags=re.M).group(1)
        assert table[number] == stated, (
            f"section {number}: {stated} min in the text, {table[number]} in the table"
        )
