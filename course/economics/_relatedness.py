"""Relatedness (Hidalgo & Hausmann 2009): presence, proximity and relatedness density.

The PyPI package `ecomplexity` (0.5.3) computes the same proximity and density and the
tests compare against it, but the library does not call it: it prints every year to the
screen, uses pandas calls deprecated in pandas 3.1, silently coerces text and drops
duplicates and zero regions, and gives density only through its full ECI/PCI run. The
quantities are three lines of matrix algebra, written out below.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course.economics._panel import lq, panel

__all__ = ["presence", "proximity", "relatedness_density"]


def presence(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    threshold: float = 1.0,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Add ``lq`` and ``presence`` M = 1 if LQ (= RCA) >= ``threshold`` else 0.

    Hidalgo & Hausmann (2009): a region "has" an industry when it is at least as
    specialised in it as the reference area. Blank keys and total rows: as in
    :func:`course.economics.location_quotient` (``blank_keys``, ``drop_aggregates``), here
    and in :func:`proximity` and :func:`relatedness_density`.

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> presence(emp)["presence"].tolist()
    [1, 0, 0, 1]
    """
    p = panel(
        df, region=region, industry=industry, value=value, by=by, where="presence",
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    location = lq(p)
    return p.table.assign(lq=location, presence=(location >= threshold).astype(np.int64))


def _relatedness_blocks(p, *, threshold):
    """Per ``by`` group of the panel ``p``: its rows, their matrix positions, industry names, M,
    phi and which rows belong to a region with a missing cell (unknown: M = 0 there, so it is
    out of phi)."""
    labels = p.industry_labels
    present = (lq(p) >= threshold).astype(float)
    group_code = p.group[0]
    order = np.argsort(group_code, kind="stable")
    boundaries = np.cumsum(np.bincount(group_code, minlength=p.group[1]))[:-1]
    for rows in np.split(order, boundaries):  # one block per year (say), not per row
        rows = np.sort(rows)
        regions, region_pos = np.unique(p.region[0][rows], return_inverse=True)
        industries, industry_pos = np.unique(p.industry[0][rows], return_inverse=True)
        matrix = np.zeros((len(regions), len(industries)))  # M[c, p]
        matrix[region_pos, industry_pos] = present[rows]
        ubiquity = matrix.sum(axis=0)
        both = matrix.T @ matrix  # regions that have both p and q
        phi = np.nan_to_num(g.divide(both, np.maximum.outer(ubiquity, ubiquity)))
        yield (
            rows,
            region_pos,
            industry_pos,
            labels.take(industries),
            matrix,
            phi,
            p.incomplete[rows],
        )


def proximity(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    threshold: float = 1.0,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Proximity of every pair of industries, a long table ``industry, other_industry, proximity``.

    ``phi[p,q] = sum_c M[c,p] M[c,q] / max(ubiquity[p], ubiquity[q])`` (Hidalgo & Hausmann
    2009; Hidalgo et al. 2007): the share of regions having p that also have q, taking the
    smaller of the two conditional shares. ``ubiquity[p]`` is the number of regions with
    M = 1 (see :func:`presence`). The pair (p, p) is included (1, or 0 if no region has p)
    because relatedness density sums over it.

    >>> emp = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["food", "IT"] * 2,
    ...                     "employment": [30, 10, 20, 40]})
    >>> proximity(emp)["proximity"].tolist()
    [1.0, 0.0, 0.0, 1.0]
    """
    by = g.as_list(by)
    checked = panel(
        df, region=region, industry=industry, value=value, by=by, where="proximity",
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    pieces = []
    for rows, _, _, names, _, phi, _ in _relatedness_blocks(checked, threshold=threshold):
        p, q = np.meshgrid(np.arange(len(names)), np.arange(len(names)), indexing="ij")
        piece = pd.DataFrame(
            {column: checked.table[column].iloc[rows[0]] for column in by}, index=range(p.size)
        )
        pieces.append(
            piece.assign(
                industry=names[p.ravel()], other_industry=names[q.ravel()], proximity=phi.ravel()
            )
        )
    return pd.concat(pieces, ignore_index=True)


def relatedness_density(
    df: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = None,
    threshold: float = 1.0,
    blank_keys: str = "refuse",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Add ``presence`` and relatedness ``density`` to each region x industry row.

    ``density[c,p] = sum_q M[c,q] phi[p,q] / sum_q phi[p,q]`` (Hidalgo et al. 2007;
    Hidalgo & Hausmann 2009), the sum running over all industries q including p: the share
    of industries related to p that region c already has. A high density where M = 0 marks
    an industry the region could diversify into next. Industries a region has no row for
    get no density: add rows with 0 employment to see them. A region with a missing cell
    gets NaN (its presence is unknown) and is left out of the proximities.

    >>> emp = pd.DataFrame({"region": list("AABBCC"), "industry": ["food", "IT"] * 3,
    ...                     "employment": [30, 10, 20, 40, 25, 25]})
    >>> relatedness_density(emp)["density"].round(2).tolist()
    [0.67, 0.33, 0.33, 0.67, 1.0, 1.0]
    """
    p = panel(
        df, region=region, industry=industry, value=value, by=by, where="relatedness_density",
        blank_keys=blank_keys, drop_aggregates=drop_aggregates,
    )  # fmt: skip
    density = np.full(len(p.table), np.nan)
    present = np.zeros(len(p.table), dtype=np.int64)
    for rows, region_pos, industry_pos, _, matrix, phi, unknown in _relatedness_blocks(
        p, threshold=threshold
    ):
        block = g.divide(matrix @ phi.T, phi.sum(axis=1)[None, :])
        density[rows] = np.where(unknown, np.nan, block[region_pos, industry_pos])
        present[rows] = matrix[region_pos, industry_pos].astype(np.int64)
    return p.table.assign(presence=present, density=density)
