"""The checkout holds no grading state: `course grade` run from the clone leaves no nbgrader tree
in it (for `course release`, see tests/test_release.py), and the session check of
tests/conftest.py can see one.

nbgrader's working trees (``submitted/``, ``autograded/``, ``feedback/``, ``release/``) and its
``gradebook.db`` belong beside a run's grades, in ``<--out>/nbgrader/``: a second cohort must never
see the first one's state, and a cohort's work must never be one ``git add`` away from a public
repository.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, nbgrader_trees

PS01 = "ps01-cluster-economics"
COURSE = [sys.executable, "-m", "course.cli"]


def _fingerprint(folder: Path) -> dict[str, tuple[int, str]]:
    # modification time and content of every file: course grade must not even rewrite them
    return {
        str(path.relative_to(folder)): (path.stat().st_mtime_ns, _sha(path))
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _environment() -> dict:
    # as an instructor's shell: the course is the clone the command is run in
    return {k: v for k, v in os.environ.items() if k not in ("COURSE_ROOT", "COURSE_GRADES_DIR")}


def test_course_grade_in_the_checkout_writes_only_beside_the_grades(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(ROOT / "exercises" / PS01 / "ps01.ipynb", inbox / "anna.ipynb")  # a blank one
    out = tmp_path / "grades"
    trees, released = nbgrader_trees(), _fingerprint(ROOT / "exercises" / PS01)
    done = subprocess.run(
        [*COURSE, "grade", PS01, "--submissions", str(inbox), "--out", str(out)]
        + ["--workers", "1", "--timeout", "60", "--quiet"],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert nbgrader_trees() == trees
    assert _fingerprint(ROOT / "exercises" / PS01) == released
    grading = out / "nbgrader"
    for made in ("gradebook.db", "nbgrader_config.py", f"release/{PS01}/ps01.ipynb"):
        assert (grading / made).is_file(), made
    assert (grading / "autograded" / "anna" / PS01 / "ps01.ipynb").is_file()
    assert (grading / "feedback" / "anna" / PS01 / "ps01.html").is_file()
    assert "anna,ps01-cluster-economics" in (out / "grades.csv").read_text()


def test_the_session_check_sees_an_nbgrader_tree(tmp_path):
    # the check in tests/conftest.py must be able to fail: it finds trees git ignores or not
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("gradebook.db\nsubmitted/\n")
    (tmp_path / "lesson.md").write_text("a file that is not a tree")
    assert nbgrader_trees(tmp_path) == set()
    (tmp_path / "gradebook.db").write_bytes(b"")
    for tree in ("submitted", "autograded"):  # ignored, and not ignored
        (tmp_path / tree / "anna").mkdir(parents=True)
        (tmp_path / tree / "anna" / "ps01.ipynb").write_text("{}")
    assert nbgrader_trees(tmp_path) == {"gradebook.db", "submitted", "autograded"}
