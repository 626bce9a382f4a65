"""The set-up: tools/bootstrap.py (all platforms), the materials in the wheel, offline installs."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import pytest

from course import cli, data, materials
from course.editions import answer_markers, folder_size
from tests.conftest import ROOT


def _bootstrap():
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "tools" / "bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bootstrap = _bootstrap()


# --- the bootstrap script: paths and commands on every platform -------------------------------


def test_environment_paths_on_windows_and_elsewhere():
    venv = Path("course-env")
    assert bootstrap.venv_python(venv, windows=True) == venv / "Scripts" / "python.exe"
    assert bootstrap.venv_script(venv, "course", windows=True) == venv / "Scripts" / "course.exe"
    assert bootstrap.venv_python(venv, windows=False) == venv / "bin" / "python"
    assert bootstrap.venv_script(venv, "course", windows=False) == venv / "bin" / "course"
    # the settings folder has the same shape in a Windows environment
    assert bootstrap.settings_dir(venv) == venv / "share" / "jupyter" / "lab" / "settings"


def test_learners_get_no_test_tools_and_contributors_do():
    python = Path("v") / "bin" / "python"
    lab = bootstrap.install_commands(python, project=ROOT)
    test = bootstrap.install_commands(python, project=ROOT, test=True)
    assert ["-e", str(ROOT)] == lab[1][-2:]
    assert test[1][-1] == f"{ROOT}[test]"
    for commands in (lab, test):
        kernel = commands[-1]
        assert kernel[1:4] == ["-m", "ipykernel", "install"] and "--sys-prefix" in kernel
        assert kernel[kernel.index("--display-name") + 1] == "Python 3 (cluster course)"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = " ".join(project["dependencies"])
    for tool in ("pytest", "hypothesis", "ruff", "pytest-benchmark", "ecomplexity"):
        assert tool not in runtime.split('"') and not runtime.startswith(tool)
        assert any(r.startswith(tool) for r in project["optional-dependencies"]["test"])
    assert any(r.startswith("jupyterlab") for r in project["dependencies"])


def test_offline_commands_never_ask_an_index():
    python = Path("p")
    for project in (None, ROOT):
        commands = bootstrap.install_commands(python, project=project, wheelhouse=Path("w"))
        pip_commands = [c for c in commands if c[1:3] == ["-m", "pip"]]
        assert pip_commands and all("--no-index" in c for c in pip_commands)
    alone = bootstrap.install_commands(python, project=None, wheelhouse=Path("w"))
    assert alone[0][-1] == "cluster-course" and "-e" not in alone[0]  # the wheel, not editable


def _fake_run(calls, windows):
    def run(command):
        calls.append(command)
        if command[1:3] == ["-m", "venv"]:  # make the environment's python appear
            python = bootstrap.venv_python(Path(command[3]), windows)
            python.parent.mkdir(parents=True)
            python.write_text("")

    return run


@pytest.mark.parametrize("windows", [True, False])
def test_setup_creates_installs_registers_and_stamps_once(tmp_path, monkeypatch, windows):
    project = tmp_path / "course"
    (project / "jupyter").mkdir(parents=True)
    (project / "course").mkdir()
    (project / "pyproject.toml").write_text("[project]\nname = 'cluster-course'\n")
    (project / "jupyter" / "overrides.json").write_text('{"a": 1}')
    calls = []
    real = bootstrap.is_windows
    monkeypatch.setattr(bootstrap, "is_windows", lambda w=None: windows if w is None else real(w))
    monkeypatch.setattr(bootstrap, "run", _fake_run(calls, windows))
    monkeypatch.setattr(
        bootstrap, "overrides_file", lambda p, here=None: p / "jupyter" / "overrides.json"
    )
    venv = tmp_path / "env"
    python = bootstrap.setup(venv, project=project)
    expected = venv / ("Scripts/python.exe" if windows else "bin/python")
    assert python == expected
    assert calls[0][1:] == ["-m", "venv", str(venv)]
    assert all(c[0] == str(expected) for c in calls[1:])
    assert (venv / ".installed-lab").exists() and not (venv / ".installed-test").exists()
    assert json.loads((bootstrap.settings_dir(venv) / "overrides.json").read_text()) == {"a": 1}
    calls.clear()
    bootstrap.setup(venv, project=project)  # up to date: nothing to do
    assert calls == []
    bootstrap.setup(venv, project=project, test=True)  # the test tools: a second stamp
    assert calls[1][-1] == f"{project}[test]" and (venv / ".installed-test").exists()
    calls.clear()
    bootstrap.setup(venv, project=project)  # a test set-up covers the lab one
    assert calls == []
    (project / "pyproject.toml").write_text("[project]\nname = 'cluster-course'\n# new\n")
    bootstrap.setup(venv, project=project)  # pyproject changed: set up again
    assert calls and calls[0][-1] != "venv"


def test_bootstrap_refuses_an_old_python_with_a_fix():
    message = bootstrap.check_python((3, 10, 12))
    assert "3.11 or newer" in message and "py -3.12" in message
    assert bootstrap.check_python((3, 11, 0)) is None


def test_bootstrap_knows_its_project_and_its_wheelhouse_copy(tmp_path):
    assert bootstrap.project_root() == ROOT
    assert bootstrap.project_root(tmp_path / "wheelhouse") is None
    assert bootstrap.default_venv(ROOT) == ROOT / ".venv"


def test_make_calls_the_same_set_up_with_two_stamps():
    makefile = (ROOT / "Makefile").read_text()
    assert "tools/bootstrap.py" in makefile
    rules = {
        line.split(":")[0]: line.split(":", 1)[1].split()
        for line in makefile.splitlines()
        if line and not line[0].isspace() and ":" in line and "=" not in line
    }
    assert rules["lab"] == ["setup"] and "setup-test" in rules["test"]
    assert "setup-test" in rules["lint"]
    recipe = makefile.split("setup-test:")[1].split("\n\n")[0]
    assert "--test" in recipe
    source = (ROOT / "tools" / "bootstrap.py").read_text()
    assert ".installed-lab" in source and ".installed-test" in source


def test_bootstrap_uses_only_the_standard_library():
    code = (
        "import sys; sys.argv = ['bootstrap', '--help']\n"
        f"import runpy\ntry: runpy.run_path({str(ROOT / 'tools' / 'bootstrap.py')!r}, "
        "run_name='__main__')\nexcept SystemExit: pass\n"
        "import sys as s; print('loaded:' + ','.join(sorted(m for m in s.modules if "
        "m.split('.')[0] in {'course', 'pip', 'jupyter_client', 'packaging', 'setuptools'})))"
    )
    result = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "loaded:"


def test_bootstrap_setup_refuses_options_it_would_ignore(capsys):
    with pytest.raises(SystemExit):
        bootstrap.main(["setup", "--instructor"])
    assert "options of `course lab` go after lab" in capsys.readouterr().err


# --- nbgrader's tools: the learner's, and the instructor's on request -------------------------

# nbgrader 0.9's JupyterLab plugins and server extensions (User guide, "Installation")
AUTHORING_PLUGINS = {"@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:formgrader",
                     "@jupyter/nbgrader:course-list"}  # fmt: skip
LEARNER_PLUGINS = {"@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:validate-assignment"}
AUTHORING_SERVER = {
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
}
LEARNER_SERVER = {"nbgrader.server_extensions.assignment_list",
                  "nbgrader.server_extensions.validate_assignment"}  # fmt: skip


def _tools(audience: str) -> tuple[dict, dict]:
    folder = ROOT / "jupyter" / audience
    plugins = json.loads((folder / "labconfig" / "page_config.json").read_text())
    server = json.loads((folder / "jupyter_server_config.json").read_text())
    return plugins["disabledExtensions"], server["ServerApp"]["jpserver_extensions"]


def test_learners_lose_the_authoring_tools_and_instructors_get_them_back():
    learner_plugins, learner_server = _tools("learner")
    instructor_plugins, instructor_server = _tools("instructor")
    assert learner_plugins == dict.fromkeys(AUTHORING_PLUGINS, True)  # disabled
    assert learner_server == dict.fromkeys(AUTHORING_SERVER, False)
    # the instructor's folder names the same tools with the opposite values: it only undoes
    assert instructor_plugins == {name: not off for name, off in learner_plugins.items()}
    assert instructor_server == {name: not on for name, on in learner_server.items()}
    assert not LEARNER_PLUGINS & set(learner_plugins) and not LEARNER_SERVER & set(learner_server)
    assert cli.LAB_TOOLS == {"learner": ROOT / "jupyter" / "learner",
                             "instructor": ROOT / "jupyter" / "instructor"}  # fmt: skip


def test_setup_installs_the_learner_tools_on_every_run(tmp_path, monkeypatch):
    project = tmp_path / "course"
    (project / "course").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[project]\nname = 'cluster-course'\n")
    learner = project / "jupyter" / "learner"
    (learner / "labconfig").mkdir(parents=True)
    for name in ("labconfig/page_config.json", "jupyter_server_config.json"):
        (learner / name).write_text((ROOT / "jupyter" / "learner" / name).read_text())
    monkeypatch.setattr(bootstrap, "run", _fake_run([], False))
    monkeypatch.setattr(bootstrap, "is_windows", lambda w=None: False if w is None else w)
    venv = tmp_path / "env"
    config = venv / "etc" / "jupyter"
    config.mkdir(parents=True)
    # something else the environment had enabled stays enabled
    mine = {"ServerApp": {"jpserver_extensions": {"my_extension": True}}}
    (config / "jupyter_server_config.json").write_text(json.dumps(mine))
    bootstrap.setup(venv, project=project)
    server = json.loads((config / "jupyter_server_config.json").read_text())
    assert server["ServerApp"]["jpserver_extensions"] == {
        "my_extension": True,
        **dict.fromkeys(AUTHORING_SERVER, False),
    }
    plugins = json.loads((config / "labconfig" / "page_config.json").read_text())
    assert plugins["disabledExtensions"] == dict.fromkeys(AUTHORING_PLUGINS, True)
    # somebody enabled the formgrader in the environment: the next set-up, even with nothing
    # to install, gives the learner the learner's tools again
    server["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] = True
    (config / "jupyter_server_config.json").write_text(json.dumps(server))
    assert bootstrap.up_to_date(venv, project, False, None)
    bootstrap.setup(venv, project=project)
    again = json.loads((config / "jupyter_server_config.json").read_text())
    assert (
        again["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False
    )


def test_course_lab_instructor_puts_the_instructors_folder_first(tmp_path, capsys):
    env = cli.lab_environment(instructor=True, environ={"JUPYTER_CONFIG_PATH": "elsewhere"})
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(cli.LAB_TOOLS["instructor"]),
                                                             "elsewhere"]  # fmt: skip
    env = cli.lab_environment(environ={})
    assert env["JUPYTER_CONFIG_PATH"] == str(cli.LAB_TOOLS["learner"])
    before = dict(os.environ)
    assert (
        cli.main(["lab", "--dir", str(tmp_path), "--no-browser", "--dry-run", "--instructor"]) == 0
    )
    assert "tools: instructor" in capsys.readouterr().out
    assert dict(os.environ) == before  # a dry run changes nothing in this process


# What JupyterLab and Jupyter Server would load, computed by their own code: the page config's
# disabled plugins and the server extensions, for the environment the tests run in.
_EFFECTIVE = """
import json, os, sys
from jupyter_core.paths import jupyter_path
from jupyterlab.commands import get_app_dir
from jupyterlab_server.config import get_page_config
from jupyter_server.serverapp import ServerApp
found = {}
for name, config_path in json.loads(sys.argv[1]).items():
    os.environ.pop("JUPYTER_CONFIG_PATH", None)
    if config_path:
        os.environ["JUPYTER_CONFIG_PATH"] = config_path
    page = get_page_config(jupyter_path("labextensions"), os.path.join(get_app_dir(), "settings"))
    app = ServerApp()
    app.load_config_file()
    app.find_server_extensions()
    found[name] = {"disabled": sorted(page["disabledExtensions"]),
                   "server": {k: v for k, v in app.jpserver_extensions.items() if "nbgrader" in k}}
print(json.dumps(found))
"""


@pytest.mark.slow
def test_the_effective_jupyter_config_gives_learners_the_learners_tools(tmp_path):
    modes = {
        "environment": "",  # plain `jupyter lab` in the set-up's environment
        "course lab": cli.lab_environment(environ={})["JUPYTER_CONFIG_PATH"],
        "course lab --instructor": cli.lab_environment(instructor=True, environ={})[
            "JUPYTER_CONFIG_PATH"
        ],
    }
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path)}  # no user settings of this machine
    result = subprocess.run([sys.executable, "-c", _EFFECTIVE, json.dumps(modes)], env=env,
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    for mode in ("environment", "course lab"):
        learner = found[mode]
        fix = "the environment lacks the learner's tools: run `make setup-test` again"
        assert set(learner["disabled"]) >= AUTHORING_PLUGINS, (mode, fix)
        assert not LEARNER_PLUGINS & set(learner["disabled"]), mode
        assert {k for k, on in learner["server"].items() if on} == LEARNER_SERVER, (mode, fix)
    instructor = found["course lab --instructor"]
    assert not (AUTHORING_PLUGINS | LEARNER_PLUGINS) & set(instructor["disabled"])
    assert {k for k, on in instructor["server"].items() if on} == AUTHORING_SERVER | LEARNER_SERVER


# --- the materials: what an installed copy carries and opens ----------------------------------


def test_materials_leave_out_instructor_notes_and_leftovers(tmp_path):
    for name in (
        "modules/01/01.ipynb",
        "modules/01/instructor-notes.md",
        "modules/01/.ipynb_checkpoints/01-checkpoint.ipynb",
        "modules/01/01.executed.ipynb",
        "exercises/ps01/ps01.ipynb",
        "datasets/datapackage.json",
        "solutions/ps01/ps01.ipynb",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.as_posix() for p in materials.learner_files(tmp_path)]
    assert found == [
        "datasets/datapackage.json",
        "exercises/ps01/ps01.ipynb",
        "modules/01/01.ipynb",
    ]


def test_prepare_workdir_copies_the_materials_and_keeps_the_learners_work(tmp_path):
    mine = tmp_path / "modules" / "00-start" / "00-start.ipynb"
    mine.parent.mkdir(parents=True)
    mine.write_text("my notes")
    copied = materials.prepare_workdir(tmp_path)
    assert mine.read_text() == "my notes"
    assert Path("modules/00-start/00-start.ipynb") not in copied
    assert (tmp_path / "exercises" / "ps01-cluster-economics" / "ps01.ipynb").exists()
    assert (tmp_path / "datasets" / "datapackage.json").exists()
    assert not (tmp_path / "solutions").exists()
    assert materials.prepare_workdir(tmp_path) == []  # nothing new the second time


def test_datasets_dir_prefers_course_data_dir_then_the_packaged_copy(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_DATA_DIR", raising=False)
    assert data.datasets_dir() == ROOT / "datasets"  # a clone: its own folder
    packaged = tmp_path / "_materials"
    (packaged / "modules").mkdir(parents=True)
    monkeypatch.setattr(materials, "PACKAGED", packaged)
    assert data.datasets_dir() == packaged / "datasets"  # an installed copy: inside the package
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path / "mine"))
    assert data.datasets_dir() == tmp_path / "mine"


def test_course_lab_dry_run_opens_a_working_folder_without_solutions(tmp_path, capsys):
    work = tmp_path / "work"
    assert cli.main(["lab", "--dir", str(work), "--no-browser", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"--ServerApp.root_dir={work}" in out
    assert (work / "modules" / "00-start" / "00-start.ipynb").exists()
    assert not (work / "solutions").exists()


# --- the wheel and the offline install --------------------------------------------------------


@pytest.mark.slow
def test_the_wheel_carries_the_learners_materials_and_no_answers(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    (wheel,) = tmp_path.glob("cluster_course-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        texts = {n: archive.read(n).decode("utf-8", "replace") for n in names if "_materials" in n}
    prefix = "course/_materials/"
    for expected in (
        "datasets/datapackage.json",
        "datasets/regional_employment.csv",
        "modules/00-start/00-start.ipynb",
        "modules/01-cluster-economics/01-cluster-economics.ipynb",
        "exercises/ps01-cluster-economics/ps01.ipynb",
    ):
        assert prefix + expected in names
    assert not [n for n in names if "solutions" in n or "instructor" in n or "/tests/" in n]
    assert not {n: answer_markers(t) for n, t in texts.items() if answer_markers(t)}


def _offline_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "COURSE_"))}
    dead = "http://127.0.0.1:9"  # any attempt to reach the network fails at once
    env |= {"HTTP_PROXY": dead, "HTTPS_PROXY": dead, "http_proxy": dead, "https_proxy": dead}
    env |= {"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "NO_COLOR": "1"}
    env |= {"COURSE_WORKDIR": str(tmp_path / "work"), "JUPYTER_PLATFORM_DIRS": "1"}
    env["HOME"] = str(tmp_path / "home")
    env.pop("PYTHONPATH", None)
    env.pop("JUPYTER_PATH", None)
    return env


@pytest.mark.slow
def test_wheelhouse_installs_offline_and_the_installed_copy_works(tmp_path):
    timings = {}
    wheelhouse = tmp_path / "wheelhouse"
    start = time.monotonic()
    built = subprocess.run(
        [sys.executable, "-m", "course.cli", "wheelhouse", str(wheelhouse), "--this-platform"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    timings["wheelhouse"] = time.monotonic() - start
    assert (wheelhouse / "bootstrap.py").exists() and (wheelhouse / "INSTALL.txt").exists()
    assert list(wheelhouse.glob("hatchling-*.whl"))

    # the USB-stick route: the wheelhouse's own bootstrap, no network, no project next to it
    env = _offline_env(tmp_path)
    venv = tmp_path / "env"
    start = time.monotonic()
    setup = subprocess.run(
        [sys.executable, str(wheelhouse / "bootstrap.py"), "setup", "--venv", str(venv)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert setup.returncode == 0, setup.stdout[-3000:] + setup.stderr[-3000:]
    timings["offline install"] = time.monotonic() - start
    python = venv / "bin" / "python"
    # the learner's tools, from the wheelhouse's copy of jupyter/learner
    plugins = json.loads((venv / "etc/jupyter/labconfig/page_config.json").read_text())
    assert set(plugins["disabledExtensions"]) == AUTHORING_PLUGINS

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    load_all = (
        "import json, course\nfrom course import data\n"
        "names = data.list_datasets()['name'].tolist()\n"
        "shapes = {n: data.load(n).shape for n in names}\n"
        "print(json.dumps({'dir': str(data.datasets_dir()), 'course': course.__file__, "
        "'n': len(shapes)}))"
    )
    loaded = subprocess.run(
        [str(python), "-c", load_all], capture_output=True, text=True, env=env, cwd=elsewhere
    )
    assert loaded.returncode == 0, loaded.stderr
    found = json.loads(loaded.stdout)
    site = str(venv.resolve())
    assert found["course"].startswith(site) and found["dir"].startswith(site)  # not the clone
    assert found["n"] == len(data.list_datasets())

    lab = subprocess.run(
        [str(venv / "bin" / "course"), "lab", "--no-browser", "--dry-run"],
        capture_output=True,
        text=True,
        env=env,
        cwd=elsewhere,
    )
    assert lab.returncode == 0, lab.stderr
    work = tmp_path / "work"
    assert f"--ServerApp.root_dir={work}" in lab.stdout
    for path in (
        "modules/00-start/00-start.ipynb",
        "modules/01-cluster-economics/01-cluster-economics.ipynb",
        "exercises/ps01-cluster-economics/ps01.ipynb",
        "datasets/datapackage.json",
    ):
        assert (work / path).exists(), path
    assert not (work / "solutions").exists()
    assert not [p for p in work.rglob("*") if "instructor" in p.name]

    start = time.monotonic()
    doctor = subprocess.run(
        [str(venv / "bin" / "course"), "doctor"], capture_output=True, text=True, env=env
    )
    timings["doctor"] = time.monotonic() - start
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    size = folder_size(wheelhouse) / 1e6
    print(f"\nwheelhouse {size:.0f} MB; " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
