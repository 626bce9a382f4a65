"""Charts for module 2, industry analysis and segmentation: member composition bars, the
segment profile heatmap, silhouette by k, a segment scatter and the five-forces radar.

Each takes the output of a ``course.segmentation`` function and returns the Axes it drew on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from course.checks import CourseInputError, require_columns, require_numeric, require_unique_rows
from course.plots._grids import CELL_TEXT, TICKS
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
from course.segmentation import (
    FORCES,
    SIZE_FEATURES,  # drawn on log axes, as segmented
)

_UNITS = {
    "employees": "annual work units",
    "turnover_eur": "EUR",
    "balance_sheet_eur": "EUR",
    "export_share": "share of turnover",
    "year_joined": "year",
}


def _feature_label(feature: str) -> str:
    """ "Turnover (EUR)" for ``turnover_eur``: the feature's name with its unit."""
    name = feature.removesuffix("_eur").replace("_", " ").capitalize()
    unit = _UNITS.get(feature)
    return f"{name} ({unit})" if unit else name


def _compact(value: float, feature: str) -> str:
    """A typical value as a cell shows it: 1.6 m, 45 k, 8, 62 %, 2019."""
    if not np.isfinite(value):
        return ""
    if feature == "export_share":
        return f"{value:.0%}"
    if feature == "year_joined":
        return f"{value:.0f}"
    for size, suffix in ((1e9, " bn"), (1e6, " m"), (1e4, " k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


# --------------------------------------------------------------------------------------
# Member composition
# --------------------------------------------------------------------------------------


def composition_bars(
    composition: pd.DataFrame,
    of: str,
    *,
    by: str | None = "cluster",
    value: str = "member_share",
    ax=None,
    title: str | None = None,
    xlabel: str = "Share of members (%)",
    ylabel: str | None = None,
    source: str = DEFAULT_SOURCE,
):
    """Stacked 100 % bars of ``segmentation.member_composition``: one bar per ``by`` group
    (cluster), one colour per category of ``of`` (member type, size class, ...), the share
    written in each part wide enough to hold it. ``by=None``: one bar per category.

    >>> table = pd.DataFrame({"cluster": ["a", "a", "b", "b"],
    ...                       "member_type": ["company", "research"] * 2,
    ...                       "member_share": [0.75, 0.25, 0.5, 0.5]})
    >>> ax = composition_bars(table, "member_type")
    >>> len(ax.patches), [t.get_text() for t in ax.texts if t.get_gid() == "share"]
    (4, ['75 %', '50 %', '25 %', '50 %'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "composition_bars"
    require_columns(composition, [of, value, *([by] if by else [])], where=where)
    require_numeric(composition, value, where=where)
    require_unique_rows(composition, [*([by] if by else []), of], where=where,
                        fix="Pass the output of segmentation.member_composition(...)")  # fmt: skip
    title = title or f"Members by {of.replace('_', ' ')}"
    categories = list(pd.unique(composition[of]))
    if isinstance(composition[of].dtype, pd.CategoricalDtype):
        categories = [c for c in composition[of].cat.categories if c in set(categories)]
    if len(categories) > 10:
        raise CourseInputError(
            f"{where}: {len(categories)} categories of {of!r} are too many to tell apart by "
            "colour (at most 10): group the small ones first."
        )
    groups = list(pd.unique(composition[by])) if by else ["All members"]
    table = (
        composition.pivot(index=by, columns=of, values=value) if by
        else composition.set_index(of)[[value]].T.set_axis(groups)
    ).reindex(index=groups, columns=categories).fillna(0.0)  # fmt: skip

    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 2.6 + 0.55 * len(groups)))
        left = np.zeros(len(groups))
        positions = np.arange(len(groups))
        for colour, category in zip(course_palette(), categories, strict=False):
            widths = table[category].to_numpy(dtype=float)
            ax.barh(positions, widths, left=left, color=colour, label=str(category),
                    edgecolor="white", height=0.7)  # fmt: skip
            for y, (start, width) in enumerate(zip(left, widths, strict=True)):
                if width >= 0.07:
                    ax.text(start + width / 2, y, f"{width:.0%}".replace("%", " %"),
                            ha="center", va="center", fontsize=CELL_TEXT, gid="share")  # fmt: skip
            left += widths
        ax.set_yticks(positions, [shorten(str(g), 24) for g in groups], fontsize=TICKS)
        ax.invert_yaxis()
        ax.set_xlim(0, max(1.0, left.max()))
        ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel if ylabel is not None else (by or "").replace("_", " ").capitalize()
                      or "Members")  # fmt: skip
        ax.grid(axis="y", visible=False)
        ax.figure.legend(loc="outside lower center", ncols=min(5, len(categories)),
                         frameon=False, fontsize="small")  # fmt: skip
        add_title(ax, title, source)
    return ax


# --------------------------------------------------------------------------------------
# Segments: profile heatmap, silhouette by k, scatter
# --------------------------------------------------------------------------------------


def segment_heatmap(
    profile: pd.DataFrame,
    *,
    segment: str = "segment",
    ax=None,
    max_z: float = 2.0,
    title: str = "Segment profiles: the typical member of each segment",
    xlabel: str = "Feature (cell: median of the segment)",
    ylabel: str = "Segment (members)",
    source: str = DEFAULT_SOURCE,
):
    """Heatmap of a segment profile (``Segmentation.profile``): segments x features.

    The colour is the segment's mean z-score of the feature (blue below the average member,
    red above, white = average; saturated at ``max_z`` standard deviations); the cell shows
    the segment's median in the feature's own units, so the chart reads "the typical member
    of segment 2 has 60 staff, far above average". Rows are named with the segment's number,
    size and description.

    >>> profile = pd.DataFrame({"segment": [1, 2], "members": [30, 10],
    ...                         "employees_median": [8.0, 250.0], "employees_z": [-0.5, 1.5],
    ...                         "description": ["few staff", "many staff"]})
    >>> ax = segment_heatmap(profile)
    >>> [t.get_text() for t in ax.texts if t.get_gid() != "source"]
    ['8', '250']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "segment_heatmap"
    require_columns(profile, [segment, "members"], where=where)
    features = [c.removesuffix("_z") for c in profile.columns if c.endswith("_z")]
    missing = [f for f in features if f"{f}_median" not in profile]
    if not features or missing:
        raise CourseInputError(
            f"{where}: the table needs <feature>_z and <feature>_median columns: pass the "
            "profile of segment_members(...), e.g. result.profile."
        )
    if not max_z > 0:
        raise CourseInputError(f"{where}: max_z={max_z!r} must be above 0, e.g. max_z=2.")
    zs = profile[[f"{f}_z" for f in features]].to_numpy(dtype=float)
    medians = profile[[f"{f}_median" for f in features]].to_numpy(dtype=float)
    cells = np.array([[_compact(v, f) for v, f in zip(row, features, strict=True)]
                      for row in medians])  # fmt: skip
    described = profile["description"] if "description" in profile else [""] * len(profile)
    rows = [
        shorten(f"{s} ({n}): {d}" if d else f"{s} ({n})", 30)
        for s, n, d in zip(profile[segment], profile["members"], described, strict=True)
    ]
    units = {**_UNITS, "employees": "AWU", "export_share": "% of turnover"}
    columns = [
        shorten(f.removesuffix("_eur").replace("_", " ").capitalize(), 14)
        + (f"\n({units[f]})" if f in units else "")
        for f in features
    ]

    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 2.6 + 0.6 * len(profile)))
        sns.heatmap(
            pd.DataFrame(np.clip(zs, -max_z, max_z), index=rows, columns=columns),
            ax=ax, cmap="RdBu_r", vmin=-max_z, vmax=max_z, annot=cells, fmt="",
            annot_kws={"fontsize": CELL_TEXT}, linewidths=0.5, linecolor="white",
            cbar_kws={"label": "Mean z-score\n(std. dev. from average)", "extend": "both"},
        )  # fmt: skip
        ax.collections[0].colorbar.ax.tick_params(labelsize=TICKS)
        ax.tick_params(axis="both", length=0, labelsize=TICKS)
        ax.tick_params(axis="y", rotation=0)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        add_title(ax, title, source)
    return ax


def silhouette_chart(
    scores: pd.DataFrame,
    *,
    ax=None,
    title: str = "How many segments? Silhouette and inertia by k",
    xlabel: str = "Number of segments k",
    ylabel: str = "Mean silhouette (-1 to 1; higher = clearer)",
    inertia_label: str = "Inertia (sum of squared z-distances)",
    source: str = DEFAULT_SOURCE,
):
    """The silhouette of each k tried (``Segmentation.scores``), the chosen k marked, with the
    inertia on a second axis (dashed; look for the "elbow" where it stops falling fast).

    >>> scores = pd.DataFrame({"k": [2, 3, 4], "silhouette": [0.35, 0.42, 0.30],
    ...                        "inertia": [300.0, 200.0, 170.0], "chosen": [False, True, False]})
    >>> ax = silhouette_chart(scores)
    >>> ax.lines[0].get_ydata().tolist(), [t.get_text() for t in ax.texts if t.get_gid() == "chosen"]
    ([0.35, 0.42, 0.3], ['k = 3'])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "silhouette_chart"
    require_columns(scores, ["k", "silhouette", "inertia"], where=where)
    for column in ("k", "silhouette", "inertia"):
        require_numeric(scores, column, where=where)
    ordered = scores.sort_values("k")
    chosen = ordered["chosen"].to_numpy(dtype=bool) if "chosen" in ordered else (
        ordered["silhouette"].to_numpy() == ordered["silhouette"].max())  # fmt: skip
    palette = course_palette()
    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 5.5))
        ax.plot(ordered["k"], ordered["silhouette"], marker="o", color=palette[0], label=ylabel)
        best = ordered[chosen]
        ax.scatter(best["k"], best["silhouette"], s=220, facecolor="none",
                   edgecolor=palette[3], linewidth=2.5, zorder=4)  # fmt: skip
        for k, s in zip(best["k"], best["silhouette"], strict=True):
            ax.annotate(f"k = {k:g}", (k, s), xytext=(0, 14), textcoords="offset points",
                        ha="center", fontsize="small", color=palette[3], gid="chosen")  # fmt: skip
        inertia_axis = ax.twinx()
        inertia_axis.plot(ordered["k"], ordered["inertia"], linestyle="--", marker="s",
                          color=QUIET, label=inertia_label)  # fmt: skip
        inertia_axis.set_ylabel(inertia_label, color=QUIET)
        inertia_axis.grid(False)
        ax.set_xticks(ordered["k"])
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel, color=palette[0])
        low, high = ordered["silhouette"].min(), ordered["silhouette"].max()
        ax.set_ylim(min(0.0, low - 0.05), high + 0.1)
        add_title(ax, title, source)
    return ax


def segment_scatter(
    members: pd.DataFrame,
    x: str,
    y: str,
    *,
    segment: str = "segment",
    ax=None,
    title: str = "Members by segment",
    source: str = DEFAULT_SOURCE,
):
    """Members as points, ``x`` against ``y``, coloured by segment (from
    ``Segmentation.members``). Sizes (employees, turnover, balance sheet) are drawn on log
    axes, as the segmentation sees them. Members without a segment are grey crosses.

    >>> members = pd.DataFrame({"employees": [5, 8, 300], "export_share": [0.1, 0.0, 0.7],
    ...                         "segment": pd.array([1, 1, 2], dtype="Int64")})
    >>> ax = segment_scatter(members, "employees", "export_share")
    >>> [c.get_offsets().shape[0] for c in ax.collections], ax.get_xscale()
    ([2, 1], 'log')
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "segment_scatter"
    require_columns(members, [x, y, segment], where=where)
    for column in (x, y):
        require_numeric(members, column, where=where)
    labels = members[segment]
    segments = sorted(pd.unique(labels.dropna()))
    if len(segments) > 10:
        raise CourseInputError(f"{where}: {len(segments)} segments are too many colours (10).")
    with themed():
        ax = new_axes(ax, (MAX_WIDTH, 6.0))
        palette = [course_palette()[i] for i in (0, 1, 2, 4, 3, 5, 6, 7, 8, 9)]  # neighbours differ
        for colour, value in zip(palette, segments, strict=False):
            rows = members[(labels == value).fillna(False).to_numpy()]
            ax.scatter(rows[x], rows[y], s=36, color=colour, alpha=0.75, edgecolor="white",
                       linewidth=0.5, label=f"Segment {value} ({len(rows)})")  # fmt: skip
        unplaced = members[labels.isna().to_numpy()]
        if len(unplaced):
            ax.scatter(unplaced[x], unplaced[y], marker="x", color=QUIET,
                       label=f"No segment ({len(unplaced)})")  # fmt: skip
        for axis, feature in (("x", x), ("y", y)):
            if feature in SIZE_FEATURES:
                getattr(ax, f"set_{axis}scale")("log")
            if feature == "export_share":
                getattr(ax, f"{axis}axis").set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_xlabel(_feature_label(x) + (", log scale" if x in SIZE_FEATURES else ""))
        ax.set_ylabel(_feature_label(y) + (", log scale" if y in SIZE_FEATURES else ""))
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False,
                  fontsize="small", title="Segment (members)", title_fontsize="small")  # fmt: skip
        add_title(ax, title, source)
    return ax


# --------------------------------------------------------------------------------------
# Five forces radar
# --------------------------------------------------------------------------------------


def five_forces_radar(
    forces: pd.DataFrame,
    *,
    by: str | None = None,
    ax=None,
    title: str = "Five forces: pressure on the industry's profits",
    xlabel: str = "Force score (1 = low pressure, 5 = high; course convention)",
    source: str = DEFAULT_SOURCE,
):
    """Radar of the five force scores (``segmentation.five_forces``): one spoke per force,
    from 1 (centre: little pressure) to 5 (edge: strong pressure). With ``by``, one outline
    per group (e.g. per workshop group), at most six. A bigger shape = a less attractive
    industry. The axes must be polar if you pass your own (``projection="polar"``).

    >>> forces = pd.DataFrame({"force": list(FORCES), "force_score": [3.25, 2.3, 3.7, 2.5, 4.0]})
    >>> ax = five_forces_radar(forces)
    >>> ax.name, len(ax.get_xticks()), ax.lines[0].get_ydata().tolist()
    ('polar', 5, [3.25, 2.3, 3.7, 2.5, 4.0, 3.25])
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    where = "five_forces_radar"
    require_columns(forces, ["force", "force_score", *([by] if by else [])], where=where)
    require_numeric(forces, "force_score", where=where)
    require_unique_rows(forces, [*([by] if by else []), "force"], where=where,
                        fix="Pass the output of segmentation.five_forces(...)")  # fmt: skip
    unknown = sorted(set(forces["force"]) - set(FORCES))
    if unknown:
        raise CourseInputError(
            f"{where}: {unknown[0]!r} is not a force id; pass the output of five_forces(...)."
        )
    groups = list(pd.unique(forces[by])) if by else [None]
    if len(groups) > 6:
        raise CourseInputError(f"{where}: {len(groups)} groups are too many outlines (6).")
    angles = np.linspace(0, 2 * np.pi, len(FORCES), endpoint=False)
    with themed():
        if ax is None:
            import matplotlib.pyplot as plt

            ax = plt.figure(figsize=(MAX_WIDTH, 7.0), layout="constrained").add_subplot(
                projection="polar"
            )
        elif ax.name != "polar":
            raise CourseInputError(
                f"{where}: the axes must be polar: fig.add_subplot(projection='polar')."
            )
        for colour, group in zip(course_palette(), groups, strict=False):
            rows = forces if group is None else forces[forces[by] == group]
            score = rows.set_index("force")["force_score"].reindex(list(FORCES)).to_numpy()
            ax.plot(np.append(angles, angles[0]), np.append(score, score[0]), color=colour,
                    linewidth=2, marker="o", label=None if group is None else str(group))  # fmt: skip
            ax.fill(angles, np.nan_to_num(score, nan=1.0), color=colour, alpha=0.15)
        ax.set_theta_offset(np.pi / 2)
        ax.set_theta_direction(-1)
        ax.set_xticks(angles, [shorten(name, 22) for name in FORCES.values()], fontsize=TICKS)
        ax.set_ylim(0, 5)
        ax.set_yticks([1, 2, 3, 4, 5], ["1", "2", "3", "4", "5"], fontsize=CELL_TEXT)
        ax.set_xlabel(xlabel, labelpad=18)
        ax.set_ylabel("")
        if by:
            ax.legend(loc="upper left", bbox_to_anchor=(1.1, 1.0), frameon=False,
                      title=by.replace("_", " ").capitalize(), fontsize="small")  # fmt: skip
        add_title(ax, title, source)
    return ax
