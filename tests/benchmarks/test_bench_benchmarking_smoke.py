"""Keeps the benchmarking benchmark script working (tiny size, no timing asserted)."""

from __future__ import annotations

from tests.benchmarks import load_script


def test_benchmark_runs_and_agrees_with_baseline(capsys):
    bench = load_script("bench_benchmarking")
    result = bench.main(["--organisations", "60", "--indicators", "8", "--repeat", "1"])
    assert result["operation"].tolist()[1::2] == [
        "percentile_ranks, peers=all",
        "percentile_ranks, peers=sector",
        "percentile_ranks, peers=sector+country",
    ]
    assert (result["seconds"] > 0).all()
    assert result.attrs["max_percentile_difference"] < 1e-9
    assert len(bench.make_table(60, 8)) == 480
    assert "ratio_to_baseline" in capsys.readouterr().out
