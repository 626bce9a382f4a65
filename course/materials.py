"""The learner's materials (lessons, exercises, data) and where they are, cloned or installed.

Standard library only: the build hook (``hatch_build.py``) and the set-up script use it before
anything else is installed.

A clone (or an editable install) has the materials in the project's own folders ``modules/``,
``exercises/`` and ``datasets/``. A wheel (``pip install``, a hub image, a USB stick) maps those
folders into the package as ``course/_materials/`` (the build hook, not a move of files), so an
installed copy still finds its data and can give a learner a working folder of their own.
Solutions, hidden tests, mark schemes and instructor notes are never part of the materials.

>>> [path.as_posix() for path in learner_files(source_root()) if path.name == "00-start.ipynb"]
['modules/00-start/00-start.ipynb']
"""

from __future__ import annotations

import fnmatch
import os
import shutil
from pathlib import Path

# What a learner opens, as top-level folders of the project (they stay where they are).
LEARNER_FOLDERS = ("modules", "exercises", "datasets")
# Never shipped to a learner: caches, executed copies, instructor notes, grading state.
EXCLUDED = (
    "__pycache__",
    "*.pyc",
    ".ipynb_checkpoints",
    "*.executed.ipynb",
    ".DS_Store",
    "instructor-notes*",
    "instructor_notes*",
    "gradebook.db",
    ".jupyter_ystore.db*",
)
PACKAGED = Path(__file__).resolve().parent / "_materials"
WORKDIR_ENV = "COURSE_WORKDIR"


def excluded(name: str) -> bool:
    """True for a file or folder name that never goes to a learner.

    >>> excluded("instructor-notes.md"), excluded("__pycache__"), excluded("ps01.ipynb")
    (True, True, False)
    """
    return any(fnmatch.fnmatch(name, pattern) for pattern in EXCLUDED)


def learner_files(root: Path) -> list[Path]:
    """Every file of the learner's materials under ``root``, as paths relative to it, sorted."""
    found = []
    for folder in LEARNER_FOLDERS:
        top = root / folder
        for directory, subdirs, files in os.walk(top):
            subdirs[:] = sorted(d for d in subdirs if not excluded(d))
            for name in files:
                if not excluded(name):
                    found.append((Path(directory) / name).relative_to(root))
    return sorted(found)


def source_root() -> Path | None:
    """The project folder when ``course`` runs from a clone or an editable install, else None."""
    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "modules").is_dir():
        return root
    return None


def materials_root() -> Path | None:
    """Where the materials are: inside the installed package, or the clone's own folders."""
    if (PACKAGED / "modules").is_dir():
        return PACKAGED
    return source_root()


def installed() -> bool:
    """True when ``course`` is an installed copy (a wheel), not a clone or an editable install."""
    return source_root() is None


def default_workdir() -> Path:
    """The folder ``course lab`` opens: the clone itself, or ``~/cluster-course`` when installed.

    ``$COURSE_WORKDIR`` chooses another folder for an installed copy.
    """
    if os.environ.get(WORKDIR_ENV):
        return Path(os.environ[WORKDIR_ENV]).expanduser()
    root = source_root()
    return root if root is not None else Path.home() / "cluster-course"


def prepare_workdir(destination: Path) -> list[Path]:
    """Copy the learner's materials into ``destination``; return the files that were new there.

    A file that is already there (the learner's own work) is never overwritten, so running it
    again only adds what a new version of the course brought.
    """
    source = materials_root()
    if source is None:
        raise FileNotFoundError(
            "The course materials are missing from this installation: reinstall the course "
            "(pip install --force-reinstall cluster-course)."
        )
    destination = Path(destination)
    if source.resolve() == destination.resolve():
        return []
    copied = []
    for relative in learner_files(source):
        target = destination / relative
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / relative, target)
        copied.append(relative)
    return copied
