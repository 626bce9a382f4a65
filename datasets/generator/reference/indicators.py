"""The course indicator catalogue and the recipe of the fictional benchmarking peers.

The area of each indicator is one of the course library's ``course.benchmarking.AREAS``
(ESCA's six areas, in ESCA's order): the generator takes the area names from there.
"""

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
