"""`course grade` runs each submission in a sandbox: an attacking submission gets nothing.

One cohort (two honest students and an attacker, all with right answers) is graded once in the
sandbox. The attacker's first cell tries everything issue 23 lists: read the solutions (by the
course's absolute path and by walking up from its own folder), another student's submission,
the gradebook, the grades and the home folder (a fake one with ``.ssh``), write outside its
folder, connect to the network (a server the test listens on), start many processes, allocate
far more memory than the limit. Each try prints ``LEAK <what>`` only if it worked. The honest
submissions are then graded once more without the sandbox, and must get the same grades.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from course.grading import cohort, sandbox
from tests import assignment_kit as kit

PS01 = "ps01-cluster-economics"
SSH_KEY = "SECRET-SSH-KEY-of-the-instructor"
OTHER = "# OTHER-STUDENT-SECRET answer"
GIGABYTES = 8  # twice the sandbox's 4 GiB; allocated at once, it would succeed without one

ATTACK = """
import os, socket, subprocess, sqlite3
def leak(what, text=""):
    print("LEAK", what, str(text)[:300])
def tried(what, action):
    try:
        found = action()
    except Exception as error:
        print("refused", what, type(error).__name__)
    else:
        leak(what, found) if found else print("refused", what, "nothing found")
read = lambda path: open(path, encoding="utf-8", errors="replace").read()
tried("solutions", lambda: read({solutions!r}))
tried("other student", lambda: read({other!r}))
tried("other student's autograded copy", lambda: os.listdir({autograded!r}))
tried("gradebook", lambda: sqlite3.connect("file:" + {gradebook!r} + "?mode=ro", uri=True).execute("select * from student").fetchall())
def everything_in(top):  # what it sees there besides the way to its own folder
    here = os.getcwd()
    seen = []
    for root, dirs, files in os.walk(top):
        for path in [os.path.join(root, name) for name in dirs + files]:
            if not (here.startswith(path + "/") or path == here or path.startswith(here + "/")):
                seen.append(path)
    return seen
tried("grades folder", lambda: everything_in({out!r}))
tried("home folder", lambda: read({home!r} + "/.ssh/id_rsa"))
tried("home by ~", lambda: read(os.path.expanduser("~/.ssh/id_rsa")))
tried("inbox", lambda: os.listdir({inbox!r}))
import sys
environment = (sys.prefix, sys.base_prefix)  # read-only by design, like the course library
def walk_up():
    found, here = [], os.getcwd()
    for _ in range(12):
        here = os.path.dirname(here)
        for root, dirs, files in os.walk(here):
            if root.startswith(environment):
                continue
            found += [os.path.join(root, f) for f in files
                      if f.endswith(".ipynb") and root != os.getcwd()
                      or f in ("gradebook.db", "id_rsa", "grades.csv")]
            if len(found) > 5:
                return found
    return found
tried("walking up", walk_up)
def write(path):
    with open(path, "w") as f:
        f.write("written by the attacker")
    return path
tried("write into the course", lambda: write({course!r} + "/attacked.txt"))
tried("write into the grades", lambda: write({out!r} + "/attacked.txt"))
tried("write beside its folder", lambda: write("../attacked.txt"))
tried("network", lambda: socket.create_connection(("127.0.0.1", {port}), timeout=3))
tried("internet", lambda: socket.create_connection(("1.1.1.1", 53), timeout=3))
children = []
def many():
    while len(children) < 400:
        children.append(subprocess.Popen(["sleep", "60"]))
    return f"{{len(children)}} processes"
tried("processes", many)
for child in children:
    child.kill(); child.wait()
print("processes started:", len(children))
tried("memory", lambda: len(bytearray({gigabytes} * 2**30)) and "{gigabytes} GiB")
"""


def _inbox(course: Path, folder: Path, out: Path, home: Path, port: int) -> Path:
    folder.mkdir(parents=True)
    notebook = kit.notebook_name(course, PS01)
    grading = out / "nbgrader"
    for student in ("honest", "other"):
        answers = kit.answered(course, PS01)
        if student == "other":
            kit.grade_cells(answers)["ps01_lq_answer"].source += "\n" + OTHER
        nbformat.write(answers, folder / f"{student}.ipynb")
    attack = ATTACK.format(
        solutions=str(course / "solutions" / PS01 / notebook),
        other=str(grading / "submitted" / "other" / PS01 / notebook),
        autograded=str(grading / "autograded" / "other" / PS01),
        gradebook=str(grading / "gradebook.db"),
        out=str(out),
        home=str(home),
        inbox=str(folder),
        course=str(course),
        port=port,
        gigabytes=GIGABYTES,
    )
    attacker = kit.answered(course, PS01)
    attacker.cells.insert(1, nbformat.v4.new_code_cell(attack))
    nbformat.write(attacker, folder / "attacker.ipynb")
    return folder


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    if sandbox.find().name is None:
        pytest.fail(f"no sandbox here: {sandbox.find().detail} (make setup-test installs one)")
    course = kit.course_with(tmp_path_factory, PS01)
    home = tmp_path_factory.mktemp("home")
    (home / ".ssh").mkdir()
    (home / ".ssh" / "id_rsa").write_text(SSH_KEY)
    out = tmp_path_factory.mktemp("grades")
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    inbox = _inbox(
        course, tmp_path_factory.mktemp("inbox") / "ps01", out, home, server.getsockname()[1]
    )
    saved = os.environ.get("HOME")
    os.environ["HOME"] = str(home)  # the workers, and any kernel without a sandbox, see it
    try:
        grades = cohort.grade_cohort(PS01, inbox, root=course, out=out, workers=2, progress=False)
    finally:
        os.environ["HOME"] = saved or ""
    try:
        server.accept()
        reached = True
    except BlockingIOError:
        reached = False
    server.close()
    copy = out / "nbgrader" / "autograded" / "attacker" / PS01 / kit.notebook_name(course, PS01)
    outputs = "\n".join(
        output.get("text", "") for output in nbformat.read(copy, as_version=4).cells[1].outputs
    )
    return course, inbox, out, grades.set_index("student"), outputs, reached


def test_the_log_says_which_sandbox(attacked):
    log = (attacked[2] / "grading.log").read_text()
    assert f"{PS01}: sandbox: bubblewrap" in log


def test_every_honest_submission_and_the_attacker_are_graded_in_full(attacked):
    grades = attacked[3]
    for student in ("honest", "other", "attacker"):  # the attacker's answers are right too
        assert grades.loc[student, "auto_score"] == 12, grades.loc[student, "message"]


@pytest.mark.parametrize(
    "what",
    [
        "solutions",
        "other student",
        "other student's autograded copy",
        "gradebook",
        "grades folder",
        "home folder",
        "home by ~",
        "inbox",
        "walking up",
        "write into the course",
        "write into the grades",
        "network",
        "internet",
        "processes",
        "memory",
    ],
)
def test_each_attack_is_refused(attacked, what):
    outputs = attacked[4]
    assert f"refused {what} " in outputs, outputs
    assert f"LEAK {what} " not in outputs


def test_the_processes_stop_at_the_limit(attacked):
    started = int(attacked[4].split("processes started: ")[1].split()[0])
    assert 0 < started < 200


def test_nothing_reached_outside_the_sandbox(attacked):
    course, inbox, out, _, outputs, reached = attacked
    assert "LEAK" not in outputs
    assert not reached  # the test's own server got no connection
    for folder in (course, out, out / "nbgrader" / "autograded" / "attacker"):
        assert not (folder / "attacked.txt").exists()
    feedback = (out / "feedback" / "attacker.html").read_text()
    for secret in (SSH_KEY, OTHER, "BEGIN HIDDEN TESTS", "SQLite format"):
        assert secret not in feedback


def test_grades_are_the_same_without_the_sandbox(attacked, tmp_path, monkeypatch):
    course, inbox, _, grades, _, _ = attacked
    honest = tmp_path / "honest"
    honest.mkdir()
    for student in ("honest", "other"):
        (honest / f"{student}.ipynb").write_bytes((inbox / f"{student}.ipynb").read_bytes())
    monkeypatch.setattr(sandbox, "find", lambda: sandbox.Found(None, "switched off by the test"))
    plain = cohort.grade_cohort(
        PS01, honest, root=course, out=tmp_path / "out", workers=2, progress=False,
        trust_submissions=True,
    ).set_index("student")  # fmt: skip
    columns = ["auto_score", "total", "status", "message"]
    pd.testing.assert_frame_equal(
        plain.loc[["honest", "other"], columns], grades.loc[["honest", "other"], columns]
    )
    assert (
        "sandbox: none: switched off by the test" in (tmp_path / "out" / "grading.log").read_text()
    )


def test_without_a_sandbox_course_grade_refuses_unless_trusted(tmp_path, monkeypatch, capsys):
    from course import cli

    monkeypatch.setattr(sandbox, "find", lambda: sandbox.Found(None, "bubblewrap is not installed"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), inbox / "ada.ipynb")
    command = ["grade", PS01, "--submissions", str(inbox), "--out", str(tmp_path / "out")]
    assert cli.main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith("course grade: no sandbox to grade in: bubblewrap is not installed")
    assert "--trust-submissions" in err and err.count("\n") == 1, err
    assert not (tmp_path / "out").exists()


def test_an_interrupt_stops_the_cell_and_keeps_the_kernel(tmp_path):
    # sent to bubblewrap's process group, SIGINT killed bubblewrap and the kernel with it, so
    # that every looping cell cost a fresh kernel and a rerun of the notebook
    import asyncio

    async def interrupted() -> tuple[str, bool]:
        manager = sandbox.SandboxedKernelManager(kernel_name="python3")
        await manager.start_kernel(cwd=str(tmp_path))
        client = manager.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            client.execute("while True:\n    pass")
            await asyncio.sleep(2)
            await manager.interrupt_kernel()
            while (message := await client.get_iopub_msg(timeout=20))["msg_type"] != "error":
                pass
            return message["content"]["ename"], await manager.is_alive()
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)

    assert asyncio.run(interrupted()) == ("KeyboardInterrupt", True)
