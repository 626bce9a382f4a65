"""Benchmark of course.segmentation on large synthetic members (a plain script, not a timed test).

Run: ``python tests/benchmarks/bench_segmentation.py [--firms 1000000 --members 20000]``

Times (best of ``--repeat`` runs, ``time.perf_counter``):

- ``sme_class`` on ``--firms`` seeded firms (1,000,000 by default), against a baseline in the same
  run: the SME rule as one bare ``numpy.select`` without checks or missing-value logic;
- ``segment_members`` on ``--members`` members (20,000) with 6 features, k from 2 to 8, silhouette
  on a 5,000-member sample, against a baseline in the same run: the same scikit-learn calls
  (standardise, ``KMeans(n_init=10)`` and ``silhouette_score`` per k) without the library.

Targets (issue 8): ``sme_class`` on 1 M firms under 1 s; ``segment_members`` under 10 s.
Issue 17: ``sme_class``, with its checks for unit slips and the rule for missing figures, under
3x its baseline (5.3x before, 1.5-1.7x after on the course machine).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
# First on the path, also when the editable install put it last: pymrio installs a top-level
# package named "tests" that would otherwise hide this repository's.
sys.path.insert(0, str(ROOT))

from course import segmentation  # noqa: E402
from course._guards import UnitSlipWarning  # noqa: E402
from tests.benchmarks.bench_economics import best_time  # noqa: E402  (one timer for all)

FEATURES = ["employees", "turnover_eur", "balance_sheet_eur", "export_share", "year_joined",
            "services"]  # fmt: skip


def make_firms(n: int, seed: int = 2024) -> pd.DataFrame:
    """Seeded firms around every SME ceiling: lognormal headcount and money, no missing values."""
    rng = np.random.default_rng(seed)
    employees = np.round(rng.lognormal(2.5, 1.4, n))
    turnover = np.round(employees * rng.lognormal(11.8, 0.8, n))
    return pd.DataFrame(
        {
            "member_id": np.arange(n),
            "employees": employees,
            "turnover_eur": turnover,
            "balance_sheet_eur": np.round(turnover * rng.uniform(0.3, 1.5, n)),
            "export_share": np.clip(rng.beta(0.6, 2.0, n), 0, 1),
            "year_joined": rng.integers(2008, 2024, n),
            "services": rng.integers(0, 9, n),
        }
    )


def baseline_sme(df: pd.DataFrame) -> np.ndarray:
    """The SME rule as one numpy.select: no checks, no missing values."""
    e, t, b = (df[c].to_numpy(dtype=float) for c in ("employees", "turnover_eur",
                                                      "balance_sheet_eur"))  # fmt: skip
    return np.select(
        [(e < 10) & ((t <= 2e6) | (b <= 2e6)), (e < 50) & ((t <= 10e6) | (b <= 10e6)),
         (e < 250) & ((t <= 50e6) | (b <= 43e6))],
        ["micro", "small", "medium"], "large",
    )  # fmt: skip


def baseline_segments(df: pd.DataFrame, ks=range(2, 9), sample: int = 5000) -> list[float]:
    """The scikit-learn calls of segment_members without the library: silhouettes per k."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    x = df[FEATURES].to_numpy(dtype=float)
    x[:, :3] = np.log1p(x[:, :3])
    z = np.ascontiguousarray((x - x.mean(axis=0)) / x.std(axis=0))  # row-major, as the library
    result = []
    for k in ks:
        labels = KMeans(n_clusters=k, n_init=10, random_state=42).fit(z).labels_
        size = sample if len(z) > sample else None
        result.append(silhouette_score(z, labels, sample_size=size, random_state=42))
    return result


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Run the benchmark, print the table and return it (with the agreement checks)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=1_000_000)
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    firms = make_firms(args.firms)
    members = make_firms(args.members, seed=7)
    sme = segmentation.sme_class(firms)["size_class"].astype(str).to_numpy()
    sme_agrees = bool((sme == baseline_sme(firms)).all())
    segmented = segmentation.segment_members(members, FEATURES, log=FEATURES[:3])
    silhouettes_agree = bool(
        np.allclose(segmented.scores["silhouette"], baseline_segments(members))
    )

    timed = [
        ("sme_class", f"{args.firms:,} firms", "baseline (numpy.select)",
         lambda: baseline_sme(firms), lambda: segmentation.sme_class(firms)),
        ("segment_members", f"{args.members:,} members x 6 features, k 2-8",
         "baseline (bare scikit-learn)", lambda: baseline_segments(members),
         lambda: segmentation.segment_members(members, FEATURES, log=FEATURES[:3])),
    ]  # fmt: skip
    rows = []
    for name, size, baseline_name, baseline, operation in timed:
        base = best_time(baseline, args.repeat)
        seconds = best_time(operation, args.repeat)
        rows.append({"operation": baseline_name, "size": size, "seconds": base, "ratio": 1.0})
        rows.append({"operation": name, "size": size, "seconds": seconds, "ratio": seconds / base})
    result = pd.DataFrame(rows)
    print(f"best of {args.repeat}; ratio = seconds / the baseline of the same size, same run")
    print(result.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print(f"sme_class agrees with the baseline: {sme_agrees}; "
          f"silhouettes agree with bare scikit-learn: {silhouettes_agree}; chosen k = {segmented.k}")  # fmt: skip
    result.attrs.update(sme_agrees=sme_agrees, silhouettes_agree=silhouettes_agree)
    return result


if __name__ == "__main__":
    # The lognormal firms have tails 300 times the median, which sme_class names as likely unit
    # slips (EUR thousand for EUR): the check is timed, its three warnings are not printed.
    warnings.filterwarnings("ignore", category=UnitSlipWarning)
    main()
