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
    ax = plots.shift_share_bars(shift_share_table, n=3, names=False)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["J62", "C10", "H49"]
    assert len(ax.patches) == 9  # three components x three rows
    totals = [line for line in ax.get_lines() if line.get_marker() == "D"]
    assert len(totals) == 1
    assert totals[0].get_xdata().tolist() == [25.0, -10.0, 7.0]
    _assert_dressed(ax, x_unit="(persons)")


def test_shift_share_bar_lengths_are_the_components(shift_share_table):
    ax = plots.shift_share_bars(shift_share_table, n=2)
    widths = [patch.get_width() for patch in ax.patches]
    starts = [patch.get_x() for patch in ax.patches]
    # drawn component by component: national share of J62, C10; industry mix ...; shift ...
    assert widths == [5.0, 10.0, 8.0, -4.0, 12.0, -16.0]
    assert starts == [0.0] * 6  # negatives start at 0 and point left
    (legend,) = ax.figure.legends  # under the chart, so that the bars keep the width
    texts = [t.get_text() for t in legend.get_texts()]
    assert texts == ["National share", "Industry mix", "Regional shift", "Total change"]


def test_shift_share_bars_show_all_rows_when_n_is_large(shift_share_table):
    ax = plots.shift_share_bars(shift_share_table, n=50)
    assert len(ax.get_yticklabels()) == 5
    assert len(ax.patches) == 15


def test_shift_share_bars_errors(shift_share_table):
    with pytest.raises(CourseInputError, match="no column 'regional_shift'"):
        plots.shift_share_bars(shift_share_table.drop(columns="regional_shift"))
    two_regions = pd.concat([shift_share_table, shift_share_table.assign(region="LV006")])
    with pytest.raises(
        CourseInputError,
        match=r"rows repeat the same.* combination \(e\.g\. 'C10'\)\. Filter the table to one region first",
    ):
        plots.shift_share_bars(two_regions)
    with pytest.raises(CourseInputError, match="n=0 must be a whole number of at least 1"):
        plots.shift_share_bars(shift_share_table, n=0)


LINKS = pd.DataFrame({"industry": ["agriculture", "paper", "energy"],
                      "input_coefficient": [0.30, 0.04, 0.02],
                      "indirect_requirement": [0.07, 0.01, 0.03]})  # fmt: skip
DESTINATIONS = pd.DataFrame({"partner": ["DE", "SE", "FI"], "destination_share": [0.5, 0.3, 0.2],
                             "destination_rank": [1, 2, 3]})  # fmt: skip


@pytest.mark.parametrize(
    ("chart", "table"),
    [("shift_share_bars", "shift-share"), ("link_bars", LINKS), ("destination_bars", DESTINATIONS)],
)
def test_the_old_top_keyword_draws_the_same_with_a_deprecation_warning(
    chart, table, shift_share_table
):
    # "how many" is n everywhere (as pandas' head(n)); top= keeps working for one release
    table = shift_share_table if isinstance(table, str) else table
    draw = getattr(plots, chart)
    new = [t.get_text() for t in draw(table, n=2).get_yticklabels()]
    with pytest.warns(
        DeprecationWarning, match=rf"{chart}\(top=\.\.\.\) is now {chart}\(n=\.\.\.\)"
    ):
        old = [t.get_text() for t in draw(table, top=2).get_yticklabels()]
    assert old == new and len(new) == 2


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
    with pytest.raises(
        CourseInputError, match=r"from different periods \(column 'year'\): keep one period"
    ):
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
    with pytest.raises(CourseInputError, match="'stars' must hold 0, 1, 2 or 3, but holds 5"):
        plots.star_grid(star_table.assign(stars=[3, 0, 1, 5, 2]))
    with pytest.raises(CourseInputError, match="no column 'region_name'"):
        plots.star_grid(star_table.rename(columns={"region_name": "region"}))
    with pytest.raises(
        CourseInputError, match="rows repeat the same region_name x category_name combin"
    ):
        plots.star_grid(pd.concat([star_table, star_table]))


def test_star_marks():
    assert [plots.star_marks(n) for n in range(4)] == ["☆☆☆", "★☆☆", "★★☆", "★★★"]


# --------------------------------------------------------------------------------------
# Readable at notebook width: labels that do not collide, names, about 1,000 px
# --------------------------------------------------------------------------------------

# A JupyterLab output is about 1,000 px wide; a wider figure is shrunk, and its text with it.
MAX_PX = 1050


def _boxes(artists, renderer):
    return [artist.get_window_extent(renderer) for artist in artists]


def _assert_apart(boxes, what):
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), f"{what} overlap: {a} and {b}"


def _assert_fits_a_notebook(ax):
    """At most ~1,000 px wide at the figure's dpi, also as Jupyter saves it (tight), no text
    under 8 pt, and tick labels that do not overlap."""
    figure = ax.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    assert figure.get_figwidth() * figure.dpi <= MAX_PX
    assert figure.get_tightbbox(renderer).width * figure.dpi <= MAX_PX + 50
    texts = figure.findobj(matplotlib.text.Text)
    assert min(t.get_fontsize() for t in texts if t.get_text().strip()) >= 8
    for ticks in (ax.get_xticklabels(), ax.get_yticklabels()):
        _assert_apart(_boxes([t for t in ticks if t.get_text()], renderer), "tick labels")


@pytest.fixture
def crowded_portfolio():
    """18 categories, as in ps01's Latgale chart: most of them close together."""
    rng = np.random.default_rng(5)
    return pd.DataFrame(
        {
            "category_name": [f"Category number {i} with a long name" for i in range(18)],
            "growth_rate": rng.normal(0.05, 0.05, 18),
            "lq": rng.normal(1.2, 0.25, 18),
            "employment": rng.integers(300, 9000, 18),
        }
    )


def _assert_labels_apart(ax):
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_gid() == "bubble_label"]
    # the texts themselves (an Annotation's own extent also covers its line to the bubble)
    boxes = [matplotlib.text.Text.get_window_extent(t, renderer) for t in labels]
    _assert_apart(boxes, "bubble labels")
    frame = ax.get_window_extent(renderer)
    quadrants = _boxes([t for t in ax.texts if t.get_gid() == "quadrant"], renderer)
    for box in boxes:
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1
        assert frame.y0 <= box.y0 and box.y1 <= frame.y1
        assert not any(box.overlaps(q) for q in quadrants)
    return labels


def test_portfolio_names_only_the_largest_bubbles_and_says_so(crowded_portfolio):
    ax = plots.portfolio_chart(crowded_portfolio)
    labels = _assert_labels_apart(ax)
    largest = crowded_portfolio.nlargest(10, "employment")["category_name"]
    assert sorted(t.get_text().replace("\n", " ") for t in labels) == sorted(largest)
    note = _texts(ax, "source")[0]
    assert "the 10 largest of 18 bubbles; the 8 smaller ones are unlabelled" in note
    _assert_fits_a_notebook(ax)


@pytest.mark.parametrize("max_labels", [None, 4, 0])
def test_portfolio_max_labels(crowded_portfolio, max_labels):
    ax = plots.portfolio_chart(crowded_portfolio, max_labels=max_labels)
    labels = _assert_labels_apart(ax)
    note = _texts(ax, "source")[0]
    if max_labels is None:  # all asked for: those with no free place are left out, and said so
        assert len(labels) == 18 or "Names with no free place are left out" in note
        assert len(labels) >= 12
    else:
        assert len(labels) == max_labels
    assert ("unlabelled" in note) == (max_labels is not None)


def test_portfolio_few_bubbles_are_all_named_without_a_note(portfolio_table):
    ax = plots.portfolio_chart(portfolio_table)
    assert "unlabelled" not in _texts(ax, "source")[0]


def test_portfolio_max_labels_error(portfolio_table):
    with pytest.raises(CourseInputError, match="max_labels=-1 must be a whole number of at le"):
        plots.portfolio_chart(portfolio_table, max_labels=-1)


def test_shift_share_bars_show_names_with_codes(shift_share_table):
    named = shift_share_table.assign(
        industry_name=[
            "Manufacture of food products",
            "Computer programming, consultancy and related activities",
            "Forestry and logging",
            "Manufacture of wood and of products of wood and cork, except furniture; "
            "manufacture of articles of straw and plaiting materials",
            "Land transport and transport via pipelines",
        ]
    )
    ax = plots.shift_share_bars(named, n=5)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert shown[0] == "Computer programming,\nconsultancy and related… (J62)"
    assert shown[1] == "Manufacture of food products (C10)"
    # ", except ..." and "; ..." are dropped, the rest wrapped on two lines
    assert "Manufacture of wood and of\nproducts of wood and cork (C16)" in shown
    assert all(len(line) <= 34 for name in shown for line in name.split("\n"))
    assert all(name.count("\n") <= 1 for name in shown)
    _assert_fits_a_notebook(ax)


def test_shift_share_bars_find_nace_names_and_other_name_columns(shift_share_table):
    # no name column: NACE codes get the names of the course's NACE table
    ax = plots.shift_share_bars(shift_share_table, n=2)
    assert [t.get_text() for t in ax.get_yticklabels()][1] == "Manufacture of food products (C10)"
    # category codes: the category_name column; a code without a name stays a code
    categories = shift_share_table.rename(columns={"industry": "category"}).assign(
        category_name=["Food processing", None, "Forestry", "Wood", "Transport"]
    )
    ax = plots.shift_share_bars(categories, label="category", n=2)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["J62", "Food processing (C10)"]
    with pytest.raises(CourseInputError, match="no column 'label_text'"):
        plots.shift_share_bars(shift_share_table, names="label_text")


# --- the course data, as the lesson and ps01 draw them ---------------------------------


@pytest.fixture(scope="module")
def course_tables():
    from course import data, economics

    employment = data.load("regional_employment")
    categories = data.load("cluster_categories")
    by_category = economics.aggregate_to_categories(employment, categories)
    stars = economics.star_rating(by_category[by_category["year"] == 2023])
    profile = economics.region_profile(employment, categories, region_code="LV005", start=2013,
                                       end=2023)  # fmt: skip
    shifts = economics.shift_share(employment, start=2013, end=2023)
    return {
        "baltic": stars[stars["country"].isin(["LV", "EE"]) & stars["traded"]],
        "all": stars[stars["traded"]],
        "latgale": profile[profile["traded"] & (profile["employment"] >= 500)],
        "vidzeme_shifts": shifts[shifts["region"] == "LV008"],
    }


def test_course_portfolio_of_latgale_is_readable(course_tables):
    latgale = course_tables["latgale"]
    assert len(latgale) == 18  # the ps01 chart
    ax = plots.portfolio_chart(latgale, title="Cluster portfolio of Latgale, 2013-2023")
    assert len(_assert_labels_apart(ax)) == 10
    _assert_fits_a_notebook(ax)


def test_course_shift_share_bars_show_nace_names(course_tables):
    ax = plots.shift_share_bars(course_tables["vidzeme_shifts"], label="industry", n=8)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert len(shown) == 8
    assert "Manufacture of food products (C10)" in shown
    assert "Specialised construction\nactivities (F43)" in shown
    _assert_fits_a_notebook(ax)


def _shown_and_noted(ax, names):
    """Every name is a tick label (maybe wrapped or cut with "…") or in the note."""
    ticks = [
        t.get_text().replace("\n", " ") for t in [*ax.get_xticklabels(), *ax.get_yticklabels()]
    ]
    note = _texts(ax, "source")[0].replace("\n", " ")
    for name in names:
        shown = any(t == name or (t.endswith("…") and name.startswith(t[:-1])) for t in ticks)
        assert shown or name in note, name


@pytest.mark.parametrize("which", ["baltic", "all"])
def test_course_lq_heatmap_fits_a_notebook(course_tables, which):
    table = course_tables[which]
    ax = plots.lq_heatmap(table, region="region_name", category="category_name")
    _assert_fits_a_notebook(ax)
    _shown_and_noted(ax, [*table["region_name"].unique(), *table["category_name"].unique()])
    cells = [t for t in ax.texts if t.get_gid() != "source"]
    if which == "baltic":  # the lesson's chart: 11 regions x 21 categories, values written
        assert len(cells) == 11 * 21
        renderer = ax.figure.canvas.get_renderer()
        _assert_apart(_boxes(cells, renderer), "cell values")
        assert ax.get_ylabel() == "Cluster category"  # transposed: 21 categories as rows
    else:  # 39 x 21: too many cells to write every LQ, the note says so
        assert not cells
        assert "Too many cells" in _texts(ax, "source")[0]


@pytest.mark.parametrize("which", ["baltic", "all"])
def test_course_star_grid_fits_a_notebook_and_names_the_stars(course_tables, which):
    table = course_tables[which]
    ax = plots.star_grid(table)
    _assert_fits_a_notebook(ax)
    _shown_and_noted(ax, [*table["region_name"].unique(), *table["category_name"].unique()])
    marks = [t for t in ax.texts if t.get_gid() == "star_marks"]
    assert len(marks) == len(table)  # every region x category is shown
    counts = np.ma.filled(_mesh(ax).get_array(), -1).reshape(len(ax.get_yticks()), -1)
    for mark in marks:  # each tile: as many letters as stars, the same star count
        column, row = (int(v) for v in mark.get_position())
        assert len(mark.get_text()) == counts[row, column]
    for flag, letter in [("size_star", "S"), ("specialisation_star", "L"), ("focus_star", "F")]:
        assert sum(letter in m.get_text() for m in marks) == table[flag].sum()
    renderer = ax.figure.canvas.get_renderer()
    _assert_apart(_boxes([m for m in marks if m.get_text()], renderer), "star marks")


def test_star_grid_letters_match_the_flags(star_table):
    flags = star_table.assign(
        size_star=[True, False, False, False, True],
        specialisation_star=[True, False, False, True, False],
        focus_star=[True, False, True, True, True],
    )
    ax = plots.star_grid(flags)
    marks = {
        tuple(int(v) for v in t.get_position()): t.get_text()
        for t in ax.texts
        if t.get_gid() == "star_marks"
    }
    # rows Vidzeme, Rīga, Kurzeme; columns Food, IT; (column, row) -> letters
    assert marks == {(0, 0): "SLF", (1, 0): "", (0, 1): "F", (1, 1): "LF", (0, 2): "SF"}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:4] == ["0 stars", "1 star", "2 stars", "3 stars"]
    assert legend[4].startswith("size") and "LQ ≥ 2" in legend[5] and "focus" in legend[6]
    letters = [h.get_marker() for h in ax.get_legend().legend_handles[4:]]
    assert letters == ["$S$", "$L$", "$F$"]
    with pytest.raises(CourseInputError, match="'focus_star' must hold 0 or 1, but holds 2"):
        plots.star_grid(flags.assign(focus_star=[1, 0, 2, 1, 1]))


def test_grids_can_be_transposed_by_hand(lq_table):
    ax = plots.lq_heatmap(lq_table, transpose=True)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["food", "it", "wood"]
    assert ax.get_xlabel() == "Region" and ax.get_ylabel() == "Cluster category"
