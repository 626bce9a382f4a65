"""benchmark_indicators: the course indicator catalogue (36 indicators in the six ESCA areas).

A course catalogue modelled on the six ESCA areas, not the ESCA questionnaire. The area names
are the course library's ``AREAS``.
"""

from __future__ import annotations

import pandas as pd

from course.benchmarking import AREAS

from .reference.indicators import INDICATORS
from .schema import columns


def benchmark_indicators() -> pd.DataFrame:
    """The course indicator catalogue: 36 indicators, 6 in each of the six ESCA areas."""
    rows = [(key, spec[0], AREAS[spec[0]], *spec[1:6]) for key, spec in INDICATORS.items()]
    return pd.DataFrame(rows, columns=columns("benchmark_indicators"))
