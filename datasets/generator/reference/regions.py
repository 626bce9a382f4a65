"""Countries and their real NUTS 2021 regions, with the weights that scale the synthetic data.

Codes and names are the real NUTS 2021 ones (UTF-8, with diacritics); the weights, wages and
urban scores are orders of magnitude chosen for the course, not official figures.
"""

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
REGION_CODES = [r[0] for r in REGIONS]
