"""``course slides`` builds every lesson's deck offline: no script or style from the network, one
slide per idea (15-40 per module), speaker notes from the instructor notes."""

from __future__ import annotations

import re

import pytest

from course import cli
from course.trainer import slides, timings

SLIDES_PER_MODULE = range(15, 41)


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    out = tmp_path_factory.mktemp("decks")
    assert cli.main(["slides", "--out", str(out)]) == 0
    return out


def _sources(html: str) -> list[str]:
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html)
    return [m for tag in tags for m in re.findall(r'(?:src|href)="([^"]*)"', tag)]


def test_every_deck_is_built_and_loads_nothing_from_the_network(decks):
    for name in timings.MODULES.values():
        html = (decks / f"{name}.slides.html").read_text(encoding="utf-8")
        sources = _sources(html)
        assert sources, name
        remote = [s for s in sources if re.match(r"(https?:)?//", s)]
        assert not remote, f"{name} loads {remote}"
        assert "require(" not in html and "@import url(http" not in html
        for source in sources:
            assert (decks / source.split("?")[0]).is_file(), (
                f"{name}: {source} is not in the folder"
            )
        links = re.findall(r'<a href="([^"#][^"]*)"', html)
        assert not [link for link in links if not link.startswith("http")], f"{name}: dead links"


def test_the_theme_and_mathjax_are_local_too(decks):
    theme = (decks / "_static/reveal.js/dist/theme/white.css").read_text(encoding="utf-8")
    assert not re.search(r"@import url\((['\"]?)https?:", theme)
    assert (decks / "_static/mathjax/config/TeX-AMS-MML_HTMLorMML-full.js").is_file()


@pytest.mark.parametrize("module", list(timings.MODULES))
def test_a_deck_has_one_slide_per_idea(module):
    count = slides.count_slides(slides.deck_notebook(module))
    assert count in SLIDES_PER_MODULE, f"module {module}: {count} slides"


@pytest.mark.parametrize("module", ["1", "2", "3", "4"])
def test_speaker_notes_come_from_the_instructor_notes(module):
    deck = slides.deck_notebook(module)
    notes = [c.source for c in deck.cells if c.metadata["slideshow"]["slide_type"] == "notes"]
    assert any("**Time:**" in n for n in notes)
    assert any("Lesson" in n and "core path" in n for n in notes), "the notes' At a glance"
    assert not any(c.source.lstrip().startswith("<details") for c in deck.cells), "solutions"


def test_a_missing_module_is_refused_plainly(tmp_path, capsys):
    assert cli.main(["slides", "7", "--out", str(tmp_path)]) == 2
    assert "There is no module '7'" in capsys.readouterr().err


@pytest.mark.parametrize("module", list(timings.MODULES))
def test_the_lesson_carries_live_slide_marks_for_rise(module):
    import nbformat

    lesson = nbformat.read(timings.lesson_text(module).with_suffix(".ipynb"), as_version=4)
    kinds = [c.metadata.get("slideshow", {}).get("slide_type") for c in lesson.cells]
    headings = [c for c in lesson.cells if c.cell_type == "markdown" and c.source.startswith("#")]
    assert kinds.count("slide") >= 5, "each section's cell opens a slide (jupyterlab-rise)"
    assert all(c.metadata.get("slideshow") for c in headings if c.source.startswith(("# ", "## ")))
    solutions = [c for c in lesson.cells if c.source.lstrip().startswith("<details")]
    assert all(c.metadata.get("slideshow", {}).get("slide_type") == "skip" for c in solutions)
