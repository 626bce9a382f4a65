"""Private: the ``course`` command's argument types, and its one-line refusals.

A wrong argument (``--rows -1``, ``--port 99999``, ``--header 0``) is refused before any work,
with one plain line on stderr that names the argument, says what it takes and how to get
help, and a non-zero exit: never argparse's usage block, never a traceback, never a silent
default. Each type below is an ``argparse`` ``type=``: it turns the text into the value or
raises ``argparse.ArgumentTypeError`` with the message. Other ``course`` subcommands (e.g.
``course grade`` in ``course.grading.commands``) can use the same types.

>>> parser = Parser(prog="course read")
>>> _ = parser.add_argument("--rows", type=whole_number(1, example="--rows 20"))
>>> parser.parse_args(["--rows", "-1"])
Traceback (most recent call last):
...
course._arguments.UsageError: course read: argument --rows: takes a whole number of at least 1, e.g. --rows 20; got '-1'. See 'course read --help'.
"""

from __future__ import annotations

import argparse
from pathlib import Path


class UsageError(Exception):
    """A wrong argument on the command line: ``course.cli.main`` prints it as one line."""


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line (its subcommands' parsers too)."""

    def error(self, message: str):
        # argparse calls this for every wrong argument; it would print the usage block and exit
        raise UsageError(f"{self.prog}: {message.rstrip('.')}. See '{self.prog} --help'.")


def whole_number(minimum: int, maximum: int | None = None, *, example: str):
    """The type of an option that takes a whole number from ``minimum`` (to ``maximum``).

    ``example`` shows the option in use, e.g. ``"--rows 20"``.

    >>> whole_number(0, example="--footer 2")("3")
    3
    """
    allowed = f"of at least {minimum}" if maximum is None else f"from {minimum} to {maximum}"

    def convert(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            number = None
        if number is None or number < minimum or (maximum is not None and number > maximum):
            raise argparse.ArgumentTypeError(
                f"takes a whole number {allowed}, e.g. {example}; got {text!r}"
            )
        return number

    return convert


def port(example: str):
    """The type of a port option: a whole number from 1 to 65535."""
    return whole_number(1, 65535, example=example)


def line_numbers(text: str) -> list[int]:
    """``--header 3`` or ``--header 3,4``: header line(s) as a spreadsheet numbers them.

    One value with commas, not several values, so that the file name after the option is
    never read as a line number.

    >>> line_numbers("3,4")
    [3, 4]
    """
    try:
        lines = [int(part) for part in text.split(",")]
    except ValueError:
        lines = []
    if not lines or lines[0] < 1 or lines != list(range(lines[0], lines[0] + len(lines))):
        raise argparse.ArgumentTypeError(
            "takes the line number of the header as your spreadsheet shows it (the first line "
            f"is 1), or consecutive lines joined by commas, e.g. --header 3 or --header 3,4; "
            f"got {text!r}"
        )
    return lines


def folder(text: str) -> Path:
    """A folder that exists or will be made: refused if a file of that name is in the way."""
    path = Path(text).expanduser()
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is a file, not a folder: give a folder")
    return path


def edition_output(text: str) -> Path:
    """``course edition OUT``: a ``.zip`` file name, or a folder that is new or empty."""
    path = Path(text).expanduser()
    if path.suffix == ".zip":
        if path.is_dir():
            raise argparse.ArgumentTypeError(f"{text!r} is a folder: give a new .zip file name")
        return path
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        what = "a file" if not path.is_dir() else "a folder that is not empty"
        raise argparse.ArgumentTypeError(
            f"{text!r} is {what}: give a new folder or a .zip file name"
        )
    return path
