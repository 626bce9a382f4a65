"""Where a cluster manager finds each indicator of the course catalogue before the day.

Used by the form's help texts and by the pre-work sheet "my cluster in numbers"; a test keeps
the keys equal to the catalogue's indicators.
"""

REGISTER = "your member register (CRM or spreadsheet)"
ACCOUNTS = "last year's annual accounts or budget report"
PROJECTS = "your project list"

WHERE = {
    "members_total": f"{REGISTER}: members on 31 December",
    "sme_share": f"{REGISTER}: company members with fewer than 250 staff and turnover up to "
    "EUR 50 million (or balance sheet up to EUR 43 million), as a share of company members",
    "member_types": f"{REGISTER}: which of company, research, education, public, other are present",
    "research_education_members": f"{REGISTER}: universities, colleges, research institutes",
    "member_retention": f"{REGISTER}: last year's members still members this year, as a share",
    "new_members": f"{REGISTER}: members that joined during the year",
    "staff_fte": "your staff list or payroll: full-time equivalents of the cluster team",
    "staff_turnover": "your staff list: people who left during the year, as a share of the team",
    "strategy_age": "your strategy document: years since its last revision",
    "manager_experience": "the cluster manager's own CV: years in cluster management",
    "board_meetings": "board or steering committee minutes: meetings held in the year",
    "response_days": "your mailbox or CRM: average working days to answer a member (estimate if "
    "not tracked, and say so)",
    "budget_keur": f"{ACCOUNTS}: total budget, EUR thousand",
    "private_funding_share": f"{ACCOUNTS}: member fees + paid services + sponsors, as a share of "
    "the budget",
    "public_funding_dependency": f"{ACCOUNTS}: the largest single public funding source, as a "
    "share of the budget",
    "membership_fees_keur": f"{ACCOUNTS}: income from membership fees, EUR thousand",
    "service_income_keur": f"{ACCOUNTS}: income from services charged, EUR thousand",
    "funding_raised_keur": f"{PROJECTS}: grants and investment raised for members with your help",
    "services_offered": "your service catalogue or website: distinct services offered",
    "service_uptake": f"{REGISTER} or event lists: members that used a service, as a share",
    "events_per_year": "your event calendar: events organised for members in the year",
    "training_participants": "training attendance lists: persons trained in the year",
    "matchmaking_meetings": "matchmaking or B2B logs: meetings arranged in the year",
    "paid_services_share": "your service catalogue: services users pay for, as a share",
    "collaborative_projects": f"{PROJECTS}: running projects with at least three members",
    "members_in_projects": f"{PROJECTS} and {REGISTER}: members in at least one project, as a share",
    "member_updates": "your newsletter tool: newsletters and updates sent to all members",
    "member_satisfaction": "your yearly member survey: average satisfaction on a 1-5 scale",
    "working_groups": "your working-group list: groups that met during the year",
    "cross_sector_projects": f"{PROJECTS}: projects linking members of different industries",
    "export_share_members": "member survey or annual reports: average export share of company "
    "members",
    "international_partners": "signed co-operation agreements with foreign cluster organisations",
    "international_projects": f"{PROJECTS}: running EU-funded or bilateral international projects",
    "escp_participation": "ECCP profile (clustercollaboration.eu): European Strategic Cluster "
    "Partnerships you take part in",
    "media_mentions": "your press review or media monitoring: articles and broadcasts in the year",
    "labels_awards": "your ESCA/EUCLES label certificate and other awards currently held",
}
