"""The course's cluster categories: each NACE division of the employment table in exactly one.

A COURSE mapping, not an official classification. Traded vs local after Porter (2003): traded
categories sell outside their region, local ones serve local demand.
"""

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
