"""Benchmark of course.valuechain on a large input-output table (a plain script, not a timed test).

Run: ``python tests/benchmarks/bench_valuechain.py [--sectors 2000 --repeat 3]``

It builds a seeded, balanced table of ``--sectors`` sectors (2,000 by default; EXIOBASE has
about 8,000), then times with ``time.perf_counter`` (best of ``--repeat`` runs, taken in turns):

- the baseline: a bare ``numpy.linalg.solve(I - A, I)`` on the same matrix, no checks, no labels;
- the same in bare numpy with the multipliers (``A = Z / x``, the solve, column sums and two
  satellite products);
- the course library: ``technical_coefficients``, ``leontief_inverse``, ``output_multipliers``
  and ``satellite_multipliers`` for employment and value added (checked and labelled);
- ``pymrio``'s ``calc_all`` on the same system (employment and value added as an extension).

Ratios are against the baseline measured in the same run. Target: the course library within
1.5x of the bare solve; the pymrio ratio is reported.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
# First on the path, also when the editable install put it last: pymrio installs a top-level
# package named "tests" that would otherwise hide this repository's.
sys.path.insert(0, str(ROOT))

from course import valuechain  # noqa: E402


def make_table(sectors: int, seed: int = 2024) -> dict:
    """A seeded, balanced table: Z, final demand, output, employment and value added."""
    rng = np.random.default_rng(seed)
    # labelled (region, sector), as pymrio wants them: one region
    labels = pd.MultiIndex.from_product(
        [["region"], [f"S{k:05d}" for k in range(sectors)]], names=["region", "sector"]
    )
    # each column spends 30-70 % of its output on inputs, spread over a few hundred sectors
    weights = rng.random((sectors, sectors)) * (rng.random((sectors, sectors)) < 0.1)
    weights[np.diag_indices(sectors)] += 0.5  # every sector buys from itself: no empty column
    A = weights / weights.sum(axis=0) * rng.uniform(0.3, 0.7, sectors)
    final = rng.lognormal(4.0, 1.0, sectors)
    x = np.linalg.solve(np.eye(sectors) - A, final)
    Z = A * x[None, :]
    return {
        "Z": pd.DataFrame(Z, index=labels, columns=labels),
        "Y": pd.DataFrame(
            final[:, None],
            index=labels,
            columns=pd.MultiIndex.from_tuples(
                [("region", "final_demand")], names=["region", "category"]
            ),
        ),
        "x": pd.Series(x, index=labels, name="output"),
        "employment": pd.Series(x * rng.uniform(2, 30, sectors), index=labels, name="employment"),
        "value_added": pd.Series(x - Z.sum(axis=0), index=labels, name="value_added"),
    }


def bare_solve(A: np.ndarray) -> np.ndarray:
    return np.linalg.solve(np.eye(len(A)) - A, np.eye(len(A)))


def bare_pipeline(Z: np.ndarray, x: np.ndarray, jobs: np.ndarray, added: np.ndarray):
    L = bare_solve(Z / x[None, :])
    return L.sum(axis=0), (jobs / x) @ L, (added / x) @ L


def course_pipeline(table: dict):
    A = valuechain.technical_coefficients(table["Z"], table["x"])
    L = valuechain.leontief_inverse(A)
    return (
        valuechain.output_multipliers(L),
        valuechain.satellite_multipliers(L, table["employment"], table["x"]),
        valuechain.satellite_multipliers(L, table["value_added"], table["x"]),
    )


def pymrio_system(table: dict):
    import pymrio

    accounts = pd.DataFrame([table["employment"], table["value_added"]])
    accounts.index.name = "stressor"
    system = pymrio.IOSystem(Z=table["Z"], Y=table["Y"])
    system.satellite = pymrio.Extension(name="satellite", F=accounts)
    return system


def pymrio_calc_all(table: dict):
    system = pymrio_system(table)
    system.calc_all()
    return system


def best_times(functions: dict, repeat: int) -> dict:
    """The best of ``repeat`` runs of each function, run in turns (a, b, c, a, b, c, ...), so
    that a busy moment of a shared machine slows all of them, not one."""
    times = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: min(values) for name, values in times.items()}


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Run the benchmark, print the table and return it (with the agreement checks)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sectors", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-pymrio", dest="pymrio", action="store_false")
    args = parser.parse_args(argv)

    table = make_table(args.sectors)
    Z, x = table["Z"].to_numpy(), table["x"].to_numpy()
    jobs, added = table["employment"].to_numpy(), table["value_added"].to_numpy()
    A = Z / x[None, :]
    timed = {
        "baseline: numpy.linalg.solve(I - A, I)": lambda: bare_solve(A),
        "numpy: A, solve and 3 multipliers": lambda: bare_pipeline(Z, x, jobs, added),
        "course: A, L, output + employment + VA multipliers": lambda: course_pipeline(table),
    }
    if args.pymrio:
        timed["pymrio: calc_all (same system)"] = lambda: pymrio_calc_all(table)

    ours = course_pipeline(table)
    theirs = bare_pipeline(Z, x, jobs, added)
    difference = max(
        float(np.max(np.abs(a.to_numpy() - b))) for a, b in zip(ours, theirs, strict=True)
    )
    value_added_identity = float(np.max(np.abs(ours[2].to_numpy() - 1.0)))
    seconds = best_times(timed, args.repeat)
    result = pd.DataFrame({"operation": list(seconds), "seconds": list(seconds.values())})
    result["ratio_to_baseline"] = result["seconds"] / result["seconds"].iloc[0]
    if args.pymrio:
        system = pymrio_calc_all(table)
        pymrio_difference = float(np.max(np.abs(system.L.to_numpy() - bare_solve(A))))
        result.attrs["max_L_difference_pymrio"] = pymrio_difference
        course_seconds = result["seconds"].iloc[2]
        result.attrs["pymrio_over_course"] = float(result["seconds"].iloc[3] / course_seconds)
    print(f"{args.sectors:,} sectors, best of {args.repeat}")
    print(result.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print(f"max |course multipliers - numpy multipliers| = {difference:.2e}")
    print(f"max |value-added multiplier - 1| (balanced table) = {value_added_identity:.2e}")
    if args.pymrio:
        print(f"pymrio calc_all / course pipeline = {result.attrs['pymrio_over_course']:.2f}")
    result.attrs["max_multiplier_difference"] = difference
    result.attrs["max_value_added_identity_error"] = value_added_identity
    return result


if __name__ == "__main__":
    main()
