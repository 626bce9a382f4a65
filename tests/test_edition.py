"""The learner edition: no answers inside, and it sets up and runs module 1 on its own."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import nbformat
import pytest

from course import cli, editions
from tests.conftest import ROOT

# the markers nbgrader puts around answers (solutions, hidden tests, mark schemes)
MARKERS = ("BEGIN HIDDEN TESTS", "BEGIN SOLUTION", "BEGIN MARK SCHEME")


def _fake_project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_the_builder_refuses_answers_wherever_they_are(tmp_path):
    project = _fake_project(
        tmp_path / "p",
        {
            "pyproject.toml": "",
            "modules/01/01.ipynb": "{}",
            "exercises/ps01/ps01.ipynb": '{"source": "### ' + MARKERS[1] + '"}',
        },
    )
    with pytest.raises(editions.EditionError, match="exercises/ps01/ps01.ipynb: contains"):
        editions.build_learner_edition(tmp_path / "out.zip", root=project)
    assert not (tmp_path / "out.zip").exists()
    with pytest.raises(editions.EditionError, match="solutions/"):
        editions.check_bundle(project, [Path("solutions/ps01/ps01.ipynb")])
    with pytest.raises(editions.EditionError, match="docs/"):
        editions.check_bundle(project, [Path("docs/instructors/01-cluster-economics.md")])


def test_bundle_files_leave_out_instructor_material():
    files = {p.as_posix() for p in editions.bundle_files(ROOT)}
    assert {"tools/bootstrap.py", "pyproject.toml", "hatch_build.py", "course/data.py"} <= files
    assert "modules/00-start/00-start.ipynb" in files
    assert not [f for f in files if f.startswith(("solutions/", "docs/", "tests/"))]
    assert "nbgrader_config.py" not in files and "gradebook.db" not in files
    assert not [f for f in files if "instructor" in f or "__pycache__" in f]


@pytest.mark.slow
def test_learner_bundle_holds_no_answers_and_runs_module_1(tmp_path, monkeypatch, capsys):
    bundle = tmp_path / "learner.zip"
    assert cli.main(["edition", str(bundle)]) == 0
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        assert all(n.startswith("cluster-course/") for n in names)
        inside = [n.removeprefix("cluster-course/") for n in names]
        for banned in ("solutions/", "docs/", "tests/", "gradebook.db", "nbgrader_config.py"):
            assert not [n for n in inside if n.startswith(banned)], banned
        assert not [n for n in inside if "instructor" in n.lower()]
        notebooks = [n for n in names if n.endswith((".ipynb", ".md", ".pct.py"))]
        assert any(n.endswith("exercises/ps01-cluster-economics/ps01.ipynb") for n in notebooks)
        for name in notebooks:
            text = archive.read(name).decode("utf-8")
            assert not [m for m in MARKERS if m in text], name
        archive.extractall(tmp_path)
    unpacked = tmp_path / "cluster-course"
    for needed in ("tools/bootstrap.py", "pyproject.toml", "hatch_build.py", "Makefile",
                   "binder/postBuild", "jupyter/overrides.json", "datasets/datapackage.json",
                   "modules/00-start/00-start.ipynb"):  # fmt: skip
        assert (unpacked / needed).exists(), needed

    # it sets up: its own bootstrap knows it as the project, its pyproject builds the course
    setup = subprocess.run(
        [sys.executable, str(unpacked / "tools" / "bootstrap.py"), "--help"],
        capture_output=True,
        text=True,
    )
    assert setup.returncode == 0 and "wheelhouse" in setup.stdout

    # and runs module 1 against its own copy of the library (this venv for the libraries)
    lesson = unpacked / "modules" / "01-cluster-economics" / "01-cluster-economics.ipynb"
    notebook = nbformat.read(lesson, as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            "import course\nfrom course import data\nprint(course.__file__)\n"
            "print(data.datasets_dir())"
        )
    )
    monkeypatch.setenv("PYTHONPATH", str(unpacked))
    monkeypatch.delenv("COURSE_DATA_DIR", raising=False)
    from nbclient import NotebookClient

    start = time.monotonic()
    NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=600,
        resources={"metadata": {"path": str(lesson.parent)}},
    ).execute()
    seconds = time.monotonic() - start
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    printed = notebook.cells[-1].outputs[0]["text"].split()
    assert printed[0] == str(unpacked / "course" / "__init__.py")
    assert printed[1] == str(unpacked / "datasets")
    with capsys.disabled():
        print(f"\nmodule 1 from the learner bundle: {seconds:.0f} s")


def test_the_learner_edition_has_its_own_readme_and_no_dead_links():
    import posixpath
    import re

    files = {p.as_posix() for p in editions.bundle_files(ROOT)}
    folders = {posixpath.dirname(f) for f in files}
    folders |= {f.rsplit("/", n)[0] for f in files for n in range(1, f.count("/") + 1)}
    readme = editions.source_of(ROOT, Path("README.md")).read_text(encoding="utf-8")
    assert "learner edition" in readme and "tools/learner-README.md" not in files
    dead = []
    for name in sorted(f for f in files if f.endswith(".md")):
        text = editions.source_of(ROOT, Path(name)).read_text(encoding="utf-8")
        text = re.sub(r"```.*?```", "", text, flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:|#", target):
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname(name), target.split("#")[0]))
            if path not in files and path.rstrip("/") not in folders:
                dead.append(f"{name} -> {target}")
    assert not dead, f"links that lead nowhere in the learner edition: {dead}"
