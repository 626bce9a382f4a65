"""Global value chain (GVC) participation from a multi-region input-output table.

How much of a country's exports is foreign value added (it sits downstream, assembling what
others made: **backward** participation), and how much of its value added travels on in other
countries' exports (it sits upstream: **forward** participation)? OECD TiVA indicators
EXGR_FVASH and the "forward participation" share, after Koopman, Wang & Wei (2014, AER 104(2))
and Hummels, Ishii & Yi (2001). The multi-region system is a ``pymrio.IOSystem``: pymrio's own
test system (``pymrio.load_test()``) or the course's small Baltic table (:func:`baltic_mrio`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from course._guards import positional_options
from course.checks import CourseInputError
from course.valuechain import _matrices as m

__all__ = ["baltic_mrio", "value_added_in_exports", "gvc_participation"]

BALTIC_REGIONS = ["LV", "EE", "LT", "SE", "RoW"]
BALTIC_SECTORS = ["agri_food", "wood_paper", "manufacturing", "energy", "services"]
_FINAL_DEMAND = {"LV": 21_000, "EE": 24_000, "LT": 40_000, "SE": 390_000, "RoW": 30_000_000}
_DOMESTIC_INPUTS = {"LV": 0.64, "EE": 0.60, "LT": 0.66, "SE": 0.70, "RoW": 0.996}
_DOMESTIC_FINAL = {"LV": 0.80, "EE": 0.78, "LT": 0.80, "SE": 0.84, "RoW": 0.998}
# Where a region's imports come from (exporter -> importer weights; the rest of the world
# dominates, neighbours trade more with each other)
_PARTNERS = {
    "LV": {"EE": 0.16, "LT": 0.22, "SE": 0.08, "RoW": 0.54},
    "EE": {"LV": 0.10, "LT": 0.08, "SE": 0.12, "RoW": 0.70},
    "LT": {"LV": 0.12, "EE": 0.05, "SE": 0.05, "RoW": 0.78},
    "SE": {"LV": 0.004, "EE": 0.006, "LT": 0.006, "RoW": 0.984},
    "RoW": {"LV": 0.05, "EE": 0.05, "LT": 0.08, "SE": 0.82},
}
_INPUT_SHARE = np.array([0.58, 0.60, 0.66, 0.50, 0.40])  # intermediate inputs per euro of output
_INPUT_MIX = np.array(  # which sectors supply the inputs of each column sector (columns sum to 1)
    [
        [0.45, 0.02, 0.05, 0.02, 0.03],
        [0.04, 0.50, 0.08, 0.06, 0.02],
        [0.20, 0.18, 0.52, 0.22, 0.20],
        [0.08, 0.10, 0.10, 0.45, 0.05],
        [0.23, 0.20, 0.25, 0.25, 0.70],
    ]
)
_DEMAND_MIX = np.array([0.09, 0.03, 0.25, 0.05, 0.58])


@positional_options("seed")
def baltic_mrio(*, seed: int = 20240917):
    """A small, balanced multi-region table: Latvia, Estonia, Lithuania, Sweden and the rest
    of the world, five sectors each, as a ``pymrio.IOSystem`` (with ``calc_all`` done).

    **Fictional**, generated deterministically (numpy ``default_rng(seed)``) for teaching:
    orders of magnitude (EUR million) and trade patterns are plausible, the numbers are not
    statistics. Each region buys its intermediate inputs (``_INPUT_SHARE`` of output, mixed by
    sector as ``_INPUT_MIX``) at home or from its partners (``_PARTNERS``), with a little
    seeded noise; final demand is mostly domestic. Output is ``x = L y``, flows ``Z = A
    diag(x)`` and value added closes each column (extension ``factor_inputs``, row
    ``"Value Added"``), so ``x = Z 1 + Y 1 = Z' 1 + v`` exactly.

    >>> mrio = baltic_mrio()
    >>> list(mrio.get_regions()), mrio.Z.shape
    (['LV', 'EE', 'LT', 'SE', 'RoW'], (25, 25))
    """
    import pymrio  # heavy: imported only here

    rng = np.random.default_rng(seed)
    n_regions, n_sectors = len(BALTIC_REGIONS), len(BALTIC_SECTORS)
    labels = pd.MultiIndex.from_product(
        [BALTIC_REGIONS, BALTIC_SECTORS], names=["region", "sector"]
    )
    origin = np.zeros((n_regions, n_regions))  # origin[s, r]: share of r's inputs from s
    final_origin = np.zeros((n_regions, n_regions))
    for r, importer in enumerate(BALTIC_REGIONS):
        for s, exporter in enumerate(BALTIC_REGIONS):
            weight = _PARTNERS[importer].get(exporter, 0.0)
            origin[s, r] = (1 - _DOMESTIC_INPUTS[importer]) * weight
            final_origin[s, r] = (1 - _DOMESTIC_FINAL[importer]) * weight
        origin[r, r] += _DOMESTIC_INPUTS[importer]
        final_origin[r, r] += _DOMESTIC_FINAL[importer]
    block = _INPUT_MIX * _INPUT_SHARE  # A of one region with all inputs at home
    noise = rng.lognormal(0.0, 0.15, size=(n_regions * n_sectors,) * 2)
    A = np.kron(origin, np.ones((n_sectors, n_sectors))) * np.tile(block, (n_regions,) * 2)
    A = A * noise
    A *= np.tile(_INPUT_SHARE, n_regions) / A.sum(axis=0)  # keep each column's input share
    demand = np.array([_FINAL_DEMAND[r] for r in BALTIC_REGIONS], dtype=float)
    Y = np.kron(final_origin, _DEMAND_MIX[:, None]) * demand[None, :]
    Y = Y * rng.lognormal(0.0, 0.1, size=Y.shape)
    x = np.linalg.solve(np.eye(len(labels)) - A, Y.sum(axis=1))
    Z = A * x[None, :]
    value_added = x - Z.sum(axis=0)
    columns = pd.MultiIndex.from_product(
        [BALTIC_REGIONS, ["Final demand"]], names=["region", "category"]
    )
    system = pymrio.IOSystem(
        Z=pd.DataFrame(Z, index=labels, columns=labels),
        Y=pd.DataFrame(Y, index=labels, columns=columns),
        unit=pd.DataFrame({"unit": "EUR million"}, index=labels),
        name="Baltic course MRIO (fictional)",
    )
    system.factor_inputs = pymrio.Extension(
        name="factor_inputs",
        F=pd.DataFrame(
            [value_added], index=pd.Index(["Value Added"], name="inputtype"), columns=labels
        ),
        unit=pd.DataFrame(
            {"unit": ["EUR million"]}, index=pd.Index(["Value Added"], name="inputtype")
        ),
    )
    system.calc_all()
    return system


# x is not given here but computed, so a bad x means a bad Z or Y
_X_HINT = (
    "Here x = Z 1 + Y 1: check that Y holds the final demand of every region (all of its "
    "columns) and that Z and Y are in the same unit."
)


@dataclass(frozen=True)
class _Table:
    """A checked multi-region table as arrays, with the region of every row and column."""

    flows: np.ndarray
    final: np.ndarray
    added: np.ndarray
    output: np.ndarray
    labels: pd.Index
    regions: pd.Index
    row_region: pd.Index
    column_region: pd.Index
    left_out: dict


def _system_parts(Z, Y, value_added, *, where: str):
    """Z, Y and value added from a pymrio IOSystem, or as passed."""
    if Y is None and value_added is None and hasattr(Z, "Z") and hasattr(Z, "Y"):
        system = Z
        extension = getattr(system, "factor_inputs", None)
        if system.Z is None or extension is None or extension.F is None:
            raise CourseInputError(
                f"{where}: the pymrio system needs Z, Y and a factor_inputs extension (value "
                "added). Call system.calc_system() first, or pass Z, Y and value_added."
            )
        Z, Y, value_added = system.Z, system.Y, extension.F.sum(axis=0)
    if Y is None or value_added is None:
        raise CourseInputError(
            f"{where}: pass a pymrio IOSystem, or Z, Y and value_added (value added per sector)."
        )
    if not isinstance(Y, pd.DataFrame):
        raise CourseInputError(
            f"{where}: Y must be a DataFrame of final demand, one column per category."
        )
    return Z, Y, value_added


def _parts(Z, Y, value_added, *, region: str, where: str, drop_aggregates: bool) -> _Table:
    """The checked table: total regions or sectors refused (or dropped on request), a sector
    without any output, sale or purchase left out, every row and column given its region."""
    Z, Y, value_added = _system_parts(Z, Y, value_added, where=where)
    flows, labels = m.square(Z, name="Z", where=where, drop_aggregates=drop_aggregates)
    if region not in (labels.names or []):
        raise CourseInputError(
            f"{where}: the sectors of Z have no level {region!r} (levels: "
            f"{', '.join(map(str, labels.names))}). A multi-region table is labelled by "
            f"(region, sector); pass region='<level name>'."
        )
    totals = Z.index[~Z.index.isin(labels)]
    left_out = dict.fromkeys(totals, "a total of other sectors or regions")
    if len(Y.index) != len(labels) or not Y.index.equals(labels):
        Y = Y[~Y.index.isin(totals)]
        if set(Y.index) != set(labels) or Y.index.has_duplicates:
            raise CourseInputError(f"{where}: Y must have the same rows (sectors) as Z.")
        Y = Y.reindex(labels)
    columns = Y.columns
    level = (region if region in (columns.names or []) else 0) if columns.nlevels > 1 else None
    column_region = columns if level is None else columns.get_level_values(level)
    gone = set(totals.get_level_values(region)) - set(labels.get_level_values(region))
    if gone:  # the final demand of a total region is left out with its rows
        Y, column_region = (
            Y.loc[:, ~column_region.isin(gone)],
            column_region[~column_region.isin(gone)],
        )
    final = m.numbers(Y, name="Y", where=where)
    regions = pd.Index(pd.unique(labels.get_level_values(region)))
    strange = sorted(set(map(str, column_region)) - set(map(str, regions)))
    if strange:
        raise CourseInputError(
            f"{where}: final demand columns of region(s) {', '.join(map(repr, strange))} have no "
            "rows in Z. Label Y's columns by the regions of the table."
        )
    added = m.vector(value_added, labels, name="value_added", where=where, ignore=totals)
    x = flows.sum(axis=1) + final.sum(axis=1)
    if (x < 0).any():
        m.output(pd.Series(x, index=labels), labels, where=where)
    keep = m.active(flows, x, labels, where=where)
    if keep is not None:
        left_out.update(dict.fromkeys(labels[~keep], "no output, sales or purchases"))
        flows, final, added, x = flows[np.ix_(keep, keep)], final[keep], added[keep], x[keep]
        labels = labels[keep]
    row_region = labels.get_level_values(region)
    return _Table(flows, final, added, x, labels, regions, row_region, column_region, left_out)


def value_added_in_exports(
    Z, Y=None, value_added=None, *, region: str = "region", drop_aggregates: bool = False
) -> pd.DataFrame:
    """Where the value added in each region's gross exports comes from: one row per exporter x
    origin region, ``VA = V' L E``.

    With ``v = value added / x`` (x = Z 1 + Y 1), the Leontief inverse ``L`` of the whole
    table and ``e`` the gross exports of every sector (its sales of intermediate and final
    products to other regions), ``diag(v) L diag(e)`` splits every export into the value added
    of every sector of the world (Koopman, Wang & Wei 2014; OECD TiVA). Summed over the
    sectors of each origin and each exporter: ``value_added`` (EUR million in the course
    table) and ``share`` of the exporter's gross exports. Computed with one solve
    ``(I - A) X = E`` (one column per exporting region), never a full inverse.

    ``Z`` is a pymrio ``IOSystem`` (then ``Y`` and value added, the sum of the rows of its
    ``factor_inputs``, come from it) or a square DataFrame labelled by (region, sector), with
    ``Y`` (columns labelled by region, or by (region, category)) and ``value_added``.

    A region or sector without a label is refused; a total region (``WORLD``, ``EU27``) or
    sector (``TOTAL``) is refused, or left out with its final demand when you pass
    ``drop_aggregates=True``; a sector with no output, sales or purchases is left out with a
    warning. ``attrs["left_out"]`` names them.

    >>> va = value_added_in_exports(baltic_mrio())
    >>> latvia = va[va["region"] == "LV"].set_index("origin")["share"]
    >>> round(float(latvia.sum()), 6), round(float(latvia["LV"]), 3)
    (1.0, 0.722)
    """
    where = "value_added_in_exports"
    t = _parts(Z, Y, value_added, region=region, where=where, drop_aggregates=drop_aggregates)
    A = t.flows / t.output[None, :]
    v = t.added / t.output
    row_code = t.regions.get_indexer(t.row_region)
    foreign_z = row_code[:, None] != row_code[None, :]
    foreign_y = row_code[:, None] != t.regions.get_indexer(t.column_region)[None, :]
    exports = (t.flows * foreign_z).sum(axis=1) + (t.final * foreign_y).sum(axis=1)
    # E[k, r] = exports of sector k if it is in region r: one right-hand side per exporter
    own = np.zeros((len(t.labels), len(t.regions)))
    own[np.arange(len(t.labels)), row_code] = 1.0
    content = m.identity_solve(A, t.labels, name="A", where=where, rhs=own * exports[:, None],
                               hint=_X_HINT)  # fmt: skip
    matrix = (own * v[:, None]).T @ content  # origin x exporter
    gross = own.T @ exports
    table = pd.DataFrame(matrix, index=t.regions.rename("origin"), columns=t.regions.rename(region))
    result = table.stack().rename("value_added").reset_index()
    result["gross_exports"] = gross[t.regions.get_indexer(result[region])]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = result["value_added"] / result["gross_exports"]
    result["share"] = share.where(result["gross_exports"] > 0)
    return m.noted(result[[region, "origin", "gross_exports", "value_added", "share"]],
                   t.left_out)  # fmt: skip


def gvc_participation(
    Z, Y=None, value_added=None, *, region: str = "region", drop_aggregates: bool = False
) -> pd.DataFrame:
    """Backward and forward GVC participation of every region of a multi-region table.

    From :func:`value_added_in_exports` (same arguments, and the same checks), one row per
    region r:

    - ``gross_exports``: its exports of intermediate and final products (EUR million);
    - ``domestic_value_added`` (DVA) and ``foreign_value_added`` (FVA) in them;
      DVA + FVA = gross exports when value added closes every column of the table;
    - ``value_added_in_partner_exports`` (DVX): r's value added in other regions' exports;
    - ``backward = FVA / gross exports`` (TiVA's EXGR_FVASH), ``forward = DVX / gross
      exports`` and ``participation = backward + forward`` (Koopman et al. 2014).

    These are the value-added shares of gross exports (Hummels et al.'s VS and VS1) without
    the full Koopman-Wang-Wei split of double-counted terms: good for comparing countries,
    not for exact accounting. In a table with one "rest of the world" region, trade inside
    that region is not export, so forward shares come out lower than TiVA's.

    >>> table = gvc_participation(baltic_mrio())
    >>> table.set_index("region")["backward"].round(3).to_dict()
    {'LV': 0.278, 'EE': 0.292, 'LT': 0.256, 'SE': 0.246, 'RoW': 0.003}
    """
    va = value_added_in_exports(Z, Y, value_added, region=region, drop_aggregates=drop_aggregates)
    own = va[region] == va["origin"]
    result = va[own].set_index(region)[["gross_exports", "value_added"]]
    result = result.rename(columns={"value_added": "domestic_value_added"})
    result["foreign_value_added"] = (
        va[~own].groupby(region, sort=False)["value_added"].sum().reindex(result.index)
    )
    # the exporter's value added in the OTHER regions' exports
    result["value_added_in_partner_exports"] = (
        va[~own].groupby("origin", sort=False)["value_added"].sum().reindex(result.index)
    )
    gross = result["gross_exports"].where(result["gross_exports"] > 0)
    result["backward"] = result["foreign_value_added"] / gross
    result["forward"] = result["value_added_in_partner_exports"] / gross
    result["participation"] = result["backward"] + result["forward"]
    return m.noted(result.reset_index(), va.attrs.get("left_out"))
