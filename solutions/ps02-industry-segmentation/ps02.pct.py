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
# - Run the check cell below each answer: no error means the *visible* checks pass; a `Hint:` says
#   what to change. Your instructor runs more (hidden) checks, some of which give partial credit;
#   the feedback you get back says in one line what each of them found.
# - Before you hand in: *Kernel → Restart Kernel and Run All Cells*, then **Validate**.
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

from course import answers, data, plots, segmentation  # noqa: F401 (answers: the toolbox)

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
)  # fmt: skip
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
import warnings

from course import scoring

_micro = scoring.number(
    scoring.answer(globals(), "energy_micro_companies", task=1),
    task=1,
    name="energy_micro_companies",
    column="members",
    example="answers.value(composition, 'members', size_class=...)",
)
_medium = scoring.number(
    scoring.answer(globals(), "energy_medium_companies", task=1),
    task=1,
    name="energy_medium_companies",
    column="members",
    example="answers.value(composition, 'members', size_class=...)",
)
scoring.check(
    _micro == int(_micro) and _medium == int(_medium) and _micro + _medium <= len(energy_companies),
    f"Task 1: give the numbers of companies (whole numbers, together at most "
    f"{len(energy_companies)}), not shares.",
)
# The classic slips, recomputed with the library on changed copies of the table
_turnover_only = segmentation.sme_class(
    energy_companies.assign(balance_sheet_eur=energy_companies["turnover_eur"])
)["size_class"]
_higher = energy_companies[["turnover_eur", "balance_sheet_eur"]].max(axis=1)
_both_tests = segmentation.sme_class(
    energy_companies.assign(turnover_eur=_higher, balance_sheet_eur=_higher)
)["size_class"]
_bands = segmentation.size_band(energy_companies)["size_band"]
scoring.check(
    (_micro, _medium) != ((_turnover_only == "micro").sum(), (_turnover_only == "medium").sum()),
    "Task 1: these are the classes by headcount and turnover alone. The EU definition accepts the "
    "turnover OR the balance-sheet total: a firm that fails the turnover ceiling can still meet the "
    "balance-sheet one.",
)
scoring.check(
    (_micro, _medium) != ((_both_tests == "micro").sum(), (_both_tests == "medium").sum()),
    "Task 1: these counts demand both money tests. One is enough: turnover OR balance sheet.",
)
scoring.check(
    (_micro, _medium) != ((_bands == "0-9").sum(), (_bands == "50-249").sum()),
    "Task 1: these are the statistical size bands (headcount only). The SME classes need the "
    "headcount AND the turnover or balance sheet: use segmentation.sme_class.",
)
with warnings.catch_warnings():  # the members without turnover are left out, with a warning
    warnings.simplefilter("ignore")
    _every_member = segmentation.sme_class(energy)["size_class"]
scoring.check(
    (_micro, _medium) != ((_every_member == "micro").sum(), (_every_member == "medium").sum()),
    "Task 1: these counts classify every member, research institutes and associations too. SME "
    "status is for enterprises: classify the companies only (energy_companies).",
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
    name="the two counts",
    column="members",
    answer={
        "energy_micro_companies": energy_micro_companies,
        "energy_medium_companies": energy_medium_companies,
    },
    hints={
        "energy_micro_companies": "headcount below 10 AND turnover or balance sheet at most EUR 2 m",
        "energy_medium_companies": "classify the companies only, with segmentation.sme_class",
    },
    expected="""
firms = load("cluster_members")
firms = firms[(firms["cluster"] == "se_energy") & (firms["member_type"] == "company")]
heads, turnover, balance = firms["employees"], firms["turnover_eur"], firms["balance_sheet_eur"]
size = np.select(
    [
        (heads < 10) & ((turnover <= 2e6) | (balance <= 2e6)),
        (heads < 50) & ((turnover <= 10e6) | (balance <= 10e6)),
        (heads < 250) & ((turnover <= 50e6) | (balance <= 43e6)),
    ],
    ["micro", "small", "medium"],
    "large",
)
expected = {
    "energy_micro_companies": (size == "micro").sum(),
    "energy_medium_companies": (size == "medium").sum(),
}
""",
)
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
from course import data, scoring

_share = scoring.number(
    scoring.answer(globals(), "energy_export_share", task=2),
    task=2,
    name="energy_export_share",
    column="member_share",
    example="answers.value(composition, 'member_share', export_band=...)",
)
scoring.check(
    0 <= _share <= 1,
    f"Task 2: {_share:g} is not a fraction: a share runs from 0 to 1 (0.25 = 25 %). If you gave a "
    "percentage, divide it by 100; if you gave a number of members, take the column member_share.",
)
scoring.check(
    abs(_share - (energy_companies["export_share"] > 0.5).mean()) > 1e-9,
    "Task 2: that is the share among the companies only; the task asks for the share of all the "
    "cluster's members (the table energy).",
)
# The same share for another band or another cluster (a filter copied from the lesson)
_export_bands = segmentation.member_composition(
    segmentation.export_band(data.load("cluster_members")), "export_band"
)
_in_energy = _export_bands["cluster"] == "se_energy"
_over_half = _export_bands["export_band"] == ">50 %"
for _band, _other in _export_bands.loc[
    _in_energy & ~_over_half, ["export_band", "member_share"]
].values:
    scoring.check(
        abs(_share - _other) > 1e-9,
        f"Task 2: that is the share of the band {_band!r}. The task asks for the members that "
        "export more than half of their turnover: the band '>50 %'.",
    )
for _cluster, _other in _export_bands.loc[
    ~_in_energy & _over_half, ["cluster", "member_share"]
].values:
    scoring.check(
        abs(_share - _other) > 1e-9,
        f"Task 2: that is the share of another cluster ({_cluster}). The task asks for the South "
        "Sweden Energy Cluster: filter cluster='se_energy', or start from the table energy.",
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
    kind="numbers",
    name="energy_export_share",
    column="member_share",
    answer=energy_export_share,
    hints={"energy_export_share": "members with an export share above 0.5, divided by all members"},
    expected="""
cluster = load("cluster_members")
cluster = cluster[cluster["cluster"] == "se_energy"]
expected = {"energy_export_share": (cluster["export_share"] > 0.5).sum() / len(cluster)}
""",
)
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
from course import data, scoring

_hhi = scoring.number(
    scoring.answer(globals(), "energy_hhi", task=3),
    task=3,
    name="energy_hhi",
    column="market_hhi",
    example="answers.value(concentration, 'market_hhi', cluster=...)",
)
scoring.check(
    _hhi > 1,
    f"Task 3: {_hhi:g} looks like an HHI with shares as fractions (0 to 1). The merger-guideline "
    "bands use shares in %, from 0 to 10,000: multiply by 10,000, or use "
    "segmentation.member_concentration.",
)
scoring.check(
    abs(_hhi - answers.value(segmentation.member_concentration(
        energy[energy["turnover_eur"].notna()], member_types=None), "market_hhi")) > 1e-6,
    "Task 3: this HHI counts every member with a turnover, research institutes and associations "
    "too. The task asks for the companies' turnover (the default of member_concentration).",
)  # fmt: skip
# The HHI of another cluster (a filter copied from the lesson)
_by_cluster = segmentation.member_concentration(data.load("cluster_members"))
_others = _by_cluster[_by_cluster["cluster"] != "se_energy"]
for _cluster, _other in _others[["cluster", "market_hhi"]].values:
    scoring.check(
        abs(_hhi - _other) > 1e-6,
        f"Task 3: that is the HHI of another cluster ({_cluster}). The task asks for the South "
        "Sweden Energy Cluster: filter cluster='se_energy'.",
    )
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=3,
    points=2,
    kind="numbers",
    name="energy_hhi",
    column="market_hhi",
    answer=energy_hhi,
    hints={"energy_hhi": "square each company's share of the turnover in %, and add them up"},
    expected="""
firms = load("cluster_members")
firms = firms[(firms["cluster"] == "se_energy") & (firms["member_type"] == "company")]
shares = 100 * firms["turnover_eur"] / firms["turnover_eur"].sum()
expected = {"energy_hhi": (shares ** 2).sum()}
""",
)
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

_supplier = scoring.number(
    scoring.answer(globals(), "supplier_power_score", task=4),
    task=4,
    name="supplier_power_score",
    column="force_score",
    example="answers.value(forces, 'force_score', force=...)",
)
_attractive = scoring.number(
    scoring.answer(globals(), "storage_attractiveness", task=4),
    task=4,
    name="storage_attractiveness",
    column="attractiveness",
    example="answers.value(segmentation.attractiveness(forces), 'attractiveness')",
)
scoring.check(
    1 <= _supplier <= 5 and 1 <= _attractive <= 5,
    "Task 4: force scores and the attractiveness run from 1 to 5 in the course convention.",
)
_forces = segmentation.five_forces(storage_card)
_plain_means = storage_card.groupby("force")["score"].mean()
scoring.check(
    abs(_attractive - _forces["force_score"].mean()) > 1e-6,
    "Task 4: that is the mean force score. The attractiveness is 6 minus it: high pressure means a "
    "less attractive industry.",
)
scoring.check(
    abs(_supplier - _plain_means["supplier_power"]) > 1e-6
    and min(abs(_attractive - (6 - _plain_means.mean())),
            abs(_attractive - (6 - storage_card["score"].mean()))) > 1e-6,
    "Task 4: this ignores the weights. A force score is the weighted mean of its drivers' scores "
    "(the weights of each force add up to 1): use segmentation.five_forces.",
)  # fmt: skip
### BEGIN HIDDEN TESTS
# Scored in a fresh Python process by a fresh copy of course.scoring (see its docstring):
# what the answer cells rebind in this kernel does not change the score.
import importlib.util
import runpy

_fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
_fresh["score_in_fresh_process"](
    task=4,
    points=2,
    kind="numbers",
    name="the force score and the attractiveness",
    answer={
        "supplier_power_score": supplier_power_score,
        "storage_attractiveness": storage_attractiveness,
    },
    hints={
        "supplier_power_score": "the weighted mean of the supplier drivers' scores",
        "storage_attractiveness": "6 minus the mean of the five weighted force scores",
    },
    expected="""
card = pd.DataFrame({
    "force": ["entry"] * 3 + ["supplier"] * 2 + ["buyer"] * 2 + ["substitutes"] * 2 + ["rivalry"] * 3,
    "score": [2, 3, 4, 5, 4, 4, 3, 2, 3, 4, 2, 3],
    "weight": [0.5, 0.3, 0.2, 0.6, 0.4, 0.5, 0.5, 0.5, 0.5, 0.4, 0.3, 0.3],
})
card["weighted"] = card["score"] * card["weight"]
forces = card.groupby("force")["weighted"].sum() / card.groupby("force")["weight"].sum()
expected = {
    "supplier_power_score": forces["supplier"],
    "storage_attractiveness": 6 - forces.mean(),
}
""",
)
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
import warnings

from course import scoring

_k = scoring.number(
    scoring.answer(globals(), "energy_k", task=5),
    task=5,
    name="energy_k",
    column="k",
    example="result.k",
)
_largest = scoring.number(
    scoring.answer(globals(), "energy_largest_segment", task=5),
    task=5,
    name="energy_largest_segment",
    column="members",
    example="answers.value(result.profile, 'members', segment=1)",
)
scoring.check(
    _k == int(_k) and 2 <= _k <= 5,
    f"Task 5: energy_k is {_k:g}, but it is the number of segments: a whole number from 2 to 5. "
    "The silhouette is a score between -1 and 1 (in result.scores); the number is result.k.",
)
scoring.check(
    _largest == int(_largest) and len(energy_companies) / _k <= _largest <= len(energy_companies),
    f"Task 5: the largest of {_k:g} segments of {len(energy_companies)} companies has at least "
    f"{len(energy_companies) / _k:.0f} and at most {len(energy_companies)} members: take the column "
    "members of segment 1 in result.profile (segment 1 is the largest).",
)
with warnings.catch_warnings():  # the members without turnover are left out, with a warning
    warnings.simplefilter("ignore")
    _every_member = segmentation.segment_members(energy, features, k=range(2, 6))
scoring.check(
    (_k, _largest) != (_every_member.k, _every_member.profile["members"].max()),
    "Task 5: these are the segments of all the members, institutions too. The task asks for the "
    "companies: segment energy_companies.",
)
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
    name="the segments",
    column="members",
    answer={"energy_k": energy_k, "energy_largest_segment": energy_largest_segment},
    hints={
        "energy_k": "segment the companies on the three features with k=range(2, 6)",
        "energy_largest_segment": "the members of segment 1 of the companies' segmentation",
    },
    expected="""
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

firms = load("cluster_members")
firms = firms[(firms["cluster"] == "se_energy") & (firms["member_type"] == "company")]
x = np.column_stack(
    [np.log1p(firms["employees"]), np.log1p(firms["turnover_eur"]), firms["export_share"]]
).astype(float)
z = (x - x.mean(axis=0)) / x.std(axis=0)
labels = {k: KMeans(n_clusters=k, n_init=10, random_state=42).fit(z).labels_ for k in range(2, 6)}
silhouettes = {k: silhouette_score(z, labels[k]) for k in labels}
best = max(silhouettes, key=lambda k: (silhouettes[k], -k))
expected = {"energy_k": best, "energy_largest_segment": np.bincount(labels[best]).max()}
""",
)
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
