"""The room view written for the projector: tables (CSV), charts (PNG) and one HTML page."""

from __future__ import annotations

import html
import re
from pathlib import Path

from course.room._view import RoomView

SOURCE = "Source: this workshop's room benchmark (consented entries, pseudonyms)"
_TABLES = {
    "room-percentiles.csv": ("ranks", ["organisation", "sector", "indicator", "value",
                                       "percentile", "peer_count"]),
    "room-area-scores.csv": ("scores", ["organisation", "area", "area_score",
                                        "area_score_peer_median", "area_score_top_quartile",
                                        "weakest"]),
    "room-gaps.csv": ("gaps", ["organisation", "indicator", "value", "peer_median",
                               "gap_to_median", "gap_to_top_quartile", "gap_to_best"]),
    "room-partners.csv": ("partners", ["learner", "area", "organisation", "area_score", "lead",
                                       "profile_distance"]),
}  # fmt: skip


def _file_name(label: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", label).strip("-").lower()


def write_view(view: RoomView, out: Path, problems: list[str], *, draw: bool = True) -> Path:
    """Write ``view`` into ``out`` (made if needed, earlier files of a room view replaced)."""
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("room-*.csv"), *out.glob("room-*.png")]:
        old.unlink()  # a view of fewer entries must not keep a deleted entry's figures
    written = []
    for name, (attribute, columns) in _TABLES.items():
        table = getattr(view, attribute)
        if len(table):
            keep = [c for c in columns if c in table]
            table[keep].round(1).to_csv(out / name, index=False)
            written.append(name)
    charts = _draw(view, out) if draw and view.labels else []
    page = out / "room.html"
    page.write_text(_page(view, problems, written, charts), encoding="utf-8")
    return page


def _draw(view: RoomView, out: Path) -> list[str]:
    import matplotlib.pyplot as plt

    from course import plots

    charts = []
    for label in view.labels:
        for kind, chart, table in (("areas", plots.area_radar, view.scores),
                                   ("percentiles", plots.percentile_strip, view.ranks)):  # fmt: skip
            if label not in set(table["organisation"]):
                continue
            ax = chart(table, label, source=SOURCE)
            name = f"room-{kind}-{_file_name(label)}.png"
            ax.figure.savefig(out / name, dpi=110)
            plt.close(ax.figure)
            charts.append(name)
    return charts


def _page(view: RoomView, problems: list[str], tables: list[str], charts: list[str]) -> str:
    items = "".join(f"<li>{html.escape(n)}</li>" for n in [*view.notes, *problems])
    links = "".join(f'<li><a href="{t}">{t}</a></li>' for t in tables)
    images = "".join(f'<figure><img src="{c}" alt="{c}"></figure>' for c in charts)
    scores = ""
    if len(view.scores):
        wide = view.scores.pivot(index="organisation", columns="area", values="area_score")
        scores = wide.round(0).to_html(na_rep="–", border=0)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Room benchmark</title>
<style>body{{font-family:sans-serif;font-size:20px;margin:2em}} img{{max-width:100%}}
table{{border-collapse:collapse}} td,th{{padding:.3em .8em;border-bottom:1px solid #ccc}}</style>
</head><body>
<h1>Room benchmark</h1>
<p>{view.shown} entries shown, {view.withheld} not shown (their consent keeps them with the
trainer). Groups smaller than {view.minimum} are never shown. 100 = best in the room.</p>
<h2>Area scores</h2>{scores or "<p>Nothing to show.</p>"}
<h2>Notes</h2><ul>{items or "<li>none</li>"}</ul>
<h2>Tables</h2><ul>{links or "<li>none</li>"}</ul>
{images}
</body></html>
"""
