"""Every number the lesson of module 1 quotes in its prose, recomputed from the course data.

The lesson text (``01-cluster-economics.md``) states numbers a learner will repeat to a board.
Each test recomputes one claim with plain pandas from the CSV files (not with
``course.economics``, so a bug in the library cannot confirm itself) and checks that the text
quotes it: when you change the text, change the test, and the other way round.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from tests.conftest import ROOT
from tests.conftest import quoted as _quoted

LESSON = ROOT / "modules" / "01-cluster-economics" / "01-cluster-economics.md"
GLOSSARY = ROOT / "modules" / "glossary.md"
START, END = 2013, 2023


@pytest.fixture(scope="module")
def employment() -> pd.DataFrame:
    return pd.read_csv(ROOT / "datasets" / "regional_employment.csv")


@pytest.fixture(scope="module")
def categories() -> pd.DataFrame:
    return pd.read_csv(ROOT / "datasets" / "cluster_categories.csv")


@pytest.fixture(scope="module")
def end(employment) -> pd.DataFrame:
    return employment[employment["year"] == END]


def _lq(table: pd.DataFrame, key: str = "industry") -> pd.DataFrame:
    """LQ = (e_ir / e_r) / (E_i / E) with plain group sums, one row per region x key."""
    cells = table.groupby(["region", key], as_index=False)["employment"].sum()
    e_r = cells.groupby("region")["employment"].transform("sum")
    e_i = cells.groupby(key)["employment"].transform("sum")
    return cells.assign(
        lq=(cells["employment"] / e_r) / (e_i / cells["employment"].sum()),
        focus=cells["employment"] / e_r,
    )


def _lq_of(table, region, code, key="industry") -> float:
    result = _lq(table, key)
    return result.loc[(result["region"] == region) & (result[key] == code), "lq"].item()


def _by_category(table, categories, columns=("employment",)):
    merged = table.merge(categories[["industry", "category", "traded"]], on="industry")
    return merged.groupby(["region", "category", "traded", "year"], as_index=False)[
        list(columns)
    ].sum()


def _stars(cells: pd.DataFrame) -> pd.DataFrame:
    """European Cluster Observatory 2007-2011 stars, written out (top 10 % = >= P90)."""
    cells = _lq(cells, "category")
    cells = cells[cells["employment"] > 0].copy()
    p90 = cells.groupby("category")[["employment", "focus"]].transform(
        lambda s: np.quantile(s, 0.9)
    )
    cells["size_star"] = cells["employment"] >= p90["employment"]
    cells["stars"] = (
        cells["size_star"].astype(int)
        + (cells["lq"] >= 2).astype(int)
        + (cells["focus"] >= p90["focus"]).astype(int)
    )
    return cells


def _shift_share(employment, region, industry):
    e = employment.pivot_table(
        index=["region", "industry"], columns="year", values="employment", aggfunc="sum"
    )
    g = e[END].sum() / e[START].sum() - 1
    by_industry = e.groupby(level="industry").sum()
    g_i = by_industry.loc[industry, END] / by_industry.loc[industry, START] - 1
    e0, e1 = e.loc[(region, industry), START], e.loc[(region, industry), END]
    return {
        "e0": e0,
        "e1": e1,
        "national_share": e0 * g,
        "industry_mix": e0 * (g_i - g),
        "regional_shift": e0 * ((e1 - e0) / e0 - g_i),
        "homothetic": e.xs(region, level="region")[START].sum()
        * by_industry.loc[industry, START]
        / e[START].sum(),
        "r_minus_gi": (e1 - e0) / e0 - g_i,
    }


def _strong(employment, categories) -> pd.DataFrame:
    """US Cluster Mapping rule on traded categories of the end year (numpy linear quantiles)."""
    cells = _by_category(
        employment[employment["year"] == END], categories, ("employment", "establishments")
    )
    cells = cells[cells["traded"]]
    cells = cells.merge(
        _lq(cells, "category")[["region", "category", "lq"]], on=["region", "category"]
    )
    cells = cells[cells["employment"] > 0].copy()
    rows = []
    for _, group in cells.groupby("category"):
        q = {c: np.quantile(group[c], [0.25, 0.75]) for c in ("lq", "employment", "establishments")}
        big = (group["employment"] > q["employment"][0]) & (
            group["establishments"] > q["establishments"][0]
        )
        rows.append(group.assign(
            qualifying=big & (group["lq"] > q["lq"][0]),
            strong=big & (group["lq"] >= q["lq"][1]) & (group["lq"] >= 1),
            strong10=big & (group["lq"] >= np.quantile(group["lq"], 0.9)) & (group["lq"] >= 1),
        ))  # fmt: skip
    return pd.concat(rows)


def _krugman_rest(table: pd.DataFrame, key: str = "industry") -> pd.Series:
    shares = table.pivot_table(
        index="region", columns=key, values="employment", aggfunc="sum", fill_value=0
    )
    out = {}
    for region in shares.index:
        own = shares.loc[region] / shares.loc[region].sum()
        rest = shares.drop(index=region).sum()
        out[region] = (own - rest / rest.sum()).abs().sum()
    return pd.Series(out)


def _hoover(table: pd.DataFrame) -> pd.Series:
    shares = table.pivot_table(
        index="region", columns="industry", values="employment", aggfunc="sum", fill_value=0
    )
    whole = shares.sum() / shares.to_numpy().sum()
    return shares.apply(lambda row: 0.5 * (row / row.sum() - whole).abs().sum(), axis=1)


# --- section 2: the data ------------------------------------------------------------------


def test_the_data_description(text, employment):
    assert employment["region"].nunique() == 39
    assert employment["industry"].nunique() == 73
    assert sorted(employment["section"].unique()) == list("ABCDEFGHIJKLMN")  # sections A to N only
    vidzeme = employment[(employment["year"] == END) & (employment["region"] == "LV008")]
    assert vidzeme["employment"].sum() == 69358
    _quoted(text, "39 regions", "73 NACE divisions", "sections A to N", "69,358")


# --- section 3: location quotients ----------------------------------------------------------


def test_vidzeme_top_location_quotients(text, end):
    lq = _lq(end)
    top = lq[lq["region"] == "LV008"].nlargest(4, "lq")
    assert top["industry"].tolist() == ["A02", "C10", "C16", "A01"]
    assert top["lq"].round(2).tolist() == [5.03, 3.63, 3.48, 2.02]
    _quoted(
        text, "forestry (A02, LQ 5.03)", "food products (C10, 3.63)", "(C16, 3.48)", "(A01, 2.02)"
    )


def test_midtjylland_food_against_two_reference_areas(text, end):
    assert round(_lq_of(end, "DK04", "C10"), 2) == 2.21
    assert round(_lq_of(end[end["country"] == "DK"], "DK04", "C10"), 2) == 1.29
    food = end[end["industry"] == "C10"].set_index("region")["employment"]
    assert (food["DK04"], food["LV008"]) == (25150, 7093)
    _quoted(text, "About **2.21**", "About **1.29**", "25,150", "7,093")


def test_the_reference_area_changes_the_ranking(text, end):
    wide = _lq(end).query("region == 'LV008'").set_index("industry")["lq"]
    national = (
        _lq(end[end["country"] == "LV"]).query("region == 'LV008'").set_index("industry")["lq"]
    )
    pairs = {
        code: (round(wide[code], 2), round(national[code], 2))
        for code in ["A02", "C10", "C16", "H52"]
    }
    assert pairs == {
        "A02": (5.03, 3.05),
        "C10": (3.63, 2.90),
        "C16": (3.48, 1.87),
        "H52": (1.50, 0.99),
    }
    assert wide.rank(ascending=False)["H52"] == 5
    assert national.rank(ascending=False, method="min")["H52"] == 29
    _quoted(
        text,
        "from 5.03 to 3.05",
        "from 3.63 to 2.90",
        "from 3.48 to 1.87",
        "1.50",
        "**0.99 against Latvia (29th)**",
    )


# --- section 4: stars ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stars(end, categories):
    return _stars(_by_category(end, categories))


def test_vidzeme_two_stars_and_no_size_star(text, stars):
    vidzeme = stars[stars["region"] == "LV008"]
    assert set(vidzeme.loc[vidzeme["stars"] >= 2, "category"]) == {
        "forestry_wood",
        "food_processing",
    }
    assert not vidzeme["size_star"].any()
    _quoted(text, "`['forestry_wood', 'food_processing']`")


def test_the_size_star_compares_nuts_3_with_nuts_2(text, stars, end):
    food = stars[stars["category"] == "food_processing"].sort_values("employment", ascending=False)
    assert food["region"].tolist().index("LV008") + 1 == 16 and len(food) == 39
    assert food.loc[food["size_star"], "region"].tolist() == ["DK04", "DK01", "DK03", "SE22"]
    level = end.groupby("region")["nuts_level"].first()
    totals = end.groupby("region")["employment"].sum()
    assert (level == 3).sum() == 21
    assert totals[level == 2].median() == 342546.5 and totals[level == 3].median() == 71230
    assert round(totals[level == 2].median() / totals[level == 3].median()) == 5
    nuts3_food = food[food["region"].map(level) == 3]["region"].tolist()
    assert nuts3_food[:2] == ["LT011", "LV008"]  # 2nd of the NUTS 3 regions, after Vilnius
    _quoted(
        text,
        "**16th of 39**",
        "342,547 against 71,230",
        "about five times",
        "Vidzeme is 2nd in food jobs, after Vilniaus apskritis",
        "second of 21",
    )


def test_the_three_star_list_is_complete(text, stars):
    three = set(map(tuple, stars.loc[stars["stars"] == 3, ["region", "category"]].to_numpy()))
    assert three == {
        ("EE00A", "mining"),
        ("SE21", "mining"),
        ("FI19", "paper_packaging"),
        ("FI1C", "motor_trade"),
        ("SE22", "electrical_energy_equipment"),
        ("SE22", "automotive_transport_equipment"),
        ("SE22", "energy"),
        ("SE33", "agriculture_fishing"),
        ("DK04", "food_processing"),
    }
    assert len(stars) == 1014
    _quoted(text, "nine cells of 1,014", "mining in Kirde-Eesti and in Småland med öarna", "motor trade in Etelä-Suomi",
            "agriculture and fishing in Övre Norrland", "food processing in Midtjylland")  # fmt: skip


# --- section 5: shift-share --------------------------------------------------------------------


def test_vidzeme_food_shift_share(text, employment):
    parts = _shift_share(employment, "LV008", "C10")
    assert (parts["e0"], parts["e1"]) == (6277, 7093)
    assert [round(parts[k]) for k in ("national_share", "industry_mix", "regional_shift")] == [
        622,
        -694,
        887,
    ]
    _quoted(
        text,
        "grew by 816 jobs",
        "(6,277 to 7,093)",
        "**+622**",
        "**−694**",
        "**+887**",
        "622 − 694 + 887 = 816",
    )
    # the area's food industry shrank while the whole economy grew (hence the negative mix)
    area = employment[employment["year"].isin([START, END])]
    food = area[area["industry"] == "C10"].groupby("year")["employment"].sum()
    total = area.groupby("year")["employment"].sum()
    assert food[END] / food[START] - 1 == pytest.approx(-0.011, abs=0.0005)
    assert total[END] > total[START]
    _quoted(text, "Region *shrank* (−1.1 %)", "while the industry shrank across the area")


def test_riga_programming_shift_share(text, employment):
    parts = _shift_share(employment, "LV006", "J62")
    assert parts["e1"] - parts["e0"] == 11615
    assert round(100 * (parts["e1"] / parts["e0"] - 1)) == 115
    assert round(parts["industry_mix"], -3) == 8000 and round(parts["regional_shift"]) == 2613
    _quoted(text, "11,615 (+115 %)", "about 8,000", "about 2,613")


# --- section 6: CAGR ---------------------------------------------------------------------------------


def test_cagr_worked_example_and_tourism(text, employment, categories):
    assert round(2 ** (1 / 10) - 1, 3) == 0.072
    cells = _by_category(employment, categories).pivot_table(
        index=["region", "category"], columns="year", values="employment"
    )
    food = cells.loc[("LV008", "food_processing")]
    assert (food[START], food[END]) == (6433, 7245)
    assert round(food[END] / food[START] - 1, 3) == 0.126
    assert round((food[END] / food[START]) ** 0.1 - 1, 3) == 0.012
    tourism = cells.loc[("LV008", "tourism")]
    assert round((tourism[END] / tourism[START]) ** 0.1 - 1, 4) == 0.0115
    assert round(tourism[END] / tourism[START] - 1, 3) == 0.121
    _quoted(text, "**7.2 % a year**", "6,433 jobs in 2013 and 7,245 in 2023", "**12.6 %**", "**1.2 % a year**",
            "CAGR about **0.0115**", "total growth about **0.121**")  # fmt: skip


# --- section 7: portfolio and US rule ----------------------------------------------------------------


def test_vidzeme_portfolio_reading(text, employment, categories, stars):
    cells = _by_category(employment, categories).pivot_table(
        index=["region", "category"], columns="year", values="employment"
    )
    growth = (cells[END] / cells[START] - 1).xs("LV008", level="region")
    lq = stars[stars["region"] == "LV008"].set_index("category")["lq"]
    expected = {
        "food_processing": (3.33, 12.6),
        "transport_logistics": (1.21, 7.2),
        "forestry_wood": (3.51, 0.3),
        "agriculture_fishing": (1.91, -11.1),
        "wholesale": (1.01, -2.4),
    }
    for category, (want_lq, want_growth) in expected.items():
        assert (round(lq[category], 2), round(100 * growth[category], 1)) == (
            want_lq,
            want_growth,
        ), category
    assert round(100 * growth["tourism"], 1) == 12.1 and lq["tourism"] < 1
    assert round(100 * growth["business_services"], 1) == 16.9 and lq["business_services"] < 1
    traded = cells.xs("LV008", level="region").loc[
        lambda t: t.index.isin(_strong_categories(categories))
    ]
    assert traded[END].idxmax() == "business_services"
    assert (
        round(
            cells.loc[("LV008", "agriculture_fishing"), START]
            - cells.loc[("LV008", "agriculture_fishing"), END],
            -1,
        )
        == 590
    )
    area = employment.groupby("year")["employment"].sum()
    assert round(100 * (area[END] / area[START] - 1), 1) == 9.9
    _quoted(text, "(LQ 3.33, +12.6 %)", "(LQ 1.21, +7.2 %)", "(LQ 3.51)", "(+0.3 %)", "(LQ 1.91, −11.1 %, about 590 jobs fewer)",
            "(LQ 1.01, −2.4 %)", "(+12.1 %)", "(+16.9 %)", "grew by 9.9 %")  # fmt: skip


def _strong_categories(categories):
    return set(categories.loc[categories["traded"], "category"])


def test_strong_clusters_under_the_us_rule(text, employment, categories, stars):
    strong = _strong(employment, categories)

    def flagged(region, column="strong"):
        rows = strong[strong["region"] == region]
        return set(rows.loc[rows[column], "category"])

    assert flagged("LV008") == {
        "agriculture_fishing",
        "forestry_wood",
        "food_processing",
        "paper_packaging",
    }
    assert flagged("LV008", "strong10") == {"forestry_wood", "food_processing"}
    assert flagged("LV006") == {
        "it_electronics",
        "energy",
        "media_telecom",
        "finance",
        "business_services",
    }
    assert flagged("EE001") == {
        "it_electronics",
        "media_telecom",
        "finance",
        "business_services",
        "tourism",
        "wholesale",
    }
    logistics = strong[
        (strong["category"] == "transport_logistics") & strong["region"].str.startswith("EE")
    ]
    assert not logistics["qualifying"].any()  # no Estonian logistics cluster even qualifies
    assert round(logistics.set_index("region").loc["EE001", "lq"], 2) == 0.87
    packaging = stars[(stars["region"] == "LV008") & (stars["category"] == "paper_packaging")]
    assert packaging["stars"].item() == 0 and round(packaging["lq"].item(), 2) == 1.36
    _quoted(text, "`['it_electronics', 'energy', 'media_telecom', 'finance', 'business_services']`",
            "Põhja-Eesti's LQ is 0.87", "LQ about 1.36", "four traded categories are strong")  # fmt: skip


# --- section 8: overall specialisation ----------------------------------------------------------------


def test_hoover_and_krugman(text, end, employment, categories):
    hoover, krugman = _hoover(end), _krugman_rest(end)
    quoted = {r: (round(hoover[r], 3), round(krugman[r], 3)) for r in ["LV008", "LV006", "SE11"]}
    assert quoted == {"LV008": (0.228, 0.459), "LV006": (0.133, 0.275), "SE11": (0.141, 0.314)}
    by_category = _by_category(end, categories)
    krugman_categories = _krugman_rest(by_category, key="category")
    assert krugman_categories.idxmax() == "LV008" and round(krugman_categories.max(), 2) == 0.42
    _quoted(
        text,
        "Vidzeme (Hoover 0.228, Krugman 0.459)",
        "Rīga (0.133,\n0.275)",
        "Stockholm (0.141, 0.314)",
        "(`LV008`, about 0.42)",
    )


def test_krugman_formula_in_the_text_is_the_rest_of_the_area(text):
    # the printed formula and the code must use the same reference
    assert r"s^{\text{rest}}_{i} = (E_i - e_{i,r}) / (E - e_r)" in text
    assert 'krugman_index(in_end_year, reference="rest")' in text


# --- section 9 and optional depth ----------------------------------------------------------------------


def test_small_region_aland(text, end):
    assert end.loc[end["region"] == "FI20", "employment"].sum() == 8192
    _quoted(text, "8,192 jobs")


def test_the_slips_it_refuses_are_refused_with_the_fix_the_lesson_names(text, end):
    # the lesson's claims about the library's refusals (section 9 and section D)
    from course import economics
    from course.checks import CourseInputError

    _quoted(text, "country's row `LV` beside its regions `LV003` ... `LV009`", "`EU27_2020`",
            "`drop_aggregates=True` leaves such rows out", 'blank_keys="unknown"',
            'table[table["geo"].str.len() == 4]` for the NUTS 2 regions')  # fmt: skip
    latvia = end[end["country"] == "LV"].groupby("industry", as_index=False)["employment"].sum()
    for total in (latvia.assign(region="LV"), end.iloc[:1].assign(region="EU27_2020")):
        with pytest.raises(CourseInputError, match=r"str\.len\(\) == 4\] keeps the NUTS 2"):
            economics.location_quotient(pd.concat([end, total]))
    blank = end.assign(region=end["region"].mask(end.index == end.index[0], ""))
    with pytest.raises(CourseInputError, match="blank_keys='unknown'"):
        economics.location_quotient(blank)


def test_esteban_marquillas_and_dynamic(text, employment):
    parts = _shift_share(employment, "LV008", "C10")
    h = parts["homothetic"]
    assert round(h) == 2051
    assert (
        round(h * parts["r_minus_gi"]) == 290
        and round((parts["e0"] - h) * parts["r_minus_gi"]) == 597
    )
    e = employment[employment["region"].notna()].pivot_table(
        index=["region", "industry"], columns="year", values="employment", aggfunc="sum"
    )
    dynamic = 0.0
    for year in range(START, END):
        g_i = (
            e.xs("C10", level="industry")[year + 1].sum()
            / e.xs("C10", level="industry")[year].sum()
            - 1
        )
        dynamic += e.loc[("LV008", "C10"), year + 1] - e.loc[("LV008", "C10"), year] * (1 + g_i)
    assert round(dynamic) == 889
    _quoted(text, "about 2,051 jobs", "about 290", "about 597", "(about 889)")


def test_related_variety_and_relatedness(text, end, categories):
    merged = end.merge(categories[["industry", "category"]], on="industry")

    def related_variety(region):
        rows = merged[merged["region"] == region]
        share = rows.groupby("industry")["employment"].sum() / rows["employment"].sum()
        group = rows.groupby("industry")["category"].first()
        total = share.groupby(group).sum()
        share, group = share[share > 0], group[share > 0]
        within = share.groupby(group).apply(lambda s: -(s / s.sum() * np.log2(s / s.sum())).sum())
        return (total * within).sum()

    assert [round(related_variety(r), 2) for r in ["LV008", "LV006", "SE11"]] == [1.02, 1.31, 1.33]
    # relatedness density has no short plain-pandas form: here the library is used (tested elsewhere)
    from course import economics

    density = economics.relatedness_density(end)
    candidates = density[(density["region"] == "LV008") & (density["presence"] == 0)]
    assert "C11" in candidates.nlargest(6, "density")["industry"].tolist()
    _quoted(
        text, "related variety (1.02)", "Rīga's (1.31)", "Stockholm's (1.33)", "beverages (C11)"
    )


# --- timing and glossary --------------------------------------------------------------------------------


def test_stated_minutes_add_up(text):
    table = re.findall(
        r"^\| (\d[^|]*|Before you start; the case|Back to the case, key points) \| (\d+) \|",
        text,
        re.M,
    )
    minutes = [int(m) for _, m in table]
    assert sum(minutes) == 120, table
    assert "**Core total** | **120**" in text


def _slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", heading.lower()).strip().replace(" ", "-")


def test_glossary_links_resolve_and_the_glossary_is_short(text):
    glossary = GLOSSARY.read_text(encoding="utf-8")
    terms = {_slug(h) for h in re.findall(r"^### (.+)$", glossary, re.M)}
    # one glossary for the whole course: about 25 terms a module, none unexplained
    assert 25 <= len(terms) <= 110
    links = set(re.findall(r"\(\.\./glossary\.md#([a-z0-9-]+)\)", text))
    assert links and links <= terms, links - terms
    for needed in ["nuts", "nace", "percentile", "kernel", "nan", "dict"]:
        assert needed in links, (
            f"the lesson should link {needed!r} to the glossary where it first appears"
        )


def test_which_lq_to_quote_when(text, employment, categories):
    """The box of section 3: four LQs of food in Vidzeme, 2023, recomputed with plain pandas."""
    year = employment[employment["year"] == 2023]
    mapped = year.merge(categories[["industry", "category", "traded"]], on="industry")

    def lq(table, key, code):
        share_here = table[table["region"] == "LV008"].groupby(key)["employment"].sum()
        share_here = share_here / share_here.sum()
        share_all = table.groupby(key)["employment"].sum() / table["employment"].sum()
        return round(float(share_here[code] / share_all[code]), 2)

    assert lq(year, "industry", "C10") == 3.63
    assert lq(year[year["country"] == "LV"], "industry", "C10") == 2.90
    assert lq(mapped, "category", "food_processing") == 3.33
    assert lq(mapped[mapped["traded"]], "category", "food_processing") == 3.22
    _quoted(text, "> | 3.63 | food products (division C10)", "> | 2.90 | food products (C10) | all jobs in Latvia",
            "> | 3.33 | the food processing *category* (C10-C12: food, beverages, tobacco)", "> | 3.22 | the food processing category | jobs in traded categories only")  # fmt: skip
