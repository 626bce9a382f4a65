"""What ``course grade`` writes: ``grades.csv``, feedback per student, the cohort report.

All of it goes to the output folder (outside the repository, ``--out``):

- ``grades.csv``: one row per student: the points of each task, ``auto_score``,
  ``manual_score``, ``total``, ``max``, ``status`` and a ``message``; a part that failed or waits
  for a grade by hand is empty, never an invented 0;
- ``feedback/<student>.html``: nbgrader's feedback (hidden tests, mark schemes and tracebacks
  removed by ``nbgrader_config.py``), with a "not final" banner while written tasks wait;
- ``cohort-report.html`` and ``cohort-report.csv``: the score distribution, the share of points
  per task, and the tasks most often failed with their most common failure messages.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
from collections import Counter
from html import escape
from pathlib import Path

import pandas as pd

__all__ = ["write_all", "task_summary", "failure_messages", "error_lines", "NOT_FINAL"]

NOT_FINAL = (
    "Not final yet: your written tasks have not been graded. The points below for them are not"
    " your grade; this page is replaced when they are."
)


def write_all(grades: pd.DataFrame, assignment, folder: Path, out: Path, *, copies) -> None:
    """Write every output of one ``course grade`` run to ``out``.

    ``assignment`` is the :class:`~course.grading.tasks.Assignment` graded, ``folder`` the
    grading folder (nbgrader's feedback pages are copied from there) and ``copies`` the
    autograded notebooks by student, as the run read them.
    """
    grades.to_csv(out / "grades.csv", index=False)
    messages = failure_messages(grades, assignment.tasks, copies)
    summary = task_summary(grades, assignment.tasks, messages)
    summary.to_csv(out / "cohort-report.csv", index=False)
    html = _html(grades, summary, assignment.name)
    (out / "cohort-report.html").write_text(html, encoding="utf-8")
    _feedback(grades, assignment.name, folder, out / "feedback")


def failure_messages(grades, tasks, copies: dict) -> dict[str, Counter]:
    """{grade_id: Counter of the one-line failure messages} over the graded submissions.

    The message is the last line of the test's error, the hint a check gives
    (``AssertionError: ...``); a task whose answer raised reads ``NameError: ...``.
    ``copies`` maps each student to their autograded notebook.

    >>> import nbformat
    >>> from course.grading.tasks import Task
    >>> test = {"grade_id": "t1", "grade": True, "points": 2}
    >>> failed = nbformat.v4.new_output("error", ename="AssertionError", evalue="give a list")
    >>> cell = nbformat.v4.new_code_cell("check()", metadata={"nbgrader": test}, outputs=[failed])
    >>> grades = pd.DataFrame({"student": ["anna"], "status": ["graded"]})
    >>> tasks = [Task(1, "t1", "Task 1", 2.0, written=False)]
    >>> failure_messages(grades, tasks, {"anna": nbformat.v4.new_notebook(cells=[cell])})
    {'t1': Counter({'AssertionError: give a list': 1})}
    """
    test_ids = {t.grade_id for t in tasks if not t.written}
    found: dict[str, Counter] = {grade_id: Counter() for grade_id in test_ids}
    for student in grades.loc[~grades["status"].str.startswith("failed"), "student"]:
        notebook = copies.get(student)
        for cell in notebook.cells if notebook is not None else []:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in test_ids:
                found[grade_id].update(error_lines(cell))
    return found


def error_lines(cell, *, whole: bool = False) -> list[str]:
    """``Name: message`` of each error a cell's outputs show: the first line of the message
    (what the cohort report counts), or all of it on one line (``whole=True``)."""
    lines = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            text = f"{output.get('ename')}: {output.get('evalue', '')}".strip()
            lines.append(" ".join(text.split()) if whole else text.splitlines()[0][:200])
    return lines


def task_summary(grades: pd.DataFrame, tasks, messages: dict[str, Counter]) -> pd.DataFrame:
    """One row per task: points, how many were graded, the share of points the cohort earned."""
    rows = []
    for task in tasks:
        scores = pd.to_numeric(grades.get(task.grade_id), errors="coerce").dropna()
        common = messages.get(task.grade_id, Counter()).most_common(3)
        rows.append(
            {
                "task": task.number,
                "grade_id": task.grade_id,
                "title": task.title,
                "kind": "written" if task.written else "autograded",
                "points": task.points,
                "graded": len(scores),
                "mean": round(scores.mean(), 2) if len(scores) else None,
                "share_of_points": round(scores.mean() / task.points, 3) if len(scores) else None,
                "full_marks": int((scores >= task.points).sum()),
                "no_points": int((scores == 0).sum()),
                "common_failures": " | ".join(f"{m} ({n}x)" for m, n in common),
            }
        )
    return pd.DataFrame(rows)


def _html(grades: pd.DataFrame, summary: pd.DataFrame, assignment: str) -> str:
    statuses = grades["status"].str.replace(r":.*", "", regex=True).value_counts()
    hardest = summary.dropna(subset=["share_of_points"]).sort_values("share_of_points").head(5)
    hardest = hardest[["task", "title", "share_of_points", "common_failures"]]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Cohort report: {escape(assignment)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3em .6em;text-align:left}}
</style></head><body>
<h1>Cohort report: {escape(assignment)}</h1>
<p>{len(grades)} submissions. Status: {escape(", ".join(f"{k} {v}" for k, v in statuses.items()))}.
Totals exist only for fully graded submissions; the autograded points for all graded ones.</p>
<h2>Score distribution</h2>{_figure(_distribution, grades)}
<h2>Points per task</h2>{_figure(_per_task, summary)}
<h2>The tasks most often failed</h2>{hardest.to_html(index=False, na_rep="")}
<h2>Every task</h2>{summary.to_html(index=False, na_rep="")}
</body></html>
"""


def _figure(draw, table: pd.DataFrame) -> str:
    import matplotlib

    matplotlib.use("Agg")  # no screen needed; the picture is embedded in the page
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(8, 3.5))
    draw(ax, table)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    data = base64.b64encode(buffer.getvalue()).decode()
    return f'<img alt="chart" src="data:image/png;base64,{data}">'


def _distribution(ax, grades: pd.DataFrame) -> None:
    scores = pd.to_numeric(grades["auto_score"], errors="coerce").dropna()
    ax.hist(scores, bins=range(0, int(grades["max"].max()) + 2), color="#3a6ea5", rwidth=0.9)
    ax.set(xlabel="autograded points", ylabel="submissions")


def _per_task(ax, summary: pd.DataFrame) -> None:
    shares = summary["share_of_points"].astype(float).fillna(0) * 100
    ax.barh(
        [f"{t}. {g}" for t, g in zip(summary["task"], summary["grade_id"], strict=False)],
        shares,
        color="#3a6ea5",
    )
    ax.invert_yaxis()
    ax.set(xlabel="share of the points earned by the cohort (%)", xlim=(0, 100))


def _feedback(grades: pd.DataFrame, assignment: str, grading: Path, folder: Path) -> None:
    # copy nbgrader's feedback next to the grades; a failed submission gets none (no stale page)
    folder.mkdir(exist_ok=True)
    for row in grades.itertuples():
        target = folder / f"{row.student}.html"
        pages = sorted((grading / "feedback" / row.student / assignment).glob("*.html"))
        if row.status.startswith("failed") or not pages:
            target.unlink(missing_ok=True)
            continue
        if pd.isna(row.total):
            _add_banner(pages[0])
        shutil.copy(pages[0], target)


def _add_banner(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    if NOT_FINAL in html:
        return
    banner = (
        '<div style="background:#fff3cd;border:2px solid #c90;padding:1em;margin:1em;'
        f'font-size:1.2em">{escape(NOT_FINAL)}</div>'
    )
    page.chmod(0o644)  # nbgrader writes feedback read-only
    page.write_text(re.sub(r"(<body[^>]*>)", r"\1" + banner, html, count=1), encoding="utf-8")
