"""cluster_members: the members of the five fictional course clusters.

FICTIONAL organisations in real NUTS regions. Each cluster draws its members from its own
recipe (``reference/clusters.py``): member types, industries, headcount, turnover and balance
sheet consistent with headcount, export shares, year of joining and the services used. A few
borderline members sit right on the thresholds of the EU SME definition (Recommendation
2003/361/EC) so that every size class occurs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from course.segmentation import SERVICES

from .reference.clusters import (
    BORDERLINE_MEMBERS,
    CLUSTERS,
    LEGAL_FORM,
    MEMBER_TYPE_INDUSTRY,
    MEMBER_TYPE_SHARES,
    NAME_NOUNS,
    NAME_STEMS_A,
    NAME_STEMS_B,
    NON_COMPANY_NAMES,
    STAGE_OF_INDUSTRY,
    TURNOVER_INDUSTRY_FACTOR,
    TURNOVER_PER_EMPLOYEE,
)
from .schema import columns
from .streams import stream, weighted_choice


def _member_types(rng, size: int) -> np.ndarray:
    """Mostly companies; at least two research, two education, one public and one other member."""
    types = weighted_choice(rng, MEMBER_TYPE_SHARES, size)
    minimum = ["research", "research", "education", "education", "public", "other"]
    for k, kind in enumerate(minimum):
        if (types == kind).sum() < minimum.count(kind):
            types[size - 1 - 3 * k] = kind  # spread the forced members over the list
    return types


def _member_names(rng, cluster: dict, types, industries, employees) -> list[str]:
    """Plausible, fictional, unique names: invented stems + an industry word + legal form."""
    small_form, large_form = LEGAL_FORM[cluster["country"]]
    names: list[str] = []
    for kind, industry, staff in zip(types, industries, employees, strict=True):
        while True:
            stem = str(rng.choice(NAME_STEMS_A)) + str(rng.choice(NAME_STEMS_B))
            if kind == "company":
                noun = str(rng.choice(NAME_NOUNS.get(industry, ["Services"])))
                form = large_form if staff >= 250 else small_form
                name = f"{stem} {noun} {form}"
            else:
                name = NON_COMPANY_NAMES[kind].format(stem=stem, topic=cluster["topic"])
            if name not in names:
                break
        names.append(name)
    return names


def _company_finances(rng, cluster: dict, industries, employees):
    """Turnover and balance sheet (EUR, rounded to 1,000) consistent with headcount."""
    per_employee = TURNOVER_PER_EMPLOYEE[cluster["country"]] * np.array(
        [TURNOVER_INDUSTRY_FACTOR.get(i, 1.0) for i in industries]
    )
    turnover = employees * per_employee * rng.lognormal(0.0, 0.35, size=len(employees))
    balance = turnover * rng.lognormal(np.log(0.7), 0.4, size=len(employees))
    return np.round(turnover, -3), np.round(balance, -3)


def _ensure_industries(industries: np.ndarray, is_company: np.ndarray, required: dict) -> None:
    """Give the cross-industry case enough members: relabel some firms of the main industry."""
    main = pd.Series(industries[is_company]).mode()[0]
    for code, count in required.items():
        missing = count - int((industries[is_company] == code).sum())
        candidates = np.flatnonzero(is_company & (industries == main))[::-1]
        industries[candidates[: max(missing, 0)]] = code


def _headcount(rng, types: np.ndarray) -> np.ndarray:
    """Headcount in annual work units: many micro and small firms, a few large ones; the other
    member types around a typical size of their own."""
    employees = np.clip(np.rint(rng.lognormal(np.log(14), 1.3, len(types))), 1, 3000)
    scale = {"research": 80, "education": 300, "public": 40, "other": 5}
    for kind, median in scale.items():
        mask = types == kind
        employees[mask] = np.maximum(1, np.rint(rng.lognormal(np.log(median), 0.5, mask.sum())))
    return employees


def _export_shares(rng, cluster: dict, types: np.ndarray) -> np.ndarray:
    """Exports as a share of turnover: a beta draw around the cluster's typical share for the
    companies (15 % of them sell only at home), 5 % for research bodies, 0 for the others
    (:func:`_members_of` then empties the share of the members whose turnover is unknown)."""
    size, mean = len(types), cluster["export_mean"]
    export_share = rng.beta(2.0 * mean / (1 - mean), 2.0, size)
    export_share[rng.random(size) < 0.15] = 0.0  # some firms sell only at home
    others = types != "company"
    export_share[others] = np.where(types[others] == "research", 0.05, 0.0)
    return np.round(export_share, 3)


def _stages(types: np.ndarray, industries: np.ndarray) -> list[str]:
    """The value-chain stage each member serves: from its industry for companies."""
    return [
        "research_education"
        if t in ("research", "education")
        else "support_services"
        if t in ("public", "other")
        else STAGE_OF_INDUSTRY.get(i, "support_services")
        for t, i in zip(types, industries, strict=True)
    ]


def _members_of(cluster_id: str, cluster: dict, rng) -> pd.DataFrame:
    """The members of one cluster, numbered in the order they joined (founders first)."""
    size = cluster["size"]
    types = _member_types(rng, size)
    is_company = types == "company"
    industries = weighted_choice(rng, cluster["industries"], size)
    _ensure_industries(industries, is_company, cluster.get("required", {}))
    industries[~is_company] = [MEMBER_TYPE_INDUSTRY[t] for t in types[~is_company]]
    employees = _headcount(rng, types)
    turnover, balance = _company_finances(rng, cluster, industries, employees)

    companies = np.flatnonzero(is_company)
    for position, (staff, sales, assets) in zip(
        companies[2::5], BORDERLINE_MEMBERS[cluster_id], strict=False
    ):
        employees[position], turnover[position], balance[position] = staff, sales, assets

    no_accounts = np.isin(types, ["public", "education"])  # budgets, not turnover
    research = types == "research"
    turnover[research] = np.round(employees[research] * 60_000, -3)
    balance[research] = np.round(turnover[research] * 0.8, -3)
    export_share = _export_shares(rng, cluster, types)

    joined = rng.integers(cluster["founded"], 2024, size)
    joined[rng.random(size) < 0.25] = cluster["founded"]  # founding members
    services = [
        ";".join(s for s in SERVICES if rng.random() < cluster["services"][s]) for _ in range(size)
    ]
    table = pd.DataFrame(
        {
            "cluster": cluster_id,
            "cluster_name": cluster["name"],
            "member_type": types.astype(str),
            "industry": industries.astype(str),
            "region": weighted_choice(rng, cluster["regions"], size).astype(str),
            "employees": employees.astype(np.int64),
            "turnover_eur": pd.array(np.where(no_accounts, np.nan, turnover), dtype="Int64"),
            "balance_sheet_eur": pd.array(np.where(no_accounts, np.nan, balance), dtype="Int64"),
            # a share of an unknown turnover is unknown, not 0: empty, like the turnover itself
            "export_share": np.where(no_accounts, np.nan, export_share),
            "value_chain_stage": _stages(types, industries),
            "year_joined": joined.astype(np.int64),
            "services_used": services,
        }
    )
    table["member_name"] = _member_names(rng, cluster, types, industries, employees)
    table = table.sort_values(["year_joined", "member_name"], kind="stable").reset_index(drop=True)
    table["member_id"] = [f"{cluster_id}_{k + 1:03d}" for k in range(size)]
    return table


def cluster_members() -> pd.DataFrame:
    """Members of the five fictional course clusters."""
    rng = stream("cluster_members")
    tables = [_members_of(cid, cluster, rng) for cid, cluster in CLUSTERS.items()]
    return pd.concat(tables, ignore_index=True)[columns("cluster_members")]
