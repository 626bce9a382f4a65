"""Segmenting members: k-means (or Ward) clusters on standardised features, k by silhouette.

A segment is a group of members that are alike on the features you choose (size, exports,
membership age, ...), so that a service can be designed for each group. The statistics are
the standard ones (scikit-learn; Ward via SciPy); what the segments mean is the manager's
reading of :attr:`Segmentation.profile`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course import _groups as g
from course._guards import check_unit_slips
from course.checks import (
    CourseInputError,
    require_choice,
    require_columns,
    require_int_at_least,
    require_non_negative,
    require_numeric,
    require_rows,
    warn_rows_left_out,
)
from course.segmentation._register import member_register, unit_of

__all__ = ["SIZE_FEATURES", "Segmentation", "segment_members", "segment_profile"]

# Sizes are skewed (a few members are 100 times larger than most): they are log-transformed.
SIZE_FEATURES = ("employees", "turnover_eur", "balance_sheet_eur")
WARD_LIMIT = 10_000  # Ward needs all pairwise distances: memory grows with members squared

# Words for the profile's description: (below average, above average)
_WORDS = {
    "employees": ("few staff", "many staff"),
    "turnover_eur": ("low turnover", "high turnover"),
    "balance_sheet_eur": ("small balance sheet", "large balance sheet"),
    "export_share": ("little export", "export-oriented"),
    "year_joined": ("long-standing members", "recent members"),
}


@dataclass(frozen=True, repr=False)
class Segmentation:
    """The result of :func:`segment_members`.

    - ``members``: the input table with a column ``segment`` (1 = the largest segment;
      ``<NA>`` for a member with a missing feature);
    - ``profile``: one row per segment (see :func:`segment_profile`);
    - ``scores``: one row per k tried: ``k``, ``silhouette``, ``inertia`` and ``chosen``;
    - ``k``, ``method``, ``features`` and ``logged`` (the features that were log-transformed).
    """

    members: pd.DataFrame
    profile: pd.DataFrame
    scores: pd.DataFrame
    k: int
    method: str
    features: tuple[str, ...]
    logged: tuple[str, ...]

    def __repr__(self) -> str:
        shown = self.profile[["segment", "members", "description"]].to_string(index=False)
        return (
            f"Segmentation: {self.k} segments by {self.method} on {', '.join(self.features)} "
            f"(silhouette {self.scores.loc[self.scores['chosen'], 'silhouette'].item():.3f})\n"
            f"{shown}\nSee .members, .profile and .scores."
        )


def _transformed(df: pd.DataFrame, features: Sequence[str], logged: Sequence[str]) -> np.ndarray:
    """The features as a float matrix, ``log(1 + x)`` for the ``logged`` ones."""
    columns = [g.float_values(df, f) for f in features]
    return np.column_stack(
        [np.log1p(c) if f in logged else c for f, c in zip(features, columns, strict=True)]
    )


def _standardised(matrix: np.ndarray) -> np.ndarray:
    """z-scores per column over the known values: ``(x - mean) / std`` (population std)."""
    mean = np.nanmean(matrix, axis=0)
    std = np.nanstd(matrix, axis=0)
    return (matrix - mean) / np.where(std > 0, std, np.nan)


def _features(df, features, log, *, where: str, member: str = "member_id"):
    """The features as a list and the ones to log-transform, after every check of them:
    numbers, non-negative where logged, and no unit slip (a warning names the member)."""
    if isinstance(features, str) or not isinstance(features, Iterable):
        raise CourseInputError(
            f"{where}: features must be a list of column names, e.g. "
            "['employees', 'turnover_eur', 'export_share']."
        )
    features = list(features)
    if not features or len(set(features)) != len(features):
        raise CourseInputError(
            f"{where}: features must name at least one column, each once; got {features!r}."
        )
    require_columns(df, features, where=where)
    named = [member] if member in df.columns else []
    for feature in features:
        require_numeric(df, feature, where=where)
        check_unit_slips(df, feature, keys=named, where=where, unit=unit_of(feature))
    logged = tuple(f for f in features if f in SIZE_FEATURES) if log is None else tuple(log)
    for feature in logged:
        if feature not in features:
            raise CourseInputError(
                f"{where}: log names {feature!r}, which is not among the features {features!r}."
            )
        require_non_negative(df, feature, where=where)
    return features, logged


def segment_profile(
    df: pd.DataFrame,
    features: Sequence[str],
    *,
    by: str = "segment",
    log: Sequence[str] | None = None,
) -> pd.DataFrame:
    """A readable profile of each group ``by`` (a segment, a size class...): one row per group.

    Columns: ``members`` and ``member_share`` (of the members profiled); for each feature f
    its median ``f_median`` in the feature's own units (a typical member) and ``f_z``, the
    mean z-score of the group: ``z = (x - mean) / std`` over all members profiled, after
    ``log(1 + x)`` for the ``log`` features (by default the sizes :data:`SIZE_FEATURES`).
    ``f_z = +1`` means the group sits one standard deviation above the average member. The
    ``description`` names up to three features with ``|f_z| >= 0.5``, the strongest first
    (e.g. "export-oriented, many staff"; the 0.5 is a course convention). Groups are listed
    in order of their label.

    **Unknowns are left out, and named.** Members without a group are not profiled, and a
    member whose feature value is missing is left out of that feature's median and
    z-scores (it still counts in ``members``); a warning names them. Pass the ``members``
    of a :func:`segment_members` result (``result.members``), not the result itself.

    >>> members = pd.DataFrame({"segment": [1, 1, 2, 2], "employees": [5, 7, 300, 500],
    ...                         "export_share": [0.0, 0.1, 0.6, 0.8]})
    >>> profile = segment_profile(members, ["employees", "export_share"])
    >>> profile[["segment", "members", "employees_median", "description"]].values.tolist()
    [[1, 2, 6.0, 'few staff, little export'], [2, 2, 400.0, 'many staff, export-oriented']]
    """
    where = "segment_profile"
    require_columns(df, [by, *(features if _is_list(features) else [])], where=where)
    require_rows(df, where=where)
    features, logged = _features(df, features, log, where=where)
    without = df[by].isna().to_numpy()
    warn_rows_left_out(
        df, without, where=where, reason=f"they have no {by}, so they are not profiled",
        options=f"Give them a {by}, or leave them out on purpose and say so.",
    )  # fmt: skip
    rows = df[~without]
    require_rows(rows, where=where)
    missing = np.isnan(_transformed(rows, features, logged)).any(axis=1)
    warn_rows_left_out(
        rows, missing, where=where,
        reason=f"a feature ({', '.join(features)}) is missing: they are left out of that "
        "feature's median and z-scores, and still counted in members",
        options="Fill the value in if you know it, or choose features every member has.",
    )  # fmt: skip
    return _profile(rows, features, logged, by)


def _is_list(features) -> bool:
    return not isinstance(features, str) and isinstance(features, Iterable)


def _profile(rows: pd.DataFrame, features, logged, by: str) -> pd.DataFrame:
    """:func:`segment_profile` of members that all have a group (checked before)."""
    z = _standardised(_transformed(rows, features, logged))
    groups = rows[by].to_numpy()
    stats = pd.DataFrame({by: groups})
    for position, feature in enumerate(features):
        stats[f"{feature}_median"] = g.float_values(rows, feature)
        stats[f"{feature}_z"] = z[:, position]
    grouped = stats.groupby(by, sort=True)
    medians = grouped[[f"{f}_median" for f in features]].median()
    zs = grouped[[f"{f}_z" for f in features]].mean()
    profile = pd.DataFrame({"members": grouped.size()})
    profile["member_share"] = profile["members"] / profile["members"].sum()
    for feature in features:
        profile[f"{feature}_median"] = medians[f"{feature}_median"]
        profile[f"{feature}_z"] = zs[f"{feature}_z"]
    profile["description"] = [_describe(row, features) for row in zs.to_numpy()]
    return profile.reset_index()


def _describe(zs: np.ndarray, features: Sequence[str]) -> str:
    order = np.argsort(-np.abs(np.nan_to_num(zs)), kind="stable")
    words = []
    for i in order[:3]:
        if abs(zs[i]) >= 0.5:
            low, high = _WORDS.get(features[i], (f"low {features[i]}", f"high {features[i]}"))
            words.append(high if zs[i] > 0 else low)
    return ", ".join(words) or "close to the average member"


def segment_members(
    df: pd.DataFrame,
    features: Sequence[str],
    *,
    k: int | Iterable[int] = range(2, 9),
    member: str = "member_id",
    method: str = "kmeans",
    log: Sequence[str] | None = None,
    random_state: int = 42,
    n_init: int = 10,
    sample_size: int = 5000,
    drop_aggregates: bool = False,
) -> Segmentation:
    """Segment the members on ``features``; choose the number of segments by silhouette.

    1. **Standardise.** The sizes among the features (:data:`SIZE_FEATURES`, or those named
       in ``log``) become ``log(1 + x)``, so that one giant member does not make everyone
       else look alike; then every feature becomes a z-score ``(x - mean) / std``, so that
       euros and shares weigh the same.
    2. **Cluster** for each k in ``k`` (a number, or a range such as ``range(2, 9)``):
       ``method="kmeans"`` (scikit-learn's ``KMeans`` with ``n_init`` starts and the fixed
       ``random_state``: the same call gives the same segments) or ``method="ward"`` (Ward's
       hierarchical clustering, SciPy; at most 10,000 members).
    3. **Choose k** with the largest mean silhouette (Rousseeuw 1987: from -1 to 1, how much
       closer each member is to its own segment than to the next one; above about 0.5 is a
       clear structure, below 0.25 a weak one). ``scores`` also reports the inertia (the
       within-segment sum of squared distances, which always falls as k grows: look for an
       "elbow"). With more than ``sample_size`` members the silhouette is computed on a
       random sample of that size (seeded with ``random_state``), to keep it fast.

    Segments are numbered by size: 1 is the largest. Members with a missing feature value
    cannot be placed: their ``segment`` is ``<NA>`` and a warning names them (they are left
    out of the standardisation, the clusters and the profile). The member table is checked
    as in :func:`member_composition`: a blank or repeated ``member`` id and total rows are
    refused (``drop_aggregates=True`` leaves total rows out), the same member under two ids
    and a size 1,000 times off the others (EUR thousand typed for EUR) get a warning: a total
    row or a unit slip would move every z-score and so every segment.
    Returns a :class:`Segmentation` with ``members``, ``profile`` and ``scores``.

    >>> from course import answers, data
    >>> firms = data.load("cluster_members").query("member_type == 'company'")
    >>> result = segment_members(firms, ["employees", "turnover_eur", "export_share"])
    >>> result.k, round(answers.value(result.scores, "silhouette", chosen=True), 3)
    (3, 0.36)
    >>> result.profile[["segment", "members", "description"]].values.tolist()
    [[1, 105, 'little export, low turnover, few staff'], [2, 61, 'many staff, high turnover'], [3, 41, 'export-oriented']]
    """
    where = "segment_members"
    require_choice(method, ["kmeans", "ward"], name="method", where=where)
    df = member_register(df, where=where, member=member, drop_aggregates=drop_aggregates)
    features, logged = _features(df, features, log, where=where, member=member)
    ks = _ks(k, where=where)
    require_int_at_least(n_init, 1, name="n_init", where=where)
    require_int_at_least(sample_size, 100, name="sample_size", where=where)

    matrix = _transformed(df, features, logged)
    complete = ~np.isnan(matrix).any(axis=1)
    warn_rows_left_out(
        df, ~complete, where=where,
        reason=f"a feature ({', '.join(features)}) is missing, so their segment is <NA>",
        options="Fill the value in if you know it, or choose features every member has "
        "(colleges and public bodies have no turnover in the course data).",
    )  # fmt: skip
    x = _standardised(matrix[complete])
    _check_spread(x, features, int(complete.sum()), ks, where=where)
    if method == "ward" and len(x) > WARD_LIMIT:
        raise CourseInputError(
            f"{where}: Ward clustering of {len(x):,} members needs all pairwise distances "
            f"(about {len(x) ** 2 * 4 / 1e9:.1f} GB); it is limited to {WARD_LIMIT:,}. Use "
            "method='kmeans', or segment a sample, e.g. df.sample(5000, random_state=1)."
        )

    labels, inertias = _cluster(x, ks, method, random_state, n_init)
    silhouettes = [_silhouette(x, labels[k], sample_size, random_state) for k in ks]
    best = ks[int(np.argmax(silhouettes))]  # the first of equal scores: the smaller k
    scores = pd.DataFrame({"k": ks, "silhouette": silhouettes, "inertia": inertias})
    scores["chosen"] = scores["k"] == best

    segment = np.full(len(df), -1, dtype=np.int64)
    segment[complete] = _by_size(labels[best])
    members = df.assign(segment=pd.array(np.where(segment > 0, segment, None), dtype="Int64"))
    profile = _profile(members[complete], features, logged, "segment")  # warned above
    return Segmentation(members, profile, scores, best, method, tuple(features), logged)


def _ks(k, *, where: str) -> list[int]:
    ks = [k] if isinstance(k, int | np.integer) and not isinstance(k, bool) else k
    try:
        ks = sorted({int(v) for v in ks if not isinstance(v, bool) and float(v).is_integer()})
    except (TypeError, ValueError):
        ks = []
    if not ks or ks[0] < 2 or (not isinstance(k, int | np.integer) and len(ks) != len(list(k))):
        raise CourseInputError(
            f"{where}: k={k!r} must be a whole number of at least 2 (k=4) or a range of them "
            "(k=range(2, 9)): a segmentation needs two segments or more."
        )
    return ks


def _check_spread(x: np.ndarray, features, n: int, ks: list[int], *, where: str) -> None:
    flat = [f for f, column in zip(features, x.T, strict=True) if np.isnan(column).all()]
    if flat:
        raise CourseInputError(
            f"{where}: feature {flat[0]!r} has the same value for every member, so it cannot "
            "tell segments apart: drop it from features."
        )
    distinct = len(np.unique(x, axis=0))
    if ks[-1] >= min(n, distinct + 1):
        raise CourseInputError(
            f"{where}: k={ks[-1]} is too many segments for {n} member(s) with {distinct} "
            f"different feature values: the silhouette needs k below both. Use a smaller k."
        )


def _cluster(x, ks, method, random_state, n_init) -> tuple[dict[int, np.ndarray], list[float]]:
    """Labels 0..k-1 and the within-segment sum of squares for every k."""
    labels, inertias = {}, []
    if method == "kmeans":
        from sklearn.cluster import KMeans  # scikit-learn is heavy: import only when used

        for k in ks:
            model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(x)
            labels[k] = model.labels_
            inertias.append(float(model.inertia_))
        return labels, inertias
    from scipy.cluster.hierarchy import cut_tree, linkage

    cuts = cut_tree(linkage(x, method="ward"), n_clusters=ks)  # one tree, cut at every k
    for position, k in enumerate(ks):
        labels[k] = cuts[:, position]
        inertias.append(_within_sum_of_squares(x, labels[k]))
    return labels, inertias


def _within_sum_of_squares(x: np.ndarray, labels: np.ndarray) -> float:
    """``sum over members of |x - mean of its segment|^2`` (k-means' inertia)."""
    counts = np.bincount(labels)
    sums = np.stack([np.bincount(labels, weights=column) for column in x.T], axis=1)
    means = sums / counts[:, None]
    return float(((x - means[labels]) ** 2).sum())


def _silhouette(x, labels, sample_size: int, random_state: int) -> float:
    from sklearn.metrics import silhouette_score

    sample = sample_size if len(x) > sample_size else None
    return float(silhouette_score(x, labels, sample_size=sample, random_state=random_state))


def _by_size(labels: np.ndarray) -> np.ndarray:
    """Labels renumbered 1..k from the largest segment (ties: the one seen first)."""
    counts = np.bincount(labels)
    first = np.unique(labels, return_index=True)[1]
    order = np.lexsort((first, -counts))  # largest first, then first seen
    rank = np.empty_like(order)
    rank[order] = np.arange(1, len(order) + 1)
    return rank[labels]
