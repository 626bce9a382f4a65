"""regional_employment: persons employed, local units and wages per region x division x year.

SYNTHETIC but calibrated: national 2015 totals of a few country x division cells equal the
published Eurostat SBS figures, and the teaching stories are planted on purpose (the recipe is
``reference/employment_recipe.py``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .reference.employment_recipe import (
    CALIBRATION_2015,
    CALIBRATION_YEAR,
    COUNTRY_STRUCTURE,
    COUNTRY_TREND,
    COVID_FACTORS,
    DIVISION_PROFILE,
    NOISE,
    REGIONAL_STORIES,
    URBAN_ELASTICITY,
    YEARS,
)
from .reference.nace_rev2 import NACE_DIVISIONS
from .reference.regions import (
    COUNTRY_EMPLOYMENT_2015,
    COUNTRY_NAMES,
    REGIONS,
    WAGE_2015_EUR,
    WAGE_GROWTH,
)
from .schema import columns
from .streams import stream


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
    rng = stream("regional_employment")
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
    return table[columns("regional_employment")]
