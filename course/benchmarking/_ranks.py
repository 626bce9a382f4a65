"""Percentile ranks of organisations among their peers, and peer groups by size and age."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course import _groups as g
from course._guards import small_groups, warn_name_variants, warn_small_groups
from course.benchmarking._catalogue import (
    checked_catalogue,
    coded_key,
    direction_signs,
    require_unit_ranges,
    warn_unit_slips_by_indicator,
)
from course.checks import (
    CourseInputError,
    require_columns,
    require_numeric,
    require_one_period,
    require_rows,
    require_unique_rows,
    require_years,
)

__all__ = ["percentile_ranks", "peer_bands"]


@dataclass(frozen=True)
class Ranked:
    """A checked benchmarking table as arrays: the values, their direction and their ranks."""

    df: pd.DataFrame
    values: np.ndarray  # the value of each row, NaN where not answered
    sign: np.ndarray  # +1 where higher is better, -1 where lower is better
    group: g.Codes  # comparison group of each row: by x peers x indicator
    percentile: np.ndarray  # NaN where unanswered or where the group is too small
    peer_count: np.ndarray  # organisations in the row's group with a value
    small: np.ndarray  # True where the group has fewer than MIN_PEERS values
    catalogue: pd.DataFrame
    by: list[str]
    peers: list[str]


def peer_columns(peers, *, where: str) -> list[str]:
    """``peers`` as a list of column names, or an error that shows how to pass them."""
    if peers is None or isinstance(peers, str):
        return g.as_list(peers)
    if isinstance(peers, Sequence) and all(isinstance(p, str) for p in peers):
        return list(peers)
    raise CourseInputError(
        f"{where}: peers names the columns that define a peer group, e.g. peers='sector' or "
        "peers=['sector', 'size_band']. To compare with chosen organisations, keep them first: "
        "df[df['organisation'].isin(['lv_food', 'peer_001', ...])]."
    )


def ranked(df, *, organisation, indicator, value, direction, peers, by, catalogue, where) -> Ranked:
    """Check a benchmarking table and rank every value within its comparison group."""
    by, peers = g.as_list(by), peer_columns(peers, where=where)
    keys = [*by, organisation, indicator]
    require_columns(df, [*keys, value, *peers], where=where)
    require_rows(df, where=where)
    require_numeric(df, value, where=where)
    require_one_period(df, [*keys, *peers], where=where)
    coded = {column: coded_key(df, column, where=where) for column in [*keys, *peers]}
    codes = {column: (code, len(names)) for column, (code, names) in coded.items()}
    cell = g.combine(*(codes[c] for c in keys))
    if (np.bincount(cell[0], minlength=cell[1]) > 1).any():  # fast test; the message needs pandas
        require_unique_rows(df, keys, where=where, by_hint=True)
    _require_one_peer_group(df, codes, organisation, by, peers, where=where)
    if "organisation_name" in df:  # one organisation under two ids would be two peers
        rows = pd.Series(g.combine(*(codes[c] for c in [*by, organisation]))[0]).drop_duplicates()
        firsts = df.iloc[rows.index].reset_index(drop=True)  # the guard looks rows up by label
        warn_name_variants(firsts, name="organisation_name", member=organisation,
                           within=by, where=where)  # fmt: skip
    catalogue = checked_catalogue(catalogue, where=where)
    indicators = coded[indicator]
    sign = direction_signs(df, indicator, direction, catalogue, where=where, coded=indicators)
    values = g.float_values(df, value)
    require_unit_ranges(df, organisation, indicator, values, catalogue, where=where,
                        coded=indicators)  # fmt: skip
    rounds = g.combine(*(codes[c] for c in [*by, indicator]))[0]
    warn_unit_slips_by_indicator(df, values, rounds, keys, catalogue, coded=indicators,
                                 where=where, column=value)  # fmt: skip
    group = g.combine(*(codes[c] for c in [*by, *peers, indicator]))
    oriented = pd.Series(values * sign)  # larger = better for every indicator
    by_group = oriented.groupby(group[0])
    rank = by_group.rank(method="average").to_numpy()  # 1 = worst, ties get their mean rank
    count = np.bincount(group[0], weights=~np.isnan(values), minlength=group[1])[group[0]]
    small = small_groups(count)
    percentile = 100 * g.divide(rank - 1, count - 1)
    percentile[small] = np.nan  # a group of one or two is no comparison (MIN_PEERS)
    _warn_small(df, small & ~np.isnan(values), [*by, *peers], organisation, indicator, where=where)
    return Ranked(df, values, sign, group, percentile, count, small, catalogue, by, peers)


def _warn_small(df, flagged, groups, organisation, indicator, *, where) -> None:
    """One warning naming the peer groups too small to compare, with their organisations."""
    if not flagged.any():
        return
    rows = df.loc[flagged, [*groups, organisation, indicator]]
    labels = []
    for key, part in rows.groupby(groups, sort=False) if groups else [((), rows)]:
        key = key if isinstance(key, tuple) else (key,)
        named = ", ".join(f"{c}={v!r}" for c, v in zip(groups, key, strict=True)) or "the table"
        who = ", ".join(str(o) for o in pd.unique(part[organisation])[:4])
        indicators = pd.unique(part[indicator])
        on = (
            ", ".join(map(str, indicators))
            if len(indicators) <= 2
            else f"{len(indicators)} indicators"
        )
        labels.append(f"{named}: {who} on {on}")
    warn_small_groups(labels, where=where, what="percentiles (and every peer statistic)")


def _distinct(codes: g.Codes) -> int:
    """How many different groups occur (codes from g.combine are at most ~4 x rows)."""
    return int(np.count_nonzero(np.bincount(codes[0], minlength=codes[1])))


def _require_one_peer_group(df, codes, organisation, by, peers, *, where) -> None:
    if not peers:
        return
    organisations = _distinct(g.combine(*(codes[c] for c in [*by, organisation])))
    with_peers = _distinct(g.combine(*(codes[c] for c in [*by, organisation, *peers])))
    if with_peers > organisations:
        keys = [*by, organisation]
        groups = df.drop_duplicates([*keys, *peers])
        twice = groups[groups.duplicated(keys, keep=False)]
        name = twice[organisation].iloc[0]
        found = ", ".join(repr(str(v)) for v in twice.loc[twice[organisation] == name, peers[0]])
        raise CourseInputError(
            f"{where}: organisation {str(name)!r} belongs to several peer groups ({peers[0]} = "
            f"{found}). Give each organisation one value of {peers} in every row (per round)."
        )


def percentile_ranks(
    df: pd.DataFrame,
    *,
    organisation: str = "organisation",
    indicator: str = "indicator",
    value: str = "value",
    direction: str | dict | None = None,
    peers: str | Sequence[str] | None = None,
    by: str | Sequence[str] | None = None,
    catalogue: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Percentile rank of each organisation among its peers, per indicator: 100 = best.

    Adds two columns to every row of a long table (one row per organisation x indicator):

    - ``percentile`` (0-100): the share of the *other* organisations in the peer group that
      do worse on the indicator, ties counting half::

          percentile = 100 * (worse + 0.5 * tied) / (answers - 1)
                     = 100 * (mean rank - 1) / (answers - 1)

      where ``answers`` is the number of organisations in the peer group with a value for the
      indicator (the organisation included), ``worse`` how many of them do worse and ``tied``
      how many others have the same value; mean rank runs from 1 (worst) to ``answers``
      (best), tied values sharing the mean of their ranks (pandas ``rank(method="average")``).
      So the best gets 100, the worst 0 and the median organisation 50. This is a course
      convention, one of several percentile-rank definitions in use.
    - ``peer_count``: ``answers``, the size of the comparison. Read a percentile among 5 peers
      with care: one more peer moves it by up to 25 points.

    **Minimum peer count.** A percentile needs at least ``MIN_PEERS`` = 3 answers in the
    group (a course convention, ``course._guards.MIN_PEERS``; every peer statistic of this
    module uses it): with one, an organisation would be compared with itself; with two, its
    "percentile" only says which of two is larger. Below it the percentile is NA (NaN),
    ``peer_count`` still says how many answered, and a warning names the groups.

    **Direction.** For a lower-is-better indicator (staff turnover, days to answer members)
    the lowest value is best: its percentile is 100. ``direction`` says which indicators
    these are: ``None`` takes them from the course indicator catalogue (or ``catalogue``),
    a column name reads ``"higher"``/``"lower"`` from that column, a mapping
    ``{indicator: "higher" | "lower"}`` names them. An indicator with no known direction is
    an error: its percentile would be a guess.

    **Peers.** ``peers`` names columns that define the comparison group, e.g. ``"sector"`` or
    ``["sector", "size_band"]`` (see :func:`peer_bands` for size and age bands): each
    organisation is ranked among the organisations with the same values. ``None`` compares
    with every organisation in the table. To compare with a hand-picked group, filter the table
    first. An organisation alone in its peer group gets no percentile (NaN, ``peer_count`` 1).

    **Missing values.** An unanswered indicator (NaN) gets no percentile and does not count as
    a peer for that indicator: the others are ranked among those who answered, as in a
    benchmarking report. It never counts as the worst value (nor as 0).

    **Rounds.** One benchmarking round at a time: a table with several years is refused unless
    ``by="year"`` ranks each round among its own participants.

    **Own data.** A blank organisation, indicator or peer-group value (missing, ``""`` or
    spaces) is refused with its rows named: it identifies no one. A value far outside the
    others of its indicator (in the same round) is flagged with a warning that names the
    organisation, the indicator and the likely slip, judged in the indicator's catalogue unit:
    a fraction given for a percentage (0.45 for 45 %), EUR for EUR thousand. It is ranked as
    given (it would be ranked worst or best): check it. A value outside its unit's range (a
    share above 100 %, a negative count) is refused.

    Source: ESCA benchmarking reports compare an organisation with the organisations of its
    peer group; the percentile-rank formula with ties counting half is the usual textbook one
    (e.g. Crocker & Algina 1986), rescaled to give 0 and 100 at the ends.

    >>> table = pd.DataFrame({
    ...     "organisation": ["A", "B", "C", "D"] * 2,
    ...     "indicator": ["events_per_year"] * 4 + ["staff_turnover"] * 4,
    ...     "value": [10, 20, 20, 40, 5.0, 12.5, 30.0, 8.0]})
    >>> ranks = percentile_ranks(table)
    >>> ranks["percentile"].round(1).tolist()
    [0.0, 50.0, 50.0, 100.0, 100.0, 33.3, 0.0, 66.7]

    On the course data: Vidzeme Food Cluster's staff turnover in the 2023 round, among all
    organisations that answered (lower turnover is better):

    >>> from course import data
    >>> bench = data.load("benchmarking")
    >>> ranks = percentile_ranks(bench[bench["year"] == 2023])
    >>> row = ranks[(ranks["organisation"] == "lv_food") & (ranks["indicator"] == "staff_turnover")]
    >>> row[["value", "percentile", "peer_count"]].round(1).values.tolist()
    [[18.8, 10.4, 78.0]]
    """
    r = ranked(
        df, organisation=organisation, indicator=indicator, value=value, direction=direction,
        peers=peers, by=by, catalogue=catalogue, where="percentile_ranks",
    )  # fmt: skip
    return df.assign(percentile=r.percentile, peer_count=r.peer_count.astype(np.int64))


SIZE_EDGES = (1, 25, 50, 100, 200)
AGE_EDGES = (0, 5, 10, 20)


def peer_bands(
    benchmark: pd.DataFrame,
    *,
    year: str = "year",
    size_edges: Sequence[int] = SIZE_EDGES,
    age_edges: Sequence[int] = AGE_EDGES,
) -> pd.DataFrame:
    """Add ``size_band`` (members) and ``age_band`` (years since founding) to define peer groups.

    ``size_band`` bands the column ``members_total`` of a benchmarking table at ``size_edges``
    (1-24, 25-49, 50-99, 100-199 and 200+ members); ``age_band`` bands the organisation's age
    in that round, ``year - founded_year``, at ``age_edges`` (0-4, 5-9, 10-19 and 20+ years). Each band includes its lower edge. The bands are a course convention: choose edges
    that give peer groups of at least about ten organisations (a group with fewer than
    ``MIN_PEERS`` = 3 gets no percentiles). A missing member count or founding year gives no
    band (NA), which the peer statistics refuse as a peer group. Pass the new columns as
    ``peers``: ``percentile_ranks(bench, peers="size_band")``.

    >>> table = pd.DataFrame({"members_total": [12, 60, 250], "founded_year": [2019, 2010, 1998],
    ...                       "year": [2023, 2023, 2023]})
    >>> peer_bands(table)[["size_band", "age_band"]].values.tolist()
    [['1-24', '0-4 years'], ['50-99', '10-19 years'], ['200+', '20+ years']]
    """
    where = "peer_bands"
    df = benchmark
    require_columns(df, ["members_total", "founded_year", year], where=where)
    require_rows(df, where=where)
    for column in ("members_total", "founded_year"):
        require_numeric(df, column, where=where)
    years = require_years(df, year, where=where)[year].to_numpy(dtype=float, na_value=np.nan)
    age = years - g.float_values(df, "founded_year")
    if (age < 0).any():
        raise CourseInputError(
            f"{where}: an organisation was founded after the {year} of its row "
            f"({int(np.nanmin(age))} years old): check founded_year and {year}."
        )
    return df.assign(
        size_band=_band(g.float_values(df, "members_total"), size_edges, "", df.index, where=where),
        age_band=_band(age, age_edges, " years", df.index, where=where),
    )


def _band(values: np.ndarray, edges: Sequence[int], unit: str, index, *, where: str) -> pd.Series:
    edges = list(edges)
    if len(edges) < 1 or sorted(set(edges)) != edges:
        raise CourseInputError(f"{where}: band edges must increase, e.g. (1, 25, 50), got {edges}.")
    names = [f"{low}-{high - 1}{unit}" for low, high in zip(edges, edges[1:], strict=False)]
    names.append(f"{edges[-1]}+{unit}")
    position = np.searchsorted(edges, values, side="right") - 1
    known = ~np.isnan(values) & (position >= 0)
    labels = np.array(names, dtype=object)[np.clip(position, 0, None)]
    # the table's own index: assign() aligns by label, and a filtered table's starts anywhere
    return pd.Series(np.where(known, labels, None), index=index, dtype="str")
