"""The `course` command, and `make lab`'s server really serving the course."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from course import cli
from tests.conftest import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except OSError:
        return 0, b""


@pytest.mark.slow
def test_course_lab_serves_jupyterlab_with_the_start_page():
    port, token = _free_port(), "course-test-token"
    env = {**os.environ, "JUPYTER_TOKEN": token}
    env.pop("DISPLAY", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "course.cli", "lab", "--no-browser", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        status = 0
        for _ in range(120):  # up to a minute for a cold start
            status, _ = _get(f"{base}/lab?token={token}")
            if status == 200 or server.poll() is not None:
                break
            time.sleep(0.5)
        assert status == 200, server.stdout.read().decode() if server.poll() is not None else ""
        status, body = _get(f"{base}/api/contents/modules/00-start?token={token}")
        assert status == 200
        assert b'"00-start.ipynb"' in body
        # the course's JupyterLab defaults (jupyter/overrides.json) are in force: no news pop-up
        notification = "@jupyterlab/apputils-extension:notification"
        status, body = _get(f"{base}/lab/api/settings/{notification}?token={token}")
        defaults = json.loads(body)["schema"]["properties"]
        assert defaults["fetchNews"]["default"] == "false"
        assert defaults["checkForUpdates"]["default"] is False
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_lab_command_opens_the_start_page_headless():
    command = cli.lab_command(port=9999, browser=False)
    assert command[-1] == "modules/00-start/00-start.ipynb"
    assert (ROOT / command[-1]).exists()
    assert "--no-browser" in command


def test_course_datasets_lists_the_data(capsys):
    assert cli.main(["datasets"]) == 0
    assert "regional_employment" in capsys.readouterr().out


def test_course_read_reports_a_missing_file_without_a_traceback(capsys, tmp_path):
    assert cli.main(["read", str(tmp_path / "nowhere.csv")]) == 2
    assert "nowhere.csv" in capsys.readouterr().err
