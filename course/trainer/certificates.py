"""Records of completion of the six-week programme, from ``course grade``'s grades
(``course certificates``).

``course grade`` writes one ``grades.csv`` per assignment (columns ``student``, ``assignment``,
``total``, ``max``, ``status``, ...). Given those files, :func:`write` applies the completion rule
of :mod:`course.trainer.six_week` and writes, per participant, ``<student>.html``: the
assignments with their points, and either "has completed" or what is still missing. A PDF is
written beside it only where a converter is on this computer (``weasyprint`` or a Chromium-family
browser run headless); otherwise the HTML prints to PDF from any browser.

>>> import pandas as pd
>>> grades = pd.DataFrame({"student": ["ana"], "assignment": ["ps01"], "total": [9.0],
...                        "max": [10.0], "status": ["graded"]})
>>> records(grades)["ana"][0]
False
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from html import escape
from pathlib import Path

import pandas as pd

from course.checks import CourseInputError
from course.trainer import six_week

NEEDED = ("student", "assignment", "total", "max", "status")


def read_grades(paths) -> pd.DataFrame:
    """The grades files of ``course grade``, one table; a malformed file is refused plainly."""
    tables = []
    for path in [Path(p) for p in paths]:
        if not path.is_file():
            raise CourseInputError(f"There is no grades file {path}.")
        try:
            table = pd.read_csv(path)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
            raise CourseInputError(
                f"{path.name} is not a grades file written by 'course grade' ({exc})."
            ) from None
        missing = [c for c in NEEDED if c not in table.columns]
        if missing:
            raise CourseInputError(
                f"{path.name} is not a grades file written by 'course grade': it has no "
                f"column {', '.join(missing)}."
            )
        for column in ("total", "max"):
            numbers = pd.to_numeric(table[column], errors="coerce")
            bad = table.loc[numbers.isna() & table[column].notna() & (table["status"] == "graded")]
            if len(bad) or (numbers < 0).any():
                raise CourseInputError(
                    f"{path.name}: the column {column} should hold points (numbers of 0 or more); "
                    f"see the row of {bad['student'].iloc[0] if len(bad) else 'a negative value'}."
                )
            table[column] = numbers
        if table["student"].isna().any() or table["assignment"].isna().any():
            raise CourseInputError(f"{path.name}: a row has no student or no assignment.")
        tables.append(table[list(NEEDED)])
    if not tables:
        raise CourseInputError("Give at least one grades file: --grades grades.csv.")
    grades = pd.concat(tables, ignore_index=True)
    twice = grades.duplicated(["student", "assignment"], keep=False)
    if twice.any():
        row = grades[twice].iloc[0]
        raise CourseInputError(
            f"{row['student']} has two grades for {row['assignment']}: keep one grades file per "
            "assignment (the latest run of 'course grade')."
        )
    return grades


def records(grades: pd.DataFrame) -> dict[str, tuple[bool, list[str], pd.DataFrame]]:
    """Per student: (completed, what is missing, their rows of grades)."""
    found = {}
    for student, rows in grades.groupby("student", sort=True):
        scores = {
            str(r.assignment).split("-")[0]: (float(r.total), float(r.max), str(r.status))
            for r in rows.itertuples()
        }
        done, missing = six_week.completed(scores)
        found[str(student)] = (done, missing, rows)
    return found


def _html(student: str, done: bool, missing: list[str], rows: pd.DataFrame, when: str) -> str:
    lines = "".join(
        f"<tr><td>{escape(str(r.assignment))}</td><td>{_points(r.total)} of {r.max:g}</td>"
        f"<td>{escape(str(r.status))}</td></tr>"
        for r in rows.sort_values("assignment").itertuples()
    )
    verdict = (
        f"<p class='done'><strong>{escape(student)}</strong> has completed the six-week "
        "programme <em>Cluster analysis for cluster managers</em>.</p>"
        if done
        else f"<p class='open'><strong>{escape(student)}</strong> has not completed the programme "
        "yet. Still missing:</p><ul>" + "".join(f"<li>{escape(m)}</li>" for m in missing) + "</ul>"
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Record of completion: {escape(student)}</title><style>"
        "body{font-family:sans-serif;max-width:40em;margin:3em auto}"
        "td,th{border-bottom:1px solid #ccc;padding:.3em 1em;text-align:left}</style></head><body>"
        f"<h1>Record of completion</h1>{verdict}<table><tr><th>Assignment</th><th>Points</th>"
        f"<th>Status</th></tr>{lines}</table><p>Completion rule: {escape(_rule())}</p>"
        f"<p>Issued {when}, from the grades of <code>course grade</code>.</p></body></html>"
    )


def _points(value: float) -> str:
    return "no total" if value != value else f"{value:g}"


def _rule() -> str:
    return (
        f"each of {', '.join(six_week.REQUIRED)} graded, with no written task waiting, "
        f"at {six_week.PASS_SHARE:.0%} of its points or more."
    )


def write(grades_files, out: Path, *, when: date | None = None) -> list[Path]:
    """Write ``out/<student>.html`` (and a PDF where a converter is present) for each student."""
    found = records(read_grades(grades_files))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stamp = (when or date.today()).isoformat()
    written = []
    for student, (done, missing, rows) in found.items():
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in student)
        page = out / f"{safe}.html"
        page.write_text(_html(student, done, missing, rows, stamp), encoding="utf-8")
        written.append(page)
        pdf = _to_pdf(page)
        if pdf:
            written.append(pdf)
    return written


def _to_pdf(page: Path) -> Path | None:
    target = page.with_suffix(".pdf")
    try:
        import weasyprint
    except ImportError:
        weasyprint = None
    if weasyprint is not None:
        weasyprint.HTML(filename=str(page)).write_pdf(str(target))
        return target
    for name in ("chromium", "chromium-browser", "google-chrome"):
        browser = shutil.which(name)
        if browser:
            command = [browser, "--headless", "--disable-gpu", f"--print-to-pdf={target.resolve()}"]
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                command.append("--no-sandbox")  # containers run as root; the page is our own
            try:
                subprocess.run(
                    [*command, page.resolve().as_uri()],
                    capture_output=True,
                    timeout=60,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired):
                return None
            return target if target.is_file() else None
    return None
