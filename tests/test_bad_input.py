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
