"""Keeps the grading benchmark script working (three submissions, one endless loop; no timing
asserted; a 15 s cell limit, so that a busy machine does not stop a first cell): every way of
grading runs (course grade in the sandbox and without) and gives identical scores."""

from __future__ import annotations

from tests.benchmarks import load_script


def test_benchmark_grades_both_ways_with_identical_scores(capsys):
    result = load_script("bench_grading").main(
        ["--submissions", "3", "--timeout", "15", "--workers", "2"]
    )
    assert result["identical scores"] is True
    assert result["course grade (s)"] > 0 and result["nbgrader autograde (s)"] > 0
    assert result["sandboxed"] is True and result["course grade without sandbox (s)"] > 0
    assert "ratio to autograde" in capsys.readouterr().out
