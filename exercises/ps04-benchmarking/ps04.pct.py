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

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "d6b5e81f9da804628120134a69828231", "grade": false, "grade_id": "ps04_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "d56cc522832ebbe3afdb8a06db2525aa", "grade": false, "grade_id": "ps04_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import answers, benchmarking, data, plots

bench = data.load("benchmarking")  # both rounds, 2021 and 2023
round_2023 = bench[bench["year"] == 2023]
trade = data.load("trade")
trade_2023 = trade[trade["year"] == 2023]
catalogue = benchmarking.indicator_catalogue()

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "130c5be333126c3e839ba68fa8a77839", "grade": false, "grade_id": "ps04_percentile_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "78c50981195b59264f24d677cbd9ba7e", "grade": false, "grade_id": "ps04_percentile_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_funding_percentile

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "cb8e1dffe7b2282034c65909f090fb4f", "grade": true, "grade_id": "ps04_percentile_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps04", 1, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "28dd62ce34cafcee8d5cd89dd40d4f13", "grade": false, "grade_id": "ps04_weakest_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): the weakest area
#
# With the area scores of 2023 among energy peers, which of the six ESCA areas is the South Sweden
# Energy Cluster's weakest? Give the area id (as written in the `area` column, e.g. `"structure"`)
# as `energy_weakest_area`, and its area score as `energy_weakest_score`. One point each: the
# score depends on the peer group you compare with.
#
# *Start* as in task 1: first the table of module 4, section 5 (`benchmarking.area_scores`) of
# `round_2023` among energy peers, then one line with `answers.value`.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "936c1fb99cab903bf2ef2f5dd83744c4", "grade": false, "grade_id": "ps04_weakest_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_weakest_area, energy_weakest_score

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "52404b3a3dbad4fe88733a76179a6dd4", "grade": true, "grade_id": "ps04_weakest_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps04", 2, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "71f16786295bce0969080981d831a7b3", "grade": false, "grade_id": "ps04_gap_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (2 points): how far to the best quarter?
#
# How many percentage points is the members' export share (`export_share_members`) of the South
# Sweden Energy Cluster behind the **top quartile** of the energy peers in 2023? Give one number as
# `energy_export_gap` (positive = behind).
#
# *Start* as in task 1: first the table of module 4, section 4 (`benchmarking.peer_gaps`) of
# `round_2023` among energy peers, then one line with `answers.value`.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "5a37c9ca119c6f56e1dac8f9a6eadbaf", "grade": false, "grade_id": "ps04_gap_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_export_gap

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "4f113e3898db535e6d601529407b39cb", "grade": true, "grade_id": "ps04_gap_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps04", 3, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "16fc441b74ad1a56d23cab1c877ebdcc", "grade": false, "grade_id": "ps04_label_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): how close to the next label?
#
# With the course's label-readiness estimate among energy peers (both rounds), give (a) the
# estimated label of the South Sweden Energy Cluster as `energy_label` (text, as written in the
# table) and (b) the number of areas it improved by at least 5 points since 2021 as
# `energy_areas_improved`. One point each.
#
# *Start* as in module 4, section 7: first the table of `benchmarking.label_readiness`, made from
# both rounds (`bench`) among energy peers, then one line with `answers.value` for each answer.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "91b4e41f56cfd88b431a9bc29ba7e332", "grade": false, "grade_id": "ps04_label_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_label, energy_areas_improved

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "92b1e6505d4c4f566d3eecb0ecf1f4a7", "grade": true, "grade_id": "ps04_label_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps04", 4, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "3426ee8f740dacd1bf0611a79c70c9c0", "grade": false, "grade_id": "ps04_hhi_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): how concentrated are the exports?
#
# Give the partner-country HHI (0-10,000) of the South Sweden Energy Cluster members' exports in
# 2023 as `energy_partner_hhi` (one number). The organisation column of the trade table is called
# `cluster`.
#
# *Start* as in module 4, section 9: first the table of `benchmarking.partner_concentration` of
# the 2023 trade table `trade_2023`, then one line with `answers.value`. The lesson asked for the
# Riga Digital Cluster (`"lv_it"`); here it is the South Sweden Energy Cluster.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "3e243d48d8c3f00f9477ded3ea460445", "grade": false, "grade_id": "ps04_hhi_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_partner_hhi

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "25c9067564bef8b332ba41305d806296", "grade": true, "grade_id": "ps04_hhi_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps04", 5, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "94694739efe65cc72d740c1c39369728", "grade": false, "grade_id": "ps04_written_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## The written tasks
#
# The cells below show the South Sweden Energy Cluster's area scores among energy peers in 2023,
# the change since 2021 and its internationalisation profile. Answer in plain language, as you
# would to the cluster's board: a short paragraph or three bullet points each (80-150 words).

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "a0ff46708a4958e54837b86aff51a227", "grade": false, "grade_id": "ps04_written_charts", "locked": true, "schema_version": 3, "solution": false, "task": false}
_energy_scores = benchmarking.area_scores(round_2023, peers="sector")
plots.area_radar(
    _energy_scores, "se_energy", title="South Sweden Energy Cluster among energy peers, 2023"
)
_energy_change = benchmarking.area_improvement(bench, peers="sector")
_energy_change[_energy_change["organisation"] == "se_energy"][
    ["area", "area_score_start", "area_score_end", "area_score_change"]
].round(1)

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "19e3978296bd6c23f06c78007c07b0b1", "grade": false, "grade_id": "ps04_written_profile", "locked": true, "schema_version": 3, "solution": false, "task": false}
benchmarking.internationalisation_profile(
    bench, data.load("cluster_members"), trade, "se_energy", peers="sector"
).round(1)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "deeb8e17a3e47932448a127e624a9489", "grade": false, "grade_id": "ps04_plan_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 6 (written, 4 points): a three-point improvement plan
#
# Propose **three concrete improvements** for the next two years, each with the indicator (KPI) that
# would show it, its baseline and a target. Base them on the benchmark (tasks 1-4 and the cells
# above), and say which peer group you compared with. Write your answer in the cell below this one.
#

# %% [markdown]
# *Write your answer to task 6 here (double-click to edit).*

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "97882e201da4a5eca6a2395ac96fb6ca", "grade": false, "grade_id": "ps04_international_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 7 (written, 4 points): an internationalisation recommendation
#
# Recommend **one internationalisation step** for the next strategy (a market, a partnership, a
# European Strategic Cluster Partnership, a trade mission, ...). Support it with at least two
# numbers from this assignment (export share, export growth, the destinations and their HHI,
# international partners and projects), and name one risk. Write your answer in the cell below this
# one.
#

# %% [markdown]
# *Write your answer to task 7 here (double-click to edit).*

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "74a6d1f77ba9ec93a5c3c3362cb7417b", "grade": false, "grade_id": "ps04_summary", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.summary("ps04", globals())
