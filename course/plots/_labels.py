"""Private: placing text labels next to points so that they do not collide.

A small deterministic search in pixel space (no extra dependency): each label tries a ring of
positions around its point and takes the first that overlaps no label placed before it.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from course.plots._look import QUIET, shorten

__all__ = ["place_labels"]

# The directions tried around a bubble, in this order: right, left, above, below, diagonals.
_DIRECTIONS = np.radians([0, 180, 90, 270, 30, 150, 330, 210, 60, 120, 300, 240])
_RINGS = 24  # how many growing distances are tried before a name is left out
_PAD = 3.0  # pixels kept free around a name


def place_labels(ax, xs, ys, areas, labels, order) -> int:
    """Write the names of the bubbles ``order`` (largest first) where no two names overlap;
    return how many found no free place and were left out.

    A small deterministic search in pixels: for each name in turn, try the bubble's centre,
    then positions around the bubble at growing distances (right, left, above, below and
    the diagonals), and keep the cheapest that stays inside the axes and touches neither a
    name already placed nor a quadrant label; covering other bubbles costs extra.
    """
    renderer = _final_layout(ax.figure)
    px_per_pt = ax.figure.dpi / 72
    bubbles = _Bubbles(
        centres=ax.transData.transform(np.column_stack([xs, ys])),
        radii=np.sqrt(areas) / 2 * px_per_pt,  # a scatter size is the marker's diameter², in pt²
    )
    frame = ax.get_window_extent(renderer)
    quadrants = [t.get_window_extent(renderer) for t in ax.texts if t.get_gid() == "quadrant"]
    taken = [(b.x0, b.y0, b.x1, b.y1) for b in quadrants]
    left_out = 0
    for i in order:
        text = shorten(labels[i], 22)
        box = _text_box(ax, text, renderer)
        best = _best_place(i, box, bubbles, frame, taken)
        if best is None:  # nowhere free (a crowded or tiny chart)
            left_out += 1
            continue
        _write(ax, text, (xs[i], ys[i]), best, (bubbles.centres[i], bubbles.radii[i]), px_per_pt)
        taken.append(best[2])  # the rectangle the name now takes
    return left_out


class _Bubbles(NamedTuple):
    """The bubbles in pixels: one (x, y) centre and one radius per bubble."""

    centres: np.ndarray
    radii: np.ndarray


def _final_layout(figure):
    """Run the figure's layout (the pixel positions are final afterwards); return a renderer."""
    if not hasattr(figure.canvas, "get_renderer"):
        # a Figure made without pyplot (the widgets draw PNGs that way) has no renderer yet
        FigureCanvasAgg(figure)
    figure.draw_without_rendering()
    return figure.canvas.get_renderer()


def _text_box(ax, text: str, renderer):
    """The size, in pixels, that ``text`` takes when written in the labels' font."""
    probe = ax.text(0, 0, text, fontsize="small", ha="center", va="center")
    box = probe.get_window_extent(renderer)
    probe.remove()
    return box


def _candidates(box, radius: float) -> list[tuple[float, float, float]]:
    """(cost, dx, dy) of every position tried: the centre first (cheap if the name fits in
    the bubble), then the rings around the bubble, nearer and straighter being cheaper."""
    half_w, half_h = box.width / 2 + _PAD, box.height / 2 + _PAD
    candidates = [(0.0 if box.width < 1.8 * radius else 1.5, 0.0, 0.0)]
    for ring in range(_RINGS):
        gap = _PAD + ring * 0.9 * box.height
        for rank, angle in enumerate(_DIRECTIONS):
            dx = np.cos(angle) * (radius + gap + half_w)
            dy = np.sin(angle) * (radius + gap + half_h)
            candidates.append((1.0 + ring + 0.02 * rank, dx, dy))
    return candidates


def _best_place(i: int, box, bubbles: _Bubbles, frame, taken: list):
    """(dx, dy, rectangle) of the cheapest free position for bubble ``i``'s name, or None."""
    (cx, cy), radius = bubbles.centres[i], bubbles.radii[i]
    half_w, half_h = box.width / 2 + _PAD, box.height / 2 + _PAD
    best = None
    for cost, dx, dy in _candidates(box, radius):
        rect = (cx + dx - half_w, cy + dy - half_h, cx + dx + half_w, cy + dy + half_h)
        if not _inside(rect, frame) or any(_overlap(rect, other) for other in taken):
            continue
        cost += 3.0 * _covered(rect, bubbles, i)
        if best is None or cost < best[0]:
            best = (cost, dx, dy, rect)
    return None if best is None else best[1:]


def _covered(rect, bubbles: _Bubbles, i: int) -> int:
    """How many other bubbles the rectangle covers (their centre nearer than 0.8 radius)."""
    centres = bubbles.centres
    nearest_x = np.clip(centres[:, 0], rect[0], rect[2]) - centres[:, 0]
    nearest_y = np.clip(centres[:, 1], rect[1], rect[3]) - centres[:, 1]
    covered = np.hypot(nearest_x, nearest_y) < 0.8 * bubbles.radii
    covered[i] = False
    return covered.sum()


def _write(ax, text: str, xy, place, bubble, px_per_pt: float) -> None:
    """Write the name at ``place`` (dx, dy, rectangle; pixels) next to the ``bubble`` (centre,
    radius) at data point ``xy``, with a thin line to the bubble when it does not touch it."""
    dx, dy, rect = place
    (cx, cy), radius = bubble
    gap = np.hypot(np.clip(cx, rect[0], rect[2]) - cx, np.clip(cy, rect[1], rect[3]) - cy)
    line = {"arrowstyle": "-", "color": QUIET, "linewidth": 0.8, "shrinkA": 2,
            "shrinkB": radius / px_per_pt}  # fmt: skip
    label = ax.annotate(
        text,
        xy,
        xytext=(dx / px_per_pt, dy / px_per_pt),
        textcoords="offset points",
        ha="center",
        va="center",
        fontsize="small",
        zorder=4,
        gid="bubble_label",
        arrowprops=line if gap > radius + 2 * _PAD else None,
    )
    label.set_in_layout(False)  # placed in pixels: must not move the axes afterwards


def _inside(rect, frame) -> bool:
    """Is the rectangle (x0, y0, x1, y1) inside the axes' frame?"""
    return (
        frame.x0 <= rect[0] and rect[2] <= frame.x1 and frame.y0 <= rect[1] and rect[3] <= frame.y1
    )


def _overlap(a, b) -> bool:
    """Do the rectangles (x0, y0, x1, y1) ``a`` and ``b`` overlap?"""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
