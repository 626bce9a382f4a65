"""Charts for module 3, value chain analysis: linkage quadrants, supplier and buyer bars, the
value-chain map and GVC participation.

Each takes the output of a ``course.valuechain`` function and returns the Axes it drew on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.layout_engine import ConstrainedLayoutEngine

from course._guards import renamed_keywords
from course.checks import (
    CourseInputError,
    require_columns,
    require_int_at_least,
    require_numeric,
    require_rows,
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

__all__ = ["linkage_chart", "link_bars", "value_chain_chart", "participation_bars"]

LINKAGE_QUADRANTS = {
    # linkage type: quadrant name, position in axes fraction, alignment, palette colour
    "key": ("Key sectors", (0.98, 0.98), "right", "top", 0),
    "forward": ("Forward-oriented", (0.02, 0.98), "left", "top", 2),
    "backward": ("Backward-oriented", (0.98, 0.02), "right", "bottom", 1),
    "weak": ("Weakly linked", (0.02, 0.02), "left", "bottom", 7),
}


def _names(table: pd.DataFrame, label: str, names) -> list[str]:
    """The row names: ``names`` (a column, or a mapping code -> name) or the codes."""
    codes = table[label].astype(str)
    if names is None:
        return codes.tolist()
    if isinstance(names, str):
        require_columns(table, [names], where="chart")
        return table[names].astype(str).tolist()
    mapped = codes.map(dict(names) if not isinstance(names, pd.Series) else names.to_dict())
    return mapped.fillna(codes).astype(str).tolist()


def linkage_chart(
    result: pd.DataFrame,
    *,
    label: str = "industry",
    names=None,
    ax=None,
    title: str = "Key sectors: backward and forward linkages",
    xlabel: str = "Backward linkage (index; 1 = average sector)",
    ylabel: str = "Forward linkage (index; 1 = average sector)",
    source: str = DEFAULT_SOURCE,
):
    """Quadrant chart of the Rasmussen-Hirschman indices of ``valuechain.linkages``.

    One point per sector: ``backward`` (x) against ``forward`` (y), coloured by ``type``;
    dashed lines at 1 (the average sector) divide the chart into key sectors (top right),
    forward-oriented (top left), backward-oriented (bottom right) and weakly linked sectors
    (bottom left). Points are named by ``names`` (a column of the table, or a mapping from the
    ``label`` codes to names, e.g. ``io.names`` of ``valuechain.io_accounts``) or their codes.

    >>> table = pd.DataFrame({"industry": ["food", "energy", "retail"],
    ...                       "backward": [1.3, 1.1, 0.8], "forward": [0.8, 1.4, 0.6],
    ...                       "type": ["backward", "key", "weak"]})
    >>> ax = linkage_chart(table)
    >>> sorted(t.get_text() for t in ax.texts if t.get_gid() == "bubble_label")
    ['energy', 'food', 'retail']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "linkage_chart"
    require_columns(result, [label, "backward", "forward", "type"], where=where)
    require_rows(result, where=where)
    for column in ("backward", "forward"):
        require_numeric(result, column, where=where)
    xs, ys = (result[c].to_numpy(dtype=float) for c in ("backward", "forward"))
    labels = np.array(_names(result, label, names), dtype=object)
    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 7.0))
        palette = course_palette()
        for kind, (name, position, ha, va, colour) in LINKAGE_QUADRANTS.items():
            chosen = (result["type"] == kind).to_numpy()
            ax.scatter(xs[chosen], ys[chosen], s=90, color=palette[colour], label=name,
                       edgecolor="white", zorder=3)  # fmt: skip
            ax.text(*position, name, transform=ax.transAxes, ha=ha, va=va, fontsize="small",
                    fontstyle="italic", color=QUIET, gid="quadrant")  # fmt: skip
        style = {"color": QUIET, "linestyle": "--", "linewidth": 1.2, "zorder": 2}
        ax.axvline(1.0, **style)
        ax.axhline(1.0, **style)
        for values, setter in ((xs, ax.set_xlim), (ys, ax.set_ylim)):
            low, high = min(values.min(), 1.0), max(values.max(), 1.0)
            pad = 0.2 * (high - low) + 0.05
            setter(low - pad, high + pad)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        add_title(ax, title, source)
        place_labels(ax, xs, ys, np.full(len(xs), 90.0), labels, np.arange(len(xs)))
    return ax


_LINK_PARTS = {
    # kind of table: (direct column, indirect column, direct name, indirect name, default title)
    "suppliers": ("input_coefficient", "indirect_requirement", "Direct (bought by the industry)",
                  "Indirect (bought by its suppliers)", "Main suppliers"),
    "buyers": ("allocation_coefficient", "indirect_allocation", "Direct (share of output sold)",
               "Indirect (through the buyers' sales)", "Main buyers"),
}  # fmt: skip


@renamed_keywords(top="n")
def link_bars(
    table: pd.DataFrame,
    *,
    label: str = "industry",
    names=None,
    n: int = 8,
    target: str | None = None,
    ax=None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str = "Industry",
    source: str = DEFAULT_SOURCE,
):
    """Stacked bars of a target industry's main suppliers (or buyers): direct + indirect.

    Takes the output of ``valuechain.suppliers`` or ``valuechain.buyers`` (it tells which by
    the columns) and draws, for the ``n`` rows (largest direct flow first), the direct
    coefficient (``input_coefficient`` or ``allocation_coefficient``) and the indirect part
    beside it; together they are the total (``total_requirement`` or ``total_allocation``).
    ``target`` (its name) goes into the title and the axis label.

    >>> table = pd.DataFrame({"industry": ["agriculture", "paper_packaging"],
    ...                       "input_coefficient": [0.30, 0.04],
    ...                       "indirect_requirement": [0.07, 0.01]})
    >>> ax = link_bars(table, target="Food products")
    >>> len(ax.patches), ax.get_title()
    (4, 'Main suppliers of Food products')
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "link_bars"
    kind = "suppliers" if "input_coefficient" in table.columns else "buyers"
    direct, indirect, direct_name, indirect_name, heading = _LINK_PARTS[kind]
    require_columns(table, [label, direct, indirect], where=where)
    require_rows(table, where=where)
    require_int_at_least(n, 1, name="n", where=where)
    require_unique_rows(table, [label], where=where, fix="Pass the table of one target industry")
    for column in (direct, indirect):
        require_numeric(table, column, where=where)
    shown = table.head(n)
    rows = [shorten(name, 30) for name in _names(shown, label, names)]
    positions = np.arange(len(shown))
    of = f" of {target}" if target else ""
    if xlabel is None:
        xlabel = (
            "Supplier's output needed per EUR of final demand (EUR)"
            if kind == "suppliers"
            else "Share of the output sold to the buyer (EUR per EUR)"
        )
    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 2.2 + 0.5 * len(shown)))
        palette = course_palette()
        first = ax.barh(positions, shown[direct], color=palette[0], label=direct_name)
        ax.barh(positions, shown[indirect], left=shown[direct], color=palette[0], alpha=0.4,
                label=indirect_name)  # fmt: skip
        ax.bar_label(first, fmt="%.3f", label_type="center", fontsize="x-small", color="white")
        ax.set_yticks(positions, rows, fontsize="small")
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        _legend_below(ax)
        add_title(ax, title or f"{heading}{of}", source)
    return ax


def value_chain_chart(
    chain: pd.DataFrame,
    *,
    ax=None,
    title: str = "Value-chain map: members on each stage, gaps in red",
    xlabel: str = "Value system, upstream to downstream (stages; course convention)",
    ylabel: str = "Chain (below) and support (above)",
    source: str = DEFAULT_SOURCE,
):
    """The value-chain map of one cluster (``valuechain.value_chain_map``) as a graph.

    The chain stages run from left (inputs) to right (the buyer), arrows showing the flow of
    goods; the support stages sit above the firms they serve. A circle's area is proportional
    to the stage's number of members; a gap (a chain stage without a member) is an empty,
    dashed red circle. The graph is ``valuechain.value_chain_graph``, drawn with networkx.

    >>> from course import data, valuechain
    >>> members = data.load("cluster_members")
    >>> ax = value_chain_chart(valuechain.value_chain_map(members[members["cluster"] == "lv_food"]))
    >>> sorted(t.get_text() for t in ax.texts if t.get_gid() == "gap")
    ['GAP', 'GAP']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    import networkx as nx

    from course.valuechain import value_chain_graph

    graph = value_chain_graph(chain)
    flow = [s for s, d in graph.nodes(data=True) if d["kind"] == "chain"]
    support = [s for s, d in graph.nodes(data=True) if d["kind"] == "support"]
    position = {stage: (float(k), 0.0) for k, stage in enumerate(flow)}
    served = [position[s][0] for s in flow if graph.nodes[s]["value_system"] == "firms"] or [0.0]
    centre, spread = float(np.mean(served)), max(1.2, len(flow) / max(len(support), 1) * 0.9)
    for k, stage in enumerate(support):
        position[stage] = (centre + (k - (len(support) - 1) / 2) * spread, 1.0)
    counts = np.array([graph.nodes[s]["members"] for s in graph], dtype=float)
    largest = counts.max() if counts.max() > 0 else 1.0
    # a gap gets a circle large enough for its "GAP" mark
    sizes = {s: 1100.0 if graph.nodes[s]["gap"] else 500 + 2100 * graph.nodes[s]["members"] / largest
             for s in graph}  # fmt: skip

    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 6.0))
        palette = course_palette()
        colours = {"suppliers": palette[1], "firms": palette[0], "channels": palette[2],
                   "support": palette[4]}  # fmt: skip
        for style, kind in (("solid", "flow"), ("dashed", "support")):
            edges = [(a, b) for a, b, d in graph.edges(data=True) if d["kind"] == kind]
            nx.draw_networkx_edges(graph, position, edgelist=edges, ax=ax, style=style,
                                   edge_color=QUIET, arrows=True, arrowsize=14,
                                   node_size=[sizes[s] for s in graph], width=1.2)  # fmt: skip
        for stage, attributes in graph.nodes(data=True):
            x, y = position[stage]
            gap = bool(attributes["gap"])
            colour = colours.get(attributes["value_system"], palette[7])
            ax.scatter([x], [y], s=sizes[stage], zorder=3,
                       color="white" if gap else colour, alpha=1.0 if gap else 0.85,
                       edgecolor=palette[3] if gap else "white",
                       linestyle="--" if gap else "-", linewidth=2.0 if gap else 1.0)  # fmt: skip
            count = int(attributes["members"])
            name = shorten(str(attributes.get("stage_name", stage)), 16)
            ax.text(x, y - 0.28 if y == 0 else y + 0.28, f"{name}\n{count} member{'s' * (count != 1)}",
                    ha="center", va="top" if y == 0 else "bottom", fontsize="x-small")  # fmt: skip
            if gap:
                ax.text(x, y, "GAP", ha="center", va="center", fontsize="x-small",
                        fontweight="bold", color=palette[3], gid="gap")  # fmt: skip
        ax.set_xlim(min(p[0] for p in position.values()) - 0.8,
                    max(p[0] for p in position.values()) + 0.8)  # fmt: skip
        ax.set_ylim(-1.1, 1.8)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        handles = [ax.scatter([], [], s=80, color=c, label=part.capitalize())
                   for part, c in colours.items()]  # fmt: skip
        ax.legend(handles=handles, loc="upper left", frameon=False, fontsize="x-small", ncols=4)
        add_title(ax, title, source)
    return ax


def participation_bars(
    table: pd.DataFrame,
    *,
    region: str = "region",
    ax=None,
    title: str = "Global value chain participation",
    xlabel: str = "Share of gross exports (%)",
    ylabel: str = "Region",
    source: str = "Source: fictional multi-region table (course data); course library.",
):
    """Stacked bars of backward and forward GVC participation (``valuechain.gvc_participation``).

    Backward: foreign value added in the region's exports; forward: its value added in other
    regions' exports; both as a share of its gross exports, shown in %.

    >>> table = pd.DataFrame({"region": ["LV", "SE"], "backward": [0.28, 0.25],
    ...                       "forward": [0.07, 0.01]})
    >>> ax = participation_bars(table)
    >>> len(ax.patches)
    4
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "participation_bars"
    require_columns(table, [region, "backward", "forward"], where=where)
    require_rows(table, where=where)
    for column in ("backward", "forward"):
        require_numeric(table, column, where=where)
    if (table[["backward", "forward"]] < 0).any().any():
        raise CourseInputError(f"{where}: participation shares cannot be negative.")
    positions = np.arange(len(table))
    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 2.4 + 0.5 * len(table)))
        palette = course_palette()
        backward = table["backward"] * 100
        ax.barh(positions, backward, color=palette[0], label="Backward (foreign value added)")
        ax.barh(positions, table["forward"] * 100, left=backward, color=palette[1],
                label="Forward (value added in partners' exports)")  # fmt: skip
        ax.set_yticks(positions, table[region].astype(str), fontsize="small")
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        _legend_below(ax)
        add_title(ax, title, source)
    return ax


def _legend_below(ax) -> None:
    """The legend in one row under the chart (over the chart if the Axes is the learner's)."""
    if isinstance(ax.figure.get_layout_engine(), ConstrainedLayoutEngine):
        ax.figure.legend(loc="outside lower center", ncols=2, frameon=False, fontsize="small")
    else:
        ax.legend(loc="lower right", frameon=False, fontsize="small")
