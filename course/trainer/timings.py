"""The lessons' minutes, written once: the ``timings:`` block of each lesson's front matter.

As in the Carpentries workbench (``teaching:`` and ``exercises:`` in an episode's front matter),
each lesson ``modules/NN-name/NN-name.md`` states, per section, the minutes of teaching (reading,
running cells, discussion) and of exercises (writing code yourself), for a newcomer working alone:

.. code-block:: yaml

    timings:
      break_after: '4'
      sections:
      - {id: '3', title: 'Specialisation: the location quotient', teaching: 10, exercises: 8}
      optional:
      - {id: A, title: Refinements of shift-share, teaching: 12}
      assignment: {name: ps01, minutes: 90}

The lesson's own minutes table, its section lines (``*18 min, of which 8 writing.*``), the
instructor notes, the start page's route and the trainer guide's agendas are checked against these
numbers by ``tests/test_schedule.py``; ``course schedule`` builds the agendas from them.

>>> [s.minutes for s in sections("1", ["3", "4"])]
[18, 19]
>>> core_minutes("1"), core_minutes("0")
(120, 35)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from course.checks import CourseInputError

MODULES = {
    "0": "00-start",
    "1": "01-cluster-economics",
    "2": "02-industry-segmentation",
    "3": "03-value-chain",
    "4": "04-benchmarking-internationalisation",
}


@dataclass(frozen=True)
class Section:
    """One section of a lesson and its minutes for a newcomer working alone."""

    module: str
    id: str
    title: str
    teaching: int
    exercises: int = 0

    @property
    def minutes(self) -> int:
        return self.teaching + self.exercises


def lessons_folder() -> Path:
    """The folder of the lessons: ``modules/`` of the project, or of an installed copy."""
    from course import materials

    root = materials.source_root()
    if root is not None and (root / "modules").is_dir():
        return root / "modules"
    return materials.PACKAGED / "modules"


def lesson_text(module: str) -> Path:
    """The text form (``.md``) of lesson ``module`` ("0" to "4")."""
    module = _module(module)
    name = MODULES[module]
    return lessons_folder() / name / f"{name}.md"


def _module(module: object) -> str:
    text = str(module).strip().lstrip("0") or "0"
    if text not in MODULES:
        raise CourseInputError(
            f"There is no module {module!r}: the modules are {', '.join(MODULES)}."
        )
    return text


@functools.cache
def _front_matter(path: Path) -> dict:
    import yaml  # jupytext's own dependency

    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise CourseInputError(f"{path.name} has no front matter: it should start with '---'.")
    block = text[4:].split("\n---\n", 1)[0]
    return yaml.safe_load(block) or {}


def lesson_timings(module: str) -> dict:
    """The ``timings:`` block of lesson ``module``, as written in its front matter."""
    path = lesson_text(module)
    found = _front_matter(path).get("timings")
    if not found or not found.get("sections"):
        raise CourseInputError(
            f"{path.name} states no timings: add a 'timings:' block with its sections to the "
            "front matter (see course/trainer/timings.py)."
        )
    return found


def sections(module: str, ids=None, *, optional: bool = False) -> list[Section]:
    """The sections of lesson ``module`` (all core sections, or those whose ids are in ``ids``).

    ``optional=True`` gives the optional-depth sections instead.

    >>> [s.id for s in sections("3", ["case", "1"])]
    ['case', '1']
    """
    module = _module(module)
    stated = lesson_timings(module).get("optional" if optional else "sections") or []
    found = [
        Section(
            module,
            str(s["id"]),
            str(s["title"]),
            int(s.get("teaching", 0)),
            int(s.get("exercises", 0)),
        )
        for s in stated
    ]
    if ids is None:
        return found
    wanted = [str(i) for i in ids]
    unknown = sorted(set(wanted) - {s.id for s in found})
    if unknown:
        raise CourseInputError(f"Module {module} has no section {', '.join(unknown)}.")
    return [s for s in found if s.id in wanted]


def core_minutes(module: str, part: str = "minutes") -> int:
    """The core path's minutes of lesson ``module``: all, or only ``"teaching"``/``"exercises"``."""
    return sum(getattr(s, part) for s in sections(module))


def assignment(module: str) -> tuple[str, int] | None:
    """The graded assignment after lesson ``module`` and its stated minutes, if it has one.

    >>> assignment("1")
    ('ps01', 90)
    """
    found = lesson_timings(module).get("assignment")
    return (str(found["name"]), int(found["minutes"])) if found else None


def span(module: str, ids) -> str:
    """How an agenda names a run of sections: "sections 3-4", "the case and sections 1-5".

    >>> span("1", ["case", "1", "2", "3"]), span("1", ["8", "9", "end"]), span("1", ["5"])
    ('the case, sections 1-3', 'sections 8-9, the key points', 'section 5')
    """
    ids = [str(i) for i in ids]
    numbers = [i for i in ids if i.isdigit()]
    parts = ["the case"] if "case" in ids else []
    if numbers:
        first, last = numbers[0], numbers[-1]
        parts.append(f"section {first}" if first == last else f"sections {first}-{last}")
    if "end" in ids:
        parts.append("the key points")
    named = [i for i in ids if not i.isdigit() and i not in ("case", "end")]
    parts += [s.title for s in sections(module, named)]
    return ", ".join(parts)
