"""The six-week blended programme: a weekly plan built from the lessons' minutes, and its
completion rule.

Each week has one live online session (:data:`LIVE_MINUTES`), the self-paced rest of a module and
its graded assignment, due before the next live session. The live session covers the module's
sections up to its break (the part with the most new ideas), in a room's time
(``schedule.room_minutes``), after a review of last week's assignment; the rest of the core path is
self-paced at the lesson's own minutes.

**Completion rule** (:func:`completed`): a participant completes the programme when each of
ps01-ps04 has been graded (no written task still waiting) with at least :data:`PASS_SHARE` of its
points. Attendance of the live sessions is for the trainer to record; it is not in the grades.

>>> [week.number for week in plan()]
[1, 2, 3, 4, 5, 6]
>>> plan()[0].assignment
'ps01 (90 min)'
"""

from __future__ import annotations

from dataclasses import dataclass

from course.trainer import schedule, timings

LIVE_MINUTES = 90
REVIEW_MINUTES = 15
PASS_SHARE = 0.5
REQUIRED = ("ps01", "ps02", "ps03", "ps04")


@dataclass(frozen=True)
class Week:
    number: int
    live: str
    self_paced: str
    assignment: str
    hours: float  # a participant's time that week, live session included


def _module_week(number: int, module: str) -> Week:
    ids = [s.id for s in timings.sections(module)]
    cut = ids.index(str(timings.lesson_timings(module)["break_after"])) + 1
    live_ids, rest = ids[:cut], ids[cut:]
    live = min(LIVE_MINUTES - REVIEW_MINUTES, schedule.room_minutes(module, live_ids))
    rest_minutes = sum(s.minutes for s in timings.sections(module, rest))
    name, minutes = timings.assignment(module)
    review = "review of last week's assignment, then " if number > 1 else "welcome, then "
    extra = " after the start page (35 min) and `course doctor`" if module == "1" else ""
    return Week(
        number,
        f"{LIVE_MINUTES} min: {review}module {module}, {timings.span(module, live_ids)} ({live} min)",
        f"module {module}, {timings.span(module, rest)} ({rest_minutes} min){extra}",
        f"{name} ({minutes} min)",
        round((LIVE_MINUTES + rest_minutes + minutes + (35 if module == "1" else 0)) / 60, 1),
    )


def plan() -> list[Week]:
    """The six weeks: modules 1-4, then the capstone week and the closing session."""
    weeks = [_module_week(number, module) for number, module in enumerate("1234", start=1)]
    weeks.append(
        Week(
            5,
            f"{LIVE_MINUTES} min: review of ps04; each participant's own cluster, questions one to one",
            "the capstone, a data profile of your own cluster (in preparation: until it is "
            "released, the road-map of module 4's 'Back to the case' for your own cluster, "
            "about 120 min)",
            "the road-map, handed in as a notebook or a page",
            round((LIVE_MINUTES + 120) / 60, 1),
        )
    )
    weeks.append(
        Week(
            6,
            f"{LIVE_MINUTES} min: closing round, each participant presents the road-map "
            f"(5 min and questions, {schedule.closing_round(12)[2]} min for 12); records of completion",
            "none",
            "none (grades final by the end of the week)",
            round(LIVE_MINUTES / 60, 1),
        )
    )
    return weeks


def markdown() -> str:
    """The weekly plan as the Markdown table the trainer guide shows."""
    lines = [
        "| Week | Live session | Self-paced | Assignment | Hours |",
        "|---|---|---|---|---|",
    ]
    for week in plan():
        lines.append(
            f"| {week.number} | {week.live} | {week.self_paced} | {week.assignment} | {week.hours} |"
        )
    lines.append("")
    lines.append(
        f"**Completion rule:** each of {', '.join(REQUIRED)} graded, with no written task still "
        f"waiting, at {PASS_SHARE:.0%} of its points or more. `course certificates` checks it."
    )
    return "\n".join(lines)


def completed(scores: dict[str, tuple[float, float, str]]) -> tuple[bool, list[str]]:
    """Whether one participant completes, and what is still missing.

    ``scores`` maps an assignment to (points, maximum, status) as in ``grades.csv``.

    >>> completed({"ps01": (8, 10, "graded"), "ps02": (4, 10, "graded")})[1]
    ['ps02: 40% of the points, 50% needed', 'ps03: not handed in', 'ps04: not handed in']
    """
    missing = []
    for name in REQUIRED:
        if name not in scores:
            missing.append(f"{name}: not handed in")
            continue
        points, maximum, status = scores[name]
        if status != "graded":
            missing.append(f"{name}: {status}")
        elif points != points:  # NaN: a part failed, no total recorded
            missing.append(f"{name}: no total in the grades")
        elif maximum <= 0 or points / maximum < PASS_SHARE:
            share = points / maximum if maximum > 0 else 0
            missing.append(f"{name}: {share:.0%} of the points, {PASS_SHARE:.0%} needed")
    return not missing, missing
