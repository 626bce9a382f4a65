"""Gaps to the peer median and top quartile, area scores, and improvement between two rounds."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course.benchmarking._catalogue import per_row
from course.benchmarking._ranks import Ranked, ranked
from course.checks import CourseInputError, require_columns, require_period, require_years

__all__ = ["peer_gaps", "area_scores", "improvement", "area_improvement"]


def peer_gaps(
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
    """How far each value is from the peer median and the peer top quartile, in its own unit.

    Adds, on every row, within the comparison group (``peers`` x indicator, as in
    :func:`percentile_ranks`, whose ``percentile`` and ``peer_count`` are added too):

    - ``peer_median``: the median value of the organisations that answered;
    - ``peer_top_quartile``: the value that the best quarter reaches: the 75th percentile for a
      higher-is-better indicator, the 25th for a lower-is-better one (linear interpolation,
      ``numpy.quantile``);
    - ``gap_to_median`` and ``gap_to_top_quartile``: how much the value must improve to reach
      them, in the indicator's unit: ``median - value`` when higher is better, ``value -
      median`` when lower is better. Positive = behind (the improvement still needed);
      0 or negative = already there (by that much).

    The organisation itself is one of the peers whose median is taken, as in a benchmarking
    report that compares each participant with the whole database. Unanswered values (NaN)
    get no gap and are left out of the medians.

    **Small groups.** A comparison group needs at least ``MIN_PEERS`` = 3 organisations that
    answered (a course convention, ``course._guards.MIN_PEERS``): below that, its median, top
    quartile and gaps are NA, with a warning that names the group. An organisation alone in
    its group would be compared with itself, and every gap would be 0.

    >>> table = pd.DataFrame({"organisation": list("ABCDE"),
    ...                       "indicator": ["response_days"] * 5, "value": [2, 4, 5, 7, 12]})
    >>> gaps = peer_gaps(table)  # fewer days is better: the top quartile answers in 4 days
    >>> gaps[["peer_median", "peer_top_quartile", "gap_to_top_quartile"]].iloc[3].tolist()
    [5.0, 4.0, 3.0]

    On the course data: Riga Digital Cluster's international partners in 2023 against the
    top quartile of all organisations:

    >>> from course import data
    >>> bench = data.load("benchmarking")
    >>> gaps = peer_gaps(bench[bench["year"] == 2023])
    >>> row = gaps[(gaps["organisation"] == "lv_it") & (gaps["indicator"] == "international_partners")]
    >>> row[["value", "peer_top_quartile", "gap_to_top_quartile"]].values.tolist()
    [[2.0, 14.0, 12.0]]
    """
    r = ranked(
        df, organisation=organisation, indicator=indicator, value=value, direction=direction,
        peers=peers, by=by, catalogue=catalogue, where="peer_gaps",
    )  # fmt: skip
    return df.assign(**gap_columns(r))


def gap_columns(r: Ranked) -> dict[str, np.ndarray]:
    """The columns of :func:`peer_gaps`; NA in a comparison group smaller than MIN_PEERS."""
    known = ~np.isnan(r.values)
    code, size = r.group
    median = g.group_quantile(r.values, code, size, 0.5, known)[code]
    upper = g.group_quantile(r.values, code, size, 0.75, known)[code]
    lower = g.group_quantile(r.values, code, size, 0.25, known)[code]
    top = np.where(r.sign > 0, upper, lower)
    median[r.small], top[r.small] = np.nan, np.nan  # no median of one or two organisations
    return {
        "percentile": r.percentile,
        "peer_count": r.peer_count.astype(np.int64),
        "peer_median": median,
        "peer_top_quartile": top,
        "gap_to_median": r.sign * (median - r.values),
        "gap_to_top_quartile": r.sign * (top - r.values),
    }


def _areas(r: Ranked, organisation: str, indicator: str, *, where: str) -> pd.DataFrame:
    """One row per organisation x area (x by): the mean percentile of the area's indicators."""
    area = per_row(
        r.df[indicator], dict(zip(r.catalogue["indicator"], r.catalogue["area"], strict=True))
    )
    if area.isna().any():
        unknown = pd.unique(r.df.loc[area.isna().to_numpy(), indicator])
        raise CourseInputError(
            f"{where}: {len(unknown)} indicator(s) have no area in the catalogue: "
            f"{', '.join(repr(str(u)) for u in unknown[:5])}. Keep the catalogue's indicators "
            "only, or pass catalogue= a table with an area for each."
        )
    keys = [*r.by, *r.peers, organisation]
    rows = r.df[keys].assign(area=area.to_numpy(), percentile=r.percentile)
    scores = rows.groupby([*keys, "area"], sort=False, dropna=False).agg(
        area_score=("percentile", "mean"), indicators_scored=("percentile", "count")
    )
    scores = scores.reset_index()
    if "area_name" in r.catalogue:
        names = dict(zip(r.catalogue["area"], r.catalogue["area_name"], strict=True))
        scores.insert(scores.columns.get_loc("area") + 1, "area_name", scores["area"].map(names))
    in_group = scores.groupby([*r.by, *r.peers, "area"], sort=False, dropna=False)["area_score"]
    own = scores.groupby([*r.by, organisation], sort=False)["area_score"]
    return scores.assign(
        area_score_peer_median=in_group.transform("median"),
        area_score_top_quartile=in_group.transform("quantile", 0.75),
        area_rank=own.rank(ascending=False, method="min").astype("Int64"),
        weakest=(scores["area_score"] == own.transform("min")).to_numpy(),
    )


def area_scores(
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
    """Score of each organisation in each of the six ESCA areas: its mean percentile there.

    One row per organisation x area (x ``by``), in the order of the table, with:

    - ``area_score`` (0-100, 100 = best): the mean of the organisation's ``percentile`` (see
      :func:`percentile_ranks`) over the area's indicators that it answered, and
      ``indicators_scored``, how many those were. A course convention: every indicator
      weighs the same, and the area is scored among the same ``peers``;
    - ``area_score_peer_median`` and ``area_score_top_quartile``: the median and the 75th
      percentile (linear interpolation) of the area scores of the peer group, the two reference
      lines of the radar chart (``plots.area_radar``);
    - ``area_rank`` (1 = the organisation's strongest area) and ``weakest`` (True for its
      lowest-scoring area, several if tied).

    The areas come from the course indicator catalogue (or ``catalogue``, a table with the
    columns ``indicator``, ``area`` and ``direction``). An area score is the mean of the
    percentiles the organisation has: in a peer group with fewer than ``MIN_PEERS`` = 3
    organisations that answered (a course convention) there are none, so the area score is NA,
    with a warning.

    >>> table = pd.DataFrame({
    ...     "organisation": ["A", "B", "C"] * 3,
    ...     "indicator": ["events_per_year"] * 3 + ["service_uptake"] * 3 + ["staff_fte"] * 3,
    ...     "value": [10, 20, 30, 60, 50, 40, 2.0, 3.0, 1.5]})
    >>> scores = area_scores(table)
    >>> scores[scores["organisation"] == "A"][["area", "area_score", "weakest"]].values.tolist()
    [['services', 50.0, True], ['management', 50.0, True]]

    On the course data: the weakest area of Riga Digital Cluster in 2023:

    >>> from course import data
    >>> bench = data.load("benchmarking")
    >>> scores = area_scores(bench[bench["year"] == 2023])
    >>> scores[(scores["organisation"] == "lv_it") & scores["weakest"]][["area", "area_score"]
    ...                                                                 ].round(1).values.tolist()
    [['achievements', 27.4]]
    """
    where = "area_scores"
    r = ranked(
        df, organisation=organisation, indicator=indicator, value=value, direction=direction,
        peers=peers, by=by, catalogue=catalogue, where=where,
    )  # fmt: skip
    return _areas(r, organisation, indicator, where=where)


def _rounds(df, year, start, end, *, where):
    """The table with whole-number years and the two years to compare (first and last)."""
    require_columns(df, [year], where=where)
    df = require_years(df, year, where=where)
    available = sorted(pd.unique(df[year].dropna()).tolist())
    if len(available) < 2:
        shown = ", ".join(str(y) for y in available) or "none"
        raise CourseInputError(
            f"{where}: the table holds one round only ({year} {shown}); a comparison needs "
            "two rounds. Pass the table with both rounds (e.g. the whole course table, not "
            "one year of it)."
        )
    start = available[0] if start is None else start
    end = available[-1] if end is None else end
    require_period(available, start, end, column=year, where=where)
    return df, start, end


def _compare(table, keys, columns, year, start, end) -> pd.DataFrame:
    """The ``end`` rows with their ``start`` values alongside: ``<column>_start``, ``_end``."""
    first = table.loc[table[year] == start, [*keys, *columns]]
    last = table.loc[table[year] == end].drop(columns=year)
    return last.merge(first, on=keys, how="inner", sort=False, suffixes=("_end", "_start"))


def improvement(
    df: pd.DataFrame,
    *,
    start: int | None = None,
    end: int | None = None,
    year: str = "year",
    organisation: str = "organisation",
    indicator: str = "indicator",
    value: str = "value",
    direction: str | dict | None = None,
    peers: str | Sequence[str] | None = None,
    catalogue: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Change of each indicator between two benchmarking rounds, in value and in percentile.

    One row per organisation x indicator answered in both rounds (``start`` and ``end``, by
    default the first and last year in the table). An organisation in one round only, or an
    indicator unanswered in one of them (NaN, or no row), is left out: its change is unknown.
    Columns ``<value>_start``, ``<value>_end``, ``change = end - start`` (in the indicator's
    unit), ``improvement`` (the change in the better direction: ``change`` for a
    higher-is-better indicator, ``-change`` for a lower-is-better one), ``improved``
    (``improvement > 0``) and ``percentile_start``, ``percentile_end``, ``percentile_change``
    (in percentile points): each round ranked among its own participants (and ``peers``), so
    a percentile can fall while the value rises if the peers improved more. A percentile is
    NA in a group with fewer than ``MIN_PEERS`` = 3 organisations that answered (a course
    convention), with a warning.

    >>> table = pd.DataFrame({"organisation": ["A", "B", "C"] * 2, "year": [2021] * 3 + [2023] * 3,
    ...                       "indicator": "staff_turnover", "value": [20.0, 10.0, 15.0, 5.0, 15.0, 12.0]})
    >>> improvement(table)[["organisation", "change", "improved", "percentile_change"]
    ...                    ].values.tolist()
    [['A', -15.0, True, 100.0], ['B', 5.0, False, -100.0], ['C', -3.0, True, 0.0]]
    """
    where = "improvement"
    options = dict(organisation=organisation, indicator=indicator, value=value,
                   direction=direction, peers=peers, catalogue=catalogue)  # fmt: skip
    df, start, end = _rounds(df, year, start, end, where=where)
    r = ranked(df, by=year, where=where, **options)
    table = df[[year, *r.peers, organisation, indicator]].assign(
        **{value: r.values, "percentile": r.percentile, "_sign": r.sign}
    )
    table = table[~np.isnan(r.values)]  # an unanswered value has no change: left out
    both = _compare(table, [organisation, indicator], [value, "percentile"], year, start, end)
    change = both[f"{value}_end"] - both[f"{value}_start"]
    better = both["_sign"] * change
    columns = [*r.peers, organisation, indicator, f"{value}_start", f"{value}_end"]
    return both[columns].assign(
        change=change,
        improvement=better,
        improved=pd.array(better > 0, dtype="boolean"),
        percentile_start=both["percentile_start"],
        percentile_end=both["percentile_end"],
        percentile_change=both["percentile_end"] - both["percentile_start"],
    )


def area_improvement(
    df: pd.DataFrame,
    *,
    start: int | None = None,
    end: int | None = None,
    year: str = "year",
    organisation: str = "organisation",
    indicator: str = "indicator",
    value: str = "value",
    direction: str | dict | None = None,
    peers: str | Sequence[str] | None = None,
    catalogue: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Change of each area score (:func:`area_scores`) between two benchmarking rounds.

    One row per organisation x area for the organisations in both rounds: ``area_score_start``,
    ``area_score_end`` (each round scored among its own participants) and
    ``area_score_change`` in percentile points (positive = the organisation moved up among
    its peers in that area; a course convention: the change of its position, not of its
    values). ``plots.before_after`` draws it. An area score is NA (and so its change) where
    the peer group has fewer than ``MIN_PEERS`` = 3 organisations that answered, with a
    warning.

    >>> from course import data
    >>> bench = data.load("benchmarking")
    >>> change = area_improvement(bench)  # 2021 -> 2023
    >>> change[change["organisation"] == "lv_food"][["area", "area_score_change"]].round(1
    ...                                                                        ).values.tolist()
    [['structure', 11.8], ['management', -15.8], ['financing', -6.5], ['services', 23.6], ['interaction', 10.3], ['achievements', 7.0]]
    """
    where = "area_improvement"
    options = dict(organisation=organisation, indicator=indicator, value=value,
                   direction=direction, peers=peers, catalogue=catalogue)  # fmt: skip
    df, start, end = _rounds(df, year, start, end, where=where)
    r = ranked(df, by=year, where=where, **options)
    scores = _areas(r, organisation, indicator, where=where)
    keys = [organisation, "area"]
    both = _compare(scores, keys, ["area_score"], year, start, end)
    columns = [*r.peers, organisation, "area"] + (["area_name"] if "area_name" in scores else [])
    return both[columns].assign(
        area_score_start=both["area_score_start"],
        area_score_end=both["area_score_end"],
        area_score_change=both["area_score_end"] - both["area_score_start"],
    )
