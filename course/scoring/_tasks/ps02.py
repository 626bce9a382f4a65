"""ps02 (industry analysis and segmentation): its five automatically scored tasks, declared once.

The right answers are recomputed from ``cluster_members`` with plain pandas (the EU SME rule,
export bands, the HHI, weighted five forces, k-means with the library's fixed seed); the lookup
rows are the same measures for the other clusters (the lesson's ``lv_food`` and ``dk_food`` are
``likely``) and for the rules, members and columns a learner may take by mistake.
"""

from __future__ import annotations

from course.scoring._task import Answer, Reference, Task

CLUSTER = "se_energy"
LESSON_CLUSTERS = {"lv_food", "dk_food"}  # the lesson's own case and its write-it-yourself one
OWN_CLUSTER = "the South Sweden Energy Cluster (se_energy)"


def _members(load, cluster=CLUSTER, companies=True):
    members = load("cluster_members")
    members = members[members["cluster"] == cluster]
    return members[members["member_type"] == "company"] if companies else members


def _cluster_label(code: str) -> str:
    return OWN_CLUSTER if code == CLUSTER else f"another cluster ({code})"


# --- task 1: SME classes --------------------------------------------------------------------


def _sme(firms, rule="eu"):
    """The EU SME class of each firm (headcount AND turnover OR balance sheet), or a slip."""
    import numpy as np

    heads, turnover, balance = firms["employees"], firms["turnover_eur"], firms["balance_sheet_eur"]
    if rule == "turnover":
        balance = turnover
    elif rule == "both":
        turnover = balance = np.maximum(turnover, balance)
    limits = [(10, 2e6, 2e6), (50, 10e6, 10e6), (250, 50e6, 43e6)]
    if rule == "bands":
        return np.select(
            [heads < 10, heads < 50, heads < 250], ["micro", "small", "medium"], "large"
        )
    tests = [(heads < h) & ((turnover <= t) | (balance <= b)) for h, t, b in limits]
    return np.select(tests, ["micro", "small", "medium"], "large")


RULES = {
    "turnover": "these are the classes by headcount and turnover alone. The EU definition "
    "accepts the turnover OR the balance-sheet total: a firm that fails the turnover ceiling can "
    "still meet the balance-sheet one.",
    "both": "these counts demand both money tests. One is enough: turnover OR balance sheet.",
    "bands": "these are the statistical size bands (headcount only). The SME classes need the "
    "headcount AND the turnover or balance sheet: use segmentation.sme_class.",
    "members": "these counts classify every member, research institutes and associations too. "
    "SME status is for enterprises: classify the companies only (energy_companies).",
}
SME_PARTS = {"energy_micro_companies": "micro", "energy_medium_companies": "medium"}


def _sme_task(load) -> Reference:
    firms = _members(load)
    everyone = _members(load, companies=False)
    variants = {rule: _sme(firms, rule) for rule in ("turnover", "both", "bands")}
    variants["members"] = _sme(everyone[everyone["turnover_eur"].notna()])
    right_classes = _sme(firms)
    rows = []
    for part, size in SME_PARTS.items():
        for rule, classes in variants.items():
            rows.append(
                {
                    "part": part,
                    "rule": rule,
                    "cluster": OWN_CLUSTER,
                    "value": int((classes == size).sum()),
                    "likely": True,
                    "says": RULES[rule],
                }
            )
        for cluster in LESSON_CLUSTERS:
            classes = _sme(_members(load, cluster))
            rows.append(
                {
                    "part": part,
                    "rule": "eu",
                    "cluster": _cluster_label(cluster),
                    "value": int((classes == size).sum()),
                    "likely": True,
                }
            )
    right = {part: int((right_classes == size).sum()) for part, size in SME_PARTS.items()}
    return Reference(right=right, lookup=rows, facts={"companies": len(firms)})


def _sme_check(given, reference):
    counts = [given[p] for p in SME_PARTS if p in given]
    companies = reference.facts["companies"]
    if any(c != int(c) for c in counts) or sum(counts) > companies:
        return (
            f"give the numbers of companies (whole numbers, together at most {companies}), "
            "not shares."
        )
    return None


SME = Task(
    number=1,
    points=2,
    title="SME classes of the companies",
    answers=tuple(
        Answer(name, "number", "members", "answers.value(composition, 'members', size_class=...)")
        for name in SME_PARTS
    ),
    compute=_sme_task,
    measure="count",
    own={"rule": "eu", "cluster": OWN_CLUSTER},
    decimals=0,
    hints={
        "energy_micro_companies": "headcount below 10 AND turnover or balance sheet at most "
        "EUR 2 m: classify the companies with segmentation.sme_class.",
        "energy_medium_companies": "classify the companies only, with segmentation.sme_class.",
    },
    check=_sme_check,
)


# --- task 2: the share of members that export more than half ---------------------------------


def _band_shares(members):
    """Each export band's share of all the members (unknown export shares count as members)."""
    import numpy as np
    import pandas as pd

    share = members["export_share"]
    codes = np.searchsorted([0, 0.25, 0.5], share.fillna(0), side="left")
    bands = pd.Series(np.array(["0 %", "1-25 %", "25-50 %", ">50 %"])[codes], index=members.index)
    return bands[share.notna()].value_counts() / len(members)


def _export_task(load) -> Reference:
    everyone = _members(load, companies=False)
    shares = _band_shares(everyone)
    rows = [
        {"band": f"the band '{band}'", "cluster": OWN_CLUSTER, "value": value, "likely": True}
        for band, value in shares.items()
    ]
    for cluster in sorted(set(load("cluster_members")["cluster"]) - {CLUSTER}):
        value = _band_shares(_members(load, cluster, companies=False)).get(">50 %", 0.0)
        rows.append(
            {
                "band": "the band '>50 %'",
                "cluster": _cluster_label(cluster),
                "value": value,
                "likely": cluster in LESSON_CLUSTERS,
                "says": f"that is the share of another cluster ({cluster}). The task asks "
                "for the South Sweden Energy Cluster: filter cluster='se_energy', or start "
                "from the table energy.",
            }
        )
    over_half = everyone["export_share"] > 0.5
    slips = {
        "the companies only": (
            _band_shares(_members(load)).get(">50 %", 0.0),
            "that is the "
            "share among the companies only; the task asks for the share of all the cluster's "
            "members (the table energy).",
        ),
        "the members with a known export share": (
            over_half.sum() / everyone["export_share"].notna().sum(),
            "this share leaves out the members whose export share is unknown: "
            "they still count among all the members.",
        ),
    }
    for label, (value, says) in slips.items():
        rows.append(
            {
                "band": "the band '>50 %'",
                "members": label,
                "value": value,
                "likely": True,
                "says": says,
            }
        )
    right = {"energy_export_share": over_half.sum() / len(everyone)}
    return Reference(right=right, lookup=rows)


def _export_check(given, reference):
    share = given.get("energy_export_share")
    if share is not None and not 0 <= share <= 1:
        return (
            f"{share:g} is not a fraction: a share runs from 0 to 1 (0.25 = 25 %). If you gave "
            "a percentage, divide it by 100; if you gave a number of members, take the column "
            "member_share."
        )
    return None


EXPORT = Task(
    number=2,
    points=2,
    title="The share of members that export more than half of their turnover",
    answers=(
        Answer(
            "energy_export_share",
            "number",
            "member_share",
            "answers.value(composition, 'member_share', export_band=...)",
        ),
    ),
    compute=_export_task,
    measure="share",
    own={"band": "the band '>50 %'", "cluster": OWN_CLUSTER, "members": "all the members"},
    decimals=3,
    hints={
        "energy_export_share": "the members with an export share above 0.5 (the band '>50 %'), "
        "divided by all the cluster's members."
    },
    check=_export_check,
)


# --- task 3: the HHI of the companies' turnover ----------------------------------------------


def _hhi(turnover) -> float:
    """HHI = sum of the squared shares in % (0 to 10,000)."""
    shares = 100 * turnover / turnover.sum()
    return float((shares**2).sum())


def _hhi_task(load) -> Reference:
    firms = _members(load)
    everyone = _members(load, companies=False)
    right = _hhi(firms["turnover_eur"])
    rows = [
        {
            "cluster": _cluster_label(c),
            "value": _hhi(_members(load, c)["turnover_eur"]),
            "likely": c in LESSON_CLUSTERS,
        }
        for c in sorted(set(load("cluster_members")["cluster"]) - {CLUSTER})
    ]
    slips = {
        "every member with a turnover": (
            _hhi(everyone["turnover_eur"].dropna()),
            "this HHI "
            "counts every member with a turnover, research institutes and associations too. The "
            "task asks for the companies' turnover (the default of member_concentration).",
        ),
        "shares as fractions": (
            right / 10_000,
            "this looks like an HHI with shares as "
            "fractions (0 to 1). The merger-guideline bands use shares in %, from 0 to 10,000: "
            "multiply by 10,000, or use segmentation.member_concentration.",
        ),
        "the number of companies": (
            len(firms),
            "this is the number of companies, not the HHI "
            "of their turnover: use segmentation.member_concentration (the column market_hhi).",
        ),
        "the number of members": (
            len(everyone),
            "this is the number of members, not the HHI "
            "of the companies' turnover: use segmentation.member_concentration.",
        ),
    }
    for label, (value, says) in slips.items():
        rows.append({"measure": label, "value": value, "likely": True, "says": says})
    return Reference(right={"energy_hhi": right}, lookup=rows)


def _hhi_check(given, reference):
    hhi = given.get("energy_hhi")
    if hhi is not None and hhi <= 1:
        return (
            f"{hhi:g} looks like an HHI with shares as fractions (0 to 1). The merger-guideline "
            "bands use shares in %, from 0 to 10,000: multiply by 10,000."
        )
    return None


HHI = Task(
    number=3,
    points=2,
    title="How concentrated the companies' turnover is (HHI)",
    answers=(
        Answer(
            "energy_hhi",
            "number",
            "market_hhi",
            "answers.value(concentration, 'market_hhi', cluster=...)",
        ),
    ),
    compute=_hhi_task,
    measure="HHI",
    own={"cluster": OWN_CLUSTER, "measure": "the HHI of the companies' turnover"},
    decimals=0,
    hints={"energy_hhi": "square each company's share of the turnover in %, and add them up."},
    check=_hhi_check,
)


# --- task 4: five forces ----------------------------------------------------------------------

# the board's scorecard (storage_card in the notebook): force, score, weight per driver
CARD = {
    "force": ["entry_threat"] * 3
    + ["supplier_power"] * 2
    + ["buyer_power"] * 2
    + ["substitutes"] * 2
    + ["rivalry"] * 3,
    "score": [2, 3, 4, 5, 4, 4, 3, 2, 3, 4, 2, 3],
    "weight": [0.5, 0.3, 0.2, 0.6, 0.4, 0.5, 0.5, 0.5, 0.5, 0.4, 0.3, 0.3],
}
IGNORES_WEIGHTS = (
    "this ignores the weights. A force score is the weighted mean of its drivers' scores (the "
    "weights of each force add up to 1): use segmentation.five_forces."
)


def _forces_task(load) -> Reference:
    import pandas as pd

    card = pd.DataFrame(CARD)
    card["weighted"] = card["score"] * card["weight"]
    forces = card.groupby("force")["weighted"].sum() / card.groupby("force")["weight"].sum()
    plain_means = card.groupby("force")["score"].mean()
    rows = [
        {"part": "supplier_power_score", "force": force, "value": value, "likely": True}
        for force, value in forces.items()
        if force != "supplier_power"
    ]
    rows += [
        {
            "part": "supplier_power_score",
            "force": "supplier_power",
            "weights": "none",
            "value": plain_means["supplier_power"],
            "likely": True,
            "says": IGNORES_WEIGHTS,
        },
        {
            "part": "storage_attractiveness",
            "weights": "none",
            "value": 6 - plain_means.mean(),
            "likely": True,
            "says": IGNORES_WEIGHTS,
        },
        {
            "part": "storage_attractiveness",
            "weights": "none by driver",
            "value": 6 - card["score"].mean(),
            "likely": True,
            "says": IGNORES_WEIGHTS,
        },
        {
            "part": "storage_attractiveness",
            "measure": "the mean force score",
            "value": forces.mean(),
            "likely": True,
            "says": "that is the mean force score. The "
            "attractiveness is 6 minus it: high pressure means a less attractive industry.",
        },
    ]
    right = {
        "supplier_power_score": forces["supplier_power"],
        "storage_attractiveness": 6 - forces.mean(),
    }
    return Reference(right=right, lookup=rows)


def _forces_check(given, reference):
    if any(not 1 <= value <= 5 for value in given.values()):
        return "force scores and the attractiveness run from 1 to 5 in the course convention."
    return None


FORCES = Task(
    number=4,
    points=2,
    title="A five-forces score and the attractiveness of energy storage",
    answers=(
        Answer(
            "supplier_power_score",
            "number",
            "force_score",
            "answers.value(forces, 'force_score', force=...)",
        ),
        Answer(
            "storage_attractiveness",
            "number",
            "attractiveness",
            "answers.value(segmentation.attractiveness(forces), 'attractiveness')",
        ),
    ),
    compute=_forces_task,
    measure="force score",
    own={
        "force": "supplier_power",
        "weights": "the drivers' weights",
        "measure": "the attractiveness",
    },
    decimals=2,
    hints={
        "supplier_power_score": "the weighted mean of the supplier drivers' scores.",
        "storage_attractiveness": "6 minus the mean of the five weighted force scores.",
    },
    check=_forces_check,
)


# --- task 5: segments -------------------------------------------------------------------------


def _segments(firms):
    """k and the size of the largest segment: k-means (seed 42) on the standardised features."""
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    x = np.column_stack(
        [np.log1p(firms["employees"]), np.log1p(firms["turnover_eur"]), firms["export_share"]]
    ).astype(float)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    labels = {
        k: KMeans(n_clusters=k, n_init=10, random_state=42).fit(z).labels_ for k in range(2, 6)
    }
    silhouettes = {k: silhouette_score(z, labels[k]) for k in labels}
    best = max(silhouettes, key=lambda k: (silhouettes[k], -k))
    return best, int(np.bincount(labels[best]).max()), silhouettes[best]


def _segments_task(load) -> Reference:
    firms = _members(load)
    everyone = _members(load, companies=False)
    k, largest, silhouette = _segments(firms)
    k_all, largest_all, _ = _segments(everyone[everyone["turnover_eur"].notna()])
    every = (
        "these are the segments of all the members, institutions too. The task asks for the "
        "companies: segment energy_companies."
    )
    rows = [
        {"part": "energy_k", "members": "all", "value": k_all, "likely": True, "says": every},
        {
            "part": "energy_largest_segment",
            "members": "all",
            "value": largest_all,
            "likely": True,
            "says": every,
        },
        {
            "part": "energy_k",
            "measure": "the silhouette",
            "value": silhouette,
            "likely": True,
            "says": "this is the silhouette, but energy_k is the number of segments: a whole "
            "number from 2 to 5 (result.k). The silhouette is a score between -1 and 1.",
        },
    ]
    right = {"energy_k": k, "energy_largest_segment": largest}
    return Reference(right=right, lookup=rows, facts={"companies": len(firms)})


def _segments_check(given, reference):
    k, largest = given.get("energy_k"), given.get("energy_largest_segment")
    if k is not None and (k != int(k) or not 2 <= k <= 5):
        return (
            f"energy_k is {k:g}, but it is the number of segments: a whole number from 2 to 5. "
            "The silhouette is a score between -1 and 1 (in result.scores); the number is "
            "result.k."
        )
    companies = reference.facts["companies"]
    if k and largest is not None and not companies / k <= largest <= companies:
        return (
            f"the largest of {k:g} segments of {companies} companies has at least "
            f"{companies / k:.0f} and at most {companies} members: take the column members of "
            "segment 1 in result.profile (segment 1 is the largest)."
        )
    return None


SEGMENTS = Task(
    number=5,
    points=2,
    title="Segments of the companies, with the fixed seed",
    answers=(
        Answer("energy_k", "number", "k", "result.k"),
        Answer(
            "energy_largest_segment",
            "number",
            "members",
            "answers.value(result.profile, 'members', segment=1)",
        ),
    ),
    compute=_segments_task,
    measure="number",
    own={"members": "the companies", "measure": "the number of segments"},
    decimals=0,
    hints={
        "energy_k": "segment the companies on the three features with k=range(2, 6).",
        "energy_largest_segment": "the members of segment 1 of the companies' segmentation.",
    },
    check=_segments_check,
)

TASKS = {task.number: task for task in (SME, EXPORT, HHI, FORCES, SEGMENTS)}
WRITTEN = {6: ("which segment to serve first, and how", 4), 7: ("the most threatening force", 4)}
