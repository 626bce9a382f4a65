"""Concentration and diversity: structural HHI and entropy of a region's mix, market HHI of firms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course.checks import (
    CourseInputError,
    mapped,
    require_columns,
    require_non_negative,
    require_one_period,
    require_rows,
    require_unique_rows,
    warn_missing_cells,
)
from course.economics._panel import (
    as_codes,
    checked_keys,
    panel,
    per_region_table,
    region_level,
    require_named_columns,
)

__all__ = ["hhi", "market_hhi", "entropy"]


def hhi(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Structural Herfindahl-Hirschman index of each region's industry mix.

    Returns one row per region (x ``by``) with two columns:

    - ``hhi = sum_i s[i,r]^2`` (raw HHI, between 1/N and 1; 1 = one industry only);
    - ``hhi_normalised = (HHI - 1/N) / (1 - 1/N)`` in [0, 1], where N is the number of
      industries in the table (in the ``by`` group), so tables with different industry
      detail can be compared. NaN when N = 1.

    Source: Herfindahl (1950), Hirschman (1945); structural use as in Krugman (1991).
    For the concentration of a market among firms see :func:`market_hhi`. Blank keys and
    total rows: as in :func:`location_quotient` (``blank_keys``, ``drop_aggregates``).

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 20]})
    >>> hhi(emp)[["hhi", "hhi_normalised"]].round(3).values.tolist()
    [[0.625, 0.25], [0.5, 0.0]]
    """
    p = panel(
        df, region=region, industry=industry, value=value, by=by, where="hhi",
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    table, codes = per_region_table(p, region, by)
    share = np.nan_to_num(g.divide(p.value, p.region_total))
    sums = g.group_sum(*p.region_group, share**2)
    sums[~(region_level(p, p.region_total) > 0)] = np.nan  # empty or unknown region
    # N = industries with a row in the group (a year, say)
    industry_first = g.first_rows(p.industry_group[0])
    n_industries = np.bincount(p.group[0][industry_first], minlength=p.group[1])
    n = n_industries[region_level(p, p.group[0].astype(float))[codes].astype(np.int64)]
    raw = sums[codes]
    normalised = g.divide(raw - g.divide(1.0, n), 1.0 - g.divide(1.0, n))
    normalised[n <= 1] = np.nan
    return table.assign(hhi=raw, hhi_normalised=normalised)


def market_hhi(
    df: pd.DataFrame,
    *,
    member: str = "member_id",
    value: str = "turnover_eur",
    by: str | Sequence[str] | None = None,
    high_threshold: float = 2500,
    moderate_threshold: float = 1500,
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Market concentration among firms, one row per ``by`` group: column ``market_hhi``.

    ``market_hhi = sum_f (100 * share_f)^2`` in (0, 10000], ``share_f`` the firm's share of
    the market total (one row per firm, ``member``). ``concentration`` follows the US
    Horizontal Merger Guidelines (2010): below 1500 "unconcentrated", 1500 to 2500
    "moderate", above 2500 "high". The 2023 Merger Guidelines use 1000 and 1800 (below 1000
    "unconcentrated", 1000 to 1800 "moderate", above 1800 "high"): pass
    ``moderate_threshold=1000, high_threshold=1800``. Also returns ``members``, the
    number of firms counted. Firms with a missing value (e.g. a college without turnover)
    are left out, with a warning that names them. A firm without an id (blank ``member``),
    or without its ``by`` group, is refused: two such firms would merge into one. A total row
    (``member`` = ``TOTAL``, ``Sum``, ...) would double the market and is refused;
    ``drop_aggregates=True`` leaves it out, with a warning.

    >>> firms = pd.DataFrame({"member_id": ["a", "b", "c"], "turnover_eur": [50, 30, 20]})
    >>> market_hhi(firms)[["market_hhi", "concentration"]].values.tolist()
    [[3800.0, 'high']]
    """
    where = "market_hhi"
    by = g.as_list(by)
    named = [("member", member), ("value", value), *(("by", column) for column in by)]
    require_named_columns(df, named, where=where)
    require_rows(df, where=where)
    require_non_negative(df, value, where=where)
    require_one_period(df, [member, *by], where=where)
    # member ids are no code system (M10 is not a part of M1): only named totals count
    df, found = checked_keys(
        df, keys=[*by, member], codes={member: "member"}, where=where,
        drop_aggregates=drop_aggregates, unknown_option=False, nested=False,
    )  # fmt: skip
    require_unique_rows(df, [*by, member], where=where)
    if not moderate_threshold <= high_threshold:
        raise CourseInputError(
            f"{where}: moderate_threshold={moderate_threshold} must not be above "
            f"high_threshold={high_threshold} (the 2010 guidelines use 1500 and 2500)."
        )
    values = g.float_values(df, value)
    missing = np.isnan(values)
    warn_missing_cells(
        df, missing, [*by, member], where=where,
        effect="They are left out: the index describes the members with a known value.",
    )  # fmt: skip
    group, n_groups = as_codes(found, by, len(df))
    market = g.group_sum(group, n_groups, values)
    shares = g.divide(100 * np.nan_to_num(values), market[group])
    index = g.group_sum(group, n_groups, shares**2)
    index[~(market > 0)] = np.nan
    members = g.group_count(group, n_groups, ~missing)

    first = g.first_rows(group)
    result = index[group[first]]
    band = np.select(
        [result < moderate_threshold, result <= high_threshold, result > high_threshold],
        ["unconcentrated", "moderate", "high"],
        default="",
    )
    return (
        df.iloc[first][by]
        .reset_index(drop=True)
        .assign(
            market_hhi=result,
            members=members[group[first]],
            concentration=pd.Series(band, dtype="str").where(~np.isnan(result)),
        )
    )


def entropy(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    groups: str | Mapping | None = None,
    by: str | Sequence[str] | None = None,
    base: float = 2,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
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

    Blank keys and total rows: as in :func:`location_quotient` (``blank_keys``,
    ``drop_aggregates``).

    >>> emp = pd.DataFrame({"region": ["A"] * 4, "industry": ["C10", "C11", "J62", "J63"],
    ...                     "employment": [25, 25, 25, 25]})
    >>> sector = {"C10": "C", "C11": "C", "J62": "J", "J63": "J"}
    >>> entropy(emp, groups=sector)[["entropy", "unrelated_variety", "related_variety"]
    ...                             ].values.tolist()
    [[2.0, 1.0, 1.0]]
    """
    where = "entropy"
    if isinstance(base, bool) or not isinstance(base, int | float) or base <= 0 or base == 1:
        raise CourseInputError(
            f"{where}: base={base!r} must be a positive number other than 1 (2 = bits, e.g. numpy.e)."
        )
    p = panel(
        df, region=region, industry=industry, value=value, by=by, where=where,
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    table, codes = per_region_table(p, region, by)
    share = np.nan_to_num(g.divide(p.value, p.region_total))
    unknown = ~(region_level(p, p.region_total) > 0)  # empty or incomplete region: no mix

    def region_sum(terms: np.ndarray) -> np.ndarray:
        sums = g.group_sum(*p.region_group, terms) + 0.0  # -0.0 -> 0.0
        sums[unknown] = np.nan
        return sums[codes]

    def minus_s_log(ratio: np.ndarray) -> np.ndarray:
        """-s * log(ratio) / log(base), 0 where s = 0 (the limit of s log s)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(share > 0, -share * np.log(ratio) / np.log(base), 0.0)

    result = table.assign(entropy=region_sum(minus_s_log(share)))
    if groups is None:
        return result
    in_group = g.combine(p.region_group, _industry_groups(p.table, industry, groups, where=where))
    group_share = g.group_sum(*in_group, share)[in_group[0]]
    # -sum_i s log P[g(i)] = -sum_g P[g] log P[g];  -sum_i s log(s/P[g]) = sum_g P[g] H[g]
    return result.assign(
        unrelated_variety=region_sum(minus_s_log(group_share)),
        related_variety=region_sum(minus_s_log(g.divide(share, group_share))),
    )


def _industry_groups(df: pd.DataFrame, industry: str, groups, *, where: str) -> g.Codes:
    if isinstance(groups, str):
        require_columns(df, [groups], where=where)
        return g.factorize(df, groups, where=where)
    if not isinstance(groups, Mapping | pd.Series):
        raise CourseInputError(
            f"{where}: groups must be a column name or a mapping industry -> group "
            f"(a dict or Series), got {type(groups).__name__}."
        )
    fix = "Add them to the mapping (every industry needs a group)"
    grouped = mapped(df[industry], groups, what="group in `groups`", fix=fix, where=where)
    return g.factorize(pd.DataFrame({"group": grouped}), "group", where=where)
