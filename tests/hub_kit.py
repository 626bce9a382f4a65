"""Start and stop a room's hub for a test module (tests/test_hub.py, tests/browser/)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.conftest import ROOT

COURSE = [sys.executable, "-m", "course.cli"]


def free_port_block() -> int:
    """A port whose next two are free too (proxy, hub, proxy API)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port < 65000 and all(_free(port + k) for k in (1, 2)):
            return port
    raise RuntimeError("no free ports")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


class Hub:
    """`course hub` on loopback in a process group of its own, stopped by its pid."""

    def __init__(self, state: Path, participants: str = "3"):
        self.state, self.port = state, free_port_block()
        self.url = f"http://127.0.0.1:{self.port}/"
        command = [*COURSE, "hub", "--participants", participants, "--state", str(state)]
        command += ["--port", str(self.port), "--idle-timeout", "600"]
        self.log = open(state.parent / "hub.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self._wait_up()
        self.token = (state / "api-token").read_text().strip()
        self.trainer_password = (state / "trainer-password.txt").read_text().strip()

    def _wait_up(self, timeout: float = 60) -> None:
        import requests

        began = time.monotonic()
        while time.monotonic() - began < timeout:
            if self.process.poll() is not None:
                raise RuntimeError("the hub stopped: " + Path(self.log.name).read_text()[-2000:])
            try:
                if requests.get(self.url + "hub/api/", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise RuntimeError("the hub did not start")

    def processes(self) -> list[psutil.Process]:
        """The hub and everything it started (proxy, servers, kernels, the culler)."""
        try:
            hub = psutil.Process(self.process.pid)
            return [hub, *hub.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def stop(self, timeout: float = 60) -> list[psutil.Process]:
        """SIGTERM to the hub's pid; the processes still alive after ``timeout`` (killed)."""
        family = self.processes()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        _, alive = psutil.wait_procs(family, timeout=timeout)
        for process in alive:
            process.kill()
        self.log.close()
        return alive


def env_without_display() -> dict:
    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
