"""The course indicator catalogue: 36 indicators in the six ESCA areas, and their directions.

**A course catalogue, modelled on the six ESCA areas; not the ESCA questionnaire** (the real
questionnaire and its thresholds are not public). Each indicator has an area, a definition, a
unit, a direction (is a higher or a lower value better?) and a KPI type.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import numpy as np
import pandas as pd

from course.checks import CourseInputError, close_matches, require_columns, require_rows

__all__ = ["AREAS", "indicator_catalogue"]

# The six areas of the ESCA cluster management benchmarking, in the order ESCA lists them.
AREAS = {
    "structure": "Structure of the cluster participants",
    "management": "Management and governance",
    "financing": "Financing",
    "services": "Services",
    "interaction": "Interaction and communication within the cluster",
    "achievements": "Achievements and recognition",
}

DIRECTIONS = ("higher", "lower")

# The range a value can take in each unit of the course catalogue; other units are not checked.
_COUNTS = ("count", "count per year", "persons per year", "FTE", "years", "days", "EUR thousand")
_UNIT_RANGES = {"%": (0.0, 100.0), "score 1-5": (1.0, 5.0), **dict.fromkeys(_COUNTS, (0.0, np.inf))}


def indicator_catalogue() -> pd.DataFrame:
    """The course indicator catalogue (a new copy of the course table ``benchmark_indicators``).

    One row per indicator: ``indicator`` (id), ``area`` and ``area_name`` (one of the six ESCA
    areas, six indicators each), ``name``, ``definition``, ``unit``, ``direction``
    (``"higher"`` or ``"lower"`` is better) and ``kpi_type`` (input, activity, output, outcome).
    A course convention modelled on ESCA's six areas, not the ESCA questionnaire.

    >>> catalogue = indicator_catalogue()
    >>> len(catalogue), catalogue["area"].nunique()
    (36, 6)
    >>> catalogue.set_index("indicator").loc["staff_turnover", ["area", "unit", "direction"]].tolist()
    ['management', '%', 'lower']
    """
    return _course_catalogue().copy()


@cache
def _course_catalogue() -> pd.DataFrame:
    from course import data

    return data.load("benchmark_indicators")


def checked_catalogue(catalogue: pd.DataFrame | None, *, where: str) -> pd.DataFrame:
    """The course catalogue, or the learner's own table checked for the columns it needs."""
    if catalogue is None:
        return _course_catalogue()
    require_columns(catalogue, ["indicator", "area", "direction"], where=f"{where} (catalogue)")
    require_rows(catalogue, where=f"{where} (catalogue)")
    return catalogue.drop_duplicates("indicator")


def per_row(codes: pd.Series, mapping: Mapping) -> pd.Series:
    """``codes.map(mapping)``, looked up once per distinct code (fast on a long table)."""
    position, uniques = pd.factorize(codes)
    looked_up = pd.Series(uniques).map(mapping).to_numpy(dtype=object)
    found = np.append(looked_up, None)[position]  # position -1 (a missing code) -> None
    return pd.Series(found, index=codes.index)


def direction_signs(
    df: pd.DataFrame, indicator: str, direction, catalogue: pd.DataFrame, *, where: str
) -> np.ndarray:
    """+1 where a higher value is better, -1 where a lower one is, for every row of ``df``.

    ``direction`` is None (the catalogue's), a column name of ``df`` or a mapping
    ``{indicator: "higher" | "lower"}``. An indicator with no known direction is an error.
    """
    if direction is None:
        known = dict(zip(catalogue["indicator"], catalogue["direction"], strict=True))
        words = per_row(df[indicator], known)
        source = (
            "the course indicator catalogue"
            if catalogue is _course_catalogue()
            else ("the catalogue")
        )
    elif isinstance(direction, str):
        require_columns(df, [direction], where=where)
        words, source, known = df[direction], f"column {direction!r}", {}
    elif isinstance(direction, Mapping | pd.Series):
        known = dict(direction)
        words, source = per_row(df[indicator], known), "the direction mapping"
    else:
        raise CourseInputError(
            f"{where}: direction must be a column name or a mapping "
            f"{{indicator: 'higher' or 'lower'}}, got {type(direction).__name__}."
        )
    unknown = pd.unique(df.loc[words.isna().to_numpy(), indicator])
    if len(unknown):
        close = close_matches(unknown[0], known or catalogue["indicator"])
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise CourseInputError(
            f"{where}: indicator {str(unknown[0])!r} has no known direction (is a higher or a "
            f"lower value better?): it is not in {source}.{hint} Check the spelling, or say it, "
            f"e.g. direction={{{str(unknown[0])!r}: 'higher'}}."
        )
    wrong = ~words.isin(DIRECTIONS).to_numpy()
    if wrong.any():
        raise CourseInputError(
            f"{where}: a direction must be 'higher' or 'lower', but {source} gives "
            f"{str(words[wrong].iloc[0])!r} for indicator {str(df.loc[wrong, indicator].iloc[0])!r}."
        )
    return np.where((words == "higher").to_numpy(dtype=bool), 1.0, -1.0)


def require_unit_ranges(
    df: pd.DataFrame, organisation: str, indicator: str, values: np.ndarray,
    catalogue: pd.DataFrame, *, where: str,
) -> None:  # fmt: skip
    """Raise if a value is outside its unit's range: a share above 100 %, a negative count."""
    if "unit" not in catalogue:
        return
    unit_of = dict(zip(catalogue["indicator"], catalogue["unit"], strict=True))
    ranges = {key: _UNIT_RANGES[unit] for key, unit in unit_of.items() if unit in _UNIT_RANGES}
    low = per_row(df[indicator], {k: r[0] for k, r in ranges.items()}).to_numpy(dtype=float)
    high = per_row(df[indicator], {k: r[1] for k, r in ranges.items()}).to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):  # NaN: a missing value or an indicator with no unit
        outside = (values < low) | (values > high)
    if outside.any():
        k = int(np.flatnonzero(outside)[0])
        unit = unit_of[df[indicator].iloc[k]]
        hint = {
            "%": "percentages are written 0-100 (45 for 45 %), not as fractions above 100",
            "score 1-5": "a score runs from 1 to 5: check it is not on another scale (0-10)",
        }.get(
            unit,
            "counts, amounts and years cannot be negative; a negative number is often "
            "a code for 'missing': replace it with NaN",
        )
        shown = f"{low[k]:g}-{high[k]:g}" if np.isfinite(high[k]) else f"at least {low[k]:g}"
        raise CourseInputError(
            f"{where}: {int(outside.sum())} value(s) are outside their unit's range, e.g. "
            f"{values[k]:g} for {str(df[organisation].iloc[k])!r} x {str(df[indicator].iloc[k])!r} "
            f"(unit {unit!r}: {shown}). Check the data: {hint}."
        )
