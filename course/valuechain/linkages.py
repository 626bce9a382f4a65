"""Rasmussen-Hirschman linkages: which sectors pull the economy (backward) or push it (forward)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from course.checks import require_choice
from course.valuechain import _matrices as m

__all__ = ["linkages"]

LINKAGE_TYPES = {
    (True, True): "key",
    (True, False): "backward",
    (False, True): "forward",
    (False, False): "weak",
}


def linkages(Z: pd.DataFrame, x: pd.Series, *, method: str = "leontief") -> pd.DataFrame:
    """Backward and forward linkage indices of every sector and its type, one row each.

    Rasmussen (1956) and Hirschman (1958), normalised as in Miller & Blair (2009, section 12.2):

    - ``backward[j] = mean_i L[i,j] / mean(L)``: how much sector j draws on the economy per
      euro of final demand, relative to the average sector (column means of ``L``);
    - ``forward[i] = mean_j L[i,j] / mean(L)`` with ``method="leontief"`` (the default:
      Rasmussen's original, the row means of ``L``), or ``mean_j G[i,j] / mean(G)`` with
      ``method="ghosh"`` (the supply-side index from the Ghosh inverse ``G``, which Miller &
      Blair recommend for forward linkages because the row sums of ``L`` answer a demand
      question);
    - ``type``: ``"key"`` (both > 1), ``"backward"`` (backward-oriented: only backward > 1),
      ``"forward"`` (only forward > 1) or ``"weak"`` (neither).

    An index of 1 is the average of the sectors in the table, so the indices compare sectors
    of one table; they say nothing about size (a tiny sector can be "key").

    >>> from course import data, valuechain
    >>> io = valuechain.io_accounts(data.load("io_table"))
    >>> table = linkages(io.Z, io.x)
    >>> table[table["industry"] == "food"][["backward", "forward", "type"]].round(3).values.tolist()
    [[1.288, 0.825, 'backward']]
    """
    where = "linkages"
    require_choice(method, ["leontief", "ghosh"], name="method", where=where)
    A, flows, output, labels = m.coefficients(Z, x, axis=0, where=where)
    L = m.identity_solve(A, labels, name="A", where=where)
    backward = L.mean(axis=0) / L.mean()
    if method == "leontief":
        forward = L.mean(axis=1) / L.mean()
    else:
        B = m.per_output(flows, output, labels, axis=1, what="sells output", where=where)
        G = m.identity_solve(B, labels, name="B", where=where)
        forward = G.mean(axis=1) / G.mean()
    kind = np.where(
        backward > 1,
        np.where(forward > 1, LINKAGE_TYPES[True, True], LINKAGE_TYPES[True, False]),
        np.where(forward > 1, LINKAGE_TYPES[False, True], LINKAGE_TYPES[False, False]),
    )
    result = pd.DataFrame(
        {"backward": backward, "forward": forward, "type": kind}, index=labels.copy()
    )
    return m.tidy(result)
