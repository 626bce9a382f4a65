"""Tests of the module-4 charts and the benchmark explorer: what is drawn, not how it looks."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from course import benchmarking as bm  # noqa: E402
from course import data, plots, widgets  # noqa: E402
from course.checks import CourseInputError  # noqa: E402

BENCH = data.load("benchmarking")
ROUND_2 = BENCH[BENCH["year"] == 2023]
TRADE = data.load("trade")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _dressed(ax, unit: str) -> None:
    """A title, an x label with its unit, one source note, text of 8 pt or more, <= 1,000 px."""
    assert ax.get_title().strip()
    assert unit in ax.get_xlabel()
    notes = [t.get_text() for t in ax.texts if t.get_gid() == "source"]
    assert len(notes) == 1 and notes[0].startswith("Source:")
    assert ax.figure.get_size_inches()[0] <= 10.0 + 1e-9
    ax.figure.canvas.draw()
    sizes = [t.get_fontsize() for t in ax.figure.findobj(matplotlib.text.Text) if t.get_text()]
    assert min(sizes) >= 8


def test_radar_draws_the_organisation_and_the_peer_lines():
    scores = bm.area_scores(ROUND_2)
    ax = plots.area_radar(scores, "lv_it")
    _dressed(ax, "0-100")
    lines = {line.get_label(): line.get_ydata()[:-1] for line in ax.get_lines()}
    own = scores[scores["organisation"] == "lv_it"]
    np.testing.assert_allclose(lines["lv_it"], own["area_score"])
    np.testing.assert_allclose(lines["Peer top quartile"], own["area_score_top_quartile"])
    assert ax.name == "polar"


def test_radar_replaces_a_cartesian_axes_and_refuses_two_rounds():
    figure, ax = plt.subplots()
    polar = plots.area_radar(bm.area_scores(ROUND_2), "lv_food", ax=ax)
    assert polar.name == "polar" and polar.figure is figure
    with pytest.raises(CourseInputError, match="several rows per area"):
        plots.area_radar(bm.area_scores(BENCH, by="year"), "lv_food")
    with pytest.raises(CourseInputError, match="Did you mean 'lv_food'"):
        plots.area_radar(bm.area_scores(ROUND_2), "lv_fod")


def test_percentile_strip_puts_the_organisation_at_its_percentiles():
    ranks = bm.percentile_ranks(ROUND_2)
    ax = plots.percentile_strip(ranks, "lv_food")
    _dressed(ax, "100 = best")
    own = ranks[ranks["organisation"] == "lv_food"]
    np.testing.assert_allclose(ax.collections[1].get_offsets()[:, 0], own["percentile"])
    assert len(ax.collections[0].get_offsets()) == (ranks["organisation"] != "lv_food").sum()


def test_percentile_strip_names_unanswered_indicators():
    ranks = bm.percentile_ranks(ROUND_2)
    peer = ranks.loc[ranks["percentile"].isna(), "organisation"].iloc[0]
    ax = plots.percentile_strip(ranks, peer)
    assert "not answered" in [t.get_text() for t in ax.texts if t.get_gid() == "source"][0]


def test_kpi_lights_mark_every_status():
    kpis = pd.DataFrame({"indicator": ["member_satisfaction"] * 4, "baseline": [3.6] * 4,
                         "target": [4.2] * 4, "actual": [4.3, 4.0, 3.5, np.nan]})  # fmt: skip
    ax = plots.kpi_lights(bm.kpi_status(kpis))
    _dressed(ax, "unit")
    marks = [t.get_text() for t in ax.texts if t.get_gid() == "status"]
    assert marks == ["✓ met", "→ on track", "✗ behind", "– no data"]
    with pytest.raises(CourseInputError, match="status must be one of"):
        plots.kpi_lights(bm.kpi_status(kpis).assign(status="green"))


def test_before_after_draws_both_rounds():
    change = bm.area_improvement(BENCH)
    ax = plots.before_after(change, "lv_food")
    _dressed(ax, "0-100")
    own = change[change["organisation"] == "lv_food"]
    np.testing.assert_allclose(ax.collections[0].get_offsets()[:, 0], own["area_score_start"])
    np.testing.assert_allclose(ax.collections[1].get_offsets()[:, 0], own["area_score_end"])


def test_destination_bars_show_the_top_partners_and_the_rest():
    destinations = bm.export_destinations(TRADE[TRADE["year"] == 2023])
    lv_food = destinations[destinations["cluster"] == "lv_food"]
    ax = plots.destination_bars(lv_food, n=5)
    _dressed(ax, "%")
    widths = [p.get_width() for p in ax.patches]
    np.testing.assert_allclose(widths, lv_food["destination_share"].head(5))
    assert "other partners" in [t.get_text() for t in ax.texts if t.get_gid() == "source"][0]
    with pytest.raises(CourseInputError, match="keep one first"):
        plots.destination_bars(destinations)


def test_explorer_redraws_for_another_peer_group():
    explorer = widgets.benchmark_explorer(BENCH, organisation_id="lv_it")
    organisation, peers, output = explorer.children
    assert [label for label, _ in peers.options][:2] == ["All organisations", "Same sector"]
    first = output.outputs[0]["data"]["image/png"]
    peers.value = "sector"
    assert output.outputs[0]["data"]["text/plain"] == "<radar of lv_it, same sector>"
    assert output.outputs[0]["data"]["image/png"] != first
    table = output.outputs[1]["data"]["text/plain"]
    gaps = bm.peer_gaps(ROUND_2, peers="sector")
    worst = gaps[gaps["organisation"] == "lv_it"].sort_values("percentile").iloc[0]
    assert worst["indicator"] in table
    organisation.value = "lv_food"
    assert output.outputs[0]["data"]["text/plain"].startswith("<radar of lv_food")
    assert not plt.get_fignums()


def test_explorer_shows_a_message_for_a_peer_group_of_one():
    alone = ROUND_2.assign(country=np.where(ROUND_2["organisation"] == "lv_it", "XX", "DE"))
    explorer = widgets.benchmark_explorer(alone, organisation_id="lv_it")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # said in the explorer, not as a warning under it
        explorer.children[1].value = "country"
    assert (
        "no peers in this group (fewer than 3"
        in explorer.children[2].outputs[0]["data"]["text/plain"]
    )


def test_explorer_rejects_an_unknown_organisation():
    with pytest.raises(CourseInputError, match="Did you mean 'lv_food'"):
        widgets.benchmark_explorer(BENCH, organisation_id="lv_fod")


def test_the_old_organisation_keyword_still_works_with_a_deprecation_warning():
    # organisation= names a column everywhere else; the explorer's code is organisation_id=
    with pytest.warns(DeprecationWarning, match=r"benchmark_explorer\(organisation=\.\.\.\)"):
        explorer = widgets.benchmark_explorer(BENCH, organisation="lv_it")
    assert explorer.children[0].value == "lv_it"
