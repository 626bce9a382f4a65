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

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "d5e44250bda762d23ce312ee60446ad5", "grade": false, "grade_id": "ps03_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment ps03: value chain analysis
#
# *About 70 minutes. 18 points: 10 checked automatically, 8 for two short written answers.*
#
# The Vidzeme Food Cluster and the Jutland Food Network are writing their food + packaging project;
# the South Sweden Energy Cluster has asked for a look at its own chain. Use the course library as in
# module 3: every task needs one to three lines of code. State each answer with the toolbox:
# `answers.value` (one number or code) and `answers.values` (a list). A one-row table, a column or a
# list works as well: the checks read any of them.
#
# **How it works**
# - Replace `raise NotImplementedError()` in each answer cell with your code; keep the variable names.
# - Run the check cell below each answer: no error means the *visible* checks pass; a `Hint:` says
#   what to change. Your instructor runs more (hidden) checks; the feedback you get back says in one
#   line what each of them found.
# - Before you hand in: *Kernel → Restart Kernel and Run All Cells*, then **Validate**.
# - The input-output table is the course's fictional `io_table` (EUR million); `io` holds its parts
#   (`io.Z`, `io.x`, `io.names`, ...), as in the lesson.
#
# | Task | What | Points |
# |---|---|---|
# | 1 | A technical coefficient: paper packaging in beverages | 2 |
# | 2 | The Leontief inverse: agriculture behind beverages | 2 |
# | 3 | An employment multiplier: paper packaging | 2 |
# | 4 | Key sectors with the supply-side forward index | 2 |
# | 5 | The gaps in the energy cluster's chain | 2 |
# | 6 | Written: a cross-industry project proposal | 4 |
# | 7 | Written: the limits of multipliers | 4 |

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "392bcb543dd87bcdf8e15eff0bd64c42", "grade": false, "grade_id": "ps03_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import answers, data, plots, valuechain  # noqa: F401 (answers: the toolbox for your answers)

table = data.load("io_table")
io = valuechain.io_accounts(table)
members = data.load("cluster_members")
# the stages of an energy chain: no processing or packaging stage
energy_chain = [
    "inputs",
    "primary_production",
    "logistics_distribution",
    "retail_services",
    "technology_provider",
    "research_education",
    "support_services",
]

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "1428361d6fa918e084785f5532d18a37", "grade": false, "grade_id": "ps03_coefficient_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 1 (2 points): how much paper packaging goes into a euro of beverages?
#
# Give the **technical coefficient** of paper packaging (`paper_packaging`) in the beverages
# industry (`beverages`): what beverages buy from paper packaging per euro of their own output, as
# `beverages_paper_coefficient` (one number, e.g. 0.02 for 2 cents).
#
# The lesson's `chain_suppliers` is not defined here, and it was the food industry's table: first
# make the table of the suppliers of beverages with `valuechain.suppliers(io.Z, io.x, ...)`.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "b004467eba23307958c74b9f9cbe6a8d", "grade": false, "grade_id": "ps03_coefficient_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
beverages_paper_coefficient

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "79427bccdaf6dd0af86703aa002272ac", "grade": true, "grade_id": "ps03_coefficient_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_given = scoring.number(
    scoring.answer(globals(), "beverages_paper_coefficient", task=1),
    task=1,
    name="beverages_paper_coefficient",
    column="input_coefficient",
    example="answers.value(suppliers, 'input_coefficient', industry=...)",
)
_sellers = valuechain.buyers(io.Z, io.x, "paper_packaging")
_total = valuechain.suppliers(io.Z, io.x, "beverages")


def _near(a, b):
    return abs(a - b) <= 1e-3 * abs(b)


_food = valuechain.suppliers(io.Z, io.x, "food")
scoring.check(
    _given < 1,
    "Task 1: that looks like EUR million of purchases, or a percentage: a coefficient is per euro "
    "of the buyer's output (the column 'input_coefficient', not 'purchases'), e.g. 0.02 for 2 "
    "cents.",
)
scoring.check(
    _given > 0,
    "Task 1: 0 is what paper packaging buys from beverages: the supplier is the row, the buyer the "
    "column. Take the suppliers of beverages, valuechain.suppliers(io.Z, io.x, 'beverages'), and "
    "the row of paper_packaging.",
)
scoring.check(
    not _near(_given, answers.value(_food, "input_coefficient", industry="paper_packaging")),
    "Task 1: that is the food industry's coefficient (the lesson's chain_suppliers): the task asks "
    "for the suppliers of beverages, valuechain.suppliers(io.Z, io.x, 'beverages').",
)
scoring.check(
    not _near(_given, answers.value(_sellers, "allocation_coefficient", industry="beverages")),
    "Task 1: that is the share of paper packaging's output sold to beverages: the technical "
    "coefficient divides by the output of the buyer (beverages), not of the seller.",
)
scoring.check(
    not _near(_given, answers.value(_total, "total_requirement", industry="paper_packaging")),
    "Task 1: that is the total (direct and indirect) requirement from the Leontief inverse: the "
    "task asks for the direct coefficient, what beverages buy themselves.",
)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "f7bdad222c9c1aa45cdb33d0a3413ef9", "grade": false, "grade_id": "ps03_leontief_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): the farms behind a euro of beverages
#
# With the **Leontief inverse** of the table: how much agricultural output (`agriculture`) does one
# euro of final demand for beverages (`beverages`) need, directly and indirectly? Give it as
# `beverages_agriculture_total` (one number).

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "826ec7a6d2735e3e9887383f9e7a5d6e", "grade": false, "grade_id": "ps03_leontief_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
beverages_agriculture_total

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "4357c65321cc1db1c8ff52f0ffe4a2eb", "grade": true, "grade_id": "ps03_leontief_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_given = scoring.number(
    scoring.answer(globals(), "beverages_agriculture_total", task=2),
    task=2,
    name="beverages_agriculture_total",
    column="total_requirement",
    example="answers.value(suppliers, 'total_requirement', industry=...)",
)
_beverages = valuechain.suppliers(io.Z, io.x, "beverages")
_direct = answers.value(_beverages, "input_coefficient", industry="agriculture")
_indirect = answers.value(_beverages, "indirect_requirement", industry="agriculture")
_food_total = answers.value(
    valuechain.suppliers(io.Z, io.x, "food"), "total_requirement", industry="agriculture"
)
scoring.check(
    _given >= 0,
    "Task 2: a total requirement is never negative: the Leontief inverse is (I - A)^-1, the "
    "inverse of I - A, not I - A itself (valuechain.leontief_inverse computes it).",
)
scoring.check(
    abs(_given - _direct) > 1e-3 * _direct,
    "Task 2: that is the direct coefficient (matrix A): the total adds what the suppliers of "
    "beverages buy from farms in turn, the Leontief inverse (column 'total_requirement').",
)
scoring.check(
    abs(_given - _indirect) > 1e-3 * _indirect,
    "Task 2: that is only the indirect part (column 'indirect_requirement'): the task asks for "
    "the total, direct and indirect (column 'total_requirement').",
)
scoring.check(
    abs(_given - _food_total) > 1e-3 * _food_total,
    "Task 2: that is the agriculture behind a euro of food (the lesson's chain_suppliers): the "
    "task asks for beverages, valuechain.suppliers(io.Z, io.x, 'beverages').",
)
scoring.check(
    _given > _direct,
    "Task 2: the total requirement is at least the direct purchase: check the row "
    "(agriculture) and the column (beverages) of the Leontief inverse.",
)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "f1e73c5015ddc7633d0913ff6fafb914", "grade": false, "grade_id": "ps03_multiplier_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (2 points): jobs behind paper packaging
#
# The packaging members want to tell the regional agency what their industry means for jobs. Give
# the **employment multiplier** of paper packaging (`paper_packaging`): persons employed in the
# whole economy per EUR 1 million of final demand for paper packaging, as
# `packaging_jobs_multiplier` (one number).

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "e69a0636324c56b8b4c42b4b9a231d68", "grade": false, "grade_id": "ps03_multiplier_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
packaging_jobs_multiplier

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "4e0e8f0d691208bb4cb5838d533f7fc0", "grade": true, "grade_id": "ps03_multiplier_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_given = scoring.number(
    scoring.answer(globals(), "packaging_jobs_multiplier", task=3),
    task=3,
    name="packaging_jobs_multiplier",
    column="employment_multiplier",
    example="answers.value(multipliers, 'employment_multiplier', industry=...)",
)
_row = valuechain.multipliers(io)
_wrong = {
    "direct_employment": "that counts only the jobs in paper packaging itself (direct "
    "employment): the multiplier counts the jobs in every industry of the chain",
    "employment_type_i": "that is the type I multiplier, a ratio of total to direct jobs: the "
    "task asks for persons per EUR 1 million of final demand",
    "output_multiplier": "that is the output multiplier, in euros of output: the task asks for "
    "persons employed",
    "value_added_multiplier": "that is the value-added multiplier, in euros: the task asks for "
    "persons employed",
}
for _column, _message in _wrong.items():
    _value = answers.value(_row, _column, industry="paper_packaging")
    scoring.check(abs(_given - _value) > 1e-3 * abs(_value), f"Task 3: {_message}.")
scoring.check(
    _given >= 1,
    "Task 3: give persons per EUR 1 million (the course library converts the table's thousand "
    "persons to persons): a number below 1 looks like thousands, or like a share.",
)
for _other in _row["industry"]:
    if _other != "paper_packaging":  # another industry's multiplier, also rounded to 0.1
        _value = answers.value(_row, "employment_multiplier", industry=_other)
        scoring.check(
            abs(_given - _value) > 0.05,
            f"Task 3: that is the employment multiplier of {_other}: the task asks for paper "
            "packaging, the row industry='paper_packaging'.",
        )

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "b5bc9cbb691cda9d51c681987b0e9c82", "grade": false, "grade_id": "ps03_key_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): key sectors, looking at supply
#
# Compute the Rasmussen-Hirschman linkages with the **supply-side forward index** from the Ghosh
# inverse (`method="ghosh"`). Which industries are **key sectors**? Give a list of industry codes
# (the `industry` column) as `key_sectors_supply_side`. A wrong extra industry costs as much as a
# right one earns.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "4c4274d878761ea9711322042ddcea38", "grade": false, "grade_id": "ps03_key_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
key_sectors_supply_side

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "7a5d76f6ce437bf7e5ccff8fa1d5372a", "grade": true, "grade_id": "ps03_key_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_key = scoring.items(
    scoring.answer(globals(), "key_sectors_supply_side", task=4),
    task=4,
    name="key_sectors_supply_side",
    column="industry",
    example="answers.values(links, 'industry', type=...)",
)
scoring.check(
    set(_key) <= set(io.Z.index),
    "Task 4: give industry codes as written in the 'industry' column, such as 'fishing'.",
)
_default = valuechain.linkages(io.Z, io.x)
scoring.check(
    set(_key) != set(answers.values(_default, "industry", type="key")),
    "Task 4: these are the key sectors with the default forward index (the rows of the Leontief "
    "inverse): the task asks for the supply-side index, valuechain.linkages(..., method='ghosh').",
)
scoring.check_none_of(
    _key,
    _default.loc[_default["backward"] <= 1, "industry"],
    "{item} has a backward linkage below 1: a key sector needs both indices above 1.",
    task=4,
)
_ghosh = valuechain.linkages(io.Z, io.x, method="ghosh")
scoring.check_none_of(
    _key,
    _ghosh.loc[_ghosh["forward"] <= 1, "industry"],
    "{item} has a supply-side (Ghosh) forward linkage below 1: a key sector needs both indices "
    "above 1 (type='backward' lists the industries with only a strong backward linkage).",
    task=4,
)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "50164a31867ae2c1b50f2d6f535dc1e8", "grade": false, "grade_id": "ps03_gaps_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): what is missing in the energy cluster's chain?
#
# Map the members of the **South Sweden Energy Cluster** (`se_energy` in the column `cluster` of
# `members`) on the stages of an energy chain (`energy_chain`, given in the first cell). Which
# stages of its chain are **gaps**? Give a list of stage codes (the `stage` column) as
# `energy_cluster_gaps`.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "de8709a679ef5074000f7027a4336425", "grade": false, "grade_id": "ps03_gaps_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
energy_cluster_gaps

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "cb880c50a5b8b167128ab44be19c89b0", "grade": true, "grade_id": "ps03_gaps_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_gaps = scoring.items(
    scoring.answer(globals(), "energy_cluster_gaps", task=5),
    task=5,
    name="energy_cluster_gaps",
    column="stage",
    example="answers.values(energy_map, 'stage', gap=True)",
)
scoring.check(
    set(_gaps) <= set(valuechain.value_chain_stages()["stage"]),
    "Task 5: give stage codes as written in the 'stage' column, such as 'inputs'.",
)
scoring.check_none_of(
    _gaps,
    sorted(set(valuechain.value_chain_stages()["stage"]) - set(energy_chain)),
    "{item} is not a stage of an energy chain: map the members with stages=energy_chain.",
    task=5,
)
_energy_members = members[members["cluster"] == "se_energy"]
scoring.check_none_of(
    _gaps,
    _energy_members["value_chain_stage"].unique(),
    "{item} has members in the South Sweden Energy Cluster, so it is not a gap: check that you "
    "kept the rows of cluster 'se_energy'.",
    task=5,
)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "a0f25f2549095c62ac34caba5f87d8a4", "grade": false, "grade_id": "ps03_written_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## The written tasks
#
# The cell below shows what the lesson found for the food + packaging case: the main suppliers of
# the food industry, the main buyers of the two packaging industries, and the value-chain maps of the
# two food clusters. Answer in plain language, as you would to a board: a short paragraph each
# (100-200 words). You may add code cells of your own above your answer.

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "785e592291b97aaf2ca0a1d327e61a5f", "grade": false, "grade_id": "ps03_case_tables", "locked": true, "schema_version": 3, "solution": false, "task": false}
food_suppliers = valuechain.suppliers(io.Z, io.x, "food", n=6)
paper_buyers = valuechain.buyers(io.Z, io.x, "paper_packaging", n=3)
plastic_buyers = valuechain.buyers(io.Z, io.x, "plastic_packaging", n=3)
maps = valuechain.value_chain_map(
    members[members["cluster"].isin(["lv_food", "dk_food"])], by="cluster"
)
print(food_suppliers.round(3).to_string(index=False))
print(paper_buyers.round(3).to_string(index=False))
print(plastic_buyers.round(3).to_string(index=False))
maps.pivot_table(index="stage_name", columns="cluster", values="members", sort=False)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "bf4ab78078881ed08584d27d71c428d0", "grade": false, "grade_id": "ps03_proposal_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 6 (written, 4 points): a cross-industry project proposal
#
# Propose **one** joint food + packaging project for the Vidzeme Food Cluster and the Jutland Food
# Network. Say which members (stages, industries) take part and why each side would join, using at
# least **two numbers** from the tables above or the lesson (coefficients, buyer shares, gaps,
# multipliers), and name one thing the numbers cannot tell you. Write your answer in the cell below
# this one.
#

# %% [markdown]
# *Write your answer to task 6 here (double-click to edit).*

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "a52d9a7f45752f96d674a36e44d6092c", "grade": false, "grade_id": "ps03_limits_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 7 (written, 4 points): the limits of multipliers
#
# The regional agency's press release says: "The project will add EUR 2 million of food exports.
# With an employment multiplier of 23.6, that **creates 47 new jobs** in Latvia, and with an output
# multiplier of 2.16 it **adds EUR 4.3 million to the economy**." What is defensible in these two
# sentences, what is not, and how would you rephrase them? Write your answer in the cell below this
# one.
#

# %% [markdown]
# *Write your answer to task 7 here (double-click to edit).*
