"""Private: a checked region x industry table and the totals every cross-section measure needs.

``panel()`` applies the rules of the whole ``economics`` package in one place:

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
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from course import _groups as g
from course.checks import (
    require_columns,
    require_non_negative,
    require_one_period,
    require_rows,
    require_unique_rows,
    warn_missing_cells,
    warn_unknown_codes,
)

_NACE_LIKE = re.compile(r"^[A-Z](\d{2})?$")  # a section (C) or a division (C10)


@dataclass(frozen=True)
class Panel:
    """A validated region x industry table as integer codes and per-row totals.

    ``group`` is the ``by`` group of each row, ``region_group`` the region within its group
    (one code per region and year, say) and ``industry_group`` the industry within its group.
    The totals are repeated on every row so that formulas read like the maths. Rows of an
    incomplete region have NaN in ``value`` and ``region_total``.
    """

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


def panel(df: pd.DataFrame, *, region: str, industry: str, value: str, by, where: str) -> Panel:
    """Check a region x industry table and compute the totals every measure needs."""
    by = g.as_list(by)
    require_columns(df, [region, industry, value, *by], where=where)
    require_rows(df, where=where)
    require_non_negative(df, value, where=where)
    require_one_period(df, [region, industry, *by], where=where)

    group = g.key_codes(df, by, where=where)
    region_codes, region_labels = g.factorize_with_labels(df, region, where=where)
    industry_codes, industry_labels = g.factorize_with_labels(df, industry, where=where)
    region_group = g.combine(group, region_codes)
    industry_group = g.combine(group, industry_codes)
    _require_unique_cells(df, region_group, industry_codes, [*by, region, industry], where)
    _warn_unknown_nace(industry_labels, where)
    _warn_unknown_regions(region_labels, where)

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


def per_region_table(
    df: pd.DataFrame, p: Panel, region: str, by
) -> tuple[pd.DataFrame, np.ndarray]:
    """The ``by`` and region columns, one row per region (x by) group, and their codes."""
    first = g.first_rows(p.region_group[0])
    table = df.iloc[first][[*g.as_list(by), region]].reset_index(drop=True)
    return table, p.region_group[0][first]


def region_level(p: Panel, per_row: np.ndarray) -> np.ndarray:
    """A per-row quantity that is the same on every row of a region, as one value per region."""
    code, size = p.region_group
    first = g.first_rows(code)
    result = np.full(size, np.nan)
    result[code[first]] = per_row[first]
    return result
