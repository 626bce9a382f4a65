"""ps03 (value chain analysis): its six automatically scored tasks, declared once.

Each ``_compute`` function recomputes the right answer from the course data with plain pandas
and numpy (the formulas of module 3: A = Z / x, L = (I - A)^-1, the Ghosh inverse of the sales
shares, the value-chain map), not with the library, and builds the lookup of the same measure for
the other industries, columns and clusters a learner may take by mistake; the rows of the lesson's
own case (food and packaging, the Vidzeme Food Cluster) are ``likely``. Task 6 is the learner's
own cluster (``my_cluster``): its right answer depends on that choice.
"""

from __future__ import annotations

from course.scoring._task import Answer, Reference, Task

LESSON = ("food",)  # the lesson's industry: its column of A and L, its multipliers
CLUSTERS = ("lv_food", "dk_food", "lv_it", "se_energy", "ee_logistics")


def _accounts(load):
    """Z, x, L, the Ghosh inverse G and jobs per EUR 1 million of output, as tables."""
    import numpy as np
    import pandas as pd

    table = load("io_table")
    rows = table[table["kind"] == "industry"].set_index("code")
    codes = list(rows.index)
    Z, x = rows[codes].astype(float), rows["total"].astype(float)
    eye = np.eye(len(codes))
    L = pd.DataFrame(np.linalg.inv(eye - Z.to_numpy() / x.to_numpy()[None, :]), codes, codes)
    G = pd.DataFrame(np.linalg.inv(eye - Z.to_numpy() / x.to_numpy()[:, None]), codes, codes)
    jobs = table.set_index("kind").loc["employment", codes].astype(float) * 1000 / x
    added = table.set_index("kind").loc["value_added", codes].astype(float) / x
    return {"Z": Z, "x": x, "L": L, "G": G, "jobs": jobs, "added": added}


# --- task 1: a technical coefficient ----------------------------------------------------------


def _coefficient_task(load) -> Reference:
    io = _accounts(load)
    A = io["Z"] / io["x"]
    sales_share = io["Z"].div(io["x"], axis=0)
    rows = []
    for supplier in A.index:
        for buyer in ("beverages", "food"):
            likely = (
                supplier in ("paper_packaging", "plastic_packaging", *LESSON) or buyer == "food"
            )
            row = {"supplier": f"the row {supplier}", "buyer": f"the buyer {buyer}",
                   "value": A.loc[supplier, buyer]}  # fmt: skip
            rows.append({**row, "likely": likely})
    rows += [
        {
            "column": "allocation_coefficient",
            "value": sales_share.loc["paper_packaging", "beverages"],
            "likely": True,
            "says": "this is the share of paper packaging's output sold to beverages (buyers, "
            "allocation_coefficient): the technical coefficient divides by the output of the "
            "buyer, beverages: valuechain.suppliers(io.Z, io.x, 'beverages').",
        },
        {
            "column": "total_requirement",
            "value": io["L"].loc["paper_packaging", "beverages"],
            "likely": True,
            "says": "this is the total (direct and indirect) requirement, from the Leontief "
            "inverse: the task asks for the direct coefficient (column input_coefficient).",
        },
        {
            "column": "purchases",
            "value": io["Z"].loc["paper_packaging", "beverages"],
            "likely": True,
            "says": "this is the purchase in EUR million (column purchases): the coefficient is "
            "per euro of the buyer's output (column input_coefficient).",
        },
    ]
    return Reference(right={"beverages_paper_coefficient": A.loc["paper_packaging", "beverages"]},
                     lookup=rows)  # fmt: skip


COEFFICIENT = Task(
    number=1,
    points=2,
    title="A technical coefficient: paper packaging in beverages",
    answers=(
        Answer(
            "beverages_paper_coefficient",
            "number",
            "input_coefficient",
            "answers.value(beverage_suppliers, 'input_coefficient', industry=...)",
        ),
    ),
    compute=_coefficient_task,
    measure="technical coefficient",
    own={
        "supplier": "the row paper_packaging",
        "buyer": "the buyer beverages",
        "column": "input_coefficient",
    },
    decimals=4,
    hints={
        "beverages_paper_coefficient": "make the table of the suppliers of beverages, "
        "valuechain.suppliers(io.Z, io.x, 'beverages'), and take the row of paper_packaging, "
        "column input_coefficient."
    },
)


# --- task 2: the Leontief inverse -------------------------------------------------------------


def _leontief_task(load) -> Reference:
    io = _accounts(load)
    L, A = io["L"], io["Z"] / io["x"]
    rows = [
        {
            "supplier": f"the row {s}",
            "buyer": f"the buyer {b}",
            "value": L.loc[s, b] - (s == b),
            "likely": b == "food" or s in LESSON,
        }
        for s in L.index
        for b in ("beverages", "food")
    ]
    direct, total = A.loc["agriculture", "beverages"], L.loc["agriculture", "beverages"]
    rows += [
        {
            "column": "input_coefficient",
            "value": direct,
            "likely": True,
            "says": "this is the direct coefficient (matrix A, column input_coefficient): the "
            "total adds what the suppliers of beverages buy from farms in turn (column "
            "total_requirement).",
        },
        {
            "column": "indirect_requirement",
            "value": total - direct,
            "likely": True,
            "says": "this is only the indirect part (column indirect_requirement): the task asks "
            "for the total, direct and indirect (column total_requirement).",
        },
    ]
    return Reference(right={"beverages_agriculture_total": total}, lookup=rows)


LEONTIEF = Task(
    number=2,
    points=2,
    title="The Leontief inverse: agriculture behind beverages",
    answers=(
        Answer(
            "beverages_agriculture_total",
            "number",
            "total_requirement",
            "answers.value(beverage_suppliers, 'total_requirement', industry=...)",
        ),
    ),
    compute=_leontief_task,
    measure="total requirement",
    own={
        "supplier": "the row agriculture",
        "buyer": "the buyer beverages",
        "column": "total_requirement",
    },
    decimals=3,
    hints={
        "beverages_agriculture_total": "take the suppliers of beverages, "
        "valuechain.suppliers(io.Z, io.x, 'beverages'), row agriculture, column "
        "total_requirement (the Leontief inverse, L = (I - A)^-1)."
    },
)


# --- task 3: an employment multiplier ---------------------------------------------------------


def _multiplier_task(load) -> Reference:
    io = _accounts(load)
    L = io["L"]
    employment = io["jobs"] @ L
    own = "paper_packaging"
    rows = [
        {
            "industry": code,
            "column": "employment_multiplier",
            "value": value,
            "likely": code in ("food", "beverages", "plastic_packaging"),
        }
        for code, value in employment.items()
    ]
    others = {
        "direct_employment": (io["jobs"][own], "the jobs in paper packaging itself (direct "
                              "employment): the multiplier counts the jobs in every industry"),
        "employment_type_i": (employment[own] / io["jobs"][own], "the type I multiplier, a "
                              "ratio of total to direct jobs: the task asks for persons per "
                              "EUR 1 million of final demand"),
        "output_multiplier": (L[own].sum(), "the output multiplier, in euros of output: the "
                              "task asks for persons employed"),
        "value_added_multiplier": ((io["added"] @ L)[own], "the value-added multiplier, in "
                                   "euros: the task asks for persons employed"),
    }  # fmt: skip
    for column, (value, says) in others.items():
        rows.append(
            {
                "industry": own,
                "column": column,
                "value": value,
                "likely": True,
                "says": f"this is {says} (column employment_multiplier).",
            }
        )
    return Reference(right={"packaging_jobs_multiplier": employment[own]}, lookup=rows)


def _multiplier_check(given, reference):
    value = given.get("packaging_jobs_multiplier")
    if value is not None and 0 < value < 1:
        return (
            "give persons per EUR 1 million (the column employment_multiplier): a number below 1 "
            "looks like thousands of persons, or like a share."
        )
    return None


MULTIPLIER = Task(
    number=3,
    points=2,
    title="An employment multiplier: paper packaging",
    answers=(
        Answer(
            "packaging_jobs_multiplier",
            "number",
            "employment_multiplier",
            "answers.value(multipliers, 'employment_multiplier', industry=...)",
        ),
    ),
    compute=_multiplier_task,
    measure="employment multiplier",
    own={"industry": "paper_packaging", "column": "employment_multiplier"},
    decimals=1,
    hints={
        "packaging_jobs_multiplier": "take the table valuechain.multipliers(io), row "
        "industry='paper_packaging', column employment_multiplier."
    },
    check=_multiplier_check,
)


# --- task 4: key sectors with the supply-side forward index ----------------------------------


def _linkages(io, method):
    L = io["L"]
    backward = L.mean(axis=0) / L.to_numpy().mean()
    rows = L if method == "leontief" else io["G"]
    forward = rows.mean(axis=1) / rows.to_numpy().mean()
    return backward, forward


def _key_task(load) -> Reference:
    io = _accounts(load)
    found = {}
    for method in ("leontief", "ghosh"):
        backward, forward = _linkages(io, method)
        found[method] = {c for c in backward.index if backward[c] > 1 and forward[c] > 1}
    backward, forward = _linkages(io, "ghosh")
    rows = [
        {
            "index": "the default forward index (rows of L, the lesson's section 6)",
            "value": frozenset(found["leontief"]),
            "likely": True,
        },
        {
            "index": "the supply-side index",
            "value": frozenset(c for c in backward.index if backward[c] > 1),
            "likely": True,
            "says": "this is the list with a backward linkage above 1 only: a key sector needs "
            "the forward (Ghosh) index above 1 too (type='key').",
        },
    ]
    facts = {
        "codes": set(backward.index),
        "weak_backward": {c for c in backward.index if backward[c] <= 1},
        "weak_forward": {c for c in forward.index if forward[c] <= 1},
    }
    return Reference(right={"key_sectors_supply_side": found["ghosh"]}, lookup=rows, facts=facts)


def _key_check(given, reference):
    key = set(given.get("key_sectors_supply_side", ()))
    unknown = sorted(key - reference.facts["codes"])
    if unknown:
        return (
            f"{unknown[0]!r} is not an industry code: give codes as written in the 'industry' "
            "column, such as 'fishing'."
        )
    for item in sorted(key):
        if item in reference.facts["weak_backward"]:
            return (
                f"{item} has a backward linkage below 1: a key sector needs both indices above 1."
            )
        if item in reference.facts["weak_forward"]:
            return (
                f"{item} has a supply-side (Ghosh) forward linkage below 1: a key sector needs "
                "both indices above 1 (type='key')."
            )
    if key and key < set(reference.right["key_sectors_supply_side"]):
        return (
            "every industry in your list is a key sector, but at least one is missing: keep all "
            "the rows with type 'key', e.g. with answers.values(links, 'industry', type='key')."
        )
    return None


KEY = Task(
    number=4,
    points=2,
    title="Key sectors with the supply-side forward index",
    answers=(
        Answer(
            "key_sectors_supply_side",
            "items",
            "industry",
            "answers.values(links, 'industry', type=...)",
        ),
    ),
    compute=_key_task,
    measure="list of key sectors",
    own={"index": "the supply-side index (method='ghosh')"},
    hints={
        "key_sectors_supply_side": "compute valuechain.linkages(io.Z, io.x, method='ghosh') and "
        "keep the industries whose type is 'key'."
    },
    check=_key_check,
)


# --- tasks 5 and 6: members on the chain -------------------------------------------------------


def _maps(load):
    """Members and employees per cluster and stage of each cluster's own chain (plain pandas)."""
    from course.valuechain import CHAINS, CLUSTER_CHAINS

    members = load("cluster_members")
    placed = []
    for cluster, group in members.groupby("cluster"):
        chain = CHAINS[CLUSTER_CHAINS[cluster]]
        division = {code: stage[0] for stage in chain for code in stage[4]}
        stage = group["value_chain_stage"]
        if division:  # a service chain: a company sits on the stage of its NACE division
            stage = group["industry"].map(division).astype(object).fillna(stage)
        placed.append(group.assign(stage=stage))
    import pandas as pd

    counted = (
        pd.concat(placed)
        .groupby(["cluster", "stage"])
        .agg(members=("member_id", "size"), employees=("employees", "sum"))
    )
    kinds = {(cluster, s[0]): s[3] for cluster, c in CLUSTER_CHAINS.items() for s in CHAINS[c]}
    grid = pd.DataFrame(
        [(c, s, k) for (c, s), k in kinds.items()], columns=["cluster", "stage", "kind"]
    )
    table = grid.merge(counted.reset_index(), on=["cluster", "stage"], how="left").fillna(0)
    return table, {s[0] for c in CHAINS.values() for s in c}


def _thinnest_task(load) -> Reference:
    table, every = _maps(load)
    chain = table[table["kind"] == "chain"]
    thinnest = chain.loc[chain.groupby("cluster")["members"].idxmin()].set_index("cluster")
    energy = table[table["cluster"] == "se_energy"]
    support = energy[energy["kind"] == "support"]
    rows = [
        {"cluster": c, "value": thinnest.loc[c, "stage"], "likely": c in ("lv_food", "lv_it")}
        for c in thinnest.index
    ]
    rows.append(
        {
            "cluster": "se_energy",
            "kind": "support",
            "value": support.loc[support["members"].idxmin(), "stage"],
            "likely": True,
            "says": "this is a support stage (kind 'support'): the task asks for the thinnest "
            "stage of the chain itself, kind 'chain' (filter kind='chain').",
        }
    )
    facts = {"energy": set(energy["stage"]), "every": every}
    return Reference(
        right={"energy_thinnest_stage": thinnest.loc["se_energy", "stage"]},
        lookup=rows,
        facts=facts,
    )


def _thinnest_check(given, reference):
    stage = given.get("energy_thinnest_stage")
    if stage is None or stage in reference.facts["energy"]:
        return None
    if stage in reference.facts["every"]:
        return (
            f"{stage} is not a stage of the energy chain: map the members with "
            "chain='energy' (valuechain.CLUSTER_CHAINS['se_energy'])."
        )
    return f"{stage!r} is not a stage code: give it as written in the 'stage' column."


THINNEST = Task(
    number=5,
    points=2,
    title="The thinnest link of the energy cluster's chain",
    answers=(
        Answer(
            "energy_thinnest_stage",
            "text",
            "stage",
            "answers.value(thinnest_row, 'stage'), or the code in quotes such as 'equipment'",
        ),
    ),
    compute=_thinnest_task,
    measure="thinnest stage",
    own={"cluster": "se_energy", "kind": "chain"},
    hints={
        "energy_thinnest_stage": "map the members of se_energy on the energy chain and take the "
        "stage of kind 'chain' with the fewest members."
    },
    check=_thinnest_check,
)


def _largest_task(load) -> Reference:
    table, every = _maps(load)
    chain = table[table["kind"] == "chain"]
    largest = chain.loc[chain.groupby("cluster")["employees"].idxmax()].set_index("cluster")
    everything = table.loc[table.groupby("cluster")["employees"].idxmax()].set_index("cluster")
    by_members = chain.loc[chain.groupby("cluster")["members"].idxmax()].set_index("cluster")
    right = largest["stage"].to_dict()
    facts = {
        "largest": right,
        "support": everything["stage"].to_dict(),
        "members": by_members["stage"].to_dict(),
        "stages": table.groupby("cluster")["stage"].agg(set).to_dict(),
    }
    return Reference(right={"my_largest_stage": lambda read: right.get(read.get("my_cluster"))},
                     facts=facts)  # fmt: skip


def _largest_check(given, reference):
    cluster, stage, facts = given.get("my_cluster"), given.get("my_largest_stage"), reference.facts
    if cluster not in facts["largest"]:
        return (
            f"my_cluster is {cluster!r}: set it to the id of your cluster, one of "
            f"{', '.join(map(repr, CLUSTERS))} (in quotes), and run the answer cell again."
        )
    if stage not in facts["stages"][cluster]:
        others = [c for c, stages in facts["stages"].items() if stage in stages]
        chain = f"a stage of {' and '.join(others)}, not of" if others else "not a stage of"
        return (
            f"{stage!r} is {chain} your cluster {cluster}: map the members of my_cluster with "
            f"chain=valuechain.CLUSTER_CHAINS[my_cluster]."
        )
    if stage == facts["support"][cluster]:
        return (
            f"{stage} is a support stage (kind 'support'): the task asks for a stage of the "
            "chain itself (filter kind='chain')."
        )
    if stage == facts["members"][cluster]:
        return f"{stage} has the most members: the task asks for the most employees."
    lesson = [c for c, s in facts["largest"].items() if s == stage and c != cluster]
    if lesson:
        return (
            f"this is the largest stage of {lesson[0]}: the task asks for your cluster, {cluster}."
        )
    return None


LARGEST = Task(
    number=6,
    points=2,
    title="Your own cluster: its largest stage",
    answers=(
        Answer(
            "my_largest_stage",
            "text",
            "stage",
            "answers.value(answers.top(my_map, 'employees', n=1, kind='chain'), 'stage')",
        ),
    ),
    context=("my_cluster",),
    compute=_largest_task,
    measure="largest stage",
    hints={
        "my_largest_stage": "map the members of my_cluster on its own chain and take the stage "
        "of kind 'chain' with the most employees."
    },
    check=_largest_check,
)

TASKS = {task.number: task for task in (COEFFICIENT, LEONTIEF, MULTIPLIER, KEY, THINNEST, LARGEST)}
WRITTEN = {7: ("a project for your own cluster", 4), 8: ("the limits of multipliers", 4)}
