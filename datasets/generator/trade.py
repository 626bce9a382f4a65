"""trade: exports of the course clusters' company members by partner country, 2019-2023.

FICTIONAL. Only companies with a known turnover and a positive export share export; the 2023
total of a member is about its export share x turnover from ``cluster_members``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .reference.clusters import CLUSTERS
from .reference.partners import PARTNER_NAMES, PARTNER_WEIGHTS, TRADE_YEARS
from .schema import columns
from .streams import stream, weighted_choice


def trade(members: pd.DataFrame) -> pd.DataFrame:
    """Exports per exporting company member x partner x year, 2019-2023.

    The 2023 total of a member is its export share x turnover (about: +-5 % noise); earlier years
    follow the member's own growth rate; each member sells to 1-6 partners.
    """
    rng = stream("trade")
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
        partners = list(weighted_choice(rng, weights, 40))  # draw, keep the first distinct ones
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
    table = pd.DataFrame(rows, columns=columns("trade"))
    return table.sort_values(["member_id", "year", "partner"]).reset_index(drop=True)
