"""Explorers for module 1, cluster economics: the region explorer.

Thin: every number comes from ``course.economics`` (``region_profile``) and every chart from
``course.plots``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from course import columns, economics, plots
from course._guards import renamed_keywords
from course.checks import CourseInputError, require_columns, require_present
from course.widgets import _output as output

__all__ = ["region_explorer"]

_EMPLOYMENT_COLUMNS = ["region", "industry", "year", "employment"]


# --------------------------------------------------------------------------------------
# The explorer
# --------------------------------------------------------------------------------------


@renamed_keywords(region="region_code")
def region_explorer(
    employment: pd.DataFrame,
    categories: pd.DataFrame,
    *,
    region_code: str = "LV008",
    years: tuple[int, int] = (2013, 2023),
    min_regions: int = 10,
):
    """An explorer of one region's cluster portfolio: pick a region, years and categories.

    ``region_code`` is the region shown first (a NUTS code of the table's ``region`` column).
    Returns an ``ipywidgets.VBox`` with a region ``Dropdown``, a year ``IntRangeSlider``, a
    ``SelectMultiple`` of cluster categories (all traded ones at first) and an ``Output``
    showing the portfolio chart (LQ in the end year against employment growth, bubble =
    employment in the end year, vertical line = growth of the whole reference area) and a
    small table. ``min_regions`` goes to ``economics.star_rating`` (keep the default for the
    course data). Every change recomputes ``economics.region_profile`` and redraws
    :func:`course.plots.portfolio_chart`; a problem (e.g. the same start and end year) is
    shown as a message instead of an error.

    >>> from course import data
    >>> explorer = region_explorer(data.load("regional_employment"),
    ...                            data.load("cluster_categories"), region_code="SE22")
    >>> region_box = explorer.children[0]
    >>> region_box.value, region_box.label
    ('SE22', 'Sydsverige (SE22)')
    """
    import ipywidgets as widgets

    where = "region_explorer"
    require_columns(employment, _EMPLOYMENT_COLUMNS, where=where)
    require_columns(categories, ["industry", "category"], where=f"{where} (categories table)")
    require_present(employment["region"], [region_code], what="region", where=where)

    available_years = sorted(pd.unique(employment["year"].dropna()).tolist())
    first, last = int(available_years[0]), int(available_years[-1])
    start, end = (min(max(int(y), first), last) for y in years)
    choose_region = widgets.Dropdown(
        options=_region_options(employment), value=region_code, description="Region"
    )
    choose_years = widgets.IntRangeSlider(
        value=(start, end),
        min=first,
        max=last,
        step=1,
        description="Years",
        continuous_update=False,  # redraw when the handle is released, not while dragging
    )
    options, traded = _category_options(categories)
    choose_categories = widgets.SelectMultiple(
        options=options,
        value=traded,
        rows=min(12, len(options)),
        description="Categories",
    )
    output = widgets.Output()

    def redraw(_change=None) -> None:
        output.outputs = _render(
            employment,
            categories,
            region_code=choose_region.value,
            region_label=choose_region.label,
            years=choose_years.value,
            selected=choose_categories.value,
            min_regions=min_regions,
        )

    for control in (choose_region, choose_years, choose_categories):
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([choose_region, choose_years, choose_categories, output])


def _region_options(employment: pd.DataFrame) -> list[tuple[str, str]]:
    """Dropdown entries ("Vidzeme (LV008)", "LV008"), in the order of the table."""
    regions = employment.drop_duplicates("region")
    codes = regions["region"].astype(str)
    names = regions["region_name"].astype(str) if "region_name" in regions else codes
    return [(f"{name} ({code})", code) for name, code in zip(names, codes, strict=True)]


def _category_options(categories: pd.DataFrame) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """(label, id) entries of every category, and the ids of the traded ones (the default)."""
    table = categories.drop_duplicates("category")
    ids = table["category"].astype(str)
    names = table["category_name"].astype(str) if "category_name" in table else ids
    options = list(zip(names, ids, strict=True))
    if "traded" in table:
        traded = tuple(ids[table["traded"].fillna(False).astype(bool)])
    else:
        traded = tuple(ids)
    return options, traded


def _render(employment, categories, *, region_code, region_label, years, selected, min_regions):
    """The Output widget's content: chart and table, or a message that says what to change."""
    start, end = years
    if not selected:
        return (output.text("Select at least one cluster category (Ctrl/Cmd + click)."),)
    try:
        profile = economics.region_profile(
            employment,
            categories,
            region_code=region_code,
            start=start,
            end=end,
            selected=selected,
            min_regions=min_regions,
        )
    except CourseInputError as problem:
        return (output.text(str(problem)),)
    return (_chart(profile, region_label, start, end), _table(profile))


def _chart(profile: pd.DataFrame, region_label: str, start: int, end: int) -> dict:
    label = "category_name" if "category_name" in profile else "category"

    def draw(axes) -> None:
        plots.portfolio_chart(
            profile,
            label=label,
            ax=axes,
            x_reference=profile[columns.REFERENCE_GROWTH_RATE].iloc[0] if len(profile) else 0.0,
            title=f"{region_label}: cluster portfolio {start}-{end}",
            xlabel=f"Employment growth {start}-{end} (%; dashed line: all regions)",
            ylabel=f"Location quotient {end} (ratio; 1 = average)",
            size_label=f"Employment {end} (persons)",
        )

    return output.chart(draw, size=(10, 6.5), text=f"<portfolio chart of {region_label}>")


def _table(profile: pd.DataFrame) -> dict:
    label = "category_name" if "category_name" in profile else "category"
    shown = pd.DataFrame(
        {
            "Category": profile[label],
            "Employment": profile["employment"].map("{:,.0f}".format),
            "LQ": profile[columns.LQ].map("{:.2f}".format),
            "Growth": profile[columns.GROWTH_RATE].map(_percent),
            "Stars": profile[columns.STARS].map(plots.star_marks),
        }
    )
    return output.table(shown)


def _percent(rate: float) -> str:
    return "n/a" if not np.isfinite(rate) else f"{rate:+.1%}"
