"""Through the hub in a real browser: a participant logs in, gets a server, opens a lesson."""

from __future__ import annotations

import pytest

from tests.hub_kit import Hub

pytestmark = pytest.mark.slow
LESSON = "modules/01-cluster-economics/01-cluster-economics.ipynb"


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    room = Hub(tmp_path_factory.mktemp("hub") / "state", participants="1")
    yield room
    left = room.stop()
    assert not left, f"still running after the hub stopped: {[p.cmdline() for p in left]}"


def test_a_participant_logs_in_gets_a_server_and_opens_a_lesson(browser, hub, artifacts):
    page = browser.new_page()
    page.goto(hub.url + "hub/login")
    page.fill("#username_input", "p01")
    page.fill("#password_input", "first-password")
    page.screenshot(path=artifacts / "hub-login.png")
    page.click("#login_submit")
    page.wait_for_url("**/user/p01/lab/**", timeout=120_000)  # the server started: its start page
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=120_000)
    page.goto(hub.url + f"user/p01/lab/tree/{LESSON}")
    page.locator(".jp-Notebook .jp-MarkdownCell").first.wait_for(timeout=120_000)
    page.screenshot(path=artifacts / "hub-lesson.png")
    assert "Cluster" in page.locator(".jp-Notebook").first.inner_text()
    page.close()
