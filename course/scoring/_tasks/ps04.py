"""ps04 (benchmarking and internationalisation): its five automatically scored tasks, declared once.

Each ``_compute`` function recomputes the right answer from the course data with plain pandas
(the formulas of module 4: percentile ranks with the direction of the catalogue, ties counting
half and 100 the best; area scores as the mean percentile of an area; gaps to the peers' top
quartile; the course's label-readiness rule; the partner HHI of shares in %), not with the
library. The lookups hold the same measure for the other organisations (the lesson's ``lv_it`` is
``likely``), the other peer group (all organisations instead of the energy peers), the other
round and the other columns a learner may take by mistake.
"""

from __future__ import annotations

from course.scoring._task import Answer, Reference, Task

OWN, LESSON = "se_energy", "lv_it"
ENERGY, EVERYBODY = "the energy peers (peers='sector')", "all organisations (no peers=)"


def _scored(load, year: int, sector: bool):
    """Each organisation's indicators in ``year`` with their percentile among its peers."""
    import numpy as np

    catalogue = load("benchmark_indicators")
    sign = dict(
        zip(
            catalogue["indicator"], np.where(catalogue["direction"] == "higher", 1, -1), strict=True
        )
    )
    rows = load("benchmarking")
    rows = rows[rows["year"] == year].dropna(subset=["value"])
    rows = rows.assign(oriented=rows["value"] * rows["indicator"].map(sign))
    groups = rows.groupby(["sector", "indicator"] if sector else ["indicator"])["oriented"]
    rank = groups.rank(method="average") - 1
    rows["percentile"] = 100 * rank / (groups.transform("count") - 1)
    rows["area"] = rows["indicator"].map(
        dict(zip(catalogue["indicator"], catalogue["area"], strict=True))
    )
    rows["sign"] = rows["indicator"].map(sign)
    return rows


def _peers(sector: bool) -> str:
    return ENERGY if sector else EVERYBODY


def _organisations(rows):
    return [(o, o == LESSON) for o in rows["organisation"].unique()]


# --- task 1: a percentile rank on a lower-is-better indicator ---------------------------------


def _percentile_task(load) -> Reference:
    rows, indicator = [], "public_funding_dependency"
    for sector in (True, False):
        table = _scored(load, 2023, sector)
        table = table[table["indicator"] == indicator]
        for organisation, value in zip(table["organisation"], table["percentile"], strict=True):
            likely = organisation == LESSON
            rows.append(
                {
                    "organisation": organisation,
                    "peers": _peers(sector),
                    "value": value,
                    "likely": likely or organisation == OWN,
                }
            )
    table = _scored(load, 2023, True).set_index(["organisation", "indicator"])
    own = table.loc[(OWN, indicator)]
    rows += [
        {
            "column": "value",
            "value": own["value"],
            "likely": True,
            "says": "this is the cluster's own dependency in % (the column value): its position "
            "among the peers is in the column percentile.",
        },
        {
            "column": "percentile read the wrong way round",
            "value": 100 - own["percentile"],
            "likely": True,
            "says": "this is the position read the wrong way round: a lower dependency is "
            "better, so the lowest value ranks at 100. Let percentile_ranks take the direction "
            "from the catalogue.",
        },
    ]
    mine = table.loc[OWN]
    for other, value in mine.loc[mine.index != indicator, "percentile"].items():
        rows.append({"indicator": other, "value": value, "likely": True})
    return Reference(right={"energy_funding_percentile": own["percentile"]}, lookup=rows)


def _percentile_check(given, reference):
    value, right = given.get("energy_funding_percentile"), reference.right
    if value is not None and abs(100 * value - right["energy_funding_percentile"]) < 0.05:
        return "this looks like a fraction (0-1): the course's percentiles run from 0 to 100."
    if value is not None and not 0 <= value <= 100:
        return "a percentile rank runs from 0 (the worst) to 100 (the best)."
    return None


PERCENTILE = Task(
    number=1,
    points=2,
    title="Percentile rank on a lower-is-better indicator",
    answers=(
        Answer(
            "energy_funding_percentile",
            "number",
            "percentile",
            "answers.value(ranks, 'percentile', organisation=..., indicator=...)",
        ),
    ),
    compute=_percentile_task,
    measure="percentile",
    own={
        "organisation": OWN,
        "peers": ENERGY,
        "column": "percentile",
        "indicator": "public_funding_dependency",
    },
    decimals=1,
    hints={
        "energy_funding_percentile": "rank the 2023 round among the energy peers "
        "(benchmarking.percentile_ranks(round_2023, peers='sector')) and take the column "
        "percentile of se_energy and public_funding_dependency."
    },
    check=_percentile_check,
)


# --- task 2: the weakest area and its score ---------------------------------------------------


def _areas(load, year: int, sector: bool):
    """Area scores (mean percentile of the area's indicators) per organisation and area."""
    rows = _scored(load, year, sector)
    return rows.groupby(["organisation", "area"])["percentile"].mean()


def _weakest_task(load) -> Reference:
    rows = []
    for sector in (True, False):
        scores = _areas(load, 2023, sector)
        for organisation, likely in _organisations(scores.reset_index()):
            own = scores.loc[organisation]
            for part, value in (("energy_weakest_area", own.idxmin()),
                                ("energy_weakest_score", own.min())):  # fmt: skip
                row = {"organisation": organisation, "peers": _peers(sector), "part": part}
                rows.append({**row, "value": value, "likely": likely or organisation == OWN})
    own = _areas(load, 2023, True).loc[OWN]
    rows.append(
        {
            "part": "energy_weakest_area",
            "area": "the strongest area",
            "value": own.idxmax(),
            "likely": True,
            "says": "this is the strongest area (area_rank 1): the weakest has the lowest "
            "area_score (weakest=True).",
        }
    )
    right = {"energy_weakest_area": own.idxmin(), "energy_weakest_score": own.min()}
    return Reference(right=right, lookup=rows, facts={"areas": set(own.index)})


def _weakest_check(given, reference):
    area = given.get("energy_weakest_area")
    if area is not None and area not in reference.facts["areas"]:
        return (
            f"{area!r} is not an area id: give the id from the 'area' column, one of "
            f"{', '.join(sorted(reference.facts['areas']))}."
        )
    return None


WEAKEST = Task(
    number=2,
    points=2,
    title="The weakest area among energy peers",
    answers=(
        Answer(
            "energy_weakest_area",
            "text",
            "area",
            "answers.value(scores, 'area', organisation=..., weakest=True)",
        ),
        Answer(
            "energy_weakest_score",
            "number",
            "area_score",
            "answers.value(scores, 'area_score', organisation=..., weakest=True)",
        ),
    ),
    compute=_weakest_task,
    measure="weakest area",
    own={"organisation": OWN, "peers": ENERGY, "area": "the weakest area"},
    decimals={"energy_weakest_area": None, "energy_weakest_score": 1},
    hints={
        "energy_weakest_area": "score the 2023 areas among the energy peers "
        "(benchmarking.area_scores(round_2023, peers='sector')) and take se_energy's weakest.",
        "energy_weakest_score": "take the area_score of the same row: se_energy's weakest area "
        "among the energy peers (peers='sector').",
    },
    check=_weakest_check,
)


# --- task 3: the gap to the top quartile -------------------------------------------------------


def _gap_task(load) -> Reference:
    import numpy as np

    indicator, rows = "export_share_members", []
    for sector in (True, False):
        table = _scored(load, 2023, sector)
        table = table[table["indicator"] == indicator]
        groups = table.groupby("sector" if sector else "indicator")["value"]
        top = groups.transform(lambda s: np.quantile(s, 0.75))
        median = groups.transform("median")
        for (organisation, value), q75, q50 in zip(
            table[["organisation", "value"]].itertuples(index=False), top, median, strict=True
        ):
            likely = organisation in (OWN, LESSON)
            row = {"organisation": organisation, "peers": _peers(sector)}
            rows.append({**row, "value": q75 - value, "likely": likely})
            if organisation == OWN and sector:
                right, own, target, to_median = q75 - value, value, q75, q50 - value
    rows += [
        {"column": "peer_top_quartile", "value": target, "likely": True,
         "says": "this is the top quartile itself (the target), not the distance to it."},
        {"column": "minus the gap", "value": -right, "likely": True,
         "says": "the sign is the wrong way round: a gap is positive when the cluster is behind."},
        {"column": "gap_to_median", "value": to_median, "likely": True,
         "says": "this is the gap to the peer median: the task asks for the top quartile."},
        {"column": "value", "value": own, "likely": True,
         "says": "this is the cluster's own export share (the column value), not the distance "
                 "to the top quartile: take the column gap_to_top_quartile."},
    ]  # fmt: skip
    return Reference(right={"energy_export_gap": right}, lookup=rows)


GAP = Task(
    number=3,
    points=2,
    title="The gap to the top quartile",
    answers=(
        Answer(
            "energy_export_gap",
            "number",
            "gap_to_top_quartile",
            "answers.value(gaps, 'gap_to_top_quartile', organisation=..., indicator=...)",
        ),
    ),
    compute=_gap_task,
    measure="gap to the top quartile",
    own={"organisation": OWN, "peers": ENERGY, "column": "gap_to_top_quartile"},
    decimals=1,
    hints={
        "energy_export_gap": "make benchmarking.peer_gaps(round_2023, peers='sector') and take "
        "the column gap_to_top_quartile of se_energy and export_share_members."
    },
)


# --- task 4: label readiness -------------------------------------------------------------------


def _readiness(load, sector: bool):
    """The course's label estimate and improved areas of every organisation (see module 4)."""
    last = _scored(load, 2023, sector)
    change = _areas(load, 2023, sector) - _areas(load, 2021, sector)
    improved = (change >= 5).groupby(level="organisation").sum()
    keys = ["sector", "indicator"] if sector else ["indicator"]
    median = last.groupby(keys)["value"].transform("median")
    met = ((last["value"] - median) * last["sign"] >= 0).groupby(last["organisation"]).mean()
    catalogue = load("benchmark_indicators")
    result = {}
    for organisation, own in last.groupby("organisation"):
        value = own.set_index("indicator")["value"]
        bronze = (
            len(value) >= 0.9 * len(catalogue)
            and value.get("staff_fte", 0) >= 0.5
            and value.get("members_total", 0) >= 15
            and value.get("member_types", 0) >= 2
        )
        count = int(improved.get(organisation, 0))
        label = "not yet"
        if bronze:
            label = "Gold" if met[organisation] >= 0.8 else ("Silver" if count >= 3 else "Bronze")
        result[organisation] = (label, count)
    return result


def _label_task(load) -> Reference:
    rows = []
    for sector in (True, False):
        for organisation, (label, count) in _readiness(load, sector).items():
            for part, value in (("energy_label", label), ("energy_areas_improved", count)):
                likely = organisation in (OWN, LESSON)
                row = {"organisation": organisation, "peers": _peers(sector), "part": part}
                rows.append({**row, "value": value, "likely": likely})
    label, count = _readiness(load, True)[OWN]
    return Reference(right={"energy_label": label, "energy_areas_improved": count}, lookup=rows)


def _label_check(given, reference):
    label = given.get("energy_label")
    if label is not None and label not in ("not yet", "Bronze", "Silver", "Gold"):
        return (
            "write the label as the table does: 'not yet', 'Bronze', 'Silver' or 'Gold' (with "
            "the capital letter)."
        )
    return None


LABEL = Task(
    number=4,
    points=2,
    title="Label readiness",
    answers=(
        Answer(
            "energy_label",
            "text",
            "estimated_label",
            "answers.value(ready, 'estimated_label', organisation=...)",
        ),
        Answer(
            "energy_areas_improved",
            "number",
            "areas_improved",
            "answers.value(ready, 'areas_improved', organisation=...), with ready made from "
            "both rounds (bench, not round_2023: one round has no improvement to count)",
        ),
    ),
    compute=_label_task,
    measure="label estimate",
    own={"organisation": OWN, "peers": ENERGY},
    decimals=0,
    hints={
        "energy_label": "estimate it with benchmarking.label_readiness(bench, peers='sector'): "
        "both rounds, among the energy peers.",
        "energy_areas_improved": "count it in the same table: "
        "benchmarking.label_readiness(bench, peers='sector'), both rounds (bench, not "
        "round_2023).",
    },
    check=_label_check,
)


# --- task 5: the partner HHI --------------------------------------------------------------------


def _hhi_task(load) -> Reference:
    trade = load("trade")
    exports = trade.groupby(["year", "cluster", "partner"])["exports_eur"].sum()
    shares = 100 * exports / exports.groupby(level=["year", "cluster"]).transform("sum")
    hhi = (shares**2).groupby(level=["year", "cluster"]).sum()
    partners = exports.groupby(level=["year", "cluster"]).size()
    rows = [
        {"cluster": c, "year": int(y), "value": v, "likely": c in (OWN, LESSON) or y == 2023}
        for (y, c), v in hhi.items()
    ]
    rows += [
        {
            "column": "partners",
            "value": partners[(2023, OWN)],
            "likely": True,
            "says": "this is the number of partner countries (the column partners): take the "
            "column partner_hhi.",
        },
        {
            "column": "shares as fractions",
            "value": hhi[(2023, OWN)] / 10000,
            "likely": True,
            "says": "this is an HHI of shares written as fractions (0-1): the partner HHI uses "
            "shares in % and runs up to 10,000.",
        },
    ]
    return Reference(right={"energy_partner_hhi": hhi[(2023, OWN)]}, lookup=rows)


def _hhi_check(given, reference):
    value = given.get("energy_partner_hhi")
    if value is not None and 0 < value <= 1:
        return (
            "this looks like an HHI of shares written as fractions (0-1), or a share itself: the "
            "partner HHI uses shares in % and runs up to 10,000."
        )
    if value is not None and value > 10000:
        return "an HHI of shares in % is at most 10,000 (all exports to one country)."
    return None


HHI = Task(
    number=5,
    points=2,
    title="How concentrated the exports are",
    answers=(
        Answer(
            "energy_partner_hhi",
            "number",
            "partner_hhi",
            "answers.value(hhi, 'partner_hhi', cluster=...)",
        ),
    ),
    compute=_hhi_task,
    measure="partner HHI",
    own={"cluster": OWN, "year": 2023, "column": "partner_hhi"},
    decimals=0,
    hints={
        "energy_partner_hhi": "make benchmarking.partner_concentration(trade_2023) and take the "
        "column partner_hhi of cluster='se_energy' (the trade table calls the organisation "
        "'cluster')."
    },
    check=_hhi_check,
)

TASKS = {task.number: task for task in (PERCENTILE, WEAKEST, GAP, LABEL, HHI)}
WRITTEN = {6: ("a three-point improvement plan", 4), 7: ("an internationalisation step", 4)}
