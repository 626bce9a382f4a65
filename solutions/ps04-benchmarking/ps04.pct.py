# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (cluster course)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment ps04: benchmarking and internationalisation
#
# *About 75 minutes. 18 points: 10 checked automatically, 8 for two short written answers.*
#
# You advise the **South Sweden Energy Cluster** (`se_energy`, a fictional cluster organisation in
# Skåne that plans an energy-storage testbed with its members). It took part in the benchmarking
# rounds of 2021 and 2023. Its board asks where it stands among **energy cluster organisations**,
# what to improve next and how its members' exports are spread. Use the course library as in
# module 4: every task needs one to three lines of code. State each answer with the toolbox:
# `answers.value` (one number or code), `answers.values` (a list) and `answers.top` (the top rows).
# A one-row table, a column or a list works as well: the checks read any of them.
#
# **How it works**
# - Replace `raise NotImplementedError()` in each answer cell with your code; keep the variable names.
# - Run the check cell below each answer: no error means the *visible* checks pass; a `Hint:` says
#   what to change. Your instructor runs more (hidden) checks; the feedback you get back says in one
#   line what each of them found.
# - Before you hand in: *Kernel → Restart Kernel and Run All Cells*, then **Validate**.
# - The data are the course's synthetic data. "Among energy peers" means `peers="sector"` (the
#   cluster's sector is `energy`); "2023" means the 2023 round. Percentiles run from 0 to 100, 100 =
#   best. Label readiness is the course's estimate, not an ESCA assessment.
#
# | Task | What | Points |
# |---|---|---|
# | 1 | Percentile rank on a lower-is-better indicator | 2 |
# | 2 | The weakest area | 2 |
# | 3 | The gap to the top quartile | 2 |
# | 4 | Label readiness | 2 |
# | 5 | How concentrated the exports are | 2 |
# | 6 | Written: a three-point improvement plan | 4 |
# | 7 | Written: an internationalisation recommendation | 4 |

# %% nbgrader={"grade": false, "grade_id": "ps04_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import answers, benchmarking, data, plots  # noqa: F401 (answers: the toolbox for your answers)

bench = data.load("benchmarking")  # both rounds, 2021 and 2023
round_2023 = bench[bench["year"] == 2023]
trade = data.load("trade")
trade_2023 = trade[trade["year"] == 2023]
catalogue = benchmarking.indicator_catalogue()

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_percentile_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 1 (2 points): dependency on one public programme
#
# `public_funding_dependency` is the share of the budget that comes from the largest single public
# funding source (in %): **a lower value is better**. What is the South Sweden Energy Cluster's
# percentile rank on it in 2023, among energy peers? Give one number (0-100) as
# `energy_funding_percentile`.
#
# *Start* as in module 4, section 3, but build the table yourself: first
# `ranks = benchmarking.percentile_ranks(round_2023, peers="sector")`, then one line with
# `answers.value` on `ranks` (the column `"percentile"`, not `"value"`, which is the raw %).

# %% nbgrader={"grade": false, "grade_id": "ps04_percentile_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
energy_funding_percentile = answers.value(
    ranks, "percentile", organisation="se_energy", indicator="public_funding_dependency"
)
### END SOLUTION
energy_funding_percentile

# %% nbgrader={"grade": true, "grade_id": "ps04_percentile_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_given = scoring.number(
    scoring.answer(globals(), "energy_funding_percentile", task=1),
    task=1,
    name="energy_funding_percentile",
    column="percentile",
    example="answers.value(ranks, 'percentile', organisation=..., indicator=...)",
)
_ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
_right = _ranks.loc[
    (_ranks["organisation"] == "se_energy") & (_ranks["indicator"] == "public_funding_dependency"),
    "percentile",
].item()
_everybody = benchmarking.percentile_ranks(round_2023)
_all = _everybody.loc[
    (_everybody["organisation"] == "se_energy")
    & (_everybody["indicator"] == "public_funding_dependency"),
    "percentile",
].item()
scoring.check(
    0 <= _given <= 100,
    "Task 1: a percentile rank runs from 0 (the worst) to 100 (the best).",
)
scoring.check(
    not (abs(_given - _right) > 1e-6 and abs(_given - (100 - _right)) < 1e-6),
    "Task 1: this is the position read the wrong way round: a lower dependency is better, so the "
    "lowest value ranks at 100. Let percentile_ranks take the direction from the catalogue.",
)
scoring.check(
    not (abs(_given - _right) > 1e-6 and abs(100 * _given - _right) < 1e-6),
    "Task 1: this looks like a fraction (0-1): the course's percentiles run from 0 to 100.",
)
scoring.check(
    not (abs(_given - _right) > 1e-6 and abs(_given - _all) < 1e-6),
    "Task 1: this is the rank among all organisations: compare with the energy peers only "
    "(peers='sector').",
)
_own_value = round_2023.loc[
    (round_2023["organisation"] == "se_energy")
    & (round_2023["indicator"] == "public_funding_dependency"),
    "value",
].item()
scoring.check(
    not (abs(_given - _right) > 1e-6 and abs(_given - _own_value) < 1e-6),
    "Task 1: this is the cluster's own dependency in % (the column 'value'), not its position "
    "among the peers: take the column 'percentile'.",
)
_other = _ranks.loc[
    (_ranks["organisation"] == "se_energy")
    & (_ranks["indicator"] != "public_funding_dependency"),
    "percentile",
]
scoring.check(
    not (abs(_given - _right) > 1e-6 and ((_other - _given).abs() < 1e-6).any()),
    "Task 1: this is the percentile of another indicator: filter "
    "indicator='public_funding_dependency'.",
)
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=1,
    points=2,
    kind="numbers",
    name="energy_funding_percentile",
    column="percentile",
    answer=energy_funding_percentile,
    hints={
        "energy_funding_percentile": "rank it among the energy organisations of 2023; lower is "
        "better, and 100 is the best"
    },
    expected="""
b = load("benchmarking")
b = b[(b["year"] == 2023) & (b["sector"] == "energy")]
v = b[b["indicator"] == "public_funding_dependency"].dropna(subset=["value"])
v = v.set_index("organisation")["value"]
own = v["se_energy"]
worse = (v > own).sum()  # a higher dependency is worse
tied = (v == own).sum() - 1
expected = {"energy_funding_percentile": 100 * (worse + 0.5 * tied) / (len(v) - 1)}
""",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_weakest_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): the weakest area
#
# With the area scores of 2023 among energy peers, which of the six ESCA areas is the South Sweden
# Energy Cluster's weakest? Give the area id (as written in the `area` column, e.g. `"structure"`)
# as `energy_weakest_area`.
#
# *Start* as in task 1: first the table of module 4, section 5 (`benchmarking.area_scores`) of
# `round_2023` among energy peers, then one line with `answers.value`.

# %% nbgrader={"grade": false, "grade_id": "ps04_weakest_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
scores = benchmarking.area_scores(round_2023, peers="sector")
energy_weakest_area = answers.value(scores, "area", organisation="se_energy", weakest=True)
### END SOLUTION
energy_weakest_area

# %% nbgrader={"grade": true, "grade_id": "ps04_weakest_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_area = scoring.text(
    scoring.answer(globals(), "energy_weakest_area", task=2),
    task=2,
    name="energy_weakest_area",
    column="area",
    example="answers.value(scores, 'area', organisation=..., weakest=True)",
)
_catalogue = benchmarking.indicator_catalogue()
scoring.check(
    _area not in set(_catalogue["area_name"]),
    "Task 2: that is the long name of an area: give its id from the 'area' column, e.g. "
    "'structure'.",
)
scoring.check(
    _area in set(_catalogue["area"]),
    f"Task 2: {_area!r} is not an area id. The six ids are: "
    + ", ".join(sorted(set(_catalogue["area"])))
    + ".",
)
_scores = benchmarking.area_scores(round_2023, peers="sector")
_own = _scores[_scores["organisation"] == "se_energy"]
scoring.check(
    _area != _own.loc[_own["area_rank"] == 1, "area"].iloc[0],
    "Task 2: that is the strongest area (area_rank 1): the weakest has the lowest area_score "
    "(weakest=True).",
)
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=2,
    points=2,
    kind="text",
    name="energy_weakest_area",
    column="area",
    answer=energy_weakest_area,
    hints={"text": "score the 2023 areas among the energy peers and take the lowest"},
    expected="""
cat = load("benchmark_indicators")
sign = dict(zip(cat["indicator"], np.where(cat["direction"] == "higher", 1.0, -1.0)))
b = load("benchmarking")
b = b[(b["year"] == 2023) & (b["sector"] == "energy")]
b = b.assign(oriented=b["value"] * b["indicator"].map(sign))
groups = b.groupby("indicator")["oriented"]
b["percentile"] = 100 * (groups.rank(method="average") - 1) / (groups.transform("count") - 1)
own = b[b["organisation"] == "se_energy"].merge(cat[["indicator", "area"]], on="indicator")
expected = own.groupby("area")["percentile"].mean().idxmin()
""",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_gap_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (2 points): how far to the best quarter?
#
# How many percentage points is the members' export share (`export_share_members`) of the South
# Sweden Energy Cluster behind the **top quartile** of the energy peers in 2023? Give one number as
# `energy_export_gap` (positive = behind).
#
# *Start* as in task 1: first the table of module 4, section 4 (`benchmarking.peer_gaps`) of
# `round_2023` among energy peers, then one line with `answers.value`.

# %% nbgrader={"grade": false, "grade_id": "ps04_gap_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
gaps = benchmarking.peer_gaps(round_2023, peers="sector")
energy_export_gap = answers.value(
    gaps, "gap_to_top_quartile", organisation="se_energy", indicator="export_share_members"
)
### END SOLUTION
energy_export_gap

# %% nbgrader={"grade": true, "grade_id": "ps04_gap_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_gap = scoring.number(
    scoring.answer(globals(), "energy_export_gap", task=3),
    task=3,
    name="energy_export_gap",
    column="gap_to_top_quartile",
    example="answers.value(gaps, 'gap_to_top_quartile', organisation=..., indicator=...)",
)
_gaps = benchmarking.peer_gaps(round_2023, peers="sector")
_row = _gaps[
    (_gaps["organisation"] == "se_energy") & (_gaps["indicator"] == "export_share_members")
].iloc[0]
_wrong = abs(_gap - _row["gap_to_top_quartile"]) > 1e-6
scoring.check(
    not (_wrong and abs(_gap - _row["peer_top_quartile"]) < 1e-6),
    "Task 3: this is the top quartile itself (the target), not the distance to it.",
)
scoring.check(
    not (_wrong and abs(_gap + _row["gap_to_top_quartile"]) < 1e-6),
    "Task 3: the sign is the wrong way round: a gap is positive when the cluster is behind.",
)
scoring.check(
    not (_wrong and abs(_gap - _row["gap_to_median"]) < 1e-6),
    "Task 3: this is the gap to the peer median: the task asks for the top quartile.",
)
scoring.check(
    not (_wrong and abs(_gap - _row["value"]) < 1e-6),
    "Task 3: this is the cluster's own export share (the column 'value'), not the distance to the "
    "top quartile: take the column 'gap_to_top_quartile'.",
)
_gaps_all = benchmarking.peer_gaps(round_2023)
_gap_all = _gaps_all.loc[
    (_gaps_all["organisation"] == "se_energy")
    & (_gaps_all["indicator"] == "export_share_members"),
    "gap_to_top_quartile",
].item()
scoring.check(
    not (_wrong and abs(_gap - _gap_all) < 1e-6),
    "Task 3: this is the gap to the top quartile of all organisations: compare with the energy "
    "peers only (peers='sector').",
)
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=3,
    points=2,
    kind="numbers",
    name="energy_export_gap",
    column="gap_to_top_quartile",
    answer=energy_export_gap,
    hints={
        "energy_export_gap": "the 75th percentile of the energy peers' export shares in 2023 "
        "minus the cluster's own"
    },
    expected="""
b = load("benchmarking")
b = b[(b["year"] == 2023) & (b["sector"] == "energy")]
x = b[b["indicator"] == "export_share_members"]
own = x.loc[x["organisation"] == "se_energy", "value"].item()
expected = {"energy_export_gap": np.quantile(x["value"].dropna(), 0.75) - own}
""",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_label_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): how close to the next label?
#
# With the course's label-readiness estimate among energy peers (both rounds), give (a) the
# estimated label of the South Sweden Energy Cluster as `energy_label` (text, as written in the
# table) and (b) the number of areas it improved by at least 5 points since 2021 as
# `energy_areas_improved`. One point each.
#
# *Start* as in module 4, section 7: first the table of `benchmarking.label_readiness`, made from
# both rounds (`bench`) among energy peers, then one line with `answers.value` for each answer.

# %% nbgrader={"grade": false, "grade_id": "ps04_label_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
ready = benchmarking.label_readiness(bench, peers="sector")
energy_label = answers.value(ready, "estimated_label", organisation="se_energy")
energy_areas_improved = answers.value(ready, "areas_improved", organisation="se_energy")
### END SOLUTION
energy_label, energy_areas_improved

# %% nbgrader={"grade": true, "grade_id": "ps04_label_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from course import scoring

_labels = ["not yet", "Bronze", "Silver", "Gold"]
_label = scoring.text(
    scoring.answer(globals(), "energy_label", task=4),
    task=4,
    name="energy_label",
    column="estimated_label",
    example="answers.value(ready, 'estimated_label', organisation=...)",
)
scoring.check(
    _label in _labels,
    "Task 4: write the label as the table does: 'not yet', 'Bronze', 'Silver' or 'Gold' "
    "(with the capital letter).",
)
_raw = scoring.answer(globals(), "energy_areas_improved", task=4)
scoring.check(
    not (pd.api.types.is_scalar(_raw) and pd.isna(_raw)),
    "Task 4: energy_areas_improved is missing (NA): label_readiness needs both rounds to count "
    "improved areas; pass the whole table bench, not round_2023.",
)
_improved = scoring.number(
    _raw,
    task=4,
    name="energy_areas_improved",
    column="areas_improved",
    example="answers.value(ready, 'areas_improved', organisation=...)",
)
scoring.check(
    0 <= _improved <= 6 and _improved == int(_improved),
    "Task 4: the number of improved areas is a whole number from 0 to 6.",
)
scoring.check(
    not (_label == "Silver" and _improved < 3),
    "Task 4: Silver needs at least three improved areas, and your count is lower: check both.",
)
_everybody = benchmarking.label_readiness(bench)
_sector = benchmarking.label_readiness(bench, peers="sector")
_all_label = _everybody.loc[_everybody["organisation"] == "se_energy", "estimated_label"].item()
_right_label = _sector.loc[_sector["organisation"] == "se_energy", "estimated_label"].item()
scoring.check(
    not (_label != _right_label and _label == _all_label),
    "Task 4: this is the estimate among all organisations: compare with the energy peers "
    "(peers='sector').",
)
_all_areas = _everybody.loc[_everybody["organisation"] == "se_energy", "areas_improved"].item()
_right_areas = _sector.loc[_sector["organisation"] == "se_energy", "areas_improved"].item()
scoring.check(
    not (_improved != _right_areas and _improved == _all_areas),
    "Task 4: energy_areas_improved counts the areas improved among all organisations: take it "
    "from the same table as the label, among the energy peers (peers='sector').",
)
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_readiness = """
cat = load("benchmark_indicators")
sign = dict(zip(cat["indicator"], np.where(cat["direction"] == "higher", 1.0, -1.0)))
area_of = dict(zip(cat["indicator"], cat["area"]))
b = load("benchmarking")


def scored(one_round):
    # percentile among the same sector, ties counting half, 100 = best; then the area of each row
    x = one_round.assign(oriented=one_round["value"] * one_round["indicator"].map(sign))
    groups = x.groupby(["sector", "indicator"])["oriented"]
    x["percentile"] = 100 * (groups.rank(method="average") - 1) / (groups.transform("count") - 1)
    x["area"] = x["indicator"].map(area_of)
    return x


def area_scores(x):
    return x[x["organisation"] == "se_energy"].groupby("area")["percentile"].mean()


last, first = scored(b[b["year"] == 2023]), scored(b[b["year"] == 2021])
improved = int((area_scores(last) - area_scores(first) >= 5).sum())
own = last[last["organisation"] == "se_energy"].set_index("indicator")["value"]
bronze = (
    own.notna().mean() >= 0.9
    and own["staff_fte"] >= 0.5
    and own["members_total"] >= 15
    and own["member_types"] >= 2
)
median = last.groupby(["sector", "indicator"])["value"].transform("median")
met = (last["value"] - median) * last["indicator"].map(sign) >= 0  # the peer median as threshold
gold = met[last["organisation"] == "se_energy"].mean() >= 0.8
label = "not yet"
if bronze:
    label = "Gold" if gold else ("Silver" if improved >= 3 else "Bronze")
"""
_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_label_score = _fresh["score_in_fresh_process"](
    task=4,
    points=1,
    kind="text",
    name="energy_label",
    column="estimated_label",
    answer=energy_label,
    hints={"text": "estimate it among the energy peers, from both rounds"},
    expected=_readiness + "expected = label\n",
)
_areas_score = _fresh["score_in_fresh_process"](
    task=4,
    points=1,
    kind="numbers",
    name="energy_areas_improved",
    column="areas_improved",
    answer=energy_areas_improved,
    hints={
        "energy_areas_improved": "count the areas whose score among the energy peers rose by "
        "5 points or more from 2021 to 2023"
    },
    expected=_readiness + 'expected = {"energy_areas_improved": improved}\n',
)
_label_score + _areas_score
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_hhi_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): how concentrated are the exports?
#
# Give the partner-country HHI (0-10,000) of the South Sweden Energy Cluster members' exports in
# 2023 as `energy_partner_hhi` (one number). The organisation column of the trade table is called
# `cluster`.
#
# *Start* as in module 4, section 9: first the table of `benchmarking.partner_concentration` of
# the 2023 trade table `trade_2023`, then one line with `answers.value`. The lesson asked for the
# Riga Digital Cluster (`"lv_it"`); here it is the South Sweden Energy Cluster.

# %% nbgrader={"grade": false, "grade_id": "ps04_hhi_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="se_energy")
### END SOLUTION
energy_partner_hhi

# %% nbgrader={"grade": true, "grade_id": "ps04_hhi_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_hhi = scoring.number(
    scoring.answer(globals(), "energy_partner_hhi", task=5),
    task=5,
    name="energy_partner_hhi",
    column="partner_hhi",
    example="answers.value(hhi, 'partner_hhi', cluster=...)",
)
scoring.check(
    _hhi > 1,
    "Task 5: this looks like an HHI of shares written as fractions (0-1), or a share itself: "
    "the partner HHI uses shares in % and runs up to 10,000.",
)
scoring.check(_hhi <= 10000, "Task 5: an HHI of shares in % is at most 10,000 (one country).")
_hhi_2023 = benchmarking.partner_concentration(trade_2023).set_index("cluster")
_hhi_right = _hhi_2023.loc["se_energy", "partner_hhi"]
_hhi_wrong = abs(_hhi - _hhi_right) > 1e-6
scoring.check(
    not (_hhi_wrong and abs(_hhi - _hhi_2023.loc["se_energy", "partners"]) < 1e-6),
    "Task 5: this is the number of partner countries (the column 'partners'): take the column "
    "'partner_hhi'.",
)
_others = _hhi_2023.drop(index="se_energy")
_match = _others.index[(_others["partner_hhi"] - _hhi).abs() < 1e-6]
scoring.check(
    not (_hhi_wrong and len(_match) > 0),
    f"Task 5: this is the HHI of another cluster ({', '.join(_match)}): filter "
    "cluster='se_energy'.",
)
_years = {
    year: benchmarking.partner_concentration(trade[trade["year"] == year])
    .set_index("cluster")
    .loc["se_energy", "partner_hhi"]
    for year in sorted(set(trade["year"]) - {2023})
}
_year = [year for year, value in _years.items() if abs(_hhi - value) < 1e-6]
scoring.check(
    not (_hhi_wrong and _year),
    f"Task 5: this is the HHI of {_year[0] if _year else 'another year'}: use the 2023 trade "
    "table, trade_2023.",
)
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=5,
    points=2,
    kind="numbers",
    name="energy_partner_hhi",
    column="partner_hhi",
    answer=energy_partner_hhi,
    hints={
        "energy_partner_hhi": "add up the squared shares (in %) of the partner countries in "
        "the members' 2023 exports"
    },
    expected="""
t = load("trade")
t = t[(t["cluster"] == "se_energy") & (t["year"] == 2023)]
exports = t.groupby("partner")["exports_eur"].sum()
expected = {"energy_partner_hhi": ((100 * exports / exports.sum()) ** 2).sum()}
""",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_written_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## The written tasks
#
# The cells below show the South Sweden Energy Cluster's area scores among energy peers in 2023,
# the change since 2021 and its internationalisation profile. Answer in plain language, as you
# would to the cluster's board: a short paragraph or three bullet points each (80-150 words).

# %% nbgrader={"grade": false, "grade_id": "ps04_written_charts", "locked": true, "schema_version": 3, "solution": false, "task": false}
_energy_scores = benchmarking.area_scores(round_2023, peers="sector")
plots.area_radar(
    _energy_scores, "se_energy", title="South Sweden Energy Cluster among energy peers, 2023"
)
_energy_change = benchmarking.area_improvement(bench, peers="sector")
_energy_change[_energy_change["organisation"] == "se_energy"][
    ["area", "area_score_start", "area_score_end", "area_score_change"]
].round(1)

# %% nbgrader={"grade": false, "grade_id": "ps04_written_profile", "locked": true, "schema_version": 3, "solution": false, "task": false}
benchmarking.internationalisation_profile(
    bench, data.load("cluster_members"), trade, "se_energy", peers="sector"
).round(1)

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_plan_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 6 (written, 4 points): a three-point improvement plan
#
# Propose **three concrete improvements** for the next two years, each with the indicator (KPI) that
# would show it, its baseline and a target. Base them on the benchmark (tasks 1-4 and the cells
# above), and say which peer group you compared with. Write your answer in the cell below this one.
#
# === BEGIN MARK SCHEME ===
# Award up to 4 points:
# - 1 point: three improvements that follow from the benchmark: the weakest area (services among
#   energy peers, e.g. matchmaking meetings or training participants far below the top quartile),
#   the areas that fell since 2021 (financing, achievements, services) or a lower-is-better
#   indicator read correctly (the dependency on one public programme, percentile about 42).
# - 1 point: each improvement has a KPI with a baseline (the 2023 value) and a realistic target
#   (e.g. the peer median or top quartile), in the indicator's unit.
# - 1 point: the plan is feasible for a cluster organisation (actions it controls: services,
#   matchmaking, funding mix, partner agreements), not wishes about members' results.
# - 1 point: an honest caveat: the peer group (13 energy organisations: one rank step is about 8
#   points), self-reported and synthetic data, or that the label estimate is not an ESCA assessment.
# A model answer: "Among the 13 energy cluster organisations we are weakest in services. (1) Double
# matchmaking meetings from 22 to 45 a year (peer median 32, top quartile 73). (2) Lower the
# dependency on one public programme from 57 % to 50 % (we rank at 42 among energy peers) with more
# paid services. (3) Win back the ground lost in achievements: two new international partner
# agreements (8 to 10) by 2025. The ranks rest on 13 peers, so a move of a few points is noise."
# === END MARK SCHEME ===

# %% [markdown]
# *Write your answer to task 6 here (double-click to edit).*

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_international_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 7 (written, 4 points): an internationalisation recommendation
#
# Recommend **one internationalisation step** for the next strategy (a market, a partnership, a
# European Strategic Cluster Partnership, a trade mission, ...). Support it with at least two
# numbers from this assignment (export share, export growth, the destinations and their HHI,
# international partners and projects), and name one risk. Write your answer in the cell below this
# one.
#
# === BEGIN MARK SCHEME ===
# Award up to 4 points; any well-argued step can earn full marks.
# - 1 point: a clear, concrete step (which partner, market or programme, and why this cluster).
# - 1 point: at least two numbers read correctly (e.g. the members' export share about 28 %, 10
#   points behind the energy peers' top quartile; exports spread over 9 countries with an HHI of
#   about 1,430, "unconcentrated", Germany the largest with about 24 %; export growth about 7 % from
#   2019 to 2023, the slowest of the course clusters; 8 international partners, at the median; 6
#   international projects and 2 ESCPs, above most peers).
# - 1 point: links the step to cluster logic: building from strength (projects and ESCPs already
#   running), complementary partners in the value chain (storage, grids), the members' own interest.
# - 1 point: a real risk or limitation (dependence on EU funding cycles, few members exporting a
#   lot, the HHI hides which members export, synthetic data).
# Deduct 1 point for a recommendation that contradicts the numbers (e.g. "diversify because exports
# are highly concentrated" when the HHI says they are not).
# === END MARK SCHEME ===

# %% [markdown]
# *Write your answer to task 7 here (double-click to edit).*
