"""Cluster economics: specialisation, concentration, growth, shift-share and cluster ratings.

Module 1 of the course uses these functions to answer a cluster manager's first questions:
*is our region specialised in our industry, is it growing faster than elsewhere, and is our
cluster one of the strong ones in Europe?*

Conventions shared by every function (read once, they hold everywhere):

- **Tidy in, tidy out.** Input is a long table with one row per region x industry (x year).
  Functions return a NEW table; the input is never changed. Functions that add a measure to
  each row keep the rows in their order; functions that summarise (one row per region, per
  pair, per cell) list the groups in the order they first appear in the input.
- **Reference area = all regions in the table** (within each ``by`` group, e.g. each year).
  Filter the table first if the reference should be smaller (one country), and never put a
  region in a table together with its own parts: a NUTS 2 region and its NUTS 3 parts would
  be counted twice. (The course table mixes levels by country, NUTS 3 in the Baltic states
  and NUTS 2 in the Nordic ones, but its regions do not overlap: that is fine.)
- **Several years.** If the table has a ``year`` column with more than one value, pass
  ``by="year"`` (one result per year) or filter one year; otherwise the functions refuse.
- **Missing values.** A NaN value is left out of every total and its own result is NaN.
  A region x industry pair without a row counts as 0 employment (tidy tables often drop
  empty cells). Divisions by zero give NaN, never ``inf``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.checks import (
    CourseInputError,
    require_choice,
    require_columns,
    require_non_negative,
    require_numeric,
    require_single_value,
)

__all__ = [
    "location_quotient",
    "regional_focus",
    "hoover_index",
    "krugman_index",
    "hhi",
    "market_hhi",
    "entropy",
    "growth",
    "shift_share",
    "star_rating",
    "aggregate_to_categories",
    "cluster_strength",
    "presence",
    "proximity",
    "relatedness_density",
]

YEAR = "year"  # the column name that triggers the "several years" check


# --------------------------------------------------------------------------------------
# Private helpers: codes, totals and checks shared by the public functions
# --------------------------------------------------------------------------------------


def _as_list(columns: str | Sequence[str] | None) -> list[str]:
    if columns is None:
        return []
    if isinstance(columns, str):
        return [columns]
    return list(columns)


def _float_values(df: pd.DataFrame, column: str) -> np.ndarray:
    """The column as float64 with NaN for missing (also for pandas' nullable pd.NA)."""
    return df[column].to_numpy(dtype=float, na_value=np.nan)


def _divide(numerator, denominator) -> np.ndarray:
    """numerator / denominator, NaN (never inf) where the denominator is 0 or missing."""
    numerator, denominator = np.broadcast_arrays(
        np.asarray(numerator, dtype=float), np.asarray(denominator, dtype=float)
    )
    result = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=result, where=denominator > 0)
    return result


def _factorize(df: pd.DataFrame, column: str, *, where: str) -> tuple[np.ndarray, int]:
    """Integer code 0..n-1 per row for the values of one key column."""
    codes, uniques = pd.factorize(df[column])
    if (codes < 0).any():
        first = int(np.flatnonzero(codes < 0)[0])
        raise CourseInputError(
            f"{where}: column {column!r} has {int((codes < 0).sum())} empty value(s) "
            f"(first at row {df.index[first]}). Every row needs a {column}: fill it in or "
            f"drop those rows, e.g. df.dropna(subset=[{column!r}])."
        )
    return codes.astype(np.int64), len(uniques)


def _combine(*parts: tuple[np.ndarray, int]) -> tuple[np.ndarray, int]:
    """One code per row for a combination of codes (like a multi-column groupby key)."""
    code, size = parts[0]
    for part, n in parts[1:]:
        code = code * n + part
        size *= n
        if size > 4 * len(code) + 1024:  # keep bincount arrays small: renumber 0..n-1
            code, uniques = pd.factorize(code)
            size = len(uniques)
    return code, size


def _key_codes(df: pd.DataFrame, columns: Sequence[str], *, where: str) -> tuple[np.ndarray, int]:
    """One code per row for the combination of key columns; a single group if there are none."""
    if not columns:
        return np.zeros(len(df), dtype=np.int64), 1
    return _combine(*(_factorize(df, column, where=where) for column in columns))


def _first_rows(code: np.ndarray) -> np.ndarray:
    """Position of the first row of each group, in the order the groups first appear."""
    return np.sort(np.unique(code, return_index=True)[1])


def _group_sum(code: np.ndarray, size: int, weights: np.ndarray) -> np.ndarray:
    """Sum of weights per group; NaN weights count as 0 (left out of totals)."""
    return np.bincount(code, weights=np.nan_to_num(weights, nan=0.0), minlength=size)


def _require_one_year(df: pd.DataFrame, keys: Sequence[str], *, where: str) -> None:
    if YEAR in df.columns and YEAR not in keys:
        require_single_value(
            df,
            YEAR,
            where=where,
            hint="pass by='year' to get one result per year, or keep one year first, "
            "e.g. df[df['year'] == 2022]",
        )


def _require_fraction(value: float, *, name: str, where: str) -> None:
    if not isinstance(value, int | float) or not 0 <= value <= 1:
        raise CourseInputError(
            f"{where}: {name}={value!r} must be a number between 0 and 1 (0.9 = the 90th percentile)."
        )


@dataclass(frozen=True)
class _Panel:
    """A validated region x industry table as integer codes and per-row totals.

    ``group`` is the ``by`` group of each row, ``region_group`` the region within its
    group (one code per region and year, say) and ``industry_group`` the industry within
    its group. The totals are repeated on every row so that formulas read like the maths.
    """

    value: np.ndarray  # e[i,r]
    region_total: np.ndarray  # e[r]
    industry_total: np.ndarray  # E[i]
    grand_total: np.ndarray  # E
    group: tuple[np.ndarray, int]
    region_group: tuple[np.ndarray, int]
    industry_group: tuple[np.ndarray, int]
    region: tuple[np.ndarray, int]
    industry: tuple[np.ndarray, int]


def _panel(df: pd.DataFrame, *, region: str, industry: str, value: str, by, where: str) -> _Panel:
    """Check a region x industry table and compute the totals every measure needs."""
    by = _as_list(by)
    require_columns(df, [region, industry, value, *by], where=where)
    require_non_negative(df, value, where=where)
    _require_one_year(df, [region, industry, *by], where=where)

    group = _key_codes(df, by, where=where)
    region_codes = _factorize(df, region, where=where)
    industry_codes = _factorize(df, industry, where=where)
    region_group = _combine(group, region_codes)
    industry_group = _combine(group, industry_codes)
    _require_unique_cells(df, region_group, industry_codes, region, industry, value, by, where)

    values = _float_values(df, value)
    region_sums = _group_sum(*region_group, values)
    industry_sums = _group_sum(*industry_group, values)
    group_sums = _group_sum(*group, values)
    return _Panel(
        value=values,
        region_total=region_sums[region_group[0]],
        industry_total=industry_sums[industry_group[0]],
        grand_total=group_sums[group[0]],
        group=group,
        region_group=region_group,
        industry_group=industry_group,
        region=region_codes,
        industry=industry_codes,
    )


def _require_unique_cells(df, region_group, industry_codes, region, industry, value, by, where):
    """Two rows for one region x industry (x by) cell would be double counted: refuse."""
    cell, size = _combine(region_group, industry_codes)
    counts = np.bincount(cell, minlength=size)
    if (counts > 1).any():
        repeated = np.flatnonzero(counts[cell] > 1)
        first = df.iloc[repeated[0]]
        keys = [*by, region, industry]
        fix = f"df.groupby({keys!r}, as_index=False)[{value!r}].sum()"
        periods = (
            "If the table holds several years or other periods, pass by='year' (or the name "
            "of that column); otherwise aggregate first, e.g. "
            if not by
            else "Aggregate first, e.g. "
        )
        raise CourseInputError(
            f"{where}: {len(repeated)} rows repeat a {' x '.join(keys)} combination "
            f"(e.g. {first[region]!r} x {first[industry]!r}). {periods}{fix}."
        )


def _lq(panel: _Panel) -> np.ndarray:
    return _divide(
        _divide(panel.value, panel.region_total), _divide(panel.industry_total, panel.grand_total)
    )


def _group_quantile(
    values: np.ndarray, code: np.ndarray, size: int, q: float, mask: np.ndarray
) -> np.ndarray:
    """``numpy.quantile(values[mask & group], q, method="linear")`` for every group at once.

    Sorting once by (group, value) and interpolating between neighbours replaces a Python
    loop over groups. The interpolation copies numpy's own arithmetic (``_lerp``), so a value
    exactly at the percentile compares equal to what numpy.quantile returns.
    Groups without any value get NaN.
    """
    rows = np.flatnonzero(mask & ~np.isnan(values))
    order = rows[np.lexsort((values[rows], code[rows]))]
    ordered = values[order]
    counts = np.bincount(code[order], minlength=size)
    starts = np.cumsum(counts) - counts
    virtual = (counts - 1) * q
    at_top = virtual >= counts - 1
    low = np.where(at_top, counts - 1, np.floor(virtual)).astype(np.int64)
    high = np.where(at_top, counts - 1, low + 1)
    gamma = virtual - low
    result = np.full(size, np.nan)
    has = counts > 0
    a = ordered[(starts + low)[has]]
    b = ordered[(starts + high)[has]]
    t = gamma[has]
    difference = b - a
    # numpy interpolates from the nearer end for t >= 0.5 (better rounding): do the same
    result[has] = np.where(t >= 0.5, b - difference * (1 - t), a + difference * t)
    return result


# --------------------------------------------------------------------------------------
# Specialisation
# --------------------------------------------------------------------------------------


def location_quotient(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Add the location quotient ``lq`` of each industry in each region.

    ``LQ = (e[i,r] / e[r]) / (E[i] / E)``: the industry's share of the region's employment
    divided by its share in the reference area. LQ > 1 means the region is more specialised
    in the industry than the reference area. Same formula as Balassa's (1965) revealed
    comparative advantage; see Miller & Blair (2009) or any regional-science textbook.

    The reference area is **all regions in the table** (within each ``by`` group): filter
    the table first to compare against one country, and keep one NUTS level only.
    NaN (never inf) where a total is 0. ``by`` names extra grouping columns (``"year"``).

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> location_quotient(emp)["lq"].round(3).tolist()
    [1.5, 0.5, 0.667, 1.333]
    """
    where = "location_quotient"
    panel = _panel(df, region=region, industry=industry, value=value, by=by, where=where)
    return df.assign(lq=_lq(panel))


def regional_focus(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Add ``focus = e[i,r] / e[r]``, the industry's share of the region's employment.

    The "focus" dimension of the European Cluster Observatory (2007-2011); NaN where the
    region's total is 0.

    >>> emp = pd.DataFrame({"region": ["A", "A", "B"], "industry": ["food", "IT", "food"],
    ...                     "employment": [30, 10, 20]})
    >>> regional_focus(emp)["focus"].tolist()
    [0.75, 0.25, 1.0]
    """
    where = "regional_focus"
    panel = _panel(df, region=region, industry=industry, value=value, by=by, where=where)
    return df.assign(focus=_divide(panel.value, panel.region_total))


def _per_region_table(
    df: pd.DataFrame, panel: _Panel, region: str, by
) -> tuple[pd.DataFrame, np.ndarray]:
    """The ``by`` and region columns, one row per region (x by) group, and their codes."""
    first = _first_rows(panel.region_group[0])
    table = df.iloc[first][[*_as_list(by), region]].reset_index(drop=True)
    return table, panel.region_group[0][first]


def _distance_to_reference(panel: _Panel, reference_part: np.ndarray, reference_whole: np.ndarray):
    """``sum_i |s[i,r] - ref[i]|`` per region (x by) over ALL industries of the group.

    ``ref[i] = reference_part / reference_whole`` is given on each row. Industries without a
    row for region r have ``s[i,r] = 0`` and add ``ref[i]``; their total is
    ``(whole - sum of the parts on r's rows) / whole``, so no dense region x industry matrix
    is needed (it would not fit in memory for fine industry codes).
    """
    code, size = panel.region_group
    known = ~np.isnan(panel.value)
    share = _divide(panel.value, panel.region_total)
    reference = _divide(reference_part, reference_whole)
    row_terms = np.where(known, np.abs(share - reference), 0.0)  # NaN from a 0 total stays
    on_rows = np.bincount(code, weights=row_terms, minlength=size)
    covered = np.bincount(code, weights=np.where(known, reference_part, 0.0), minlength=size)
    first = _first_rows(code)
    whole = np.zeros(size)
    whole[code[first]] = reference_whole[first]
    region_total = np.zeros(size)
    region_total[code[first]] = panel.region_total[first]
    # rounding can make the absent mass a hair below 0: it is 0 then
    absent = np.maximum(_divide(whole - covered, whole), 0.0)
    distance = on_rows + absent
    return np.where(region_total > 0, distance, np.nan)


def hoover_index(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Hoover specialisation index, one row per region (x ``by``): column ``hoover``.

    ``hoover = 0.5 * sum_i |s[i,r] - s[i]|`` with ``s[i,r] = e[i,r]/e[r]`` and
    ``s[i] = E[i]/E`` (reference = all regions in the table). 0 = the region's industry mix
    equals the reference; towards 1 = concentrated in industries rare elsewhere. It is the
    share of the region's jobs that would have to change industry to match the reference
    (Hoover 1936; see also Krugman 1991 for the doubled version).

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> hoover_index(emp)["hoover"].round(3).tolist()
    [0.25, 0.167]
    """
    where = "hoover_index"
    panel = _panel(df, region=region, industry=industry, value=value, by=by, where=where)
    table, codes = _per_region_table(df, panel, region, by)
    distance = _distance_to_reference(panel, panel.industry_total, panel.grand_total)
    return table.assign(hoover=0.5 * distance[codes])


def krugman_index(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    reference: str = "total",
) -> pd.DataFrame:
    """Krugman specialisation index ``sum_i |s[i,r] - ref[i]|`` in [0, 2], column ``krugman``.

    ``reference`` chooses what region r is compared with (Krugman 1991):

    - ``"total"``: the whole area including r, ``ref[i] = E[i]/E`` (= 2 x Hoover);
    - ``"rest"``: the area without r, ``ref[i] = (E[i] - e[i,r]) / (E - e[r])``;
    - ``"pairwise"``: every other region p, ``ref[i] = s[i,p]``; one row per ordered pair
      with columns ``region``, ``partner``, ``krugman`` (a region is not paired with itself).

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> krugman_index(emp, reference="rest")["krugman"].round(3).tolist()
    [0.833, 0.833]
    >>> krugman_index(emp, reference="pairwise")["partner"].tolist()
    ['B', 'A']
    """
    where = "krugman_index"
    require_choice(reference, ["total", "rest", "pairwise"], name="reference", where=where)
    panel = _panel(df, region=region, industry=industry, value=value, by=by, where=where)
    if reference == "pairwise":
        return _pairwise_krugman(df, panel, region, by)
    table, codes = _per_region_table(df, panel, region, by)
    if reference == "total":
        distance = _distance_to_reference(panel, panel.industry_total, panel.grand_total)
    else:
        # leave region r out of the reference: subtract its own row and its own total
        rest_part = panel.industry_total - np.nan_to_num(panel.value)
        distance = _distance_to_reference(panel, rest_part, panel.grand_total - panel.region_total)
    return table.assign(krugman=distance[codes])


def _pairwise_krugman(df: pd.DataFrame, panel: _Panel, region: str, by) -> pd.DataFrame:
    from scipy.spatial.distance import cdist  # scipy is heavy: import only when needed

    table, codes = _per_region_table(df, panel, region, by)
    region_code, n_region_groups = panel.region_group
    industry_code, n_industries = panel.industry
    shares = np.zeros((n_region_groups, n_industries))
    known = ~np.isnan(panel.value)
    shares[region_code[known], industry_code[known]] = _divide(panel.value, panel.region_total)[
        known
    ]
    shares[region_code[panel.region_total <= 0]] = np.nan  # an empty region has no mix
    first = _first_rows(region_code)
    group_of_region = np.empty(n_region_groups, dtype=np.int64)
    group_of_region[region_code[first]] = panel.group[0][first]
    table_group = group_of_region[codes]

    pieces = []
    for group in pd.unique(table_group):  # one loop per year (say), not per row
        members = np.flatnonzero(table_group == group)
        matrix = shares[codes[members]]
        distance = cdist(matrix, matrix, metric="cityblock")
        left, right = np.nonzero(~np.eye(len(members), dtype=bool))
        piece = table.iloc[members[left]].reset_index(drop=True)
        piece["partner"] = table[region].to_numpy()[members[right]]
        piece["krugman"] = distance[left, right]
        pieces.append(piece)
    return pd.concat(pieces, ignore_index=True)


# --------------------------------------------------------------------------------------
# Concentration and diversity
# --------------------------------------------------------------------------------------


def hhi(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Structural Herfindahl-Hirschman index of each region's industry mix.

    Returns one row per region (x ``by``) with two columns:

    - ``hhi = sum_i s[i,r]^2`` (raw HHI, between 1/N and 1; 1 = one industry only);
    - ``hhi_normalised = (HHI - 1/N) / (1 - 1/N)`` in [0, 1], where N is the number of
      industries in the table (in the ``by`` group), so tables with different industry
      detail can be compared. NaN when N = 1.

    Source: Herfindahl (1950), Hirschman (1945); structural use as in Krugman (1991).

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 20]})
    >>> hhi(emp)[["hhi", "hhi_normalised"]].round(3).values.tolist()
    [[0.625, 0.25], [0.5, 0.0]]
    """
    where = "hhi"
    panel = _panel(df, region=region, industry=industry, value=value, by=by, where=where)
    table, codes = _per_region_table(df, panel, region, by)
    code, size = panel.region_group
    share = _divide(panel.value, panel.region_total)
    known = ~np.isnan(panel.value)
    sums = np.bincount(code, weights=np.where(known, share**2, 0.0), minlength=size)
    empty_region = (
        np.bincount(code, weights=(panel.region_total <= 0).astype(float), minlength=size) > 0
    )
    sums[empty_region] = np.nan
    # N = industries with a row in the group (a year, say)
    industry_first = _first_rows(panel.industry_group[0])
    n_industries = np.bincount(panel.group[0][industry_first], minlength=panel.group[1])
    first = _first_rows(code)
    n = n_industries[panel.group[0][first]].astype(float)
    raw = sums[codes]
    normalised = _divide(raw - _divide(1.0, n), 1.0 - _divide(1.0, n))
    normalised[n <= 1] = np.nan
    return table.assign(hhi=raw, hhi_normalised=normalised)


def market_hhi(
    df: pd.DataFrame,
    *,
    firm: str = "member_id",
    value: str = "turnover_eur",
    by: str | Sequence[str] | None = None,
    high_threshold: float = 2500,
    moderate_threshold: float = 1500,
) -> pd.DataFrame:
    """Market concentration: ``hhi = sum_f (100 * share_f)^2`` in (0, 10000], one row per ``by``.

    ``share_f`` is firm f's share of the market total (rows of one firm are added up first).
    ``concentration`` follows the US Horizontal Merger Guidelines (2010):
    below 1500 "unconcentrated", 1500 to 2500 "moderate", above 2500 "high".
    The 2023 Merger Guidelines call a market highly concentrated above 1800: pass
    ``high_threshold=1800``. Also returns ``firms``, the number of firms.

    >>> firms = pd.DataFrame({"member_id": ["a", "b", "c"], "turnover_eur": [50, 30, 20]})
    >>> market_hhi(firms)[["hhi", "concentration"]].values.tolist()
    [[3800.0, 'high']]
    """
    where = "market_hhi"
    by = _as_list(by)
    require_columns(df, [firm, value, *by], where=where)
    require_non_negative(df, value, where=where)
    _require_one_year(df, [firm, *by], where=where)
    if not moderate_threshold <= high_threshold:
        raise CourseInputError(
            f"{where}: moderate_threshold={moderate_threshold} must not be above "
            f"high_threshold={high_threshold} (the 2010 guidelines use 1500 and 2500)."
        )
    group, n_groups = _key_codes(df, by, where=where)
    firm_group, n_firm_groups = _combine((group, n_groups), _factorize(df, firm, where=where))
    values = _float_values(df, value)
    firm_totals = _group_sum(firm_group, n_firm_groups, values)
    firm_first = _first_rows(firm_group)
    group_of_firm = group[firm_first]
    market = np.bincount(
        group_of_firm, weights=firm_totals[firm_group[firm_first]], minlength=n_groups
    )
    shares = _divide(100 * firm_totals[firm_group[firm_first]], market[group_of_firm])
    index = np.bincount(group_of_firm, weights=shares**2, minlength=n_groups)
    index[~(market > 0)] = np.nan
    firms = np.bincount(group_of_firm, minlength=n_groups)

    first = _first_rows(group)
    table = df.iloc[first][by].reset_index(drop=True)
    result = index[group[first]]
    band = np.select(
        [result < moderate_threshold, result <= high_threshold, result > high_threshold],
        ["unconcentrated", "moderate", "high"],
        default="",
    )
    concentration = pd.Series(band, dtype="str").where(~np.isnan(result))
    return table.assign(hhi=result, firms=firms[group[first]], concentration=concentration)


def entropy(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    groups: str | Mapping | None = None,
    by: str | Sequence[str] | None = None,
    base: float = 2,
) -> pd.DataFrame:
    """Shannon entropy of each region's industry mix (diversity), one row per region (x by).

    ``entropy = -sum_i s[i,r] log s[i,r]`` (0 log 0 = 0), logarithm to ``base`` (2 = bits).
    0 = a single industry; log(N) = all N industries equally large.

    With ``groups`` (a column of ``df`` or a mapping industry -> sector group) it also
    splits the entropy as Frenken, Van Oort & Verburg (2007) do:

    - ``unrelated_variety = -sum_g P[g] log P[g]``, the entropy over groups, where
      ``P[g]`` is the region's share in group g;
    - ``related_variety = sum_g P[g] H[g]``, with ``H[g]`` the entropy of the industry mix
      inside group g. ``unrelated_variety + related_variety == entropy``.

    >>> emp = pd.DataFrame({"region": ["A"] * 4, "industry": ["C10", "C11", "J62", "J63"],
    ...                     "employment": [25, 25, 25, 25]})
    >>> sector = {"C10": "C", "C11": "C", "J62": "J", "J63": "J"}
    >>> entropy(emp, groups=sector)[["entropy", "unrelated_variety", "related_variety"]
    ...                             ].values.tolist()
    [[2.0, 1.0, 1.0]]
    """
    where = "entropy"
    if not isinstance(base, int | float) or base <= 0 or base == 1:
        raise CourseInputError(
            f"{where}: base={base!r} must be a positive number other than 1 (2 = bits, e.g. numpy.e)."
        )
    panel = _panel(df, region=region, industry=industry, value=value, by=by, where=where)
    table, codes = _per_region_table(df, panel, region, by)
    code, size = panel.region_group
    share = np.where(np.isnan(panel.value), 0.0, _divide(panel.value, panel.region_total))
    log_base = np.log(base)

    def region_sum(terms: np.ndarray) -> np.ndarray:
        return np.bincount(code, weights=terms, minlength=size)[codes] + 0.0  # -0.0 -> 0.0

    def minus_s_log(ratio: np.ndarray) -> np.ndarray:
        """-s * log(ratio) / log(base), 0 where s = 0 (the limit of s log s)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(
                share > 0, -share * np.log(ratio) / log_base, np.where(np.isnan(share), np.nan, 0.0)
            )

    result = table.assign(entropy=region_sum(minus_s_log(share)))
    if groups is None:
        return result
    group_codes = _industry_groups(df, industry, groups, where=where)
    in_group = _combine(panel.region_group, group_codes)
    group_share = np.bincount(in_group[0], weights=np.nan_to_num(share), minlength=in_group[1])[
        in_group[0]
    ]
    # -sum_i s log P[g(i)] = -sum_g P[g] log P[g];  -sum_i s log(s/P[g]) = sum_g P[g] H[g]
    return result.assign(
        unrelated_variety=region_sum(minus_s_log(group_share)),
        related_variety=region_sum(minus_s_log(_divide(share, group_share))),
    )


def _industry_groups(
    df: pd.DataFrame, industry: str, groups, *, where: str
) -> tuple[np.ndarray, int]:
    if isinstance(groups, str):
        require_columns(df, [groups], where=where)
        return _factorize(df, groups, where=where)
    if not isinstance(groups, Mapping | pd.Series):
        raise CourseInputError(
            f"{where}: groups must be a column name or a mapping industry -> group "
            f"(a dict or Series), got {type(groups).__name__}."
        )
    mapped = df[industry].map(groups)
    unmapped = pd.unique(df.loc[mapped.isna(), industry])
    if len(unmapped):
        shown = ", ".join(repr(code) for code in list(unmapped)[:10])
        raise CourseInputError(
            f"{where}: {len(unmapped)} industry code(s) have no group in `groups`: {shown}. "
            "Add them to the mapping (every industry needs a group)."
        )
    return _factorize(pd.DataFrame({"group": mapped}), "group", where=where)


# --------------------------------------------------------------------------------------
# Growth and shift-share
# --------------------------------------------------------------------------------------


def _require_period(df: pd.DataFrame, year: str, start, end, *, where: str) -> None:
    available = sorted(pd.unique(df[year].dropna()).tolist())
    for name, wanted in (("start", start), ("end", end)):
        if wanted not in available:
            shown = ", ".join(repr(y) for y in available) or "none"
            raise CourseInputError(
                f"{where}: {name}={wanted!r} is not in column {year!r}; available years: "
                f"{shown}. Pick one of those."
            )
    if not start < end:
        raise CourseInputError(f"{where}: start={start!r} must be before end={end!r}.")


def _cells_by_year(df, keys, value, year, years, *, where):
    """Rows of the given years as a matrix cells x years (0 where a cell has no row)."""
    rows = df[year].isin(years).to_numpy()
    table = df.loc[rows]
    cell = _key_codes(table, keys, where=where)
    position = np.searchsorted(np.asarray(years), table[year].to_numpy())
    counts = np.bincount(cell[0] * len(years) + position, minlength=cell[1] * len(years))
    if (counts > 1).any():
        raise CourseInputError(
            f"{where}: some {' x '.join(keys)} combinations have several rows in one year. "
            f"Aggregate first, e.g. df.groupby({[*keys, year]!r}, as_index=False)[{value!r}].sum()."
        )
    first = _first_rows(cell[0])
    matrix = np.zeros((cell[1], len(years)))
    present = np.zeros((cell[1], len(years)), dtype=bool)
    matrix[cell[0], position] = _float_values(table, value)
    present[cell[0], position] = True
    labels = table.iloc[first][keys].reset_index(drop=True)
    return labels, matrix[cell[0][first]], present[cell[0][first]], table.iloc[first]


def growth(
    df: pd.DataFrame,
    *,
    start,
    end,
    value: str = "employment",
    year: str = "year",
    keys: Sequence[str] = ("region", "industry"),
) -> pd.DataFrame:
    """Growth between two years, one row per ``keys`` combination.

    Columns ``<value>_start``, ``<value>_end``, ``absolute_change = x1 - x0``,
    ``growth_rate = (x1 - x0) / x0`` and the compound annual growth rate
    ``cagr = (x1 / x0) ** (1 / (end - start)) - 1``. Rates are NaN when ``x0 == 0``.
    A key with no row in one of the two years gets NaN there (unknown, not 0): fill the
    table with zeros first if a missing row means "no jobs".

    >>> emp = pd.DataFrame({"region": ["A", "A"], "industry": ["food", "food"],
    ...                     "year": [2015, 2020], "employment": [100, 121]})
    >>> growth(emp, start=2015, end=2020)[["growth_rate", "cagr"]].round(4).values.tolist()
    [[0.21, 0.0389]]
    """
    where = "growth"
    keys = _as_list(keys)
    require_columns(df, [*keys, year, value], where=where)
    require_non_negative(df, value, where=where)
    _require_period(df, year, start, end, where=where)
    labels, matrix, present, _ = _cells_by_year(df, keys, value, year, [start, end], where=where)
    x0 = np.where(present[:, 0], matrix[:, 0], np.nan)
    x1 = np.where(present[:, 1], matrix[:, 1], np.nan)
    with np.errstate(invalid="ignore"):
        cagr = _divide(x1, x0) ** (1 / (end - start)) - 1
    return labels.assign(
        **{f"{value}_start": x0, f"{value}_end": x1},
        absolute_change=x1 - x0,
        growth_rate=_divide(x1 - x0, x0),
        cagr=cagr,
    )


def _classical_components(e0, e1, industry0, industry1, total0, total1):
    """Classical shift-share split of e1 - e0 (works on vectors and on cells x years)."""
    g = _divide(total1 - total0, total0)
    g_industry = _divide(industry1 - industry0, industry0)
    empty = e0 == 0  # no start jobs: nothing to grow at the area's rates, all change is RS
    national = np.where(empty, 0.0, e0 * g)
    mix = np.where(empty, 0.0, e0 * (g_industry - g))
    # RS = e1 - e0 (1 + g[i]) equals e0 (r - g[i]) but needs no r = (e1 - e0)/e0,
    # which is undefined for e0 = 0, so the identity NS + IM + RS = e1 - e0 holds in every cell
    regional = np.where(empty, e1, e1 - e0 * (1 + g_industry))
    return national, mix, regional, g_industry


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
    A cell without a row in a year counts as 0 jobs that year. Columns ``<value>_start``
    and ``<value>_end`` hold e0 and e1.

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
    require_columns(df, [region, industry, value, year], where=where)
    require_non_negative(df, value, where=where)
    _require_period(df, year, start, end, where=where)
    years = [start, end]
    if method == "dynamic":
        available = sorted(pd.unique(df[year].dropna()).tolist())
        years = [y for y in available if start <= y <= end]
    labels, matrix, _, first_rows = _cells_by_year(
        df, [region, industry], value, year, years, where=where
    )
    industry_code, n_industries = _factorize(first_rows, industry, where=where)

    # industry totals E[i] and area totals E for every year (NaN cells left out)
    known = np.nan_to_num(matrix)
    flat = (industry_code[:, None] * len(years) + np.arange(len(years))).ravel()
    by_industry = np.bincount(flat, weights=known.ravel(), minlength=n_industries * len(years))
    industry_totals = by_industry.reshape(n_industries, len(years))[industry_code]
    area_totals = known.sum(axis=0)

    e0, e1 = matrix[:, :-1], matrix[:, 1:]
    national, mix, regional, g_industry = _classical_components(
        e0, e1, industry_totals[:, :-1], industry_totals[:, 1:], area_totals[:-1], area_totals[1:]
    )
    result = labels.assign(
        **{f"{value}_start": matrix[:, 0], f"{value}_end": matrix[:, -1]},
        national_share=national.sum(axis=1),
        industry_mix=mix.sum(axis=1),
        regional_shift=regional.sum(axis=1),
        total_change=matrix[:, -1] - matrix[:, 0],
    )
    if method != "esteban_marquillas":
        return result
    region_code, n_regions = _factorize(first_rows, region, where=where)
    region_start = np.bincount(region_code, weights=known[:, 0], minlength=n_regions)[region_code]
    homothetic = _divide(region_start * industry_totals[:, 0], area_totals[0])
    start_jobs = matrix[:, 0]
    cell_rate_gap = _divide(matrix[:, 1] - start_jobs, start_jobs) - g_industry[:, 0]  # r - g[i]
    return result.assign(
        homothetic=homothetic,
        competitive_effect=homothetic * cell_rate_gap,
        allocation_effect=(start_jobs - homothetic) * cell_rate_gap,
    )


# --------------------------------------------------------------------------------------
# Cluster ratings
# --------------------------------------------------------------------------------------


def star_rating(
    df: pd.DataFrame,
    *,
    region: str = "region",
    category: str = "category",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    size_quantile: float = 0.9,
    specialisation_threshold: float = 2.0,
    focus_quantile: float = 0.9,
) -> pd.DataFrame:
    """European Cluster Observatory star rating (2007-2011 method) of a region x category table.

    Adds ``lq``, ``focus``, the booleans ``size_star``, ``specialisation_star``,
    ``focus_star`` and ``stars`` (0-3). Within each cluster category (x ``by``), across the
    regions with employment > 0 in it:

    1. size star: employment >= the ``size_quantile`` percentile (top 10 %) [official];
    2. specialisation star: ``LQ >= specialisation_threshold`` (2.0) [textbook: the commonly
       cited value];
    3. focus star: the category's share of the region's employment >= the
       ``focus_quantile`` percentile of that share (top 10 %) [textbook].

    Percentiles use numpy's linear interpolation; a value exactly at the percentile gets
    the star. Rows with 0 employment get no star. Later editions (Cluster Panorama 2016,
    EOCIC 2020) added other dimensions with unconfirmed thresholds: not included.

    >>> emp = pd.DataFrame({"region": list("ABCDE") * 2, "category": ["food"] * 5 + ["IT"] * 5,
    ...                     "employment": [500, 100, 100, 100, 100, 10, 400, 400, 400, 400]})
    >>> star_rating(emp)["stars"].tolist()[:5]
    [3, 0, 0, 0, 0]
    """
    where = "star_rating"
    _require_fraction(size_quantile, name="size_quantile", where=where)
    _require_fraction(focus_quantile, name="focus_quantile", where=where)
    panel = _panel(df, region=region, industry=category, value=value, by=by, where=where)
    lq = _lq(panel)
    focus = _divide(panel.value, panel.region_total)
    code, size = panel.industry_group  # one category in one year, say
    active = panel.value > 0
    size_cut = _group_quantile(panel.value, code, size, size_quantile, active)[code]
    focus_cut = _group_quantile(focus, code, size, focus_quantile, active)[code]
    size_star = active & (panel.value >= size_cut)
    specialisation_star = active & (lq >= specialisation_threshold)
    focus_star = active & (focus >= focus_cut)
    stars = size_star.astype(np.int64) + specialisation_star + focus_star
    return df.assign(
        lq=lq,
        focus=focus,
        size_star=size_star,
        specialisation_star=specialisation_star,
        focus_star=focus_star,
        stars=stars,
    )


def aggregate_to_categories(
    df: pd.DataFrame,
    categories: pd.DataFrame | Mapping,
    *,
    industry: str = "industry",
    category: str = "category",
    keep: Sequence[str] = ("country", "region", "region_name", "year"),
    values: Sequence[str] = ("employment", "establishments"),
) -> pd.DataFrame:
    """Add up industry rows into cluster categories: one row per ``keep`` x category.

    ``categories`` is the course table ``cluster_categories`` (columns ``industry``,
    ``category`` and e.g. ``category_name``, ``traded``, which are carried over) or a dict
    industry -> category. Columns of ``keep`` and ``values`` that the table lacks are
    skipped. A category that contains a missing (NaN) value is NaN: a sum with an unknown
    part is unknown. Every industry must have a category (the error lists those that don't).

    >>> emp = pd.DataFrame({"region": ["A", "A", "A"], "industry": ["C10", "C11", "J62"],
    ...                     "employment": [10, 5, 7]})
    >>> aggregate_to_categories(emp, {"C10": "food", "C11": "food", "J62": "IT"}
    ...                         )[["category", "employment"]].values.tolist()
    [['food', 15], ['IT', 7]]
    """
    where = "aggregate_to_categories"
    require_columns(df, [industry], where=where)
    keep = [column for column in keep if column in df.columns]
    values = [column for column in values if column in df.columns]
    if not values:
        raise CourseInputError(
            f"{where}: none of the value columns is in the table. Pass values=[...] with the columns to add up, e.g. values=['employment']."
        )
    for column in values:
        require_non_negative(df, column, where=where)
    mapping, extra = _category_mapping(categories, industry, category, where=where)
    assigned = df[industry].map(mapping)
    unmapped = pd.unique(df.loc[assigned.isna(), industry])
    if len(unmapped):
        shown = ", ".join(repr(code) for code in list(unmapped)[:15])
        raise CourseInputError(
            f"{where}: {len(unmapped)} industry code(s) have no cluster category: {shown}. "
            "Add them to the categories table, or drop them first if they belong to no "
            "cluster; check that codes are written the same way in both tables (e.g. 'C10')."
        )
    summed = (
        df[[*keep, *values]]
        .assign(**{category: assigned.to_numpy()})
        .groupby([*keep, category], sort=False, dropna=False)[values]
        .sum(skipna=False)
        .reset_index()
    )
    if extra is not None:
        summed = summed.merge(extra, on=category, how="left")
    return summed


def _category_mapping(categories, industry: str, category: str, *, where: str):
    """(industry -> category mapping, extra per-category columns or None)."""
    if isinstance(categories, Mapping):
        return dict(categories), None
    require_columns(categories, [industry, category], where=f"{where} (categories table)")
    repeated = categories[industry].duplicated()
    if repeated.any():
        raise CourseInputError(
            f"{where}: industry {categories.loc[repeated, industry].iloc[0]!r} appears twice "
            "in the categories table; each industry may belong to one category only (its jobs "
            "would be counted twice)."
        )
    mapping = pd.Series(categories[category].to_numpy(), index=categories[industry].to_numpy())
    extra_columns = [c for c in categories.columns if c not in (industry, category)]
    extra = None
    if extra_columns:
        extra = categories[[category, *extra_columns]].drop_duplicates(subset=category)
    return mapping, extra


def cluster_strength(
    df: pd.DataFrame,
    *,
    cluster: str = "cluster",
    region: str = "region",
    employment: str = "employment",
    establishments: str = "establishments",
    lq: str | None = None,
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """US Cluster Mapping "strong cluster" flags for a region x cluster table.

    For each cluster (x ``by``), over the regions with employment > 0 in it, with
    percentiles ``P`` from ``numpy.quantile(method="linear")`` [official: the project's own
    processing code; Delgado, Porter & Stern 2016]:

    - ``qualifying``: ``LQ > P25(LQ)`` and ``emp > P25(emp)`` and ``est > P25(est)``
    - ``significant``: ``LQ > P50(LQ)`` and the same employment and establishment tests
    - ``strong``: ``LQ >= P75(LQ)`` and ``LQ >= 1`` and the same two tests
    - ``strong10``: as strong with ``P90(LQ)``

    Rows with 0 employment are all False. ``lq=None`` computes the LQ from this table (column
    ``lq`` is added; the region totals are then the sum of the clusters in the table, so
    keep all clusters, traded and local, in it); ``lq="lq_tf"`` uses a published LQ column.
    The official rule rates traded clusters only: filter them afterwards.

    >>> table = pd.DataFrame({"region": list("ABCDE"), "cluster": ["food"] * 5,
    ...                       "employment": [10, 20, 30, 40, 50],
    ...                       "establishments": [1, 2, 3, 4, 5],
    ...                       "lq_tf": [0.5, 0.8, 1.0, 1.5, 2.0]})
    >>> cluster_strength(table, lq="lq_tf")["strong"].tolist()
    [False, False, False, True, True]
    """
    where = "cluster_strength"
    require_columns(df, [establishments], where=where)
    require_non_negative(df, establishments, where=where)
    panel = _panel(df, region=region, industry=cluster, value=employment, by=by, where=where)
    if lq is None:
        lq_values = _lq(panel)
    else:
        require_columns(df, [lq], where=where)
        require_numeric(df, lq, where=where)
        lq_values = _float_values(df, lq)
    jobs = panel.value
    firms = _float_values(df, establishments)
    code, size = panel.industry_group  # one cluster in one year, say
    active = jobs > 0

    def percentile(values: np.ndarray, q: float) -> np.ndarray:
        return _group_quantile(values, code, size, q, active)[code]

    big_enough = active & (jobs > percentile(jobs, 0.25)) & (firms > percentile(firms, 0.25))
    flags = {
        "qualifying": big_enough & (lq_values > percentile(lq_values, 0.25)),
        "significant": big_enough & (lq_values > percentile(lq_values, 0.50)),
        "strong": big_enough & (lq_values >= percentile(lq_values, 0.75)) & (lq_values >= 1),
        "strong10": big_enough & (lq_values >= percentile(lq_values, 0.90)) & (lq_values >= 1),
    }
    result = df.assign(lq=lq_values) if lq is None else df
    return result.assign(**flags)


# --------------------------------------------------------------------------------------
# Relatedness (Hidalgo & Hausmann 2009)
# --------------------------------------------------------------------------------------
# The PyPI package `ecomplexity` (0.5.3) computes the same proximity and density and the
# tests compare against it, but the library does not call it: it prints every year to the
# screen, uses pandas calls deprecated in pandas 3.1, silently coerces text and drops
# duplicates and zero regions, and gives density only through its full ECI/PCI run. The
# quantities are three lines of matrix algebra, written out below.


def presence(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    threshold: float = 1.0,
) -> pd.DataFrame:
    """Add ``lq`` and ``presence`` M = 1 if LQ (= RCA) >= ``threshold`` else 0.

    Hidalgo & Hausmann (2009): a region "has" an industry when it is at least as
    specialised in it as the reference area.

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> presence(emp)["presence"].tolist()
    [1, 0, 0, 1]
    """
    panel = _panel(df, region=region, industry=industry, value=value, by=by, where="presence")
    lq = _lq(panel)
    return df.assign(lq=lq, presence=(lq >= threshold).astype(np.int64))


def _relatedness_blocks(df, *, region, industry, value, by, threshold, where):
    """Per ``by`` group: its rows, their matrix positions, industry names, M and phi."""
    panel = _panel(df, region=region, industry=industry, value=value, by=by, where=where)
    labels = pd.factorize(df[industry])[1]  # the same numbering as panel.industry
    present = (_lq(panel) >= threshold).astype(float)
    group_code = panel.group[0]
    order = np.argsort(group_code, kind="stable")
    boundaries = np.cumsum(np.bincount(group_code, minlength=panel.group[1]))[:-1]
    for rows in np.split(order, boundaries):  # one block per year (say), not per row
        rows = np.sort(rows)
        regions, region_pos = np.unique(panel.region[0][rows], return_inverse=True)
        industries, industry_pos = np.unique(panel.industry[0][rows], return_inverse=True)
        matrix = np.zeros((len(regions), len(industries)))  # M[c, p]
        matrix[region_pos, industry_pos] = present[rows]
        ubiquity = matrix.sum(axis=0)
        both = matrix.T @ matrix  # regions that have both p and q
        phi = np.nan_to_num(_divide(both, np.maximum.outer(ubiquity, ubiquity)))
        yield rows, region_pos, industry_pos, labels.take(industries), matrix, phi


def proximity(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    threshold: float = 1.0,
) -> pd.DataFrame:
    """Proximity of every pair of industries, a long table ``industry, other_industry, proximity``.

    ``phi[p,q] = sum_c M[c,p] M[c,q] / max(ubiquity[p], ubiquity[q])`` (Hidalgo & Hausmann
    2009; Hidalgo et al. 2007): the share of regions having p that also have q, taking the
    smaller of the two conditional shares. ``ubiquity[p]`` is the number of regions with
    M = 1 (see :func:`presence`). The pair (p, p) is included (1, or 0 if no region has p)
    because relatedness density sums over it.

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> proximity(emp)["proximity"].tolist()
    [1.0, 0.0, 0.0, 1.0]
    """
    by = _as_list(by)
    pieces = []
    for rows, _, _, names, _, phi in _relatedness_blocks(
        df,
        region=region,
        industry=industry,
        value=value,
        by=by,
        threshold=threshold,
        where="proximity",
    ):
        p, q = np.meshgrid(np.arange(len(names)), np.arange(len(names)), indexing="ij")
        piece = pd.DataFrame(
            {column: df[column].iloc[rows[0]] for column in by}, index=range(p.size)
        )
        pieces.append(
            piece.assign(
                industry=names[p.ravel()], other_industry=names[q.ravel()], proximity=phi.ravel()
            )
        )
    return pd.concat(pieces, ignore_index=True)


def relatedness_density(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    threshold: float = 1.0,
) -> pd.DataFrame:
    """Add ``presence`` and relatedness ``density`` to each region x industry row.

    ``density[c,p] = sum_q M[c,q] phi[p,q] / sum_q phi[p,q]`` (Hidalgo et al. 2007;
    Hidalgo & Hausmann 2009), the sum running over all industries q including p: the share
    of industries related to p that region c already has. A high density where M = 0 marks
    an industry the region could diversify into next. Industries a region has no row for
    get no density: add rows with 0 employment to see them.

    >>> emp = pd.DataFrame({"region": list("AABBCC"), "industry": ["food", "IT"] * 3,
    ...                     "employment": [30, 10, 20, 40, 25, 25]})
    >>> relatedness_density(emp)["density"].round(2).tolist()
    [0.67, 0.33, 0.33, 0.67, 1.0, 1.0]
    """
    density = np.full(len(df), np.nan)
    present = np.zeros(len(df), dtype=np.int64)
    for rows, region_pos, industry_pos, _, matrix, phi in _relatedness_blocks(
        df,
        region=region,
        industry=industry,
        value=value,
        by=by,
        threshold=threshold,
        where="relatedness_density",
    ):
        block = _divide(matrix @ phi.T, phi.sum(axis=1)[None, :])
        density[rows] = block[region_pos, industry_pos]
        present[rows] = matrix[region_pos, industry_pos].astype(np.int64)
    return df.assign(presence=present, density=density)
