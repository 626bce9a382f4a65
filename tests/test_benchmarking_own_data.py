"""course.benchmarking on a cluster manager's own data: every measured slip of issue 17.

Each case gives a clear CourseInputError, a warning, or the right number (checked against a
plain pandas computation); no row is lost or invented. The sweep in tests/test_sweep.py feeds
every public function the same family of slips; here each case of the issue is pinned down
with the numbers the issue measured on the course data.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from course import benchmarking as bm
from course import data
from course._guards import (
    AggregateRowWarning,
    DuplicateWarning,
    SmallGroupWarning,
    UnitSlipWarning,
)
from course.checks import CourseInputError, MissingDataWarning

BENCH = data.load("benchmarking")
ROUND_2 = BENCH[BENCH["year"] == 2023]
TRADE = data.load("trade")
TRADE_2023 = TRADE[TRADE["year"] == 2023]
MEMBERS = data.load("cluster_members")
LV_FOOD_2023 = TRADE_2023[TRADE_2023["cluster"] == "lv_food"]


def no_warnings(call, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return call(*args, **kwargs)


def alone_in_country(table: pd.DataFrame) -> list[str]:
    """The organisations that are the only one of their country in the table (plain pandas)."""
    per = table.drop_duplicates("organisation")
    counts = per["country"].value_counts()
    return sorted(per.loc[per["country"].map(counts) == 1, "organisation"])


# ---------------------------------------------------------------------------------------
# Blank keys
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("blank", [np.nan, "", "  "])
@pytest.mark.parametrize("column", ["organisation", "indicator", "sector"])
def test_a_blank_key_of_a_peer_comparison_is_refused_without_a_false_fix(column, blank):
    spoilt = ROUND_2.astype({column: object}).copy()
    spoilt.loc[spoilt.index[40], column] = blank
    with pytest.raises(CourseInputError, match=rf"column '{column}' is blank in 1 row") as error:
        bm.percentile_ranks(spoilt, peers="sector")
    assert "blank_keys" not in str(error.value)  # no such option here: it identifies the row


def test_a_blank_partner_name_loses_no_exports():
    # the issue: LT's EUR 9.2 m of lv_food's 41.2 m vanished with a blank partner_name
    spoilt = LV_FOOD_2023.astype({"partner_name": object}).copy()
    spoilt.loc[spoilt["partner"] == "LT", "partner_name"] = ""
    destinations = no_warnings(bm.export_destinations, spoilt)
    lt = LV_FOOD_2023.loc[LV_FOOD_2023["partner"] == "LT", "exports_eur"].sum()
    assert round(lt / 1e6, 1) == 9.2
    assert destinations["exports_eur"].sum() == pytest.approx(LV_FOOD_2023["exports_eur"].sum())
    row = destinations[destinations["partner"] == "LT"]
    assert row["exports_eur"].item() == pytest.approx(lt)
    assert len(destinations) == LV_FOOD_2023["partner"].nunique() == 13


def test_a_blank_partner_is_kept_as_unknown_and_the_shares_still_add_up():
    spoilt = LV_FOOD_2023.astype({"partner": object}).copy()
    spoilt.loc[spoilt["partner"] == "LT", "partner"] = None
    with pytest.warns(MissingDataWarning, match=r"'partner' is blank.*'\(unknown\)'"):
        destinations = bm.export_destinations(spoilt)
    unknown = destinations[destinations["partner"] == "(unknown)"]
    assert unknown["destination_share"].item() == pytest.approx(0.223198, abs=1e-6)
    assert destinations["destination_share"].sum() == pytest.approx(1.0)


def test_a_blank_cluster_is_its_own_group_and_a_blank_member_id_is_refused():
    spoilt = MEMBERS.astype({"cluster": object}).copy()
    first_company = spoilt.index[spoilt["member_type"] == "company"][0]
    spoilt.loc[first_company, "cluster"] = ""
    with pytest.warns(MissingDataWarning, match="'cluster' is blank in 1 row"):
        intensity = bm.export_intensity(spoilt)
    assert intensity["companies"].sum() == (MEMBERS["member_type"] == "company").sum()
    assert "(unknown)" in set(intensity["cluster"])
    no_id = MEMBERS.astype({"member_id": object}).copy()
    no_id.loc[no_id.index[3], "member_id"] = " "
    with pytest.raises(CourseInputError, match="'member_id' is blank"):
        bm.export_intensity(no_id)


# ---------------------------------------------------------------------------------------
# Total rows beside the partner countries
# ---------------------------------------------------------------------------------------


def _with_world(trade: pd.DataFrame) -> pd.DataFrame:
    """Each member's total as an extra partner 'WORLD', as a trade extract often has it."""
    totals = trade.groupby(["cluster", "member_id", "year"], as_index=False)["exports_eur"].sum()
    return pd.concat([trade, totals.assign(partner="WORLD", partner_name="World")])


def test_world_rows_are_refused_where_trade_is_grouped():
    lv_food = TRADE[TRADE["cluster"] == "lv_food"]
    world = _with_world(lv_food)
    # what the issue measured: WORLD doubles the exports (41.2 -> 82.5 m) and tops the HHI
    doubled = world[world["year"] == 2023]["exports_eur"].sum()
    assert round(doubled / 1e6, 1) == 82.5
    calls = [
        lambda t, **k: bm.export_growth(t, member="cluster", **k),
        lambda t, **k: bm.export_destinations(t[t["year"] == 2023], **k),
        lambda t, **k: bm.partner_concentration(t[t["year"] == 2023], **k),
    ]
    for call in calls:
        with pytest.raises(CourseInputError, match=r"'WORLD'.*drop_aggregates=True"):
            call(world)
        with pytest.warns(AggregateRowWarning, match="left out"):
            dropped = call(world, drop_aggregates=True)
        pd.testing.assert_frame_equal(dropped, call(lv_food))
    hhi = bm.partner_concentration(LV_FOOD_2023)
    assert round(hhi["partner_hhi"].item()) == 1308 and hhi["top_partner"].item() == "LT"


def test_the_profile_passes_drop_aggregates_on():
    world = _with_world(TRADE)
    with pytest.raises(CourseInputError, match="total rows"):
        bm.internationalisation_profile(BENCH, MEMBERS, world, "lv_food")
    with pytest.warns(AggregateRowWarning):
        profile = bm.internationalisation_profile(BENCH, MEMBERS, world, "lv_food",
                                                  drop_aggregates=True)  # fmt: skip
    clean = bm.internationalisation_profile(BENCH, MEMBERS, TRADE, "lv_food")
    pd.testing.assert_frame_equal(profile, clean)


def test_a_member_partner_row_twice_is_refused():
    twice = pd.concat([LV_FOOD_2023, LV_FOOD_2023.iloc[[5]]])
    with pytest.raises(CourseInputError, match="repeat the same"):
        bm.export_destinations(twice)


# ---------------------------------------------------------------------------------------
# A peer group of one (or two)
# ---------------------------------------------------------------------------------------


def test_an_organisation_alone_in_its_country_gets_no_gap():
    alone = alone_in_country(ROUND_2)
    assert len(alone) == 8  # the issue: 8 organisations alone in their country in 2023
    with pytest.warns(SmallGroupWarning, match="fewer than 3 organisations"):
        gaps = bm.peer_gaps(ROUND_2, peers="country")
    own = gaps[gaps["organisation"].isin(alone)]
    for column in ("percentile", "peer_median", "peer_top_quartile", "gap_to_median"):
        assert own[column].isna().all(), column  # never a gap of 0 to oneself
    # groups of three or more keep their medians: a plain pandas median per country x indicator
    counts = ROUND_2.groupby(["country", "indicator"])["value"].transform("count")
    median = ROUND_2.groupby(["country", "indicator"])["value"].transform("median")
    big = (counts >= 3).to_numpy()
    np.testing.assert_allclose(gaps.loc[big, "peer_median"], median[big])
    assert gaps.loc[~big, "peer_median"].isna().all()


def test_no_gold_estimate_from_a_group_of_one():
    # the issue: alone in their country, 8 organisations met 35-36 of 36 "thresholds" and all
    # got Gold; Gold estimates rose from 17 (all organisations) to 22
    alone = alone_in_country(ROUND_2)
    with pytest.warns(SmallGroupWarning):
        ready = bm.label_readiness(BENCH, peers="country").set_index("organisation")
    assert ready.loc[alone, "estimated_label"].isna().all()
    assert ready.loc[alone, "gold_ready"].isna().all()
    assert ready.loc[alone, "thresholds_met"].isna().all()
    assert (ready.loc[alone, "thresholds_unknown"] == 36).all()
    everybody = no_warnings(bm.label_readiness, BENCH)
    assert (everybody["estimated_label"] == "Gold").sum() == 17
    assert (ready["estimated_label"] == "Gold").sum() < 17  # not 22


def test_an_undecided_gold_is_na_and_a_decided_one_is_not():
    # dk_food: 28 thresholds met and 1 unknown (2 Danish answers to response_days), 29 needed:
    # the unknown one decides, so the estimate is NA; with it or without, not Gold otherwise
    with pytest.warns(SmallGroupWarning):
        ready = bm.label_readiness(BENCH, peers="country").set_index("organisation")
    row = ready.loc["dk_food"]
    assert (row["thresholds_met"], row["thresholds_unknown"], row["thresholds_total"]) == (
        28, 1, 36)  # fmt: skip
    assert np.ceil(0.8 * 36) == 29 and pd.isna(row["gold_ready"])
    assert pd.isna(row["estimated_label"]) and pd.isna(row["thresholds_to_gold"])
    decided = ready[ready["thresholds_unknown"] == 0]
    assert decided["gold_ready"].notna().all() and decided["estimated_label"].notna().all()


def test_learning_partners_refuse_an_organisation_without_peers():
    alone = alone_in_country(ROUND_2)[0]
    with pytest.warns(SmallGroupWarning), pytest.raises(CourseInputError, match="no area score"):
        bm.learning_partners(ROUND_2, alone, "services", peers="country")


def test_improvement_ranks_are_na_in_a_small_group():
    with pytest.warns(SmallGroupWarning):
        change = bm.improvement(BENCH, peers="country")
    alone = alone_in_country(ROUND_2)
    assert change.loc[change["organisation"].isin(alone), "percentile_end"].isna().all()
    assert change["change"].notna().all()  # the values' change needs no peers


def test_the_course_data_give_no_warning_with_all_organisations_or_sector_peers():
    for peers in (None, "sector"):
        no_warnings(bm.percentile_ranks, ROUND_2, peers=peers)
        no_warnings(bm.area_scores, ROUND_2, peers=peers)
        no_warnings(bm.label_readiness, BENCH, peers=peers)
    no_warnings(bm.internationalisation_profile, BENCH, MEMBERS, TRADE, "lv_it")


# ---------------------------------------------------------------------------------------
# Unknown is not zero
# ---------------------------------------------------------------------------------------


def _companies(shares, turnover=None):
    turnover = turnover or [100.0] * len(shares)
    return pd.DataFrame({"cluster": "x", "member_id": [f"m{k}" for k in range(len(shares))],
                         "member_type": "company", "turnover_eur": turnover,
                         "export_share": shares})  # fmt: skip


def test_an_unknown_export_share_is_not_a_non_exporter():
    # the issue: 0.5 instead of 1.0 for two known exporters and one unknown
    with pytest.warns(MissingDataWarning, match=r"m2.*export_share is unknown"):
        result = bm.export_intensity(_companies([0.2, 0.4, np.nan])).iloc[0]
    assert result["exporter_share"] == 1.0 and result["export_share_unknown"] == 1
    assert result["mean_export_share"] == pytest.approx(0.3)
    assert result["weighted_export_share"] == pytest.approx(0.3)
    assert result["companies"] == 3


def test_an_unknown_turnover_is_left_out_of_the_weighted_share_with_a_warning():
    with pytest.warns(MissingDataWarning, match=r"m1.*weighted export share"):
        result = bm.export_intensity(_companies([0.2, 0.6, 0.4], [100.0, np.nan, 300.0]))
    assert result["weighted_export_share"].item() == pytest.approx((20 + 120) / 400)


def test_an_unknown_export_value_is_left_out_and_reported():
    spoilt = LV_FOOD_2023.copy()
    lt = spoilt["partner"] == "LT"
    spoilt.loc[spoilt.index[lt.to_numpy()][0], "exports_eur"] = np.nan
    with pytest.warns(MissingDataWarning, match="the shares describe the known exports"):
        destinations = bm.export_destinations(spoilt)
    known = spoilt["exports_eur"].sum()  # pandas skips the NaN
    assert destinations["exports_eur"].sum() == pytest.approx(known)
    assert destinations["destination_share"].sum() == pytest.approx(1.0)


def test_export_growth_compares_the_same_partners_when_a_value_is_unknown():
    member = TRADE["member_id"].iloc[0]
    own = TRADE[TRADE["member_id"] == member].copy()
    partner = own.loc[own["year"] == 2023, "partner"].iloc[0]
    own.loc[(own["year"] == 2023) & (own["partner"] == partner), "exports_eur"] = np.nan
    with pytest.warns(MissingDataWarning, match="left out of both 2019 and 2023"):
        growth = bm.export_growth(own).iloc[0]
    kept = own[own["partner"] != partner].groupby("year")["exports_eur"].sum()
    assert growth["export_growth"] == pytest.approx(kept[2023] / kept[2019] - 1)


# ---------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------


def _slipped(indicator: str, factor: float):
    table = ROUND_2[ROUND_2["indicator"] == indicator].reset_index(drop=True)
    best = table["value"].idxmax()
    table.loc[best, "value"] = table.loc[best, "value"] * factor
    return table, table.loc[best, "organisation"]


def test_a_percentage_given_as_a_fraction_is_flagged_by_name():
    table, who = _slipped("sme_share", 0.01)  # 68.5 written as 0.685
    with pytest.warns(UnitSlipWarning, match=rf"{who} x sme_share \(a fraction instead of a"):
        ranks = bm.percentile_ranks(table)
    assert ranks.loc[ranks["organisation"] == who, "percentile"].item() == 0.0  # as given


def test_keur_given_as_eur_is_flagged_by_name():
    table, who = _slipped("budget_keur", 1000)
    with pytest.warns(UnitSlipWarning, match=rf"{who} x budget_keur \(EUR instead of EUR thousand"):
        bm.peer_gaps(table)


def test_slips_are_judged_within_each_round():
    # 2021 and 2023 together (by="year"): each round is its own comparison
    table = BENCH[BENCH["indicator"] == "budget_keur"].copy()
    first = table.index[table["year"] == 2021][0]
    table.loc[first, "value"] *= 1000
    with pytest.warns(UnitSlipWarning, match=r"2021 x .* x budget_keur"):
        bm.percentile_ranks(table, by="year")


# ---------------------------------------------------------------------------------------
# Messages that point to the right fix
# ---------------------------------------------------------------------------------------


def test_one_year_of_trade_gives_a_profile_without_growth():
    one_year = TRADE[TRADE["year"] == 2023]
    with pytest.warns(UserWarning, match="holds one year.*no export growth"):
        profile = bm.internationalisation_profile(BENCH, MEMBERS, one_year, "lv_it")
    assert not profile["measure"].str.contains("growth|CAGR").any()
    full = bm.internationalisation_profile(BENCH, MEMBERS, TRADE, "lv_it").set_index("measure")
    assert profile.set_index("measure").loc["Members' exports 2023", "value"] == pytest.approx(
        full.loc["Members' exports 2023", "value"])  # fmt: skip
    with pytest.raises(CourseInputError, match="holds one year only.*growth needs two"):
        bm.export_growth(one_year)


def test_one_round_is_refused_with_the_reason():
    for call in (bm.improvement, bm.area_improvement):
        with pytest.raises(CourseInputError, match="holds one round only.*needs two rounds"):
            call(ROUND_2)
    with pytest.raises(CourseInputError, match="holds one round only"):
        bm.kpi_table(ROUND_2, "lv_food", {"collaborative_projects": 8})


def test_a_blank_direction_in_the_catalogue_says_so():
    catalogue = bm.indicator_catalogue()
    catalogue.loc[catalogue["indicator"] == "staff_turnover", "direction"] = np.nan
    with pytest.raises(CourseInputError) as error:
        bm.percentile_ranks(ROUND_2, catalogue=catalogue)
    message = str(error.value)
    assert "direction of indicator 'staff_turnover' is blank in the catalogue" in message
    assert "Did you mean" not in message and "'lower' if a lower one is" in message


def test_two_rows_for_one_indicator_in_a_catalogue_are_refused():
    catalogue = bm.indicator_catalogue()
    flipped = catalogue[catalogue["indicator"] == "staff_fte"].assign(direction="lower")
    with pytest.raises(CourseInputError, match="repeat the same indicator"):
        bm.percentile_ranks(ROUND_2, catalogue=pd.concat([catalogue, flipped]))


# ---------------------------------------------------------------------------------------
# Conventions labelled where the result is read
# ---------------------------------------------------------------------------------------


def test_the_estimate_says_so_in_every_row_and_in_a_csv():
    ready = no_warnings(bm.label_readiness, BENCH)
    assert ready["note"].str.startswith("Label-readiness estimate of the course, not an ESCA").all()
    assert "course's 36 indicators (ESCA's Gold checks 31" in ready["note"].iloc[0]
    assert "not an ESCA assessment" in ready.to_csv(index=False)
    assert set(ready["estimated_label"]) <= {"not yet", "Bronze", "Silver", "Gold"}  # ps04
    assert (ready["previous_round"] == 2021).all()


def test_rounds_one_year_apart_warn_about_escas_lower_bound():
    moved = BENCH.assign(year=BENCH["year"].replace({2021: 2022}))
    with pytest.warns(UserWarning, match="one year apart.*1.5-2 years"):
        ready = bm.label_readiness(moved)
    assert (ready["previous_round"] == 2022).all()
    far = BENCH.assign(year=BENCH["year"].replace({2021: 2019}))
    ready = no_warnings(bm.label_readiness, far)  # four years: no Silver, no warning
    assert ready["previous_round"].isna().all() and not ready["silver_ready"].any()


def test_hhi_bands_are_named_and_the_2023_guidelines_are_stricter():
    hhi = bm.partner_concentration(TRADE_2023).set_index("cluster")
    strict = bm.partner_concentration(TRADE_2023, guidelines=2023).set_index("cluster")
    # ee_logistics 2,129: moderate by the 2010 bands (1,500-2,500), high by 2023's (> 1,800)
    assert 1800 < hhi.loc["ee_logistics", "partner_hhi"] < 2500
    assert (hhi.loc["ee_logistics", "concentration"], strict.loc["ee_logistics", "concentration"]) == (
        "moderate", "high")  # fmt: skip
    # lv_it 1,775: moderate by both; dk_food 1,198: unconcentrated in 2010, moderate in 2023
    assert hhi.loc["lv_it", "concentration"] == strict.loc["lv_it", "concentration"] == "moderate"
    assert strict.loc["dk_food", "concentration"] == "moderate"
    assert "2010" in hhi["concentration_bands"].iloc[0]
    assert strict["concentration_bands"].iloc[0].endswith("high above 1,800")
    with pytest.raises(CourseInputError, match="guidelines=2015"):
        bm.partner_concentration(TRADE_2023, guidelines=2015)


@pytest.mark.parametrize(("indicator", "baseline", "target", "actual", "kind", "status"), [
    ("members_total", 60, 50, 52, "limit a decline", "met"),
    ("members_total", 60, 50, 45, "limit a decline", "behind"),
    ("staff_turnover", 10.0, 12.0, 11.0, "limit a decline", "met"),  # lower is better
    ("members_total", 60, 60, 60, "hold the level", "met"),
    ("members_total", 40, 60, 50, "improvement", "on track"),
])  # fmt: skip
def test_a_target_below_the_baseline_is_read_as_a_limit(
    indicator, baseline, target, actual, kind, status
):
    kpis = pd.DataFrame({"indicator": [indicator], "baseline": [baseline], "target": [target],
                         "actual": [actual]})  # fmt: skip
    row = bm.kpi_status(kpis).iloc[0]
    assert (row["target_type"], row["status"]) == (kind, status)
    assert np.isnan(row["progress"]) == (kind != "improvement")


# ---------------------------------------------------------------------------------------
# A filtered table keeps its own rows (found on the way)
# ---------------------------------------------------------------------------------------


def test_peer_bands_on_a_filtered_round_band_the_right_rows():
    bands = bm.peer_bands(ROUND_2)  # its index starts at 4,320, not 0
    assert bands["size_band"].notna().all()
    by_hand = pd.cut(ROUND_2["members_total"], [1, 25, 50, 100, 200, np.inf], right=False,
                     labels=["1-24", "25-49", "50-99", "100-199", "200+"])  # fmt: skip
    assert (bands["size_band"] == by_hand.astype(str)).all()


# ---------------------------------------------------------------------------------------
# One organisation under two ids
# ---------------------------------------------------------------------------------------


def test_one_organisation_under_two_ids_is_named():
    again = ROUND_2[ROUND_2["organisation"] == "lv_it"].assign(
        organisation="lv_it_2", organisation_name="RIGA DIGITAL CLUSTER"
    )
    with pytest.warns(DuplicateWarning, match="lv_it_2 'RIGA DIGITAL CLUSTER'"):
        bm.percentile_ranks(pd.concat([ROUND_2, again]))
    firm = MEMBERS[MEMBERS["member_type"] == "company"].iloc[[0]]
    twice = firm.assign(member_id="new_id", member_name=firm["member_name"].str.upper())
    with pytest.warns(DuplicateWarning, match="new_id"):
        bm.export_intensity(pd.concat([MEMBERS, twice]))
