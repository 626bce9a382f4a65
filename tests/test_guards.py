"""The shared guards against lost and invented rows (course/_guards.py), on their own.

The sweep in tests/test_sweep.py checks that every public function uses them; here each guard
is held to its contract: what it flags, what it leaves alone, and that it never changes its input.
"""

from __future__ import annotations

import inspect
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course import _guards as guards
from course.checks import CourseInputError, MissingDataWarning

# --------------------------------------------------------------------------------------
# Blank keys
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("blank", [None, np.nan, pd.NA, "", "   "])
def test_every_kind_of_blank_key_is_refused_with_its_row(blank):
    trade = pd.DataFrame(
        {"partner": pd.Series(["LT", blank, "DE"], dtype=object), "exports_eur": [1.0, 2, 3]}
    )
    with pytest.raises(CourseInputError, match=r"'partner' is blank in 1 row\(s\) \(rows 1\)"):
        guards.check_keys(trade, ["partner"], where="demo")


def test_blank_keys_kept_as_unknown_keep_every_row_and_the_total():
    trade = pd.DataFrame({"partner": ["LT", "", None, "DE"], "exports_eur": [1.0, 2, 3, 4]})
    before = trade.copy()
    with pytest.warns(MissingDataWarning, match=r"2 row\(s\).*'\(unknown\)'"):
        kept = guards.check_keys(trade, ["partner"], where="demo", blank="unknown")
    pd.testing.assert_frame_equal(trade, before)  # the input is not changed
    assert kept["partner"].tolist() == ["LT", "(unknown)", "(unknown)", "DE"]
    totals = kept.groupby("partner")["exports_eur"].sum()
    assert totals.sum() == trade["exports_eur"].sum() == 10


def test_rows_are_named_by_their_member_id_when_the_table_has_one():
    members = pd.DataFrame({"member_id": ["a_1", "a_2"], "cluster": ["lv_it", None]})
    with pytest.raises(CourseInputError, match="rows of member_id a_2"):
        guards.check_keys(members, ["cluster"], where="demo")


def test_a_blank_number_key_is_refused_even_when_unknown_is_allowed():
    table = pd.DataFrame({"year": [2022, None], "value": [1.0, 2.0]})
    with pytest.raises(CourseInputError, match="'year' is blank"):
        guards.check_keys(table, ["year"], where="demo", blank="unknown")


def test_a_filled_table_comes_back_as_it_is():
    table = pd.DataFrame({"partner": ["LT", "DE"]})
    assert guards.check_keys(table, ["partner"], where="demo") is table


def test_an_unknown_option_for_blank_keys_is_refused():
    with pytest.raises(CourseInputError, match="'refuse' or 'unknown'"):
        guards.check_keys(pd.DataFrame({"a": ["x"]}), ["a"], where="demo", blank="drop")


def test_a_key_that_identifies_the_row_is_refused_without_offering_unknown():
    table = pd.DataFrame({"organisation": ["lv_it", " "], "value": [1.0, 2.0]})
    with pytest.raises(CourseInputError) as refused:
        guards.check_keys(table, ["organisation"], where="demo", unknown_option=False)
    assert "'organisation' is blank in 1 row(s)" in str(refused.value)
    assert "blank_keys" not in str(refused.value)


# --------------------------------------------------------------------------------------
# Aggregate rows
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "total", ["WORLD", "world", " EU27_2020 ", "TOTAL", "_T", "EXT_EU27_2020", "EU28"]
)
def test_named_totals_are_found_in_any_spelling(total):
    assert guards.aggregate_rows(pd.Series(["LT", total, "DE"])).tolist() == [False, True, False]


@pytest.mark.parametrize(
    ("codes", "flagged"),
    [
        (["LV", "LV003", "LV008", "EE001"], ["LV"]),  # a country beside its own regions
        (["SE2", "SE22", "SE21", "SE11"], ["SE2"]),  # a NUTS 1 region beside its NUTS 2 parts
        (["C", "C10", "C11", "J62"], ["C"]),  # a NACE section beside its divisions
        (["SE", "SE1", "SE11"], ["SE", "SE1"]),  # two levels up
        (["LV", "EE", "LT", "DE"], []),  # countries only: no total
        (["food", "food_services", "ict"], []),  # names joined with _ are not nested codes
        (["DK01", "DK02", "EE00A"], []),
        (["R1", "R2", "R10", "R11"], []),  # numbered labels are not a code system
        (["A", "AB", "A01"], ["A"]),  # 'AB' is NUTS-shaped, not a part of NACE section A
        (["TOTAL", "B-S_X_O_S94", "B-E", "M_N", "C", "C10", "C101"], None),  # Eurostat's totals
    ],
)
def test_a_code_beside_its_own_parts_is_a_total(codes, flagged):
    mask = guards.aggregate_rows(pd.Series(codes))
    flagged = codes[:-1] if flagged is None else flagged  # None: all but the last
    assert [c for c, m in zip(codes, mask, strict=True) if m] == flagged


def test_course_data_codes_hold_no_totals():
    from course import data

    employment = data.load("regional_employment")
    trade = data.load("trade")
    assert not guards.aggregate_rows(employment["region"]).any()
    assert not guards.aggregate_rows(employment["industry"]).any()
    assert not guards.aggregate_rows(trade["partner"]).any()


def test_totals_are_refused_with_the_fix_or_dropped_with_a_warning():
    trade = pd.DataFrame(
        {"partner": ["LT", "WORLD", "DE", "EU27"], "exports_eur": [1.0, 5.0, 4.0, 5.0]}
    )
    with pytest.raises(CourseInputError, match=r"'WORLD': 1 row.*drop_aggregates=True"):
        guards.check_aggregates(trade, "partner", where="demo")
    with pytest.warns(guards.AggregateRowWarning, match="2 total row"):
        kept = guards.check_aggregates(trade, "partner", where="demo", drop=True)
    assert kept["partner"].tolist() == ["LT", "DE"]
    assert len(trade) == 4


def test_many_totals_are_not_given_an_example_that_leaves_some_in():
    countries = ["LV", "EE", "LT", "FI", "SE", "DK", "DE", "PL", "NO", "IS", "IE", "FR"]
    table = pd.DataFrame({"geo": ["EU27_2020", *countries, *(c + "001" for c in countries)]})
    with pytest.raises(
        CourseInputError,
        match=r"and 7 more codes.*drop_aggregates=True to leave "
        r"all 13 total codes out\. Keep one level\.$",
    ):
        guards.check_aggregates(table, "geo", where="demo", hint="Keep one level.")


def test_a_blank_code_is_not_a_total():
    assert guards.aggregate_rows(pd.Series(["LV", None, "", "LV003"])).tolist() == [
        True, False, False, False,
    ]  # fmt: skip


# --------------------------------------------------------------------------------------
# Groups too small to compare
# --------------------------------------------------------------------------------------


def test_the_minimum_peer_group_is_the_stated_convention():
    assert guards.MIN_PEERS == 3
    assert guards.small_groups([0, 1, 2, 3, 4]).tolist() == [True, True, True, False, False]
    assert guards.small_groups([1, 2], minimum=2).tolist() == [True, False]


def test_small_groups_are_named_once_each():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        guards.warn_small_groups(["a", "a", "b"], where="demo")
        guards.warn_small_groups([], where="demo")
    assert len(caught) == 1
    assert "2 peer group(s)" in str(caught[0].message)


# --------------------------------------------------------------------------------------
# Unit slips
# --------------------------------------------------------------------------------------


def test_a_fraction_among_percentages_is_named():
    slips = guards.unit_slips([45.0, 52.0, 0.48, 61.0, 38.0], unit="%")
    assert slips.tolist()[2].startswith("a fraction instead of a percentage (0.48 for 48 %)")
    assert [s for i, s in enumerate(slips) if i != 2] == ["", "", "", ""]


def test_a_thousandfold_value_is_named_with_its_likely_unit():
    slips = guards.unit_slips([120.0, 95.0, 110.0, 131_000.0, 80.0], unit="EUR thousand")
    assert slips.tolist() == ["", "", "", "EUR instead of EUR thousand", ""]
    persons = guards.unit_slips([2.1, 3.4, 4100.0, 1.9], unit="thousand persons")
    assert persons.tolist()[2] == "persons instead of thousands"


def test_slips_are_judged_within_each_group():
    # 50,000 is normal among large values and a slip among small ones
    values = [40.0, 55.0, 50_000.0, 61.0, 45_000.0, 52_000.0, 48_000.0, 50_000.0]
    groups = ["small"] * 4 + ["large"] * 4
    slips = guards.unit_slips(values, groups)
    assert [bool(s) for s in slips] == [False, False, True, False, False, False, False, False]


def test_integer_group_codes_give_the_same_slips_as_the_labels():
    values = [40.0, 55.0, 50_000.0, 61.0, 45_000.0, 52_000.0, 48_000.0, 50_000.0]
    labels = ["small"] * 4 + ["large"] * 4
    codes = pd.factorize(pd.Series(labels))[0]
    assert codes.dtype.kind == "i"
    assert guards.unit_slips(values, codes).tolist() == guards.unit_slips(values, labels).tolist()


def test_too_few_values_to_judge_are_left_alone():
    assert guards.unit_slips([1.0, 5000.0, 2.0]).tolist() == ["", "", ""]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(min_value=1.0, max_value=250.0), min_size=4, max_size=40),
    st.sampled_from([None, "EUR thousand", "count"]),
)
def test_values_within_a_factor_of_250_of_each_other_are_never_flagged(values, unit):
    assert (guards.unit_slips(values, unit=unit) == "").all()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=1.0, max_value=100.0), min_size=3, max_size=30))
def test_one_value_a_thousand_times_the_others_is_always_flagged(values):
    slips = guards.unit_slips([*values, max(values) * 1000], unit="EUR thousand")
    assert slips[-1] == "EUR instead of EUR thousand"
    assert (slips[:-1] == "").all()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(min_value=0.0, max_value=1e7) | st.just(np.nan), min_size=0, max_size=40),
    st.sampled_from([None, "EUR", "%", "persons"]),
)
def test_one_group_gives_the_same_slips_as_a_group_label(values, unit):
    # the numpy path of one group (no groupby) against the grouped path
    alone = guards.unit_slips(values, unit=unit)
    assert alone.tolist() == guards.unit_slips(values, ["g"] * len(values), unit=unit).tolist()


def test_check_unit_slips_names_the_rows_of_one_column():
    firms = pd.DataFrame({"member_id": [f"m{i}" for i in range(6)],
                          "employees": [12.0, 30, 0.018, 9, 44, 25]})  # fmt: skip
    with pytest.warns(guards.UnitSlipWarning, match=r"1 value.*'employees'.*m2 \(thousands "
                      r"instead of persons\)"):  # fmt: skip
        guards.check_unit_slips(firms, "employees", keys=["member_id"], where="demo",
                                unit="persons")  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        guards.check_unit_slips(firms.drop(index=2), "employees", keys=["member_id"], where="d")


# --------------------------------------------------------------------------------------
# The same organisation twice
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    ["FENLIA FOODS", "Fenlia Foods, SIA", "SIA Fenlia Foods", "fenlia  foods ltd.", "Fenliá Foods",
     "Fenlia Foods OÜ", "Fenlia Foods A/S"],
)  # fmt: skip
def test_a_name_variant_under_a_new_id_is_named_with_both_ids(variant):
    members = pd.DataFrame({"cluster": ["a", "a", "a"], "member_id": ["a_1", "a_2", "a_9"],
                            "member_name": ["Fenlia Foods SIA", "Hollia AS", variant]})  # fmt: skip
    with pytest.warns(guards.DuplicateWarning, match=r"a_1 'Fenlia Foods SIA' and a_9"):
        guards.warn_name_variants(members, name="member_name", member="member_id",
                                  within=["cluster"], where="demo")  # fmt: skip


def test_names_are_compared_within_their_group_and_the_same_id_is_no_duplicate():
    members = pd.DataFrame({"cluster": ["a", "b", "a"], "member_id": ["a_1", "b_1", "a_1"],
                            "member_name": ["Fenlia SIA", "Fenlia SIA", "Fenlia"]})  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        guards.warn_name_variants(members, name="member_name", member="member_id",
                                  within=["cluster"], where="demo")  # fmt: skip


def test_a_legal_form_inside_a_name_is_kept():
    keys = guards.name_key(pd.Series(["Baltic AS Trading", "AB", "Co-op Foods", None]))
    assert keys.tolist()[:3] == ["baltic as trading", "ab", "co op foods"]
    assert pd.isna(keys.iloc[3])


def test_course_member_names_have_no_variants():
    from course import data

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        guards.warn_name_variants(data.load("cluster_members"), name="member_name",
                                  member="member_id", within=["cluster"], where="demo")  # fmt: skip


# --------------------------------------------------------------------------------------
# Options that became keyword-only
# --------------------------------------------------------------------------------------


@guards.positional_options("start", "end")
def _span(text, *, start, end=None):
    return text[start:end]


def test_positional_options_still_work_with_a_warning_naming_the_keywords():
    with pytest.warns(DeprecationWarning, match=r"_span\(\.\.\., start=1, end=3\)"):
        assert _span("abcdefg", 1, 3) == "bc"
    with pytest.warns(DeprecationWarning):
        assert _span("abcdefg", 2, end=4) == "cd"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _span("abcdefg", start=1, end=3) == "bc"
    assert list(inspect.signature(_span).parameters) == ["text", "start", "end"]
    assert inspect.signature(_span).parameters["start"].kind is inspect.Parameter.KEYWORD_ONLY


def test_positional_options_refuse_a_value_given_twice_or_too_many():
    with pytest.raises(CourseInputError, match="start= is given twice"):
        _span("abc", 1, start=2)
    with pytest.raises(CourseInputError, match="too many values"):
        _span("abc", 1, 2, 3)
