"""Tests of course.economics against independent computations on small hand-made tables.

The expected numbers come either from explicit Python loops over plain dicts (written
differently from the library's vectorised code) or are worked out by hand in the comments.
"""

from __future__ import annotations

import contextlib
import io
import math
import warnings

import numpy as np
import pandas as pd
import pytest

from course import economics as ec
from course.checks import CourseInputError, MissingDataWarning

# ---------------------------------------------------------------------------------------
# Small tables and loop-based reference implementations
# ---------------------------------------------------------------------------------------

TWO_BY_TWO = pd.DataFrame(
    {
        "region": ["A", "A", "B", "B"],
        "industry": ["food", "IT", "food", "IT"],
        "employment": [30, 10, 20, 40],
    }
)

# three regions, three industries, B has no IT row (sparse), C has no jobs at all in one row
SPARSE = pd.DataFrame(
    {
        "region": ["A", "A", "A", "B", "B", "C", "C", "C"],
        "industry": ["food", "IT", "energy", "food", "energy", "food", "IT", "energy"],
        "employment": [50, 30, 20, 10, 90, 5, 0, 45],
    }
)


def loop_totals(rows):
    """Region, industry and grand totals from a list of (region, industry, value) tuples."""
    region_total, industry_total, grand = {}, {}, 0.0
    for r, i, v in rows:
        region_total[r] = region_total.get(r, 0.0) + v
        industry_total[i] = industry_total.get(i, 0.0) + v
        grand += v
    return region_total, industry_total, grand


def loop_lq(df):
    rows = list(zip(df["region"], df["industry"], df["employment"], strict=True))
    region_total, industry_total, grand = loop_totals(rows)
    result = []
    for r, i, v in rows:
        if region_total[r] == 0 or industry_total[i] == 0:
            result.append(math.nan)
        else:
            result.append((v / region_total[r]) / (industry_total[i] / grand))
    return result


def loop_shares(df):
    """Dense dict of dicts: share[r][i] over all industries of the table (0 where no row)."""
    rows = list(zip(df["region"], df["industry"], df["employment"], strict=True))
    region_total, industry_total, grand = loop_totals(rows)
    cell = {(r, i): v for r, i, v in rows}
    share = {
        r: {i: cell.get((r, i), 0.0) / region_total[r] for i in industry_total}
        for r in region_total
    }
    reference = {i: industry_total[i] / grand for i in industry_total}
    return share, reference, region_total, industry_total, grand, cell


# ---------------------------------------------------------------------------------------
# Location quotient and focus
# ---------------------------------------------------------------------------------------


def test_lq_matches_loop_and_hand_values():
    result = ec.location_quotient(TWO_BY_TWO)
    # A food: (30/40) / (50/100) = 1.5 ; B IT: (40/60) / (50/100) = 4/3
    assert result["lq"].round(6).tolist() == [1.5, 0.5, round(2 / 3, 6), round(4 / 3, 6)]
    assert np.allclose(result["lq"], loop_lq(TWO_BY_TWO))


def test_lq_sparse_table_matches_loop():
    assert np.allclose(ec.location_quotient(SPARSE)["lq"], loop_lq(SPARSE), equal_nan=True)


def test_lq_is_nan_not_inf_on_zero_denominators():
    df = pd.DataFrame(
        {
            "region": ["A", "A", "B", "B"],
            "industry": ["food", "IT", "food", "IT"],
            "employment": [10, 0, 0, 0],  # IT has no jobs anywhere, B has no jobs at all
        }
    )
    lq = ec.location_quotient(df)["lq"].to_numpy()
    assert lq[0] == 1.0
    assert np.isnan(lq[1:]).all()
    assert not np.isinf(lq).any()


def test_lq_by_year_equals_lq_of_each_year_alone():
    y1 = TWO_BY_TWO.assign(year=2020)
    y2 = SPARSE.assign(year=2021)
    both = pd.concat([y1, y2], ignore_index=True)
    result = ec.location_quotient(both, by="year")["lq"].to_numpy()
    expected = np.array(loop_lq(y1) + loop_lq(y2))
    assert np.allclose(result, expected, equal_nan=True)


def test_lq_keeps_rows_order_and_does_not_mutate():
    df = SPARSE.sample(frac=1, random_state=3)
    before = df.copy()
    result = ec.location_quotient(df)
    pd.testing.assert_frame_equal(df, before)
    assert result.index.tolist() == df.index.tolist()
    assert list(result.columns) == [*df.columns, "lq"]


def test_a_region_with_a_missing_cell_is_left_out_and_named():
    df = TWO_BY_TWO.assign(employment=[30.0, 10.0, np.nan, 40.0])
    with pytest.warns(MissingDataWarning, match=r"1 cell\(s\) are missing \(NaN\): B x food"):
        lq = ec.location_quotient(df)["lq"].to_numpy()
    # B's total is unknown: both B rows are NaN and the reference area is A alone (LQ = 1),
    # instead of B's known IT cell silently raising B's IT LQ
    assert lq[:2].tolist() == [1.0, 1.0]
    assert np.isnan(lq[2:]).all()


def test_regional_focus():
    focus = ec.regional_focus(SPARSE)["focus"].round(4).tolist()
    assert focus == [0.5, 0.3, 0.2, 0.1, 0.9, 0.1, 0.0, 0.9]


def test_several_years_without_by_is_refused():
    df = pd.concat([TWO_BY_TWO.assign(year=2020), TWO_BY_TWO.assign(year=2021)])
    with pytest.raises(CourseInputError, match=r"2 different values of 'year'.*pass by='year'"):
        ec.location_quotient(df)


def test_several_periods_in_a_time_column_are_refused():
    # `time` is what read_eurostat returns; TIME_PERIOD is Eurostat's SDMX name
    for column in ["time", "TIME_PERIOD"]:
        df = pd.concat([TWO_BY_TWO.assign(**{column: 1}), TWO_BY_TWO.assign(**{column: 2})])
        with pytest.raises(
            CourseInputError, match=rf"2 different values of '{column}'.*by='{column}'"
        ):
            ec.location_quotient(df)
        assert len(ec.location_quotient(df, by=column)) == 8


def test_duplicate_pairs_within_a_group_ask_to_aggregate():
    df = pd.concat([TWO_BY_TWO, TWO_BY_TWO.iloc[:1]]).assign(year=2020)
    with pytest.raises(
        CourseInputError,
        match=r"add them up first: df\.groupby\(\['year', 'region', 'industry'\]",
    ):
        ec.location_quotient(df, by="year")


def test_duplicates_from_several_indicators_never_suggest_a_sum():
    # a Eurostat extract with persons employed (NR) and a share (PC) for the same cell
    df = pd.concat([TWO_BY_TWO.assign(unit="NR"), TWO_BY_TWO.assign(unit="PC")])
    with pytest.raises(CourseInputError, match=r"differ in column 'unit'") as error:
        ec.location_quotient(df)
    assert "sum" not in str(error.value)


def test_negative_employment_is_refused():
    df = TWO_BY_TWO.assign(employment=[30, -1, 20, 40])
    with pytest.raises(CourseInputError, match=r"negative value.*code for 'missing'"):
        ec.location_quotient(df)


def test_missing_column_is_refused_with_hint():
    with pytest.raises(CourseInputError, match=r"no column 'industry'.*industry=\"nace_r2\""):
        ec.location_quotient(TWO_BY_TWO.rename(columns={"industry": "nace"}))


def test_text_values_are_refused():
    df = TWO_BY_TWO.assign(employment=["30", "10", "20", "40"])
    with pytest.raises(CourseInputError, match="must hold numbers"):
        ec.location_quotient(df)


@pytest.mark.parametrize("blank", [None, np.nan, "", "  "])
def test_a_blank_region_or_industry_is_refused_with_its_row(blank):
    # before: "" and "  " became a region of their own, pooled into the reference area
    for column in ("region", "industry"):
        df = TWO_BY_TWO.astype({column: object})
        df.loc[1, column] = blank
        message = (
            rf"column '{column}' is blank in 1 row\(s\) \(rows 1\).*dropna.*blank_keys='unknown'"
        )
        with pytest.raises(CourseInputError, match=message):
            ec.location_quotient(df)


def test_blank_keys_kept_as_unknown_keep_every_job_in_the_reference_area():
    df = TWO_BY_TWO.astype({"region": object})
    df.loc[1, "region"] = " "
    with pytest.warns(MissingDataWarning, match="own group '\\(unknown\\)'"):
        result = ec.location_quotient(df, blank_keys="unknown")
    assert result["region"].tolist() == ["A", "(unknown)", "B", "B"]
    expected = ec.location_quotient(TWO_BY_TWO.assign(region=["A", "(unknown)", "B", "B"]))
    np.testing.assert_allclose(result["lq"], expected["lq"])
    with pytest.raises(CourseInputError, match="blank_keys='drop' is not one of"):
        ec.location_quotient(TWO_BY_TWO, blank_keys="drop")


# ---------------------------------------------------------------------------------------
# Hoover, Krugman, HHI, entropy
# ---------------------------------------------------------------------------------------


def test_hoover_and_krugman_total_match_loop_on_sparse_table():
    share, reference, *_ = loop_shares(SPARSE)
    expected = {r: sum(abs(share[r][i] - reference[i]) for i in reference) for r in share}
    hoover = ec.hoover_index(SPARSE)
    krugman = ec.krugman_index(SPARSE)
    assert hoover["region"].tolist() == ["A", "B", "C"]
    assert np.allclose(hoover["hoover"], [0.5 * expected[r] for r in "ABC"])
    assert np.allclose(krugman["krugman"], [expected[r] for r in "ABC"])


def test_krugman_rest_matches_loop():
    share, _, region_total, industry_total, grand, cell = loop_shares(SPARSE)
    expected = []
    for r in "ABC":
        rest_total = grand - region_total[r]
        expected.append(
            sum(
                abs(share[r][i] - (industry_total[i] - cell.get((r, i), 0.0)) / rest_total)
                for i in industry_total
            )
        )
    result = ec.krugman_index(SPARSE, reference="rest")["krugman"]
    assert np.allclose(result, expected)


def test_krugman_pairwise_matches_loop():
    share, *_ = loop_shares(SPARSE)
    result = ec.krugman_index(SPARSE, reference="pairwise")
    assert len(result) == 6  # ordered pairs of 3 regions, no self pairs
    for r, p, k in zip(result["region"], result["partner"], result["krugman"], strict=True):
        assert r != p
        assert k == pytest.approx(sum(abs(share[r][i] - share[p][i]) for i in share[r]))


def test_krugman_unknown_reference_is_refused():
    with pytest.raises(CourseInputError, match=r"reference='world' is not one of 'total'"):
        ec.krugman_index(TWO_BY_TWO, reference="world")


def test_hoover_of_an_empty_region_is_nan():
    df = TWO_BY_TWO.assign(employment=[0, 0, 20, 40])
    assert np.isnan(ec.hoover_index(df)["hoover"].iloc[0])


def test_hhi_raw_and_normalised():
    result = ec.hhi(SPARSE)
    share, *_ = loop_shares(SPARSE)
    raw = [sum(s**2 for s in share[r].values()) for r in "ABC"]
    n = 3
    assert np.allclose(result["hhi"], raw)
    assert np.allclose(result["hhi_normalised"], [(h - 1 / n) / (1 - 1 / n) for h in raw])
    # A: 0.25 + 0.09 + 0.04 = 0.38 by hand
    assert result["hhi"].iloc[0] == pytest.approx(0.38)


@pytest.mark.parametrize(
    ("turnover", "hhi_value", "band_2010", "band_2023"),
    [
        ([1] * 12, 10000 / 12, "unconcentrated", "unconcentrated"),
        ([1] * 7, 10000 / 7, "unconcentrated", "moderate"),  # 2023: moderate from 1000
        ([20, 20, 20, 10, 10, 5, 5, 5, 5], 1500, "moderate", "moderate"),  # exactly 1500
        ([1] * 6, 10000 / 6, "moderate", "moderate"),
        ([1] * 4, 2500, "moderate", "high"),  # exactly 2500: not above it
        ([1] * 3, 10000 / 3, "high", "high"),
    ],
)
def test_market_hhi_bands(turnover, hhi_value, band_2010, band_2023):
    firms = pd.DataFrame({"member_id": range(len(turnover)), "turnover_eur": turnover})
    result = ec.market_hhi(firms)
    expected = sum((100 * t / sum(turnover)) ** 2 for t in turnover)
    assert result["market_hhi"].iloc[0] == pytest.approx(expected)
    assert result["market_hhi"].iloc[0] == pytest.approx(hhi_value)
    assert result["concentration"].iloc[0] == band_2010
    bands_2023 = {"moderate_threshold": 1000, "high_threshold": 1800}  # Merger Guidelines 2023
    assert ec.market_hhi(firms, **bands_2023)["concentration"].iloc[0] == band_2023


def test_market_hhi_refuses_a_firm_twice_and_leaves_out_unknown_turnover():
    firms = pd.DataFrame({"member_id": ["a", "a", "b"], "turnover_eur": [30, 20, 50]})
    with pytest.raises(CourseInputError, match=r"2 rows repeat the same member_id"):
        ec.market_hhi(firms)
    firms = pd.DataFrame({"member_id": ["a", "b", "c"], "turnover_eur": [50, 50, np.nan]})
    with pytest.warns(MissingDataWarning, match="c. They are left out"):
        result = ec.market_hhi(firms)
    assert result["market_hhi"].iloc[0] == pytest.approx(5000)
    assert result["members"].iloc[0] == 2


def test_market_hhi_bad_thresholds_are_refused():
    firms = pd.DataFrame({"member_id": ["a"], "turnover_eur": [1]})
    with pytest.raises(CourseInputError, match="must not be above high_threshold"):
        ec.market_hhi(firms, high_threshold=1000)


def test_entropy_and_variety_match_loop():
    groups = {"food": "C", "energy": "C", "IT": "J"}
    result = ec.entropy(SPARSE, groups=groups, base=math.e)
    share, *_ = loop_shares(SPARSE)
    for row in result.itertuples():
        s = share[row.region]
        total = -sum(v * math.log(v) for v in s.values() if v > 0)
        by_group = {}
        for i, v in s.items():
            by_group[groups[i]] = by_group.get(groups[i], 0.0) + v
        unrelated = -sum(p * math.log(p) for p in by_group.values() if p > 0)
        related = 0.0
        for g, p in by_group.items():
            if p > 0:
                inside = [v / p for i, v in s.items() if groups[i] == g and v > 0]
                related += p * -sum(x * math.log(x) for x in inside)
        assert row.entropy == pytest.approx(total)
        assert row.unrelated_variety == pytest.approx(unrelated)
        assert row.related_variety == pytest.approx(related)


def test_entropy_in_bits_and_groups_from_a_column():
    df = SPARSE.assign(sector=SPARSE["industry"].map({"food": "C", "energy": "C", "IT": "J"}))
    in_bits = ec.entropy(df, groups="sector")
    in_nats = ec.entropy(df, groups="sector", base=math.e)
    assert np.allclose(in_bits["entropy"], in_nats["entropy"] / math.log(2))
    # B: 10 % food, 90 % energy -> -(0.1 log2 0.1 + 0.9 log2 0.9) = 0.469 bits
    assert in_bits["entropy"].iloc[1] == pytest.approx(0.4689955935892812)


def test_entropy_unmapped_industry_is_listed():
    with pytest.raises(CourseInputError, match=r"1 industry code\(s\) have no group.*'energy'"):
        ec.entropy(SPARSE, groups={"food": "C", "IT": "J"})


# ---------------------------------------------------------------------------------------
# Growth and shift-share
# ---------------------------------------------------------------------------------------

PANEL = pd.DataFrame(
    {
        "region": ["A", "A", "B", "B", "A", "A", "B", "B", "A", "A", "B", "B"],
        "industry": ["food", "IT"] * 6,
        "year": [2015] * 4 + [2016] * 4 + [2017] * 4,
        "employment": [100, 0, 80, 40, 110, 5, 70, 50, 120, 12, 60, 45],
    }
)


def test_growth_hand_values():
    result = ec.growth(PANEL, start=2015, end=2017)
    a_food = result.iloc[0]
    assert a_food["employment_start"] == 100
    assert a_food["employment_end"] == 120
    assert a_food["absolute_change"] == 20
    assert a_food["growth_rate"] == pytest.approx(0.2)
    assert a_food["cagr"] == pytest.approx(1.2**0.5 - 1)
    a_it = result.iloc[1]  # 0 -> 12: rates undefined, change defined
    assert a_it["absolute_change"] == 12
    assert np.isnan(a_it["growth_rate"]) and np.isnan(a_it["cagr"])


def test_growth_row_missing_in_one_year_is_nan():
    df = PANEL[~((PANEL["region"] == "B") & (PANEL["industry"] == "IT") & (PANEL["year"] == 2017))]
    result = ec.growth(df, start=2015, end=2017).set_index(["region", "industry"])
    assert np.isnan(result.loc[("B", "IT"), "employment_end"])
    assert np.isnan(result.loc[("B", "IT"), "growth_rate"])


def test_growth_errors():
    with pytest.raises(
        CourseInputError, match=r"start=2010 is not in column 'year'.*2015, 2016, 2017"
    ):
        ec.growth(PANEL, start=2010, end=2017)
    with pytest.raises(CourseInputError, match="must be before end"):
        ec.growth(PANEL, start=2017, end=2015)


def loop_shift_share(df, start, end):
    e0 = {
        (r, i): v
        for r, i, y, v in df[["region", "industry", "year", "employment"]].itertuples(index=False)
        if y == start
    }
    e1 = {
        (r, i): v
        for r, i, y, v in df[["region", "industry", "year", "employment"]].itertuples(index=False)
        if y == end
    }
    cells = list(dict.fromkeys([*e0, *e1]))
    big0 = sum(e0.values())
    big1 = sum(e1.values())
    g = (big1 - big0) / big0
    out = {}
    for r, i in cells:
        x0, x1 = e0.get((r, i), 0.0), e1.get((r, i), 0.0)
        i0 = sum(v for (rr, ii), v in e0.items() if ii == i)
        i1 = sum(v for (rr, ii), v in e1.items() if ii == i)
        gi = (i1 - i0) / i0
        if x0 > 0:
            rate = (x1 - x0) / x0
            ns, im, rs = x0 * g, x0 * (gi - g), x0 * (rate - gi)
            r0 = sum(v for (rr, ii), v in e0.items() if rr == r)
            h = r0 * i0 / big0
            ce, ae = h * (rate - gi), (x0 - h) * (rate - gi)
        else:
            ns, im, rs, ce, ae = 0.0, 0.0, x1, math.nan, math.nan
        out[(r, i)] = {"ns": ns, "im": im, "rs": rs, "ce": ce, "ae": ae}
    return out


def test_shift_share_classical_and_em_match_loop():
    result = ec.shift_share(PANEL, start=2015, end=2017, method="esteban_marquillas")
    expected = loop_shift_share(PANEL, 2015, 2017)
    for row in result.itertuples():
        cell = expected[(row.region, row.industry)]
        assert row.national_share == pytest.approx(cell["ns"])
        assert row.industry_mix == pytest.approx(cell["im"])
        assert row.regional_shift == pytest.approx(cell["rs"])
        assert row.total_change == row.employment_end - row.employment_start
        if math.isnan(cell["ce"]):
            assert math.isnan(row.competitive_effect) and math.isnan(row.allocation_effect)
        else:
            assert row.competitive_effect == pytest.approx(cell["ce"])
            assert row.allocation_effect == pytest.approx(cell["ae"])


def test_shift_share_hand_values():
    # E0 = 220, E1 = 237: g = 17/220. food 180 -> 180: g_food = 0. A food e0 = 100:
    # NS = 100 * 17/220 = 7.727; IM = 100 * (0 - 17/220) = -7.727; RS = 120 - 100 = 20
    result = ec.shift_share(PANEL, start=2015, end=2017)
    a_food = result.iloc[0]
    assert a_food["national_share"] == pytest.approx(1700 / 220)
    assert a_food["industry_mix"] == pytest.approx(-1700 / 220)
    assert a_food["regional_shift"] == pytest.approx(20)
    # A IT starts at 0: all its change (12) is regional shift
    a_it = result.iloc[1]
    assert (a_it["national_share"], a_it["industry_mix"], a_it["regional_shift"]) == (0, 0, 12)


def test_shift_share_dynamic_is_sum_of_yearly_classical():
    dynamic = ec.shift_share(PANEL, start=2015, end=2017, method="dynamic")
    first = loop_shift_share(PANEL, 2015, 2016)
    second = loop_shift_share(PANEL, 2016, 2017)
    for row in dynamic.itertuples():
        key = (row.region, row.industry)
        for column, name in (
            ("national_share", "ns"),
            ("industry_mix", "im"),
            ("regional_shift", "rs"),
        ):
            assert getattr(row, column) == pytest.approx(first[key][name] + second[key][name])
    classical = ec.shift_share(PANEL, start=2015, end=2017)
    assert not np.allclose(dynamic["industry_mix"], classical["industry_mix"])


def test_shift_share_errors():
    with pytest.raises(CourseInputError, match=r"method='static' is not one of"):
        ec.shift_share(PANEL, start=2015, end=2017, method="static")
    with pytest.raises(
        CourseInputError,
        match=r"end=2020 is not in column 'year'; available years: 2015, 2016, 2017",
    ):
        ec.shift_share(PANEL, start=2015, end=2020)
    with pytest.raises(CourseInputError, match="rows repeat the same region x industry x year"):
        ec.shift_share(pd.concat([PANEL, PANEL.iloc[:1]]), start=2015, end=2017)


# ---------------------------------------------------------------------------------------
# Star rating, categories, US strong clusters
# ---------------------------------------------------------------------------------------


def test_star_size_boundary_exactly_at_p90_gets_the_star():
    # 11 regions with 1..11 jobs in food: P90 = sorted[10 * 0.9] = sorted[9] = 10 exactly
    regions = [f"R{k}" for k in range(11)]
    df = pd.DataFrame(
        {
            "region": regions * 2,
            "category": ["food"] * 11 + ["other"] * 11,
            "employment": list(range(1, 12)) + [1000] * 11,
        }
    )
    assert np.quantile(np.arange(1, 12), 0.9) == 10
    result = ec.star_rating(df)
    food = result[result["category"] == "food"]
    assert food["size_star"].tolist() == [False] * 9 + [True, True]


def test_star_specialisation_exactly_two_gets_the_star():
    # A: 50 of 100 in food; area: 250 of 1000 -> LQ = 0.5 / 0.25 = 2.0 exactly
    df = pd.DataFrame(
        {
            "region": ["A", "A", "B", "B"],
            "category": ["food", "other", "food", "other"],
            "employment": [50, 50, 200, 700],
        }
    )
    result = ec.star_rating(df, min_regions=2)
    assert result["lq"].iloc[0] == 2.0
    assert result["specialisation_star"].tolist() == [True, False, False, False]
    lower = ec.star_rating(df, specialisation_threshold=2.01, min_regions=2)
    assert not lower["specialisation_star"].any()


def test_star_rating_against_loop():
    rng = np.random.default_rng(7)
    regions = [f"R{k}" for k in range(15)]
    cats = ["food", "IT", "energy"]
    df = pd.DataFrame(
        {
            "region": np.repeat(regions, 3),
            "category": cats * 15,
            "employment": rng.integers(0, 60, 45),
        }
    )
    result = ec.star_rating(df)
    lq = loop_lq(df.rename(columns={"category": "industry"}))
    region_total = df.groupby("region")["employment"].transform("sum").to_numpy()
    focus = df["employment"].to_numpy() / region_total
    for k, row in enumerate(result.itertuples()):
        mask = (df["category"] == row.category).to_numpy() & (df["employment"] > 0).to_numpy()
        active = row.employment > 0
        p_size = np.quantile(df["employment"].to_numpy()[mask], 0.9)
        p_focus = np.quantile(focus[mask], 0.9)
        assert row.size_star == (active and row.employment >= p_size)
        assert row.specialisation_star == (active and lq[k] >= 2)
        assert row.focus_star == (active and focus[k] >= p_focus)
        assert row.stars == row.size_star + row.specialisation_star + row.focus_star


def test_star_rating_zero_employment_gets_no_star_and_bad_quantile_refused():
    df = pd.DataFrame({"region": ["A", "B"], "category": ["food", "food"], "employment": [0, 5]})
    result = ec.star_rating(df, min_regions=1)
    # B is the only active region: top in size and focus, but LQ = 1 (no specialisation star)
    assert result["stars"].tolist() == [0, 2]
    with pytest.raises(CourseInputError, match="no category has 10 or more regions"):
        ec.star_rating(df)
    with pytest.raises(CourseInputError, match="size_quantile=90 must be a number between 0 and 1"):
        ec.star_rating(df, size_quantile=90)


CATEGORIES = pd.DataFrame(
    {
        "industry": ["C10", "C11", "C17", "J62"],
        "category": ["food", "food", "packaging", "IT"],
        "category_name": ["Food", "Food", "Packaging", "IT"],
        "traded": [True, True, True, False],
    }
)


def test_aggregate_to_categories_sums_and_carries_names():
    df = pd.DataFrame(
        {
            "region": ["A", "A", "A", "B", "B"],
            "year": [2020] * 5,
            "industry": ["C10", "C11", "J62", "C10", "C17"],
            "employment": [10, 5, 7, 3, 4],
            "establishments": [1, 1, 2, 1, 1],
        }
    )
    result = ec.aggregate_to_categories(df, CATEGORIES)
    assert result[["region", "category", "employment", "establishments"]].values.tolist() == [
        ["A", "food", 15, 2],
        ["A", "IT", 7, 2],
        ["B", "food", 3, 1],
        ["B", "packaging", 4, 1],
    ]
    assert result["traded"].tolist() == [True, False, True, True]
    with_nan = df.assign(employment=[10, np.nan, 7, 3, 4])
    with pytest.warns(MissingDataWarning, match=r"A x 2020 x C11\. The categories they belong"):
        summed = ec.aggregate_to_categories(with_nan, CATEGORIES)
    assert np.isnan(summed["employment"].iloc[0])


def test_aggregate_to_categories_lists_unmapped_codes():
    df = pd.DataFrame({"region": ["A", "A"], "industry": ["C10", "X99"], "employment": [1, 2]})
    with pytest.raises(
        CourseInputError, match=r"1 industry code\(s\) have no cluster category: 'X99'"
    ):
        ec.aggregate_to_categories(df, CATEGORIES)


def test_aggregate_to_categories_refuses_industry_in_two_categories():
    twice = pd.concat([CATEGORIES, CATEGORIES.iloc[:1].assign(category="IT")])
    df = pd.DataFrame({"region": ["A"], "industry": ["C10"], "employment": [1]})
    with pytest.raises(
        CourseInputError, match="repeat the same industry.*'C10'.*one category only"
    ):
        ec.aggregate_to_categories(df, twice)


def us_rule_by_hand(emp, est, lq):
    """The US Cluster Mapping rule with plain numpy on one cluster (no groups)."""
    emp, est, lq = (np.asarray(x, dtype=float) for x in (emp, est, lq))
    active = emp > 0
    p = lambda x, q: np.quantile(x[active], q, method="linear")  # noqa: E731
    base = active & (emp > p(emp, 0.25)) & (est > p(est, 0.25))
    return {
        "qualifying": base & (lq > p(lq, 0.25)),
        "significant": base & (lq > p(lq, 0.5)),
        "strong": base & (lq >= p(lq, 0.75)) & (lq >= 1),
        "strong10": base & (lq >= p(lq, 0.9)) & (lq >= 1),
    }


def test_cluster_strength_boundaries():
    # 5 active regions + one with 0 jobs. P25(emp) = 20 (exact), P25(est) = 2,
    # P25(lq) = 0.8, P50 = 1.0, P75 = 1.5 (exact), P90 = 1.5 + 0.6 * 0.5 = 1.8
    table = pd.DataFrame(
        {
            "region": list("ABCDEF"),
            "category": ["food"] * 6,
            "employment": [10, 20, 30, 40, 50, 0],
            "establishments": [1, 2, 3, 4, 5, 0],
            "lq_tf": [0.5, 0.8, 1.0, 1.5, 2.0, 3.0],
        }
    )
    result = ec.cluster_strength(table, lq="lq_tf")
    # B has emp exactly at P25: strict test fails; C's LQ is exactly P50: strict test fails;
    # D's LQ is exactly P75: >= passes; F has no jobs: all False
    assert result["qualifying"].tolist() == [False, False, True, True, True, False]
    assert result["significant"].tolist() == [False, False, False, True, True, False]
    assert result["strong"].tolist() == [False, False, False, True, True, False]
    assert result["strong10"].tolist() == [False, False, False, False, True, False]
    expected = us_rule_by_hand(table["employment"], table["establishments"], table["lq_tf"])
    for column, flags in expected.items():
        assert result[column].tolist() == flags.tolist()


def test_cluster_strength_lq_one_rule_and_computed_lq():
    rng = np.random.default_rng(11)
    table = pd.DataFrame(
        {
            "region": np.repeat([f"R{k}" for k in range(12)], 2),
            "category": ["food", "IT"] * 12,
            "employment": rng.integers(0, 100, 24),
            "establishments": rng.integers(0, 10, 24),
        }
    )
    result = ec.cluster_strength(table)
    assert np.allclose(result["lq"], loop_lq(table.rename(columns={"category": "industry"})))
    for cluster in ["food", "IT"]:
        part = result[result["category"] == cluster]
        expected = us_rule_by_hand(part["employment"], part["establishments"], part["lq"])
        for column, flags in expected.items():
            assert part[column].tolist() == flags.tolist()
    # LQ >= 1 is required for strong even at the top of the distribution
    low = pd.DataFrame(
        {
            "region": list("ABCDE"),
            "category": ["x"] * 5,
            "employment": [10, 20, 30, 40, 50],
            "establishments": [1, 2, 3, 4, 5],
            "lq": [0.1, 0.2, 0.3, 0.4, 0.5],
        }
    )
    flags = ec.cluster_strength(low, lq="lq")
    assert flags["qualifying"].sum() == 3 and not flags["strong"].any()


# ---------------------------------------------------------------------------------------
# Relatedness
# ---------------------------------------------------------------------------------------

RELATED = pd.DataFrame(
    {
        "region": list("AAABBBCCC"),
        "industry": ["x", "y", "z"] * 3,
        "employment": [40, 40, 0, 0, 30, 30, 20, 0, 10],
    }
)


def test_presence_proximity_density_by_hand():
    # totals x 60, y 70, z 40, all 170. LQ: A x (40/80)/(60/170)=1.42, A y 1.21, A z 0;
    # B x 0, B y (30/60)/(70/170)=1.21, B z (30/60)/(40/170)=2.13;
    # C x (20/30)/(60/170)=1.89, C y 0, C z (10/30)/(40/170)=1.42
    # M = A[1,1,0] B[0,1,1] C[1,0,1]; ubiquity 2,2,2; co-occurrence off-diagonal 1 each
    # phi = 1 on the diagonal, 1/2 elsewhere; sum_q phi[p,q] = 2
    # density A x = (1 + 0.5 + 0) / 2 = 0.75, A z = (0.5 + 0.5 + 0) / 2 = 0.5
    assert ec.presence(RELATED)["presence"].tolist() == [1, 1, 0, 0, 1, 1, 1, 0, 1]
    phi = ec.proximity(RELATED).set_index(["industry", "other_industry"])["proximity"]
    assert phi[("x", "x")] == 1.0 and phi[("x", "y")] == 0.5 and phi[("z", "y")] == 0.5
    density = ec.relatedness_density(RELATED)["density"].tolist()
    assert density == [0.75, 0.75, 0.5, 0.5, 0.75, 0.75, 0.75, 0.5, 0.75]


def test_relatedness_matches_ecomplexity_package():
    ecomplexity = pytest.importorskip("ecomplexity")
    rng = np.random.default_rng(5)
    df = pd.DataFrame(
        {
            "region": np.repeat([f"R{k}" for k in range(15)], 6),
            "industry": [f"I{k}" for k in range(6)] * 15,
            "employment": rng.integers(1, 100, 90).astype(float),
            "year": 2020,
        }
    )
    columns = {"time": "year", "loc": "region", "prod": "industry", "val": "employment"}
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it prints and warns a lot
        theirs_phi = ecomplexity.proximity(df, columns)
        theirs = ecomplexity.ecomplexity(df, columns)
    ours_phi = ec.proximity(df).merge(
        theirs_phi, left_on=["industry", "other_industry"], right_on=["industry_1", "industry_2"]
    )
    assert len(ours_phi) == 36
    assert np.allclose(ours_phi["proximity_x"], ours_phi["proximity_y"])
    ours = ec.relatedness_density(df).merge(theirs, on=["region", "industry"])
    assert len(ours) == 90
    assert np.allclose(ours["density_x"], ours["density_y"])
    assert (ours["presence"] == ours["mcp"]).all()
