"""The ``course`` command: open the course, check the computer, look at its data, hand it out.

Run ``course --help`` for the list. ``make lab`` calls ``course lab``. A wrong argument is
refused before any work, with one plain line on stderr and exit code 2 (``course._arguments``).

>>> build_parser().parse_args(["lab", "--port", "8899"]).port
8899
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import signal
import subprocess
import sys
import warnings
from pathlib import Path

from course import _arguments as arguments

ROOT = Path(__file__).resolve().parent.parent
START_PAGE = Path("modules") / "00-start" / "00-start.ipynb"


def lab_command(
    *, port: int | None = None, browser: bool | None = None, root: Path | None = None
) -> list[str]:
    """The ``jupyter lab`` command line that opens the course on its start page.

    ``root`` is the folder JupyterLab shows (default: the course project). Without a screen (a
    server, a container, CI) no browser is started; JupyterLab then prints the address to open,
    with its access token.

    >>> cmd = lab_command(port=8899, browser=False)
    >>> cmd[-1], "--no-browser" in cmd, "--port=8899" in cmd
    ('modules/00-start/00-start.ipynb', True, True)
    """
    if browser is None:
        browser = _has_screen()
    root = ROOT if root is None else root
    command = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={root}"]
    if port is not None:
        command.append(f"--port={port}")
    if not browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines often run as root
    command.append(START_PAGE.as_posix())
    return command


def _has_screen() -> bool:
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def lab_folder(folder: Path | None = None) -> Path:
    """The folder ``course lab`` opens, with the learner's materials in it.

    In a clone it is the clone itself. An installed copy (a wheel: ``pip install``, a hub image, a
    USB stick) opens a working folder of the learner's own, ``~/cluster-course`` unless
    ``--dir`` or ``$COURSE_WORKDIR`` says otherwise, into which the lessons, the exercises and
    the data are copied (never the solutions; files already there are kept).
    """
    from course import materials

    folder = Path(folder).expanduser().absolute() if folder else materials.default_workdir()
    source = materials.source_root()
    if source is None or folder.resolve() != source.resolve():
        materials.prepare_workdir(folder)
    return folder


# nbgrader's tools per audience, as Jupyter configuration folders (jupyter/README.md)
LAB_TOOLS = {"learner": ROOT / "jupyter" / "learner", "instructor": ROOT / "jupyter" / "instructor"}


def lab_environment(*, instructor: bool = False, environ: dict | None = None) -> dict[str, str]:
    """The environment JupyterLab starts in: the learner's nbgrader tools (assignment list,
    Validate) or, with ``instructor=True``, also its authoring tools (Create Assignment,
    Formgrader, Courses), for this server only.

    The audience's folder (``jupyter/learner`` or ``jupyter/instructor``) goes first on
    ``JUPYTER_CONFIG_PATH``, above the environment's own settings; a hub's trainer server uses
    the same folder. An installed copy without the folders keeps its set-up's learner tools.

    >>> env = lab_environment(instructor=True, environ={"JUPYTER_CONFIG_PATH": "/mine"})
    >>> env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(LAB_TOOLS["instructor"]), "/mine"]
    True
    """
    env = dict(os.environ if environ is None else environ)
    tools = LAB_TOOLS["instructor" if instructor else "learner"]
    if not tools.is_dir():
        if instructor:
            raise SystemExit(
                "course lab --instructor needs the course project (a clone, with jupyter/"
                "instructor): run it there, e.g. `python3 tools/bootstrap.py lab --instructor`."
            )
        return env
    paths = [str(tools), *filter(None, env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep))]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    return env


def _lab(args: argparse.Namespace) -> int:
    folder = lab_folder(args.dir)
    command = lab_command(port=args.port, browser=False if args.no_browser else None, root=folder)
    environment = lab_environment(instructor=args.instructor)
    if args.dry_run:
        print(f"folder: {folder}")
        print(f"tools: {'instructor' if args.instructor else 'learner'}")
        print("command: " + " ".join(command))
        return 0
    os.environ.update(environment)  # JupyterLab inherits it
    print(f"Opening the course in JupyterLab ({folder}). Stop it with Ctrl+C (twice).", flush=True)
    if not _has_screen() and not args.no_browser:
        print("No screen found: open the http://127.0.0.1:... address printed below.", flush=True)
    os.chdir(folder)
    if os.name == "posix":
        # Become JupyterLab (same process id) instead of starting it as a child: whoever
        # stops `course lab` (Ctrl+C, `kill`, a test, a service manager) then stops the
        # server itself, and no orphaned server keeps the port.
        sys.stderr.flush()
        os.execv(command[0], command)
    return _run_as_child(command)  # Windows has no real exec


def _run_as_child(command: list[str]) -> int:
    """Run ``command`` and make sure it ends with us: signals are passed on, exit terminates it.

    >>> _run_as_child([sys.executable, "-c", "raise SystemExit(3)"])
    3
    """
    child = subprocess.Popen(command)

    def forward(signum, _frame):
        child.send_signal(signum)

    stops = [signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGBREAK", None)]
    previous = {sig: signal.signal(sig, forward) for sig in stops if sig is not None}
    try:
        return child.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if child.poll() is None:  # we are leaving (an error, a second Ctrl+C): stop it too
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()


def _datasets(args: argparse.Namespace) -> int:
    from course import data

    with _pandas_display():
        print(data.list_datasets().to_string(index=False))
    return 0


def _read(args: argparse.Namespace) -> int:
    """Read a learner's own file the way the library would, and show what was converted.

    Every problem is one plain line on stderr (exit code 2), never a traceback.
    """
    from course import data

    options = {
        name: getattr(args, name)
        for name in ("sheet", "decimal", "skiprows", "header", "footer")
        if getattr(args, name) is not None
    }
    if args.eurostat and options:  # a Eurostat download has one layout: nothing to choose
        raise arguments.UsageError(
            f"course read: --{next(iter(options))} is for your own spreadsheets; a Eurostat "
            "download has a fixed layout: leave it out, or read the file without --eurostat."
        )
    hint = None if args.eurostat else _eurostat_hint(args.path)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if args.eurostat:
                table = data.read_eurostat(args.path)
            else:
                table = data.read_table(args.path, **options)
    except Exception as exc:  # a learner's file: the message, not a traceback
        message = _one_line(exc if isinstance(exc, ValueError) else f"{type(exc).__name__}: {exc}")
        if not isinstance(exc, ValueError | OSError):
            message = f"could not read {args.path}: {message}"
        print(f"course read: {message}" + (f" Hint: {hint}" if hint else ""), file=sys.stderr)
        return 2
    for warning in caught:
        print(f"course read: warning: {_one_line(warning.message)}", file=sys.stderr)
    if hint:
        print(f"course read: hint: {hint}", file=sys.stderr)
    with _pandas_display():
        print(table.head(args.rows).to_string())
    return 0


def _one_line(message: object) -> str:
    return " ".join(str(message).split())


def _eurostat_hint(path: str) -> str | None:
    r"""A hint when a file looks like a Eurostat download (it reads better with --eurostat).

    Eurostat's bulk TSV starts with a cell such as ``geo\TIME_PERIOD``; SDMX-CSV has
    ``DATAFLOW`` and ``OBS_VALUE`` columns.

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = file.write_text("DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),LV,2020,1\n")
    >>> _eurostat_hint(file)[:60]
    "this looks like a Eurostat download: try 'course read --euro"
    """
    try:
        with open(path, "rb") as file:
            start = file.read(4096)
        if start[:2] == b"\x1f\x8b":  # .tsv.gz as downloaded
            with gzip.open(path) as file:
                start = file.read(4096)
    except (OSError, EOFError):
        return None
    header = start.decode("utf-8-sig", errors="replace").splitlines()[:1] or [""]
    first_cell = header[0].split("\t")[0]  # the TSV's first cell, e.g. 'unit,geo\TIME_PERIOD'
    cells = [cell.strip().strip('"').split(":")[0].strip() for cell in re.split("[,;]", header[0])]
    if "\\" not in first_cell and not {"DATAFLOW", "OBS_VALUE"} & set(cells):
        return None
    return f"this looks like a Eurostat download: try 'course read --eurostat {path}'."


def _doctor(args: argparse.Namespace) -> int:
    from course import doctor

    return doctor.main(workdir=args.dir, port=args.port)


def _edition(args: argparse.Namespace) -> int:
    from course import editions

    try:
        output = editions.build_learner_edition(args.output)
    except editions.EditionError as exc:
        print(f"course edition: {exc}", file=sys.stderr)
        return 2
    print(f"wrote the learner edition to {output}")
    return 0


def _wheelhouse(args: argparse.Namespace) -> int:
    from course import editions

    try:
        folder = editions.build_wheelhouse(args.folder, everywhere=not args.this_platform)
    except (editions.EditionError, subprocess.CalledProcessError) as exc:
        print(f"course wheelhouse: {exc}", file=sys.stderr)
        return 2
    size = editions.folder_size(folder) / 1e6
    print(f"wrote the wheelhouse to {folder} ({size:,.0f} MB); see {folder / 'INSTALL.txt'}")
    return 0


def _pandas_display():
    import pandas as pd

    return pd.option_context("display.width", 120, "display.max_columns", 20)


def build_parser() -> argparse.ArgumentParser:
    parser = arguments.Parser(  # its errors, and its subcommands', are one line
        prog="course",
        description="The cluster-analysis course: open it, look at its data, grade it.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    _add_learner_commands(commands)  # lab, doctor, datasets, read
    from course.grading.commands import add_commands

    add_commands(commands)  # release (exercises), grade

    _add_trainer_commands(commands)  # edition, wheelhouse
    from course.room.commands import add_commands as add_room_commands

    add_room_commands(commands)  # room pool, check, delete, worksheets
    from course.trainer.commands import add_commands as add_trainer_kit

    add_trainer_kit(commands)  # schedule, slides, certificates
    from course.templates import add_commands as add_templates

    add_templates(commands)  # template (an empty file for one's own data)
    from course.hub.commands import add_commands as add_hub_commands

    add_hub_commands(commands)  # hub (a room's JupyterHub)
    return parser


def _add_learner_commands(commands) -> None:
    """``course lab``, ``doctor``, ``datasets`` and ``read``: what a learner runs."""
    lab = commands.add_parser("lab", help="open the course in JupyterLab on its start page")
    lab.add_argument(
        "--port",
        type=arguments.port("--port 8899"),
        default=None,
        help="port to serve on (default: 8888)",
    )
    lab.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    lab.add_argument(
        "--dir",
        type=arguments.folder,
        default=None,
        help="the working folder (installed copy: ~/cluster-course)",
    )
    lab.add_argument(
        "--dry-run", action="store_true", help="prepare the folder, print the command, stop"
    )
    lab.add_argument(
        "--instructor",
        action="store_true",
        help="also nbgrader's authoring tools (Create Assignment, Formgrader, Courses)",
    )
    lab.set_defaults(func=_lab)

    doctor = commands.add_parser(
        "doctor", help="check that this computer is ready for the course (run it before the day)"
    )
    doctor.add_argument(
        "--dir", type=arguments.folder, default=None, help="the working folder to check"
    )
    doctor.add_argument(
        "--port",
        type=arguments.port("--port 8899"),
        default=8888,
        help="the port JupyterLab will use",
    )
    doctor.set_defaults(func=_doctor)

    datasets = commands.add_parser("datasets", help="list the course datasets")
    datasets.set_defaults(func=_datasets)

    _add_read(commands)


def _add_read(commands) -> None:
    """``course read PATH``: a learner's own file read as the library reads it."""
    read = commands.add_parser(
        "read", help="read your own CSV/XLSX or Eurostat file and report what was converted"
    )
    read.add_argument("path", help="the file to read")
    read.add_argument("--eurostat", action="store_true", help="the file is a Eurostat download")
    read.add_argument(
        "--rows",
        type=arguments.whole_number(1, example="--rows 20"),
        default=10,
        help="how many rows to show",
    )
    read.add_argument("--sheet", default=None, help="XLSX: the sheet to read (name)")
    read.add_argument("--decimal", choices=[",", "."], default=None, help="the decimal mark")
    read.add_argument(
        "--skiprows",
        type=arguments.whole_number(0, example="--skiprows 2"),
        default=None,
        help="title lines above the header",
    )
    read.add_argument(
        "--header",
        type=arguments.line_numbers,
        default=None,
        help="the header's line, or lines joined by commas, e.g. 3 or 3,4 (first line = 1)",
    )
    read.add_argument(
        "--footer",
        type=arguments.whole_number(0, example="--footer 2"),
        default=None,
        help="lines to drop at the end",
    )
    read.set_defaults(func=_read)


def _add_trainer_commands(commands) -> None:
    """``course edition`` and ``course wheelhouse``: what a trainer builds before the day."""
    edition = commands.add_parser(
        "edition", help="trainers: build the learner edition (no solutions, hidden tests, notes)"
    )
    edition.add_argument(
        "output",
        nargs="?",
        type=arguments.edition_output,
        default="dist/cluster-course-learner.zip",
        help="a .zip file (default: dist/cluster-course-learner.zip) or a new folder",
    )
    edition.set_defaults(func=_edition)

    wheelhouse = commands.add_parser(
        "wheelhouse",
        help="trainers: build a folder of wheels for offline installs (USB sticks)",
    )
    wheelhouse.add_argument(
        "folder", nargs="?", type=arguments.folder, default="wheelhouse", help="where to write it"
    )
    wheelhouse.add_argument(
        "--this-platform",
        action="store_true",
        help="only this computer's platform and Python (default: Windows, macOS and Linux, "
        "Python 3.11-3.13)",
    )
    wheelhouse.set_defaults(func=_wheelhouse)


def main(argv: list[str] | None = None) -> int:
    try:
        args, extra = build_parser().parse_known_args(argv)
        if extra:  # named after the subcommand they were given to, not after `course`
            raise arguments.UsageError(
                f"course {args.command}: unrecognized arguments: {' '.join(extra)}. "
                f"See 'course {args.command} --help'."
            )
    except arguments.UsageError as exc:  # a wrong argument: one line, before any work
        print(exc, file=sys.stderr)
        return 2
    from course.checks import CourseInputError

    try:
        return args.func(args)
    except arguments.UsageError as exc:  # arguments that do not fit together
        print(exc, file=sys.stderr)
        return 2
    except CourseInputError as exc:  # a learner's mistake: the message, not a traceback
        print(f"course {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
