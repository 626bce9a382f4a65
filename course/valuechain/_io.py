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

from course._guards import UnitSlipWarning, check_unit_slips
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


def io_accounts(table: pd.DataFrame, *, drop_aggregates: bool = False) -> IOAccounts:
    """Split an input-output table laid out like the course's ``io_table`` into its accounts.

    Rows of ``kind == "industry"`` hold the intermediate sales ``Z`` (one column per industry
    code, in the columns named after the codes), final demand ``Y`` (every other numeric
    column) and gross output ``x`` (column ``total``). Rows of kind ``imports``,
    ``value_added`` and ``employment`` give those accounts per industry column (several rows of
    one kind, e.g. wages and profits, are added up); ``employment`` is read in **thousand
    persons** (the course file: "Employment (thousand persons)") and converted to persons.
    Both accounts must close (to 0.01 %): each row's sales add up to its ``total``, and each
    column's ``Z`` + imports + value added equals its output.

    An industry without a code is refused; an industry row and column that is a total of the
    others (``TOTAL``, or a NACE section beside its divisions) is refused, or left out with a
    warning with ``drop_aggregates=True``. Employment far from what an economy has per euro of
    output warns with the likely unit slip (persons given for thousand persons).

    >>> from course import data
    >>> io = io_accounts(data.load("io_table"))
    >>> io.Z.shape, float(io.x["food"]), float(io.employment["food"])
    ((18, 18), 2777.6, 23100.0)
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
    rows, codes, all_codes = _industry_rows(table, where=where, drop_aggregates=drop_aggregates)
    Z = rows[codes].rename_axis(index="industry", columns="industry")
    m.square(Z, name="Z (the industry x industry block)", where=where)
    final = [c for c in table.columns if c not in {"code", "name", "kind", "total", *all_codes}]
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
    _check_employment_unit(accounts["employment"], x, where=where)
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


def _industry_rows(table: pd.DataFrame, *, where: str, drop_aggregates: bool):
    """The industry rows (indexed by code), the codes kept and all codes (totals included)."""
    rows = table[table["kind"] == "industry"].set_index("code")
    if rows.empty:
        raise CourseInputError(f"{where}: no row has kind 'industry': mark the industry rows.")
    m.require_labelled(rows.index, name="the industry rows (column 'code')", where=where)
    all_codes = list(rows.index)
    totals = m.total_labels(
        rows.index, name="the industry rows", where=where, drop=drop_aggregates,
        example="table[~table['code'].isin({codes})].drop(columns={codes})",
    )  # fmt: skip
    if totals is not None:
        rows = rows[~totals]
    codes = list(rows.index)
    require_columns(
        table, [str(c) for c in codes], where=f"{where} (a purchases column per industry)"
    )
    return rows, codes, all_codes


# Persons employed per EUR 1 million of output: from about 2 (energy) to 30 (farms, public
# services) in the course table, median 9; a single EU industry rarely leaves 1 to 200. A
# median over all industries outside 0.1 to 1,000 is no economy: the unit is wrong (a row in
# persons read as thousands gives about 9,000).
_PERSONS_PER_MILLION = (0.1, 1000.0)


def _check_employment_unit(employment: pd.Series, x: pd.Series, *, where: str) -> None:
    """Warn when the employment row (thousand persons) is far from what the output needs: one
    industry 1,000 times the others (``course._guards.unit_slips``), or the whole row."""
    persons = employment.to_numpy() * 1000.0 / np.where(x.to_numpy() > 0, x.to_numpy(), np.nan)
    per_output = pd.DataFrame({"industry": employment.index, "employment row": persons})
    check_unit_slips(per_output, "employment row", keys=["industry"], where=where,
                     unit="thousand persons")  # fmt: skip
    known = persons[np.isfinite(persons) & (persons > 0)]
    if not known.size:
        return
    median = float(np.median(known))
    low, high = _PERSONS_PER_MILLION
    if not low <= median <= high:
        slip = (
            "persons given for thousand persons"
            if median > high
            else "millions given for thousands"
        )
        m.warn(
            f"{where}: the employment row gives {median:,.4g} persons per EUR 1 million of "
            f"output (the median of the industries), where an economy has between {low:g} and "
            f"{high:,.0f}: most likely {slip}. io_accounts reads the employment row in "
            "thousand persons, as the course's io_table ('Employment (thousand persons)'), "
            "and every employment multiplier follows it: convert the row first.",
            UnitSlipWarning,
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


def technical_coefficients(
    Z: pd.DataFrame, x: pd.Series, *, drop_aggregates: bool = False
) -> pd.DataFrame:
    """Technical (input) coefficients ``A = Z diag(x)^-1``: ``A[i,j] = Z[i,j] / x[j]``.

    ``A[i,j]`` is what sector j buys from sector i per euro of its own output (Miller & Blair
    2009, eq. 2.4; pymrio ``calc_A``). ``Z`` is square with the sector labels as index and
    columns; ``x`` has the same labels.

    A sector with zero output that buys or sells is refused (the table is inconsistent); a
    sector with zero output and an all-zero row and column is left out of ``A``, with a
    warning, and ``A.attrs["left_out"]`` names it. A total row and column (``TOTAL``) is
    refused, or left out with ``drop_aggregates=True``.

    Miller & Blair's two-sector example (section 2.3):

    >>> Z = pd.DataFrame([[150.0, 500.0], [200.0, 100.0]], index=["1", "2"], columns=["1", "2"])
    >>> x = pd.Series([1000.0, 2000.0], index=["1", "2"])
    >>> technical_coefficients(Z, x).values.tolist()
    [[0.15, 0.25], [0.2, 0.05]]
    """
    where = "technical_coefficients"
    table = m.coefficients(Z, x, axis=0, where=where, drop_aggregates=drop_aggregates)
    return m.labelled(table.coefficients, table.labels, table.left_out)


def allocation_coefficients(
    Z: pd.DataFrame, x: pd.Series, *, drop_aggregates: bool = False
) -> pd.DataFrame:
    """Allocation (output) coefficients ``B = diag(x)^-1 Z``: ``B[i,j] = Z[i,j] / x[i]``.

    ``B[i,j]`` is the share of sector i's output sold to sector j (Miller & Blair 2009,
    section 12.1; pymrio does not compute it); each row sums to less than 1, the rest going to
    final demand. Zero-output and total sectors as in :func:`technical_coefficients`.

    >>> Z = pd.DataFrame([[150.0, 500.0], [200.0, 100.0]], index=["1", "2"], columns=["1", "2"])
    >>> x = pd.Series([1000.0, 2000.0], index=["1", "2"])
    >>> allocation_coefficients(Z, x).values.tolist()
    [[0.15, 0.5], [0.1, 0.05]]
    """
    where = "allocation_coefficients"
    table = m.coefficients(Z, x, axis=1, where=where, drop_aggregates=drop_aggregates)
    return m.labelled(table.coefficients, table.labels, table.left_out)


def leontief_inverse(A: pd.DataFrame) -> pd.DataFrame:
    """The Leontief inverse ``L = (I - A)^-1`` (total requirements), labelled like ``A``.

    ``L[i,j]`` is the output of sector i needed, directly and indirectly, to deliver one euro
    of sector j's product to final demand: ``x = L y`` (Leontief 1936; Miller & Blair 2009,
    eq. 2.11). It is computed by an LU solve of ``(I - A) L = I`` (``numpy.linalg.solve``),
    not by an explicit inverse.

    Refused: a matrix whose columns mostly sum to 1 or more (the transactions table ``Z``
    passed instead of ``A``), a singular ``I - A``, and an economy that uses more than it
    produces (``L`` would have negative entries). A nearly singular ``I - A`` (condition
    number ``numpy.linalg.cond(I - A, numpy.inf)`` above 10,000, a course convention) warns:
    a sector then buys almost all of its own output, and the results are unreliable.

    >>> A = pd.DataFrame([[0.15, 0.25], [0.2, 0.05]], index=["1", "2"], columns=["1", "2"])
    >>> leontief_inverse(A).round(4).values.tolist()
    [[1.2541, 0.33], [0.264, 1.1221]]
    """
    where = "leontief_inverse"
    coefficients, labels = m.square(A, name="A", where=where)
    m.require_coefficients(coefficients, labels, where=where)
    hint = (
        "Check the table A was computed from: the sector named, its output in x and its "
        "row and column of Z."
    )
    inverse = m.identity_solve(coefficients, labels, name="A", where=where, hint=hint)
    return m.labelled(inverse, labels, A.attrs.get("left_out"))


def ghosh_inverse(Z: pd.DataFrame, x: pd.Series, *, drop_aggregates: bool = False) -> pd.DataFrame:
    """The Ghosh inverse ``G = (I - B)^-1`` with ``B = diag(x)^-1 Z`` (output inverse).

    ``G[i,j]`` is the output of sector j that goes with one euro of primary inputs (value
    added, imports) in sector i, looking downstream (Ghosh 1958; Miller & Blair 2009, section
    12.1). It equals ``diag(x)^-1 L diag(x)``. Read it as a measure of forward dependence,
    not as a share of anything (a row of ``G - I`` can add up to more than 1) nor as a causal
    "supply push" model (Oosterhaven 1988 explains why). Computed by a solve; zero-output
    and total sectors as in :func:`technical_coefficients`.

    >>> Z = pd.DataFrame([[150.0, 500.0], [200.0, 100.0]], index=["1", "2"], columns=["1", "2"])
    >>> x = pd.Series([1000.0, 2000.0], index=["1", "2"])
    >>> ghosh_inverse(Z, x).round(4).values.tolist()
    [[1.2541, 0.6601], [0.132, 1.1221]]
    """
    where = "ghosh_inverse"
    table = m.coefficients(Z, x, axis=1, where=where, drop_aggregates=drop_aggregates)
    inverse = m.identity_solve(table.coefficients, table.labels, name="B", where=where)
    return m.labelled(inverse, table.labels, table.left_out)


# --------------------------------------------------------------------------------------
# Multipliers
# --------------------------------------------------------------------------------------


def output_multipliers(L: pd.DataFrame) -> pd.Series:
    """Output multiplier of each sector: the column sums of ``L``, ``m[j] = sum_i L[i,j]``.

    The total output, in all sectors, that one extra euro of final demand for sector j's
    product calls forth (simple output multiplier, Miller & Blair 2009, section 6.2.1), in
    euros of output per euro of final demand. It counts the domestic chain only and assumes
    fixed recipes and spare capacity: it is not a forecast, and multipliers of different
    sectors must not be added up.

    >>> A = pd.DataFrame([[0.15, 0.25], [0.2, 0.05]], index=["1", "2"], columns=["1", "2"])
    >>> output_multipliers(leontief_inverse(A)).round(3).tolist()
    [1.518, 1.452]
    """
    values, labels = m.square(L, name="L", where="output_multipliers")
    result = pd.Series(values.sum(axis=0), index=labels.copy(), name="output_multiplier")
    return m.noted(result, L.attrs.get("left_out"))


def satellite_multipliers(L: pd.DataFrame, satellite: pd.Series, x: pd.Series) -> pd.Series:
    """Satellite (e.g. employment or value-added) multipliers ``(f / x) L``.

    ``f`` is the satellite account per sector (persons employed, value added, emissions) and
    ``f / x`` its direct coefficient per euro of output; ``((f/x) L)[j]`` is the total amount,
    in all sectors, per euro of final demand for sector j, in the satellite's unit per unit of
    ``x`` (persons per EUR 1 million with the course's ``io_accounts``; Miller & Blair 2009,
    section 6.3; pymrio's ``M`` of an extension). With all primary inputs (value added +
    imports) as ``f`` the multipliers of a balanced table are exactly 1. The result is named
    ``"<satellite name>_multiplier"``. Sectors of ``x`` that ``L`` left out for having no
    output are skipped; a satellite value in a sector with zero output is refused.

    >>> A = pd.DataFrame([[0.15, 0.25], [0.2, 0.05]], index=["1", "2"], columns=["1", "2"])
    >>> x = pd.Series([1000.0, 2000.0], index=["1", "2"])
    >>> jobs = pd.Series([20.0, 10.0], index=["1", "2"], name="employment")
    >>> satellite_multipliers(leontief_inverse(A), jobs, x).round(4).to_dict()
    {'1': 0.0264, '2': 0.0122}
    """
    where = "satellite_multipliers"
    inverse, labels = m.square(L, name="L", where=where)
    name = getattr(satellite, "name", None)
    skipped = _left_out_of_L(x, satellite, labels, where=where)
    account = m.vector(satellite, labels, name="the satellite account", where=where,
                       ignore=skipped)  # fmt: skip
    output = m.output(x, labels, where=where, ignore=skipped)
    coefficients = m.per_output(account, output, labels, what="a satellite value", where=where)
    label = f"{name}_multiplier" if isinstance(name, str) and name else "multiplier"
    result = pd.Series(coefficients @ inverse, index=labels.copy(), name=label)
    return m.noted(result, L.attrs.get("left_out"))


def _left_out_of_L(x, satellite, labels: pd.Index, *, where: str):
    """The sectors of ``x`` not in ``L`` because they have no output (``technical_coefficients``
    left them out), or None; such a sector with a satellite value is refused."""
    if not isinstance(x, pd.Series) or len(x) <= len(labels):
        return None
    extra = x.index[~x.index.isin(labels)]
    if not (pd.to_numeric(x[extra], errors="coerce") == 0).all():
        return None  # not left out for want of output: the labels differ (vector says so)
    if isinstance(satellite, pd.Series):
        values = pd.to_numeric(satellite.reindex(extra), errors="coerce").fillna(0.0)
        m.per_output(values.to_numpy(dtype=float), np.zeros(len(extra)), extra,
                     what="a satellite value", where=where)  # fmt: skip
    return extra


# The satellite multipliers of `multipliers`, by the account of IOAccounts they weigh L with
# (employment last: its direct coefficient is also a column).
SATELLITES = {
    "value_added_multiplier": "value_added",
    "imports_multiplier": "imports",
    "employment_multiplier": "employment",
}


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

    An industry with no output, sales or purchases is left out, with a warning (see
    :func:`technical_coefficients`).

    >>> from course import data
    >>> table = multipliers(io_accounts(data.load("io_table")))
    >>> food = table[table["industry"] == "food"].iloc[0]
    >>> round(float(food["output_multiplier"]), 3), round(float(food["employment_multiplier"]), 1)
    (2.159, 23.6)
    """
    where = "multipliers"
    if not isinstance(accounts, IOAccounts):
        raise CourseInputError(
            f"{where}: expected the accounts of an input-output table, got "
            f"{type(accounts).__name__}. Build them first: "
            "valuechain.io_accounts(data.load('io_table'))."
        )
    table = m.coefficients(accounts.Z, accounts.x, axis=0, where=where)
    labels = table.labels
    L = m.identity_solve(table.coefficients, labels, name="A", where=where)
    result = pd.DataFrame(
        {"name": accounts.names.reindex(labels), "output_multiplier": L.sum(axis=0)},
        index=labels.copy(),
    )
    every = accounts.x.index
    for name, account in SATELLITES.items():
        # per euro of output, checked over every industry: none without output may have any
        direct = m.per_output(getattr(accounts, account).reindex(every).to_numpy(dtype=float),
                              accounts.x.to_numpy(dtype=float), every, what=f"its {account.replace('_', ' ')} is not zero",
                              where=where)  # fmt: skip
        direct = pd.Series(direct, index=every).reindex(labels).to_numpy()
        result[name] = direct @ L
    result["direct_employment"] = direct  # the last satellite: employment
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = result["employment_multiplier"] / result["direct_employment"]
    result["employment_type_i"] = ratio.where(result["direct_employment"] > 0)
    return m.noted(m.tidy(result), table.left_out)
