"""Keeps the segmentation benchmark script working (tiny size, no timing asserted)."""

from __future__ import annotations

from tests.benchmarks import load_script


def test_benchmark_runs_and_agrees_with_its_baselines(capsys):
    bench = load_script("bench_segmentation")
    result = bench.main(["--firms", "2000", "--members", "300", "--repeat", "1"])
    assert result["operation"].tolist() == [
        "baseline (numpy.select)", "sme_class",
        "baseline (bare scikit-learn)", "segment_members",
    ]  # fmt: skip
    assert (result["seconds"] > 0).all()
    assert result.attrs["sme_agrees"] and result.attrs["silhouettes_agree"]
    assert "ratio" in capsys.readouterr().out
