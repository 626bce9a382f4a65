"""Charts for cluster analysis, all in one course look.

Every chart takes a tidy table (usually the output of a ``course.economics`` function), draws
what it gets (no analysis happens here), and returns the matplotlib ``Axes`` it drew on, so you
can change a title or save the figure::

    ax = plots.portfolio_chart(profile)
    ax.set_title("Vidzeme: our cluster portfolio")
    ax.figure.savefig("portfolio.png", dpi=200)

Each chart has a title, axis labels with units, a source note under the axes and a
colour-blind-safe palette (seaborn's "colorblind"). Call :func:`use_theme` once at the top of a
notebook so that your own charts share the look; the course charts use it in any case.

The charts live in private files, one per subject (``_economics`` and ``_economics_grids``
for module 1, ``_segmentation``, ``_valuechain``, ``_benchmarking``); the shared look is in
``_look`` and the placement helpers in ``_labels`` and ``_grids``. Import the charts from
here: ``plots.portfolio_chart``.
"""

from course.plots._benchmarking import (
    area_radar,
    before_after,
    destination_bars,
    kpi_lights,
    percentile_strip,
)
from course.plots._economics import portfolio_chart, shift_share_bars
from course.plots._economics_grids import lq_heatmap, star_grid, star_marks
from course.plots._look import DEFAULT_SOURCE, add_source, theme_rc, use_theme
from course.plots._segmentation import (
    composition_bars,
    five_forces_radar,
    segment_heatmap,
    segment_scatter,
    silhouette_chart,
)
from course.plots._valuechain import (
    link_bars,
    linkage_chart,
    participation_bars,
    value_chain_chart,
)

__all__ = [
    "DEFAULT_SOURCE",
    "use_theme",
    "theme_rc",
    "add_source",
    "star_marks",
    "portfolio_chart",
    "shift_share_bars",
    "lq_heatmap",
    "star_grid",
    "linkage_chart",
    "link_bars",
    "value_chain_chart",
    "participation_bars",
    "composition_bars",
    "segment_heatmap",
    "silhouette_chart",
    "segment_scatter",
    "five_forces_radar",
    "area_radar",
    "percentile_strip",
    "kpi_lights",
    "before_after",
    "destination_bars",
]
