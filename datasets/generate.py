"""Generate the course datasets: synthetic, seeded, and calibrated to published figures.

Every CSV file in this folder and ``datapackage.json`` are written by this script. A learner or a
trainer can read it to see exactly how the data were made: each dataset has its own function below,
and every calibration target is a named constant with its source.

What is real and what is made up:

* Region codes and names are the real NUTS 2021 regions of six countries; NACE Rev. 2 codes and
  titles are the official ones.
* Employment is SYNTHETIC but calibrated: for a few country x industry cells the 2015 national total
  equals the published Eurostat structural business statistics figure (``CALIBRATION_2015``); all
  other numbers follow plausible orders of magnitude, and some "stories" are planted on purpose so
  that the lessons can discover them (``REGIONAL_STORIES``).
* Cluster organisations, their members, the benchmarking peers and the input-output economy are
  FICTIONAL.

The output is deterministic: the same seed gives byte-identical files on every run.

Run it with ``python datasets/generate.py`` (writes next to this script) or
``python datasets/generate.py --out some/folder``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20240917
"""Master seed. Each dataset draws from its own stream ``default_rng([SEED, k])`` so that changing
one dataset's recipe never changes the numbers of another."""

YEARS = np.arange(2013, 2024)  # 2013-2023 inclusive
CALIBRATION_YEAR = 2015

# --------------------------------------------------------------------------------------------
# Reference lists: countries, NUTS regions, NACE Rev. 2
# --------------------------------------------------------------------------------------------

COUNTRY_NAMES = {
    "LV": "Latvia",
    "EE": "Estonia",
    "LT": "Lithuania",
    "FI": "Finland",
    "SE": "Sweden",
    "DK": "Denmark",
}

# Persons employed in the business economy incl. agriculture (NACE A-N), 2015, rounded orders of
# magnitude used to scale each country.
COUNTRY_EMPLOYMENT_2015 = {
    "LV": 600_000,
    "EE": 440_000,
    "LT": 900_000,
    "FI": 1_500_000,
    "SE": 3_100_000,
    "DK": 1_700_000,
}

# Average annual wage per person employed in 2015 (EUR) and its yearly growth: the Baltic wages
# catch up fast, the Nordic ones grow slowly.
WAGE_2015_EUR = {"LV": 14_000, "EE": 15_000, "LT": 11_000, "FI": 42_000, "SE": 45_000, "DK": 55_000}
WAGE_GROWTH = {"LV": 0.06, "EE": 0.06, "LT": 0.06, "FI": 0.02, "SE": 0.02, "DK": 0.02}

# (code, name, country, NUTS level, share of the country's employment, urban score 0-1).
# Shares roughly follow population; the urban score makes capitals richer in services.
REGIONS = [
    ("LV003", "Kurzeme", "LV", 3, 0.12, 0.0),
    ("LV005", "Latgale", "LV", 3, 0.11, 0.0),
    ("LV006", "Rīga", "LV", 3, 0.36, 1.0),
    ("LV007", "Pierīga", "LV", 3, 0.17, 0.4),
    ("LV008", "Vidzeme", "LV", 3, 0.10, 0.0),
    ("LV009", "Zemgale", "LV", 3, 0.11, 0.0),
    ("EE001", "Põhja-Eesti", "EE", 3, 0.46, 1.0),
    ("EE004", "Lääne-Eesti", "EE", 3, 0.11, 0.0),
    ("EE008", "Lõuna-Eesti", "EE", 3, 0.24, 0.2),
    ("EE009", "Kesk-Eesti", "EE", 3, 0.09, 0.0),
    ("EE00A", "Kirde-Eesti", "EE", 3, 0.10, 0.0),
    ("LT011", "Vilniaus apskritis", "LT", 3, 0.32, 1.0),
    ("LT021", "Alytaus apskritis", "LT", 3, 0.045, 0.0),
    ("LT022", "Kauno apskritis", "LT", 3, 0.21, 0.5),
    ("LT023", "Klaipėdos apskritis", "LT", 3, 0.12, 0.3),
    ("LT024", "Marijampolės apskritis", "LT", 3, 0.045, 0.0),
    ("LT025", "Panevėžio apskritis", "LT", 3, 0.07, 0.0),
    ("LT026", "Šiaulių apskritis", "LT", 3, 0.09, 0.0),
    ("LT027", "Tauragės apskritis", "LT", 3, 0.03, 0.0),
    ("LT028", "Telšių apskritis", "LT", 3, 0.04, 0.0),
    ("LT029", "Utenos apskritis", "LT", 3, 0.04, 0.0),
    ("FI19", "Länsi-Suomi", "FI", 2, 0.24, 0.2),
    ("FI1B", "Helsinki-Uusimaa", "FI", 2, 0.33, 1.0),
    ("FI1C", "Etelä-Suomi", "FI", 2, 0.20, 0.3),
    ("FI1D", "Pohjois- ja Itä-Suomi", "FI", 2, 0.225, 0.1),
    ("FI20", "Åland", "FI", 2, 0.005, 0.0),
    ("SE11", "Stockholm", "SE", 2, 0.25, 1.0),
    ("SE12", "Östra Mellansverige", "SE", 2, 0.16, 0.3),
    ("SE21", "Småland med öarna", "SE", 2, 0.09, 0.0),
    ("SE22", "Sydsverige", "SE", 2, 0.15, 0.5),
    ("SE23", "Västsverige", "SE", 2, 0.20, 0.5),
    ("SE31", "Norra Mellansverige", "SE", 2, 0.08, 0.0),
    ("SE32", "Mellersta Norrland", "SE", 2, 0.04, 0.0),
    ("SE33", "Övre Norrland", "SE", 2, 0.05, 0.0),
    ("DK01", "Hovedstaden", "DK", 2, 0.33, 1.0),
    ("DK02", "Sjælland", "DK", 2, 0.12, 0.1),
    ("DK03", "Syddanmark", "DK", 2, 0.21, 0.3),
    ("DK04", "Midtjylland", "DK", 2, 0.23, 0.4),
    ("DK05", "Nordjylland", "DK", 2, 0.11, 0.1),
]

# NACE Rev. 2 (Regulation (EC) No 1893/2006): the 21 sections and 88 divisions.
NACE_SECTIONS = {
    "A": "Agriculture, forestry and fishing",
    "B": "Mining and quarrying",
    "C": "Manufacturing",
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply; sewerage, waste management and remediation activities",
    "F": "Construction",
    "G": "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    "H": "Transportation and storage",
    "I": "Accommodation and food service activities",
    "J": "Information and communication",
    "K": "Financial and insurance activities",
    "L": "Real estate activities",
    "M": "Professional, scientific and technical activities",
    "N": "Administrative and support service activities",
    "O": "Public administration and defence; compulsory social security",
    "P": "Education",
    "Q": "Human health and social work activities",
    "R": "Arts, entertainment and recreation",
    "S": "Other service activities",
    "T": "Activities of households as employers; undifferentiated goods- and "
    "services-producing activities of households for own use",
    "U": "Activities of extraterritorial organisations and bodies",
}

NACE_DIVISIONS = {
    "A01": "Crop and animal production, hunting and related service activities",
    "A02": "Forestry and logging",
    "A03": "Fishing and aquaculture",
    "B05": "Mining of coal and lignite",
    "B06": "Extraction of crude petroleum and natural gas",
    "B07": "Mining of metal ores",
    "B08": "Other mining and quarrying",
    "B09": "Mining support service activities",
    "C10": "Manufacture of food products",
    "C11": "Manufacture of beverages",
    "C12": "Manufacture of tobacco products",
    "C13": "Manufacture of textiles",
    "C14": "Manufacture of wearing apparel",
    "C15": "Manufacture of leather and related products",
    "C16": "Manufacture of wood and of products of wood and cork, except furniture; "
    "manufacture of articles of straw and plaiting materials",
    "C17": "Manufacture of paper and paper products",
    "C18": "Printing and reproduction of recorded media",
    "C19": "Manufacture of coke and refined petroleum products",
    "C20": "Manufacture of chemicals and chemical products",
    "C21": "Manufacture of basic pharmaceutical products and pharmaceutical preparations",
    "C22": "Manufacture of rubber and plastic products",
    "C23": "Manufacture of other non-metallic mineral products",
    "C24": "Manufacture of basic metals",
    "C25": "Manufacture of fabricated metal products, except machinery and equipment",
    "C26": "Manufacture of computer, electronic and optical products",
    "C27": "Manufacture of electrical equipment",
    "C28": "Manufacture of machinery and equipment n.e.c.",
    "C29": "Manufacture of motor vehicles, trailers and semi-trailers",
    "C30": "Manufacture of other transport equipment",
    "C31": "Manufacture of furniture",
    "C32": "Other manufacturing",
    "C33": "Repair and installation of machinery and equipment",
    "D35": "Electricity, gas, steam and air conditioning supply",
    "E36": "Water collection, treatment and supply",
    "E37": "Sewerage",
    "E38": "Waste collection, treatment and disposal activities; materials recovery",
    "E39": "Remediation activities and other waste management services",
    "F41": "Construction of buildings",
    "F42": "Civil engineering",
    "F43": "Specialised construction activities",
    "G45": "Wholesale and retail trade and repair of motor vehicles and motorcycles",
    "G46": "Wholesale trade, except of motor vehicles and motorcycles",
    "G47": "Retail trade, except of motor vehicles and motorcycles",
    "H49": "Land transport and transport via pipelines",
    "H50": "Water transport",
    "H51": "Air transport",
    "H52": "Warehousing and support activities for transportation",
    "H53": "Postal and courier activities",
    "I55": "Accommodation",
    "I56": "Food and beverage service activities",
    "J58": "Publishing activities",
    "J59": "Motion picture, video and television programme production, sound recording and "
    "music publishing activities",
    "J60": "Programming and broadcasting activities",
    "J61": "Telecommunications",
    "J62": "Computer programming, consultancy and related activities",
    "J63": "Information service activities",
    "K64": "Financial service activities, except insurance and pension funding",
    "K65": "Insurance, reinsurance and pension funding, except compulsory social security",
    "K66": "Activities auxiliary to financial services and insurance activities",
    "L68": "Real estate activities",
    "M69": "Legal and accounting activities",
    "M70": "Activities of head offices; management consultancy activities",
    "M71": "Architectural and engineering activities; technical testing and analysis",
    "M72": "Scientific research and development",
    "M73": "Advertising and market research",
    "M74": "Other professional, scientific and technical activities",
    "M75": "Veterinary activities",
    "N77": "Rental and leasing activities",
    "N78": "Employment activities",
    "N79": "Travel agency, tour operator reservation service and related activities",
    "N80": "Security and investigation activities",
    "N81": "Services to buildings and landscape activities",
    "N82": "Office administrative, office support and other business support activities",
    "O84": "Public administration and defence; compulsory social security",
    "P85": "Education",
    "Q86": "Human health activities",
    "Q87": "Residential care activities",
    "Q88": "Social work activities without accommodation",
    "R90": "Creative, arts and entertainment activities",
    "R91": "Libraries, archives, museums and other cultural activities",
    "R92": "Gambling and betting activities",
    "R93": "Sports activities and amusement and recreation activities",
    "S94": "Activities of membership organisations",
    "S95": "Repair of computers and personal and household goods",
    "S96": "Other personal service activities",
    "T97": "Activities of households as employers of domestic personnel",
    "T98": "Undifferentiated goods- and services-producing activities of private households "
    "for own use",
    "U99": "Activities of extraterritorial organisations and bodies",
}

# The regional table covers agriculture, forestry and fishing (A) plus the business economy (B-N).
EMPLOYMENT_SECTIONS = "ABCDEFGHIJKLMN"
EMPLOYMENT_DIVISIONS = [code for code in NACE_DIVISIONS if code[0] in EMPLOYMENT_SECTIONS]

# --------------------------------------------------------------------------------------------
# Calibration targets and the recipe of the regional employment table
# --------------------------------------------------------------------------------------------

CALIBRATION_2015 = {
    # (country, division): persons employed in 2015, national total.
    # Source: Eurostat structural business statistics, sbs_na_ind_r2 (national) and
    # sbs_r_nuts06_r2 (regional), indicator V16110 "persons employed", reference year 2015.
    ("LV", "C10"): 21_647,
    ("LV", "J62"): 13_423,
    ("LV", "D35"): 11_344,
    ("EE", "C10"): 13_827,
    ("EE", "J62"): 9_819,
    ("SE", "C10"): 56_948,
    ("SE", "J62"): 124_146,
    ("SE", "D35"): 31_737,
}

# Per division: (share of employment in %, average persons per local unit, wage factor relative to
# the country average, national trend in % per year). Shares are a typical EU business-economy
# structure; they are normalised per country, so only their ratios matter.
DIVISION_PROFILE = {
    "A01": (4.0, 3, 0.70, -1.5),
    "A02": (0.8, 4, 0.85, -0.5),
    "A03": (0.2, 3, 0.80, -2.0),
    "B05": (0.05, 40, 1.20, -3.0),
    "B06": (0.03, 60, 1.60, -3.0),
    "B07": (0.05, 60, 1.30, -3.0),
    "B08": (0.25, 12, 1.10, -3.0),
    "B09": (0.03, 20, 1.30, -3.0),
    "C10": (2.6, 25, 0.90, 0.0),
    "C11": (0.3, 20, 1.00, 0.0),
    "C12": (0.03, 100, 1.10, -2.0),
    "C13": (0.4, 12, 0.80, -3.0),
    "C14": (0.5, 8, 0.70, -3.0),
    "C15": (0.1, 10, 0.75, -2.0),
    "C16": (1.0, 10, 0.90, 0.5),
    "C17": (0.3, 35, 1.15, -0.5),
    "C18": (0.4, 8, 0.95, -2.0),
    "C19": (0.03, 100, 1.50, -1.0),
    "C20": (0.5, 30, 1.30, 0.0),
    "C21": (0.3, 80, 1.50, 1.0),
    "C22": (0.8, 25, 1.00, 0.5),
    "C23": (0.7, 15, 1.00, 0.0),
    "C24": (0.4, 60, 1.15, -1.0),
    "C25": (2.0, 12, 1.00, 0.5),
    "C26": (0.6, 30, 1.30, 1.0),
    "C27": (0.6, 35, 1.15, 1.0),
    "C28": (1.5, 30, 1.15, 0.5),
    "C29": (1.0, 80, 1.15, 0.0),
    "C30": (0.4, 40, 1.20, 0.5),
    "C31": (0.6, 10, 0.85, -0.5),
    "C32": (0.4, 6, 0.95, 0.5),
    "C33": (0.8, 8, 1.05, 1.0),
    "D35": (0.8, 15, 1.45, 0.5),
    "E36": (0.25, 20, 1.00, 0.0),
    "E37": (0.1, 10, 1.00, 0.0),
    "E38": (0.6, 15, 1.00, 1.0),
    "E39": (0.03, 8, 1.00, 0.5),
    "F41": (3.0, 5, 0.95, 1.5),
    "F42": (1.5, 15, 1.00, 1.0),
    "F43": (5.5, 4, 0.95, 1.5),
    "G45": (2.5, 5, 0.95, 0.5),
    "G46": (7.0, 7, 1.10, 0.5),
    "G47": (11.0, 5, 0.75, 0.0),
    "H49": (5.0, 6, 0.90, 1.0),
    "H50": (0.3, 12, 1.20, 0.0),
    "H51": (0.3, 40, 1.30, 1.5),
    "H52": (2.0, 15, 1.05, 1.0),
    "H53": (1.0, 25, 0.85, -1.0),
    "I55": (1.5, 8, 0.65, 2.0),
    "I56": (5.0, 6, 0.60, 2.0),
    "J58": (0.6, 8, 1.20, 2.0),
    "J59": (0.4, 4, 1.05, 1.0),
    "J60": (0.2, 20, 1.25, -1.0),
    "J61": (0.8, 30, 1.35, -1.0),
    "J62": (3.0, 5, 1.60, 6.0),
    "J63": (0.4, 4, 1.50, 6.5),
    "K64": (2.0, 12, 1.70, -1.0),
    "K65": (0.8, 20, 1.50, 0.0),
    "K66": (0.7, 4, 1.40, 1.5),
    "L68": (2.0, 3, 0.95, 1.0),
    "M69": (2.5, 4, 1.15, 1.0),
    "M70": (2.0, 4, 1.40, 2.0),
    "M71": (2.2, 5, 1.20, 1.5),
    "M72": (0.5, 12, 1.30, 1.5),
    "M73": (0.8, 4, 1.05, 1.0),
    "M74": (0.6, 3, 1.00, 2.0),
    "M75": (0.2, 4, 0.90, 1.0),
    "N77": (0.6, 5, 0.95, 1.0),
    "N78": (3.0, 25, 0.75, 2.0),
    "N79": (0.4, 5, 0.85, 0.5),
    "N80": (1.0, 15, 0.75, 0.5),
    "N81": (3.5, 10, 0.70, 1.5),
    "N82": (1.5, 6, 0.85, 2.0),
}

# National structure: how much more (or less) of a division a country has than the typical
# structure above (forestry in Latvia and Finland, oil-shale mining in Estonia, shipping and
# pharmaceuticals in Denmark, cars in Sweden, ...).
COUNTRY_STRUCTURE = {
    "LV": {"A02": 2.5, "C16": 2.5, "C17": 2.2, "C22": 1.4, "H49": 1.3, "H52": 1.6,
           "C29": 0.2, "C21": 0.6, "C19": 0.1, "B05": 0.0, "B06": 0.0, "J63": 1.5},
    "EE": {"B05": 25.0, "B08": 2.0, "C16": 2.0, "A02": 1.5, "C31": 2.0, "C26": 1.5,
           "J63": 2.5, "C29": 0.3, "B06": 0.0},
    "LT": {"C31": 2.5, "C16": 1.5, "C10": 1.3, "H49": 2.0, "C20": 1.3, "C14": 1.5, "J62": 0.55,
           "B05": 0.0},
    "FI": {"A02": 2.0, "C17": 3.0, "C16": 1.8, "C28": 1.5, "C26": 1.4, "C24": 1.4, "J62": 0.85,
           "B05": 0.0},
    "SE": {"C29": 1.8, "C28": 1.4, "C21": 1.5, "A02": 1.3, "C17": 1.8, "C24": 1.4, "B07": 4.0},
    "DK": {"C10": 2.2, "C11": 1.5, "C21": 2.5, "A03": 1.5, "H50": 4.0, "C28": 1.4, "C27": 1.3,
           "J62": 0.7, "B06": 3.0, "B05": 0.0},
}  # fmt: skip

# Country-specific trend adjustments in percentage points per year.
COUNTRY_TREND = {
    "LV": {"J62": -1.0, "J63": -1.5},
    "EE": {"J62": -0.5},
    "SE": {"D35": 1.0},
    "DK": {"C27": 1.0},
}

# How strongly each section concentrates in urban regions (exponent on the urban score).
URBAN_ELASTICITY = {"A": -1.5, "B": -1.0, "C": -0.4, "D": 0.0, "E": 0.0, "F": 0.0, "G": 0.1,
                    "H": 0.0, "I": 0.1, "J": 0.9, "K": 0.8, "L": 0.3, "M": 0.6, "N": 0.4}  # fmt: skip

# The planted stories: (region, divisions, level multiplier, extra growth in % per year, story).
REGIONAL_STORIES = [
    ("LV008", ["C10"], 3.5, 0.0, "Vidzeme specialised in food"),
    ("LV008", ["A02", "C16"], 2.5, 0.0, "Vidzeme specialised in wood"),
    ("LV006", ["J62", "J63"], 10.0, 3.0, "Rīga IT hub, fast growth"),
    ("LV007", ["J62"], 1.5, 0.0, "Pierīga: IT spill-over from Rīga"),
    ("EE001", ["J62", "J63"], 14.0, 1.5, "Tallinn (Põhja-Eesti) IT hub, fast growth"),
    ("SE22", ["D35", "C27"], 2.5, 3.0, "Sydsverige energy, growing"),
    ("EE00A", ["B05", "B06", "B07", "B08", "B09"], 30.0, -2.0, "Kirde-Eesti oil shale, shrinking"),
    ("LV005", ["C13", "C14"], 2.0, -4.0, "Latgale textiles, declining"),
    ("DK04", ["C10", "C11"], 1.8, 0.0, "Midtjylland food"),
]

# COVID-19: employment relative to trend in the hit years (hospitality, travel, air transport).
COVID_FACTORS = {
    "I55": {2020: 0.72, 2021: 0.84, 2022: 0.96},
    "I56": {2020: 0.82, 2021: 0.90, 2022: 0.98},
    "N79": {2020: 0.70, 2021: 0.80, 2022: 0.93},
    "H51": {2020: 0.80, 2021: 0.85, 2022: 0.95},
}

NOISE = {
    "region_level": 0.30,  # log-sd of the regional spread around the population share
    "region_growth": 0.6,  # sd (pp per year) of regional growth around the national trend
    "country_growth": 0.4,  # sd (pp per year) of national growth around the typical trend
    "yearly": 0.02,  # log-sd of the yearly noise ("a couple of %")
    "firm_size": 0.20,  # log-sd of the average firm size per region x division
    "wage": 0.03,  # log-sd of the wage noise
}


def _regions_frame() -> pd.DataFrame:
    return pd.DataFrame(
        REGIONS, columns=["region", "region_name", "country", "nuts_level", "weight", "urban"]
    )


def _divisions_frame() -> pd.DataFrame:
    profile = pd.DataFrame.from_dict(
        DIVISION_PROFILE, orient="index", columns=["share", "firm_size", "wage_factor", "trend"]
    )
    profile.index.name = "industry"
    profile = profile.reset_index()
    profile["industry_name"] = profile["industry"].map(NACE_DIVISIONS)
    profile["section"] = profile["industry"].str[0]
    return profile


def _cell_table(regions: pd.DataFrame, divisions: pd.DataFrame, mapping: dict) -> np.ndarray:
    """A region x division array from {country or region: {division: value}} (default 1)."""
    out = np.ones((len(regions), len(divisions)))
    column = {code: j for j, code in enumerate(divisions["industry"])}
    for i, (region, country) in enumerate(zip(regions["region"], regions["country"], strict=True)):
        for key in (country, region):
            for division, value in mapping.get(key, {}).items():
                out[i, column[division]] *= value
    return out


def _national_totals(regions: pd.DataFrame, divisions: pd.DataFrame) -> np.ndarray:
    """Country x division employment in 2015, broadcast to a region x division array."""
    structure = divisions["share"].to_numpy() * _cell_table(regions, divisions, COUNTRY_STRUCTURE)
    structure = structure / structure.sum(axis=1, keepdims=True)
    country_total = regions["country"].map(COUNTRY_EMPLOYMENT_2015).to_numpy()
    return structure * country_total[:, None]


def _regional_split(regions, divisions, rng) -> np.ndarray:
    """Each region's share of its country's division employment (rows of a country sum to 1)."""
    elasticity = divisions["section"].map(URBAN_ELASTICITY).to_numpy()
    urban = np.exp(np.outer(regions["urban"], elasticity))
    stories = {}
    for region, codes, level, _growth, _story in REGIONAL_STORIES:
        stories.setdefault(region, {}).update(dict.fromkeys(codes, level))
    planted = _cell_table(regions, divisions, stories)
    noise = rng.lognormal(0.0, NOISE["region_level"], size=planted.shape)
    noise[planted != 1] = 1.0  # keep the planted stories exactly as designed
    weight = regions["weight"].to_numpy()[:, None] * urban * planted * noise
    country_sum = pd.DataFrame(weight).groupby(regions["country"].to_numpy()).transform("sum")
    return weight / country_sum.to_numpy()


def _growth_rates(regions, divisions, rng) -> np.ndarray:
    """Annual growth rate (fraction) of every region x division cell."""
    countries = list(COUNTRY_NAMES)
    country_noise = rng.normal(0.0, NOISE["country_growth"], size=(len(countries), len(divisions)))
    country_index = regions["country"].map({c: k for k, c in enumerate(countries)}).to_numpy()
    region_noise = rng.normal(0.0, NOISE["region_growth"], size=(len(regions), len(divisions)))
    stories = {}
    for region, codes, _level, growth, _story in REGIONAL_STORIES:
        stories.setdefault(region, {}).update(dict.fromkeys(codes, growth))
    story_growth = np.zeros((len(regions), len(divisions)))
    column = {code: j for j, code in enumerate(divisions["industry"])}
    row = {code: i for i, code in enumerate(regions["region"])}
    for region, changes in stories.items():
        for division, growth in changes.items():
            story_growth[row[region], column[division]] = growth
            region_noise[row[region], column[division]] = 0.0  # stories grow as designed
    adjust = np.zeros((len(regions), len(divisions)))
    for country, changes in COUNTRY_TREND.items():
        for division, change in changes.items():
            adjust[(regions["country"] == country).to_numpy(), column[division]] += change
    percent = (
        divisions["trend"].to_numpy()[None, :]
        + country_noise[country_index]
        + region_noise
        + story_growth
        + adjust
    )
    return percent / 100.0


def _covid(divisions: pd.DataFrame) -> np.ndarray:
    """Division x year factor for the 2020 dip (1 elsewhere)."""
    factor = np.ones((len(divisions), len(YEARS)))
    for j, code in enumerate(divisions["industry"]):
        for year, value in COVID_FACTORS.get(code, {}).items():
            factor[j, year - YEARS[0]] = value
    return factor


def _calibrate(employment: np.ndarray, regions, divisions) -> np.ndarray:
    """Scale each calibrated country x division so that its 2015 total is the published one."""
    column = {code: j for j, code in enumerate(divisions["industry"])}
    base = YEARS == CALIBRATION_YEAR
    out = employment.copy()
    for (country, division), target in CALIBRATION_2015.items():
        rows = (regions["country"] == country).to_numpy()
        j = column[division]
        current = out[rows, j][:, base].sum()
        out[rows, j, :] *= target / current
    return out


def regional_employment() -> pd.DataFrame:
    """Persons employed, local units and wages per region x NACE division x year, 2013-2023."""
    rng = np.random.default_rng([SEED, 1])
    regions, divisions = _regions_frame(), _divisions_frame()
    level_2015 = _national_totals(regions, divisions)
    # national totals are per country; the split turns them into regional cells
    level_2015 = level_2015 * _regional_split(regions, divisions, rng)
    growth = _growth_rates(regions, divisions, rng)
    years_from_base = (YEARS - CALIBRATION_YEAR)[None, None, :]
    trend = (1.0 + growth[:, :, None]) ** years_from_base
    noise = rng.lognormal(0.0, NOISE["yearly"], size=trend.shape)
    raw = level_2015[:, :, None] * trend * _covid(divisions)[None, :, :] * noise
    employment = np.rint(_calibrate(raw, regions, divisions)).astype(np.int64)

    # local units: employment / average firm size, at least one unit wherever someone works
    firm_size = divisions["firm_size"].to_numpy()[None, :, None] * rng.lognormal(
        0.0, NOISE["firm_size"], size=(len(regions), len(divisions), 1)
    )
    firm_size = firm_size * rng.lognormal(0.0, 0.03, size=trend.shape)
    establishments = np.where(
        employment > 0, np.maximum(1, np.rint(employment / firm_size)), 0
    ).astype(np.int64)

    # wages: employment x country wage of the year x division factor x regional factor
    country_wage = regions["country"].map(WAGE_2015_EUR).to_numpy()[:, None]
    wage_growth = regions["country"].map(WAGE_GROWTH).to_numpy()[:, None]
    wage_by_year = country_wage * (1.0 + wage_growth) ** (YEARS - CALIBRATION_YEAR)[None, :]
    # capitals pay about 15 % more; elsewhere wages rise with the urban score
    region_factor = np.where(regions["urban"] == 1.0, 1.15, 0.92 + 0.15 * regions["urban"])
    wage = (
        wage_by_year[:, None, :]
        * divisions["wage_factor"].to_numpy()[None, :, None]
        * region_factor[:, None, None]
        * rng.lognormal(0.0, NOISE["wage"], size=trend.shape)
    )
    wages = np.rint(employment * wage).astype(np.int64)

    index = pd.MultiIndex.from_product(
        [regions["region"], divisions["industry"], YEARS], names=["region", "industry", "year"]
    )
    table = pd.DataFrame(
        {
            "employment": employment.ravel(),
            "establishments": establishments.ravel(),
            "wages_eur": wages.ravel(),
        },
        index=index,
    ).reset_index()
    table = table.merge(regions[["region", "region_name", "country", "nuts_level"]], on="region")
    table = table.merge(divisions[["industry", "industry_name", "section"]], on="industry")
    columns = [f["name"] for f in RESOURCES["regional_employment"]["fields"]]
    return table[columns]


# --------------------------------------------------------------------------------------------
# NACE and the course's cluster categories
# --------------------------------------------------------------------------------------------


def nace() -> pd.DataFrame:
    """All 21 sections and 88 divisions of NACE Rev. 2, each section followed by its divisions."""
    rows = []
    for letter, name in NACE_SECTIONS.items():
        rows.append((letter, "section", letter, name))
        rows += [(c, "division", letter, n) for c, n in NACE_DIVISIONS.items() if c[0] == letter]
    return pd.DataFrame(rows, columns=["code", "level", "section", "name"])


# category id: (name, traded?, divisions). A COURSE mapping, not an official classification;
# traded vs local after Porter (2003): traded industries sell outside their region.
CLUSTER_CATEGORIES = {
    "agriculture_fishing": ("Agriculture and fishing", True, ["A01", "A03", "M75"]),
    "forestry_wood": ("Forestry, wood and furniture", True, ["A02", "C16", "C31"]),
    "mining": ("Mining and quarrying", True, ["B05", "B06", "B07", "B08", "B09"]),
    "food_processing": ("Food processing", True, ["C10", "C11", "C12"]),
    "textiles": ("Textiles, apparel and leather", True, ["C13", "C14", "C15"]),
    "paper_packaging": ("Paper, packaging and printing", True, ["C17", "C18"]),
    "chemicals_pharma": ("Chemicals, pharmaceuticals and refined fuels", True,
                         ["C19", "C20", "C21"]),
    "plastics": ("Plastics and rubber", True, ["C22"]),
    "other_manufacturing": ("Mineral products and other manufacturing", True, ["C23", "C32"]),
    "metals": ("Metals and metal products", True, ["C24", "C25"]),
    "it_electronics": ("Information technology and electronics", True,
                       ["C26", "J58", "J62", "J63"]),
    "electrical_energy_equipment": ("Electrical and energy equipment", True, ["C27"]),
    "machinery": ("Machinery, repair and installation", True, ["C28", "C33"]),
    "automotive_transport_equipment": ("Automotive and other transport equipment", True,
                                       ["C29", "C30"]),
    "energy": ("Energy supply", True, ["D35"]),
    "wholesale": ("Wholesale trade", True, ["G46"]),
    "transport_logistics": ("Transport and logistics", True,
                            ["H49", "H50", "H51", "H52", "H53"]),
    "tourism": ("Hospitality and tourism", True, ["I55", "I56", "N79"]),
    "media_telecom": ("Media and telecommunications", True, ["J59", "J60", "J61"]),
    "finance": ("Financial services", True, ["K64", "K65", "K66"]),
    "business_services": ("Business services", True,
                          ["M69", "M70", "M71", "M72", "M73", "M74", "N77", "N78", "N80", "N81",
                           "N82"]),
    "utilities": ("Water, sewerage and waste (local)", False, ["E36", "E37", "E38", "E39"]),
    "construction": ("Construction (local)", False, ["F41", "F42", "F43"]),
    "motor_trade": ("Motor vehicle trade and repair (local)", False, ["G45"]),
    "retail": ("Retail trade (local)", False, ["G47"]),
    "real_estate": ("Real estate (local)", False, ["L68"]),
}  # fmt: skip


def cluster_categories() -> pd.DataFrame:
    """The course mapping: every division of the employment table to exactly one category."""
    rows = [
        (division, category, name, traded)
        for category, (name, traded, divisions) in CLUSTER_CATEGORIES.items()
        for division in divisions
    ]
    table = pd.DataFrame(rows, columns=["industry", "category", "category_name", "traded"])
    order = {code: k for k, code in enumerate(EMPLOYMENT_DIVISIONS)}
    return table.sort_values("industry", key=lambda s: s.map(order)).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Cluster organisations and their members (fictional)
# --------------------------------------------------------------------------------------------

SERVICES = [
    "matchmaking",
    "training",
    "internationalisation",
    "joint_projects",
    "market_intelligence",
    "funding_advice",
    "testbed",
    "branding",
]
VALUE_CHAIN_STAGES = [
    "inputs",
    "primary_production",
    "processing",
    "packaging",
    "logistics_distribution",
    "retail_services",
    "support_services",
    "research_education",
    "technology_provider",
]
MEMBER_TYPES = ["company", "research", "education", "public", "other"]

# Each cluster: name, country, founding year, number of members, region weights, industry weights
# of its companies, topic (for names), typical export share of companies, service weights.
CLUSTERS = {
    "lv_food": dict(
        name="Vidzeme Food Cluster", country="LV", founded=2008, size=58,
        regions={"LV008": 0.5, "LV006": 0.25, "LV007": 0.15, "LV009": 0.10},
        industries={"C10": 0.42, "C11": 0.10, "A01": 0.12, "A03": 0.02, "C17": 0.07,
                    "C22": 0.07, "H49": 0.04, "H52": 0.03, "G46": 0.05, "C28": 0.03,
                    "M73": 0.03, "J62": 0.02},
        topic="Food", export_mean=0.25, required={"C17": 3, "C22": 3},
        services={"matchmaking": 0.5, "training": 0.5, "internationalisation": 0.4,
                  "joint_projects": 0.45, "market_intelligence": 0.2, "funding_advice": 0.3,
                  "testbed": 0.1, "branding": 0.35},
    ),
    "lv_it": dict(
        name="Riga Digital Cluster", country="LV", founded=2010, size=46,
        regions={"LV006": 0.8, "LV007": 0.2},
        industries={"J62": 0.55, "J63": 0.12, "J58": 0.08, "C26": 0.08, "J61": 0.05,
                    "M70": 0.06, "M73": 0.06},
        topic="Digital", export_mean=0.12,
        services={"matchmaking": 0.6, "training": 0.7, "internationalisation": 0.15,
                  "joint_projects": 0.4, "market_intelligence": 0.5, "funding_advice": 0.4,
                  "testbed": 0.3, "branding": 0.3},
    ),
    "ee_logistics": dict(
        name="Estonian Logistics Cluster", country="EE", founded=2009, size=40,
        regions={"EE001": 0.75, "EE004": 0.1, "EE008": 0.1, "EE00A": 0.05},
        industries={"H49": 0.30, "H52": 0.30, "H50": 0.10, "H53": 0.05, "G46": 0.10,
                    "J62": 0.08, "N77": 0.07},
        topic="Logistics", export_mean=0.35,
        services={"matchmaking": 0.4, "training": 0.5, "internationalisation": 0.5,
                  "joint_projects": 0.3, "market_intelligence": 0.3, "funding_advice": 0.2,
                  "testbed": 0.05, "branding": 0.3},
    ),
    "se_energy": dict(
        name="South Sweden Energy Cluster", country="SE", founded=2011, size=52,
        regions={"SE22": 1.0},
        industries={"D35": 0.30, "C27": 0.20, "C28": 0.10, "F43": 0.10, "M71": 0.15,
                    "J62": 0.05, "C25": 0.10},
        topic="Energy", export_mean=0.35,
        services={"matchmaking": 0.4, "training": 0.3, "internationalisation": 0.4,
                  "joint_projects": 0.6, "market_intelligence": 0.3, "funding_advice": 0.5,
                  "testbed": 0.5, "branding": 0.2},
    ),
    "dk_food": dict(
        name="Jutland Food Network", country="DK", founded=2008, size=64,
        regions={"DK04": 0.7, "DK03": 0.3},
        industries={"C10": 0.40, "C11": 0.10, "A01": 0.15, "A03": 0.05, "C28": 0.08,
                    "C17": 0.05, "C22": 0.05, "G46": 0.07, "H52": 0.05},
        topic="Food", export_mean=0.40, required={"C17": 2, "C22": 2},
        services={"matchmaking": 0.5, "training": 0.4, "internationalisation": 0.6,
                  "joint_projects": 0.5, "market_intelligence": 0.4, "funding_advice": 0.3,
                  "testbed": 0.2, "branding": 0.4},
    ),
}  # fmt: skip

# Industry of non-company members (division codes of NACE Rev. 2).
MEMBER_TYPE_INDUSTRY = {"research": "M72", "education": "P85", "public": "O84", "other": "S94"}
MEMBER_TYPE_SHARES = {"company": 0.82, "research": 0.06, "education": 0.05, "public": 0.04,
                      "other": 0.03}  # fmt: skip

STAGE_OF_INDUSTRY = {
    "A01": "primary_production", "A02": "primary_production", "A03": "primary_production",
    "D35": "primary_production",
    "C10": "processing", "C11": "processing",
    "C17": "packaging", "C22": "packaging",
    "C25": "inputs", "C20": "inputs", "F43": "support_services",
    "C26": "technology_provider", "C27": "technology_provider", "C28": "technology_provider",
    "J58": "technology_provider", "J61": "technology_provider", "J62": "technology_provider",
    "J63": "technology_provider", "M71": "technology_provider",
    "G46": "logistics_distribution", "H49": "logistics_distribution",
    "H50": "logistics_distribution", "H52": "logistics_distribution",
    "H53": "logistics_distribution", "N77": "support_services",
    "G47": "retail_services", "I56": "retail_services",
    "M70": "support_services", "M73": "support_services",
}  # fmt: skip

# Turnover per employee (EUR) by country, and by industry relative to that.
TURNOVER_PER_EMPLOYEE = {"LV": 90_000, "EE": 110_000, "SE": 300_000, "DK": 330_000}
TURNOVER_INDUSTRY_FACTOR = {"C10": 1.4, "C11": 1.5, "G46": 3.0, "D35": 4.0, "J62": 0.9,
                            "H49": 1.1, "H52": 1.3, "C17": 1.6, "C22": 1.4, "M73": 0.8,
                            "M70": 0.8, "M71": 0.8, "A01": 1.0, "F43": 0.9}  # fmt: skip

# SME-definition borderline members (Recommendation 2003/361/EC): headcount, turnover, balance
# sheet. They make every size class occur, right on and next to each threshold.
BORDERLINE_MEMBERS = {
    "lv_food": [(9, 1_900_000, 1_500_000), (49, 9_800_000, 7_000_000),
                (50, 10_000_000, 8_000_000), (30, 12_000_000, 9_000_000)],
    "lv_it": [(10, 2_000_000, 2_500_000), (9, 2_500_000, 1_200_000)],
    "ee_logistics": [(8, 2_000_000, 2_000_000), (260, 70_000_000, 55_000_000)],
    "se_energy": [(45, 10_000_000, 10_000_000), (240, 60_000_000, 40_000_000)],
    "dk_food": [(249, 50_000_000, 43_000_000), (250, 52_000_000, 40_000_000),
                (1_200, 450_000_000, 300_000_000)],
}  # fmt: skip

LEGAL_FORM = {"LV": ("SIA", "AS"), "EE": ("OÜ", "AS"), "SE": ("AB", "AB"), "DK": ("ApS", "A/S")}
NAME_STEMS_A = ["Vel", "Kal", "Sil", "Aus", "Mar", "Ber", "Lin", "Tor", "Ven", "Ska", "Rud",
                "Els", "Dar", "Hol", "Fen", "Gral", "Mik", "Brin", "Orv", "Zel", "Quin", "Tal",
                "Noran", "Vist", "Jor", "Pel"]  # fmt: skip
NAME_STEMS_B = ["vik", "dal", "mark", "lund", "via", "ona", "tek", "ra", "nex", "gard", "sta",
                "ria", "lia", "ton", "bro", "ness", "vale"]  # fmt: skip
NAME_NOUNS = {
    "C10": ["Foods", "Dairy", "Bakery", "Meat", "Fish Processing", "Mills", "Preserves"],
    "C11": ["Brewery", "Beverages", "Cider House", "Distillery"],
    "A01": ["Farm", "Agro", "Growers", "Berry Farm"],
    "A03": ["Fisheries", "Aquaculture"],
    "C17": ["Paper Packaging", "Cartons", "Board"],
    "C22": ["Plastics", "Packaging Films", "Polymer Packaging"],
    "H49": ["Transport", "Haulage", "Trucking"],
    "H52": ["Terminals", "Warehousing", "Cold Storage"],
    "H50": ["Shipping", "Ferries"],
    "H53": ["Courier", "Parcel"],
    "G46": ["Trading", "Wholesale", "Distribution"],
    "C28": ["Machinery", "Process Equipment"],
    "C27": ["Electric", "Power Systems", "Grid Components"],
    "D35": ["Energy", "Wind", "Solar", "Bioenergy", "Heat"],
    "F43": ["Installations", "Electro Installations"],
    "M71": ["Engineering", "Consulting Engineers"],
    "C25": ["Metalworks", "Steel Structures"],
    "J62": ["Software", "Digital", "Code", "Systems", "Data"],
    "J63": ["Analytics", "Cloud", "Data Services"],
    "J58": ["Apps", "Software Publishing", "Games"],
    "C26": ["Electronics", "Sensors", "Photonics"],
    "J61": ["Telecom", "Networks"],
    "M70": ["Consulting", "Advisors"],
    "M73": ["Marketing", "Insights"],
    "N77": ["Leasing", "Rentals"],
}
NON_COMPANY_NAMES = {
    "research": "{stem} Institute of {topic} Research",
    "education": "{stem} College of {topic}",
    "public": "{stem} Regional Development Agency",
    "other": "{stem} {topic} Association",
}


def _weighted_choice(rng, weights: dict, size: int) -> np.ndarray:
    keys = list(weights)
    p = np.array([weights[k] for k in keys], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=size, p=p / p.sum())]


def _member_types(rng, size: int) -> np.ndarray:
    """Mostly companies; at least two research, two education, one public and one other member."""
    types = _weighted_choice(rng, MEMBER_TYPE_SHARES, size)
    minimum = ["research", "research", "education", "education", "public", "other"]
    for k, kind in enumerate(minimum):
        if (types == kind).sum() < minimum.count(kind):
            types[size - 1 - 3 * k] = kind  # spread the forced members over the list
    return types


def _member_names(rng, cluster: dict, types, industries, employees) -> list[str]:
    """Plausible, fictional, unique names: invented stems + an industry word + legal form."""
    small_form, large_form = LEGAL_FORM[cluster["country"]]
    names: list[str] = []
    for kind, industry, staff in zip(types, industries, employees, strict=True):
        while True:
            stem = str(rng.choice(NAME_STEMS_A)) + str(rng.choice(NAME_STEMS_B))
            if kind == "company":
                noun = str(rng.choice(NAME_NOUNS.get(industry, ["Services"])))
                form = large_form if staff >= 250 else small_form
                name = f"{stem} {noun} {form}"
            else:
                name = NON_COMPANY_NAMES[kind].format(stem=stem, topic=cluster["topic"])
            if name not in names:
                break
        names.append(name)
    return names


def _company_finances(rng, cluster: dict, industries, employees):
    """Turnover and balance sheet (EUR, rounded to 1,000) consistent with headcount."""
    per_employee = TURNOVER_PER_EMPLOYEE[cluster["country"]] * np.array(
        [TURNOVER_INDUSTRY_FACTOR.get(i, 1.0) for i in industries]
    )
    turnover = employees * per_employee * rng.lognormal(0.0, 0.35, size=len(employees))
    balance = turnover * rng.lognormal(np.log(0.7), 0.4, size=len(employees))
    return np.round(turnover, -3), np.round(balance, -3)


def _ensure_industries(industries: np.ndarray, is_company: np.ndarray, required: dict) -> None:
    """Give the cross-industry case enough members: relabel some firms of the main industry."""
    main = pd.Series(industries[is_company]).mode()[0]
    for code, count in required.items():
        missing = count - int((industries[is_company] == code).sum())
        candidates = np.flatnonzero(is_company & (industries == main))[::-1]
        industries[candidates[: max(missing, 0)]] = code


def _members_of(cluster_id: str, cluster: dict, rng) -> pd.DataFrame:
    size = cluster["size"]
    types = _member_types(rng, size)
    is_company = types == "company"
    industries = _weighted_choice(rng, cluster["industries"], size)
    _ensure_industries(industries, is_company, cluster.get("required", {}))
    industries[~is_company] = [MEMBER_TYPE_INDUSTRY[t] for t in types[~is_company]]

    # headcount in annual work units: many micro and small firms, a few large ones
    employees = np.clip(np.rint(rng.lognormal(np.log(14), 1.3, size)), 1, 3000)
    scale = {"research": 80, "education": 300, "public": 40, "other": 5}
    for kind, median in scale.items():
        mask = types == kind
        employees[mask] = np.maximum(1, np.rint(rng.lognormal(np.log(median), 0.5, mask.sum())))
    turnover, balance = _company_finances(rng, cluster, industries, employees)

    companies = np.flatnonzero(is_company)
    for position, (staff, sales, assets) in zip(
        companies[2::5], BORDERLINE_MEMBERS[cluster_id], strict=False
    ):
        employees[position], turnover[position], balance[position] = staff, sales, assets

    no_accounts = np.isin(types, ["public", "education"])  # budgets, not turnover
    research = types == "research"
    turnover[research] = np.round(employees[research] * 60_000, -3)
    balance[research] = np.round(turnover[research] * 0.8, -3)

    mean = cluster["export_mean"]
    export_share = rng.beta(2.0 * mean / (1 - mean), 2.0, size)
    export_share[rng.random(size) < 0.15] = 0.0  # some firms sell only at home
    export_share[~is_company] = np.where(research[~is_company], 0.05, 0.0)

    joined = rng.integers(cluster["founded"], 2024, size)
    joined[rng.random(size) < 0.25] = cluster["founded"]  # founding members
    services = [
        ";".join(s for s in SERVICES if rng.random() < cluster["services"][s]) for _ in range(size)
    ]
    stage = [
        "research_education"
        if t in ("research", "education")
        else "support_services"
        if t in ("public", "other")
        else STAGE_OF_INDUSTRY.get(i, "support_services")
        for t, i in zip(types, industries, strict=True)
    ]
    table = pd.DataFrame(
        {
            "cluster": cluster_id,
            "cluster_name": cluster["name"],
            "member_type": types.astype(str),
            "industry": industries.astype(str),
            "region": _weighted_choice(rng, cluster["regions"], size).astype(str),
            "employees": employees.astype(np.int64),
            "turnover_eur": pd.array(np.where(no_accounts, np.nan, turnover), dtype="Int64"),
            "balance_sheet_eur": pd.array(np.where(no_accounts, np.nan, balance), dtype="Int64"),
            "export_share": np.round(export_share, 3),
            "value_chain_stage": stage,
            "year_joined": joined.astype(np.int64),
            "services_used": services,
        }
    )
    table["member_name"] = _member_names(rng, cluster, types, industries, employees)
    # number members in the order they joined (founders first)
    table = table.sort_values(["year_joined", "member_name"], kind="stable").reset_index(drop=True)
    table["member_id"] = [f"{cluster_id}_{k + 1:03d}" for k in range(size)]
    return table


def cluster_members() -> pd.DataFrame:
    """Members of the five fictional course clusters."""
    rng = np.random.default_rng([SEED, 2])
    tables = [_members_of(cid, cluster, rng) for cid, cluster in CLUSTERS.items()]
    columns = [f["name"] for f in RESOURCES["cluster_members"]["fields"]]
    return pd.concat(tables, ignore_index=True)[columns]


# --------------------------------------------------------------------------------------------
# Exports of member companies by partner country (fictional)
# --------------------------------------------------------------------------------------------

TRADE_YEARS = np.arange(2019, 2024)
PARTNER_NAMES = {
    "LV": "Latvia", "EE": "Estonia", "LT": "Lithuania", "FI": "Finland", "SE": "Sweden",
    "DK": "Denmark", "NO": "Norway", "DE": "Germany", "PL": "Poland", "NL": "Netherlands",
    "FR": "France", "GB": "United Kingdom", "US": "United States", "CN": "China", "JP": "Japan",
}  # fmt: skip
PARTNER_WEIGHTS = {
    "lv_food": {"EE": .2, "LT": .2, "DE": .1, "SE": .08, "FI": .08, "DK": .05, "PL": .06,
                "GB": .06, "NO": .05, "NL": .05, "US": .03, "CN": .02, "JP": .02},
    "lv_it": {"EE": .1, "LT": .1, "DE": .15, "SE": .1, "FI": .08, "DK": .05, "GB": .15,
              "US": .15, "NL": .07, "NO": .05},
    "ee_logistics": {"FI": .3, "LV": .15, "LT": .08, "SE": .1, "DE": .12, "PL": .08, "NL": .07,
                     "DK": .05, "NO": .05},
    "se_energy": {"DK": .25, "DE": .25, "NO": .12, "FI": .1, "PL": .08, "NL": .06, "GB": .06,
                  "LT": .04, "US": .04},
    "dk_food": {"DE": .25, "SE": .15, "NO": .08, "GB": .12, "NL": .06, "PL": .05, "FI": .04,
                "US": .08, "CN": .07, "JP": .06, "FR": .04},
}  # fmt: skip


def trade(members: pd.DataFrame) -> pd.DataFrame:
    """Exports per exporting company member x partner x year, 2019-2023.

    The 2023 total of a member is its export share x turnover (about: +-5 % noise); earlier years
    follow the member's own growth rate; each member sells to 1-6 partners.
    """
    rng = np.random.default_rng([SEED, 3])
    exporters = members[
        (members["member_type"] == "company")
        & (members["export_share"] > 0)
        & members["turnover_eur"].notna()
    ]
    rows = []
    for member in exporters.itertuples(index=False):
        own = CLUSTERS[member.cluster]["country"]
        weights = {p: w for p, w in PARTNER_WEIGHTS[member.cluster].items() if p != own}
        exports_2023 = member.export_share * float(member.turnover_eur)
        n_partners = int(np.clip(1 + np.log10(max(exports_2023, 1.0)) - 4, 1, 6))
        partners = list(_weighted_choice(rng, weights, 40))  # draw, keep the first distinct ones
        partners = list(dict.fromkeys(partners))[:n_partners]
        shares = rng.dirichlet(np.full(len(partners), 2.0))
        growth = rng.normal(0.04, 0.06)
        total = exports_2023 * rng.lognormal(0.0, 0.03)
        for year in TRADE_YEARS:
            year_total = total / (1.0 + growth) ** (2023 - year)
            split = shares * rng.lognormal(0.0, 0.08, len(partners))
            split = split / split.sum()
            for partner, share in zip(partners, split, strict=True):
                rows.append((member.cluster, member.member_id, partner, PARTNER_NAMES[partner],
                             int(year), int(round(year_total * share))))  # fmt: skip
    columns = [f["name"] for f in RESOURCES["trade"]["fields"]]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["member_id", "year", "partner"]).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# A balanced national input-output table (fictional economy of Latvian size)
# --------------------------------------------------------------------------------------------

# code: (name, output per person employed in EUR thousand)
IO_INDUSTRIES = {
    "agriculture": ("Agriculture (A01)", 45),
    "forestry_wood": ("Forestry and wood products (A02, C16)", 110),
    "fishing": ("Fishing and aquaculture (A03)", 60),
    "food": ("Food products (C10)", 120),
    "beverages": ("Beverages (C11)", 200),
    "paper_packaging": ("Paper and paper packaging (C17)", 150),
    "plastic_packaging": ("Plastic products and packaging (C22)", 130),
    "other_manufacturing": ("Other manufacturing (rest of C)", 110),
    "energy": ("Energy supply (D35)", 450),
    "construction": ("Construction (F)", 90),
    "wholesale": ("Wholesale trade (G46)", 130),
    "retail": ("Retail trade (G47)", 45),
    "transport_logistics": ("Transport and logistics (H49-H53)", 100),
    "accommodation_food_services": ("Accommodation and food services (I)", 40),
    "ict": ("Information and communication (J58-J63)", 110),
    "finance_real_estate": ("Finance and real estate (K, L)", 250),
    "business_services": ("Business services (M, N)", 60),
    "public_services": ("Public services (O-Q)", 35),
}
FINAL_DEMAND = ["households", "government", "investment", "exports"]

# Every industry buys these services (technical coefficient, EUR per EUR of output) unless its
# column below says otherwise: ICT and energy sell to everybody.
IO_DEFAULT_INPUTS = {"energy": 0.02, "ict": 0.01, "finance_real_estate": 0.03,
                     "business_services": 0.04, "transport_logistics": 0.02, "wholesale": 0.02,
                     "construction": 0.005, "public_services": 0.003}  # fmt: skip
# Column j: its main inputs (technical coefficients a_ij) and its imported-input coefficient.
IO_INPUTS = {
    "agriculture": ({"agriculture": 0.12, "other_manufacturing": 0.10, "energy": 0.05,
                     "food": 0.03, "wholesale": 0.04}, 0.15),
    "forestry_wood": ({"forestry_wood": 0.30, "energy": 0.04, "transport_logistics": 0.05,
                       "other_manufacturing": 0.05}, 0.12),
    "fishing": ({"fishing": 0.02, "energy": 0.06, "other_manufacturing": 0.08,
                 "transport_logistics": 0.03}, 0.15),
    "food": ({"agriculture": 0.30, "fishing": 0.03, "food": 0.08, "paper_packaging": 0.04,
              "plastic_packaging": 0.035, "transport_logistics": 0.05, "energy": 0.025,
              "wholesale": 0.04, "business_services": 0.03, "ict": 0.006}, 0.15),
    "beverages": ({"agriculture": 0.12, "food": 0.05, "beverages": 0.03,
                   "paper_packaging": 0.05, "plastic_packaging": 0.06,
                   "other_manufacturing": 0.05, "transport_logistics": 0.04,
                   "business_services": 0.05}, 0.12),
    "paper_packaging": ({"forestry_wood": 0.20, "paper_packaging": 0.08, "energy": 0.05,
                         "other_manufacturing": 0.05, "transport_logistics": 0.04}, 0.20),
    "plastic_packaging": ({"other_manufacturing": 0.10, "plastic_packaging": 0.05,
                           "energy": 0.05, "transport_logistics": 0.03}, 0.35),
    "other_manufacturing": ({"other_manufacturing": 0.15, "energy": 0.03, "forestry_wood": 0.03,
                             "transport_logistics": 0.03}, 0.32),
    "energy": ({"energy": 0.20, "forestry_wood": 0.05, "construction": 0.03,
                "other_manufacturing": 0.03}, 0.20),
    "construction": ({"construction": 0.15, "other_manufacturing": 0.15, "forestry_wood": 0.06,
                      "energy": 0.015, "transport_logistics": 0.03, "business_services": 0.06,
                      "wholesale": 0.03}, 0.12),
    "wholesale": ({"transport_logistics": 0.06, "finance_real_estate": 0.06,
                   "business_services": 0.07, "ict": 0.02, "wholesale": 0.04,
                   "energy": 0.015, "paper_packaging": 0.01, "plastic_packaging": 0.01}, 0.05),
    "retail": ({"finance_real_estate": 0.10, "business_services": 0.06,
                "transport_logistics": 0.04, "energy": 0.025, "wholesale": 0.03, "ict": 0.015,
                "paper_packaging": 0.008, "plastic_packaging": 0.008}, 0.04),
    "transport_logistics": ({"transport_logistics": 0.15, "other_manufacturing": 0.05,
                             "finance_real_estate": 0.04, "business_services": 0.05,
                             "ict": 0.015}, 0.20),
    "accommodation_food_services": ({"food": 0.15, "beverages": 0.06, "agriculture": 0.03,
                                     "finance_real_estate": 0.08, "energy": 0.04,
                                     "wholesale": 0.03, "retail": 0.01,
                                     "paper_packaging": 0.01, "plastic_packaging": 0.01}, 0.08),
    "ict": ({"ict": 0.15, "business_services": 0.08, "finance_real_estate": 0.06,
             "energy": 0.01}, 0.08),
    "finance_real_estate": ({"finance_real_estate": 0.12, "business_services": 0.06,
                             "ict": 0.04, "construction": 0.04}, 0.03),
    "business_services": ({"business_services": 0.12, "ict": 0.04,
                           "finance_real_estate": 0.07}, 0.06),
    "public_services": ({"other_manufacturing": 0.04, "energy": 0.03, "ict": 0.03,
                         "business_services": 0.05, "finance_real_estate": 0.04,
                         "construction": 0.03, "food": 0.01,
                         "accommodation_food_services": 0.01}, 0.06),
}  # fmt: skip
# Final demand for domestic output, EUR million: total and split households/government/
# investment/exports.
IO_FINAL_DEMAND = {
    "agriculture": (900, (0.30, 0.00, 0.05, 0.65)),
    "forestry_wood": (3_500, (0.05, 0.00, 0.10, 0.85)),
    "fishing": (150, (0.30, 0.00, 0.00, 0.70)),
    "food": (2_200, (0.55, 0.00, 0.00, 0.45)),
    "beverages": (500, (0.50, 0.00, 0.00, 0.50)),
    "paper_packaging": (250, (0.10, 0.00, 0.00, 0.90)),
    "plastic_packaging": (300, (0.10, 0.00, 0.00, 0.90)),
    "other_manufacturing": (4_000, (0.10, 0.00, 0.25, 0.65)),
    "energy": (900, (0.60, 0.00, 0.00, 0.40)),
    "construction": (3_500, (0.05, 0.00, 0.95, 0.00)),
    "wholesale": (2_500, (0.30, 0.00, 0.10, 0.60)),
    "retail": (3_500, (0.97, 0.00, 0.00, 0.03)),
    "transport_logistics": (3_500, (0.15, 0.00, 0.00, 0.85)),
    "accommodation_food_services": (1_200, (0.70, 0.00, 0.00, 0.30)),
    "ict": (1_500, (0.20, 0.00, 0.20, 0.60)),
    "finance_real_estate": (3_500, (0.85, 0.00, 0.05, 0.10)),
    "business_services": (1_500, (0.05, 0.05, 0.20, 0.70)),
    "public_services": (7_000, (0.10, 0.90, 0.00, 0.00)),
}


def _io_coefficients() -> tuple[np.ndarray, np.ndarray]:
    """Technical coefficients A (rows sell to columns) and imported-input coefficients m."""
    codes = list(IO_INDUSTRIES)
    position = {code: k for k, code in enumerate(codes)}
    a = np.zeros((len(codes), len(codes)))
    m = np.zeros(len(codes))
    for j, code in enumerate(codes):
        inputs, m[j] = IO_INPUTS[code]
        for seller, coefficient in (IO_DEFAULT_INPUTS | inputs).items():
            a[position[seller], j] = coefficient
    return a, m


def io_table() -> pd.DataFrame:
    """The balanced input-output table, written in tenths of a EUR million so accounts close.

    Output solves x = (I - A)^-1 y; then Z = A diag(x). All money values are rounded to one
    decimal (integer tenths), the row total is the exact row sum, and value added is the exact
    residual of each column, so both accounts close to the last digit.
    """
    codes = list(IO_INDUSTRIES)
    a, m = _io_coefficients()
    y = np.array([IO_FINAL_DEMAND[c][0] * np.array(IO_FINAL_DEMAND[c][1]) for c in codes])
    x = np.linalg.solve(np.eye(len(codes)) - a, y.sum(axis=1))
    z10 = np.rint(a * x[None, :] * 10).astype(np.int64)  # integer tenths of EUR million
    y10 = np.rint(y * 10).astype(np.int64)
    x10 = z10.sum(axis=1) + y10.sum(axis=1)
    imports10 = np.rint(m * x10).astype(np.int64)
    value_added10 = x10 - z10.sum(axis=0) - imports10
    if (value_added10 <= 0).any():
        raise ValueError("the IO recipe leaves no value added in some column: lower its inputs")
    persons = np.round(x10 / 10 / np.array([IO_INDUSTRIES[c][1] for c in codes]), 1)

    money = np.vstack([np.hstack([z10, y10]), np.hstack([np.vstack([imports10, value_added10,
                       x10]), np.full((3, len(FINAL_DEMAND)), -1)])])  # fmt: skip
    values = pd.DataFrame(money / 10.0, columns=codes + FINAL_DEMAND)
    values.loc[len(codes) :, FINAL_DEMAND] = np.nan  # no final-demand cells in the extra rows
    values["total"] = np.concatenate([x10, [imports10.sum(), value_added10.sum(), x10.sum()]]) / 10
    values.loc[len(values)] = list(persons) + [np.nan] * len(FINAL_DEMAND) + [persons.sum()]
    values["total"] = values["total"].round(1)
    head = pd.DataFrame(
        {
            "code": codes + ["imports", "value_added", "total_output", "employment"],
            "name": [IO_INDUSTRIES[c][0] for c in codes]
            + [
                "Imported intermediate inputs",
                "Gross value added",
                "Total output",
                "Employment (thousand persons)",
            ],
            "kind": ["industry"] * len(codes)
            + ["imports", "value_added", "total_output", "employment"],
        }
    )
    return pd.concat([head, values], axis=1)


# --------------------------------------------------------------------------------------------
# Benchmarking of cluster organisations (fictional peers)
# --------------------------------------------------------------------------------------------

ESCA_AREAS = {
    "structure": "Structure of the cluster participants",
    "management": "Management and governance",
    "financing": "Financing",
    "services": "Services",
    "interaction": "Interaction and communication within the cluster",
    "achievements": "Achievements and recognition",
}

# indicator: (area, name, definition, unit, direction, kpi_type,
#             generator: kind, centre, spread, size elasticity, lower bound, upper bound, decimals)
# kinds: "count" log-normal around centre x (members/60)^elasticity; "percent" logistic around
# the centre; "level" normal around the centre, clipped to the bounds.
INDICATORS = {
    "members_total": ("structure", "Members", "Number of members (all types) at the end of the year", "count", "higher", "input", "members", 60, 0.6, 1, 1, None, 0),
    "sme_share": ("structure", "SME share", "Share of company members that are SMEs under Recommendation 2003/361/EC", "%", "higher", "input", "percent", 80, 0.8, 0, 0, 100, 1),
    "member_types": ("structure", "Member types", "Number of member types present (company, research, education, public, other)", "count", "higher", "input", "level", 3.6, 0.9, 0, 1, 5, 0),
    "research_education_members": ("structure", "Research and education members", "Number of members that are research or education organisations", "count", "higher", "input", "count", 5, 0.6, 0.8, 0, None, 0),
    "member_retention": ("structure", "Member retention", "Share of last year's members that are still members", "%", "higher", "outcome", "percent", 90, 0.6, 0, 0, 100, 1),
    "new_members": ("structure", "New members", "Members that joined during the year", "count", "higher", "output", "count", 6, 0.6, 0.8, 0, None, 0),
    "staff_fte": ("management", "Management staff", "Staff of the cluster organisation in full-time equivalents", "FTE", "higher", "input", "count", 3.5, 0.55, 0.5, 0.5, None, 1),
    "staff_turnover": ("management", "Staff turnover", "Share of the management staff that left during the year", "%", "lower", "input", "percent", 12, 0.7, 0, 0, 100, 1),
    "strategy_age": ("management", "Age of the strategy", "Years since the cluster strategy was last revised", "years", "lower", "activity", "level", 3, 1.5, 0, 0, 10, 0),
    "manager_experience": ("management", "Manager experience", "Years of experience of the cluster manager in cluster management", "years", "higher", "input", "level", 7, 4, 0, 0.5, 25, 0),
    "board_meetings": ("management", "Board meetings", "Meetings of the board or steering committee per year", "count per year", "higher", "activity", "level", 6, 2.5, 0, 1, 12, 0),
    "response_days": ("management", "Days to answer members", "Average working days to answer a member's request", "days", "lower", "activity", "level", 4, 2.5, 0, 0.5, 20, 1),
    "budget_keur": ("financing", "Budget", "Annual budget of the cluster organisation", "EUR thousand", "higher", "input", "count", 450, 0.7, 0.6, 20, None, 0),
    "private_funding_share": ("financing", "Private funding share", "Share of the budget from member fees, paid services and sponsors", "%", "higher", "input", "percent", 45, 0.8, 0, 0, 100, 1),
    "public_funding_dependency": ("financing", "Dependency on one public programme", "Share of the budget from the largest single public funding source", "%", "lower", "input", "percent", 50, 0.8, 0, 0, 100, 1),
    "membership_fees_keur": ("financing", "Membership fees", "Income from membership fees", "EUR thousand", "higher", "input", "count", 80, 0.7, 0.9, 0, None, 0),
    "service_income_keur": ("financing", "Income from paid services", "Income from services charged to members and others", "EUR thousand", "higher", "output", "count", 60, 0.9, 0.6, 0, None, 0),
    "funding_raised_keur": ("financing", "Funding raised for members", "Grants and investment raised for members' projects with the cluster's help", "EUR thousand", "higher", "outcome", "count", 900, 1.0, 0.6, 0, None, 0),
    "services_offered": ("services", "Services offered", "Number of distinct services in the cluster's portfolio", "count", "higher", "activity", "level", 8, 3, 0, 2, 20, 0),
    "service_uptake": ("services", "Service uptake", "Share of members that used at least one service during the year", "%", "higher", "output", "percent", 60, 0.8, 0, 0, 100, 1),
    "events_per_year": ("services", "Events", "Events organised for members during the year", "count per year", "higher", "activity", "count", 14, 0.5, 0.4, 1, None, 0),
    "training_participants": ("services", "Training participants", "Persons trained in courses and workshops of the cluster during the year", "persons per year", "higher", "output", "count", 120, 0.7, 0.6, 0, None, 0),
    "matchmaking_meetings": ("services", "Matchmaking meetings", "Business-to-business meetings arranged by the cluster during the year", "count per year", "higher", "output", "count", 40, 0.8, 0.5, 0, None, 0),
    "paid_services_share": ("services", "Paid services share", "Share of the services that users pay for", "%", "higher", "activity", "percent", 30, 0.9, 0, 0, 100, 1),
    "collaborative_projects": ("interaction", "Collaborative projects", "Running projects with at least three members", "count", "higher", "output", "count", 6, 0.6, 0.6, 0, None, 0),
    "members_in_projects": ("interaction", "Members in projects", "Share of members taking part in at least one collaborative project", "%", "higher", "output", "percent", 35, 0.8, 0, 0, 100, 1),
    "member_updates": ("interaction", "Member updates", "Newsletters and other updates sent to all members per year", "count per year", "higher", "activity", "count", 24, 0.5, 0, 1, None, 0),
    "member_satisfaction": ("interaction", "Member satisfaction", "Average satisfaction in the yearly member survey (1 = very low, 5 = very high)", "score 1-5", "higher", "outcome", "level", 3.9, 0.4, 0, 1, 5, 1),
    "working_groups": ("interaction", "Working groups", "Active thematic working groups of members", "count", "higher", "activity", "count", 4, 0.5, 0.4, 0, None, 0),
    "cross_sector_projects": ("interaction", "Cross-sector projects", "Projects that link members of different industries", "count", "higher", "output", "count", 2, 0.8, 0.5, 0, None, 0),
    "export_share_members": ("achievements", "Members' export share", "Average export share of the company members", "%", "higher", "outcome", "percent", 30, 0.8, 0, 0, 100, 1),
    "international_partners": ("achievements", "International partners", "Foreign cluster organisations with a signed co-operation agreement", "count", "higher", "output", "count", 8, 0.7, 0.3, 0, None, 0),
    "international_projects": ("achievements", "International projects", "Running international projects (EU-funded or bilateral)", "count", "higher", "output", "count", 3, 0.7, 0.4, 0, None, 0),
    "escp_participation": ("achievements", "European Strategic Cluster Partnerships", "European Strategic Cluster Partnerships the cluster takes part in", "count", "higher", "output", "level", 0.8, 0.9, 0, 0, 4, 0),
    "media_mentions": ("achievements", "Media mentions", "Articles and broadcasts mentioning the cluster during the year", "count per year", "higher", "outcome", "count", 25, 0.8, 0.4, 0, None, 0),
    "labels_awards": ("achievements", "Labels and awards", "Cluster management labels and awards held", "count", "higher", "outcome", "level", 1, 1, 0, 0, 6, 0),
}  # fmt: skip
INTERNATIONALISATION = [
    "export_share_members",
    "international_partners",
    "international_projects",
    "escp_participation",
]

# Course clusters in the benchmark: overall quality, area strengths, single indicators, and the
# improvement between round 1 (2021) and round 2 (2023) by area (in standard deviations).
COURSE_PROFILES = {
    "lv_food": dict(quality=0.0, areas={"interaction": 0.4}, indicators={},
                    improve={"interaction": 0.8, "services": 0.5}),
    "lv_it": dict(quality=0.3, areas={"services": 2.0, "interaction": 0.5},
                  indicators=dict.fromkeys(INTERNATIONALISATION, -2.2),
                  improve={"management": 0.7, "achievements": 0.3}),
    "ee_logistics": dict(quality=0.2, areas={"achievements": 0.8, "financing": -0.3},
                         indicators={}, improve={"financing": 0.4}),
    "se_energy": dict(quality=0.8, areas={"financing": 0.6, "achievements": 0.6}, indicators={},
                      improve={}),
    "dk_food": dict(quality=1.0, areas={"structure": 0.5}, indicators={}, improve={}),
}  # fmt: skip
CLUSTER_SECTOR = {"lv_food": "food", "lv_it": "ict", "ee_logistics": "logistics",
                  "se_energy": "energy", "dk_food": "food"}  # fmt: skip
N_PEERS = 115
PEER_COUNTRIES = {"DE": 14, "FR": 10, "ES": 10, "IT": 8, "PL": 8, "AT": 6, "BE": 5, "NL": 5,
                  "SE": 5, "DK": 5, "FI": 5, "EE": 3, "LV": 3, "LT": 3, "CZ": 5, "SK": 3,
                  "SI": 3, "HU": 4, "RO": 4, "BG": 3, "HR": 3, "PT": 4, "IE": 3, "GR": 3,
                  "NO": 3, "CH": 2, "TR": 2, "UA": 1}  # fmt: skip
PEER_SECTORS = {"food": 0.22, "ict": 0.22, "energy": 0.18, "logistics": 0.12, "other": 0.26}
ROUND_YEARS = {1: 2021, 2: 2023}
MISSING_SHARE = 0.01  # share of peer answers left empty (not members_total)


def benchmark_indicators() -> pd.DataFrame:
    """The course indicator catalogue: 36 indicators, 6 in each of the six ESCA areas."""
    rows = [(key, spec[0], ESCA_AREAS[spec[0]], *spec[1:6]) for key, spec in INDICATORS.items()]
    columns = [f["name"] for f in RESOURCES["benchmark_indicators"]["fields"]]
    return pd.DataFrame(rows, columns=columns)


def _indicator_values(z: np.ndarray, members: np.ndarray, spec) -> np.ndarray:
    """Turn standard scores z (higher = better) into values of one indicator."""
    direction, kind, centre, spread, elasticity, low, high, decimals = (spec[4], *spec[6:])
    z = z if direction == "higher" else -z
    if kind == "members":
        values = members.astype(float)
    elif kind == "count":
        values = centre * (members / 60.0) ** elasticity * np.exp(spread * z)
    elif kind == "percent":
        logit = np.log(centre / (100 - centre))
        values = 100.0 / (1.0 + np.exp(-(logit + spread * z)))
    else:  # level
        values = centre + spread * z
    values = np.clip(values, low, high if high is not None else np.inf)
    return np.round(values, decimals)


def _course_member_facts(members: pd.DataFrame, year: int) -> pd.DataFrame:
    """Structure indicators of the course clusters computed from cluster_members."""
    current = members[members["year_joined"] <= year]
    companies = current[current["member_type"] == "company"]
    # SME (not large): headcount < 250 and (turnover <= 50 m or balance sheet <= 43 m)
    sme = (companies["employees"] < 250) & (
        (companies["turnover_eur"] <= 50_000_000) | (companies["balance_sheet_eur"] <= 43_000_000)
    )
    by = current.groupby("cluster", sort=False)
    return pd.DataFrame(
        {
            "members_total": by.size(),
            "member_types": by["member_type"].nunique(),
            "research_education_members": by["member_type"].agg(
                lambda t: t.isin(["research", "education"]).sum()
            ),
            "new_members": by["year_joined"].agg(lambda y: (y == year).sum()),
            "sme_share": (100 * sme.groupby(companies["cluster"]).mean()).round(1),
            "export_share_members": (
                100 * companies.groupby("cluster")["export_share"].mean()
            ).round(1),
        }
    )


def _organisations(rng) -> pd.DataFrame:
    peers = pd.DataFrame(
        {
            "organisation": [f"peer_{k:03d}" for k in range(1, N_PEERS + 1)],
            "organisation_name": [f"Peer {k:03d}" for k in range(1, N_PEERS + 1)],
            "course_cluster": False,
            "country": _weighted_choice(rng, PEER_COUNTRIES, N_PEERS).astype(str),
            "sector": _weighted_choice(rng, PEER_SECTORS, N_PEERS).astype(str),
            "founded_year": rng.integers(1995, 2020, N_PEERS),
            "quality": rng.normal(0.0, 1.0, N_PEERS),
            "members_2021": np.maximum(8, np.rint(rng.lognormal(np.log(60), 0.6, N_PEERS))),
        }
    )
    course = pd.DataFrame(
        {
            "organisation": list(CLUSTERS),
            "organisation_name": [c["name"] for c in CLUSTERS.values()],
            "course_cluster": True,
            "country": [c["country"] for c in CLUSTERS.values()],
            "sector": [CLUSTER_SECTOR[c] for c in CLUSTERS],
            "founded_year": [c["founded"] for c in CLUSTERS.values()],
            "quality": [COURSE_PROFILES[c]["quality"] for c in CLUSTERS],
            "members_2021": np.nan,
        }
    )
    return pd.concat([peers, course], ignore_index=True)


def benchmarking(members: pd.DataFrame) -> pd.DataFrame:
    """Two benchmarking rounds (2021, 2023) of ~120 cluster organisations on 36 indicators."""
    rng = np.random.default_rng([SEED, 4])
    orgs = _organisations(rng)
    n, areas, names = len(orgs), list(ESCA_AREAS), list(INDICATORS)
    area_effect = rng.normal(0.0, 0.6, (n, len(areas)))
    improve_area = rng.normal(0.15, 0.25, (n, len(areas)))
    indicator_effect = np.zeros((n, len(names)))
    for k, org in enumerate(orgs["organisation"]):
        profile = COURSE_PROFILES.get(org)
        if profile is None:
            continue
        area_effect[k] = [profile["areas"].get(a, 0.0) for a in areas]
        improve_area[k] = [profile["improve"].get(a, 0.0) for a in areas]
        indicator_effect[k] = [profile["indicators"].get(i, 0.0) for i in names]
    in_round_2 = orgs["course_cluster"].to_numpy() | (rng.random(n) < 0.6)
    growth = rng.normal(1.05, 0.07, n)
    area_of = np.array([areas.index(INDICATORS[i][0]) for i in names])

    frames = []
    for round_, year in ROUND_YEARS.items():
        facts = _course_member_facts(members, year)
        size = orgs["members_2021"].to_numpy() * (growth if round_ == 2 else 1.0)
        course = orgs["course_cluster"].to_numpy()
        size[course] = facts.loc[orgs.loc[course, "organisation"], "members_total"]
        size = np.rint(size)
        z = (
            0.55 * orgs["quality"].to_numpy()[:, None]
            + 0.5 * area_effect[:, area_of]
            + indicator_effect
            + 0.55 * rng.normal(0.0, 1.0, (n, len(names)))
            + (improve_area[:, area_of] if round_ == 2 else 0.0)
        )
        values = np.column_stack(
            [_indicator_values(z[:, j], size, INDICATORS[name]) for j, name in enumerate(names)]
        )
        table = pd.DataFrame(values, columns=names)
        for column in facts.columns:  # course clusters: facts from the member list
            table.loc[course, column] = facts.loc[orgs.loc[course, "organisation"], column].values
        table["members_total"] = size
        table.insert(0, "organisation", orgs["organisation"])
        if round_ == 2:  # only some peers came back for a second round
            table = table[in_round_2]
        long = table.melt(id_vars="organisation", var_name="indicator", value_name="value")
        long["round"], long["year"] = round_, year
        frames.append(long)

    data = pd.concat(frames, ignore_index=True)
    peer_answer = data["organisation"].str.startswith("peer_") & (
        data["indicator"] != "members_total"
    )
    missing = peer_answer & (rng.random(len(data)) < MISSING_SHARE)
    data.loc[missing, "value"] = np.nan
    data = data.merge(orgs.drop(columns=["quality", "members_2021"]), on="organisation")
    members_total = data[data["indicator"] == "members_total"].set_index(["organisation", "round"])
    data["members_total"] = (
        data.set_index(["organisation", "round"]).index.map(members_total["value"]).astype("int64")
    )
    order = {name: k for k, name in enumerate(names)}
    org_order = {org: k for k, org in enumerate(orgs["organisation"])}
    data = data.sort_values(
        ["organisation", "round", "indicator"],
        key=lambda s: s.map(org_order) if s.name == "organisation" else s.map(order)
        if s.name == "indicator" else s,
    )  # fmt: skip
    columns = [f["name"] for f in RESOURCES["benchmarking"]["fields"]]
    return data[columns].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# datapackage.json: the schema of every table
# --------------------------------------------------------------------------------------------


def _field(name, type_, description, unit=None, **constraints) -> dict:
    field = {"name": name, "type": type_, "description": description}
    if unit:
        field["unit"] = unit
    if constraints:
        field["constraints"] = constraints
    return field


REGION_CODES = [r[0] for r in REGIONS]
CODE_PATTERN = "^[A-U][0-9]{2}$"
REQ = {"required": True}

RESOURCES = {
    "regional_employment": {
        "title": "Employment, local units and wages by region, NACE division and year",
        "description": (
            "SYNTHETIC data, generated by datasets/generate.py: persons employed, local units and "
            "wages in 39 real NUTS 2021 regions (Latvia, Estonia, Lithuania at NUTS 3; Finland, "
            "Sweden, Denmark at NUTS 2) x 73 NACE Rev. 2 divisions (A and B-N) x 2013-2023. "
            "Calibrated: national 2015 totals of LV C10, J62, D35; EE C10, J62; SE C10, J62, "
            "D35 equal Eurostat SBS figures (sbs_na_ind_r2 / sbs_r_nuts06_r2). Stories are planted "
            "for teaching; do not use for real analysis."
        ),
        "primaryKey": ["region", "industry", "year"],
        "foreignKeys": [
            {"fields": "industry", "reference": {"resource": "nace", "fields": "code"}}
        ],
        "fields": [
            _field("country", "string", "Country, ISO 3166 alpha-2 code as used by Eurostat",
                   required=True, enum=list(COUNTRY_NAMES)),
            _field("region", "string", "NUTS 2021 region code", required=True,
                   enum=REGION_CODES),
            _field("region_name", "string", "NUTS region name (UTF-8, with diacritics)", **REQ),
            _field("nuts_level", "integer", "NUTS level of the region", required=True,
                   enum=[2, 3]),
            _field("industry", "string", "NACE Rev. 2 division, Eurostat style (letter + two "
                   "digits)", required=True, pattern=CODE_PATTERN),
            _field("industry_name", "string", "Official English title of the division", **REQ),
            _field("section", "string", "NACE Rev. 2 section letter", required=True,
                   enum=list(EMPLOYMENT_SECTIONS)),
            _field("year", "integer", "Reference year", "year", required=True, minimum=2013,
                   maximum=2023),
            _field("employment", "integer", "Persons employed (SBS V16110)", "persons",
                   required=True, minimum=0),
            _field("establishments", "integer", "Local units (SBS V11210); 0 exactly when "
                   "employment is 0", "local units", required=True, minimum=0),
            _field("wages_eur", "integer", "Wages and salaries (SBS V13320)", "EUR",
                   required=True, minimum=0),
        ],
    },
    "nace": {
        "title": "NACE Rev. 2 sections and divisions",
        "description": (
            "The statistical classification of economic activities NACE Rev. 2 (Regulation (EC) "
            "No 1893/2006; NOT NACE Rev. 2.1): all 21 sections and 88 divisions with their "
            "official English titles. Division codes are written as Eurostat does (C10)."
        ),
        "primaryKey": ["code"],
        "fields": [
            _field("code", "string", "Section letter (C) or division code (C10)",
                   required=True, pattern="^[A-U]([0-9]{2})?$"),
            _field("level", "string", "Level in the classification", required=True,
                   enum=["section", "division"]),
            _field("section", "string", "Section letter", required=True, pattern="^[A-U]$"),
            _field("name", "string", "Official English title", **REQ),
        ],
    },
    "cluster_categories": {
        "title": "Course mapping of NACE divisions to cluster categories",
        "description": (
            "Course mapping, not an official classification: each NACE Rev. 2 division of "
            "regional_employment belongs to exactly one cluster category. Traded vs local after "
            "Porter (2003): traded categories sell outside their region, local ones serve local "
            "demand."
        ),
        "primaryKey": ["industry"],
        "foreignKeys": [
            {"fields": "industry", "reference": {"resource": "nace", "fields": "code"}}
        ],
        "fields": [
            _field("industry", "string", "NACE Rev. 2 division", required=True,
                   pattern=CODE_PATTERN),
            _field("category", "string", "Cluster category id (course convention)",
                   required=True, enum=list(CLUSTER_CATEGORIES)),
            _field("category_name", "string", "Cluster category name", **REQ),
            _field("traded", "boolean", "True for traded, False for local categories", **REQ),
        ],
    },
    "cluster_members": {
        "title": "Members of five fictional cluster organisations",
        "description": (
            "FICTIONAL members (organisations and names are made up) of five course clusters. "
            "Regions are real NUTS 2021 codes. Partner and linked enterprises are ignored: each "
            "member stands alone for the SME definition. turnover_eur and balance_sheet_eur are "
            "empty for public and education bodies."
        ),
        "primaryKey": ["member_id"],
        "foreignKeys": [
            {"fields": "industry", "reference": {"resource": "nace", "fields": "code"}}
        ],
        "fields": [
            _field("cluster", "string", "Cluster id", required=True, enum=list(CLUSTERS)),
            _field("cluster_name", "string", "Cluster name", **REQ),
            _field("member_id", "string", "Member id: cluster id + number in order of joining",
                   required=True, pattern="^[a-z_]+_[0-9]{3}$"),
            _field("member_name", "string", "Fictional member name", **REQ),
            _field("member_type", "string", "Helix type of the member", required=True,
                   enum=MEMBER_TYPES),
            _field("industry", "string", "NACE Rev. 2 division of the main activity",
                   required=True, pattern=CODE_PATTERN),
            _field("region", "string", "NUTS 2021 region of the member", required=True,
                   enum=REGION_CODES),
            _field("employees", "integer", "Headcount in annual work units", "AWU",
                   required=True, minimum=1),
            _field("turnover_eur", "number", "Annual turnover", "EUR", minimum=0),
            _field("balance_sheet_eur", "number", "Balance sheet total", "EUR", minimum=0),
            _field("export_share", "number", "Exports as a share of turnover", "share 0-1",
                   required=True, minimum=0, maximum=1),
            _field("value_chain_stage", "string", "Stage of the value chain the member serves",
                   required=True, enum=VALUE_CHAIN_STAGES),
            _field("year_joined", "integer", "Year the member joined", "year", required=True,
                   minimum=2008, maximum=2023),
            _field("services_used", "string", "Cluster services used, separated by ';' "
                   "(empty: none)", pattern=f"^({'|'.join(SERVICES)})(;({'|'.join(SERVICES)}))*$"),
        ],
    },
    "io_table": {
        "title": "Balanced national input-output table (fictional Baltic economy)",
        "description": (
            "FICTIONAL symmetric industry-by-industry input-output table of an economy of Latvian "
            "size, 18 industries, basic prices, EUR million (employment row: thousand persons). "
            "Industry rows hold intermediate sales Z and final demand Y; 'total' is gross output "
            "x = row sum. The imports row holds imported intermediate inputs, value_added closes "
            "each column, and total_output equals the row totals exactly. Final demand is for "
            "domestic output only, so sum(value_added) + sum(imports) = sum(final demand)."
        ),
        "primaryKey": ["code"],
        "fields": [
            _field("code", "string", "Row id: industry code or account", **REQ),
            _field("name", "string", "Row name", **REQ),
            _field("kind", "string", "Row kind", required=True,
                   enum=["industry", "imports", "value_added", "total_output", "employment"]),
            *[
                _field(code, "number", f"Purchases of {IO_INDUSTRIES[code][0]} (column)",
                       "EUR million (employment row: thousand persons)", required=True)
                for code in IO_INDUSTRIES
            ],
            *[
                _field(name, "number", f"Final demand: {name}", "EUR million")
                for name in FINAL_DEMAND
            ],
            _field("total", "number", "Row total: gross output for industry rows",
                   "EUR million (employment row: thousand persons)", required=True),
        ],
    },
    "benchmark_indicators": {
        "title": "Course indicator catalogue for cluster-organisation benchmarking",
        "description": (
            "Course indicator catalogue, modelled on the six ESCA areas; not the ESCA "
            "questionnaire. 36 indicators, 6 per area; direction says whether a higher or a lower "
            "value is better."
        ),
        "primaryKey": ["indicator"],
        "fields": [
            _field("indicator", "string", "Indicator id", required=True, pattern="^[a-z0-9_]+$"),
            _field("area", "string", "ESCA area id", required=True, enum=list(ESCA_AREAS)),
            _field("area_name", "string", "ESCA area name", **REQ),
            _field("name", "string", "Indicator name", **REQ),
            _field("definition", "string", "What is counted or measured", **REQ),
            _field("unit", "string", "Unit of the value", **REQ),
            _field("direction", "string", "Which values are better", required=True,
                   enum=["higher", "lower"]),
            _field("kpi_type", "string", "Type of key performance indicator", required=True,
                   enum=["input", "activity", "output", "outcome"]),
        ],
    },
    "benchmarking": {
        "title": "Benchmarking of cluster organisations, two rounds",
        "description": "",  # filled in by generate(): it states the number of missing values
        "primaryKey": ["organisation", "round", "indicator"],
        "foreignKeys": [
            {
                "fields": "indicator",
                "reference": {"resource": "benchmark_indicators", "fields": "indicator"},
            }
        ],
        "fields": [
            _field("organisation", "string", "Organisation id (peer_001... or a course cluster)",
                   required=True, pattern="^(peer_[0-9]{3}|[a-z]+_[a-z]+)$"),
            _field("organisation_name", "string", "Organisation name", **REQ),
            _field("course_cluster", "boolean", "True for the five course clusters", **REQ),
            _field("country", "string", "Country, ISO 3166 alpha-2", required=True,
                   pattern="^[A-Z]{2}$"),
            _field("sector", "string", "Sector of the cluster", required=True,
                   enum=list(PEER_SECTORS)),
            _field("founded_year", "integer", "Year the cluster organisation was founded",
                   "year", required=True, minimum=1990, maximum=2023),
            _field("members_total", "integer", "Members in that round", "count",
                   required=True, minimum=1),
            _field("round", "integer", "Benchmarking round", required=True, enum=[1, 2]),
            _field("year", "integer", "Year of the round", "year", required=True,
                   enum=[2021, 2023]),
            _field("indicator", "string", "Indicator id (see benchmark_indicators)", **REQ),
            _field("value", "number", "Value in the indicator's unit; empty = not answered"),
        ],
    },
    "trade": {
        "title": "Exports of course-cluster company members by partner country",
        "description": (
            "FICTIONAL exports of the company members of the course clusters, 2019-2023, by "
            "partner country. The 2023 total of a member is about export_share x turnover_eur "
            "from cluster_members."
        ),
        "primaryKey": ["member_id", "partner", "year"],
        "foreignKeys": [
            {
                "fields": "member_id",
                "reference": {"resource": "cluster_members", "fields": "member_id"},
            }
        ],
        "fields": [
            _field("cluster", "string", "Cluster id", required=True, enum=list(CLUSTERS)),
            _field("member_id", "string", "Member id (see cluster_members)", **REQ),
            _field("partner", "string", "Partner country, ISO 3166 alpha-2", required=True,
                   enum=list(PARTNER_NAMES)),
            _field("partner_name", "string", "Partner country name", **REQ),
            _field("year", "integer", "Year", "year", required=True, minimum=2019,
                   maximum=2023),
            _field("exports_eur", "integer", "Exports to the partner", "EUR", required=True,
                   minimum=0),
        ],
    },
}  # fmt: skip


def datapackage(descriptions: dict[str, str], contents: dict[str, bytes]) -> dict:
    """The Frictionless Data Package descriptor (Table Schema v1) of all course datasets.

    ``contents`` holds the exact bytes written for each table: the descriptor records their size
    (``bytes``) and SHA-256 (``hash``, written ``"sha256:<hex>"`` as the Data Resource spec asks
    for any algorithm other than MD5), so that ``course.data.load`` can refuse a file that was
    cut short or edited.
    """
    resources = []
    for name, spec in RESOURCES.items():
        schema = {"fields": spec["fields"], "primaryKey": spec["primaryKey"]}
        if "foreignKeys" in spec:
            schema["foreignKeys"] = spec["foreignKeys"]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "title": spec["title"],
                "description": descriptions.get(name, spec["description"]),
                "synthetic": True,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(contents[name]),
                "hash": "sha256:" + hashlib.sha256(contents[name]).hexdigest(),
                "schema": schema,
            }
        )
    return {
        "name": "cluster-course-datasets",
        "title": "Cluster course datasets (synthetic)",
        "description": (
            "Synthetic but calibrated data for the cluster-management course, generated by "
            f"datasets/generate.py with seed {SEED}. Regions are real NUTS 2021 codes; "
            "organisations are fictional."
        ),
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
        "resources": resources,
    }


# --------------------------------------------------------------------------------------------
# Writing the files
# --------------------------------------------------------------------------------------------

FLOAT_FORMAT = {"io_table": "%.1f", "benchmarking": "%.10g"}


def _write_csv(table: pd.DataFrame, path: Path, float_format: str | None) -> bytes:
    """Write ``table`` as UTF-8 CSV with Unix line ends; return the bytes written."""
    # Render in memory first: datapackage.json records the size and hash of exactly these bytes.
    text = table.to_csv(index=False, lineterminator="\n", float_format=float_format)
    content = text.encode("utf-8")
    path.write_bytes(content)
    return content


def generate(out_dir: Path) -> list[Path]:
    """Write every course dataset and datapackage.json into ``out_dir``; return the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    members = cluster_members()
    tables = {
        "regional_employment": regional_employment(),
        "nace": nace(),
        "cluster_categories": cluster_categories(),
        "cluster_members": members,
        "io_table": io_table(),
        "benchmark_indicators": benchmark_indicators(),
        "benchmarking": benchmarking(members),
        "trade": trade(members),
    }
    missing = int(tables["benchmarking"]["value"].isna().sum())
    descriptions = {
        "benchmarking": (
            f"FICTIONAL benchmarking answers of {N_PEERS} anonymous peer cluster organisations "
            "and the five course clusters on the 36 course indicators (course indicator "
            "catalogue modelled on the six ESCA areas; not the ESCA questionnaire). Round 1 in "
            "2021, round 2 in 2023 (all course clusters, about 60 % of the peers). "
            f"{missing} values are missing (peers that did not answer), stored as empty cells. "
            "Structure indicators of the course clusters are computed from cluster_members."
        )
    }
    paths, contents = [], {}
    for name, table in tables.items():
        path = out_dir / f"{name}.csv"
        contents[name] = _write_csv(table, path, FLOAT_FORMAT.get(name))
        paths.append(path)
    package = out_dir / "datapackage.json"
    text = json.dumps(datapackage(descriptions, contents), indent=2, ensure_ascii=False) + "\n"
    package.write_text(text, encoding="utf-8", newline="\n")
    paths.append(package)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent, help="output folder"
    )
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
