"""Keeps the economics benchmark script working (tiny size, no timing asserted)."""

from __future__ import annotations

import numpy as np

from tests.benchmarks import load_script


def test_benchmark_runs_and_agrees_with_baseline(capsys):
    bench = load_script("bench_economics")
    result = bench.main(
        ["--regions", "20", "--industries", "10", "--years", "3", "--repeat", "1", "--no-memory"]
    )
    assert result["operation"].tolist()[1:] == [
        "location_quotient(by='year')",
        "shift_share(first, last)",
        "star_rating(one year)",
    ]
    assert (result["seconds"] > 0).all()
    assert result.attrs["max_lq_difference"] < 1e-12
    table = bench.make_table(20, 10, 3)
    assert len(table) == 600
    lq = bench.economics.location_quotient(table, by="year")["lq"].to_numpy()
    assert np.allclose(lq, bench.baseline_lq(table), equal_nan=True)
    assert "ratio_to_baseline" in capsys.readouterr().out


def test_benchmark_memory_probe_reports_a_size():
    bench = load_script("bench_economics")
    args = bench.argparse.Namespace(regions=5, industries=4, years=2)
    assert bench.peak_memory_mb(args, "location_quotient(by='year')") > 10
