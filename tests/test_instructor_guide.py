"""The instructor guide, followed to the letter: every ``bash`` box of docs/instructor-guide.md is run
in order, as written, in a fresh home folder with a copy of the course in ``~/cluster-course``.

What the guide leaves to people is done here the way they would do it: learners on the hub fetch
and submit with nbgrader's exchange, the e-mailed files land in ``~/Downloads/ps01``, and the
instructor grades the written tasks (as the formgrader stores them) when the guide says so.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbgrader.api import Gradebook

from course.grading import cohort
from tests import assignment_kit as kit
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "instructor-guide.md"
PS01 = "ps01-cluster-economics"


def bash_boxes() -> list[str]:
    return re.findall(r"^```bash\n(.*?)^```", GUIDE.read_text(encoding="utf-8"), re.S | re.M)


def _course_copy(home: Path) -> Path:
    course = home / "cluster-course"
    for folder in ("solutions", "exercises"):
        shutil.copytree(ROOT / folder, course / folder)
    shutil.copy(ROOT / "nbgrader_config.py", course)
    return course


def _environment(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COURSE_", "JUPYTER"))}
    env.update(HOME=str(home), PATH=f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}")
    return env


def _run(box: str, home: Path, env: dict) -> str:
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", box],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, f"guide box failed:\n{box}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _learners_submit_on_the_hub(home: Path, course: Path, env: dict) -> None:
    for student, notebook in (
        ("hub-anna", kit.write_answers(kit.answered(course, PS01))),
        ("hub-janis", kit.student_version(course, PS01)),
    ):
        folder = home / "learners" / student
        folder.mkdir(parents=True)
        fetch = ["nbgrader", "fetch_assignment", PS01, "--course", "cluster-course"]
        subprocess.run(fetch, cwd=folder, env=env, check=True, capture_output=True)
        nbformat.write(notebook, folder / PS01 / "ps01.ipynb")
        submit = ["nbgrader", "submit", PS01, "--course", "cluster-course", "--student", student]
        subprocess.run(submit, cwd=folder, env=env, check=True, capture_output=True)


def _mail_arrives(home: Path, course: Path) -> None:
    inbox = home / "Downloads" / "ps01"
    inbox.mkdir(parents=True)
    nbformat.write(kit.write_answers(kit.answered(course, PS01)), inbox / "Anna Berzina_ps01.ipynb")
    janis = kit.write_answers(kit.answered(course, PS01, ["ps01_lq_answer"]))
    nbformat.write(janis, inbox / "janis.ipynb")
    nbformat.write(kit.answered(course, PS01, ps01_strong_answer="exit()"), inbox / "liga.ipynb")
    (inbox / "peteris.ipynb").write_text('{"cells": [}', encoding="utf-8")


def _grading_folder(home: Path) -> Path:
    # where the guide's `course grade` keeps nbgrader's gradebook: beside the grades
    return home / "cluster-course-grades" / PS01 / "nbgrader"


def _grade_by_hand(course: Path, home: Path) -> int:
    # what the formgrader stores when the instructor types a score and leaves the box
    waiting = cohort.pending(PS01, root=course, out=_grading_folder(home).parent)
    with Gradebook(f"sqlite:///{_grading_folder(home) / 'gradebook.db'}") as book:
        for row in waiting.itertuples():
            grade = book.find_grade(row.grade_id, "ps01", PS01, row.student)
            grade.manual_score, grade.needs_manual_grade = 3, False
        book.db.commit()
    return len(waiting)


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    course = _course_copy(home)
    (home / ".jupyter").mkdir()
    (home / ".jupyter" / "nbgrader_config.py").write_text(  # the hub's exchange, set up once
        f"c = get_config()\nc.Exchange.root = {str(home / 'exchange')!r}\n"
        "c.ExchangeCollect.check_owner = False\n",
        encoding="utf-8",
    )
    (home / "exchange").mkdir()
    env = _environment(home)
    _mail_arrives(home, course)
    outputs, graded_by_hand = [], 0
    for box in bash_boxes():
        outputs.append(_run(box, home, env))
        if "release_assignment" in box:
            _learners_submit_on_the_hub(home, course, env)
        if "--pending" in box:
            graded_by_hand = _grade_by_hand(course, home)
    return home, course, outputs, graded_by_hand


def test_the_guide_has_the_whole_cycle():
    boxes = "\n".join(bash_boxes())
    for step in (
        "course release",
        "nbgrader release_assignment",
        "nbgrader collect",
        "course grade ps01-cluster-economics --submissions ~/Downloads/ps01",
        "--pending",
        "nbgrader export",
    ):
        assert step in boxes, step


def test_following_the_guide_grades_the_mailed_cohort(followed):
    home, _, _, graded_by_hand = followed
    out = home / "cluster-course-grades" / PS01
    grades = pd.read_csv(out / "grades.csv").set_index("student")
    assert sorted(grades.index) == ["anna-berzina", "janis", "liga", "peteris"]
    assert graded_by_hand == 2 * 3  # the two written tasks of anna, janis and hub-anna
    anna = grades.loc["anna-berzina"]
    assert (anna["status"], anna["auto_score"], anna["total"]) == ("graded", 12, 18)
    assert grades.loc["janis", "total"] == 2 + 6
    assert grades.loc["liga", "status"] == "kernel died in task 4"
    assert grades.loc["liga", "total"] == 10 + 0  # nothing written: 0 without a human
    assert grades.loc["peteris", "status"].startswith("failed: not a notebook")
    assert pd.isna(grades.loc["peteris", "total"])
    feedback = (out / "feedback" / "anna-berzina.html").read_text(encoding="utf-8")
    assert "Not final yet" not in feedback and "18.0 / 20.0" in feedback


def test_following_the_guide_grades_the_hub_cohort(followed):
    home, _, _, _ = followed
    scores = _totals(home)
    assert scores["hub-anna"] == 12 + 6 and scores["hub-janis"] == 0


def _totals(home: Path) -> dict[str, float]:
    from course import grading

    table = grading.scores(PS01, grading=_grading_folder(home))
    return table.groupby("student")["score"].sum().to_dict()


def test_the_guide_commands_print_what_the_guide_says(followed):
    _, _, outputs, _ = followed
    everything = "\n".join(outputs)
    assert "released exercises/ps01-cluster-economics/ps01.ipynb" in everything
    assert "written answers wait for a grade by hand" in everything
    assert "grades:" in everything and "cluster-course-grades" in everything


def test_the_grades_and_the_gradebook_stay_outside_the_course_folder(followed):
    home, course, _, _ = followed
    assert not list(course.rglob("grades.csv"))
    assert sorted(p.name for p in course.iterdir()) == [
        "exercises",
        "nbgrader_config.py",
        "solutions",
    ]
    assert (home / "cluster-course-grades" / "ps01-nbgrader-export.csv").is_file()
    assert (_grading_folder(home) / "gradebook.db").is_file()


def test_the_formgrader_opens_the_gradebook_beside_the_grades(followed):
    # what `course grade ps01-cluster-economics --formgrader` starts, with a known port and token
    import json
    import socket
    import time
    import urllib.request

    from course import cli
    from course.grading.commands import formgrader_command

    home, _, _, _ = followed
    folder = _grading_folder(home)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = formgrader_command(folder, browser=False)
    command += [f"--port={port}", "--IdentityProvider.token=guide", "--ServerApp.ip=127.0.0.1"]
    env = cli.lab_environment(instructor=True, environ=_environment(home))
    server = subprocess.Popen(command, cwd=folder, env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/formgrader"
    try:
        for _ in range(120):
            try:
                url = f"{base}/api/submitted_notebooks/{PS01}/ps01?token=guide"
                listed = json.load(urllib.request.urlopen(url, timeout=10))
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the formgrader did not answer")
        students = {row["student"] for row in listed}
        assert {"anna-berzina", "janis", "liga", "hub-anna", "hub-janis"} <= students
        anna = next(row for row in listed if row["student"] == "anna-berzina")
        page = urllib.request.urlopen(f"{base}/submissions/{anna['id']}/?token=guide", timeout=30)
        assert "BEGIN MARK SCHEME" in page.read().decode("utf-8")  # the autograded copy, shown
    finally:
        server.terminate()
        server.wait(timeout=30)
