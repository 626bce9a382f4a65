"""The trainer's subcommands: ``course schedule``, ``course slides``, ``course certificates``."""

from __future__ import annotations

import argparse
from pathlib import Path

from course import _arguments as arguments


def add_commands(commands) -> None:
    """Register the three subcommands on the ``course`` command's subparsers."""
    from course import trainer

    plan = commands.add_parser(
        "schedule", help="trainers: a workshop agenda built from the lessons' own minutes"
    )
    plan.add_argument("engagement", choices=trainer.ENGAGEMENTS, help="which engagement")
    plan.add_argument(
        "--participants",
        type=arguments.whole_number(1, 60, example="--participants 12"),
        default=trainer.DEFAULT_PARTICIPANTS,
        help="people in the room: sizes the groups and the closing round (default 12)",
    )
    plan.set_defaults(func=_schedule)

    slides = commands.add_parser(
        "slides", help="trainers: a reveal.js deck per lesson, that works with no network"
    )
    slides.add_argument("module", nargs="?", help="one module (0-4); all five by default")
    slides.add_argument("--out", type=Path, default=Path("slides"), help="folder for the decks")
    slides.set_defaults(func=_slides)

    records = commands.add_parser(
        "certificates",
        help="trainers: a record of completion per participant from course grade's grades",
    )
    records.add_argument(
        "--grades", type=Path, nargs="+", required=True, help="the grades.csv of each assignment"
    )
    records.add_argument("--out", type=Path, required=True, help="folder for the records")
    records.set_defaults(func=_certificates)


def _schedule(args: argparse.Namespace) -> int:
    from course.trainer import schedule, six_week

    if args.engagement == "six-week":
        print("## Six weeks, blended\n")
        print(six_week.markdown())
        return 0
    agenda = schedule.build(args.engagement, participants=args.participants)
    print(f"## {agenda.title}\n")
    print(schedule.markdown(agenda))
    return 0


def _slides(args: argparse.Namespace) -> int:
    from course.trainer import slides

    modules = None if args.module is None else [args.module]
    for _module, (path, count) in slides.build(modules, out=args.out).items():
        print(f"{path}  ({count} slides)")
    return 0


def _certificates(args: argparse.Namespace) -> int:
    from course.trainer import certificates

    for path in certificates.write(args.grades, args.out):
        print(path)
    return 0
