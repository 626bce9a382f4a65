"""nace: the 21 sections and 88 divisions of NACE Rev. 2 with their official English titles."""

from __future__ import annotations

import pandas as pd

from .reference.nace_rev2 import NACE_DIVISIONS, NACE_SECTIONS
from .schema import columns


def nace() -> pd.DataFrame:
    """All 21 sections and 88 divisions of NACE Rev. 2, each section followed by its divisions."""
    rows = []
    for letter, name in NACE_SECTIONS.items():
        rows.append((letter, "section", letter, name))
        rows += [(c, "division", letter, n) for c, n in NACE_DIVISIONS.items() if c[0] == letter]
    return pd.DataFrame(rows, columns=columns("nace"))
