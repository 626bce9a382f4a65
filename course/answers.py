"""The learner's toolbox: turn a result table into an answer (one value, a list, the top rows).

Every function of the library returns a table. To *state* an answer (the LQ of food in Vidzeme,
the categories with two stars, the most specialised region) you pick rows and a column. These
three verbs do it in one line, with filters written as ``column=value``:

>>> import pandas as pd
>>> lq = pd.DataFrame({"region": ["LV008", "LV008", "LV006"], "industry": ["C10", "J62", "C10"],
...                    "lq": [3.63, 0.41, 0.72]})
>>> value(lq, "lq", region="LV008", industry="C10")
3.63
>>> values(lq, "industry", region="LV008")
['C10', 'J62']
>>> top(lq, "lq", n=2)["region"].tolist()
['LV008', 'LV006']

A filter value can also be a list, meaning "any of these": ``stars=[2, 3]``. A filter that
matches nothing is an error that names the codes that look close (``"LV08"`` and ``"lv008"``
both suggest ``'LV008'``), because a typo should never become an empty answer.
"""

from __future__ import annotations

import numbers

import pandas as pd

from course.checks import CourseInputError, close_matches, require_columns

__all__ = ["value", "values", "top"]


def _plain(item: object) -> object:
    """A numpy or pandas scalar as the plain Python number or text it stands for."""
    if isinstance(item, bool):
        return item
    if hasattr(item, "item") and not isinstance(item, str):  # numpy scalars
        item = item.item()
    if isinstance(item, bool):  # numpy's True is True, not 1
        return item
    if isinstance(item, numbers.Integral):
        return int(item)
    if isinstance(item, numbers.Real):
        return float(item)
    return item


def _matching(table: pd.DataFrame, column: str, where: dict, *, verb: str) -> pd.DataFrame:
    """The rows of ``table`` that match every ``column=value`` filter, or a helpful error."""
    _require_labels_as_columns(table, [column, *where], verb)
    require_columns(table, [column, *where], where=verb)
    rows = table
    for name, wanted in where.items():
        kept = rows[rows[name].isin(_options(wanted))]
        if kept.empty:
            raise CourseInputError(_no_match(table, rows, name, wanted, verb))
        rows = kept
    return rows


def _options(wanted) -> list:
    """A filter value as the list of values it accepts: a list, tuple, set, Index, Series or
    array means "any of these", anything else (text, a number) itself."""
    if isinstance(wanted, str) or not hasattr(wanted, "__iter__"):
        return [wanted]
    return [_plain(item) for item in wanted]


def _require_labels_as_columns(table: pd.DataFrame, names: list, verb: str) -> None:
    """A matrix (rows labelled by its index, e.g. the Leontief inverse) is read with .loc."""
    if not isinstance(table, pd.DataFrame) or isinstance(table.index, pd.RangeIndex):
        return
    for name in names:
        if isinstance(name, str) and name not in table.columns and name in table.index:
            raise CourseInputError(
                f"{verb}: {name!r} labels a row of this table, not a column. For one cell of a "
                f"matrix write table.loc[{name!r}, 'column'] (row first, then column), or turn "
                "the row labels into a column first with table.reset_index()."
            )
        if name == table.index.name and name not in table.columns:
            raise CourseInputError(
                f"{verb}: {name!r} is the table's row labels (its index), not a column: turn it "
                "into a column first with table.reset_index()."
            )


def _no_match(table: pd.DataFrame, rows: pd.DataFrame, name: str, wanted, verb: str) -> str:
    present = pd.unique(rows[name].dropna())
    if len(present) == 0:
        return f"{verb}: no rows are left to filter by {name}={wanted!r}."
    options = _options(wanted)
    single, option = len(options) == 1, str(options[0]) if options else ""
    by_text = {str(_plain(v)): _plain(v) for v in present}
    close = [by_text[c] for c in close_matches(option, by_text)] if single else []
    if single and option in by_text and not isinstance(options[0], str):
        hint = f"The column holds text: write {name}={option!r}, in quotes."
    elif single and option in by_text:
        kind = "True/False" if isinstance(by_text[option], bool) else "numbers"
        hint = f"The column holds {kind}: write {name}={by_text[option]!r}, without quotes."
    elif single and option[:1] in "<>=!" and option and pd.api.types.is_numeric_dtype(rows[name]):
        # a comparison written as text ("stars='>=2'"): a filter is values, not a condition
        hint = (
            f"A filter is one value or a list of values, not a condition: for 'at least 2' write "
            f"{name}=[2, 3], or keep the rows first with table[table[{name!r}] >= 2]."
        )
    elif close:
        hint = f"Did you mean {', '.join(repr(c) for c in close)}?"
    else:
        shown = ", ".join(repr(_plain(v)) for v in sorted(present, key=str)[:10])
        hint = f"It holds {shown}{', ...' if len(present) > 10 else ''}."
    earlier = " (among the rows that match the filters before it)" if len(rows) < len(table) else ""
    return f"{verb}: no row has {name}={wanted!r}{earlier}. {hint}"


def value(table: pd.DataFrame, column: str, **where) -> object:
    """The one value of ``column`` in the row that matches the filters, as a plain number or text.

    ``value(lq, "lq", region="LV008", industry="C10")`` is the LQ of food in Vidzeme. If several
    rows match, the error says which column would tell them apart, so you can add a filter.

    >>> table = pd.DataFrame({"region": ["A", "A"], "year": [2013, 2023], "employment": [10, 12]})
    >>> value(table, "employment", region="A", year=2023)
    12
    >>> value(table, "employment", region="A")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: value: 2 rows match, so there is no single value. Add a filter, e.g. year=2013 (the rows differ in 'year'), or use answers.values(...) for a list of all of them.
    """
    rows = _matching(table, column, where, verb="value")
    if len(rows) > 1:
        raise CourseInputError(_several_rows(rows, column, where))
    return _plain(rows[column].iloc[0])


def _several_rows(rows: pd.DataFrame, column: str, where: dict) -> str:
    differing = [
        c for c in rows.columns if c != column and c not in where and rows[c].nunique() > 1
    ]
    # a code or a year tells rows apart better than a measured number (employment=7094)
    differing.sort(key=lambda c: pd.api.types.is_float_dtype(rows[c]) or c.endswith("employment"))
    message = f"value: {len(rows)} rows match, so there is no single value."
    several = [k for k in where if k in rows.columns and rows[k].nunique() > 1]
    if several:  # a list filter (export_band=[...]) keeps several rows: that is the reason
        name = several[0]
        message += (
            f" The filter {name}= lists {rows[name].nunique()} values: give one, e.g. "
            f"{name}={_plain(rows[name].iloc[0])!r}, or use answers.values(...) for all of them."
        )
    elif differing and pd.api.types.is_float_dtype(rows[differing[0]]):
        # only measured numbers tell the rows apart: a filter like backward=1.0359... helps nobody
        message += (
            " Add a filter on a code column, or use answers.values(...) for all of them, or "
            "answers.top(...) for the largest."
        )
    elif differing:
        name = differing[0]
        example = _plain(rows[name].iloc[0])
        message += (
            f" Add a filter, e.g. {name}={example!r} (the rows differ in {name!r}), or use "
            "answers.values(...) for a list of all of them."
        )
    elif rows[column].nunique(dropna=False) > 1:
        message += f" The rows differ only in {column!r}: use answers.values(...) for all of them."
    else:
        message += " The rows are copies of each other: drop them with .drop_duplicates()."
    return message


def values(table: pd.DataFrame, column: str, **where) -> list:
    """The values of ``column`` in the rows that match the filters, as a list (table order).

    ``values(stars, "category", region="LV005", stars=[2, 3])`` lists Latgale's categories with
    two or three stars. An empty answer is possible only when the filters match rows: a filter
    that matches nothing is an error (usually a typo).

    >>> table = pd.DataFrame({"category": ["food", "wood", "it"], "stars": [2, 3, 0]})
    >>> values(table, "category", stars=[2, 3])
    ['food', 'wood']
    """
    rows = _matching(table, column, where, verb="values")
    return [_plain(item) for item in rows[column].tolist()]


def top(table: pd.DataFrame, column: str, n: int = 5, **where) -> pd.DataFrame:
    """The ``n`` rows with the largest ``column`` (after the filters), largest first.

    ``top(krugman, "krugman", n=1)`` is the most specialised region's row; missing values
    (NaN) come last and never count as the largest. To get the smallest, use ``n`` and read
    from the end, or sort the table yourself with ``table.sort_values(column)``.

    >>> table = pd.DataFrame({"region": ["A", "B", "C"], "krugman": [0.2, 0.9, 0.5]})
    >>> top(table, "krugman", n=1)["region"].tolist()
    ['B']
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise CourseInputError(f"top: n={n!r} must be a whole number of at least 1, e.g. n=5.")
    rows = _matching(table, column, where, verb="top")
    if not pd.api.types.is_numeric_dtype(rows[column]):
        raise CourseInputError(
            f"top: column {column!r} holds text, so it has no largest value. Pick a column of "
            "numbers, e.g. 'lq' or 'employment'."
        )
    ordered = rows.sort_values(column, ascending=False, kind="stable", na_position="last")
    return ordered.head(n).reset_index(drop=True)
