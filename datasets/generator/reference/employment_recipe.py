"""The recipe of the regional employment table: calibration targets, structure, trends, stories.

Every number the table is made from, except the random draws: change a constant here and
``python datasets/generate.py`` writes the table again from it.
"""

import numpy as np

YEARS = np.arange(2013, 2024)  # 2013-2023 inclusive
CALIBRATION_YEAR = 2015

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
