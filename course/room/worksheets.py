"""Printable worksheets for the room: HTML (print from any browser) and PDF (matplotlib).

Five sheets, built from the library's own lists so that they match the lessons and the form:

- ``five-forces``: Porter's five forces in their usual cross, each with the typical drivers
  of ``segmentation.five_forces_scorecard`` (score 1-5, evidence);
- ``value-chain-map``: the stages of ``valuechain.value_chain_stages`` (members, gaps,
  partners per stage);
- ``kpi-sheet``: a KPI each row with definition, unit, direction, source, baseline, target,
  actual (the columns ``benchmarking.kpi_status`` reads);
- ``my-cluster-in-numbers``: the pre-work, every indicator of the course catalogue with its
  unit, direction and where to find it, in the order of the room form;
- ``closing-round``: the presentation template for the closing round (three slides).

``build(folder)`` writes ``<sheet>.html`` and ``<sheet>.pdf`` for each; no network, no
converter beyond matplotlib.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Sheet", "sheets", "build"]

A4_PORTRAIT, A4_LANDSCAPE = (8.27, 11.69), (11.69, 8.27)
_HEADER = "Name: ________________   Organisation: ________________   Date: ________"


@dataclass
class Sheet:
    """One worksheet: boxes on a grid (row, column, rows, columns, title, lines) or a table."""

    name: str
    title: str
    intro: str
    landscape: bool = True
    grid: tuple[int, int] = (1, 1)
    boxes: list[tuple[int, int, int, int, str, list[str]]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    rows_per_page: int = 12


def _five_forces() -> Sheet:
    from course import segmentation

    card = segmentation.five_forces_scorecard()
    drivers = card.groupby("force", sort=False)["driver"].agg(list)
    names = dict(zip(card["force"], card["force_name"], strict=False))
    place = {"entry_threat": (0, 1), "supplier_power": (1, 0), "rivalry": (1, 1),
             "buyer_power": (1, 2), "substitutes": (2, 1)}  # fmt: skip
    boxes = [
        (*place[force], 1, 1, names[force],
         [f"{d}: score 1-5 ___  evidence: ______" for d in drivers[force]] + ["Overall: low / medium / high"])
        for force in place
    ]  # fmt: skip
    return Sheet("five-forces", "Five forces: what drives our industry?",
                 "Module 2. Score each driver 1 (weak) to 5 (strong) and write the evidence "
                 "(a statistic, an interview, a member survey).", grid=(3, 3), boxes=boxes)  # fmt: skip


def _value_chain() -> Sheet:
    from course import valuechain

    stages = valuechain.value_chain_stages()
    chain = stages[stages["kind"] == "chain"]
    support = stages[stages["kind"] == "support"]
    lines = ["Our members: ______", "Strong / thin / missing", "Partner to bring in: ______"]
    boxes = [(0, k, 1, 1, name, lines) for k, name in enumerate(chain["stage_name"])]
    width = len(chain) // len(support)
    boxes += [(1, k * width, 1, width, name, lines) for k, name in enumerate(support["stage_name"])]
    return Sheet("value-chain-map", "Value-chain map: our members on the chain",
                 "Module 3. From inputs (left) to the buyer (right), then the stages that serve "
                 "the whole chain. Mark the gaps: they are where partners are missing.",
                 grid=(2, len(chain)), boxes=boxes)  # fmt: skip


def _kpi_sheet() -> Sheet:
    columns = ["KPI", "Definition", "Unit", "Better is", "Source", "Baseline (year)",
               "Target (year)", "Actual"]  # fmt: skip
    return Sheet("kpi-sheet", "KPI sheet: what we measure, from where, towards what",
                 "Module 4. One KPI a row; 'Better is' higher or lower. Baseline, target and "
                 "actual are what course.benchmarking.kpi_status reads.", columns=columns,
                 rows=[[""] * len(columns) for _ in range(10)], rows_per_page=10)  # fmt: skip


def _pre_work() -> Sheet:
    from course import benchmarking
    from course.room._sources import WHERE

    catalogue = benchmarking.indicator_catalogue()
    rows = [[r.area_name, r.name, r.unit, r.direction, WHERE[r.indicator], ""]
            for r in catalogue.itertuples()]  # fmt: skip
    return Sheet("my-cluster-in-numbers", "Pre-work: my cluster in numbers",
                 "Before the day: gather last year's figures of your cluster organisation (blank "
                 "if unknown: never guess). They are the fields of the room form, in its order.",
                 landscape=False, columns=["Area", "Indicator", "Unit", "Better",
                                           "Where to find it", "My value"],
                 rows=rows, rows_per_page=14)  # fmt: skip


def _closing_round() -> Sheet:
    slides = [
        ("Slide 1: our cluster in one sentence", ["Who we are, region, members: ______",
                                                  "The question we came with: ______"]),
        ("Slide 2: where we stand", ["Strongest area (room view): ______",
                                     "Weakest area and its gap to the room's best: ______",
                                     "One number that surprised us: ______"]),
        ("Slide 3: what we take home", ["Three actions (who, by when): ______",
                                        "The learning partner we will call: ______",
                                        "One KPI with baseline and target: ______"]),
    ]  # fmt: skip
    boxes = [(0, k, 1, 1, title, lines) for k, (title, lines) in enumerate(slides)]
    return Sheet("closing-round", "Closing round: three slides, three minutes",
                 "Each pair presents three slides in three minutes, then two minutes of "
                 "questions. Use pseudonyms for other clusters unless they agreed to be named.",
                 grid=(1, 3), boxes=boxes)  # fmt: skip


def sheets() -> list[Sheet]:
    """The five worksheets, in the order of the course."""
    return [_pre_work(), _five_forces(), _value_chain(), _kpi_sheet(), _closing_round()]


def to_html(sheet: Sheet) -> str:
    """The sheet as one self-contained HTML page (no script, no outside style)."""
    body = ""
    if sheet.boxes:
        cells = "".join(
            f'<div class="box" style="grid-row:{r + 1}/span {rs};grid-column:{c + 1}/span {cs}">'
            f"<h2>{html.escape(t)}</h2>"
            + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
            + "</div>"
            for r, c, rs, cs, t, lines in sheet.boxes
        )
        style = f"grid-template-columns:repeat({sheet.grid[1]},1fr)"
        body += f'<div class="grid" style="{style}">{cells}</div>'
    if sheet.columns:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in sheet.columns)
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>"
            for row in sheet.rows
        )
        body += f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    page = "A4 landscape" if sheet.landscape else "A4 portrait"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(sheet.title)}</title>
<style>@page{{size:{page};margin:12mm}} body{{font-family:sans-serif;font-size:11pt}}
.grid{{display:grid;gap:6mm}} .box{{border:1.5px solid #333;padding:3mm;min-height:40mm}}
.box h2{{font-size:12pt;margin:0 0 2mm}} .box p{{margin:1.5mm 0}}
table{{border-collapse:collapse;width:100%}} th,td{{border:1px solid #333;padding:2mm;
vertical-align:top;height:9mm}} thead{{display:table-header-group}} tr{{break-inside:avoid}}</style>
</head><body><h1>{html.escape(sheet.title)}</h1><p>{html.escape(_HEADER)}</p>
<p>{html.escape(sheet.intro)}</p>{body}</body></html>
"""


def build(folder) -> list[Path]:
    """Write every sheet into ``folder`` as HTML and PDF; return the paths written."""
    from course.room._sheet_pdf import write_pdf

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in sheets():
        page = folder / f"{sheet.name}.html"
        page.write_text(to_html(sheet), encoding="utf-8")
        written += [page, write_pdf(sheet, folder / f"{sheet.name}.pdf")]
    return written
