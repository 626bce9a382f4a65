"""Keeps the value-chain benchmark script working (tiny size, no timing asserted)."""

from __future__ import annotations

import numpy as np

from tests.benchmarks import load_script


def test_benchmark_runs_and_agrees_with_numpy_and_pymrio(capsys):
    bench = load_script("bench_valuechain")
    result = bench.main(["--sectors", "40", "--repeat", "1"])
    assert result["operation"].tolist() == [
        "baseline: numpy.linalg.solve(I - A, I)",
        "numpy: A, solve and 3 multipliers",
        "course: A, L, output + employment + VA multipliers",
        "pymrio: calc_all (same system)",
    ]
    assert (result["seconds"] > 0).all()
    assert result.attrs["max_multiplier_difference"] < 1e-9
    assert result.attrs["max_value_added_identity_error"] < 1e-9
    assert result.attrs["max_L_difference_pymrio"] < 1e-9
    assert "ratio_to_baseline" in capsys.readouterr().out


def test_benchmark_table_is_balanced():
    bench = load_script("bench_valuechain")
    table = bench.make_table(30)
    Z, x = table["Z"].to_numpy(), table["x"].to_numpy()
    np.testing.assert_allclose(Z.sum(axis=1) + table["Y"].to_numpy()[:, 0], x)
    np.testing.assert_allclose(Z.sum(axis=0) + table["value_added"].to_numpy(), x)
