"""The learner's toolbox, course.answers: one value, a list, the top rows, and helpful refusals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course import answers, data, economics
from course.checks import CourseInputError


@pytest.fixture(scope="module")
def lq():
    employment = data.load("regional_employment")
    return economics.location_quotient(employment[employment["year"] == 2023])


@pytest.fixture
def small():
    return pd.DataFrame(
        {
            "region": ["LV008", "LV008", "LV006", "EE001"],
            "industry": ["C10", "J62", "C10", "C10"],
            "year": [2023, 2023, 2023, 2023],
            "lq": [3.6, np.nan, 0.7, 5.0],
        }
    )


def test_value_is_a_plain_number_equal_to_the_table_cell(lq):
    row = lq[(lq["region"] == "LV008") & (lq["industry"] == "C10")]
    found = answers.value(lq, "lq", region="LV008", industry="C10")
    assert type(found) is float  # not np.float64: prints as a number, not np.float64(...)
    assert found == pytest.approx(row["lq"].item())


@pytest.mark.parametrize("typo", ["LV08", "lv008"])
def test_a_mistyped_region_code_suggests_the_right_one(lq, typo):
    with pytest.raises(CourseInputError, match=r"no row has region='.*'\. Did you mean 'LV008'"):
        answers.value(lq, "lq", region=typo, industry="C10")


def test_a_number_written_as_text_says_to_drop_the_quotes(small):
    with pytest.raises(CourseInputError, match="holds numbers: write year=2023, without quotes"):
        answers.value(small, "lq", year="2023", region="LV006")


def test_a_misspelt_column_suggests_the_right_one(small):
    with pytest.raises(CourseInputError, match="Did you mean 'lq'"):
        answers.value(small, "LQ", region="LV006")


def test_several_matching_rows_name_the_filter_that_tells_them_apart(small):
    with pytest.raises(
        CourseInputError, match=r"2 rows match.*industry='C10'.*differ in 'industry'"
    ):
        answers.value(small, "lq", region="LV008")


def test_a_filter_after_an_earlier_one_says_so(small):
    with pytest.raises(CourseInputError, match="among the rows that match the filters before it"):
        answers.value(small, "lq", region="LV006", industry="J62")


@pytest.mark.parametrize(
    "wanted", [["LV008", "LV006"], ("LV008", "LV006"), pd.Index(["LV008", "LV006"])]
)
def test_a_list_filter_means_any_of_these_in_table_order(small, wanted):
    assert answers.values(small, "region", industry="C10", region=wanted) == ["LV008", "LV006"]


def test_values_are_plain_python(small):
    years = answers.values(small, "year", region="LV008")
    assert years == [2023, 2023] and all(type(y) is int for y in years)


def test_values_may_be_empty_only_when_a_filter_matches(small):
    with pytest.raises(CourseInputError, match="no row has region=\\['XX'\\]"):
        answers.values(small, "lq", region=["XX"])


def test_nan_is_never_the_top(small):
    ordered = answers.top(small, "lq", n=4)
    assert ordered["lq"].iloc[:3].tolist() == [5.0, 3.6, 0.7]
    assert np.isnan(ordered["lq"].iloc[3])
    assert answers.top(small, "lq", n=1, region="LV008")["industry"].tolist() == ["C10"]


def test_top_agrees_with_sorting_on_course_data(lq):
    best = answers.top(lq, "lq", n=3, industry="C10")
    expected = lq[lq["industry"] == "C10"].nlargest(3, "lq")
    assert best["region"].tolist() == expected["region"].tolist()


@pytest.mark.parametrize("n", [0, -1, 2.5, True])
def test_top_refuses_a_count_that_is_not_a_whole_number(small, n):
    with pytest.raises(CourseInputError, match="whole number of at least 1"):
        answers.top(small, "lq", n=n)


def test_top_refuses_a_text_column(small):
    with pytest.raises(CourseInputError, match="holds text"):
        answers.top(small, "region")


# --- the mistakes a learner made in the module 1 run-through ---------------------------------


def test_a_condition_written_as_text_says_how_to_filter():
    table = pd.DataFrame({"category": ["food", "wood"], "stars": [2, 3]})
    with pytest.raises(CourseInputError, match=r"not a condition.*stars=\[2, 3\]"):
        answers.values(table, "category", stars=">=2")


def test_true_in_quotes_says_to_drop_the_quotes():
    table = pd.DataFrame({"category": ["food", "wood"], "strong": [True, False]})
    with pytest.raises(
        CourseInputError, match="holds True/False: write strong=True, without quotes"
    ):
        answers.values(table, "category", strong="True")


def test_a_column_without_quotes_or_misspelt_says_so():
    table = pd.DataFrame({"region": ["LV008"], "lq": [3.6]})
    with pytest.raises(CourseInputError, match="Did you forget the quotes"):
        answers.value(table, table, region="LV008")
    with pytest.raises(CourseInputError, match="Did you mean 'lq'"):
        answers.value(table, "LQ", region="LV008")


def test_several_rows_suggest_a_code_not_a_measured_number():
    table = pd.DataFrame(
        {"region": ["LV006", "LV006"], "category": ["it", "food"], "employment": [7094, 9000]}
    )
    with pytest.raises(CourseInputError, match=r"e\.g\. category='it'.*answers\.values"):
        answers.value(table, "employment", region="LV006")


def test_rows_told_apart_only_by_numbers_suggest_values_not_a_decimal_filter():
    table = pd.DataFrame(
        {"type": ["key", "key"], "backward": [1.0359088747262992, 1.2], "forward": [1.1, 1.3]}
    )
    with pytest.raises(CourseInputError, match="code column, or use answers.values") as error:
        answers.value(table, "forward", type="key")
    assert "1.0359" not in str(error.value)
    with pytest.raises(CourseInputError, match="differ only in 'forward'"):
        answers.value(table.drop(columns="backward"), "forward", type="key")


def test_a_matrix_row_label_says_to_use_loc():
    matrix = pd.DataFrame([[1.1, 0.2], [0.3, 1.4]], index=["food", "energy"],
                          columns=["food", "energy"])  # fmt: skip
    matrix.index.name = "sector"
    with pytest.raises(CourseInputError, match=r"labels a row.*table\.loc\['energy', 'column'\]"):
        answers.values(matrix.drop(columns="energy"), "energy")
    with pytest.raises(CourseInputError, match="row labels .its index.*reset_index"):
        answers.value(matrix, "food", sector="energy")
    assert answers.value(matrix.reset_index(), "food", sector="energy") == 0.3


def test_a_band_label_that_starts_with_a_comparison_is_matched_as_text():
    bands = pd.DataFrame({"export_band": ["0 %", "1-25 %", ">50 %"], "members": [16, 20, 7]})
    with pytest.raises(CourseInputError, match="Did you mean '>50 %'"):
        answers.value(bands, "members", export_band=">50%")
