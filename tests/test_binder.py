"""Binder and hub images cannot be built here: check their files for the rules that make them work."""

from __future__ import annotations

import json
import os
import re
import tomllib

import pytest
import yaml

from tests.conftest import ROOT
from tests.test_environment import _normalise

BINDER = ROOT / "binder"


def _runtime_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return dict(_normalise(r) for r in project["dependencies"])


def test_binder_environment_has_an_exact_python_minor_and_the_learners_pins():
    env = yaml.safe_load((BINDER / "environment.yml").read_text())
    deps = env["dependencies"]
    pythons = [d for d in deps if isinstance(d, str) and d.startswith("python")]
    assert len(pythons) == 1 and re.fullmatch(r"python=3\.1[1-3]", pythons[0]), pythons
    pins = dict(_normalise(d) for d in deps if isinstance(d, str) and d not in pythons)
    pins.pop("pip")
    assert pins == _runtime_pins()  # the learner's libraries, not the test tools


def test_binder_environment_installs_no_course_from_the_file():
    # repo2docker builds the environment before it copies the repository (#1265)
    env = yaml.safe_load((BINDER / "environment.yml").read_text())
    pip = [d for d in env["dependencies"] if isinstance(d, dict)]
    lines = [line for section in pip for line in section.get("pip", [])]
    assert not [line for line in lines if "-e" in line.split() or line.strip() in (".", "..")]


def test_binder_post_build_installs_the_course_kernel_and_settings():
    post_build = BINDER / "postBuild"
    assert os.access(post_build, os.X_OK)
    text = post_build.read_text()
    assert text.startswith("#!/bin/bash") and "set -euo pipefail" in text
    install = next(ln for ln in text.splitlines() if "pip install" in ln)
    assert " -e " not in install and install.rstrip().endswith(" .")  # non-editable
    assert '--sys-prefix --name python3 --display-name "Python 3 (cluster course)"' in text
    assert "jupyter/overrides.json" in text and "share/jupyter/lab/settings" in text


def test_binder_start_opens_the_learners_folder():
    start = BINDER / "start"
    assert os.access(start, os.X_OK)
    text = start.read_text()
    assert "course lab" in text and "--dry-run" in text and text.rstrip().endswith('exec "$@"')


def _stages(dockerfile: str) -> list[str]:
    return re.split(r"(?m)^FROM ", dockerfile)[1:]


def test_hub_image_installs_only_the_wheel_with_kernel_and_settings():
    text = (ROOT / "Dockerfile").read_text()
    build, final = _stages(text)
    assert "AS build" in build.splitlines()[0] and "--wheel" in build
    # the final stage gets the wheel, never the source tree (solutions stay out of every layer)
    copies = [ln for ln in final.splitlines() if ln.startswith("COPY")]
    assert not [ln for ln in copies if re.match(r"COPY\s+\.\s", ln)]
    assert any("--from=build" in ln for ln in copies)
    assert "cluster_course-*.whl" in final and "pip install -e" not in final
    assert '--sys-prefix --name python3 --display-name "Python 3 (cluster course)"' in final
    assert "overrides.json" in final and "share/jupyter/lab/settings" in final
    binder_python = yaml.safe_load((BINDER / "environment.yml").read_text())["dependencies"]
    minor = next(d for d in binder_python if str(d).startswith("python=")).split("=")[1]
    assert f"ARG PYTHON_VERSION={minor}" in text  # the same Python as Binder
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {"solutions", ".venv", ".git", "gradebook.db"} <= set(ignored)


def test_hub_start_hook_prepares_the_working_folder_without_exec():
    hook = ROOT / "jupyter" / "hub-before-notebook.sh"
    assert hook.name in (ROOT / "Dockerfile").read_text()
    text = hook.read_text()
    assert "course lab --dir" in text and "--dry-run" in text
    code = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert not [ln for ln in code if ln.startswith(("exec", "exit"))]  # the hook is sourced


def _learner_copies(script: str) -> list[tuple[str, str]]:
    """(source, destination) of each learner config file that a build script copies."""
    copies = re.findall(r"cp (\S*learner/\S+) (\S+)", script)
    assert len(copies) == 2, copies
    return copies


@pytest.mark.parametrize("script", ["binder/postBuild", "Dockerfile"])
def test_binder_and_hub_image_give_learners_tools_only(script, tmp_path):
    # the .d folders hold defaults: nbgrader's own file enables its authoring tools there, and
    # the course's file, named last, must win (read as Jupyter Server and JupyterLab read them)
    from jupyter_server.config_manager import BaseJSONConfigManager

    etc = tmp_path / "etc" / "jupyter"
    server_d = etc / "jupyter_server_config.d"
    server_d.mkdir(parents=True)
    nbgrader_on = {"ServerApp": {"jpserver_extensions": {
        "nbgrader.server_extensions.formgrader": True,
        "nbgrader.server_extensions.course_list": True,
        "nbgrader.server_extensions.validate_assignment": True}}}  # fmt: skip
    (server_d / "nbgrader.json").write_text(json.dumps(nbgrader_on))
    for source, destination in _learner_copies((ROOT / script).read_text()):
        source = ROOT / "jupyter" / "learner" / source.split("learner/", 1)[1]
        target = etc / re.split(r"etc/jupyter/|\$etc/", destination.strip('"'), maxsplit=1)[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.read_text())
    server = BaseJSONConfigManager(config_dir=str(etc)).get("jupyter_server_config")
    enabled = server["ServerApp"]["jpserver_extensions"]
    assert enabled["nbgrader.server_extensions.formgrader"] is False
    assert enabled["nbgrader.server_extensions.course_list"] is False
    assert enabled["nbgrader.server_extensions.validate_assignment"] is True
    page = BaseJSONConfigManager(config_dir=str(etc / "labconfig")).get("page_config")
    assert page["disabledExtensions"]["@jupyter/nbgrader:create-assignment"] is True
