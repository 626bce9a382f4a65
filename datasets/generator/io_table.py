"""io_table: a balanced symmetric input-output table of a fictional economy of Latvian size.

Solved from the recipe in ``reference/io_recipe.py``: output x = (I - A)^-1 y, then Z = A diag(x),
written in integer tenths of a EUR million so that both accounts close to the last digit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .reference.io_recipe import (
    FINAL_DEMAND,
    IO_DEFAULT_INPUTS,
    IO_FINAL_DEMAND,
    IO_INDUSTRIES,
    IO_INPUTS,
)


def _io_coefficients() -> tuple[np.ndarray, np.ndarray]:
    """Technical coefficients A (rows sell to columns) and imported-input coefficients m."""
    codes = list(IO_INDUSTRIES)
    position = {code: k for k, code in enumerate(codes)}
    a = np.zeros((len(codes), len(codes)))
    m = np.zeros(len(codes))
    for j, code in enumerate(codes):
        inputs, m[j] = IO_INPUTS[code]
        for seller, coefficient in (IO_DEFAULT_INPUTS | inputs).items():
            a[position[seller], j] = coefficient
    return a, m


def _later_ties(line: np.ndarray) -> np.ndarray:
    """Cells of ``line`` equal to an earlier non-zero cell of it (the first of equals is kept)."""
    later = np.zeros(len(line), dtype=bool)
    seen: set[float] = set()
    for k, value in enumerate(line):
        later[k] = value > 0 and value in seen
        seen.add(value)
    return later


def _without_ties(a: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Move coefficients and final demand until no row or column has two equal euro amounts.

    The recipe's round coefficients (5 cents of food, of paper packaging, of other manufacturing
    and of business services in every euro of beverages ...) give equal cells, so a task that
    asks "how much does X sell to Y" would accept a wrong row. Each round, a cell equal (to the
    tenth of a million) to an earlier cell of its column, or of its row in the industry block,
    gets EUR 0.2 million more; the first of equals keeps the recipe's value. Rounds go on until none is equal.
    """
    a, y = a.copy(), y.copy()
    for _ in range(100):
        x = np.linalg.solve(np.eye(len(a)) - a, y.sum(axis=1))
        money = np.rint(np.hstack([a * x[None, :], y]) * 10)
        move = np.apply_along_axis(_later_ties, 0, money)
        move[:, : len(a)] |= np.apply_along_axis(_later_ties, 1, money[:, : len(a)])
        if not move.any():
            return a, y
        a += move[:, : len(a)] * 0.2 / x[None, :]  # EUR 0.2 million more in the cell
        y += move[:, len(a) :] * 0.2
    raise ValueError("the IO recipe keeps equal cells after 100 rounds: change its coefficients")


def io_table() -> pd.DataFrame:
    """The balanced input-output table, written in tenths of a EUR million so accounts close.

    Output solves x = (I - A)^-1 y; then Z = A diag(x), after :func:`_without_ties` has moved
    the few recipe cells that would give two equal amounts in one row or column. All money values are rounded to one
    decimal (integer tenths), the row total is the exact row sum, and value added is the exact
    residual of each column, so both accounts close to the last digit.
    """
    codes = list(IO_INDUSTRIES)
    a, m = _io_coefficients()
    y = np.array([IO_FINAL_DEMAND[c][0] * np.array(IO_FINAL_DEMAND[c][1]) for c in codes])
    a, y = _without_ties(a, y)
    x = np.linalg.solve(np.eye(len(codes)) - a, y.sum(axis=1))
    z10 = np.rint(a * x[None, :] * 10).astype(np.int64)  # integer tenths of EUR million
    y10 = np.rint(y * 10).astype(np.int64)
    x10 = z10.sum(axis=1) + y10.sum(axis=1)
    imports10 = np.rint(m * x10).astype(np.int64)
    value_added10 = x10 - z10.sum(axis=0) - imports10
    if (value_added10 <= 0).any():
        raise ValueError("the IO recipe leaves no value added in some column: lower its inputs")
    persons = np.round(x10 / 10 / np.array([IO_INDUSTRIES[c][1] for c in codes]), 1)

    money = np.vstack([np.hstack([z10, y10]), np.hstack([np.vstack([imports10, value_added10,
                       x10]), np.full((3, len(FINAL_DEMAND)), -1)])])  # fmt: skip
    values = pd.DataFrame(money / 10.0, columns=codes + FINAL_DEMAND)
    values.loc[len(codes) :, FINAL_DEMAND] = np.nan  # no final-demand cells in the extra rows
    values["total"] = np.concatenate([x10, [imports10.sum(), value_added10.sum(), x10.sum()]]) / 10
    values.loc[len(values)] = list(persons) + [np.nan] * len(FINAL_DEMAND) + [persons.sum()]
    values["total"] = values["total"].round(1)
    head = pd.DataFrame(
        {
            "code": codes + ["imports", "value_added", "total_output", "employment"],
            "name": [IO_INDUSTRIES[c][0] for c in codes]
            + [
                "Imported intermediate inputs",
                "Gross value added",
                "Total output",
                "Employment (thousand persons)",
            ],
            "kind": ["industry"] * len(codes)
            + ["imports", "value_added", "total_output", "employment"],
        }
    )
    return pd.concat([head, values], axis=1)
