"""The course IO table has no two equal amounts in a row or column, so a wrong row is never right.

Issue 18: food, other manufacturing and business services all sold exactly 29.7 to beverages, so
a task "how much does food sell to beverages" accepted two wrong rows. The generator now moves
such cells (``datasets/generator/io_table.py``, ``_without_ties``); this test keeps it so.
"""

from __future__ import annotations

import pandas as pd

from tests.conftest import ROOT

FINAL = ["households", "government", "investment", "exports"]


def _industries() -> pd.DataFrame:
    table = pd.read_csv(ROOT / "datasets" / "io_table.csv").set_index("code")
    return table[table["kind"] == "industry"]


def _repeated(line: pd.Series) -> list[str]:
    line = line[line > 0]
    return sorted(line.index[line.duplicated(keep=False)])


def test_no_column_has_two_equal_amounts():
    rows = _industries()
    for column in list(rows.index) + FINAL:
        assert _repeated(rows[column]) == [], f"equal amounts in column {column}"


def test_no_row_has_two_equal_sales_to_industries():
    rows = _industries()
    for code in rows.index:
        assert _repeated(rows.loc[code, list(rows.index)].astype(float)) == [], code


def test_the_cells_issue_18_named_now_differ():
    rows = _industries()
    to_beverages = rows.loc[["food", "other_manufacturing", "business_services"], "beverages"]
    assert to_beverages.nunique() == 3
    assert rows.loc["ict", "transport_logistics"] == 94.4  # the IT + logistics thread of module 3
