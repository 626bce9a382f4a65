"""ps01 (cluster economics): its six automatically scored tasks, declared once.

Each ``_compute`` function recomputes the right answer from the course data with plain pandas
(the formulas of module 1, not the library), and builds the lookup of the same measure for the
other regions, industries, reference areas and columns a learner may take by mistake; the rows
of the lesson's own case (Vidzeme, food products, Midtjylland, Rīga) are ``likely``.
"""

from __future__ import annotations

from course.scoring._task import Answer, Reference, Task

START, END = 2013, 2023
SHORT = {"C10": "food products", "C16": "wood products", "J62": "computer programming"}
LESSON_REGIONS = {"LV008", "DK04", "LV006"}  # Vidzeme, Midtjylland, Rīga: the lesson's cases
COUNTRY = {"LV": "Latvia", "EE": "Estonia", "LT": "Lithuania"}  # others: their code
PARTS = ("national_share", "industry_mix", "regional_shift")


def _labels(employment):
    regions = employment.drop_duplicates("region").set_index("region")["region_name"]
    industries = employment.drop_duplicates("industry").set_index("industry")["industry_name"]
    region = {code: f"{name} ({code})" for code, name in regions.items()}
    industry = {
        code: f"{SHORT.get(code, name.split(';')[0].split(',')[0])} ({code})"
        for code, name in industries.items()
    }
    return region, industry


def _with_categories(load, year=None):
    employment = load("regional_employment")
    if year is not None:
        employment = employment[employment["year"] == year]
    categories = load("cluster_categories")[["industry", "category", "traded"]]
    return employment.merge(categories, on="industry")


def _lq(table, region="region", industry="industry"):
    """LQ = (e_ir / e_r) / (E_i / E) of every cell, a Series on (region, industry)."""
    cell = table.groupby([region, industry])["employment"].sum()
    cell = cell[cell > 0]
    in_region = cell.groupby(level=0).transform("sum")
    in_industry = cell.groupby(level=1).transform("sum")
    return (cell / in_region) / (in_industry / cell.sum())


# --- task 1: location quotients with two reference areas -------------------------------------


def _lq_task(load) -> Reference:
    employment = load("regional_employment")
    in_2023 = employment[employment["year"] == END]
    region, industry = _labels(employment)
    country = in_2023.drop_duplicates("region").set_index("region")["country"]
    wide = _lq(in_2023)
    national = _lq_by_country(in_2023)
    rows = []
    for table, reference in ((wide, "all"), (national, "own")):
        for (r, i), value in table.items():
            if r != "LV005" and i not in ("C16", "C10"):
                continue
            where = "all regions" if reference == "all" else COUNTRY.get(country[r], country[r])
            likely = r in LESSON_REGIONS | {"LV005"} and i in ("C10", "C16")
            rows.append(
                {
                    "region": region[r],
                    "industry": industry[i],
                    "reference": f"{where} as the reference area",
                    "value": value,
                    "likely": likely,
                }
            )
    right = {
        "lq_latgale_wood": wide[("LV005", "C16")],
        "lq_latgale_wood_latvia": national[("LV005", "C16")],
    }
    return Reference(right=right, lookup=rows)


def _lq_by_country(table):
    import pandas as pd

    return pd.concat(_lq(part) for _, part in table.groupby("country"))


def _lq_check(given, reference):
    both = given.get("lq_latgale_wood"), given.get("lq_latgale_wood_latvia")
    if None not in both and abs(both[0] - both[1]) < 1e-9:
        return (
            "both LQs are equal, but they use different reference areas: for (b) compute "
            "the LQ on a table of Latvia's regions only (the 'country' column is 'LV')."
        )
    return None


LQ = Task(
    number=1,
    points=2,
    title="Location quotients of wood products in Latgale, two reference areas",
    answers=(
        Answer(
            "lq_latgale_wood", "number", "lq", "answers.value(lq, 'lq', region=..., industry=...)"
        ),
        Answer("lq_latgale_wood_latvia", "number", "lq", "answers.value(lq_latvia, 'lq', ...)"),
    ),
    compute=_lq_task,
    measure="LQ",
    own={
        "lq_latgale_wood": {
            "region": "Latgale (LV005)",
            "industry": "wood products (C16)",
            "reference": "all regions as the reference area",
        },
        "lq_latgale_wood_latvia": {
            "region": "Latgale (LV005)",
            "industry": "wood products (C16)",
            "reference": "Latvia as the reference area",
        },
    },
    decimals=2,
    hints={
        "lq_latgale_wood": "compute the LQ on the 2023 table of all regions (in_2023) and take "
        "the value of Latgale (LV005) and wood products (C16).",
        "lq_latgale_wood_latvia": "the reference area is Latvia: compute the LQ on a table of "
        "Latvia's regions only, then take Latgale's wood products.",
    },
    check=_lq_check,
)


# --- task 2: the European star rating ---------------------------------------------------------


def _stars(load):
    """Stars of every region x category in 2023 (European Cluster Observatory, defaults)."""
    cells = (
        _with_categories(load, END)
        .groupby(["region", "category"], as_index=False)["employment"]
        .sum()
    )
    cells = cells[cells["employment"] > 0]
    in_region = cells.groupby("region")["employment"].transform("sum")
    in_category = cells.groupby("category")["employment"].transform("sum")
    cells["lq"] = (cells["employment"] / in_region) / (in_category / cells["employment"].sum())
    cells["focus"] = cells["employment"] / in_region
    p90 = cells.groupby("category")[["employment", "focus"]].transform(lambda s: s.quantile(0.9))
    cells["stars"] = (
        (cells["employment"] >= p90["employment"]).astype(int)
        + (cells["lq"] >= 2).astype(int)
        + (cells["focus"] >= p90["focus"]).astype(int)
    )
    return cells


FILTERS = {
    "at least one star (1, 2 or 3)": lambda stars: stars >= 1,
    "exactly one star (stars=1): 2 and 3 stars are at least one too": lambda stars: stars == 1,
    "at least two stars (the lesson's filter)": lambda stars: stars >= 2,
    "exactly two stars (stars=2)": lambda stars: stars == 2,
}


def _stars_task(load) -> Reference:
    cells = _stars(load)
    region, _ = _labels(load("regional_employment"))
    rows = []
    for label, keep in FILTERS.items():
        for code, group in cells[keep(cells["stars"])].groupby("region"):
            rows.append(
                {
                    "region": region[code],
                    "filter": label,
                    "value": frozenset(group["category"]),
                    "likely": code in LESSON_REGIONS or code == "LV005",
                }
            )
    own = (cells["region"] == "LV005") & (cells["stars"] >= 1)
    return Reference(
        right={"latgale_starred_categories": set(cells.loc[own, "category"])},
        lookup=rows,
        facts={"categories": set(cells["category"])},
    )


STARS_ARGS = "stars, 'category', region=..., stars=..."


def _stars_check(given, reference):
    unknown = set(given.get("latgale_starred_categories", ())) - reference.facts["categories"]
    if unknown:
        return (
            f"{sorted(unknown)[0]!r} is not a category id: give ids as written in the "
            "'category' column, such as 'textiles'."
        )
    return None


STARS = Task(
    number=2,
    points=2,
    title="European star rating in Latgale",
    answers=(
        Answer("latgale_starred_categories", "items", "category", f"answers.values({STARS_ARGS})"),
    ),
    compute=_stars_task,
    measure="list",
    own={"region": "Latgale (LV005)", "filter": "at least one star (1, 2 or 3)"},
    hints={
        "latgale_starred_categories": "rate the cluster categories of 2023 (all regions) and "
        "keep Latgale's categories with at least one star."
    },
    check=_stars_check,
)


# --- task 3: shift-share ----------------------------------------------------------------------


def _shifts(load):
    """Classical shift-share of every region x industry, START to END (reference: all)."""
    employment = load("regional_employment")
    e = employment.pivot_table(
        index=["region", "industry"], columns="year", values="employment", aggfunc="sum"
    ).fillna(0)
    g = e[END].sum() / e[START].sum() - 1
    by_industry = e.groupby(level="industry")[[START, END]].sum()
    gi = (by_industry[END] / by_industry[START] - 1).reindex(e.index, level="industry")
    e0, e1 = e[START], e[END]
    parts = {
        "national_share": e0 * g,
        "industry_mix": e0 * (gi - g),
        "regional_shift": e1 - e0 - e0 * gi,
    }
    return parts, e1 - e0


def _shift_task(load) -> Reference:
    parts, change = _shifts(load)
    region, industry = _labels(load("regional_employment"))
    rows = []
    for part, values in parts.items():
        for (r, i), value in values.items():
            if not (r == "EE001" or i == "J62" or (r, i) == ("LV008", "C10")):
                continue
            likely = r in LESSON_REGIONS and i in ("C10", "J62") or (r, i) == ("EE001", "J62")
            row = {
                "region": region[r],
                "industry": industry[i],
                "part": part,
                "value": value,
                "likely": likely,
            }
            if (r, i) == ("EE001", "J62"):
                row["says"] = (
                    f"this number is the {part} in another place: national_share is the change "
                    "at the whole area's growth rate, industry_mix the industry's growth above "
                    "that, regional_shift what is left for the region itself."
                )
            rows.append(row)
    right = {part: values[("EE001", "J62")] for part, values in parts.items()}
    return Reference(right=right, lookup=rows, facts={"change": change[("EE001", "J62")]})


def _shift_check(given, reference):
    if set(PARTS) - set(given):
        return None
    total, change = sum(given[p] for p in PARTS), reference.facts["change"]
    if abs(total - change) > max(1.0, 1e-3 * abs(change)):
        return (
            f"the three parts add up to {total:.0f}, not to the change in employment from "
            f"{START} to {END}: take all three from the one row of Põhja-Eesti (EE001) and "
            "J62 of the shift-share table."
        )
    return None


SHIFT = Task(
    number=3,
    points=3,
    title="Shift-share of IT in Põhja-Eesti",
    answers=(
        Answer(
            "tallinn_it_shift",
            "numbers",
            None,
            "the one-row result of economics.shift_share or a dict with national_share, "
            "industry_mix and regional_shift",
            parts=PARTS,
        ),
    ),
    compute=_shift_task,
    measure="shift-share part",
    own={"region": "Põhja-Eesti (EE001)", "industry": "computer programming (J62)"},
    decimals=0,
    hints={
        "national_share": "the start employment times the whole area's growth rate.",
        "industry_mix": "the start employment times the industry's growth rate in the whole "
        "area minus the area's.",
        "regional_shift": "the region's growth in the industry minus the industry's growth.",
    },
    check=_shift_check,
)


# --- task 4: the US strong-cluster rule -------------------------------------------------------


def _strong(cells):
    """The strong region x category cells of the US Cluster Mapping rule, as a boolean Series."""
    import numpy as np

    cells = cells[cells["employment"] > 0].copy()
    in_region = cells.groupby("region")["employment"].transform("sum")
    in_category = cells.groupby("category")["employment"].transform("sum")
    cells["lq"] = (cells["employment"] / in_region) / (in_category / cells["employment"].sum())
    quartile = cells.groupby("category")[["lq", "employment", "establishments"]]
    q25, q75 = (
        quartile.transform(lambda s: np.quantile(s, 0.25)),
        quartile.transform(lambda s: np.quantile(s, 0.75)),
    )
    strong = (
        (cells["lq"] >= np.maximum(q75["lq"], 1))
        & (cells["employment"] > q25["employment"])
        & (cells["establishments"] > q25["establishments"])
    )
    return cells.loc[strong, ["region", "category"]]


def _strong_task(load) -> Reference:
    joined = _with_categories(load, END)
    region, _ = _labels(load("regional_employment"))
    sums = ["employment", "establishments"]
    traded = joined[joined["traded"]].groupby(["region", "category"], as_index=False)[sums].sum()
    every = joined.groupby(["region", "category"], as_index=False)[sums].sum()
    rows = []
    for label, cells in (("the traded categories", traded), ("all categories", every)):
        for code, group in _strong(cells).groupby("region"):
            rows.append(
                {
                    "region": region[code],
                    "categories": label,
                    "value": frozenset(group["category"]),
                    "likely": code in LESSON_REGIONS or code == "SE22",
                }
            )
    strong = _strong(traded)
    local = set(load("cluster_categories").query("not traded")["category"])
    right = set(strong.loc[strong["region"] == "SE22", "category"])
    return Reference(
        right={"sydsverige_strong_clusters": right}, lookup=rows, facts={"local": local}
    )


STRONG_EXAMPLE = "answers.values(strength, 'category', region=..., strong=True)"


def _strong_check(given, reference):
    local = sorted(set(given.get("sydsverige_strong_clusters", ())) & reference.facts["local"])
    if local:
        return (
            f"{local[0]} is a local category: the rule is for traded ones (the rows whose "
            "'traded' column is True)."
        )
    return None


STRONG = Task(
    number=4,
    points=2,
    title="US strong clusters in Sydsverige",
    answers=(Answer("sydsverige_strong_clusters", "items", "category", STRONG_EXAMPLE),),
    compute=_strong_task,
    measure="list of strong clusters",
    own={"region": "Sydsverige (SE22)", "categories": "the traded categories"},
    hints={
        "sydsverige_strong_clusters": "apply the US rule (economics.cluster_strength) to the "
        "traded categories of 2023 and keep Sydsverige's strong ones."
    },
    check=_strong_check,
)


# --- task 5: the compound annual growth rate --------------------------------------------------


def _growth_task(load) -> Reference:
    joined = _with_categories(load)
    region, _ = _labels(load("regional_employment"))
    x = joined.pivot_table(
        index=["region", "category"], columns="year", values="employment", aggfunc="sum"
    )
    years = END - START
    cagr, total = (x[END] / x[START]) ** (1 / years) - 1, x[END] / x[START] - 1
    rows = []
    for (r, c), value in cagr.items():
        if r == "LV006" or c == "it_electronics" or (r, c) == ("LV008", "tourism"):
            likely = r in LESSON_REGIONS and c in ("it_electronics", "tourism", "food_processing")
            rows.append({"region": region[r], "category": c, "value": value, "likely": likely})
    rows.append(
        {
            "region": region["LV006"],
            "category": "it_electronics",
            "column": "growth_rate",
            "value": total[("LV006", "it_electronics")],
            "likely": True,
            "says": "this is the growth over the whole ten years (the column growth_rate): "
            "the task asks for the yearly rate, the column cagr.",
        }
    )
    own = ("LV006", "it_electronics")
    return Reference(
        right={"riga_it_cagr": cagr[own]}, lookup=rows, facts={"total": total[own], "years": years}
    )


def _growth_check(given, reference):
    rate, years = given.get("riga_it_cagr"), reference.facts["years"]
    if rate is None:
        return None
    formula = f"(end / start) ** (1 / {years}) - 1"
    if abs(rate - 100 * reference.right["riga_it_cagr"]) < 0.05:
        return "this looks like a percentage: give the CAGR as a fraction (0.05 for 5 % a year)."
    if abs(rate) >= 0.3:
        return (
            f"{rate:.2f} looks like growth over ten years, not a yearly rate: the compound "
            f"annual growth rate is {formula}."
        )
    total = reference.facts["total"]
    if abs(rate - total / years) <= 1e-3 * abs(total / years) + 5e-5:
        return (
            f"{rate:.3g} is the total growth divided by {years}, a simple average: it is not "
            f"the compound rate. The compound annual growth rate is {formula}."
        )
    return None


GROWTH = Task(
    number=5,
    points=2,
    title="Growth rate of the IT cluster in Rīga",
    answers=(
        Answer(
            "riga_it_cagr", "number", "cagr", "answers.value(growth, ..., region=..., category=...)"
        ),
    ),
    compute=_growth_task,
    measure="CAGR",
    own={"region": "Rīga (LV006)", "category": "it_electronics", "column": "cagr"},
    decimals=4,
    hints={
        "riga_it_cagr": "take the yearly rate from the table economics.growth makes (2013 to "
        "2023, by cluster category) for Rīga and it_electronics, rather than computing it by hand."
    },
    check=_growth_check,
)


# --- task 6: the Krugman index ----------------------------------------------------------------


def _krugman(table, industry, reference):
    shares = table.pivot_table(
        index="region", columns=industry, values="employment", aggfunc="sum", fill_value=0
    )
    own = shares.div(shares.sum(axis=1), axis=0)
    if reference == "rest":
        rest = shares.sum() - shares
        area = rest.div(rest.sum(axis=1), axis=0)
    else:
        area = shares.sum() / shares.sum().sum()
    return (own - area).abs().sum(axis=1)


def _krugman_task(load) -> Reference:
    employment = load("regional_employment")
    in_2023 = employment[employment["year"] == END]
    right = _krugman(in_2023, "industry", "rest").idxmax()
    by_category = _krugman(_with_categories(load, END), "category", "rest").idxmax()
    rows = [
        {
            "table": "cluster categories",
            "value": by_category,
            "likely": True,
            "says": "this is the most specialised region by cluster categories: use NACE "
            "divisions (the table in_2023), not cluster categories (categories_2023).",
        },
        {
            "table": "the lesson",
            "value": "LV008",
            "likely": True,
            "says": "LV008 (Vidzeme) is the lesson's region: find the region with the largest "
            "Krugman index in the table, e.g. with answers.top(krugman, 'krugman', n=1).",
        },
    ]
    return Reference(
        right={"most_specialised_region": right},
        lookup=rows,
        facts={"regions": set(in_2023["region"])},
    )


def _krugman_check(given, reference):
    region = given.get("most_specialised_region")
    if region is None:
        return None
    if region not in reference.facts["regions"]:
        return f"{region!r} is not a region code of the table: check the code."
    return (
        f"{region!r} does not have the largest value of the Krugman index (the rest of the area "
        "as the reference). Find it in the table, e.g. answers.top(krugman, 'krugman', n=1), "
        "rather than guessing."
    )


KRUGMAN = Task(
    number=6,
    points=1,
    title="The most specialised region",
    answers=(
        Answer(
            "most_specialised_region",
            "text",
            "region",
            "answers.value(answers.top(krugman, 'krugman', n=1), 'region')",
        ),
    ),
    compute=_krugman_task,
    measure="region",
    own={"table": "NACE divisions"},
    check=_krugman_check,
)

TASKS = {task.number: task for task in (LQ, STARS, SHIFT, STRONG, GROWTH, KRUGMAN)}
WRITTEN = {7: ("read Latgale's cluster portfolio", 4), 8: ("recommend a priority", 4)}
