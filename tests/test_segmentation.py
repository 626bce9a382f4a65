"""Tests of course.segmentation (sizes, NACE, composition, five forces) against independent
computations: the SME rule written out as plain if/else per firm, counts with collections.Counter,
published titles of NACE Rev. 2, and scorecards worked out by hand.
"""

from __future__ import annotations

import warnings
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course import data
from course import segmentation as sg
from course.checks import CourseInputError, MissingDataWarning

MEMBERS = data.load("cluster_members")
M = 1e6


def rule(employees, turnover, balance):
    """Recommendation 2003/361/EC, Annex, Article 2, one firm at a time (no missing values)."""
    for name, heads, t_max, b_max in (("micro", 10, 2 * M, 2 * M), ("small", 50, 10 * M, 10 * M),
                                      ("medium", 250, 50 * M, 43 * M)):  # fmt: skip
        if employees < heads and (turnover <= t_max or balance <= b_max):
            return name
    return "large"


def classes(rows):
    table = pd.DataFrame(rows, columns=["employees", "turnover_eur", "balance_sheet_eur"])
    return sg.sme_class(table)["size_class"].astype(object).tolist()


# ---------------------------------------------------------------------------------------
# SME rule on every boundary
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("employees", "turnover", "balance", "expected"),
    [
        # headcount boundaries with small money
        (9, 1 * M, 1 * M, "micro"), (10, 1 * M, 1 * M, "small"),
        (49, 1 * M, 1 * M, "small"), (50, 1 * M, 1 * M, "medium"),
        (249, 1 * M, 1 * M, "medium"), (250, 1 * M, 1 * M, "large"),
        (9.99, 1 * M, 1 * M, "micro"),  # annual work units can be fractions
        # micro ceilings: EUR 2 m turnover OR EUR 2 m balance sheet
        (5, 2 * M, 5 * M, "micro"), (5, 2 * M + 1, 5 * M, "small"),
        (5, 5 * M, 2 * M, "micro"), (5, 5 * M, 2 * M + 1, "small"),
        # small ceilings: EUR 10 m OR EUR 10 m
        (20, 10 * M, 30 * M, "small"), (20, 10 * M + 1, 30 * M, "medium"),
        (20, 30 * M, 10 * M, "small"), (20, 30 * M, 10 * M + 1, "medium"),
        # medium ceilings: EUR 50 m turnover OR EUR 43 m balance sheet
        (100, 50 * M, 60 * M, "medium"), (100, 50 * M + 1, 60 * M, "large"),
        (100, 60 * M, 43 * M, "medium"), (100, 60 * M, 43 * M + 1, "large"),
        # the OR: failing one ceiling is fine while the other is met
        (9, 100 * M, 1.5 * M, "micro"), (49, 100 * M, 9 * M, "small"),
        # both over: the next class up, whatever the headcount
        (3, 2.5 * M, 2.5 * M, "small"), (3, 11 * M, 11 * M, "medium"),
        (3, 51 * M, 44 * M, "large"),
    ],
)  # fmt: skip
def test_sme_rule_on_every_boundary(employees, turnover, balance, expected):
    assert classes([(employees, turnover, balance)]) == [expected]
    assert rule(employees, turnover, balance) == expected  # the reference agrees


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 2000), st.floats(0, 200 * M), st.floats(0, 200 * M)),
                min_size=1, max_size=40))  # fmt: skip
def test_sme_class_matches_the_rule_written_out(rows):
    assert classes(rows) == [rule(*row) for row in rows]


def test_sme_flag_and_missing_money():
    table = pd.DataFrame(
        {
            "member_id": ["a", "b", "c", "d", "e", "f"],
            "employees": [148, 300, 5, 5, 5, np.nan],
            "turnover_eur": [np.nan, np.nan, np.nan, 3 * M, 1 * M, 1 * M],
            "balance_sheet_eur": [np.nan, np.nan, 1 * M, np.nan, np.nan, 1 * M],
        }
    )
    with pytest.warns(
        MissingDataWarning,
        match=r"3 row\(s\) are left out \(a; d; f\).*d: micro or small.*Do not fill",
    ):
        result = sg.sme_class(table)
    # a: under 250, no money -> unknown; b: 250+ -> large; c: balance meets micro -> micro;
    # d: turnover over 2 m, balance unknown -> micro or small: an SME, class unknown;
    # e: turnover meets micro; f: no headcount
    shown = [None if pd.isna(v) else v for v in result["size_class"].astype(object)]
    assert shown == [None, "large", "micro", None, "micro", None]
    assert [None if pd.isna(v) else v for v in result["sme"]] == [None, False, True, True,
                                                                  True, None]  # fmt: skip
    pd.testing.assert_frame_equal(result.drop(columns=["size_class", "sme"]), table)


def test_sme_class_on_the_course_data():
    with pytest.warns(MissingDataWarning, match="16 row"):
        result = sg.sme_class(MEMBERS)
    known = MEMBERS["turnover_eur"].notna()
    expected = [rule(*row) for row in MEMBERS.loc[known, ["employees", "turnover_eur",
                                                          "balance_sheet_eur"]].to_numpy()]  # fmt: skip
    assert result.loc[known, "size_class"].astype(object).tolist() == expected
    # no money: colleges with 250 AWU or more are large, the others have no class
    without = result[~known]
    assert (without["size_class"].isna() == (without["employees"] < 250)).all()
    assert Counter(result["size_class"].dropna().astype(str)) == {
        "small": 96, "micro": 80, "medium": 48, "large": 20}  # fmt: skip


def test_sme_class_refuses_bad_input():
    good = pd.DataFrame({"employees": [5], "turnover_eur": [1.0], "balance_sheet_eur": [1.0]})
    with pytest.raises(CourseInputError, match="no column 'employees'"):
        sg.sme_class(good.rename(columns={"employees": "staff"}))
    with pytest.raises(CourseInputError, match="the table is empty"):
        sg.sme_class(good.iloc[:0])
    with pytest.raises(CourseInputError, match="negative value"):
        sg.sme_class(good.assign(turnover_eur=-1.0))
    with pytest.raises(CourseInputError, match="must hold numbers"):
        sg.sme_class(good.assign(employees="5"))


def test_size_band_is_headcount_only():
    heads = pd.DataFrame({"employees": [0, 9, 10, 49, 50, 249, 250, 10_000, np.nan]})
    bands = sg.size_band(heads)["size_band"].astype(object).tolist()
    assert bands[:8] == ["0-9", "0-9", "10-49", "10-49", "50-249", "50-249", "250+", "250+"]
    assert pd.isna(bands[8])
    big_money = pd.DataFrame({"employees": [40], "turnover_eur": [60 * M],
                              "balance_sheet_eur": [60 * M]})  # fmt: skip
    assert sg.size_band(big_money)["size_band"].item() == "10-49"
    assert sg.sme_class(big_money)["size_class"].item() == "large"


# ---------------------------------------------------------------------------------------
# NACE helpers
# ---------------------------------------------------------------------------------------


def test_nace_table_is_rev2_complete():
    table = sg.nace_table()
    assert (table["level"] == "section").sum() == 21 and (table["level"] == "division").sum() == 88
    assert sg.NACE_REVISION == "NACE Rev. 2"


def test_nace_labels_give_official_titles_levels_and_sections():
    codes = pd.DataFrame({"industry": ["C10", "J62", "A", "C10.11", "1011", "H52.1"]})
    labels = sg.nace_labels(codes)
    assert labels["industry"].tolist() == codes["industry"].tolist()  # kept as written
    assert labels["nace_level"].tolist() == ["division", "division", "section", "class",
                                             "class", "group"]  # fmt: skip
    assert labels["section"].tolist() == ["C", "J", "A", "C", "C", "H"]
    assert (
        labels.loc[1, "industry_name"] == "Computer programming, consultancy and related activities"
    )
    assert labels.loc[2, "industry_name"] == "Agriculture, forestry and fishing"
    assert labels.loc[5, "section_name"] == "Transportation and storage"
    assert labels.loc[5, "division_name"] == "Warehousing and support activities for transportation"
    assert pd.isna(labels.loc[2, "division"]) and pd.isna(labels.loc[3, "industry_name"])


def test_validate_nace_normalises_and_suggests():
    table = pd.DataFrame({"industry": ["10.11", " c10 ", "j62", "C22.2"]})
    assert sg.validate_nace(table)["industry"].tolist() == ["C1011", "C10", "J62", "C222"]
    with pytest.raises(CourseInputError, match=r"'C1O'.*Did you mean 'C10'"):
        sg.validate_nace(pd.DataFrame({"industry": ["C1O"]}))
    with pytest.raises(CourseInputError, match=r"'X10'.*Did you mean 'C10'"):
        sg.validate_nace(pd.DataFrame({"industry": ["X10"]}))
    with pytest.raises(CourseInputError, match=r"'K62'.*section J.*'J62'.*Rev. 2.1"):
        sg.validate_nace(pd.DataFrame({"industry": ["K62"]}))
    with pytest.raises(CourseInputError, match=r"section V exists only in NACE Rev. 2.1"):
        sg.validate_nace(pd.DataFrame({"industry": ["V"]}))
    with pytest.raises(CourseInputError, match="C99"):
        sg.validate_nace(pd.DataFrame({"industry": ["C99"]}))
    for blank in (None, "", "  "):
        with pytest.raises(CourseInputError, match=r"'industry' is blank in 1 row\(s\) \(rows 1\)"):
            sg.validate_nace(pd.DataFrame({"industry": ["C10", blank]}))
    with pytest.raises(CourseInputError, match="the table is empty"):
        sg.validate_nace(pd.DataFrame({"industry": []}))


def test_every_course_member_code_is_valid():
    assert sg.validate_nace(MEMBERS)["industry"].equals(MEMBERS["industry"])


def test_roll_up_to_sections_against_a_plain_groupby():
    employment = data.load("regional_employment")
    rolled = sg.roll_up_to_sections(employment)
    expected = (employment.assign(section=employment["industry"].str[0])
                .groupby(["region", "year", "section"])["employment"].sum())  # fmt: skip
    got = rolled.set_index(["region", "year", "section"])["employment"]
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_dtype=False)
    assert rolled["employment"].sum() == employment["employment"].sum()
    assert set(rolled["section"]) == set("ABCDEFGHIJKLMN")


def test_roll_up_keeps_missing_unknown_and_refuses_double_counting():
    emp = pd.DataFrame({"industry": ["C10", "C11", "J62"], "employment": [10, np.nan, 7]})
    with pytest.warns(MissingDataWarning, match=r"1 cell.*C11.*sections are NaN"):
        rolled = sg.roll_up_to_sections(emp)
    assert np.isnan(rolled.loc[0, "employment"]) and rolled.loc[1, "employment"] == 7
    with pytest.raises(CourseInputError, match="total rows \\('C'.*counted twice"):
        sg.roll_up_to_sections(pd.DataFrame({"industry": ["C", "C10"], "employment": [5, 5]}))
    with pytest.raises(CourseInputError, match="repeat the same"):
        sg.roll_up_to_sections(pd.DataFrame({"industry": ["C10", "C10"], "employment": [5, 5]}))


# ---------------------------------------------------------------------------------------
# Member composition, helix, concentration, services
# ---------------------------------------------------------------------------------------


def test_member_composition_against_counter():
    composition = sg.member_composition(MEMBERS, "member_type")
    for cluster, rows in MEMBERS.groupby("cluster"):
        counts = Counter(rows["member_type"])
        got = composition[composition["cluster"] == cluster].set_index("member_type")
        assert list(got.index) == list(sg.MEMBER_TYPES)
        for kind in sg.MEMBER_TYPES:
            assert got.loc[kind, "members"] == counts.get(kind, 0)
            assert got.loc[kind, "member_share"] == pytest.approx(counts.get(kind, 0) / len(rows))
    assert composition.groupby("cluster")["member_share"].sum().round(12).eq(1).all()


def test_member_composition_of_size_classes_counts_the_unknown():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingDataWarning)
        sized = sg.sme_class(MEMBERS)
    composition = sg.member_composition(sized, "size_class", value="employees")
    lv_food = composition[composition["cluster"] == "lv_food"].set_index("size_class")
    assert lv_food["members"].to_dict() == {"micro": 21, "small": 20, "medium": 9, "large": 1,
                                            "(unknown)": 7}  # fmt: skip
    food = MEMBERS[MEMBERS["cluster"] == "lv_food"]
    assert lv_food["employees"].sum() == food["employees"].sum()
    assert lv_food["employees_share"].sum() == pytest.approx(1)


def test_member_composition_with_missing_values_and_all_bands():
    table = MEMBERS.pipe(sg.export_band)
    whole = sg.member_composition(table, "export_band", by=None, value="turnover_eur")
    # the course data store an unknown export share (no turnover) as missing: a row of its own
    *bands, unknown = whole["export_band"].astype(str).tolist()
    assert bands == ["0 %", "1-25 %", "25-50 %", ">50 %"] and "unknown" in unknown
    assert whole["members"].iloc[-1] == 25
    assert whole["members"].sum() == len(MEMBERS)
    assert whole["turnover_eur"].isna().any()  # colleges have no turnover: not 0
    assert whole["turnover_eur_share"].isna().equals(whole["turnover_eur"].isna())


def test_export_band_boundaries_and_errors():
    shares = pd.DataFrame({"export_share": [0, 1e-9, 0.25, 0.2501, 0.5, 0.5001, 1, np.nan]})
    bands = sg.export_band(shares)["export_band"].astype(object).tolist()
    assert bands[:7] == ["0 %", "1-25 %", "1-25 %", "25-50 %", "25-50 %", ">50 %", ">50 %"]
    assert pd.isna(bands[7])
    with pytest.raises(CourseInputError, match="looks like a percentage.*Divide it by 100"):
        sg.export_band(pd.DataFrame({"export_share": [35.0]}))


def test_helix_coverage():
    coverage = sg.helix_coverage(MEMBERS)
    assert coverage["quadruple_helix"].all()
    lv_food = coverage[coverage["cluster"] == "lv_food"].iloc[0]
    assert lv_food["business_members"] == 44 and lv_food["academia_members"] == 8
    small = pd.DataFrame({"cluster": ["x", "x", "y"], "member_id": [1, 2, 3],
                          "member_type": ["company", "research", "company"]})  # fmt: skip
    assert sg.helix_coverage(small)["triple_helix"].tolist() == [False, False]
    with pytest.raises(CourseInputError, match="no helix sphere.*'firm'"):
        sg.helix_sphere(small.assign(member_type="firm"))


def test_member_concentration_reuses_market_hhi():
    result = sg.member_concentration(MEMBERS)
    assert result.columns.tolist() == ["cluster", "market_hhi", "members", "concentration"]
    for cluster, rows in MEMBERS[MEMBERS["member_type"] == "company"].groupby("cluster"):
        shares = 100 * rows["turnover_eur"] / rows["turnover_eur"].sum()
        got = result.set_index("cluster").loc[cluster]
        assert got["market_hhi"] == pytest.approx((shares**2).sum())
        assert got["members"] == len(rows)
    assert result.set_index("cluster").loc["ee_logistics", "concentration"] == "moderate"
    with pytest.raises(CourseInputError, match="no member has member_type 'companies'"):
        sg.member_concentration(MEMBERS, member_types=["companies"])


def test_service_uptake_against_a_loop():
    uptake = sg.service_uptake(MEMBERS)
    for (cluster, service), users in uptake.set_index(["cluster", "service"])["users"].items():
        rows = MEMBERS[MEMBERS["cluster"] == cluster]["services_used"].fillna("")
        assert users == sum(service in text.split(";") for text in rows)
    assert uptake["uptake"].between(0, 1).all()
    with pytest.raises(CourseInputError, match="does not know: 'coffee'"):
        sg.service_uptake(MEMBERS.assign(services_used="coffee"))


def test_composition_refuses_bad_input():
    with pytest.raises(CourseInputError, match="repeat the same"):
        sg.member_composition(pd.concat([MEMBERS, MEMBERS.iloc[:1]]), "member_type")
    with pytest.raises(CourseInputError, match="the table is empty"):
        sg.member_composition(MEMBERS.iloc[:0], "member_type")
    with pytest.raises(CourseInputError, match="no column 'member_typ'"):
        sg.member_composition(MEMBERS, "member_typ")
    with pytest.raises(CourseInputError, match="ONE column"):
        sg.member_composition(MEMBERS, ["member_type", "cluster"])


# ---------------------------------------------------------------------------------------
# Five forces
# ---------------------------------------------------------------------------------------

SCORES = [4, 3, 2, 4, 2, 2, 3, 4, 4, 3, 3, 2, 5, 4, 3]


def scored(**changes):
    card = sg.five_forces_scorecard()
    card["score"] = SCORES
    card["evidence"] = "member survey 2024"
    return card.assign(**changes)


def test_five_forces_worked_by_hand():
    result = sg.five_forces(scored())
    # entry (4+3+2+4)/4, suppliers (2+2+3)/3, buyers (4+4+3)/3, substitutes (3+2)/2, rivalry (5+4+3)/3
    expected = [13 / 4, 7 / 3, 11 / 3, 5 / 2, 4.0]
    np.testing.assert_allclose(result["force_score"], expected)
    assert result["pressure"].tolist() == ["medium", "low", "high", "medium", "high"]
    overall = sg.attractiveness(result)
    assert overall["attractiveness"].item() == pytest.approx(6 - np.mean(expected))
    assert overall["strongest_force"].item() == "rivalry"
    pd.testing.assert_frame_equal(sg.attractiveness(scored()), overall)


def test_five_forces_weights_and_groups():
    card = scored()
    card.loc[0, "weight"], card.loc[1:3, "weight"] = 0.4, 0.2  # entry: 0.4*4 + 0.2*(3+2+4)
    groups = pd.concat([card.assign(group="A"), scored(score=3).assign(group="B")])
    result = sg.five_forces(groups, by="group")
    assert result.loc[0, "force_score"] == pytest.approx(0.4 * 4 + 0.2 * 9)
    assert (result.loc[result["group"] == "B", "force_score"] == 3).all()
    overall = sg.attractiveness(result, by="group")
    assert overall["attractiveness"].tolist()[1] == pytest.approx(3)
    card.loc[0:3, "weight"] = 0.33  # typed thirds add up to 0.99 within the tolerance...
    card = card[card.index != 3]
    assert sg.five_forces(card)["force_score"].iloc[0] == pytest.approx(3)


def test_five_forces_accepts_readable_force_names():
    card = scored(force=scored()["force_name"])
    pd.testing.assert_frame_equal(sg.five_forces(card), sg.five_forces(scored()))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c.drop(columns="weight"), "no column 'weight'"),
        (lambda c: c.iloc[:0], "the table is empty"),
        (lambda c: c.assign(score=c["score"].where(c.index != 2)), "'Access to distribution channels' of force 'entry_threat' has no score"),
        (lambda c: c.assign(score=c["score"].replace({5: 6})), "has 6 as score; a score is a number from 1 to 5"),
        (lambda c: c.assign(score=c["score"].replace({2: 0})), "has 0 as score"),
        (lambda c: c.assign(weight=c["weight"] * 2), "weights of force 'entry_threat' add up to 2"),
        (lambda c: c.assign(weight=c["weight"] * 1.25), "add up to 1.25, not 1 (4 drivers: 'Economies of scale' 0.3125; 'Capital"),
        (lambda c: c.assign(weight=-c["weight"]), "has -0.25 as weight"),
        (lambda c: c[c["force"] != "substitutes"], "no driver for 'substitutes'"),
        (lambda c: c.assign(force=c["force"].replace({"rivalry": "rivals"})), "'rivals' is not one of the five forces"),
        (lambda c: pd.concat([c, c.iloc[:1]]), "'Economies of scale' is listed 2 times for force 'entry_threat'"),
        (lambda c: pd.concat([c, c.iloc[:1].assign(driver="economies of scale ")], ignore_index=True), "'Economies of scale' is listed 2 times.*rows 0, 15.*card.drop(index=15)"),
        (lambda c: c.assign(driver=c["driver"].where(c.index != 3, " ")), "'driver' is blank in 1 row"),
        (lambda c: c.assign(force=c["force"].where(c.index != 3, None)), "'force' is blank in 1 row"),
        (lambda c: c.assign(score="high"), "must hold numbers"),
    ],
)  # fmt: skip
def test_scorecard_validation_errors(change, message):
    with pytest.raises(CourseInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        sg.five_forces(change(scored()))


def test_a_driver_without_evidence_is_flagged():
    with pytest.warns(UserWarning, match="1 driver.*no evidence.*'Economies of scale'"):
        sg.five_forces(scored(evidence=["", *["survey"] * 14]))


def test_a_blank_scorecard_says_what_to_fill_in():
    with pytest.raises(CourseInputError, match="has no score"):
        sg.five_forces(sg.five_forces_scorecard())


def test_member_concentration_reads_the_hhi_with_either_edition_of_the_guidelines():
    # 7 equal members: HHI 1,429, unconcentrated under 2010's bands, moderate under 2023's
    firms = pd.DataFrame({"cluster": "a", "member_id": range(7), "member_type": "company",
                          "turnover_eur": 1.0})  # fmt: skip
    assert sg.member_concentration(firms)["concentration"].item() == "unconcentrated"
    bands_2023 = sg.member_concentration(firms, moderate_threshold=1000, high_threshold=1800)
    assert bands_2023["concentration"].item() == "moderate"
