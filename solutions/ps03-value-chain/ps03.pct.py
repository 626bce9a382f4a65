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

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% nbgrader={"grade": false, "grade_id": "ps03_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import answers, data, valuechain

table = data.load("io_table")
io = valuechain.io_accounts(table)
members = data.load("cluster_members")

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_coefficient_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 1 (2 points): how much paper packaging goes into a euro of beverages?
#
# Give the **technical coefficient** of paper packaging (`paper_packaging`) in the beverages
# industry (`beverages`): what beverages buy from paper packaging per euro of their own output, as
# `beverages_paper_coefficient` (one number, e.g. 0.02 for 2 cents).
#
# The lesson's section 3 made the table of the food industry's suppliers; here you need the table of
# the suppliers of **beverages** (`valuechain.suppliers(io.Z, io.x, ...)`), and the right row and
# column of it.

# %% nbgrader={"grade": false, "grade_id": "ps03_coefficient_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
beverage_suppliers = valuechain.suppliers(io.Z, io.x, "beverages")
beverages_paper_coefficient = answers.value(
    beverage_suppliers, "input_coefficient", industry="paper_packaging"
)
### END SOLUTION
beverages_paper_coefficient

# %% nbgrader={"grade": true, "grade_id": "ps03_coefficient_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps03", 1, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps03", 1, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_leontief_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): the farms behind a euro of beverages
#
# With the **Leontief inverse** of the table: how much agricultural output (`agriculture`) does one
# euro of final demand for beverages (`beverages`) need, directly and indirectly? Give it as
# `beverages_agriculture_total` (one number). The lesson's section 4 shows which column holds it.

# %% nbgrader={"grade": false, "grade_id": "ps03_leontief_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
beverage_suppliers = valuechain.suppliers(io.Z, io.x, "beverages")
beverages_agriculture_total = answers.value(
    beverage_suppliers, "total_requirement", industry="agriculture"
)
### END SOLUTION
beverages_agriculture_total

# %% nbgrader={"grade": true, "grade_id": "ps03_leontief_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps03", 2, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps03", 2, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_multiplier_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (2 points): jobs behind paper packaging
#
# The packaging members want to tell the regional agency what their industry means for jobs. Give
# the **employment multiplier** of paper packaging (`paper_packaging`): persons employed in the
# whole economy per EUR 1 million of final demand for paper packaging, as
# `packaging_jobs_multiplier` (one number). The table of the lesson's section 5 has several columns
# of jobs: which one is it?

# %% nbgrader={"grade": false, "grade_id": "ps03_multiplier_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
multipliers = valuechain.multipliers(io)
packaging_jobs_multiplier = answers.value(
    multipliers, "employment_multiplier", industry="paper_packaging"
)
### END SOLUTION
packaging_jobs_multiplier

# %% nbgrader={"grade": true, "grade_id": "ps03_multiplier_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps03", 3, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps03", 3, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_key_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): key sectors, looking at supply
#
# Compute the Rasmussen-Hirschman linkages with the **supply-side forward index** from the Ghosh
# inverse (the lesson's section 6 names the option). Which industries are **key sectors**? Give a
# list of industry codes (the `industry` column) as `key_sectors_supply_side`. A wrong extra industry
# costs as much as a right one earns.

# %% nbgrader={"grade": false, "grade_id": "ps03_key_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
links = valuechain.linkages(io.Z, io.x, method="ghosh")
key_sectors_supply_side = answers.values(links, "industry", type="key")
### END SOLUTION
key_sectors_supply_side

# %% nbgrader={"grade": true, "grade_id": "ps03_key_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps03", 4, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps03", 4, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_thinnest_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% nbgrader={"grade": false, "grade_id": "ps03_thinnest_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
energy = members[members["cluster"] == "se_energy"]
energy_map = valuechain.value_chain_map(energy, chain=valuechain.CLUSTER_CHAINS["se_energy"])
thinnest_row = answers.top(energy_map, "members", n=3, kind="chain").tail(1)
energy_thinnest_stage = answers.value(thinnest_row, "stage")
### END SOLUTION
energy_thinnest_stage

# %% nbgrader={"grade": true, "grade_id": "ps03_thinnest_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps03", 5, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps03", 5, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_own_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 6 (2 points): your own cluster
#
# Choose **your** cluster: set `my_cluster` in the answer cell to its id: `"lv_food"` (Vidzeme Food
# Cluster), `"dk_food"` (Jutland Food Network), `"lv_it"` (Riga Digital Cluster), `"se_energy"`
# (South Sweden Energy Cluster) or `"ee_logistics"` (Estonian Logistics Cluster). Map its members on
# its own chain, as in task 5. Which stage of the chain itself (kind `"chain"`) has the **most
# employees**? Give its stage code as `my_largest_stage`. The check compares it with the cluster
# you chose, and task 7 asks you to write about the same cluster.

# %% nbgrader={"grade": false, "grade_id": "ps03_own_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
my_cluster = "lv_it"  # your cluster: "lv_food", "dk_food", "lv_it", "se_energy" or "ee_logistics"
### BEGIN SOLUTION
ours = members[members["cluster"] == my_cluster]
my_map = valuechain.value_chain_map(ours, chain=valuechain.CLUSTER_CHAINS[my_cluster])
my_largest_stage = answers.value(answers.top(my_map, "employees", n=1, kind="chain"), "stage")
### END SOLUTION
my_map[["stage", "stage_name", "kind", "members", "employees", "gap"]]

# %% nbgrader={"grade": true, "grade_id": "ps03_own_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps03", 6, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps03", 6, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_written_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_proposal_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 7 (written, 4 points): a project for your own cluster
#
# For the cluster you chose in task 6, propose **one** joint project with another industry (a
# cross-industry project, as food + packaging or IT + logistics in the lesson's section 7). Say which
# stages of your map and which partner industry take part and why each side would join, using at
# least **two numbers** from this assignment, the tables above or the lesson (coefficients, buyer
# shares, your map's members and employees, multipliers), and name one thing the numbers cannot
# tell you. Write your answer in the cell below this one.
#
# === BEGIN MARK SCHEME ===
# Award up to 4 points; any well-argued project for any course cluster can earn full marks.
# - 1 point: a concrete project with named participants by stage of the learner's own map (task 6)
#   and a partner industry (e.g. IT: software houses with transport firms on route planning,
#   tracking, paperless customs; energy: engineering and installation with construction; logistics:
#   warehousing with ICT; food: processing with packaging).
# - 1 point: at least two numbers read correctly from the tables, e.g. for lv_it software and IT
#   services 27 members and 759 employees, data and platforms 3 members; transport buys EUR 94.4
#   million of ICT, about 3 % of ICT's output, 1.5 cents per euro directly and about 3.1 cents in
#   all; for se_energy engineering and installation is the thinnest link (4 members); for food,
#   paper and plastic packaging 4 and 3.5 cents per euro, food takes 21.6 % of paper packaging.
# - 1 point: explains why each side would join, and that the dependence is lopsided (one side is a
#   small cost for the other, but a large market for the first).
# - 1 point: a limit of the evidence: the table is fictional and national, not regional;
#   coefficients are averages; stages are self-declared or placed by NACE division; the numbers do
#   not show willingness, capacity, prices or competition between members; interviews are needed.
# Deduct 1 point for a claim the numbers contradict, or for a cluster other than the one chosen in
# task 6 without saying why.
# === END MARK SCHEME ===

# %% [markdown]
# *Write your answer to task 7 here (double-click to edit).*

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps03_limits_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 8 (written, 4 points): the limits of multipliers
#
# The regional agency's press release says: "The project will add EUR 2 million of paper packaging
# exports. With an employment multiplier of 14.8, that **creates 30 new jobs** in Latvia, and with
# an output multiplier of 1.94 it **adds EUR 3.9 million to the economy**." What is defensible in
# these two sentences, what is not, and how would you rephrase them? Write your answer in the cell
# below this one.
#
# === BEGIN MARK SCHEME ===
# Award up to 4 points:
# - 1 point: the arithmetic is the standard reading (2 x 14.8 = 30 persons, 2 x 1.94 = 3.9 million
#   of output) under the model's assumptions, and the multipliers measure how connected paper
#   packaging is as a buyer.
# - 1 point: "creates jobs" is not defensible: multipliers assume fixed recipes (constant
#   coefficients), spare capacity, no price or wage effects, no displacement of other firms; firms
#   with idle capacity or rising productivity hire fewer; the jobs are persons employed on average,
#   not new full-time posts.
# - 1 point: "adds EUR 3.9 million to the economy" double-counts: output includes every stage's
#   purchases; income is value added (about 0.66 per euro, about EUR 1.3 million), and imports leak
#   out (about a third).
# - 1 point: another limit or a good rephrasing: the table is national (a region buys more from
#   outside, so regional effects are smaller), one year, fictional; multipliers of different
#   projects cannot be added; a rephrasing such as "goes with about 30 jobs and EUR 1.3 million of
#   value added across the economy, if recipes stay as they are".
# === END MARK SCHEME ===

# %% [markdown]
# *Write your answer to task 8 here (double-click to edit).*

# %% nbgrader={"grade": false, "grade_id": "ps03_summary", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.summary("ps03", globals())
