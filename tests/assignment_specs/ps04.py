"""ps04 (benchmarking and internationalisation): the data of its nbgrader round trip.

The steps are tests/test_assignments.py's, the vocabulary tests/assignment_kit.py's. Conceptual
mistakes, a fraction, the wrong peer group and numbers that look like the answer each fail
Validate with their own hint.
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
        "ps04_weakest_answer": "energy_weakest_area = 'financing'",  # 0 of 2
        "ps04_label_answer": FromSolution(  # the label right, the count wrong: 1 of 2
            replace=(
                'energy_areas_improved = answers.value(ready, "areas_improved", '
                'organisation="se_energy")',
                "energy_areas_improved = 0",  # not 2: that is the count among all organisations
            )
        ),
        "ps04_hhi_answer": SOLVED,  # 2 of 2
    },
    scores={
        "ps04_percentile_test": 2,
        "ps04_weakest_test": 0,
        "ps04_gap_test": 0,
        "ps04_label_test": 1,
        "ps04_hhi_test": 2,
    },
    feedback=(
        "Task 3 is not answered yet",
        "Task 2 (0 of 2 points): financing is not it: score the 2023 areas",
        "Task 4 (full marks): right.",
        "Task 4 (0 of 1 points): energy_areas_improved is off: count the areas",
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
energy_weakest_area = scores.loc[(scores["organisation"] == "se_energy") & scores["weakest"], "area"]
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
    "ps04_weakest_answer": "energy_weakest_area = 'structure'\n",
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
    "ps04_hhi_answer": "# YOUR CODE HERE\nraise NotImplementedError()",
}

EXPECTED_HINTS = {
    "ps04_percentile_test": "the position read the wrong way round: a lower dependency is better",
    "ps04_weakest_test": "that is the strongest area (area_rank 1)",
    "ps04_gap_test": "this is the top quartile itself (the target), not the distance to it",
    "ps04_label_test": "label_readiness needs both rounds to count improved areas",
    "ps04_hhi_test": "Task 5 is not answered yet",
}

# A percentile among all organisations, a label among all organisations, an HHI of fractions.
FRACTION_AND_PEERS = {
    "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023)  # all organisations, not the energy peers
energy_funding_percentile = answers.value(
    ranks, "percentile", organisation="se_energy", indicator="public_funding_dependency")
""",
    "ps04_label_answer": """
ready = benchmarking.label_readiness(bench)  # all organisations
energy_label = answers.value(ready, "estimated_label", organisation="se_energy")
energy_areas_improved = answers.value(ready, "areas_improved", organisation="se_energy")
""",
    "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="se_energy") / 10000
""",
}

FRACTION_AND_PEERS_HINTS = {
    "ps04_percentile_test": "this is the rank among all organisations: compare with the energy peers",
    "ps04_label_test": "this is the estimate among all organisations: compare with the energy peers",
    "ps04_hhi_test": "shares written as fractions (0-1)",
}


# Wrong answers that passed the visible checks before: the raw value or another indicator for a
# percentile, the gap or the improved areas among all organisations, the lesson's cluster, the
# number of countries or another year for the HHI. Each now fails Validate with its own hint.
LOOK_ALIKES = (
    {
        "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
energy_funding_percentile = answers.value(
    ranks, "value", organisation="se_energy", indicator="public_funding_dependency")
""",
        "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023)  # all organisations, not the energy peers
energy_export_gap = answers.value(
    gaps, "gap_to_top_quartile", organisation="se_energy", indicator="export_share_members")
""",
        "ps04_label_answer": """
ready = benchmarking.label_readiness(bench, peers="sector")
energy_label = answers.value(ready, "estimated_label", organisation="se_energy")
everybody = benchmarking.label_readiness(bench)  # the count among all organisations
energy_areas_improved = answers.value(everybody, "areas_improved", organisation="se_energy")
""",
        "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="lv_it")  # the lesson's cluster
""",
    },
    {
        "ps04_percentile_answer": """
ranks = benchmarking.percentile_ranks(round_2023, peers="sector")
energy_funding_percentile = answers.value(
    ranks, "percentile", organisation="se_energy", indicator="response_days")
""",
        "ps04_gap_answer": """
gaps = benchmarking.peer_gaps(round_2023, peers="sector")
energy_export_gap = answers.value(
    gaps, "value", organisation="se_energy", indicator="export_share_members")
""",
        "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade[trade["year"] == 2021])
energy_partner_hhi = answers.value(hhi, "partner_hhi", cluster="se_energy")
""",
    },
    {
        "ps04_hhi_answer": """
hhi = benchmarking.partner_concentration(trade_2023)
energy_partner_hhi = answers.value(hhi, "partners", cluster="se_energy")
""",
    },
)

LOOK_ALIKE_HINTS = (
    {
        "ps04_percentile_test": "this is the cluster's own dependency in % (the column 'value')",
        "ps04_gap_test": "this is the gap to the top quartile of all organisations",
        "ps04_label_test": "energy_areas_improved counts the areas improved among all organisations",
        "ps04_hhi_test": "this is the HHI of another cluster (lv_it)",
    },
    {
        "ps04_percentile_test": "this is the percentile of another indicator",
        "ps04_gap_test": "this is the cluster's own export share (the column 'value')",
        "ps04_hhi_test": "this is the HHI of 2021: use the 2023 trade table",
    },
    {"ps04_hhi_test": "this is the number of partner countries (the column 'partners')"},
)


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
        "Task 2 (0 of 2 points): structure is not it",
        "Task 3 (0 of 2 points): energy_export_gap is off",
        "Task 4 (0 of 1 points): Silver is not it",
        "Task 5 (0 of 2 points): energy_partner_hhi is off",
    ),
    validations=(
        Validation("mistakes", MISTAKES, EXPECTED_HINTS),
        Validation(
            "a fraction and the wrong peer group", FRACTION_AND_PEERS, FRACTION_AND_PEERS_HINTS
        ),
        *(
            Validation(f"look-alikes {number}", answers, hints)
            for number, (answers, hints) in enumerate(
                zip(LOOK_ALIKES, LOOK_ALIKE_HINTS, strict=True), start=1
            )
        ),
    ),
)
