"""benchmarking: two rounds (2021, 2023) of ~120 cluster organisations on the 36 indicators.

FICTIONAL peers and the five course clusters. Each organisation's answers come from standard
scores: an overall quality, area strengths, single-indicator effects and noise, plus the
improvement between the rounds; the course clusters' profiles are planted
(``reference/indicators.py``). Their structure indicators (members, SME share, export share ...)
are computed from ``cluster_members``, so that the two tables agree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from course.benchmarking import AREAS
from course.segmentation import SME_CEILINGS

from .reference.clusters import CLUSTERS
from .reference.indicators import (
    CLUSTER_SECTOR,
    COURSE_PROFILES,
    INDICATORS,
    MISSING_SHARE,
    N_PEERS,
    PEER_COUNTRIES,
    PEER_SECTORS,
    ROUND_YEARS,
)
from .schema import columns
from .streams import stream, weighted_choice

# The EU ceilings of a medium-sized enterprise (Recommendation 2003/361/EC), as the library has them.
_MEDIUM = SME_CEILINGS.set_index("size_class").loc["medium"]


def _indicator_values(z: np.ndarray, members: np.ndarray, spec) -> np.ndarray:
    """Turn standard scores z (higher = better) into values of one indicator."""
    direction, kind, centre, spread, elasticity, low, high, decimals = (spec[4], *spec[6:])
    z = z if direction == "higher" else -z
    if kind == "members":
        values = members.astype(float)
    elif kind == "count":
        values = centre * (members / 60.0) ** elasticity * np.exp(spread * z)
    elif kind == "percent":
        logit = np.log(centre / (100 - centre))
        values = 100.0 / (1.0 + np.exp(-(logit + spread * z)))
    else:  # level
        values = centre + spread * z
    values = np.clip(values, low, high if high is not None else np.inf)
    return np.round(values, decimals)


def _course_member_facts(members: pd.DataFrame, year: int) -> pd.DataFrame:
    """Structure indicators of the course clusters computed from cluster_members."""
    current = members[members["year_joined"] <= year]
    companies = current[current["member_type"] == "company"]
    # SME (not large): headcount < 250 and (turnover <= 50 m or balance sheet <= 43 m)
    sme = (companies["employees"] < _MEDIUM["headcount_below"]) & (
        (companies["turnover_eur"] <= _MEDIUM["turnover_at_most_eur"])
        | (companies["balance_sheet_eur"] <= _MEDIUM["balance_sheet_at_most_eur"])
    )
    by = current.groupby("cluster", sort=False)
    return pd.DataFrame(
        {
            "members_total": by.size(),
            "member_types": by["member_type"].nunique(),
            "research_education_members": by["member_type"].agg(
                lambda t: t.isin(["research", "education"]).sum()
            ),
            "new_members": by["year_joined"].agg(lambda y: (y == year).sum()),
            "sme_share": (100 * sme.groupby(companies["cluster"]).mean()).round(1),
            "export_share_members": (
                100 * companies.groupby("cluster")["export_share"].mean()
            ).round(1),
        }
    )


def _organisations(rng) -> pd.DataFrame:
    peers = pd.DataFrame(
        {
            "organisation": [f"peer_{k:03d}" for k in range(1, N_PEERS + 1)],
            "organisation_name": [f"Peer {k:03d}" for k in range(1, N_PEERS + 1)],
            "course_cluster": False,
            "country": weighted_choice(rng, PEER_COUNTRIES, N_PEERS).astype(str),
            "sector": weighted_choice(rng, PEER_SECTORS, N_PEERS).astype(str),
            "founded_year": rng.integers(1995, 2020, N_PEERS),
            "quality": rng.normal(0.0, 1.0, N_PEERS),
            "members_2021": np.maximum(8, np.rint(rng.lognormal(np.log(60), 0.6, N_PEERS))),
        }
    )
    course = pd.DataFrame(
        {
            "organisation": list(CLUSTERS),
            "organisation_name": [c["name"] for c in CLUSTERS.values()],
            "course_cluster": True,
            "country": [c["country"] for c in CLUSTERS.values()],
            "sector": [CLUSTER_SECTOR[c] for c in CLUSTERS],
            "founded_year": [c["founded"] for c in CLUSTERS.values()],
            "quality": [COURSE_PROFILES[c]["quality"] for c in CLUSTERS],
            "members_2021": np.nan,
        }
    )
    return pd.concat([peers, course], ignore_index=True)


def _effects(rng, orgs: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each organisation's area strengths, improvement by area (in standard deviations) and
    single-indicator effects: drawn for the peers, planted for the course clusters."""
    n, areas, names = len(orgs), list(AREAS), list(INDICATORS)
    area_effect = rng.normal(0.0, 0.6, (n, len(areas)))
    improve_area = rng.normal(0.15, 0.25, (n, len(areas)))
    indicator_effect = np.zeros((n, len(names)))
    for k, org in enumerate(orgs["organisation"]):
        profile = COURSE_PROFILES.get(org)
        if profile is None:
            continue
        area_effect[k] = [profile["areas"].get(a, 0.0) for a in areas]
        improve_area[k] = [profile["improve"].get(a, 0.0) for a in areas]
        indicator_effect[k] = [profile["indicators"].get(i, 0.0) for i in names]
    area_of = np.array([areas.index(INDICATORS[i][0]) for i in names])
    # per indicator: the effect of its area
    return {
        "area": area_effect[:, area_of],
        "improve": improve_area[:, area_of],
        "indicator": indicator_effect,
    }


def _round_answers(rng, orgs, effects, members, round_: int, growth) -> pd.DataFrame:
    """One round's answers, wide (one row per organisation, one column per indicator). The
    peers' size is their 2021 size x ``growth``; the course clusters' comes from their members."""
    names = list(INDICATORS)
    facts = _course_member_facts(members, ROUND_YEARS[round_])
    course = orgs["course_cluster"].to_numpy()
    size = orgs["members_2021"].to_numpy() * growth
    size[course] = facts.loc[orgs.loc[course, "organisation"], "members_total"]
    size = np.rint(size)
    z = (
        0.55 * orgs["quality"].to_numpy()[:, None]
        + 0.5 * effects["area"]
        + effects["indicator"]
        + 0.55 * rng.normal(0.0, 1.0, (len(orgs), len(names)))
        + (effects["improve"] if round_ == 2 else 0.0)
    )
    values = np.column_stack(
        [_indicator_values(z[:, j], size, INDICATORS[name]) for j, name in enumerate(names)]
    )
    table = pd.DataFrame(values, columns=names)
    for column in facts.columns:  # course clusters: facts from the member list
        table.loc[course, column] = facts.loc[orgs.loc[course, "organisation"], column].values
    table["members_total"] = size
    table.insert(0, "organisation", orgs["organisation"])
    return table


def _in_course_order(data: pd.DataFrame, orgs: pd.DataFrame) -> pd.DataFrame:
    """Rows by organisation (peers first, as listed), round and indicator (catalogue order)."""
    order = {name: k for k, name in enumerate(INDICATORS)}
    org_order = {org: k for k, org in enumerate(orgs["organisation"])}
    data = data.sort_values(
        ["organisation", "round", "indicator"],
        key=lambda s: s.map(org_order) if s.name == "organisation" else s.map(order)
        if s.name == "indicator" else s,
    )  # fmt: skip
    return data[columns("benchmarking")].reset_index(drop=True)


def benchmarking(members: pd.DataFrame) -> pd.DataFrame:
    """Two benchmarking rounds (2021, 2023) of ~120 cluster organisations on 36 indicators."""
    rng = stream("benchmarking")
    orgs = _organisations(rng)
    effects = _effects(rng, orgs)
    in_round_2 = orgs["course_cluster"].to_numpy() | (rng.random(len(orgs)) < 0.6)
    growth = rng.normal(1.05, 0.07, len(orgs))

    frames = []
    for round_, year in ROUND_YEARS.items():
        table = _round_answers(rng, orgs, effects, members, round_, growth if round_ == 2 else 1.0)
        if round_ == 2:  # only some peers came back for a second round
            table = table[in_round_2]
        long = table.melt(id_vars="organisation", var_name="indicator", value_name="value")
        long["round"], long["year"] = round_, year
        frames.append(long)

    data = pd.concat(frames, ignore_index=True)
    peer_answer = data["organisation"].str.startswith("peer_") & (
        data["indicator"] != "members_total"
    )
    missing = peer_answer & (rng.random(len(data)) < MISSING_SHARE)
    data.loc[missing, "value"] = np.nan
    data = data.merge(orgs.drop(columns=["quality", "members_2021"]), on="organisation")
    members_total = data[data["indicator"] == "members_total"].set_index(["organisation", "round"])
    data["members_total"] = (
        data.set_index(["organisation", "round"]).index.map(members_total["value"]).astype("int64")
    )
    return _in_course_order(data, orgs)
