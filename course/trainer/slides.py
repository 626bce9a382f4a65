"""A reveal.js deck per lesson that works with no network (``course slides``).

The lesson notebooks are written to be read, one section per Markdown cell. The deck splits each
cell into slides of one idea: a section heading (``##``) opens a slide, a sub-heading (``###``),
a "Your turn" or "Write it yourself" box and every further :data:`WORDS_PER_SLIDE` words open a
sub-slide, code cells appear as fragments, and the folded solutions are left out. The lessons
carry RISE's ``slideshow`` metadata for live slides in JupyterLab (jupyterlab-rise): a section's
cell opens a slide, a folded solution is skipped; the deck keeps a cell's mark for its first
slide. Speaker notes (press ``s`` in the deck) come from the module's instructor notes in
``docs/instructors/`` and from the lesson's own minutes (``course.trainer.timings``).

Every script and style is served from the output folder: reveal.js from the project's npm
packages (``node_modules/reveal.js``, installed by the set-up from ``package.json``) and MathJax 2
from the ``jupyter-server-mathjax`` wheel, both copied to ``OUT/_static/``.

>>> cells = split_markdown("## 1. A title\\n\\n*5 min.* Text.\\n\\n> **Your turn (2 min).** Do it.")
>>> [(kind, text.split()[0]) for kind, text in cells]
[('slide', '##'), ('subslide', '>')]
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from course.checks import CourseInputError
from course.trainer import timings

WORDS_PER_SLIDE = 200
NEW_SUBSLIDE = re.compile(r"^(###|> \*\*(Your turn|Write it yourself|Optional))")
TEMPLATES = Path(__file__).resolve().parent / "templates"
MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full,Safe"
NOTES = Path("docs") / "instructors"


def _blocks(text: str) -> list[str]:
    """The paragraphs of a Markdown text; a fenced block or a table stays whole."""
    blocks, current, fenced = [], [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def split_markdown(text: str) -> list[tuple[str, str]]:
    """One Markdown cell as (slide type, text) pieces: a new slide per idea, as described above."""
    pieces: list[tuple[str, list[str]]] = []
    words = 0
    for block in _blocks(text):
        if block.startswith("## ") or block.startswith("# "):
            pieces.append(("slide", [block]))
            words = 0
            continue
        size = len(block.split())
        if not pieces or NEW_SUBSLIDE.match(block) or words + size > WORDS_PER_SLIDE:
            pieces.append(("subslide" if pieces or block.startswith(">") else "-", [block]))
            words = size
        else:
            pieces[-1][1].append(block)
            words += size
    return [(kind, "\n\n".join(parts)) for kind, parts in pieces]


def _is_solution(source: str) -> bool:
    return source.lstrip().startswith("<details")


def deck_notebook(module: str):
    """The lesson notebook of ``module`` cut into slides, with speaker notes, ready for nbconvert."""
    import nbformat

    path = timings.lesson_text(module).with_suffix(".ipynb")
    lesson = nbformat.read(path, as_version=4)
    deck = nbformat.v4.new_notebook(metadata=lesson.metadata)
    notes = speaker_notes(module)
    for cell in lesson.cells:
        stated = cell.metadata.get("slideshow", {}).get("slide_type")
        if cell.cell_type == "code":
            code = nbformat.v4.new_code_cell(cell.source, metadata=dict(cell.metadata))
            code.metadata["slideshow"] = {"slide_type": stated or "fragment"}
            deck.cells.append(code)
            continue
        if _is_solution(cell.source) or stated == "skip":
            continue
        pieces = split_markdown(cell.source)
        if stated and pieces:  # the lesson's own mark (for RISE) opens the cell's first slide
            pieces[0] = (stated, pieces[0][1])
        for kind, text in pieces:
            deck.cells.append(_markdown(text, kind))
            heading = re.match(
                r"#{1,2} (\d+\.|Before you start|Back to the case|Key points|Module)", text
            )
            if heading and kind == "slide":
                note = notes.get(_section_id(text), "")
                if note:
                    deck.cells.append(_markdown(note, "notes"))
    return deck


LOCAL_LINK = re.compile(r"\[([^\]]+)\]\((?![a-z]+:|#)[^)\s]+\)")


def _markdown(text: str, kind: str):
    """A deck cell; a link to a file of the course (the glossary, a notebook) keeps only its words,
    since the deck's folder does not have those files."""
    import nbformat

    text = LOCAL_LINK.sub(r"\1", text)
    return nbformat.v4.new_markdown_cell(text, metadata={"slideshow": {"slide_type": kind}})


def _section_id(heading_text: str) -> str:
    first = heading_text.splitlines()[0]
    number = re.match(r"## (\d+)\.", first)
    if number:
        return number.group(1)
    if first.startswith("# "):
        return "title"
    return {"## Before you start": "case", "## Back to the case": "end"}.get(
        first[:19].rstrip(", "), ""
    )


def speaker_notes(module: str) -> dict[str, str]:
    """Speaker notes by section id: the minutes, and the instructor notes' points for it.

    The title slide gets the notes' "At a glance"; a numbered section its stated minutes (alone
    and in a room) and each "Where learners get stuck" point that names its section; the close
    ("Back to the case") the "Discussion questions for a room".
    """
    from course.trainer import schedule

    notes: dict[str, list[str]] = {}
    for section in timings.sections(module):
        room = schedule.room_minutes(module, [section.id])
        line = f"{section.minutes} min alone ({section.teaching} reading and running"
        line += f", {section.exercises} writing)" if section.exercises else ")"
        notes[section.id] = [f"**Time:** {line}; about {room} min in a room."]
    text = _instructor_notes(module)
    if text:
        notes.setdefault("title", []).append(_part(text, "At a glance"))
        notes.setdefault("end", []).append(_part(text, "Discussion questions for a room"))
        for point in _points(_part(text, "Where learners get stuck")):
            for number in set(re.findall(r"[Ss]ections? (\d)", point)):
                notes.setdefault(number, []).append(point)
    return {key: "\n\n".join(part for part in parts if part) for key, parts in notes.items()}


def _instructor_notes(module: str) -> str:
    from course import materials

    root = materials.source_root()
    if root is None:
        return ""
    path = root / NOTES / f"{timings.MODULES[module]}.md"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _part(text: str, heading: str) -> str:
    found = re.search(rf"^## {re.escape(heading)}[^\n]*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return found.group(1).strip() if found else ""


def _points(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"^- ", text, flags=re.M) if p.strip()]


def assets(project: Path | None = None) -> dict[str, Path]:
    """Where reveal.js and MathJax are on this computer, or a plain refusal saying how to get them."""
    from course import materials

    project = project or materials.source_root() or Path.cwd()
    reveal = project / "node_modules" / "reveal.js"
    if not (reveal / "dist" / "reveal.js").is_file():
        raise CourseInputError(
            "reveal.js is not installed: run 'npm install' in the course folder (it reads "
            "package.json), then 'course slides' again."
        )
    try:
        import jupyter_server_mathjax
    except ImportError:
        raise CourseInputError(
            "MathJax is not installed: run 'make setup' (it installs jupyter-server-mathjax)."
        ) from None
    mathjax = Path(jupyter_server_mathjax.__file__).parent / "static"
    return {"reveal.js": reveal, "mathjax": mathjax}


def _copy_assets(out: Path, found: dict[str, Path]) -> Path:
    static = out / "_static"
    reveal = static / "reveal.js"
    for part in ("dist", "plugin"):
        if not (reveal / part).is_dir():
            shutil.copytree(found["reveal.js"] / part, reveal / part)
    if not (static / "mathjax").is_dir():
        shutil.copytree(found["mathjax"], static / "mathjax")
    return static


def build(modules=None, *, out: Path) -> dict[str, tuple[Path, int]]:
    """Write one deck per module (all five by default) to ``out``: {module: (file, slides)}.

    Each deck is ``out/NN-name.slides.html``; open it in a browser, press ``s`` for the notes.
    """
    from nbconvert import SlidesExporter

    modules = list(timings.MODULES) if modules is None else [timings._module(m) for m in modules]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    _copy_assets(out, assets())
    exporter = SlidesExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="course_slides",
        reveal_url_prefix="_static/reveal.js",
        reveal_theme="white",
        reveal_scroll=True,
    )
    exporter.mathjax_url = f"_static/mathjax/MathJax.js?config={MATHJAX_CONFIG}"
    built = {}
    for module in modules:
        deck = deck_notebook(module)
        html, _ = exporter.from_notebook_node(deck)
        target = out / f"{timings.MODULES[module]}.slides.html"
        target.write_text(html, encoding="utf-8")
        built[module] = (target, count_slides(deck))
    return built


def count_slides(deck) -> int:
    """The number of slides and sub-slides of a deck notebook."""
    return sum(
        1
        for cell in deck.cells
        if cell.metadata.get("slideshow", {}).get("slide_type") in ("slide", "subslide")
    )
