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

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "e63d0ae6f9daee4925a4e4ee5b0306c5", "grade": false, "grade_id": "ps01_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # Assignment ps01: cluster economics
#
# *About 90 minutes. 20 points: 12 checked automatically, 8 for two short written answers.*
#
# You advise the regional development agency of **Latgale** (`LV005`), in eastern Latvia, and
# colleagues in Tallinn and southern Sweden. Use the course library as in module 1: every task needs
# one to four lines of code. State each answer with the toolbox of the start page:
# `answers.value` (one number or code), `answers.values` (a list) and `answers.top` (the top rows).
# A one-row table, a column or a list works as well: the checks read any of them.
#
# The setup cell below makes five tables: `employment` (all years), `categories` (which NACE
# division belongs to which cluster category), `by_category` (employment by cluster category, all
# years), `in_2023` (NACE divisions, 2023) and `categories_2023` (cluster categories, 2023). Names
# from module 1 such as `category_end`, `start_year` or `growth` do not exist here until you make
# them. Each task names the functions to use; which table, which filter and which column to take
# are the decisions the lesson taught you, and they are yours.
#
# **How it works**
# - Replace `raise NotImplementedError()` in each answer cell with your code, and store the answer
#   under the name the task gives, with `name = ...` (the name on the left of `=`).
# - Run the check cell below each answer: it says `Task 1: right.`, or a `Hint:` that says what to
#   change (it never tells you the number). Your instructor's grading makes the same comparison.
# - Numbers typed from a table with the decimals the lesson shows (an LQ such as 2.21) count as
#   right; better still, take them with `answers.value`.
# - Before you hand in: *Kernel → Restart Kernel and Run All Cells*, read the list at the end of
#   the notebook (every task: right, not yet, or written), then **Validate**.
# - The data are the course's synthetic data (module 0); the reference area is all regions in the
#   table unless a task says otherwise; "2023" means the year 2023 of `regional_employment`.
#
# | Task | What | Points |
# |---|---|---|
# | 1 | Location quotients of wood products in Latgale, two reference areas | 2 |
# | 2 | European star rating in Latgale | 2 |
# | 3 | Shift-share of IT in Põhja-Eesti | 3 |
# | 4 | US "strong clusters" in Sydsverige | 2 |
# | 5 | Growth rate of the IT cluster in Rīga | 2 |
# | 6 | The most specialised region | 1 |
# | 7 | Written: read Latgale's cluster portfolio | 4 |
# | 8 | Written: recommend a priority | 4 |

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "0c5839f03ec7c40894843972c60330c4", "grade": false, "grade_id": "ps01_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import answers, data, economics, plots

employment = data.load("regional_employment")
categories = data.load("cluster_categories")
by_category = economics.aggregate_to_categories(employment, categories)
in_2023 = employment[employment["year"] == 2023]
categories_2023 = by_category[by_category["year"] == 2023]

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "25f7d3b4099edac0d3b3e45380863fe0", "grade": false, "grade_id": "ps01_lq_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 1 (2 points): how specialised is Latgale in wood products?
#
# Latgale's wood-processing firms want to know how specialised the region is in the manufacture
# of wood products (NACE `C16`) in 2023. Give its location quotient
# (a) with all regions of the table as the reference area, as `lq_latgale_wood`, and
# (b) with **Latvia** as the reference area, as `lq_latgale_wood_latvia`. One number each.
#
# As in the lesson's section 3: `economics.location_quotient` on a table of one year, then one
# value with `answers.value`. For (b) you decide which table to give it.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "4f6e96bdb80ac55d1af0c9a100564b12", "grade": false, "grade_id": "ps01_lq_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
lq_latgale_wood, lq_latgale_wood_latvia

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "6813c5e004dc8ff962a6ddd8aa4dfa21", "grade": true, "grade_id": "ps01_lq_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps01", 1, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "64c90d7e795f69be304e9c5c98293fd5", "grade": false, "grade_id": "ps01_stars_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): where does Latgale earn a star?
#
# With the European Cluster Observatory method (`economics.star_rating`, default thresholds) on the
# cluster categories of 2023 (all regions), in which categories does Latgale (`LV005`) earn **at
# least one star**? Give a list of category ids (the `category` column), as
# `latgale_starred_categories`. A wrong extra category costs as much as a right one earns.
#
# The lesson's section 4 shows how; which table you rate and which filter gives "at least one
# star" are yours to choose.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "622dd31821a9b32f04a7264f574dc2ae", "grade": false, "grade_id": "ps01_stars_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
latgale_starred_categories

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "3137b5075e7587f21d27d1f1b8a22a76", "grade": true, "grade_id": "ps01_stars_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps01", 2, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "87c02f432cf601406ff309e5ac83be41", "grade": false, "grade_id": "ps01_shift_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (3 points): where did Tallinn's IT jobs come from?
#
# Decompose the change in employment in computer programming (`J62`) in Põhja-Eesti (`EE001`)
# between 2013 and 2023 with classical shift-share (reference: all regions). Give the three parts
# as `tallinn_it_shift`: the one-row table of the result, or a dict with the keys
# `national_share`, `industry_mix` and `regional_shift` (the lesson's section 5 shows both). One
# point per part.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "38fd505446e3e105262a45d2b073683d", "grade": false, "grade_id": "ps01_shift_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
tallinn_it_shift

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "4355061e4af4f39b9db7a663f8f64e15", "grade": true, "grade_id": "ps01_shift_test", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps01", 3, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "7456de531d0b11c354993c037a32d462", "grade": false, "grade_id": "ps01_strong_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): strong clusters in Sydsverige
#
# Apply the US Cluster Mapping rule (`economics.cluster_strength`) as the lesson's section 7 does,
# to the cluster categories of 2023 that the rule is meant for. Which categories are *strong* in
# Sydsverige (`SE22`)? Give a list of category ids as `sydsverige_strong_clusters`.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "e0567ad248837cbec205a436bc1b1de1", "grade": false, "grade_id": "ps01_strong_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
sydsverige_strong_clusters

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "6a79568de4f2f508843c1dfb2b6cc384", "grade": true, "grade_id": "ps01_strong_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps01", 4, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "6f521acf05b5323fecb93480a4635fb4", "grade": false, "grade_id": "ps01_growth_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): how fast did Rīga's IT cluster grow per year?
#
# Give the compound annual growth rate (CAGR) of employment in the cluster category
# `it_electronics` in Rīga (`LV006`) from 2013 to 2023 as a fraction (0.05 means 5 % a year), as
# `riga_it_cagr`. `economics.growth` (the lesson's section 6) makes the table; which of its columns
# is the yearly rate?

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "2238271588a98c88e5ce1e231035eeae", "grade": false, "grade_id": "ps01_growth_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
riga_it_cagr

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "2b093574a16902648f5e010412009bdb", "grade": true, "grade_id": "ps01_growth_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps01", 5, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "0946d458e27dbe90059aab72881c2fd3", "grade": false, "grade_id": "ps01_krugman_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 6 (1 point): the most specialised region
#
# Which region's economy differs most from the rest of the Baltic Sea Region in 2023, by NACE
# divisions? Use the Krugman specialisation index with the *rest of the area* as the reference
# (`economics.krugman_index(..., reference="rest")`, the lesson's section 8) and give the region's
# NUTS code as `most_specialised_region` (text such as `"LV008"`). Which of the set-up's 2023
# tables holds NACE divisions?

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "bfbe0a17dd57f6aedbf1712b558a54c0", "grade": false, "grade_id": "ps01_krugman_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
most_specialised_region

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "f030138bfb43e28f159c46fe854536ab", "grade": true, "grade_id": "ps01_krugman_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.check_task("ps01", 6, globals())

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "14f08e5cc758d8ba4353e68ff3a73dd8", "grade": false, "grade_id": "ps01_portfolio_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## The written tasks
#
# The chart below is Latgale's cluster portfolio: traded cluster categories with at least 500 jobs
# in 2023, their location quotient in 2023 against their employment growth 2013-2023 (in the
# table under the chart, growth in %). Answer in plain language, as you would to the agency's
# board: a short paragraph each (80-150 words).

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "e95ca7e10a704bc4efdc1575d53c5d1f", "grade": false, "grade_id": "ps01_portfolio_chart", "locked": true, "schema_version": 3, "solution": false, "task": false}
profile = economics.region_profile(employment, categories, region_code="LV005", start=2013, end=2023)
latgale = profile[profile["traded"] & (profile["employment"] >= 500)]
plots.portfolio_chart(latgale, title="Cluster portfolio of Latgale, 2013-2023")
latgale.assign(growth_percent=100 * latgale["growth_rate"])[
    ["category_name", "employment", "lq", "growth_percent", "stars"]
].round(2)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "7d87f1a008ed1ca693dfb90c4099463d", "grade": false, "grade_id": "ps01_portfolio_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 7 (written, 4 points): read the portfolio
#
# Which of Latgale's clusters are *strong and growing*, which are *strong but declining*, and what
# does the chart **not** tell you? Write your answer in the cell below this one.
#

# %% [markdown]
# *Write your answer to task 7 here (double-click to edit).*

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "15b99404d73d6591bc56bcb00668c6c7", "grade": false, "grade_id": "ps01_priority_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 8 (written, 4 points): recommend a priority
#
# The agency can support one cluster initiative in Latgale for the next five years. Which cluster
# should it prioritise, and why? Use **at least two different measures** from this assignment or the
# lesson (LQ, stars, shift-share, US rule, growth) and name one risk of your choice. Write your answer
# in the cell below this one.
#

# %% [markdown]
# *Write your answer to task 8 here (double-click to edit).*

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "62f29b5b4f5daf847a59c48411152daf", "grade": false, "grade_id": "ps01_summary", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.summary("ps01", globals())
