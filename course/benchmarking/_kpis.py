"""Key performance indicators: baseline, target and actual, and the status against the target."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from course import _groups as g
from course.benchmarking._catalogue import checked_catalogue, direction_signs
from course.benchmarking._gaps import _rounds
from course.checks import (
    CourseInputError,
    require_columns,
    require_fraction,
    require_numeric,
    require_present,
    require_rows,
    require_unique_rows,
)

__all__ = ["STATUSES", "kpi_status", "kpi_table"]

STATUSES = ("met", "on track", "behind", "no data")


def kpi_status(
    kpis: pd.DataFrame,
    *,
    indicator: str = "indicator",
    direction: str | dict | None = None,
    catalogue: pd.DataFrame | None = None,
    on_track_from: float = 0.5,
) -> pd.DataFrame:
    """Status of each KPI against its target, from the columns ``baseline``, ``target``, ``actual``.

    Adds ``progress``, the share of the planned improvement achieved so far::

        progress = (actual - baseline) / (target - baseline)

    (the same for a lower-is-better KPI: both differences are then negative), and ``status``
    (a value exactly on a line, up to rounding, counts as reaching it):

    - ``"met"``: the actual value is at least as good as the target (in the KPI's direction);
    - ``"on track"``: not met, but ``progress >= on_track_from`` (0.5: half the way or more);
    - ``"behind"``: less progress than that, no change or a change the wrong way, or a
      target no better than the baseline that is not held;
    - ``"no data"``: the actual value (or the baseline or target) is missing.

    ``target_type`` says what the target asks for, in the KPI's direction: ``"improvement"``
    (the target is better than the baseline), ``"hold the level"`` (the same) or ``"limit a
    decline"`` (the target is worse than the baseline: a planned fall, e.g. fewer members
    after a clean-up of the register, that must not go further). Progress towards a level
    you already have, or towards a planned fall, is not a share of an improvement:
    ``progress`` is NaN for those two (and when a value is missing), and their status is
    ``"met"`` (no worse than the target) or ``"behind"``, never ``"on track"``. The
    traffic-light thresholds are a course convention: set
    ``on_track_from`` to the share of the plan's time that has passed, for instance.
    The direction of each KPI comes from the course catalogue, or ``direction`` (a column or
    a mapping ``{indicator: "higher" | "lower"}``).

    >>> kpis = pd.DataFrame({"indicator": ["member_satisfaction", "response_days", "events_per_year"],
    ...                      "baseline": [3.6, 6.0, 12], "target": [4.2, 3.0, 20],
    ...                      "actual": [4.3, 4.5, 13]})
    >>> kpi_status(kpis)[["progress", "status"]].round(2).values.tolist()
    [[1.17, 'met'], [0.5, 'on track'], [0.12, 'behind']]

    A planned fall: 60 members, at least 50 after the register is cleaned up, 52 now:

    >>> fall = pd.DataFrame({"indicator": ["members_total"], "baseline": [60], "target": [50],
    ...                      "actual": [52]})
    >>> kpi_status(fall)[["target_type", "progress", "status"]].values.tolist()
    [['limit a decline', nan, 'met']]
    """
    where = "kpi_status"
    require_columns(kpis, [indicator, "baseline", "target", "actual"], where=where)
    require_rows(kpis, where=where)
    require_fraction(on_track_from, name="on_track_from", where=where)
    for column in ("baseline", "target", "actual"):
        require_numeric(kpis, column, where=where)
    catalogue = checked_catalogue(catalogue, where=where)
    sign = direction_signs(kpis, indicator, direction, catalogue, where=where)
    baseline, target, actual = (g.float_values(kpis, c) for c in ("baseline", "target", "actual"))
    planned = sign * (target - baseline)  # > 0: the target is an improvement
    achieved = sign * (actual - baseline)
    progress = g.divide(achieved, planned)  # NaN unless the target is an improvement
    progress[np.isclose(planned, 0)] = np.nan  # 4.2 - 4.2 may be 1e-16 in binary
    unknown = np.isnan(baseline) | np.isnan(target) | np.isnan(actual)
    # decimals such as 3.9 are not exact in binary: a value at the line counts as on it
    met = (sign * (actual - target) >= 0) | np.isclose(actual, target)
    status = np.select(
        [unknown, met, (progress >= on_track_from) | np.isclose(progress, on_track_from)],
        ["no data", "met", "on track"],
        default="behind",
    )
    kind = np.select([np.isclose(planned, 0), planned > 0, planned < 0],
                     ["hold the level", "improvement", "limit a decline"], default="")  # fmt: skip
    return kpis.assign(
        target_type=pd.Series(kind, index=kpis.index, dtype="str").replace("", None),
        progress=progress,
        status=pd.Series(status, index=kpis.index, dtype="str"),
    )


def kpi_table(
    df: pd.DataFrame,
    organisation_id: str,
    targets: Mapping,
    *,
    start: int | None = None,
    end: int | None = None,
    year: str = "year",
    organisation: str = "organisation",
    indicator: str = "indicator",
    value: str = "value",
    direction: str | dict | None = None,
    catalogue: pd.DataFrame | None = None,
    on_track_from: float = 0.5,
) -> pd.DataFrame:
    """A KPI table of one organisation from two benchmarking rounds, with its status.

    One row per KPI in ``targets`` (``{indicator: target value}``, in that order):
    ``baseline`` is the organisation's value in the ``start`` round (default: the first year
    in the table), ``actual`` its value in the ``end`` round (default: the last), ``target``
    the value you set; then :func:`kpi_status` adds ``progress`` and ``status``. Catalogue
    columns (``name``, ``unit``, ``direction``) are added when the catalogue has them, so the
    table reads on its own. ``plots.kpi_lights`` draws it as a traffic-light table.

    >>> from course import data
    >>> bench = data.load("benchmarking")
    >>> targets = {"collaborative_projects": 8, "funding_raised_keur": 1000,
    ...            "public_funding_dependency": 60}  # % of the budget: lower is better
    >>> kpis = kpi_table(bench, "lv_food", targets)
    >>> kpis[["indicator", "baseline", "target", "actual", "status"]].values.tolist()
    [['collaborative_projects', 5.0, 8.0, 10.0, 'met'], ['funding_raised_keur', 672.0, 1000.0, 912.0, 'on track'], ['public_funding_dependency', 69.3, 60.0, 66.3, 'behind']]
    """
    where = "kpi_table"
    require_columns(df, [organisation, indicator, value, year], where=where)
    require_rows(df, where=where)
    require_present(df[organisation], [organisation_id], what="organisation", where=where)
    if not isinstance(targets, Mapping) or not targets:
        raise CourseInputError(
            f"{where}: targets must be a mapping {{indicator: target}}, e.g. "
            "{'member_satisfaction': 4.2}, with at least one KPI."
        )
    require_present(df[indicator], list(targets), what="indicator", where=where)
    df, start, end = _rounds(df, year, start, end, where=where)
    own = df[(df[organisation] == organisation_id) & df[indicator].isin(list(targets))]
    require_unique_rows(own, [year, indicator], where=where)
    values = own.pivot(index=indicator, columns=year, values=value)
    kpis = pd.DataFrame({indicator: list(targets)})
    kpis["baseline"] = kpis[indicator].map(values.get(start, pd.Series(dtype=float)))
    kpis["target"] = pd.to_numeric(pd.Series(list(targets.values())), errors="coerce").astype(float)
    if kpis["target"].isna().any():
        wrong = kpis.loc[kpis["target"].isna(), indicator].iloc[0]
        raise CourseInputError(
            f"{where}: the target of {wrong!r} must be a number, e.g. {{{wrong!r}: 4.2}}, "
            f"got {targets[wrong]!r}."
        )
    kpis["actual"] = kpis[indicator].map(values.get(end, pd.Series(dtype=float)))
    catalogue = checked_catalogue(catalogue, where=where)
    described = [c for c in ("name", "unit", "direction") if c in catalogue]
    if direction is None and described:
        about = catalogue.set_index("indicator")[described]
        kpis = kpis.join(about, on=indicator)
    status = kpi_status(
        kpis, indicator=indicator, direction=direction, catalogue=catalogue,
        on_track_from=on_track_from,
    )  # fmt: skip
    return status.assign(organisation=organisation_id, start=start, end=end)
