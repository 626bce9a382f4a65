"""Peer learning: for one organisation and one area, similar organisations that do it best."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course._guards import MIN_PEERS
from course.benchmarking._catalogue import AREAS
from course.benchmarking._gaps import area_scores
from course.checks import CourseInputError, require_int_at_least, require_present

__all__ = ["learning_partners"]


def learning_partners(
    df: pd.DataFrame,
    organisation_id: str,
    area: str,
    *,
    n: int = 5,
    organisation: str = "organisation",
    indicator: str = "indicator",
    value: str = "value",
    direction: str | dict | None = None,
    peers: str | Sequence[str] | None = None,
    catalogue: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The ``n`` organisations most like ``organisation_id`` among the best in ``area``.

    The "learn from top-performing clusters" exchange: whom should we visit to improve in
    one area? Within one benchmarking round (filter one year first) and the peer group
    (``peers``), from :func:`area_scores`:

    1. candidates: the other organisations whose ``area_score`` in ``area`` is in the top
       quartile of the peer group (at least ``area_score_top_quartile``) and above ours;
    2. ``profile_distance``: how different a candidate is from us in the *other* five areas,
       the root mean square difference of the area scores (percentile points; 0 = the same
       profile), over the areas both have scored;
    3. the ``n`` candidates with the smallest distance, the nearest first: they are like us
       elsewhere, so what they do in ``area`` is most likely to work for us.

    Columns: the peer columns, ``organisation``, ``area_score``, ``lead`` (their score minus
    ours, in points) and ``profile_distance``. The ranking rule is a course convention. The
    table is empty when no organisation of the peer group scores above ours in the top
    quartile (we are the ones to learn from). A peer group needs ``MIN_PEERS`` = 3
    organisations that answered (a course convention, as for every peer statistic): an
    organisation without an area score there (alone in its group, or with no answer in the
    area) is refused with a message, not given an empty list.

    >>> from course import data
    >>> bench = data.load("benchmarking")
    >>> partners = learning_partners(bench[bench["year"] == 2023], "lv_it", "achievements", n=3)
    >>> partners["organisation"].tolist()
    ['peer_002', 'peer_094', 'se_energy']
    """
    where = "learning_partners"
    require_int_at_least(n, 1, name="n", where=where)
    if area not in AREAS and (catalogue is None or area not in set(catalogue["area"])):
        known = list(AREAS) if catalogue is None else list(pd.unique(catalogue["area"]))
        raise CourseInputError(
            f"{where}: area {area!r} is not one of {', '.join(repr(a) for a in known)}."
        )
    if organisation in df:
        require_present(df[organisation], [organisation_id], what="organisation", where=where)
    scores = area_scores(
        df, organisation=organisation, indicator=indicator, value=value, direction=direction,
        peers=peers, catalogue=catalogue,
    )  # fmt: skip
    profile = scores.pivot(index=organisation, columns="area", values="area_score")
    ours = scores[scores[organisation] == organisation_id]
    own = ours[ours["area"] == area]
    if own.empty:
        raise CourseInputError(f"{where}: {organisation_id!r} has no indicator in area {area!r}.")
    if own["area_score"].isna().all():
        raise CourseInputError(
            f"{where}: {organisation_id!r} has no area score in {area!r}: it answered none of "
            f"the area's indicators, or its peer group has fewer than {MIN_PEERS} "
            "organisations that answered them, so there is no one to compare with. Widen the "
            "peer group (fewer peers= columns; peers=None compares with every organisation)."
        )
    in_area = scores[scores["area"] == area]
    for column in g.as_list(peers):  # the same peer group as ours
        in_area = in_area[in_area[column] == own[column].iloc[0]]
    best = in_area[
        (in_area["area_score"] >= in_area["area_score_top_quartile"])
        & (in_area["area_score"] > own["area_score"].iloc[0])
        & (in_area[organisation] != organisation_id)
    ]
    others = profile.drop(columns=area)
    difference = others.loc[best[organisation]] - others.loc[organisation_id]
    distance = np.sqrt((difference**2).mean(axis=1, skipna=True)).to_numpy()
    result = best[[*g.as_list(peers), organisation, "area_score"]].assign(
        lead=best["area_score"].to_numpy() - own["area_score"].iloc[0],
        profile_distance=distance,
    )
    result = result.sort_values(["profile_distance", "area_score"], ascending=[True, False])
    return result.head(n).reset_index(drop=True)
