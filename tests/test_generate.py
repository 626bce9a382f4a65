"""Tests of the seeded dataset generator and of the committed course datasets.

The committed CSV files must be exactly what ``datasets/generate.py`` writes, hit the published
calibration targets, contain the planted teaching stories, and agree with ``datapackage.json``.
Expected values are recomputed here in a different way (explicit loops, dictionaries) rather than
with the generator's own code.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import importlib.util
import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
GENERATOR = DATASETS / "generator"
RESOURCES = [
    "regional_employment",
    "nace",
    "cluster_categories",
    "cluster_members",
    "io_table",
    "benchmark_indicators",
    "benchmarking",
    "trade",
]

# Published 2015 national totals (Eurostat SBS), typed in again here on purpose.
CALIBRATION = {
    ("LV", "C10"): 21647,
    ("LV", "J62"): 13423,
    ("LV", "D35"): 11344,
    ("EE", "C10"): 13827,
    ("EE", "J62"): 9819,
    ("SE", "C10"): 56948,
    ("SE", "J62"): 124146,
    ("SE", "D35"): 31737,
}


def _load_generator():
    spec = importlib.util.spec_from_file_location("course_generate", DATASETS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("datasets")
    return out, _load_generator().generate(out)


@pytest.fixture(scope="module")
def package() -> dict:
    return json.loads((DATASETS / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    # keep_default_na=False + na_values=[""]: the NUTS/NACE codes must never turn into NaN
    return {
        name: pd.read_csv(DATASETS / f"{name}.csv", keep_default_na=False, na_values=[""])
        for name in RESOURCES
    }


@pytest.fixture(scope="module")
def employment(tables) -> pd.DataFrame:
    return tables["regional_employment"]


# ------------------------------------------------------------------------------------------
# Reproducibility and schema
# ------------------------------------------------------------------------------------------


def test_regeneration_is_byte_identical(regenerated):
    out, paths = regenerated
    assert sorted(p.name for p in paths) == sorted(
        [f"{name}.csv" for name in RESOURCES] + ["datapackage.json"]
    )
    for path in paths:
        committed = DATASETS / path.name
        assert committed.read_bytes() == path.read_bytes(), f"{path.name} differs: regenerate"


def _code_lines(function: ast.FunctionDef, lines: list[str]) -> int:
    """Lines of code of a function: its docstring, blank lines and comment lines aside."""
    numbers = set(range(function.lineno, function.end_lineno + 1))
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        numbers -= set(range(body[0].lineno, body[0].end_lineno + 1))
    return sum(
        1 for n in numbers if lines[n - 1].strip() and not lines[n - 1].strip().startswith("#")
    )


def test_generator_is_a_package_of_small_modules_and_functions():
    # issue 16: one module per dataset, the reference lists apart, no module over 600 lines and
    # no function over 80 lines of code; generate.py stays the entry point
    files = [DATASETS / "generate.py", *sorted(GENERATOR.rglob("*.py"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 600, f"{path.name}: {len(text.splitlines())} lines"
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef):
                size = _code_lines(node, lines)
                assert size <= 80, f"{path.name}: {node.name} has {size} lines of code"
    for name in RESOURCES:  # each table: a module of its name with a function of its name
        tree = ast.parse((GENERATOR / f"{name}.py").read_text(encoding="utf-8"))
        assert name in {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}, name
    reference = {p.stem for p in (GENERATOR / "reference").glob("*.py")} - {"__init__"}
    assert {"regions", "nace_rev2", "categories", "clusters", "indicators"} <= reference


def test_generator_takes_the_library_lists_from_course(package, tables):
    # each constant in one place: the lists the library holds are imported, never typed again
    from course.benchmarking import AREAS
    from course.segmentation import MEMBER_TYPES, SERVICES, VALUE_CHAIN_STAGES

    source = "\n".join(p.read_text(encoding="utf-8") for p in GENERATOR.rglob("*.py"))
    for name in ("AREAS", "ESCA_AREAS", "MEMBER_TYPES", "SERVICES", "VALUE_CHAIN_STAGES"):
        assert not re.search(rf"^{name}\s*[:=]", source, flags=re.MULTILINE), name
    for text in [name for name in AREAS.values() if " " in name]:  # the long area names
        assert text not in source, text
    fields = {
        (resource["name"], field["name"]): field.get("constraints", {})
        for resource in package["resources"]
        for field in resource["schema"]["fields"]
    }
    assert fields[("benchmark_indicators", "area")]["enum"] == list(AREAS)
    assert fields[("cluster_members", "member_type")]["enum"] == list(MEMBER_TYPES)
    assert fields[("cluster_members", "value_chain_stage")]["enum"] == list(VALUE_CHAIN_STAGES)
    services = re.match(r"\^\(([^)]*)\)", fields[("cluster_members", "services_used")]["pattern"])
    assert services.group(1).split("|") == list(SERVICES)
    catalogue = tables["benchmark_indicators"]
    assert dict(zip(catalogue["area"], catalogue["area_name"], strict=True)) == AREAS


def test_datapackage_records_size_and_sha256_of_every_file(package):
    # the Data Resource spec's `bytes` and `hash` ("sha256:<hex>"), of the bytes as committed
    for resource in package["resources"]:
        raw = (DATASETS / resource["path"]).read_bytes()
        assert resource["bytes"] == len(raw), resource["name"]
        assert resource["hash"] == f"sha256:{hashlib.sha256(raw).hexdigest()}", resource["name"]


def test_files_are_utf8_with_unix_line_endings():
    for name in RESOURCES:
        raw = (DATASETS / f"{name}.csv").read_bytes()
        raw.decode("utf-8")  # raises if not UTF-8
        assert b"\r" not in raw
    text = (DATASETS / "regional_employment.csv").read_text(encoding="utf-8")
    for name in [
        "Rīga",
        "Põhja-Eesti",
        "Klaipėdos apskritis",
        "Åland",
        "Sjælland",
        "Övre Norrland",
    ]:
        assert name in text


def test_csv_columns_equal_datapackage_fields_in_order(tables, package):
    by_name = {r["name"]: r for r in package["resources"]}
    assert list(by_name) == RESOURCES
    for name, table in tables.items():
        fields = [f["name"] for f in by_name[name]["schema"]["fields"]]
        assert list(table.columns) == fields, name


def test_datapackage_resources_are_complete(package):
    for resource in package["resources"]:
        assert resource["synthetic"] is True
        assert resource["path"] == f"{resource['name']}.csv"
        for key in ("title", "description"):
            assert resource[key], (resource["name"], key)
        for field in resource["schema"]["fields"]:
            assert field["type"] in {"string", "integer", "number", "boolean"}
            assert field["description"]
    units = {
        f["name"]: f.get("unit")
        for r in package["resources"]
        if r["name"] == "regional_employment"
        for f in r["schema"]["fields"]
    }
    assert units["employment"] == "persons" and units["wages_eur"] == "EUR"


def test_primary_keys_are_unique(tables, package):
    for resource in package["resources"]:
        key = resource["schema"]["primaryKey"]
        table = tables[resource["name"]]
        assert not table[key].isna().any().any(), resource["name"]
        assert not table.duplicated(key).any(), resource["name"]


def test_foreign_keys_resolve(tables, package):
    for resource in package["resources"]:
        for fk in resource["schema"].get("foreignKeys", []):
            child = set(tables[resource["name"]][fk["fields"]])
            parent = set(tables[fk["reference"]["resource"]][fk["reference"]["fields"]])
            assert child <= parent, (resource["name"], sorted(child - parent)[:5])


def test_enum_and_minimum_constraints_hold(tables, package):
    for resource in package["resources"]:
        table = tables[resource["name"]]
        for field in resource["schema"]["fields"]:
            constraints = field.get("constraints", {})
            values = table[field["name"]].dropna()
            if "enum" in constraints:
                assert set(values) <= set(constraints["enum"]), field["name"]
            if "minimum" in constraints:
                assert (values >= constraints["minimum"]).all(), field["name"]


# ------------------------------------------------------------------------------------------
# Regional employment: shape, calibration, stories
# ------------------------------------------------------------------------------------------


def test_employment_table_shape(employment):
    assert employment["region"].nunique() == 39
    assert employment["industry"].nunique() == 73
    assert sorted(employment["year"].unique()) == list(range(2013, 2024))
    assert len(employment) == 39 * 73 * 11
    levels = employment.groupby("country")["nuts_level"].unique().map(list).to_dict()
    assert levels == {"LV": [3], "EE": [3], "LT": [3], "FI": [2], "SE": [2], "DK": [2]}
    assert set(employment["industry"].str[0]) == set("ABCDEFGHIJKLMN")
    assert (employment["industry"].str[0] == employment["section"]).all()


def test_establishments_and_wages_follow_employment(employment):
    zero = employment["employment"] == 0
    assert zero.sum() > 0, "some small cells should be 0"
    assert (employment.loc[zero, "establishments"] == 0).all()
    assert (employment.loc[zero, "wages_eur"] == 0).all()
    assert (employment.loc[~zero, "establishments"] >= 1).all()
    assert (employment.loc[~zero, "establishments"] <= employment.loc[~zero, "employment"]).all()


def test_calibration_targets_hit(employment):
    base = employment[employment["year"] == 2015]
    for (country, division), target in CALIBRATION.items():
        cells = base[(base["country"] == country) & (base["industry"] == division)]
        total = int(cells["employment"].sum())
        assert abs(total - target) <= 0.01 * target, (country, division, total, target)


def test_country_totals_and_regional_shares(employment):
    base = employment[employment["year"] == 2015]
    totals = base.groupby("country")["employment"].sum()
    expected = {"LV": 0.6e6, "EE": 0.45e6, "LT": 0.9e6, "FI": 1.5e6, "SE": 3.1e6, "DK": 1.7e6}
    for country, size in expected.items():
        assert 0.9 * size <= totals[country] <= 1.1 * size, country
    region = base.groupby("region")["employment"].sum()
    assert 0.45 <= (region["LV006"] + region["LV007"]) / totals["LV"] <= 0.6
    assert 0.4 <= region["EE001"] / totals["EE"] <= 0.6
    assert 0.2 <= region["SE11"] / totals["SE"] <= 0.3
    assert 0.28 <= region["DK01"] / totals["DK"] <= 0.4


def _lq_by_loops(year_table: pd.DataFrame, regions, industries) -> dict:
    """LQ = (e_ir / e_r) / (E_i / E) against the whole table, with plain loops."""
    e, region_total, industry_total, grand = {}, {}, {}, 0
    for r, i, v in zip(
        year_table["region"], year_table["industry"], year_table["employment"], strict=True
    ):
        e[(r, i)] = e.get((r, i), 0) + v
        region_total[r] = region_total.get(r, 0) + v
        industry_total[i] = industry_total.get(i, 0) + v
        grand += v
    return {
        (r, i): (e[(r, i)] / region_total[r]) / (industry_total[i] / grand)
        for r in regions
        for i in industries
    }


@pytest.mark.parametrize("year", [2013, 2015, 2023])
@pytest.mark.parametrize(
    ("region", "divisions", "threshold"),
    [
        ("LV008", ["C10", "A02", "C16"], 2.0),
        ("LV006", ["J62", "J63"], 1.5),
        ("EE001", ["J62", "J63"], 1.5),
        ("SE22", ["D35", "C27"], 1.5),
        ("DK04", ["C10", "C11"], 1.5),
    ],
)
def test_planted_specialisations(employment, year, region, divisions, threshold):
    lq = _lq_by_loops(employment[employment["year"] == year], [region], divisions)
    for division in divisions:
        assert lq[(region, division)] > threshold, (region, division, year, lq)


def test_latvia_modestly_specialised_in_packaging(employment):
    year = employment[employment["year"] == 2015]
    country = year.assign(region=year["country"])  # treat countries as the regions
    lq = _lq_by_loops(country, ["LV"], ["C17", "C22"])
    for division in ["C17", "C22"]:
        assert 1.0 < lq[("LV", division)] < 2.0


def _growth(employment, mask, divisions) -> float:
    cells = employment[mask & employment["industry"].isin(divisions)]
    by_year = cells.groupby("year")["employment"].sum()
    return by_year[2023] / by_year[2013] - 1


def test_riga_it_grows_faster_than_national_and_whole_table(employment):
    riga = _growth(employment, employment["region"] == "LV006", ["J62"])
    latvia = _growth(employment, employment["country"] == "LV", ["J62"])
    everywhere = _growth(employment, employment["year"] > 0, ["J62"])
    assert riga > latvia
    assert riga > everywhere + 0.1  # clearly faster: a positive regional shift


def test_declining_industries(employment):
    mining = ["B05", "B06", "B07", "B08", "B09"]
    kirde = _growth(employment, employment["region"] == "EE00A", mining)
    assert -0.5 <= kirde <= -0.3  # about -40 %
    assert _growth(employment, employment["region"] == "LV005", ["C13", "C14"]) < -0.3
    sydsverige = _growth(employment, employment["region"] == "SE22", ["D35", "C27"])
    assert sydsverige > 0.2


def test_national_trends(employment):
    manufacturing = sorted(d for d in employment["industry"].unique() if d.startswith("C"))
    for country in ["LV", "EE", "LT", "FI", "SE", "DK"]:
        mask = employment["country"] == country
        for divisions in (["J62"], ["J63"]):
            cagr = (1 + _growth(employment, mask, divisions)) ** (1 / 10) - 1
            assert 0.045 <= cagr <= 0.085, (country, divisions, cagr)
        cagr = (1 + _growth(employment, mask, manufacturing)) ** (1 / 10) - 1
        assert abs(cagr) < 0.01, (country, cagr)


def test_covid_dip_in_hospitality(employment):
    for division in ["I55", "I56"]:
        series = employment[employment["industry"] == division].groupby("year")["employment"].sum()
        assert series[2020] < 0.9 * series[2019], division
        assert series[2023] > series[2019], division


def test_yearly_noise_is_small(employment):
    # national series of a large, flat division move by a few percent a year at most
    series = (
        employment[employment["industry"] == "G47"]
        .groupby(["country", "year"])["employment"]
        .sum()
        .unstack()
    )
    changes = (series.diff(axis=1).iloc[:, 1:] / series.iloc[:, :-1].to_numpy()).abs()
    assert changes.to_numpy().max() < 0.05


def test_wages_by_country(employment):
    base = employment[employment["year"] == 2015].groupby("country")[["wages_eur", "employment"]]
    average = base.sum()["wages_eur"] / base.sum()["employment"]
    published_like = {"LV": 14000, "EE": 15000, "LT": 11000, "FI": 42000, "SE": 45000, "DK": 55000}
    for country, wage in published_like.items():
        assert 0.85 * wage <= average[country] <= 1.25 * wage, (country, average[country])


# ------------------------------------------------------------------------------------------
# NACE and the cluster categories
# ------------------------------------------------------------------------------------------


def test_nace_sections_and_divisions(tables, package):
    nace = tables["nace"]
    assert (nace["level"] == "section").sum() == 21
    divisions = nace[nace["level"] == "division"]
    assert len(divisions) == 88
    assert (divisions["code"].str[0] == divisions["section"]).all()
    names = dict(zip(nace["code"], nace["name"], strict=True))
    assert names["C10"] == "Manufacture of food products"
    assert names["J62"] == "Computer programming, consultancy and related activities"
    description = next(r for r in package["resources"] if r["name"] == "nace")["description"]
    assert "NACE Rev. 2" in description and "NOT NACE Rev. 2.1" in description


def test_cluster_categories_partition_the_divisions(tables, employment, package):
    categories = tables["cluster_categories"]
    assert sorted(categories["industry"]) == sorted(employment["industry"].unique())
    assert categories["industry"].is_unique
    per_category = categories.groupby("category")["traded"].nunique()
    assert (per_category == 1).all()  # a category is either traded or local
    traded = dict(zip(categories["industry"], categories["traded"], strict=True))
    assert traded["G46"] and traded["C10"] and not traded["G47"] and not traded["F41"]
    food = set(categories.loc[categories["category"] == "food_processing", "industry"])
    assert food == {"C10", "C11", "C12"}
    text = "course mapping, not an official classification"
    description = next(r for r in package["resources"] if r["name"] == "cluster_categories")
    assert text in description["description"].lower()
    assert text in (DATASETS / "README.md").read_text(encoding="utf-8").lower()


# ------------------------------------------------------------------------------------------
# Cluster members and trade
# ------------------------------------------------------------------------------------------


def _sme_class(employees, turnover, balance) -> str:
    """EU SME definition (2003/361/EC), written independently of the generator."""

    def fits(limit_staff, limit_turnover, limit_balance):
        money = (not math.isnan(turnover) and turnover <= limit_turnover) or (
            not math.isnan(balance) and balance <= limit_balance
        )
        return employees < limit_staff and money

    if fits(10, 2e6, 2e6):
        return "micro"
    if fits(50, 10e6, 10e6):
        return "small"
    if fits(250, 50e6, 43e6):
        return "medium"
    return "large"


def test_cluster_members(tables):
    members = tables["cluster_members"]
    sizes = members.groupby("cluster").size()
    assert set(sizes.index) == {"lv_food", "lv_it", "ee_logistics", "se_energy", "dk_food"}
    assert sizes.between(30, 70).all()
    companies = members[members["member_type"] == "company"]
    assert len(companies) > 0.7 * len(members)
    assert members["member_id"].str.match(r"^[a-z_]+_\d{3}$").all()
    assert (members["member_id"].str.rsplit("_", n=1).str[0] == members["cluster"]).all()
    assert members["year_joined"].between(2008, 2023).all()
    no_accounts = members["member_type"].isin(["public", "education"])
    assert members.loc[no_accounts, "turnover_eur"].isna().all()
    assert members.loc[~no_accounts, "turnover_eur"].notna().all()
    # unknown is not zero: without a turnover the export share is unknown (an empty cell)
    unknown = members["export_share"].isna()
    assert (unknown == members["turnover_eur"].isna()).all() and unknown.sum() == 25
    assert members.loc[~unknown, "export_share"].between(0, 1).all()
    with (DATASETS / "cluster_members.csv").open(encoding="utf-8", newline="") as file:
        cells = [row["export_share"] for row in csv.DictReader(file)]
    assert cells.count("") == 25 and "0.0" in cells  # stored empty, and true zeros stay 0
    zero = members.loc[members["export_share"] == 0, "member_type"]
    quoted = (zero == "company").sum(), (zero != "company").sum()
    readme = " ".join((DATASETS / "README.md").read_text(encoding="utf-8").split())
    assert quoted == (43, 12)
    assert "the 25 public and education bodies have no turnover" in readme
    assert "(43 companies and 12 other bodies)" in readme
    lv_food = set(members.loc[members["cluster"] == "lv_food", "industry"])
    assert {"C10", "C17", "C22"} <= lv_food
    regions = members.groupby("cluster")["region"].agg(set).to_dict()
    assert regions["se_energy"] == {"SE22"} and regions["lv_it"] <= {"LV006", "LV007"}


def test_every_sme_class_and_borderline_case_occurs(tables):
    companies = tables["cluster_members"].query("member_type == 'company'")
    classes = [
        _sme_class(e, t, b)
        for e, t, b in zip(
            companies["employees"],
            companies["turnover_eur"].astype(float),
            companies["balance_sheet_eur"].astype(float),
            strict=True,
        )
    ]
    assert set(classes) == {"micro", "small", "medium", "large"}
    assert {49, 50, 249, 250} <= set(companies["employees"])
    assert (companies["turnover_eur"] == 10_000_000).any()


def test_trade_is_consistent_with_members(tables):
    trade, members = tables["trade"], tables["cluster_members"].set_index("member_id")
    assert set(trade["member_id"]) <= set(members.index)
    assert (members.loc[trade["member_id"], "member_type"] == "company").all()
    assert sorted(trade["year"].unique()) == [2019, 2020, 2021, 2022, 2023]
    assert (trade["exports_eur"] >= 0).all()
    own = members.loc[trade["member_id"], "cluster"].map(
        {"lv_food": "LV", "lv_it": "LV", "ee_logistics": "EE", "se_energy": "SE", "dk_food": "DK"}
    )
    assert (own.to_numpy() != trade["partner"].to_numpy()).all()  # exports leave the country
    latest = trade[trade["year"] == 2023].groupby("member_id")["exports_eur"].sum()
    expected = members.loc[latest.index, "export_share"] * members.loc[latest.index, "turnover_eur"]
    assert ((latest / expected).between(0.8, 1.2)).all()


# ------------------------------------------------------------------------------------------
# Input-output table
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def io(tables):
    table = tables["io_table"].set_index("code")
    codes = list(table.index[table["kind"] == "industry"])
    return table, codes


def test_io_layout(io):
    table, codes = io
    assert len(codes) == 18
    assert list(table.columns[2 : 2 + 18]) == codes
    assert list(table.columns[-5:]) == [
        "households",
        "government",
        "investment",
        "exports",
        "total",
    ]
    extra = ["imports", "value_added", "total_output", "employment"]
    assert list(table.index[18:]) == extra
    assert table.loc["employment", ["households", "exports"]].isna().all()


def test_io_accounts_close(io):
    table, codes = io
    final = ["households", "government", "investment", "exports"]
    for i in codes:  # rows: intermediate sales + final demand = gross output
        row_sum = sum(table.loc[i, j] for j in codes) + sum(table.loc[i, f] for f in final)
        assert row_sum == pytest.approx(table.loc[i, "total"], abs=1e-6)
    for j in codes:  # columns: intermediate inputs + imports + value added = gross output
        col_sum = sum(table.loc[i, j] for i in codes)
        col_sum += table.loc["imports", j] + table.loc["value_added", j]
        assert col_sum == pytest.approx(table.loc["total_output", j], abs=1e-6)
        assert table.loc["total_output", j] == pytest.approx(table.loc[j, "total"], abs=1e-6)
        assert table.loc["value_added", j] > 0
    gdp_income = table.loc["value_added", codes].sum() + table.loc["imports", codes].sum()
    gdp_spending = table.loc[codes, final].to_numpy().sum()
    assert gdp_income == pytest.approx(gdp_spending, abs=1e-6)
    assert 25_000 <= table.loc["value_added", "total"] <= 40_000  # Latvian size, EUR million


def _coefficients(io):
    table, codes = io
    z = table.loc[codes, codes].to_numpy(dtype=float)
    x = table.loc[codes, "total"].to_numpy(dtype=float)
    return z / x[None, :], codes


def test_io_structure_is_realistic(io):
    a, codes = _coefficients(io)
    assert (a.sum(axis=0) < 1).all()
    leontief = np.linalg.inv(np.eye(len(codes)) - a)
    assert (leontief >= 0).all()
    col = {c: k for k, c in enumerate(codes)}
    food = a[:, col["food"]]
    assert food[col["agriculture"]] == food.max()  # food buys most from agriculture
    packaging = food[col["paper_packaging"]] + food[col["plastic_packaging"]]
    assert packaging > 0.05 and food[col["transport_logistics"]] > 0.03
    beverages = a[:, col["beverages"]]
    assert beverages[col["agriculture"]] > 0.1 and beverages[col["plastic_packaging"]] > 0.03
    assert (a[col["ict"], :] > 0).all() and (a[col["energy"], :] > 0).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0, 5000, allow_nan=False), min_size=18, max_size=18))
def test_leontief_solution_reproduces_final_demand(io, demand):
    # identity: x = L y solves x - A x = y, and L >= I so output never falls below demand
    a, codes = _coefficients(io)
    y = np.array(demand)
    x = np.linalg.solve(np.eye(len(codes)) - a, y)
    assert np.allclose(x - a @ x, y, atol=1e-6)
    assert (x >= y - 1e-9).all()


# ------------------------------------------------------------------------------------------
# Benchmarking
# ------------------------------------------------------------------------------------------


def test_indicator_catalogue(tables, package):
    catalogue = tables["benchmark_indicators"]
    assert len(catalogue) == 36 and catalogue["indicator"].is_unique
    areas = catalogue.groupby("area").size().to_dict()
    expected_areas = [
        "structure",
        "management",
        "financing",
        "services",
        "interaction",
        "achievements",
    ]
    assert areas == dict.fromkeys(expected_areas, 6)
    assert (catalogue["direction"] == "lower").sum() >= 3
    assert set(catalogue["kpi_type"]) == {"input", "activity", "output", "outcome"}
    description = next(r for r in package["resources"] if r["name"] == "benchmark_indicators")
    assert "not the ESCA questionnaire" in description["description"]


def test_benchmarking_design(tables, package):
    data = tables["benchmarking"]
    orgs = data.drop_duplicates("organisation")
    assert 110 <= len(orgs) <= 130
    assert set(orgs.loc[orgs["course_cluster"], "organisation"]) == {
        "lv_food",
        "lv_it",
        "ee_logistics",
        "se_energy",
        "dk_food",
    }
    assert dict(data.groupby("round")["year"].unique().map(list)) == {1: [2021], 2: [2023]}
    per_org_round = data.groupby(["organisation", "round"]).size()
    assert (per_org_round == 36).all()
    missing = int(data["value"].isna().sum())
    assert 0 < missing < 0.02 * len(data)
    description = next(r for r in package["resources"] if r["name"] == "benchmarking")
    assert f"{missing} values are missing" in description["description"]
    members = data[data["indicator"] == "members_total"]
    assert (members["value"] == members["members_total"]).all()


def test_benchmarking_course_members_match_member_list(tables):
    data, members = tables["benchmarking"], tables["cluster_members"]
    for cluster, year in [("lv_food", 2021), ("dk_food", 2023), ("lv_it", 2023)]:
        expected = ((members["cluster"] == cluster) & (members["year_joined"] <= year)).sum()
        row = data[
            (data["organisation"] == cluster)
            & (data["year"] == year)
            & (data["indicator"] == "members_total")
        ]
        assert row["value"].item() == expected


def _percentiles(data, catalogue, round_):
    """Percent of organisations that the organisation beats or ties (100 = best), per indicator."""
    direction = dict(zip(catalogue["indicator"], catalogue["direction"], strict=True))
    one = data[(data["round"] == round_) & data["value"].notna()]
    result = {}
    for indicator, group in one.groupby("indicator"):
        sign = 1 if direction[indicator] == "higher" else -1
        values = dict(zip(group["organisation"], sign * group["value"], strict=True))
        for org, v in values.items():
            result[(org, indicator)] = 100 * sum(w <= v for w in values.values()) / len(values)
    return result


def test_lv_it_best_on_services_weak_on_internationalisation(tables):
    data, catalogue = tables["benchmarking"], tables["benchmark_indicators"]
    services = list(catalogue.loc[catalogue["area"] == "services", "indicator"])
    international = [
        "export_share_members",
        "international_partners",
        "international_projects",
        "escp_participation",
    ]
    for round_ in (1, 2):
        pct = _percentiles(data, catalogue, round_)
        assert np.mean([pct[("lv_it", i)] for i in services]) > 75
        assert np.mean([pct[("lv_it", i)] for i in international]) < 35
