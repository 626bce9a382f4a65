"""Every number the lesson of module 4 quotes in its prose, recomputed from the course data.

The lesson text (``04-benchmarking-internationalisation.md``) states numbers a cluster manager
will repeat to a board. Each test recomputes one claim with plain pandas and numpy from the CSV
files (not with ``course.benchmarking``, so a bug in the library cannot confirm itself) and
checks that the text quotes it: when you change the text, change the test, and the other way
round. The last tests check the lesson's shape (sections, timings, write-it cells, glossary
links) and that its parameters cell swaps the organisation.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from tests.conftest import ROOT, run_notebook
from tests.conftest import quoted as _quoted

FOLDER = ROOT / "modules" / "04-benchmarking-internationalisation"
LESSON = FOLDER / "04-benchmarking-internationalisation.md"
GLOSSARY = ROOT / "modules" / "glossary.md"
ORG, ROUND, FIRST = "lv_it", 2023, 2021


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "datasets" / f"{name}.csv")


@pytest.fixture(scope="module")
def bench() -> pd.DataFrame:
    return _csv("benchmarking")


@pytest.fixture(scope="module")
def catalogue() -> pd.DataFrame:
    return _csv("benchmark_indicators")


@pytest.fixture(scope="module")
def sign(catalogue) -> dict:
    return {
        i: (1.0 if d == "higher" else -1.0) for i, d in catalogue[["indicator", "direction"]].values
    }


# --- plain re-implementations of the measures ---------------------------------------------------


def _percentiles(table: pd.DataFrame, sign: dict, peers: list[str] | None = None) -> pd.DataFrame:
    """100 * (mean rank - 1) / (answers - 1) of the values turned so that larger is better."""
    keys = [*(peers or []), "indicator"]
    oriented = table["value"] * table["indicator"].map(sign)
    rank = oriented.groupby([table[k] for k in keys]).rank(method="average")
    count = oriented.groupby([table[k] for k in keys]).transform("count")
    return table.assign(percentile=100 * (rank - 1) / (count - 1), peer_count=count)


def _row(table: pd.DataFrame, indicator: str, org: str = ORG) -> pd.Series:
    rows = table[(table["organisation"] == org) & (table["indicator"] == indicator)]
    assert len(rows) == 1
    return rows.iloc[0]


def _gap(table: pd.DataFrame, sign: dict, indicator: str, org: str = ORG) -> dict:
    answered = table.loc[(table["indicator"] == indicator) & table["value"].notna(), "value"]
    value = _row(table, indicator, org)["value"]
    s = sign[indicator]
    top = np.quantile(answered, 0.75 if s > 0 else 0.25)
    median = np.quantile(answered, 0.5)
    return {"value": value, "median": median, "top": top, "gap_top": s * (top - value)}


def _areas(table: pd.DataFrame, sign, catalogue, peers: list[str] | None = None) -> pd.DataFrame:
    ranked = _percentiles(table, sign, peers).merge(
        catalogue[["indicator", "area"]], on="indicator"
    )
    return ranked.groupby([*(peers or []), "organisation", "area"], as_index=False)[
        "percentile"
    ].mean()


def _area_of(scores: pd.DataFrame, area: str, org: str = ORG) -> float:
    return scores.loc[
        (scores["organisation"] == org) & (scores["area"] == area), "percentile"
    ].item()


def _changes(bench, sign, catalogue, peers=None) -> pd.Series:
    first = _areas(bench[bench["year"] == FIRST], sign, catalogue, peers)
    last = _areas(bench[bench["year"] == ROUND], sign, catalogue, peers)
    both = last.merge(first, on=["organisation", "area"], suffixes=("_end", "_start"))
    own = both[both["organisation"] == ORG].set_index("area")
    return own["percentile_end"] - own["percentile_start"]


def _thresholds_met(table: pd.DataFrame, sign: dict, org: str, peers=None) -> int:
    """Indicators whose value is at least as good as the peer median (NaN: not met)."""
    keys = [*(peers or []), "indicator"]
    median = table.groupby(keys)["value"].transform("median")
    better = (table["value"] - median) * table["indicator"].map(sign) >= 0
    return int(better[table["organisation"] == org].sum())


def _fmt(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


# --- the case and the data ---------------------------------------------------------------------


def test_the_case_organisation(text, bench):
    members = _csv("cluster_members")
    own = members[members["cluster"] == ORG]["member_type"].value_counts()
    assert (len(members[members["cluster"] == ORG]), own["company"]) == (46, 37)
    assert (own["education"], own["research"], own["public"], own["other"]) == (2, 2, 3, 2)
    last = bench[(bench["year"] == ROUND) & (bench["organisation"] == ORG)]
    assert last["members_total"].iloc[0] == 46
    assert _row(last, "staff_fte")["value"] == 3.6
    _quoted(text, "46 members in 2023, 37 of them companies", "two colleges, two research institutes,",
            "three public agencies and two associations; 3.6 full-time staff")  # fmt: skip


def test_the_data_description(text, bench, catalogue):
    last = bench[bench["year"] == ROUND]
    assert last["organisation"].nunique() == 78
    assert bench.loc[bench["year"] == FIRST, "organisation"].nunique() == 120
    sectors = last.drop_duplicates("organisation")["sector"].value_counts()
    assert sectors.to_dict() == {"other": 20, "ict": 16, "food": 15, "logistics": 14, "energy": 13}
    assert len(catalogue) == 36 and (catalogue["area"].value_counts() == 6).all()
    lower = set(catalogue.loc[catalogue["direction"] == "lower", "indicator"])
    assert lower == {"staff_turnover", "strategy_age", "response_days", "public_funding_dependency"}
    _quoted(text, "In 2023, 78 organisations took part (120 in 2021)",
            "20 of them \"other\" sectors, 16 ICT, 15 food, 14 logistics and 13 energy",
            "Four indicators: staff turnover", "the age of the strategy", "the days to answer a member",
            "the dependency on one public programme")  # fmt: skip


# --- percentiles and gaps ---------------------------------------------------------------------


def test_percentile_ranks_of_the_case(text, bench, sign):
    last = _percentiles(bench[bench["year"] == ROUND], sign)
    turnover = _row(last, "staff_turnover")
    assert (turnover["value"], round(turnover["percentile"], 1), turnover["peer_count"]) == (
        13.9, 31.8, 78)  # fmt: skip
    events = _row(last, "events_per_year")
    assert (events["value"], round(events["percentile"], 1)) == (24, 81.2)
    partners = _row(last, "international_partners")
    assert (partners["value"], round(partners["percentile"], 1), partners["peer_count"]) == (
        2, 1.3, 76)  # fmt: skip
    days = _row(last, "response_days")
    assert days["value"] == 2.6 and round(days["percentile"], 1) == 72.4
    # the same percentile in counts: 76 others answered; 54 take longer, 2 as long (half each)
    round_days = bench[(bench["year"] == ROUND) & (bench["indicator"] == "response_days")]
    others = round_days[(round_days["organisation"] != ORG) & round_days["value"].notna()]
    slower, tied = (others["value"] > 2.6).sum(), (others["value"] == 2.6).sum()
    assert (len(others), slower, tied) == (76, 54, 2)
    assert round(100 * (slower + tied / 2) / len(others), 1) == round(days["percentile"], 1)
    # ranking the raw days from low to high (the mistake) gives the mirror image
    raw = _percentiles(bench[bench["year"] == ROUND], dict.fromkeys(sign, 1.0))
    assert round(_row(raw, "response_days")["percentile"], 1) == 27.6
    _quoted(text, "staff turnover of 13.9 % ranks at 31.8 among 78 organisations",
            "Its 24 events a year rank at 81.2, its 2 international partners at 1.3",
            "About **72.4**", "it answers in 2.6 days", "you would have got about 27.6",
            "faster than 54 of the 76 other organisations that answered and as fast as 2 more",
            "(a tie counts half: (54 + 1) / 76 ≈ 72 %)",
            '"faster than 54 of the 76 other organisations that answered" is a claim',
            "That is why `peer_count` is 76 for international partners")  # fmt: skip


def test_gaps_to_the_median_and_top_quartile(text, bench, sign):
    last = bench[bench["year"] == ROUND]
    partners = _gap(last, sign, "international_partners")
    assert (partners["value"], partners["median"], partners["top"], partners["gap_top"]) == (
        2, 10, 14, 12)  # fmt: skip
    turnover = _gap(last, sign, "staff_turnover")
    assert round(turnover["top"], 1) == 7.3 and round(turnover["gap_top"], 1) == 6.6
    assert _gap(last, sign, "events_per_year")["gap_top"] < 0
    export = _gap(last, sign, "export_share_members")
    assert (export["value"], round(export["top"], 1), round(export["gap_top"], 1)) == (
        9.1, 46.4, 37.3)  # fmt: skip
    _quoted(text, "the median organisation has 10 and the top quartile 14",
            "a gap of **12 partner agreements**", "the top quartile is at 7.3 %, 6.6 points",
            "below Riga's 13.9 %", "About **37.3** percentage points",
            "export 9.1 % of their turnover on average, the best quarter of the peers 46.4 %")  # fmt: skip


# --- areas, peers, rounds, readiness ----------------------------------------------------------


def test_area_scores_and_the_weakest_area(text, bench, sign, catalogue):
    scores = _areas(bench[bench["year"] == ROUND], sign, catalogue)
    own = scores[scores["organisation"] == ORG].set_index("area")["percentile"]
    assert own.idxmax() == "services" and round(own["services"], 1) == 79.3
    assert round(own["management"], 1) == 67.8 and own.sort_values().index[-2] == "management"
    assert own.idxmin() == "achievements" and round(own["achievements"], 1) == 27.4
    medians = scores.groupby("area")["percentile"].median()
    assert medians.min() > 47 and medians.max() < 53
    _quoted(text, "strongest in **services** (79.3) and management (67.8)",
            "weakest in **achievements and recognition** (27.4)",
            "The peer medians of all six areas lie between 47 and 53", "`'achievements'`")  # fmt: skip


def test_the_peer_group_changes_the_numbers(text, bench, sign, catalogue):
    last = bench[bench["year"] == ROUND]
    ict = last[last["sector"] == "ict"]
    assert ict["organisation"].nunique() == 16
    assert round(_row(_percentiles(ict, sign), "staff_turnover")["percentile"], 1) == 40.0
    own = _areas(last, sign, catalogue, ["sector"])
    own = own[own["organisation"] == ORG].set_index("area")["percentile"]
    assert own.idxmin() == "achievements" and round(own["achievements"], 1) == 31.9
    assert round(100 / 15, 1) == 6.7
    assert last["value"].isna().sum() == 23
    latvian = last.loc[last["country"] == "LV", "organisation"].unique()
    assert len(latvian) == 4 and {"lv_it", "lv_food"} <= set(latvian)
    # below three organisations per country (the course's minimum) there is no comparison
    per_country = last.drop_duplicates("organisation")["country"].value_counts()
    small = per_country[per_country < 3]
    assert (small.sum(), len(small), (small == 1).sum(), (small == 2).sum()) == (16, 12, 8, 4)
    _quoted(text, "staff turnover ranks at 40.0 instead of 31.8",
            "its achievements score is 31.9 instead of 27.4", "100 / 15 ≈ 6.7 percentile points",
            "23 values of the 2023 round are unanswered",
            "Four Latvian organisations took part in 2023", "100 / 3 ≈ 33 points",
            "Below\n  **three** organisations that answered (a course convention)",
            "16 organisations in 12\ncountries took part alone (8) or with one other (4 pairs)")  # fmt: skip


def test_improvement_between_the_rounds(text, bench, sign, catalogue):
    change = _changes(bench, sign, catalogue).round(1)
    assert change.to_dict() == {
        "achievements": 11.9, "financing": 9.0, "interaction": -8.3, "management": 8.4,
        "services": -8.4, "structure": -9.9,
    }  # fmt: skip
    assert (change >= 5).sum() == 3
    sector = _changes(bench, sign, catalogue, ["sector"]).round(1)
    assert (sector >= 5).sum() == 3
    assert (sector["management"], sector["financing"], sector["achievements"]) == (19.6, 23.6, 13.8)
    own = bench[bench["organisation"] == ORG].pivot(
        index="indicator", columns="year", values="value"
    )
    assert own.loc["strategy_age", ROUND] < own.loc["strategy_age", FIRST]
    assert own.loc["public_funding_dependency", ROUND] < own.loc["public_funding_dependency", FIRST]
    assert own.loc["funding_raised_keur", ROUND] > own.loc["funding_raised_keur", FIRST]
    _quoted(text, "**management** (+8.4 points), **financing** (+9.0) and **achievements** (+11.9)",
            "down in structure (−9.9), services (−8.4) and interaction (−8.3)",
            "Exactly **3 areas** improved", "`'Silver'` and **3** again",
            "now by 19.6, 23.6 and 13.8 points")  # fmt: skip


def test_label_readiness_estimate(text, bench, sign):
    last = bench[bench["year"] == ROUND]
    met = _thresholds_met(last, sign, ORG)
    needed = math.ceil(0.8 * 36)
    assert (met, needed - met, round(100 * met / 36)) == (19, 10, 53)
    met_ict = _thresholds_met(last, sign, ORG, ["sector"])
    assert (met_ict, needed - met_ict) == (24, 5)
    # the ECCP minimum and the answered share (Bronze) hold, and the 2021 round is two years back
    own = last[last["organisation"] == ORG].set_index("indicator")["value"]
    assert own["staff_fte"] >= 0.5 and own["members_total"] >= 15 and own["member_types"] >= 2
    assert own.notna().mean() >= 0.9 and ROUND - FIRST <= 2
    # optional depth B: the top quartile as the threshold
    top = {
        i: np.quantile(v.dropna(), 0.75 if sign[i] > 0 else 0.25)
        for i, v in last.groupby("indicator")["value"]
    }
    strict = ((own - own.index.map(top)) * own.index.map(sign) >= 0).sum()
    assert strict == 11
    _quoted(text, "meets 19 of 36 thresholds (53 %) and would need 10 more",
            "the cluster meets 24 thresholds, 5 short of the Gold", "meets 11 of 36 thresholds instead of 19",
            "19 of 36 thresholds met (53 %), 10 short",
            "over the course's 36 indicators (ESCA's Gold has 31 quality indicators",
            "ESCA's\n  lower bound of 1.5 years cannot be read from whole years",
            "Every row says it is an estimate in its `note` column")  # fmt: skip


def test_kpis_of_the_case(text, bench, sign):
    own = bench[bench["organisation"] == ORG].pivot(
        index="indicator", columns="year", values="value"
    )
    targets = {"international_partners": 8, "members_total": 50, "public_funding_dependency": 50,
               "member_satisfaction": 4.4, "new_members": 6}  # fmt: skip
    status = {}
    for kpi, target in targets.items():
        base, actual = own.loc[kpi, FIRST], own.loc[kpi, ROUND]
        progress = (actual - base) / (target - base)
        met = sign[kpi] * (actual - target) >= 0
        status[kpi] = "met" if met else ("on track" if progress >= 0.5 else "behind")
    assert status == {"international_partners": "behind", "members_total": "on track",
                      "public_funding_dependency": "met", "member_satisfaction": "behind",
                      "new_members": "behind"}  # fmt: skip
    assert (
        own.loc["public_funding_dependency", FIRST],
        own.loc["public_funding_dependency", ROUND],
    ) == (60, 41.2)
    assert (own.loc["members_total", FIRST], own.loc["members_total", ROUND]) == (41, 46)
    assert (own.loc["international_partners", FIRST], own.loc["international_partners", ROUND]) == (
        3,
        2,
    )
    _quoted(text, "(60 % → 41.2 %, target 50 %)", "on track for members (41 → 46 of 50)",
            "behind on international partners (3 → 2, target 8), member satisfaction and new members")  # fmt: skip


def test_learning_partners_in_achievements(text, bench, sign, catalogue):
    scores = _areas(bench[bench["year"] == ROUND], sign, catalogue)
    wide = scores.pivot(index="organisation", columns="area", values="percentile")
    area = wide["achievements"]
    best = wide[(area >= area.quantile(0.75)) & (area > area[ORG])].drop(index=ORG, errors="ignore")
    others = [a for a in wide.columns if a != "achievements"]
    distance = np.sqrt(((best[others] - wide.loc[ORG, others]) ** 2).mean(axis=1))
    assert distance.nsmallest(3).index.tolist() == ["peer_002", "peer_094", "se_energy"]
    _quoted(text, "peer_002, peer_094 and the South Sweden Energy Cluster (`se_energy`)")


# --- internationalisation ---------------------------------------------------------------------


def test_members_exports(text):
    members = _csv("cluster_members")
    companies = members[(members["cluster"] == ORG) & (members["member_type"] == "company")]
    assert round(100 * (companies["export_share"] > 0).mean()) == 73
    assert round(100 * companies["export_share"].mean(), 1) == 9.1
    trade = _csv("trade")
    yearly = trade[trade["cluster"] == ORG].groupby("year")["exports_eur"].sum()
    assert round(100 * (yearly[2023] / yearly[2019] - 1), 1) == 17.3
    bench = _csv("benchmarking")
    last = bench[(bench["year"] == ROUND) & (bench["organisation"] == ORG)]
    assert _row(last, "international_partners")["value"] == 2
    assert _row(last, "escp_participation")["value"] == 0
    _quoted(text, "73 % of Riga's company members export, but on average only 9.1 %",
            "grew by 17.3 % from 2019 to 2023", "has 2 international partner clusters and takes part in no ESCP")  # fmt: skip


def test_partner_country_hhi(text):
    trade = _csv("trade")
    own = trade[(trade["cluster"] == ORG) & (trade["year"] == ROUND)]
    shares = own.groupby("partner")["exports_eur"].sum()
    shares = shares / shares.sum()
    hhi = ((100 * shares) ** 2).sum()
    assert round(hhi) == 1775 and 1500 <= hhi <= 1800  # "moderate" by the 2010 and 2023 bands
    assert len(shares) == 8 and shares.idxmax() == "EE" and round(100 * shares.max(), 1) == 28.8
    assert round((shares**2).sum(), 2) == 0.18
    _quoted(text, "About **1,775**, \"moderate\" (by the 2010 bands and the 2023 ones): eight",
            "countries, Estonia the\nlargest with 28.8 %",
            "below 1,500 is \"unconcentrated\", 1,500-2,500 \"moderate\", above 2,500 \"high\"",
            "(moderate 1,000-1,800, high\nabove 1,800: `guidelines=2023`)",
            "you would get 0.18", "(HHI about 1,775)")  # fmt: skip


# --- shape, timing and glossary -----------------------------------------------------------------


def _core_sections(text: str) -> list[str]:
    core = text.split("## Optional depth")[0]
    return re.split(r"^(?=## \d\. )", core, flags=re.M)[1:]


def test_sections_open_with_the_question_and_end_with_so_what(text):
    sections = _core_sections(text)
    assert len(sections) == 9
    for section in sections:
        title = section.splitlines()[0]
        assert "**The manager's question:**" in section.split("\n\n", 3)[1], title
        assert "**So what for your cluster.**" in section, title


def test_stated_minutes_add_up_and_match_the_sections(text):
    table = re.findall(
        r"^\| (\d[^|]*|Before you start; the case|Back to the case, key points) \| (\d+) \| (\d*) ?\|",
        text,
        re.M,
    )
    assert sum(int(m) for _, m, _ in table) == 120, table
    assert sum(int(w) for _, _, w in table if w) == 30
    assert "**Core total** | **120** | **30**" in text
    minutes = {row[0].split()[0]: row[1] for row in table}
    for section in _core_sections(text):
        number = section[3]
        stated = re.search(r"^\*(\d+) min", section, flags=re.M).group(1)
        assert minutes[number] == stated, (
            f"section {number}: {stated} in the text, {minutes[number]} in the table"
        )


def test_write_it_yourself_cells_leave_the_line_to_the_learner(text):
    boxes = re.findall(
        r"> \*\*Write it yourself.*?```\{code-cell\} ipython3\n(.*?)```\n\n(?:```\{code-cell\} ipython3\n(.*?)```\n\n)?(?:\+\+\+[^\n]*\n\n)?<details><summary>Solution",
        text,
        flags=re.S,
    )
    assert len(boxes) == text.count("> **Write it yourself") == 5  # one per kind of ps04 answer
    for cells in boxes:
        for cell in cells:
            lines = [line for line in cell.strip().splitlines() if line.strip()]
            assert not lines or lines[-1].lstrip().startswith("#"), (
                f"the answer is pre-filled:\n{cell}"
            )


def _slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", heading.lower()).strip().replace(" ", "-")


def test_glossary_links_resolve(text):
    terms = {
        _slug(h) for h in re.findall(r"^### (.+)$", GLOSSARY.read_text(encoding="utf-8"), re.M)
    }
    links = set(re.findall(r"\(\.\./glossary\.md#([a-z0-9-]+)\)", text))
    assert links and links <= terms, links - terms
    for needed in ["kernel", "percentile", "median", "nan", "herfindahl-index-hhi"]:
        assert needed in links


def test_the_lesson_labels_the_estimate_and_the_synthetic_data(text):
    _quoted(text, "label-readiness estimate of the course, not an ESCA assessment",
            "**The numbers are synthetic**", "not an ESCA assessment")  # fmt: skip


@pytest.mark.slow
def test_the_parameters_cell_swaps_the_organisation(tmp_path):
    executed = run_notebook(
        FOLDER / "04-benchmarking-internationalisation.ipynb", tmp_path, {"organisation": "lv_food"}
    )
    outputs = [out for cell in executed.cells for out in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = "".join(
        str(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", "")) for o in outputs
    )
    assert "Vidzeme Food Cluster: sector food, 58 members in 2023" in shown
