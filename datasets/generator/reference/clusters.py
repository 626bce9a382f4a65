"""The five fictional course clusters and the recipe of their members.

Everything here is made up for the course: names, sizes, industries, export shares, the
borderline cases of the EU SME definition. The member types, value-chain stages and services
are not typed here: they are the course library's own lists (``course.segmentation``), so that
the data and the functions that read them can never disagree.
"""

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
