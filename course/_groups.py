"""Private: the grouping arithmetic shared by every subject module of ``course``.

Each key column becomes integer codes 0..n-1 (``pandas.factorize``), so that a sum per group is one
``numpy.bincount`` and a percentile per group is one sort. This is what a ``groupby`` does inside;
written out, it keeps a million-row table fast (see ``tests/benchmarks``) and lets one pass compute
the several totals a formula needs. Learners do not need this file: the public functions say in
their docstrings what they compute.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course.checks import CourseInputError

Codes = tuple[np.ndarray, int]  # (a group code per row, the number of groups)


def as_list(columns: str | Sequence[str] | None) -> list[str]:
    """``None`` -> ``[]``, ``"year"`` -> ``["year"]``, a list stays a list."""
    if columns is None:
        return []
    if isinstance(columns, str):
        return [columns]
    return list(columns)


def float_values(df: pd.DataFrame, column: str) -> np.ndarray:
    """The column as float64 with NaN for missing (also for pandas' nullable ``pd.NA``)."""
    return df[column].to_numpy(dtype=float, na_value=np.nan)


def divide(numerator, denominator) -> np.ndarray:
    """numerator / denominator, NaN (never inf) where the denominator is 0 or missing."""
    numerator, denominator = np.broadcast_arrays(
        np.asarray(numerator, dtype=float), np.asarray(denominator, dtype=float)
    )
    result = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=result, where=denominator > 0)
    return result


def factorize(df: pd.DataFrame, column: str, *, where: str) -> Codes:
    """Integer code 0..n-1 per row for the values of one key column (in order of appearance)."""
    return factorize_with_labels(df, column, where=where)[0]


def factorize_with_labels(df: pd.DataFrame, column: str, *, where: str):
    """:func:`factorize`, and the distinct values of the column (code k is ``labels[k]``)."""
    codes, uniques = pd.factorize(df[column])
    if (codes < 0).any():
        first = int(np.flatnonzero(codes < 0)[0])
        raise CourseInputError(
            f"{where}: column {column!r} has {int((codes < 0).sum())} empty value(s) "
            f"(first at row {df.index[first]}). Every row needs a {column}: fill it in or "
            f"drop those rows, e.g. df.dropna(subset=[{column!r}])."
        )
    return (codes.astype(np.int64), len(uniques)), uniques


def combine(*parts: Codes) -> Codes:
    """One code per row for a combination of codes (like a multi-column groupby key)."""
    code, size = parts[0]
    for part, n in parts[1:]:
        code = code * n + part
        size *= n
        if size > 4 * len(code) + 1024:  # keep bincount arrays small: renumber 0..n-1
            code, uniques = pd.factorize(code)
            size = len(uniques)
    return code, size


def key_codes(df: pd.DataFrame, columns: Sequence[str], *, where: str) -> Codes:
    """One code per row for the combination of key columns; a single group if there are none."""
    if not columns:
        return np.zeros(len(df), dtype=np.int64), 1
    return combine(*(factorize(df, column, where=where) for column in columns))


def first_rows(code: np.ndarray) -> np.ndarray:
    """Position of the first row of each group, in the order the groups first appear."""
    return np.sort(np.unique(code, return_index=True)[1])


def group_sum(code: np.ndarray, size: int, weights: np.ndarray) -> np.ndarray:
    """Sum of weights per group; NaN weights count as 0 (callers decide what missing means)."""
    return np.bincount(code, weights=np.nan_to_num(weights, nan=0.0), minlength=size)


def group_any(code: np.ndarray, size: int, flags: np.ndarray) -> np.ndarray:
    """True for each group in which at least one row's flag is True."""
    return np.bincount(code, weights=flags.astype(float), minlength=size) > 0


def group_count(code: np.ndarray, size: int, mask: np.ndarray) -> np.ndarray:
    """Number of rows per group where ``mask`` is True."""
    return np.bincount(code[mask], minlength=size)


def group_quantile(values: np.ndarray, code: np.ndarray, size: int, q: float, mask: np.ndarray):
    """``numpy.quantile(values[mask & group], q, method="linear")`` for every group at once.

    Sorting once by (group, value) and interpolating between neighbours replaces a Python
    loop over groups. The interpolation copies numpy's own arithmetic (``_lerp``), so a value
    exactly at the percentile compares equal to what numpy.quantile returns.
    Groups without any value get NaN.
    """
    rows = np.flatnonzero(mask & ~np.isnan(values))
    order = rows[np.lexsort((values[rows], code[rows]))]
    ordered = values[order]
    counts = np.bincount(code[order], minlength=size)
    starts = np.cumsum(counts) - counts
    virtual = (counts - 1) * q
    at_top = virtual >= counts - 1
    low = np.where(at_top, counts - 1, np.floor(virtual)).astype(np.int64)
    high = np.where(at_top, counts - 1, low + 1)
    gamma = virtual - low
    result = np.full(size, np.nan)
    has = counts > 0
    a = ordered[(starts + low)[has]]
    b = ordered[(starts + high)[has]]
    t = gamma[has]
    difference = b - a
    # numpy interpolates from the nearer end for t >= 0.5 (better rounding): do the same
    result[has] = np.where(t >= 0.5, b - difference * (1 - t), a + difference * t)
    return result
