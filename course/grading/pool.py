"""Grading jobs run on a few worker processes, with a result for every job whatever happens.

Each worker is a ``python -m course.grading.worker`` process (one interpreter and one nbgrader
start-up for many submissions); a thread per worker hands it one job at a time and waits for its
result at most ``limit`` seconds. A worker that is stuck past the limit or dies is stopped with
every process it started (kernels, scoring service), the job is reported as failed, and a new
worker takes the next job.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

__all__ = ["run_jobs"]


def run_jobs(jobs, root, assignment, timeout, workers, limit, out, progress) -> dict:
    """Run ``jobs`` on ``workers`` worker processes; a result for every job, whatever happens."""
    from tqdm import tqdm

    todo: queue.Queue = queue.Queue()
    for job in jobs:
        todo.put(job)
    results: dict[str, dict] = {}
    count = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    bar = tqdm(
        total=len(jobs),
        desc=f"grading {assignment}",
        unit="submission",
        disable=not progress or not jobs,
        file=sys.stderr,
    )
    with open(out / "grading.log", "a", encoding="utf-8") as log:
        slots = [
            threading.Thread(
                target=_slot, args=(todo, results, bar, root, assignment, timeout, limit, log)
            )
            for _ in range(count)
        ]
        for slot in slots:
            slot.start()
        for slot in slots:
            slot.join()
    bar.close()
    return results


def _slot(todo, results, bar, root, assignment, timeout, limit, log) -> None:
    worker = None
    while True:
        try:
            job = todo.get_nowait()
        except queue.Empty:
            break
        worker = worker or _Worker(root, assignment, timeout, log)
        result = worker.run(job, limit)
        if result is None:  # stuck or dead: it cannot take the next job
            worker.stop()
            worker = None
            result = {
                "student": job["student"],
                "success": False,
                "error": f"grading stopped after {limit} s (the notebook kept running)",
            }
        results[job["student"]] = result
        log.write(
            f"course grade: {job['student']}: "
            + (
                f"done in {result.get('seconds', '?')} s"
                if result["success"]
                else f"failed: {result.get('error')}"
            )
            + "\n"
        )
        log.flush()
        bar.update()
        bar.set_postfix_str(job["student"])
    if worker:
        worker.close()


class _Worker:
    """A ``python -m course.grading.worker`` process and the thread that reads its results."""

    def __init__(self, root: Path, assignment: str, timeout: int, log):
        command = [
            sys.executable,
            "-m",
            "course.grading.worker",
            "--course",
            str(root),
            "--assignment",
            assignment,
            "--timeout",
            str(timeout),
        ]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            cwd=root,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.replies: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.replies.put(json.loads(line))
        self.replies.put(None)  # the worker has ended

    def run(self, job: dict, limit: float) -> dict | None:
        try:
            self.process.stdin.write(json.dumps(job) + "\n")
            self.process.stdin.flush()
            return self.replies.get(timeout=limit)
        except (OSError, queue.Empty):
            return None

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.stop()

    def stop(self) -> None:
        # the worker and every kernel it started (kernels run in their own process group)
        import psutil

        try:
            family = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            family = []
        for process in [*family, self.process]:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        self.process.wait()
