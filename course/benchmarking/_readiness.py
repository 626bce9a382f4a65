"""Label readiness: a course estimate of how close an organisation is to Bronze, Silver and Gold.

**A course estimate, not an ESCA assessment.** The ESCA questionnaire and the Gold thresholds
are not public; the rules below model what the labels require (DOMAIN.md, section 4) so that a
cluster manager can see which steps are left. Only ESCA (and EUCLES, which owns the labels) can
award a label.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course.benchmarking._catalogue import checked_catalogue, direction_signs, per_row
from course.benchmarking._gaps import area_improvement, peer_gaps
from course.checks import (
    CourseInputError,
    require_columns,
    require_fraction,
    require_int_at_least,
    require_years,
)

__all__ = ["ECCP_MINIMUMS", "NOTE", "label_readiness"]

# The practical minimum to register on the European Cluster Collaboration Platform (ECCP).
ECCP_MINIMUMS = {"staff_fte": 0.5, "members_total": 15, "member_types": 2}

NOTE = "Label-readiness estimate of the course, not an ESCA assessment."

LABELS = ("not yet", "Bronze", "Silver", "Gold")


def label_readiness(
    df: pd.DataFrame,
    *,
    organisation: str = "organisation",
    indicator: str = "indicator",
    value: str = "value",
    direction: str | dict | None = None,
    peers: str | Sequence[str] | None = None,
    year: str = "year",
    catalogue: pd.DataFrame | None = None,
    thresholds: Mapping | None = None,
    gold_share: float = 0.8,
    improved_areas: int = 3,
    min_change: float = 5.0,
    min_answered: float = 0.9,
    minimums: Mapping = ECCP_MINIMUMS,
) -> pd.DataFrame:
    """How close each organisation is to the Bronze, Silver and Gold stages (a course estimate).

    One row per organisation in the latest round (the last ``year``), with the steps of a
    course model of the three labels. **This is a label-readiness estimate of the course, not
    an ESCA assessment** (the table's ``attrs["note"]`` says so too):

    - **Bronze** (a benchmarking of the cluster organisation): ``answered_share``, the share of
      the indicators the organisation answered, is at least ``min_answered`` (0.9), and
      ``eccp_minimum``: it meets the practical minimum of the European Cluster Collaboration
      Platform, ``minimums`` (at least 0.5 FTE management staff, 15 members and two member
      types). -> ``bronze_ready``.
    - **Silver** (a second benchmarking 1.5-2 years later that documents three improvement
      areas): the organisation took part in the round before (at most two years earlier),
      and ``areas_improved``, the number of ESCA areas whose area score rose by at least
      ``min_change`` percentile points (:func:`area_improvement`), is at least
      ``improved_areas`` (3); and it is Bronze-ready. -> ``silver_ready``.
    - **Gold** (31 quality indicators with thresholds, a pass mark of 80 % reported by label
      holders): ``thresholds_share``, the share of indicator thresholds met, is at least
      ``gold_share`` (0.8); and it is Bronze-ready. -> ``gold_ready``, with
      ``thresholds_met`` of ``thresholds_total`` and ``thresholds_to_gold``, how many more
      thresholds it must meet (``ceil(gold_share x total) - met``, at least 0). By default a
      threshold is the peer median (``peer_gaps``: met when ``gap_to_median <= 0``);
      ``thresholds`` = ``{indicator: value}`` sets your own (met when the value is at least
      as good, in the indicator's direction). An unanswered indicator does not meet its
      threshold.

    ``estimated_label`` is the highest stage whose steps are all met: "Gold", "Silver",
    "Bronze" or "not yet". All rules and numbers here are course conventions modelled on the
    ESCA label descriptions; change the parameters to test other assumptions.

    >>> from course import data
    >>> bench = data.load("benchmarking")
    >>> ready = label_readiness(bench)
    >>> ready.attrs["note"]
    'Label-readiness estimate of the course, not an ESCA assessment.'
    >>> course = ready[ready["organisation"].isin(["lv_food", "se_energy"])]
    >>> course[["organisation", "areas_improved", "thresholds_met", "thresholds_to_gold",
    ...         "estimated_label"]].values.tolist()
    [['lv_food', 4, 25, 4, 'Silver'], ['se_energy', 2, 27, 2, 'Bronze']]
    """
    where = "label_readiness"
    require_fraction(gold_share, name="gold_share", where=where)
    require_fraction(min_answered, name="min_answered", where=where)
    require_int_at_least(improved_areas, 0, name="improved_areas", where=where)
    if isinstance(min_change, bool) or not isinstance(min_change, int | float):
        raise CourseInputError(f"{where}: min_change={min_change!r} must be a number, e.g. 5.")
    require_columns(df, [year], where=where)
    df = require_years(df, year, where=where)
    years = sorted(pd.unique(df[year].dropna()).tolist())
    latest = df[df[year] == years[-1]] if years else df
    options = dict(organisation=organisation, indicator=indicator, value=value,
                   direction=direction, peers=peers, catalogue=catalogue)  # fmt: skip
    gaps = peer_gaps(latest, **options)
    sign = direction_signs(gaps, indicator, direction, checked_catalogue(catalogue, where=where),
                           where=where)  # fmt: skip
    met = _thresholds_met(gaps, indicator, value, sign, thresholds, where=where)
    keys = [*g.as_list(peers), organisation]
    rows = gaps[keys].assign(
        _answered=gaps[value].notna().to_numpy(),
        _met=met,
        _eccp=_eccp_rows(gaps, indicator, value, minimums, where=where),
    )
    per = rows.groupby(keys, sort=False)
    result = per.agg(
        answered_share=("_answered", "mean"),
        eccp_minimum=("_eccp", "sum"),
        thresholds_met=("_met", "sum"),
        thresholds_total=("_met", "size"),
    ).reset_index()
    result.insert(len(keys), year, years[-1])
    result["eccp_minimum"] = result["eccp_minimum"] == len(minimums)
    result["bronze_ready"] = result["eccp_minimum"] & (result["answered_share"] >= min_answered)
    improved = _areas_improved(df, years, year, min_change, options, where=where)
    result["areas_improved"] = result[organisation].map(improved).astype("Int64")
    result["silver_ready"] = (
        result["bronze_ready"] & (result["areas_improved"] >= improved_areas).fillna(False)
    ).astype(bool)
    result["thresholds_share"] = result["thresholds_met"] / result["thresholds_total"]
    needed = np.ceil(gold_share * result["thresholds_total"] - 1e-9).astype(np.int64)
    result["gold_ready"] = result["bronze_ready"] & (result["thresholds_share"] >= gold_share)
    result["thresholds_to_gold"] = np.maximum(needed - result["thresholds_met"], 0)
    stage = np.select(
        [result["gold_ready"], result["silver_ready"], result["bronze_ready"]],
        list(LABELS[:0:-1]),
        default=LABELS[0],
    )
    result["estimated_label"] = pd.Series(stage, dtype="str")
    result.attrs["note"] = NOTE
    return result


def _thresholds_met(gaps, indicator, value, sign, thresholds, *, where) -> np.ndarray:
    """True on the rows whose value is at least as good as the indicator's threshold."""
    if thresholds is None:
        return (gaps["gap_to_median"] <= 0).to_numpy()
    if not isinstance(thresholds, Mapping | pd.Series):
        raise CourseInputError(
            f"{where}: thresholds must be a mapping {{indicator: value}}, e.g. "
            f"{{'member_satisfaction': 4.0}}, or None for the peer median."
        )
    limit = per_row(gaps[indicator], dict(thresholds)).to_numpy(dtype=float)
    missing = pd.unique(gaps.loc[np.isnan(limit), indicator])
    if len(missing):
        raise CourseInputError(
            f"{where}: thresholds gives no value for {len(missing)} indicator(s), e.g. "
            f"{str(missing[0])!r}. Give one for every indicator in the table, or keep only "
            "the indicators with a threshold."
        )
    with np.errstate(invalid="ignore"):
        return sign * (gaps[value].to_numpy(dtype=float) - limit) >= 0


def _eccp_rows(gaps, indicator, value, minimums, *, where) -> np.ndarray:
    """True on the rows of the minimum indicators whose value reaches the minimum."""
    if not isinstance(minimums, Mapping):
        raise CourseInputError(f"{where}: minimums must be a mapping {{indicator: minimum}}.")
    present = set(pd.unique(gaps[indicator]))
    absent = [key for key in minimums if key not in present]
    if absent:
        raise CourseInputError(
            f"{where}: the ECCP minimum needs the indicator(s) {absent}, which the table does "
            "not have. Keep them in the table, or pass minimums={} to skip that check."
        )
    limit = per_row(gaps[indicator], dict(minimums)).to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        return gaps[value].to_numpy(dtype=float) >= limit  # NaN (unanswered) -> False


def _areas_improved(df, years, year, min_change, options, *, where) -> pd.Series:
    """Areas whose score rose by ``min_change`` points since the round before (<= 2 years)."""
    if len(years) < 2 or years[-1] - years[-2] > 2:
        return pd.Series(dtype="Int64")
    change = area_improvement(df, start=years[-2], end=years[-1], year=year, **options)
    organisation = options["organisation"]
    return (change["area_score_change"] >= min_change).groupby(change[organisation]).sum()
