"""Member composition: who the members are (helix type, size, value-chain stage, exports),
how concentrated the companies' turnover is, and which services each group uses.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course._guards import UNKNOWN, blank_keys, check_keys
from course.checks import (
    CourseInputError,
    close_matches,
    mapped,
    require_columns,
    require_non_negative,
    warn_rows_left_out,
)
from course.segmentation._register import MEMBER_TYPES, member_register, require_members
from course.valuechain._chain import STAGE_CODES

__all__ = [
    "MEMBER_TYPES",
    "HELIX",
    "EXPORT_BANDS",
    "VALUE_CHAIN_STAGES",
    "SERVICES",
    "export_band",
    "helix_sphere",
    "member_composition",
    "helix_coverage",
    "member_concentration",
    "service_uptake",
]

# Course convention: the member types of the course data in the spheres of the triple helix
# (Etzkowitz & Leydesdorff 2000) and the quadruple helix's fourth, civil society (Carayannis
# & Campbell 2009). Research institutes and colleges are both "academia".
HELIX = {
    "company": "business",
    "research": "academia",
    "education": "academia",
    "public": "government",
    "other": "civil_society",
}
EXPORT_BANDS = pd.CategoricalDtype(["0 %", "1-25 %", "25-50 %", ">50 %"], ordered=True)
# The stage codes of cluster_members.value_chain_stage, in chain order: written once, in the
# goods chain of course/valuechain/_chain.py (module 3 places them on Porter's value system).
VALUE_CHAIN_STAGES = STAGE_CODES
SERVICES = (
    "matchmaking", "training", "internationalisation", "joint_projects", "market_intelligence",
    "funding_advice", "testbed", "branding",
)  # fmt: skip
# The order in which the categories of a known column are listed (and charted).
_ORDERS = {
    "member_type": MEMBER_TYPES,
    "helix": ("business", "academia", "government", "civil_society"),
    "value_chain_stage": VALUE_CHAIN_STAGES,
}


def export_band(df: pd.DataFrame, *, value: str = "export_share") -> pd.DataFrame:
    """Add ``export_band``: "0 %", "1-25 %", "25-50 %" or ">50 %" of turnover exported.

    ``value`` is the export share as a fraction of turnover (0-1). The bands (a course
    convention, as cluster surveys commonly use them) are: exactly 0; above 0 up to and
    including 25 % (also a share below 1 %: the label "1-25 %" is the surveys'); above 25 %
    up to 50 %; above 50 %. A missing share gives ``<NA>``, never "0 %": a member whose
    export share is unknown is not a non-exporter (:func:`member_composition` counts it in
    the category "(unknown)").

    >>> shares = pd.DataFrame({"export_share": [0, 0.004, 0.25, 0.5, 0.51]})
    >>> export_band(shares)["export_band"].tolist()
    ['0 %', '1-25 %', '1-25 %', '25-50 %', '>50 %']
    """
    where = "export_band"
    require_columns(df, [value], where=where)
    require_members(df, where=where)
    require_non_negative(df, value, where=where)
    share = g.float_values(df, value)
    if np.nanmax(share, initial=0) > 1:
        raise CourseInputError(
            f"{where}: column {value!r} must be a share between 0 and 1, but holds "
            f"{np.nanmax(share):g}: it looks like a percentage. Divide it by 100 first, e.g. "
            f"df[{value!r}] = df[{value!r}] / 100."
        )
    codes = np.searchsorted([0, 0.25, 0.5], share, side="left")
    codes = np.where(np.isnan(share), -1, codes)
    return df.assign(export_band=pd.Categorical.from_codes(codes, dtype=EXPORT_BANDS))


def helix_sphere(df: pd.DataFrame, *, category: str = "member_type") -> pd.DataFrame:
    """Add ``helix``, the helix sphere of each member: business, academia, government or
    civil_society (course convention :data:`HELIX`: research and education are academia,
    "other" bodies such as associations are civil society). A member without a type, or
    with a type the course does not know (``'Company'`` for ``'company'``), is refused.

    >>> types = pd.DataFrame({"member_type": ["company", "education", "other"]})
    >>> helix_sphere(types)["helix"].tolist()
    ['business', 'academia', 'civil_society']
    """
    return _with_helix(df, category=category, where="helix_sphere")


def _with_helix(df: pd.DataFrame, *, category: str, where: str) -> pd.DataFrame:
    require_columns(df, [category], where=where)
    require_members(df, where=where)
    check_keys(df, [category], where=where, unknown_option=False)  # a type decides the sphere
    fix = f"Member types are {', '.join(repr(t) for t in MEMBER_TYPES)}"
    return df.assign(helix=mapped(df[category], HELIX, what="helix sphere", fix=fix, where=where))


def _levels(column: pd.Series) -> list:
    """The categories of ``column`` in their natural order (known order, categorical order,
    or alphabetical), followed by the values the order does not list."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return list(column.cat.categories)
    present = sorted(pd.unique(column.dropna()), key=str)
    known = [v for v in _ORDERS.get(str(column.name), ()) if v in set(present)]
    return known + [v for v in present if v not in set(known)]


def member_composition(
    df: pd.DataFrame,
    of: str,
    *,
    by: str | Sequence[str] | None = "cluster",
    member: str = "member_id",
    value: str | None = None,
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """How the members split by ``of`` (e.g. "member_type", "size_class", "export_band",
    "value_chain_stage"), within each ``by`` group (default: each cluster).

    One row per ``by`` group x category of ``of``, every category listed (0 members where a
    cluster has none), with ``members`` (the number of members) and
    ``member_share = members / all members of the group`` (0-1).

    **Unknowns are counted, never dropped.** A member whose category is missing or blank
    (e.g. no ``size_class`` because turnover and balance sheet are unknown, no
    ``export_band`` because the export share is) is counted in the category
    ``"(unknown)"``, so that the shares add up to 1 and the gap shows; a member without its
    ``by`` group is counted in the group ``"(unknown)"``, with a warning. With ``value``
    (e.g. "employees") the table also has the sum of that column per category and
    ``<value>_share``, its share of the group's total; a sum with an unknown part is unknown
    (NaN, with a warning naming the members), and the shares are then of the categories
    whose sum is known. ``by=None`` gives one composition of the whole table. Groups come in
    sorted order.

    Refused: a blank or repeated ``member`` id, and total rows ("TOTAL", "All" ...) in the
    id, ``by`` or ``of`` columns (``drop_aggregates=True`` leaves them out, with a
    warning). Two ids with the same name (a member entered twice) and a ``value`` 1,000
    times off the others (EUR thousand typed for EUR) get a warning.

    >>> members = pd.DataFrame({"cluster": ["a", "a", "a", "b"], "member_id": [1, 2, 3, 4],
    ...                         "member_type": ["company", "company", "research", "company"]})
    >>> composition = member_composition(members, "member_type")
    >>> composition[composition["cluster"] == "a"][["member_type", "members", "member_share"]
    ...             ].values.tolist()
    [['company', 2, 0.6666666666666666], ['research', 1, 0.3333333333333333]]
    """
    where = "member_composition"
    keys = g.as_list(by)
    if not isinstance(of, str):
        raise CourseInputError(
            f"{where}: of= names ONE column to break the members down by, e.g. "
            f"of='member_type'; got {of!r}. For a cross-tabulation pass by=['cluster', ...]."
        )
    if of in keys:
        raise CourseInputError(f"{where}: {of!r} is both of= and in by=: pick one of them.")
    df = member_register(df, where=where, member=member, by=keys, categories=[of],
                         values=g.as_list(value), drop_aggregates=drop_aggregates)  # fmt: skip
    result, table, levels = _counts(df, of, keys)
    if value is not None:
        require_non_negative(df, value, where=where)
        warn_rows_left_out(
            df, df[value].isna().to_numpy(), where=where,
            reason=f"their {value} is missing: the {value} of their category is NaN (a sum "
            "with an unknown part is unknown); they are still counted in members",
            options=f"Fill in {value} where you know it, or compare categories by members only.",
        )  # fmt: skip
        result = _value_shares(result, table.assign(_v=df[value].to_numpy()), keys, of, value)
    if isinstance(df[of].dtype, pd.CategoricalDtype):
        result[of] = pd.Categorical(result[of], categories=levels, ordered=True)
    return result


def _counts(df: pd.DataFrame, of: str, keys: list[str]):
    """Members per ``keys`` group x category of ``of`` (every category, "(unknown)" for
    blanks), with ``member_share``; also the table counted and the categories in order."""
    levels = _levels(df[of])
    blank = blank_keys(df[of])
    category = df[of].astype(object).where(~blank, UNKNOWN)
    if blank.any():
        levels = [level for level in levels if str(level).strip()] + [UNKNOWN]
    table = df[keys].assign(**{of: category.to_numpy()})
    groups = table[keys].drop_duplicates().sort_values(keys) if keys else pd.DataFrame(index=[0])
    grid = groups.merge(pd.DataFrame({of: levels}), how="cross")
    counts = table.groupby([*keys, of], sort=False).size().rename("members").reset_index()
    result = grid.merge(counts, on=[*keys, of], how="left").fillna({"members": 0})
    result["members"] = result["members"].astype(np.int64)
    totals = result.groupby(keys, sort=False)["members"].transform("sum") if keys else (
        result["members"].sum()
    )  # fmt: skip
    result["member_share"] = result["members"] / totals
    return result, table, levels


def _value_shares(result, table, keys, of, value) -> pd.DataFrame:
    """Sum of ``value`` per category (NaN if a member's value is unknown) and its share of
    the categories whose sum is known."""
    grouped = table.assign(_missing=table["_v"].isna()).groupby([*keys, of], sort=False)
    sums = grouped["_v"].sum().where(~grouped["_missing"].any()).rename(value).reset_index()
    result = result.merge(sums, on=[*keys, of], how="left")
    result[value] = result[value].where(result["members"] > 0, 0.0)
    known = result[value].where(result[value].notna(), 0.0)
    totals = known.groupby([result[k] for k in keys]).transform("sum") if keys else known.sum()
    result[f"{value}_share"] = result[value] / totals
    return result


def helix_coverage(
    df: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "cluster",
    category: str = "member_type",
    member: str = "member_id",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Which helix spheres each ``by`` group (cluster) has: one row per group with the
    number of members in each sphere (``business_members``, ``academia_members``,
    ``government_members``, ``civil_society_members``) and two flags:
    ``triple_helix`` (business, academia and government all present) and
    ``quadruple_helix`` (civil society as well). Spheres as in :func:`helix_sphere`.
    The member table is checked as in :func:`member_composition` (a member without its
    ``by`` group is counted in the group "(unknown)", with a warning).

    >>> members = pd.DataFrame({"cluster": ["a"] * 3, "member_id": [1, 2, 3],
    ...                         "member_type": ["company", "research", "public"]})
    >>> helix_coverage(members)[["triple_helix", "quadruple_helix"]].values.tolist()
    [[True, False]]
    """
    where = "helix_coverage"
    keys = g.as_list(by)
    df = member_register(df, where=where, member=member, by=keys, categories=[category],
                         drop_aggregates=drop_aggregates)  # fmt: skip
    counts = _counts(_with_helix(df, category=category, where=where), "helix", keys)[0]
    index = keys or counts.assign(_all=0)["_all"]
    wide = counts.pivot_table(index=index, columns="helix", values="members", sort=False)
    wide = wide.reindex(columns=list(_ORDERS["helix"]), fill_value=0).astype(np.int64)
    result = wide.add_suffix("_members").reset_index(drop=not keys).rename_axis(columns=None)
    present = wide.to_numpy() > 0  # columns: business, academia, government, civil society
    result["triple_helix"] = present[:, :3].all(axis=1)
    result["quadruple_helix"] = present.all(axis=1)
    return result


def member_concentration(
    df: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "cluster",
    member: str = "member_id",
    value: str = "turnover_eur",
    member_types: Sequence[str] | None = ("company",),
    high_threshold: float = 2500,
    moderate_threshold: float = 1500,
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """How concentrated the members' turnover is: the market HHI of each ``by`` group.

    Calls :func:`course.economics.market_hhi` on the members whose type is in
    ``member_types`` (companies only by default; ``None``: every member with a value):
    ``market_hhi = sum_f (100 * share_f)^2`` in (0, 10000] with ``share_f`` the member's
    share of the group's total ``value``, ``members`` the number counted and
    ``concentration`` after the US Horizontal Merger Guidelines (2010): below 1500
    "unconcentrated", 1500-2500 "moderate", above 2500 "high" (the 2023 guidelines:
    ``moderate_threshold=1000, high_threshold=1800``). It is the concentration AMONG THE
    MEMBERS, not of the market they sell in: a high value says a few members carry the
    cluster's turnover; the bands are borrowed from merger control (a course convention).

    A member with an unknown ``value`` is left out (``members`` counts those with a value),
    with a warning naming it; a member without a ``member_type`` is refused (is it a
    company?). The table is checked as in :func:`member_composition`: the same member twice
    under two ids is named in a warning (it would be counted twice), and a turnover 1,000
    times off the others (EUR thousand typed for EUR) too.

    >>> firms = pd.DataFrame({"cluster": ["a", "a", "a"], "member_id": [1, 2, 3],
    ...                       "member_type": ["company"] * 3, "turnover_eur": [50, 30, 20]})
    >>> member_concentration(firms)[["cluster", "market_hhi", "concentration"]].values.tolist()
    [['a', 3800.0, 'high']]
    """
    from course.economics import market_hhi

    where = "member_concentration"
    keys = g.as_list(by)
    types = [member_types] if isinstance(member_types, str) else member_types
    df = member_register(df, where=where, member=member, by=keys, values=[value],
                         columns=["member_type"] if types is not None else [],
                         drop_aggregates=drop_aggregates)  # fmt: skip
    if types is not None:
        check_keys(df, ["member_type"], where=where, unknown_option=False)
        for kind in types:
            present = sorted(set(df["member_type"]))
            if kind not in present:
                close = close_matches(kind, present)
                hint = f"Did you mean {', '.join(map(repr, close))}? " if close else ""
                raise CourseInputError(
                    f"{where}: no member has member_type {kind!r}. {hint}The table's member "
                    f"types are {', '.join(map(repr, present))}, written exactly so (lower "
                    "case in the course data)."
                )
        df = df[df["member_type"].isin(list(types))]
    return market_hhi(df, member=member, value=value, by=keys or None,
                      high_threshold=high_threshold,
                      moderate_threshold=moderate_threshold)  # fmt: skip


def service_uptake(
    df: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "cluster",
    member: str = "member_id",
    value: str = "services_used",
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Which cluster services each group uses: one row per ``by`` group x service.

    ``value`` lists each member's services separated by ";". ``users`` is the number of
    members of the group using the service, ``members`` the number of members of the group
    and ``uptake = users / members`` (0-1). Run it with ``by="segment"`` on the members of
    :func:`segment_members` to see what each segment already buys. Groups come in sorted
    order, services in the order of :data:`SERVICES`.

    **A blank cell counts as "no service used"** (a course convention: the course table
    writes it so): the member is in ``members`` and in no ``users``. If a blank means "not
    recorded" in your register, leave those members out first,
    e.g. ``df.dropna(subset=['services_used'])``. A member without its ``by`` group is
    counted in the group "(unknown)", with a warning; the table is checked as in
    :func:`member_composition`.

    >>> members = pd.DataFrame({"cluster": ["a", "a"], "member_id": [1, 2],
    ...                         "services_used": ["training;testbed", None]})
    >>> uptake = service_uptake(members)
    >>> uptake.loc[uptake["service"] == "training", ["users", "members"]].values.tolist()
    [[1, 2]]
    >>> uptake.loc[uptake["service"] == "training", "uptake"].tolist()
    [0.5]
    """
    where = "service_uptake"
    keys = g.as_list(by)
    df = member_register(df, where=where, member=member, by=keys, columns=[value],
                         drop_aggregates=drop_aggregates)  # fmt: skip
    listed = df[value].astype("string").fillna("").str.replace(r"\s*;\s*", ";", regex=True)
    used = listed.str.strip().str.get_dummies(sep=";")
    used = used.drop(columns=[c for c in used.columns if not str(c).strip()])
    unknown = [s for s in used.columns if s not in SERVICES]
    if unknown:
        raise CourseInputError(
            f"{where}: column {value!r} names service(s) the course does not know: "
            f"{', '.join(repr(s) for s in unknown[:5])}. Services are separated by ';' and "
            f"written as {', '.join(SERVICES)}."
        )
    used = used.reindex(columns=list(SERVICES), fill_value=0)
    table = pd.concat([df[keys].reset_index(drop=True), used.reset_index(drop=True)], axis=1)
    grouped = table.groupby(keys if keys else np.zeros(len(table), dtype=int), sort=True)
    users = grouped[list(SERVICES)].sum()
    long = users.stack().rename("users")  # group by group, services in the course's order
    result = long.rename_axis([*(keys or ["_all"]), "service"]).reset_index()
    result = result.drop(columns=[] if keys else ["_all"])
    result["users"] = result["users"].astype(np.int64)
    result["members"] = np.repeat(grouped.size().to_numpy(), len(SERVICES))
    result["uptake"] = result["users"] / result["members"]
    return result
