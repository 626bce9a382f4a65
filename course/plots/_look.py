"""Private: the course look (theme, palette, source note) and fitting a chart to a notebook.

Every chart of every module draws inside :func:`themed` and ends with :func:`add_title`, so
that all charts share one look: a title, a source note under the axes, a colour-blind-safe
palette, and a width that fits JupyterLab (``MAX_WIDTH``). The module is private (learners
import ``course.plots``); the names without an underscore are shared by the chart files.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib as mpl
import matplotlib.pyplot as plt
import seaborn as sns
from cycler import cycler
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

__all__ = [
    "DEFAULT_SOURCE",
    "QUIET",
    "MAX_WIDTH",
    "theme_rc",
    "use_theme",
    "themed",
    "course_palette",
    "new_axes",
    "add_source",
    "add_title",
    "text_width",
    "shorten",
]

DEFAULT_SOURCE = "Source: course data (synthetic); calculations with the course library."

# Gray for reference lines and notes: readable on a projector, but quieter than the data.
QUIET = "0.35"


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
def themed() -> Iterator[None]:
    """Draw in the course look inside ``with themed():``, then put the settings back."""
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


def course_palette() -> list:
    """The course's colour-blind-safe colours (seaborn's "colorblind"), as a list."""
    return list(sns.color_palette("colorblind"))


def new_axes(ax, figsize: tuple[float, float]):
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
        color=QUIET,
        gid="source",
    )


def add_title(ax, title: str, source: str):
    """The chart's title and its source note (wrapped to the figure); return the note."""
    ax.set_title(title)
    # wrapped: a note wider than the figure would make the layout shrink the chart to fit it
    return add_source(ax, "\n".join(textwrap.fill(line, 80) for line in source.split("\n")))


# --------------------------------------------------------------------------------------
# Fitting a notebook: figure width and label lengths
# --------------------------------------------------------------------------------------

# The widest figure the course draws, in inches: 1,000 px at matplotlib's 100 dpi, about the
# width of a JupyterLab output. A wider figure is shrunk to fit, and its text with it.
MAX_WIDTH = 10.0

_TEXT_PATH = TextToPath()


def text_width(text: str, size) -> float:
    """The width, in inches, of the widest line of ``text`` in font ``size`` ("small", 12)."""
    font = FontProperties(size=size)
    lines = text.split("\n")
    return (
        max(_TEXT_PATH.get_text_width_height_descent(s, font, ismath=False)[0] for s in lines) / 72
    )


def shorten(name: str, width: int, lines: int = 2) -> str:
    """``name`` wrapped into at most ``lines`` lines of about ``width`` characters, cut with "…".

    >>> print(shorten("Automotive and other transport equipment", 22))
    Automotive and other
    transport equipment
    >>> shorten("Crop and animal production, hunting and related service activities", 20)
    'Crop and animal\\nproduction, hunting…'
    """
    wrapped = textwrap.wrap(name, width, break_on_hyphens=False) or [""]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], wrapped[lines - 1][: width - 1].rstrip(" ,;") + "…"]
    return "\n".join(wrapped)
