"""A worksheet drawn as an A4 PDF with matplotlib (no other converter needed)."""

from __future__ import annotations

import textwrap
from pathlib import Path

_HEADER = "Name: ________________   Organisation: ________________   Date: ________"


def write_pdf(sheet, path: Path) -> Path:
    """Draw ``sheet`` (``worksheets.Sheet``) on A4 pages into ``path``."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    size = (11.69, 8.27) if sheet.landscape else (8.27, 11.69)
    pages = [sheet.rows[k : k + sheet.rows_per_page]
             for k in range(0, len(sheet.rows), sheet.rows_per_page)] or [[]]  # fmt: skip
    with PdfPages(
        path, metadata={"Title": sheet.title, "Creator": "course room worksheets"}
    ) as pdf:
        for number, rows in enumerate(pages, start=1):
            figure = plt.figure(figsize=size)
            ax = figure.add_axes((0.05, 0.04, 0.89, 0.92))
            ax.set_axis_off()
            ax.set_xlim(0, 1)
            ax.set_ylim(0, 1)
            more = f"  ({number}/{len(pages)})" if len(pages) > 1 else ""
            ax.text(0, 1, sheet.title + more, fontsize=15, weight="bold", va="top")
            ax.text(0, 0.955, _HEADER, fontsize=9, va="top")
            ax.text(0, 0.925, _wrap(sheet.intro, 150 if sheet.landscape else 105), fontsize=9,
                    va="top")  # fmt: skip
            if sheet.boxes:
                _boxes(ax, sheet)
            if sheet.columns:
                _table(ax, sheet, rows)
            pdf.savefig(figure)
            plt.close(figure)
    return path


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or " "


def _boxes(ax, sheet) -> None:
    from matplotlib.patches import Rectangle

    n_rows, n_cols = sheet.grid
    top, gap = 0.85, 0.015
    height, width = (top - gap * (n_rows - 1)) / n_rows, (1 - gap * (n_cols - 1)) / n_cols
    for row, col, row_span, col_span, title, lines in sheet.boxes:
        x, y_top = col * (width + gap), top - row * (height + gap)
        w, h = col_span * width + (col_span - 1) * gap, row_span * height + (row_span - 1) * gap
        ax.add_patch(Rectangle((x, y_top - h), w, h, fill=False, lw=1.3, clip_on=False))
        chars = max(int(w * (150 if sheet.landscape else 105)), 12)
        ax.text(x + 0.008, y_top - 0.012, _wrap(title, chars), fontsize=10, weight="bold",
                va="top")  # fmt: skip
        ax.text(x + 0.008, y_top - 0.06, "\n\n".join(_wrap(t, chars + 4) for t in lines),
                fontsize=7.5, va="top")  # fmt: skip


def _table(ax, sheet, rows) -> None:
    top, bottom = 0.87, 0.0
    n = max(len(rows), 1)
    height = (top - bottom) / (n + 1)
    widths = [max(len(c), *(len(r[k]) for r in sheet.rows)) for k, c in enumerate(sheet.columns)]
    widths = [min(max(w, 11), 60) for w in widths]
    widths[-1] = max(widths[-1], 16)  # the column to write in
    edges = [0.0]
    for w in widths:
        edges.append(edges[-1] + w / sum(widths))
    for k, column in enumerate(sheet.columns):
        ax.text(edges[k] + 0.004, top - 0.01, column, fontsize=8, weight="bold", va="top")
    for i, row in enumerate(rows, start=1):
        y = top - i * height
        for k, text in enumerate(row):
            chars = max(int((edges[k + 1] - edges[k]) * 130), 6)
            ax.text(edges[k] + 0.004, y - 0.006, _wrap(text, chars), fontsize=6.5, va="top")
    for i in range(n + 2):
        ax.plot([0, 1], [top - i * height] * 2, color="#333", lw=0.8, clip_on=False)
    for x in edges:
        ax.plot([x, x], [top, top - (n + 1) * height], color="#333", lw=0.8, clip_on=False)
