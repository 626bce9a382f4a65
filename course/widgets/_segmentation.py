"""Explorer for module 2, segmentation: choose features and k, see the segments redrawn.

Thin: every number comes from ``course.segmentation.segment_members`` and every chart from
``course.plots`` (``segment_scatter`` and ``segment_heatmap``).
"""

from __future__ import annotations

import warnings

import pandas as pd

from course import plots, segmentation
from course.checks import CourseInputError, require_columns
from course.widgets import _output as output

__all__ = ["segment_explorer"]

_FEATURES = ("employees", "turnover_eur", "balance_sheet_eur", "export_share", "year_joined")


def segment_explorer(
    members: pd.DataFrame,
    *,
    features: tuple[str, ...] = ("employees", "turnover_eur", "export_share"),
    k: int | None = None,
    method: str = "kmeans",
):
    """An explorer of member segments: pick the features, the number of segments and the
    two features of the scatter.

    Returns an ``ipywidgets.VBox`` with a ``SelectMultiple`` of numeric features, a k
    ``Dropdown`` ("best by silhouette" or 2-8), a method ``Dropdown`` (k-means or Ward), two
    ``Dropdown``s for the scatter's axes and an ``Output`` with the scatter, the profile
    heatmap and the scores. Each change calls ``segmentation.segment_members`` again (with its
    fixed random state: the same choice gives the same segments); a problem (e.g. one feature
    only has one value) is shown as a message instead of an error.

    >>> from course import data
    >>> firms = data.load("cluster_members").query("member_type == 'company'")
    >>> explorer = segment_explorer(firms)
    >>> explorer.children[0].value
    ('employees', 'turnover_eur', 'export_share')
    >>> [o["data"]["text/plain"][:22] for o in explorer.children[-1].outputs][:2]
    ['<scatter: 3 segments>', '<profile: 3 segments>']
    """
    import ipywidgets as widgets

    where = "segment_explorer"
    require_columns(members, list(features), where=where)
    options = [f for f in _FEATURES if f in members.columns]
    options += [f for f in features if f not in options]
    choose_features = widgets.SelectMultiple(
        options=options, value=tuple(features), rows=len(options), description="Features"
    )
    choose_k = widgets.Dropdown(
        options=[("best by silhouette", None), *[(str(n), n) for n in range(2, 9)]],
        value=k,
        description="Segments",
    )
    choose_method = widgets.Dropdown(
        options=[("k-means", "kmeans"), ("Ward", "ward")], value=method, description="Method"
    )
    choose_x = widgets.Dropdown(options=options, value=features[0], description="x axis")
    choose_y = widgets.Dropdown(options=options, value=features[-1], description="y axis")
    shown = widgets.Output()

    def redraw(_change=None) -> None:
        shown.outputs = _render(
            members,
            features=choose_features.value,
            k=choose_k.value,
            method=choose_method.value,
            x=choose_x.value,
            y=choose_y.value,
        )

    for control in (choose_features, choose_k, choose_method, choose_x, choose_y):
        control.observe(redraw, names="value")
    redraw()
    controls = [choose_features, choose_k, choose_method, widgets.HBox([choose_x, choose_y])]
    return widgets.VBox([*controls, shown])


def _render(members, *, features, k, method, x, y) -> tuple:
    """The Output's content: scatter, profile and scores, or a message saying what to change."""
    if not features:
        return (output.text("Select at least one feature (Ctrl/Cmd + click)."),)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = segmentation.segment_members(
                members, list(features), k=range(2, 9) if k is None else k, method=method
            )
    except CourseInputError as problem:
        return (output.text(str(problem)),)
    notes = tuple(output.text(str(w.message)) for w in caught[:1])
    n = result.k
    scatter = output.chart(
        lambda axes: plots.segment_scatter(
            result.members,
            x,
            y,
            ax=axes,
            title=f"Members in {n} segments ({'k-means' if method == 'kmeans' else 'Ward'})",
        ),
        size=(10, 6),
        text=f"<scatter: {n} segments>",
    )
    profile = output.chart(
        lambda axes: plots.segment_heatmap(result.profile, ax=axes),
        size=(10, 2.6 + 0.6 * n),
        text=f"<profile: {n} segments>",
    )
    scores = result.scores.assign(silhouette=result.scores["silhouette"].round(3),
                                  inertia=result.scores["inertia"].round(1))  # fmt: skip
    return (scatter, profile, output.table(scores), *notes)
