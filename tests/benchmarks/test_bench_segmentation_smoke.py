"""Keeps the segmentation benchmark script working (tiny size, no timing asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _load_benchmark():
    path = Path(__file__).with_name("bench_segmentation.py")
    spec = importlib.util.spec_from_file_location("bench_segmentation", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_benchmark_runs_and_agrees_with_its_baselines(capsys):
    bench = _load_benchmark()
    result = bench.main(["--firms", "2000", "--members", "300", "--repeat", "1"])
    assert result["operation"].tolist() == [
        "baseline (numpy.select)", "sme_class",
        "baseline (bare scikit-learn)", "segment_members",
    ]  # fmt: skip
    assert (result["seconds"] > 0).all()
    assert result.attrs["sme_agrees"] and result.attrs["silhouettes_agree"]
    assert "ratio" in capsys.readouterr().out
