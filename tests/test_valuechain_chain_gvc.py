"""Tests of course.valuechain's value-chain maps and GVC participation.

Expected numbers come from plain pandas counting (chains) and from numpy the long way, with an
explicit inverse and the full ``diag(v) L diag(e)`` matrix (GVC), instead of the library's solve.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from course import data
from course import valuechain as vc
from course.checks import CourseInputError, MissingDataWarning

MEMBERS = data.load("cluster_members")
LV_FOOD = MEMBERS[MEMBERS["cluster"] == "lv_food"].reset_index(drop=True)
STAGES = vc.value_chain_stages()["stage"].tolist()

# ---------------------------------------------------------------------------------------------
# Value-chain maps
# ---------------------------------------------------------------------------------------------


def test_stage_catalogue_covers_the_dataset_enum():
    import json

    from tests.conftest import ROOT

    package = json.loads((ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    members = next(r for r in package["resources"] if r["name"] == "cluster_members")
    field = next(f for f in members["schema"]["fields"] if f["name"] == "value_chain_stage")
    assert sorted(STAGES) == sorted(field["constraints"]["enum"])
    stages = vc.value_chain_stages()
    assert stages["order"].tolist() == list(range(1, 10))
    assert set(stages["value_system"]) == {"suppliers", "firms", "channels", "support"}


def test_map_counts_members_like_a_crosstab():
    chain = vc.value_chain_map(MEMBERS, by="cluster")
    counts = pd.crosstab(MEMBERS["value_chain_stage"], MEMBERS["cluster"])
    heads = MEMBERS.pivot_table(index="value_chain_stage", columns="cluster",
                                values="employees", aggfunc="sum", fill_value=0)  # fmt: skip
    for row in chain.itertuples():
        expected = counts[row.cluster].get(row.stage, 0)
        assert row.members == expected
        assert row.employees == heads[row.cluster].get(row.stage, 0)
        assert row.present == (expected > 0)
        assert row.gap == (expected == 0 and row.kind == "chain")
    assert len(chain) == 5 * 9
    assert chain[chain["cluster"] == "lv_food"]["stage"].tolist() == STAGES


def test_gaps_of_the_food_clusters():
    gaps = vc.value_chain_gaps(LV_FOOD)
    assert gaps["stage"].tolist() == ["inputs", "retail_services"]
    dk = vc.value_chain_gaps(MEMBERS[MEMBERS["cluster"] == "dk_food"])
    assert dk["stage"].tolist() == ["inputs", "retail_services"]
    # support stages are never gaps: lv_it has no member in six chain stages only
    it = vc.value_chain_gaps(MEMBERS[MEMBERS["cluster"] == "lv_it"])
    assert (it["kind"] == "chain").all() and len(it) == 6


def test_stages_choose_the_chain_of_a_cluster():
    energy = MEMBERS[MEMBERS["cluster"] == "se_energy"]
    chain = ["inputs", "primary_production", "logistics_distribution", "retail_services",
             "technology_provider", "research_education", "support_services"]  # fmt: skip
    gaps = vc.value_chain_gaps(energy, stages=chain)
    assert gaps["stage"].tolist() == ["logistics_distribution", "retail_services"]
    with pytest.raises(
        CourseInputError, match="holds stage\\(s\\) 'logistics_distribution', 'packaging'"
    ):
        vc.value_chain_map(LV_FOOD, stages=["inputs", "primary_production"])
    with pytest.raises(CourseInputError, match="must list course stages"):
        vc.value_chain_map(LV_FOOD, stages=["farming"])


def test_map_refuses_bad_member_tables():
    with pytest.raises(CourseInputError, match="5 different values of 'cluster'.*by='cluster'"):
        vc.value_chain_map(MEMBERS)
    with pytest.raises(CourseInputError, match="the table is empty"):
        vc.value_chain_map(LV_FOOD.iloc[:0])
    with pytest.raises(CourseInputError, match="repeat the same member_id"):
        vc.value_chain_map(pd.concat([LV_FOOD, LV_FOOD.iloc[:1]]))
    with pytest.raises(CourseInputError, match="no column 'value_chain_stage'"):
        vc.value_chain_map(LV_FOOD.drop(columns="value_chain_stage"))
    typo = LV_FOOD.assign(value_chain_stage=LV_FOOD["value_chain_stage"].replace(
        "packaging", "packing"))  # fmt: skip
    with pytest.raises(CourseInputError, match="'packing' that are not in the chain"):
        vc.value_chain_map(typo)
    no_stage = LV_FOOD.assign(value_chain_stage=LV_FOOD["value_chain_stage"].where(
        LV_FOOD.index != 3))  # fmt: skip
    with pytest.raises(CourseInputError, match="'value_chain_stage' is blank in 1 row.*blank_keys"):
        vc.value_chain_map(no_stage)
    with pytest.raises(CourseInputError, match="negative"):
        vc.value_chain_map(LV_FOOD.assign(employees=-LV_FOOD["employees"]))


def test_missing_headcount_is_unknown_not_zero():
    unknown = LV_FOOD.assign(employees=LV_FOOD["employees"].astype(float).where(LV_FOOD.index != 0))
    stage = LV_FOOD.loc[0, "value_chain_stage"]
    with pytest.warns(MissingDataWarning, match=LV_FOOD.loc[0, "member_id"]):
        chain = vc.value_chain_map(unknown).set_index("stage")
    assert np.isnan(chain.loc[stage, "employees"])
    assert chain.loc[stage, "members"] == (LV_FOOD["value_chain_stage"] == stage).sum()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        full = vc.value_chain_map(LV_FOOD).set_index("stage")
    others = chain.index != stage
    pd.testing.assert_series_equal(chain.loc[others, "employees"], full.loc[others, "employees"])


def test_graph_follows_the_chain_and_support():
    graph = vc.value_chain_graph(vc.value_chain_map(LV_FOOD))
    flow = [(a, b) for a, b, d in graph.edges(data=True) if d["kind"] == "flow"]
    assert flow == list(zip(STAGES[:5], STAGES[1:6], strict=True))
    support = {(a, b) for a, b, d in graph.edges(data=True) if d["kind"] == "support"}
    assert support == {(s, t) for s in STAGES[6:] for t in ("processing", "packaging")}
    assert graph.nodes["processing"]["members"] == 20
    with pytest.raises(CourseInputError, match="A graph shows one cluster"):
        vc.value_chain_graph(vc.value_chain_map(MEMBERS, by="cluster"))


def _spoilt(column: str, value, row: int = 3) -> pd.DataFrame:
    table = LV_FOOD.astype({column: object}).copy()
    table.loc[row, column] = value
    return table


@pytest.mark.parametrize("blank", [np.nan, "", "  "])
def test_a_member_without_an_id_is_refused(blank):
    with pytest.raises(CourseInputError, match="'member_id' is blank in 1 row") as caught:
        vc.value_chain_map(_spoilt("member_id", blank))
    assert "blank_keys" not in str(caught.value)  # an id cannot be "(unknown)": fill it in
    with pytest.raises(CourseInputError, match="'member_id' is blank"):
        vc.value_chain_map(_spoilt("member_id", blank), blank_keys="unknown")


@pytest.mark.parametrize("blank", [np.nan, "", "  "])
def test_a_member_without_a_stage_is_refused_or_counted_as_unknown(blank):
    spoilt = _spoilt("value_chain_stage", blank)
    stage = LV_FOOD.loc[3, "value_chain_stage"]
    with pytest.raises(CourseInputError, match=r"blank in 1 row\(s\) \(rows of member_id lv_f"):
        vc.value_chain_map(spoilt)
    with pytest.warns(MissingDataWarning, match="counted as their own group '\\(unknown\\)'"):
        chain = vc.value_chain_map(spoilt, blank_keys="unknown").set_index("stage")
    full = vc.value_chain_map(LV_FOOD).set_index("stage")
    # no member lost: the totals add up, and only the member's own stage changes
    assert chain["members"].sum() == full["members"].sum() == len(LV_FOOD)
    assert chain["employees"].sum() == full["employees"].sum()
    assert chain.loc["(unknown)", "members"] == 1 and not chain.loc["(unknown)", "gap"]
    assert chain.index[-1] == "(unknown)" and chain.loc["(unknown)", "kind"] == "(unknown)"
    assert chain.loc[stage, "members"] == full.loc[stage, "members"] - 1
    others = full.index != stage
    pd.testing.assert_frame_equal(chain.loc[full.index[others]], full.loc[others])
    graph = vc.value_chain_graph(chain.reset_index())
    assert "(unknown)" not in graph and graph.number_of_nodes() == 9


def test_a_member_without_a_cluster_is_refused_or_its_own_group():
    spoilt = MEMBERS.astype({"cluster": object}).copy()
    spoilt.loc[10, "cluster"] = ""
    with pytest.raises(CourseInputError, match="'cluster' is blank in 1 row"):
        vc.value_chain_map(spoilt, by="cluster")
    with pytest.warns(MissingDataWarning):
        chain = vc.value_chain_map(spoilt, by="cluster", blank_keys="unknown")
    assert chain["members"].sum() == len(MEMBERS)
    unknown = chain[chain["cluster"] == "(unknown)"]
    assert unknown["members"].sum() == 1
    # one cluster's table with a member whose cluster is blank: which cluster is it in?
    one = LV_FOOD.astype({"cluster": object}).copy()
    one.loc[5, "cluster"] = np.nan
    with pytest.raises(CourseInputError, match="'cluster' is blank"):
        vc.value_chain_map(one)


def test_total_rows_are_refused_or_dropped():
    total = LV_FOOD.iloc[[0]].assign(member_id="TOTAL", employees=LV_FOOD["employees"].sum())
    with_total = pd.concat([LV_FOOD, total], ignore_index=True)
    with pytest.raises(CourseInputError, match="'member_id' holds total rows.*'TOTAL'"):
        vc.value_chain_map(with_total)
    from course._guards import AggregateRowWarning

    with pytest.warns(AggregateRowWarning, match="TOTAL"):
        chain = vc.value_chain_map(with_total, drop_aggregates=True)
    pd.testing.assert_frame_equal(chain, vc.value_chain_map(LV_FOOD))
    # a country beside its regions, when the map is made per region
    country = LV_FOOD.assign(region=np.where(LV_FOOD.index < 4, "LV", LV_FOOD["region"]))
    with pytest.raises(CourseInputError, match="'region' holds total rows.*'LV'"):
        vc.value_chain_map(country, by="region")


def test_value_chain_gaps_takes_the_same_options():
    spoilt = _spoilt("value_chain_stage", "")
    with pytest.warns(MissingDataWarning):
        gaps = vc.value_chain_gaps(spoilt, blank_keys="unknown")
    assert "(unknown)" not in set(gaps["stage"])


# ---------------------------------------------------------------------------------------------
# GVC participation
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def baltic():
    return vc.baltic_mrio()


def _long_way(Z: pd.DataFrame, Y: pd.DataFrame, value_added: np.ndarray):
    """VA origin x exporter with explicit inverse and the full diag(v) L diag(e) matrix."""
    regions = list(pd.unique(Z.index.get_level_values(0)))
    x = Z.to_numpy().sum(axis=1) + Y.to_numpy().sum(axis=1)
    L = np.linalg.inv(np.eye(len(x)) - Z.to_numpy() / x[None, :])
    rows = np.array(Z.index.get_level_values(0))
    exports = np.zeros(len(x))
    for k in range(len(x)):
        to_others = np.array(Z.columns.get_level_values(0)) != rows[k]
        final_others = np.array(Y.columns.get_level_values(0)) != rows[k]
        exports[k] = Z.to_numpy()[k, to_others].sum() + Y.to_numpy()[k, final_others].sum()
    content = np.diag(value_added / x) @ L @ np.diag(exports)
    table = {}
    for origin in regions:
        for exporter in regions:
            table[origin, exporter] = content[np.ix_(rows == origin, rows == exporter)].sum()
    gross = {r: exports[rows == r].sum() for r in regions}
    return table, gross


def test_value_added_in_exports_against_the_full_matrix(baltic):
    va = vc.value_added_in_exports(baltic)
    value_added = baltic.factor_inputs.F.sum(axis=0).to_numpy()
    table, gross = _long_way(baltic.Z, baltic.Y, value_added)
    for row in va.itertuples():
        assert row.value_added == pytest.approx(table[row.origin, row.region], rel=1e-9)
        assert row.gross_exports == pytest.approx(gross[row.region], rel=1e-12)


def test_gvc_on_pymrio_test_system_against_the_full_matrix():
    pymrio = pytest.importorskip("pymrio")
    system = pymrio.load_test()
    value_added = system.factor_inputs.F.loc["Value Added"]
    result = vc.gvc_participation(system.Z, system.Y, value_added).set_index("region")
    table, gross = _long_way(system.Z, system.Y, value_added.to_numpy())
    for region in result.index:
        foreign = sum(v for (o, e), v in table.items() if e == region and o != region)
        partner = sum(v for (o, e), v in table.items() if o == region and e != region)
        assert result.loc[region, "backward"] == pytest.approx(foreign / gross[region], rel=1e-8)
        assert result.loc[region, "forward"] == pytest.approx(partner / gross[region], rel=1e-8)
    # the same from the system itself
    pd.testing.assert_frame_equal(vc.gvc_participation(system).set_index("region"), result)


def test_baltic_table_is_balanced_and_deterministic(baltic):
    x = baltic.x["indout"].to_numpy()
    np.testing.assert_allclose(baltic.Z.sum(axis=1) + baltic.Y.sum(axis=1), x, rtol=1e-12)
    value_added = baltic.factor_inputs.F.loc["Value Added"].to_numpy()
    np.testing.assert_allclose(baltic.Z.sum(axis=0).to_numpy() + value_added, x, rtol=1e-12)
    assert (value_added > 0).all()
    again = vc.baltic_mrio()
    pd.testing.assert_frame_equal(again.Z, baltic.Z)
    assert not vc.baltic_mrio(seed=1).Z.equals(baltic.Z)


def test_participation_identities_on_a_balanced_table(baltic):
    result = vc.gvc_participation(baltic).set_index("region")
    # value added closes every column, so exports split into domestic and foreign value added
    np.testing.assert_allclose(
        result["domestic_value_added"] + result["foreign_value_added"], result["gross_exports"],
        rtol=1e-9,
    )  # fmt: skip
    # every region's foreign value added is some other region's value added in partner exports
    assert result["foreign_value_added"].sum() == pytest.approx(
        result["value_added_in_partner_exports"].sum(), rel=1e-9
    )
    np.testing.assert_allclose(result["participation"], result["backward"] + result["forward"])
    # the numbers the lesson quotes
    assert result.loc["LV", "backward"] == pytest.approx(0.278, abs=5e-4)
    assert result.loc["EE", "backward"] == pytest.approx(0.292, abs=5e-4)
    assert result.loc["SE", "backward"] == pytest.approx(0.246, abs=5e-4)
    assert result["backward"].drop("RoW").idxmax() == "EE"


def test_gvc_refuses_bad_input(baltic):
    with pytest.raises(CourseInputError, match="pass a pymrio IOSystem, or Z, Y and value_added"):
        vc.gvc_participation(baltic.Z)
    value_added = baltic.factor_inputs.F.sum(axis=0)
    with pytest.raises(CourseInputError, match="no level 'country'"):
        vc.gvc_participation(baltic.Z, baltic.Y, value_added, region="country")
    plain = baltic.Z.copy()
    plain.index = plain.columns = [f"{r}-{s}" for r, s in baltic.Z.index]
    with pytest.raises(CourseInputError, match="no level 'region'"):
        vc.gvc_participation(plain, baltic.Y, value_added)
    with pytest.raises(CourseInputError, match="labels of value_added differ"):
        vc.gvc_participation(baltic.Z, baltic.Y, value_added.iloc[1:])
    other = baltic.Y.rename(columns={"RoW": "World"}, level="region")
    with pytest.raises(CourseInputError, match="region\\(s\\) 'World' have no rows"):
        vc.gvc_participation(baltic.Z, other, value_added)
    with pytest.raises(CourseInputError, match="missing"):
        vc.gvc_participation(baltic.Z.mask(baltic.Z > 1e6), baltic.Y, value_added)


def _with_world(system):
    """The Baltic table with one more region, WORLD, that adds up all the others."""
    Z, Y = system.Z, system.Y
    va = system.factor_inputs.F.sum(axis=0)
    sectors = Z.index.get_level_values("sector")
    world = pd.MultiIndex.from_product([["WORLD"], pd.unique(sectors)], names=Z.index.names)
    by_sector = Z.groupby(level="sector", sort=False).sum()  # WORLD's rows
    rows = pd.DataFrame(by_sector.to_numpy(), index=world, columns=Z.columns)
    Z2 = pd.concat([Z, rows])
    columns = Z2.T.groupby(level="sector", sort=False).sum().T  # WORLD's columns
    Z2 = pd.concat([Z2, pd.DataFrame(columns.to_numpy(), index=Z2.index, columns=world)], axis=1)
    Y_rows = pd.DataFrame(Y.groupby(level="sector", sort=False).sum().to_numpy(), index=world,
                          columns=Y.columns)  # fmt: skip
    Y2 = pd.concat([Y, Y_rows])
    Y2[("WORLD", "Final demand")] = Y2.T.groupby(level="region").sum().T.sum(axis=1)
    va2 = pd.concat([va, pd.Series(va.groupby(level="sector", sort=False).sum().to_numpy(),
                                   index=world)])  # fmt: skip
    return Z2, Y2, va2


def test_a_total_region_is_refused_or_dropped(baltic):
    Z, Y, va = _with_world(baltic)
    with pytest.raises(
        CourseInputError, match="total rows and columns \\('WORLD'\\).*level='region'"
    ):
        vc.gvc_participation(Z, Y, va)
    from course._guards import AggregateRowWarning

    with pytest.warns(AggregateRowWarning, match="WORLD"):
        result = vc.gvc_participation(Z, Y, va, drop_aggregates=True)
    assert set(result.attrs["left_out"]) == {("WORLD", s) for s in vc._gvc.BALTIC_SECTORS}
    clean = vc.gvc_participation(baltic)
    pd.testing.assert_frame_equal(result, clean, rtol=1e-12)


def test_an_empty_sector_of_a_multi_region_table_is_left_out(baltic):
    idle = ("LV", "idle")
    labels = baltic.Z.index.append(pd.MultiIndex.from_tuples([idle], names=baltic.Z.index.names))
    Z = baltic.Z.reindex(index=labels, columns=labels, fill_value=0.0)
    Y = baltic.Y.reindex(index=labels, fill_value=0.0)
    va = baltic.factor_inputs.F.sum(axis=0).reindex(labels, fill_value=0.0)
    with pytest.warns(vc.EmptySectorWarning, match="idle"):
        result = vc.gvc_participation(Z, Y, va)
    assert result.attrs["left_out"] == {idle: "no output, sales or purchases"}
    pd.testing.assert_frame_equal(result, vc.gvc_participation(baltic), check_like=True)


def test_a_region_without_a_name_is_refused(baltic):
    Z = baltic.Z.rename(index={"EE": ""}, columns={"EE": ""}, level="region")
    with pytest.raises(CourseInputError, match="without a label"):
        vc.gvc_participation(Z, baltic.Y, baltic.factor_inputs.F.sum(axis=0))


def test_the_seed_of_the_baltic_table_is_passed_by_name():
    with pytest.warns(DeprecationWarning, match="baltic_mrio\\(..., seed=1\\)"):
        old = vc.baltic_mrio(1)
    pd.testing.assert_frame_equal(old.Z, vc.baltic_mrio(seed=1).Z)
