"""Internationalisation: members' export share and growth, destinations and their concentration."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course import economics
from course.benchmarking._catalogue import _course_catalogue
from course.benchmarking._ranks import percentile_ranks
from course.checks import (
    CourseInputError,
    require_columns,
    require_non_negative,
    require_one_period,
    require_present,
    require_rows,
    require_unique_rows,
    require_years,
)

__all__ = [
    "export_intensity",
    "export_growth",
    "export_destinations",
    "partner_concentration",
    "internationalisation_profile",
]


def export_intensity(
    members: pd.DataFrame,
    *,
    member: str = "member_id",
    value: str = "turnover_eur",
    by: str | Sequence[str] | None = "cluster",
) -> pd.DataFrame:
    """How much the company members export, one row per ``by`` group (a cluster).

    From a member table with ``export_share`` (exports / turnover, 0-1) and, if present,
    ``member_type`` (only ``"company"`` members count then): ``companies``, ``exporters``
    (export share > 0), ``exporter_share = exporters / companies``, ``mean_export_share``
    (the plain mean over companies, what the benchmarking indicator ``export_share_members``
    reports, as a fraction) and ``weighted_export_share = sum(export_share x turnover) /
    sum(turnover)`` (the cluster's exports as a share of its turnover; companies without a
    turnover are left out of it).

    >>> from course import data
    >>> members = data.load("cluster_members")
    >>> intensity = export_intensity(members)
    >>> intensity[intensity["cluster"] == "lv_it"][["companies", "exporter_share",
    ...                                            "mean_export_share"]].round(3).values.tolist()
    [[37.0, 0.73, 0.091]]
    """
    where = "export_intensity"
    by = g.as_list(by)
    require_columns(members, [member, value, "export_share", *by], where=where)
    require_rows(members, where=where)
    require_non_negative(members, "export_share", where=where)
    require_non_negative(members, value, where=where)
    require_unique_rows(members, [member], where=where)
    companies = members
    if "member_type" in members:
        companies = members[members["member_type"] == "company"]
    share = companies["export_share"]
    if (share > 1).any():
        raise CourseInputError(
            f"{where}: export_share must be a fraction 0-1 (0.25 for 25 %), but holds "
            f"{share.max():g}. Divide the column by 100 first."
        )
    turnover = companies[value].astype(float)
    rows = companies[by].assign(
        _company=1, _exporter=(share > 0).astype(int), _share=share,
        _exports=share * turnover, _turnover=turnover.where(share.notna()),
    )  # fmt: skip
    totals = rows.groupby(by, sort=False).agg(
        companies=("_company", "sum"), exporters=("_exporter", "sum"),
        mean_export_share=("_share", "mean"), _exports=("_exports", "sum"),
        _turnover=("_turnover", "sum"),
    ).reset_index()  # fmt: skip
    return totals.assign(
        companies=totals["companies"].astype(float),
        exporter_share=g.divide(totals["exporters"], totals["companies"]),
        weighted_export_share=g.divide(totals["_exports"], totals["_turnover"]),
    )[[*by, "companies", "exporters", "exporter_share", "mean_export_share",
       "weighted_export_share"]]  # fmt: skip


def export_growth(
    trade: pd.DataFrame,
    *,
    start: int | None = None,
    end: int | None = None,
    member: str = "member_id",
    value: str = "exports_eur",
    year: str = "year",
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Growth of each member's exports (all partners together) between two years.

    Adds up the exports of each ``member`` (x ``by``) per year, then applies
    :func:`course.economics.growth`: ``exports_eur_start``, ``exports_eur_end``,
    ``absolute_change``, ``export_growth = (x1 - x0) / x0`` and ``export_cagr = (x1 / x0) **
    (1 / years) - 1``. ``start`` and ``end`` default to the first and last year. A member
    with no exports in a year (no row) has unknown growth (NaN), not growth from 0: it may
    have joined later. Pass ``member="cluster"`` for the growth of each cluster's exports.

    >>> from course import data
    >>> trade = data.load("trade")
    >>> clusters = export_growth(trade, member="cluster")
    >>> clusters[["cluster", "export_growth"]].round(3).values.tolist()[:2]
    [['dk_food', 0.143], ['ee_logistics', 0.198]]
    """
    where = "export_growth"
    by = g.as_list(by)
    require_columns(trade, [*by, member, year, value], where=where)
    require_rows(trade, where=where)
    trade = require_years(trade, year, where=where)
    years = trade[year].dropna()
    start = int(years.min()) if start is None else start
    end = int(years.max()) if end is None else end
    totals = trade.groupby([*by, member, year], sort=False, as_index=False)[value].sum(min_count=1)
    result = economics.growth(
        totals, start=start, end=end, region=member, industry=None, value=value, year=year,
        by=by or None,
    )  # fmt: skip
    return result.rename(columns={"growth_rate": "export_growth", "cagr": "export_cagr"})


def _one_year(trade, by, value, *, where) -> pd.DataFrame:
    """Exports per ``by`` group x partner, of one period, with the partner names if given."""
    require_columns(trade, [*by, "partner", value], where=where)
    require_rows(trade, where=where)
    require_non_negative(trade, value, where=where)
    require_one_period(trade, [*by, "partner", "member_id"], where=where)
    names = ["partner_name"] if "partner_name" in trade else []
    return trade.groupby([*by, "partner", *names], sort=False, as_index=False)[value].sum()


def export_destinations(
    trade: pd.DataFrame,
    *,
    value: str = "exports_eur",
    by: str | Sequence[str] | None = "cluster",
) -> pd.DataFrame:
    """Exports by partner country, one row per ``by`` group (a cluster) x ``partner``.

    One year at a time (filter it first, or pass ``by=["cluster", "year"]``). Columns: the
    exports added up over members (``value``), ``destination_share``, the partner's share of
    the group's exports (0-1), and ``destination_rank`` (1 = largest); largest first within
    each group. ``plots.destination_bars`` draws it.

    >>> from course import data
    >>> trade = data.load("trade")
    >>> destinations = export_destinations(trade[trade["year"] == 2023])
    >>> lv_food = destinations[destinations["cluster"] == "lv_food"]
    >>> lv_food[["partner", "destination_share"]].head(2).round(3).values.tolist()
    [['LT', 0.223], ['EE', 0.161]]
    """
    by = g.as_list(by)
    totals = _one_year(trade, by, value, where="export_destinations")
    group = g.key_codes(totals, by, where="export_destinations")[0]
    exports = g.float_values(totals, value)
    share = g.divide(exports, np.bincount(group, weights=exports)[group])
    rank = pd.Series(share).groupby(group).rank(ascending=False, method="first")
    totals = totals.assign(destination_share=share, destination_rank=rank.astype(np.int64))
    order = np.lexsort((totals["destination_rank"].to_numpy(), group))
    return totals.iloc[order].reset_index(drop=True)


def partner_concentration(
    trade: pd.DataFrame,
    *,
    value: str = "exports_eur",
    by: str | Sequence[str] | None = "cluster",
) -> pd.DataFrame:
    """How concentrated each group's exports are on few partner countries (one year).

    The Herfindahl-Hirschman index of the partner-country shares, computed by
    :func:`course.economics.market_hhi` with the countries in the role of the firms:
    ``partner_hhi = sum_p (100 * share_p)^2`` in (0, 10000]; 10000 = one country only.
    ``concentration`` applies the US merger-guideline bands (below 1500 "unconcentrated",
    up to 2500 "moderate", above "high"), here only a rule of thumb for reading the number.
    Also ``partners`` (countries with exports), ``top_partner`` and ``top_partner_share``.

    >>> from course import data
    >>> trade = data.load("trade")
    >>> hhi = partner_concentration(trade[trade["year"] == 2023])
    >>> hhi[["cluster", "partner_hhi", "top_partner"]].round(0).values.tolist()[:2]
    [['dk_food', 1198.0, 'DE'], ['ee_logistics', 2129.0, 'DE']]
    """
    by = g.as_list(by)
    destinations = export_destinations(trade, value=value, by=by)
    hhi = economics.market_hhi(destinations, member="partner", value=value, by=by or None)
    top = destinations[destinations["destination_rank"] == 1]
    hhi = hhi.rename(columns={"market_hhi": "partner_hhi", "members": "partners"})
    top = top[[*by, "partner", "destination_share"]].rename(
        columns={"partner": "top_partner", "destination_share": "top_partner_share"}
    )
    if not by:
        return hhi.assign(**top.iloc[0].to_dict())
    return hhi.merge(top, on=by, how="left")


_BENCHMARK_MEASURES = {
    "export_share_members": "Members' export share (benchmark answer)",
    "international_partners": "International partner clusters",
    "international_projects": "International projects",
    "escp_participation": "European Strategic Cluster Partnerships",
}


def internationalisation_profile(
    benchmark: pd.DataFrame,
    members: pd.DataFrame,
    trade: pd.DataFrame,
    organisation_id: str,
    *,
    start: int | None = None,
    end: int | None = None,
    peers: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """One cluster's internationalisation at a glance: exports, destinations, partnerships.

    A composition of this module's functions, one row per ``measure`` with ``value``,
    ``unit``, ``percentile`` (among the peers of the latest benchmarking round, where the
    measure is benchmarked) and ``note``:

    - from ``members`` (:func:`export_intensity`): the share of company members that export,
      their mean export share and the turnover-weighted export share;
    - from ``trade`` (:func:`export_growth`, :func:`partner_concentration`): the members'
      exports in ``end``, their growth and CAGR since ``start`` (default: the first and last
      year of ``trade``), the number of partner countries, the partner HHI and the largest
      destination's share (the note names it);
    - from ``benchmark`` (the latest round, :func:`percentile_ranks` with ``peers``): the
      international partner clusters, international projects and European Strategic Cluster
      Partnerships, and the members' export share as answered in the benchmarking.

    ``organisation_id`` is the cluster's id, the same in the three tables (``lv_food``).

    >>> from course import data
    >>> profile = internationalisation_profile(data.load("benchmarking"),
    ...     data.load("cluster_members"), data.load("trade"), "lv_it")
    >>> profile.set_index("measure").loc["International partner clusters",
    ...                                  ["value", "percentile"]].round(1).tolist()
    [2.0, 1.3]
    """
    where = "internationalisation_profile"
    for table, column, name in (
        (benchmark, "organisation", "benchmark"),
        (members, "cluster", "members"),
        (trade, "cluster", "trade"),
    ):
        require_columns(table, [column], where=f"{where} ({name} table)")
        require_present(table[column], [organisation_id], what="cluster", where=where)
    own_members = members[members["cluster"] == organisation_id]
    intensity = export_intensity(own_members).iloc[0]
    own_trade = require_years(trade[trade["cluster"] == organisation_id], "year", where=where)
    start = int(own_trade["year"].min()) if start is None else start
    end = int(own_trade["year"].max()) if end is None else end
    growth = export_growth(own_trade, member="cluster", start=start, end=end).iloc[0]
    spread = partner_concentration(own_trade[own_trade["year"] == end]).iloc[0]
    latest = benchmark[benchmark["year"] == benchmark["year"].max()]
    ranks = percentile_ranks(latest[latest["indicator"].isin(list(_BENCHMARK_MEASURES))],
                             peers=peers).set_index(["organisation", "indicator"])  # fmt: skip
    rows = [
        ("Company members that export", 100 * intensity["exporter_share"], "%", np.nan, ""),
        ("Mean export share of company members", 100 * intensity["mean_export_share"], "%",
         np.nan, "exports / turnover, plain mean over companies"),
        ("Turnover-weighted export share", 100 * intensity["weighted_export_share"], "%",
         np.nan, "the members' exports / their turnover"),
        (f"Members' exports {end}", growth["exports_eur_end"], "EUR", np.nan, ""),
        (f"Export growth {start}-{end}", 100 * growth["export_growth"], "%", np.nan, ""),
        (f"Export CAGR {start}-{end}", 100 * growth["export_cagr"], "% per year", np.nan, ""),
        (f"Partner countries {end}", float(spread["partners"]), "count", np.nan, ""),
        (f"Partner-country HHI {end}", spread["partner_hhi"], "0-10000", np.nan,
         str(spread["concentration"])),
        (f"Largest destination's share {end}", 100 * spread["top_partner_share"], "%", np.nan,
         str(spread["top_partner"])),
    ]  # fmt: skip
    year = int(latest["year"].max())
    for key, measure in _BENCHMARK_MEASURES.items():
        if (organisation_id, key) in ranks.index:
            row = ranks.loc[(organisation_id, key)]
            rows.append(
                (
                    measure,
                    row["value"],
                    _unit(key),
                    row["percentile"],
                    f"benchmarking {year}, among {int(row['peer_count'])} organisations",
                )
            )
    return pd.DataFrame(rows, columns=["measure", "value", "unit", "percentile", "note"])


def _unit(indicator: str) -> str:
    catalogue = _course_catalogue()
    return dict(zip(catalogue["indicator"], catalogue["unit"], strict=True)).get(indicator, "")
