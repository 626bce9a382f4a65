"""The `course` command, and `make lab`'s server really serving the course."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import psutil  # installed with ipykernel
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


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _servers_on(port: int) -> list[psutil.Process]:
    """Every process whose command line names the test's port (the server and any child)."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        if any(f"--port={port}" in part for part in process.info["cmdline"] or []):
            found.append(process)
    return found


def _wait_until(condition, seconds: float) -> bool:
    """Poll ``condition`` for at most ``seconds`` (never an unbounded wait)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.slow
def test_course_lab_serves_jupyterlab_with_the_start_page(tmp_path):
    port, token = _free_port(), "course-test-token"
    env = {**os.environ, "JUPYTER_TOKEN": token}
    env.pop("DISPLAY", None)
    log = (tmp_path / "lab.log").open(
        "wb"
    )  # a file, not a pipe: a full pipe would block the server
    server = subprocess.Popen(
        [sys.executable, "-m", "course.cli", "lab", "--no-browser", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
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
        assert status == 200, (tmp_path / "lab.log").read_text()
        # `course lab` became JupyterLab: the process we started is the server itself
        assert [p.pid for p in _servers_on(port)] == [server.pid]
        status, body = _get(f"{base}/api/contents/modules/00-start?token={token}")
        assert status == 200
        assert b'"00-start.ipynb"' in body
        # the course's JupyterLab defaults (jupyter/overrides.json) are in force: no news pop-up
        notification = "@jupyterlab/apputils-extension:notification"
        status, body = _get(f"{base}/lab/api/settings/{notification}?token={token}")
        defaults = json.loads(body)["schema"]["properties"]
        assert defaults["fetchNews"]["default"] == "false"
        assert defaults["checkForUpdates"]["default"] is False
        # stopping `course lab` (as `kill` or a service manager does) stops the server
        server.send_signal(signal.SIGTERM)
        assert _wait_until(lambda: server.poll() is not None and not _port_open(port), 15)
    finally:
        leftovers = [p for p in _servers_on(port) if p.is_running()]
        for process in leftovers:  # only the processes of this test's port
            process.kill()
        if server.poll() is None:
            server.kill()
        server.wait(timeout=10)
        log.close()
    assert leftovers == [], f"processes left behind: {[p.pid for p in leftovers]}"
    assert not _port_open(port)


def test_run_as_child_stops_the_child_when_it_is_interrupted(monkeypatch):
    # Windows path of `course lab`: the child must not outlive us
    started = []
    real_popen = subprocess.Popen

    def popen(command):
        child = real_popen(command)
        real_wait = child.wait

        def wait(timeout=None):
            if timeout is None:
                raise KeyboardInterrupt  # Ctrl+C while waiting for JupyterLab
            return real_wait(timeout)

        child.wait = wait
        started.append(child)
        return child

    monkeypatch.setattr(cli.subprocess, "Popen", popen)
    with pytest.raises(KeyboardInterrupt):
        cli._run_as_child([sys.executable, "-c", "import time; time.sleep(60)"])
    assert started[0].poll() is not None  # terminated, not left running


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


def _one_error_line(capsys, argv) -> str:
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def test_course_read_errors_are_one_plain_line(capsys, tmp_path):
    quote = tmp_path / "quote.csv"
    quote.write_text('name;n\nA;1\n"B;2\nC;3\n')
    assert "line 3 of 'quote.csv' opens a quote" in _one_error_line(capsys, ["read", str(quote)])
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert "'empty.csv' is empty" in _one_error_line(capsys, ["read", str(empty)])
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "holds binary data" in _one_error_line(capsys, ["read", str(binary)])
    missing = _one_error_line(capsys, ["read", str(tmp_path / "nowhere.csv")])
    assert missing.startswith("course read: read_table: no file")


def test_course_read_shows_warnings_as_plain_lines_and_takes_options(capsys, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("name;n\nA;1\nB;2\nTotal;3\n")
    assert cli.main(["read", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("course read: warning: t.csv: dropped line 4 at the end as a")
    assert "Total" not in captured.out
    assert cli.main(["read", str(path), "--footer", "1"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    "text",
    [
        "freq,unit,geo\\TIME_PERIOD\t2020 \nA,PC,LV\t1 \n",
        "unit,geo\\time\t2020 \nPC,LV\t1 \n",
        "DATAFLOW,LAST UPDATE,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\nESTAT:X(1.0),today,LV,2020,1,\n",
    ],
)
def test_course_read_hints_at_eurostat(capsys, tmp_path, text):
    path = tmp_path / "download.csv"
    path.write_text(text)
    cli.main(["read", str(path)])
    err = capsys.readouterr().err
    assert f"looks like a Eurostat download: try 'course read --eurostat {path}'" in err
    assert cli.main(["read", "--eurostat", str(path)]) == 0
    assert "Eurostat download" not in capsys.readouterr().err


def test_course_read_gives_no_eurostat_hint_for_a_spreadsheet(capsys):
    assert cli.main(["read", str(ROOT / "datasets" / "samples" / "members_export.csv")]) == 0
    assert "eurostat" not in capsys.readouterr().err


SAMPLE = str(ROOT / "datasets" / "samples" / "members_export.csv")


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        # before: "invalid int value: PATH" (nargs='+' took the file name as a line number)
        (["read", "--header", "0", SAMPLE], "argument --header: takes the line number"),
        (["read", "--header", "3,5", SAMPLE], "or consecutive lines joined by commas"),
        # before: head(-1) hid the last row
        (["read", "--rows", "-1", SAMPLE], "argument --rows: takes a whole number of at least 1"),
        (["read", "--rows", "ten", SAMPLE], "e.g. --rows 20; got 'ten'"),
        (["read", "--skiprows", "-2", SAMPLE], "argument --skiprows: takes a whole number of at"),
        (["read", "--footer", "1.5", SAMPLE], "argument --footer: takes a whole number of at"),
        # before: --sheet on a CSV was ignored silently
        (["read", "--sheet", "Data", SAMPLE], "sheet='Data' is for .xlsx files, but"),
        (["read", "--eurostat", "--header", "2", SAMPLE], "--header is for your own spreadsheets"),
        (["read"], "the following arguments are required: path"),
        (["lab", "--port", "99999"], "argument --port: takes a whole number from 1 to 65535"),
        (["lab", "--dir", SAMPLE], "is a file, not a folder"),
        (["doctor", "--port", "0"], "argument --port: takes a whole number from 1 to 65535"),
        (["doctor", "--dir", SAMPLE], "is a file, not a folder"),
        (["datasets", "--all"], "unrecognized arguments: --all"),
        (["edition", SAMPLE], "is a file: give a new folder or a .zip file name"),
        (["edition", str(ROOT / "datasets")], "is a folder that is not empty"),
        (["wheelhouse", SAMPLE], "is a file, not a folder"),
        (["nosuch"], "invalid choice: 'nosuch'"),
        ([], "the following arguments are required: command"),
    ],
)
def test_bad_arguments_are_refused_in_one_line_before_any_work(capsys, monkeypatch, argv, says):
    from course import data, doctor, editions

    def no_work(*args, **kwargs):
        raise AssertionError("the command started working despite a bad argument")

    for module, name in [(data, "read_table"), (data, "read_eurostat"), (doctor, "main"),
                         (editions, "build_learner_edition"), (editions, "build_wheelhouse"),
                         (cli, "lab_folder")]:  # fmt: skip
        if "--sheet" not in argv or name != "read_table":  # the reader refuses that itself
            monkeypatch.setattr(module, name, no_work)
    line = _one_error_line(capsys, argv)
    assert line.startswith(f"course {argv[0]}:" if argv and argv[0] != "nosuch" else "course:")
    assert says in line, line
    assert "usage:" not in line


def test_the_header_option_takes_one_value_so_the_file_after_it_is_read(capsys, tmp_path):
    path = tmp_path / "titled.csv"
    path.write_text("Members 2023\nname;n\nA;1\nB;2\n")
    assert cli.main(["read", "--header", "2", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1:] == ["  name  n", "0    A  1", "1    B  2"]
    assert captured.err == ""  # the header was given: no warning about the title line


def test_the_course_command_starts_without_loading_the_grading_stack():
    # learners run `course lab` and `course doctor`; only `course grade` needs nbgrader
    code = (
        "import sys; from course import cli; cli.build_parser(); "
        "print(sorted({'nbgrader', 'nbclient', 'pandas', 'nbconvert'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_grades_in_a_repository_that_does_not_ignore_them_are_warned_about(tmp_path, capsys):
    from course.grading.commands import _warn_if_tracked

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _warn_if_tracked(tmp_path / "grades" / "ps01")  # not there yet: the check still works
    assert "must not be committed" in capsys.readouterr().err
    (tmp_path / ".gitignore").write_text("grades/\n")
    _warn_if_tracked(tmp_path / "grades" / "ps01")
    _warn_if_tracked(tmp_path.parent / "elsewhere")  # outside any repository
    assert capsys.readouterr().err == ""
