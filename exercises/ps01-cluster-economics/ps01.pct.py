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

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "dbea471ad25c7d71a5b365cc7f8caed8", "grade": false, "grade_id": "ps01_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
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
# them: each task shows the lines to write, with `...` where you fill in codes.
#
# **How it works**
# - Replace `raise NotImplementedError()` in each answer cell with your code, and store the answer
#   under the name the task gives, with `name = ...` (the name on the left of `=`).
# - Run the check cell below each answer: no error means the *visible* checks pass; a `Hint:` says
#   what to change. Your instructor runs more (hidden) checks, some of which give partial credit;
#   the feedback you get back says in one line what each of them found.
# - Before you hand in: *Kernel → Restart Kernel and Run All Cells*, then **Validate**.
# - The data are the course's synthetic data (module 0); the reference area is all regions in the
#   table unless a task says otherwise; "2023" means the year 2023 of `regional_employment`.
#
# | Task | What | Points |
# |---|---|---|
# | 1 | Location quotients of food in Vidzeme, two reference areas | 2 |
# | 2 | European star rating in Latgale | 2 |
# | 3 | Shift-share of IT in Põhja-Eesti | 3 |
# | 4 | US "strong clusters" in Sydsverige | 2 |
# | 5 | Growth rate of the IT cluster in Rīga | 2 |
# | 6 | The most specialised region | 1 |
# | 7 | Written: read Latgale's cluster portfolio | 4 |
# | 8 | Written: recommend a priority | 4 |

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "d2ab712ce3519ef7277ecf3755e643fb", "grade": false, "grade_id": "ps01_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import answers, data, economics, plots  # noqa: F401 (answers: the toolbox for your answers)

employment = data.load("regional_employment")
categories = data.load("cluster_categories")
by_category = economics.aggregate_to_categories(employment, categories)
in_2023 = employment[employment["year"] == 2023]
categories_2023 = by_category[by_category["year"] == 2023]

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "fe337eb75ae38c85b41e3b3fb08d014b", "grade": false, "grade_id": "ps01_lq_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 1 (2 points): location quotients and the reference area
#
# Compute the location quotient of food products (`C10`) in Vidzeme (`LV008`) in 2023
# (a) with all regions of the table as the reference area, as `lq_vidzeme_food`, and
# (b) with Latvia as the reference area, as `lq_vidzeme_food_latvia`. Give each as one number.
#
# For (a), the LQ table of 2023 and then one value of it:
#
# ```python
# lq = economics.location_quotient(in_2023)
# lq_vidzeme_food = answers.value(lq, "lq", region=..., industry=...)
# ```
#
# For (b), the same two lines on Latvia's regions only, `in_2023[in_2023["country"] == "LV"]`, with
# new names: `lq_latvia = ...` and `lq_vidzeme_food_latvia = ...`.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "2443189769684af0ab0387f6891e6fc9", "grade": false, "grade_id": "ps01_lq_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
print(lq_vidzeme_food, lq_vidzeme_food_latvia)

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "9f09d1d2712a23ba276eb82d64ccf268", "grade": true, "grade_id": "ps01_lq_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_wide = scoring.number(
    scoring.answer(globals(), "lq_vidzeme_food", task=1),
    task=1,
    name="lq_vidzeme_food",
    column="lq",
    example="answers.value(lq, 'lq', region=..., industry=...), with "
    "lq = economics.location_quotient(in_2023) on the line before",
)
_national = scoring.number(
    scoring.answer(globals(), "lq_vidzeme_food_latvia", task=1),
    task=1,
    name="lq_vidzeme_food_latvia",
    column="lq",
    example="answers.value(lq_latvia, 'lq', region=..., industry=...), with "
    "lq_latvia = economics.location_quotient(in_2023[in_2023['country'] == 'LV']) before",
)
scoring.check(
    _wide > 1,
    "Task 1: Vidzeme is specialised in food, so its LQ against all regions is above 1: check "
    "the codes LV008 and C10 and the year 2023.",
)
scoring.check(
    abs(_wide - _national) > 1e-9,
    "Task 1: both LQs are equal, but they use different reference areas: for (b) compute the "
    "LQ on a table of Latvia's regions only (the 'country' column is 'LV').",
)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "6d2262ad52cdeb3be7563fddca8d1a66", "grade": false, "grade_id": "ps01_stars_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): stars for Latgale
#
# With the European Cluster Observatory method (`economics.star_rating`, default thresholds) on the
# cluster categories of 2023 (`categories_2023`, all regions), in which categories does Latgale
# (`LV005`) earn **at least two stars**? Give a list of category ids (the `category` column), as
# `latgale_two_star_categories`. A wrong extra category costs as much as a right one earns.
#
# ```python
# stars = economics.star_rating(categories_2023)
# latgale_two_star_categories = answers.values(stars, "category", region=..., stars=...)
# ```

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "0018da3cb15c0f1d37cd0970fa457a35", "grade": false, "grade_id": "ps01_stars_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
latgale_two_star_categories

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "c41c1562f91cc3d8097230cf23aba9ae", "grade": true, "grade_id": "ps01_stars_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_two_stars = scoring.items(
    scoring.answer(globals(), "latgale_two_star_categories", task=2),
    task=2,
    name="latgale_two_star_categories",
    column="category",
    example="answers.values(stars, 'category', region=..., stars=...), with "
    "stars = economics.star_rating(categories_2023) on the line before",
)
scoring.check(
    set(_two_stars) <= set(categories["category"]),
    "Task 2: give category ids as written in the 'category' column, such as 'textiles'.",
)
_rated = economics.star_rating(categories_2023)
scoring.check_other_region(
    _two_stars,
    _rated[_rated["stars"] >= 2],
    column="category",
    region="LV005",
    task=2,
    asked="Latgale (LV005)",
)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "6d3f1dc326564f9b82487e3221d869f2", "grade": false, "grade_id": "ps01_shift_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (3 points): where did Tallinn's IT jobs come from?
#
# Decompose the change in employment in computer programming (`J62`) in Põhja-Eesti (`EE001`)
# between 2013 and 2023 with classical shift-share (reference: all regions). Give the one-row result
# (or a dict with the keys `national_share`, `industry_mix` and `regional_shift`) as
# `tallinn_it_shift`. One point per component.
#
# ```python
# shifts = economics.shift_share(employment, start=2013, end=2023)
# tallinn_it_shift = answers.top(shifts, "total_change", n=1, region=..., industry=...)
# ```
#
# The second line keeps the one row of `shifts` for the region and industry. The three
# `answers.value` lines of the lesson, put in a dict, work as well:
# `{"national_share": answers.value(shifts, "national_share", region=..., industry=...), ...}`.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "38fd505446e3e105262a45d2b073683d", "grade": false, "grade_id": "ps01_shift_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
tallinn_it_shift

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "7021770b8424721b1e8d4d22d2c34b4e", "grade": true, "grade_id": "ps01_shift_test", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_parts = scoring.numbers(
    scoring.answer(globals(), "tallinn_it_shift", task=3),
    scoring.SHIFT_SHARE_PARTS,
    task=3,
    name="tallinn_it_shift",
    example="the one-row result of economics.shift_share or a dict with national_share, "
    "industry_mix and regional_shift, e.g. tallinn_it_shift = answers.top(shifts, "
    "'total_change', n=1, region=..., industry=...), with "
    "shifts = economics.shift_share(employment, start=2013, end=2023) on the line before",
)
scoring.check_shift_share(
    _parts, employment, region="EE001", industry="J62", start=2013, end=2023, task=3
)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "1cedf1d4b2a564c07c48ad24dffc2093", "grade": false, "grade_id": "ps01_strong_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): strong clusters in Sydsverige
#
# Apply the US Cluster Mapping rule (`economics.cluster_strength`) to the **traded** cluster
# categories of 2023 (all regions). Which categories are *strong* in Sydsverige (`SE22`)? Give a
# list of category ids as `sydsverige_strong_clusters`.
#
# ```python
# traded = categories_2023[categories_2023["traded"]]
# strength = economics.cluster_strength(traded)
# sydsverige_strong_clusters = answers.values(strength, "category", region=..., strong=True)
# ```

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "e0567ad248837cbec205a436bc1b1de1", "grade": false, "grade_id": "ps01_strong_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
sydsverige_strong_clusters

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "819f242c3e8c1b3c656ad3106c4e800e", "grade": true, "grade_id": "ps01_strong_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_strong = scoring.items(
    scoring.answer(globals(), "sydsverige_strong_clusters", task=4),
    task=4,
    name="sydsverige_strong_clusters",
    column="category",
    example="answers.values(strength, 'category', region=..., strong=True), with "
    "strength = economics.cluster_strength(traded) and "
    "traded = categories_2023[categories_2023['traded']] on the lines before",
)
scoring.check_none_of(
    _strong,
    categories.loc[~categories["traded"], "category"],
    "{item} is a local category: the rule is for traded ones (the rows whose 'traded' column "
    "is True).",
    task=4,
)
scoring.check("energy" in _strong, "Task 4: southern Sweden's energy cluster should be there.")

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "b7f9a13fd028e6fbefbcbfe505b48a7d", "grade": false, "grade_id": "ps01_growth_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): how fast did Rīga's IT cluster grow?
#
# Give the compound annual growth rate (CAGR) of employment in the cluster category
# `it_electronics` in Rīga (`LV006`) from 2013 to 2023 as a fraction (0.05 means 5 % a year), as
# `riga_it_cagr`.
#
# ```python
# growth = economics.growth(by_category, start=2013, end=2023, industry="category")
# riga_it_cagr = answers.value(growth, "...", region=..., category=...)
# ```
#
# For `"..."`, pick the column of the yearly rate: run `growth.head()` to see the columns.

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "2238271588a98c88e5ce1e231035eeae", "grade": false, "grade_id": "ps01_growth_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
riga_it_cagr

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "1ffeb6dd6a07fcf0b2742c2d24e60014", "grade": true, "grade_id": "ps01_growth_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_cagr = scoring.number(
    scoring.answer(globals(), "riga_it_cagr", task=5),
    task=5,
    name="riga_it_cagr",
    column="cagr",
    example="answers.value(growth, 'cagr', region=..., category=...), with "
    "growth = economics.growth(by_category, start=2013, end=2023, industry='category') before",
)
_total = answers.value(
    economics.growth(by_category, start=2013, end=2023, industry="category"),
    "growth_rate",
    region="LV006",
    category="it_electronics",
)
scoring.check_yearly_rate(_cagr, task=5, name="riga_it_cagr", years=10, total=_total)

# %% [markdown] deletable=false editable=false nbgrader={"cell_type": "markdown", "checksum": "e4ed93adfba0dc51f425d73dddda3dc6", "grade": false, "grade_id": "ps01_krugman_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 6 (1 point): the most specialised region
#
# Which region's economy differs most from the rest of the Baltic Sea Region in 2023? Use the
# Krugman specialisation index on NACE divisions with the *rest of the area* as the reference, and
# give the region's NUTS code as `most_specialised_region` (a string such as `"LV008"`).
#
# `economics.krugman_index(table, reference="rest")` makes the table (one row per region, the
# index in the column `krugman`); which of the setup's 2023 tables holds NACE divisions? Then the
# region code of its largest row, as at the end of the lesson's section on the Krugman index:
#
# ```python
# krugman = economics.krugman_index(..., reference="rest")
# most_specialised_region = answers.value(answers.top(krugman, "krugman", n=1), "region")
# ```

# %% deletable=false nbgrader={"cell_type": "code", "checksum": "bfbe0a17dd57f6aedbf1712b558a54c0", "grade": false, "grade_id": "ps01_krugman_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
# YOUR CODE HERE
raise NotImplementedError()
most_specialised_region

# %% deletable=false editable=false nbgrader={"cell_type": "code", "checksum": "62b56c7948299a4c52ccb648f0b9ca16", "grade": true, "grade_id": "ps01_krugman_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
from course import scoring

_region = scoring.text(
    scoring.answer(globals(), "most_specialised_region", task=6),
    task=6,
    name="most_specialised_region",
    column="region",
    example="answers.value(answers.top(krugman, 'krugman', n=1), 'region')",
)
scoring.check_largest(
    _region,
    economics.krugman_index(in_2023, reference="rest"),
    column="krugman",
    key="region",
    task=6,
    what="the Krugman index (the rest of the area as the reference)",
    how="answers.top(krugman, 'krugman', n=1) on krugman = economics.krugman_index(...)",
    mixups=[
        (
            economics.krugman_index(categories_2023, industry="category", reference="rest"),
            "this is the most specialised region by cluster categories: use NACE divisions "
            "(the table in_2023), not cluster categories (categories_2023).",
        )
    ],
)

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
