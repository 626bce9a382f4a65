"""Private: the input checks of the whole ``economics`` package, and the totals of a panel.

:func:`checked_keys` prepares the grouping keys of every function (the cross-section
measures through :func:`panel`, growth and shift-share, the categories, the market HHI):

- **no row lost**: a missing or blank key (a region or an industry left empty) is refused
  with its rows named, or with ``blank_keys="unknown"`` kept as its own group
  ``"(unknown)"`` (``course._guards.check_keys``); a groupby would drop it without a word;
- **none counted twice**: a total beside its parts (``TOTAL``, ``EU27_2020``, a country
  beside its own regions, a NACE section beside its divisions, ``B-E``) is refused, or with
  ``drop_aggregates=True`` left out with a warning (``course._guards.check_aggregates``).
  Real Eurostat files hold such totals; the course data mix NUTS levels by country, but
  none of their regions overlaps another;
- both checks run on the distinct codes (a few hundred), not on the rows, so that they cost
  next to nothing on a million-row table; only a table with a problem pays for the message.

:func:`panel` adds the rules of the cross-section measures:

- the table has the columns, rows and numbers it needs; one period unless ``by`` says otherwise;
  no region x industry cell twice (its jobs would count twice);
- **missing is not zero**: a region (within its ``by`` group) with a missing cell has an
  unknown total, so all of its rows get NaN and it is left out of the reference area; the other
  regions' results are then exact for the area without it, and a warning names the cells;
- industry codes that look like NACE codes but are not NACE Rev. 2 divisions or sections, and
  region codes of the course's countries that are not in its complete NUTS list, are reported
  (a warning): a typo or another revision would silently make its own industry or region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from course import _groups as g
from course._guards import aggregate_rows, check_aggregates, check_keys
from course.checks import (
    CourseInputError,
    require_choice,
    require_columns,
    require_non_negative,
    require_one_period,
    require_rows,
    require_unique_rows,
    warn_missing_cells,
    warn_unknown_codes,
)

_NACE_LIKE = re.compile(r"^[A-Z](\d{2})?$")  # a section (C) or a division (C10)

# What to do about the totals of a real Eurostat file, by the role of the column.
_LEVEL_HINTS = {
    "region": "A Eurostat file also holds the EU, the countries and the larger regions: keep "
    "one NUTS level, e.g. df[df[{column!r}].str.len() == 4] keeps the NUTS 2 regions "
    "(== 5: NUTS 3).",
    "industry": "A Eurostat file also holds totals, sections and ranges ('TOTAL', 'C', 'B-E'): "
    "keep one NACE level, e.g. df[df[{column!r}].str.fullmatch('[A-U][0-9][0-9]')] keeps the "
    "divisions.",
}

Factorized = dict[str, tuple[np.ndarray, pd.Index]]  # column -> (code per row, distinct values)


def checked_keys(
    df: pd.DataFrame,
    *,
    keys: Sequence[str],
    codes: dict[str, str],
    where: str,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
    unknown_option: bool = True,
    nested: bool = True,
) -> tuple[pd.DataFrame, Factorized]:
    """The table with its grouping keys checked, and every key column as integer codes.

    ``keys`` are the columns the function groups by; ``codes`` the code columns among them
    whose totals would be counted twice, with their role (``"region"``, ``"industry"``,
    ``"category"``), which chooses the advice for a Eurostat file. A blank key is refused or
    filled (see the module docstring), a total refused or dropped. The table comes back
    unchanged (the same object) when all is well, else as a new table.
    """
    require_choice(blank_keys, ["refuse", "unknown"], name="blank_keys", where=where)
    table = df
    found = {}
    for column in keys:
        found[column] = pd.factorize(table[column])
        code, distinct = found[column]
        # a cheap test on the distinct keys first; the message (and the filling) is the guard's
        if (code < 0).any() or any(not str(key).strip() for key in distinct.tolist()):
            table = check_keys(
                table, [column], where=where, blank=blank_keys, unknown_option=unknown_option
            )
            found[column] = pd.factorize(table[column])
    for column, role in codes.items():
        if not aggregate_rows(pd.Series(found[column][1]), nested=nested).any():
            continue
        hint = _LEVEL_HINTS.get(role, "").format(column=column)
        table = check_aggregates(
            table, column, where=where, drop=drop_aggregates, nested=nested, hint=hint
        )
        require_rows(table, where=where)  # nothing but totals: say so, not a bare error
        found = {key: pd.factorize(table[key]) for key in keys}  # the rows changed
    return table, found


def as_codes(found: Factorized, columns: Sequence[str], rows: int) -> g.Codes:
    """One code per row for the combination of ``columns``; a single group if there are none."""
    if not columns:
        return np.zeros(rows, dtype=np.int64), 1
    return g.combine(
        *((found[c][0].astype(np.int64, copy=False), len(found[c][1])) for c in columns)
    )


def require_named_columns(df, named: Sequence[tuple[str, str]], *, where: str) -> None:
    """:func:`course.checks.require_columns` for ``(parameter, column)`` pairs, with the fix for
    the two usual slips: a code given where a column name belongs (``industry="tourism"``),
    and a table of cluster categories given where industries are expected (or the other way).

    >>> table = pd.DataFrame({"region": ["LV008"], "category": ["tourism"], "employment": [5]})
    >>> require_named_columns(table, [("industry", "tourism")], where="growth")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: growth: industry='tourism' names a column, but 'tourism' is a value in column 'category'. Pass the column's name, industry='category'; to keep only 'tourism', filter the table first: df[df['category'] == 'tourism'].
    >>> require_named_columns(table, [("industry", "industry")], where="growth")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: growth: the table has no column 'industry', but it has a column 'category' (cluster categories, it seems). Pass industry='category'.
    """
    if isinstance(df, pd.DataFrame):
        for parameter, column in named:
            if isinstance(column, str) and column not in df.columns:
                _refuse_misnamed(df, parameter, column, where)
    require_columns(df, [column for _, column in named], where=where)


def _refuse_misnamed(df: pd.DataFrame, parameter: str, column: str, where: str) -> None:
    """Raise with the likely fix if ``column`` is a value of the table or the other code role."""
    text_columns = [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c])]
    holders = [c for c in text_columns if df[c].astype("string").eq(column).any()]
    if holders:
        holder = holders[0]
        raise CourseInputError(
            f"{where}: {parameter}={column!r} names a column, but {column!r} is a value in "
            f"column {holder!r}. Pass the column's name, {parameter}={holder!r}; to keep only "
            f"{column!r}, filter the table first: df[df[{holder!r}] == {column!r}]."
        )
    other = {"industry": "category", "category": "industry"}.get(parameter)
    if other in df.columns:
        kind = "cluster categories" if other == "category" else "industries"
        raise CourseInputError(
            f"{where}: the table has no column {column!r}, but it has a column {other!r} "
            f"({kind}, it seems). Pass {parameter}={other!r}."
        )


@dataclass(frozen=True)
class Panel:
    """A validated region x industry table as integer codes and per-row totals.

    ``table`` is the table the codes are for: the input itself, or (after
    ``blank_keys="unknown"`` or ``drop_aggregates=True``) a new table with keys filled or
    totals left out; results are added to it. ``group`` is the ``by`` group of each row,
    ``region_group`` the region within its group (one code per region and year, say) and
    ``industry_group`` the industry within its group; ``industry_labels[k]`` is industry k.
    The totals are repeated on every row so that formulas read like the maths. Rows of an
    incomplete region have NaN in ``value`` and ``region_total``.
    """

    table: pd.DataFrame
    value: np.ndarray  # e[i,r]
    region_total: np.ndarray  # e[r]
    industry_total: np.ndarray  # E[i]
    grand_total: np.ndarray  # E
    incomplete: np.ndarray  # True on every row of a region with a missing cell
    group: g.Codes
    region_group: g.Codes
    industry_group: g.Codes
    region: g.Codes
    industry: g.Codes
    industry_labels: pd.Index


def panel(
    df: pd.DataFrame,
    *,
    region: str,
    industry: str,
    value: str,
    by,
    where: str,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
    role: str = "industry",
) -> Panel:
    """Check a region x industry table and compute the totals every measure needs.

    ``role`` is the name of the ``industry`` parameter in the caller (``"category"`` for the
    star rating and the US rule), so that messages name the parameter the learner passed.
    """
    by = g.as_list(by)
    named = [("region", region), (role, industry), ("value", value), *(("by", c) for c in by)]
    require_named_columns(df, named, where=where)
    require_rows(df, where=where)
    require_non_negative(df, value, where=where)
    require_one_period(df, [region, industry, *by], where=where)
    df, found = checked_keys(
        df,
        keys=[*by, region, industry],
        codes={region: "region", industry: role},
        where=where,
        blank_keys=blank_keys,
        drop_aggregates=drop_aggregates,
    )

    group = as_codes(found, by, len(df))
    region_codes = as_codes(found, [region], len(df))
    industry_codes = as_codes(found, [industry], len(df))
    region_group = g.combine(group, region_codes)
    industry_group = g.combine(group, industry_codes)
    _require_unique_cells(df, region_group, industry_codes, [*by, region, industry], where)
    _warn_unknown_nace(found[industry][1], where)
    _warn_unknown_regions(found[region][1], where)

    values = g.float_values(df, value)
    missing = np.isnan(values)
    incomplete = g.group_any(*region_group, missing)[region_group[0]]
    warn_missing_cells(
        df,
        missing,
        [*by, region, industry],
        where=where,
        effect="A region with a missing cell has an unknown total: all its rows get NaN and it "
        "is left out of the reference area.",
    )
    known = np.where(incomplete, 0.0, values)  # incomplete regions are out of every total
    region_total = g.group_sum(*region_group, known)[region_group[0]]
    return Panel(
        table=df,
        value=np.where(incomplete, np.nan, values),
        region_total=np.where(incomplete, np.nan, region_total),
        industry_total=g.group_sum(*industry_group, known)[industry_group[0]],
        grand_total=g.group_sum(*group, known)[group[0]],
        incomplete=incomplete,
        group=group,
        region_group=region_group,
        industry_group=industry_group,
        region=region_codes,
        industry=industry_codes,
        industry_labels=found[industry][1],
    )


def _require_unique_cells(df, region_group, industry_codes, keys, where) -> None:
    """Two rows for one region x industry (x by) cell would be double counted: refuse."""
    cell, size = g.combine(region_group, industry_codes)
    if (np.bincount(cell, minlength=size) > 1).any():  # fast test; the message needs pandas
        require_unique_rows(df, keys, where=where, by_hint=True)


def _warn_unknown_nace(codes, where: str) -> None:
    """Warn about codes shaped like NACE sections/divisions that NACE Rev. 2 does not have.

    ``codes`` are the distinct industry codes of the table.
    """
    texts = [str(code) for code in codes]
    nace_like = [code for code in texts if _NACE_LIKE.match(code)]
    if 2 * len(nace_like) < len(texts):  # not a NACE column (e.g. cluster categories)
        return
    known = _nace_codes()
    if known:  # also names the odd ones out in a NACE column, e.g. 'TOTAL' or 'C1O'
        warn_unknown_codes(texts, known, what="NACE Rev. 2 division or section", where=where)


@cache
def _nace_codes() -> frozenset[str]:
    """The NACE Rev. 2 sections and divisions of the course table ``nace`` (empty if absent)."""
    from course import data

    try:
        return frozenset(data.load("nace")["code"].astype(str))
    except data.DatasetError:  # the course data are not installed: skip the check
        return frozenset()


def _warn_unknown_regions(codes, where: str) -> None:
    """Warn about NUTS codes that the course's complete lists say do not exist (typos).

    The course table covers every NUTS 3 region of LV, EE and LT and every NUTS 2 region of
    FI, SE and DK, so a code of one of those countries at that level which is not in the list
    is a typo (e.g. 'LV010'); codes at other levels or of other countries are not checked.
    """
    known = _course_regions()
    if not known:
        return
    lengths = {code[:2]: len(code) for code in known}
    texts = [str(code) for code in codes]  # the distinct region codes of the table
    checkable = [code for code in texts if lengths.get(code[:2]) == len(code)]
    if checkable:
        warn_unknown_codes(checkable, known, what="NUTS 2021 region of the course", where=where)


@cache
def _course_regions() -> frozenset[str]:
    """The region codes of the course table ``regional_employment`` (empty if absent)."""
    from course import data

    try:
        return frozenset(data.load("regional_employment", validate=False)["region"].astype(str))
    except data.DatasetError:
        return frozenset()


def lq(p: Panel) -> np.ndarray:
    """``LQ = (e[i,r] / e[r]) / (E[i] / E)`` on every row."""
    return g.divide(g.divide(p.value, p.region_total), g.divide(p.industry_total, p.grand_total))


def per_region_table(p: Panel, region: str, by) -> tuple[pd.DataFrame, np.ndarray]:
    """The ``by`` and region columns, one row per region (x by) group, and their codes."""
    first = g.first_rows(p.region_group[0])
    table = p.table.iloc[first][[*g.as_list(by), region]].reset_index(drop=True)
    return table, p.region_group[0][first]


def region_level(p: Panel, per_row: np.ndarray) -> np.ndarray:
    """A per-row quantity that is the same on every row of a region, as one value per region."""
    code, size = p.region_group
    first = g.first_rows(code)
    result = np.full(size, np.nan)
    result[code[first]] = per_row[first]
    return result
