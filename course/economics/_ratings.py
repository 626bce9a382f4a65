"""Cluster ratings: the European star rating and the US "strong cluster" rule, on categories."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course._guards import UNKNOWN
from course.checks import (
    TIME_COLUMNS,
    CourseInputError,
    mapped,
    require_columns,
    require_fraction,
    require_int_at_least,
    require_non_negative,
    require_numeric,
    require_rows,
    require_unique_rows,
    warn_missing_cells,
)
from course.economics._panel import checked_keys, panel, require_named_columns
from course.economics._panel import lq as _lq

__all__ = ["star_rating", "aggregate_to_categories", "cluster_strength"]


def _rated_groups(p, active: np.ndarray, min_regions: int, *, where: str, rule: str) -> np.ndarray:
    """True on the rows whose category (x by) has enough regions for a percentile to mean much.

    A top-10 % or a quartile over three regions is not a rating: such categories get no rating
    (NA) and a warning; if no category has enough regions, that is an error.
    """
    code, size = p.industry_group
    regions = g.group_count(code, size, active)
    enough = regions >= min_regions
    if not enough[regions > 0].any():
        raise CourseInputError(
            f"{where}: the {rule} compares regions, but no category has {min_regions} or more "
            f"regions with employment (at most {int(regions.max(initial=0))}). Keep all regions "
            "in the table and filter the result afterwards, or pass a smaller min_regions."
        )
    if not enough[regions > 0].all():
        warnings.warn(
            f"{where}: {int((~enough & (regions > 0)).sum())} categories have fewer than "
            f"{min_regions} regions with employment: they get no rating (NA).",
            UserWarning,
            stacklevel=3,
        )
    return enough[code]


def _with_unrated(flags: dict[str, np.ndarray], rated: np.ndarray) -> dict[str, pd.Series]:
    """Flags as plain booleans, or as nullable ones with NA where a row could not be rated."""
    if rated.all():
        return flags
    return {
        name: pd.array(
            np.where(rated, values, pd.NA), dtype="Int64" if values.dtype.kind == "i" else "boolean"
        )
        for name, values in flags.items()
    }


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
    min_regions: int = 10,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
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
    the star. Rows with 0 employment get no star. A category with fewer than
    ``min_regions`` regions (a course convention: a top 10 % needs at least ten), and a
    region with a missing cell (see ``location_quotient``), get NA instead of stars.
    Later editions (Cluster Panorama 2016, EOCIC 2020) added other dimensions with
    unconfirmed thresholds: not included. Blank keys and total rows: as in
    ``location_quotient`` (``blank_keys``, ``drop_aggregates``).

    >>> emp = pd.DataFrame({"region": list("ABCDE") * 2, "category": ["food"] * 5 + ["IT"] * 5,
    ...                     "employment": [500, 100, 100, 100, 100, 10, 400, 400, 400, 400]})
    >>> star_rating(emp, min_regions=5)["stars"].tolist()[:5]
    [3, 0, 0, 0, 0]
    """
    where = "star_rating"
    require_fraction(size_quantile, name="size_quantile", where=where)
    require_fraction(focus_quantile, name="focus_quantile", where=where)
    require_int_at_least(min_regions, 1, name="min_regions", where=where)
    p = panel(
        df, region=region, industry=category, value=value, by=by, where=where,
        blank_keys=blank_keys, drop_aggregates=drop_aggregates, role="category",
    )  # fmt: skip
    location = _lq(p)
    focus = g.divide(p.value, p.region_total)
    code, size = p.industry_group  # one category in one year, say
    active = p.value > 0
    rated = _rated_groups(p, active, min_regions, where=where, rule="star rating") & ~p.incomplete
    size_cut = g.group_quantile(p.value, code, size, size_quantile, active)[code]
    focus_cut = g.group_quantile(focus, code, size, focus_quantile, active)[code]
    flags = {
        "size_star": active & (p.value >= size_cut),
        "specialisation_star": active & (location >= specialisation_threshold),
        "focus_star": active & (focus >= focus_cut),
    }
    flags["stars"] = sum(flag.astype(np.int64) for flag in flags.values())
    return p.table.assign(lq=location, focus=focus, **_with_unrated(flags, rated))


def cluster_strength(
    df: pd.DataFrame,
    *,
    region: str = "region",
    category: str = "category",
    value: str = "employment",
    establishments: str = "establishments",
    lq: str | None = None,
    by: str | Sequence[str] | None = None,
    min_regions: int = 4,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """US Cluster Mapping "strong cluster" flags for a region x category table.

    For each category (x ``by``), over the regions with employment > 0 in it, with
    percentiles ``P`` from ``numpy.quantile(method="linear")`` [official: the project's own
    processing code; Delgado, Porter & Stern 2016]:

    - ``qualifying``: ``LQ > P25(LQ)`` and ``emp > P25(emp)`` and ``est > P25(est)``
    - ``significant``: ``LQ > P50(LQ)`` and the same employment and establishment tests
    - ``strong``: ``LQ >= P75(LQ)`` and ``LQ >= 1`` and the same two tests
    - ``strong10``: as strong with ``P90(LQ)``

    Rows with 0 employment are all False. ``lq=None`` computes the LQ from this table (column
    ``lq`` is added; the region totals are then the sum of the categories in the table, so
    keep all categories, traded and local, in it); ``lq="lq_tf"`` uses a published LQ column.
    The official rule rates traded clusters only: filter them afterwards. A category with
    fewer than ``min_regions`` regions (quartiles need four; a course convention) gets NA,
    and so does a row whose establishments (or given LQ) are missing, with a warning: its
    flags are unknown. Blank keys and total rows: as in ``location_quotient``
    (``blank_keys``, ``drop_aggregates``).

    >>> table = pd.DataFrame({"region": list("ABCDE"), "category": ["food"] * 5,
    ...                       "employment": [10, 20, 30, 40, 50],
    ...                       "establishments": [1, 2, 3, 4, 5],
    ...                       "lq_tf": [0.5, 0.8, 1.0, 1.5, 2.0]})
    >>> cluster_strength(table, lq="lq_tf")["strong"].tolist()
    [False, False, False, True, True]
    """
    where = "cluster_strength"
    require_columns(df, [establishments, *([lq] if lq is not None else [])], where=where)
    require_non_negative(df, establishments, where=where)
    if lq is not None:
        require_numeric(df, lq, where=where)
    require_int_at_least(min_regions, 1, name="min_regions", where=where)
    p = panel(
        df, region=region, industry=category, value=value, by=by, where=where,
        blank_keys=blank_keys, drop_aggregates=drop_aggregates, role="category",
    )  # fmt: skip
    lq_values = _lq(p) if lq is None else g.float_values(p.table, lq)
    jobs = p.value
    firms = g.float_values(p.table, establishments)
    code, size = p.industry_group  # one category in one year, say
    active = jobs > 0
    rated = _rated_groups(p, active, min_regions, where=where, rule="US rule") & ~p.incomplete
    keys = [*g.as_list(by), region, category]
    rated &= _known_inputs(p.table, firms, lq_values, active & ~p.incomplete, keys, where=where)

    def percentile(values: np.ndarray, q: float) -> np.ndarray:
        return g.group_quantile(values, code, size, q, active)[code]

    big_enough = active & (jobs > percentile(jobs, 0.25)) & (firms > percentile(firms, 0.25))
    flags = {
        "qualifying": big_enough & (lq_values > percentile(lq_values, 0.25)),
        "significant": big_enough & (lq_values > percentile(lq_values, 0.50)),
        "strong": big_enough & (lq_values >= percentile(lq_values, 0.75)) & (lq_values >= 1),
        "strong10": big_enough & (lq_values >= percentile(lq_values, 0.90)) & (lq_values >= 1),
    }
    result = p.table.assign(lq=lq_values) if lq is None else p.table
    return result.assign(**_with_unrated(flags, rated))


def _known_inputs(table, firms, lq_values, rows, keys, *, where: str) -> np.ndarray:
    """False, with a warning, on the ``rows`` whose establishments or LQ are missing.

    Their flags are unknown (NA), not False. A missing value is also left out of its
    percentile, so the other rows are compared with the values that are known.
    """
    unknown = rows & (np.isnan(firms) | np.isnan(lq_values))
    warn_missing_cells(
        table, unknown, keys, where=where,
        effect="Their flags are NA (unknown), and the missing values are left out of the "
        "percentiles.",
    )  # fmt: skip
    return ~unknown


def aggregate_to_categories(
    df: pd.DataFrame,
    categories: pd.DataFrame | Mapping,
    *,
    industry: str = "industry",
    category: str = "category",
    value: str | Sequence[str] = ("employment", "establishments"),
    keep: Sequence[str] = ("country", "region", "region_name", "year", *TIME_COLUMNS[1:]),
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Add up industry rows into cluster categories: one row per ``keep`` x category.

    ``categories`` is the course table ``cluster_categories`` (columns ``industry``,
    ``category`` and e.g. ``category_name``, ``traded``, which are carried over) or a dict
    industry -> category. ``value`` names the column(s) to add up. Columns of ``keep`` and
    ``value`` that the table lacks are skipped. A category that contains a missing (NaN)
    value is NaN: a sum with an unknown part is unknown (a warning names the cells). Every
    industry must have a category (the error lists those that don't), and each industry may
    appear once per ``keep`` group (repeated rows, e.g. two units of measure, are refused
    rather than added up). A blank industry or ``keep`` key is refused; with
    ``blank_keys="unknown"`` it is kept as ``"(unknown)"`` (an unknown industry in the
    category ``"(unknown)"``), so that the totals still add up. A total row beside its parts
    (``TOTAL``, a NACE section beside its divisions, ``LV`` beside ``LV003``) is refused;
    ``drop_aggregates=True`` leaves it out, with a warning.

    >>> emp = pd.DataFrame({"region": ["A", "A", "A"], "industry": ["C10", "C11", "J62"],
    ...                     "employment": [10, 5, 7]})
    >>> aggregate_to_categories(emp, {"C10": "food", "C11": "food", "J62": "IT"}
    ...                         )[["category", "employment"]].values.tolist()
    [['food', 15], ['IT', 7]]
    """
    where = "aggregate_to_categories"
    require_named_columns(df, [("industry", industry)], where=where)
    require_rows(df, where=where)
    keep = [column for column in keep if column in df.columns]
    values = [column for column in g.as_list(value) if column in df.columns]
    if not values:
        raise CourseInputError(
            f"{where}: none of the value columns {g.as_list(value)} is in the table. Pass "
            "value=... with the column(s) to add up, e.g. value='employment'."
        )
    for column in values:
        require_non_negative(df, column, where=where)
    roles = {"country": "country", "region": "region", industry: "industry"}
    df, _ = checked_keys(
        df, keys=[*keep, industry], codes={c: r for c, r in roles.items() if c in [*keep, industry]},
        where=where, blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    require_unique_rows(df, [*keep, industry], where=where)
    missing = np.isnan(df[values].to_numpy(dtype=float, na_value=np.nan)).any(axis=1)
    warn_missing_cells(
        df, missing, [*keep, industry], where=where,
        effect="The categories they belong to are NaN: a sum with an unknown part is unknown.",
    )  # fmt: skip
    mapping, extra = _category_mapping(categories, industry, category, where=where)
    if blank_keys == "unknown":  # an industry left blank belongs to no known category
        mapping = pd.concat([pd.Series(mapping, dtype=object), pd.Series({UNKNOWN: UNKNOWN})])
    fix = "Add them to the categories table, or drop them first if they belong to no cluster"
    assigned = mapped(df[industry], mapping, what="cluster category", fix=fix, where=where)
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
    where = f"{where} (categories table)"
    require_columns(categories, [industry, category], where=where)
    require_unique_rows(
        categories,
        [industry],
        where=where,
        fix="Each industry may belong to one category only (its jobs would be counted twice)",
    )
    mapping = pd.Series(categories[category].to_numpy(), index=categories[industry].to_numpy())
    extra_columns = [c for c in categories.columns if c not in (industry, category)]
    extra = None
    if extra_columns:
        extra = categories[[category, *extra_columns]].drop_duplicates(subset=category)
    return mapping, extra
