"""Internationalisation: members' export share and growth, destinations and their concentration.

What these functions do with a learner's own trade extract or member register, the same in
each (DESIGN.md, "No row lost, none invented"):

- **Blank keys.** A blank cluster, partner or member id in a table that is added up is kept as
  its own group ``"(unknown)"``, with a warning, so that totals still add up; a member id
  that identifies a row (``export_intensity``) is refused.
- **Total rows.** ``WORLD``, ``EU27`` and their kin beside the partner countries would be
  counted twice: refused, or left out with a warning if you pass ``drop_aggregates=True``.
- **Unknown values** (NaN) are never read as 0: they are left out, and a warning names them
  and says what the result then describes.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course import economics
from course._guards import blank_keys, check_aggregates, check_keys, warn_name_variants
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
    warn_missing_cells,
    warn_rows_left_out,
)

__all__ = [
    "export_intensity",
    "export_growth",
    "export_destinations",
    "partner_concentration",
    "internationalisation_profile",
]

# Concentration bands of the US merger guidelines, by edition: (moderate from, high above).
GUIDELINES = {2010: (1500, 2500), 2023: (1000, 1800)}


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
    (export share > 0), ``exporter_share = exporters / companies with a known share``,
    ``mean_export_share`` (the plain mean over the companies with a known share, what the
    benchmarking indicator ``export_share_members`` reports, as a fraction) and
    ``weighted_export_share = sum(export_share x turnover) / sum(turnover)`` (the cluster's
    exports as a share of its turnover, over the companies with both known).

    **Unknown is not zero.** A company whose export share is unknown (NaN) is not a
    non-exporter: it is left out of all three shares, counted in ``export_share_unknown``,
    and named in a warning; a company without a turnover is left out of the weighted share,
    with a warning. A blank ``by`` value (cluster) is kept as its own group ``"(unknown)"``
    with a warning; a blank member id is refused; a member with a blank ``member_type`` is
    left out, with a warning; two ids with the same ``member_name`` (one company entered
    twice) are named in a warning.

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
    members = check_keys(members, [member], where=where, unknown_option=False)
    members = check_keys(members, by, where=where, blank="unknown")
    require_unique_rows(members, [member], where=where)
    if "member_name" in members:  # one company under two ids would count twice
        renumbered = members.reset_index(drop=True)  # the guard looks rows up by label
        warn_name_variants(renumbered, name="member_name", member=member, within=by, where=where)
    companies = _companies(members, where=where)
    share = companies["export_share"]
    if (share > 1).any():
        raise CourseInputError(
            f"{where}: export_share must be a fraction 0-1 (0.25 for 25 %), but holds "
            f"{share.max():g}. Divide the column by 100 first."
        )
    turnover = companies[value].astype(float)
    _warn_unknown_shares(companies, share, turnover, value, where=where)
    rows = companies[by].assign(
        _company=1, _unknown=share.isna().astype(int), _exporter=(share > 0).astype(int),
        _share=share, _exports=share * turnover, _turnover=turnover.where(share.notna()),
    )  # fmt: skip
    totals = rows.groupby(by, sort=False).agg(
        companies=("_company", "sum"), export_share_unknown=("_unknown", "sum"),
        exporters=("_exporter", "sum"), mean_export_share=("_share", "mean"),
        _exports=("_exports", "sum"), _turnover=("_turnover", "sum"),
    ).reset_index()  # fmt: skip
    known = totals["companies"] - totals["export_share_unknown"]
    return totals.assign(
        companies=totals["companies"].astype(float),
        exporter_share=g.divide(totals["exporters"], known),
        weighted_export_share=g.divide(totals["_exports"], totals["_turnover"]),
    )[[*by, "companies", "export_share_unknown", "exporters", "exporter_share",
       "mean_export_share", "weighted_export_share"]]  # fmt: skip


def _companies(members: pd.DataFrame, *, where: str) -> pd.DataFrame:
    """The company members (all members if the table has no ``member_type``)."""
    if "member_type" not in members:
        return members
    blank = blank_keys(members["member_type"])
    warn_rows_left_out(
        members, blank, where=where, reason="their member_type is blank, so they may or may "
        "not be companies", options="Fill in member_type ('company', 'research', ...).",
    )  # fmt: skip
    return members[(members["member_type"] == "company").fillna(False).to_numpy() & ~blank]


def _warn_unknown_shares(companies, share, turnover, value, *, where) -> None:
    warn_rows_left_out(
        companies, share.isna().to_numpy(), where=where,
        reason="their export_share is unknown (NaN); they are not counted as non-exporters, "
        "and are counted in export_share_unknown",
        options="Fill in the share if you know it (0 for a company that does not export).",
    )  # fmt: skip
    warn_rows_left_out(
        companies, (share.notna() & turnover.isna()).to_numpy(), where=where,
        reason=f"of the weighted export share: their {value} is unknown",
        options=f"Fill in {value} to weigh them.",
    )  # fmt: skip


def _trade_keys(trade: pd.DataFrame, keys: list[str], *, where: str, drop_aggregates: bool):
    """The trade rows ready to add up over ``keys``: blank keys kept as '(unknown)', total
    partner rows refused (or dropped), a row twice refused."""
    named = [k for k in dict.fromkeys([*keys, "partner", "member_id"]) if k in trade]
    trade = check_keys(trade, named, where=where, blank="unknown")
    if "partner" in trade:
        trade = check_aggregates(trade, "partner", where=where, drop=drop_aggregates)
    rows = [k for k in (*keys, "member_id", "partner", "year") if k in trade]
    if "member_id" in trade and "partner" in trade:  # one row per member x partner (x year)
        require_unique_rows(trade, list(dict.fromkeys(rows)), where=where)
    return trade


def export_growth(
    trade: pd.DataFrame,
    *,
    start: int | None = None,
    end: int | None = None,
    member: str = "member_id",
    value: str = "exports_eur",
    year: str = "year",
    by: str | Sequence[str] | None = None,
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Growth of each member's exports (all partners together) between two years.

    Adds up the exports of each ``member`` (x ``by``) per year, then applies
    :func:`course.economics.growth`: ``exports_eur_start``, ``exports_eur_end``,
    ``absolute_change``, ``export_growth = (x1 - x0) / x0`` and ``export_cagr = (x1 / x0) **
    (1 / years) - 1``. ``start`` and ``end`` default to the first and last year. A member
    with no exports in a year (no row) has unknown growth (NaN), not growth from 0: it may
    have joined later. Pass ``member="cluster"`` for the growth of each cluster's exports.

    **Own data.** An unknown value (NaN) in ``start`` or ``end`` is not 0: that member x
    partner is left out of both years, so the growth compares the same partners, and a
    warning names the cells. A total partner row (``WORLD``, ``EU27``) would double the
    exports: refused, or left out with ``drop_aggregates=True``. Blank keys are kept as
    ``"(unknown)"``, with a warning. A table with one year only is refused: growth needs two.

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
    trade = _trade_keys(trade, [*by, member], where=where, drop_aggregates=drop_aggregates)
    years = sorted(pd.unique(trade[year].dropna()).tolist())
    if len(years) < 2:
        raise CourseInputError(
            f"{where}: the trade table holds one year only ({', '.join(map(str, years))}); "
            "growth needs two. Pass the table with both years, e.g. the whole course table."
        )
    start = years[0] if start is None else start
    end = years[-1] if end is None else end
    trade = _known_in_both(trade, [*by, member], value, year, start, end, where=where)
    totals = trade.groupby([*by, member, year], sort=False, as_index=False)[value].sum(min_count=1)
    result = economics.growth(
        totals, start=start, end=end, region=member, industry=None, value=value, year=year,
        by=by or None,
    )  # fmt: skip
    return result.rename(columns={"growth_rate": "export_growth", "cagr": "export_cagr"})


def _known_in_both(trade, keys, value, year, start, end, *, where) -> pd.DataFrame:
    """The rows without the cells (member x partner) whose value is unknown in a year used."""
    cells = [k for k in dict.fromkeys([*keys, "member_id", "partner"]) if k in trade]
    unknown = trade[value].isna() & trade[year].isin([start, end])
    if not unknown.any():
        return trade
    warn_missing_cells(
        trade, unknown.to_numpy(), [*cells, year], where=where,
        effect=f"Those cells are left out of both {start} and {end}, so that the growth "
        "compares the same partners.",
    )  # fmt: skip
    spoilt = trade.loc[unknown, cells].drop_duplicates()
    marked = trade[cells].merge(spoilt.assign(_spoilt=1), on=cells, how="left")["_spoilt"]
    return trade.loc[marked.isna().to_numpy()]


def _one_year(trade, by, value, *, where, drop_aggregates) -> pd.DataFrame:
    """Exports per ``by`` group x partner, of one period, with the partner names if given."""
    require_columns(trade, [*by, "partner", value], where=where)
    require_rows(trade, where=where)
    require_non_negative(trade, value, where=where)
    require_one_period(trade, [*by, "partner", "member_id"], where=where)
    trade = _trade_keys(trade, by, where=where, drop_aggregates=drop_aggregates)
    unknown = trade[value].isna().to_numpy()
    warn_missing_cells(
        trade, unknown, [k for k in (*by, "member_id", "partner") if k in trade], where=where,
        effect="They are left out: the shares describe the known exports.",
    )  # fmt: skip
    known = trade.loc[~unknown]
    totals = known.groupby([*by, "partner"], sort=False, as_index=False)[value].sum()
    if "partner_name" in trade:  # a name per code, from any row that gives one
        named = trade[~blank_keys(trade["partner_name"])].drop_duplicates("partner")
        names = dict(zip(named["partner"], named["partner_name"], strict=True))
        totals.insert(len(by) + 1, "partner_name", totals["partner"].map(names))
    return totals


def export_destinations(
    trade: pd.DataFrame,
    *,
    value: str = "exports_eur",
    by: str | Sequence[str] | None = "cluster",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Exports by partner country, one row per ``by`` group (a cluster) x ``partner``.

    One year at a time (filter it first, or pass ``by=["cluster", "year"]``). Columns: the
    exports added up over members (``value``), ``destination_share``, the partner's share of
    the group's exports (0-1), and ``destination_rank`` (1 = largest); largest first within
    each group; ``partner_name`` if the table has it (a blank name does not split a partner).
    ``plots.destination_bars`` draws it.

    **Own data.** A blank partner, cluster or member id is kept as its own group
    ``"(unknown)"`` with a warning, so that the shares still add up to the whole; a total row
    (``WORLD``, ``EU27``) is refused, or left out with ``drop_aggregates=True``; an unknown
    value (NaN) is left out, with a warning: the shares then describe the known exports; a
    member x partner row twice is refused.

    >>> from course import data
    >>> trade = data.load("trade")
    >>> destinations = export_destinations(trade[trade["year"] == 2023])
    >>> lv_food = destinations[destinations["cluster"] == "lv_food"]
    >>> lv_food[["partner", "destination_share"]].head(2).round(3).values.tolist()
    [['LT', 0.223], ['EE', 0.161]]
    """
    by = g.as_list(by)
    where = "export_destinations"
    totals = _one_year(trade, by, value, where=where, drop_aggregates=drop_aggregates)
    group = g.key_codes(totals, by, where=where)[0]
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
    guidelines: int = 2010,
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """How concentrated each group's exports are on few partner countries (one year).

    The Herfindahl-Hirschman index of the partner-country shares, computed by
    :func:`course.economics.market_hhi` with the countries in the role of the firms:
    ``partner_hhi = sum_p (100 * share_p)^2`` in (0, 10000]; 10000 = one country only.
    ``concentration`` reads the number with the bands of the US merger guidelines, here
    only a rule of thumb (they were written for markets, not export destinations), and
    ``concentration_bands`` names them in every row: ``guidelines=2010`` (the Horizontal
    Merger Guidelines of 2010: below 1,500 "unconcentrated", 1,500-2,500 "moderate", above
    2,500 "high") or ``guidelines=2023`` (the Merger Guidelines of 2023: below 1,000,
    1,000-1,800, above 1,800). An HHI of 1,500-1,800 is "moderate" in both; 1,800-2,500 is
    "moderate" in 2010 and "high" in 2023. Also ``partners`` (countries with exports),
    ``top_partner`` and ``top_partner_share``. Own data: as :func:`export_destinations`.

    >>> from course import data
    >>> trade = data.load("trade")
    >>> hhi = partner_concentration(trade[trade["year"] == 2023])
    >>> hhi[["cluster", "partner_hhi", "top_partner"]].round(0).values.tolist()[:2]
    [['dk_food', 1198.0, 'DE'], ['ee_logistics', 2129.0, 'DE']]
    >>> hhi["concentration_bands"].iloc[0]
    'US merger guidelines 2010: unconcentrated below 1,500, moderate 1,500-2,500, high above 2,500'
    """
    if guidelines not in GUIDELINES:
        raise CourseInputError(
            f"partner_concentration: guidelines={guidelines!r} is not one of 2010, 2023 (the "
            "editions of the US merger guidelines whose bands are used)."
        )
    by = g.as_list(by)
    moderate, high = GUIDELINES[guidelines]
    destinations = export_destinations(trade, value=value, by=by, drop_aggregates=drop_aggregates)
    hhi = economics.market_hhi(destinations, member="partner", value=value, by=by or None,
                               high_threshold=high, moderate_threshold=moderate)  # fmt: skip
    top = destinations[destinations["destination_rank"] == 1]
    hhi = hhi.rename(columns={"market_hhi": "partner_hhi", "members": "partners"})
    hhi["concentration_bands"] = (
        f"US merger guidelines {guidelines}: unconcentrated below {moderate:,}, moderate "
        f"{moderate:,}-{high:,}, high above {high:,}"
    )
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
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """One cluster's internationalisation at a glance: exports, destinations, partnerships.

    A composition of this module's functions, one row per ``measure`` with ``value``,
    ``unit``, ``percentile`` (among the peers of the latest benchmarking round, where the
    measure is benchmarked; NA with fewer than ``MIN_PEERS`` = 3 peers that answered) and
    ``note``:

    - from ``members`` (:func:`export_intensity`): the share of company members that export,
      their mean export share and the turnover-weighted export share (companies with an
      unknown share left out, the note says how many);
    - from ``trade`` (:func:`export_growth`, :func:`partner_concentration`): the members'
      exports in ``end``, their growth and CAGR since ``start`` (default: the first and last
      year of ``trade``; with one year of trade the profile has no growth rows, with a
      warning), the number of partner countries, the partner HHI (the note gives its
      concentration band, US merger guidelines 2010) and the largest destination's share
      (the note names it);
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
    rows = _member_rows(export_intensity(own_members).iloc[0])
    own_trade = require_years(trade[trade["cluster"] == organisation_id], "year", where=where)
    rows += _trade_rows(own_trade, start, end, drop_aggregates, where=where)
    rows += _benchmark_rows(benchmark, organisation_id, peers)
    return pd.DataFrame(rows, columns=["measure", "value", "unit", "percentile", "note"])


def _member_rows(intensity: pd.Series) -> list[tuple]:
    unknown = int(intensity["export_share_unknown"])
    left_out = f"; {unknown} with an unknown share left out" if unknown else ""
    return [
        ("Company members that export", 100 * intensity["exporter_share"], "%", np.nan,
         f"of {int(intensity['companies']) - unknown} companies{left_out}"),
        ("Mean export share of company members", 100 * intensity["mean_export_share"], "%",
         np.nan, f"exports / turnover, plain mean over companies{left_out}"),
        ("Turnover-weighted export share", 100 * intensity["weighted_export_share"], "%",
         np.nan, "the members' exports / their turnover"),
    ]  # fmt: skip


def _trade_rows(own_trade, start, end, drop_aggregates, *, where) -> list[tuple]:
    years = sorted(pd.unique(own_trade["year"].dropna()).tolist())
    start = years[0] if start is None else start
    end = years[-1] if end is None else end
    spread = partner_concentration(own_trade[own_trade["year"] == end],
                                   drop_aggregates=drop_aggregates).iloc[0]  # fmt: skip
    rows = []
    if len(years) > 1:
        growth = export_growth(own_trade, member="cluster", start=start, end=end,
                               drop_aggregates=drop_aggregates).iloc[0]  # fmt: skip
        rows = [
            (f"Members' exports {end}", growth["exports_eur_end"], "EUR", np.nan, ""),
            (f"Export growth {start}-{end}", 100 * growth["export_growth"], "%", np.nan, ""),
            (f"Export CAGR {start}-{end}", 100 * growth["export_cagr"], "% per year", np.nan,
             ""),
        ]  # fmt: skip
    else:
        warnings.warn(
            f"{where}: the trade table holds one year ({end}) for this cluster: the profile "
            "has no export growth, which needs two years. Pass the trade of several years.",
            UserWarning,
            stacklevel=3,
        )
        exports = own_trade.loc[own_trade["year"] == end, "exports_eur"].sum(min_count=1)
        rows = [(f"Members' exports {end}", exports, "EUR", np.nan, "")]
    return rows + [
        (f"Partner countries {end}", float(spread["partners"]), "count", np.nan, ""),
        (f"Partner-country HHI {end}", spread["partner_hhi"], "0-10000", np.nan,
         f"{spread['concentration']} ({spread['concentration_bands']})"),
        (f"Largest destination's share {end}", 100 * spread["top_partner_share"], "%", np.nan,
         str(spread["top_partner"])),
    ]  # fmt: skip


def _benchmark_rows(benchmark, organisation_id, peers) -> list[tuple]:
    latest = benchmark[benchmark["year"] == benchmark["year"].max()]
    ranks = percentile_ranks(latest[latest["indicator"].isin(list(_BENCHMARK_MEASURES))],
                             peers=peers).set_index(["organisation", "indicator"])  # fmt: skip
    year = int(latest["year"].max())
    rows = []
    for key, measure in _BENCHMARK_MEASURES.items():
        if (organisation_id, key) in ranks.index:
            row = ranks.loc[(organisation_id, key)]
            note = f"benchmarking {year}, among {int(row['peer_count'])} organisations"
            rows.append((measure, row["value"], _unit(key), row["percentile"], note))
    return rows


def _unit(indicator: str) -> str:
    catalogue = _course_catalogue()
    return dict(zip(catalogue["indicator"], catalogue["unit"], strict=True)).get(indicator, "")
