"""The printable worksheets build, offline, as HTML and PDF, and match the library's lists."""

from __future__ import annotations

from course import benchmarking, segmentation, valuechain
from course.cli import main


def test_the_worksheets_build_as_html_and_pdf(tmp_path, capsys):
    assert main(["room", "worksheets", str(tmp_path)]) == 0
    names = {
        "my-cluster-in-numbers",
        "five-forces",
        "value-chain-map",
        "kpi-sheet",
        "closing-round",
    }
    for name in names:
        page = (tmp_path / f"{name}.html").read_text(encoding="utf-8")
        assert "http" not in page and "<script" not in page  # prints with no network
        assert (tmp_path / f"{name}.pdf").read_bytes()[:5] == b"%PDF-"
    pre_work = (tmp_path / "my-cluster-in-numbers.html").read_text(encoding="utf-8")
    for name in benchmarking.indicator_catalogue()["name"]:
        assert name.replace("'", "&#x27;") in pre_work
    forces = (tmp_path / "five-forces.html").read_text(encoding="utf-8")
    assert all(name in forces for name in segmentation.FORCES.values())
    chain = (tmp_path / "value-chain-map.html").read_text(encoding="utf-8")
    assert all(name in chain for name in valuechain.value_chain_stages()["stage_name"])


def test_the_esca_crosswalk_lists_every_course_indicator_in_its_area():
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "esca-crosswalk.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 6:
            rows[cells[0].strip("`")] = cells
    catalogue = benchmarking.indicator_catalogue()
    assert set(rows) == set(catalogue["indicator"])
    for row in catalogue.itertuples():
        assert rows[row.indicator][3] == row.area_name and rows[row.indicator][2] == row.unit
        assert rows[row.indicator][4] in {"equivalent", "differs", "course only"}
