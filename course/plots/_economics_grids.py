"""Charts for module 1, cluster economics, of many regions at once: the LQ heatmap and the
star grid (region x category tiles).

Each takes the output of a ``course.economics`` function and returns the Axes it drew on; the
fitting of a grid to a notebook's width is in ``_grids``.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from course import columns
from course.checks import (
    CourseInputError,
    require_columns,
    require_non_negative,
    require_numeric,
    require_unique_rows,
    require_values_in,
)
from course.plots._grids import (
    CELL_TEXT,
    TICKS,
    finish_grid,
    fits,
    grid_layout,
    orient,
    pivot_grid,
)
from course.plots._look import DEFAULT_SOURCE, add_title, new_axes, text_width, themed

__all__ = ["lq_heatmap", "star_grid", "star_marks"]

# --------------------------------------------------------------------------------------
# LQ heatmap
# --------------------------------------------------------------------------------------


def lq_heatmap(
    df: pd.DataFrame,
    *,
    region: str = "region",
    category: str = "category",
    value: str = columns.LQ,
    ax=None,
    annotate: bool = True,
    fmt: str = ".2f",
    cmap: str = "RdBu_r",
    max_lq: float = 4.0,
    title: str = "Location quotients by region and cluster category",
    xlabel: str = "Cluster category",
    ylabel: str = "Region",
    colorbar_label: str = "LQ (ratio, log scale; 1 = average)",
    source: str = DEFAULT_SOURCE,
    transpose: bool | None = None,
):
    """Heatmap of location quotients, regions x categories, centred at LQ = 1.

    Colours are on a log2 scale, so that LQ = 2 (twice as specialised as the reference area)
    and LQ = 0.5 (half) are equally far from the neutral white of LQ = 1; the map is
    ColorBrewer's red-blue diverging scheme (colour-blind safe; Harrower & Brewer 2003).
    Colours saturate at ``max_lq`` and ``1 / max_lq`` (4 and 0.25), so that one extreme
    region does not wash out all the others and charts stay comparable; the cells show
    the LQ itself, however large. Missing combinations stay blank. Use one row per region x
    category (one year).

    The chart fits a notebook (about 1,000 px wide): regions are rows and categories
    columns, unless there are too many categories for the width, then they swap
    (``transpose=True`` or ``False`` decides; ``xlabel`` and ``ylabel`` name the category
    and the region axis). If the cells get too narrow to write the LQs, the colours alone
    are shown, and columns that still do not fit are left out; the note under the chart
    says so.

    >>> table = pd.DataFrame({"region": ["A", "A", "B", "B"], "category": ["food", "IT"] * 2,
    ...                       "lq": [2.0, 0.5, 0.8, 1.25]})
    >>> ax = lq_heatmap(table)
    >>> [t.get_text() for t in ax.texts if t.get_gid() != "source"]
    ['2.00', '0.50', '0.80', '1.25']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "lq_heatmap"
    require_columns(df, [region, category, value], where=where)
    require_non_negative(df, value, where=where)
    require_unique_rows(df, [region, category], where=where)
    if not max_lq > 1:
        raise CourseInputError(f"{where}: max_lq={max_lq!r} must be above 1, e.g. max_lq=4.")
    limit = float(np.log2(max_lq))

    with themed():
        table = pivot_grid(df, region, category, value)
        side = 1.1  # the colour bar, its ticks and its label
        cell = _lq_cell_width(table, fmt) if annotate else 0.2
        table, transposed = orient(table, transpose, side, cell)
        note = ""
        if annotate and ax is None and not fits(table, side, cell):
            annotate, cell = False, 0.2
            note = "\nToo many cells to write the LQs: filter the table to see the values."
        table, row_names, column_names, size, cut = grid_layout(table, ax, side, cell)
        ax = new_axes(ax, size)
        values = table.to_numpy(dtype=float, na_value=np.nan)
        sns.heatmap(
            pd.DataFrame(_log_colours(values, limit), index=table.index, columns=table.columns),
            ax=ax,
            cmap=cmap,
            vmin=-limit,
            vmax=limit,
            annot=values if annotate else False,
            fmt=fmt,
            annot_kws={"fontsize": CELL_TEXT},
            linewidths=0.5,
            linecolor="white",
            xticklabels=column_names,
            yticklabels=row_names,
            cbar_kws={"label": colorbar_label, "extend": "both", "fraction": 0.05, "pad": 0.02,
                      "aspect": 30},
        )  # fmt: skip
        _lq_colorbar_ticks(ax.collections[0].colorbar, limit)
        finish_grid(ax, xlabel, ylabel, transposed)
        add_title(ax, title, source + note + cut)
    return ax


def _lq_cell_width(table: pd.DataFrame, fmt: str) -> float:
    """Inches a cell needs to write the widest of its LQs (in ``fmt``)."""
    written = [format(v, fmt) for v in table.to_numpy(dtype=float).ravel() if np.isfinite(v)]
    return text_width("\n".join(written) or "0", CELL_TEXT) + 0.06


def _log_colours(values: np.ndarray, limit: float) -> np.ndarray:
    """log2 of the LQs, clipped to +-``limit``: LQ = 2 and 0.5 are as far from white (1)."""
    with np.errstate(divide="ignore"):
        logs = np.log2(values)  # LQ = 0 gives -inf: clipped to the darkest blue below
    return np.clip(logs, -limit, limit)  # NaN stays NaN and is left blank


def _lq_colorbar_ticks(colorbar, limit: float) -> None:
    """Ticks at LQ = ..., 0.25, 0.5, 1, 2, 4, ... (powers of two: the colours are log2)."""
    powers = np.arange(-np.floor(limit), np.floor(limit) + 1)
    colorbar.set_ticks(powers, labels=[f"{2.0**p:g}" for p in powers])
    colorbar.ax.tick_params(labelsize=TICKS)


# --------------------------------------------------------------------------------------
# Star grid
# --------------------------------------------------------------------------------------


STAR_COLOURS = ["#f2f2f2", *sns.color_palette("YlGnBu", 3).as_hex()]

STAR_CRITERIA = (
    "One star each\n"
    "(ECO 2007-2011 method):\n"
    "size: top 10 % of regions\n"
    "  by employment\n"
    "specialisation: LQ ≥ 2\n"
    "focus: top 10 % of regions\n"
    "  by share of regional\n"
    "  employment"
)

# The three stars of economics.star_rating: flag column, the letter in a tile, its meaning
STAR_FLAGS = {
    columns.SIZE_STAR: ("S", "size: top 10 % of regions\nby employment"),
    columns.SPECIALISATION_STAR: ("L", "specialisation:\nLQ ≥ 2"),
    columns.FOCUS_STAR: ("F", "focus: top 10 % of\nregions by share of\nregional employment"),
}


def star_marks(stars: int) -> str:
    """Filled and empty stars for a count 0-3, e.g. ``star_marks(2) == "★★☆"``; "n/a" for a
    region that could not be rated (``stars`` is NA, see ``economics.star_rating``).

    >>> [star_marks(n) for n in range(4)] + [star_marks(pd.NA)]
    ['☆☆☆', '★☆☆', '★★☆', '★★★', 'n/a']
    """
    if pd.isna(stars):
        return "n/a"
    return "★" * int(stars) + "☆" * (3 - int(stars))


def star_grid(
    df: pd.DataFrame,
    *,
    region: str = "region_name",
    category: str = "category_name",
    stars: str = columns.STARS,
    ax=None,
    title: str = "Cluster stars by region and category",
    xlabel: str = "Cluster category",
    ylabel: str = "Region",
    criteria: str | None = None,
    source: str = DEFAULT_SOURCE,
    transpose: bool | None = None,
):
    """The star map as a tile grid: regions x categories, coloured by 0-3 stars.

    Draws the output of ``economics.star_rating`` (after adding region and category names).
    Each tile's colour goes from light (no star) to dark blue (three stars). When the table
    has the flags ``size_star``, ``specialisation_star`` and ``focus_star`` (as
    ``economics.star_rating`` returns them), the tile names the stars it earned: **S** (size),
    **L** (specialisation, the LQ) and **F** (focus); "LF" = specialisation and focus, no
    size star. Without the flags it shows the count, "★★☆". The legend explains the colours
    and the three criteria of the European Cluster Observatory 2007-2011 method; if you
    changed the thresholds, pass your own ``criteria`` text. Missing combinations stay
    blank. Use one row per region x category (one year).

    The chart fits a notebook (about 1,000 px wide) as :func:`lq_heatmap` does: categories
    become rows when there are too many for the width (``transpose`` decides), the legend
    moves under the chart when it takes the room of the tiles, and columns that still do not
    fit are left out, named in the note under the chart.

    >>> table = pd.DataFrame({"region_name": ["Vidzeme", "Vidzeme", "Rīga", "Rīga"],
    ...                       "category_name": ["Food", "IT"] * 2, "stars": [3, 0, 1, 2]})
    >>> ax = star_grid(table)
    >>> [t.get_text() for t in ax.texts if t.get_gid() != "source"]
    ['★★★', '☆☆☆', '★☆☆', '★★☆']
    >>> flags = table.assign(size_star=[True, False, False, False],
    ...                      specialisation_star=[True, False, True, True],
    ...                      focus_star=[True, False, False, True])
    >>> ax = star_grid(flags)
    >>> [t.get_text() for t in ax.texts if t.get_gid() != "source"]
    ['SLF', '', 'L', 'LF']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    flagged = _check_star_table(df, region, category, stars)
    with themed():  # inside: the legend's texts are measured in the course's fonts
        table = pivot_grid(df, region, category, stars)
        letters = _flag_letters(df, region, category, table) if flagged else _count_marks(table)
        key = _star_key(flagged, criteria)
        legend_texts = "\n".join([key.heading, *(h.get_label() for h in key.handles)])
        side = text_width(legend_texts, "small") + 0.7  # the texts and the handles
        cell = text_width(key.widest, CELL_TEXT) + 0.08
        table, transposed = orient(table, transpose, side, cell)
        below = ax is None and not fits(table, side, cell)  # then the legend goes under
        table, row_names, column_names, size, cut = grid_layout(
            table, ax, 0.0 if below else side, cell
        )
        letters = (letters.T if transposed else letters).reindex_like(table)
        ax = new_axes(ax, size)
        _star_tiles(ax, table, letters, row_names, column_names)
        _star_legend(ax, key, below=below)
        finish_grid(ax, xlabel, ylabel, transposed)
        add_title(ax, title, source + cut)
    return ax


def _check_star_table(df: pd.DataFrame, region: str, category: str, stars: str) -> bool:
    """Refuse a table that is not a star rating; say whether it has the three star flags."""
    where = "star_grid"
    require_columns(df, [region, category, stars], where=where)
    require_numeric(df, stars, where=where)
    hint = "Draw the 'stars' column of economics.star_rating(...)"
    require_values_in(df, stars, [0, 1, 2, 3], where=where, hint=hint)
    require_unique_rows(df, [region, category], where=where)
    flagged = all(column in df for column in STAR_FLAGS)
    if flagged:
        hint = "Star flags are True or False, as economics.star_rating(...) gives them"
        for column in STAR_FLAGS:
            require_values_in(df, column, [0, 1], where=where, hint=hint)
    return flagged


def _flag_letters(df: pd.DataFrame, region: str, category: str, table: pd.DataFrame):
    """Each tile's letters, e.g. "LF": which of the three stars it earned."""
    letters = pd.DataFrame("", index=table.index, columns=table.columns)
    for column, (letter, _) in STAR_FLAGS.items():
        flag = pivot_grid(df, region, category, column).reindex_like(table)
        letters = letters + np.where(flag.fillna(0).astype(bool), letter, "")
    return letters


def _count_marks(table: pd.DataFrame) -> pd.DataFrame:
    """Each tile's star count as marks, "★★☆"; blank for a missing cell."""
    marks = np.array([star_marks(n) for n in range(4)] + [""])
    counts = table.to_numpy(dtype=float, na_value=np.nan)
    # Look the marks up by star count; position 4 holds the blank for a missing cell.
    shown = marks[np.where(np.isnan(counts), 4, counts).astype(int)]
    return pd.DataFrame(shown, index=table.index, columns=table.columns)


class _StarKey(NamedTuple):
    """The legend of a star grid: its entries, its heading, the widest text of a tile."""

    handles: list
    heading: str
    widest: str


def _star_key(flagged: bool, criteria: str | None) -> _StarKey:
    """The colours of 0-3 stars and, for tiles with letters, what S, L and F mean."""
    if not flagged:
        counts = [
            Patch(facecolor=colour, edgecolor="0.7", label=f"{star_marks(n)}  {n} star(s)")
            for n, colour in enumerate(STAR_COLOURS)
        ]
        return _StarKey(counts, STAR_CRITERIA if criteria is None else criteria, star_marks(3))
    colours = [
        Patch(facecolor=colour, edgecolor="0.7", label=f"{n} star{'s' * (n != 1)}")
        for n, colour in enumerate(STAR_COLOURS)
    ]
    letters = [
        Line2D([], [], linestyle="none", marker=f"${letter}$", markersize=9, color="black",
               label=meaning)
        for letter, meaning in STAR_FLAGS.values()
    ]  # fmt: skip
    heading = "Stars earned\n(ECO 2007-2011):" if criteria is None else criteria
    return _StarKey(colours + letters, heading, "SLF")


def _star_tiles(ax, table: pd.DataFrame, letters: pd.DataFrame, row_names, column_names):
    """The tiles, coloured by the number of stars, with their letters or marks."""
    sns.heatmap(
        table.astype(float),
        ax=ax,
        cmap=ListedColormap(STAR_COLOURS),
        vmin=-0.5,
        vmax=3.5,
        annot=letters.to_numpy(dtype=str),
        fmt="",
        annot_kws={"fontsize": CELL_TEXT, "gid": "star_marks"},
        linewidths=1.0,
        linecolor="white",
        cbar=False,
        xticklabels=column_names,
        yticklabels=row_names,
    )


def _star_legend(ax, key: _StarKey, *, below: bool) -> None:
    """The legend right of the tiles, or under the chart when the tiles need the width."""
    style = {"handles": key.handles, "title": key.heading, "frameon": False,
             "alignment": "left", "fontsize": "small", "title_fontsize": "small"}  # fmt: skip
    if below:  # a figure legend "outside" the axes: the layout puts it under the chart
        ax.figure.legend(loc="outside lower center", ncols=2, **style)
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), **style)
