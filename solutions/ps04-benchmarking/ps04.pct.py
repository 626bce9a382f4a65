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
# - Replace `raise NotImplementedError()` in each answer cell with your code, and store the answer
#   under the name the task gives, with `name = ...` (the name on the left of `=`).
# - Run the check cell below each answer: it says `Task 1: right.`, or a `Hint:` that says what to
#   change (it never tells you the number). Your instructor's grading makes the same comparison.
# - Numbers typed from a table with the one decimal the lesson shows (a percentile such as 72.4)
#   count as right; better still, take them with `answers.value`.
# - Before you hand in: *Kernel → Restart Kernel and Run All Cells*, read the list at the end of
#   the notebook (every task: right, not yet, or written), then **Validate**.
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
from course import answers, benchmarking, data, plots

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

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps04", 1, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps04", 1, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps04_weakest_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): the weakest area
#
# With the area scores of 2023 among energy peers, which of the six ESCA areas is the South Sweden
# Energy Cluster's weakest? Give the area id (as written in the `area` column, e.g. `"structure"`)
# as `energy_weakest_area`, and its area score as `energy_weakest_score`. One point each: the
# score depends on the peer group you compare with.
#
# *Start* as in task 1: first the table of module 4, section 5 (`benchmarking.area_scores`) of
# `round_2023` among energy peers, then one line with `answers.value`.

# %% nbgrader={"grade": false, "grade_id": "ps04_weakest_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
scores = benchmarking.area_scores(round_2023, peers="sector")
energy_weakest_area = answers.value(scores, "area", organisation="se_energy", weakest=True)
energy_weakest_score = answers.value(scores, "area_score", organisation="se_energy", weakest=True)
### END SOLUTION
energy_weakest_area, energy_weakest_score

# %% nbgrader={"grade": true, "grade_id": "ps04_weakest_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps04", 2, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps04", 2, globals())
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

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps04", 3, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps04", 3, globals())
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
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps04", 4, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps04", 4, globals())
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

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps04", 5, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps04", 5, globals())
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

# %% nbgrader={"grade": false, "grade_id": "ps04_summary", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.summary("ps04", globals())
