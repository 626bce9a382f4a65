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

import difflib
import warnings
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

__all__ = [
    "CourseInputError",
    "TIME_COLUMNS",
    "require_columns",
    "require_rows",
    "require_numeric",
    "require_non_negative",
    "require_single_value",
    "require_one_period",
    "require_years",
    "require_period",
    "require_unique_rows",
    "require_present",
    "require_choice",
    "require_fraction",
    "require_int_at_least",
    "require_values_in",
    "mapped",
    "close_matches",
    "warn_missing_cells",
    "warn_rows_left_out",
    "warn_unknown_codes",
]

# Columns that hold a period: a table with several values in one of them mixes periods.
# `year` is the course's name, `time` what course.data.read_eurostat returns, `TIME_PERIOD`
# Eurostat's SDMX name.
TIME_COLUMNS = ("year", "time", "TIME_PERIOD", "period")


class CourseInputError(ValueError):
    """A problem with the data or arguments a learner passed in (a ``ValueError``)."""


def _listing(names: Iterable[object]) -> str:
    return ", ".join(repr(str(n)) for n in names)


# the cluster organisation is "organisation" in the benchmarking tables, "cluster" in the others
SAME_KEY = {"organisation": "cluster", "cluster": "organisation"}


def require_columns(df: pd.DataFrame, columns: Iterable[str], *, where: str) -> None:
    """Raise if ``df`` is not a DataFrame or lacks one of ``columns``.

    The message lists the columns the table does have and shows how to pass
    another name, because a differently named column is the usual cause.

    >>> require_columns(pd.DataFrame({"a": [1]}), ["a"], where="demo")  # fine: nothing happens
    """
    columns = list(columns)
    if not isinstance(df, pd.DataFrame):
        raise CourseInputError(
            f"{where}: expected a pandas DataFrame, got {type(df).__name__}. "
            + _table_hint(df, columns)
        )
    for column in columns:
        if not isinstance(column, str):
            raise CourseInputError(
                f"{where}: a column is named by its name in quotes, e.g. 'lq', but got a "
                f"{type(column).__name__}. Did you forget the quotes?"
            )
        if column not in df.columns:
            same = SAME_KEY.get(column)  # the same key under another name: not a spelling slip
            close = [same] if same in df.columns else close_matches(column, df.columns, n=1)
            fix = (
                f"Did you mean {close[0]!r}? Column names are written exactly as in the table"
                if close
                else f"Pass the right name, e.g. {_argument_hint(column)}"
            )
            raise CourseInputError(
                f"{where}: the table has no column {column!r}. "
                f"Its columns are: {_listing(df.columns)}. {fix}."
            )


def _table_hint(value: object, columns: list) -> str:
    """How to get the table a function needs from what was passed instead.

    A result object of the library (e.g. a ``Segmentation``) holds several tables: the one
    with the columns the function asks for is named, because "load a table" would be the
    wrong fix.

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Result:
    ...     members: pd.DataFrame
    ...     profile: pd.DataFrame
    >>> result = Result(pd.DataFrame({"member_id": [1]}), pd.DataFrame({"segment": [1]}))
    >>> print(_table_hint(result, ["segment"]))
    It holds several tables: pass its table .profile (e.g. result.profile), which has the column(s) 'segment'.
    """
    fields = vars(value) if hasattr(value, "__dict__") else {}
    tables = {name: table for name, table in fields.items() if isinstance(table, pd.DataFrame)}
    if not tables:
        return "Load a table with course.data.load(...) or pandas.read_csv(...) first."
    wanted = [c for c in columns if isinstance(c, str)]
    fitting = [name for name, table in tables.items() if set(wanted) <= set(table.columns)]
    if len(fitting) == 1 and wanted:
        return (
            f"It holds several tables: pass its table .{fitting[0]} (e.g. result.{fitting[0]}), "
            f"which has the column(s) {_listing(wanted)}."
        )
    shown = ", ".join(f"result.{name}" for name in (fitting or tables))
    return f"It holds several tables: pass the one you need, one of {shown}."


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
        if len(series) and not len(sample):  # "holds text" would send the learner looking
            raise CourseInputError(
                f"{where}: column {column!r} is empty in every row, so pandas did not read it "
                f"as numbers. If the values are unknown, make that explicit: "
                f"df[{column!r}] = pandas.to_numeric(df[{column!r}])."
            )
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


def require_rows(df: pd.DataFrame, *, where: str) -> None:
    """Raise if the table is empty, usually because a filter before matched nothing.

    >>> require_rows(pd.DataFrame({"region": []}), where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: the table is empty (0 rows). The filter before this step matched nothing: check the spelling of the codes (e.g. 'LV008', not 'LV08') and the year.
    """
    if len(df) == 0:
        raise CourseInputError(
            f"{where}: the table is empty (0 rows). The filter before this step matched "
            "nothing: check the spelling of the codes (e.g. 'LV008', not 'LV08') and the year."
        )


def require_one_period(df: pd.DataFrame, keys: Iterable[str], *, where: str) -> None:
    """Raise if a period column (``year``, ``time``, ``TIME_PERIOD``) that is not a key holds
    several values: the function would pool several years into one reference area.

    >>> table = pd.DataFrame({"time": [2015, 2016]})
    >>> require_one_period(table, [], where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: the table holds 2 different values of 'time' (2015, 2016) where one is expected: pass by='time' to get one result per period, or keep one period first, e.g. df[df['time'] == 2016].
    """
    keys = set(keys)
    for column in TIME_COLUMNS:
        if column in df.columns and column not in keys:
            latest = _literal(df[column].dropna().max())
            require_single_value(
                df,
                column,
                where=where,
                hint=f"pass by={column!r} to get one result per period, or keep one period "
                f"first, e.g. df[df[{column!r}] == {latest}]",
            )


def _literal(value: object) -> str:
    """How a value is written in Python code: 2016 for a number, '2016' for text."""
    if isinstance(value, int | float | np.integer | np.floating) and float(value).is_integer():
        return str(int(value))
    return repr(str(value))


def require_years(df: pd.DataFrame, column: str, *, where: str) -> pd.DataFrame:
    """Return ``df`` with ``column`` as whole numbers; years stored as text are converted.

    A spreadsheet or a Eurostat file often gives years as text ("2013"): they are converted on a
    copy (the input is not changed). Anything else that is not a year is an error.

    >>> require_years(pd.DataFrame({"year": ["2013", "2023"]}), "year", where="demo")["year"].tolist()
    [2013, 2023]
    >>> require_years(pd.DataFrame({"year": ["2013", "2023Q1"]}), "year", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: column 'year' must hold years such as 2013, but holds '2023Q1'. Keep yearly data only, or convert the column, e.g. df['year'] = df['year'].str[:4].astype(int).
    """
    series = df[column]
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return df
    converted = pd.to_numeric(series.astype("str").str.strip(), errors="coerce")
    bad = converted.isna() & series.notna()
    if bad.any() or (converted.dropna() % 1 != 0).any():
        example = series[bad].iloc[0] if bad.any() else series.iloc[0]
        raise CourseInputError(
            f"{where}: column {column!r} must hold years such as 2013, but holds {str(example)!r}. "
            "Keep yearly data only, or convert the column, e.g. "
            f"df[{column!r}] = df[{column!r}].str[:4].astype(int)."
        )
    return df.assign(**{column: converted.astype("Int64" if converted.isna().any() else "int64")})


def require_period(available: Iterable, start, end, *, column: str, where: str) -> None:
    """Raise unless ``start`` and ``end`` are among the ``available`` years, start first.

    >>> require_period([2013, 2023], 2013, 2020, column="year", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: end=2020 is not in column 'year'; available years: 2013, 2023. Pick one of those.
    """
    available = sorted(available)
    for name, wanted in (("start", start), ("end", end)):
        if wanted not in available:
            shown = ", ".join(str(y) for y in available) or "none"
            raise CourseInputError(
                f"{where}: {name}={wanted!r} is not in column {column!r}; available years: "
                f"{shown}. Pick one of those."
            )
    if not start < end:
        raise CourseInputError(f"{where}: start={start!r} must be before end={end!r}.")


def require_unique_rows(
    df: pd.DataFrame,
    keys: Sequence[str],
    *,
    where: str,
    fix: str | None = None,
    by_hint: bool = False,
) -> None:
    """Raise if two rows share the same ``keys``: their values would be double counted.

    The message names the other columns in which the repeated rows differ, because that is
    usually the cause: several indicators or units (Eurostat files), or several years. Adding
    the rows up is suggested only when nothing tells them apart. ``by_hint`` adds "pass by=..."
    for functions that have a ``by`` parameter.

    >>> table = pd.DataFrame({"region": ["LV008", "LV008"], "industry": ["C10", "C10"],
    ...                       "unit": ["NR", "PC"], "employment": [4231, 3.1]})
    >>> require_unique_rows(table, ["region", "industry"], where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: 2 rows repeat the same region x industry combination (e.g. 'LV008' x 'C10'). The repeated rows differ in column 'unit' ('NR', 'PC'): keep one value first, e.g. df[df['unit'] == 'NR'].
    """
    repeated = df.duplicated(subset=list(keys), keep=False).to_numpy()
    if not repeated.any():
        return
    rows = df.loc[repeated]
    example = " x ".join(_literal(v) for v in rows[list(keys)].iloc[0].tolist())
    message = (
        f"{where}: {int(repeated.sum())} rows repeat the same {' x '.join(keys)} combination "
        f"(e.g. {example})."
    )
    first = rows[rows[list(keys)].eq(rows[list(keys)].iloc[0]).all(axis=1)]
    differing = [c for c in df.columns if c not in keys and first[c].nunique(dropna=False) > 1]
    periods = [c for c in differing if c in TIME_COLUMNS]
    # an indicator or unit column holds codes (text); differing numbers are the values themselves
    labels = [c for c in differing if c not in periods and not pd.api.types.is_numeric_dtype(df[c])]
    if fix:
        message += f" {fix}."
    elif periods:
        column = periods[0]
        keep = f"keep one period first, e.g. df[df[{column!r}] == {_literal(first[column].max())}]"
        by = f"pass by={column!r} to get one result per period, or " if by_hint else ""
        message += f" The rows are from different periods (column {column!r}): {by}{keep}."
    elif labels:
        column = labels[0]
        values = ", ".join(repr(str(v)) for v in pd.unique(first[column])[:4])
        message += (
            f" The repeated rows differ in column {column!r} ({values}): keep one value first, "
            f"e.g. df[df[{column!r}] == {str(first[column].iloc[0])!r}]."
        )
    else:
        message += (
            " Nothing else tells the rows apart. If they are parts of one cell (e.g. several "
            "local units), add them up first: "
            f"df.groupby({list(keys)!r}, as_index=False).sum(numeric_only=True); if they are "
            "copies, drop them: df.drop_duplicates()."
        )
    raise CourseInputError(message)


def close_matches(value: object, available: Iterable[object], n: int = 3) -> list[str]:
    """The codes in ``available`` that look most like ``value`` (case-insensitive).

    >>> close_matches("LV08", ["LV003", "LV005", "LV008", "LV009", "EE001"])
    ['LV008', 'LV009', 'LV005']
    >>> close_matches("lv008", ["LV003", "LV008"])
    ['LV008', 'LV003']
    """
    texts = {str(v).upper(): str(v) for v in available}
    found = difflib.get_close_matches(str(value).upper(), list(texts), n=n, cutoff=0.4)
    return [texts[t] for t in found]


def require_present(column: pd.Series, wanted: Iterable[object], *, what: str, where: str) -> None:
    """Raise if one of ``wanted`` is not among the values of ``column`` (a typo, usually).

    >>> regions = pd.Series(["LV003", "LV005", "LV008"])
    >>> require_present(regions, ["LV08"], what="region", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: region 'LV08' is not in the table. Did you mean 'LV008', 'LV005', 'LV003'? Codes are written as in the table.
    """
    available = pd.unique(column.dropna())
    known = {str(v) for v in available}
    for value in wanted:
        if str(value) not in known:
            close = close_matches(value, available)
            if close:
                hint = f"Did you mean {_listing(close)}? Codes are written as in the table."
            else:
                more = ", ..." if len(available) > 12 else ""
                hint = f"Available: {_listing(sorted(known)[:12])}{more}."
            raise CourseInputError(f"{where}: {what} {str(value)!r} is not in the table. {hint}")


def require_fraction(value: object, *, name: str, where: str) -> None:
    """Raise unless ``value`` is a number between 0 and 1 (a percentile as a fraction).

    >>> require_fraction(90, name="size_quantile", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: size_quantile=90 must be a number between 0 and 1 (0.9 = the 90th percentile).
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise CourseInputError(
            f"{where}: {name}={value!r} must be a number between 0 and 1 (0.9 = the 90th percentile)."
        )


def require_int_at_least(value: object, minimum: int, *, name: str, where: str) -> None:
    """Raise unless ``value`` is a whole number of at least ``minimum``.

    >>> require_int_at_least(2.5, 1, name="top", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: top=2.5 must be a whole number of at least 1, e.g. top=10.
    """
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise CourseInputError(
            f"{where}: {name}={value!r} must be a whole number of at least {minimum}, "
            f"e.g. {name}=10."
        )


def require_values_in(
    df: pd.DataFrame, column: str, allowed: Iterable[float], *, where: str, hint: str
) -> None:
    """Raise if a (numeric) column holds a value outside ``allowed``; missing values pass.

    >>> require_values_in(pd.DataFrame({"stars": [0, 4]}), "stars", [0, 1, 2, 3], where="demo",
    ...                   hint="Use star counts")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: column 'stars' must hold 0, 1, 2 or 3, but holds 4. Use star counts.
    """
    allowed = list(allowed)
    values = df[column].to_numpy(dtype=float, na_value=np.nan)
    wrong = values[~np.isnan(values) & ~np.isin(values, allowed)]
    if wrong.size:
        shown = ", ".join(f"{v:g}" for v in allowed[:-1]) + f" or {allowed[-1]:g}"
        raise CourseInputError(
            f"{where}: column {column!r} must hold {shown}, but holds {wrong[0]:g}. {hint}."
        )


def mapped(codes: pd.Series, mapping, *, what: str, fix: str, where: str) -> pd.Series:
    """``codes`` translated with ``mapping`` (a dict or Series); every code must have an entry.

    >>> mapped(pd.Series(["C10", "J62"], name="industry"), {"C10": "food"}, what="cluster category",
    ...        fix="Add them to the categories table", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: 1 industry code(s) have no cluster category: 'J62'. Add them to the categories table; check that codes are written the same way in both tables (e.g. 'C10').
    """
    result = codes.map(mapping)
    unmapped = pd.unique(codes[result.isna()])
    if len(unmapped):
        raise CourseInputError(
            f"{where}: {len(unmapped)} {codes.name or 'the'} code(s) have no {what}: "
            f"{_listing(unmapped[:15])}. {fix}; "
            "check that codes are written the same way in both tables (e.g. 'C10')."
        )
    return result


def warn_missing_cells(
    df: pd.DataFrame, missing: np.ndarray, keys: Sequence[str], *, where: str, effect: str
) -> None:
    """Warn once that some cells are missing (NaN), name them, say what was done and the options.

    ``missing`` marks the rows with a missing value; ``effect`` says what the function did
    about them (e.g. which results are NaN). Read a suppressed cell as unknown, never as 0.
    """
    count = int(np.count_nonzero(missing))
    if not count:
        return
    shown = "; ".join(
        " x ".join(str(v) for v in row)
        for row in df.loc[missing, list(keys)].head(5).itertuples(index=False)
    )
    more = f" and {count - 5} more" if count > 5 else ""
    warnings.warn(
        f"{where}: {count} cell(s) are missing (NaN): {shown}{more}. {effect} "
        "Options: drop them first (df.dropna(subset=[...])); fill them with a named estimate "
        "you can defend, e.g. the same cell in the nearest year; or, if a suppressed cell is "
        "known to be small, fill it with 0 and read the totals as lower bounds.",
        MissingDataWarning,
        stacklevel=3,
    )


class MissingDataWarning(UserWarning):
    """Some cells are missing (NaN); the warning says which results they affect."""


def warn_unknown_codes(values: Iterable[object], known: Iterable[object], *, what: str, where: str):
    """Warn, listing them, about codes that are not in a reference list (typos, other revisions).

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_unknown_codes(["C10", "C99"], ["C10", "C11"], what="NACE Rev. 2 division", where="demo")
    >>> str(caught[0].message)
    "demo: 1 code(s) are not a NACE Rev. 2 division: 'C99'. Check the spelling, and that the table uses NACE Rev. 2 (not Rev. 2.1)."
    """
    known = set(known)
    unknown = [v for v in pd.unique(pd.Series(list(values))) if v not in known]
    if unknown:
        revision = " (not Rev. 2.1)" if "NACE" in what else ""
        warnings.warn(
            f"{where}: {len(unknown)} code(s) are not a {what}: {_listing(unknown[:10])}. "
            f"Check the spelling, and that the table uses {what.rsplit(' ', 1)[0]}{revision}.",
            UnknownCodeWarning,
            stacklevel=3,
        )


class UnknownCodeWarning(UserWarning):
    """A code is not in the course's reference list (NACE Rev. 2 divisions and sections)."""


def warn_rows_left_out(
    df: pd.DataFrame, left_out: np.ndarray, *, where: str, reason: str, options: str
) -> None:
    """Warn once that some rows were left out of a result, name them, say why and what to do.

    Rows are named by ``member_id`` and ``member_name`` when the table has them (else by their
    index). Unlike :func:`warn_missing_cells`, the options are the caller's: for a member's
    money, "fill it with 0" would be wrong advice.

    >>> import warnings
    >>> table = pd.DataFrame({"member_id": ["a_001", "a_002"], "turnover_eur": [1.0, None]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_rows_left_out(table, table["turnover_eur"].isna().to_numpy(), where="demo",
    ...                        reason="their turnover is missing", options="Fill it in.")
    >>> str(caught[0].message)
    'demo: 1 row(s) are left out (a_002): their turnover is missing. Fill it in.'
    """
    count = int(np.count_nonzero(left_out))
    if not count:
        return
    named = [c for c in ("member_id", "member_name") if c in df.columns]
    rows = df.loc[left_out, named] if named else df.index[left_out].to_frame()
    shown = "; ".join(" ".join(map(str, row)) for row in rows.head(5).itertuples(index=False))
    more = f" and {count - 5} more" if count > 5 else ""
    warnings.warn(
        f"{where}: {count} row(s) are left out ({shown}{more}): {reason}. {options}",
        MissingDataWarning,
        stacklevel=3,
    )
