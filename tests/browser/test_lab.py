"""JupyterLab in a real browser: the start page, a lesson top to bottom, a widget, Validate."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time

import pytest
import requests

from course import materials
from course.cli import lab_environment
from tests.hub_kit import free_port_block

pytestmark = pytest.mark.slow
LESSON = "modules/01-cluster-economics/01-cluster-economics.ipynb"
EXERCISE = "exercises/ps01-cluster-economics/ps01.ipynb"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab with the learner's tools on a copy of the learner's folder."""
    folder = tmp_path_factory.mktemp("learner") / "cluster-course"
    materials.prepare_workdir(folder)
    settings = folder.parent / "settings"  # Jupyter news off: its notice covers the page
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (
        settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    ).write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    port, token = free_port_block(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}"]
    command += [f"--ServerApp.token={token}", f"--ServerApp.root_dir={folder}", "--allow-root"]
    environment = lab_environment(instructor=False)
    environment["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
    log = open(folder.parent / "lab.log", "w")  # noqa: SIM115
    server = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(120):
        try:
            if requests.get(url + "api/status", params={"token": token}, timeout=2).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.5)
    yield {"url": url, "token": token, "folder": folder}
    for session in requests.get(url + "api/sessions", params={"token": token}, timeout=10).json():
        requests.delete(url + f"api/sessions/{session['id']}", params={"token": token}, timeout=10)
    server.terminate()
    server.wait(timeout=30)
    log.close()


def _open(page, lab, path):
    page.goto(f"{lab['url']}lab/tree/{path}?reset&token={lab['token']}")  # a fresh workspace
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    for _ in range(120):  # the notebook's own kernel has started and is idle
        sessions = requests.get(lab["url"] + "api/sessions", params={"token": lab["token"]}).json()
        mine = [s["kernel"] for s in sessions if s["path"] == path]
        if mine and mine[0]["execution_state"] == "idle":
            break
        time.sleep(0.5)
    page.get_by_text("| Idle").first.wait_for()  # and JupyterLab is connected to it
    page.wait_for_timeout(1000)


def test_jupyterlab_opens_the_start_page(browser, lab, artifacts):
    page = browser.new_page()
    _open(page, lab, "modules/00-start/00-start.ipynb")
    assert page.locator(".jp-Notebook .jp-MarkdownCell").count() > 0
    page.screenshot(path=artifacts / "lab-start-page.png")
    page.close()


def test_a_lesson_runs_top_to_bottom_without_an_error(browser, lab, artifacts):
    page = browser.new_page()
    _open(page, lab, LESSON)
    page.locator(".jp-Notebook:visible").first.click()
    page.locator("#jp-MainMenu").get_by_text("Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()
    page.wait_for_timeout(3000)
    _wait_idle(lab)
    page.keyboard.press("Control+s")
    page.wait_for_timeout(1500)
    page.screenshot(path=artifacts / "lab-lesson-01.png", full_page=True)
    saved = json.loads((lab["folder"] / LESSON).read_text())
    code = [c for c in saved["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    errors = [out for cell in code for out in cell["outputs"] if out["output_type"] == "error"]
    assert all(cell["execution_count"] for cell in code), "some cells did not run"
    assert not errors, errors[0]["ename"] + ": " + errors[0]["evalue"]
    _move_a_widget(page, artifacts)
    page.close()


def _wait_idle(lab, timeout: float = 240) -> None:
    """Until every kernel of the server has been idle for two readings in a row."""
    began, idle = time.monotonic(), 0
    while time.monotonic() - began < timeout and idle < 2:
        time.sleep(1.5)
        kernels = requests.get(lab["url"] + "api/kernels", params={"token": lab["token"]}).json()
        idle = idle + 1 if all(k["execution_state"] == "idle" for k in kernels) else 0
    assert idle >= 2, "the lesson did not finish in time"


def _move_a_widget(page, artifacts):
    """The lesson's last explorer: a slider moved by the keyboard redraws its chart."""
    handle = page.locator(".widget-slider .noUi-handle:visible").last
    handle.scroll_into_view_if_needed()
    output = page.locator(".jp-OutputArea-output img:visible").last
    before = output.get_attribute("src")
    handle.focus()
    page.keyboard.press("ArrowLeft")  # the end year down: the last handle is at the maximum
    page.keyboard.press("ArrowLeft")  # the end year down: the last handle is at the maximum
    for _ in range(60):
        page.wait_for_timeout(500)
        if page.locator(".jp-OutputArea-output img:visible").last.get_attribute("src") != before:
            break
    page.screenshot(path=artifacts / "lab-widget-moved.png")
    assert page.locator(".jp-OutputArea-output img:visible").last.get_attribute("src") != before


def test_the_validate_button_reports_a_result(browser, lab, artifacts):
    page = browser.new_page()
    _open(page, lab, EXERCISE)
    page.locator(".validate-button").first.click()
    dialog = page.get_by_text("Validation Results")
    dialog.wait_for(timeout=120_000)
    page.screenshot(path=artifacts / "lab-validate.png")
    assert dialog.is_visible()
    page.close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY"):
        monkeypatch.delenv(name, raising=False)
    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
