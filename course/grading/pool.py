"""Grading jobs run on a few worker processes, with a result for every job whatever happens.

Each worker is a ``python -m course.grading.worker`` process (one interpreter and one nbgrader
start-up for many submissions); a thread per worker hands it one job at a time and waits for its
result at most ``limit`` seconds. A worker that is stuck past the limit or dies is stopped with
every process it started (kernels, scoring service), the job is reported as failed, and a new
worker takes the next job. How the pool runs is one :class:`Options`.

>>> options = Options(Path("course"), Path("grades/nbgrader"), "ps01", timeout=120, limit=600)
>>> options.workers is None, options.log_file.name  # one worker per core; the folder's log
(True, 'grading.log')
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Options", "Pool", "run_jobs"]


@dataclass(frozen=True)
class Options:
    """How the pool grades one assignment's jobs."""

    course: Path  # the course (its solutions/ are the assignment's source)
    folder: Path  # the grading folder: nbgrader's course folder of the run
    assignment: str
    timeout: int  # seconds one cell may run
    limit: float  # seconds one whole submission may take before its worker is stopped
    workers: int | None = None  # parallel worker processes (default: the processor cores)
    log: Path | None = None  # grading.log (default: the grading folder's)
    progress: bool = True  # a progress bar on standard error
    sandbox: str = "none"  # where kernels run: "bubblewrap" (course.grading.sandbox) or "none"

    @property
    def log_file(self) -> Path:
        return self.log or self.folder / "grading.log"


class Pool:
    """Up to ``expected`` worker processes (at most ``options.workers``), started on entering the
    ``with`` block, so that they load Python and nbgrader while the caller still prepares the
    jobs; :meth:`run` hands them the jobs; leaving the block ends every worker left.

    >>> options = Options(Path("course"), Path("grades/nbgrader"), "ps01", 120, 600, workers=2)
    >>> Pool(options, expected=5).count, Pool(options, expected=1).count, Pool(options, 0).count
    (2, 1, 0)
    """

    def __init__(self, options: Options, expected: int):
        self.options = options
        self.count = max(0, min(options.workers or os.cpu_count() or 1, expected))
        self._waiting: list[_Worker] = []

    def __enter__(self) -> Pool:
        self._log = open(self.options.log_file, "a", encoding="utf-8")
        self._waiting = [_Worker(self.options, self._log) for _ in range(self.count)]
        return self

    def __exit__(self, *exc) -> None:
        for worker in self._waiting:  # started but never given a job (the caller failed)
            worker.close()
        self._log.close()

    def run(self, jobs: list[dict]) -> dict:
        """Run ``jobs`` (``{"student": ..., "autograde": bool}``) on the workers; a result for
        every job, whatever happens."""
        from tqdm import tqdm

        todo: queue.Queue = queue.Queue()
        for job in jobs:
            todo.put(job)
        results: dict[str, dict] = {}
        bar = tqdm(
            total=len(jobs),
            desc=f"grading {self.options.assignment}",
            unit="submission",
            disable=not self.options.progress or not jobs,
            file=sys.stderr,
        )
        workers = self._waiting or [None] * (1 if jobs else 0)  # none started: one, lazily
        self._waiting = []
        slots = [
            threading.Thread(target=_slot, args=(todo, results, bar, self.options, self._log, w))
            for w in workers
        ]
        for slot in slots:
            slot.start()
        for slot in slots:
            slot.join()
        bar.close()
        return results


def run_jobs(jobs: list[dict], options: Options) -> dict:
    """Run ``jobs`` on ``options.workers`` worker processes; a result for every job, whatever
    happens (a job is ``{"student": ..., "autograde": bool}``). See :class:`Pool`."""
    with Pool(options, expected=len(jobs)) as workers:
        return workers.run(jobs)


def _slot(todo, results, bar, options: Options, log, worker: _Worker | None) -> None:
    while True:
        try:
            job = todo.get_nowait()
        except queue.Empty:
            break
        worker = worker or _Worker(options, log)
        result = worker.run(job, options.limit)
        if result is None:  # stuck or dead: it cannot take the next job
            worker.stop()
            worker = None
            result = {
                "student": job["student"],
                "success": False,
                "error": f"grading stopped after {options.limit} s (the notebook kept running)",
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

    def __init__(self, options: Options, log):
        command = [
            *(sys.executable, "-m", "course.grading.worker"),
            *("--course", str(options.course), "--grading", str(options.folder)),
            *("--assignment", options.assignment, "--timeout", str(options.timeout)),
            *("--sandbox", options.sandbox),
        ]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            cwd=options.folder,  # whatever nbgrader writes by a relative name stays there
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
