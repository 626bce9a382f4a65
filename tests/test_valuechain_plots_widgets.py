"""Tests of the module-3 charts and the value-chain explorer: they draw what the library says."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # noqa: E402 - tests never open windows

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from course import data, plots  # noqa: E402
from course import valuechain as vc  # noqa: E402
from course.checks import CourseInputError  # noqa: E402

MAX_PX = 1050  # a JupyterLab output is about 1,000 px wide


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def io():
    return vc.io_accounts(data.load("io_table"))


def _assert_dressed_and_fits(ax):
    assert ax.get_title().strip() and ax.get_xlabel().strip() and ax.get_ylabel().strip()
    assert any(t.get_gid() == "source" for t in ax.texts)
    figure = ax.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    assert figure.get_figwidth() * figure.dpi <= MAX_PX
    assert figure.get_tightbbox(renderer).width * figure.dpi <= MAX_PX + 50
    texts = figure.findobj(matplotlib.text.Text)
    assert min(t.get_fontsize() for t in texts if t.get_text().strip()) >= 8


def test_linkage_chart_places_every_sector_where_the_indices_say(io):
    result = vc.linkages(io.Z, io.x)
    ax = plots.linkage_chart(result, names=io.names)
    _assert_dressed_and_fits(ax)
    assert "1 = average" in ax.get_xlabel()
    points = np.vstack([c.get_offsets() for c in ax.collections if len(c.get_offsets())])
    expected = result[["backward", "forward"]].to_numpy()
    assert sorted(map(tuple, points.round(9))) == sorted(map(tuple, expected.round(9)))
    names = {t.get_text().replace("\n", " ") for t in ax.texts if t.get_gid() == "bubble_label"}
    assert "Food products (C10)" in names
    assert {t.get_text() for t in ax.texts if t.get_gid() == "quadrant"} == {
        "Key sectors", "Forward-oriented", "Backward-oriented", "Weakly linked"}  # fmt: skip


def test_link_bars_are_the_direct_and_indirect_parts(io):
    table = vc.suppliers(io.Z, io.x, "food")
    ax = plots.link_bars(table, names=io.names, n=5, target="Food products (C10)")
    _assert_dressed_and_fits(ax)
    widths = [p.get_width() for p in ax.patches]
    np.testing.assert_allclose(widths[:5], table["input_coefficient"].head(5))
    np.testing.assert_allclose(widths[5:], table["indirect_requirement"].head(5))
    lefts = [p.get_x() for p in ax.patches[5:]]
    np.testing.assert_allclose(lefts, table["input_coefficient"].head(5))
    assert ax.get_title() == "Main suppliers of Food products (C10)"
    buyers = plots.link_bars(vc.buyers(io.Z, io.x, "plastic_packaging"), n=3)
    assert buyers.get_title() == "Main buyers" and "Share of the output" in buyers.get_xlabel()


def test_link_bars_errors(io):
    with pytest.raises(CourseInputError, match="no column 'indirect_allocation'"):
        plots.link_bars(pd.DataFrame({"industry": ["a"], "allocation_coefficient": [0.1]}))
    table = vc.suppliers(io.Z, io.x, "food")
    with pytest.raises(CourseInputError, match="one target industry"):
        plots.link_bars(pd.concat([table, table]))


def test_value_chain_chart_marks_the_gaps():
    members = data.load("cluster_members")
    chain = vc.value_chain_map(members[members["cluster"] == "lv_food"])
    ax = plots.value_chain_chart(chain)
    _assert_dressed_and_fits(ax)
    assert sum(t.get_gid() == "gap" for t in ax.texts) == int(chain["gap"].sum()) == 2
    labels = [t.get_text() for t in ax.texts]
    assert "Processing\n20 members" in labels


def test_participation_bars_show_percent():
    table = vc.gvc_participation(vc.baltic_mrio())
    ax = plots.participation_bars(table)
    _assert_dressed_and_fits(ax)
    widths = [p.get_width() for p in ax.patches]
    np.testing.assert_allclose(widths[:5], table["backward"] * 100)
    np.testing.assert_allclose(widths[5:], table["forward"] * 100)


# ---------------------------------------------------------------------------------------------
# The explorer
# ---------------------------------------------------------------------------------------------


def test_explorer_shows_what_industry_links_computes(io):
    pytest.importorskip("ipywidgets")
    from course import widgets

    explorer = widgets.valuechain_explorer(data.load("io_table"))
    choose, top, shown = explorer.children
    assert choose.value == "food" and top.value == 5
    table, suppliers_chart, buyers_chart = shown.outputs
    expected = vc.industry_links(io, "food").multipliers["output_multiplier"].item()
    assert f"{expected:.2f}" in table["data"]["text/plain"]
    assert suppliers_chart["data"]["text/plain"] == "<suppliers of Food products (C10)>"
    choose.value = "energy"
    text = shown.outputs[0]["data"]["text/plain"]
    energy = vc.industry_links(io, "energy").multipliers["employment_multiplier"].item()
    assert f"{energy:.1f}" in text
    assert shown.outputs[2]["data"]["text/plain"] == "<buyers of Energy supply (D35)>"
    assert "image/png" in shown.outputs[1]["data"]


def test_explorer_refuses_an_unknown_industry():
    pytest.importorskip("ipywidgets")
    from course import widgets

    with pytest.raises(CourseInputError, match="Did you mean 'food'"):
        widgets.valuechain_explorer(data.load("io_table"), industry_code="foods")


def test_the_old_industry_and_top_keywords_still_work_with_a_deprecation_warning():
    pytest.importorskip("ipywidgets")
    from course import widgets

    with pytest.warns(DeprecationWarning) as caught:
        explorer = widgets.valuechain_explorer(data.load("io_table"), industry="energy", top=3)
    messages = {str(w.message).split(" is now ")[1] for w in caught}
    assert {"valuechain_explorer(industry_code=...): the old name stops working in the next "
            "release.", "valuechain_explorer(n=...): the old name stops working in the next "
            "release."} <= messages  # fmt: skip
    choose, n, _ = explorer.children
    assert (choose.value, n.value) == ("energy", 3)
