"""The bad inputs measured in the library review: each gives a clear error or the right number.

Every case here once produced a silently wrong number (or a bare pandas error) on the course
data; the numbers in the comments are those measured before the fix.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from course import data
from course import economics as ec
from course._guards import AggregateRowWarning
from course.checks import CourseInputError, MissingDataWarning, UnknownCodeWarning

EMPLOYMENT = data.load("regional_employment")
CATEGORIES = data.load("cluster_categories")
IN_2023 = EMPLOYMENT[EMPLOYMENT["year"] == 2023].reset_index(drop=True)


def _cell(table, region, industry, year=None):
    rows = (table["region"] == region) & (table["industry"] == industry)
    if year is not None:
        rows &= table["year"] == year
    return rows


def _suppress(table, region, industry, year=None):
    """The table with one cell suppressed (NaN), as Eurostat publishes confidential cells."""
    return table.assign(employment=table["employment"].where(~_cell(table, region, industry, year)))


def test_a_suppressed_cell_elsewhere_barely_moves_a_shift_share_component():
    # before: Stockholm retail suppressed in 2023 only dropped out of the 2023 totals and
    # moved Vidzeme food's national share from 622 to 543
    full = ec.shift_share(EMPLOYMENT, start=2013, end=2023)
    vidzeme_food = _cell(full, "LV008", "C10")
    assert full.loc[vidzeme_food, "national_share"].item() == pytest.approx(622, abs=1)
    suppressed = _suppress(EMPLOYMENT, "SE11", "G47", 2023)
    with pytest.warns(MissingDataWarning, match=r"SE11 x G47.*left out of the totals"):
        result = ec.shift_share(suppressed, start=2013, end=2023)
    # the cell is out of both years' totals now: the reference area shrinks by one cell
    assert result.loc[vidzeme_food, "national_share"].item() == pytest.approx(622, rel=0.01)
    assert np.isnan(result.loc[_cell(result, "SE11", "G47"), "national_share"].item())
    expected = ec.shift_share(EMPLOYMENT[~_cell(EMPLOYMENT, "SE11", "G47")], start=2013, end=2023)
    pd.testing.assert_series_equal(
        result.dropna(subset=["national_share"])["national_share"].reset_index(drop=True),
        expected["national_share"],
    )


def test_a_suppressed_cell_does_not_raise_its_regions_other_lqs():
    # before: a NaN in Vidzeme raised Vidzeme's C10 LQ from 3.63 to 3.82 without a word
    suppressed = _suppress(IN_2023, "LV008", "A01")
    with pytest.warns(MissingDataWarning, match="LV008 x A01"):
        lq = ec.location_quotient(suppressed)
    vidzeme = lq["region"] == "LV008"
    assert lq.loc[vidzeme, "lq"].isna().all()
    others = ec.location_quotient(IN_2023[IN_2023["region"] != "LV008"])
    np.testing.assert_allclose(lq.loc[~vidzeme, "lq"], others["lq"])
    with pytest.warns(MissingDataWarning):
        hoover = ec.hoover_index(suppressed)
    assert np.isnan(hoover.loc[hoover["region"] == "LV008", "hoover"].item())


def test_a_dropped_middle_year_row_is_unknown_in_dynamic_shift_share():
    # before: the dropped row counted as 0 jobs in 2018, the components of the cell and of
    # its whole industry were wrong while the totals still added up
    dropped = EMPLOYMENT[~_cell(EMPLOYMENT, "EE001", "J62", 2018)]
    with pytest.warns(MissingDataWarning, match="EE001 x J62"):
        result = ec.shift_share(dropped, start=2013, end=2023, method="dynamic")
    assert result.loc[_cell(result, "EE001", "J62"), "industry_mix"].isna().all()
    without = EMPLOYMENT[~_cell(EMPLOYMENT, "EE001", "J62")]
    expected = ec.shift_share(without, start=2013, end=2023, method="dynamic")
    known = result.dropna(subset=["industry_mix"]).reset_index(drop=True)
    np.testing.assert_allclose(known["industry_mix"], expected["industry_mix"])


def test_aggregate_to_categories_refuses_duplicate_rows():
    # before: a doubled Vidzeme C10 row summed to 8,061 jobs instead of 4,231
    doubled = pd.concat([IN_2023, IN_2023[_cell(IN_2023, "LV008", "C10")]])
    with pytest.raises(CourseInputError, match=r"2 rows repeat .*'LV008'.*'C10'.*drop_duplicates"):
        ec.aggregate_to_categories(doubled, CATEGORIES)


def test_years_stored_as_text_are_converted():
    # before: TypeError: unsupported operand type(s)
    as_text = EMPLOYMENT.assign(year=EMPLOYMENT["year"].astype(str))
    pd.testing.assert_frame_equal(
        ec.shift_share(as_text, start="2013", end=2023),
        ec.shift_share(EMPLOYMENT, start=2013, end=2023),
    )
    pd.testing.assert_frame_equal(
        ec.growth(as_text, start=2013, end=2023), ec.growth(EMPLOYMENT, start=2013, end=2023)
    )
    with pytest.raises(CourseInputError, match="must hold years such as 2013"):
        ec.growth(EMPLOYMENT.assign(year="2023-Q1"), start=2013, end=2023)


def test_an_empty_table_after_a_filter_says_so():
    # before: "cannot convert float NaN to integer"
    empty = IN_2023[IN_2023["region"] == "LV08"]
    for function in (ec.location_quotient, ec.hoover_index, ec.star_rating, ec.hhi):
        kwargs = {"category": "industry"} if function is ec.star_rating else {}
        with pytest.raises(CourseInputError, match=r"the table is empty.*'LV008', not 'LV08'"):
            function(empty, **kwargs)
    with pytest.raises(CourseInputError, match="the table is empty"):
        ec.shift_share(EMPLOYMENT.iloc[:0], start=2013, end=2023)


def test_unknown_nace_codes_are_reported():
    typo = IN_2023.assign(industry=IN_2023["industry"].replace({"C10": "C1O", "J62": "J99"}))
    with pytest.warns(UnknownCodeWarning, match=r"2 code\(s\) are not a NACE Rev. 2.*'C1O', 'J99'"):
        ec.location_quotient(typo)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the course table itself raises no warning
        ec.location_quotient(IN_2023)
        ec.star_rating(ec.aggregate_to_categories(IN_2023, CATEGORIES))


def test_a_rating_over_too_few_regions_is_refused():
    latvia = ec.aggregate_to_categories(IN_2023[IN_2023["country"] == "LV"], CATEGORIES)
    with pytest.raises(CourseInputError, match="no category has 10 or more regions"):
        ec.star_rating(latvia)  # six Latvian regions: a top 10 % of six is not a rating
    assert ec.star_rating(latvia, min_regions=6)["stars"].notna().all()
    one_region = ec.aggregate_to_categories(IN_2023[IN_2023["region"] == "LV008"], CATEGORIES)
    with pytest.raises(CourseInputError, match="US rule compares regions"):
        ec.cluster_strength(one_region)


def test_an_unrated_region_gets_na_stars_not_zero():
    with pytest.warns(MissingDataWarning, match="LV008 x Vidzeme x 2023 x A01"):
        by_category = ec.aggregate_to_categories(_suppress(IN_2023, "LV008", "A01"), CATEGORIES)
    with pytest.warns(MissingDataWarning):
        stars = ec.star_rating(by_category)
    vidzeme = stars["region"] == "LV008"
    assert stars.loc[vidzeme, "stars"].isna().all()
    assert stars.loc[~vidzeme, "stars"].notna().all()


def test_a_region_with_a_missing_cell_has_no_relatedness_density():
    with pytest.warns(MissingDataWarning):
        density = ec.relatedness_density(_suppress(IN_2023, "LV008", "A01"))
    vidzeme = density["region"] == "LV008"
    assert density.loc[vidzeme, "density"].isna().all()
    assert density.loc[~vidzeme, "density"].notna().all()


def test_aggregate_to_categories_keeps_periods_of_any_time_column_apart():
    two = pd.concat([IN_2023.drop(columns="year").assign(time=t) for t in (2022, 2023)])
    summed = ec.aggregate_to_categories(two, CATEGORIES)
    assert sorted(summed["time"].unique().tolist()) == [2022, 2023]
    one = ec.aggregate_to_categories(IN_2023, CATEGORIES)
    assert summed["employment"].sum() == 2 * one["employment"].sum()


def test_a_misspelt_region_code_is_reported():
    typo = IN_2023.assign(region=IN_2023["region"].replace({"LV008": "LV010"}))
    with pytest.warns(UnknownCodeWarning, match=r"1 code\(s\) are not a NUTS 2021 region.*'LV010'"):
        ec.location_quotient(typo)
    # another NUTS level (SE110 is NUTS 3; the course has Sweden at NUTS 2) is not judged
    other_level = IN_2023.assign(region=IN_2023["region"].replace({"SE11": "SE110"}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ec.location_quotient(other_level)


# --- issue 17: totals beside their parts, blank keys, messages that point to the wrong fix ---


def _with_country_total(table, country="LV"):
    """The table with a country's total beside its own regions, as a Eurostat file has it."""
    regions = table[table["country"] == country]
    total = regions.groupby(["country", "industry"], as_index=False)["employment"].sum()
    return pd.concat([table, total.assign(region=country)], ignore_index=True)


def test_a_country_total_beside_its_own_regions_is_refused_with_the_fix():
    # before: LV's jobs counted twice in the reference area, every LQ shifted without a word
    with_total = _with_country_total(IN_2023)
    with pytest.raises(CourseInputError) as refused:
        ec.location_quotient(with_total)
    message = str(refused.value)
    assert "column 'region' holds total rows ('LV': 73 row(s))" in message
    assert "df[~df['region'].isin(['LV'])], or pass drop_aggregates=True" in message
    assert "keep one NUTS level, e.g. df[df['region'].str.len() == 4]" in message
    with pytest.warns(AggregateRowWarning, match="73 total row.*'LV'"):
        dropped = ec.location_quotient(with_total, drop_aggregates=True)
    pd.testing.assert_frame_equal(dropped, ec.location_quotient(IN_2023), check_dtype=False)


@pytest.mark.parametrize("total", ["TOTAL", "_T", "C", "B-S_X_O_S94"])
def test_an_industry_total_is_refused_in_every_function_that_groups_industries(total):
    extra = IN_2023[IN_2023["industry"] == "C10"].assign(industry=total)
    with_total = pd.concat([IN_2023, extra], ignore_index=True)
    for function in (ec.location_quotient, ec.hoover_index, ec.hhi, ec.entropy, ec.presence):
        with pytest.raises(CourseInputError, match=rf"'{total}': 39 row\(s\).*one NACE level"):
            function(with_total)
    panel = pd.concat([EMPLOYMENT, EMPLOYMENT.iloc[:1].assign(industry=total)], ignore_index=True)
    with pytest.raises(CourseInputError, match=rf"'{total}': 1 row\(s\)"):
        ec.shift_share(panel, start=2013, end=2023)


def test_a_real_eurostat_file_says_how_to_keep_one_level(tmp_path):
    # Eurostat's regional files hold the EU, the countries, NUTS 1 and NUTS 2 side by side,
    # and totals and sections beside the divisions
    geos = ["EU27_2020", "LV", "LV0", "LV00", "EE", "EE0", "EE00", "LT", "LT0", "LT01", "LT02"]
    naces = ["B-S_X_O_S94", "C", "C10", "J62"]
    lines = ["nace_r2,indic_sb,geo\\TIME_PERIOD\t2021 "]
    lines += [f"{n},V16110,{g}\t{100 + 7 * i + j} " for i, g in enumerate(geos)
              for j, n in enumerate(naces)]  # fmt: skip
    path = tmp_path / "sbs_r_nuts2021.tsv"
    path.write_text("\n".join(lines) + "\n")
    real = data.read_eurostat(path)
    options = {"region": "geo", "industry": "nace_r2", "value": "value"}
    with pytest.raises(CourseInputError) as refused:
        ec.location_quotient(real, **options)
    message = str(refused.value)
    assert "'EU27_2020': 4 row(s)" in message and "and 1 more codes" in message
    totals = ["EU27_2020", "LV", "LV0", "EE", "EE0", "LT", "LT0"]
    assert f"df[~df['geo'].isin({totals!r})], or pass drop_aggregates=True" in message
    assert "df[df['geo'].str.len() == 4] keeps the NUTS 2 regions" in message
    nuts2 = real[real["geo"].str.len() == 4]
    with pytest.raises(
        CourseInputError, match=r"one NACE level.*fullmatch\('\[A-U\]\[0-9\]\[0-9\]'\)"
    ):
        ec.location_quotient(nuts2, **options)
    divisions = nuts2[nuts2["nace_r2"].str.fullmatch("[A-U][0-9][0-9]")]
    expected = ec.location_quotient(divisions, **options)["lq"].to_numpy()
    with pytest.warns(AggregateRowWarning):
        dropped = ec.location_quotient(real, drop_aggregates=True, **options)
    np.testing.assert_allclose(dropped["lq"].to_numpy(), expected)


def test_numbered_labels_are_not_totals():
    # R1 is not the total of R10 and R11: only NUTS and NACE codes nest
    regions = pd.DataFrame({"region": np.repeat([f"R{k}" for k in range(12)], 2),
                            "industry": ["C10", "J62"] * 12, "employment": np.arange(24) + 5})  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(ec.location_quotient(regions)) == 24


def test_a_blank_key_in_growth_is_refused_or_kept_as_unknown():
    # before: a region '' was a region of its own, silently
    blank = EMPLOYMENT.astype({"region": object})
    blank.loc[_cell(blank, "LV003", "B07"), "region"] = (
        ""  # one cell, every year; only the years used are checked
    )
    with pytest.raises(
        CourseInputError, match=r"column 'region' is blank in 2 row\(s\) \(rows 55, 65\)"
    ):
        ec.growth(blank, start=2013, end=2023)
    with pytest.warns(MissingDataWarning, match="counted as their own group '\\(unknown\\)'"):
        shifted = ec.shift_share(blank, start=2013, end=2023, blank_keys="unknown")
    expected = ec.shift_share(EMPLOYMENT, start=2013, end=2023)
    renamed = expected["region"].mask(_cell(expected, "LV003", "B07"), "(unknown)")
    pd.testing.assert_frame_equal(shifted, expected.assign(region=renamed), check_dtype=False)
    # a blank key in a year that is not used changes nothing and is not reported
    unused = EMPLOYMENT.astype({"region": object})
    unused.loc[unused.index[unused["year"] == 2018][5], "region"] = ""
    pd.testing.assert_frame_equal(
        ec.growth(unused, start=2013, end=2023),
        ec.growth(EMPLOYMENT, start=2013, end=2023),
        check_dtype=False,
    )


def test_a_code_given_where_a_column_name_belongs_gets_the_right_fix():
    # before: "the table has no column 'tourism' ... Did you mean 'country'?"
    by_category = ec.aggregate_to_categories(EMPLOYMENT, CATEGORIES)
    with pytest.raises(
        CourseInputError,
        match=r"industry='tourism' names a column, but 'tourism' "
        r"is a value in column 'category'\. Pass the column's name, "
        r"industry='category'.*df\[df\['category'\] == 'tourism'\]",
    ):
        ec.growth(by_category, start=2013, end=2023, industry="tourism")
    with pytest.raises(
        CourseInputError,
        match=r"no column 'industry', but it has a column "
        r"'category' \(cluster categories, it seems\)\. Pass industry='category'",
    ):
        ec.growth(by_category, start=2013, end=2023)
    with pytest.raises(CourseInputError, match="Pass category='industry'"):
        ec.star_rating(IN_2023)


def test_region_profile_takes_its_options_by_name_and_the_old_call_still_works():
    new = ec.region_profile(EMPLOYMENT, CATEGORIES, region_code="LV005", start=2013, end=2023)
    with pytest.warns(
        DeprecationWarning,
        match=r"region_profile\(\.\.\., region_code='LV005', "
        r"start=2013, end=2023\)",
    ):
        old = ec.region_profile(EMPLOYMENT, CATEGORIES, "LV005", 2013, 2023)
    pd.testing.assert_frame_equal(old, new)


def test_missing_establishments_make_the_us_flags_unknown_not_false():
    by_category = ec.aggregate_to_categories(IN_2023, CATEGORIES)
    spoilt = by_category.assign(establishments=by_category["establishments"].astype(float))
    row = spoilt.index[(spoilt["region"] == "LV008") & (spoilt["category"] == "food_processing")]
    spoilt.loc[row, "establishments"] = np.nan
    with pytest.warns(MissingDataWarning, match="LV008 x food_processing.*flags are NA"):
        flags = ec.cluster_strength(spoilt)
    assert flags.loc[row, "strong"].isna().all()
    assert flags.drop(index=row)["strong"].notna().all()


def test_a_firm_without_an_id_or_a_total_row_is_refused_by_market_hhi():
    firms = pd.DataFrame({"member_id": ["a", "b", "", "TOTAL"], "turnover_eur": [5, 3, 2, 10]})
    with pytest.raises(
        CourseInputError,
        match=r"'member_id' is blank in 1 row.*dropna\(subset="
        r"\['member_id'\]\)\)\.$",
    ):
        ec.market_hhi(firms)
    with pytest.raises(CourseInputError, match="'TOTAL': 1 row"):
        ec.market_hhi(firms.iloc[[0, 1, 3]])
    with pytest.warns(AggregateRowWarning):
        index = ec.market_hhi(firms.iloc[[0, 1, 3]], drop_aggregates=True)["market_hhi"].iloc[0]
    assert index == pytest.approx(100**2 * ((5 / 8) ** 2 + (3 / 8) ** 2))
