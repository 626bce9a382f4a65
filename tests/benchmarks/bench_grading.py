"""Benchmark of ``course grade`` against plain serial nbgrader (a script, not a timed test).

Run: ``python tests/benchmarks/bench_grading.py [--submissions 40 --timeout 30 --workers N]``

A generated ps01 cohort (half the submissions right, the rest half-right, blank or wrong, and
two endless loops) is graded twice, in two copies of the course, with the same cell time limit:

- baseline: ``nbgrader autograde ps01-cluster-economics`` (one process, one submission after
  another, as nbgrader works), then ``nbgrader generate_feedback``;
- ``course grade ps01-cluster-economics --submissions INBOX``: the same nbgrader autograde and
  feedback, in parallel workers with one interpreter each, each submission in the sandbox
  (bubblewrap), and once more without it (``COURSE_SANDBOX=off``, ``--trust-submissions``) for
  the sandbox's cost.

Both are timed with ``time.perf_counter`` in this one run, so the ratio is meaningful on a busy
machine; the autograded scores of the three gradebooks must be identical. Target (issues 11
and 23): ``course grade``, sandboxed, at most 0.5 of nbgrader's time on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
# First on the path, also when the editable install put it last: pymrio installs a top-level
# package named "tests" that would otherwise hide this repository's.
sys.path.insert(0, str(ROOT))

from course import grading  # noqa: E402
from tests import assignment_kit as kit  # noqa: E402

ASSIGNMENT = "ps01-cluster-economics"
LOOP = "total = 0\nwhile True:\n    total += 1"
FIRST_THREE = ["ps01_lq_answer", "ps01_stars_answer", "ps01_shift_answer"]


class _Folders:
    """Stands in for pytest's tmp_path_factory: new folders under one temporary folder."""

    def __init__(self, base: Path):
        self.base, self.count = base, 0

    def mktemp(self, name: str) -> Path:
        self.count += 1
        folder = self.base / f"{name}{self.count}"
        folder.mkdir()
        return folder


def cohort(course: Path, size: int) -> dict[str, nbformat.NotebookNode]:
    """``size`` submissions: two endless loops, then right, half-right, blank and wrong ones."""
    kinds = [
        lambda: kit.answered(course, ASSIGNMENT),
        lambda: kit.answered(course, ASSIGNMENT, FIRST_THREE),
        lambda: kit.student_version(course, ASSIGNMENT),
        lambda: kit.answered(course, ASSIGNMENT, ps01_growth_answer="riga_it_cagr = 0.5"),
    ]
    found = {}
    for number in range(size):
        if number < 2:
            found[f"loops{number}"] = kit.answered(course, ASSIGNMENT, ps01_stars_answer=LOOP)
        else:
            found[f"student{number:02d}"] = kinds[0 if number % 2 else number // 2 % 4]()
    return found


def auto_scores(folder: Path) -> dict[tuple[str, str], float]:
    """The autograded scores in the gradebook of ``folder`` (a course copy or a grading folder)."""
    table = grading.scores(ASSIGNMENT, grading=folder)
    table = table[table["auto"]]
    return {(r.student, r.grade_id): r.score for r in table.itertuples()}


def run_nbgrader(course: Path, timeout: int) -> tuple[float, float]:
    """Seconds for plain ``nbgrader autograde`` and then ``generate_feedback`` of the cohort."""
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    limits = [f"--Execute.timeout={timeout}", f"--ExecutePreprocessor.timeout={timeout}"]
    nbgrader = [sys.executable, "-m", "nbgrader"]
    start = time.perf_counter()
    subprocess.run(
        [*nbgrader, "autograde", ASSIGNMENT, "--force", *limits],
        cwd=course,
        check=True,
        capture_output=True,
    )
    autograde = time.perf_counter() - start
    subprocess.run(
        [*nbgrader, "generate_feedback", ASSIGNMENT, "--force"],
        cwd=course,
        check=True,
        capture_output=True,
    )
    return autograde, time.perf_counter() - start - autograde


def run_course_grade(
    course: Path, inbox: Path, out: Path, timeout: int, workers, *, sandbox: bool = True
) -> float:
    command = [
        sys.executable,
        "-m",
        "course.cli",
        "grade",
        ASSIGNMENT,
        "--submissions",
        str(inbox),
        "--course",
        str(course),
        "--out",
        str(out),
        "--timeout",
        str(timeout),
        "--quiet",
    ]
    command += ["--workers", str(workers)] if workers else []
    command += [] if sandbox else ["--trust-submissions"]
    environment = {**os.environ, "COURSE_SANDBOX": "on" if sandbox else "off"}
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=environment)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--timeout", type=int, default=30, help="seconds per cell, both runs")
    parser.add_argument("--workers", type=int, default=None, help="course grade's workers")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as base:
        folders = _Folders(Path(base))
        plain = kit.course_with(folders, ASSIGNMENT)
        ours = kit.course_with(folders, ASSIGNMENT)
        inbox = folders.mktemp("inbox")
        for student, notebook in cohort(plain, args.submissions).items():
            kit.submit(plain, ASSIGNMENT, student, notebook)
            nbformat.write(notebook, inbox / f"{student}.ipynb")

        autograde, feedback = run_nbgrader(plain, args.timeout)
        out, bare = folders.mktemp("out"), folders.mktemp("out")
        ours_seconds = run_course_grade(ours, inbox, out, args.timeout, args.workers)
        unboxed = kit.course_with(folders, ASSIGNMENT)
        bare_seconds = run_course_grade(
            unboxed, inbox, bare, args.timeout, args.workers, sandbox=False
        )
        sandboxed = "sandbox: bubblewrap" in (out / "grading.log").read_text()
        scores = auto_scores(plain)  # the same in course grade's gradebooks
        same = scores == auto_scores(out / "nbgrader") == auto_scores(bare / "nbgrader")
    result = {
        "submissions": args.submissions,
        "nbgrader autograde (s)": round(autograde, 1),
        "nbgrader autograde + generate_feedback (s)": round(autograde + feedback, 1),
        "course grade (s)": round(ours_seconds, 1),
        "sandboxed": sandboxed,
        "ratio to autograde": round(ours_seconds / autograde, 2),
        "ratio to autograde + feedback": round(ours_seconds / (autograde + feedback), 2),
        "course grade without sandbox (s)": round(bare_seconds, 1),
        "ratio to autograde without sandbox": round(bare_seconds / autograde, 2),
        "identical scores": same,
    }
    for name, value in result.items():
        print(f"{name:45s} {value}")
    if not same:
        raise SystemExit("the two gradebooks differ")
    return result


if __name__ == "__main__":
    main()
