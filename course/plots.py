"""Charts for cluster analysis, all in one course look.

Every chart takes a tidy table (usually the output of a ``course.economics`` function), draws
what it gets (no analysis happens here), and returns the matplotlib ``Axes`` it drew on, so you
can change a title or save the figure::

    ax = plots.portfolio_chart(profile)
    ax.set_title("Vidzeme: our cluster portfolio")
    ax.figure.savefig("portfolio.png", dpi=200)

Each chart has a title, axis labels with units, a source note under the axes and a
colour-blind-safe palette (seaborn's "colorblind"). Call :func:`use_theme` once at the top of a
notebook so that your own charts share the look; the course charts use it in any case.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from cycler import cycler
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from course.checks import CourseInputError, require_columns, require_non_negative, require_numeric

__all__ = [
    "DEFAULT_SOURCE",
    "use_theme",
    "theme_rc",
    "add_source",
    "star_marks",
    "portfolio_chart",
    "shift_share_bars",
    "lq_heatmap",
    "star_grid",
]

DEFAULT_SOURCE = "Source: course data (synthetic); calculations with the course library."

# Gray for reference lines and notes: readable on a projector, but quieter than the data.
_QUIET = "0.35"


# --------------------------------------------------------------------------------------
# Theme and source note
# --------------------------------------------------------------------------------------


def theme_rc() -> dict:
    """The matplotlib settings of the course look (a dict for ``matplotlib.rc_context``).

    Seaborn's "whitegrid" style, font sizes readable on a projector (seaborn's "notebook"
    context scaled by 1.2) and the colour-blind-safe "colorblind" palette.

    >>> round(theme_rc()["font.size"], 1)
    14.4
    """
    rc = {}
    rc.update(sns.axes_style("whitegrid"))
    rc.update(sns.plotting_context("notebook", font_scale=1.2))
    rc["axes.prop_cycle"] = cycler(color=sns.color_palette("colorblind"))
    rc["axes.titleweight"] = "bold"
    rc["figure.figsize"] = (9.0, 6.0)
    return rc


def use_theme() -> list[tuple[float, float, float]]:
    """Switch on the course look for all charts in this session; return the palette.

    The palette is seaborn's "colorblind" (Waskom 2021, after Okabe & Ito 2008): its ten
    colours stay distinguishable for the common forms of colour blindness. Calling this
    twice changes nothing the second time.

    >>> import matplotlib
    >>> with matplotlib.rc_context():  # in a lesson, just call use_theme()
    ...     palette = use_theme()
    ...     again = use_theme()
    >>> len(palette), palette == again
    (10, True)
    """
    mpl.rcParams.update(theme_rc())
    return list(sns.color_palette("colorblind"))


@contextmanager
def _themed() -> Iterator[None]:
    # The course charts look the same whether or not the learner called use_theme(),
    # without changing the learner's own settings. Only the theme's own settings are put
    # back afterwards: matplotlib.rc_context would restore *every* setting, including
    # interactive mode, which Jupyter's inline backend switches on when the first chart of
    # a session loads it; restoring it would stop Jupyter showing every later chart.
    theme = theme_rc()
    before = {key: mpl.rcParams[key] for key in theme}
    mpl.rcParams.update(theme)
    try:
        yield
    finally:
        mpl.rcParams.update(before)


def _palette() -> list:
    return list(sns.color_palette("colorblind"))


def _new_axes(ax, figsize: tuple[float, float]):
    """The learner's Axes, or a new figure (with a layout that keeps notes and legends)."""
    if ax is not None:
        return ax
    figure = plt.figure(figsize=figsize, layout="constrained")
    return figure.add_subplot()


def add_source(ax, text: str = DEFAULT_SOURCE):
    """Write a small source note under the axes (below the x-axis label); return the note.

    Every chart should say where its numbers come from: the course data are synthetic, and a
    chart copied into a strategy paper must not look like official statistics.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> add_source(ax, "Source: Eurostat (sbs_r_nuts06_r2)").get_text()
    'Source: Eurostat (sbs_r_nuts06_r2)'
    >>> plt.close(fig)
    """
    # Anchored to the x-axis label, so the note never overlaps tick labels whatever their size.
    return ax.annotate(
        text,
        xy=(0, 0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -6),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize="small",
        color=_QUIET,
        gid="source",
    )


def _title(ax, title: str, source: str) -> None:
    ax.set_title(title)
    add_source(ax, source)


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

    Rows without a value of ``x`` or ``y`` (e.g. no growth rate because the start year had no
    jobs) cannot be placed: they are listed in the note under the chart.

    >>> table = pd.DataFrame({"category_name": ["Food", "IT", "Wood"],
    ...                       "growth_rate": [0.05, 0.40, -0.10], "lq": [2.5, 0.8, 1.6],
    ...                       "employment": [1200, 300, 800]})
    >>> ax = portfolio_chart(table)
    >>> len(ax.collections[0].get_offsets())
    3
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "portfolio_chart"
    require_columns(df, [x, y, size, label], where=where)
    require_numeric(df, x, where=where)
    require_numeric(df, y, where=where)
    require_non_negative(df, size, where=where)
    xs, ys, sizes = (df[c].to_numpy(dtype=float, na_value=np.nan) for c in (x, y, size))
    placeable = np.isfinite(xs) & np.isfinite(ys) & np.isfinite(sizes)
    labels = df[label].astype(str).to_numpy()

    with _themed():
        ax = _new_axes(ax, (10, 6.5))
        largest = sizes[placeable].max() if placeable.any() else 0.0
        areas = sizes[placeable] / largest * max_bubble_area if largest > 0 else 50.0
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
        # Smaller labels when there are many bubbles, so that neighbours overlap less.
        label_size = "small" if placeable.sum() <= 12 else "x-small"
        # One text per bubble: matplotlib draws labels one by one, there is no vectorised call.
        for x_value, y_value, text in zip(
            xs[placeable], ys[placeable], labels[placeable], strict=True
        ):
            ax.annotate(
                text,
                (x_value, y_value),
                xytext=(0, 0),
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize=label_size,
                zorder=4,
                gid="bubble_label",
            )
        _reference_lines(ax, x_reference, y_reference)
        _portfolio_limits(ax, xs[placeable], ys[placeable], x_reference, y_reference)
        _quadrant_labels(ax)
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        if largest > 0:
            _size_legend(ax, bubbles, largest, max_bubble_area, size_label)
        note = source
        if not placeable.all():
            missing = ", ".join(labels[~placeable])
            note = f"{source}\nNot shown (no {x} or {y}): {missing}."
        _title(ax, title, note)
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

    Pass the rows of ONE region (e.g. ``result[result["region"] == "LV008"]``): every label
    must appear once.

    >>> result = pd.DataFrame({"industry": ["C10", "J62"], "national_share": [10.0, 5.0],
    ...                        "industry_mix": [-4.0, 8.0], "regional_shift": [-16.0, 12.0],
    ...                        "total_change": [-10.0, 25.0]})
    >>> ax = shift_share_bars(result)
    >>> len(ax.patches), [t.get_text() for t in ax.get_yticklabels()]
    (6, ['J62', 'C10'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "shift_share_bars"
    columns = [*SHIFT_SHARE_COMPONENTS, "total_change"]
    require_columns(result, [label, *columns], where=where)
    for column in columns:
        require_numeric(result, column, where=where)
    _require_int_at_least(top, 1, name="top", where=where)
    _require_unique(result, [label], where=where, fix="filter the table to one region first")
    # Largest absolute change first; rows with an unknown (NaN) total go last.
    order = np.argsort(-result["total_change"].abs().to_numpy(dtype=float), kind="stable")
    chosen = result.iloc[order[:top]]
    positions = np.arange(len(chosen))
    height = 0.8 / len(SHIFT_SHARE_COMPONENTS)

    with _themed():
        ax = _new_axes(ax, (10, 1.5 + 0.55 * len(chosen)))
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
        ax.set_yticks(positions, chosen[label].astype(str).tolist())
        ax.invert_yaxis()  # largest change at the top
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel if ylabel is not None else _readable(label))
        ax.legend(
            [*bars, totals],
            [*SHIFT_SHARE_COMPONENTS.values(), "Total change"],
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            frameon=False,
        )
        _title(ax, title, source)
    return ax


def _readable(column: str) -> str:
    return column.replace("_", " ").capitalize()


def _require_int_at_least(value, minimum: int, *, name: str, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise CourseInputError(
            f"{where}: {name}={value!r} must be a whole number of at least {minimum}, "
            f"e.g. {name}=10."
        )


def _require_unique(df: pd.DataFrame, keys: list[str], *, where: str, fix: str) -> None:
    """One chart cell or bar per key: repeated keys would be drawn on top of each other."""
    repeated = df.duplicated(subset=keys, keep=False)
    if repeated.any():
        example = ", ".join(str(v) for v in df.loc[repeated, keys].iloc[0].tolist())
        hint = " (the table holds several years: pick one)" if "year" in df.columns else ""
        raise CourseInputError(
            f"{where}: {int(repeated.sum())} rows share the same {' x '.join(keys)} "
            f"(e.g. {example}){hint}. Each must appear once: {fix}."
        )


# --------------------------------------------------------------------------------------
# Region x category grids
# --------------------------------------------------------------------------------------


def _grid(df: pd.DataFrame, region: str, category: str, value: str) -> pd.DataFrame:
    """Regions as rows, categories as columns, in the order they first appear in ``df``."""
    table = df.pivot(index=region, columns=category, values=value)
    return table.reindex(index=pd.unique(df[region]), columns=pd.unique(df[category]))


def _grid_axes(ax, shape: tuple[int, int], *, side: float):
    """Axes for a grid; ``side`` inches to the right hold the colour bar or legend."""
    rows, columns = shape
    return _new_axes(ax, (side + 3.0 + 0.9 * columns, max(3.5, 2.0 + 0.42 * rows)))


def _finish_grid(ax, xlabel: str, ylabel: str) -> None:
    ax.grid(False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="both", length=0)
    plt.setp(ax.get_xticklabels(), rotation=40, ha="right", rotation_mode="anchor")
    plt.setp(ax.get_yticklabels(), rotation=0)


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
):
    """Heatmap of location quotients, regions x categories, centred at LQ = 1.

    Colours are on a log2 scale, so that LQ = 2 (twice as specialised as the reference area)
    and LQ = 0.5 (half) are equally far from the neutral white of LQ = 1; the map is
    ColorBrewer's red-blue diverging scheme (colour-blind safe; Harrower & Brewer 2003).
    Colours saturate at ``max_lq`` and ``1 / max_lq`` (4 and 0.25), so that one extreme
    region does not wash out all the others and charts stay comparable; the cells show
    the LQ itself, however large. Missing combinations stay blank. Use one row per region x
    category (one year).

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
    _require_unique(df, [region, category], where=where, fix="filter the table to one year")
    table = _grid(df, region, category, value)
    values = table.to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(divide="ignore"):
        logs = np.log2(values)  # LQ = 0 gives -inf: clipped to the darkest blue below
    if not max_lq > 1:
        raise CourseInputError(f"{where}: max_lq={max_lq!r} must be above 1, e.g. max_lq=4.")
    limit = float(np.log2(max_lq))
    logs = np.clip(logs, -limit, limit)  # NaN stays NaN and is left blank

    with _themed():
        ax = _grid_axes(ax, values.shape, side=1.5)
        sns.heatmap(
            pd.DataFrame(logs, index=table.index, columns=table.columns),
            ax=ax,
            cmap=cmap,
            vmin=-limit,
            vmax=limit,
            annot=values if annotate else False,
            fmt=fmt,
            annot_kws={"fontsize": "x-small"},
            linewidths=0.5,
            linecolor="white",
            xticklabels=True,
            yticklabels=True,
            cbar_kws={"label": colorbar_label, "extend": "both"},
        )
        _lq_colorbar_ticks(ax.collections[0].colorbar, limit)
        _finish_grid(ax, xlabel, ylabel)
        _title(ax, title, source)
    return ax


def _lq_colorbar_ticks(colorbar, limit: float) -> None:
    """Ticks at LQ = ..., 0.25, 0.5, 1, 2, 4, ... (powers of two: the colours are log2)."""
    powers = np.arange(-np.floor(limit), np.floor(limit) + 1)
    colorbar.set_ticks(powers, labels=[f"{2.0**p:g}" for p in powers])


STAR_COLOURS = ["#f2f2f2", *sns.color_palette("YlGnBu", 3).as_hex()]

STAR_CRITERIA = (
    "One star each (ECO 2007-2011 method):\n"
    "size: top 10 % of regions by employment\n"
    "specialisation: LQ ≥ 2\n"
    "focus: top 10 % share of regional employment"
)


def star_marks(stars: int) -> str:
    """Filled and empty stars for a count 0-3, e.g. ``star_marks(2) == "★★☆"``.

    >>> [star_marks(n) for n in range(4)]
    ['☆☆☆', '★☆☆', '★★☆', '★★★']
    """
    return "★" * stars + "☆" * (3 - stars)


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
    criteria: str = STAR_CRITERIA,
    source: str = DEFAULT_SOURCE,
):
    """The star map as a tile grid: regions x categories, coloured and marked by 0-3 stars.

    Draws the output of ``economics.star_rating`` (after adding region and category names):
    each cell shows "★★☆"-style marks and a colour from light (no star) to dark blue (three
    stars); the legend explains the three criteria of the European Cluster Observatory
    2007-2011 method. If you changed the thresholds, pass your own ``criteria`` text.
    Missing combinations stay blank. Use one row per region x category (one year).

    >>> table = pd.DataFrame({"region_name": ["Vidzeme", "Vidzeme", "Rīga", "Rīga"],
    ...                       "category_name": ["Food", "IT"] * 2, "stars": [3, 0, 1, 2]})
    >>> ax = star_grid(table)
    >>> [t.get_text() for t in ax.texts if t.get_gid() != "source"]
    ['★★★', '☆☆☆', '★☆☆', '★★☆']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "star_grid"
    require_columns(df, [region, category, stars], where=where)
    require_numeric(df, stars, where=where)
    _require_star_counts(df, stars, where=where)
    _require_unique(df, [region, category], where=where, fix="filter the table to one year")
    table = _grid(df, region, category, stars)
    counts = table.to_numpy(dtype=float, na_value=np.nan)
    # Look the marks up by star count; position 4 holds the blank for a missing cell.
    lookup = np.array([star_marks(n) for n in range(4)] + [""])
    marks = lookup[np.where(np.isnan(counts), 4, counts).astype(int)]

    with _themed():
        ax = _grid_axes(ax, counts.shape, side=4.5)
        sns.heatmap(
            table.astype(float),
            ax=ax,
            cmap=ListedColormap(STAR_COLOURS),
            vmin=-0.5,
            vmax=3.5,
            annot=marks,
            fmt="",
            annot_kws={"fontsize": "small"},
            linewidths=1.0,
            linecolor="white",
            cbar=False,
            xticklabels=True,
            yticklabels=True,
        )
        legend = [
            Patch(facecolor=colour, edgecolor="0.7", label=f"{star_marks(n)}  {n} star(s)")
            for n, colour in enumerate(STAR_COLOURS)
        ]
        ax.legend(
            handles=legend,
            title=criteria,
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            frameon=False,
            alignment="left",
            fontsize="small",
            title_fontsize="small",
        )
        _finish_grid(ax, xlabel, ylabel)
        _title(ax, title, source)
    return ax


def _require_star_counts(df: pd.DataFrame, column: str, *, where: str) -> None:
    values = df[column].to_numpy(dtype=float, na_value=np.nan)
    known = values[~np.isnan(values)]
    wrong = known[~np.isin(known, [0, 1, 2, 3])]
    if wrong.size:
        raise CourseInputError(
            f"{where}: column {column!r} must hold star counts 0, 1, 2 or 3, but holds "
            f"{wrong[0]:g}. Draw the 'stars' column of economics.star_rating(...)."
        )
