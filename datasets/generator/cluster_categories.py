"""cluster_categories: the course mapping of NACE divisions to cluster categories."""

from __future__ import annotations

import pandas as pd

from .reference.categories import CLUSTER_CATEGORIES
from .reference.nace_rev2 import EMPLOYMENT_DIVISIONS
from .schema import columns


def cluster_categories() -> pd.DataFrame:
    """The course mapping: every division of the employment table to exactly one category,
    in the order of the NACE divisions."""
    rows = [
        (division, category, name, traded)
        for category, (name, traded, divisions) in CLUSTER_CATEGORIES.items()
        for division in divisions
    ]
    table = pd.DataFrame(rows, columns=columns("cluster_categories"))
    order = {code: k for k, code in enumerate(EMPLOYMENT_DIVISIONS)}
    return table.sort_values("industry", key=lambda s: s.map(order)).reset_index(drop=True)
