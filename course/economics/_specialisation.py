"""Specialisation: how much a region's industry mix differs from the reference area's.

Location quotient and focus per region x industry; Hoover and Krugman indices per region.
Notation: ``e[i,r]`` employment of industry i in region r, ``e[r]`` the region's total,
``E[i]`` the reference area's total of industry i, ``E`` the grand total.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course.checks import require_choice
from course.economics._panel import Panel, lq, panel, per_region_table, region_level

__all__ = ["location_quotient", "regional_focus", "hoover_index", "krugman_index"]


def location_quotient(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Add the location quotient ``lq`` of each industry in each region.

    ``LQ = (e[i,r] / e[r]) / (E[i] / E)``: the industry's share of the region's employment
    divided by its share in the reference area. LQ > 1 means the region is more specialised
    in the industry than the reference area. Same formula as Balassa's (1965) revealed
    comparative advantage; see Miller & Blair (2009) or any regional-science textbook.

    The reference area is **all regions in the table** (within each ``by`` group): filter
    the table first to compare against one country, and keep one NUTS level only.
    NaN (never inf) where a total is 0. ``by`` names extra grouping columns (``"year"``).
    A region with a missing (NaN) cell gets NaN on all its rows and is left out of the
    reference area, with a warning that names the cell. A blank region or industry is
    refused (``blank_keys="unknown"`` keeps those rows as a group ``"(unknown)"``), and so is
    a total row beside its parts (``TOTAL``, ``EU27_2020``, ``LV`` beside ``LV003``, ``C``
    beside ``C10``), which would be counted twice: ``drop_aggregates=True`` leaves such rows
    out of the result, with a warning.

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> location_quotient(emp)["lq"].round(3).tolist()
    [1.5, 0.5, 0.667, 1.333]
    """
    p = panel(
        df, region=region, industry=industry, value=value, by=by, where="location_quotient",
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    return p.table.assign(lq=lq(p))


def regional_focus(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Add ``focus = e[i,r] / e[r]``, the industry's share of the region's employment.

    The "focus" dimension of the European Cluster Observatory (2007-2011); NaN where the
    region's total is 0 or unknown. Blank keys and total rows: as in
    :func:`location_quotient` (``blank_keys``, ``drop_aggregates``).

    >>> emp = pd.DataFrame({"region": ["A", "A", "B"], "industry": ["food", "IT", "food"],
    ...                     "employment": [30, 10, 20]})
    >>> regional_focus(emp)["focus"].tolist()
    [0.75, 0.25, 1.0]
    """
    p = panel(
        df, region=region, industry=industry, value=value, by=by, where="regional_focus",
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    return p.table.assign(focus=g.divide(p.value, p.region_total))


def _distance_to_reference(p: Panel, reference_part: np.ndarray, reference_whole: np.ndarray):
    """``sum_i |s[i,r] - ref[i]|`` per region (x by) over ALL industries of the group.

    ``ref[i] = reference_part / reference_whole`` is given on each row. Industries without a
    row for region r have ``s[i,r] = 0`` and add ``ref[i]``; their total is
    ``(whole - sum of the parts on r's rows) / whole``, so no dense region x industry matrix
    is needed (it would not fit in memory for fine industry codes).
    """
    code, size = p.region_group
    known = ~np.isnan(p.value)
    share = g.divide(p.value, p.region_total)
    reference = g.divide(reference_part, reference_whole)
    row_terms = np.where(known, np.abs(share - reference), 0.0)  # NaN from a 0 total stays
    on_rows = np.bincount(code, weights=row_terms, minlength=size)
    covered = np.bincount(code, weights=np.where(known, reference_part, 0.0), minlength=size)
    whole = region_level(p, reference_whole)
    # rounding can make the absent mass a hair below 0: it is 0 then
    absent = np.maximum(g.divide(whole - covered, whole), 0.0)
    return np.where(region_level(p, p.region_total) > 0, on_rows + absent, np.nan)


def hoover_index(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Hoover specialisation index, one row per region (x ``by``): column ``hoover``.

    ``hoover = 0.5 * sum_i |s[i,r] - s[i]|`` with ``s[i,r] = e[i,r]/e[r]`` and
    ``s[i] = E[i]/E`` (reference = all regions in the table). 0 = the region's industry mix
    equals the reference; towards 1 = concentrated in industries rare elsewhere. It is the
    share of the region's jobs that would have to change industry to match the reference
    (Hoover 1936; see also Krugman 1991 for the doubled version). NaN for a region with a
    missing cell (see :func:`location_quotient`). Blank keys and total rows: as in
    :func:`location_quotient` (``blank_keys``, ``drop_aggregates``).

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> hoover_index(emp)["hoover"].round(3).tolist()
    [0.25, 0.167]
    """
    p = panel(
        df, region=region, industry=industry, value=value, by=by, where="hoover_index",
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    table, codes = per_region_table(p, region, by)
    distance = _distance_to_reference(p, p.industry_total, p.grand_total)
    return table.assign(hoover=0.5 * distance[codes])


def krugman_index(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    reference: str = "total",
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Krugman specialisation index ``sum_i |s[i,r] - ref[i]|`` in [0, 2], column ``krugman``.

    ``reference`` chooses what region r is compared with (Krugman 1991):

    - ``"total"``: the whole area including r, ``ref[i] = E[i]/E`` (= 2 x Hoover);
    - ``"rest"``: the area without r, ``ref[i] = (E[i] - e[i,r]) / (E - e[r])``;
    - ``"pairwise"``: every other region p, ``ref[i] = s[i,p]``; one row per ordered pair
      with columns ``region``, ``partner``, ``krugman`` (a region is not paired with itself).

    Blank keys and total rows: as in :func:`location_quotient` (``blank_keys``,
    ``drop_aggregates``).

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> krugman_index(emp, reference="rest")["krugman"].round(3).tolist()
    [0.833, 0.833]
    >>> krugman_index(emp, reference="pairwise")["partner"].tolist()
    ['B', 'A']
    """
    where = "krugman_index"
    require_choice(reference, ["total", "rest", "pairwise"], name="reference", where=where)
    p = panel(
        df, region=region, industry=industry, value=value, by=by, where=where,
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    if reference == "pairwise":
        return _pairwise_krugman(p, region, by)
    table, codes = per_region_table(p, region, by)
    if reference == "total":
        distance = _distance_to_reference(p, p.industry_total, p.grand_total)
    else:
        # leave region r out of the reference: subtract its own row and its own total
        rest_part = p.industry_total - np.nan_to_num(p.value)
        distance = _distance_to_reference(p, rest_part, p.grand_total - p.region_total)
    return table.assign(krugman=distance[codes])


def _pairwise_krugman(p: Panel, region: str, by) -> pd.DataFrame:
    from scipy.spatial.distance import cdist  # scipy is heavy: import only when needed

    table, codes = per_region_table(p, region, by)
    region_code, n_region_groups = p.region_group
    industry_code, n_industries = p.industry
    shares = np.zeros((n_region_groups, n_industries))
    known = ~np.isnan(p.value)
    shares[region_code[known], industry_code[known]] = g.divide(p.value, p.region_total)[known]
    shares[region_code[~(p.region_total > 0)]] = np.nan  # an empty or unknown region has no mix
    table_group = region_level(p, p.group[0].astype(float))[codes]

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
