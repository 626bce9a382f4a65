"""`course hub` on loopback: a trainer and three participants through nbgrader's exchange.

One hub for the module (about 30 s): each participant logs in and gets a server; the trainer
releases ps01 from the formgrader; participants fetch, answer and submit from their servers'
Assignments API (what JupyterLab's Assignments tab calls); the trainer collects and grades with
`course grade`; the hub stops and leaves no process behind.
"""

from __future__ import annotations

import json
import subprocess

import nbformat
import pytest

from course.hub import HubError, participants
from course.hub._client import HubUser, api
from tests.conftest import ROOT
from tests.hub_kit import COURSE, Hub

pytestmark = pytest.mark.slow
ASSIGNMENT = "ps01-cluster-economics"
NAMES = ["p01", "p02", "p03"]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    room = Hub(tmp_path_factory.mktemp("hub") / "state")
    users = {name: HubUser(room.url, name, f"password-{name}") for name in NAMES}
    users["trainer"] = HubUser(room.url, "trainer", room.trainer_password)
    room.users = users
    yield room
    left = room.stop()
    assert not left, f"still running after the hub stopped: {[p.cmdline() for p in left]}"


def test_participant_list_from_count_and_file(tmp_path):
    assert participants("12")[-1] == "p12"
    listing = tmp_path / "room.csv"
    listing.write_text("name,email\nAnna,a@x\nben_2,b@x\n")
    assert participants(str(listing)) == ["anna", "ben_2"]
    listing.write_text("anna\nanna\n")
    with pytest.raises(HubError, match="twice"):
        participants(str(listing))


def test_wrong_password_and_strangers_are_refused(hub):
    assert not HubUser(hub.url, "trainer", "not-the-password").login()
    assert not HubUser(hub.url, "stranger", "password-x").login()


def test_every_user_logs_in_and_gets_a_server(hub):
    for user in hub.users.values():
        assert user.login(), user.name
        assert user.start() < 120
    again = HubUser(hub.url, "p01", "another-password")
    assert not again.login()  # the first password is p01's from now on
    servers = api(hub.url, hub.token, "GET", "users").json()
    assert {u["name"] for u in servers if u["servers"]} == {*NAMES, "trainer"}


def test_participants_see_the_lessons_but_no_solutions(hub):
    names = {
        item["name"] for item in hub.users["p01"].call("GET", "api/contents").json()["content"]
    }
    assert {"modules", "exercises", "datasets"} <= names and "solutions" not in names
    trainer = {
        i["name"] for i in hub.users["trainer"].call("GET", "api/contents").json()["content"]
    }
    assert "solutions" in trainer


def test_release_fetch_submit_collect_and_grade(hub, tmp_path):
    trainer = hub.users["trainer"]
    trainer.call("POST", f"formgrader/api/assignment/{ASSIGNMENT}/release")
    form = {"course_id": "cluster-course", "assignment_id": ASSIGNMENT}
    for name in NAMES:
        hub.users[name].call("POST", "assignments/fetch", data=form)
    _answer(hub.state / "users" / "p01" / "cluster-course" / ASSIGNMENT / "ps01.ipynb")
    for name in NAMES:
        reply = hub.users[name].call("POST", "assignments/submit", data=form).json()
        assert "success" not in reply or reply["success"], reply
    trainer.call("POST", f"formgrader/api/assignment/{ASSIGNMENT}/collect")
    submitted = hub.state / "users" / "trainer" / "course" / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == NAMES  # the hub users, not root
    out = tmp_path / "grades"
    command = [*COURSE, "grade", ASSIGNMENT, "--submissions", str(submitted), "--out", str(out)]
    subprocess.run([*command, "--workers", "1", "--quiet"], cwd=ROOT, check=True)
    grades = {row.split(",")[0]: row for row in (out / "grades.csv").read_text().splitlines()}
    assert set(NAMES) <= set(grades)
    total = _totals(out / "grades.csv")
    assert total["p01"] > total["p02"] == total["p03"]


def _answer(path):
    """p01 answers every task with the solution; p02 and p03 hand in the blank notebook."""
    solution = nbformat.read(str(ROOT / "solutions" / ASSIGNMENT / "ps01.ipynb"), as_version=4)
    answers = {
        cell.metadata["nbgrader"]["grade_id"]: cell.source
        for cell in solution.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }
    student = nbformat.read(str(path), as_version=4)
    for cell in student.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = (
                answers[grade_id]
                .replace("### BEGIN SOLUTION\n", "")
                .replace("### END SOLUTION", "")
            )
    nbformat.write(student, str(path))


def _totals(path) -> dict:
    import pandas as pd

    table = pd.read_csv(path)
    return dict(zip(table["student"], table["total"], strict=True))


def test_settings_say_the_student_id_is_the_hub_user(hub):
    config = (hub.state / "users" / "p02" / ".jupyter" / "nbgrader_config.py").read_text()
    assert "c.CourseDirectory.student_id = 'p02'" in config
    assert json.loads((hub.state / "settings.json").read_text())["participants"] == NAMES


def test_zero_to_jupyterhub_values_have_image_exchange_and_student_id():
    """A structural check of deploy/ (the chart's JSON schema is not available offline)."""
    import yaml

    values = yaml.safe_load((ROOT / "deploy" / "z2jh-values.yaml").read_text())
    chart_keys = {"hub", "proxy", "singleuser", "cull", "scheduling", "prePuller", "ingress"}
    assert set(values) <= chart_keys | {"custom", "debug", "rbac", "imagePullSecret"}
    single = values["singleuser"]
    assert single["image"]["name"] and single["memory"]["limit"]
    mount = single["storage"]["extraVolumeMounts"][0]
    claim = single["storage"]["extraVolumes"][0]["persistentVolumeClaim"]["claimName"]
    volume = yaml.safe_load((ROOT / "deploy" / "exchange-volume.yaml").read_text())
    assert volume["metadata"]["name"] == claim and "ReadWriteMany" in volume["spec"]["accessModes"]
    config = single["extraFiles"]["nbgrader-config"]["stringData"]
    assert f'c.Exchange.root = "{mount["mountPath"]}"' in config
    assert "c.CourseDirectory.student_id = user" in config
    compile(config, "nbgrader_config.py", "exec")
    assert values["cull"]["enabled"] and "Dockerfile" in (ROOT / "deploy" / "README.md").read_text()
