"""Partner countries of the members' exports and each cluster's typical destinations."""

import numpy as np

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
