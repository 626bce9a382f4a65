"""The workshop agendas, built from the lessons' own minutes (``course schedule``).

Each block of lesson time is the sum of its sections' stated minutes (``course.trainer.timings``)
times :data:`ROOM_FACTOR` (the instructor notes' "in a room add about 15 % for questions and
restarts"), rounded to 5 minutes. Every core section of a module in an agenda is placed once: in
the room, in the pre-work before the day, or in the work after it, with its minutes. The closing
round is sized by the number of participants (:func:`closing_round`), and a buffer of
:data:`BUFFER_SHARE` of each day's lesson time is kept before it.

    block minutes = round5(ROOM_FACTOR x sum of the sections' teaching + exercise minutes)

>>> agenda = build("half-day", participants=12)
>>> agenda.rows[0].what.startswith("Welcome")
True
>>> print(markdown(agenda).splitlines()[0])
| Time | What | Minutes |
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from course.checks import CourseInputError
from course.trainer import DEFAULT_PARTICIPANTS, ENGAGEMENTS, timings

ROOM_FACTOR = 1.15
BUFFER_SHARE = 0.10
# closing round: each group presents, then takes questions; set-up and change-overs once
PRESENT_MINUTES, QUESTION_MINUTES, ROUND_SET_UP = 3, 2, 5


def round5(minutes: float) -> int:
    """``minutes`` rounded to the nearest 5 (halves up), at least 5.

    >>> round5(40.25), round5(42.5), round5(1)
    (40, 45, 5)
    """
    return max(5, int(math.floor(minutes / 5 + 0.5)) * 5)


def room_minutes(module: str, ids) -> int:
    """The minutes a room needs for sections ``ids`` of ``module``: round5(1.15 x stated)."""
    return round5(ROOM_FACTOR * sum(s.minutes for s in timings.sections(module, ids)))


def group_size(participants: int) -> int:
    """Pairs up to 12 participants, threes up to 18, fours above (a closing round stays short).

    >>> group_size(8), group_size(16), group_size(24)
    (2, 3, 4)
    """
    return 2 if participants <= 12 else 3 if participants <= 18 else 4


def closing_round(participants: int) -> tuple[int, int, int]:
    """(groups, group size, minutes) of a closing round: 3 min to present, 2 for questions each.

    >>> closing_round(12)
    (6, 2, 35)
    """
    if participants < 1:
        raise CourseInputError(f"A workshop needs at least 1 participant, not {participants}.")
    size = min(group_size(participants), participants)
    groups = math.ceil(participants / size)
    return groups, size, ROUND_SET_UP + groups * (PRESENT_MINUTES + QUESTION_MINUTES)


@dataclass
class Row:
    day: int
    start: int  # minutes from the start of the day
    what: str
    minutes: int


@dataclass
class Agenda:
    engagement: str
    title: str
    participants: int
    rows: list[Row] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # pre-work lines
    after: list[str] = field(default_factory=list)  # work after the day
    notes: list[str] = field(default_factory=list)


# The engagements: ("lesson", module, ids, what the room does), ("break"|"lunch", minutes),
# ("text", minutes, what), ("buffer",), ("closing", what), ("day",) starts day 2.
PLANS = {
    "half-day": {
        "title": 'Half-day: "Is our cluster a cluster?" (module 1)',
        "before": [("0", None)],
        "after": [],
        "blocks": [
            (
                "text",
                15,
                "Welcome; questions from the start page (pre-work); `course doctor` lines still red",
            ),
            ("lesson", "1", ["case", "1", "2"], "the Vidzeme case, what a cluster is, the data"),
            (
                "lesson",
                "1",
                ["3", "4"],
                "location quotients, the reference area, star ratings; pairs take their own region",
            ),
            ("break", 15),
            (
                "lesson",
                "1",
                ["5", "6"],
                "shift-share and CAGR; pairs decompose their own cluster's growth",
            ),
            (
                "lesson",
                "1",
                ["7", "8", "9", "end"],
                "the portfolio and the US rule, overall specialisation, reading numbers critically",
            ),
            ("buffer",),
            ("closing", "one recommendation for its own cluster"),
        ],
    },
    "one-day": {
        "title": 'One day: "From our region\'s strengths to cross-industry partners" (modules 1 and 3)',
        "before": [("0", None), ("1", ["case", "1", "2"])],
        "after": [("1", ["8", "9", "end"]), ("3", ["9", "end"])],
        "blocks": [
            ("text", 15, "Welcome; questions from the pre-work; `course doctor` lines still red"),
            (
                "lesson",
                "1",
                ["3", "4"],
                "location quotients, the reference area, star ratings; pairs take their own region",
            ),
            ("break", 15),
            (
                "lesson",
                "1",
                ["5", "6", "7"],
                "shift-share, CAGR, the portfolio and the US rule; pairs read their own portfolio",
            ),
            ("lunch", 60),
            (
                "lesson",
                "3",
                ["case", "1", "2", "3", "4", "5"],
                "the value system, reading an input-output table, coefficients, the Leontief inverse, multipliers and their limits",
            ),
            ("break", 15),
            (
                "lesson",
                "3",
                ["6", "7", "8"],
                "key sectors, food + packaging suppliers and buyers, the value-chain map and its gaps",
            ),
            ("buffer",),
            (
                "closing",
                "one cross-industry project for its cluster, with two numbers that support it",
            ),
        ],
    },
    "two-day": {
        "title": 'Two days: "Know the region, the members, the chain and the peers" (modules 1-4)',
        "before": [("0", None)],
        "after": [],
        "blocks": [
            (
                "text",
                20,
                "Welcome; questions from the pre-work; `course doctor` output checked in the room",
            ),
            (
                "lesson",
                "1",
                ["case", "1", "2", "3", "4"],
                "what a cluster is, location quotients, stars",
            ),
            ("break", 15),
            (
                "lesson",
                "1",
                ["5", "6", "7", "8", "9", "end"],
                "shift-share, CAGR, portfolio and US rule, overall specialisation",
            ),
            ("lunch", 60),
            (
                "lesson",
                "2",
                ["case", "1", "2", "3", "4", "5"],
                "NACE pitfalls, the five forces as a group scorecard (pairs score their own industry), member types, the SME rule",
            ),
            ("break", 15),
            (
                "lesson",
                "2",
                ["6", "7", "8", "9", "end"],
                "value-chain stages and exports, concentration, segments and the service offer for each",
            ),
            ("buffer",),
            ("day",),
            (
                "text",
                20,
                "Recap of day 1: each group's strongest cluster and its members in three lines",
            ),
            (
                "lesson",
                "3",
                ["case", "1", "2", "3", "4", "5"],
                "the value system, input-output tables, multipliers and their limits",
            ),
            ("break", 15),
            (
                "lesson",
                "3",
                ["6", "7", "8", "9", "end"],
                "key sectors, food + packaging, the value-chain map and gaps, GVC participation",
            ),
            ("lunch", 60),
            (
                "lesson",
                "4",
                ["case", "1", "2", "3", "4", "5"],
                "why benchmark, the ESCA labels, percentile ranks, gaps, area scores",
            ),
            ("break", 15),
            (
                "lesson",
                "4",
                ["6", "7", "8", "9", "end"],
                "reading a benchmark honestly, improvement and label readiness, KPIs, internationalisation",
            ),
            ("buffer",),
            (
                "closing",
                "a road-map: three improvement points and one international partnership for its cluster",
            ),
        ],
    },
}


def _check(engagement: str, participants: int) -> None:
    if engagement not in ENGAGEMENTS:
        raise CourseInputError(
            f"There is no engagement {engagement!r}: choose one of {', '.join(ENGAGEMENTS)}."
        )
    if not isinstance(participants, int) or not 1 <= participants <= 60:
        raise CourseInputError(
            f"The number of participants should be a whole number from 1 to 60, not {participants!r}."
        )


def build(engagement: str, *, participants: int = DEFAULT_PARTICIPANTS) -> Agenda:
    """The agenda of ``engagement`` (half-day, one-day, two-day) for ``participants`` people.

    The six-week programme has its own plan: :func:`course.trainer.six_week.plan`.
    """
    _check(engagement, participants)
    if engagement == "six-week":
        raise CourseInputError("The six-week programme is a weekly plan: use six_week.plan().")
    plan = PLANS[engagement]
    agenda = Agenda(engagement, plan["title"], participants)
    agenda.before = [_outside_line(m, ids) for m, ids in plan["before"]]
    agenda.after = [_outside_line(m, ids) for m, ids in plan["after"]]
    day, clock, lesson_time = 1, 0, 0
    for block in plan["blocks"]:
        kind = block[0]
        if kind == "day":
            day, clock, lesson_time = day + 1, 0, 0
            continue
        what, minutes = _block(block, participants, lesson_time)
        if kind == "lesson":
            lesson_time += minutes
        agenda.rows.append(Row(day, clock, what, minutes))
        clock += minutes
    groups, size, _ = closing_round(participants)
    agenda.notes.append(
        f"Groups of {size} for {participants} participants: {groups} groups present in the closing "
        f"round, {PRESENT_MINUTES} min each and {QUESTION_MINUTES} min of questions."
    )
    return agenda


def _block(block: tuple, participants: int, lesson_time: int) -> tuple[str, int]:
    kind = block[0]
    if kind == "lesson":
        _, module, ids, what = block
        stated = sum(s.minutes for s in timings.sections(module, ids))
        return f"Module {module}, {timings.span(module, ids)}: {what} ({stated} min stated)", (
            room_minutes(module, ids)
        )
    if kind in ("break", "lunch"):
        return kind.capitalize(), block[1]
    if kind == "text":
        return block[2], block[1]
    if kind == "buffer":
        return "Buffer: questions, a restart, a slow step", round5(BUFFER_SHARE * lesson_time)
    groups, size, minutes = closing_round(participants)
    team = "pair" if size == 2 else f"group of {size}"
    return f"Closing round: each {team} presents {block[1]}", minutes


def _outside_line(module: str, ids) -> str:
    chosen = timings.sections(module, ids)
    minutes = sum(s.minutes for s in chosen)
    where = (
        "the start page"
        if module == "0"
        else f"module {module}, {timings.span(module, [s.id for s in chosen])}"
    )
    return f"{where} ({minutes} min)"


def clock(minutes: int) -> str:
    """A start time as h:mm from the start of the day.

    >>> clock(95)
    '1:35'
    """
    return f"{minutes // 60}:{minutes % 60:02d}"


def markdown(agenda: Agenda) -> str:
    """The agenda as the Markdown table the trainer guide shows, with pre-work and after-work."""
    two_days = any(row.day == 2 for row in agenda.rows)
    lines = ["| Time | What | Minutes |", "|---|---|---|"]
    for row in agenda.rows:
        time = f"{row.day}, {clock(row.start)}" if two_days else clock(row.start)
        lines.append(f"| {time} | {row.what} | {row.minutes} |")
    for day in sorted({row.day for row in agenda.rows}):
        last = [row for row in agenda.rows if row.day == day][-1]
        label = f"Day {day} ends" if two_days else "Ends"
        lines.append(f"| {label} | at {clock(last.start + last.minutes)} | |")
    lines.append("")
    if agenda.before:
        lines.append("**Before the day** (pre-work, alone): " + "; ".join(agenda.before) + ".")
    if agenda.after:
        lines.append(
            "**After the day** (alone, with the assignments): " + "; ".join(agenda.after) + "."
        )
    lines += agenda.notes
    return "\n".join(lines)


GUIDE_START = (
    "<!-- course schedule {engagement}: generated, do not edit (tests/test_schedule.py) -->"
)
GUIDE_END = "<!-- end of course schedule {engagement} -->"


def guide_block(engagement: str) -> str:
    """What the trainer guide shows for ``engagement``: ``course schedule`` for 12 participants."""
    if engagement == "six-week":
        from course.trainer import six_week

        body = six_week.markdown()
    else:
        body = markdown(build(engagement))
    return "\n".join(
        [GUIDE_START.format(engagement=engagement), body, GUIDE_END.format(engagement=engagement)]
    )


def update_guide(text: str) -> str:
    """The trainer guide's ``text`` with each generated agenda replaced by today's."""
    for engagement in ENGAGEMENTS:
        start = GUIDE_START.format(engagement=engagement)
        end = GUIDE_END.format(engagement=engagement)
        if start in text and end in text:
            before, rest = text.split(start, 1)
            text = before + guide_block(engagement) + rest.split(end, 1)[1]
    return text


if __name__ == "__main__":  # python -m course.trainer.schedule: regenerate the guide's agendas
    from course import materials

    guide = (materials.source_root() or Path.cwd()) / "docs" / "trainer-guide.md"
    guide.write_text(update_guide(guide.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {guide}")
