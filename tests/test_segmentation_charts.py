"""Tests of the module-2 charts (course.plots.segmentation) and the segment explorer: what is
drawn matches the numbers, every chart is dressed and fits a notebook."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from course import data, plots, widgets  # noqa: E402
from course import segmentation as sg  # noqa: E402
from course.checks import CourseInputError  # noqa: E402
from tests.test_plots import _assert_dressed, _assert_fits_a_notebook  # noqa: E402

MEMBERS = data.load("cluster_members")
FIRMS = MEMBERS[MEMBERS["member_type"] == "company"]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def segments():
    return sg.segment_members(FIRMS, ["employees", "turnover_eur", "export_share"])


@pytest.fixture(scope="module")
def forces():
    card = sg.five_forces_scorecard()
    card["score"] = [4, 3, 2, 4, 2, 2, 3, 4, 4, 3, 3, 2, 5, 4, 3]
    card["evidence"] = "workshop"
    return sg.five_forces(card)


def test_composition_bars_are_the_shares(segments):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        composition = sg.member_composition(sg.sme_class(MEMBERS), "size_class")
    ax = plots.composition_bars(composition, "size_class")
    _assert_dressed(ax, x_unit="%")
    _assert_fits_a_notebook(ax)
    assert len(ax.patches) == 5 * 5  # 5 clusters x (4 classes + unknown)
    widths = sorted(round(p.get_width(), 9) for p in ax.patches)
    assert widths == sorted(composition["member_share"].round(9).tolist())
    for y in range(5):  # each bar ends at 100 %
        ends = [p.get_x() + p.get_width() for p in ax.patches if round(p.get_y() + 0.35) == y]
        assert max(ends) == pytest.approx(1.0)


def test_composition_bars_without_groups_and_errors():
    composition = sg.member_composition(MEMBERS, "member_type", by=None)
    ax = plots.composition_bars(composition, "member_type", by=None)
    assert len(ax.patches) == 5
    with pytest.raises(CourseInputError, match="repeat the same"):
        plots.composition_bars(pd.concat([composition, composition]), "member_type", by=None)
    many = pd.DataFrame({"kind": list("abcdefghijk"), "member_share": [1 / 11] * 11})
    with pytest.raises(CourseInputError, match="too many to tell apart"):
        plots.composition_bars(many, "kind", by=None)


def test_segment_heatmap_colours_are_z_and_cells_are_medians(segments):
    ax = plots.segment_heatmap(segments.profile)
    _assert_dressed(ax)
    _assert_fits_a_notebook(ax)
    mesh = ax.collections[0].get_array().reshape(len(segments.profile), -1)
    zs = segments.profile[["employees_z", "turnover_eur_z", "export_share_z"]].to_numpy()
    np.testing.assert_allclose(mesh, np.clip(zs, -2, 2))
    cells = [t.get_text() for t in ax.texts if t.get_gid() != "source"]
    assert cells[:3] == ["8", "1.6 m", "6%"]
    assert ax.get_yticklabels()[2].get_text().startswith("3 (41): export-oriented")
    with pytest.raises(CourseInputError, match="_z and <feature>_median"):
        plots.segment_heatmap(segments.profile[["segment", "members"]])


def test_silhouette_chart_marks_the_chosen_k(segments):
    ax = plots.silhouette_chart(segments.scores)
    _assert_dressed(ax)
    _assert_fits_a_notebook(ax)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), segments.scores["silhouette"])
    assert [t.get_text() for t in ax.texts if t.get_gid() == "chosen"] == ["k = 3"]
    inertia = ax.figure.axes[-1].lines[0].get_ydata()
    np.testing.assert_allclose(inertia, segments.scores["inertia"])


def test_segment_scatter_one_colour_per_segment(segments):
    ax = plots.segment_scatter(segments.members, "employees", "export_share")
    _assert_dressed(ax, x_unit="annual work units")
    _assert_fits_a_notebook(ax)
    counts = [c.get_offsets().shape[0] for c in ax.collections]
    assert counts == segments.profile["members"].tolist()
    assert ax.get_xscale() == "log" and ax.get_yscale() == "linear"


def test_five_forces_radar(forces):
    ax = plots.five_forces_radar(forces)
    assert ax.name == "polar" and ax.get_title() and ax.get_xlabel()
    assert [t.get_text() for t in ax.texts if t.get_gid() == "source"][0].startswith("Source:")
    _assert_fits_a_notebook(ax)
    np.testing.assert_allclose(ax.lines[0].get_ydata()[:5], forces["force_score"])
    two = pd.concat([forces.assign(group="A"), forces.assign(group="B")])
    assert len(plots.five_forces_radar(two, by="group").lines) == 2
    _, flat = plt.subplots()
    with pytest.raises(CourseInputError, match="must be polar"):
        plots.five_forces_radar(forces, ax=flat)
    with pytest.raises(CourseInputError, match="'rivals' is not a force id"):
        plots.five_forces_radar(forces.replace({"rivalry": "rivals"}))


# ---------------------------------------------------------------------------------------
# The explorer
# ---------------------------------------------------------------------------------------

ipywidgets = pytest.importorskip("ipywidgets")


def _texts(explorer):
    return [o["data"]["text/plain"] for o in explorer.children[-1].outputs]


def test_explorer_shows_what_segment_members_computes(segments):
    explorer = widgets.segment_explorer(FIRMS)
    shown = _texts(explorer)
    assert shown[:2] == ["<scatter: 3 segments>", "<profile: 3 segments>"]
    assert "0.36" in shown[2]  # the scores table: the chosen silhouette
    choose_k = explorer.children[1]
    choose_k.value = 5
    assert _texts(explorer)[0] == "<scatter: 5 segments>"
    again = sg.segment_members(FIRMS, ["employees", "turnover_eur", "export_share"], k=5)
    assert f"{again.scores['silhouette'].item():.3f}"[:4] in _texts(explorer)[2]


def test_explorer_reports_problems_instead_of_failing():
    explorer = widgets.segment_explorer(FIRMS)
    explorer.children[0].value = ()
    assert _texts(explorer) == ["Select at least one feature (Ctrl/Cmd + click)."]
    explorer.children[0].value = ("employees",)
    explorer.children[1].value = 8
    assert _texts(explorer)[0].startswith("<scatter")
    constant = FIRMS.assign(year_joined=2020)
    other = widgets.segment_explorer(constant, features=("employees", "year_joined"))
    assert "same value for every member" in _texts(other)[0]


def test_explorer_on_all_members_notes_who_is_left_out():
    explorer = widgets.segment_explorer(MEMBERS)
    assert any("left out" in text for text in _texts(explorer))
