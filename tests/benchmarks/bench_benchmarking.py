"""Benchmark of course.benchmarking.percentile_ranks (a plain script, not a timed test).

Run: ``python tests/benchmarks/bench_benchmarking.py [--organisations 10000 --indicators 40]``

It builds a seeded table of organisations x indicators (400,000 rows by default) with a
sector (5) and a country (20) per organisation, and times ``percentile_ranks`` with
``time.perf_counter`` (best of ``--repeat`` runs): among all organisations, within sectors,
and within sector x country peer groups. Each is compared with a baseline measured in the same
run: a bare pandas ``groupby(...).rank()`` of the oriented values, without any checks (the
library also checks blank keys, repeated rows, units and unit slips, and leaves groups below
the course's minimum peer count NA, as the baseline does). The agreement of the library's
percentiles with the baseline is printed too.

Target (issue 10): ``percentile_ranks`` with peer groups under 1 s.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
# First on the path, also when the editable install put it last: pymrio installs a top-level
# package named "tests" that would otherwise hide this repository's.
sys.path.insert(0, str(ROOT))

from course import benchmarking  # noqa: E402
from course._guards import MIN_PEERS  # noqa: E402
from tests.benchmarks.bench_economics import best_time  # noqa: E402


def make_table(organisations: int, indicators: int, seed: int = 2024) -> pd.DataFrame:
    """A seeded organisation x indicator table with sector and country peer columns."""
    rng = np.random.default_rng(seed)
    names = np.array([f"ind_{k:02d}" for k in range(indicators)])
    org = np.array([f"org_{k:05d}" for k in range(organisations)])
    sector = rng.choice(["food", "ict", "energy", "logistics", "other"], organisations)
    country = rng.choice([f"C{k:02d}" for k in range(20)], organisations)
    values = np.round(rng.lognormal(2.0, 0.8, organisations * indicators), 1)
    values[rng.random(values.size) < 0.01] = np.nan  # unanswered
    return pd.DataFrame(
        {
            "organisation": np.repeat(org, indicators),
            "sector": np.repeat(sector, indicators),
            "country": np.repeat(country, indicators),
            "indicator": np.tile(names, organisations),
            "value": values,
        }
    )


def directions(indicators: int) -> dict[str, str]:
    """Every fourth indicator is lower-is-better."""
    return {f"ind_{k:02d}": "lower" if k % 4 == 3 else "higher" for k in range(indicators)}


def baseline(df: pd.DataFrame, direction: dict, peers: list[str]) -> np.ndarray:
    """Percentiles with bare pandas: orient, one groupby rank and count, no checks; NA in a
    group with fewer than MIN_PEERS values, as the course convention says."""
    sign = np.where(df["indicator"].map(direction) == "higher", 1.0, -1.0)
    grouped = (df["value"] * sign).groupby([df[c] for c in [*peers, "indicator"]])
    rank, count = grouped.rank(method="average"), grouped.transform("count")
    return (100 * (rank - 1) / (count - 1).where(count >= MIN_PEERS)).to_numpy()


def _difference(got: np.ndarray, expected: np.ndarray) -> float:
    """The largest difference; infinite if one is NA where the other is not."""
    if (np.isnan(got) != np.isnan(expected)).any():
        return float("inf")
    return float(np.nanmax(np.abs(got - expected)))


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Run the benchmark, print the table and return it (with the agreement check)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    df = make_table(args.organisations, args.indicators)
    direction = directions(args.indicators)
    rows, agreement = [], 0.0
    for peers in ([], ["sector"], ["sector", "country"]):
        label = "+".join(peers) or "all"

        def library(peers=peers):
            return benchmarking.percentile_ranks(df, direction=direction, peers=peers or None)

        agreement = max(agreement, _difference(library()["percentile"].to_numpy(),
                                               baseline(df, direction, peers)))  # fmt: skip
        base = best_time(lambda peers=peers: baseline(df, direction, peers), args.repeat)
        seconds = best_time(library, args.repeat)
        rows.append({"operation": f"baseline (pandas rank), peers={label}", "seconds": base,
                     "ratio_to_baseline": 1.0})  # fmt: skip
        rows.append({"operation": f"percentile_ranks, peers={label}", "seconds": seconds,
                     "ratio_to_baseline": seconds / base})  # fmt: skip
    result = pd.DataFrame(rows)
    print(
        f"{len(df):,} rows ({args.organisations:,} organisations x {args.indicators} "
        f"indicators), best of {args.repeat}"
    )
    print(result.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print(f"max |percentile - baseline percentile| = {agreement:.2e}")
    result.attrs["max_percentile_difference"] = agreement
    return result


if __name__ == "__main__":
    main()
