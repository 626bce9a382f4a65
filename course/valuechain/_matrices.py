"""Private: checked, labelled matrices for input-output analysis.

Every public function of ``course.valuechain`` takes labelled pandas objects (a square
DataFrame with the sector labels as index and columns, a Series of the same labels) and returns
labelled ones. These helpers check the input once, in the words a learner understands, and
turn it into plain numpy arrays for the arithmetic; the results get the labels back.

What they do with a table that is not quite right (the same answer in every function):

- a sector without a label is refused; a **total** row and column (``TOTAL``, ``WORLD``, a
  country's code beside its regions: :func:`course._guards.aggregate_rows`) is refused, or left
  out with a warning when the learner passes ``drop_aggregates=True``;
- a sector with **zero output** that still sells or buys is refused (the table is inconsistent);
  one whose row and column are all zero is left out, with a warning, because kept it would count
  in every average of ``L`` and shift the other sectors' linkages;
- the result's ``attrs["left_out"]`` names each sector left out and why;
- an **ill-conditioned** ``I - A`` (condition number above :data:`CONDITION_LIMIT`) warns.
"""

from __future__ import annotations

import sys
import warnings
import weakref
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from course._guards import AggregateRowWarning, aggregate_rows, blank_keys
from course.checks import CourseInputError, close_matches

_LABEL = "industry"  # the name of an unnamed sector index in tidy results

# Course convention: warn when the condition number of I - A (or I - B) is above this. Tables
# are published to about four significant digits (EUR 0.1 million on flows of hundreds), and
# with a condition number of 10,000 an error in the fourth digit may change the results by up
# to 100 %. Real tables are far below: the course's table 4.6, pymrio's test system about 10.
CONDITION_LIMIT = 1e4

# Why a sum of coefficients stays below 1 in a real table: A's columns, B's rows.
_SUMS = {
    "A": (0, "column", "part of each sector's output pays for value added and imports"),
    "B": (1, "row", "part of each sector's output goes to final demand (households, exports)"),
}
X_HINT = "Check that x is gross output (the row totals), not value added or final demand."

_PACKAGE = str(Path(__file__).resolve().parents[1])  # the folder of the course package


class EmptySectorWarning(UserWarning):
    """Sectors with no output, no sales and no purchases were left out of the result."""


class IllConditionedWarning(UserWarning):
    """I - A is nearly singular: the results are very sensitive to small changes in the table."""


def warn(message: str, category: type[Warning]) -> None:
    """Warn at the learner's line: the first caller outside the course package."""
    level, frame = 2, sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, category, stacklevel=level)


def _shown(labels, n: int = 5) -> str:
    labels = list(labels)
    more = ", ..." if len(labels) > n else ""
    return ", ".join(repr(v) for v in labels[:n]) + more


@dataclass(frozen=True)
class Checked:
    """A checked table as arrays: coefficients, flows and output, the labels of the sectors
    kept, and the sectors left out with the reason (for the result's ``attrs``)."""

    coefficients: np.ndarray | None  # None: not computed yet (checked_table)
    flows: np.ndarray
    output: np.ndarray
    labels: pd.Index
    left_out: dict


# --------------------------------------------------------------------------------------
# Matrices and vectors
# --------------------------------------------------------------------------------------


def square(
    matrix: pd.DataFrame, *, name: str, where: str, drop_aggregates: bool | None = None
) -> tuple[np.ndarray, pd.Index]:
    """The matrix as a float array with its labels; refused unless square, labelled the same
    way on both sides, numeric and complete. Columns in another order are put in row order.

    Total rows and columns are refused; ``drop_aggregates=True`` leaves them out (the labels
    returned are then those kept). ``None``: the function has no such option (a matrix of
    results such as ``L``, where leaving a sector out afterwards would be wrong)."""
    if not isinstance(matrix, pd.DataFrame):
        raise CourseInputError(
            f"{where}: {name} must be a pandas DataFrame with the sector labels as index and "
            f"columns, got {type(matrix).__name__}. Wrap an array as "
            f"pd.DataFrame(array, index=sectors, columns=sectors)."
        )
    rows, columns = matrix.shape
    if rows == 0:
        raise CourseInputError(f"{where}: {name} is empty (0 sectors). Pass the whole table.")
    if rows != columns:
        raise CourseInputError(
            f"{where}: {name} must be square (one row and one column per sector), but it has "
            f"{rows} rows and {columns} columns. Keep only the industry x industry block: "
            "final demand, value added and totals are separate (see valuechain.io_accounts)."
        )
    # labels checked before (those of A, L, G made here, or of a Z passed again) are not
    # checked again: they cannot have changed
    incoming = (matrix.index, matrix.columns)
    trusted = _known(matrix.index) and _known(matrix.columns)
    for axis, labels in (("rows", matrix.index), ("columns", matrix.columns)):
        if not trusted:
            require_labelled(labels, name=f"{name} ({axis})", where=where)
        if labels.has_duplicates:
            repeated = labels[labels.duplicated()].unique()
            raise CourseInputError(
                f"{where}: {name} has {axis} with the same label twice ({_shown(repeated)}). "
                "Each sector needs one row and one column: add up or rename the repeated ones."
            )
    if not matrix.index.equals(matrix.columns):
        if set(matrix.index) != set(matrix.columns):
            only_rows = [v for v in matrix.index if v not in set(matrix.columns)]
            only_columns = [v for v in matrix.columns if v not in set(matrix.index)]
            raise CourseInputError(
                f"{where}: the rows and columns of {name} must be the same sectors, but rows "
                f"{_shown(only_rows)} have no column and columns {_shown(only_columns)} have "
                "no row. Label both sides with the same sector codes."
            )
        matrix = matrix[list(matrix.index)]
    totals = None if trusted else total_labels(matrix.index, name=name, where=where,
                                                 drop=drop_aggregates)  # fmt: skip
    if totals is not None:
        matrix = matrix.loc[~totals, ~totals]
    elif not trusted:
        for labels in incoming:
            _remember(labels)
    return numbers(matrix, name=name, where=where), matrix.index


# The label objects already checked: those of the matrices made here and of the tables passed
# in (pandas labels cannot change in place; an added or renamed sector makes new ones), so
# that L made from A, or io.Z passed to a second function, is not checked again: a label check
# costs about as much as the arithmetic of a 2,000-sector multiplier.
_MADE: dict[int, weakref.ref] = {}


def _known(labels: pd.Index) -> bool:
    made = _MADE.get(id(labels))
    return made is not None and made() is labels


def _remember(labels: pd.Index) -> pd.Index:
    key = id(labels)
    _MADE[key] = weakref.ref(labels, lambda _, key=key: _MADE.pop(key, None))
    return labels


def require_labelled(labels: pd.Index, *, name: str, where: str) -> None:
    """Refuse a sector without a label (NaN or blank text) on either side of a matrix."""
    for level in range(labels.nlevels):
        blank = blank_keys(labels.get_level_values(level).to_series())
        if blank.any():
            first = int(np.flatnonzero(blank)[0])
            raise CourseInputError(
                f"{where}: {name} has {int(blank.sum())} sector(s) without a label (the first "
                f"is number {first + 1}). Label every row and column with its sector code: a "
                "sector without a name cannot be matched with x or read in the result."
            )


def total_labels(
    labels: pd.Index, *, name: str, where: str, drop: bool | None, example: str | None = None
) -> np.ndarray | None:
    """Mask of the sectors that are totals of others (``TOTAL``, ``WORLD``, ``LV`` beside
    ``LV003``: :func:`course._guards.aggregate_rows`, on each level of the labels), or None.
    Refused unless ``drop`` is True; then left out with an :class:`AggregateRowWarning`.
    ``example`` shows how to drop them (``{codes}`` is replaced by their list)."""
    levels = [labels.get_level_values(k) for k in range(labels.nlevels)]
    flags = [aggregate_rows(level.to_series()) for level in levels]
    totals = np.logical_or.reduce(flags)
    if not totals.any():
        return None
    codes = sorted({str(v) for level, flag in zip(levels, flags, strict=True) for v in level[flag]})
    if not drop:
        level = next(k for k, flag in enumerate(flags) if flag.any())
        on_level = f", level={labels.names[level]!r}" if labels.nlevels > 1 else ""
        option = ", or pass drop_aggregates=True" if drop is False else ", then compute it again"
        example = (
            example.format(codes=repr(codes))
            if example
            else f"Z.drop(index={codes!r}, columns={codes!r}{on_level}) and the same sectors of x"
        )
        raise CourseInputError(
            f"{where}: {name} has total rows and columns ({_shown(codes)}) beside the sectors "
            "they add up, so every flow in them would be counted twice. Drop them first, e.g. "
            f"{example}{option}."
        )
    warn(
        f"{where}: {int(totals.sum())} total row(s) and column(s) of {name} "
        f"({_shown(labels[totals])}) were left out, as drop_aggregates=True asks; "
        "result.attrs['left_out'] lists them.",
        AggregateRowWarning,
    )
    return totals


def numbers(frame: pd.DataFrame, *, name: str, where: str) -> np.ndarray:
    """The table as a float array; refused if a column holds text or a cell is missing."""
    dtypes = frame.dtypes
    kinds = set(dtypes)  # a 2,000-sector table has one dtype, not 2,000 to check
    wrong = {dtype for dtype in kinds if not _is_number(dtype)}
    if wrong:
        not_numbers = [c for c, dtype in dtypes.items() if dtype in wrong]
        raise CourseInputError(
            f"{where}: {name} must hold numbers, but column(s) {_shown(not_numbers)} hold "
            "text. Read the table with course.data.read_table(...) or convert it with "
            "pandas.to_numeric."
        )
    if all(isinstance(dtype, np.dtype) for dtype in kinds):
        values = frame.to_numpy(dtype=float)  # no copy for a float table
    else:  # pandas' nullable types: pd.NA becomes NaN
        values = frame.to_numpy(dtype=float, na_value=np.nan)
    _require_finite(values, frame.index, frame.columns, name=name, where=where)
    return values


def vector(series, labels: pd.Index, *, name: str, where: str, ignore=None) -> np.ndarray:
    """The Series (or one-column DataFrame, as pymrio's ``x``) as floats in the order of
    ``labels``; refused unless it has exactly those labels, numbers and no missing value.
    The labels in ``ignore`` (sectors already left out of the matrix) are skipped."""
    if isinstance(series, pd.DataFrame) and series.shape[1] == 1:
        series = series.iloc[:, 0]
    if not isinstance(series, pd.Series):
        raise CourseInputError(
            f"{where}: {name} must be a pandas Series labelled by sector, got "
            f"{type(series).__name__}. Wrap an array as pd.Series(array, index=sectors)."
        )
    if ignore is not None and len(ignore):
        series = series[~series.index.isin(ignore)]
    if series.index.has_duplicates:
        repeated = series.index[series.index.duplicated()].unique()
        raise CourseInputError(
            f"{where}: {name} has the same sector twice ({_shown(repeated)}): one value per "
            "sector, please."
        )
    if not series.index.equals(labels):
        missing = [v for v in labels if v not in set(series.index)]
        extra = [v for v in series.index if v not in set(labels)]
        if missing or extra:
            hint = ""
            if extra and missing:
                close = close_matches(extra[0], [str(v) for v in missing], n=1)
                hint = f" Did you mean {close[0]!r} for {extra[0]!r}?" if close else ""
            raise CourseInputError(
                f"{where}: the labels of {name} differ from the matrix's: "
                + (f"{_shown(missing)} missing" if missing else "")
                + ("; " if missing and extra else "")
                + (f"{_shown(extra)} not in the matrix" if extra else "")
                + f".{hint} Use the same sector codes in both."
            )
        series = series.reindex(labels)
    if not _is_number(series.dtype):
        raise CourseInputError(
            f"{where}: {name} must hold numbers, but holds text. Convert it with pandas.to_numeric."
        )
    values = series.to_numpy(dtype=float, na_value=np.nan)
    _require_finite(values[:, None], labels, [name], name=name, where=where)
    return values


def output(x, labels: pd.Index, *, where: str, ignore=None) -> np.ndarray:
    """Gross output: a vector with no negative value (zero is checked where it matters)."""
    values = vector(x, labels, name="x (gross output)", where=where, ignore=ignore)
    negative = np.flatnonzero(values < 0)
    if negative.size:
        raise CourseInputError(
            f"{where}: gross output cannot be negative, but x is {values[negative[0]]:g} for "
            f"{labels[negative[0]]!r}. x is the row total of each industry (intermediate "
            "sales + final demand): check that you passed output, not a change or a balance."
        )
    return values


def per_output(values: np.ndarray, x: np.ndarray, labels: pd.Index, *, what: str, where: str):
    """``values / x`` for a satellite row (one value per sector): 0 for a sector with no output
    and no value; refused for a value without output."""
    zero = x == 0
    if zero.any() and (values[zero] != 0).any():
        sector = labels[np.flatnonzero(zero & (values != 0))[0]]
        raise CourseInputError(
            f"{where}: {sector!r} has zero output but {what}. A sector that produces "
            "nothing can neither buy nor sell: check its output in x, or remove the "
            "sector from the table."
        )
    return values / np.where(zero, 1.0, x)


# --------------------------------------------------------------------------------------
# Z and x: sectors with no output, coefficients
# --------------------------------------------------------------------------------------


def active(flows: np.ndarray, x: np.ndarray, labels: pd.Index, *, where: str):
    """Mask of the sectors with output (None if all have some). A sector with zero output that
    sells or buys is refused; one whose row and column are all zero is left out, with a
    warning, because kept it would count in every average of ``L``."""
    zero = x == 0
    if not zero.any():
        return None
    sells = np.count_nonzero(flows[zero, :], axis=1) > 0
    buys = np.count_nonzero(flows[:, zero], axis=0) > 0
    busy = np.flatnonzero(sells | buys)
    if busy.size:
        k = int(busy[0])
        what = (
            f"sells {flows[zero, :][k].sum():,.6g} to other sectors (its row of Z)"
            if sells[k]
            else f"buys {flows[:, zero][:, k].sum():,.6g} from other sectors (its column of Z)"
        )
        raise CourseInputError(
            f"{where}: {labels[np.flatnonzero(zero)[k]]!r} has zero output in x but {what}. "
            "A sector that produces nothing can neither sell nor buy, so the table is "
            "inconsistent: check its output in x (the row total: sales to other sectors plus "
            "final demand) and its row and column of Z."
        )
    warn(
        f"{where}: {int(zero.sum())} sector(s) have no output, no sales and no purchases "
        f"({_shown(labels[zero])}): they are left out of the result, and result.attrs"
        "['left_out'] lists them. Kept, each would count as a sector in every average (the "
        "linkage indices divide by the mean of L) and shift the other sectors' results.",
        EmptySectorWarning,
    )
    return ~zero


def checked_table(Z, x, *, where: str, drop_aggregates: bool = False) -> Checked:
    """``Z`` and ``x`` checked, without total and empty sectors (no coefficients yet)."""
    flows, labels = square(Z, name="Z", where=where, drop_aggregates=drop_aggregates)
    left_out = {}
    totals = None
    if len(labels) < len(Z):
        totals = Z.index[~Z.index.isin(labels)]
        left_out = dict.fromkeys(totals, "a total of other sectors")
    output_ = output(x, labels, where=where, ignore=totals)
    keep = active(flows, output_, labels, where=where)
    if keep is not None:
        left_out.update(dict.fromkeys(labels[~keep], "no output, sales or purchases"))
        flows, output_, labels = flows[np.ix_(keep, keep)], output_[keep], labels[keep]
    return Checked(None, flows, output_, labels, left_out)


def coefficients(Z, x, *, axis: int, where: str, drop_aggregates: bool = False) -> Checked:
    """Checked ``Z`` and ``x`` and their coefficients: ``A = Z diag(x)^-1`` (``axis=0``) or
    ``B = diag(x)^-1 Z`` (``axis=1``), over the sectors kept (every one has output)."""
    table = checked_table(Z, x, where=where, drop_aggregates=drop_aggregates)
    divisor = table.output[None, :] if axis == 0 else table.output[:, None]
    return Checked(table.flows / divisor, table.flows, table.output, table.labels, table.left_out)


# --------------------------------------------------------------------------------------
# (I - A)^-1: solved, checked and its condition stated
# --------------------------------------------------------------------------------------


def identity_solve(
    matrix: np.ndarray,
    labels: pd.Index,
    *,
    name: str,
    where: str,
    rhs: np.ndarray | None = None,
    hint: str = X_HINT,
) -> np.ndarray:
    """``(I - matrix)^-1`` (or ``(I - matrix)^-1 rhs`` for a non-negative ``rhs``) by an LU
    solve (``numpy.linalg.solve``), checked for a singular or unproductive system (the inverse
    of a productive table has no negative entry), with a warning when it is ill-conditioned.

    The condition number is ``numpy.linalg.cond(I - matrix, numpy.inf)``, the largest row sum
    of ``|I - matrix|`` times that of the inverse, which is at hand: with ``rhs``, one more
    right-hand side of ones gives the row sums of the (non-negative) inverse. ``name`` is
    ``"A"`` (its column sums matter) or ``"B"`` (its row sums)."""
    n = len(labels)
    system = -matrix
    system[np.diag_indices(n)] += 1.0
    right = np.eye(n) if rhs is None else np.column_stack([rhs, np.ones(n)])
    try:
        solution = np.linalg.solve(system, right)
    except np.linalg.LinAlgError:
        solution = None
    # one pass gives the row sums of the inverse (for its norm) and finds a NaN or inf
    row_sums = None if solution is None else solution.sum(axis=1)
    if solution is None or not np.isfinite(row_sums).all() or _negative(solution):
        axis, kind, reason = _SUMS[name]
        sums = matrix.sum(axis=axis)
        worst = int(np.argmax(sums))
        raise CourseInputError(
            f"{where}: I - {name} is singular (or the economy it describes is not productive), "
            f"so it has no usable inverse. The largest {kind} sum of {name} is "
            f"{sums[worst]:.3g} (sector {labels[worst]!r}); in a real table every {kind} sums "
            f"to less than 1, because {reason}. {hint}"
        )
    inverse_norm = np.abs(row_sums if rhs is None else solution[:, -1]).max()
    condition = float(np.abs(system, out=system).sum(axis=1).max() * inverse_norm)
    if condition > CONDITION_LIMIT:
        _warn_ill_conditioned(matrix, labels, condition, name=name, where=where)
    return solution if rhs is None else solution[:, :-1]


def _negative(solution: np.ndarray) -> bool:
    """A clearly negative entry (not a rounding error relative to the largest one)."""
    low = solution.min()
    return bool(low < -1e-9 and low < -1e-9 * solution.max())


def _warn_ill_conditioned(matrix, labels, condition: float, *, name: str, where: str) -> None:
    axis, kind, reason = _SUMS[name]
    sums = matrix.sum(axis=axis)
    worst = int(np.argmax(sums))
    warn(
        f"{where}: I - {name} is nearly singular: its condition number is {condition:.2g} "
        f"(numpy.linalg.cond(I - {name}, numpy.inf)), above the course's limit of "
        f"{CONDITION_LIMIT:,.0f}. A change in the fourth digit of the table can then change "
        "the results completely, so do not read them as they are. The usual cause is a "
        f"sector that buys almost all of its own output: the {kind} sum of {name} for "
        f"{labels[worst]!r} is {sums[worst]:.6f} ({matrix[worst, worst]:.4f} from itself), "
        f"near 1, where a real table stays well below 1 because {reason}. Check that "
        "sector's row, column and output.",
        IllConditionedWarning,
    )


def require_coefficients(values: np.ndarray, labels: pd.Index, *, where: str) -> None:
    """Refuse a matrix that cannot be technical coefficients: most of its columns sum to 1 or
    more (a transactions table ``Z`` in euros, passed where ``A`` is expected)."""
    sums = values.sum(axis=0)
    if np.median(sums) >= 1:
        worst = int(np.argmax(sums))
        raise CourseInputError(
            f"{where}: A must hold technical coefficients, whose columns sum to less than 1 "
            "(the share of a sector's output spent on inputs from other sectors), but most of "
            f"its columns sum to 1 or more (the largest {sums[worst]:,.6g}, for "
            f"{labels[worst]!r}). This looks like the transactions table Z: compute "
            "A = technical_coefficients(Z, x) first."
        )


# --------------------------------------------------------------------------------------
# Labelled results
# --------------------------------------------------------------------------------------


def labelled(values: np.ndarray, labels: pd.Index, left_out: dict | None = None) -> pd.DataFrame:
    index, columns = _remember(labels.copy()), _remember(labels.copy())
    frame = pd.DataFrame(values, index=index, columns=columns, copy=False)
    return noted(frame, left_out)


def noted(result, left_out: dict | None):
    """The result with ``attrs["left_out"]``: each sector left out and why (if any was)."""
    if left_out:
        result.attrs["left_out"] = dict(left_out)
    return result


def tidy(result: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """Sector labels as columns: ``industry`` for a plain index, the level names (``region``,
    ``sector``, as pymrio names them) for a MultiIndex."""
    frame = result.to_frame() if isinstance(result, pd.Series) else result
    if frame.index.nlevels == 1 and frame.index.name is None:
        frame = frame.rename_axis(_LABEL)
    return frame.reset_index()


def require_label(labels: pd.Index, target, *, where: str, left_out: dict | None = None) -> int:
    """Position of the sector ``target`` among ``labels``, or an error with close matches."""
    if target in labels:
        position = labels.get_loc(target)
        if isinstance(position, int | np.integer):
            return int(position)
    if left_out and target in left_out:
        raise CourseInputError(
            f"{where}: sector {target!r} was left out of the table ({left_out[target]}), so "
            "it has no suppliers or buyers to show. Pick another sector."
        )
    close = close_matches(target, [str(v) for v in labels])
    hint = f"Did you mean {_shown(close)}?" if close else f"Sectors: {_shown(labels, 8)}."
    if labels.nlevels > 1:
        hint += f" In this table a sector is a tuple, e.g. {labels[0]!r}."
    raise CourseInputError(f"{where}: sector {target!r} is not in the table. {hint}")


def _is_number(dtype) -> bool:
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def _require_finite(values: np.ndarray, rows, columns, *, name: str, where: str) -> None:
    bad = ~np.isfinite(values)
    if bad.any():
        row, column = (int(k[0]) for k in np.nonzero(bad))
        kind = "missing (NaN)" if np.isnan(values[row, column]) else "infinite"
        raise CourseInputError(
            f"{where}: {name} has {int(bad.sum())} {kind} cell(s), first at "
            f"{rows[row]!r} x {list(columns)[column]!r}. A missing flow is unknown, not zero, "
            "and it changes every multiplier: fill it with a figure you can defend (0 only if "
            "you know the flow is nil)."
        )
