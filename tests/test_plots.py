"""Tests of course.plots: what is drawn (counts, positions, texts), not how it looks."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # tests never open windows; the library itself never forces a backend

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from matplotlib.collections import QuadMesh  # noqa: E402
from matplotlib.ticker import PercentFormatter  # noqa: E402

from course import plots  # noqa: E402
from course.checks import CourseInputError  # noqa: E402

QUADRANT_NAMES = {
    "Strong and growing",
    "Strong but declining",
    "Emerging",
    "Weak and declining",
}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(ax, gid=None):
    return [t.get_text() for t in ax.texts if gid is None or t.get_gid() == gid]


def _assert_dressed(ax, *, x_unit: str | None = None, y_unit: str | None = None):
    """Every course chart has a title, axis labels (with units) and a source note."""
    assert ax.get_title().strip()
    assert ax.get_xlabel().strip()
    assert ax.get_ylabel().strip()
    if x_unit:
        assert x_unit in ax.get_xlabel()
    if y_unit:
        assert y_unit in ax.get_ylabel()
    notes = _texts(ax, "source")
    assert len(notes) == 1
    assert notes[0].startswith("Source:")


# --------------------------------------------------------------------------------------
# Theme and source note
# --------------------------------------------------------------------------------------


def test_use_theme_returns_colourblind_palette_and_is_idempotent():
    with matplotlib.rc_context():
        palette = plots.use_theme()
        after_first = dict(matplotlib.rcParams)
        assert plots.use_theme() == palette
        assert dict(matplotlib.rcParams) == after_first
        assert palette == list(sns.color_palette("colorblind"))
        cycle = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
        assert np.allclose(
            matplotlib.colors.to_rgba_array(cycle), matplotlib.colors.to_rgba_array(palette)
        )
        assert matplotlib.rcParams["font.size"] >= 12  # readable on a projector


def test_course_charts_leave_the_learners_settings_alone(portfolio_table):
    before = dict(matplotlib.rcParams)
    plots.portfolio_chart(portfolio_table)
    assert dict(matplotlib.rcParams) == before


def test_add_source_sits_below_the_axes_and_its_label():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    ax.set_xlabel("Year")
    note = plots.add_source(ax, "Source: Eurostat")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    note_box = note.get_window_extent(renderer)
    assert note.get_text() == "Source: Eurostat"
    assert note_box.y1 <= ax.xaxis.label.get_window_extent(renderer).y0 + 0.5
    assert note_box.y1 < ax.get_window_extent(renderer).y0


# --------------------------------------------------------------------------------------
# Portfolio chart
# --------------------------------------------------------------------------------------


@pytest.fixture
def portfolio_table():
    return pd.DataFrame(
        {
            "category_name": ["Food", "IT", "Wood", "Tourism"],
            "growth_rate": [0.05, 0.40, -0.10, 0.02],
            "lq": [2.5, 0.8, 1.6, 0.4],
            "employment": [1200, 300, 800, 600],
        }
    )


def test_portfolio_chart_draws_one_bubble_per_row_where_the_numbers_say(portfolio_table):
    ax = plots.portfolio_chart(portfolio_table)
    offsets = ax.collections[0].get_offsets()
    assert len(offsets) == 4
    assert np.allclose(offsets[:, 0], [0.05, 0.40, -0.10, 0.02])
    assert np.allclose(offsets[:, 1], [2.5, 0.8, 1.6, 0.4])
    assert sorted(_texts(ax, "bubble_label")) == ["Food", "IT", "Tourism", "Wood"]
    _assert_dressed(ax, x_unit="%", y_unit="ratio")


def test_portfolio_bubble_area_is_proportional_to_employment(portfolio_table):
    ax = plots.portfolio_chart(portfolio_table, max_bubble_area=1000)
    areas = ax.collections[0].get_sizes()
    # 1200 persons -> 1000 pt², 300 -> 250, 800 -> 666.7, 600 -> 500 (computed by hand)
    assert np.allclose(areas, [1000, 250, 2000 / 3, 500])


def test_portfolio_x_axis_is_in_percent(portfolio_table):
    ax = plots.portfolio_chart(portfolio_table)
    formatter = ax.xaxis.get_major_formatter()
    assert isinstance(formatter, PercentFormatter)
    assert formatter(0.25, 0) == "25%"


@pytest.mark.parametrize("x_reference", [0.0, 0.08, 0.9, -0.5])
def test_portfolio_quadrant_labels_sit_in_their_quadrants(portfolio_table, x_reference):
    ax = plots.portfolio_chart(portfolio_table, x_reference=x_reference, y_reference=1.0)
    lines = {(tuple(line.get_xdata()), tuple(line.get_ydata())) for line in ax.get_lines()}
    assert ((0, 1), (1.0, 1.0)) in lines  # horizontal line at LQ = 1
    assert ((x_reference, x_reference), (0, 1)) in lines  # vertical line at the reference
    to_data = ax.transAxes + ax.transData.inverted()
    found = {}
    for text in ax.texts:
        if text.get_gid() == "quadrant":
            x, y = to_data.transform(text.get_position())
            found[text.get_text()] = (x > x_reference, y > 1.0)
    assert found == {
        "Strong and growing": (True, True),
        "Strong but declining": (False, True),
        "Emerging": (True, False),
        "Weak and declining": (False, False),
    }


def test_portfolio_rows_without_growth_are_listed_not_drawn(portfolio_table):
    table = portfolio_table.assign(growth_rate=[0.05, np.nan, -0.10, 0.02])
    ax = plots.portfolio_chart(table)
    assert len(ax.collections[0].get_offsets()) == 3
    assert "IT" not in _texts(ax, "bubble_label")
    assert "Not shown (no growth_rate or lq): IT." in _texts(ax, "source")[0]


def test_portfolio_does_not_change_its_input(portfolio_table):
    copy = portfolio_table.copy()
    plots.portfolio_chart(portfolio_table.assign(growth_rate=[0.05, np.nan, -0.1, 0.0]))
    pd.testing.assert_frame_equal(portfolio_table, copy)


def test_portfolio_draws_on_a_given_axes(portfolio_table):
    fig, (left, right) = plt.subplots(1, 2)
    assert plots.portfolio_chart(portfolio_table, ax=right) is right
    assert not left.collections


def test_portfolio_errors_speak_to_the_learner(portfolio_table):
    with pytest.raises(CourseInputError, match="portfolio_chart: the table has no column 'lq'"):
        plots.portfolio_chart(portfolio_table.drop(columns="lq"))
    with pytest.raises(CourseInputError, match="'growth_rate' must hold numbers"):
        plots.portfolio_chart(portfolio_table.assign(growth_rate="5 %"))
    with pytest.raises(CourseInputError, match="'employment' has 1 negative"):
        plots.portfolio_chart(portfolio_table.assign(employment=[1, -1, 2, 3]))


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(-0.9, 3.0),
            st.floats(0.0, 20.0),
            st.integers(1, 10**6),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_portfolio_areas_are_proportional_for_any_table(rows):
    table = pd.DataFrame(rows, columns=["growth_rate", "lq", "employment"]).assign(
        category_name=[f"c{i}" for i in range(len(rows))]
    )
    ax = plots.portfolio_chart(table, max_bubble_area=500)
    areas = ax.collections[0].get_sizes()
    employment = table["employment"].to_numpy(dtype=float)
    assert np.allclose(areas * employment.max(), 500 * employment)
    plt.close(ax.figure)


# --------------------------------------------------------------------------------------
# Shift-share bars
# --------------------------------------------------------------------------------------


@pytest.fixture
def shift_share_table():
    # total_change = national_share + industry_mix + regional_shift in every row
    return pd.DataFrame(
        {
            "region": ["LV008"] * 5,
            "industry": ["C10", "J62", "A02", "C16", "H49"],
            "national_share": [10.0, 5.0, 3.0, -2.0, 4.0],
            "industry_mix": [-4.0, 8.0, 1.0, -3.0, 2.0],
            "regional_shift": [-16.0, 12.0, -5.0, 6.0, 1.0],
            "total_change": [-10.0, 25.0, -1.0, 1.0, 7.0],
        }
    )


def test_shift_share_bars_pick_the_largest_absolute_changes(shift_share_table):
    ax = plots.shift_share_bars(shift_share_table, top=3)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["J62", "C10", "H49"]
    assert len(ax.patches) == 9  # three components x three rows
    totals = [line for line in ax.get_lines() if line.get_marker() == "D"]
    assert len(totals) == 1
    assert totals[0].get_xdata().tolist() == [25.0, -10.0, 7.0]
    _assert_dressed(ax, x_unit="(persons)")


def test_shift_share_bar_lengths_are_the_components(shift_share_table):
    ax = plots.shift_share_bars(shift_share_table, top=2)
    widths = [patch.get_width() for patch in ax.patches]
    starts = [patch.get_x() for patch in ax.patches]
    # drawn component by component: national share of J62, C10; industry mix ...; shift ...
    assert widths == [5.0, 10.0, 8.0, -4.0, 12.0, -16.0]
    assert starts == [0.0] * 6  # negatives start at 0 and point left
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["National share", "Industry mix", "Regional shift", "Total change"]


def test_shift_share_bars_show_all_rows_when_top_is_large(shift_share_table):
    ax = plots.shift_share_bars(shift_share_table, top=50)
    assert len(ax.get_yticklabels()) == 5
    assert len(ax.patches) == 15


def test_shift_share_bars_errors(shift_share_table):
    with pytest.raises(CourseInputError, match="no column 'regional_shift'"):
        plots.shift_share_bars(shift_share_table.drop(columns="regional_shift"))
    two_regions = pd.concat([shift_share_table, shift_share_table.assign(region="LV006")])
    with pytest.raises(CourseInputError, match="filter the table to one region first"):
        plots.shift_share_bars(two_regions)
    with pytest.raises(CourseInputError, match="top=0 must be a whole number of at least 1"):
        plots.shift_share_bars(shift_share_table, top=0)


# --------------------------------------------------------------------------------------
# Heatmap and star grid
# --------------------------------------------------------------------------------------


@pytest.fixture
def lq_table():
    return pd.DataFrame(
        {
            "region": ["LV008", "LV008", "LV008", "LV006", "LV006"],
            "category": ["food", "it", "wood", "food", "it"],
            "lq": [2.0, 0.5, 4.0, 1.0, 0.0],
        }
    )


def _mesh(ax) -> QuadMesh:
    meshes = [c for c in ax.collections if isinstance(c, QuadMesh)]
    assert len(meshes) == 1
    return meshes[0]


def test_lq_heatmap_cells_annotations_and_blanks(lq_table):
    ax = plots.lq_heatmap(lq_table)
    values = _mesh(ax).get_array()
    assert values.size == 6  # 2 regions x 3 categories
    assert int(np.ma.count_masked(values)) == 1  # LV006 x wood does not exist: blank
    cell_texts = [t for t in ax.texts if t.get_gid() != "source"]
    assert [t.get_text() for t in cell_texts] == ["2.00", "0.50", "4.00", "1.00", "0.00"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["LV008", "LV006"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["food", "it", "wood"]
    _assert_dressed(ax)


def test_lq_heatmap_colours_are_centred_at_one(lq_table):
    mesh = _mesh(plots.lq_heatmap(lq_table))
    shade = mesh.norm(mesh.get_array()).reshape(2, 3)
    # rows LV008, LV006; columns food, it, wood
    assert shade[1, 0] == pytest.approx(0.5)  # LQ 1: the neutral middle
    assert shade[0, 0] - 0.5 == pytest.approx(0.5 - shade[0, 1])  # LQ 2 and 0.5: symmetric
    assert shade[0, 2] == pytest.approx(1.0)  # LQ 4 = max_lq: the end of the scale
    assert shade[1, 1] == pytest.approx(0.0)  # LQ 0: the other end, not an error
    ticks = [t.get_text() for t in mesh.colorbar.ax.get_yticklabels()]
    assert {"0.5", "1", "2"} <= set(ticks)


def test_lq_heatmap_colours_saturate_at_max_lq(lq_table):
    mesh = _mesh(plots.lq_heatmap(lq_table.assign(lq=[2.0, 0.5, 30.0, 1.0, 0.01]), max_lq=2))
    shade = mesh.norm(mesh.get_array()).reshape(2, 3)
    assert shade[0, 0] == pytest.approx(1.0) and shade[0, 2] == pytest.approx(1.0)
    assert shade[0, 1] == pytest.approx(0.0) and shade[1, 1] == pytest.approx(0.0)
    assert shade[1, 0] == pytest.approx(0.5)
    cell_texts = [t.get_text() for t in mesh.axes.texts if t.get_gid() != "source"]
    assert "30.00" in cell_texts  # the true value is still written in the cell


def test_lq_heatmap_errors(lq_table):
    with pytest.raises(CourseInputError, match="no column 'lq'"):
        plots.lq_heatmap(lq_table.rename(columns={"lq": "LQ"}))
    two_years = pd.concat([lq_table.assign(year=2015), lq_table.assign(year=2023)])
    with pytest.raises(CourseInputError, match="several years: pick one"):
        plots.lq_heatmap(two_years)
    with pytest.raises(CourseInputError, match="max_lq=1 must be above 1"):
        plots.lq_heatmap(lq_table, max_lq=1)


@pytest.fixture
def star_table():
    return pd.DataFrame(
        {
            "region_name": ["Vidzeme", "Vidzeme", "Rīga", "Rīga", "Kurzeme"],
            "category_name": ["Food", "IT", "Food", "IT", "Food"],
            "stars": [3, 0, 1, 2, 2],
        }
    )


def test_star_grid_cells_marks_and_legend(star_table):
    ax = plots.star_grid(star_table)
    values = _mesh(ax).get_array()
    assert values.size == 6
    assert int(np.ma.count_masked(values)) == 1  # Kurzeme x IT: blank
    cell_texts = [t.get_text() for t in ax.texts if t.get_gid() != "source"]
    assert cell_texts == ["★★★", "☆☆☆", "★☆☆", "★★☆", "★★☆"]
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        "☆☆☆  0 star(s)",
        "★☆☆  1 star(s)",
        "★★☆  2 star(s)",
        "★★★  3 star(s)",
    ]
    criteria = legend.get_title().get_text()
    assert "size" in criteria and "LQ ≥ 2" in criteria and "focus" in criteria
    _assert_dressed(ax)


def test_star_grid_colour_rises_with_stars(star_table):
    mesh = _mesh(plots.star_grid(star_table))
    colours = mesh.cmap(mesh.norm(np.arange(4)))
    luminance = colours[:, :3] @ [0.2126, 0.7152, 0.0722]
    assert list(luminance) == sorted(luminance, reverse=True)  # more stars, darker tile


def test_star_grid_errors(star_table):
    with pytest.raises(CourseInputError, match="must hold star counts 0, 1, 2 or 3, but holds 5"):
        plots.star_grid(star_table.assign(stars=[3, 0, 1, 5, 2]))
    with pytest.raises(CourseInputError, match="no column 'region_name'"):
        plots.star_grid(star_table.rename(columns={"region_name": "region"}))
    with pytest.raises(CourseInputError, match="rows share the same region_name x category_name"):
        plots.star_grid(pd.concat([star_table, star_table]))


def test_star_marks():
    assert [plots.star_marks(n) for n in range(4)] == ["☆☆☆", "★☆☆", "★★☆", "★★★"]
