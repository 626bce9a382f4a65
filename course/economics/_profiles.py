"""Region profiles: the composed analysis behind a region's cluster portfolio."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from course._guards import positional_options
from course.checks import require_columns, require_present
from course.economics._change import growth
from course.economics._ratings import aggregate_to_categories, star_rating

__all__ = ["region_profile"]

_EMPLOYMENT_COLUMNS = ["region", "industry", "year", "employment"]

_PROFILE_COLUMNS = [
    "region",
    "region_name",
    "category",
    "category_name",
    "traded",
    "employment_start",
    "employment",
    "absolute_change",
    "growth_rate",
    "cagr",
    "lq",
    "focus",
    "size_star",
    "specialisation_star",
    "focus_star",
    "stars",
    "reference_growth_rate",
]


@positional_options("region_code", "start", "end", "selected")
def region_profile(
    employment: pd.DataFrame,
    categories: pd.DataFrame,
    *,
    region_code: str,
    start: int,
    end: int,
    selected: Iterable[str] | None = None,
    min_regions: int = 10,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """The cluster profile of one region: size, specialisation, growth and stars per category.

    A composition of the library's functions, one row per cluster category of the region
    ``region_code`` (largest employment first):

    1. :func:`aggregate_to_categories` adds the industries (NACE divisions) up into the
       course's cluster categories;
    2. :func:`growth` between ``start`` and ``end`` gives ``employment_start``,
       ``absolute_change``, ``growth_rate = (x1 - x0) / x0`` and ``cagr``;
    3. in the end year, :func:`star_rating` gives ``lq = (e[c,r]/e[r]) / (E[c]/E)``,
       ``focus``, the three star flags and ``stars`` (European Cluster Observatory 2007-2011
       method);
    4. ``reference_growth_rate`` is the growth of total employment (all categories) in the
       reference area, i.e. all regions of the table: the portfolio chart's vertical line.

    The reference area for LQ, stars and growth is every region in ``employment`` and the
    region totals include all categories (traded and local); ``selected`` (category ids) only
    picks which rows are returned afterwards, so it never changes the numbers.
    ``employment`` needs the columns of the course dataset ``regional_employment``
    (``region``, ``industry``, ``year``, ``employment``), ``categories`` those of
    ``cluster_categories`` (``industry``, ``category``, ...). ``min_regions`` goes to
    :func:`star_rating` (the example below has two regions only); ``blank_keys`` and
    ``drop_aggregates`` to :func:`aggregate_to_categories` (see :func:`location_quotient`).
    The options are passed by name; the old call with ``region_code``, ``start``, ``end``
    (and ``selected``) by position still works for a release, with a ``DeprecationWarning``.
    The portfolio chart (``plots.portfolio_chart``) and the region explorer
    (``widgets.region_explorer``) draw it.

    >>> employment = pd.DataFrame({
    ...     "region": ["A", "A", "B", "B"] * 2, "industry": ["C10", "J62"] * 4,
    ...     "year": [2015] * 4 + [2020] * 4, "employment": [80, 20, 20, 80, 90, 30, 20, 100]})
    >>> categories = pd.DataFrame({"industry": ["C10", "J62"], "category": ["food", "it"]})
    >>> profile = region_profile(employment, categories, region_code="A", start=2015, end=2020,
    ...                          min_regions=1)
    >>> profile[["category", "employment", "growth_rate"]].values.tolist()
    [['food', 90, 0.125], ['it', 30, 0.5]]
    >>> profile["lq"].round(3).tolist()
    [1.636, 0.462]
    """
    where = "region_profile"
    require_columns(employment, _EMPLOYMENT_COLUMNS, where=where)
    require_present(employment["region"], [region_code], what="region", where=where)
    by_category = aggregate_to_categories(
        employment, categories, value="employment", blank_keys=blank_keys,
        drop_aggregates=drop_aggregates,
    )  # fmt: skip

    change = growth(by_category, start=start, end=end, industry="category")
    in_end_year = by_category[by_category["year"] == end]
    rated = star_rating(in_end_year, min_regions=min_regions)  # adds lq and focus with the stars
    profile = rated[rated["region"] == region_code].merge(
        change.drop(columns="employment_end"), on=["region", "category"], how="left"
    )

    # Total employment of the whole reference area per year, and its growth.
    area = by_category.groupby("year", as_index=False)["employment"].sum()
    area_growth = growth(area, start=start, end=end, region=None, industry=None)
    profile["reference_growth_rate"] = area_growth["growth_rate"].iloc[0]

    if selected is not None:
        selected = list(selected)
        require_present(by_category["category"], selected, what="category", where=where)
        profile = profile[profile["category"].isin(selected)]
    profile = profile.sort_values("employment", ascending=False, kind="stable")
    return profile[[c for c in _PROFILE_COLUMNS if c in profile.columns]].reset_index(drop=True)
