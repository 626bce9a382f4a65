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

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "ec696ea3a139fb2bb0b3036751383514", "grade": false, "grade_id": "ps03_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment ps03: value chain analysis
#
# *About 100 minutes. 20 points: 12 checked automatically, 8 for two short written answers.*
#
# A beverages company, the paper packaging makers and the **South Sweden Energy Cluster** (`se_energy`)
# have asked for numbers on their chains, and in task 6 you map **your own cluster**. Use the course
# library as in module 3: every task needs one to three lines of code. State each answer with the
# toolbox: `answers.value` (one number or code), `answers.values` (a list) and `answers.top` (the top
# rows). A one-row table, a column or a list works as well: the checks read any of them.
#
# The lesson's case was the food industry and the Vidzeme Food Cluster; here the industries and the
# clusters are others. Names from the lesson such as `chain_suppliers` or `multipliers` do not exist
# here until you make them.
#
# **How it works**
# - Replace `raise NotImplementedError()` in each answer cell with your code, and store the answer
#   under the name the task gives, with `name = ...` (the name on the left of `=`).
# - Run the check cell below each answer: it says `Task 1: right.`, or a `Hint:` that says what to
#   change (it never tells you the number). Your instructor's grading makes the same comparison.
# - Numbers typed from a table with the decimals the lesson shows (a coefficient such as 0.0401, a
#   multiplier such as 15.2) count as right; better still, take them with `answers.value`.
# - Before you hand in: *Kernel → Restart Kernel and Run All Cells*, read the list at the end of
#   the notebook (every task: right, not yet, or written), then **Validate**.
# - The input-output table is the course's fictional `io_table` (EUR million); `io` holds its parts
#   (`io.Z`, `io.x`, `io.names`, ...), as in the lesson.
#
# | Task | What | Points |
# |---|---|---|
# | 1 | A technical coefficient: paper packaging in beverages | 2 |
# | 2 | The Leontief inverse: agriculture behind beverages | 2 |
# | 3 | An employment multiplier: paper packaging | 2 |
# | 4 | Key sectors with the supply-side forward index | 2 |
# | 5 | The thinnest link of the energy cluster's chain | 2 |
# | 6 | Your own cluster: its largest stage | 2 |
# | 7 | Written: a project for your own cluster | 4 |
# | 8 | Written: the limits of multipliers | 4 |

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "8a2d04ba3b6ce732b3523a21e34ee46d", "grade": false, "grade_id": "ps03_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import answers, data, valuechain

table = data.load("io_table")
io = valuechain.io_accounts(table)
members = data.load("cluster_members")

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "4c74a14709a2190ba517dff19d874d18", "grade": false, "grade_id": "ps03_coefficient_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 1 (2 points): how much paper packaging goes into a euro of beverages?
#
# Give the **technical coefficient** of paper packaging (`paper_packaging`) in the beverages
# industry (`beverages`): what beverages buy from paper packaging per euro of their own output, as
# `beverages_paper_coefficient` (one number, e.g. 0.02 for 2 cents).
#
# The lesson's section 3 made the table of the food industry's suppliers; here you need the table of
# the suppliers of **beverages** (`valuechain.suppliers(io.Z, io.x, ...)`), and the right row and
# column of it.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "b004467eba23307958c74b9f9cbe6a8d", "grade": false, "grade_id": "ps03_coefficient_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
beverages_paper_coefficient

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "6928083384f1e51d3ca0b1f39a39b1b1", "grade": true, "grade_id": "ps03_coefficient_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps03", 1, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "2086cf557328fbfae9986bb578a05a4d", "grade": false, "grade_id": "ps03_leontief_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): the farms behind a euro of beverages
#
# With the **Leontief inverse** of the table: how much agricultural output (`agriculture`) does one
# euro of final demand for beverages (`beverages`) need, directly and indirectly? Give it as
# `beverages_agriculture_total` (one number). The lesson's section 4 shows which column holds it.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "826ec7a6d2735e3e9887383f9e7a5d6e", "grade": false, "grade_id": "ps03_leontief_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
beverages_agriculture_total

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "a54748103a65fe4c414960b40a2e3b4a", "grade": true, "grade_id": "ps03_leontief_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps03", 2, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "45a930bc92e6777c3406ce0ed4adb5c9", "grade": false, "grade_id": "ps03_multiplier_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (2 points): jobs behind paper packaging
#
# The packaging members want to tell the regional agency what their industry means for jobs. Give
# the **employment multiplier** of paper packaging (`paper_packaging`): persons employed in the
# whole economy per EUR 1 million of final demand for paper packaging, as
# `packaging_jobs_multiplier` (one number). The table of the lesson's section 5 has several columns
# of jobs: which one is it?

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "e69a0636324c56b8b4c42b4b9a231d68", "grade": false, "grade_id": "ps03_multiplier_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
packaging_jobs_multiplier

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "c30bdd62d7b48c69b125e325e56ef605", "grade": true, "grade_id": "ps03_multiplier_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps03", 3, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "88c8b21f694cecc3e03a39068dbe6dd9", "grade": false, "grade_id": "ps03_key_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): key sectors, looking at supply
#
# Compute the Rasmussen-Hirschman linkages with the **supply-side forward index** from the Ghosh
# inverse (the lesson's section 6 names the option). Which industries are **key sectors**? Give a
# list of industry codes (the `industry` column) as `key_sectors_supply_side`. A wrong extra industry
# costs as much as a right one earns.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "4c4274d878761ea9711322042ddcea38", "grade": false, "grade_id": "ps03_key_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
key_sectors_supply_side

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "44f67a865837d46032008eaf69b17e6e", "grade": true, "grade_id": "ps03_key_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps03", 4, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "26831d900662c2600b62386abe2adb36", "grade": false, "grade_id": "ps03_thinnest_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): the thinnest link of the energy cluster's chain
#
# Map the members of the **South Sweden Energy Cluster** (`se_energy` in the column `cluster` of
# `members`) on the chain that fits it (the lesson's section 8: `valuechain.CLUSTER_CHAINS` says which).
# Which stage **of the chain itself** (not a support stage: the column `kind` says which is which)
# has the **fewest members**? Give its stage code (the `stage` column, text) as
# `energy_thinnest_stage`.
#
# `answers.top(table, "members", n=3, kind="chain")` lists the three chain stages, most members
# first: the thinnest is the last row.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "9f5289d4c704c360a01f23a639cac8e2", "grade": false, "grade_id": "ps03_thinnest_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_thinnest_stage

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "ded0f62b16f70a64f96d3d2db070e4e1", "grade": true, "grade_id": "ps03_thinnest_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps03", 5, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "af3b5b5bf58417ba9bd380c5c6aee5fa", "grade": false, "grade_id": "ps03_own_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 6 (2 points): your own cluster
#
# Choose **your** cluster: set `my_cluster` in the answer cell to its id: `"lv_food"` (Vidzeme Food
# Cluster), `"dk_food"` (Jutland Food Network), `"lv_it"` (Riga Digital Cluster), `"se_energy"`
# (South Sweden Energy Cluster) or `"ee_logistics"` (Estonian Logistics Cluster). Map its members on
# its own chain, as in task 5. Which stage of the chain itself (kind `"chain"`) has the **most
# employees**? Give its stage code as `my_largest_stage`. The check compares it with the cluster
# you chose, and task 7 asks you to write about the same cluster.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "5df88b4a30e57292c8076f8b706b54b9", "grade": false, "grade_id": "ps03_own_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
my_cluster = "lv_it"  # your cluster: "lv_food", "dk_food", "lv_it", "se_energy" or "ee_logistics"
# YOUR CODE HERE
raise NotImplementedError()
my_map[["stage", "stage_name", "kind", "members", "employees", "gap"]]

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "8474f6cf83796148a642cfdfe75640dc", "grade": true, "grade_id": "ps03_own_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps03", 6, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "2c73bebc45d1e259f7a0b641852aa8df", "grade": false, "grade_id": "ps03_written_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## The written tasks
#
# Answer in plain language, as you would to a board: a short paragraph each (100-200 words). You
# may add code cells of your own above your answer: the cell below shows the map of your cluster
# (the cluster of task 6) and the main suppliers and buyers of the industries in the table; change `industry`
# to the table's code nearest to your cluster (`"food"`, `"ict"`, `"energy"` or
# `"transport_logistics"`) and run it again.

# %%
industry = "ict"  # the input-output industry nearest to your cluster
print(valuechain.suppliers(io.Z, io.x, industry, n=5).round(4).to_string(index=False))
print(valuechain.buyers(io.Z, io.x, industry, n=5).round(3).to_string(index=False))
ours = members[members["cluster"] == my_cluster]
valuechain.value_chain_map(ours, chain=valuechain.CLUSTER_CHAINS[my_cluster])

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "773ff8337d390378658f52391fea6661", "grade": false, "grade_id": "ps03_proposal_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 7 (written, 4 points): a project for your own cluster
#
# For the cluster you chose in task 6, propose **one** joint project with another industry (a
# cross-industry project, as food + packaging or IT + logistics in the lesson's section 7). Say which
# stages of your map and which partner industry take part and why each side would join, using at
# least **two numbers** from this assignment, the tables above or the lesson (coefficients, buyer
# shares, your map's members and employees, multipliers), and name one thing the numbers cannot
# tell you. Write your answer in the cell below this one.
#

# %% [markdown]
# *Write your answer to task 7 here (double-click to edit).*

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "8e1e0ebd59edf483e1d869b007111585", "grade": false, "grade_id": "ps03_limits_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 8 (written, 4 points): the limits of multipliers
#
# The regional agency's press release says: "The project will add EUR 2 million of paper packaging
# exports. With an employment multiplier of 14.8, that **creates 30 new jobs** in Latvia, and with
# an output multiplier of 1.94 it **adds EUR 3.9 million to the economy**." What is defensible in
# these two sentences, what is not, and how would you rephrase them? Write your answer in the cell
# below this one.
#

# %% [markdown]
# *Write your answer to task 8 here (double-click to edit).*

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "382c4bb7919d013c0d80f719e388e1f5", "grade": false, "grade_id": "ps03_summary", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.summary("ps03", globals())
