"""The instructors' ``course`` commands: ``course release`` and ``course grade``.

    course release ps01-cluster-economics        # the student version in exercises/
    course grade ps01-cluster-economics --submissions ~/inbox/ps01
    course grade ps01-cluster-economics --pending

Both work from any folder. The course is ``--course DIR``, else ``$COURSE_ROOT``, else the
course folder you are in (a folder with ``nbgrader_config.py`` and ``solutions/``, or one of
its subfolders), else the clone this ``course`` command was installed from. Neither writes
grading state into the course: ``course grade`` keeps nbgrader's gradebook and working trees
beside the grades, in ``<--out>/nbgrader/``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def add_commands(commands) -> None:
    """Add ``release`` (alias ``exercises``) and ``grade`` to the ``course`` command's parser."""
    release = commands.add_parser(
        "release",
        aliases=["exercises"],
        help="instructors: generate the student versions in exercises/",
    )
    release.add_argument("assignment", nargs="*", help="e.g. ps01-cluster-economics (default: all)")
    _course_option(release)
    release.set_defaults(func=_release)

    grade = commands.add_parser(
        "grade", help="instructors: grade a cohort's submissions, write grades.csv and feedback"
    )
    grade.add_argument("assignment", help="e.g. ps01-cluster-economics")
    grade.add_argument(
        "--submissions",
        type=Path,
        metavar="FOLDER",
        help="nbgrader's submitted/ or a folder of .ipynb/.zip files",
    )
    grade.add_argument(
        "--workers", type=int, default=None, metavar="N", help="parallel graders (default: cores)"
    )
    grade.add_argument(
        "--timeout", type=int, default=None, metavar="S", help="seconds per cell (default: 120)"
    )
    grade.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="where grades, feedback and nbgrader's gradebook go (FOLDER/nbgrader; default:"
        " ~/cluster-course-grades/ASSIGNMENT); never inside the course",
    )
    grade.add_argument("--regrade", action="store_true", help="execute unchanged submissions again")
    grade.add_argument(
        "--pending",
        action="store_true",
        help="list the written tasks still waiting for a grade by hand, and stop",
    )
    grade.add_argument(
        "--formgrader",
        action="store_true",
        help="open nbgrader's formgrader on the gradebook of --out, to grade the written tasks",
    )
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    grade.add_argument(
        "--trust-submissions",
        action="store_true",
        help="grade even where no sandbox can be had: each submission's code then runs with"
        " your rights (see the instructor guide)",
    )
    _course_option(grade)
    grade.set_defaults(func=_grade)


def _course_option(parser) -> None:
    parser.add_argument(
        "--course",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="the course (default: $COURSE_ROOT, the course folder you are in, or this clone)",
    )


def course_root(given: Path | None = None) -> Path:
    """The course folder the instructor means (see the module docstring)."""
    if given or os.environ.get("COURSE_ROOT"):
        return Path(given or os.environ["COURSE_ROOT"]).expanduser().resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file() and (folder / "solutions").is_dir():
            return folder
    from course.grading.gradebook import ROOT

    return ROOT


def _root(args) -> Path:
    return course_root(args.course)


def _release(args: argparse.Namespace) -> int:
    import tempfile

    from course.grading import gradebook

    root = _root(args)
    # nbgrader also records the assignment in a gradebook: a throwaway one, so that none is
    # left in the course folder (course grade records it in its own grading folder)
    with tempfile.TemporaryDirectory(prefix="course-release-") as throwaway:
        for assignment in args.assignment or gradebook.assignments(root):
            released = gradebook.generate_exercises(
                assignment, root=root, record_in=Path(throwaway)
            )
            for notebook in released:
                print(f"released {notebook.relative_to(root)} (and its .pct.py text form)")
    return 0


def _grade(args: argparse.Namespace) -> int:
    from course.grading import cohort, gradebook

    root = _root(args)
    if args.formgrader:
        return _open_formgrader(args, root)
    if args.pending:
        out = args.out or cohort.default_out(args.assignment)
        table = cohort.pending(args.assignment, root=root, out=out)
        return _print_pending(table, args.assignment, cohort.grading_folder(out.expanduser()))
    if args.submissions is None:
        raise gradebook.GradingError("say where the submissions are: --submissions FOLDER")
    plan = cohort.check_arguments(  # every refusal comes before any work
        args.assignment,
        args.submissions.expanduser(),
        root=root,
        out=args.out,
        workers=args.workers,
        timeout=args.timeout,
        trust_submissions=args.trust_submissions,
    )
    _warn_if_tracked(plan.out)
    grades = cohort.grade(plan, regrade=args.regrade, progress=not args.quiet)
    _print_summary(grades, plan.out)
    return 0


def formgrader_command(folder: Path, *, browser: bool = True) -> list[str]:
    """The command that serves nbgrader's formgrader on the grading folder ``folder``.

    A Jupyter server started in ``folder`` (the formgrader reads the folder's
    ``nbgrader_config.py``) whose start page is the formgrader; it needs the instructor tools of
    :func:`course.cli.lab_environment`.

    >>> command = formgrader_command(Path("grades") / "nbgrader", browser=False)
    >>> command[1:4], "--ServerApp.default_url=/formgrader" in command
    (['-m', 'jupyter', 'server'], True)
    """
    command = [sys.executable, "-m", "jupyter", "server", f"--ServerApp.root_dir={folder}"]
    command += ["--ServerApp.default_url=/formgrader", f"--ServerApp.open_browser={browser}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines often run as root
    return command


def _open_formgrader(args: argparse.Namespace, root: Path) -> int:
    from course import cli
    from course.grading import cohort, gradebook

    cohort.tasks(args.assignment, root=root)  # an unknown name: the list of the real ones
    out = (args.out or cohort.default_out(args.assignment)).expanduser().resolve()
    folder = cohort.grading_folder(out)
    if not (folder / gradebook.GRADEBOOK).is_file():
        raise gradebook.GradingError(
            f"nothing is graded in {out} yet: grade first (course grade {args.assignment}"
            " --submissions FOLDER, with the same --out)."
        )
    os.environ.update(cli.lab_environment(instructor=True))  # the formgrader is an instructor tool
    os.chdir(folder)
    print(f"Opening nbgrader's formgrader on {folder}. Stop it with Ctrl+C (twice).", flush=True)
    return cli._run_as_child(formgrader_command(folder, browser=cli._has_screen()))


def _print_summary(grades, out: Path) -> None:
    kinds = grades["status"].str.replace(r":.*", "", regex=True).value_counts()
    print(f"{len(grades)} submissions: " + ", ".join(f"{n} {k}" for k, n in kinds.items()))
    for row in grades.itertuples():
        if row.status not in ("graded", "needs manual grading"):
            print(f"  {row.student}: {row.status}" + (f" ({row.message})" if row.message else ""))
    if (grades["status"] == "needs manual grading").any():
        print(
            f"written tasks to grade by hand: course grade {grades['assignment'].iloc[0]} --pending"
        )
    print(f"grades:    {out / 'grades.csv'}")
    print(f"feedback:  {out / 'feedback'}/<student>.html")
    print(f"report:    {out / 'cohort-report.html'}")
    print(f"gradebook: {out / 'nbgrader'} (course grade ... --formgrader opens it)")


def _print_pending(table, assignment: str, folder: Path) -> int:
    import pandas as pd

    if table.empty:
        print(f"{assignment}: nothing waits for a grade by hand.")
        return 0
    print(
        f"{assignment}: {len(table)} written answers wait for a grade by hand in {folder}"
        f" (course grade {assignment} --formgrader, then Gradebook > the assignment > the notebook):"
    )
    for row in table.itertuples():
        earlier = (
            ""
            if pd.isna(row.earlier_grade)
            else f"; it changed after you gave {row.earlier_grade:g}"
        )
        print(f"  {row.student}: task {row.task} ({row.grade_id}{earlier})")
    return 0


def _warn_if_tracked(out: Path) -> None:
    """Warn when the grades would go into a git repository that does not ignore them."""
    import subprocess

    here = next(p for p in (out, *out.parents) if p.exists())  # out may not exist yet

    def git(*args) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-C", str(here), *args], capture_output=True, text=True)

    try:
        inside = git("rev-parse", "--is-inside-work-tree").stdout.strip() == "true"
        ignored = inside and git("check-ignore", "-q", str(out)).returncode == 0
    except OSError:  # no git on this computer
        return
    if inside and not ignored:
        print(
            f"warning: {out} is inside a git repository and not ignored by it; a cohort's grades"
            " must not be committed. Use --out outside it or add it to .gitignore.",
            file=sys.stderr,
        )
