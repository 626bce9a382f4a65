"""Input-output analysis: coefficients, the Leontief and Ghosh inverses, multipliers.

Notation (Miller & Blair 2009, *Input-Output Analysis*, ch. 2 and 12): ``Z[i,j]`` sales of
sector i to sector j (intermediate flows), ``Y`` final demand, ``x = Z 1 + Y 1`` gross output,
``A = Z diag(x)^-1`` technical coefficients, ``L = (I - A)^-1`` the Leontief inverse,
``B = diag(x)^-1 Z`` allocation coefficients and ``G = (I - B)^-1`` the Ghosh inverse. The
formulas match pymrio's ``iomath`` (the tests compare them on pymrio's test system).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.checks import (
    CourseInputError,
    require_columns,
    require_rows,
    require_unique_rows,
)
from course.valuechain import _matrices as m

__all__ = [
    "IOAccounts",
    "io_accounts",
    "technical_coefficients",
    "allocation_coefficients",
    "leontief_inverse",
    "ghosh_inverse",
    "output_multipliers",
    "satellite_multipliers",
    "multipliers",
]

_ROW_KINDS = ("industry", "imports", "value_added", "total_output", "employment")


@dataclass(frozen=True)
class IOAccounts:
    """The parts of an input-output table, each labelled by industry code.

    ``Z`` intermediate flows (industry x industry, EUR million), ``Y`` final demand (industry x
    category), ``x`` gross output, ``imports`` imported intermediate inputs and ``value_added``
    gross value added per industry (both per column, EUR million), ``employment`` persons
    employed (persons; the course file has thousand persons) and ``names`` the industry names.
    """

    Z: pd.DataFrame
    Y: pd.DataFrame
    x: pd.Series
    imports: pd.Series
    value_added: pd.Series
    employment: pd.Series
    names: pd.Series

    @property
    def primary_inputs(self) -> pd.Series:
        """Imports + value added per industry: everything a column pays besides ``Z``."""
        return (self.imports + self.value_added).rename("primary_inputs")


def io_accounts(table: pd.DataFrame) -> IOAccounts:
    """Split an input-output table laid out like the course's ``io_table`` into its accounts.

    Rows of ``kind == "industry"`` hold the intermediate sales ``Z`` (one column per industry
    code, in the columns named after the codes), final demand ``Y`` (every other numeric
    column) and gross output ``x`` (column ``total``). Rows of kind ``imports``,
    ``value_added`` and ``employment`` give those accounts per industry column (several rows of
    one kind, e.g. wages and profits, are added up); ``employment`` is converted from thousand
    persons to persons. Both accounts must close (to 0.01 %): each row's sales add up to its
    ``total``, and each column's ``Z`` + imports + value added equals its output.

    >>> from course import data
    >>> io = io_accounts(data.load("io_table"))
    >>> io.Z.shape, float(io.x["food"]), float(io.employment["food"])
    ((18, 18), 2777.5, 23100.0)
    >>> list(io.Y.columns)
    ['households', 'government', 'investment', 'exports']
    """
    where = "io_accounts"
    require_columns(table, ["code", "name", "kind", "total"], where=where)
    require_rows(table, where=where)
    require_unique_rows(table, ["code"], where=where)
    unknown = sorted(set(table["kind"].dropna()) - set(_ROW_KINDS))
    if unknown:
        raise CourseInputError(
            f"{where}: column 'kind' holds {m._shown(unknown)}; the kinds of row are "
            f"{m._shown(_ROW_KINDS)}. Rename the rows' kind, or drop the rows you do not need."
        )
    rows = table[table["kind"] == "industry"].set_index("code")
    if rows.empty:
        raise CourseInputError(f"{where}: no row has kind 'industry': mark the industry rows.")
    codes = list(rows.index)
    require_columns(
        table, [str(c) for c in codes], where=f"{where} (a purchases column per industry)"
    )
    Z = rows[codes].rename_axis(index="industry", columns="industry")
    m.square(Z, name="Z (the industry x industry block)", where=where)
    final = [c for c in table.columns if c not in {"code", "name", "kind", "total", *codes}]
    Y = rows[final].rename_axis(index="industry", columns="category")
    for column in final:
        m.vector(Y[column], Z.index, name=f"final demand {column!r}", where=where)
    x = pd.Series(m.output(rows["total"], Z.index, where=where), index=Z.index, name="output")
    _require_close(Z.sum(axis=1) + Y.sum(axis=1), x, what="row sales (Z + Y)", where=where)

    accounts = {kind: _account(table, kind, codes, where=where) for kind in _ROW_KINDS[1:]}
    inputs = Z.sum(axis=0) + accounts["imports"] + accounts["value_added"]
    _require_close(inputs, x, what="column inputs (Z + imports + value added)", where=where)
    if (table["kind"] == "total_output").any():
        _require_close(accounts["total_output"], x, what="row 'total_output'", where=where)
    names = rows["name"].astype(str).rename("name").rename_axis("industry")
    return IOAccounts(
        Z=Z.astype(float),
        Y=Y.astype(float),
        x=x,
        imports=accounts["imports"].rename("imports"),
        value_added=accounts["value_added"].rename("value_added"),
        employment=(accounts["employment"] * 1000.0).rename("employment"),
        names=names,
    )


def _account(table: pd.DataFrame, kind: str, codes: list, *, where: str) -> pd.Series:
    """The row(s) of one kind as a Series over the industry columns (0 if there is none)."""
    rows = table[table["kind"] == kind]
    labels = pd.Index(codes, name="industry")
    if rows.empty:
        return pd.Series(0.0, index=labels)
    values = m.numbers(rows.set_index("code")[codes], name=f"row {kind!r}", where=where)
    return pd.Series(values.sum(axis=0), index=labels)


def _require_close(found: pd.Series, expected: pd.Series, *, what: str, where: str) -> None:
    gap = (found - expected).abs()
    off = gap > 1e-4 * expected.abs().clip(lower=1.0)
    if off.any():
        sector = off.idxmax()
        raise CourseInputError(
            f"{where}: the table does not balance: for {sector!r} the {what} add up to "
            f"{found[sector]:,.1f} but its output (column 'total') is {expected[sector]:,.1f}. "
            "Check the row and column of that industry; a published table may need its "
            "statistical discrepancy put into a final-demand or value-added row."
        )


# --------------------------------------------------------------------------------------
# Coefficients and inverses
# --------------------------------------------------------------------------------------


def technical_coefficients(Z: pd.DataFrame, x: pd.Series) -> pd.DataFrame:
    """Technical (input) coefficients ``A = Z diag(x)^-1``: ``A[i,j] = Z[i,j] / x[j]``.

    ``A[i,j]`` is what sector j buys from sector i per euro of its own output (Miller & Blair
    2009, eq. 2.4; pymrio ``calc_A``). A sector with zero output and no purchases gets a
    column of 0; one with zero output that buys something is an error. ``Z`` is square with
    the sector labels as index and columns; ``x`` has the same labels.

    Miller & Blair's two-sector example (section 2.3):

    >>> Z = pd.DataFrame([[150.0, 500.0], [200.0, 100.0]], index=["1", "2"], columns=["1", "2"])
    >>> x = pd.Series([1000.0, 2000.0], index=["1", "2"])
    >>> technical_coefficients(Z, x).values.tolist()
    [[0.15, 0.25], [0.2, 0.05]]
    """
    where = "technical_coefficients"
    coefficients, _, _, labels = m.coefficients(Z, x, axis=0, where=where)
    return m.labelled(coefficients, labels)


def allocation_coefficients(Z: pd.DataFrame, x: pd.Series) -> pd.DataFrame:
    """Allocation (output) coefficients ``B = diag(x)^-1 Z``: ``B[i,j] = Z[i,j] / x[i]``.

    ``B[i,j]`` is the share of sector i's output sold to sector j (Miller & Blair 2009,
    section 12.1; pymrio does not compute it). Rows of a zero-output sector that sells nothing
    are 0.

    >>> Z = pd.DataFrame([[150.0, 500.0], [200.0, 100.0]], index=["1", "2"], columns=["1", "2"])
    >>> x = pd.Series([1000.0, 2000.0], index=["1", "2"])
    >>> allocation_coefficients(Z, x).values.tolist()
    [[0.15, 0.5], [0.1, 0.05]]
    """
    where = "allocation_coefficients"
    coefficients, _, _, labels = m.coefficients(Z, x, axis=1, where=where)
    return m.labelled(coefficients, labels)


def leontief_inverse(A: pd.DataFrame) -> pd.DataFrame:
    """The Leontief inverse ``L = (I - A)^-1`` (total requirements), labelled like ``A``.

    ``L[i,j]`` is the output of sector i needed, directly and indirectly, to deliver one euro
    of sector j's product to final demand: ``x = L y`` (Leontief 1936; Miller & Blair 2009,
    eq. 2.11). It is computed by an LU solve of ``(I - A) L = I`` (``numpy.linalg.solve``),
    not by an explicit inverse. A singular ``I - A``, or an economy that uses more than it
    produces (``L`` would have negative entries), is refused.

    >>> A = pd.DataFrame([[0.15, 0.25], [0.2, 0.05]], index=["1", "2"], columns=["1", "2"])
    >>> leontief_inverse(A).round(4).values.tolist()
    [[1.2541, 0.33], [0.264, 1.1221]]
    """
    where = "leontief_inverse"
    coefficients, labels = m.square(A, name="A", where=where)
    return m.labelled(m.identity_solve(coefficients, labels, name="A", where=where), labels)


def ghosh_inverse(Z: pd.DataFrame, x: pd.Series) -> pd.DataFrame:
    """The Ghosh inverse ``G = (I - B)^-1`` with ``B = diag(x)^-1 Z`` (output inverse).

    ``G[i,j]`` is the output of sector j that depends on one euro of primary inputs (value
    added, imports) in sector i, looking downstream (Ghosh 1958; Miller & Blair 2009, section
    12.1). It equals ``diag(x)^-1 L diag(x)``. Read it as a measure of forward dependence,
    not as a causal "supply push" model (Oosterhaven 1988 explains why). Computed by a solve.

    >>> Z = pd.DataFrame([[150.0, 500.0], [200.0, 100.0]], index=["1", "2"], columns=["1", "2"])
    >>> x = pd.Series([1000.0, 2000.0], index=["1", "2"])
    >>> ghosh_inverse(Z, x).round(4).values.tolist()
    [[1.2541, 0.6601], [0.132, 1.1221]]
    """
    where = "ghosh_inverse"
    coefficients, _, _, labels = m.coefficients(Z, x, axis=1, where=where)
    return m.labelled(m.identity_solve(coefficients, labels, name="B", where=where), labels)


# --------------------------------------------------------------------------------------
# Multipliers
# --------------------------------------------------------------------------------------


def output_multipliers(L: pd.DataFrame) -> pd.Series:
    """Output multiplier of each sector: the column sums of ``L``, ``m[j] = sum_i L[i,j]``.

    The total output, in all sectors, that one extra euro of final demand for sector j's
    product calls forth (simple output multiplier, Miller & Blair 2009, section 6.2.1). It
    counts the domestic chain only and assumes fixed recipes and spare capacity: it is not a
    forecast, and multipliers of different sectors must not be added up.

    >>> A = pd.DataFrame([[0.15, 0.25], [0.2, 0.05]], index=["1", "2"], columns=["1", "2"])
    >>> output_multipliers(leontief_inverse(A)).round(3).tolist()
    [1.518, 1.452]
    """
    values, labels = m.square(L, name="L", where="output_multipliers")
    return pd.Series(values.sum(axis=0), index=labels.copy(), name="output_multiplier")


def satellite_multipliers(L: pd.DataFrame, satellite: pd.Series, x: pd.Series) -> pd.Series:
    """Satellite (e.g. employment or value-added) multipliers ``(f / x) L``.

    ``f`` is the satellite account per sector (persons employed, value added, emissions) and
    ``f / x`` its direct coefficient per euro of output; ``((f/x) L)[j]`` is the total amount,
    in all sectors, per euro of final demand for sector j (Miller & Blair 2009, section 6.3;
    pymrio's ``M`` of an extension). With all primary inputs (value added + imports) as ``f``
    the multipliers of a balanced table are exactly 1. The result is named
    ``"<satellite name>_multiplier"``.

    >>> A = pd.DataFrame([[0.15, 0.25], [0.2, 0.05]], index=["1", "2"], columns=["1", "2"])
    >>> x = pd.Series([1000.0, 2000.0], index=["1", "2"])
    >>> jobs = pd.Series([20.0, 10.0], index=["1", "2"], name="employment")
    >>> satellite_multipliers(leontief_inverse(A), jobs, x).round(4).to_dict()
    {'1': 0.0264, '2': 0.0122}
    """
    where = "satellite_multipliers"
    inverse, labels = m.square(L, name="L", where=where)
    name = getattr(satellite, "name", None)
    account = m.vector(satellite, labels, name="the satellite account", where=where)
    output = m.output(x, labels, where=where)
    coefficients = m.per_output(account, output, labels, axis=0, what="a satellite value",
                                where=where)  # fmt: skip
    label = f"{name}_multiplier" if isinstance(name, str) and name else "multiplier"
    return pd.Series(coefficients @ inverse, index=labels.copy(), name=label)


def multipliers(accounts: IOAccounts) -> pd.DataFrame:
    """Output, value-added, import and employment multipliers of every industry, one row each.

    From the accounts of :func:`io_accounts`: ``L`` of the table, then per industry j

    - ``output_multiplier``: ``sum_i L[i,j]`` (EUR of output per EUR of final demand);
    - ``value_added_multiplier``: ``(v/x) L`` (EUR of domestic value added per EUR of final
      demand) and ``imports_multiplier``: ``(m/x) L`` (imported inputs); the two add up to 1;
    - ``employment_multiplier``: ``(e/x) L``, persons employed in the whole economy per
      EUR 1 million of final demand; ``direct_employment``: persons per EUR 1 million of the
      industry's own output (``e/x``); ``employment_type_i``: their ratio (the type I
      multiplier: total jobs per direct job).

    >>> from course import data
    >>> table = multipliers(io_accounts(data.load("io_table")))
    >>> food = table[table["industry"] == "food"].iloc[0]
    >>> round(float(food["output_multiplier"]), 3), round(float(food["employment_multiplier"]), 1)
    (2.158, 23.6)
    """
    where = "multipliers"
    if not isinstance(accounts, IOAccounts):
        raise CourseInputError(
            f"{where}: expected the accounts of an input-output table, got "
            f"{type(accounts).__name__}. Build them first: "
            "valuechain.io_accounts(data.load('io_table'))."
        )
    L = leontief_inverse(technical_coefficients(accounts.Z, accounts.x))
    result = pd.concat(
        [
            accounts.names,
            output_multipliers(L),
            satellite_multipliers(L, accounts.value_added, accounts.x),
            satellite_multipliers(L, accounts.imports, accounts.x),
            satellite_multipliers(L, accounts.employment, accounts.x),
        ],
        axis=1,
    )
    direct = m.per_output(accounts.employment.to_numpy(), accounts.x.to_numpy(), L.index,
                          axis=0, what="employment", where=where)  # fmt: skip
    result["direct_employment"] = direct
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = result["employment_multiplier"] / result["direct_employment"]
    result["employment_type_i"] = ratio.where(result["direct_employment"] > 0)
    return m.tidy(result)
