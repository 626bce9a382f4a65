"""One source of timings: every minute a lesson, a note, the start page or an agenda states is the
lessons' own front matter (``timings:``), or is built from it by ``course schedule``."""

from __future__ import annotations

import re

import pytest

from course.checks import CourseInputError
from course.trainer import schedule, timings
from tests.conftest import ROOT

LESSONS = ["1", "2", "3", "4"]
NOTES = {
    "1": "01-cluster-economics",
    "2": "02-industry-segmentation",
    "3": "03-value-chain",
    "4": "04-benchmarking-internationalisation",
}


def _text(module: str) -> str:
    """The lesson's text as it reads: a glossary link [term](../glossary.md#term) is its term."""
    text = timings.lesson_text(module).read_text(encoding="utf-8")
    return re.sub(r"\[([^\]]+)\]\([^)\s]+\)", r"\1", text)


def _row_label(section: timings.Section) -> str:
    return section.title if not section.id.isdigit() else f"{section.id} {section.title}"


@pytest.mark.parametrize("module", LESSONS)
def test_the_lesson_table_is_its_front_matter(module):
    text = _text(module)
    for section in timings.sections(module):
        code = f" {section.exercises} " if section.exercises else " "
        row = f"| {_row_label(section)} | {section.minutes} |{code}|"
        assert row in text, f"module {module}: the minutes table should have the row {row}"
    total = timings.core_minutes(module)
    written = timings.core_minutes(module, "exercises")
    assert f"| **Core total** | **{total}** | **{written}** |" in text
    assert f"**Core path: about 2 hours ({total} min)**" in text
    assert f"break after section {timings.lesson_timings(module)['break_after']}" in text
    optional = sum(s.minutes for s in timings.sections(module, optional=True))
    assert f"**Optional depth: about {optional} min" in text


@pytest.mark.parametrize("module", LESSONS)
def test_each_section_line_is_its_front_matter(module):
    text = _text(module)
    for section in timings.sections(module):
        if section.id in ("case", "end"):
            continue
        heading = re.search(rf"^## {section.id}\. .*\n\n\*([^*]+)\*", text, re.M)
        assert heading, f"module {module}: section {section.id} has no minutes line"
        want = f"{section.minutes} min" + (
            f", of which {section.exercises} writing." if section.exercises else "."
        )
        assert heading.group(1) == want, (
            f"module {module}, section {section.id}: the lesson says {heading.group(1)!r}, "
            f"its front matter {want!r}"
        )
    for section in timings.sections(module, optional=True):
        heading = re.search(rf"^### {section.id}\. {re.escape(section.title)}(.*)$", text, re.M)
        assert heading, f"module {module}: no optional section {section.id}. {section.title}"
        stated = re.search(r"\(optional, (\d+) min\)", heading.group(1))
        assert stated is None or int(stated.group(1)) == section.minutes, heading.group(0)


@pytest.mark.parametrize("module", LESSONS)
def test_the_instructor_notes_state_the_front_matter(module):
    notes = (ROOT / "docs" / "instructors" / f"{NOTES[module]}.md").read_text(encoding="utf-8")
    total = timings.core_minutes(module)
    written = timings.core_minutes(module, "exercises")
    optional = sum(s.minutes for s in timings.sections(module, optional=True))
    assert (
        f"core path {total} min ({written} of them writing code), optional depth {optional} min"
        in notes
    )
    table = notes.split("## Timings")[1].split("\n## ")[0]
    stated = [int(m) for m in re.findall(r"^\|[^|\n]+(?:\|[^|\n]*){4}\| (\d+) \|$", table, re.M)]
    expected = [s.minutes for s in timings.sections(module)]
    expected += [s.minutes for s in timings.sections(module, optional=True)]
    assert stated == expected, (
        f"module {module}: the notes' Stated column {stated}, lesson {expected}"
    )
    assert f"**{total}**" in table


def test_the_start_page_states_the_front_matter():
    text = _text("0")
    teaching, exercises = (
        timings.core_minutes("0", "teaching"),
        timings.core_minutes("0", "exercises"),
    )
    assert f"*Teaching: {teaching} min · Exercises: {exercises} min*" in text
    assert f"| How does the course work? | about {teaching + exercises} min | none |" in text
    for module in LESSONS:
        name, minutes = timings.assignment(module)
        row = re.search(
            rf"^\| 0{module} .*\| about 2 hours[^|]*\| {name}, about (\d+) min \|$", text, re.M
        )
        assert row and int(row.group(1)) == minutes, f"the start page's route, module {module}"


@pytest.mark.parametrize("engagement", ["half-day", "one-day", "two-day"])
def test_every_core_section_is_placed_once(engagement):
    plan = schedule.PLANS[engagement]
    placed = {}
    for module, ids in plan["before"] + plan["after"]:
        for s in timings.sections(module, ids):
            placed[(module, s.id)] = placed.get((module, s.id), 0) + 1
    for block in plan["blocks"]:
        if block[0] == "lesson":
            for s in timings.sections(block[1], block[2]):
                placed[(block[1], s.id)] = placed.get((block[1], s.id), 0) + 1
    modules = {module for module, _ in placed}
    for module in modules:
        for s in timings.sections(module):
            assert placed.get((module, s.id)) == 1, (
                f"{engagement}: module {module} section {s.id} is placed "
                f"{placed.get((module, s.id), 0)} times"
            )


@pytest.mark.parametrize("engagement", ["half-day", "one-day", "two-day"])
def test_a_lesson_block_is_its_sections_for_a_room(engagement):
    agenda = schedule.build(engagement, participants=12)
    for block, row in zip(
        [b for b in schedule.PLANS[engagement]["blocks"] if b[0] != "day"], agenda.rows, strict=True
    ):
        if block[0] == "lesson":
            stated = sum(s.minutes for s in timings.sections(block[1], block[2]))
            assert row.minutes == schedule.round5(1.15 * stated)
            assert f"({stated} min stated)" in row.what
    ends = [r.start + r.minutes for r in agenda.rows]
    assert all(
        a.start + a.minutes == b.start
        for a, b in zip(agenda.rows, agenda.rows[1:], strict=False)
        if a.day == b.day
    )
    assert max(ends) <= 8 * 60  # a training day of 9:00-17:00


@pytest.mark.parametrize(
    "participants, size, minutes", [(6, 2, 20), (12, 2, 35), (16, 3, 35), (30, 4, 45)]
)
def test_the_closing_round_is_sized_by_the_room(participants, size, minutes):
    groups, got_size, got_minutes = schedule.closing_round(participants)
    assert (got_size, got_minutes) == (size, minutes)
    assert groups * got_size >= participants
    assert (got_minutes - schedule.ROUND_SET_UP) / groups >= 5  # never 2-3 min per group


def test_a_wrong_engagement_or_room_is_refused_plainly():
    with pytest.raises(CourseInputError, match="half-day, one-day, two-day, six-week"):
        schedule.build("three-day")
    with pytest.raises(CourseInputError, match="from 1 to 60"):
        schedule.build("half-day", participants=0)


# --- the trainer guide's agendas, the six-week plan, records of completion ---------------------

GUIDE = ROOT / "docs" / "trainer-guide.md"


@pytest.mark.parametrize("engagement", schedule.ENGAGEMENTS)
def test_the_trainer_guide_shows_the_generated_agenda(engagement):
    text = GUIDE.read_text(encoding="utf-8")
    assert schedule.guide_block(engagement) in text, (
        f"the trainer guide's {engagement} agenda is not today's `course schedule {engagement}`: "
        "regenerate it: python -m course.trainer.schedule"
    )


def test_course_schedule_prints_each_engagement(capsys):
    from course import cli

    assert cli.main(["schedule", "one-day", "--participants", "20"]) == 0
    out = capsys.readouterr().out
    assert "Groups of 4 for 20 participants" in out and "Before the day" in out
    assert cli.main(["schedule", "six-week"]) == 0
    assert "Completion rule" in capsys.readouterr().out


def _grades(folder, assignment, rows):
    import pandas as pd

    path = folder / f"{assignment}.csv"
    table = pd.DataFrame(rows, columns=["student", "total", "max", "status"])
    table.insert(1, "assignment", f"{assignment}-x")
    table["message"] = ""
    table.to_csv(path, index=False)
    return path


def test_certificates_follow_the_completion_rule(tmp_path, monkeypatch):
    from course import cli
    from course.trainer import certificates

    monkeypatch.setattr(certificates, "_to_pdf", lambda page: None)  # the PDF: the next test

    files = [
        _grades(tmp_path, name, [("ana", 8, 10, "graded"), ("ben", 8, 10, "graded")])
        for name in ("ps01", "ps02", "ps03")
    ]
    (tmp_path / "late").mkdir()  # a second run of ps01, for a student the first did not have
    files.append(_grades(tmp_path / "late", "ps01", [("cy", None, 10, "failed: timeout")]))
    files.append(
        _grades(
            tmp_path, "ps04", [("ana", 6, 10, "graded"), ("ben", 7, 10, "needs manual grading")]
        )
    )
    out = tmp_path / "records"
    assert cli.main(["certificates", "--grades", *map(str, files), "--out", str(out)]) == 0
    ana = (out / "ana.html").read_text(encoding="utf-8")
    ben = (out / "ben.html").read_text(encoding="utf-8")
    assert "has completed" in ana and "6 of 10" in ana
    assert "has not completed" in ben and "ps04: needs manual grading" in ben
    cy = (out / "cy.html").read_text(encoding="utf-8")
    assert "ps01: failed: timeout" in cy and "ps02: not handed in" in cy and "no total" in cy


def test_a_record_is_a_pdf_too_where_a_converter_is_present(tmp_path, monkeypatch):
    import importlib.util
    import shutil

    from course import cli

    monkeypatch.chdir(tmp_path)  # relative paths, as a trainer types them
    rows = [("ana", 9, 10, "graded")]
    files = [_grades(tmp_path, name, rows).name for name in ("ps01", "ps02", "ps03", "ps04")]
    assert cli.main(["certificates", "--grades", *files, "--out", "records"]) == 0
    assert "has completed" in (tmp_path / "records" / "ana.html").read_text(encoding="utf-8")
    converter = importlib.util.find_spec("weasyprint") or any(
        shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
    )
    pdf = tmp_path / "records" / "ana.pdf"
    assert pdf.is_file() == bool(converter)
    if converter:
        assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "content, message",
    [
        ("student,score\nana,3\n", "has no column assignment, total, max, status"),
        ("", "is not a grades file"),
        ("student,assignment,total,max,status\nana,ps01,lots,10,graded\n", "should hold points"),
    ],
)
def test_a_malformed_grades_file_is_refused_plainly(tmp_path, capsys, content, message):
    from course import cli

    bad = tmp_path / "grades.csv"
    bad.write_text(content, encoding="utf-8")
    assert cli.main(["certificates", "--grades", str(bad), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("module", LESSONS)
def test_the_assignment_states_the_front_matter(module):
    # the learner reads the assignment's own header: "About N minutes"
    name, minutes = timings.assignment(module)
    (source,) = (ROOT / "solutions").glob(f"{name}-*/{name}.pct.py")
    stated = re.search(r"About (\d+) minutes", source.read_text(encoding="utf-8"))
    assert stated and int(stated.group(1)) == minutes, (name, minutes)
