"""course.segmentation on a cluster manager's own member register (issue 17): every slip a
spreadsheet brings gives a clear CourseInputError, a warning that names the rows, or the right
number, and no member is lost or invented.

The right numbers come from independent computations: the SME rule written out per firm and
applied to the two extreme values of every unknown figure, counts with plain pandas.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course import _guards, data
from course import segmentation as sg
from course.checks import CourseInputError, MissingDataWarning
from tests.test_segmentation import rule  # the rule written out, every figure known

MEMBERS = data.load("cluster_members")
FOOD = MEMBERS[MEMBERS["cluster"] == "lv_food"].reset_index(drop=True)
COMPANIES = MEMBERS[MEMBERS["member_type"] == "company"].reset_index(drop=True)
M = 1e6


def quiet(function, *args, **kwargs):
    """The result with the course's warnings switched off (for the clean reference)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


def spoilt(table: pd.DataFrame, row: int, **changes) -> pd.DataFrame:
    table = table.astype({column: object for column in changes})
    for column, value in changes.items():
        table.loc[row, column] = value
    return table


# ---------------------------------------------------------------------------------------
# SME flag: one known figure within its ceiling is enough
# ---------------------------------------------------------------------------------------


def reference(employees, turnover, balance):
    """(class or None, sme or None) with unknown figures: the rule grows with turnover and
    balance sheet, so the class lies between the rule at 0 and at infinity for every unknown
    figure; it is known when the two agree, and SME status when both are SMEs or neither."""
    if np.isnan(employees):
        return None, None
    low = rule(employees, *(0.0 if np.isnan(v) else v for v in (turnover, balance)))
    high = rule(employees, *(np.inf if np.isnan(v) else v for v in (turnover, balance)))
    sme = {low != "large", high != "large"}
    return (low if low == high else None), (sme.pop() if len(sme) == 1 else None)


def classified(table: pd.DataFrame):
    result = quiet(sg.sme_class, table)
    classes = [None if pd.isna(v) else v for v in result["size_class"].astype(object)]
    smes = [None if pd.isna(v) else bool(v) for v in result["sme"]]
    return list(zip(classes, smes, strict=True))


@pytest.mark.parametrize(
    ("employees", "turnover", "balance", "expected"),
    [
        (9, 3 * M, np.nan, (None, True)),  # micro or small: an SME whatever the balance sheet
        (30, 20 * M, np.nan, (None, True)),  # small or medium
        (9, np.nan, 3 * M, (None, True)),
        (9, 1 * M, np.nan, ("micro", True)),  # the known figure meets the micro ceiling
        (100, 60 * M, np.nan, (None, None)),  # medium if the balance sheet is <= 43 m
        (100, 60 * M, 50 * M, ("large", False)),
        (148, np.nan, np.nan, (None, None)),
        (300, np.nan, np.nan, ("large", False)),  # 250 AWU or more: large whatever the money
        (np.nan, 1 * M, 1 * M, (None, None)),  # the headcount is mandatory
        (49, 60 * M, np.nan, (None, None)),  # small? no: 60 m fails; medium or large
    ],
)
def test_one_known_figure_within_its_ceiling_decides(employees, turnover, balance, expected):
    table = pd.DataFrame({"employees": [employees], "turnover_eur": [turnover],
                          "balance_sheet_eur": [balance]})  # fmt: skip
    assert classified(table) == [expected]
    assert reference(employees, turnover, balance) == expected


def random_firms(n: int, seed: int) -> pd.DataFrame:
    """Firms around every ceiling, with about a fifth of each figure missing."""
    rng = np.random.default_rng(seed)
    heads = np.round(rng.lognormal(2.8, 1.3, n), 1)
    turnover = np.round(rng.lognormal(14.8, 1.4, n), -3)
    balance = np.round(turnover * rng.uniform(0.2, 2.0, n), -3)
    table = pd.DataFrame({"employees": heads, "turnover_eur": turnover,
                          "balance_sheet_eur": balance})  # fmt: skip
    for column, share in (("employees", 0.03), ("turnover_eur", 0.2), ("balance_sheet_eur", 0.2)):
        table.loc[rng.uniform(size=n) < share, column] = np.nan
    return table


def test_sme_class_on_200000_random_firms_matches_the_rule_at_the_extremes():
    firms = random_firms(200_000, seed=17)
    expected = [reference(*row) for row in firms.to_numpy()]
    assert classified(firms) == expected
    # the case of the issue exists many times over: an SME whose class alone is open
    open_class_sme = sum(c is None and s is True for c, s in expected)
    assert open_class_sme > 5000


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 400) | st.just(np.nan),
                          st.floats(0, 80 * M) | st.just(np.nan),
                          st.floats(0, 80 * M) | st.just(np.nan)), min_size=1, max_size=30))  # fmt: skip
def test_sme_class_with_unknowns_matches_the_rule_written_out(rows):
    table = pd.DataFrame(rows, columns=["employees", "turnover_eur", "balance_sheet_eur"])
    assert classified(table) == [reference(*row) for row in rows]


def test_the_warning_says_which_open_members_are_smes_anyway():
    table = pd.DataFrame({"member_id": ["a", "b", "c"], "employees": [9, 30, 148],
                          "turnover_eur": [3 * M, 20 * M, np.nan],
                          "balance_sheet_eur": [np.nan, np.nan, np.nan]})  # fmt: skip
    with pytest.warns(MissingDataWarning, match=r"2 of them are SMEs whatever the missing figure "
                      r"\(sme is True; a: micro or small, b: small or medium\); for 1 even SME"):  # fmt: skip
        sg.sme_class(table)


# ---------------------------------------------------------------------------------------
# Blank keys: counted as "(unknown)", never dropped; a blank id is refused
# ---------------------------------------------------------------------------------------

COUNTING = {
    "member_composition": lambda t: sg.member_composition(t, "member_type"),
    "service_uptake": sg.service_uptake,
    "helix_coverage": sg.helix_coverage,
    "member_concentration": sg.member_concentration,
}


@pytest.mark.parametrize("blank", [np.nan, "", "  "])
@pytest.mark.parametrize("name", list(COUNTING))
def test_a_member_without_a_cluster_is_counted_as_unknown(name, blank):
    row = int(np.flatnonzero(MEMBERS["member_type"] == "company")[5])
    table = spoilt(MEMBERS, row, cluster=blank)
    with pytest.warns(MissingDataWarning, match=r"'cluster' is blank in 1 row\(s\) \(rows of "
                      rf"member_id {MEMBERS.loc[row, 'member_id']}\).*'\(unknown\)'"):  # fmt: skip
        result = COUNTING[name](table)
    assert "(unknown)" in set(result["cluster"])
    clean = quiet(COUNTING[name], MEMBERS.drop(index=row))
    others = result[result["cluster"] != "(unknown)"]
    other_clusters = others["cluster"] != MEMBERS.loc[row, "cluster"]
    pd.testing.assert_frame_equal(  # every other cluster's row as without the member
        others[other_clusters.to_numpy()].reset_index(drop=True),
        clean[clean["cluster"] != MEMBERS.loc[row, "cluster"]].reset_index(drop=True),
        check_dtype=False,
    )


def test_no_member_is_lost_from_a_composition():
    table = spoilt(MEMBERS, 3, cluster=None)
    table = spoilt(table, 7, region="")
    composition = quiet(sg.member_composition, table, "member_type")
    assert composition["members"].sum() == len(MEMBERS)
    by_region = quiet(sg.member_composition, table, "member_type", by="region")
    assert by_region["members"].sum() == len(MEMBERS)
    assert by_region.loc[by_region["region"] == "(unknown)", "members"].sum() == 1
    uptake = quiet(sg.service_uptake, table)
    assert uptake.drop_duplicates("cluster")["members"].sum() == len(MEMBERS)


@pytest.mark.parametrize("blank", [None, "", "  "])
@pytest.mark.parametrize(
    "call",
    [
        lambda t: sg.member_composition(t, "member_type"),
        sg.service_uptake, sg.helix_coverage, sg.member_concentration,
        lambda t: sg.segment_members(t, ["employees", "turnover_eur"], k=3),
    ],
)  # fmt: skip
def test_a_blank_member_id_is_refused_naming_the_row(call, blank):
    with pytest.raises(CourseInputError, match=r"'member_id' is blank in 1 row\(s\).*fill it in"):
        call(spoilt(COMPANIES, 4, member_id=blank))


def test_a_blank_category_is_its_own_category_and_shares_still_add_up():
    table = spoilt(FOOD, 2, member_type="  ")
    composition = sg.member_composition(table, "member_type")
    assert composition["member_type"].tolist()[-1] == "(unknown)"
    assert composition.set_index("member_type").loc["(unknown)", "members"] == 1
    assert composition["member_share"].sum() == pytest.approx(1)


def test_roll_up_keeps_a_row_without_its_region():
    employment = data.load("regional_employment").query("year == 2023")
    table = spoilt(employment.reset_index(drop=True), 10, region=None)
    with pytest.warns(MissingDataWarning, match="'region' is blank in 1 row"):
        rolled = sg.roll_up_to_sections(table)
    assert rolled["employment"].sum() == employment["employment"].sum()
    assert (rolled["region"] == "(unknown)").sum() == 1


def test_a_blank_member_type_is_refused_where_it_decides_what_counts():
    with pytest.raises(CourseInputError, match="'member_type' is blank in 1 row"):
        sg.member_concentration(spoilt(FOOD, 3, member_type=None))
    with pytest.raises(CourseInputError, match="'member_type' is blank in 1 row"):
        sg.helix_sphere(spoilt(FOOD, 3, member_type=""))


# ---------------------------------------------------------------------------------------
# Unknowns: counted as a category, left out of averages and named, NaN in sums
# ---------------------------------------------------------------------------------------


def test_an_unknown_export_share_is_an_unknown_band_not_a_non_exporter():
    table = pd.DataFrame({"cluster": ["a"] * 3, "member_id": [1, 2, 3],
                          "export_share": [0.6, 0.3, np.nan]})  # fmt: skip
    composition = sg.member_composition(sg.export_band(table), "export_band")
    counts = dict(zip(composition["export_band"].astype(str), composition["members"],
                      strict=True))  # fmt: skip
    assert counts == {"0 %": 0, "1-25 %": 0, "25-50 %": 1, ">50 %": 1, "(unknown)": 1}


def test_a_sum_with_an_unknown_part_is_nan_and_the_members_are_named():
    table = FOOD.assign(employees=FOOD["employees"].astype(float))
    table.loc[4, "employees"] = np.nan
    with pytest.warns(MissingDataWarning, match=rf"\({FOOD.loc[4, 'member_id']}.*is NaN"):
        stages = sg.member_composition(table, "value_chain_stage", value="employees")
    stage = FOOD.loc[4, "value_chain_stage"]
    row = stages.set_index("value_chain_stage").loc[stage]
    assert np.isnan(row["employees"]) and np.isnan(row["employees_share"])
    assert row["members"] == (FOOD["value_chain_stage"] == stage).sum()  # still counted


def test_a_profile_leaves_out_a_missing_value_and_says_so():
    table = pd.DataFrame({"member_id": list("abcdef"), "segment": [1, 1, 1, 2, 2, None],
                          "employees": [5.0, 7, np.nan, 300, 500, 9]})  # fmt: skip
    with pytest.warns(MissingDataWarning) as caught:
        profile = sg.segment_profile(table, ["employees"])
    messages = " ".join(str(w.message) for w in caught)
    assert "(f)" in messages and "no segment" in messages and "(c)" in messages
    assert profile["members"].tolist() == [3, 2]
    assert profile["employees_median"].tolist() == [6.0, 400.0]  # over the known values


def test_a_company_without_turnover_is_left_out_of_the_hhi_and_named():
    table = COMPANIES.assign(turnover_eur=COMPANIES["turnover_eur"].where(
        COMPANIES["member_id"] != "lv_food_003"))  # fmt: skip
    with pytest.warns(MissingDataWarning, match="lv_food_003"):
        result = sg.member_concentration(table).set_index("cluster")
    food = COMPANIES[(COMPANIES["cluster"] == "lv_food")
                     & (COMPANIES["member_id"] != "lv_food_003")]  # fmt: skip
    shares = 100 * food["turnover_eur"] / food["turnover_eur"].sum()
    assert result.loc["lv_food", "market_hhi"] == pytest.approx((shares**2).sum())
    assert result.loc["lv_food", "members"] == len(food)


def test_a_blank_service_list_is_documented_as_no_service():
    table = pd.DataFrame({"cluster": ["a"] * 3, "member_id": [1, 2, 3],
                          "services_used": ["training", "", None]})  # fmt: skip
    uptake = sg.service_uptake(table).set_index("service")
    assert uptake.loc["training", ["users", "members"]].tolist() == [1, 3]
    assert "no service used" in sg.service_uptake.__doc__


# ---------------------------------------------------------------------------------------
# The same member twice
# ---------------------------------------------------------------------------------------


def test_a_member_under_a_new_id_and_a_name_variant_is_named_with_both_ids():
    first = COMPANIES[COMPANIES["cluster"] == "lv_food"].iloc[0]
    again = first.copy()
    again["member_id"], again["member_name"] = "lv_food_999", first["member_name"].upper()
    table = pd.concat([COMPANIES, again.to_frame().T], ignore_index=True)
    table = table.astype(COMPANIES.dtypes.to_dict())
    for call in (sg.member_concentration, lambda t: sg.member_composition(t, "member_type"),
                 lambda t: sg.segment_members(t, ["employees", "turnover_eur"], k=3)):  # fmt: skip
        with pytest.warns(
            _guards.DuplicateWarning,
            match=rf"{first['member_id']} '{first['member_name']}' and lv_food_999",
        ):
            call(table)


def test_the_same_id_twice_is_refused_with_the_fix_for_a_register():
    table = pd.concat([FOOD, FOOD.iloc[[5]]], ignore_index=True)
    with pytest.raises(CourseInputError, match=r"one row per member: drop the copies "
                       r"\(df.drop_duplicates\('member_id'\)\)"):  # fmt: skip
        sg.member_composition(table, "member_type")


# ---------------------------------------------------------------------------------------
# Total rows
# ---------------------------------------------------------------------------------------


def test_a_total_line_at_the_bottom_of_a_register_is_refused_or_dropped():
    total = FOOD.iloc[[0]].assign(member_id="TOTAL", member_name="Total",
                                  employees=FOOD["employees"].sum())  # fmt: skip
    table = pd.concat([FOOD, total], ignore_index=True)
    with pytest.raises(CourseInputError, match=r"'member_id' holds total rows \('TOTAL'.*"
                       "drop_aggregates=True"):  # fmt: skip
        sg.member_composition(table, "member_type")
    with pytest.warns(_guards.AggregateRowWarning, match="1 total row"):
        dropped = sg.member_composition(table, "member_type", drop_aggregates=True)
    pd.testing.assert_frame_equal(dropped, sg.member_composition(FOOD, "member_type"))


def test_a_total_region_is_refused_in_a_composition_by_region():
    table = spoilt(FOOD, 0, region="TOTAL")
    with pytest.raises(CourseInputError, match=r"'region' holds total rows \('TOTAL'"):
        sg.member_composition(table, "member_type", by="region")


def test_a_member_coded_at_another_nuts_level_is_no_total():
    # members are not totals: a member in LV00 beside others in LV008 is counted once
    table = spoilt(FOOD, 0, region="LV00")
    composition = sg.member_composition(table, "member_type", by="region")
    assert composition["members"].sum() == len(FOOD)


@pytest.mark.parametrize(
    ("industry", "total"),
    [(["C", "C10", "C11"], "'C'"), (["TOTAL", "C10", "C11"], "'TOTAL'"),
     (["C10", "C101", "C11"], "'C10'"), (["B-E", "C10", "C11"], "'B-E'")],
)  # fmt: skip
def test_roll_up_refuses_totals_beside_their_parts(industry, total):
    table = pd.DataFrame({"industry": industry, "employment": [30, 10, 20]})
    with pytest.raises(CourseInputError, match=rf"total rows \({total}.*drop_aggregates=True"):
        sg.roll_up_to_sections(table)
    with pytest.warns(_guards.AggregateRowWarning):
        rolled = sg.roll_up_to_sections(table, drop_aggregates=True)
    assert rolled["employment"].sum() == 30  # the total (first row) left out, the parts kept


def test_roll_up_refuses_a_country_beside_its_regions():
    table = pd.DataFrame({"region": ["LV", "LV008", "LV003"], "industry": ["C10"] * 3,
                          "employment": [30, 10, 20]})  # fmt: skip
    with pytest.raises(CourseInputError, match=r"'region' holds total rows \('LV'"):
        sg.roll_up_to_sections(table)


# ---------------------------------------------------------------------------------------
# Unit slips
# ---------------------------------------------------------------------------------------


def test_a_turnover_in_eur_thousand_is_named():
    table = COMPANIES.copy()
    row = int(np.flatnonzero(table["cluster"] == "lv_food")[3])
    table.loc[row, "turnover_eur"] = table.loc[row, "turnover_eur"] / 1000
    member = table.loc[row, "member_id"]
    for call in (sg.sme_class, sg.member_concentration,
                 lambda t: sg.segment_members(t, ["employees", "turnover_eur"], k=3),
                 lambda t: sg.member_composition(t, "member_type", value="turnover_eur")):  # fmt: skip
        with pytest.warns(
            _guards.UnitSlipWarning,
            match=rf"'turnover_eur'.*{member} \(EUR thousand instead of EUR\)",
        ):
            call(table)


def test_a_headcount_in_thousands_is_named():
    # a firm of 20-40 staff typed in thousands (0.029): 1/300 of the median (13) or less
    table = COMPANIES.assign(employees=COMPANIES["employees"].astype(float))
    row = int(np.flatnonzero(table["employees"].between(20, 40))[0])
    table.loc[row, "employees"] = table.loc[row, "employees"] / 1000
    with pytest.warns(_guards.UnitSlipWarning, match=r"thousands instead of persons"):
        sg.sme_class(table)
    with pytest.warns(_guards.UnitSlipWarning, match=r"thousands instead of persons"):
        sg.size_band(table)


def test_the_course_data_give_no_slip_duplicate_or_total_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error", _guards.UnitSlipWarning)
        warnings.simplefilter("error", _guards.DuplicateWarning)
        warnings.simplefilter("error", _guards.AggregateRowWarning)
        warnings.simplefilter("ignore", MissingDataWarning)
        for _cluster, rows in MEMBERS.groupby("cluster"):
            companies = rows[rows["member_type"] == "company"]
            sg.sme_class(rows)
            sg.member_composition(rows, "value_chain_stage", value="employees")
            sg.member_concentration(rows)
            sg.segment_members(companies, ["employees", "turnover_eur", "export_share"],
                               k=range(2, 4))  # fmt: skip


# ---------------------------------------------------------------------------------------
# Messages that point to the right fix
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [sg.sme_class, lambda t: sg.member_composition(t, "size_class"), sg.member_concentration,
     lambda t: sg.segment_members(t, ["employees"]), sg.service_uptake, sg.helix_coverage],
)  # fmt: skip
def test_an_empty_table_after_a_capitalised_filter_says_how_values_are_written(call):
    empty = MEMBERS[MEMBERS["member_type"] == "Company"].assign(size_class="micro")
    with pytest.raises(CourseInputError, match=r"the table is empty.*'company'.*\(not 'Company'\)"):
        call(empty)


def test_a_capitalised_member_type_lists_the_types_that_exist():
    with pytest.raises(CourseInputError, match=r"'Company'. Did you mean 'company'\? The table's "
                       r"member types are 'company', 'education', 'other'"):  # fmt: skip
        sg.member_concentration(MEMBERS, member_types=["Company"])


def test_a_segmentation_result_is_answered_with_the_table_it_holds():
    result = sg.segment_members(COMPANIES[COMPANIES["cluster"] == "lv_food"],
                                ["employees", "turnover_eur"], k=3)  # fmt: skip
    with pytest.raises(CourseInputError, match=r"got Segmentation. .*pass its table \.members"):
        sg.service_uptake(result, by="segment")
    with pytest.raises(CourseInputError, match=r"pass its table \.members"):
        sg.segment_profile(result, ["employees"])
    from course import answers

    with pytest.raises(CourseInputError, match=r"pass its table \.profile \(e.g. result.profile\)"):
        answers.value(result, "members", segment=1)


def test_a_column_empty_in_every_row_is_not_called_text():
    firms = pd.DataFrame({"employees": [9, 30], "turnover_eur": [3 * M, 20 * M],
                          "balance_sheet_eur": [None, None]})  # fmt: skip
    with pytest.raises(CourseInputError, match=r"'balance_sheet_eur' is empty in every row.*"
                       r"pandas.to_numeric"):  # fmt: skip
        sg.sme_class(firms)
    fixed = firms.assign(balance_sheet_eur=pd.to_numeric(firms["balance_sheet_eur"]))
    assert quiet(sg.sme_class, fixed)["sme"].tolist() == [True, True]


def test_the_input_is_never_changed():
    table = spoilt(MEMBERS, 3, cluster="")
    before = table.copy()
    for call in COUNTING.values():
        quiet(call, table)
    quiet(sg.sme_class, table)
    pd.testing.assert_frame_equal(table, before)
