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


def io_table() -> pd.DataFrame:
    """The balanced input-output table, written in tenths of a EUR million so accounts close.

    Output solves x = (I - A)^-1 y; then Z = A diag(x). All money values are rounded to one
    decimal (integer tenths), the row total is the exact row sum, and value added is the exact
    residual of each column, so both accounts close to the last digit.
    """
    codes = list(IO_INDUSTRIES)
    a, m = _io_coefficients()
    y = np.array([IO_FINAL_DEMAND[c][0] * np.array(IO_FINAL_DEMAND[c][1]) for c in codes])
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
