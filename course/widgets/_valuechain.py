"""Explorers for module 3, value chain analysis: the value-chain explorer.

Thin: every number comes from ``course.valuechain`` (``industry_links``) and every chart from
``course.plots``.
"""

from __future__ import annotations

import pandas as pd

from course import plots, valuechain
from course._guards import renamed_keywords
from course.checks import CourseInputError
from course.widgets import _output as output

__all__ = ["valuechain_explorer"]


@renamed_keywords(industry="industry_code", top="n")
def valuechain_explorer(table, *, industry_code: str = "food", n: int = 5):
    """An explorer of one industry's value chain: pick an industry, see its suppliers, buyers
    and multipliers.

    ``table`` is the course's ``io_table`` (or the accounts of ``valuechain.io_accounts``);
    ``industry_code`` is the industry shown first (a sector code of the table) and ``n`` the
    number of suppliers and buyers shown at first.
    Returns an ``ipywidgets.VBox`` with an industry ``Dropdown``, an ``IntSlider`` for the
    number of suppliers and buyers shown, and an ``Output`` with the industry's multipliers
    (a small table) and two bar charts (``plots.link_bars``): its main suppliers and its main
    buyers, direct and indirect. Every change recomputes ``valuechain.industry_links``.

    >>> from course import data
    >>> explorer = valuechain_explorer(data.load("io_table"), industry_code="plastic_packaging")
    >>> choose = explorer.children[0]
    >>> choose.value, choose.label
    ('plastic_packaging', 'Plastic products and packaging (C22)')
    """
    import ipywidgets as widgets

    accounts = table if isinstance(table, valuechain.IOAccounts) else valuechain.io_accounts(table)
    if industry_code not in accounts.Z.index:
        valuechain.industry_links(accounts, industry_code)  # raises the error with close matches
    choose_industry = widgets.Dropdown(
        options=[(name, code) for code, name in accounts.names.items()],
        value=industry_code,
        description="Industry",
    )
    choose_n = widgets.IntSlider(
        value=n, min=1, max=len(accounts.Z), description="Show top", continuous_update=False
    )
    shown = widgets.Output()

    def redraw(_change=None) -> None:
        shown.outputs = _render(accounts, choose_industry.value, choose_n.value)

    for control in (choose_industry, choose_n):
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([choose_industry, choose_n, shown])


def _render(accounts, industry_code: str, n: int) -> tuple:
    """The Output's content: multipliers, supplier and buyer charts, or a message."""
    try:
        links = valuechain.industry_links(accounts, industry_code, n=n)
    except CourseInputError as problem:
        return (output.text(str(problem)),)
    row = links.multipliers.iloc[0]
    numbers = pd.DataFrame(
        {
            "Output multiplier": [f"{row['output_multiplier']:.2f}"],
            "Value added per EUR of final demand": [f"{row['value_added_multiplier']:.2f}"],
            "Jobs per EUR 1 m of final demand": [f"{row['employment_multiplier']:.1f}"],
            "Type I employment multiplier": [f"{row['employment_type_i']:.2f}"],
        }
    )
    charts = []
    for kind, table in (("suppliers", links.suppliers), ("buyers", links.buyers)):

        def draw(axes, table=table) -> None:
            plots.link_bars(table, names="name", n=n, target=links.name, ax=axes)

        size = (10, 2.2 + 0.5 * len(table))
        charts.append(output.chart(draw, size=size, text=f"<{kind} of {links.name}>"))
    return (output.table(numbers), *charts)
