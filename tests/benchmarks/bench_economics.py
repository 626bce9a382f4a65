"""Benchmark of course.economics on a large synthetic table (a plain script, not a timed test).

Run: ``python tests/benchmarks/bench_economics.py [--regions 1000 --industries 100 --years 10]``

It builds a seeded table of regions x industries x years (1,000,000 rows by default), times
``location_quotient(by="year")``, ``shift_share`` (first vs last year) and ``star_rating`` (last
year, industries as categories) with ``time.perf_counter`` (best of ``--repeat`` runs), and
compares each with a baseline measured in the same run: a bare numpy pass (``pd.factorize`` of the
key columns + ``np.bincount`` group sums) that computes the location quotient without any checks.
Peak memory is the peak resident set size of a fresh subprocess that builds the table and then
runs one operation once. On Linux the peak is reset after the table is built (``/proc/self/clear_refs``)
and read from ``VmHWM``, so it is the peak *during the operation* (interpreter + table + work);
elsewhere it falls back to ``ru_maxrss`` over the whole process.

Targets: each operation under 1 s, location_quotient within 5x of the baseline, peak memory < 1 GB.
"""

from __future__ import annotations

import argparse
import gc
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
# First on the path, also when the editable install put it last: pymrio installs a top-level
# package named "tests" that would otherwise hide this repository's.
sys.path.insert(0, str(ROOT))

from course import economics  # noqa: E402


def make_table(regions: int, industries: int, years: int, seed: int = 2024) -> pd.DataFrame:
    """A seeded region x industry x year employment table (region-major, like the course data)."""
    rng = np.random.default_rng(seed)
    region = np.repeat(np.array([f"R{r:05d}" for r in range(regions)]), industries * years)
    industry = np.tile(
        np.repeat(np.array([f"I{i:03d}" for i in range(industries)]), years), regions
    )
    year = np.tile(np.arange(2011, 2011 + years), regions * industries)
    base = rng.lognormal(mean=4.0, sigma=1.5, size=regions * industries)
    trend = rng.normal(0.0, 0.03, size=regions * industries)
    steps = np.arange(years)
    employment = np.round(base[:, None] * np.exp(trend[:, None] * steps[None, :])).ravel()
    return pd.DataFrame(
        {"region": region, "industry": industry, "year": year, "employment": employment}
    )


def baseline_lq(df: pd.DataFrame) -> np.ndarray:
    """LQ per row with bare numpy: factorize the keys, bincount the group sums, no checks."""
    region, _ = pd.factorize(df["region"])
    industry, industries = pd.factorize(df["industry"])
    year, years = pd.factorize(df["year"])
    value = df["employment"].to_numpy(dtype=float)
    region_year = region * len(years) + year
    industry_year = industry * len(years) + year
    region_total = np.bincount(region_year, value)[region_year]
    industry_total = np.bincount(industry_year, value)[industry_year]
    year_total = np.bincount(year, value)[year]
    with np.errstate(divide="ignore", invalid="ignore"):
        return (value / region_total) / (industry_total / year_total)


def operations(df: pd.DataFrame) -> dict:
    """The timed operations, each a function of no arguments."""
    first, last = int(df["year"].min()), int(df["year"].max())
    one_year = df[df["year"] == last].rename(columns={"industry": "category"})
    return {
        "baseline (numpy LQ)": lambda: baseline_lq(df),
        "location_quotient(by='year')": lambda: economics.location_quotient(df, by="year"),
        "shift_share(first, last)": lambda: economics.shift_share(df, start=first, end=last),
        "star_rating(one year)": lambda: economics.star_rating(one_year),
    }


def best_time(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory_mb(args: argparse.Namespace, operation: str | None) -> float:
    """Peak RSS (MB) of a fresh Python process that builds the table and runs one operation."""
    command = [
        sys.executable,
        __file__,
        "--regions",
        str(args.regions),
        "--industries",
        str(args.industries),
        "--years",
        str(args.years),
        "--child",
        operation or "",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return float(output.strip().splitlines()[-1])


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS counter (Linux only); True if it worked."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_mb() -> float:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _child(args: argparse.Namespace) -> None:
    df = make_table(args.regions, args.industries, args.years)
    work = operations(df)
    gc.collect()
    _reset_peak()
    if args.child:
        work[args.child]()
    print(_peak_mb())


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Run the benchmark, print the table and return it (with the agreement check)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=1000)
    parser.add_argument("--industries", type=int, default=100)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-memory", dest="memory", action="store_false")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        _child(args)
        return pd.DataFrame()

    df = make_table(args.regions, args.industries, args.years)
    timed = operations(df)
    agreement = np.nanmax(
        np.abs(economics.location_quotient(df, by="year")["lq"].to_numpy() - baseline_lq(df))
    )
    rows = []
    for name, function in timed.items():
        rows.append({"operation": name, "seconds": best_time(function, args.repeat)})
    result = pd.DataFrame(rows)
    result["ratio_to_baseline"] = result["seconds"] / result["seconds"].iloc[0]
    if args.memory:
        table_only = peak_memory_mb(args, None)
        result["peak_rss_mb"] = [peak_memory_mb(args, name) for name in timed]
        print(f"peak RSS with the table built, before any operation: {table_only:.0f} MB")
    print(
        f"{len(df):,} rows ({args.regions} regions x {args.industries} industries x "
        f"{args.years} years), best of {args.repeat}"
    )
    print(result.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print(f"max |LQ - baseline LQ| = {agreement:.2e}")
    result.attrs["max_lq_difference"] = float(agreement)
    return result


if __name__ == "__main__":
    main()
