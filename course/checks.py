"""Input checks shared by the course library.

Every public function of ``course`` checks its input with these helpers before
computing anything, so that a learner who passes the wrong table gets a message
that says what is wrong *and how to fix it*, instead of a ``KeyError`` from
deep inside pandas or, worse, a silently wrong number.

All errors are :class:`CourseInputError`, a subclass of ``ValueError``.

>>> import pandas as pd
>>> table = pd.DataFrame({"region": ["LV006"], "employment": [120]})
>>> require_columns(table, ["region", "industry"], where="location_quotient")
Traceback (most recent call last):
...
course.checks.CourseInputError: location_quotient: the table has no column 'industry'. Its columns are: 'region', 'employment'. Pass the right name, e.g. industry="nace_r2".
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = [
    "CourseInputError",
    "require_columns",
    "require_numeric",
    "require_non_negative",
    "require_single_value",
    "require_choice",
]


class CourseInputError(ValueError):
    """A problem with the data or arguments a learner passed in (a ``ValueError``)."""


def _listing(names: Iterable[object]) -> str:
    return ", ".join(repr(str(n)) for n in names)


def require_columns(df: pd.DataFrame, columns: Iterable[str], *, where: str) -> None:
    """Raise if ``df`` is not a DataFrame or lacks one of ``columns``.

    The message lists the columns the table does have and shows how to pass
    another name, because a differently named column is the usual cause.

    >>> require_columns(pd.DataFrame({"a": [1]}), ["a"], where="demo")  # fine: nothing happens
    """
    if not isinstance(df, pd.DataFrame):
        raise CourseInputError(
            f"{where}: expected a pandas DataFrame, got {type(df).__name__}. "
            "Load a table with course.data.load(...) or pandas.read_csv(...) first."
        )
    for column in columns:
        if column not in df.columns:
            raise CourseInputError(
                f"{where}: the table has no column {column!r}. "
                f"Its columns are: {_listing(df.columns)}. "
                f"Pass the right name, e.g. {_argument_hint(column)}."
            )


def _argument_hint(column: str) -> str:
    examples = {"industry": "nace_r2", "region": "geo", "employment": "emp", "year": "time"}
    return f'{column}="{examples.get(column, "my_column")}"'


def require_numeric(df: pd.DataFrame, column: str, *, where: str) -> None:
    """Raise if ``column`` does not hold numbers (e.g. it was read as text).

    >>> require_numeric(pd.DataFrame({"x": ["1 234"]}), "x", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: column 'x' must hold numbers but holds text (e.g. '1 234'). Read the file with course.data.read_table(...), which converts '1 234,5' and flags like '219 d', or convert the column with pandas.to_numeric.
    """
    series = df[column]
    if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
        sample = series.dropna()
        example = f" (e.g. {str(sample.iloc[0])!r})" if len(sample) else ""
        raise CourseInputError(
            f"{where}: column {column!r} must hold numbers but holds text{example}. "
            "Read the file with course.data.read_table(...), which converts '1 234,5' and flags "
            "like '219 d', or convert the column with pandas.to_numeric."
        )


def require_non_negative(df: pd.DataFrame, column: str, *, where: str) -> None:
    """Raise if ``column`` is not numeric or holds a negative number.

    Employment, establishments and wages cannot be negative; a negative value
    is usually a coding for "missing" (-1, -9999) that must be cleaned first.

    >>> require_non_negative(pd.DataFrame({"employment": [5, -1]}), "employment", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: column 'employment' has 1 negative value(s) (first at row 1: -1). Counts cannot be negative; a negative number is often a code for 'missing': replace it with NaN or drop the row.
    """
    require_numeric(df, column, where=where)
    values = df[column].to_numpy(dtype=float, na_value=np.nan)
    negative = values < 0
    if negative.any():
        first = int(np.flatnonzero(negative)[0])
        raise CourseInputError(
            f"{where}: column {column!r} has {int(negative.sum())} negative value(s) "
            f"(first at row {df.index[first]}: {values[first]:g}). Counts cannot be negative; "
            "a negative number is often a code for 'missing': replace it with NaN or drop the row."
        )


def require_single_value(df: pd.DataFrame, column: str, *, where: str, hint: str) -> None:
    """Raise if ``column`` holds more than one distinct value (e.g. several years).

    >>> frame = pd.DataFrame({"year": [2015, 2016]})
    >>> require_single_value(frame, "year", where="demo", hint="pass by='year'")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: the table holds 2 different values of 'year' (2015, 2016) where one is expected: pass by='year'.
    """
    distinct = pd.unique(df[column].dropna())
    if len(distinct) > 1:
        shown = ", ".join(str(v) for v in sorted(distinct)[:5])
        more = ", ..." if len(distinct) > 5 else ""
        raise CourseInputError(
            f"{where}: the table holds {len(distinct)} different values of {column!r} "
            f"({shown}{more}) where one is expected: {hint}."
        )


def require_choice(value: object, choices: Iterable[object], *, name: str, where: str) -> None:
    """Raise if ``value`` is not one of ``choices``.

    >>> require_choice("rest", ["total", "rest", "pairwise"], name="reference", where="demo")
    >>> require_choice("all", ["total", "rest"], name="reference", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: reference='all' is not one of 'total', 'rest'.
    """
    choices = list(choices)
    if value not in choices:
        raise CourseInputError(f"{where}: {name}={value!r} is not one of {_listing(choices)}.")
