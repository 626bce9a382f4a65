"""Private: what an explorer's ``ipywidgets.Output`` shows (a chart as PNG, a table, a message).

A chart is drawn on a ``Figure`` outside pyplot and rendered to PNG: it shows the same in
JupyterLab, Voila and tests, needs no interactive backend and leaves no open pyplot figures.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from course import plots


def chart(draw: Callable, *, size: tuple[float, float], text: str, dpi: int = 90) -> dict:
    """Call ``draw(axes)`` on a new Figure in the course look; return it as a PNG output."""
    with mpl.rc_context(plots.theme_rc()):
        figure = Figure(figsize=size, layout="constrained")
        axes = figure.add_subplot()
    draw(axes)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    png = base64.b64encode(buffer.getvalue()).decode("ascii")
    return display({"image/png": png, "text/plain": text})


def table(shown: pd.DataFrame) -> dict:
    """A small table as HTML (and plain text for tests and screen readers)."""
    return display({"text/html": shown.to_html(index=False), "text/plain": shown.to_string()})


def text(message: str) -> dict:
    """A message instead of a chart, e.g. what to change when the inputs do not work."""
    return display({"text/plain": message})


def display(data: dict) -> dict:
    return {"output_type": "display_data", "data": data, "metadata": {}}
