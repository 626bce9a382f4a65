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
# *About 75 minutes. 20 points: 12 checked automatically, 8 for two short written answers.*
#
# You advise the regional development agency of **Latgale** (`LV005`), in eastern Latvia, and
# colleagues in Tallinn and southern Sweden. Use the course library as in module 1: every task needs
# one to three lines of code.
#
# **How it works**
# - Replace `raise NotImplementedError()` in each answer cell with your code; keep the variable names.
# - Run the check cell below each answer: no error means the *visible* checks pass. Your instructor
#   runs more (hidden) checks, some of which give partial credit.
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
from course import data, economics, plots, widgets

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
# (b) with Latvia as the reference area, as `lq_vidzeme_food_latvia`. Both are plain numbers.

# %% nbgrader={"grade": false, "grade_id": "ps01_lq_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
def food_lq_of_vidzeme(table):
    lq = economics.location_quotient(table)
    return lq.loc[(lq["region"] == "LV008") & (lq["industry"] == "C10"), "lq"].item()


lq_vidzeme_food = food_lq_of_vidzeme(in_2023)
lq_vidzeme_food_latvia = food_lq_of_vidzeme(in_2023[in_2023["country"] == "LV"])
### END SOLUTION
print(lq_vidzeme_food, lq_vidzeme_food_latvia)

# %% nbgrader={"grade": true, "grade_id": "ps01_lq_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from numbers import Real

assert isinstance(lq_vidzeme_food, Real), "lq_vidzeme_food should be one number, e.g. 2.5"
assert isinstance(lq_vidzeme_food_latvia, Real), "lq_vidzeme_food_latvia should be one number"
assert lq_vidzeme_food > 1, "Vidzeme is specialised in food: its LQ is above 1"
### BEGIN HIDDEN TESTS
from course import grading

_table = data.load("regional_employment")
_table = _table[_table["year"] == 2023]


def _lq(table, region, industry):
    # LQ = (e_ir / e_r) / (E_i / E), written out with plain sums
    e_ir = table.loc[(table["region"] == region) & (table["industry"] == industry), "employment"].sum()
    e_r = table.loc[table["region"] == region, "employment"].sum()
    e_i = table.loc[table["industry"] == industry, "employment"].sum()
    return (e_ir / e_r) / (e_i / table["employment"].sum())


grading.score_numbers(
    {"wide": lq_vidzeme_food, "national": lq_vidzeme_food_latvia},
    {
        "wide": _lq(_table, "LV008", "C10"),
        "national": _lq(_table[_table["country"] == "LV"], "LV008", "C10"),
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_stars_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 2 (2 points): stars for Latgale
#
# With the European Cluster Observatory method (`economics.star_rating`, default thresholds) on the
# cluster categories of 2023 (`categories_2023`, all regions), in which categories does Latgale
# (`LV005`) earn **at least two stars**? Give a list of category ids (the `category` column), as
# `latgale_two_star_categories`. A wrong extra category costs as much as a right one earns.

# %% nbgrader={"grade": false, "grade_id": "ps01_stars_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
stars = economics.star_rating(categories_2023)
in_latgale = stars[(stars["region"] == "LV005") & (stars["stars"] >= 2)]
latgale_two_star_categories = in_latgale["category"].tolist()
### END SOLUTION
latgale_two_star_categories

# %% nbgrader={"grade": true, "grade_id": "ps01_stars_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
assert not isinstance(latgale_two_star_categories, str), "give a list, e.g. ['textiles']"
assert set(latgale_two_star_categories) <= set(categories["category"]), "use category ids"
### BEGIN HIDDEN TESTS
from course import grading

_cats = data.load("cluster_categories")
_emp = data.load("regional_employment")
_emp = _emp[_emp["year"] == 2023].merge(_cats[["industry", "category"]], on="industry")
_cells = _emp.groupby(["region", "category"], as_index=False)["employment"].sum()
_cells = _cells[_cells["employment"] > 0]
_region_total = _cells.groupby("region")["employment"].transform("sum")
_category_total = _cells.groupby("category")["employment"].transform("sum")
_cells["lq"] = (_cells["employment"] / _region_total) / (_category_total / _cells["employment"].sum())
_cells["focus"] = _cells["employment"] / _region_total
_p90 = _cells.groupby("category")[["employment", "focus"]].transform(lambda s: s.quantile(0.9))
_cells["stars"] = (
    (_cells["employment"] >= _p90["employment"]).astype(int)
    + (_cells["lq"] >= 2).astype(int)
    + (_cells["focus"] >= _p90["focus"]).astype(int)
)
_expected = set(_cells.loc[(_cells["region"] == "LV005") & (_cells["stars"] >= 2), "category"])
grading.score_set(latgale_two_star_categories, _expected, points=2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_shift_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 3 (3 points): where did Tallinn's IT jobs come from?
#
# Decompose the change in employment in computer programming (`J62`) in Põhja-Eesti (`EE001`)
# between 2013 and 2023 with classical shift-share (reference: all regions). Give a dict (or the
# one-row result) with the keys `national_share`, `industry_mix` and `regional_shift`, as
# `tallinn_it_shift`. One point per component.

# %% nbgrader={"grade": false, "grade_id": "ps01_shift_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
shifts = economics.shift_share(employment, start=2013, end=2023)
tallinn_it_shift = shifts[(shifts["region"] == "EE001") & (shifts["industry"] == "J62")]
### END SOLUTION
tallinn_it_shift

# %% nbgrader={"grade": true, "grade_id": "ps01_shift_test", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from course import grading

_parts = grading.as_numbers(tallinn_it_shift, ["national_share", "industry_mix", "regional_shift"])
assert abs(sum(_parts.values()) - 9246) < 1, "the three parts must add up to the total change"
### BEGIN HIDDEN TESTS
_emp = data.load("regional_employment")
_e = _emp.pivot_table(index=["region", "industry"], columns="year", values="employment", aggfunc="sum")
_g = _e[2023].sum() / _e[2013].sum() - 1
_by_industry = _e.groupby(level="industry").sum()
_gi = _by_industry.loc["J62", 2023] / _by_industry.loc["J62", 2013] - 1
_e0, _e1 = _e.loc[("EE001", "J62"), 2013], _e.loc[("EE001", "J62"), 2023]
grading.score_numbers(
    tallinn_it_shift,
    {
        "national_share": _e0 * _g,
        "industry_mix": _e0 * (_gi - _g),
        "regional_shift": _e0 * ((_e1 - _e0) / _e0 - _gi),
    },
)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_strong_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 4 (2 points): strong clusters in Sydsverige
#
# Apply the US Cluster Mapping rule (`economics.cluster_strength`) to the **traded** cluster
# categories of 2023 (all regions). Which categories are *strong* in Sydsverige (`SE22`)? Give a
# list of category ids as `sydsverige_strong_clusters`.

# %% nbgrader={"grade": false, "grade_id": "ps01_strong_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
traded = categories_2023[categories_2023["traded"]]
strength = economics.cluster_strength(traded, cluster="category")
sydsverige_strong_clusters = strength.loc[
    (strength["region"] == "SE22") & strength["strong"], "category"
].tolist()
### END SOLUTION
sydsverige_strong_clusters

# %% nbgrader={"grade": true, "grade_id": "ps01_strong_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
assert not isinstance(sydsverige_strong_clusters, str), "give a list, e.g. ['energy']"
assert "energy" in sydsverige_strong_clusters, "southern Sweden's energy cluster should be there"
### BEGIN HIDDEN TESTS
import numpy as np

from course import grading

_cats = data.load("cluster_categories")
_emp = data.load("regional_employment")
_emp = _emp[_emp["year"] == 2023].merge(_cats[["industry", "category", "traded"]], on="industry")
_cells = _emp[_emp["traded"]].groupby(["region", "category"], as_index=False)[
    ["employment", "establishments"]
].sum()
_cells = _cells[_cells["employment"] > 0]
_region_total = _cells.groupby("region")["employment"].transform("sum")
_category_total = _cells.groupby("category")["employment"].transform("sum")
_cells["lq"] = (_cells["employment"] / _region_total) / (_category_total / _cells["employment"].sum())
_expected = set()
for _category, _group in _cells.groupby("category"):
    _p = {c: np.quantile(_group[c], [0.25, 0.75]) for c in ("lq", "employment", "establishments")}
    _row = _group[_group["region"] == "SE22"]
    if len(_row) and (
        _row["lq"].item() >= max(_p["lq"][1], 1)
        and _row["employment"].item() > _p["employment"][0]
        and _row["establishments"].item() > _p["establishments"][0]
    ):
        _expected.add(_category)
grading.score_set(sydsverige_strong_clusters, _expected, points=2)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_growth_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 5 (2 points): how fast did Rīga's IT cluster grow?
#
# Give the compound annual growth rate (CAGR) of employment in the cluster category
# `it_electronics` in Rīga (`LV006`) from 2013 to 2023 as a fraction (0.05 means 5 % a year), as
# `riga_it_cagr`.

# %% nbgrader={"grade": false, "grade_id": "ps01_growth_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
growth = economics.growth(by_category, start=2013, end=2023, keys=("region", "category"))
riga_it_cagr = growth.loc[
    (growth["region"] == "LV006") & (growth["category"] == "it_electronics"), "cagr"
].item()
### END SOLUTION
riga_it_cagr

# %% nbgrader={"grade": true, "grade_id": "ps01_growth_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from numbers import Real

assert isinstance(riga_it_cagr, Real), "riga_it_cagr should be one number"
assert -1 < riga_it_cagr < 1, "give a fraction: 0.05 for 5 % a year, not 5"
### BEGIN HIDDEN TESTS
from course import grading

_cats = data.load("cluster_categories")
_emp = data.load("regional_employment").merge(_cats[["industry", "category"]], on="industry")
_it = _emp[(_emp["region"] == "LV006") & (_emp["category"] == "it_electronics")]
_x = _it.groupby("year")["employment"].sum()
2 * grading.score_numbers({"cagr": riga_it_cagr}, {"cagr": (_x[2023] / _x[2013]) ** (1 / 10) - 1})
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_krugman_question", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## Task 6 (1 point): the most specialised region
#
# Which region's economy differs most from the rest of the Baltic Sea Region in 2023? Use the
# Krugman specialisation index on NACE divisions with the *rest of the area* as the reference, and
# give the region's NUTS code as `most_specialised_region` (a string such as `"LV008"`).

# %% nbgrader={"grade": false, "grade_id": "ps01_krugman_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
krugman = economics.krugman_index(in_2023, reference="rest")
most_specialised_region = krugman.loc[krugman["krugman"].idxmax(), "region"]
### END SOLUTION
most_specialised_region

# %% nbgrader={"grade": true, "grade_id": "ps01_krugman_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
assert isinstance(most_specialised_region, str), "give the NUTS code as text, e.g. 'LV008'"
assert most_specialised_region in set(employment["region"]), "that is not a region of the table"
### BEGIN HIDDEN TESTS
_emp = data.load("regional_employment")
_shares = _emp[_emp["year"] == 2023].pivot_table(
    index="region", columns="industry", values="employment", aggfunc="sum", fill_value=0
)
_distance = {}
for _region in _shares.index:
    _own = _shares.loc[_region] / _shares.loc[_region].sum()
    _rest = _shares.drop(index=_region).sum()
    _distance[_region] = (_own - _rest / _rest.sum()).abs().sum()
assert most_specialised_region == max(_distance, key=_distance.get)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "ps01_portfolio_intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## The written tasks
#
# The chart below is Latgale's cluster portfolio: traded cluster categories with at least 500 jobs
# in 2023, their location quotient in 2023 against their employment growth 2013-2023. Answer in
# plain language, as you would to the agency's board: a short paragraph each (80-150 words).

# %% nbgrader={"grade": false, "grade_id": "ps01_portfolio_chart", "locked": true, "schema_version": 3, "solution": false, "task": false}
profile = widgets.region_profile(employment, categories, "LV005", start=2013, end=2023)
latgale = profile[profile["traded"] & (profile["employment"] >= 500)]
plots.portfolio_chart(latgale, title="Cluster portfolio of Latgale, 2013-2023")
latgale[["category_name", "employment", "lq", "growth_rate", "stars"]].round(2)

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
