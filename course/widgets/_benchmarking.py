"""Explorer for module 4, benchmarking: choose an organisation and a peer group.

Thin: every number comes from ``course.benchmarking`` (``peer_bands``, ``area_scores``,
``peer_gaps``) and every chart from ``course.plots`` (``area_radar``).
"""

from __future__ import annotations

import warnings

import pandas as pd

from course import benchmarking, columns, plots
from course._guards import MIN_PEERS, SmallGroupWarning, renamed_keywords
from course.checks import CourseInputError, require_columns, require_present
from course.widgets import _output as output

__all__ = ["benchmark_explorer"]

# Peer-group choices: (label, the column whose value an organisation shares with its peers)
PEER_GROUPS = (
    ("All organisations", ""),
    ("Same sector", "sector"),
    ("Same size band", "size_band"),
    ("Same age band", "age_band"),
    ("Same country", "country"),
)


@renamed_keywords(organisation="organisation_id", gaps="n")
def benchmark_explorer(
    bench: pd.DataFrame, *, organisation_id: str = "lv_food", year: int | None = None, n: int = 8
):
    """An explorer of one organisation's benchmark: pick the organisation and the peer group.

    ``organisation_id`` is the organisation shown first (a code of the ``organisation``
    column). Returns an ``ipywidgets.VBox`` with an organisation ``Dropdown`` (the course
    clusters first), a peer-group ``Dropdown`` (all organisations, same sector, size band, age band or
    country) and an ``Output`` with the radar of the area scores against the peer median and
    top quartile (``plots.area_radar``) and the ``n`` indicators furthest behind the peers
    (lowest percentile, with the gap to the median and the top quartile from
    ``benchmarking.peer_gaps``). ``year`` is the round (default: the latest). A problem (a peer
    group of one) is shown as a message instead of an error.

    >>> from course import data
    >>> explorer = benchmark_explorer(data.load("benchmarking"), organisation_id="lv_it")
    >>> explorer.children[0].value, explorer.children[1].label
    ('lv_it', 'All organisations')
    >>> [o["data"]["text/plain"][:20] for o in explorer.children[-1].outputs][:1]
    ['<radar of lv_it, all']
    """
    import ipywidgets as widgets

    where = "benchmark_explorer"
    require_columns(bench, ["organisation", "indicator", "value", "year"], where=where)
    require_present(bench["organisation"], [organisation_id], what="organisation", where=where)
    year = int(bench["year"].max()) if year is None else year
    require_present(bench["year"], [year], what="year", where=where)
    one_round = bench[bench["year"] == year]
    if {"members_total", "founded_year"} <= set(one_round.columns):
        one_round = benchmarking.peer_bands(one_round)
    choose_organisation = widgets.Dropdown(
        options=_organisation_options(one_round), value=organisation_id, description="Organisation"
    )
    groups = [(label, column) for label, column in PEER_GROUPS if column in ("", *one_round)]
    choose_peers = widgets.Dropdown(options=groups, value="", description="Peers")
    shown = widgets.Output()

    def redraw(_change=None) -> None:
        shown.outputs = _render(
            one_round,
            choose_organisation.value,
            choose_peers.value or None,
            choose_peers.label,
            n,
        )

    for control in (choose_organisation, choose_peers):
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([choose_organisation, choose_peers, shown])


def _organisation_options(one_round: pd.DataFrame) -> list[tuple[str, str]]:
    """("Vidzeme Food Cluster (lv_food)", "lv_food") entries, course clusters first."""
    table = one_round.drop_duplicates("organisation")
    if "course_cluster" in table:
        table = table.sort_values("course_cluster", ascending=False, kind="stable")
    codes = table["organisation"].astype(str)
    names = table["organisation_name"].astype(str) if "organisation_name" in table else codes
    return [(f"{name} ({code})", code) for name, code in zip(names, codes, strict=True)]


def _render(one_round, organisation_id, peers, peers_label, n):
    """The Output's content: the radar and the table of the largest gaps, or a message."""
    try:
        with warnings.catch_warnings():
            # small groups of other organisations are not this view's business; a small group
            # of the organisation shown is said below, in words
            warnings.simplefilter("ignore", SmallGroupWarning)
            scores = benchmarking.area_scores(one_round, peers=peers)
            table = benchmarking.peer_gaps(one_round, peers=peers)
    except CourseInputError as problem:
        return (output.text(str(problem)),)
    own = table[table["organisation"] == organisation_id]
    if own[columns.PERCENTILE].isna().all():
        return (
            output.text(
                f"{organisation_id} has no peers in this group (fewer than {MIN_PEERS} "
                "organisations with values): choose another."
            ),
        )
    label = f"{organisation_id}, {peers_label.lower()}"

    def draw(axes) -> None:
        plots.area_radar(
            scores, organisation_id, ax=axes, title=f"{label}: area scores against the peers"
        )

    radar = output.chart(draw, size=(10, 7), text=f"<radar of {label}>")
    behind = own.sort_values(columns.PERCENTILE, kind="stable").head(n)
    shown = pd.DataFrame(
        {
            "Indicator": behind["indicator"],
            "Value": behind["value"].map("{:,.1f}".format),
            "Percentile": behind[columns.PERCENTILE].map("{:.0f}".format),
            "Peers": behind["peer_count"],
            "Gap to median": behind["gap_to_median"].map("{:+,.1f}".format),
            "Gap to top quartile": behind["gap_to_top_quartile"].map("{:+,.1f}".format),
        }
    )
    return (radar, output.table(shown))
