"""What a trainer hands out: the learner edition (a bundle without answers) and a wheelhouse.

``course edition`` builds the learner bundle: the lessons, the student versions of the exercises,
the data, the library and the set-up, and nothing an instructor keeps to themselves (solutions/,
hidden tests, mark schemes, instructor notes, the gradebook, the test suite). The build refuses to
finish when a marker of an answer is found in any file it would ship.

``course wheelhouse`` builds a folder of wheels from which the course installs with no network
(``pip install --no-index --find-links``): for this computer, and by default also for Windows,
macOS and Linux with Python 3.11-3.13, to copy onto USB sticks for a room with poor Wi-Fi.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from course import materials

# Top-level files and folders of the project that a learner's copy needs besides the materials.
BUNDLE_FILES = (
    "README.md",
    "LICENSE",
    "pyproject.toml",
    "hatch_build.py",
    "Makefile",
    "environment.yml",
    ".gitignore",
)
BUNDLE_FOLDERS = ("course", "tools", "jupyter", "binder")
# Files the learner's copy has in a version of its own: the full README points to docs/ and
# solutions/, which a learner's copy does not have.
OWN_VERSIONS = {Path("README.md"): Path("tools/learner-README.md")}
# Never in a learner's copy, whatever the folders above hold.
FORBIDDEN_PARTS = ("solutions", "gradebook.db", "submitted", "autograded", "feedback")
FORBIDDEN_PREFIXES = ("docs/", "tests/", "nbgrader_config.py", "jupyter/instructor/")
# Written in two halves so that this file itself does not carry the markers it looks for.
ANSWER_MARKERS = tuple(
    "BEGIN " + what for what in ("SOLUTION", "HIDDEN TESTS", "MARK SCHEME")
) + tuple("END " + what for what in ("SOLUTION", "HIDDEN TESTS", "MARK SCHEME"))
TEXT_SUFFIXES = {".ipynb", ".md", ".py", ".txt", ".toml", ".json", ".yml", ".yaml", ".cfg"}

PLATFORMS = {
    "Windows (64-bit)": ["win_amd64"],
    "macOS 14+ (Apple silicon)": ["macosx_14_0_arm64"],
    "macOS 13+ (Intel)": ["macosx_13_0_x86_64"],
    # pip does not widen a manylinux_2_x tag to older glibc versions: name each one wheels use
    "Linux (x86-64, glibc 2.28+)": [f"manylinux_2_{minor}_x86_64" for minor in (28, 27, 26, 24, 17)]
    + ["manylinux2014_x86_64"],
}
PYTHONS = ("3.11", "3.12", "3.13")


class EditionError(RuntimeError):
    """The bundle would hold something a learner must not get, or there is no project to build."""


def _project() -> Path:
    root = materials.source_root()
    if root is None:
        raise EditionError(
            "This command builds from the course project: run it in a clone of the repository "
            "(an installed copy of the course has no sources to build from)."
        )
    return root


def bundle_files(root: Path) -> list[Path]:
    """The files of the learner bundle, relative to the project ``root``, sorted."""
    found = [Path(name) for name in BUNDLE_FILES if (root / name).is_file()]
    for folder in BUNDLE_FOLDERS:
        for directory, subdirs, files in os.walk(root / folder):
            subdirs[:] = sorted(
                d for d in subdirs if not materials.excluded(d) and d != "_materials"
            )
            found += [
                (Path(directory) / name).relative_to(root)
                for name in files
                if not materials.excluded(name)
            ]
    found += materials.learner_files(root)
    found = [path for path in found if path not in OWN_VERSIONS.values()]
    # e.g. jupyter/instructor/, the instructor's JupyterLab tools, stays with the clone
    return sorted(path for path in set(found) if forbidden(path) is None)


def source_of(root: Path, relative: Path) -> Path:
    """The file of the project that becomes ``relative`` in the learner's copy.

    >>> source_of(Path("."), Path("README.md")).as_posix()
    'tools/learner-README.md'
    """
    return root / OWN_VERSIONS.get(relative, relative)


def forbidden(relative: Path) -> str | None:
    """Why a path must not be in a learner's copy (None: it may).

    >>> forbidden(Path("solutions/ps01/ps01.ipynb"))
    'solutions/ (answers)'
    >>> forbidden(Path("docs/instructors/01.md")), forbidden(Path("modules/01/x.ipynb"))
    ('docs/ (instructor and trainer guides)', None)
    """
    posix = relative.as_posix()
    if any(part in FORBIDDEN_PARTS for part in relative.parts):
        return "solutions/ (answers)" if "solutions" in relative.parts else "grading files"
    if posix.startswith("docs/"):
        return "docs/ (instructor and trainer guides)"
    if posix.startswith(FORBIDDEN_PREFIXES):
        return "instructor files"
    if any(materials.excluded(part) for part in relative.parts):
        return "instructor notes or leftovers"
    return None


def answer_markers(text: str) -> list[str]:
    """The answer markers (solution, hidden tests, mark scheme) found in ``text``."""
    return [marker for marker in ANSWER_MARKERS if marker in text]


def check_bundle(root: Path, files: list[Path]) -> None:
    """Raise :class:`EditionError` when a file must not go to learners or carries an answer."""
    problems = []
    for relative in files:
        reason = forbidden(relative)
        if reason:
            problems.append(f"{relative.as_posix()}: {reason}")
            continue
        if relative.suffix in TEXT_SUFFIXES or relative.name.endswith(".pct.py"):
            text = source_of(root, relative).read_text(encoding="utf-8", errors="replace")
            found = answer_markers(text)
            if found:
                problems.append(f"{relative.as_posix()}: contains {', '.join(found)}")
    if problems:
        raise EditionError(
            "The learner edition would give away answers; fix these first (regenerate the "
            "exercises with `course release`):\n  " + "\n  ".join(problems)
        )


def build_learner_edition(output: Path, *, root: Path | None = None) -> Path:
    """Write the learner bundle to ``output``: a ``.zip`` file, or else a folder. Return it.

    Inside the zip everything sits in one folder, ``cluster-course/``, the project's own layout:
    unpacked, it sets up with ``python3 tools/bootstrap.py lab`` (or ``make lab``) like a clone.
    """
    root = root or _project()
    files = bundle_files(root)
    check_bundle(root, files)
    output = Path(output)
    if output.suffix == ".zip":
        output.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for relative in files:
                bundle.write(source_of(root, relative), f"cluster-course/{relative.as_posix()}")
    else:
        if output.exists() and any(output.iterdir()):
            raise EditionError(f"{output} is not empty: give a new folder or a .zip file name.")
        for relative in files:
            (output / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source_of(root, relative), output / relative)
    return output


def _pip() -> list[str]:
    return [sys.executable, "-m", "pip"]


def wheelhouse_commands(
    folder: Path,
    project: Path,
    *,
    everywhere: bool = True,
    platforms: dict[str, list[str]] | None = None,
    pythons: tuple[str, ...] = PYTHONS,
) -> list[list[str]]:
    """The pip commands that fill the wheelhouse ``folder``, in order.

    First ``pip wheel`` for this computer: the course's own wheel (with its materials), every
    library it needs, and hatchling (so that a clone or bundle also installs offline). Then, for
    every platform and Python version, ``pip download --only-binary=:all:`` of what the course
    wheel needs; libraries published only as source were built into pure wheels in the first
    step and are found there (``--find-links``).

    >>> commands = wheelhouse_commands(Path("w"), materials.source_root(), pythons=("3.12",),
    ...                                platforms={"W": ["win_amd64"]})
    >>> commands[0][3:6], len(commands)
    (['wheel', '--wheel-dir', 'w'], 2)
    >>> commands[1][commands[1].index("--platform") + 1], "--only-binary=:all:" in commands[1]
    ('win_amd64', True)
    """
    commands = [[*_pip(), "wheel", "--wheel-dir", str(folder), str(project), "hatchling"]]
    if not everywhere:
        return commands
    course_wheel = str(folder / f"cluster_course-{_version(project)}-py3-none-any.whl")
    for tags in (platforms or PLATFORMS).values():
        for python in pythons:
            command = [*_pip(), "download", "--dest", str(folder), "--only-binary=:all:"]
            for tag in tags:
                command += ["--platform", tag]
            command += ["--python-version", python, "--implementation", "cp"]
            command += ["--find-links", str(folder), course_wheel, "hatchling"]
            commands.append(command)
    return commands


def _version(project: Path) -> str:
    import tomllib

    return tomllib.loads((project / "pyproject.toml").read_text())["project"]["version"]


INSTALL_TEXT = """\
Cluster course: offline installation (no internet needed)

Copy this folder from the USB stick to your computer (or use it from the stick), then:

  Windows:        py bootstrap.py lab
  macOS, Linux:   python3 bootstrap.py lab

The course environment is created in your home folder (cluster-course/.venv) and JupyterLab opens
the course in cluster-course/. Check your computer any time with:  python3 bootstrap.py doctor
In a copy of the course (a clone or the learner bundle), run instead, in that folder:
  py tools\\bootstrap.py lab --wheelhouse E:\\wheelhouse     (Windows; E: is the stick)
  python3 tools/bootstrap.py lab --wheelhouse /Volumes/USB/wheelhouse   (macOS)
"""


def build_wheelhouse(folder: Path, *, everywhere: bool = True, root: Path | None = None) -> Path:
    """Fill ``folder`` with wheels, the set-up script, the JupyterLab settings and how to install."""
    project = root or _project()
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    for command in wheelhouse_commands(folder, project, everywhere=everywhere):
        print("+ " + " ".join(command), flush=True)
        subprocess.run(command, check=True)
    shutil.copy2(project / "tools" / "bootstrap.py", folder / "bootstrap.py")
    shutil.copy2(project / "jupyter" / "overrides.json", folder / "overrides.json")
    shutil.copytree(project / "jupyter" / "learner", folder / "learner", dirs_exist_ok=True)
    (folder / "INSTALL.txt").write_text(INSTALL_TEXT, encoding="utf-8")
    return folder


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())
