"""``course doctor``: is this laptop ready for the course? Run it the week before the workshop.

Every check prints one line, green (OK) or red (FIX), and each red line says what to do. The exit
code is 0 when every check passed and 1 otherwise, for scripts and trainers' checklists.

>>> check = Check("Python", True, "3.11.7")
>>> render(check, colour=False)
'  OK   Python: 3.11.7'
>>> render(Check("Kernel", False, "not registered", "run this"), colour=False)
'  FIX  Kernel: not registered\\n       -> run this'
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

MINIMUM_PYTHON = (3, 11)
KERNEL_NAME = "python3"
KERNEL_DISPLAY_NAME = "Python 3 (cluster course)"
DISTRIBUTION = "cluster-course"
LAB_EXTENSIONS = {
    "@jupyter/nbgrader": "nbgrader (Validate button, assignment list)",
    "@jupyter-widgets/jupyterlab-manager": "ipywidgets (the interactive explorers)",
}
DEFAULT_PORT = 8888
PORT_RETRIES = 50  # JupyterLab moves on to the next port when one is taken (port_retries)


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def _python_command() -> str:
    return f'"{sys.executable}"' if " " in sys.executable else sys.executable


def _setup_command() -> str:
    return (
        "py tools\\bootstrap.py setup" if os.name == "nt" else "python3 tools/bootstrap.py setup"
    ) + " (in the course folder), or `make setup`"


def check_python(version: tuple = tuple(sys.version_info)) -> Check:
    """Python 3.11 or newer.

    >>> check_python((3, 10, 2)).ok, check_python((3, 13, 0)).ok
    (False, True)
    """
    found = ".".join(str(part) for part in version[:3])
    if tuple(version[:2]) >= MINIMUM_PYTHON:
        return Check("Python", True, found)
    return Check(
        "Python",
        False,
        f"{found} is too old (3.11 or newer is needed)",
        "Install Python 3.12 from python.org (Windows, macOS) or your package manager (Linux), "
        "then set the course up again with it.",
    )


def _requirements() -> list[str]:
    from importlib import metadata

    return [r for r in metadata.requires(DISTRIBUTION) or [] if "extra ==" not in r]


def check_environment(requirements: list[str] | None = None) -> Check:
    """The course is installed in its own environment with every library at a version it needs."""
    from importlib import metadata

    from packaging.requirements import Requirement

    name = "Course environment"
    fix = f"Set the course up again: {_setup_command()}."
    try:
        version = metadata.version(DISTRIBUTION)
        requirements = _requirements() if requirements is None else requirements
    except metadata.PackageNotFoundError:
        return Check(name, False, f"the course is not installed in {sys.prefix}", fix)
    problems = []
    for line in requirements:
        requirement = Requirement(line)
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            problems.append(f"{requirement.name} is missing")
            continue
        if requirement.specifier and not requirement.specifier.contains(
            installed, prereleases=True
        ):
            problems.append(f"{requirement.name} {installed} (needs {requirement.specifier})")
    if problems:
        return Check(name, False, "; ".join(problems), fix)
    isolated = sys.prefix != sys.base_prefix or bool(os.environ.get("CONDA_PREFIX"))
    where = "its own environment" if isolated else "the system Python (a venv is safer)"
    return Check(name, True, f"cluster-course {version} in {where}: {sys.prefix}")


def _kernel_spec(name: str = KERNEL_NAME):
    """The kernel spec ``name`` as Jupyter finds it, or None (monkeypatched in tests)."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    manager.ensure_native_kernel = False  # only a registered kernel counts, not ipykernel's own
    try:
        return manager.get_kernel_spec(name)
    except NoSuchKernel:
        return None


def check_kernel(spec=None, *, lookup=None) -> Check:
    """The "Python 3 (cluster course)" kernel is registered and runs this environment's Python."""
    name = "Kernel"
    fix = (
        f"Register it: {_python_command()} -m ipykernel install --sys-prefix "
        f'--name {KERNEL_NAME} --display-name "{KERNEL_DISPLAY_NAME}"'
    )
    spec = (lookup or _kernel_spec)() if spec is None else spec
    if spec is None:
        return Check(
            name, False, f"the course kernel ({KERNEL_DISPLAY_NAME}) is not registered", fix
        )
    if spec.display_name != KERNEL_DISPLAY_NAME:
        return Check(name, False, f"'{spec.display_name}' is registered instead", fix)
    program = Path(spec.argv[0]) if spec.argv else Path()
    ours = {Path(sys.executable).resolve().parent, Path(sys.prefix).resolve()}
    inside = program.name.startswith("python") and (
        not program.is_absolute() or any(p in program.resolve().parents for p in ours)
    )
    if not inside:
        return Check(name, False, f"it runs {program}, not this environment's Python", fix)
    return Check(name, True, f"{KERNEL_DISPLAY_NAME} ({spec.resource_dir})")


def _labextension_listing() -> str:
    result = subprocess.run(
        [sys.executable, "-m", "jupyter", "labextension", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)  # drop colour codes


def check_lab_extensions(listing: str | None = None) -> Check:
    """The nbgrader and ipywidgets extensions of JupyterLab are installed and enabled.

    >>> ok = "@jupyter/nbgrader v0.9.6 enabled OK\\n@jupyter-widgets/jupyterlab-manager v5 enabled OK"
    >>> check_lab_extensions(ok).ok
    True
    >>> check_lab_extensions("@jupyter/nbgrader v0.9.6 disabled OK").fix.split(":")[0]
    'Reinstall them'
    """
    name = "JupyterLab extensions"
    try:
        text = _labextension_listing() if listing is None else listing
    except (OSError, subprocess.SubprocessError) as exc:
        text = f"could not run jupyter labextension list: {exc}"
    lines = text.splitlines()
    problems = []
    for extension, purpose in LAB_EXTENSIONS.items():
        line = next((ln for ln in lines if extension in ln.split()), "")
        words = line.split()
        if not line:
            problems.append(f"{extension} missing ({purpose})")
        elif "enabled" not in words or "OK" not in words:
            problems.append(f"{extension} not enabled ({purpose})")
    if problems:
        return Check(
            name,
            False,
            "; ".join(problems),
            f"Reinstall them: {_python_command()} -m pip install --force-reinstall --no-deps "
            "nbgrader jupyterlab_widgets, then `jupyter labextension enable @jupyter/nbgrader`.",
        )
    return Check(name, True, "nbgrader and ipywidgets enabled")


def check_data() -> Check:
    """Every course dataset loads (sizes and SHA-256 as recorded, schema respected)."""
    from course import data

    name = "Course data"
    try:
        names = data.list_datasets()["name"].tolist()
        for dataset in names:
            data.load(dataset)
    except (ValueError, OSError) as exc:
        message = " ".join(str(exc).split())
        return Check(
            name,
            False,
            message[:300],
            "Restore the data: `git checkout datasets/` in a clone, or reinstall the course "
            f"({_python_command()} -m pip install --force-reinstall --no-deps cluster-course) "
            "when it was installed from a wheel. If COURSE_DATA_DIR is set, check that folder.",
        )
    return Check(name, True, f"{len(names)} datasets intact in {data.datasets_dir()}")


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def check_port(port: int = DEFAULT_PORT, *, free=_port_free) -> Check:
    """A port for JupyterLab on this computer (8888, or one of the next it would move on to).

    >>> check_port(free=lambda port: port == 8890).detail
    '8888 is taken; JupyterLab will use 8890'
    >>> check_port(free=lambda port: False).ok
    False
    """
    name = "Free port"
    for candidate in range(port, port + PORT_RETRIES + 1):
        if free(candidate):
            if candidate == port:
                return Check(name, True, f"{port} is free")
            return Check(name, True, f"{port} is taken; JupyterLab will use {candidate}")
    return Check(
        name,
        False,
        f"no free port between {port} and {port + PORT_RETRIES} on 127.0.0.1",
        "Close other Jupyter servers (`jupyter server list`, then `jupyter server stop PORT`), "
        "or ask your IT department to allow local connections on 127.0.0.1.",
    )


def check_workdir(folder: Path | None = None) -> Check:
    """The folder ``course lab`` opens can be written (notebooks are saved there)."""
    from course import materials

    name = "Working folder"
    folder = Path(folder) if folder is not None else materials.default_workdir()
    fix = (
        "Choose a folder you can write to: `course lab --dir PATH` (or set COURSE_WORKDIR), or "
        f"give yourself write access to {folder}."
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".course-doctor-"):
            pass
    except OSError as exc:
        return Check(name, False, f"cannot write to {folder} ({exc.strerror or exc})", fix)
    return Check(name, True, f"{folder} is writable")


def run_checks(workdir: Path | None = None, port: int = DEFAULT_PORT):
    """The checks in order, each run when its line is due (some take a second or two)."""
    yield check_python()
    yield check_environment()
    yield check_kernel()
    yield check_lab_extensions()
    yield check_data()
    yield check_port(port)
    yield check_workdir(workdir)


def _use_colour(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.name == "nt":
        os.system("")  # switches the Windows console to ANSI colours
    return hasattr(stream, "isatty") and stream.isatty()


def render(check: Check, *, colour: bool) -> str:
    mark, code = ("OK ", "32") if check.ok else ("FIX", "31")
    if colour:
        mark = f"\x1b[1;{code}m{mark}\x1b[0m"
    line = f"  {mark}  {check.name}: {check.detail}"
    if not check.ok and check.fix:
        line += f"\n       -> {check.fix}"
    return line


def main(workdir: Path | None = None, port: int = DEFAULT_PORT, stream=None) -> int:
    stream = stream or sys.stdout
    colour = _use_colour(stream)
    print("Checking this computer for the cluster course:", file=stream, flush=True)
    checks = []
    for check in run_checks(workdir, port):
        checks.append(check)
        print(render(check, colour=colour), file=stream, flush=True)
    failed = [check for check in checks if not check.ok]
    if failed:
        print(f"{len(failed)} check(s) need a fix (see the -> lines).", file=stream)
        return 1
    print("All set: open the course with `course lab` (or `make lab`).", file=stream)
    return 0
