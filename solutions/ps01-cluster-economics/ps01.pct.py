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

# %% nbgrader={"grade": false, "grade_id": "ps01_setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from course import answers, data, economics, plots  # noqa: F401 (answers: the toolbox for your answers)

employment = data.load("regional_employment")
categories = data.load("cluster_categories")
by_category = economics.aggregate_to_categories(employment, categories)
in_2023 = employment[employment["year"] == 2023]
categories_2023 = by_category[by_category["year"] == 2023]

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_lq_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% nbgrader={"grade": false, "grade_id": "ps01_lq_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
lq = economics.location_quotient(in_2023)
lq_vidzeme_food = answers.value(lq, "lq", region="LV008", industry="C10")
lq_latvia = economics.location_quotient(in_2023[in_2023["country"] == "LV"])
lq_vidzeme_food_latvia = answers.value(lq_latvia, "lq", region="LV008", industry="C10")
### END SOLUTION
print(lq_vidzeme_food, lq_vidzeme_food_latvia)

# %% nbgrader={"grade": true, "grade_id": "ps01_lq_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
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
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=1,
    points=2,
    kind="numbers",
    name="the two LQs",
    column="lq",
    answer={"lq_vidzeme_food": lq_vidzeme_food, "lq_vidzeme_food_latvia": lq_vidzeme_food_latvia},
    hints={
        "lq_vidzeme_food": "compute it on the 2023 table of all regions",
        "lq_vidzeme_food_latvia": "the reference area is Latvia: compute it on Latvia's regions",
    },
    expected="""
table = load("regional_employment")
table = table[table["year"] == 2023]


def lq(table, region, industry):
    # LQ = (e_ir / e_r) / (E_i / E), written out with plain sums
    e_ir = table.loc[(table["region"] == region) & (table["industry"] == industry), "employment"].sum()
    e_r = table.loc[table["region"] == region, "employment"].sum()
    e_i = table.loc[table["industry"] == industry, "employment"].sum()
    return (e_ir / e_r) / (e_i / table["employment"].sum())


expected = {
    "lq_vidzeme_food": lq(table, "LV008", "C10"),
    "lq_vidzeme_food_latvia": lq(table[table["country"] == "LV"], "LV008", "C10"),
}
""",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_stars_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% nbgrader={"grade": false, "grade_id": "ps01_stars_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
stars = economics.star_rating(categories_2023)
latgale_two_star_categories = answers.values(stars, "category", region="LV005", stars=[2, 3])
### END SOLUTION
latgale_two_star_categories

# %% nbgrader={"grade": true, "grade_id": "ps01_stars_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
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
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=2,
    points=2,
    kind="set",
    name="latgale_two_star_categories",
    column="category",
    answer=latgale_two_star_categories,
    hints={"set": "rate the 2023 categories of all regions and keep Latgale's with 2 or 3 stars"},
    expected="""
cats = load("cluster_categories")
emp = load("regional_employment")
emp = emp[emp["year"] == 2023].merge(cats[["industry", "category"]], on="industry")
cells = emp.groupby(["region", "category"], as_index=False)["employment"].sum()
cells = cells[cells["employment"] > 0]
region_total = cells.groupby("region")["employment"].transform("sum")
category_total = cells.groupby("category")["employment"].transform("sum")
cells["lq"] = (cells["employment"] / region_total) / (category_total / cells["employment"].sum())
cells["focus"] = cells["employment"] / region_total
p90 = cells.groupby("category")[["employment", "focus"]].transform(lambda s: s.quantile(0.9))
cells["stars"] = (
    (cells["employment"] >= p90["employment"]).astype(int)
    + (cells["lq"] >= 2).astype(int)
    + (cells["focus"] >= p90["focus"]).astype(int)
)
expected = set(cells.loc[(cells["region"] == "LV005") & (cells["stars"] >= 2), "category"])
""",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_shift_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% nbgrader={"grade": false, "grade_id": "ps01_shift_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
shifts = economics.shift_share(employment, start=2013, end=2023)
tallinn_it_shift = answers.top(shifts, "total_change", n=1, region="EE001", industry="J62")
### END SOLUTION
tallinn_it_shift

# %% nbgrader={"grade": true, "grade_id": "ps01_shift_test", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
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
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=3,
    points=3,
    kind="numbers",
    name="tallinn_it_shift",
    answer=tallinn_it_shift,
    hints={
        "national_share": "the start employment times the whole area's growth rate",
        "industry_mix": "use the industry's growth rate in the whole area, minus the area's",
        "regional_shift": "the region's growth rate in the industry minus the industry's",
    },
    expected="""
emp = load("regional_employment")
e = emp.pivot_table(index=["region", "industry"], columns="year", values="employment", aggfunc="sum")
g = e[2023].sum() / e[2013].sum() - 1
by_industry = e.groupby(level="industry").sum()
gi = by_industry.loc["J62", 2023] / by_industry.loc["J62", 2013] - 1
e0, e1 = e.loc[("EE001", "J62"), 2013], e.loc[("EE001", "J62"), 2023]
expected = {
    "national_share": e0 * g,
    "industry_mix": e0 * (gi - g),
    "regional_shift": e0 * ((e1 - e0) / e0 - gi),
}
""",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_strong_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% nbgrader={"grade": false, "grade_id": "ps01_strong_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
traded = categories_2023[categories_2023["traded"]]
strength = economics.cluster_strength(traded)
sydsverige_strong_clusters = answers.values(strength, "category", region="SE22", strong=True)
### END SOLUTION
sydsverige_strong_clusters

# %% nbgrader={"grade": true, "grade_id": "ps01_strong_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
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
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=4,
    points=2,
    kind="set",
    name="sydsverige_strong_clusters",
    column="category",
    answer=sydsverige_strong_clusters,
    hints={"set": "apply the US rule to the traded categories of 2023 and keep the strong ones"},
    expected="""
cats = load("cluster_categories")
emp = load("regional_employment")
emp = emp[emp["year"] == 2023].merge(cats[["industry", "category", "traded"]], on="industry")
cells = emp[emp["traded"]].groupby(["region", "category"], as_index=False)[
    ["employment", "establishments"]
].sum()
cells = cells[cells["employment"] > 0]
region_total = cells.groupby("region")["employment"].transform("sum")
category_total = cells.groupby("category")["employment"].transform("sum")
cells["lq"] = (cells["employment"] / region_total) / (category_total / cells["employment"].sum())
expected = set()
for category, group in cells.groupby("category"):
    p = {c: np.quantile(group[c], [0.25, 0.75]) for c in ("lq", "employment", "establishments")}
    row = group[group["region"] == "SE22"]
    if len(row) and (
        row["lq"].item() >= max(p["lq"][1], 1)
        and row["employment"].item() > p["employment"][0]
        and row["establishments"].item() > p["establishments"][0]
    ):
        expected.add(category)
""",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_growth_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% nbgrader={"grade": false, "grade_id": "ps01_growth_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
growth = economics.growth(by_category, start=2013, end=2023, industry="category")
riga_it_cagr = answers.value(growth, "cagr", region="LV006", category="it_electronics")
### END SOLUTION
riga_it_cagr

# %% nbgrader={"grade": true, "grade_id": "ps01_growth_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
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
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=5,
    points=2,
    kind="numbers",
    name="riga_it_cagr",
    column="cagr",
    answer=riga_it_cagr,
    hints={"riga_it_cagr": "the yearly rate of the category's employment, 2013 to 2023"},
    expected="""
cats = load("cluster_categories")
emp = load("regional_employment").merge(cats[["industry", "category"]], on="industry")
it = emp[(emp["region"] == "LV006") & (emp["category"] == "it_electronics")]
x = it.groupby("year")["employment"].sum()
expected = {"riga_it_cagr": (x[2023] / x[2013]) ** (1 / 10) - 1}
""",
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_krugman_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
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

# %% nbgrader={"grade": false, "grade_id": "ps01_krugman_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
krugman = economics.krugman_index(in_2023, reference="rest")
largest = answers.top(krugman, "krugman", n=1)
most_specialised_region = answers.value(largest, "region")
### END SOLUTION
most_specialised_region

# %% nbgrader={"grade": true, "grade_id": "ps01_krugman_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
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
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=6,
    points=1,
    kind="text",
    name="most_specialised_region",
    column="region",
    answer=most_specialised_region,
    hints={"text": "take the largest Krugman index, with the rest of the area as the reference"},
    expected="""
emp = load("regional_employment")
shares = emp[emp["year"] == 2023].pivot_table(
    index="region", columns="industry", values="employment", aggfunc="sum", fill_value=0
)
distance = {}
for region in shares.index:
    own = shares.loc[region] / shares.loc[region].sum()
    rest = shares.drop(index=region).sum()
    distance[region] = (own - rest / rest.sum()).abs().sum()
expected = max(distance, key=distance.get)
""",
)
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
