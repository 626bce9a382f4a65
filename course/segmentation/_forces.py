"""Porter's five forces as a scorecard: drivers scored 1-5, force scores, attractiveness.

Porter (1979, 2008) names the five forces that shape an industry's profitability: the threat
of new entrants, the bargaining power of suppliers and of buyers, the threat of substitutes
and the rivalry among existing competitors. Porter gives no numbers: **the scoring here is a
course convention** (common in strategy workshops), to make a group's judgement explicit and
comparable, not a measurement. Each driver is scored from 1 (low pressure on the industry's
profits) to 5 (high pressure) with the evidence for the score; the weights of a force's
drivers add up to 1.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from course import _groups as g
from course._guards import check_keys
from course.checks import (
    CourseInputError,
    close_matches,
    require_columns,
    require_numeric,
    require_rows,
    require_unique_rows,
)

__all__ = ["FORCES", "SCORECARD_COLUMNS", "five_forces_scorecard", "five_forces", "attractiveness"]

FORCES = {
    "entry_threat": "Threat of new entrants",
    "supplier_power": "Bargaining power of suppliers",
    "buyer_power": "Bargaining power of buyers",
    "substitutes": "Threat of substitutes",
    "rivalry": "Rivalry among existing competitors",
}
SCORECARD_COLUMNS = ("force", "driver", "score", "weight", "evidence")
_ALIASES = {
    **{name.lower(): force for force, name in FORCES.items()},
    **{force.replace("_", " "): force for force in FORCES},
    "new entrants": "entry_threat", "entry": "entry_threat", "entrants": "entry_threat",
    "suppliers": "supplier_power", "buyers": "buyer_power", "customers": "buyer_power",
    "customer power": "buyer_power", "substitution": "substitutes",
    "substitute products": "substitutes", "competition": "rivalry",
    "competitive rivalry": "rivalry",
}  # fmt: skip
# Typical drivers of each force (Porter 2008, "The five competitive forces that shape strategy")
_DRIVERS = {
    "entry_threat": ["Economies of scale", "Capital requirements",
                     "Access to distribution channels", "Regulation and licences"],
    "supplier_power": ["Few, concentrated suppliers", "Switching costs to other suppliers",
                       "Inputs without alternatives"],
    "buyer_power": ["Few, large buyers", "Buyers' price sensitivity",
                    "Buyers' switching costs are low"],
    "substitutes": ["Price-performance of substitutes", "Cost of switching to substitutes"],
    "rivalry": ["Number and balance of competitors", "Slow industry growth",
                "High fixed costs and exit barriers"],
}  # fmt: skip
WEIGHT_TOLERANCE = 0.01  # a force's weights may add up to 0.99-1.01 (typed thirds: 0.33 x 3)


def five_forces_scorecard(drivers: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """A blank scorecard to fill in: one row per driver, with the columns of
    :data:`SCORECARD_COLUMNS` (``force``, ``driver``, ``score``, ``weight``, ``evidence``).

    The typical drivers of Porter (2008), or your own (a dict force -> list of drivers);
    weights are equal within each force, scores empty (fill in 1-5), evidence empty (write
    what the score rests on: a statistic, an interview, a member survey). Save it with
    ``to_csv`` or ``to_excel`` for a workshop and read it back with ``course.data.read_table``.

    >>> card = five_forces_scorecard()
    >>> card.groupby("force", sort=False)["weight"].sum().round(6).tolist()
    [1.0, 1.0, 1.0, 1.0, 1.0]
    >>> card.columns.tolist()
    ['force', 'force_name', 'driver', 'score', 'weight', 'evidence']
    """
    drivers = _DRIVERS if drivers is None else drivers
    forces = [_force_id(force, where="five_forces_scorecard") for force in drivers]
    rows = [
        (force, FORCES[force], driver, np.nan, 1 / len(names), "")
        for force, names in zip(forces, drivers.values(), strict=True)
        for driver in names
    ]
    return pd.DataFrame(rows, columns=["force", "force_name", "driver", "score", "weight",
                                       "evidence"])  # fmt: skip


def _force_id(name: object, *, where: str) -> str:
    force = _ALIASES.get(str(name).strip().lower().replace("_", " "))
    if force is None:
        close = close_matches(name, [*FORCES, *FORCES.values()])
        hint = f"Did you mean {', '.join(repr(c) for c in close)}? " if close else ""
        raise CourseInputError(
            f"{where}: {name!r} is not one of the five forces. {hint}The forces are "
            f"{', '.join(repr(f) for f in FORCES)} (or their names, e.g. 'Threat of new "
            "entrants')."
        )
    return force


def _validated(scorecard: pd.DataFrame, keys: list[str], *, where: str) -> pd.DataFrame:
    """The scorecard with force ids, after every check of :func:`five_forces`."""
    require_columns(scorecard, [*SCORECARD_COLUMNS, *keys], where=where)
    require_rows(scorecard, where=where)
    # a scorecard row is one driver of one force (of one group): none of them may be blank
    check_keys(scorecard, [*keys, "force", "driver"], where=where, unknown_option=False)
    forces = scorecard["force"].map(lambda name: _force_id(name, where=where))
    card = scorecard.assign(force=forces)
    _refuse_repeated_drivers(card, keys, where=where)
    for column, low, high in (("score", 1, 5), ("weight", 0, 1)):
        require_numeric(card, column, where=where)
        values = g.float_values(card, column)
        bad = np.isnan(values) | (values < low) | (values > high)
        if bad.any():
            row = card.loc[bad].iloc[0]
            problem = "has no" if np.isnan(values[bad][0]) else f"has {values[bad][0]:g} as"
            raise CourseInputError(
                f"{where}: driver {row['driver']!r} of force {row['force']!r} {problem} "
                f"{column}; a {column} is a number from {low} to {high}"
                + (" (1 = low pressure, 5 = high)." if column == "score" else ".")
                + " Fill it in, or drop the driver."
            )
    _refuse_weights_off(card, keys, where=where)
    present = card.groupby(keys, sort=False)["force"].unique() if keys else pd.Series(
        [card["force"].unique()])  # fmt: skip
    for label, found in present.items():
        missing = [f for f in FORCES if f not in set(found)]
        if missing:
            group = f" (in {label})" if keys else ""
            raise CourseInputError(
                f"{where}: the scorecard{group} has no driver for {', '.join(map(repr, missing))}."
                " Score at least one driver of every force: leaving a force out would make "
                "the attractiveness look better than it is."
            )
    empty = card["evidence"].isna() | (card["evidence"].astype("string").str.strip() == "")
    if empty.any():
        warnings.warn(
            f"{where}: {int(empty.sum())} driver(s) have no evidence (e.g. "
            f"{card.loc[empty, 'driver'].iloc[0]!r}). A score without evidence is an opinion: "
            "note the statistic, interview or survey it rests on.",
            UserWarning,
            stacklevel=3,
        )
    return card


def _driver_key(drivers: pd.Series) -> pd.Series:
    """A driver's name as compared for repeats: case, spaces and punctuation aside."""
    text = drivers.astype("string").str.lower().str.replace(r"[^0-9a-z]+", " ", regex=True)
    return text.str.strip()


def _refuse_repeated_drivers(card: pd.DataFrame, keys: list[str], *, where: str) -> None:
    """A driver listed twice in a force (also as 'economies of scale ' beside 'Economies of
    scale') is counted twice: its weight too. Refused, naming the driver and its rows."""
    same = [*keys, "force", "_driver"]
    table = card.assign(_driver=_driver_key(card["driver"]).to_numpy())
    repeated = table[table.duplicated(same, keep=False)]
    if repeated.empty:
        return
    first = repeated[repeated[same].eq(repeated[same].iloc[0]).all(axis=1)]
    spelt = ", ".join(repr(str(d)) for d in first["driver"])
    group = f" (in {' x '.join(map(str, first[keys].iloc[0]))})" if keys else ""
    labels = ", ".join(str(label) for label in first.index)
    fix = (
        f"card = card.drop(index={first.index[-1]!r})"
        if card.index.is_unique
        else "card = card.drop_duplicates(['force', 'driver'])"
    )
    raise CourseInputError(
        f"{where}: driver {str(first['driver'].iloc[0])!r} is listed {len(first)} times for "
        f"force {first['force'].iloc[0]!r}{group} (rows {labels}: {spelt}); it would be "
        f"counted, and weighed, twice. Keep one row per driver, e.g. {fix}."
    )


def _refuse_weights_off(card: pd.DataFrame, keys: list[str], *, where: str) -> None:
    """Each force's weights add up to 1 (within the tolerance); the message lists them."""
    sums = card.groupby([*keys, "force"], sort=False)["weight"].sum()
    off = sums[(sums - 1).abs() > WEIGHT_TOLERANCE + 1e-9]
    if not len(off):
        return
    label = off.index[0]
    force = label[-1] if isinstance(label, tuple) else label
    rows = card[card["force"] == force]
    if keys:
        rows = rows[rows[keys].eq(list(label[:-1])).all(axis=1)]
    listed = "; ".join(f"{d!r} {w:g}" for d, w in zip(rows["driver"], rows["weight"], strict=True))
    raise CourseInputError(
        f"{where}: the weights of force {force!r} add up to {off.iloc[0]:.3g}, not 1 "
        f"({len(rows)} drivers: {listed}). Make each force's weights add up to 1, e.g. "
        "card['weight'] = card['weight'] / card.groupby('force')['weight'].transform('sum')."
    )


def five_forces(scorecard: pd.DataFrame, *, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Force scores from a validated scorecard: one row per ``by`` group x force.

    ``force_score = sum_d weight[d] * score[d]`` over the drivers d of the force, a weighted
    mean because the weights of each force add up to 1 (within 0.01; they are divided by
    their sum). From 1 (little pressure on profits) to 5 (strong pressure); ``pressure`` is
    "low" below 2.5, "high" above 3.5 and "medium" in between (course convention).
    ``drivers`` counts the drivers scored. ``by`` names extra columns that tell scorecards
    apart (e.g. one per workshop group or industry).

    Checked before anything is computed: the five columns of :data:`SCORECARD_COLUMNS`;
    every force known (ids such as ``rivalry`` or names such as "Threat of new entrants");
    every score a number from 1 to 5 and every weight from 0 to 1 (none missing); each
    force's weights adding up to 1 (the message lists the drivers and their weights); all
    five forces present; no blank force, driver or ``by`` group; no driver twice (also
    spelt another way: "Economies of scale" and "economies of scale " are one driver). A
    driver without evidence gives a warning.

    >>> card = five_forces_scorecard()
    >>> card["score"] = [4, 3, 2, 4, 2, 2, 3, 4, 4, 3, 3, 2, 5, 4, 3]
    >>> card["evidence"] = "workshop, 12 May"
    >>> five_forces(card)[["force", "force_score", "pressure"]].round(2).values.tolist()
    [['entry_threat', 3.25, 'medium'], ['supplier_power', 2.33, 'low'], ['buyer_power', 3.67, 'high'], ['substitutes', 2.5, 'medium'], ['rivalry', 4.0, 'high']]
    """
    where = "five_forces"
    keys = g.as_list(by)
    card = _validated(scorecard, keys, where=where)
    card = card.assign(_weighted=card["weight"] * card["score"])
    grouped = card.groupby([*keys, "force"], sort=False)
    result = pd.DataFrame(
        {
            "drivers": grouped.size(),
            "force_score": grouped["_weighted"].sum() / grouped["weight"].sum(),
        }
    ).reset_index()
    result.insert(len(keys) + 1, "force_name", result["force"].map(FORCES))
    order = result["force"].map({force: i for i, force in enumerate(FORCES)})
    result = result.assign(_order=order).sort_values([*keys, "_order"], kind="stable")
    result["pressure"] = np.select(
        [result["force_score"] < 2.5, result["force_score"] > 3.5], ["low", "high"], "medium"
    )
    return result.drop(columns="_order").reset_index(drop=True)


def attractiveness(forces: pd.DataFrame, *, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """The industry's attractiveness: ``attractiveness = 6 - mean force score``, per ``by``.

    Takes the output of :func:`five_forces` (or a scorecard, which it scores first). The
    mean is over the five force scores, unweighted; the result runs from 1 (every force
    presses hard: unattractive) to 5 (attractive). A course convention, like the scoring.
    ``strongest_force`` names the force with the highest score (the first in Porter's order
    when two are equal): where the cluster's strategy must answer first.

    >>> card = five_forces_scorecard()
    >>> card["score"] = [4, 3, 2, 4, 2, 2, 3, 4, 4, 3, 3, 2, 5, 4, 3]
    >>> card["evidence"] = "workshop, 12 May"
    >>> attractiveness(card)[["mean_force_score", "attractiveness", "strongest_force"]
    ...                      ].round(2).values.tolist()
    [[3.15, 2.85, 'rivalry']]
    """
    where = "attractiveness"
    keys = g.as_list(by)
    if "force_score" not in forces.columns and "score" in forces.columns:
        forces = five_forces(forces, by=by)
    require_columns(forces, ["force", "force_score", *keys], where=where)
    require_rows(forces, where=where)
    require_unique_rows(forces, [*keys, "force"], where=where)
    require_numeric(forces, "force_score", where=where)
    table = forces.assign(force=forces["force"].map(lambda f: _force_id(f, where=where)))
    if not (table.groupby(keys, sort=False)["force"].nunique() if keys else pd.Series(
            [table["force"].nunique()])).eq(len(FORCES)).all():  # fmt: skip
        raise CourseInputError(
            f"{where}: every group needs a score for each of the five forces; pass the "
            "output of five_forces(...)."
        )
    order = table["force"].map({force: i for i, force in enumerate(FORCES)})
    ranked = table.assign(_order=order).sort_values([*keys, "_order"], kind="stable")
    ranked = ranked.reset_index(drop=True)
    grouped = ranked.groupby(keys, sort=False) if keys else ranked.groupby(np.zeros(len(ranked)))
    mean = grouped["force_score"].mean()
    strongest = ranked.loc[grouped["force_score"].idxmax(), "force"].to_numpy()
    result = pd.DataFrame({"mean_force_score": mean.to_numpy(), "attractiveness": 6 - mean.to_numpy(),
                           "strongest_force": strongest})  # fmt: skip
    if keys:
        result = pd.concat([mean.index.to_frame(index=False), result], axis=1)
    return result
