"""Charts for module 1, cluster economics, of one region: the portfolio and the shift-share
bars (the charts of many regions, LQ heatmap and star grid, are in ``_economics_grids``).

Each takes the output of a ``course.economics`` function and returns the Axes it drew on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import PercentFormatter

from course import columns
from course._guards import renamed_keywords
from course.checks import (
    require_columns,
    require_int_at_least,
    require_non_negative,
    require_numeric,
    require_unique_rows,
)
from course.plots._labels import place_labels
from course.plots._look import (
    DEFAULT_SOURCE,
    MAX_WIDTH,
    QUIET,
    add_title,
    course_palette,
    new_axes,
    shorten,
    themed,
)

__all__ = ["portfolio_chart", "shift_share_bars"]

# --------------------------------------------------------------------------------------
# Cluster portfolio (bubble chart)
# --------------------------------------------------------------------------------------

QUADRANTS = {
    # (x above reference, y above reference): name, position in axes fraction, alignment
    (True, True): ("Strong and growing", (0.98, 0.98), "right", "top"),
    (False, True): ("Strong but declining", (0.02, 0.98), "left", "top"),
    (True, False): ("Emerging", (0.98, 0.02), "right", "bottom"),
    (False, False): ("Weak and declining", (0.02, 0.02), "left", "bottom"),
}


def portfolio_chart(
    df: pd.DataFrame,
    *,
    x: str = columns.GROWTH_RATE,
    y: str = columns.LQ,
    size: str = "employment",
    label: str = "category_name",
    ax=None,
    x_reference: float = 0.0,
    y_reference: float = 1.0,
    title: str = "Cluster portfolio: specialisation and growth",
    xlabel: str = "Employment growth (%)",
    ylabel: str = "Location quotient (ratio; 1 = reference-area average)",
    size_label: str = "Employment (persons)",
    source: str = DEFAULT_SOURCE,
    max_bubble_area: float = 2500.0,
    max_labels: int | None = 10,
):
    """Cluster portfolio bubble chart: specialisation (LQ) against growth, bubble = size.

    One bubble per row: ``y`` (the location quotient) against ``x`` (employment growth as a
    fraction, shown in %); the bubble's area is proportional to ``size`` (employment), the
    largest bubble has ``max_bubble_area`` points². Reference lines at ``y_reference``
    (LQ = 1: as specialised as the reference area) and ``x_reference`` (e.g. 0, or the growth
    of the reference area) divide the chart into four quadrants, labelled "Strong and
    growing" (top right), "Strong but declining" (top left), "Emerging" (bottom right) and
    "Weak and declining" (bottom left). These quadrant names are a common consulting
    convention in cluster strategy work (in the tradition of Porter's cluster portfolio
    charts), not an official standard.

    Only the ``max_labels`` largest bubbles get a name (``None``: all of them), placed next to
    their bubble where no two names overlap (with a thin line when a name had to move away);
    the note under the chart says how many bubbles are unlabelled: read them in the table.
    Rows without a value of ``x`` or ``y`` (e.g. no growth rate because the start year had no
    jobs) cannot be placed: they are listed in the note under the chart.

    >>> table = pd.DataFrame({"category_name": ["Food", "IT", "Wood"],
    ...                       "growth_rate": [0.05, 0.40, -0.10], "lq": [2.5, 0.8, 1.6],
    ...                       "employment": [1200, 300, 800]})
    >>> ax = portfolio_chart(table, max_labels=2)
    >>> len(ax.collections[0].get_offsets()), sorted(t.get_text() for t in ax.texts
    ...                                              if t.get_gid() == "bubble_label")
    (3, ['Food', 'Wood'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "portfolio_chart"
    require_columns(df, [x, y, size, label], where=where)
    require_numeric(df, x, where=where)
    require_numeric(df, y, where=where)
    require_non_negative(df, size, where=where)
    if max_labels is not None:
        require_int_at_least(max_labels, 0, name="max_labels", where=where)
    xs, ys, sizes = (df[c].to_numpy(dtype=float, na_value=np.nan) for c in (x, y, size))
    placeable = np.isfinite(xs) & np.isfinite(ys) & np.isfinite(sizes)
    labels = df[label].astype(str).to_numpy()

    with themed():
        ax = new_axes(ax, (10, 6.5))
        largest = sizes[placeable].max() if placeable.any() else 0.0
        areas = _bubble_areas(sizes[placeable], largest, max_bubble_area)
        bubbles = ax.scatter(xs[placeable], ys[placeable], s=areas, color=course_palette()[0],
                             alpha=0.55, edgecolor="white", linewidth=1.2, zorder=3)  # fmt: skip
        _reference_lines(ax, x_reference, y_reference)
        _portfolio_limits(ax, xs[placeable], ys[placeable], x_reference, y_reference)
        _quadrant_labels(ax)
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        if largest > 0:
            _size_legend(ax, bubbles, largest, max_bubble_area, size_label)
        count = int(placeable.sum())
        # the largest bubbles first (a stable sort keeps the table's order among equals)
        named = np.argsort(-areas, kind="stable")[: count if max_labels is None else max_labels]
        missing = ", ".join(labels[~placeable])
        unplaced = "" if placeable.all() else f"Not shown (no {x} or {y}): {missing}."
        written = add_title(ax, title, _portfolio_note(source, unplaced, len(named), count))
        # last, once the layout is final: the names are placed in pixels
        _name_bubbles(ax, written, xs[placeable], ys[placeable], areas, labels[placeable], named)
    return ax


def _bubble_areas(sizes: np.ndarray, largest: float, max_bubble_area: float) -> np.ndarray:
    """Areas proportional to ``sizes``, the largest ``max_bubble_area`` points² (50 each if
    every size is 0)."""
    return sizes / largest * max_bubble_area if largest > 0 else np.full(len(sizes), 50.0)


def _portfolio_note(source: str, unplaced: str, named: int, count: int) -> str:
    """The note under the chart: the source, the rows not drawn, how many bubbles are named."""
    note = source
    if unplaced:
        note = f"{note}\n{unplaced}"
    if named < count:
        note = (
            f"{note}\nNamed: the {named} largest of {count} bubbles; the "
            f"{count - named} smaller ones are unlabelled."
        )
    return note


def _name_bubbles(ax, written, xs, ys, areas, labels, named) -> None:
    """Name the bubbles ``named``; if some found no free place, say so in the note
    ``written`` and place them all again (the longer note moved the axes)."""
    if place_labels(ax, xs, ys, areas, labels, named):
        for text in [t for t in ax.texts if t.get_gid() == "bubble_label"]:
            text.remove()
        written.set_text(f"{written.get_text()}\nNames with no free place are left out.")
        place_labels(ax, xs, ys, areas, labels, named)


def _reference_lines(ax, x_reference: float, y_reference: float) -> None:
    style = {"color": QUIET, "linestyle": "--", "linewidth": 1.2, "zorder": 2}
    ax.axhline(y_reference, **style)
    ax.axvline(x_reference, **style)


def _portfolio_limits(ax, xs, ys, x_reference: float, y_reference: float) -> None:
    """Axis limits that show every bubble AND both reference lines, so that each quadrant
    label (drawn in a corner) really sits in its quadrant."""
    for values, reference, setter in (
        (xs, x_reference, ax.set_xlim),
        (ys, y_reference, ax.set_ylim),
    ):
        everything = np.append(values, reference)
        low, high = everything.min(), everything.max()
        pad = 0.15 * (high - low) if high > low else 0.1 * max(abs(high), 1.0)
        bottom = low - pad
        if low >= 0:  # LQs and counts are never negative: do not show a negative range
            bottom = max(bottom, -0.03 * (high + pad))
        setter(bottom, high + pad)


def _quadrant_labels(ax) -> None:
    for name, position, ha, va in QUADRANTS.values():
        ax.text(
            *position,
            name,
            transform=ax.transAxes,
            ha=ha,
            va=va,
            fontsize="small",
            fontstyle="italic",
            color=QUIET,
            gid="quadrant",
        )


def _size_legend(ax, bubbles, largest: float, max_bubble_area: float, size_label: str) -> None:
    handles, texts = bubbles.legend_elements(
        prop="sizes",
        num=3,
        func=lambda area: area / max_bubble_area * largest,
        fmt="{x:,.0f}",
        color=course_palette()[0],
        alpha=0.55,
    )
    ax.legend(
        handles,
        texts,
        title=size_label,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        frameon=False,
        labelspacing=1.5,
        borderpad=1.0,
    )


# --------------------------------------------------------------------------------------
# Shift-share bars
# --------------------------------------------------------------------------------------

SHIFT_SHARE_COMPONENTS = {
    columns.NATIONAL_SHARE: "National share",
    columns.INDUSTRY_MIX: "Industry mix",
    columns.REGIONAL_SHIFT: "Regional shift",
}


@renamed_keywords(top="n")
def shift_share_bars(
    result: pd.DataFrame,
    *,
    label: str = "industry",
    n: int = 10,
    names: str | bool | None = None,
    ax=None,
    title: str = "Where did the jobs come from? Shift-share decomposition",
    xlabel: str = "Change in employment, start to end year (persons)",
    ylabel: str | None = None,
    source: str = DEFAULT_SOURCE,
):
    """Horizontal bars of the three shift-share components per row, with the total change.

    For each of the ``n`` rows with the largest absolute ``total_change`` (largest first),
    three grouped bars show ``national_share`` (growth if the row had grown like the whole
    reference area), ``industry_mix`` (the extra growth of its industry) and
    ``regional_shift`` (the regional competitive effect); a black diamond marks
    ``total_change = national_share + industry_mix + regional_shift``. Grouped bars start at
    0, so negative components read correctly (Dunn 1960; see ``economics.shift_share``).

    Each row is named "name (code)", e.g. "Manufacture of food products (C10)", long names
    shortened. The names come from ``names``, a column of the table; by default from the
    column ``<label>_name`` (``industry_name``, ``category_name``, ``region_name``) if the
    table has one, or else, for NACE codes, from the course's NACE table. ``names=False``
    shows the codes alone.

    Pass the rows of ONE region (e.g. ``result[result["region"] == "LV008"]``): every label
    must appear once.

    >>> result = pd.DataFrame({"industry": ["C10", "J62"], "national_share": [10.0, 5.0],
    ...                        "industry_mix": [-4.0, 8.0], "regional_shift": [-16.0, 12.0],
    ...                        "total_change": [-10.0, 25.0]})
    >>> ax = shift_share_bars(result, names=False)
    >>> len(ax.patches), [t.get_text() for t in ax.get_yticklabels()]
    (6, ['J62', 'C10'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "shift_share_bars"
    parts = [*SHIFT_SHARE_COMPONENTS, columns.TOTAL_CHANGE]
    require_columns(result, [label, *parts], where=where)
    if isinstance(names, str):
        require_columns(result, [names], where=where)
    for column in parts:
        require_numeric(result, column, where=where)
    require_int_at_least(n, 1, name="n", where=where)
    require_unique_rows(result, [label], where=where, fix="Filter the table to one region first")
    # Largest absolute change first; rows with an unknown (NaN) total go last.
    order = np.argsort(-result[columns.TOTAL_CHANGE].abs().to_numpy(dtype=float), kind="stable")
    chosen = result.iloc[order[:n]]
    positions = np.arange(len(chosen))
    height = 0.8 / len(SHIFT_SHARE_COMPONENTS)
    row_names = _row_names(chosen, label, names)
    lines = max(name.count("\n") + 1 for name in row_names)

    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 2.2 + (0.3 + 0.17 * lines) * len(chosen)))
        palette = course_palette()
        bars = [
            # the three bars of a row sit side by side around its tick (offsets -h, 0, +h)
            ax.barh(positions + (k - 1) * height, chosen[column], height=height, color=palette[k])
            for k, column in enumerate(SHIFT_SHARE_COMPONENTS)
        ]
        (totals,) = ax.plot(
            chosen[columns.TOTAL_CHANGE],
            positions,
            linestyle="none",
            marker="D",
            markersize=8,
            color="black",
            zorder=3,
        )
        ax.axvline(0, color=QUIET, linewidth=1)
        ax.set_yticks(positions, row_names, fontsize="small")
        ax.invert_yaxis()  # largest change at the top
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel if ylabel is not None else _readable(label))
        keys = ([*bars, totals], [*SHIFT_SHARE_COMPONENTS.values(), "Total change"])
        if isinstance(ax.figure.get_layout_engine(), ConstrainedLayoutEngine):
            # under the chart, in one row: the bars keep the width that long names leave them
            ax.figure.legend(*keys, loc="outside lower center", ncols=4, frameon=False)
        else:
            ax.legend(*keys, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False)
        add_title(ax, title, source)
    return ax


def _row_names(rows: pd.DataFrame, label: str, names) -> list[str]:
    """ "Name (code)" for each row, the name shortened to two lines; the code if no name."""
    codes = rows[label].astype(str)
    if names is False:
        return codes.tolist()
    if isinstance(names, str):
        full = rows[names]
    elif f"{label}_name" in rows:
        full = rows[f"{label}_name"]
    else:
        full = codes.map(_nace_names())  # codes that are not NACE codes keep no name
    # "..., except ..." and "...; ..." add detail a chart can do without (NACE names)
    short = full.astype("string").str.split(r";|, except\b", regex=True).str[0].str.strip()
    return [
        code if pd.isna(name) or name in ("", code) else f"{shorten(name, 28)} ({code})"
        for code, name in zip(codes, short, strict=True)
    ]


def _nace_names() -> pd.Series:
    """The names of the NACE Rev. 2 sections and divisions, by code (``segmentation``'s)."""
    from course.segmentation import nace_table  # imported when a chart needs the names

    return nace_table().set_index("code")["name"]


def _readable(column: str) -> str:
    return column.replace("_", " ").capitalize()
