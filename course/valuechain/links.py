"""Cross-industry links: the main suppliers and buyers of a target industry, direct and total.

The food + packaging case of the course: how much packaging does a euro of food need, directly
(what food firms buy) and in total (including what their suppliers buy)? And who buys what the
packaging firms make?
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.checks import CourseInputError, require_int_at_least
from course.valuechain import _matrices as m
from course.valuechain.io import IOAccounts, multipliers

__all__ = ["suppliers", "buyers", "IndustryLinks", "industry_links"]


def _checked(Z, x, target, top, *, axis: int, where: str):
    """The coefficients (A for axis 0, B for axis 1), flows, labels and the target's position."""
    coefficients, flows, _, labels = m.coefficients(Z, x, axis=axis, where=where)
    position = m.require_label(labels, target, where=where)
    if top is not None:
        require_int_at_least(top, 1, name="top", where=where)
    return coefficients, flows, labels, position


def _ranked(result: pd.DataFrame, column: str, top: int | None) -> pd.DataFrame:
    ordered = result.sort_values(column, ascending=False, kind="stable")
    return m.tidy(ordered if top is None else ordered.head(top))


def suppliers(Z: pd.DataFrame, x: pd.Series, target, *, top: int | None = None) -> pd.DataFrame:
    """The suppliers of sector ``target``: what it buys from each sector, directly and in total.

    One row per supplying sector i (the target itself included: firms of one industry buy
    from each other), the largest direct supplier first:

    - ``purchases``: ``Z[i,t]``, what the target buys from i (EUR million in the course data);
    - ``input_coefficient``: ``A[i,t] = Z[i,t] / x[t]``, per euro of the target's output;
    - ``total_requirement``: ``L[i,t] - I[i,t]``, the output of i needed directly and
      indirectly (through the suppliers' own purchases) per euro of final demand for the
      target (the euro delivered itself is not counted: ``L = I + A + A^2 + ...``);
    - ``indirect_requirement``: total minus direct (``L - I - A``).

    ``top`` keeps the first rows only. Miller & Blair (2009), sections 2.3 and 2.4.

    >>> from course import data, valuechain
    >>> io = valuechain.io_accounts(data.load("io_table"))
    >>> food = suppliers(io.Z, io.x, "food")
    >>> food["industry"].head(3).tolist()
    ['agriculture', 'food', 'transport_logistics']
    >>> packaging = food[food["industry"].isin(["paper_packaging", "plastic_packaging"])]
    >>> packaging[["input_coefficient", "total_requirement"]].round(4).values.tolist()
    [[0.04, 0.0486], [0.035, 0.0413]]
    """
    where = "suppliers"
    A, flows, labels, t = _checked(Z, x, target, top, axis=0, where=where)
    L = m.identity_solve(A, labels, name="A", where=where)
    total = L[:, t] - (np.arange(len(labels)) == t)
    result = pd.DataFrame(
        {
            "purchases": flows[:, t],
            "input_coefficient": A[:, t],
            "indirect_requirement": total - A[:, t],
            "total_requirement": total,
        },
        index=labels.copy(),
    )
    return _ranked(result, "purchases", top)


def buyers(Z: pd.DataFrame, x: pd.Series, target, *, top: int | None = None) -> pd.DataFrame:
    """The buying sectors of ``target``: the share of its output each one takes, and more.

    One row per buying sector j, the largest direct buyer first (final demand, e.g.
    households and exports, takes the rest of the output: ``1 - sum of allocation_coefficient``):

    - ``sales``: ``Z[t,j]``, what sector j buys from the target;
    - ``allocation_coefficient``: ``B[t,j] = Z[t,j] / x[t]``, the share of the target's output
      sold to j;
    - ``total_allocation``: ``G[t,j] - I[t,j]`` from the Ghosh inverse, the output of j that
      depends, directly and through its buyers, on one euro of the target's primary inputs; a
      measure of forward dependence, not a forecast (Miller & Blair 2009, section 12.1);
    - ``indirect_allocation``: total minus direct.

    >>> from course import data, valuechain
    >>> io = valuechain.io_accounts(data.load("io_table"))
    >>> packaging = buyers(io.Z, io.x, "plastic_packaging", top=2)
    >>> packaging["industry"].tolist(), packaging["allocation_coefficient"].round(3).tolist()
    (['food', 'wholesale'], [0.179, 0.076])
    """
    where = "buyers"
    B, flows, labels, t = _checked(Z, x, target, top, axis=1, where=where)
    G = m.identity_solve(B, labels, name="B", where=where)
    total = G[t, :] - (np.arange(len(labels)) == t)
    result = pd.DataFrame(
        {
            "sales": flows[t, :],
            "allocation_coefficient": B[t, :],
            "indirect_allocation": total - B[t, :],
            "total_allocation": total,
        },
        index=labels.copy(),
    )
    return _ranked(result, "sales", top)


@dataclass(frozen=True)
class IndustryLinks:
    """One industry's place in the economy: its suppliers, buyers and multipliers."""

    industry: str
    name: str
    suppliers: pd.DataFrame
    buyers: pd.DataFrame
    multipliers: pd.DataFrame  # one row: the industry's row of valuechain.multipliers


def industry_links(accounts: IOAccounts, target: str, *, top: int = 5) -> IndustryLinks:
    """The suppliers, buyers and multipliers of one industry of an input-output table.

    A composition for the value-chain explorer and the lesson: :func:`suppliers` and
    :func:`buyers` (the ``top`` largest of each, with the industries' names in a column
    ``name``) and the industry's row of :func:`course.valuechain.multipliers`, all from the
    accounts of :func:`course.valuechain.io_accounts`.

    >>> from course import data, valuechain
    >>> links = industry_links(valuechain.io_accounts(data.load("io_table")), "food", top=2)
    >>> links.name, links.suppliers["name"].tolist()
    ('Food products (C10)', ['Agriculture (A01)', 'Food products (C10)'])
    """
    where = "industry_links"
    if not isinstance(accounts, IOAccounts):
        raise CourseInputError(
            f"{where}: expected the accounts of an input-output table, got "
            f"{type(accounts).__name__}. Build them first: "
            "valuechain.io_accounts(data.load('io_table'))."
        )
    m.require_label(accounts.Z.index, target, where=where)
    names = accounts.names.to_dict()

    def named(table: pd.DataFrame) -> pd.DataFrame:
        return table.assign(name=table["industry"].map(names))

    table = multipliers(accounts)
    return IndustryLinks(
        industry=target,
        name=names[target],
        suppliers=named(suppliers(accounts.Z, accounts.x, target, top=top)),
        buyers=named(buyers(accounts.Z, accounts.x, target, top=top)),
        multipliers=table[table["industry"] == target].reset_index(drop=True),
    )
