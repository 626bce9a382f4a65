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

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% nbgrader={"grade": false, "grade_id": "ps01_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import answers, data, economics, plots

employment = data.load("regional_employment")
categories = data.load("cluster_categories")
by_category = economics.aggregate_to_categories(employment, categories)
in_2023 = employment[employment["year"] == 2023]
categories_2023 = by_category[by_category["year"] == 2023]

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_lq_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 1 (2 points): how specialised is Latgale in wood products?
#
# Latgale's wood-processing firms want to know how specialised the region is in the manufacture
# of wood products (NACE `C16`) in 2023. Give its location quotient
# (a) with all regions of the table as the reference area, as `lq_latgale_wood`, and
# (b) with **Latvia** as the reference area, as `lq_latgale_wood_latvia`. One number each.
#
# As in the lesson's section 3: `economics.location_quotient` on a table of one year, then one
# value with `answers.value`. For (b) you decide which table to give it.

# %% nbgrader={"grade": false, "grade_id": "ps01_lq_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
lq = economics.location_quotient(in_2023)
lq_latgale_wood = answers.value(lq, "lq", region="LV005", industry="C16")
lq_latvia = economics.location_quotient(in_2023[in_2023["country"] == "LV"])
lq_latgale_wood_latvia = answers.value(lq_latvia, "lq", region="LV005", industry="C16")
### END SOLUTION
lq_latgale_wood, lq_latgale_wood_latvia

# %% nbgrader={"grade": true, "grade_id": "ps01_lq_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps01", 1, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps01", 1, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_stars_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): where does Latgale earn a star?
#
# With the European Cluster Observatory method (`economics.star_rating`, default thresholds) on the
# cluster categories of 2023 (all regions), in which categories does Latgale (`LV005`) earn **at
# least one star**? Give a list of category ids (the `category` column), as
# `latgale_starred_categories`. A wrong extra category costs as much as a right one earns.
#
# The lesson's section 4 shows how; which table you rate and which filter gives "at least one
# star" are yours to choose.

# %% nbgrader={"grade": false, "grade_id": "ps01_stars_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
stars = economics.star_rating(categories_2023)
latgale_starred_categories = answers.values(stars, "category", region="LV005", stars=[1, 2, 3])
### END SOLUTION
latgale_starred_categories

# %% nbgrader={"grade": true, "grade_id": "ps01_stars_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps01", 2, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps01", 2, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_shift_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (3 points): where did Tallinn's IT jobs come from?
#
# Decompose the change in employment in computer programming (`J62`) in Põhja-Eesti (`EE001`)
# between 2013 and 2023 with classical shift-share (reference: all regions). Give the three parts
# as `tallinn_it_shift`: the one-row table of the result, or a dict with the keys
# `national_share`, `industry_mix` and `regional_shift` (the lesson's section 5 shows both). One
# point per part.

# %% nbgrader={"grade": false, "grade_id": "ps01_shift_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
shifts = economics.shift_share(employment, start=2013, end=2023)
tallinn_it_shift = answers.top(shifts, "total_change", n=1, region="EE001", industry="J62")
### END SOLUTION
tallinn_it_shift

# %% nbgrader={"grade": true, "grade_id": "ps01_shift_test", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps01", 3, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps01", 3, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_strong_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): strong clusters in Sydsverige
#
# Apply the US Cluster Mapping rule (`economics.cluster_strength`) as the lesson's section 7 does,
# to the cluster categories of 2023 that the rule is meant for. Which categories are *strong* in
# Sydsverige (`SE22`)? Give a list of category ids as `sydsverige_strong_clusters`.

# %% nbgrader={"grade": false, "grade_id": "ps01_strong_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
traded = categories_2023[categories_2023["traded"]]
strength = economics.cluster_strength(traded)
sydsverige_strong_clusters = answers.values(strength, "category", region="SE22", strong=True)
### END SOLUTION
sydsverige_strong_clusters

# %% nbgrader={"grade": true, "grade_id": "ps01_strong_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps01", 4, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps01", 4, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_growth_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): how fast did Rīga's IT cluster grow per year?
#
# Give the compound annual growth rate (CAGR) of employment in the cluster category
# `it_electronics` in Rīga (`LV006`) from 2013 to 2023 as a fraction (0.05 means 5 % a year), as
# `riga_it_cagr`. `economics.growth` (the lesson's section 6) makes the table; which of its columns
# is the yearly rate?

# %% nbgrader={"grade": false, "grade_id": "ps01_growth_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
growth = economics.growth(by_category, start=2013, end=2023, industry="category")
riga_it_cagr = answers.value(growth, "cagr", region="LV006", category="it_electronics")
### END SOLUTION
riga_it_cagr

# %% nbgrader={"grade": true, "grade_id": "ps01_growth_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps01", 5, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps01", 5, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_krugman_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 6 (1 point): the most specialised region
#
# Which region's economy differs most from the rest of the Baltic Sea Region in 2023, by NACE
# divisions? Use the Krugman specialisation index with the *rest of the area* as the reference
# (`economics.krugman_index(..., reference="rest")`, the lesson's section 8) and give the region's
# NUTS code as `most_specialised_region` (text such as `"LV008"`). Which of the set-up's 2023
# tables holds NACE divisions?

# %% nbgrader={"grade": false, "grade_id": "ps01_krugman_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
krugman = economics.krugman_index(in_2023, reference="rest")
most_specialised_region = answers.value(answers.top(krugman, "krugman", n=1), "region")
### END SOLUTION
most_specialised_region

# %% nbgrader={"grade": true, "grade_id": "ps01_krugman_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
from course import scoring

### BEGIN HIDDEN TESTS
scoring.autograding()
### END HIDDEN TESTS
scoring.check_task("ps01", 6, globals())
### BEGIN HIDDEN TESTS
from importlib.util import find_spec
from runpy import run_path

run_path(find_spec("course.scoring").origin)["score_task"]("ps01", 6, globals())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_portfolio_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## The written tasks
#
# The chart below is Latgale's cluster portfolio: traded cluster categories with at least 500 jobs
# in 2023, their location quotient in 2023 against their employment growth 2013-2023 (in the
# table under the chart, growth in %). Answer in plain language, as you would to the agency's
# board: a short paragraph each (80-150 words).

# %% nbgrader={"grade": false, "grade_id": "ps01_portfolio_chart", "locked": true, "schema_version": 3, "solution": false, "task": false}
profile = economics.region_profile(employment, categories, region_code="LV005", start=2013, end=2023)
latgale = profile[profile["traded"] & (profile["employment"] >= 500)]
plots.portfolio_chart(latgale, title="Cluster portfolio of Latgale, 2013-2023")
latgale.assign(growth_percent=100 * latgale["growth_rate"])[
    ["category_name", "employment", "lq", "growth_percent", "stars"]
].round(2)

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_portfolio_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 7 (written, 4 points): read the portfolio
#
# Which of Latgale's clusters are *strong and growing*, which are *strong but declining*, and what
# does the chart **not** tell you? Write your answer in the cell below this one.
#
# === BEGIN MARK SCHEME ===
# Award up to 4 points:
# - 1 point: names at least one strong (LQ > 1) and growing category correctly from the chart (in the
#   course data: plastics and rubber with LQ about 3.2 and two stars; also machinery, transport and
#   logistics, business services just above 1).
# - 1 point: names at least one strong but declining category (agriculture and fishing; textiles,
#   apparel and leather; forestry and wood is flat to slightly down) and says what declining means
#   for the region (jobs at risk, need to modernise or reconvert).
# - 1 point: a limitation of the chart: employment is not value added or productivity; LQs depend on
#   the reference area; small categories are volatile; growth over one period hides the path; the
#   data are synthetic.
# - 1 point: clear, correct use of terms for a board (LQ as relative specialisation, not size;
#   growth in jobs, not in turnover).
# A model answer: "Plastics and rubber is Latgale's stand-out: three times as concentrated as in the
# Baltic Sea Region and still growing, with two European stars. Forestry and wood is even larger and
# strongly specialised, but flat; agriculture and textiles are specialised and shrinking, the
# textbook 'strong but declining' quadrant where jobs are at risk. The chart shows jobs, not value
# added, exports or wages, and the LQs would be lower against Latvia alone."
# === END MARK SCHEME ===

# %% [markdown]
# *Write your answer to task 7 here (double-click to edit).*

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_priority_task", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": true}
# ## Task 8 (written, 4 points): recommend a priority
#
# The agency can support one cluster initiative in Latgale for the next five years. Which cluster
# should it prioritise, and why? Use **at least two different measures** from this assignment or the
# lesson (LQ, stars, shift-share, US rule, growth) and name one risk of your choice. Write your answer
# in the cell below this one.
#
# === BEGIN MARK SCHEME ===
# Award up to 4 points; any well-argued choice can earn full marks.
# - 1 point: a clear recommendation of one category.
# - 1 point: supports it with at least two measures read correctly (e.g. plastics: LQ about 3, two
#   stars, strong under the US rule, positive growth; forestry and wood: largest specialised
#   category, two stars, strong, but flat; a positive regional shift from shift-share).
# - 1 point: links the choice to cluster logic: related industries and value chains (plastics and
#   packaging for the Latvian food clusters; wood to furniture and bio-economy), Marshall's
#   externalities, or a cross-regional partner.
# - 1 point: names a real risk or limitation (dependence on few firms in a small category, energy
#   prices for plastics, decline of agriculture or textiles competing for support, synthetic data, the
#   need to check with firm interviews).
# Deduct nothing for a choice different from the model; deduct 1 point for a recommendation that
# contradicts the numbers (e.g. prioritising textiles "because it is growing").
# === END MARK SCHEME ===

# %% [markdown]
# *Write your answer to task 8 here (double-click to edit).*

# %% nbgrader={"grade": false, "grade_id": "ps01_summary", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import scoring

scoring.summary("ps01", globals())
