"""`course doctor`: every check on its own, then the whole run in the course environment."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

from course import cli, doctor
from tests.conftest import ROOT


def test_python_check():
    assert doctor.check_python((3, 11, 0)).ok
    old = doctor.check_python((3, 9, 18))
    assert not old.ok and "3.11 or newer" in old.detail and "python.org" in old.fix


def test_environment_check_passes_here_and_names_what_is_missing():
    assert doctor.check_environment().ok
    broken = doctor.check_environment(["numpy>=1.26", "no-such-library-xyz>=1", "pandas<0.1"])
    assert not broken.ok
    assert "no-such-library-xyz is missing" in broken.detail and "pandas" in broken.detail
    assert "bootstrap.py setup" in broken.fix


def test_kernel_check_passes_in_the_course_environment():
    check = doctor.check_kernel()
    assert check.ok, check


def test_kernel_check_fails_with_the_fix_when_the_kernel_is_missing():
    check = doctor.check_kernel(lookup=lambda: None)
    assert not check.ok and "not registered" in check.detail
    assert "-m ipykernel install --sys-prefix --name python3" in check.fix
    assert sys.executable in check.fix  # this environment's Python, on every platform


def test_kernel_check_fails_when_another_python3_kernel_shadows_it(tmp_path, monkeypatch):
    # a kernel of another Python earlier on the Jupyter path (e.g. a user-wide registration)
    spec_dir = tmp_path / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    spec = {"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (ipykernel)", "language": "python"}  # fmt: skip
    (spec_dir / "kernel.json").write_text(json.dumps(spec))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path))
    check = doctor.check_kernel()
    assert not check.ok and "Python 3 (ipykernel)" in check.detail
    assert "ipykernel install" in check.fix
    # the same spec under the course's name but another Python: still not ours
    spec["display_name"] = doctor.KERNEL_DISPLAY_NAME
    (spec_dir / "kernel.json").write_text(json.dumps(spec))
    check = doctor.check_kernel()
    assert not check.ok and "/usr/bin/python3" in check.detail


@pytest.mark.parametrize(
    ("listing", "problem"),
    [
        ("@jupyter/nbgrader v0.9.6 enabled OK\n@jupyter-widgets/jupyterlab-manager v5 enabled OK", None),
        ("@jupyter-widgets/jupyterlab-manager v5 enabled OK", "@jupyter/nbgrader missing"),
        ("@jupyter/nbgrader v0.9.6 disabled OK\n@jupyter-widgets/jupyterlab-manager v5 enabled OK",
         "@jupyter/nbgrader not enabled"),
        ("@jupyter/nbgrader v0.9.6 enabled X\n@jupyter-widgets/jupyterlab-manager v5 enabled OK",
         "@jupyter/nbgrader not enabled"),
    ],
)  # fmt: skip
def test_lab_extension_check(listing, problem):
    check = doctor.check_lab_extensions(listing)
    assert check.ok == (problem is None)
    if problem:
        assert problem in check.detail and "labextension enable" in check.fix


def test_data_check_passes_and_fails_on_a_damaged_file(tmp_path, monkeypatch):
    assert doctor.check_data().ok
    shutil.copytree(ROOT / "datasets", tmp_path / "data")
    nace = tmp_path / "data" / "nace.csv"
    nace.write_bytes(nace.read_bytes()[:-40])  # an interrupted copy
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path / "data"))
    check = doctor.check_data()
    assert not check.ok and "nace.csv" in check.detail and "cut short" in check.detail
    assert "reinstall" in check.fix and "COURSE_DATA_DIR" in check.fix


def test_port_check():
    assert doctor.check_port(free=lambda port: True).detail == "8888 is free"
    moved = doctor.check_port(free=lambda port: port > 8889)
    assert moved.ok and "8890" in moved.detail
    closed = doctor.check_port(free=lambda port: False)
    assert not closed.ok and "jupyter server stop" in closed.fix
    assert doctor._port_free(0)  # the real probe binds on 127.0.0.1


def test_workdir_check(tmp_path):
    assert doctor.check_workdir(tmp_path / "new").ok
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    check = doctor.check_workdir(blocker / "inside")  # cannot be created (as root too)
    assert not check.ok and "course lab --dir" in check.fix


def test_render_colours_only_when_asked():
    red = doctor.render(doctor.Check("Kernel", False, "missing", "fix it"), colour=True)
    assert "\x1b[1;31mFIX\x1b[0m" in red and "-> fix it" in red
    green = doctor.render(doctor.Check("Python", True, "3.11"), colour=True)
    assert "\x1b[1;32m" in green and "->" not in green


def test_course_doctor_passes_in_the_course_environment(tmp_path, capsys):
    code = cli.main(["doctor", "--dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.count("  OK ") == 7 and "FIX" not in out


def test_course_doctor_fails_with_a_fix_when_the_kernel_is_missing(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(doctor, "_kernel_spec", lambda name=doctor.KERNEL_NAME: None)
    monkeypatch.setattr(doctor, "_labextension_listing", lambda: "@jupyter/nbgrader enabled OK")
    code = cli.main(["doctor", "--dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "FIX  Kernel: the course kernel (Python 3 (cluster course)) is not registered" in out
    assert "-> Register it:" in out and "ipykernel install" in out
    assert "need a fix" in out.splitlines()[-1]
