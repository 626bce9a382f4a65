"""One grading worker: a Python process that autogrades submissions one after another.

``course grade`` starts a few of these (``--workers``) and hands each a submission at a time, so
the cohort pays the interpreter's and nbgrader's start-up once per worker, not per submission.
Protocol: one JSON job per line on standard input, one JSON result per line on the output that
was standard output when the worker started (everything else nbgrader or a kernel prints goes to
standard error, the log).

    python -m course.grading.worker --course . --grading ~/cluster-course-grades/ps01/nbgrader \
        --assignment ps01-cluster-economics --timeout 120 --sandbox bubblewrap
    {"student": "anna", "autograde": true}
    {"student": "anna", "success": true, "error": "", "seconds": 5.2}
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course.grading.worker")
    parser.add_argument("--course", type=Path, required=True)
    parser.add_argument("--grading", type=Path, default=None, help="default: the course")
    parser.add_argument("--assignment", required=True)
    parser.add_argument("--timeout", type=int, required=True)
    parser.add_argument("--sandbox", choices=["bubblewrap", "none"], default="none")
    args = parser.parse_args(argv)
    import warnings

    # nbgrader's SQLAlchemy warnings say nothing about the submissions: keep them out of the log
    warnings.filterwarnings("ignore", module="nbgrader")
    results = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # whatever else is printed goes to the log, never into the results
    api = _api(args.course, args.grading, args.timeout, sandbox=args.sandbox != "none")
    for line in sys.stdin:
        job = json.loads(line)
        results.write(json.dumps(run(api, args.assignment, job)) + "\n")
    return 0


def _api(course: Path, grading: Path | None, timeout: int, *, sandbox: bool = False):
    from course.grading import gradebook

    config = gradebook.load_config(course, grading=grading)
    if sandbox:  # every kernel nbgrader starts runs in a sandbox (course.grading.sandbox)
        manager = "course.grading.sandbox.SandboxedKernelManager"
        config.ExecuteAndRecover.kernel_manager_class = manager
    # Several workers write to one SQLite gradebook: wait for a lock rather than fail at once.
    config.CourseDirectory.db_url += "?timeout=120"
    config.Execute.timeout = timeout
    config.ExecutePreprocessor.timeout = timeout
    return gradebook.nbgrader_api(grading or course, config)


def run(api, assignment: str, job: dict) -> dict:
    """Autograde (unless only feedback is asked for) and write the feedback of one student."""
    start = time.perf_counter()
    student = job["student"]
    result = {"student": student, "success": True, "error": ""}
    if job.get("autograde", True):
        with _scoring_service():
            graded = api.autograde(assignment, student, force=True, create=True)
        if not graded.get("success"):
            result.update(success=False, error=_last_error(graded))
    if result["success"]:
        feedback = api.generate_feedback(assignment, student, force=True)
        if not feedback.get("success"):
            result.update(success=False, error="feedback: " + _last_error(feedback))
    result["seconds"] = round(time.perf_counter() - start, 2)
    return result


@contextmanager
def _scoring_service():
    """A scoring service for one submission (see course.scoring): the hidden tests of all its
    tasks go to one fresh process, started before the student's code runs, not to one each."""
    from course import scoring

    service, variables = scoring.start_service()
    os.environ.update(variables)  # the kernel nbgrader starts inherits them
    try:
        yield
    finally:
        for name in variables:
            os.environ.pop(name, None)
        service.stdin.close()  # the service ends when its input closes
        try:
            service.wait(timeout=10)
        except subprocess.TimeoutExpired:
            service.kill()


def _last_error(result: dict) -> str:
    # nbgrader's log ends with a generic line; the useful one is the last exception's
    text = (result.get("log") or "") + (result.get("error") or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if ("Error" in line or "Exception" in line)]
    errors = [line for line in errors if "see the the above traceback" not in line]
    return (errors or lines or ["nbgrader gave no reason"])[-1][:300]


if __name__ == "__main__":
    sys.exit(main())
