"""Interactive explorers for the lessons and workshops (ipywidgets), one file per subject.

Widgets are thin: every number they show comes from ``course.economics`` and every chart from
``course.plots``. The computation behind an explorer is a plain function (e.g.
:func:`course.economics.region_profile`) that you can also call yourself, without any widget::

    from course import data, economics, widgets
    employment = data.load("regional_employment")
    categories = data.load("cluster_categories")
    widgets.region_explorer(employment, categories)          # in a notebook: the explorer
    economics.region_profile(employment, categories, "LV008", 2013, 2023)  # the same numbers

The explorers of module 1 are in ``widgets/economics.py``; ``widgets/_output.py`` turns a chart,
a table or a message into what an ``ipywidgets.Output`` shows, for every subject.
"""

from course.widgets.benchmarking import benchmark_explorer
from course.widgets.economics import region_explorer
from course.widgets.segmentation import segment_explorer
from course.widgets.valuechain import valuechain_explorer

__all__ = ["region_explorer", "segment_explorer", "valuechain_explorer", "benchmark_explorer"]
