"""`course release`: the committed student versions are exactly what it produces, from any folder,
it leaves no gradebook in the course, and every blank student version fails its tests under the
real `nbgrader validate --invert`."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys

import pytest

from course import grading
from tests.conftest import ROOT

COURSE = [sys.executable, "-m", "course.cli"]


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "solutions", course / "solutions")
    (course / "exercises").mkdir()
    shutil.copy(ROOT / "exercises" / "jupytext.toml", course / "exercises")
    shutil.copy(ROOT / "nbgrader_config.py", course)
    # from a subfolder of the course: the course is found without --course
    done = subprocess.run(
        [*COURSE, "release"], cwd=course / "solutions", capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return course, done.stdout


def test_release_writes_every_assignment_and_says_so(released):
    course, output = released
    for assignment in grading.assignments():
        assert f"released exercises/{assignment}/" in output
        assert (course / "exercises" / assignment).is_dir()


def test_committed_student_versions_are_what_course_release_produces(released):
    course, _ = released
    committed = sorted(p.relative_to(ROOT) for p in (ROOT / "exercises").rglob("*") if p.is_file())
    produced = sorted(
        p.relative_to(course) for p in (course / "exercises").rglob("*") if p.is_file()
    )
    assert committed == produced
    for path in committed:
        assert filecmp.cmp(ROOT / path, course / path, shallow=False), (
            f"{path} differs from what `course release` writes: run it and commit the result"
        )


def test_release_leaves_no_gradebook_or_other_state_in_the_course(released):
    # nbgrader's generate_assignment records each assignment in a gradebook: a throwaway one
    # (course grade records it in its own grading folder, beside the grades)
    course, _ = released
    assert sorted(p.name for p in course.iterdir()) == [
        "exercises",
        "nbgrader_config.py",
        "solutions",
    ]


def test_nbgrader_validate_invert_fails_every_blank_student_version(released):
    course, _ = released
    blanks = sorted(str(p) for p in (course / "exercises").glob("*/*.ipynb"))
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", "validate", "--invert", *blanks],
        cwd=course,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Success! The notebook does not pass any tests.") == len(blanks)
    assert "PASSED ON" not in done.stdout


def test_release_of_an_unknown_assignment_names_the_real_ones(tmp_path):
    done = subprocess.run(
        [*COURSE, "release", "ps09", "--course", str(ROOT)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "No assignment 'ps09'" in done.stderr and "ps01-cluster-economics" in done.stderr


def test_commands_find_the_course_folder_they_are_run_in(tmp_path, monkeypatch):
    from course.grading.commands import course_root

    (tmp_path / "solutions" / "ps01").mkdir(parents=True)
    (tmp_path / "nbgrader_config.py").write_text("")
    monkeypatch.delenv("COURSE_ROOT", raising=False)
    monkeypatch.chdir(tmp_path / "solutions" / "ps01")
    assert course_root(None) == tmp_path.resolve()
    monkeypatch.chdir(tmp_path.parent)  # outside any course: this clone
    assert course_root(None) == ROOT
    monkeypatch.setenv("COURSE_ROOT", str(tmp_path))
    assert course_root(None) == tmp_path.resolve()
