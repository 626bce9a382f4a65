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

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps02_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment ps02: industry analysis and segmentation
#
# *About 75 minutes. 18 points: 10 checked automatically, 8 for two short written answers.*
#
# You advise the **South Sweden Energy Cluster** (`se_energy`, 52 members), which plans a battery
# storage testbed and wants to know its members before it designs the testbed's services. Use the
# course library as in module 2: every task needs one to three lines of code. State each answer with
# the toolbox: `answers.value` (one number or code), `answers.values` (a list) and `answers.top`
# (the top rows). A one-row table, a column or a list works as well: the checks read any of them.
#
# **How it works**
# - Replace `raise NotImplementedError()` in each answer cell with your code; keep the variable names.
# - Run the check cell below each answer: it says `Task 1: right.`, or a `Hint:` that says what to
#   change (it never tells you the number). Your instructor's grading makes the same comparison.
# - Numbers typed from a table with the decimals the lesson shows (a share such as 0.212) count as
#   right; better still, take them with `answers.value`.
# - Before you hand in: *Kernel → Restart Kernel and Run All Cells*, read the list at the end of
#   the notebook (every task: right, not yet, or written), then **Validate**.
# - The data are the course's synthetic data (table `cluster_members`). Shares are fractions
#   (0.25 = 25 %).
#
# | Task | What | Points |
# |---|---|---|
# | 1 | SME classes of the companies, with the balance-sheet alternative | 2 |
# | 2 | The share of members that export more than half of their turnover | 2 |
# | 3 | How concentrated the companies' turnover is (HHI) | 2 |
# | 4 | A five-forces score and the attractiveness of energy storage | 2 |
# | 5 | Segments of the companies, with the fixed seed | 2 |
# | 6 | Written: which segment to serve first, and how | 4 |
# | 7 | Written: the most threatening force | 4 |

# %% nbgrader={"grade": false, "grade_id": "ps02_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from course import answers, data, plots, segmentation

members = data.load("cluster_members")
energy = members[members["cluster"] == "se_energy"]
energy_companies = energy[energy["member_type"] == "company"]
features = ["employees", "turnover_eur", "export_share"]

# The cluster board's five-forces workshop on battery storage in southern Sweden
storage_card = pd.DataFrame(
    {
        "force": ["entry_threat"] * 3 + ["supplier_power"] * 2 + ["buyer_power"] * 2
        + ["substitutes"] * 2 + ["rivalry"] * 3,
        "driver": [
            "Capital requirements", "Access to grid connections", "Regulation and licences",
            "Few battery cell makers", "Lithium and other raw materials",
            "Few grid operators and utilities", "Buyers' price sensitivity",
            "Hydrogen and pumped hydro", "Demand response",
            "New competitors from Asia", "Fast market growth", "High fixed costs",
        ],
        "score": [2, 3, 4, 5, 4, 4, 3, 2, 3, 4, 2, 3],
        "weight": [0.5, 0.3, 0.2, 0.6, 0.4, 0.5, 0.5, 0.5, 0.5, 0.4, 0.3, 0.3],
        "evidence": "board workshop, May; Energimyndigheten market report; member interviews",
    }
)
storage_card[["force", "driver", "score", "weight"]]

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps02_sme_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 1 (2 points): who counts as an SME?
#
# The testbed will be co-funded by an SME programme. Classify the cluster's **companies**
# (`energy_companies`) with the EU SME definition. How many are **micro** enterprises, and how many
# **medium-sized** ones? Give two whole numbers, as `energy_micro_companies` and
# `energy_medium_companies`. One point each.

# %% nbgrader={"grade": false, "grade_id": "ps02_sme_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sized = segmentation.member_composition(segmentation.sme_class(energy_companies), "size_class")
energy_micro_companies = answers.value(sized, "members", size_class="micro")
energy_medium_companies = answers.value(sized, "members", size_class="medium")
### END SOLUTION
energy_micro_companies, energy_medium_companies

# %% nbgrader={"grade": true, "grade_id": "ps02_sme_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps02", 1, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps02", 1, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps02_export_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): how international are the members?
#
# What share of **all** the cluster's members (`energy`, companies and institutions) export more
# than half of their turnover (export band `">50 %"`, with a space before the %, copied exactly)?
# Give one fraction (0.25 means a quarter), as `energy_export_share`. The public and education
# bodies have no turnover, so their export share is unknown (their own row, not the band
# `"0 %"`): they still count among all the members.

# %% nbgrader={"grade": false, "grade_id": "ps02_export_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
exports = segmentation.member_composition(segmentation.export_band(energy), "export_band")
energy_export_share = answers.value(exports, "member_share", export_band=">50 %")
### END SOLUTION
energy_export_share

# %% nbgrader={"grade": true, "grade_id": "ps02_export_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps02", 2, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps02", 2, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps02_hhi_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (2 points): do a few companies carry the cluster?
#
# Give the Herfindahl index (HHI, shares in %, 0 to 10,000) of the **companies'** turnover in the
# South Sweden Energy Cluster, as `energy_hhi`.

# %% nbgrader={"grade": false, "grade_id": "ps02_hhi_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
concentration = segmentation.member_concentration(members)
energy_hhi = answers.value(concentration, "market_hhi", cluster="se_energy")
### END SOLUTION
energy_hhi

# %% nbgrader={"grade": true, "grade_id": "ps02_hhi_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps02", 3, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps02", 3, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps02_forces_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): how attractive is battery storage?
#
# Score the board's scorecard `storage_card` (shown under the set-up cell; the weights differ
# between drivers) with the course's five-forces convention. Give the force score of the
# **bargaining power of suppliers** as `supplier_power_score` and the industry's attractiveness as
# `storage_attractiveness`. One point each.

# %% nbgrader={"grade": false, "grade_id": "ps02_forces_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
storage_forces = segmentation.five_forces(storage_card)
supplier_power_score = answers.value(storage_forces, "force_score", force="supplier_power")
storage_attractiveness = answers.value(
    segmentation.attractiveness(storage_forces), "attractiveness"
)
### END SOLUTION
supplier_power_score, storage_attractiveness

# %% nbgrader={"grade": true, "grade_id": "ps02_forces_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps02", 4, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps02", 4, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps02_segments_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): segments of the companies
#
# Segment the cluster's companies (`energy_companies`) on the three `features` (headcount,
# turnover, export share) with 2 to 5 segments (`k=range(2, 6)`) and the library's default k-means
# with its fixed random state. Give the number of segments the silhouette chose as `energy_k`, and
# the number of companies in the largest segment as `energy_largest_segment`. One point each.

# %% nbgrader={"grade": false, "grade_id": "ps02_segments_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
segments = segmentation.segment_members(energy_companies, features, k=range(2, 6))
energy_k = segments.k
energy_largest_segment = answers.value(segments.profile, "members", segment=1)
### END SOLUTION
energy_k, energy_largest_segment

# %% nbgrader={"grade": true, "grade_id": "ps02_segments_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps02", 5, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps02", 5, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps02_written_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## The written tasks
#
# The cells below show the companies' segments (the typical member of each, and the services each
# segment already uses) and the board's five forces. Answer in plain language, as you would to the
# cluster's board: a short paragraph each (80-150 words).

# %% nbgrader={"grade": false, "grade_id": "ps02_written_charts", "locked": true, "schema_version": 3, "solution": false, "task": false}
shown = segmentation.segment_members(energy_companies, features, k=range(2, 6))
plots.segment_heatmap(shown.profile, title="South Sweden Energy Cluster: segments of the companies")
uptake = segmentation.service_uptake(shown.members, by="segment")
uptake.pivot(index="service", columns="segment", values="uptake").round(2)

# %% nbgrader={"grade": false, "grade_id": "ps02_written_forces", "locked": true, "schema_version": 3, "solution": false, "task": false}
board_forces = segmentation.five_forces(storage_card)
plots.five_forces_radar(board_forces, title="Five forces: battery storage in southern Sweden")
board_forces.round(2)

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps02_segment_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 6 (written, 4 points): which segment to serve first, and how?
#
# The testbed team can design one service package in its first year. Which segment of companies
# should it serve first, with what offer, and why? Use the segment profile **and** the service
# uptake, and say what you would check with the members before you decide. Write your answer in the
# cell below this one.
#
# === BEGIN MARK SCHEME ===
# Award up to 4 points; any well-argued segment can earn full marks.
# - 1 point: names one segment by what it is, not only its number (in the course data, with k = 4:
#   13 companies with little export, about 25 AWU; 11 small firms with low turnover, about 3 AWU;
#   11 export-oriented companies, about 62 % exported; 4 large companies with many staff, high
#   turnover, no export).
# - 1 point: reads the profile correctly (medians and the colour: above or below the average member)
#   and links it to the testbed (e.g. the export-oriented and the little-export segments are the
#   heaviest testbed users, 0.73 and 0.62; the large companies do not use it at all).
# - 1 point: a concrete offer fitted to the segment (e.g. testbed access plus joint projects and
#   internationalisation for the exporters; a low-cost entry package with funding advice for the
#   small firms; a partner role rather than a service for the four large companies).
# - 1 point: what to check first: that members recognise the segment, the moderate silhouette
#   (about 0.41), uptake is use not need, small segments (4 members), synthetic data.
# Deduct 1 point for an offer that contradicts the numbers (e.g. "the large firms need the testbed
# most" with an uptake of 0).
# === END MARK SCHEME ===

# %% [markdown]
# *Write your answer to task 6 here (double-click to edit).*

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps02_force_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 7 (written, 4 points): the most threatening force
#
# Which of the five forces threatens the storage industry's profits most, according to the board's
# scorecard? What can a **cluster organisation** (not a single firm) do about it, and what would make
# you trust the score more? Write your answer in the cell below this one.
#
# === BEGIN MARK SCHEME ===
# Award up to 4 points.
# - 1 point: names the force with the highest score, the bargaining power of suppliers (4.6: few
#   battery cell makers, raw materials without alternatives), or argues with numbers for another one.
# - 1 point: explains why it threatens profits (suppliers can raise prices or ration cells; the
#   members' margins depend on them).
# - 1 point: a cluster-level response: joint purchasing or framework contracts, a shared testbed for
#   alternative cell chemistries (sodium-ion), recycling partnerships, research members working on
#   substitutes for scarce materials, lobbying for EU battery-value-chain support.
# - 1 point: a limitation: the scores are the board's judgement (a course convention, not a
#   measurement); evidence, weights and who sat in the workshop matter; compare with another group's
#   card or with market data.
# === END MARK SCHEME ===

# %% [markdown]
# *Write your answer to task 7 here (double-click to edit).*

# %% nbgrader={"grade": false, "grade_id": "ps02_summary", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.summary("ps02", globals())
