"""Charts for module 1, cluster economics: portfolio, shift-share bars, LQ heatmap, star grid.

Each takes the output of a ``course.economics`` function and returns the Axes it drew on.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.colors import ListedColormap
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from course.checks import (
    CourseInputError,
    require_columns,
    require_int_at_least,
    require_non_negative,
    require_numeric,
    require_unique_rows,
    require_values_in,
)
from course.plots._grids import (
    _CELL_TEXT,
    _TICKS,
    _finish_grid,
    _fits,
    _grid,
    _grid_layout,
    _orient,
)
from course.plots._labels import _place_labels
from course.plots._look import (
    _QUIET,
    DEFAULT_SOURCE,
    MAX_WIDTH,
    _new_axes,
    _palette,
    _shorten,
    _text_width,
    _themed,
    _title,
)

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
    x: str = "growth_rate",
    y: str = "lq",
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

    with _themed():
        ax = _new_axes(ax, (10, 6.5))
        largest = sizes[placeable].max() if placeable.any() else 0.0
        areas = (
            sizes[placeable] / largest * max_bubble_area
            if largest > 0
            else np.full(int(placeable.sum()), 50.0)
        )
        bubbles = ax.scatter(
            xs[placeable],
            ys[placeable],
            s=areas,
            color=_palette()[0],
            alpha=0.55,
            edgecolor="white",
            linewidth=1.2,
            zorder=3,
        )
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
        note = source
        if not placeable.all():
            missing = ", ".join(labels[~placeable])
            note = f"{note}\nNot shown (no {x} or {y}): {missing}."
        if len(named) < count:
            note = (
                f"{note}\nNamed: the {len(named)} largest of {count} bubbles; the "
                f"{count - len(named)} smaller ones are unlabelled."
            )
        written = _title(ax, title, note)
        # last, once the layout is final: the names are placed in pixels
        where_from = (ax, xs[placeable], ys[placeable], areas, labels[placeable], named)
        if _place_labels(*where_from):  # some found no free place: say so, then place again
            for text in [t for t in ax.texts if t.get_gid() == "bubble_label"]:
                text.remove()
            written.set_text(f"{written.get_text()}\nNames with no free place are left out.")
            _place_labels(*where_from)
    return ax


def _reference_lines(ax, x_reference: float, y_reference: float) -> None:
    style = {"color": _QUIET, "linestyle": "--", "linewidth": 1.2, "zorder": 2}
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
            color=_QUIET,
            gid="quadrant",
        )


def _size_legend(ax, bubbles, largest: float, max_bubble_area: float, size_label: str) -> None:
    handles, texts = bubbles.legend_elements(
        prop="sizes",
        num=3,
        func=lambda area: area / max_bubble_area * largest,
        fmt="{x:,.0f}",
        color=_palette()[0],
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
    "national_share": "National share",
    "industry_mix": "Industry mix",
    "regional_shift": "Regional shift",
}


def shift_share_bars(
    result: pd.DataFrame,
    *,
    label: str = "industry",
    top: int = 10,
    names: str | bool | None = None,
    ax=None,
    title: str = "Where did the jobs come from? Shift-share decomposition",
    xlabel: str = "Change in employment, start to end year (persons)",
    ylabel: str | None = None,
    source: str = DEFAULT_SOURCE,
):
    """Horizontal bars of the three shift-share components per row, with the total change.

    For each of the ``top`` rows with the largest absolute ``total_change`` (largest first),
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
    columns = [*SHIFT_SHARE_COMPONENTS, "total_change"]
    require_columns(result, [label, *columns], where=where)
    if isinstance(names, str):
        require_columns(result, [names], where=where)
    for column in columns:
        require_numeric(result, column, where=where)
    require_int_at_least(top, 1, name="top", where=where)
    require_unique_rows(result, [label], where=where, fix="Filter the table to one region first")
    # Largest absolute change first; rows with an unknown (NaN) total go last.
    order = np.argsort(-result["total_change"].abs().to_numpy(dtype=float), kind="stable")
    chosen = result.iloc[order[:top]]
    positions = np.arange(len(chosen))
    height = 0.8 / len(SHIFT_SHARE_COMPONENTS)
    row_names = _row_names(chosen, label, names)
    lines = max(name.count("\n") + 1 for name in row_names)

    with _themed():
        ax = _new_axes(ax, (MAX_WIDTH, 2.2 + (0.3 + 0.17 * lines) * len(chosen)))
        palette = _palette()
        bars = [
            # the three bars of a row sit side by side around its tick (offsets -h, 0, +h)
            ax.barh(positions + (k - 1) * height, chosen[column], height=height, color=palette[k])
            for k, column in enumerate(SHIFT_SHARE_COMPONENTS)
        ]
        (totals,) = ax.plot(
            chosen["total_change"],
            positions,
            linestyle="none",
            marker="D",
            markersize=8,
            color="black",
            zorder=3,
        )
        ax.axvline(0, color=_QUIET, linewidth=1)
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
        _title(ax, title, source)
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
        full = codes.map(_nace_names())
    # "..., except ..." and "...; ..." add detail a chart can do without (NACE names)
    short = full.astype("string").str.split(r";|, except\b", regex=True).str[0].str.strip()
    return [
        code if pd.isna(name) or name in ("", code) else f"{_shorten(name, 28)} ({code})"
        for code, name in zip(codes, short, strict=True)
    ]


@cache
def _nace_names() -> dict[str, str]:
    """The names of the NACE Rev. 2 sections and divisions (empty without the course data)."""
    from course import data

    try:
        nace = data.load("nace")
    except data.DatasetError:
        return {}
    return dict(zip(nace["code"].astype(str), nace["name"].astype(str), strict=True))


def _readable(column: str) -> str:
    return column.replace("_", " ").capitalize()


def lq_heatmap(
    df: pd.DataFrame,
    *,
    region: str = "region",
    category: str = "category",
    value: str = "lq",
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

    with _themed():
        table = _grid(df, region, category, value)
        side = 1.1  # the colour bar, its ticks and its label
        written = [format(v, fmt) for v in table.to_numpy(dtype=float).ravel() if np.isfinite(v)]
        cell = _text_width("\n".join(written) or "0", _CELL_TEXT) + 0.06 if annotate else 0.2
        table, transposed = _orient(table, transpose, side, cell)
        note = ""
        if annotate and ax is None and not _fits(table, side, cell):
            annotate, cell = False, 0.2
            note = "\nToo many cells to write the LQs: filter the table to see the values."
        table, row_names, column_names, size, cut = _grid_layout(table, ax, side, cell)
        values = table.to_numpy(dtype=float, na_value=np.nan)
        with np.errstate(divide="ignore"):
            logs = np.log2(values)  # LQ = 0 gives -inf: clipped to the darkest blue below
        logs = np.clip(logs, -limit, limit)  # NaN stays NaN and is left blank
        ax = _new_axes(ax, size)
        sns.heatmap(
            pd.DataFrame(logs, index=table.index, columns=table.columns),
            ax=ax,
            cmap=cmap,
            vmin=-limit,
            vmax=limit,
            annot=values if annotate else False,
            fmt=fmt,
            annot_kws={"fontsize": _CELL_TEXT},
            linewidths=0.5,
            linecolor="white",
            xticklabels=column_names,
            yticklabels=row_names,
            cbar_kws={
                "label": colorbar_label,
                "extend": "both",
                "fraction": 0.05,
                "pad": 0.02,
                "aspect": 30,
            },
        )
        colorbar = ax.collections[0].colorbar
        _lq_colorbar_ticks(colorbar, limit)
        colorbar.ax.tick_params(labelsize=_TICKS)
        _finish_grid(ax, xlabel, ylabel, transposed)
        _title(ax, title, source + note + cut)
    return ax


def _lq_colorbar_ticks(colorbar, limit: float) -> None:
    """Ticks at LQ = ..., 0.25, 0.5, 1, 2, 4, ... (powers of two: the colours are log2)."""
    powers = np.arange(-np.floor(limit), np.floor(limit) + 1)
    colorbar.set_ticks(powers, labels=[f"{2.0**p:g}" for p in powers])


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
    "size_star": ("S", "size: top 10 % of regions\nby employment"),
    "specialisation_star": ("L", "specialisation:\nLQ ≥ 2"),
    "focus_star": ("F", "focus: top 10 % of\nregions by share of\nregional employment"),
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
    stars: str = "stars",
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
    where = "star_grid"
    require_columns(df, [region, category, stars], where=where)
    require_numeric(df, stars, where=where)
    require_values_in(
        df,
        stars,
        [0, 1, 2, 3],
        where=where,
        hint="Draw the 'stars' column of economics.star_rating(...)",
    )
    require_unique_rows(df, [region, category], where=where)
    flagged = all(column in df for column in STAR_FLAGS)
    if flagged:
        for column in STAR_FLAGS:
            require_values_in(
                df,
                column,
                [0, 1],
                where=where,
                hint="Star flags are True or False, as economics.star_rating(...) gives them",
            )

    with _themed():
        table = _grid(df, region, category, stars)
        if flagged:
            # letters, not a count: which of the three stars each tile earned
            flags = {c: _grid(df, region, category, c).reindex_like(table) for c in STAR_FLAGS}
            letters = pd.DataFrame("", index=table.index, columns=table.columns)
            for column, (letter, _) in STAR_FLAGS.items():
                letters = letters + np.where(flags[column].fillna(0).astype(bool), letter, "")
            handles = [
                Patch(facecolor=colour, edgecolor="0.7", label=f"{n} star{'s' * (n != 1)}")
                for n, colour in enumerate(STAR_COLOURS)
            ] + [
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker=f"${letter}$",
                    markersize=9,
                    color="black",
                    label=meaning,
                )
                for letter, meaning in STAR_FLAGS.values()
            ]
            heading = criteria if criteria is not None else "Stars earned\n(ECO 2007-2011):"
            widest = "SLF"
        else:
            marks = np.array([star_marks(n) for n in range(4)] + [""])
            counts = table.to_numpy(dtype=float, na_value=np.nan)
            # Look the marks up by star count; position 4 holds the blank for a missing cell.
            letters = pd.DataFrame(
                marks[np.where(np.isnan(counts), 4, counts).astype(int)],
                index=table.index,
                columns=table.columns,
            )
            handles = [
                Patch(facecolor=colour, edgecolor="0.7", label=f"{star_marks(n)}  {n} star(s)")
                for n, colour in enumerate(STAR_COLOURS)
            ]
            heading = criteria if criteria is not None else STAR_CRITERIA
            widest = star_marks(3)
        legend_texts = "\n".join([heading, *(h.get_label() for h in handles)])
        side = _text_width(legend_texts, "small") + 0.7  # the texts and the handles
        cell = _text_width(widest, _CELL_TEXT) + 0.08
        table, transposed = _orient(table, transpose, side, cell)
        letters = letters.T if transposed else letters
        below = ax is None and not _fits(table, side, cell)
        table, row_names, column_names, size, cut = _grid_layout(
            table, ax, 0.0 if below else side, cell
        )
        letters = letters.reindex_like(table)
        ax = _new_axes(ax, size)
        sns.heatmap(
            table.astype(float),
            ax=ax,
            cmap=ListedColormap(STAR_COLOURS),
            vmin=-0.5,
            vmax=3.5,
            annot=letters.to_numpy(dtype=str),
            fmt="",
            annot_kws={"fontsize": _CELL_TEXT, "gid": "star_marks"},
            linewidths=1.0,
            linecolor="white",
            cbar=False,
            xticklabels=column_names,
            yticklabels=row_names,
        )
        legend_style = {
            "handles": handles,
            "title": heading,
            "frameon": False,
            "alignment": "left",
            "fontsize": "small",
            "title_fontsize": "small",
        }
        if below:  # a figure legend "outside" the axes: the layout puts it under the chart
            ax.figure.legend(loc="outside lower center", ncols=2, **legend_style)
        else:
            ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), **legend_style)
        _finish_grid(ax, xlabel, ylabel, transposed)
        _title(ax, title, source + cut)
    return ax
