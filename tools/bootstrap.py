#!/usr/bin/env python3
"""Set up the course and open it: the one set-up behind `make lab`, on Linux, macOS and Windows.

Standard library only, so that it runs on a bare Python 3.11+ with nothing else installed:

    python3 tools/bootstrap.py lab       Linux, macOS (what `make lab` runs)
    py tools\\bootstrap.py lab            Windows (no make, no WSL needed)
    python3 tools/bootstrap.py doctor    set up, then check the laptop (`course doctor`)
    python3 tools/bootstrap.py lab --instructor   with nbgrader's authoring tools (instructors)
    python3 tools/bootstrap.py setup --test   the contributors' set-up (`make test` adds the test tools)
    python3 tools/bootstrap.py lab --wheelhouse E:/wheelhouse   offline, from a USB stick

It creates a private environment (`.venv/` in the project), installs the course and JupyterLab
into it (the test tools only with --test), registers the "Python 3 (cluster course)" kernel and
installs the course's JupyterLab settings (jupyter/overrides.json) and the learner's tools
(jupyter/learner/: nbgrader's assignment list and Validate, not its authoring tools; `lab
--instructor` passes --instructor to `course lab`, which adds them). A stamp file in
the environment records what was installed (`.installed-lab`, `.installed-test`), so running it
again skips the installation unless pyproject.toml or the settings changed.

With --wheelhouse DIR nothing is downloaded (pip --no-index --find-links DIR): in a clone or a
learner bundle the course is installed from its folder, as online; from a wheelhouse folder alone
(the copy of this script that `course wheelhouse` puts there) the course's wheel is installed,
and `course lab` opens a working folder with the learner's materials.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

MINIMUM_PYTHON = (3, 11)
KERNEL_NAME = "python3"
KERNEL_DISPLAY_NAME = "Python 3 (cluster course)"
DISTRIBUTION = "cluster-course"
HERE = Path(__file__).resolve().parent


def project_root(start: Path = HERE) -> Path | None:
    """The course project (a clone or a learner bundle) this script belongs to, if any."""
    root = start.parent
    if start.name != "tools":  # e.g. the copy of this script in a wheelhouse folder
        return None
    if (root / "pyproject.toml").is_file() and (root / "course").is_dir():
        return root
    return None


def is_windows(windows: bool | None = None) -> bool:
    return os.name == "nt" if windows is None else windows


def venv_bin(venv: Path, windows: bool | None = None) -> Path:
    """The folder of a virtual environment's programs: ``Scripts`` on Windows, else ``bin``.

    >>> venv_bin(Path("env"), windows=True).as_posix(), venv_bin(Path("env"), windows=False).as_posix()
    ('env/Scripts', 'env/bin')
    """
    return venv / ("Scripts" if is_windows(windows) else "bin")


def venv_python(venv: Path, windows: bool | None = None) -> Path:
    """The environment's Python: ``Scripts\\python.exe`` on Windows, ``bin/python`` elsewhere."""
    return venv_bin(venv, windows) / ("python.exe" if is_windows(windows) else "python")


def venv_script(venv: Path, name: str, windows: bool | None = None) -> Path:
    """A console script installed in the environment (``course``, ``jupyter``, ``ruff``)."""
    return venv_bin(venv, windows) / (f"{name}.exe" if is_windows(windows) else name)


def default_venv(project: Path | None) -> Path:
    """``.venv`` in the project; from a wheelhouse alone, ``~/cluster-course/.venv``."""
    return project / ".venv" if project is not None else Path.home() / "cluster-course" / ".venv"


def overrides_file(project: Path | None, here: Path = HERE) -> Path | None:
    """The course's JupyterLab settings: the project's jupyter/overrides.json, or a copy here."""
    for candidate in ([project / "jupyter" / "overrides.json"] if project else []) + [
        here / "overrides.json"
    ]:
        if candidate.is_file():
            return candidate
    return None


def learner_config(project: Path | None, here: Path = HERE) -> Path | None:
    """The Jupyter configuration of the learner's tools: the project's jupyter/learner, or a
    copy here (in a wheelhouse folder)."""
    for candidate in ([project / "jupyter" / "learner"] if project else []) + [here / "learner"]:
        if candidate.is_dir():
            return candidate
    return None


def config_dir(venv: Path) -> Path:
    """The environment's own Jupyter configuration folder (``--sys-prefix`` level), where
    ``jupyter labextension disable --level=sys_prefix`` and ``jupyter server extension disable
    --sys-prefix`` write (same on every platform)."""
    return venv / "etc" / "jupyter"


def merge_config(source: Path, target: Path) -> list[Path]:
    """Merge every JSON file under ``source`` into the same file under ``target``: its keys
    win, keys it does not name stay. Return the files written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     source, target = Path(tmp, "mode"), Path(tmp, "env")
    ...     source.mkdir(); target.mkdir()
    ...     _ = (source / "c.json").write_text('{"ServerApp": {"x": {"a": false}}}')
    ...     _ = (target / "c.json").write_text('{"ServerApp": {"x": {"a": true, "b": true}}}')
    ...     _ = merge_config(source, target)
    ...     json.loads((target / "c.json").read_text())
    {'ServerApp': {'x': {'a': False, 'b': True}}}
    """
    written = []
    for path in sorted(source.rglob("*.json")):
        destination = target / path.relative_to(source)
        current = {}
        if destination.is_file() and destination.read_text(encoding="utf-8").strip():
            current = json.loads(destination.read_text(encoding="utf-8"))
        _deep_update(current, json.loads(path.read_text(encoding="utf-8")))
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
        written.append(destination)
    return written


def _deep_update(current: dict, new: dict) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(current.get(key), dict):
            _deep_update(current[key], value)
        else:
            current[key] = value


def settings_dir(venv: Path) -> Path:
    """Where JupyterLab reads its settings overrides in an environment (same on every platform)."""
    return venv / "share" / "jupyter" / "lab" / "settings"


def stamp_file(venv: Path, test: bool) -> Path:
    return venv / (".installed-test" if test else ".installed-lab")


def fingerprint(project: Path | None, test: bool, wheelhouse: Path | None) -> str:
    """What a set-up depends on: the project's pyproject.toml, the settings, the kind of set-up."""
    digest = hashlib.sha256(f"test={test} wheelhouse={wheelhouse}".encode())
    inputs = [project / "pyproject.toml"] if project else []
    overrides = overrides_file(project)
    inputs += [overrides] if overrides else []
    if project is None and wheelhouse is not None:
        inputs += sorted(wheelhouse.glob("cluster_course-*.whl"))
    for path in inputs:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def up_to_date(venv: Path, project: Path | None, test: bool, wheelhouse: Path | None) -> bool:
    """True when the set-up asked for is already done (a test set-up also covers the lab one)."""
    if not venv_python(venv).exists():
        return False
    kinds = [True] if test else [False, True]
    for kind in kinds:
        stamp = stamp_file(venv, kind)
        if stamp.exists() and stamp.read_text().strip() == fingerprint(project, kind, wheelhouse):
            return True
    return False


def install_commands(
    python: Path,
    *,
    project: Path | None,
    test: bool = False,
    wheelhouse: Path | None = None,
) -> list[list[str]]:
    """The pip and ipykernel commands of a set-up, in order (no shell: every platform alike).

    >>> commands = install_commands(Path("v/bin/python"), project=Path("c"), test=False)
    >>> [c[3:] for c in commands[:2]]
    [['install', '--upgrade', 'pip>=24'], ['install', '-e', 'c']]
    >>> install_commands(Path("v/bin/python"), project=Path("c"), test=True)[1][-1]
    'c[test]'
    >>> offline = install_commands(Path("p"), project=None, wheelhouse=Path("w"))
    >>> offline[0][3:]
    ['install', '--no-index', '--find-links', 'w', 'cluster-course']
    """
    pip = [str(python), "-m", "pip"]
    extras = "[test]" if test else ""
    commands = []
    if wheelhouse is None:
        commands.append([*pip, "install", "--upgrade", "pip>=24"])
        commands.append([*pip, "install", "-e", f"{project}{extras}"])
    else:
        offline = ["--no-index", "--find-links", str(wheelhouse)]
        if project is not None:
            commands.append([*pip, "install", *offline, "-e", f"{project}{extras}"])
        else:
            commands.append([*pip, "install", *offline, f"{DISTRIBUTION}{extras}"])
    commands.append(
        [str(python), "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL_NAME]
        + ["--display-name", KERNEL_DISPLAY_NAME]
    )
    return commands


def check_python(version: tuple = tuple(sys.version_info)) -> str | None:
    """None when this Python can run the course, else what to do.

    >>> check_python((3, 12, 1)) is None
    True
    >>> check_python((3, 10, 4))[:44]
    'Python 3.11 or newer is needed, found 3.10.4'
    """
    if tuple(version[:2]) >= MINIMUM_PYTHON:
        return None
    found = ".".join(str(part) for part in version[:3])
    return (
        f"Python 3.11 or newer is needed, found {found}. Install it from python.org "
        "(Windows, macOS) or your package manager (Linux), then run this again with it, "
        "e.g. `py -3.12 tools\\bootstrap.py lab` (Windows) or `python3.12 tools/bootstrap.py lab`."
    )


def run(command: list[str]) -> None:
    print("+ " + " ".join(command), flush=True)
    subprocess.run(command, check=True)


def setup(
    venv: Path, *, project: Path | None, test: bool = False, wheelhouse: Path | None = None
) -> Path:
    """Create the environment if needed, install, register the kernel; return its Python."""
    problem = check_python()
    if problem:
        raise SystemExit(problem)
    if project is None and wheelhouse is None:
        raise SystemExit(
            "No course project next to this script: run it from a clone or a learner bundle "
            "(tools/bootstrap.py), or give the wheelhouse with --wheelhouse DIR."
        )
    python = venv_python(venv)
    if up_to_date(venv, project, test, wheelhouse):
        install_learner_tools(venv, project)
        install_node_tools(project)
        return python
    if not python.exists():
        print(f"Creating the course environment in {venv}", flush=True)
        try:
            run([sys.executable, "-m", "venv", str(venv)])
        except subprocess.CalledProcessError:
            raise SystemExit(
                "Could not create a virtual environment. On Debian or Ubuntu install "
                "python3-venv (sudo apt install python3-venv), then run this again."
            ) from None
    for command in install_commands(python, project=project, test=test, wheelhouse=wheelhouse):
        run(command)
    overrides = overrides_file(project)
    if overrides is not None:
        settings_dir(venv).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(overrides, settings_dir(venv) / "overrides.json")
    install_learner_tools(venv, project)
    install_node_tools(project)
    stamp_file(venv, test).write_text(fingerprint(project, test, wheelhouse) + "\n")
    print(f"Set-up done: the course environment is in {venv}", flush=True)
    return python


def install_node_tools(project: Path | None) -> None:
    """The project's npm packages (package.json: reveal.js for `course slides`, the hub's proxy),
    when npm is on this computer and they are not installed yet. Without npm, or offline, the
    course works; only those two commands say what is missing."""
    if project is None or not (project / "package.json").is_file():
        return
    installed = project / "node_modules" / ".package-lock.json"
    if (
        installed.is_file()
        and installed.stat().st_mtime >= (project / "package.json").stat().st_mtime
    ):
        return
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: skipping the npm packages (course slides, course hub)", flush=True)
        return
    try:
        run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(project)])
    except (subprocess.CalledProcessError, OSError):
        print("npm install failed (offline?): course slides and course hub need it", flush=True)


def install_learner_tools(venv: Path, project: Path | None) -> None:
    """Switch nbgrader's authoring tools (Create Assignment, Formgrader, Courses) off in the
    environment; learners keep the assignment list and Validate. Done on every run (it takes
    no time), so a learner's environment stays a learner's whatever was enabled in it before."""
    learner = learner_config(project)
    if learner is not None:
        merge_config(learner, config_dir(venv))


def _exec(command: list[str]) -> int:
    if os.name == "posix":
        sys.stdout.flush()
        os.execv(command[0], command)  # become the program: Ctrl+C and kill reach it directly
    return subprocess.call(command)  # Windows: `course lab` itself stops its server with it


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "action",
        nargs="?",
        default="setup",
        choices=["setup", "lab", "doctor", "test"],
        help="setup (default), lab (set up and open the course), doctor (set up and check), "
        "test (set up with the test tools, lint, run the tests)",
    )
    parser.add_argument("--test", action="store_true", help="also install the test tools")
    parser.add_argument("--venv", type=Path, default=None, help="the environment's folder")
    parser.add_argument(
        "--wheelhouse", type=Path, default=None, help="install offline from this folder of wheels"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if rest and args.action == "setup":
        parser.error(f"setup takes no {' '.join(rest)} (options of `course lab` go after lab)")
    project = project_root()
    wheelhouse = args.wheelhouse.resolve() if args.wheelhouse else None
    if wheelhouse is None and project is None and any(HERE.glob("cluster_course-*.whl")):
        wheelhouse = HERE  # the copy of this script in a wheelhouse folder
    venv = (args.venv or default_venv(project)).absolute()
    test = args.test or args.action == "test"
    python = setup(venv, project=project, test=test, wheelhouse=wheelhouse)
    if args.action == "lab":
        return _exec([str(venv_script(venv, "course")), "lab", *rest])
    if args.action == "doctor":
        return _exec([str(venv_script(venv, "course")), "doctor", *rest])
    if args.action == "test":
        os.chdir(project)
        for command in (["check", "."], ["format", "--check", "."]):
            if subprocess.call([str(venv_script(venv, "ruff")), *command]) != 0:
                return 1
        return subprocess.call([str(python), "-m", "pytest", *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
