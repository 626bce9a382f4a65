"""ps04 (benchmarking and internationalisation): the data of its nbgrader round trip.

The steps are tests/test_assignments.py's, the vocabulary tests/assignment_kit.py's. Conceptual
mistakes, the lesson's cluster (lv_it), the peer group forgotten (task 2's score then differs)
and numbers that look like the answer each fail Validate with a hint that names the slip.
"""

from __future__ import annotations

from tests.assignment_kit import SOLVED, AssignmentSpec, FromSolution, Learner, Validation

POINTS = {
    "ps04_percentile_test": 2,
    "ps04_weakest_test": 2,
    "ps04_gap_test": 2,
    "ps04_label_test": 2,
    "ps04_hhi_test": 2,
}

HALF = Learner(  # task 3 left unanswered: 0
    answers={
        "ps04_percentile_answer": SOLVED,  # 2 of 2
        # the weakest area right, its score among all organisations (no peers=): 1 of 2
        "ps04_weakest_answer": """
scores = benchmarking.area_scores(round_2023)
energy_weakest_area = answers.value(scores, "area", organisation="se_energy", weakest=True)
energy_weakest_score = answers.value(scores, "area_score", organisation="se_energy", weakest=True)
""",
        "ps04_label_answer": FromSolution(  # the label right, the count wrong: 1 of 2
            replace=(
                'energy_areas_improved = answers.value(ready, "areas_improved", '
                'organisation="se_energy")',
                "energy_areas_improved = 0",
            )
        ),
        "ps04_hhi_answer": SOLVED,  # 2 of 2
    },
    scores={
        "ps04_percentile_test": 2,
        "ps04_weakest_test": 1,
        "ps04_gap_test": 0,
        "ps04_label_test": 1,
        "ps04_hhi_test": 2,
    },
    feedback=(
        "Hint: Task 3 is not answered yet",
        "Task 2 (1 of 2 points): energy_weakest_area is right; energy_weakest_score is off: this "
        "is the weakest area for all organisations (no peers=): the task asks for the energy peers",
        "Task 4 (1 of 2 points): energy_label is right; energy_areas_improved is off",
        "Task 5 (full marks)",
    ),
)

# A learner's natural answers in other forms: one-row tables, a one-element Series, a numpy
# scalar, a one-element list, a value read with .iloc.
NATURAL_ANSWERS = {
    "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
energy_funding_percentile = ranks[
    (ranks["organisation"] == "se_energy") & (ranks["indicator"] == "public_funding_dependency")
]
""",
    "ps04_weakest_answer": """
scores = benchmarking.area_scores(round_2023, peers="sector")
mine = scores[(scores["organisation"] == "se_energy") & scores["weakest"]]
energy_weakest_area = mine["area"]
energy_weakest_score = mine
""",
    "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023, peers="sector")
energy_export_gap = gaps.loc[
    (gaps["organisation"] == "se_energy") & (gaps["indicator"] == "export_share_members"),
    "gap_to_top_quartile",
].to_numpy()[0]
""",
    "ps04_label_answer": """
ready = benchmarking.label_readiness(bench, peers="sector")
mine = ready[ready["organisation"] == "se_energy"]
energy_label = mine["estimated_label"].tolist()
energy_areas_improved = mine["areas_improved"].iloc[0]
""",
    "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = hhi[hhi["cluster"] == "se_energy"]
""",
}

# Wrong answers that pass the visible checks once these are patched away: all score 0.
WRONG_ANSWERS = {
    "ps04_percentile_answer": "energy_funding_percentile = 50.0\n",
    "ps04_weakest_answer": "energy_weakest_area, energy_weakest_score = 'structure', 50.0\n",
    "ps04_gap_answer": "energy_export_gap = 1.0\n",
    "ps04_label_answer": "energy_label, energy_areas_improved = 'Silver', 3\n",
    "ps04_hhi_answer": "energy_partner_hhi = 5000.0\n",
}


# Conceptual mistakes, and one task left unanswered: Validate fails each with a hint.
MISTAKES = {
    "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector", direction={
    i: "higher" for i in catalogue["indicator"]})  # as if a higher dependency were better
energy_funding_percentile = answers.value(
    ranks, "percentile", organisation="se_energy", indicator="public_funding_dependency")
""",
    "ps04_weakest_answer": """
scores = benchmarking.area_scores(round_2023, peers="sector")
energy_weakest_area = answers.value(scores, "area", organisation="se_energy", area_rank=1)
energy_weakest_score = answers.value(scores, "area_score", organisation="se_energy", weakest=True)
""",
    "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023, peers="sector")
energy_export_gap = answers.value(
    gaps, "peer_top_quartile", organisation="se_energy", indicator="export_share_members")
""",
    "ps04_label_answer": """
ready = benchmarking.label_readiness(round_2023, peers="sector")  # one round only
energy_label = answers.value(ready, "estimated_label", organisation="se_energy")
energy_areas_improved = answers.value(ready, "areas_improved", organisation="se_energy")
""",
    # the benchmarking tables' key kept for the trade table, whose key is 'cluster'
    "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partner_hhi", organisation="se_energy")
""",
}

EXPECTED_HINTS = {
    "ps04_percentile_test": "the position read the wrong way round: a lower dependency is better",
    "ps04_weakest_test": "this is the strongest area (area_rank 1)",
    "ps04_gap_test": "this is the top quartile itself (the target), not the distance to it",
    "ps04_label_test": "one round has no improvement to count",
    "ps04_hhi_test": "the table has no column 'organisation'. Its columns are: 'cluster'",
}

# The lesson's case (lv_it, the Riga Digital Cluster) kept in tasks 1-5: each hint names it.
LESSON_CASE = {
    "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
energy_funding_percentile = answers.value(
    ranks, "percentile", organisation="lv_it", indicator="public_funding_dependency")
""",
    "ps04_weakest_answer": """
scores = benchmarking.area_scores(round_2023, peers="sector")
energy_weakest_area = answers.value(scores, "area", organisation="lv_it", weakest=True)
energy_weakest_score = answers.value(scores, "area_score", organisation="lv_it", weakest=True)
""",
    "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023, peers="sector")
energy_export_gap = answers.value(
    gaps, "gap_to_top_quartile", organisation="lv_it", indicator="export_share_members")
""",
    "ps04_label_answer": """
ready = benchmarking.label_readiness(bench, peers="sector")
energy_label = answers.value(ready, "estimated_label", organisation="lv_it")
energy_areas_improved = answers.value(ready, "areas_improved", organisation="lv_it")
""",
    "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="lv_it")
""",
}
LESSON_HINTS = {
    "ps04_percentile_test": "Task 1: this is the percentile for lv_it: the task asks for se_energy.",
    "ps04_weakest_test": "energy_weakest_area: this is the weakest area for lv_it: the task asks "
    "for se_energy.",
    "ps04_gap_test": "Task 3: this is the gap to the top quartile for lv_it: the task asks for "
    "se_energy.",
    "ps04_label_test": "energy_label: this is the label estimate for lv_it: the task asks for "
    "se_energy.",
    "ps04_hhi_test": "Task 5: this is the partner HHI for lv_it: the task asks for se_energy.",
}

# Every task without peers="sector" (all organisations), and look-alike numbers.
NO_PEERS = {
    "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023)
energy_funding_percentile = answers.value(
    ranks, "percentile", organisation="se_energy", indicator="public_funding_dependency")
""",
    "ps04_weakest_answer": """
scores = benchmarking.area_scores(round_2023)
energy_weakest_area = answers.value(scores, "area", organisation="se_energy", weakest=True)
energy_weakest_score = answers.value(scores, "area_score", organisation="se_energy", weakest=True)
""",
    "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023)
energy_export_gap = answers.value(
    gaps, "gap_to_top_quartile", organisation="se_energy", indicator="export_share_members")
""",
    "ps04_label_answer": """
ready = benchmarking.label_readiness(bench)
energy_label = answers.value(ready, "estimated_label", organisation="se_energy")
energy_areas_improved = answers.value(ready, "areas_improved", organisation="se_energy")
""",
    "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="se_energy") / 10000
""",
}
NO_PEERS_HINTS = {
    "ps04_percentile_test": "Task 1: this is the percentile for all organisations (no peers=): "
    "the task asks for the energy peers (peers='sector').",
    "ps04_weakest_test": "energy_weakest_score: this is the weakest area for all organisations "
    "(no peers=): the task asks for the energy peers (peers='sector').",
    "ps04_gap_test": "this is the gap to the top quartile for all organisations (no peers=)",
    "ps04_label_test": "this is the label estimate for all organisations (no peers=)",
    "ps04_hhi_test": "shares written as fractions (0-1)",
}

LOOK_ALIKES = {
    "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
energy_funding_percentile = answers.value(
    ranks, "value", organisation="se_energy", indicator="public_funding_dependency")
""",
    "ps04_weakest_answer": "energy_weakest_area, energy_weakest_score = 'Services', 61.6\n",
    "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023, peers="sector")
energy_export_gap = answers.value(
    gaps, "value", organisation="se_energy", indicator="export_share_members")
""",
    "ps04_label_answer": "energy_label, energy_areas_improved = 'gold', 1\n",
    "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade[trade["year"] == 2021])
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="se_energy")
""",
}
LOOK_ALIKE_HINTS = {
    "ps04_percentile_test": "this is the cluster's own dependency in % (the column value)",
    "ps04_weakest_test": "'Services' is not an area id",
    "ps04_gap_test": "this is the cluster's own export share (the column value)",
    "ps04_label_test": "write the label as the table does",
    "ps04_hhi_test": "Task 5: this is the partner HHI for 2021: the task asks for 2023.",
}

SPEC = AssignmentSpec(
    name="ps04-benchmarking",
    points=POINTS,
    written=frozenset({"ps04_plan_task", "ps04_international_task"}),
    written_points=8,
    half=HALF,
    natural=NATURAL_ANSWERS,
    wrong=WRONG_ANSWERS,
    wrong_feedback=(  # the patches ran, and the fresh process scored the answers anyway
        "Task 1 (0 of 2 points): energy_funding_percentile is off",
        "Task 2 (0 of 2 points): energy_weakest_area is off",
        "Task 3 (0 of 2 points): energy_export_gap is off",
        "Task 4 (0 of 2 points): energy_label is off",
        "Task 5 (0 of 2 points): energy_partner_hhi is off",
    ),
    validations=(
        Validation(
            "mistakes", MISTAKES, EXPECTED_HINTS, never={"ps04_hhi_test": ("concentration'?",)}
        ),
        Validation("the lesson's case", LESSON_CASE, LESSON_HINTS),
        Validation("no peer group", NO_PEERS, NO_PEERS_HINTS),
        Validation("look-alikes", LOOK_ALIKES, LOOK_ALIKE_HINTS),
    ),
)
