"""Member composition: who the members are (helix type, size, value-chain stage, exports),
how concentrated the companies' turnover is, and which services each group uses.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course.checks import (
    CourseInputError,
    close_matches,
    mapped,
    require_columns,
    require_non_negative,
    require_rows,
    require_unique_rows,
)

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

MEMBER_TYPES = ("company", "research", "education", "public", "other")
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
VALUE_CHAIN_STAGES = (
    "inputs", "primary_production", "processing", "packaging", "logistics_distribution",
    "retail_services", "support_services", "research_education", "technology_provider",
)  # fmt: skip
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
    including 25 % (also a share below 1 %); above 25 % up to 50 %; above 50 %. A missing
    share gives ``<NA>``.

    >>> shares = pd.DataFrame({"export_share": [0, 0.004, 0.25, 0.5, 0.51]})
    >>> export_band(shares)["export_band"].tolist()
    ['0 %', '1-25 %', '1-25 %', '25-50 %', '>50 %']
    """
    where = "export_band"
    require_columns(df, [value], where=where)
    require_rows(df, where=where)
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
    "other" bodies such as associations are civil society).

    >>> types = pd.DataFrame({"member_type": ["company", "education", "other"]})
    >>> helix_sphere(types)["helix"].tolist()
    ['business', 'academia', 'civil_society']
    """
    where = "helix_sphere"
    require_columns(df, [category], where=where)
    require_rows(df, where=where)
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
) -> pd.DataFrame:
    """How the members split by ``of`` (e.g. "member_type", "size_class", "export_band",
    "value_chain_stage"), within each ``by`` group (default: each cluster).

    One row per ``by`` group x category of ``of``, every category listed (0 members where a
    cluster has none), with ``members`` (the number of members) and
    ``member_share = members / all members of the group`` (0-1). Members whose category is
    missing (e.g. no ``size_class`` because turnover and balance sheet are unknown) are
    counted in a category "unknown", so that the shares add up to 1 and the gap shows.
    With ``value`` (e.g. "employees") the table also has the sum of that column and
    ``<value>_share``, its share of the group's total over the members whose value is
    known (a category with an unknown value gets NaN, never a share that pretends it is 0).
    ``by=None`` gives one composition of the whole table. Groups come in sorted order.

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
    require_columns(df, [of, member, *keys, *g.as_list(value)], where=where)
    require_rows(df, where=where)
    require_unique_rows(df, [*keys, member], where=where)
    if of in keys:
        raise CourseInputError(f"{where}: {of!r} is both of= and in by=: pick one of them.")
    levels = _levels(df[of])
    category = df[of].astype(object).where(df[of].notna(), "unknown")
    if df[of].isna().any():
        levels.append("unknown")
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
    if value is not None:
        require_non_negative(df, value, where=where)
        result = _value_shares(result, table.assign(_v=df[value].to_numpy()), keys, of, value)
    if isinstance(df[of].dtype, pd.CategoricalDtype):
        result[of] = pd.Categorical(result[of], categories=levels, ordered=True)
    return result


def _value_shares(result, table, keys, of, value) -> pd.DataFrame:
    """Sum of ``value`` per category (NaN if a member's value is unknown) and its share."""
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
) -> pd.DataFrame:
    """Which helix spheres each ``by`` group (cluster) has: one row per group with the
    number of members in each sphere (``business_members``, ``academia_members``,
    ``government_members``, ``civil_society_members``) and two flags:
    ``triple_helix`` (business, academia and government all present) and
    ``quadruple_helix`` (civil society as well). Spheres as in :func:`helix_sphere`.

    >>> members = pd.DataFrame({"cluster": ["a"] * 3, "member_id": [1, 2, 3],
    ...                         "member_type": ["company", "research", "public"]})
    >>> helix_coverage(members)[["triple_helix", "quadruple_helix"]].values.tolist()
    [[True, False]]
    """
    keys = g.as_list(by)
    spheres = helix_sphere(df, category=category)
    counts = member_composition(spheres, "helix", by=keys or None, member=member)
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
) -> pd.DataFrame:
    """How concentrated the members' turnover is: the market HHI of each ``by`` group.

    Calls :func:`course.economics.market_hhi` on the members whose type is in
    ``member_types`` (companies only by default; ``None``: every member with a value):
    ``market_hhi = sum_f (100 * share_f)^2`` in (0, 10000] with ``share_f`` the member's
    share of the group's total ``value``, ``members`` the number counted and
    ``concentration`` after the US Horizontal Merger Guidelines (2010): below 1500
    "unconcentrated", 1500-2500 "moderate", above 2500 "high" (``high_threshold=1800`` for
    the 2023 guidelines). It is the concentration AMONG THE MEMBERS, not of the market they
    sell in: a high value says a few members carry the cluster's turnover.

    >>> firms = pd.DataFrame({"cluster": ["a", "a", "a"], "member_id": [1, 2, 3],
    ...                       "member_type": ["company"] * 3, "turnover_eur": [50, 30, 20]})
    >>> member_concentration(firms)[["cluster", "market_hhi", "concentration"]].values.tolist()
    [['a', 3800.0, 'high']]
    """
    from course.economics import market_hhi

    where = "member_concentration"
    require_columns(df, [member, value, *g.as_list(by)], where=where)
    require_rows(df, where=where)
    chosen = df
    if member_types is not None:
        types = [member_types] if isinstance(member_types, str) else list(member_types)
        require_columns(df, ["member_type"], where=where)
        for kind in types:
            if kind not in set(df["member_type"]):
                close = close_matches(kind, MEMBER_TYPES)
                raise CourseInputError(
                    f"{where}: no member has member_type {kind!r}. "
                    f"Did you mean {', '.join(repr(c) for c in close) or repr(MEMBER_TYPES)}?"
                )
        chosen = df[df["member_type"].isin(types)]
    return market_hhi(chosen, member=member, value=value, by=by, high_threshold=high_threshold,
                      moderate_threshold=min(1500, high_threshold))  # fmt: skip


def service_uptake(
    df: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "cluster",
    member: str = "member_id",
    value: str = "services_used",
) -> pd.DataFrame:
    """Which cluster services each group uses: one row per ``by`` group x service.

    ``value`` lists each member's services separated by ";" (empty: none), as in the course
    table. ``users`` is the number of members of the group using the service and
    ``uptake = users / members of the group`` (0-1). Run it with ``by="segment"`` on the
    members of :func:`segment_members` to see what each segment already buys. Groups come in
    sorted order, services in the order of :data:`SERVICES`.

    >>> members = pd.DataFrame({"cluster": ["a", "a"], "member_id": [1, 2],
    ...                         "services_used": ["training;testbed", None]})
    >>> uptake = service_uptake(members)
    >>> uptake.loc[uptake["service"] == "training", ["users", "uptake"]].values.tolist()
    [[1.0, 0.5]]
    """
    where = "service_uptake"
    keys = g.as_list(by)
    require_columns(df, [member, value, *keys], where=where)
    require_rows(df, where=where)
    require_unique_rows(df, [*keys, member], where=where)
    used = df[value].astype("string").fillna("").str.get_dummies(sep=";")
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
    result["uptake"] = result["users"] / np.repeat(grouped.size().to_numpy(), len(SERVICES))
    return result
