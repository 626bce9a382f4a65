"""Label readiness: a course estimate of how close an organisation is to Bronze, Silver and Gold.

**A course estimate, not an ESCA assessment.** The ESCA questionnaire and the Gold thresholds
are not public; the rules below model what the labels require (DOMAIN.md, section 4) so that a
cluster manager can see which steps are left. Only ESCA (and EUCLES, which owns the labels) can
award a label.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from course.benchmarking._catalogue import looked_up
from course.benchmarking._gaps import _areas, _compare, gap_columns
from course.benchmarking._ranks import ranked
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

# ESCA's Gold label checks 31 quality indicators of its own (not public); the course checks
# the indicators of its own catalogue (36), and says so in every row.
ESCA_GOLD_INDICATORS = 31


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
    an ESCA assessment**: the column ``note`` says so in every row (and ``attrs["note"]``):

    - **Bronze** (a benchmarking of the cluster organisation): ``answered_share``, the share of
      the round's indicators the organisation answered (an indicator without a row counts as
      unanswered), is at least ``min_answered`` (0.9), and ``eccp_minimum``: it meets the
      practical minimum of the European Cluster Collaboration Platform, ``minimums`` (at least
      0.5 FTE management staff, 15 members and two member types). -> ``bronze_ready``.
    - **Silver** (a second benchmarking 1.5-2 years later that documents three improvement
      areas): ``previous_round``, the round before, at most two years earlier (ESCA's lower
      bound of 1.5 years cannot be read from whole years: rounds one year apart are accepted,
      with a warning to check the dates), and ``areas_improved``, the number of ESCA areas
      whose area score rose by at least ``min_change`` percentile points
      (:func:`area_improvement`: each round ranked among its own participants, so it is the
      change of the organisation's position among its peers, not of its values), is at least
      ``improved_areas`` (3); and it is Bronze-ready. -> ``silver_ready``.
    - **Gold** (ESCA: 31 quality indicators with thresholds, a pass mark of 80 % reported by
      label holders): here the thresholds of **the course's own indicators** (all 36 of the
      course catalogue, not ESCA's 31): ``thresholds_share``, the share of the
      ``thresholds_total`` indicators of the round whose threshold is met, is at least
      ``gold_share`` (0.8); and it is Bronze-ready. -> ``gold_ready``, with
      ``thresholds_met`` and ``thresholds_to_gold``, how many more thresholds it must meet
      (``ceil(gold_share x total) - met``, at least 0). By default a threshold is the peer
      median (``peer_gaps``: met when ``gap_to_median <= 0``); ``thresholds`` =
      ``{indicator: value}`` sets your own (met when the value is at least as good, in the
      indicator's direction). An unanswered indicator does not meet its threshold.

    ``estimated_label`` is the highest stage whose steps are all met: "Gold", "Silver",
    "Bronze" or "not yet". **Small peer groups.** A peer median needs ``MIN_PEERS`` = 3
    organisations that answered (a course convention, ``course._guards.MIN_PEERS``), and so
    do the area scores behind Silver. Where the group is smaller, the threshold or the area
    change is unknown (``thresholds_unknown``, ``areas_unknown``): a stage that the unknown
    ones could still decide is NA, and so is ``estimated_label``, with a warning. An
    organisation alone in its peer group is never compared with itself. All rules and numbers
    here are course conventions modelled on the ESCA label descriptions; change the
    parameters to test other assumptions.

    >>> from course import data
    >>> bench = data.load("benchmarking")
    >>> ready = label_readiness(bench)
    >>> ready["note"].iloc[0]
    "Label-readiness estimate of the course, not an ESCA assessment. Gold: 80 % of the thresholds of the course's 36 indicators (ESCA's Gold checks 31 of its own)."
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
    if not isinstance(minimums, Mapping):
        raise CourseInputError(f"{where}: minimums must be a mapping {{indicator: minimum}}.")
    require_columns(df, [year], where=where)
    df = require_years(df, year, where=where)
    r = ranked(
        df, organisation=organisation, indicator=indicator, value=value, direction=direction,
        peers=peers, by=year, catalogue=catalogue, where=where,
    )  # fmt: skip
    years = sorted(pd.unique(df[year]).tolist())
    latest = (df[year] == years[-1]).to_numpy()
    result = _gold(r, latest, organisation, indicator, thresholds, minimums, gold_share,
                   min_answered, where=where)  # fmt: skip
    result.insert(len(r.peers) + 1, year, years[-1])
    previous = _previous_round(years, where=where)
    result.insert(len(r.peers) + 2, "previous_round",
                  pd.Series(previous, index=result.index, dtype="Int64"))  # fmt: skip
    improved, unknown = _areas_improved(r, organisation, indicator, year, previous, years[-1],
                                        min_change, where=where)  # fmt: skip
    result["areas_improved"] = result[organisation].map(improved).astype("Int64")
    result["areas_unknown"] = result[organisation].map(unknown).astype("Int64")
    bronze = pd.array(result["bronze_ready"].to_numpy(), dtype="boolean")
    result["silver_ready"] = bronze & _at_least(result["areas_improved"].fillna(0),
                                               result["areas_unknown"], improved_areas)  # fmt: skip
    needed = np.ceil(gold_share * result["thresholds_total"] - 1e-9).astype(np.int64)
    result["gold_ready"] = bronze & _at_least(result["thresholds_met"],
                                             result["thresholds_unknown"], needed)  # fmt: skip
    to_gold = pd.Series(np.maximum(needed - result["thresholds_met"], 0), dtype="Int64")
    undecided = (result["thresholds_unknown"] > 0) & (to_gold > 0)
    result["thresholds_to_gold"] = to_gold.mask(undecided)  # the unknown ones may count
    result["estimated_label"] = _label(result)
    nothing_known = result["thresholds_unknown"] == result["thresholds_total"]
    result["thresholds_met"] = result["thresholds_met"].astype("Int64").mask(nothing_known)
    result["note"] = (
        f"{NOTE} Gold: {100 * gold_share:g} % of the thresholds of the course's "
        f"{_count(result['thresholds_total'])} indicators (ESCA's Gold checks "
        f"{ESCA_GOLD_INDICATORS} of its own)."
    )
    result.attrs["note"] = NOTE
    return result


def _count(totals: pd.Series) -> str:
    """The number of indicators, or a range if organisations had different numbers."""
    low, high = int(totals.min()), int(totals.max())
    return str(low) if low == high else f"{low}-{high}"


def _gold(r, latest, organisation, indicator, thresholds, minimums, gold_share, min_answered,
          *, where) -> pd.DataFrame:  # fmt: skip
    """One row per organisation of the latest round: answers, ECCP minimum and thresholds."""
    df = r.df.loc[latest]
    values = r.values[latest]
    met, known = _thresholds_met(r, latest, indicator, thresholds, where=where)
    keys = [*r.peers, organisation]
    rows = df[keys].assign(
        _answered=~np.isnan(values),
        _met=met,
        _eccp=_eccp_rows(df, indicator, values, minimums, where=where),
    )
    # an indicator of the round that the organisation has no row for counts as unanswered
    total = df[indicator].nunique()
    result = (
        rows.groupby(keys, sort=False)
        .agg(
            _answered=("_answered", "sum"),
            eccp_minimum=("_eccp", "sum"),
            thresholds_met=("_met", "sum"),
        )
        .reset_index()
    )
    result.insert(len(keys), "answered_share", result.pop("_answered") / total)
    result["eccp_minimum"] = result["eccp_minimum"] == len(minimums)
    result["bronze_ready"] = result["eccp_minimum"] & (result["answered_share"] >= min_answered)
    result["thresholds_total"] = total
    # a threshold is known for the whole peer group (or not), whether or not we have a row
    groups = df[r.peers].assign(_indicator=df[indicator].to_numpy(), _known=known)
    per_indicator = groups.groupby([*r.peers, "_indicator"], sort=False)["_known"].any()
    if r.peers:
        per_group = per_indicator.groupby(level=r.peers, sort=False).sum().rename("_known")
        known_count = result[r.peers].join(per_group, on=r.peers)["_known"].to_numpy()
    else:
        known_count = per_indicator.sum()
    result["thresholds_unknown"] = total - known_count
    unknown = result["thresholds_unknown"] > 0
    share = result["thresholds_met"] / total
    result["thresholds_share"] = share.where(~unknown | (share >= gold_share))
    return result


def _thresholds_met(r, latest, indicator, thresholds, *, where) -> tuple[np.ndarray, np.ndarray]:
    """Per row of the latest round: is the threshold met, and is there a threshold at all?

    A peer-median threshold is unknown in a group with fewer than MIN_PEERS answers; a
    threshold of your own is always known. An unanswered value does not meet its threshold.
    """
    values = r.values[latest]
    if thresholds is None:
        gaps = gap_columns(r)
        known = ~np.isnan(gaps["peer_median"][latest])
        with np.errstate(invalid="ignore"):
            return gaps["gap_to_median"][latest] <= 0, known
    if not isinstance(thresholds, Mapping | pd.Series):
        raise CourseInputError(
            f"{where}: thresholds must be a mapping {{indicator: value}}, e.g. "
            f"{{'member_satisfaction': 4.0}}, or None for the peer median."
        )
    df = r.df.loc[latest]
    limit = looked_up(pd.factorize(df[indicator]), dict(thresholds)).astype(float)
    missing = pd.unique(df.loc[np.isnan(limit), indicator])
    if len(missing):
        raise CourseInputError(
            f"{where}: thresholds gives no value for {len(missing)} indicator(s), e.g. "
            f"{str(missing[0])!r}. Give one for every indicator in the table, or keep only "
            "the indicators with a threshold."
        )
    with np.errstate(invalid="ignore"):
        return r.sign[latest] * (values - limit) >= 0, np.ones(len(values), dtype=bool)


def _eccp_rows(df, indicator, values, minimums, *, where) -> np.ndarray:
    """True on the rows of the minimum indicators whose value reaches the minimum."""
    present = set(pd.unique(df[indicator]))
    absent = [key for key in minimums if key not in present]
    if absent:
        raise CourseInputError(
            f"{where}: the ECCP minimum needs the indicator(s) {absent}, which the table does "
            "not have. Keep them in the table, or pass minimums={} to skip that check."
        )
    limit = looked_up(pd.factorize(df[indicator]), dict(minimums)).astype(float)
    with np.errstate(invalid="ignore"):
        return values >= limit  # NaN (unanswered) -> False


def _previous_round(years: list, *, where: str):
    """The round before the latest if it is at most two years earlier (Silver), else None."""
    if len(years) < 2 or years[-1] - years[-2] > 2:
        return None
    if years[-1] - years[-2] < 2:
        warnings.warn(
            f"{where}: the rounds {years[-2]} and {years[-1]} are one year apart by their "
            "years; ESCA asks for 1.5-2 years between two benchmarkings for Silver. Whole "
            "years cannot tell 12 from 23 months: check the dates before counting on Silver.",
            UserWarning,
            stacklevel=3,
        )
    return years[-2]


def _areas_improved(r, organisation, indicator, year, start, end, min_change, *, where):
    """Per organisation in both rounds: areas up by ``min_change`` points, and areas unknown.

    The change of an area score is unknown (NaN) where either round's score is: a peer group
    too small to compare, or no indicator of the area answered.
    """
    if start is None:
        return pd.Series(dtype="Int64"), pd.Series(dtype="Int64")
    scores = _areas(r, organisation, indicator, where=where)
    both = _compare(scores, [organisation, "area"], ["area_score"], year, start, end)
    change = both["area_score_end"] - both["area_score_start"]
    per = both[organisation]
    improved = (change >= min_change).groupby(per).sum()
    known = change.notna().groupby(per).sum()
    return improved.where(known > 0), change.isna().groupby(per).sum()  # none known: NA


def _at_least(count: pd.Series, unknown: pd.Series, needed) -> pd.arrays.BooleanArray:
    """count >= needed: True, False, or NA when the unknown ones could still decide it."""
    count, unknown = count.to_numpy(dtype=float), unknown.to_numpy(dtype=float, na_value=np.nan)
    yes = count >= needed
    undecided = ~yes & (count + np.nan_to_num(unknown) >= needed) & (np.nan_to_num(unknown) > 0)
    return pd.array(np.where(undecided, None, yes), dtype="boolean")


def _label(result: pd.DataFrame) -> pd.Series:
    """The highest stage met; NA where a stage above the ones met is undecided."""
    gold, silver = result["gold_ready"], result["silver_ready"]
    stage = np.select(
        [gold.fillna(False), gold.isna(), silver.fillna(False), silver.isna(),
         result["bronze_ready"]],
        ["Gold", None, "Silver", None, "Bronze"],
        default=LABELS[0],
    )  # fmt: skip
    return pd.Series(stage, index=result.index, dtype="str")
