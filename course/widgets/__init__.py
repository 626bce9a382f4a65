"""Interactive explorers for the lessons and workshops (ipywidgets), one file per subject.

Widgets are thin: every number they show comes from ``course.economics`` and every chart from
``course.plots``. The computation behind an explorer is a plain function (e.g.
:func:`course.economics.region_profile`) that you can also call yourself, without any widget::

    from course import data, economics, widgets
    employment = data.load("regional_employment")
    categories = data.load("cluster_categories")
    widgets.region_explorer(employment, categories)          # in a notebook: the explorer
    economics.region_profile(employment, categories, region_code="LV008", start=2013,
                             end=2023)                       # the same numbers

The explorers live in private files, one per subject (``_economics`` for module 1,
``_segmentation``, ``_valuechain``, ``_benchmarking``); ``_output`` turns a chart, a table or
a message into what an ``ipywidgets.Output`` shows, for every subject. An explorer's first
choice is a code, named as a code: ``region_code="LV008"``, ``organisation_id="lv_food"``,
``industry_code="food"``; ``n`` is how many rows it shows.
"""

from course.widgets._benchmarking import benchmark_explorer
from course.widgets._economics import region_explorer
from course.widgets._segmentation import segment_explorer
from course.widgets._valuechain import valuechain_explorer

__all__ = ["region_explorer", "segment_explorer", "valuechain_explorer", "benchmark_explorer"]
