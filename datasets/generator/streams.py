"""The seed of the course data and the random streams the datasets draw from."""

from __future__ import annotations

import numpy as np

SEED = 20240917
"""Master seed. Each dataset draws from its own stream ``default_rng([SEED, k])`` so that changing
one dataset's recipe never changes the numbers of another."""

# The stream number k of each dataset that draws random numbers (the others are fixed lists).
STREAMS = {"regional_employment": 1, "cluster_members": 2, "trade": 3, "benchmarking": 4}


def stream(dataset: str) -> np.random.Generator:
    """The random-number generator of one dataset: ``default_rng([SEED, STREAMS[dataset]])``."""
    return np.random.default_rng([SEED, STREAMS[dataset]])


def weighted_choice(rng: np.random.Generator, weights: dict, size: int) -> np.ndarray:
    """``size`` keys of ``weights`` drawn with probabilities proportional to the values."""
    keys = list(weights)
    p = np.array([weights[k] for k in keys], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=size, p=p / p.sum())]
