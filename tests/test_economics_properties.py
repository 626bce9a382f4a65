"""Property tests (hypothesis) of the identities and ranges in course.economics."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from course import _groups
from course import economics as ec
from course.checks import MissingDataWarning

REGIONS = ["A", "B", "C", "D"]
INDUSTRIES = ["food", "IT", "energy", "packaging"]
SETTINGS = settings(max_examples=40, deadline=None)


@st.composite
def panels(draw, years=(2015, 2020), sparse=True):
    """A region x industry x year table; some cells may have no row at all (sparse)."""
    rows = []
    for year in years:
        for region in REGIONS[: draw(st.integers(2, 4))]:
            for industry in INDUSTRIES[: draw(st.integers(1, 4))]:
                if sparse and draw(st.booleans()) and draw(st.booleans()):
                    continue  # a cell without a row counts as 0 jobs
                rows.append((region, industry, year, draw(st.integers(0, 10_000))))
    for year in years:  # every year needs some jobs, or all growth rates are undefined
        if sum(row[3] for row in rows if row[2] == year) == 0:
            rows = [row for row in rows if row[:3] != ("A", "food", year)]
            rows.append(("A", "food", year, 1))
    df = pd.DataFrame(rows, columns=["region", "industry", "year", "employment"])
    return df.reset_index(drop=True)


def _complete_cells(df: pd.DataFrame, years) -> pd.DataFrame:
    """The rows of the cells that have a row in every one of ``years``."""
    counts = df[df["year"].isin(years)].groupby(["region", "industry"])["year"].transform("nunique")
    return df[df["year"].isin(years)][counts == len(years)]


@SETTINGS
@given(panels())
def test_shift_share_identities(df):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingDataWarning)  # sparse panels lack some rows
        result = ec.shift_share(df, start=2015, end=2020, method="esteban_marquillas")
    known = result["national_share"].notna()
    change = result["employment_end"] - result["employment_start"]
    parts = result["national_share"] + result["industry_mix"] + result["regional_shift"]
    assert np.allclose(parts[known], change[known], atol=1e-6)
    assert np.allclose(result["total_change"], change, equal_nan=True)
    started = known & (result["employment_start"] > 0)
    effects = result["competitive_effect"] + result["allocation_effect"]
    assert np.allclose(effects[started], result.loc[started, "regional_shift"], atol=1e-6)
    # a cell without a row in one of the years is unknown, never 0 jobs
    assert (~known).sum() == len(result) - len(_complete_cells(df, [2015, 2020])) // 2


@SETTINGS
@given(panels(years=(2015, 2016, 2017, 2018)))
def test_dynamic_shift_share_components_sum_to_total_change(df):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingDataWarning)
        result = ec.shift_share(df, start=2015, end=2018, method="dynamic")
    parts = result["national_share"] + result["industry_mix"] + result["regional_shift"]
    known = parts.notna()
    assert np.allclose(parts[known], result.loc[known, "total_change"], atol=1e-6)


@SETTINGS
@given(panels(years=(2015, 2016, 2017)), st.sampled_from(["classical", "dynamic"]))
def test_missing_cells_do_not_change_the_known_cells(df, method):
    # Missing is not zero: the known cells' components are those of the table without the
    # incomplete cells, whatever the incomplete cells hold in the years they do have
    years = [2015, 2016, 2017] if method == "dynamic" else [2015, 2017]
    complete = _complete_cells(df, years)
    if complete.empty or complete.groupby("year")["employment"].sum().min() == 0:
        return  # nothing known, or no jobs in some year: every growth rate is undefined
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingDataWarning)
        result = ec.shift_share(df, start=2015, end=2017, method=method)
    alone = ec.shift_share(complete, start=2015, end=2017, method=method)
    merged = alone.merge(result, on=["region", "industry"], suffixes=("", "_full"))
    for column in ["national_share", "industry_mix", "regional_shift"]:
        assert np.allclose(merged[column], merged[f"{column}_full"], atol=1e-6)


@SETTINGS
@given(panels(years=(2020,)))
def test_employment_weighted_mean_lq_is_one_per_industry(df):
    result = ec.location_quotient(df)
    result["weight"] = result["employment"] / result.groupby("region")["employment"].transform(
        "sum"
    )
    result["region_total"] = result.groupby("region")["employment"].transform("sum")
    # sum_r e[r] LQ[i,r] / E = 1 for every industry with jobs
    ok = result.dropna(subset=["lq"])
    mean = (ok["lq"] * ok["region_total"]).groupby(ok["industry"]).sum() / df["employment"].sum()
    industry_jobs = df.groupby("industry")["employment"].sum()
    assert np.allclose(mean[industry_jobs[mean.index] > 0], 1.0)


@SETTINGS
@given(panels(years=(2020,)))
def test_hoover_and_krugman_ranges(df):
    hoover = ec.hoover_index(df)["hoover"].dropna()
    assert ((hoover >= 0) & (hoover < 1)).all()
    for reference in ["total", "rest", "pairwise"]:
        krugman = ec.krugman_index(df, reference=reference)["krugman"].dropna()
        assert ((krugman >= 0) & (krugman <= 2 + 1e-12)).all()
    total = ec.krugman_index(df)["krugman"]
    assert np.allclose(total, 2 * ec.hoover_index(df)["hoover"], equal_nan=True)


@SETTINGS
@given(panels(years=(2020,)), st.sampled_from([2, np.e, 10]))
def test_unrelated_plus_related_variety_is_entropy(df, base):
    groups = {"food": "C", "packaging": "C", "IT": "J", "energy": "D"}
    result = ec.entropy(df, groups=groups, base=base)
    assert np.allclose(
        result["unrelated_variety"] + result["related_variety"], result["entropy"], equal_nan=True
    )
    assert (result["entropy"].dropna() >= 0).all()


@settings(max_examples=20, deadline=None)  # runs ten functions per example
@given(panels(years=(2015, 2020)), st.randoms(use_true_random=False))
def test_input_not_mutated_and_row_order_kept(df, random):
    order = list(df.index)
    random.shuffle(order)
    shuffled = df.loc[order]
    before = shuffled.copy()
    for function in (ec.location_quotient, ec.regional_focus, ec.presence, ec.relatedness_density):
        result = function(shuffled, by="year")
        assert result.index.tolist() == shuffled.index.tolist()
        pd.testing.assert_frame_equal(result[shuffled.columns], shuffled)
    stars = ec.star_rating(
        shuffled.rename(columns={"industry": "category"}), by="year", min_regions=1
    )
    assert stars.index.tolist() == shuffled.index.tolist()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingDataWarning)
        ec.shift_share(shuffled, start=2015, end=2020, method="esteban_marquillas")
    ec.hoover_index(shuffled, by="year")
    pd.testing.assert_frame_equal(shuffled, before)


@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(-50, 50)), min_size=1, max_size=40),
    st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1 / 3]),
)
def test_group_quantile_equals_numpy_quantile_exactly(pairs, q):
    groups = np.array([g for g, _ in pairs])
    values = np.array([v / 7 for _, v in pairs])
    mask = values > -3
    result = _groups.group_quantile(values, groups, 4, q, mask)
    for g in range(4):
        chosen = values[(groups == g) & mask]
        if len(chosen):
            assert result[g] == np.quantile(chosen, q, method="linear")
        else:
            assert np.isnan(result[g])


def test_group_quantile_rounds_like_numpy_on_many_groups():
    # many random groups make numpy's rounding trick (interpolating from the nearer end)
    # visible: a plain a + (b - a) * t differs from numpy.quantile in the last bit somewhere
    rng = np.random.default_rng(3)
    groups = rng.integers(0, 500, 6000)
    values = rng.lognormal(3, 2, 6000)
    mask = rng.random(6000) > 0.1
    for q in (0.25, 0.5, 0.75, 0.9):
        result = _groups.group_quantile(values, groups, 500, q, mask)
        expected = [np.quantile(values[(groups == g) & mask], q) for g in range(500)]
        assert result.tolist() == expected
