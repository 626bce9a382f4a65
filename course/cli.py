"""The ``course`` command: open the course, look at its data, check your own files.

Run ``course --help`` for the list. ``make lab`` calls ``course lab``.

>>> build_parser().parse_args(["lab", "--port", "8899"]).port
8899
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_PAGE = Path("modules") / "00-start" / "00-start.ipynb"


def lab_command(*, port: int | None = None, browser: bool | None = None) -> list[str]:
    """The ``jupyter lab`` command line that opens the course on its start page.

    Without a screen (a server, a container, CI) no browser is started; JupyterLab then prints
    the address to open, with its access token.

    >>> cmd = lab_command(port=8899, browser=False)
    >>> cmd[-1], "--no-browser" in cmd, "--port=8899" in cmd
    ('modules/00-start/00-start.ipynb', True, True)
    """
    if browser is None:
        browser = _has_screen()
    command = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={ROOT}"]
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


def _lab(args: argparse.Namespace) -> int:
    command = lab_command(port=args.port, browser=False if args.no_browser else None)
    print("Opening the course in JupyterLab. Stop it with Ctrl+C (twice).", flush=True)
    if not _has_screen() and not args.no_browser:
        print("No screen found: open the http://127.0.0.1:... address printed below.", flush=True)
    return subprocess.call(command, cwd=ROOT)


def _datasets(args: argparse.Namespace) -> int:
    from course import data

    with _pandas_display():
        print(data.list_datasets().to_string(index=False))
    return 0


def _read(args: argparse.Namespace) -> int:
    """Read a learner's own file the way the library would, and show what was converted."""
    from course import data

    reader = data.read_eurostat if args.eurostat else data.read_table
    table = reader(args.path)
    with _pandas_display():
        print(table.head(args.rows).to_string())
    return 0


def _exercises(args: argparse.Namespace) -> int:
    """Regenerate the student versions in exercises/ from solutions/ (nbgrader)."""
    from course import grading

    assignments = args.assignment or grading.assignments()
    for assignment in assignments:
        for notebook in grading.generate_exercises(assignment):
            print(f"wrote {notebook.relative_to(ROOT)} (and its .pct.py text form)")
    return 0


def _pandas_display():
    import pandas as pd

    return pd.option_context("display.width", 120, "display.max_columns", 20)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="course", description="The cluster-analysis course: open it, look at its data."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    lab = commands.add_parser("lab", help="open the course in JupyterLab on its start page")
    lab.add_argument("--port", type=int, default=None, help="port to serve on (default: 8888)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    lab.set_defaults(func=_lab)

    datasets = commands.add_parser("datasets", help="list the course datasets")
    datasets.set_defaults(func=_datasets)

    read = commands.add_parser(
        "read", help="read your own CSV/XLSX or Eurostat file and report what was converted"
    )
    read.add_argument("path", help="the file to read")
    read.add_argument("--eurostat", action="store_true", help="the file is a Eurostat download")
    read.add_argument("--rows", type=int, default=10, help="how many rows to show")
    read.set_defaults(func=_read)
    exercises = commands.add_parser(
        "exercises", help="instructors: generate the student versions in exercises/ (nbgrader)"
    )
    exercises.add_argument(
        "assignment", nargs="*", help="e.g. ps01-cluster-economics (default: all)"
    )
    exercises.set_defaults(func=_exercises)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from course.checks import CourseInputError

    try:
        return args.func(args)
    except CourseInputError as exc:  # a learner's mistake: the message, not a traceback
        print(f"course {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
