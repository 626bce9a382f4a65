"""The trainer's ``course room`` commands: pool the entries, delete them, print the sheets.

course room pool ~/room/entries --out ~/room/view [--min-group 4] [--by-sector]
course room check ~/room/entries
course room delete ~/room/entries --participant "Anna Ozola"
course room delete ~/room/entries --all
course room worksheets dist/worksheets
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from course import _arguments as arguments


def add_commands(commands) -> None:
    """Add ``room`` and its subcommands to the ``course`` command's parser."""
    room = commands.add_parser("room", help="trainers: the room's peer benchmarking round")
    steps = room.add_subparsers(dest="step", required=True)

    pool = steps.add_parser("pool", help="pool the entries of a folder into the room view")
    pool.add_argument("folder", type=Path, help="the folder of entries (searched with subfolders)")
    pool.add_argument("--out", type=Path, default=Path("room-view"), help="where to write the view")
    pool.add_argument("--secret", type=Path, default=None,
                      help="the room secret file (default ~/.cluster-course/room-secret)")  # fmt: skip
    pool.add_argument("--min-group", type=arguments.whole_number(1, example="--min-group 4"),
                      default=3, help="the smallest group shown (at least course._guards.MIN_PEERS, 3)")  # fmt: skip
    pool.add_argument("--by-sector", action="store_true", help="compare within sectors too")
    pool.add_argument("--no-charts", action="store_true", help="tables and page only")
    pool.set_defaults(func=_pool)

    check = steps.add_parser("check", help="read the entries and say which cannot be used")
    check.add_argument("folder", type=Path)
    check.set_defaults(func=_check)

    delete = steps.add_parser("delete", help="delete raw entries: one participant's, or all")
    delete.add_argument("folder", type=Path)
    who = delete.add_mutually_exclusive_group(required=True)
    who.add_argument("--participant", help="the participant's or organisation's name")
    who.add_argument("--all", action="store_true", help="every entry file in the folder")
    delete.set_defaults(func=_delete)

    sheets = steps.add_parser("worksheets", help="write the printable worksheets (HTML, PDF)")
    sheets.add_argument("folder", nargs="?", type=Path, default=Path("worksheets"))
    sheets.set_defaults(func=_worksheets)


def _pool(args: argparse.Namespace) -> int:
    from course import room

    view, problems = room.pool(args.folder, args.out, secret=room.room_secret(args.secret),
                               minimum=args.min_group, peers=args.by_sector,
                               draw=not args.no_charts)  # fmt: skip
    for line in problems:
        print(f"course room pool: {line}", file=sys.stderr)
    for line in view.notes:
        print(f"course room pool: note: {line}")
    print(f"{view.shown} entries in the room view, {view.withheld} not shown by their consent; "
          f"open {args.out / 'room.html'}")  # fmt: skip
    return 0


def _check(args: argparse.Namespace) -> int:
    from course import room

    entries, problems = room.read_folder(args.folder)
    for line in problems:
        print(line)
    shown = sum(entry.shown_to_room for entry in entries)
    print(f"{len(entries)} entries can be used ({shown} shown to the room), "
          f"{len(problems)} message(s).")  # fmt: skip
    return 0


def _delete(args: argparse.Namespace) -> int:
    from course import room

    deleted = room.delete_entries(args.folder, participant=args.participant, everything=args.all)
    for path in deleted:
        print(f"deleted {path}")
    print(f"{len(deleted)} entry file(s) deleted. Pool again to refresh the room view.")
    return 0


def _worksheets(args: argparse.Namespace) -> int:
    from course.room import worksheets

    for path in worksheets.build(args.folder):
        print(f"wrote {path}")
    return 0
