"""Every number the lesson of module 3 quotes in its prose, recomputed from the course data.

Each test recomputes one claim with plain pandas and numpy from the CSV files (not with
``course.valuechain``, so a bug in the library cannot confirm itself), and checks that the text
quotes it. The GVC shares come from the course's fictional multi-region table, which only the
library builds; they are recomputed here from its Z, Y and value added with a plain numpy
inverse. When you change the text, change the test, and the other way round.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from tests.conftest import ROOT, run_notebook
from tests.conftest import quoted as _quoted

FOLDER = ROOT / "modules" / "03-value-chain"
LESSON = FOLDER / "03-value-chain.md"
GLOSSARY = ROOT / "modules" / "glossary.md"
GUIDE = ROOT / "docs" / "instructors" / "03-value-chain.md"


@pytest.fixture(scope="module")
def io():
    """Z, x, final demand, value added, imports and employment of io_table, with plain pandas."""
    table = pd.read_csv(ROOT / "datasets" / "io_table.csv")
    rows = table[table["kind"] == "industry"].set_index("code")
    codes = list(rows.index)
    Z = rows[codes].astype(float)
    x = rows["total"].astype(float)
    accounts = table.set_index("kind")
    A = Z / x  # divides column j by x[j]
    L = pd.DataFrame(np.linalg.inv(np.eye(len(codes)) - A.to_numpy()), index=codes, columns=codes)
    return {
        "table": table,
        "Z": Z,
        "x": x,
        "A": A,
        "L": L,
        "y": rows[["households", "government", "investment", "exports"]].sum(axis=1),
        "va": accounts.loc["value_added", codes].astype(float),
        "imports": accounts.loc["imports", codes].astype(float),
        "jobs": accounts.loc["employment", codes].astype(float) * 1000,
    }


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    return pd.read_csv(ROOT / "datasets" / "cluster_members.csv")


# --- section 2: the table -------------------------------------------------------------------------


def test_the_table(text, io):
    assert len(io["x"]) == 18
    assert round(io["x"].sum()) == 66061
    assert io["Z"].loc["agriculture", "food"] == 833.3
    row = io["table"].set_index("code").loc["agriculture"]
    assert (row["households"], row["exports"], row["total"]) == (270.0, 585.0, 2094.1)
    assert io["x"]["food"] == 2777.6
    _quoted(text, "18 industries", "EUR 833.3 million to the food industry", "270 to households and 585 abroad",
            "total output of 2,094.1", "EUR 2,777.6 million")  # fmt: skip


# --- sections 3 and 4: coefficients and the Leontief inverse ----------------------------------------


def test_technical_coefficients(text, io):
    A = io["A"]
    assert round(A.loc["agriculture", "food"], 2) == 0.30
    assert round(A.loc["paper_packaging", "food"], 3) == 0.040
    assert round(A.loc["plastic_packaging", "food"], 3) == 0.035
    assert round(io["Z"].loc["plastic_packaging", "food"], 1) == 97.2
    assert round(A.loc["paper_packaging", "food"] + A.loc["plastic_packaging", "food"], 3) == 0.075
    packaging = io["Z"].loc[["paper_packaging", "plastic_packaging"], "food"].sum()
    assert packaging > 200
    _quoted(text, "30 cents of agriculture (833.3 / 2,777.6) and 4 cents of paper packaging", "**0.035**: 3.5 cents",
            "together are 7.5 cents", "EUR million (97.2)", "a market of over EUR 200 million")  # fmt: skip


def test_leontief_inverse(text, io):
    L = io["L"]
    assert round(L.loc["agriculture", "food"], 3) == 0.375
    assert round(L.loc["food", "food"], 3) == 1.099
    assert round(L.loc["paper_packaging", "food"], 4) == 0.0486
    assert 1.2 < L.loc["paper_packaging", "food"] / io["A"].loc["paper_packaging", "food"] < 1.25
    # x = L y
    assert np.allclose(L.to_numpy() @ io["y"].to_numpy(), io["x"].to_numpy())
    _quoted(text, "agriculture produces 0.375 euro in all", "produces 1.099", "About **0.0486**, against 0.040 directly: a fifth more",
            "about 4.9 cents of paper packaging")  # fmt: skip


# --- section 5: multipliers ----------------------------------------------------------------------------


def test_multipliers(text, io):
    L, x = io["L"], io["x"]
    output = L.sum(axis=0)
    assert output.idxmax() == "food" and round(output["food"], 3) == 2.159
    assert output.idxmin() == "wholesale" and round(output["wholesale"], 3) == 1.447
    va = (io["va"] / x) @ L
    imports = (io["imports"] / x) @ L
    assert np.allclose(va + imports, 1)
    assert round(va["food"], 3) == 0.674 and round(imports["food"], 3) == 0.326
    jobs = (io["jobs"] / x) @ L
    direct = io["jobs"] / x
    assert round(jobs["food"], 1) == 23.6 and round(direct["food"], 1) == 8.3
    assert round(jobs["food"] / direct["food"], 2) == 2.84
    assert round(jobs["beverages"], 1) == 15.2 and round(direct["beverages"], 2) == 5.05
    assert round(jobs["beverages"] / direct["beverages"], 1) == 3.0
    _quoted(text, "**2.159**", "**0.674** ends as domestic value added and 0.326 as imports", "about **23.6 jobs**",
            "of which 8.3", "the ratio, 2.84", "wholesale's (1.447)", "About **15.2** persons",
            "(5.05, the breweries' own jobs)", "(3.0, a ratio")  # fmt: skip


# --- section 6: linkages ------------------------------------------------------------------------------


def _linkages(io, forward="leontief"):
    L = io["L"]
    backward = L.mean(axis=0) / L.to_numpy().mean()
    if forward == "leontief":
        ahead = L.mean(axis=1) / L.to_numpy().mean()
    else:
        B = io["Z"].div(io["x"], axis=0)
        G = pd.DataFrame(np.linalg.inv(np.eye(len(B)) - B.to_numpy()), index=B.index)
        ahead = G.mean(axis=1) / G.to_numpy().mean()
    return backward, ahead


def test_linkages(text, io):
    backward, forward = _linkages(io)
    key = sorted(backward.index[(backward > 1) & (forward > 1)])
    assert key == sorted(["agriculture", "forestry_wood", "energy"])
    assert backward.idxmax() == "food"
    assert (round(backward["food"], 3), round(forward["food"], 3)) == (1.288, 0.824)
    backward_only = set(backward.index[(backward > 1) & (forward <= 1)])
    assert {"food", "beverages", "paper_packaging"} <= backward_only
    forward_only = set(backward.index[(backward <= 1) & (forward > 1)])
    assert {"business_services", "transport_logistics"} <= forward_only
    # food is the strongest buyer, not the most connected industry: 11th of 18 as a supplier
    assert backward.rank(ascending=False)["food"] == 1
    assert forward.rank(ascending=False)["food"] == 11 and len(forward) == 18
    assert io["L"].sum(axis=0).idxmax() == "food"
    _quoted(text, "**Food is the strongest buyer of the table** (output multiplier 2.159, the strongest backward\n  linkage)",
            "as a supplier it ranks only 11th of 18 (forward linkage 0.824)",
            "(\"food has the strongest backward links in the table\")")  # fmt: skip
    assert "most connected" not in text
    _, ghosh = _linkages(io, "ghosh")
    assert round(ghosh["food"], 3) == 0.790
    types = lambda f: set(backward.index[(backward > 1) & (f > 1)])  # noqa: E731
    assert types(ghosh) != types(forward)  # "some other industries change type"
    _quoted(text, "strongest backward linkage (1.288) but a forward linkage of only 0.824", "(forward 0.790)",
            "`['agriculture', 'forestry_wood', 'energy']`")  # fmt: skip


# --- section 7: suppliers and buyers ---------------------------------------------------------------


def test_buyers_of_packaging(text, io):
    Z, x = io["Z"], io["x"]
    B = Z.div(x, axis=0)
    G = pd.DataFrame(np.linalg.inv(np.eye(len(B)) - B.to_numpy()), index=B.index, columns=B.index)
    assert round(100 * B.loc["paper_packaging", "food"], 1) == 21.6
    assert round(100 * G.loc["paper_packaging", "food"], 1) == 26.3
    assert round(100 * B.loc["plastic_packaging", "food"], 1) == 17.9
    plastic = Z.loc["plastic_packaging"].drop("plastic_packaging").sort_values(ascending=False)
    assert plastic.index[:2].tolist() == ["food", "wholesale"]
    assert round(100 * B.loc["plastic_packaging", "wholesale"], 1) == 7.6
    exports = io["table"].set_index("code").loc[["paper_packaging", "plastic_packaging"], "exports"]
    assert (exports / x[exports.index] > 0.4).all()  # "mostly, abroad"
    _quoted(text, "takes **21.6 %** of paper packaging's output directly; of plastic packaging,\n17.9 %",
            "Wholesale (7.6 % of plastic packaging's output)")  # fmt: skip


def test_the_ghosh_totals_are_not_shares(text, io):
    # G - I: the output of each buyer per euro of the seller's primary inputs, not a share
    Z, x = io["Z"], io["x"]
    B = Z.div(x, axis=0)
    G = pd.DataFrame(np.linalg.inv(np.eye(len(B)) - B.to_numpy()), index=B.index, columns=B.index)
    total = G - np.eye(len(G))
    assert round(total.loc["paper_packaging", "food"], 3) == 0.263
    # G = diag(x)^-1 L diag(x): one euro of primary inputs in i goes with G[i, j] of j's output
    L = io["L"]
    assert np.allclose(G, L.mul(x, axis=1).div(x, axis=0))
    over_one = sorted(total.index[total.sum(axis=1) > 1])
    assert over_one == ["business_services", "energy"]  # no share adds up to more than 1
    _quoted(text, "`total_allocation` (0.263\nfor food) is **not a share**", "goes with 0.263 euro more",
            "(for energy and business services they do)")  # fmt: skip
    # the instructor notes repeat the reading, with the same numbers
    _quoted(GUIDE.read_text(encoding="utf-8"), "(0.263 of food's output per euro of paper packaging's)",
            "it passes 1 for energy and business services", "`allocation_coefficient` (21.6 % for food)",
            "ranks 11th of 18 forward")  # fmt: skip


# --- section 8: the value-chain map ----------------------------------------------------------------


def test_vidzeme_and_jutland_maps(text, members):
    ours = members[members["cluster"] == "lv_food"]
    counts = ours["value_chain_stage"].value_counts()
    assert len(ours) == 58
    assert (counts["processing"], counts["packaging"], counts["primary_production"]) == (20, 6, 6)
    assert counts["logistics_distribution"] == 6
    packaging = ours.loc[ours["value_chain_stage"] == "packaging", "industry"].value_counts()
    assert packaging.to_dict() == {"C17": 3, "C22": 3}
    chain = ["inputs", "primary_production", "processing", "packaging", "logistics_distribution",
             "retail_services"]  # fmt: skip
    assert [s for s in chain if s not in counts] == ["inputs", "retail_services"]
    theirs = members[members["cluster"] == "dk_food"]
    their_counts = theirs["value_chain_stage"].value_counts()
    assert [s for s in chain if s not in their_counts] == ["inputs", "retail_services"]
    farms = lambda t: t[t["value_chain_stage"] == "primary_production"]["employees"]  # noqa: E731
    assert (len(farms(theirs)), farms(theirs).sum()) == (12, 2038)
    assert (len(farms(ours)), farms(ours).sum()) == (6, 78)
    assert their_counts["technology_provider"] == 6
    _quoted(text, "has 58 members: 20 on processing, 6 on packaging (three paper, three plastic firms), 6 farms",
            "6 in logistics", "`['inputs', 'retail_services']`", "12 primary producers with 2,038 employees, against Vidzeme's 6 with 78",
            "has 6 technology providers")  # fmt: skip


def test_it_and_logistics_thread(text, io):
    Z, x = io["Z"], io["x"]
    assert Z.loc["ict", "transport_logistics"] == 94.4
    share = Z.loc["ict"] / x["ict"]
    order = share.sort_values(ascending=False)
    assert order.index[:5].tolist() == ["ict", "finance_real_estate", "public_services",
                                        "business_services", "transport_logistics"]  # fmt: skip
    assert [round(100 * share[c], 1) for c in order.index[:4]] == [15.0, 8.7, 6.8, 6.6]
    assert round(share["transport_logistics"], 3) == 0.030
    assert round(io["A"].loc["ict", "transport_logistics"], 3) == 0.015
    assert round(io["L"].loc["ict", "transport_logistics"], 4) == 0.0307
    _quoted(text, "buys **EUR 94.4 million** of ICT services, the fifth-largest buyer", "(15.0 % of ICT's output)",
            "finance and real estate (8.7 %), public services (6.8 %) and\nbusiness services (6.6 %)",
            "about **3 %** (0.030)", "**1.5 cents**", "about **3.1 cents** (0.0307)", "(3 % of their output)")  # fmt: skip


def test_it_chain(text, members):
    it = members[members["cluster"] == "lv_it"]
    assert len(it) == 46 and (it["value_chain_stage"] == "technology_provider").sum() == 35
    goods = ["inputs", "primary_production", "processing", "packaging", "logistics_distribution",
             "retail_services"]  # fmt: skip
    assert not it["value_chain_stage"].isin(goods).any()  # six false gaps on the goods chain
    companies = it[it["member_type"] == "company"]["industry"].value_counts()
    assert companies["J62"] + companies["J58"] == 27
    assert companies["C26"] + companies["J61"] == 5 and companies["J63"] == 3
    _quoted(text, "would show six\ngaps, none of them real: 35 of its 46 members", "27 of the Riga IT cluster's members",
            "5 hardware and networks, 3 run\ndata and platform services", "3 data and platform firms beside 27 software houses")  # fmt: skip


# --- section 9 and optional B: GVC participation ------------------------------------------------------


@pytest.fixture(scope="module")
def gvc():
    """Backward and forward shares of the course's fictional MRIO, with a plain numpy inverse."""
    from course import valuechain

    system = valuechain.baltic_mrio()
    Z, Y = system.Z.to_numpy(), system.Y.to_numpy()
    va = system.factor_inputs.F.sum(axis=0).to_numpy()
    regions = system.Z.index.get_level_values("region").to_numpy()
    column_regions = system.Y.columns.get_level_values("region").to_numpy()
    x = Z.sum(axis=1) + Y.sum(axis=1)
    L = np.linalg.inv(np.eye(len(x)) - Z / x)
    exports = (Z * (regions[:, None] != regions[None, :])).sum(axis=1) + (
        Y * (regions[:, None] != column_regions[None, :])
    ).sum(axis=1)
    content = (va / x)[:, None] * L * exports[None, :]  # origin sector x exporting sector
    names = pd.unique(regions)
    by = pd.DataFrame(
        [[content[regions == o][:, regions == r].sum() for r in names] for o in names],
        index=names,
        columns=names,
    )  # origin x exporter
    gross = pd.Series([exports[regions == r].sum() for r in names], index=names)
    foreign = by.sum(axis=0) - np.diag(by)
    partner = by.sum(axis=1) - np.diag(by)
    return {"backward": foreign / gross, "forward": partner / gross, "by": by, "gross": gross}


def test_gvc_participation(text, gvc):
    rounded = {
        r: (round(100 * gvc["backward"][r], 1), round(100 * gvc["forward"][r], 1))
        for r in ["LV", "EE", "SE"]
    }
    assert rounded == {"LV": (27.8, 7.0), "EE": (29.2, 6.2), "SE": (24.6, 1.0)}
    latvia = gvc["by"]["LV"].drop("LV").sort_values(ascending=False)
    assert latvia.index.tolist()[:3] == ["RoW", "LT", "EE"]
    _quoted(text, "**27.8 %** of Latvia's gross exports", "**7.0 %**", "Estonia is similar (29.2 %, 6.2 %)",
            "forward share of only 1.0 %", "over a quarter of Latvia's exports", "then from its neighbours Lithuania and Estonia")  # fmt: skip


# --- structure, timing, glossary, parameters ----------------------------------------------------------


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


def test_section_minutes_match_the_table_and_add_up(text):
    table = dict(re.findall(r"^\| (\d) [^|]+\| (\d+) \|", text, flags=re.M))
    for section in _core_sections(text):
        stated = re.search(r"^\*(\d+) min", section, flags=re.M).group(1)
        assert table[section[3]] == stated, section.splitlines()[0]
    rows = re.findall(
        r"^\| (\d[^|]*|Before you start; the case|Back to the case, key points) \| (\d+) \|",
        text,
        re.M,
    )
    assert sum(int(m) for _, m in rows) == 126
    writing = re.findall(r"^\| \d [^|]+\| \d+ \| (\d+) \|", text, flags=re.M)
    assert sum(map(int, writing)) == 30
    assert "**Core total** | **126** | **30**" in text


def test_write_it_yourself_cells_leave_the_line_to_the_learner(text):
    boxes = re.findall(
        r"> \*\*Write it yourself.*?```\{code-cell\} ipython3\n(.*?)```\n\n(?:\+\+\+[^\n]*\n\n)?<details><summary>Solution",
        text,
        flags=re.S,
    )
    # one per kind of ps03 answer: coefficient, Leontief inverse, multiplier, key sectors, gaps
    assert len(boxes) == text.count("> **Write it yourself") == 5
    for cell in boxes:
        lines = [line for line in cell.strip().splitlines() if line.strip()]
        assert not lines or lines[-1].lstrip().startswith("#"), f"the answer is pre-filled:\n{cell}"


def _slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", heading.lower()).strip().replace(" ", "-")


def test_glossary_links_resolve(text):
    glossary = GLOSSARY.read_text(encoding="utf-8")
    terms = {_slug(h) for h in re.findall(r"^### (.+)$", glossary, re.M)}
    links = set(re.findall(r"\(\.\./glossary\.md#([a-z0-9-]+)\)", text))
    assert links and links <= terms, links - terms


def test_the_lesson_does_not_give_away_ps03(text):
    # ps03 asks for beverages' paper packaging, agriculture for beverages, paper packaging's jobs,
    # the key sectors with the Ghosh forward index and the energy cluster's gaps
    for secret in [
        "0.162",
        "14.75",
        "'paper_packaging', 'energy'",
        "logistics_distribution', 'retail",
    ]:
        assert secret not in text


def test_the_parameters_cell_swaps_the_cluster_and_industry(tmp_path):
    executed = run_notebook(
        FOLDER / "03-value-chain.ipynb",
        tmp_path,
        {"cluster": "se_energy", "partner": "lv_food", "industry": "beverages"},
    )
    outputs = [o for cell in executed.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = "".join(
        str(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", "")) for o in outputs
    )
    assert "South Sweden Energy Cluster: 52 members" in shown
    assert "Beverages (C11)" in shown
