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

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "86a4ec32fb4e3b52b664b0a0741a5571", "grade": false, "grade_id": "ps02_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "aeeb37daff25098659d787341f9f8333", "grade": false, "grade_id": "ps02_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "e1c51aafba13a3fe6cf2be75e2613134", "grade": false, "grade_id": "ps02_sme_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 1 (2 points): who counts as an SME?
#
# The testbed will be co-funded by an SME programme. Classify the cluster's **companies**
# (`energy_companies`) with the EU SME definition. How many are **micro** enterprises, and how many
# **medium-sized** ones? Give two whole numbers, as `energy_micro_companies` and
# `energy_medium_companies`. One point each.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "9f83c7114d27d47a11434a50ea0ce12c", "grade": false, "grade_id": "ps02_sme_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_micro_companies, energy_medium_companies

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "cb7e528b31891158624d9c6e4dcc04e6", "grade": true, "grade_id": "ps02_sme_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps02", 1, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "7394aedd5b2422a77581bd898086148f", "grade": false, "grade_id": "ps02_export_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): how international are the members?
#
# What share of **all** the cluster's members (`energy`, companies and institutions) export more
# than half of their turnover (export band `">50 %"`, with a space before the %, copied exactly)?
# Give one fraction (0.25 means a quarter), as `energy_export_share`. The public and education
# bodies have no turnover, so their export share is unknown (their own row, not the band
# `"0 %"`): they still count among all the members.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "8e291a78a211b889eca41d23d161972e", "grade": false, "grade_id": "ps02_export_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_export_share

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "aeb7ae79f4e54b9922cec04c212beb74", "grade": true, "grade_id": "ps02_export_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps02", 2, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "a0b1a406d3f3640a2affbbb41c3746f9", "grade": false, "grade_id": "ps02_hhi_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (2 points): do a few companies carry the cluster?
#
# Give the Herfindahl index (HHI, shares in %, 0 to 10,000) of the **companies'** turnover in the
# South Sweden Energy Cluster, as `energy_hhi`.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "8b57207b784d2aaf260004b201a7e976", "grade": false, "grade_id": "ps02_hhi_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_hhi

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "4cc0ce60ad9558017af60db89dfdcdb3", "grade": true, "grade_id": "ps02_hhi_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps02", 3, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "2a79fd6bb0590c7183b3e89266cba7ca", "grade": false, "grade_id": "ps02_forces_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): how attractive is battery storage?
#
# Score the board's scorecard `storage_card` (shown under the set-up cell; the weights differ
# between drivers) with the course's five-forces convention. Give the force score of the
# **bargaining power of suppliers** as `supplier_power_score` and the industry's attractiveness as
# `storage_attractiveness`. One point each.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "8ba4d34316577151f880c449794ab717", "grade": false, "grade_id": "ps02_forces_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
supplier_power_score, storage_attractiveness

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "0c24c4329aa57b7066cb2ea08fbc6671", "grade": true, "grade_id": "ps02_forces_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps02", 4, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "a41b5765895731885f871fc452791426", "grade": false, "grade_id": "ps02_segments_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): segments of the companies
#
# Segment the cluster's companies (`energy_companies`) on the three `features` (headcount,
# turnover, export share) with 2 to 5 segments (`k=range(2, 6)`) and the library's default k-means
# with its fixed random state. Give the number of segments the silhouette chose as `energy_k`, and
# the number of companies in the largest segment as `energy_largest_segment`. One point each.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "8b0e46627ee8cad3170f0d32ef693450", "grade": false, "grade_id": "ps02_segments_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_k, energy_largest_segment

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "808fcae724045a654add48110817dca3", "grade": true, "grade_id": "ps02_segments_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps02", 5, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "860135384cbac4eb1b0256a74ec6e356", "grade": false, "grade_id": "ps02_written_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## The written tasks
#
# The cells below show the companies' segments (the typical member of each, and the services each
# segment already uses) and the board's five forces. Answer in plain language, as you would to the
# cluster's board: a short paragraph each (80-150 words).

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "62890d9d6aeed3e0d1a8edd9fa6cac46", "grade": false, "grade_id": "ps02_written_charts", "locked": true, "schema_version": 3, "solution": false, "task": false}
shown = segmentation.segment_members(energy_companies, features, k=range(2, 6))
plots.segment_heatmap(shown.profile, title="South Sweden Energy Cluster: segments of the companies")
uptake = segmentation.service_uptake(shown.members, by="segment")
uptake.pivot(index="service", columns="segment", values="uptake").round(2)

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "7d9c03c732ad086d60a43950b97b4b26", "grade": false, "grade_id": "ps02_written_forces", "locked": true, "schema_version": 3, "solution": false, "task": false}
board_forces = segmentation.five_forces(storage_card)
plots.five_forces_radar(board_forces, title="Five forces: battery storage in southern Sweden")
board_forces.round(2)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "04b5d67d38a7e3394b32c1e2233cbb8c", "grade": false, "grade_id": "ps02_segment_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 6 (written, 4 points): which segment to serve first, and how?
#
# The testbed team can design one service package in its first year. Which segment of companies
# should it serve first, with what offer, and why? Use the segment profile **and** the service
# uptake, and say what you would check with the members before you decide. Write your answer in the
# cell below this one.
#

# %% [markdown]
# *Write your answer to task 6 here (double-click to edit).*

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "0015e1dd095e841c577cf7fe93fc8f57", "grade": false, "grade_id": "ps02_force_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 7 (written, 4 points): the most threatening force
#
# Which of the five forces threatens the storage industry's profits most, according to the board's
# scorecard? What can a **cluster organisation** (not a single firm) do about it, and what would make
# you trust the score more? Write your answer in the cell below this one.
#

# %% [markdown]
# *Write your answer to task 7 here (double-click to edit).*

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "e5aba60ee64f5cf18e24b48f9ed38ee9", "grade": false, "grade_id": "ps02_summary", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.summary("ps02", globals())
