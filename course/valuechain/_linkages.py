"""Linkages between industries: the Rasmussen-Hirschman indices of every sector, and the main
suppliers and buyers of one target industry, direct and total.

Which sectors pull the economy (backward) or push it (forward)? And the food + packaging case
of the course: how much packaging does a euro of food need, directly (what food firms buy) and
in total (including what their suppliers buy)? Who buys what the packaging firms make?
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from course._guards import renamed_keywords
from course.checks import CourseInputError, require_choice, require_int_at_least
from course.valuechain import _matrices as m
from course.valuechain._io import IOAccounts, multipliers

__all__ = ["linkages", "suppliers", "buyers", "IndustryLinks", "industry_links"]

LINKAGE_TYPES = {
    (True, True): "key",
    (True, False): "backward",
    (False, True): "forward",
    (False, False): "weak",
}
# What the forward index was computed from, written in every row of the result.
FORWARD_INDEX = {"leontief": "rows of L (Rasmussen)", "ghosh": "rows of G (Ghosh)"}


# --------------------------------------------------------------------------------------
# Rasmussen-Hirschman linkages
# --------------------------------------------------------------------------------------


def linkages(
    Z: pd.DataFrame, x: pd.Series, *, method: str = "leontief", drop_aggregates: bool = False
) -> pd.DataFrame:
    """Backward and forward linkage indices of every sector and its type, one row each.

    Rasmussen (1956) and Hirschman (1958), normalised as in Miller & Blair (2009, section 12.2):

    - ``backward[j] = mean_i L[i,j] / mean(L)``: how much sector j draws on the economy per
      euro of final demand, relative to the average sector (column means of ``L``);
    - ``forward[i] = mean_j L[i,j] / mean(L)`` with ``method="leontief"`` (the default:
      Rasmussen's original, the row means of ``L``), or ``mean_j G[i,j] / mean(G)`` with
      ``method="ghosh"`` (the supply-side index from the Ghosh inverse ``G``, which Miller &
      Blair recommend for forward linkages because the row sums of ``L`` answer a demand
      question); the column ``forward_index`` says which in every row;
    - ``type``: ``"key"`` (both > 1), ``"backward"`` (backward-oriented: only backward > 1),
      ``"forward"`` (only forward > 1) or ``"weak"`` (neither).

    An index of 1 is the average of the sectors in the table, so the indices compare sectors
    of one table; they say nothing about size (a tiny sector can be "key"). A sector with no
    output, sales or purchases would count in that average: it is left out, with a warning
    (``attrs["left_out"]`` names it); total rows as in :func:`technical_coefficients`.

    >>> from course import data, valuechain
    >>> io = valuechain.io_accounts(data.load("io_table"))
    >>> table = linkages(io.Z, io.x)
    >>> table[table["industry"] == "food"][["backward", "forward", "type"]].round(3).values.tolist()
    [[1.288, 0.824, 'backward']]
    """
    where = "linkages"
    require_choice(method, ["leontief", "ghosh"], name="method", where=where)
    table = m.coefficients(Z, x, axis=0, where=where, drop_aggregates=drop_aggregates)
    L = m.identity_solve(table.coefficients, table.labels, name="A", where=where)
    backward = L.mean(axis=0) / L.mean()
    if method == "leontief":
        forward = L.mean(axis=1) / L.mean()
    else:
        B = table.flows / table.output[:, None]
        G = m.identity_solve(B, table.labels, name="B", where=where)
        forward = G.mean(axis=1) / G.mean()
    kind = np.where(
        backward > 1,
        np.where(forward > 1, LINKAGE_TYPES[True, True], LINKAGE_TYPES[True, False]),
        np.where(forward > 1, LINKAGE_TYPES[False, True], LINKAGE_TYPES[False, False]),
    )
    result = pd.DataFrame(
        {"backward": backward, "forward": forward, "type": kind,
         "forward_index": FORWARD_INDEX[method]},
        index=table.labels.copy(),
    )  # fmt: skip
    return m.noted(m.tidy(result), table.left_out)


# --------------------------------------------------------------------------------------
# Suppliers and buyers of one industry
# --------------------------------------------------------------------------------------


def _checked(Z, x, target, n, *, axis: int, where: str, drop_aggregates: bool):
    """The checked table (A for axis 0, B for axis 1) and the target's position."""
    table = m.coefficients(Z, x, axis=axis, where=where, drop_aggregates=drop_aggregates)
    position = m.require_label(table.labels, target, where=where, left_out=table.left_out)
    if n is not None:
        require_int_at_least(n, 1, name="n", where=where)
    return table, position


def _ranked(result: pd.DataFrame, column: str, n: int | None, left_out: dict) -> pd.DataFrame:
    ordered = result.sort_values(column, ascending=False, kind="stable")
    return m.noted(m.tidy(ordered if n is None else ordered.head(n)), left_out)


@renamed_keywords(top="n")
def suppliers(
    Z: pd.DataFrame,
    x: pd.Series,
    target,
    *,
    n: int | None = None,
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """The suppliers of sector ``target``: what it buys from each sector, directly and in total.

    One row per supplying sector i (the target itself included: firms of one industry buy
    from each other), the largest direct supplier first:

    - ``purchases``: ``Z[i,t]``, what the target buys from i (EUR million in the course data);
    - ``input_coefficient``: ``A[i,t] = Z[i,t] / x[t]``, per euro of the target's output;
    - ``total_requirement``: ``L[i,t] - I[i,t]``, the output of i needed directly and
      indirectly (through the suppliers' own purchases) per euro of final demand for the
      target (the euro delivered itself is not counted: ``L = I + A + A^2 + ...``);
    - ``indirect_requirement``: total minus direct (``L - I - A``).

    ``n`` keeps the first ``n`` rows only (``top=`` is its old name). Miller & Blair (2009),
    sections 2.3 and 2.4. Zero-output and total sectors as in :func:`technical_coefficients`.

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
    table, t = _checked(Z, x, target, n, axis=0, where=where, drop_aggregates=drop_aggregates)
    A = table.coefficients
    L = m.identity_solve(A, table.labels, name="A", where=where)
    total = L[:, t] - (np.arange(len(table.labels)) == t)
    result = pd.DataFrame(
        {
            "purchases": table.flows[:, t],
            "input_coefficient": A[:, t],
            "indirect_requirement": total - A[:, t],
            "total_requirement": total,
        },
        index=table.labels.copy(),
    )
    return _ranked(result, "purchases", n, table.left_out)


@renamed_keywords(top="n")
def buyers(
    Z: pd.DataFrame,
    x: pd.Series,
    target,
    *,
    n: int | None = None,
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """The buying sectors of ``target``: the share of its output each one takes, and more.

    One row per buying sector j, the largest direct buyer first (final demand, e.g.
    households and exports, takes the rest of the output: ``1 - sum of allocation_coefficient``):

    - ``sales``: ``Z[t,j]``, what sector j buys from the target;
    - ``allocation_coefficient``: ``B[t,j] = Z[t,j] / x[t]``, the **share** of the target's
      output sold to j;
    - ``total_allocation``: ``G[t,j] - I[t,j]`` from the Ghosh inverse: the output of j that
      goes, directly and through j's own buyers, with one euro of primary inputs (value added,
      imports) in the target. **Not a share** of the target's output (over all j it can add up
      to more than 1): a measure of forward dependence, not a forecast (Miller & Blair 2009,
      section 12.1);
    - ``indirect_allocation``: total minus direct.

    ``n`` keeps the first ``n`` rows only (``top=`` is its old name).

    >>> from course import data, valuechain
    >>> io = valuechain.io_accounts(data.load("io_table"))
    >>> packaging = buyers(io.Z, io.x, "plastic_packaging", n=2)
    >>> packaging["industry"].tolist(), packaging["allocation_coefficient"].round(3).tolist()
    (['food', 'wholesale'], [0.179, 0.076])
    """
    where = "buyers"
    table, t = _checked(Z, x, target, n, axis=1, where=where, drop_aggregates=drop_aggregates)
    B = table.coefficients
    G = m.identity_solve(B, table.labels, name="B", where=where)
    total = G[t, :] - (np.arange(len(table.labels)) == t)
    result = pd.DataFrame(
        {
            "sales": table.flows[t, :],
            "allocation_coefficient": B[t, :],
            "indirect_allocation": total - B[t, :],
            "total_allocation": total,
        },
        index=table.labels.copy(),
    )
    return _ranked(result, "sales", n, table.left_out)


@dataclass(frozen=True)
class IndustryLinks:
    """One industry's place in the economy: its suppliers, buyers and multipliers."""

    industry: str
    name: str
    suppliers: pd.DataFrame
    buyers: pd.DataFrame
    multipliers: pd.DataFrame  # one row: the industry's row of valuechain.multipliers


@renamed_keywords(top="n")
def industry_links(accounts: IOAccounts, target: str, *, n: int = 5) -> IndustryLinks:
    """The suppliers, buyers and multipliers of one industry of an input-output table.

    A composition for the value-chain explorer and the lesson: :func:`suppliers` and
    :func:`buyers` (the ``n`` largest of each, with the industries' names in a column
    ``name``; ``top=`` is the old name of ``n``) and the industry's row of
    :func:`course.valuechain.multipliers`, all from the accounts of
    :func:`course.valuechain.io_accounts`.

    >>> from course import data, valuechain
    >>> links = industry_links(valuechain.io_accounts(data.load("io_table")), "food", n=2)
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
        suppliers=named(suppliers(accounts.Z, accounts.x, target, n=n)),
        buyers=named(buyers(accounts.Z, accounts.x, target, n=n)),
        multipliers=table[table["industry"] == target].reset_index(drop=True),
    )
