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

from course._guards import blank_keys, check_keys, unit_slips, warn_unit_slips
from course.checks import (
    CourseInputError,
    close_matches,
    require_columns,
    require_rows,
    require_unique_rows,
)

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

Coded = tuple[np.ndarray, np.ndarray]  # a code per row and the distinct values (code k: names[k])

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
    """The course catalogue, or the learner's own table checked for the columns it needs.

    Copies of one row are dropped; two different rows for one indicator (two directions, two
    areas) are refused: which one counts would be a guess.
    """
    if catalogue is None:
        return _course_catalogue()
    require_columns(catalogue, ["indicator", "area", "direction"], where=f"{where} (catalogue)")
    require_rows(catalogue, where=f"{where} (catalogue)")
    catalogue = check_keys(catalogue, ["indicator"], where=f"{where} (catalogue)",
                           unknown_option=False)  # fmt: skip
    catalogue = catalogue.drop_duplicates()
    require_unique_rows(catalogue, ["indicator"], where=f"{where} (catalogue)")
    return catalogue


def looked_up(coded: Coded, mapping: Mapping) -> np.ndarray:
    """``mapping`` looked up once per distinct indicator, then spread to every row."""
    code, names = coded
    found = pd.Series(names, dtype=object).map(mapping).to_numpy(dtype=object)
    return np.append(found, None)[code]  # code -1 (a missing key) -> None


def per_row(codes: pd.Series, mapping: Mapping) -> pd.Series:
    """``codes.map(mapping)``, looked up once per distinct code (fast on a long table)."""
    return pd.Series(looked_up(pd.factorize(codes), mapping), index=codes.index)


def coded_key(df: pd.DataFrame, column: str, *, where: str) -> Coded:
    """A key column as a code per row and its distinct values; a blank key is refused.

    A blank organisation, indicator, peer group or round identifies no row: it is refused
    with its rows named (``course._guards.check_keys``), never dropped or grouped.
    """
    code, names = pd.factorize(df[column])
    if (code < 0).any() or blank_keys(pd.Series(names, dtype=object)).any():
        check_keys(df, [column], where=where, unknown_option=False)  # raises, naming rows
    return code.astype(np.int64), np.asarray(names, dtype=object)


def direction_signs(
    df: pd.DataFrame, indicator: str, direction, catalogue: pd.DataFrame, *, where: str,
    coded: Coded | None = None,
) -> np.ndarray:  # fmt: skip
    """+1 where a higher value is better, -1 where a lower one is, for every row of ``df``.

    ``direction`` is None (the catalogue's), a column name of ``df`` or a mapping
    ``{indicator: "higher" | "lower"}``. An indicator with no known direction is an error:
    one missing from the catalogue (a typo, usually) or one whose direction is left blank.
    ``coded`` is the indicator column as :func:`coded_key` gives it, if known.
    """
    coded = coded_key(df, indicator, where=where) if coded is None else coded
    if isinstance(direction, str):  # a column: the words are read row by row
        require_columns(df, [direction], where=where)
        words = df[direction].to_numpy(dtype=object, na_value=None)
        _require_directions(words, df[indicator].to_numpy(dtype=object), {}, catalogue,
                            f"column {direction!r}", where=where)  # fmt: skip
        return np.where(words == "higher", 1.0, -1.0)
    if direction is None:
        known = dict(zip(catalogue["indicator"], catalogue["direction"], strict=True))
        source = "the catalogue"
        if catalogue is _course_catalogue():
            source = "the course indicator catalogue"
    elif isinstance(direction, Mapping | pd.Series):
        known, source = dict(direction), "the direction mapping"
    else:
        raise CourseInputError(
            f"{where}: direction must be a column name or a mapping "
            f"{{indicator: 'higher' or 'lower'}}, got {type(direction).__name__}."
        )
    code, names = coded
    words = pd.Series(names, dtype=object).map(known).to_numpy(dtype=object)
    _require_directions(words, names, known, catalogue, source, where=where)
    return np.where(words == "higher", 1.0, -1.0)[code]


def _require_directions(words, indicators, known, catalogue, source, *, where) -> None:
    """Raise for an indicator whose direction is missing, blank or not 'higher'/'lower'."""
    missing = pd.isna(words) | (pd.Series(words, dtype=object).astype(str).str.strip() == "")
    if missing.any():
        name = str(indicators[np.flatnonzero(missing)[0]])
        if name in known or source.startswith("column"):
            raise CourseInputError(
                f"{where}: the direction of indicator {name!r} is blank in {source}. Fill it "
                "in: 'higher' if a higher value is better, 'lower' if a lower one is (e.g. "
                f"staff turnover), or pass direction={{{name!r}: 'higher'}}."
            )
        close = close_matches(name, known or catalogue["indicator"])
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise CourseInputError(
            f"{where}: indicator {name!r} has no known direction (is a higher or a lower "
            f"value better?): it is not in {source}.{hint} Check the spelling, or say it, "
            f"e.g. direction={{{name!r}: 'higher'}}."
        )
    wrong = ~np.isin(words, DIRECTIONS)
    if wrong.any():
        k = int(np.flatnonzero(wrong)[0])
        raise CourseInputError(
            f"{where}: a direction must be 'higher' or 'lower', but {source} gives "
            f"{str(words[k])!r} for indicator {str(indicators[k])!r}."
        )


def units(catalogue: pd.DataFrame) -> dict:
    """``{indicator: unit}`` from the catalogue (empty if it has no ``unit`` column)."""
    if "unit" not in catalogue:
        return {}
    return dict(zip(catalogue["indicator"], catalogue["unit"], strict=True))


def require_unit_ranges(
    df: pd.DataFrame, organisation: str, indicator: str, values: np.ndarray,
    catalogue: pd.DataFrame, *, where: str, coded: Coded | None = None,
) -> None:  # fmt: skip
    """Raise if a value is outside its unit's range: a share above 100 %, a negative count."""
    unit_of = units(catalogue)
    if not unit_of:
        return
    coded = coded_key(df, indicator, where=where) if coded is None else coded
    ranges = {key: _UNIT_RANGES[unit] for key, unit in unit_of.items() if unit in _UNIT_RANGES}
    low = looked_up(coded, {k: r[0] for k, r in ranges.items()}).astype(float)
    high = looked_up(coded, {k: r[1] for k, r in ranges.items()}).astype(float)
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


def warn_unit_slips_by_indicator(
    df: pd.DataFrame, values: np.ndarray, groups: np.ndarray, keys: list[str],
    catalogue: pd.DataFrame, *, coded: Coded, where: str, column: str,
) -> None:  # fmt: skip
    """Warn about values far outside the others of their indicator (``groups``): unit slips.

    Each indicator is judged in its catalogue unit (a fraction given for a percentage, EUR
    for EUR thousand); an indicator without a unit only by the factor-1,000 rule.
    """
    code, names = coded
    unit_of_name, unit_names = pd.factorize(  # one unit code per distinct indicator
        pd.Series(names, dtype=object).map(units(catalogue)), use_na_sentinel=False
    )
    slips = np.full(len(values), "", dtype=object)
    for k, unit in enumerate(unit_names):
        rows = np.flatnonzero(unit_of_name[code] == k) if len(unit_names) > 1 else slice(None)
        unit = unit if isinstance(unit, str) else None
        slips[rows] = unit_slips(values[rows], groups[rows], unit=unit)
    warn_unit_slips(df, slips, keys, where=where, column=column)
