"""Change over time: growth rates, CAGR and shift-share decomposition."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course.checks import (
    CourseInputError,
    require_choice,
    require_non_negative,
    require_one_period,
    require_period,
    require_rows,
    require_unique_rows,
    require_years,
    warn_missing_cells,
)
from course.economics._panel import as_codes, checked_keys, require_named_columns

__all__ = ["growth", "shift_share"]


def _checked_years(df, roles, value, year, start, end, *, by=(), where):
    """The table with whole-number years, checked for the columns, rows and period asked for.

    ``roles`` maps ``"region"`` and ``"industry"`` to their columns (None: the table has
    none). Also returns the key columns and the code columns among them (column -> role),
    which :func:`_cells_by_year` checks on the years it uses.
    """
    codes = {column: role for role, column in roles.items() if column is not None}
    keys = [*by, *codes]
    named = [*((role, column) for column, role in codes.items()), ("year", year), ("value", value)]
    require_named_columns(df, [*(("by", column) for column in by), *named], where=where)
    require_rows(df, where=where)
    require_non_negative(df, value, where=where)
    df = require_years(df, year, where=where)
    require_one_period(df, [*keys, year], where=where)
    start, end = _year_number(start, "start", where), _year_number(end, "end", where)
    require_period(pd.unique(df[year].dropna()).tolist(), start, end, column=year, where=where)
    return df, start, end, keys, codes


def _year_number(wanted, name: str, where: str) -> int:
    try:  # "2013" and 2013.0 are the year 2013
        number = float(wanted)
    except (TypeError, ValueError):
        number = float("nan")
    if not number.is_integer():
        raise CourseInputError(f"{where}: {name}={wanted!r} must be a year, e.g. {name}=2013.")
    return int(number)


def _cells_by_year(df, keys, codes, value, year, years, *, where, **options):
    """Rows of the given years as a matrix cells x years, and which cells have a row.

    Only the rows of ``years`` are used, so only their keys are checked (blank keys, totals:
    ``options`` are ``blank_keys`` and ``drop_aggregates``, see :func:`checked_keys`).
    """
    table = df.loc[df[year].isin(years).to_numpy()]
    table, found = checked_keys(table, keys=keys, codes=codes, where=where, **options)
    cell = as_codes(found, keys, len(table))
    position = np.searchsorted(np.asarray(years), table[year].to_numpy())
    counts = np.bincount(cell[0] * len(years) + position, minlength=cell[1] * len(years))
    if (counts > 1).any():
        require_unique_rows(table, [*keys, year], where=where)
    first = g.first_rows(cell[0])
    matrix = np.full((cell[1], len(years)), np.nan)
    matrix[cell[0], position] = g.float_values(table, value)
    labels = table.iloc[first][keys].reset_index(drop=True)
    return labels, matrix[cell[0][first]], table.iloc[first]


def growth(
    df: pd.DataFrame,
    *,
    start,
    end,
    region: str | None = "region",
    industry: str | None = "industry",
    value: str = "employment",
    year: str = "year",
    by: str | Sequence[str] | None = None,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Growth between two years, one row per region x industry (x ``by``) cell.

    Columns ``<value>_start``, ``<value>_end``, ``absolute_change = x1 - x0``,
    ``growth_rate = (x1 - x0) / x0`` and the compound annual growth rate
    ``cagr = (x1 / x0) ** (1 / (end - start)) - 1``, the constant yearly rate that leads
    from x0 to x1. Rates are NaN when ``x0 == 0``. A cell with no row (or NaN) in one of
    the two years gets NaN (unknown, not 0): fill the table with zeros first if a missing
    row means "no jobs". Pass ``industry="category"`` for cluster categories, and
    ``region=None`` or ``industry=None`` for a table without that column (e.g. totals).
    Blank keys and total rows: as in :func:`course.economics.location_quotient`
    (``blank_keys``, ``drop_aggregates``).

    >>> emp = pd.DataFrame({"region": ["A", "A"], "industry": ["food", "food"],
    ...                     "year": [2015, 2020], "employment": [100, 121]})
    >>> growth(emp, start=2015, end=2020)[["growth_rate", "cagr"]].round(4).values.tolist()
    [[0.21, 0.0389]]
    """
    where = "growth"
    df, start, end, keys, codes = _checked_years(
        df, {"region": region, "industry": industry}, value, year, start, end,
        by=g.as_list(by), where=where,
    )  # fmt: skip
    labels, matrix, _ = _cells_by_year(
        df, keys, codes, value, year, [start, end], where=where,
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    x0, x1 = matrix[:, 0], matrix[:, 1]
    with np.errstate(invalid="ignore"):
        cagr = g.divide(x1, x0) ** (1 / (end - start)) - 1
    return labels.assign(
        **{f"{value}_start": x0, f"{value}_end": x1},
        absolute_change=x1 - x0,
        growth_rate=g.divide(x1 - x0, x0),
        cagr=cagr,
    )


def _classical_components(e0, e1, industry0, industry1, total0, total1):
    """Classical shift-share split of e1 - e0 (works on vectors and on cells x years)."""
    growth_all = g.divide(total1 - total0, total0)
    growth_industry = g.divide(industry1 - industry0, industry0)
    empty = e0 == 0  # no start jobs: nothing to grow at the area's rates, all change is RS
    national = np.where(empty, 0.0, e0 * growth_all)
    mix = np.where(empty, 0.0, e0 * (growth_industry - growth_all))
    # RS = e1 - e0 (1 + g[i]) equals e0 (r - g[i]) but needs no r = (e1 - e0)/e0,
    # which is undefined for e0 = 0, so the identity NS + IM + RS = e1 - e0 holds in every cell
    regional = np.where(empty, e1, e1 - e0 * (1 + growth_industry))
    return national, mix, regional, growth_industry


def shift_share(
    df: pd.DataFrame,
    *,
    start,
    end,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    year: str = "year",
    method: str = "classical",
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Shift-share decomposition of each region x industry cell's change from start to end.

    Growth rates of the reference area (= all regions in the table):
    ``g = (E1 - E0)/E0``, ``g[i] = (E1[i] - E0[i])/E0[i]``; of the cell ``r = (e1 - e0)/e0``.

    - ``national_share = e0 * g`` (growth had the cell grown like the whole economy)
    - ``industry_mix = e0 * (g[i] - g)`` (extra growth of the industry everywhere)
    - ``regional_shift = e0 * (r - g[i])``, computed as ``e1 - e0 * (1 + g[i])`` (the same
      number, and defined when e0 = 0: a cell without start jobs puts all its change here)
    - ``total_change = e1 - e0 = national_share + industry_mix + regional_shift``

    ``method="esteban_marquillas"`` (Esteban-Marquillas 1972) splits the regional shift with
    the homothetic employment ``homothetic = e0[r] * E0[i] / E0`` (the cell's size had the
    region the area's industry mix) into ``competitive_effect = h * (r - g[i])`` and
    ``allocation_effect = (e0 - h) * (r - g[i])``; both NaN when e0 = 0 (r undefined).
    ``method="dynamic"`` (Barff & Knight 1988) applies the classical split to each pair of
    consecutive years in the table between start and end and adds the results up.

    **Missing is not zero.** A cell that is NaN, or has no row, in any year used (start and
    end; every year between for the dynamic method) is unknown: its components are NaN and
    it is left out of the totals E[i] and E of *every* year, so that the other cells are
    compared with one consistent reference area (a warning names the cells). Add rows with
    0 first if an absent row means "no jobs". Columns ``<value>_start`` and ``<value>_end``
    hold e0 and e1. Blank keys and total rows: as in
    :func:`course.economics.location_quotient` (``blank_keys``, ``drop_aggregates``).

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"] * 2, "industry": ["food", "IT"] * 4,
    ...                     "year": [2015] * 4 + [2020] * 4,
    ...                     "employment": [100, 50, 100, 50, 110, 60, 100, 70]})
    >>> ss = shift_share(emp, start=2015, end=2020)
    >>> ss[["national_share", "industry_mix", "regional_shift"]].round(1).values.tolist()[0]
    [13.3, -8.3, 5.0]
    """
    where = "shift_share"
    require_choice(
        method, ["classical", "esteban_marquillas", "dynamic"], name="method", where=where
    )
    df, start, end, keys, codes = _checked_years(
        df, {"region": region, "industry": industry}, value, year, start, end, where=where
    )
    years = [start, end]
    if method == "dynamic":
        years = sorted(y for y in pd.unique(df[year].dropna()).tolist() if start <= y <= end)
    labels, matrix, first_rows = _cells_by_year(
        df, keys, codes, value, year, years, where=where,
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    unknown = np.isnan(matrix).any(axis=1)  # NaN, or no row, in one of the years used
    warn_missing_cells(
        labels, unknown, [region, industry], where=where,
        effect=f"Their components are NaN and they are left out of the totals of every year "
        f"({', '.join(str(y) for y in years)}).",
    )  # fmt: skip
    known = np.where(unknown[:, None], 0.0, matrix)

    # industry totals E[i] and area totals E for every year, over the cells known throughout
    industry_code, n_industries = g.factorize(first_rows, industry, where=where)
    flat = (industry_code[:, None] * len(years) + np.arange(len(years))).ravel()
    by_industry = np.bincount(flat, weights=known.ravel(), minlength=n_industries * len(years))
    industry_totals = by_industry.reshape(n_industries, len(years))[industry_code]
    area_totals = known.sum(axis=0)

    national, mix, regional, growth_industry = _classical_components(
        known[:, :-1],
        known[:, 1:],
        industry_totals[:, :-1],
        industry_totals[:, 1:],
        area_totals[:-1],
        area_totals[1:],
    )

    def summed(component: np.ndarray) -> np.ndarray:
        return np.where(unknown, np.nan, component.sum(axis=1))

    result = labels.assign(
        **{f"{value}_start": matrix[:, 0], f"{value}_end": matrix[:, -1]},
        national_share=summed(national),
        industry_mix=summed(mix),
        regional_shift=summed(regional),
        total_change=matrix[:, -1] - matrix[:, 0],
    )
    if method != "esteban_marquillas":
        return result
    region_code, n_regions = g.factorize(first_rows, region, where=where)
    region_start = g.group_sum(region_code, n_regions, known[:, 0])[region_code]
    homothetic = np.where(
        unknown, np.nan, g.divide(region_start * industry_totals[:, 0], area_totals[0])
    )
    start_jobs = matrix[:, 0]
    rate_gap = g.divide(matrix[:, 1] - start_jobs, start_jobs) - growth_industry[:, 0]  # r - g[i]
    return result.assign(
        homothetic=homothetic,
        competitive_effect=homothetic * rate_gap,
        allocation_effect=(start_jobs - homothetic) * rate_gap,
    )
