"""Every number the lesson of module 2 quotes in its prose, recomputed from the course data.

The lesson text (``02-industry-segmentation.md``) states numbers a cluster manager will repeat
to a board. Each test recomputes one claim with plain pandas and numpy from the CSV files (the
segments with scikit-learn's KMeans directly), not with ``course.segmentation``, so that a bug in
the library cannot confirm itself, and checks that the text quotes it. When you change the text,
change the test, and the other way round. The structure of the lesson (questions, "so what",
timings, write-it cells, glossary links, the parameters cell) is checked here too.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from tests.conftest import ROOT, run_notebook
from tests.conftest import quoted as _quoted

LESSON = ROOT / "modules" / "02-industry-segmentation" / "02-industry-segmentation.md"
GLOSSARY = ROOT / "modules" / "glossary.md"
FEATURES = ["employees", "turnover_eur", "export_share"]


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    return pd.read_csv(ROOT / "datasets" / "cluster_members.csv")


def _of(members, cluster, companies=False):
    rows = members[members["cluster"] == cluster]
    return rows[rows["member_type"] == "company"] if companies else rows


def _sme(rows: pd.DataFrame, rule: str = "either") -> pd.Series:
    """EU SME class (2003/361/EC) written out; ``rule`` gives the classic mistakes too."""
    heads, turnover, balance = rows["employees"], rows["turnover_eur"], rows["balance_sheet_eur"]

    def money(t_ceiling, b_ceiling):
        if rule == "turnover":
            return turnover <= t_ceiling
        if rule == "both":
            return (turnover <= t_ceiling) & (balance <= b_ceiling)
        return (turnover <= t_ceiling) | (balance <= b_ceiling)

    return pd.Series(
        np.select(
            [
                (heads < 10) & money(2e6, 2e6),
                (heads < 50) & money(10e6, 10e6),
                (heads < 250) & money(50e6, 43e6),
            ],
            ["micro", "small", "medium"],
            "large",
        ),
        index=rows.index,
    )


def _segments(rows: pd.DataFrame, ks=range(2, 6)):
    """log(1 + size), z-scores, KMeans(n_init=10, random_state=42), k by silhouette;
    segments numbered from the largest. Returns (k, silhouettes, labels)."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    x = np.column_stack(
        [np.log1p(rows[f]) if f != "export_share" else rows[f] for f in FEATURES]
    ).astype(float)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    fits = {k: KMeans(n_clusters=k, n_init=10, random_state=42).fit(z).labels_ for k in ks}
    silhouettes = {k: silhouette_score(z, labels) for k, labels in fits.items()}
    best = max(silhouettes, key=lambda k: (silhouettes[k], -k))
    sizes = pd.Series(fits[best]).value_counts()
    rank = {label: i + 1 for i, label in enumerate(sizes.index)}
    return best, silhouettes, pd.Series([rank[v] for v in fits[best]], index=rows.index)


# --- the numbers ---------------------------------------------------------------------------


def test_member_counts_and_types(text, members):
    lv, dk = _of(members, "lv_food"), _of(members, "dk_food")
    types = lv["member_type"].value_counts()
    assert len(lv) == 58 and types["company"] == 44
    assert (types["research"], types["education"], types["public"], types["other"]) == (4, 4, 4, 2)
    _quoted(text, "The Vidzeme Food Cluster has 58 members", "(44 of 58, share 0.759)")
    _quoted(text, "eight are research or education bodies, four public bodies, two associations")
    assert f"{44 / 58:.3f}" == "0.759"
    dk_companies = (dk["member_type"] == "company").sum()
    assert (dk_companies, len(dk)) == (55, 64) and f"{dk_companies / len(dk):.3f}" == "0.859"
    _quoted(text, "About **0.859**: 55 of its 64 members are companies")


def test_every_cluster_covers_the_quadruple_helix(text, members):
    spheres = members["member_type"].map(
        {"company": "b", "research": "a", "education": "a", "public": "g", "other": "c"}
    )
    assert (spheres.groupby(members["cluster"]).nunique() == 4).all()
    _quoted(text, "All five course clusters cover the quadruple helix")


def test_five_forces_numbers(text):
    scores = [2, 2, 3, 2, 3, 3, 2, 5, 4, 4, 2, 2, 4, 4, 3]
    sizes = {"entry": 4, "supplier": 3, "buyer": 3, "substitutes": 2, "rivalry": 3}

    def forces(values):
        out, start = {}, 0
        for force, n in sizes.items():
            out[force] = float(np.mean(values[start : start + n]))  # equal weights
            start += n
        return out

    board = forces(scores)
    assert [round(board[f], 2) for f in ("buyer", "rivalry", "entry", "substitutes")] == [
        4.33, 3.67, 2.25, 2.00,
    ]  # fmt: skip
    _quoted(text, "**buyers** (4.33", "**rivalry** (3.67", "Entry (2.25) and substitutes (2.00)")
    assert f"{6 - np.mean(list(board.values())):.2f}" == "3.02"
    _quoted(text, "An attractiveness of about **3.02** out of 5")
    jutland = forces(scores[:7] + [3, 4, 3] + scores[10:])
    mean = np.mean(list(jutland.values()))
    assert (f"{6 - mean:.2f}", f"{mean:.2f}") == ("3.22", "2.78")
    assert max(jutland, key=jutland.get) == "rivalry"
    _quoted(text, "About **3.22**. The strongest force is now rivalry", "*mean force score* (2.78)")


def test_one_figure_within_its_ceiling_is_enough(text):
    # 9 AWU, EUR 3 m turnover, balance sheet unknown: the written-out rule at the extremes of
    # the unknown balance sheet gives micro (0) and small (infinity): an SME either way
    firm = pd.DataFrame({"employees": [9, 9], "turnover_eur": [3e6, 3e6],
                         "balance_sheet_eur": [0.0, np.inf]})  # fmt: skip
    assert _sme(firm).tolist() == ["micro", "small"]
    _quoted(text, "with 9 AWU, a turnover of EUR 3 m and **no** balance sheet on file, the firm",
            "small, an SME either way (`sme` is True, `size_class` stays empty)")  # fmt: skip
    from course import segmentation

    with pytest.warns(UserWarning, match="SMEs whatever the missing figure"):
        got = segmentation.sme_class(firm.iloc[:1].assign(balance_sheet_eur=np.nan))
    assert got["size_class"].isna().all() and got["sme"].tolist() == [True]


def test_the_export_band_convention_is_labelled(text):
    from course import segmentation

    shares = pd.DataFrame({"export_share": [0.004, 0.25]})
    assert segmentation.export_band(shares)["export_band"].astype(str).tolist() == ["1-25 %"] * 2
    _quoted(text, '"1-25 %" holds every share above 0 up to 25 %, also one below 1 %')


def test_sme_classes(text, members):
    companies = _of(members, "lv_food", companies=True)
    classes = _sme(companies).value_counts()
    assert (classes["micro"], classes["small"], classes["medium"]) == (19, 18, 7)
    assert "large" not in classes
    _quoted(text, "44 companies are 19 micro, 18 small and 7 medium enterprises, no large one")
    odd = companies[(companies["employees"] < 10) & (_sme(companies) != "micro")]
    assert len(odd) == 1
    row = odd.iloc[0]
    assert row["employees"] == 7 and row["industry"].startswith("G46")
    assert (round(row["turnover_eur"] / 1e6, 1), round(row["balance_sheet_eur"] / 1e6, 1)) == (
        3.4,
        2.5,
    )
    _quoted(
        text, "one wholesaler with 7 AWU whose turnover (EUR 3.4 m) *and* balance sheet (EUR 2.5 m)"
    )


def test_the_jutland_sme_slips(text, members):
    companies = _of(members, "dk_food", companies=True)
    assert (_sme(companies) == "micro").sum() == 12
    assert (companies["employees"] < 10).sum() == 21
    assert (_sme(companies, "turnover") == "micro").sum() == 9
    assert (_sme(companies, "both") == "micro").sum() == 9
    _quoted(text, "**12**, although 21 of its companies have fewer than 10 AWU")
    _quoted(text, "alone (21, the size band)", "the turnover alone (9:", "(9 here too)")


def test_value_chain_and_exports(text, members):
    lv, dk = _of(members, "lv_food"), _of(members, "dk_food")
    stages = lv["value_chain_stage"].value_counts()
    assert (stages["processing"], stages["packaging"], stages["technology_provider"]) == (20, 6, 1)
    assert "inputs" not in stages
    staff = lv.groupby("value_chain_stage")["employees"].sum()
    assert f"{staff['research_education'] / staff.sum():.3f}" == "0.485"
    _quoted(text, "(20 of 58 members)", "six packaging members", "(share 0.485)")
    _quoted(text, "one technology provider and no input suppliers")
    over_half, zero = (lv["export_share"] > 0.5).sum(), (lv["export_share"] == 0).sum()
    assert (over_half, zero, f"{over_half / len(lv):.3f}") == (7, 8, "0.121")
    zero_types = lv.loc[lv["export_share"] == 0, "member_type"].value_counts().to_dict()
    assert zero_types == {"company": 6, "other": 2}  # "other" bodies are the associations
    unknown = lv[lv["export_share"].isna()]  # unknown, not zero: no turnover, no export share
    assert len(unknown) == 8 and unknown["turnover_eur"].isna().all()
    assert set(unknown["member_type"]) == {"public", "education"}
    _quoted(text, "Seven of Vidzeme's members export more than half", "(share 0.121); 8 export")
    _quoted(text, "nothing (six companies and two associations)", "holds the 8 public and")
    _quoted(text, "education bodies, which have no turnover, so their export share is unknown")
    # the text reads the table the lesson shows: its last row, the unknown shares, holds those 8
    from course import segmentation

    shown = segmentation.member_composition(segmentation.export_band(lv), "export_band")
    *bands, unknown = shown["export_band"].astype(str).tolist()
    assert bands == list(segmentation.EXPORT_BANDS.categories) and "unknown" in unknown
    assert shown["members"].iloc[-1] == 8
    dk_over = (dk["export_share"] > 0.5).sum()
    assert (dk_over, f"{dk_over / len(dk):.3f}") == (15, "0.234")
    _quoted(text, "About **0.234** (15 of 64 members)")


def test_the_instructor_notes_count_the_unknown_export_shares(members):
    # docs/instructors/02-*.md quotes the same counts as the lesson: unknown is not zero
    guide = (ROOT / "docs" / "instructors" / "02-industry-segmentation.md").read_text("utf-8")
    lv = _of(members, "lv_food")
    zero, unknown = (lv["export_share"] == 0).sum(), lv["export_share"].isna().sum()
    companies = (_of(lv, "lv_food", companies=True)["export_share"] == 0).sum()
    assert (zero, companies, unknown, zero + unknown) == (8, 6, 8, 16)
    _quoted(guide, "Vidzeme has 8 members that export nothing (six companies and two associations)")
    _quoted(guide, "and 8 whose share is unknown", "as non-exporters says 16")


def _hhi(rows: pd.DataFrame) -> float:
    shares = 100 * rows["turnover_eur"] / rows["turnover_eur"].sum()
    return float((shares**2).sum())


def test_member_concentration(text, members):
    hhi = {c: _hhi(_of(members, c, companies=True)) for c in members["cluster"].unique()}
    assert (round(hhi["lv_food"]), round(hhi["ee_logistics"]), round(hhi["se_energy"])) == (
        476, 1915, 1589,
    )  # fmt: skip
    assert round(hhi["dk_food"]) == 1260 and hhi["dk_food"] < 1500 < hhi["se_energy"] < 2500
    _quoted(text, "HHI of about 476: unconcentrated", "(about 1,915)", "(about 1,589)")
    _quoted(text, "About **1,260**: unconcentrated")
    lv = _of(members, "lv_food", companies=True)
    assert lv["turnover_eur"].max() / lv["turnover_eur"].sum() < 0.09
    _quoted(text, "the largest company has under 9 %")


@pytest.fixture(scope="module")
def vidzeme_segments(members):
    return _segments(_of(members, "lv_food", companies=True))


def test_segments_of_vidzeme(text, members, vidzeme_segments):
    k, silhouettes, labels = vidzeme_segments
    assert k == 3 and f"{silhouettes[2]:.3f}" == f"{silhouettes[3]:.3f}" == "0.384"
    _quoted(text, "(0.384 for both, to three decimals)", "(silhouette 0.384)")
    companies = _of(members, "lv_food", companies=True)
    medians = companies.groupby(labels)[FEATURES].median()
    assert labels.value_counts().sort_index().tolist() == [22, 15, 7]
    quoted = [
        (6, 0.7, 8), (31, 4.9, 7), (30, 8.1, 67),
    ]  # fmt: skip
    for segment, (staff, turnover, exported) in enumerate(quoted, start=1):
        row = medians.loc[segment]
        assert round(row["employees"]) == staff
        assert round(row["turnover_eur"] / 1e6, 1) == turnover
        assert round(100 * row["export_share"]) == exported
    _quoted(
        text,
        "**22 small local firms** (median 6 AWU, EUR 0.7 m turnover, 8 % exported)",
        "**15 larger domestic producers** (median 31 AWU, EUR 4.9 m, 7 %)",
        "**7 exporters** (median 30 AWU, EUR 8.1 m, 67 % exported)",
    )


def test_segments_of_jutland(text, members):
    companies = _of(members, "dk_food", companies=True)
    k, silhouettes, labels = _segments(companies)
    assert (k, (labels == 1).sum(), (labels == 2).sum()) == (2, 43, 12)
    assert f"{silhouettes[2]:.3f}" == "0.456"
    _quoted(text, "`(2, 43)`: two segments, 43 companies", "12 large exporters (silhouette 0.456)")


def test_service_uptake_by_segment(text, members, vidzeme_segments):
    _, _, labels = vidzeme_segments
    companies = _of(members, "lv_food", companies=True)
    used = companies["services_used"].fillna("").str.split(";")
    uptake = {
        service: used.map(lambda s, service=service: service in s).groupby(labels).mean().round(2)
        for service in ("matchmaking", "training", "funding_advice", "testbed", "joint_projects",
                        "internationalisation", "market_intelligence")
    }  # fmt: skip
    assert (uptake["matchmaking"][1], uptake["training"][1], uptake["testbed"][1]) == (
        0.55,
        0.5,
        0.18,
    )
    assert uptake["funding_advice"][1] == 0.23 == uptake["funding_advice"].min()
    _quoted(text, "matchmaking (0.55) and training (0.50)", "testbed (0.18)", "all segments: 0.23")
    assert (uptake["matchmaking"][2], uptake["training"][2], uptake["joint_projects"][2]) == (
        0.8, 0.73, 0.6,
    )  # fmt: skip
    _quoted(text, "matchmaking (0.80), training (0.73) and joint projects (0.60)")
    assert uptake["internationalisation"][3] == 0.57
    assert uptake["matchmaking"][3] == 0.29 == uptake["matchmaking"].min()
    assert uptake["testbed"][3] == 0
    _quoted(text, "top service (0.57)", "far less than the others (0.29)")
    assert uptake["market_intelligence"].tolist() == [0.14, 0.13, 0.14]
    _quoted(text, "low in every segment (0.13-0.14)", "at most 0.14 in every segment")
    others = [s for s in uptake if s != "market_intelligence"]
    assert all(uptake[s].max() > 0.14 for s in others)  # the only one that low everywhere


# --- the structure ---------------------------------------------------------------------------


def _core_sections(raw: str) -> list[str]:
    core = raw.split("## Optional depth")[0]
    return re.split(r"^(?=## \d\. )", core, flags=re.M)[1:]


def test_sections_open_with_the_question_and_end_with_so_what():
    sections = _core_sections(LESSON.read_text(encoding="utf-8"))
    assert len(sections) == 9
    for section in sections:
        title = section.splitlines()[0]
        assert "**The manager's question:**" in section.split("\n\n", 3)[1], title
        assert "**So what for your cluster.**" in section, title


def test_section_minutes_match_the_table_and_add_up_to_120():
    raw = LESSON.read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d) [^|]+\| (\d+) \|", raw, flags=re.M))
    for section in _core_sections(raw):
        number = section[3]
        stated = re.search(r"^\*(\d+) min", section, flags=re.M).group(1)
        assert table[number] == stated, (number, stated, table[number])
    rows = re.findall(r"^\| (Before you start; the case|\d [^|]+|Back to the case[^|]*) \| (\d+) \|",
                      raw, flags=re.M)  # fmt: skip
    assert sum(int(m) for _, m in rows) == 120, rows
    writing = re.findall(r"^\| \d [^|]+\| \d+ \| (\d*) \|", raw, flags=re.M)
    assert sum(int(w) for w in writing if w) == 32
    assert "**Core total** | **120** | **32**" in raw


def test_write_it_yourself_cells_leave_the_line_to_the_learner():
    raw = LESSON.read_text(encoding="utf-8")
    boxes = re.findall(
        r"> \*\*Write it yourself.*?```\{code-cell\} ipython3\n(.*?)```\n\n(?:\+\+\+[^\n]*\n\n)?<details><summary>Solution",
        raw,
        flags=re.S,
    )
    assert len(boxes) == raw.count("> **Write it yourself") >= 6  # one per kind of ps02 answer
    for cell in boxes:
        lines = [line for line in cell.strip().splitlines() if line.strip()]
        assert not lines or lines[-1].lstrip().startswith("#"), f"the answer is pre-filled:\n{cell}"


def _slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", heading.lower()).strip().replace(" ", "-")


def test_glossary_links_resolve():
    glossary = GLOSSARY.read_text(encoding="utf-8")
    terms = {_slug(h) for h in re.findall(r"^### (.+)$", glossary, re.M)}
    links = set(re.findall(r"\(\.\./glossary\.md#([a-z0-9-]+)\)", LESSON.read_text("utf-8")))
    assert links and links <= terms, links - terms


@pytest.mark.slow
def test_the_parameters_cell_swaps_the_cluster(tmp_path):
    notebook = ROOT / "modules" / "02-industry-segmentation" / "02-industry-segmentation.ipynb"
    executed = run_notebook(notebook, tmp_path, {"cluster": "se_energy"})
    outputs = [out for cell in executed.cells for out in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"]
    shown = "".join(
        str(o.get("data", {}).get("text/plain", "")) + o.get("text", "") for o in outputs
    )
    assert "South Sweden Energy Cluster: 52 members" in shown


def test_the_two_segmentations_agree_on_34_of_44(text, members):
    import warnings

    import pandas as pd

    from course import segmentation

    companies = _of(members, "lv_food", companies=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kmeans = segmentation.segment_members(companies, FEATURES, k=range(2, 6))
        ward = segmentation.segment_members(companies, FEATURES, k=kmeans.k, method="ward")
    table = pd.crosstab(kmeans.members["segment"], ward.members["segment"])
    assert len(companies) == table.to_numpy().sum() == 44
    assert table.max(axis=1).sum() == 34
    assert table.max(axis=1).tolist() == [15, 13, 6] and table.sum(axis=1).tolist() == [22, 15, 7]
    _quoted(text, "**34 of the 44 companies** land in matching segments and\n**10 move**",
            "(13 of k-means' 15 in one Ward\nsegment) and on the exporters (6 of 7); they disagree on 7 of the 22 small firms")  # fmt: skip
