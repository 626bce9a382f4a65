"""Charts for module 4, benchmarking and internationalisation.

Area radar against the peers, percentile strip per indicator, KPI traffic lights, before/after
between two rounds and export destinations. Each takes the output of a
``course.benchmarking`` function and returns the Axes it drew on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import PercentFormatter

from course import columns
from course._guards import renamed_keywords
from course.checks import (
    CourseInputError,
    require_columns,
    require_int_at_least,
    require_present,
    require_rows,
)
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

SCORE_LABEL = "Area score: mean percentile among the peers (0-100, 100 = best)"


def _one(df: pd.DataFrame, column: str, wanted: str, *, where: str) -> pd.DataFrame:
    require_present(df[column], [wanted], what=column, where=where)
    return df[df[column] == wanted]


def _names(codes: pd.Series) -> list[str]:
    """Indicator or area names from the course catalogue; the code where it has none."""
    from course.benchmarking import AREAS, indicator_catalogue

    catalogue = indicator_catalogue()
    names = {**AREAS, **dict(zip(catalogue["indicator"], catalogue["name"], strict=True))}
    return [names.get(str(code), str(code)) for code in codes]


# --------------------------------------------------------------------------------------
# Radar of area scores
# --------------------------------------------------------------------------------------


def area_radar(
    scores: pd.DataFrame,
    organisation_id: str,
    *,
    organisation: str = "organisation",
    ax=None,
    title: str | None = None,
    source: str = DEFAULT_SOURCE,
):
    """Radar of one organisation's six area scores against the peer median and top quartile.

    ``scores`` is the output of ``benchmarking.area_scores`` (one round). One spoke per area,
    0 at the centre and 100 (best) at the rim; the organisation's scores are the filled shape,
    the peer group's median (dashed) and top quartile (dotted) the reference lines. A Cartesian
    ``ax`` (e.g. from a widget) is replaced by a polar one in the same place.

    >>> from course import benchmarking, data
    >>> bench = data.load("benchmarking")
    >>> ax = area_radar(benchmarking.area_scores(bench[bench["year"] == 2023]), "lv_it")
    >>> [line.get_label() for line in ax.get_lines()]
    ['lv_it', 'Peer median', 'Peer top quartile']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "area_radar"
    columns = ["area", "area_score", "area_score_peer_median", "area_score_top_quartile"]
    require_columns(scores, [organisation, *columns], where=where)
    own = _one(scores, organisation, organisation_id, where=where)
    if own["area"].duplicated().any():
        raise CourseInputError(
            f"{where}: {organisation_id!r} has several rows per area (several rounds or peer "
            "groups?): keep one round first, e.g. scores[scores['year'] == 2023]."
        )
    angles = np.linspace(0, 2 * np.pi, len(own), endpoint=False)
    closed = np.append(angles, angles[0])
    with themed():
        ax = _polar(ax)
        styles = [
            ("area_score", organisation_id, "-", course_palette()[0], 2.5),
            ("area_score_peer_median", "Peer median", "--", course_palette()[1], 2.0),
            ("area_score_top_quartile", "Peer top quartile", ":", course_palette()[2], 2.0),
        ]
        for column, label, style, colour, width in styles:
            values = own[column].to_numpy(dtype=float)
            ax.plot(closed, np.append(values, values[0]), style, color=colour, lw=width,
                    label=label)  # fmt: skip
        ax.fill(closed, np.append(own["area_score"], own["area_score"].iloc[0]),
                color=course_palette()[0], alpha=0.2)  # fmt: skip
        ax.set_xticks(angles, [shorten(n, 18) for n in _names(own["area"])], fontsize="small")
        ax.set_ylim(0, 100)
        ax.set_yticks([25, 50, 75, 100], ["25", "50", "75", "100"], fontsize="x-small")
        ax.set_xlabel(SCORE_LABEL, labelpad=12)
        ax.set_rlabel_position(30)  # the 0-100 scale, between two spokes
        ax.legend(loc="upper left", bbox_to_anchor=(1.1, 1.0), frameon=False, fontsize="small")
        add_title(ax, title or f"{organisation_id}: area scores against the peers", source)
    return ax


def _polar(ax):
    """A polar Axes: a new figure, the given polar Axes, or one in a Cartesian Axes' place."""
    if ax is None:
        import matplotlib.pyplot as plt

        return plt.figure(figsize=(MAX_WIDTH, 7), layout="constrained").add_subplot(
            projection="polar"
        )
    if ax.name == "polar":
        return ax
    figure, place = ax.figure, ax.get_subplotspec()
    ax.remove()
    return figure.add_subplot(place, projection="polar")


# --------------------------------------------------------------------------------------
# Percentile strip per indicator
# --------------------------------------------------------------------------------------


def percentile_strip(
    ranks: pd.DataFrame,
    organisation_id: str,
    *,
    organisation: str = "organisation",
    indicator: str = "indicator",
    ax=None,
    title: str | None = None,
    source: str = DEFAULT_SOURCE,
):
    """One row per indicator: where the organisation stands among its peers (0-100).

    ``ranks`` is the output of ``benchmarking.percentile_ranks`` (one round). The peers'
    percentiles are the small grey dots (how many answered shows in how dense a row is), the
    organisation is the large dot; lines at 25, 50 (median) and 75 (top quartile). A missing
    answer has no dot and is named in the note.

    >>> from course import benchmarking, data
    >>> bench = data.load("benchmarking")
    >>> ax = percentile_strip(benchmarking.percentile_ranks(bench[bench["year"] == 2023]),
    ...                       "lv_food")
    >>> len(ax.get_yticks())
    36
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "percentile_strip"
    require_columns(ranks, [organisation, indicator, columns.PERCENTILE], where=where)
    own = _one(ranks, organisation, organisation_id, where=where)
    if own[indicator].duplicated().any():
        raise CourseInputError(
            f"{where}: {organisation_id!r} has several rows per indicator: keep one round "
            "first, e.g. ranks[ranks['year'] == 2023]."
        )
    order = {code: k for k, code in enumerate(own[indicator])}
    others = ranks[ranks[organisation] != organisation_id]
    others = others[others[indicator].isin(list(order))]
    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 1.6 + 0.27 * len(own)))
        ax.scatter(others[columns.PERCENTILE], others[indicator].map(order), s=12, color=QUIET,
                   alpha=0.35, linewidth=0, label="Peers")  # fmt: skip
        ax.scatter(own[columns.PERCENTILE], np.arange(len(own)), s=70, color=course_palette()[0],
                   zorder=3, label=organisation_id)  # fmt: skip
        for cut in (25, 50, 75):
            ax.axvline(cut, color=QUIET, lw=1.0, ls="--" if cut == 50 else ":", zorder=1)
        ax.set_yticks(np.arange(len(own)), [shorten(n, 34, 1) for n in _names(own[indicator])],
                      fontsize="x-small")  # fmt: skip
        ax.set_ylim(len(own) - 0.5, -0.5)
        ax.set_xlim(-3, 103)
        ax.set_xlabel("Percentile among the peers (0-100, 100 = best; lines: 25, 50, 75)")
        ax.set_ylabel("Indicator")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize="small")
        missing = own.loc[own[columns.PERCENTILE].isna(), indicator].astype(str).tolist()
        note = source + (
            f"\nNo percentile (not answered): {', '.join(missing)}." if missing else ""
        )
        add_title(ax, title or f"{organisation_id}: percentile per indicator", note)
    return ax


# --------------------------------------------------------------------------------------
# KPI traffic lights
# --------------------------------------------------------------------------------------

# status: (colour index in the colour-blind palette, symbol); the symbol carries the meaning
# for readers who cannot tell the colours apart.
_LIGHTS = {"met": (2, "✓"), "on track": (8, "→"), "behind": (3, "✗"), "no data": (7, "–")}


def kpi_lights(
    kpis: pd.DataFrame,
    *,
    indicator: str = "indicator",
    ax=None,
    title: str = "KPIs against their targets",
    source: str = DEFAULT_SOURCE,
):
    """A traffic-light table of KPIs: baseline, target, actual, progress and status.

    ``kpis`` is the output of ``benchmarking.kpi_status`` or ``benchmarking.kpi_table``. Each
    status cell is coloured and marked (✓ met, → on track, ✗ behind, – no data), so that the
    table reads without colour too.

    >>> kpis = pd.DataFrame({"indicator": ["member_satisfaction", "response_days"],
    ...     "baseline": [3.6, 6.0], "target": [4.2, 3.0], "actual": [4.3, 5.5],
    ...     "progress": [1.17, 0.17], "status": ["met", "behind"]})
    >>> ax = kpi_lights(kpis)
    >>> sorted(t.get_text() for t in ax.texts if t.get_gid() == "status")
    ['✓ met', '✗ behind']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "kpi_lights"
    columns = ["baseline", "target", "actual", "progress", "status"]
    require_columns(kpis, [indicator, *columns], where=where)
    require_rows(kpis, where=where)
    unknown = set(kpis["status"].dropna()) - set(_LIGHTS)
    if unknown:
        raise CourseInputError(
            f"{where}: status must be one of {', '.join(map(repr, _LIGHTS))}, got "
            f"{sorted(map(str, unknown))}: make the table with benchmarking.kpi_status."
        )
    names = kpis["name"].astype(str).tolist() if "name" in kpis else _names(kpis[indicator])
    units = kpis["unit"].astype(str).tolist() if "unit" in kpis else [""] * len(kpis)
    headers = ["Baseline", "Target", "Actual", "Progress", "Status"]
    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 1.8 + 0.45 * len(kpis)))
        for row, (_, kpi) in enumerate(kpis.iterrows()):  # one text per cell: a drawing loop
            for col, column in enumerate(columns[:3]):
                ax.text(col, row, _number(kpi[column], units[row]), ha="center", va="center",
                        fontsize="small")  # fmt: skip
            progress = kpi["progress"]
            ax.text(3, row, "n/a" if pd.isna(progress) else f"{progress:.0%}", ha="center",
                    va="center", fontsize="small")  # fmt: skip
            status = kpi["status"] if isinstance(kpi["status"], str) else "no data"
            colour, symbol = _LIGHTS[status]
            ax.add_patch(Rectangle((3.55, row - 0.4), 0.9, 0.8, color=course_palette()[colour],
                                   alpha=0.8))  # fmt: skip
            ax.text(4, row, f"{symbol} {status}", ha="center", va="center", fontsize="small",
                    color="white" if status in ("met", "behind") else "black", weight="bold",
                    gid="status")  # fmt: skip
        ax.set_xlim(-0.5, 4.5)
        ax.set_ylim(len(kpis) - 0.5, -0.5)
        ax.set_xticks(range(5), headers)
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(kpis)), [shorten(n, 30, 1) for n in names], fontsize="small")
        ax.grid(False)
        ax.set_xlabel("Values in each KPI's unit\nProgress: share of the planned change achieved")
        ax.set_ylabel("KPI")
        add_title(ax, title, source)
    return ax


def _number(value, unit: str) -> str:
    if pd.isna(value):
        return "n/a"
    text = f"{value:,.1f}".removesuffix(".0")
    return f"{text} %" if unit == "%" else text


# --------------------------------------------------------------------------------------
# Before and after: area scores in two rounds
# --------------------------------------------------------------------------------------


def before_after(
    change: pd.DataFrame,
    organisation_id: str,
    *,
    organisation: str = "organisation",
    ax=None,
    title: str | None = None,
    source: str = DEFAULT_SOURCE,
):
    """Each area's score in the first and the second round, joined by an arrow.

    ``change`` is the output of ``benchmarking.area_improvement``. Grey dot = first round,
    coloured dot = second round; an upward move (to the right) is an improvement among the
    peers, coloured differently from a fall.

    >>> from course import benchmarking, data
    >>> ax = before_after(benchmarking.area_improvement(data.load("benchmarking")), "lv_food")
    >>> len([t for t in ax.texts if t.get_gid() == "arrow"])  # one arrow per area
    6
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "before_after"
    columns = ["area", "area_score_start", "area_score_end"]
    require_columns(change, [organisation, *columns], where=where)
    own = _one(change, organisation, organisation_id, where=where)
    start, end = own["area_score_start"].to_numpy(float), own["area_score_end"].to_numpy(float)
    up, down = course_palette()[2], course_palette()[3]
    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 1.8 + 0.55 * len(own)))
        rows = np.arange(len(own))
        ax.scatter(start, rows, s=60, color=QUIET, zorder=3, label="First round")
        colours = [up if b >= a else down for a, b in zip(start, end, strict=True)]
        ax.scatter(end, rows, s=80, color=colours, zorder=4, label="Second round")
        for row, a, b in zip(rows, start, end, strict=True):
            if np.isfinite(a) and np.isfinite(b):
                ax.annotate("", (b, row), (a, row), gid="arrow", arrowprops={
                    "arrowstyle": "-|>", "color": up if b >= a else down, "lw": 1.5})  # fmt: skip
        ax.set_yticks(rows, [shorten(n, 30, 1) for n in _names(own["area"])], fontsize="small")
        ax.set_ylim(len(own) - 0.5, -0.5)
        ax.set_xlim(0, 100)
        ax.set_xlabel(SCORE_LABEL)
        ax.set_ylabel("Area")
        ax.legend(handles=[
            Line2D([], [], marker="o", ls="", color=QUIET, label="First round"),
            Line2D([], [], marker="o", ls="", color=up, label="Second round: up"),
            Line2D([], [], marker="o", ls="", color=down, label="Second round: down"),
        ], loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize="small")  # fmt: skip
        add_title(ax, title or f"{organisation_id}: area scores, first and second round", source)
    return ax


# --------------------------------------------------------------------------------------
# Export destinations
# --------------------------------------------------------------------------------------


@renamed_keywords(top="n")
def destination_bars(
    destinations: pd.DataFrame,
    *,
    n: int = 10,
    ax=None,
    title: str = "Where the members export to",
    source: str = DEFAULT_SOURCE,
):
    """Horizontal bars of the largest export destinations' shares of one group's exports.

    ``destinations`` is the output of ``benchmarking.export_destinations`` for one cluster
    (filter it first). The ``n`` largest partners are drawn; the note says what share the
    others take together.

    >>> destinations = pd.DataFrame({"partner": ["DE", "SE", "FI"],
    ...     "destination_share": [0.5, 0.3, 0.2], "destination_rank": [1, 2, 3]})
    >>> ax = destination_bars(destinations, n=2)
    >>> [round(float(p.get_width()), 2) for p in ax.patches]
    [0.5, 0.3]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "destination_bars"
    require_columns(destinations, ["partner", "destination_share", "destination_rank"],
                    where=where)  # fmt: skip
    require_rows(destinations, where=where)
    require_int_at_least(n, 1, name="n", where=where)
    if destinations["partner"].duplicated().any():
        raise CourseInputError(
            f"{where}: a partner appears more than once (several clusters or years?): keep "
            "one first, e.g. destinations[destinations['cluster'] == 'lv_food']."
        )
    shown = destinations.sort_values("destination_rank").head(n)
    labels = shown["partner"].astype(str)
    if "partner_name" in shown:
        labels = shown["partner_name"].astype(str) + " (" + labels + ")"
    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 1.8 + 0.4 * len(shown)))
        ax.barh(np.arange(len(shown)), shown["destination_share"], color=course_palette()[0])
        ax.set_yticks(np.arange(len(shown)), labels.tolist(), fontsize="small")
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.set_xlabel("Share of the members' exports (%)")
        ax.set_ylabel("Partner country")
        rest = 1 - shown["destination_share"].sum()
        note = source
        if len(destinations) > len(shown):
            note += f"\n{len(destinations) - len(shown)} other partners: {rest:.0%} together."
        add_title(ax, title, note)
    return ax
