"""The environment: pins agree, extensions are enabled, `import course` stays light."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib

import yaml

from tests.conftest import ROOT

HEAVY = ("seaborn", "sklearn", "pymrio", "ipywidgets", "matplotlib", "pandera")


def _normalise(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(_normalise(r) for r in requirements)


def _conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    from_pip = [d for d in pip_section if not d.startswith("-")]  # not the course itself
    pinned = dict(_normalise(d) for d in conda + from_pip)
    pinned.pop("pip")
    pinned.pop("python")
    return pinned


def test_environment_yml_pins_equal_pyproject():
    assert _conda_requirements() == _pyproject_requirements()


def test_environment_yml_python_matches_requires_python():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert f"python{project['requires-python']}" in env["dependencies"]


def test_nbgrader_caps_are_pinned():
    pins = _pyproject_requirements()
    assert pins["jupyterlab"].endswith("<5")
    assert pins["notebook"].endswith("<8")
    assert pins["jupyter-client"] == "<9"
    assert pins["nbgrader"].startswith(">=0.9")


def test_lab_extensions_of_nbgrader_widgets_and_jupytext_are_enabled():
    listing = subprocess.run(
        [sys.executable, "-m", "jupyter", "labextension", "list"],
        capture_output=True,
        text=True,
        check=True,
    )
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)  # drop colour codes
    for extension in ("@jupyter/nbgrader", "@jupyter-widgets/jupyterlab-manager", "jupytext"):
        line = next((ln for ln in text.splitlines() if extension in ln), "")
        assert "enabled" in line and "OK" in line, f"{extension} not enabled:\n{text}"


def test_course_kernel_is_registered_in_the_environment():
    listing = subprocess.run(
        [sys.executable, "-m", "jupyter", "kernelspec", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    spec = json.loads(listing.stdout)["kernelspecs"]["python3"]
    assert spec["spec"]["display_name"] == "Python 3 (cluster course)"
    assert spec["spec"]["argv"][0].startswith(sys.prefix)


def _probe(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def test_import_course_is_fast():
    timing = "import time; t = time.perf_counter(); import course; print(time.perf_counter() - t)"
    # best of three: the first import after installation also compiles bytecode
    seconds = min(float(_probe(timing)) for _ in range(3))
    assert seconds < 1.0, f"import course took {seconds:.2f} s"


def test_course_and_its_core_modules_do_not_import_heavy_libraries():
    # data, economics and checks are what every lesson imports first: they must stay light
    loaded = _probe(
        "import sys; import course; from course import data, economics, checks, readers; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    ).strip()
    assert loaded == "", f"importing the course's core loaded {loaded}"
