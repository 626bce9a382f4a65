"""Private: checked, labelled matrices for input-output analysis.

Every public function of ``course.valuechain`` takes labelled pandas objects (a square
DataFrame with the sector labels as index and columns, a Series of the same labels) and returns
labelled ones. These helpers check the input once, in the words a learner understands, and
turn it into plain numpy arrays for the arithmetic; the results get the labels back.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from course.checks import CourseInputError, close_matches

_LABEL = "industry"  # the name of an unnamed sector index in tidy results


def _shown(labels, n: int = 5) -> str:
    labels = list(labels)
    more = ", ..." if len(labels) > n else ""
    return ", ".join(repr(v) for v in labels[:n]) + more


def square(matrix: pd.DataFrame, *, name: str, where: str) -> tuple[np.ndarray, pd.Index]:
    """The matrix as a float array with its labels; refused unless square, labelled the same
    way on both sides, numeric and complete. Columns in another order are put in row order."""
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
    for axis, labels in (("rows", matrix.index), ("columns", matrix.columns)):
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
    return numbers(matrix, name=name, where=where), matrix.index


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


def vector(series, labels: pd.Index, *, name: str, where: str) -> np.ndarray:
    """The Series (or one-column DataFrame, as pymrio's ``x``) as floats in the order of
    ``labels``; refused unless it has exactly those labels, numbers and no missing value."""
    if isinstance(series, pd.DataFrame) and series.shape[1] == 1:
        series = series.iloc[:, 0]
    if not isinstance(series, pd.Series):
        raise CourseInputError(
            f"{where}: {name} must be a pandas Series labelled by sector, got "
            f"{type(series).__name__}. Wrap an array as pd.Series(array, index=sectors)."
        )
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


def output(x, labels: pd.Index, *, where: str) -> np.ndarray:
    """Gross output: a vector with no negative value (zero is checked where it matters)."""
    values = vector(x, labels, name="x (gross output)", where=where)
    negative = np.flatnonzero(values < 0)
    if negative.size:
        raise CourseInputError(
            f"{where}: gross output cannot be negative, but x is {values[negative[0]]:g} for "
            f"{labels[negative[0]]!r}. x is the row total of each industry (intermediate "
            "sales + final demand): check that you passed output, not a change or a balance."
        )
    return values


def per_output(flows: np.ndarray, x: np.ndarray, labels: pd.Index, *, axis: int, what: str, where):
    """``flows / x``: each column by its sector's output (``axis=0``, also for a 1-D satellite
    row) or each row (``axis=1``); 0 for a sector with no output and no flows; refused for
    flows without output."""
    zero = x == 0
    if zero.any():
        if flows.ndim == 1:
            lines = flows[zero] != 0
        else:
            lines = np.abs(flows[:, zero] if axis == 0 else flows[zero, :]).sum(axis=axis) > 0
        if lines.any():
            sector = labels[np.flatnonzero(zero)[np.flatnonzero(lines)[0]]]
            raise CourseInputError(
                f"{where}: {sector!r} has zero output but {what}. A sector that produces "
                "nothing can neither buy nor sell: check its output in x, or remove the "
                "sector from the table."
            )
    divisor = np.where(zero, 1.0, x)
    if flows.ndim == 2:
        divisor = divisor.reshape((1, -1) if axis == 0 else (-1, 1))
    return flows / divisor


def coefficients(Z, x, *, axis: int, where: str):
    """Checked ``Z`` and ``x`` and their coefficients: ``A = Z diag(x)^-1`` (``axis=0``) or
    ``B = diag(x)^-1 Z`` (``axis=1``); returns (coefficients, flows, output, labels)."""
    flows, labels = square(Z, name="Z", where=where)
    output_ = output(x, labels, where=where)
    what = "buys inputs" if axis == 0 else "sells output"
    return (
        per_output(flows, output_, labels, axis=axis, what=what, where=where),
        flows,
        output_,
        labels,
    )


def identity_solve(
    matrix: np.ndarray, labels: pd.Index, *, name: str, where: str, rhs: np.ndarray | None = None
) -> np.ndarray:
    """``(I - matrix)^-1`` (or ``(I - matrix)^-1 rhs`` for a non-negative ``rhs``) by an LU
    solve (``numpy.linalg.solve``), checked for a singular or unproductive system: the inverse
    of a productive table has no negative entry."""
    n = len(labels)
    system = -matrix
    system[np.diag_indices(n)] += 1.0
    try:
        inverse = np.linalg.solve(system, np.eye(n) if rhs is None else rhs)
    except np.linalg.LinAlgError:
        inverse = None
    if inverse is None or not np.isfinite(inverse).all() or (inverse < -1e-9).any():
        sums = matrix.sum(axis=0)
        worst = int(np.argmax(sums))
        raise CourseInputError(
            f"{where}: I - {name} is singular (or the economy it describes is not productive), "
            f"so it has no usable inverse. The largest column sum of {name} is {sums[worst]:.3g} "
            f"(sector {labels[worst]!r}); in a real table every column sums to less than 1, "
            "because part of each sector's output pays for value added and imports. Check that "
            "x is gross output (the row totals), not value added or final demand."
        )
    return inverse


def labelled(values: np.ndarray, labels: pd.Index) -> pd.DataFrame:
    return pd.DataFrame(values, index=labels.copy(), columns=labels.copy(), copy=False)


def tidy(result: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """Sector labels as columns: ``industry`` for a plain index, the level names (``region``,
    ``sector``, as pymrio names them) for a MultiIndex."""
    frame = result.to_frame() if isinstance(result, pd.Series) else result
    if frame.index.nlevels == 1 and frame.index.name is None:
        frame = frame.rename_axis(_LABEL)
    return frame.reset_index()


def require_label(labels: pd.Index, target, *, where: str) -> int:
    """Position of the sector ``target`` among ``labels``, or an error with close matches."""
    if target in labels:
        position = labels.get_loc(target)
        if isinstance(position, int | np.integer):
            return int(position)
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
