"""Private: placing text labels next to points so that they do not collide.

A small deterministic search in pixel space (no extra dependency): each label tries a ring of
positions around its point and takes the first that overlaps no label placed before it.
"""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from course.plots._look import _QUIET, _shorten


def _place_labels(ax, xs, ys, areas, labels, order) -> int:
    """Write the names of the bubbles ``order`` (largest first) where no two names overlap;
    return how many found no free place and were left out.

    A small deterministic search in pixels: for each name in turn, try the bubble's centre,
    then positions around the bubble at growing distances (right, left, above, below and
    the diagonals), and keep the cheapest that stays inside the axes and touches neither a
    name already placed nor a quadrant label; covering other bubbles costs extra.
    """
    figure = ax.figure
    if not hasattr(figure.canvas, "get_renderer"):
        # a Figure made without pyplot (the widgets draw PNGs that way) has no renderer yet
        FigureCanvasAgg(figure)
    figure.draw_without_rendering()  # run the layout: the pixel positions are now final
    renderer = figure.canvas.get_renderer()
    px_per_pt = figure.dpi / 72
    centres = ax.transData.transform(np.column_stack([xs, ys]))
    radii = np.sqrt(areas) / 2 * px_per_pt  # a scatter size is the marker's diameter², in pt²
    frame = ax.get_window_extent(renderer)
    taken = [t.get_window_extent(renderer) for t in ax.texts if t.get_gid() == "quadrant"]
    taken = [(b.x0, b.y0, b.x1, b.y1) for b in taken]
    directions = np.radians([0, 180, 90, 270, 30, 150, 330, 210, 60, 120, 300, 240])
    pad = 3.0
    left_out = 0
    for i in order:
        text = _shorten(labels[i], 22)
        probe = ax.text(0, 0, text, fontsize="small", ha="center", va="center")
        box = probe.get_window_extent(renderer)
        probe.remove()
        half_w, half_h = box.width / 2 + pad, box.height / 2 + pad
        (cx, cy), radius = centres[i], radii[i]
        candidates = [(0.0 if box.width < 1.8 * radius else 1.5, 0.0, 0.0)]
        for ring in range(24):
            gap = pad + ring * 0.9 * box.height
            for rank, angle in enumerate(directions):
                dx = np.cos(angle) * (radius + gap + half_w)
                dy = np.sin(angle) * (radius + gap + half_h)
                candidates.append((1.0 + ring + 0.02 * rank, dx, dy))
        best = None
        for cost, dx, dy in candidates:
            rect = (cx + dx - half_w, cy + dy - half_h, cx + dx + half_w, cy + dy + half_h)
            if not (
                frame.x0 <= rect[0]
                and rect[2] <= frame.x1
                and frame.y0 <= rect[1]
                and rect[3] <= frame.y1
            ) or any(_overlap(rect, other) for other in taken):
                continue
            # distance from each other bubble's centre to the rectangle: covered if < radius
            nearest_x = np.clip(centres[:, 0], rect[0], rect[2]) - centres[:, 0]
            nearest_y = np.clip(centres[:, 1], rect[1], rect[3]) - centres[:, 1]
            covered = np.hypot(nearest_x, nearest_y) < 0.8 * radii
            covered[i] = False
            cost += 3.0 * covered.sum()
            if best is None or cost < best[0]:
                best = (cost, dx, dy, rect)
        if best is None:  # nowhere free (a crowded or tiny chart)
            left_out += 1
            continue
        _, dx, dy, rect = best
        # a thin line to the bubble when the name does not touch it
        gap = np.hypot(np.clip(cx, rect[0], rect[2]) - cx, np.clip(cy, rect[1], rect[3]) - cy)
        away = gap > radius + 2 * pad
        label = ax.annotate(
            text,
            (xs[i], ys[i]),
            xytext=(dx / px_per_pt, dy / px_per_pt),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize="small",
            zorder=4,
            gid="bubble_label",
            arrowprops=(
                {
                    "arrowstyle": "-",
                    "color": _QUIET,
                    "linewidth": 0.8,
                    "shrinkA": 2,
                    "shrinkB": radius / px_per_pt,
                }
                if away
                else None
            ),
        )
        label.set_in_layout(False)  # placed in pixels: must not move the axes afterwards
        taken.append(rect)
    return left_out


def _overlap(a, b) -> bool:
    """Do the rectangles (x0, y0, x1, y1) ``a`` and ``b`` overlap?"""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
