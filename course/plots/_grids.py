"""Private: region x category grids (the LQ heatmap and the star grid) that fit a notebook.

A grid with many columns is turned on its side (categories as rows) so that it stays about
1,000 px wide with text of at least 8 pt.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from course.plots._look import MAX_WIDTH, shorten, text_width

__all__ = ["TICKS", "CELL_TEXT", "pivot_grid", "fits", "orient", "grid_layout", "finish_grid"]

# --------------------------------------------------------------------------------------
# Region x category grids
# --------------------------------------------------------------------------------------

TICKS = "small"  # 12 pt in the course look
CELL_TEXT = "x-small"  # 10 pt


def pivot_grid(df: pd.DataFrame, region: str, category: str, value: str) -> pd.DataFrame:
    """Regions as rows, categories as columns, in the order they first appear in ``df``."""
    table = df.pivot(index=region, columns=category, values=value)
    return table.reindex(index=pd.unique(df[region]), columns=pd.unique(df[category]))


def _room(table: pd.DataFrame, side: float) -> float:
    """Inches left for the cells of ``table`` in a MAX_WIDTH figure: the row names, the axis
    label (0.6) and the figure's margins (0.3) take the rest, with ``side`` inches for a
    colour bar or legend on the right."""
    row_names = "\n".join(shorten(str(v), 26) for v in table.index)
    return MAX_WIDTH - text_width(row_names, TICKS) - 0.6 - side - 0.3


def fits(table: pd.DataFrame, side: float, cell: float) -> bool:
    """Do the columns of ``table``, ``cell`` inches each, fit the width of a notebook?"""
    return table.shape[1] * cell <= _room(table, side)


def orient(table: pd.DataFrame, transpose: bool | None, side: float, cell: float):
    """The grid, transposed (categories as rows) if asked, or by default when it has more
    columns than rows and they do not fit the width; and whether it was transposed."""
    if transpose is None:
        transpose = table.shape[1] > table.shape[0] and not fits(table, side, cell)
    return (table.T if transpose else table), transpose


def grid_layout(table: pd.DataFrame, ax, side: float, cell: float):
    """Fit ``table`` into a MAX_WIDTH figure: the columns shown, the tick labels, the figure
    size (or None for the learner's own Axes) and a note naming the columns left out."""
    note = ""
    room = _room(table, side)
    if ax is None and table.shape[1] * cell > room:
        fit = max(1, int(room // cell))
        hidden = [str(v) for v in table.columns[fit:]]
        more = ", ..." if len(hidden) > 6 else ""
        note = (
            f"\nNot shown (no room at notebook width): {', '.join(hidden[:6])}{more}. "
            "Filter the table to see them."
        )
        table = table.iloc[:, :fit]
    width = min(0.7, room / max(1, table.shape[1]))
    lines = 2 if width >= 0.45 else 1  # two lines of column names need two lines of room
    column_names = [shorten(str(v), 20 if lines == 2 else 40, lines) for v in table.columns]
    row_names = [shorten(str(v), 26) for v in table.index]
    row_height = 0.47 if any("\n" in name for name in row_names) else 0.32
    size = None
    if ax is None:
        names_height = text_width("\n".join(column_names), TICKS)  # written upwards
        size = (
            MAX_WIDTH - room + table.shape[1] * width,
            max(3.5, 1.9 + note.count("\n") * 0.25 + names_height + row_height * len(table)),
        )
    return table, row_names, column_names, size, note


def finish_grid(ax, xlabel: str, ylabel: str, transposed: bool) -> None:
    """Axis labels (swapped if the grid was transposed) and upright, readable tick labels."""
    ax.grid(False)
    ax.set_xlabel(ylabel if transposed else xlabel)
    ax.set_ylabel(xlabel if transposed else ylabel)
    ax.tick_params(axis="both", length=0, labelsize=TICKS)
    plt.setp(ax.get_xticklabels(), rotation=90, ha="center", va="top")
    plt.setp(ax.get_yticklabels(), rotation=0, va="center")
