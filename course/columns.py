"""The names of the columns the library's functions add to a table, written once.

A result column is named after its measure (``lq``, ``stars``, ``total_change``), and a chart,
an explorer or a graded check that reads the column imports its name from here instead of
typing it again, so that a name can never drift between the function that writes it and the
code that reads it::

    from course import columns, economics
    lq = economics.location_quotient(employment)
    lq[columns.LQ]                     # the same as lq["lq"]

The module is plain constants (no imports): the graded checks load it in a fresh process.

>>> from course import columns
>>> columns.LQ, columns.SHIFT_SHARE_PARTS
('lq', ('national_share', 'industry_mix', 'regional_shift'))
"""

# --- module 1, cluster economics: specialisation (economics.location_quotient, regional_focus)
LQ = "lq"  # location quotient, (e[i,r]/e[r]) / (E[i]/E)
FOCUS = "focus"  # share of the region's employment, e[i,r]/e[r]

# --- star rating (economics.star_rating, European Cluster Observatory 2007-2011)
SIZE_STAR = "size_star"
SPECIALISATION_STAR = "specialisation_star"
FOCUS_STAR = "focus_star"
STAR_FLAGS = (SIZE_STAR, SPECIALISATION_STAR, FOCUS_STAR)  # one star each
STARS = "stars"  # 0-3, the number of flags that are True

# --- change over time (economics.growth, economics.region_profile)
ABSOLUTE_CHANGE = "absolute_change"  # x1 - x0
GROWTH_RATE = "growth_rate"  # (x1 - x0) / x0
CAGR = "cagr"  # (x1 / x0) ** (1 / years) - 1
REFERENCE_GROWTH_RATE = "reference_growth_rate"  # growth of the whole reference area

# --- shift-share (economics.shift_share, Dunn 1960): the three parts add up to the total
NATIONAL_SHARE = "national_share"
INDUSTRY_MIX = "industry_mix"
REGIONAL_SHIFT = "regional_shift"
SHIFT_SHARE_PARTS = (NATIONAL_SHARE, INDUSTRY_MIX, REGIONAL_SHIFT)
TOTAL_CHANGE = "total_change"

# --- module 4, benchmarking (benchmarking.percentile_ranks): 0-100, 100 = best
PERCENTILE = "percentile"

__all__ = [
    "LQ",
    "FOCUS",
    "SIZE_STAR",
    "SPECIALISATION_STAR",
    "FOCUS_STAR",
    "STAR_FLAGS",
    "STARS",
    "ABSOLUTE_CHANGE",
    "GROWTH_RATE",
    "CAGR",
    "REFERENCE_GROWTH_RATE",
    "NATIONAL_SHARE",
    "INDUSTRY_MIX",
    "REGIONAL_SHIFT",
    "SHIFT_SHARE_PARTS",
    "TOTAL_CHANGE",
    "PERCENTILE",
]
