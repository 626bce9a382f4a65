"""Tests of course.benchmarking against independent computations on hand-made tables.

Expected numbers come from explicit loops over plain lists (written differently from the
library's groupby code), numpy.quantile, or are worked out by hand in the comments.
"""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course import benchmarking as bm
from course import data
from course._guards import MIN_PEERS, SmallGroupWarning
from course.checks import CourseInputError

BENCH = data.load("benchmarking")
ROUND_2 = BENCH[BENCH["year"] == 2023].reset_index(drop=True)
COURSE_CLUSTERS = ["lv_food", "lv_it", "ee_logistics", "se_energy", "dk_food"]


def loop_percentile(values, own, higher=True):
    """100 * (worse + 0.5 * tied others) / (answers - 1), by counting; none below 3 answers."""
    known = [v for v in values if not math.isnan(v)]
    if math.isnan(own) or len(known) < 3:  # the course's minimum peer count
        return math.nan
    worse = sum(1 for v in known if (v < own if higher else v > own))
    tied = sum(1 for v in known if v == own) - 1
    return 100 * (worse + 0.5 * tied) / (len(known) - 1)


def table(values, indicator="events_per_year", **extra):
    return pd.DataFrame(
        {"organisation": [f"o{k}" for k in range(len(values))], "indicator": indicator,
         "value": values, **extra}
    )  # fmt: skip


# ---------------------------------------------------------------------------------------
# Percentile ranks
# ---------------------------------------------------------------------------------------


def test_percentiles_with_ties_give_the_mean_rank():
    # 10 < 20 = 20 < 40: the tied pair beats one and ties one: (1 + 0.5) / 3 = 50
    ranks = bm.percentile_ranks(table([10, 20, 20, 40]))
    assert ranks["percentile"].tolist() == [0.0, 50.0, 50.0, 100.0]
    assert ranks["peer_count"].tolist() == [4, 4, 4, 4]


def test_lower_is_better_inverts_the_ranks():
    ranks = bm.percentile_ranks(table([5.0, 12.5, 30.0, 8.0], indicator="staff_turnover"))
    expected = [100.0, 100 / 3, 0.0, 200 / 3]  # 5 % turnover is best
    np.testing.assert_allclose(ranks["percentile"], expected)


def test_a_group_below_three_answers_has_no_percentile():
    # food: one organisation, ict: two, energy: three (the course's minimum, MIN_PEERS)
    sectors = ["food", "ict", "ict", "energy", "energy", "energy"]
    with pytest.warns(SmallGroupWarning, match=r"2 peer group\(s\) have fewer than 3.*"
                      r"sector='food': o0 on events_per_year.*sector='ict': o1, o2"):  # fmt: skip
        ranks = bm.percentile_ranks(
            table([3.0, 7.0, 5.0, 1.0, 2.0, 3.0], sector=sectors), peers="sector"
        )
    assert ranks["percentile"].iloc[:3].isna().all()  # never 100 for being alone
    assert ranks["peer_count"].tolist() == [1, 2, 2, 3, 3, 3]
    assert ranks["percentile"].iloc[3:].tolist() == [0.0, 50.0, 100.0]
    assert MIN_PEERS == 3


def test_missing_values_get_no_percentile_and_are_not_peers():
    ranks = bm.percentile_ranks(table([10, np.nan, 30, 20]))
    assert np.isnan(ranks["percentile"].iloc[1])
    assert ranks["percentile"].drop(index=1).tolist() == [0.0, 100.0, 50.0]
    assert (ranks["peer_count"] == 3).all()  # never ranked as the worst, nor as 0


def test_direction_as_mapping_or_column_overrides_the_catalogue():
    values = table([1.0, 2.0, 3.0], indicator="my_kpi")
    by_map = bm.percentile_ranks(values, direction={"my_kpi": "lower"})
    by_column = bm.percentile_ranks(values.assign(better="lower"), direction="better")
    assert by_map["percentile"].tolist() == [100.0, 50.0, 0.0]
    pd.testing.assert_frame_equal(by_map, by_column.drop(columns="better"))


def test_course_percentiles_match_a_loop_per_indicator_and_peer_group():
    ranks = bm.percentile_ranks(ROUND_2, peers="sector")
    direction = bm.indicator_catalogue().set_index("indicator")["direction"]
    sample = ranks.sample(200, random_state=1)
    for _, row in sample.iterrows():
        group = ROUND_2[
            (ROUND_2["indicator"] == row["indicator"]) & (ROUND_2["sector"] == row["sector"])
        ]
        expected = loop_percentile(group["value"].tolist(), row["value"],
                                   direction[row["indicator"]] == "higher")  # fmt: skip
        assert row["percentile"] == pytest.approx(expected, nan_ok=True)


def test_percentile_ranks_keep_rows_and_leave_input_alone():
    before = ROUND_2.copy()
    ranks = bm.percentile_ranks(ROUND_2)
    pd.testing.assert_frame_equal(ROUND_2, before)
    pd.testing.assert_frame_equal(ranks[ROUND_2.columns], ROUND_2)


def test_by_year_ranks_each_round_among_its_participants():
    both = bm.percentile_ranks(BENCH, by="year")
    again = bm.percentile_ranks(ROUND_2)
    np.testing.assert_allclose(both.loc[BENCH["year"] == 2023, "percentile"], again["percentile"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=3, max_size=25), st.booleans())
def test_percentile_identities(values, lower):
    # mean percentile of a group is exactly 50; reversing the direction mirrors it; in [0, 100]
    values = [float(v) for v in values]
    direction = {"x": "lower" if lower else "higher"}
    flipped = {"x": "higher" if lower else "lower"}
    ranks = bm.percentile_ranks(table(values, indicator="x"), direction=direction)["percentile"]
    mirror = bm.percentile_ranks(table(values, indicator="x"), direction=flipped)["percentile"]
    assert ranks.mean() == pytest.approx(50)
    np.testing.assert_allclose(ranks, 100 - mirror)
    assert ranks.between(0, 100).all()
    expected = [loop_percentile(values, v, not lower) for v in values]
    np.testing.assert_allclose(ranks, expected)


def test_peer_bands_band_size_and_age():
    bands = bm.peer_bands(pd.DataFrame({"members_total": [1, 24, 25, 199, 200],
                                        "founded_year": [2023, 2019, 2018, 2013, 2003],
                                        "year": 2023}))  # fmt: skip
    assert bands["size_band"].tolist() == ["1-24", "1-24", "25-49", "100-199", "200+"]
    assert bands["age_band"].tolist() == ["0-4 years", "0-4 years", "5-9 years", "10-19 years",
                                          "20+ years"]  # fmt: skip


# ---------------------------------------------------------------------------------------
# Gaps, area scores, improvement
# ---------------------------------------------------------------------------------------


def test_gaps_match_numpy_quantiles_in_both_directions():
    gaps = bm.peer_gaps(ROUND_2, peers="sector")
    direction = bm.indicator_catalogue().set_index("indicator")["direction"]
    for (indicator, _sector), group in gaps.groupby(["indicator", "sector"]):
        known = group["value"].dropna().to_numpy()
        higher = direction[indicator] == "higher"
        top = np.quantile(known, 0.75 if higher else 0.25)
        np.testing.assert_allclose(group["peer_median"], np.median(known))
        np.testing.assert_allclose(group["peer_top_quartile"], top)
        sign = 1 if higher else -1
        np.testing.assert_allclose(group["gap_to_top_quartile"], sign * (top - group["value"]))


def test_a_lower_is_better_gap_is_positive_when_behind():
    gaps = bm.peer_gaps(table([2, 4, 5, 7, 12], indicator="response_days"))
    # quantile 0.25 of 2, 4, 5, 7, 12 is 4: the organisation at 7 days is 3 days behind
    assert gaps["peer_top_quartile"].iloc[0] == 4.0
    assert gaps["gap_to_top_quartile"].tolist() == [-2.0, 0.0, 1.0, 3.0, 8.0]


def test_area_scores_are_mean_percentiles_per_area():
    scores = bm.area_scores(ROUND_2)
    ranks = bm.percentile_ranks(ROUND_2)
    area = ranks["indicator"].map(bm.indicator_catalogue().set_index("indicator")["area"])
    expected = ranks.assign(area=area).groupby(["organisation", "area"])["percentile"].mean()
    got = scores.set_index(["organisation", "area"])["area_score"]
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_names=False)
    assert len(scores) == ROUND_2["organisation"].nunique() * 6
    one = scores[scores["area"] == "services"]["area_score"]
    assert scores.loc[scores["area"] == "services", "area_score_top_quartile"].iloc[0] == (
        pytest.approx(np.quantile(one, 0.75))
    )


def test_weakest_area_of_lv_it_is_achievements():
    scores = bm.area_scores(ROUND_2)
    own = scores[scores["organisation"] == "lv_it"]
    assert own.loc[own["weakest"], "area"].tolist() == ["achievements"]
    assert own.loc[own["area_rank"] == 1, "area"].tolist() == ["services"]


def test_improvement_between_rounds_by_hand():
    rounds = pd.DataFrame({"organisation": ["A", "B", "C", "A", "B"],
                           "year": [2021, 2021, 2021, 2023, 2023],
                           "indicator": "staff_turnover", "value": [20.0, 10.0, 15.0, 5.0, np.nan]})  # fmt: skip
    with pytest.warns(SmallGroupWarning):  # two answers in 2023: no percentiles there
        result = bm.improvement(rounds)
    # C took part once; B did not answer in 2023: its change is unknown, so it is left out
    assert result["organisation"].tolist() == ["A"]
    assert result["change"].iloc[0] == -15.0
    assert result["improvement"].iloc[0] == 15.0  # lower turnover is better
    assert bool(result["improved"].iloc[0])
    assert result["percentile_start"].iloc[0] == 0.0 and np.isnan(result["percentile_end"].iloc[0])


def test_area_improvement_is_the_change_of_area_scores():
    change = bm.area_improvement(BENCH)
    first = bm.area_scores(BENCH[BENCH["year"] == 2021]).set_index(["organisation", "area"])
    last = bm.area_scores(ROUND_2).set_index(["organisation", "area"])
    joined = change.set_index(["organisation", "area"])
    expected = (last["area_score"] - first["area_score"]).dropna()
    pd.testing.assert_series_equal(joined["area_score_change"].sort_index(),
                                   expected.sort_index(), check_names=False)  # fmt: skip


# ---------------------------------------------------------------------------------------
# Label readiness
# ---------------------------------------------------------------------------------------


def _org(name, values, *, year=2023):
    return pd.DataFrame({"organisation": name, "year": year, "indicator": list(values),
                         "value": list(values.values())})  # fmt: skip


def _readiness_table(met: int, total: int = 10, **overrides):
    """One organisation, ``total`` indicators, ``met`` of them at the threshold 10."""
    values = {"staff_fte": 0.5, "members_total": 15, "member_types": 2}
    values.update(overrides)
    indicators = [f"kpi_{k}" for k in range(total - 3)]
    for k, key in enumerate(indicators):
        values[key] = 10.0 if k < met - 3 else 9.0
    thresholds = {"staff_fte": 0.5, "members_total": 15, "member_types": 2,
                  **dict.fromkeys(indicators, 10.0)}  # fmt: skip
    return _org("A", values), thresholds, dict.fromkeys(indicators, "higher")


def _alone(df, thresholds, direction):
    """label_readiness of one organisation with thresholds of its own: no peers are needed
    for Bronze and Gold, but its percentiles are NA (with a warning)."""
    with pytest.warns(SmallGroupWarning, match="year=2023: A on"):
        return bm.label_readiness(df, thresholds=thresholds, direction=direction)


@pytest.mark.parametrize(("met", "ready"), [(8, True), (7, False), (10, True)])
def test_gold_needs_80_percent_of_thresholds(met, ready):
    df, thresholds, direction = _readiness_table(met)
    direction.update(dict.fromkeys(["staff_fte", "members_total", "member_types"], "higher"))
    result = _alone(df, thresholds, direction).iloc[0]
    assert result["thresholds_met"] == met and result["thresholds_total"] == 10
    assert bool(result["gold_ready"]) is ready
    assert result["thresholds_to_gold"] == max(0, 8 - met)
    assert result["estimated_label"] == ("Gold" if ready else "Bronze")


@pytest.mark.parametrize(("overrides", "ready"), [
    ({}, True), ({"staff_fte": 0.4}, False), ({"members_total": 14}, False),
    ({"member_types": 1}, False), ({"staff_fte": np.nan}, False),
])  # fmt: skip
def test_bronze_needs_the_eccp_minimum(overrides, ready):
    df, thresholds, direction = _readiness_table(10, **overrides)
    direction.update(dict.fromkeys(["staff_fte", "members_total", "member_types"], "higher"))
    result = _alone(df, thresholds, direction).iloc[0]
    assert bool(result["eccp_minimum"]) is ready and bool(result["bronze_ready"]) is ready


def test_bronze_needs_most_indicators_answered():
    df, thresholds, direction = _readiness_table(10)
    direction.update(dict.fromkeys(["staff_fte", "members_total", "member_types"], "higher"))
    df.loc[df["indicator"] == "kpi_0", "value"] = np.nan  # 9 of 10 answered: exactly 0.9
    assert bool(_alone(df, thresholds, direction)["bronze_ready"].iloc[0])
    df.loc[df["indicator"] == "kpi_1", "value"] = np.nan
    result = _alone(df, thresholds, direction).iloc[0]
    assert not result["bronze_ready"] and result["estimated_label"] == "not yet"


@pytest.mark.parametrize(("improved", "silver"), [(3, True), (2, False)])
def test_silver_needs_three_improved_areas(improved, silver):
    # three organisations on one indicator per area; A moves from worst to best in `improved` areas
    areas = bm.indicator_catalogue().groupby("area", sort=False)["indicator"].first()
    rows = []
    for year in (2021, 2023):
        for k, (_area, indicator) in enumerate(areas.items()):
            up = year == 2023 and k < improved
            for org, value in (("A", 3.0 if up else 1.0), ("B", 2.0), ("C", 2.5)):
                rows.append((org, year, indicator, value))
    df = pd.DataFrame(rows, columns=["organisation", "year", "indicator", "value"])
    result = bm.label_readiness(df, minimums={}).set_index("organisation").loc["A"]
    assert result["areas_improved"] == improved
    assert bool(result["silver_ready"]) is silver


def test_course_readiness_numbers():
    ready = bm.label_readiness(BENCH).set_index("organisation").loc[COURSE_CLUSTERS]
    assert ready["estimated_label"].tolist() == ["Silver", "Silver", "Bronze", "Bronze", "Bronze"]
    assert ready.loc["se_energy", "thresholds_to_gold"] == 2
    assert ready.attrs["note"].endswith("not an ESCA assessment.")


# ---------------------------------------------------------------------------------------
# Peer learning and KPIs
# ---------------------------------------------------------------------------------------


def test_learning_partners_are_top_quartile_and_nearest_first():
    partners = bm.learning_partners(ROUND_2, "lv_it", "achievements", n=10)
    scores = bm.area_scores(ROUND_2)
    cut = scores.loc[scores["area"] == "achievements", "area_score_top_quartile"].iloc[0]
    assert (partners["area_score"] >= cut).all() and (partners["lead"] > 0).all()
    assert partners["profile_distance"].is_monotonic_increasing
    profile = scores.pivot(index="organisation", columns="area", values="area_score")
    others = profile.drop(columns="achievements")
    first = partners["organisation"].iloc[0]
    expected = np.sqrt(((others.loc[first] - others.loc["lv_it"]) ** 2).mean())
    assert partners["profile_distance"].iloc[0] == pytest.approx(expected)


@pytest.mark.parametrize(("actual", "status"), [
    (4.2, "met"), (4.5, "met"), (3.9, "on track"), (3.89, "behind"), (3.5, "behind"),
    (np.nan, "no data"),
])  # fmt: skip
def test_kpi_status_boundaries(actual, status):
    kpis = pd.DataFrame({"indicator": ["member_satisfaction"], "baseline": [3.6], "target": [4.2],
                         "actual": [actual]})  # fmt: skip
    assert bm.kpi_status(kpis)["status"].iloc[0] == status  # 3.9 is exactly half way


def test_kpi_status_lower_is_better_and_hold_targets():
    kpis = pd.DataFrame({"indicator": ["response_days", "response_days", "events_per_year"],
                         "baseline": [6.0, 6.0, 12], "target": [3.0, 3.0, 12],
                         "actual": [4.5, 7.0, 11]})  # fmt: skip
    result = bm.kpi_status(kpis)
    assert result["status"].tolist() == ["on track", "behind", "behind"]
    assert result["progress"].iloc[0] == pytest.approx(0.5)
    assert np.isnan(result["progress"].iloc[2])


def test_kpi_table_reads_baseline_and_actual_from_the_rounds():
    kpis = bm.kpi_table(BENCH, "lv_food", {"collaborative_projects": 8})
    assert kpis[["baseline", "target", "actual", "status"]].iloc[0].tolist() == [
        5.0,
        8.0,
        10.0,
        "met",
    ]


# ---------------------------------------------------------------------------------------
# Internationalisation
# ---------------------------------------------------------------------------------------

TRADE = data.load("trade")
MEMBERS = data.load("cluster_members")


def test_export_growth_of_a_member_by_hand():
    growth = bm.export_growth(TRADE).set_index("member_id")
    member = TRADE["member_id"].iloc[0]
    own = TRADE[TRADE["member_id"] == member].groupby("year")["exports_eur"].sum()
    assert growth.loc[member, "export_growth"] == pytest.approx(own[2023] / own[2019] - 1)
    assert growth.loc[member, "export_cagr"] == pytest.approx((own[2023] / own[2019]) ** 0.25 - 1)


def test_partner_concentration_matches_a_plain_hhi():
    in_2023 = TRADE[TRADE["year"] == 2023]
    hhi = bm.partner_concentration(in_2023).set_index("cluster")
    for cluster, rows in in_2023.groupby("cluster"):
        shares = rows.groupby("partner")["exports_eur"].sum() / rows["exports_eur"].sum()
        assert hhi.loc[cluster, "partner_hhi"] == pytest.approx(((100 * shares) ** 2).sum())
        assert hhi.loc[cluster, "top_partner"] == shares.idxmax()
        assert hhi.loc[cluster, "partners"] == len(shares)


def test_destination_shares_add_up_to_one_per_cluster():
    destinations = bm.export_destinations(TRADE[TRADE["year"] == 2023])
    np.testing.assert_allclose(destinations.groupby("cluster")["destination_share"].sum(), 1.0)
    first = destinations.groupby("cluster", sort=False).head(1)
    assert (first["destination_rank"] == 1).all()


def test_export_intensity_by_hand():
    result = bm.export_intensity(MEMBERS).set_index("cluster")
    firms = MEMBERS[(MEMBERS["member_type"] == "company") & (MEMBERS["cluster"] == "lv_food")]
    assert result.loc["lv_food", "companies"] == len(firms)
    assert result.loc["lv_food", "exporter_share"] == pytest.approx(
        (firms["export_share"] > 0).mean()
    )
    weighted = (firms["export_share"] * firms["turnover_eur"]).sum() / firms["turnover_eur"].sum()
    assert result.loc["lv_food", "weighted_export_share"] == pytest.approx(weighted)


def test_internationalisation_profile_of_lv_it_shows_the_weak_spot():
    profile = bm.internationalisation_profile(BENCH, MEMBERS, TRADE, "lv_it").set_index("measure")
    assert profile.loc["International partner clusters", "percentile"] < 10
    assert profile.loc["Partner-country HHI 2023", "value"] == pytest.approx(
        bm.partner_concentration(TRADE[(TRADE["year"] == 2023) & (TRADE["cluster"] == "lv_it")])[
            "partner_hhi"].iloc[0])  # fmt: skip


# ---------------------------------------------------------------------------------------
# Errors that speak to a learner
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("call", [bm.percentile_ranks, bm.peer_gaps, bm.area_scores])
def test_bad_tables_are_refused(call):
    with pytest.raises(CourseInputError, match="the table is empty"):
        call(ROUND_2.iloc[:0])
    with pytest.raises(CourseInputError, match="repeat the same"):
        call(pd.concat([ROUND_2, ROUND_2.iloc[:1]]))
    with pytest.raises(CourseInputError, match="different values of 'year'.*by='year'"):
        call(BENCH)
    with pytest.raises(CourseInputError, match="no column 'value'"):
        call(ROUND_2.rename(columns={"value": "answer"}))
    with pytest.raises(CourseInputError, match="must hold numbers"):
        call(ROUND_2.assign(value=ROUND_2["value"].astype(str)))


def test_an_unknown_indicator_suggests_the_close_one():
    typo = ROUND_2.replace({"indicator": {"staff_fte": "staf_fte"}})
    with pytest.raises(
        CourseInputError, match=r"'staf_fte' has no known direction.*Did you mean 'staff_fte'"
    ):
        bm.percentile_ranks(typo)


def test_a_wrong_direction_word_is_refused():
    with pytest.raises(CourseInputError, match="must be 'higher' or 'lower'.*'up'"):
        bm.percentile_ranks(table([1, 2], indicator="x"), direction={"x": "up"})


@pytest.mark.parametrize(("indicator", "value", "message"), [
    ("sme_share", 0.685 * 1000, "percentages are written 0-100"),
    ("member_satisfaction", 7.0, "score runs from 1 to 5"),
    ("events_per_year", -1.0, "cannot be negative"),
])  # fmt: skip
def test_out_of_range_values_are_refused(indicator, value, message):
    bad = table([1.0, value], indicator=indicator)
    with pytest.raises(CourseInputError, match=message):
        bm.percentile_ranks(bad)


def test_an_organisation_in_two_peer_groups_is_refused():
    mixed = ROUND_2.copy()
    mixed.loc[mixed.index[0], "sector"] = "energy"
    with pytest.raises(CourseInputError, match="'peer_001' belongs to several peer groups"):
        bm.percentile_ranks(mixed, peers="sector")


def test_peers_must_name_columns():
    with pytest.raises(CourseInputError, match="peers names the columns"):
        bm.percentile_ranks(ROUND_2, peers={"lv_food", "peer_001"})


def test_unknown_organisations_suggest_close_codes():
    with pytest.raises(
        CourseInputError, match="'lv_fod' is not in the table. Did you mean 'lv_food'"
    ):
        bm.learning_partners(ROUND_2, "lv_fod", "services")
    with pytest.raises(CourseInputError, match="Did you mean 'lv_food'"):
        bm.kpi_table(BENCH, "lv_fod", {"collaborative_projects": 8})
    with pytest.raises(CourseInputError, match="Did you mean 'lv_it'"):
        bm.internationalisation_profile(BENCH, MEMBERS, TRADE, "lv_itt")


def test_other_learner_errors():
    with pytest.raises(CourseInputError, match="area 'service' is not one of"):
        bm.learning_partners(ROUND_2, "lv_food", "service")
    with pytest.raises(CourseInputError, match="indicator 'satisfaction' is not in the table"):
        bm.kpi_table(BENCH, "lv_food", {"satisfaction": 4.2})
    with pytest.raises(CourseInputError, match="target of 'member_satisfaction' must be a number"):
        bm.kpi_table(BENCH, "lv_food", {"member_satisfaction": "high"})
    with pytest.raises(CourseInputError, match="gold_share=80 must be a number between 0 and 1"):
        bm.label_readiness(BENCH, gold_share=80)
    with pytest.raises(CourseInputError, match="thresholds gives no value"):
        bm.label_readiness(BENCH, thresholds={"staff_fte": 1.0})
    with pytest.raises(CourseInputError, match="ECCP minimum needs"):
        bm.label_readiness(ROUND_2[ROUND_2["indicator"] != "staff_fte"])
    with pytest.raises(CourseInputError, match="start=2023 must be before end=2021"):
        bm.improvement(BENCH, start=2023, end=2021)
    with pytest.raises(CourseInputError, match="export_share must be a fraction"):
        bm.export_intensity(MEMBERS.assign(export_share=MEMBERS["export_share"] * 100))
    with pytest.raises(CourseInputError, match="different values of 'year'"):
        bm.partner_concentration(TRADE)


def test_benchmarking_import_stays_light():
    code = ("import sys; from course import benchmarking; "
            "heavy = {'seaborn', 'sklearn', 'pymrio', 'ipywidgets', 'matplotlib', 'scipy'}; "
            "print(sorted(heavy & set(sys.modules)))")  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
