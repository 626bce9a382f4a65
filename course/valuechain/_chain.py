"""Value-chain maps: a cluster's members placed on the stages of its value system, and the gaps.

Porter (1985) describes a firm's value chain (primary activities: inbound logistics,
operations, outbound logistics, marketing and sales, service; support activities: firm
infrastructure, human resources, technology development, procurement) and the **value system**
that links suppliers', firms', channels' and buyers' chains. At cluster level the question is
which stages of that system are present in the region and which are bought in from elsewhere:
a stage without a local member is a **gap**, and a gap is a candidate for a partnership (a
cross-industry or cross-border project) or for attracting a firm.

The stages are the course's own (``cluster_members.value_chain_stage``); how they are placed
on Porter's value system is a **course convention**, not an official classification.

A service or technology cluster has a chain of its own: software is not "processed" and
"packaged". :data:`CHAINS` holds four chains (``goods``, ``it``, ``energy``, ``logistics``);
on the three service chains a company is placed by its NACE division (a software house, J62, on
``software_services``), and every other member by its ``value_chain_stage`` (a university on
``research_education``). :data:`CLUSTER_CHAINS` says which chain fits each course cluster.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course._guards import UNKNOWN, check_aggregates, check_keys
from course.checks import (
    CourseInputError,
    require_columns,
    require_non_negative,
    require_rows,
    require_single_value,
    require_unique_rows,
    warn_missing_cells,
)

__all__ = [
    "CHAINS",
    "CLUSTER_CHAINS",
    "STAGE_CODES",
    "value_chain_stages",
    "value_chain_map",
    "value_chain_gaps",
    "value_chain_graph",
]

# The goods chain, the source of the stage codes of cluster_members.value_chain_stage:
# stage, name, part of Porter's value system, kind: the chain's flow of goods, or support
_STAGES = [
    ("inputs", "Inputs and components", "suppliers", "chain"),
    ("primary_production", "Primary production", "suppliers", "chain"),
    ("processing", "Processing", "firms", "chain"),
    ("packaging", "Packaging", "firms", "chain"),
    ("logistics_distribution", "Logistics and distribution", "channels", "chain"),
    ("retail_services", "Retail and buyer services", "channels", "chain"),
    ("technology_provider", "Technology providers", "support", "support"),
    ("research_education", "Research and education", "support", "support"),
    ("support_services", "Support services", "support", "support"),
]
STAGE_CODES = tuple(stage for stage, *_ in _STAGES)
_SUPPORT = _STAGES[-3:]
# Service and technology chains: stage, name, value system, kind, and the NACE divisions of the
# companies it holds (a course convention, read from the NACE Rev. 2 titles).
_IT = [
    ("hardware_networks", "Hardware and networks", "suppliers", "chain", ("C26", "J61")),
    ("software_services", "Software and IT services", "firms", "chain", ("J62", "J58")),
    ("data_platforms", "Data, hosting and platforms", "channels", "chain", ("J63",)),
]
_ENERGY = [
    ("equipment", "Equipment and components", "suppliers", "chain", ("C25", "C27", "C28")),
    ("generation_supply", "Generation and supply", "firms", "chain", ("D35",)),
    ("engineering_installation", "Engineering and installation", "channels", "chain",
     ("M71", "F42", "F43")),
]  # fmt: skip
_LOGISTICS = [
    ("freight_transport", "Freight transport", "firms", "chain", ("H49", "H50", "H51")),
    ("warehousing_terminals", "Warehousing and terminals", "firms", "chain", ("H52",)),
    ("postal_courier", "Postal and courier", "channels", "chain", ("H53",)),
    ("wholesale_distribution", "Wholesale and distribution", "channels", "chain", ("G46",)),
]
CHAINS = {
    "goods": [(*stage, ()) for stage in _STAGES],
    "it": [*_IT, *((*stage, ()) for stage in _SUPPORT[1:])],
    "energy": [*_ENERGY, *((*stage, ()) for stage in _SUPPORT)],
    "logistics": [*_LOGISTICS, *((*stage, ()) for stage in _SUPPORT)],
}
CLUSTER_CHAINS = {"lv_food": "goods", "dk_food": "goods", "lv_it": "it",
                  "se_energy": "energy", "ee_logistics": "logistics"}  # fmt: skip


def value_chain_stages(*, chain: str = "goods") -> pd.DataFrame:
    """The stages of a value chain in order, placed on Porter's value system.

    ``chain`` is one of :data:`CHAINS`: ``"goods"`` (the default: the nine course stages of
    ``cluster_members.value_chain_stage``), ``"it"``, ``"energy"`` or ``"logistics"``. The
    service chains add ``industries``: the NACE divisions of the companies on each stage.

    Columns: ``stage`` (the code used in ``cluster_members``), ``stage_name``, ``order``
    (1 = most upstream), ``value_system`` (``suppliers``, ``firms``, ``channels`` or
    ``support``: Porter's supplier, firm and channel value chains, and the supporting
    industries and institutions of a cluster) and ``kind`` (``chain`` for the flow of goods
    from inputs to the buyer, ``support`` for stages that serve the whole chain). A **course
    convention**: Porter (1985) names the parts of the value system, not these stages.

    >>> value_chain_stages()["stage"].tolist()[:4]
    ['inputs', 'primary_production', 'processing', 'packaging']
    >>> value_chain_stages(chain="it")["stage"].tolist()[:3]
    ['hardware_networks', 'software_services', 'data_platforms']
    """
    if chain not in CHAINS:
        raise CourseInputError(
            f"value_chain_stages: chain={chain!r} is not a course chain: choose one of "
            f"{', '.join(map(repr, CHAINS))}."
        )
    columns = ["stage", "stage_name", "value_system", "kind", "industries"]
    table = pd.DataFrame(CHAINS[chain], columns=columns)
    table.insert(2, "order", np.arange(1, len(table) + 1))
    if chain == "goods":
        table = table.drop(columns="industries")
    else:
        table["industries"] = table["industries"].map(", ".join)
    return table


def _placed(members: pd.DataFrame, chain: str, *, stage: str, industry: str | None, where: str):
    """``members`` with column ``stage`` holding their stage on ``chain``: by NACE division
    (column ``industry``) for the service chains, else the member's own stage."""
    if chain == "goods":
        return members
    industry = industry or "industry"
    require_columns(members, [industry], where=where)
    division = {code: row[0] for row in CHAINS[chain] for code in row[4]}
    codes = members[industry].astype(str).str.upper().str.replace(".", "", regex=False).str[:3]
    return members.assign(**{stage: codes.map(division).fillna(members[stage])})


def value_chain_map(
    members: pd.DataFrame,
    *,
    member: str = "member_id",
    stage: str = "value_chain_stage",
    employees: str = "employees",
    by: str | Sequence[str] | None = None,
    stages: Sequence[str] | None = None,
    chain: str = "goods",
    industry: str | None = None,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """A cluster's value-chain map: its members counted on each stage, and the gaps.

    One row per stage (per ``by`` group, e.g. ``by="cluster"``), in chain order, with the
    columns of :func:`value_chain_stages` and

    - ``members``: the number of members on the stage (column ``stage`` says where each member
      sits; in the course data ``value_chain_stage``);
    - ``employees``: their headcount (NaN, with a warning, if a member's is missing);
    - ``present``: at least one member; ``gap``: no member on a stage of the chain.

    ``stages`` lists the stages that make up this cluster's chain (default: all nine course
    stages). Choose them for the cluster: an energy cluster has no packaging stage, so
    packaging would not be a gap for it. A member table of several clusters needs
    ``by="cluster"``, or keep one cluster first.

    ``chain`` picks the chain (:data:`CHAINS`; :data:`CLUSTER_CHAINS` names each course
    cluster's): on ``"it"``, ``"energy"`` and ``"logistics"`` a company is placed by its NACE
    division (column ``industry``, default ``"industry"``; e.g. ``J62`` on ``software_services``)
    and every other member by its own stage (a university on ``research_education``). The goods
    chain reads no industry column.

    No member is lost: a member without an id is refused; one without a stage or a cluster
    (or ``by`` group) is refused, or with ``blank_keys="unknown"`` counted in a group
    ``"(unknown)"`` (a stage ``"(unknown)"`` then closes the map, never a gap). A total row
    (member ``TOTAL``, a ``by`` group such as ``TOTAL`` or a country beside its regions) is
    refused, or left out with ``drop_aggregates=True``.

    >>> from course import data
    >>> members = data.load("cluster_members")
    >>> chain = value_chain_map(members[members["cluster"] == "lv_food"])
    >>> chain[["stage", "members"]].head(3).values.tolist()
    [['inputs', 0], ['primary_production', 6], ['processing', 20]]
    >>> chain.loc[chain["gap"], "stage"].tolist()
    ['inputs', 'retail_services']
    >>> it = value_chain_map(members[members["cluster"] == "lv_it"], chain="it")
    >>> it[["stage", "members"]].head(3).values.tolist()
    [['hardware_networks', 5], ['software_services', 27], ['data_platforms', 3]]
    """
    where = "value_chain_map"
    by = g.as_list(by)
    require_columns(members, [member, stage, employees, *by], where=where)
    require_rows(members, where=where)
    members = _checked_keys(members, member=member, stage=stage, by=by, where=where,
                            blank_keys=blank_keys, drop_aggregates=drop_aggregates)  # fmt: skip
    require_non_negative(members, employees, where=where)
    catalogue = _catalogue(stages, unknown=(members[stage] == UNKNOWN).any(), where=where,
                           chain=chain)  # fmt: skip
    members = _placed(members, chain, stage=stage, industry=industry, where=where)
    unknown = sorted(set(members[stage].astype(str)) - set(catalogue["stage"]))
    if unknown:
        raise CourseInputError(
            f"{where}: column {stage!r} holds stage(s) {', '.join(map(repr, unknown))} that "
            f"are not in the chain ({', '.join(map(repr, catalogue['stage']))}). Check the "
            "spelling, pass chain='it', 'energy' or 'logistics' for a service cluster, or "
            "stages=[...] with every stage of this cluster's chain."
        )

    headcount = g.float_values(members, employees)
    missing = np.isnan(headcount)
    warn_missing_cells(
        members, missing, [member], where=where,
        effect="The stages of these members have employees NaN (their member counts are exact).",
    )  # fmt: skip
    keys = members[by].drop_duplicates() if by else pd.DataFrame(index=[0])
    grid = keys.merge(catalogue, how="cross")
    counted = members.assign(
        _stage=members[stage].astype(str), _missing=missing, _employees=headcount
    )
    summary = counted.groupby([*by, "_stage"], sort=False).agg(
        members=(member, "size"), employees=("_employees", "sum"), _missing=("_missing", "any")
    )
    summary.loc[summary["_missing"], "employees"] = np.nan
    result = grid.merge(
        summary.drop(columns="_missing").reset_index().rename(columns={"_stage": "stage"}),
        on=[*by, "stage"],
        how="left",
    )
    result["members"] = result["members"].fillna(0).astype("int64")
    result["employees"] = result["employees"].where(result["members"] > 0, 0.0)
    result["present"] = result["members"] > 0
    result["gap"] = ~result["present"] & (result["kind"] == "chain")
    return result.reset_index(drop=True)


def _checked_keys(members, *, member, stage, by, where, blank_keys, drop_aggregates):
    """The members with every key filled in (``_guards.check_keys``), total rows refused or
    dropped (``_guards.check_aggregates``), one cluster unless ``by`` says otherwise, and each
    member once per group."""
    implicit = ["cluster"] if "cluster" in members.columns and "cluster" not in by else []
    # a member without an id cannot be told from a repeated row: refused, never "(unknown)"
    members = check_keys(members, [member], where=where, unknown_option=False)
    members = check_keys(members, [*by, *implicit, stage], where=where, blank=blank_keys)
    for column in [*by, *implicit]:
        members = check_aggregates(members, column, where=where, drop=drop_aggregates)
    members = check_aggregates(members, member, where=where, drop=drop_aggregates, nested=False)
    require_rows(members, where=where)
    if implicit:
        require_single_value(
            members, "cluster", where=where,
            hint="pass by='cluster' for one map per cluster, or keep one cluster first, e.g. "
            "members[members['cluster'] == 'lv_food']",
        )  # fmt: skip
    require_unique_rows(members, [*by, member], where=where)
    return members


def _catalogue(stages: Sequence[str] | None, *, unknown: bool, where: str, chain: str = "goods"):
    """The stages of the chain, and a last stage "(unknown)" for members without one."""
    catalogue = value_chain_stages(chain=chain)
    if stages is not None:
        if isinstance(stages, str):
            stages = [stages]
        wrong = [s for s in stages if s not in set(catalogue["stage"])]
        if wrong or not stages:
            raise CourseInputError(
                f"{where}: stages={list(stages)!r} must list course stages: "
                f"{', '.join(map(repr, catalogue['stage']))}."
            )
        catalogue = catalogue[catalogue["stage"].isin(list(stages))].reset_index(drop=True)
    if unknown:
        row = {"stage": UNKNOWN, "stage_name": "Stage not given", "order": len(CHAINS[chain]) + 1,
               "value_system": UNKNOWN, "kind": UNKNOWN}  # fmt: skip
        catalogue = pd.concat([catalogue, pd.DataFrame([row])], ignore_index=True)
    return catalogue


def value_chain_gaps(members: pd.DataFrame, **options) -> pd.DataFrame:
    """The gaps of a cluster's chain: the rows of :func:`value_chain_map` with no member.

    Takes the same arguments as :func:`value_chain_map`. A gap is a stage of the chain
    (``kind == "chain"``) with no local member: the cluster buys it from elsewhere, which may
    be fine (a global market) or a missing link worth a partnership.

    >>> from course import data
    >>> members = data.load("cluster_members")
    >>> value_chain_gaps(members, by="cluster").groupby("cluster")["stage"].size().to_dict()
    {'dk_food': 2, 'ee_logistics': 5, 'lv_food': 2, 'lv_it': 6, 'se_energy': 4}
    """
    chain = value_chain_map(members, **options)
    return chain[chain["gap"]].reset_index(drop=True)


def value_chain_graph(chain: pd.DataFrame):
    """The value-chain map of one cluster as a ``networkx.DiGraph``.

    Nodes are the stages (with the columns of :func:`value_chain_map` as attributes); edges
    follow the flow of goods from one chain stage to the next (``kind="flow"``), and from each
    support stage to the chain stages of the firms it serves (``kind="support"``).
    ``plots.value_chain_chart`` draws it. Members without a stage (the map's ``"(unknown)"``
    row, with ``blank_keys="unknown"``) have no place on the chain: the graph leaves them out.

    >>> from course import data
    >>> members = data.load("cluster_members")
    >>> graph = value_chain_graph(value_chain_map(members[members["cluster"] == "lv_food"]))
    >>> graph.number_of_nodes(), graph.nodes["inputs"]["gap"]
    (9, True)
    >>> list(graph.successors("processing"))
    ['packaging']
    """
    import networkx as nx  # imported only when a graph is drawn

    where = "value_chain_graph"
    require_columns(chain, ["stage", "kind", "value_system", "members", "gap"], where=where)
    require_rows(chain, where=where)
    require_unique_rows(
        chain, ["stage"], where=where,
        fix="A graph shows one cluster: keep one, e.g. chain[chain['cluster'] == 'lv_food']",
    )  # fmt: skip
    chain = chain[chain["stage"] != UNKNOWN]
    graph = nx.DiGraph()
    for row in chain.to_dict("records"):
        graph.add_node(row["stage"], **row)
    flow = chain.loc[chain["kind"] == "chain", "stage"].tolist()
    graph.add_edges_from(zip(flow[:-1], flow[1:], strict=True), kind="flow")
    served = chain.loc[chain["value_system"] == "firms", "stage"].tolist() or flow
    for stage in chain.loc[chain["kind"] == "support", "stage"]:
        graph.add_edges_from(((stage, target) for target in served), kind="support")
    return graph
