"""Tests of course.widgets: the numbers behind the explorer, and that it redraws."""

from __future__ import annotations

import base64
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")  # the explorer renders PNGs; tests never open windows

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from course import economics, plots, widgets  # noqa: E402
from course.checks import CourseInputError  # noqa: E402

ipywidgets = pytest.importorskip("ipywidgets")

START, END = 2015, 2020
NAMES = {"A": "Alpha", "B": "Beta", "C": "Gamma"}
CATEGORIES = pd.DataFrame(
    {
        "industry": ["C10", "C11", "J62", "G47"],
        "category": ["food", "food", "it", "retail"],
        "category_name": ["Food processing", "Food processing", "IT", "Retail (local)"],
        "traded": [True, True, True, False],
    }
)
MAPPING = dict(zip(CATEGORIES["industry"], CATEGORIES["category"], strict=True))
# employment[year][region] = C10, C11, J62, G47
EMPLOYMENT = {
    START: {"A": (100, 20, 30, 50), "B": (10, 0, 200, 90), "C": (40, 10, 60, 70)},
    2018: {"A": (110, 25, 40, 52), "B": (9, 1, 230, 95), "C": (40, 8, 55, 72)},
    END: {"A": (130, 30, 45, 55), "B": (8, 2, 260, 100), "C": (40, 5, 50, 75)},
}


def _table(employment=EMPLOYMENT) -> pd.DataFrame:
    rows = [
        (region, NAMES[region], industry, year, value)
        for year, regions in employment.items()
        for region, values in regions.items()
        for industry, value in zip(CATEGORIES["industry"], values, strict=True)
    ]
    return pd.DataFrame(rows, columns=["region", "region_name", "industry", "year", "employment"])


def _expected_profile(employment, region, start, end):
    """The profile computed the long way: dictionaries and loops, no course code."""
    jobs = defaultdict(float)  # (region, category, year) -> employment
    for year, regions in employment.items():
        for name, values in regions.items():
            for industry, value in zip(CATEGORIES["industry"], values, strict=True):
                jobs[name, MAPPING[industry], year] += value
    regions = list(employment[end])
    categories = ["food", "it", "retail"]
    region_total = {r: sum(jobs[r, c, end] for c in categories) for r in regions}
    category_total = {c: sum(jobs[r, c, end] for r in regions) for c in categories}
    grand_total = sum(region_total.values())
    area_start = sum(jobs[r, c, start] for r in regions for c in categories)
    area_end = sum(jobs[r, c, end] for r in regions for c in categories)
    expected = {}
    for c in categories:
        here = jobs[region, c, end]
        lq = (here / region_total[region]) / (category_total[c] / grand_total)
        active = [r for r in regions if jobs[r, c, end] > 0]
        size_cut = np.percentile([jobs[r, c, end] for r in active], 90)
        shares = [jobs[r, c, end] / region_total[r] for r in active]
        focus = here / region_total[region]
        stars = int(here >= size_cut) + int(lq >= 2) + int(focus >= np.percentile(shares, 90))
        before = jobs[region, c, start]
        expected[c] = {
            "employment_start": before,
            "employment": here,
            "growth_rate": (here - before) / before,
            "cagr": (here / before) ** (1 / (end - start)) - 1,
            "lq": lq,
            "focus": focus,
            "stars": stars,
            "reference_growth_rate": (area_end - area_start) / area_start,
        }
    return expected


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --------------------------------------------------------------------------------------
# economics.region_profile, the computation behind the explorer
# --------------------------------------------------------------------------------------


def region_profile(employment, categories, region_code, start, end, **options):
    # the hand table has three regions: rate them although the default asks for ten
    return economics.region_profile(employment, categories, region_code=region_code,
                                    start=start, end=end, min_regions=1, **options)  # fmt: skip


def test_region_profile_refuses_to_rate_three_regions_by_default():
    with pytest.raises(CourseInputError, match="no category has 10 or more regions"):
        economics.region_profile(_table(), CATEGORIES, region_code="A", start=START, end=END)


@pytest.mark.parametrize("region", ["A", "B", "C"])
def test_region_profile_matches_a_hand_computation(region):
    profile = region_profile(_table(), CATEGORIES, region, START, END)
    expected = _expected_profile(EMPLOYMENT, region, START, END)
    assert sorted(profile["category"]) == sorted(expected)
    for row in profile.to_dict("records"):
        for column, value in expected[row["category"]].items():
            assert row[column] == pytest.approx(value), (row["category"], column)
    assert (profile["region_name"] == NAMES[region]).all()


def test_region_profile_stars_are_not_trivial_in_the_hand_table():
    # Guard for the test above: the hand table must give both starred and unstarred rows.
    stars = [
        v["stars"] for r in "ABC" for v in _expected_profile(EMPLOYMENT, r, START, END).values()
    ]
    assert min(stars) == 0 and max(stars) >= 2


def test_region_profile_sorts_largest_first_and_carries_category_columns():
    profile = region_profile(_table(), CATEGORIES, "A", START, END)
    assert profile["category"].tolist() == ["food", "retail", "it"]  # 160, 55, 45 jobs
    assert profile["category_name"].tolist() == ["Food processing", "Retail (local)", "IT"]
    assert profile["traded"].tolist() == [True, False, True]


def test_selecting_categories_picks_rows_without_changing_numbers():
    full = region_profile(_table(), CATEGORIES, "A", START, END)
    food = region_profile(_table(), CATEGORIES, "A", START, END, selected=["food"])
    assert food["category"].tolist() == ["food"]
    pd.testing.assert_frame_equal(food, full[full["category"] == "food"].reset_index(drop=True))


def test_region_profile_does_not_change_its_input():
    table = _table()
    copy = table.copy()
    region_profile(table, CATEGORIES, "B", START, END)
    pd.testing.assert_frame_equal(table, copy)


def test_region_profile_errors_say_what_to_fix():
    with pytest.raises(
        CourseInputError, match=r"region 'LV999' is not in the table\. Available: 'A'"
    ):
        region_profile(_table(), CATEGORIES, "LV999", START, END)
    with pytest.raises(CourseInputError, match="category 'wine' is not in the table"):
        region_profile(_table(), CATEGORIES, "A", START, END, selected=["wine"])
    with pytest.raises(CourseInputError, match="start=2014 is not in column 'year'"):
        region_profile(_table(), CATEGORIES, "A", 2014, END)
    with pytest.raises(CourseInputError, match="no column 'employment'"):
        region_profile(_table().rename(columns={"employment": "emp"}), CATEGORIES, "A", START, END)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(1, 500), min_size=24, max_size=24))
def test_region_profile_adds_up_for_any_table(values):
    # 3 regions x 4 industries x 2 years of positive employment
    employment = {
        year: {r: tuple(values[12 * k + 4 * i : 12 * k + 4 * i + 4]) for i, r in enumerate("ABC")}
        for k, year in enumerate((START, END))
    }
    profile = region_profile(_table(employment), CATEGORIES, "A", START, END)
    assert profile["focus"].sum() == pytest.approx(1.0)  # the categories partition the region
    assert profile["employment"].sum() == sum(employment[END]["A"])
    expected = _expected_profile(employment, "A", START, END)
    for row in profile.to_dict("records"):
        assert row["lq"] == pytest.approx(expected[row["category"]]["lq"])
        assert row["stars"] == expected[row["category"]]["stars"]


# --------------------------------------------------------------------------------------
# region_explorer
# --------------------------------------------------------------------------------------


def _controls(explorer):
    region, years, categories, output = explorer.children
    return region, years, categories, output


def _html(output) -> str:
    return "".join(item["data"].get("text/html", "") for item in output.outputs)


def _message(output) -> str:
    return " ".join(item["data"].get("text/plain", "") for item in output.outputs)


@pytest.fixture
def drawn(monkeypatch):
    """Record every call of plots.portfolio_chart (still drawing for real)."""
    calls = []
    original = plots.portfolio_chart

    def recording(profile, **kwargs):
        calls.append((profile.copy(), kwargs))
        return original(profile, **kwargs)

    monkeypatch.setattr(plots, "portfolio_chart", recording)
    return calls


def test_explorer_builds_with_the_promised_controls(drawn):
    explorer = widgets.region_explorer(
        _table(), CATEGORIES, region_code="A", years=(START, END), min_regions=1
    )
    assert isinstance(explorer, ipywidgets.VBox)
    region, years, categories, output = _controls(explorer)
    assert isinstance(region, ipywidgets.Dropdown)
    assert isinstance(years, ipywidgets.IntRangeSlider)
    assert isinstance(categories, ipywidgets.SelectMultiple)
    assert isinstance(output, ipywidgets.Output)
    assert list(region.options) == [("Alpha (A)", "A"), ("Beta (B)", "B"), ("Gamma (C)", "C")]
    assert region.value == "A"
    assert (years.min, years.max, years.value) == (START, END, (START, END))
    assert categories.value == ("food", "it")  # the traded categories
    assert len(drawn) == 1


def test_explorer_shows_chart_and_table_of_the_profile(drawn):
    explorer = widgets.region_explorer(
        _table(), CATEGORIES, region_code="A", years=(START, END), min_regions=1
    )
    output = _controls(explorer)[3]
    png = base64.b64decode(output.outputs[0]["data"]["image/png"])
    assert png.startswith(b"\x89PNG")
    html = _html(output)
    assert "Food processing" in html and "160" in html  # A's food jobs in 2020: 130 + 30
    assert "Retail" not in html  # local category, not selected by default
    profile, kwargs = drawn[-1]
    expected = _expected_profile(EMPLOYMENT, "A", START, END)
    assert sorted(profile["category"]) == ["food", "it"]
    assert kwargs["x_reference"] == pytest.approx(expected["food"]["reference_growth_rate"])
    assert "Alpha (A)" in kwargs["title"]


def test_changing_the_region_redraws(drawn):
    explorer = widgets.region_explorer(
        _table(), CATEGORIES, region_code="A", years=(START, END), min_regions=1
    )
    region, _, _, output = _controls(explorer)
    before = output.outputs
    region.value = "B"
    assert len(drawn) == 2
    assert output.outputs != before
    html = _html(output)
    assert "260" in html and "160" not in html  # B's IT jobs; A's food jobs are gone
    assert drawn[-1][0]["region"].unique().tolist() == ["B"]


def test_changing_years_and_categories_redraws(drawn):
    explorer = widgets.region_explorer(
        _table(), CATEGORIES, region_code="A", years=(START, END), min_regions=1
    )
    _, years, categories, output = _controls(explorer)
    years.value = (2018, END)
    assert drawn[-1][0]["employment_start"].tolist() == [135.0, 40.0]  # food 110+25, IT 40
    categories.value = ("retail",)
    assert drawn[-1][0]["category"].tolist() == ["retail"]
    assert "Retail (local)" in _html(output)
    assert len(drawn) == 3


def test_explorer_shows_a_message_instead_of_failing(drawn):
    explorer = widgets.region_explorer(
        _table(), CATEGORIES, region_code="A", years=(START, END), min_regions=1
    )
    _, years, categories, output = _controls(explorer)
    years.value = (2018, 2018)
    assert "must be before" in _message(output)
    years.value = (START, END)
    categories.value = ()
    assert "Select at least one cluster category" in _message(output)
    assert len(drawn) == 2  # the first drawing and the one after the years were fixed


def test_explorer_leaves_no_pyplot_figures_open():
    open_before = plt.get_fignums()
    explorer = widgets.region_explorer(
        _table(), CATEGORIES, region_code="C", years=(START, END), min_regions=1
    )
    _controls(explorer)[0].value = "A"
    assert plt.get_fignums() == open_before


def test_explorer_rejects_an_unknown_region():
    with pytest.raises(CourseInputError, match="region 'LV008' is not in the table"):
        widgets.region_explorer(_table(), CATEGORIES)  # the default region is not in this table


def test_the_old_region_keyword_still_works_with_a_deprecation_warning():
    # the explorers name codes as codes: region_code= (region= names a column elsewhere)
    with pytest.warns(DeprecationWarning, match=r"region_explorer\(region=\.\.\.\) is now "):
        explorer = widgets.region_explorer(
            _table(), CATEGORIES, region="B", years=(START, END), min_regions=1
        )
    assert _controls(explorer)[0].value == "B"
    with pytest.raises(CourseInputError, match="pass region_code= only"):
        widgets.region_explorer(_table(), CATEGORIES, region="B", region_code="A")


def test_the_benchmark_explorer_counts_its_gaps_with_n_and_still_takes_gaps():
    from course import data

    bench = data.load("benchmarking")
    rows = widgets.benchmark_explorer(bench, organisation_id="lv_it", n=3).children[-1].outputs
    with pytest.warns(DeprecationWarning, match=r"gaps=\.\.\.\) is now benchmark_explorer\(n="):
        old = widgets.benchmark_explorer(bench, organisation_id="lv_it", gaps=3).children[-1]
    assert old.outputs == rows
    table = rows[-1]["data"]["text/html"]
    assert table.count("<tr>") == 3  # the three indicators furthest behind the peers
