"""ps02 (industry analysis and segmentation): the data of its nbgrader round trip.

The steps are tests/test_assignments.py's, the vocabulary tests/assignment_kit.py's. Four Validate
runs show that the common conceptual mistakes fail with a hint that teaches, and that an
unanswered task says so.
"""

from __future__ import annotations

from tests.assignment_kit import SOLVED, AssignmentSpec, FromSolution, Learner, Validation

POINTS = {
    "ps02_sme_test": 2,
    "ps02_export_test": 2,
    "ps02_hhi_test": 2,
    "ps02_forces_test": 2,
    "ps02_segments_test": 2,
}

HALF = Learner(  # task 5 left unanswered: 0
    answers={
        "ps02_sme_answer": SOLVED,  # 2 of 2
        "ps02_export_answer": "energy_export_share = 11 / 39  # companies only",  # 0
        "ps02_hhi_answer": SOLVED,  # 2 of 2
        # 1 of 2: the attractiveness is wrong
        "ps02_forces_answer": FromSolution(append="\nstorage_attractiveness = 3.0\n"),
    },
    scores={
        "ps02_sme_test": 2,
        "ps02_export_test": 0,
        "ps02_hhi_test": 2,
        "ps02_forces_test": 1,
        "ps02_segments_test": 0,
    },
)

NATURAL = {
    "ps02_sme_answer": """
classes = segmentation.sme_class(energy_companies)["size_class"]
energy_micro_companies = (classes == "micro").sum()
energy_medium_companies = classes.value_counts()[["medium"]]
""",
    "ps02_export_answer": """
banded = segmentation.export_band(energy)
energy_export_share = (banded["export_band"] == ">50 %").mean()
""",
    "ps02_hhi_answer": """
concentration = segmentation.member_concentration(energy)
energy_hhi = concentration
""",
    "ps02_forces_answer": """
forces = segmentation.five_forces(storage_card)
supplier_power_score = forces.loc[forces["force"] == "supplier_power", "force_score"]
storage_attractiveness = segmentation.attractiveness(forces)["attractiveness"]
""",
    "ps02_segments_answer": """
result = segmentation.segment_members(energy_companies, features, k=range(2, 6))
energy_k = result.scores.loc[result.scores["chosen"], "k"]
energy_largest_segment = result.members["segment"].value_counts().max()
""",
}

# Wrong answers that pass every visible check once the checks are patched away: all score 0.
WRONG = {
    "ps02_sme_answer": "energy_micro_companies, energy_medium_companies = 8, 11\n",
    "ps02_export_answer": "energy_export_share = 0.3\n",
    "ps02_hhi_answer": "energy_hhi = 2000\n",
    "ps02_forces_answer": "supplier_power_score, storage_attractiveness = 4.0, 2.5\n",
    "ps02_segments_answer": "energy_k, energy_largest_segment = 3, 20\n",
}


MISTAKES = [
    {  # headcount bands, a percentage, fractions, the mean force score, the silhouette
        "ps02_sme_answer": """
bands = segmentation.size_band(energy_companies)["size_band"]
energy_micro_companies = (bands == "0-9").sum()
energy_medium_companies = (bands == "50-249").sum()
""",
        "ps02_export_answer": "energy_export_share = 100 * (energy['export_share'] > 0.5).mean()\n",
        "ps02_hhi_answer": """
shares = energy_companies["turnover_eur"] / energy_companies["turnover_eur"].sum()
energy_hhi = (shares ** 2).sum()
""",
        "ps02_forces_answer": """
forces = segmentation.five_forces(storage_card)
supplier_power_score = answers.value(forces, "force_score", force="supplier_power")
storage_attractiveness = forces["force_score"].mean()
""",
        "ps02_segments_answer": """
result = segmentation.segment_members(energy_companies, features, k=range(2, 6))
energy_k = answers.value(result.scores, "silhouette", chosen=True)
energy_largest_segment = answers.value(result.profile, "members", segment=1)
""",
    },
    {  # turnover alone, companies only, every member, no weights, unanswered
        "ps02_sme_answer": """
heads, turnover = energy_companies["employees"], energy_companies["turnover_eur"]
energy_micro_companies = ((heads < 10) & (turnover <= 2e6)).sum()
energy_medium_companies = ((heads < 250) & (turnover <= 50e6)).sum() - (
    (heads < 50) & (turnover <= 10e6)).sum()
""",
        "ps02_export_answer": "energy_export_share = (energy_companies['export_share'] > 0.5).mean()\n",
        "ps02_hhi_answer": """
concentration = segmentation.member_concentration(energy, member_types=None)
energy_hhi = answers.value(concentration, "market_hhi")
""",
        "ps02_forces_answer": """
means = storage_card.groupby("force")["score"].mean()
supplier_power_score = means["supplier_power"]
storage_attractiveness = 6 - means.mean()
""",
        "ps02_segments_answer": "# YOUR CODE HERE\nraise NotImplementedError()",
    },
    {  # every member classified and segmented, another band, another cluster copied from the lesson
        "ps02_sme_answer": """
sized = segmentation.member_composition(segmentation.sme_class(energy), "size_class")
energy_micro_companies = answers.value(sized, "members", size_class="micro")
energy_medium_companies = answers.value(sized, "members", size_class="medium")
""",
        "ps02_export_answer": """
exports = segmentation.member_composition(segmentation.export_band(energy), "export_band")
energy_export_share = answers.value(exports, "member_share", export_band="25-50 %")
""",
        "ps02_hhi_answer": """
concentration = segmentation.member_concentration(members)
energy_hhi = answers.value(concentration, "market_hhi", cluster="dk_food")
""",
        "ps02_segments_answer": """
result = segmentation.segment_members(energy, features, k=range(2, 6))
energy_k = result.k
energy_largest_segment = answers.value(result.profile, "members", segment=1)
""",
    },
    {  # the lesson's Jutland filter copied into task 2; the number of companies for an HHI
        "ps02_export_answer": """
exports = segmentation.member_composition(segmentation.export_band(members), "export_band")
energy_export_share = answers.value(exports, "member_share", cluster="dk_food", export_band=">50 %")
""",
        "ps02_hhi_answer": "energy_hhi = 39\n",
    },
    {  # the lesson's case: the Vidzeme Food Cluster (lv_food) instead of se_energy
        "ps02_sme_answer": """
food = members[(members["cluster"] == "lv_food") & (members["member_type"] == "company")]
sized = segmentation.member_composition(segmentation.sme_class(food), "size_class")
energy_micro_companies = answers.value(sized, "members", size_class="micro")
energy_medium_companies = answers.value(sized, "members", size_class="medium")
""",
        "ps02_export_answer": """
exports = segmentation.member_composition(segmentation.export_band(members), "export_band")
energy_export_share = answers.value(exports, "member_share", cluster="lv_food", export_band=">50 %")
""",
        "ps02_hhi_answer": """
concentration = segmentation.member_concentration(members)
energy_hhi = answers.value(concentration, "market_hhi", cluster="lv_food")
""",
    },
]

HINTS = [
    {
        "ps02_sme_test": "these are the statistical size bands",
        "ps02_export_test": "is not a fraction",
        "ps02_hhi_test": "looks like an HHI with shares as fractions",
        "ps02_forces_test": "that is the mean force score",
        "ps02_segments_test": "energy_k is the number of segments: a whole number from 2 to 5",
    },
    {
        "ps02_sme_test": "turnover OR the balance-sheet total",
        "ps02_export_test": "the share among the companies only",
        "ps02_hhi_test": "counts every member with a turnover",
        "ps02_forces_test": "this ignores the weights",
        "ps02_segments_test": "Task 5 is not answered yet",
    },
    {
        "ps02_sme_test": "these counts classify every member",
        "ps02_export_test": "this is the share for the band '25-50 %': the task asks for the band "
        "'>50 %'",
        "ps02_hhi_test": "this is the HHI for another cluster (dk_food): the task asks for the "
        "South Sweden Energy Cluster (se_energy)",
        "ps02_segments_test": "these are the segments of all the members",
    },
    {
        "ps02_export_test": "that is the share of another cluster (dk_food)",
        "ps02_hhi_test": "this is the number of companies, not the HHI of their turnover",
    },
    {  # the lesson's own case, the Vidzeme Food Cluster, kept in the exercise
        "ps02_sme_test": "energy_micro_companies: this is the count for another cluster "
        "(lv_food): the task asks for the South Sweden Energy Cluster (se_energy).",
        "ps02_export_test": "that is the share of another cluster (lv_food)",
        "ps02_hhi_test": "this is the HHI for another cluster (lv_food)",
    },
]


# Numbers typed from the tables at the lesson's precision (shares: 3 decimals, HHI: whole
# numbers, force scores: 2 decimals) earn their points
TYPED = Learner(
    answers={
        "ps02_export_answer": "energy_export_share = 0.212\n",
        "ps02_hhi_answer": "energy_hhi = 1589\n",
        "ps02_forces_answer": "supplier_power_score, storage_attractiveness = 4.6, 2.72\n",
    },
    scores={"ps02_export_test": 2, "ps02_hhi_test": 2, "ps02_forces_test": 2},
)


SPEC = AssignmentSpec(
    name="ps02-industry-segmentation",
    points=POINTS,
    written=frozenset({"ps02_segment_task", "ps02_force_task"}),
    written_points=8,
    half=HALF,
    natural=NATURAL,
    wrong=WRONG,
    wrong_feedback=(
        "Task 1 (0 of 2 points): energy_micro_companies is off",
        "Task 3 (0 of 2 points): energy_hhi is off: square each company's share",
    ),
    more={"typed": TYPED},
    validations=tuple(
        Validation(f"mistakes {number}", answers, hints)
        for number, (answers, hints) in enumerate(zip(MISTAKES, HINTS, strict=True), start=1)
    ),
)
