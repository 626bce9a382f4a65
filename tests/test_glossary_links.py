"""Every glossary term is linked where a lesson first uses it (issue 19).

The lessons promise that a word in italics with a link is explained in the glossary. This test
looks, in each lesson's prose (front matter, code, inline code, headings and
tables left out), for the
first use of each glossary term below and checks that a link to that term's glossary entry
starts no later than the end of that paragraph. Common words that are also glossary entries
("cell", "list", "median" ...) are left out: they are linked where a lesson explains them.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

GLOSSARY = ROOT / "modules" / "glossary.md"
LESSONS = sorted(ROOT.glob("modules/0*/*.md"))

# glossary anchor: the phrases that count as a use of the term (case-insensitive unless upper)
TERMS = {
    "cagr": ["CAGR"], "cluster-category": ["cluster categor"], "hoover-index": ["Hoover"],
    "herfindahl-index-hhi": ["Herfindahl", "HHI"], "homothetic-employment": ["homothetic"],
    "industry-mix": ["industry mix"], "krugman-index": ["Krugman"],
    "location-quotient-lq": ["location quotient"], "nace": ["NACE"], "nuts": ["NUTS"],
    "national-share": ["national share"], "portfolio-chart": ["portfolio chart"],
    "reference-area": ["reference area"], "regional-shift": ["regional shift"],
    "relatedness-density": ["relatedness density"], "shift-share": ["shift-share"],
    "star-rating": ["star rating"], "synthetic-data": ["synthetic"],
    "input-output-table": ["input-output table"], "technical-coefficient": ["technical coefficient"],
    "leontief-inverse": ["Leontief inverse"], "multiplier": ["multiplier"],
    "backward-and-forward-linkage": ["backward linkage"], "value-system-and-value-chain-gap": ["value system"],
    "gvc-participation": ["backward participation"], "final-demand": ["final demand"],
    "type-i-multiplier": ["type I "], "allocation-coefficient": ["allocation coefficient"],
    "ghosh-inverse": ["Ghosh inverse"], "multi-region-input-output-table": ["multi-region"],
    "gross-exports": ["gross exports"], "tiva": ["TiVA"],
    "benchmarking": ["benchmarking"], "esca-labels": ["ESCA label"], "percentile-rank": ["percentile rank"],
    "peer-group": ["peer group"], "top-quartile": ["top quartile"], "area-score": ["area score"],
    "label-readiness": ["label readiness"], "kpi": ["KPI"], "five-forces": ["five forces"],
    "european-strategic-cluster-partnership-escp": ["ESCP"], "sme": ["SME"],
    "triple-and-quadruple-helix": ["helix"], "z-score": ["z-score"], "k-means": ["k-means"],
    "silhouette": ["silhouette"],
}  # fmt: skip
LINK = re.compile(r"\[([^\]]+)\]\(\.\./glossary\.md#([a-z0-9-]+)\)")


def prose(text: str) -> str:
    """The lesson's text with front matter, code, inline code and headings blanked out (the
    positions stay those of the file, so a finding can be shown with its line)."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    text = re.sub(r"\A---\n.*?\n---\n", blank, text, flags=re.S)
    text = re.sub(r"```.*?```", blank, text, flags=re.S)
    text = re.sub(r"^[#|].*$", blank, text, flags=re.M)  # headings and table rows
    return re.sub(r"`[^`\n]*`", blank, text)


def first_use(text: str, phrases: list[str]) -> int | None:
    hits = [
        m.start()
        for phrase in phrases
        for m in re.finditer(
            r"(?<![\w-])" + re.escape(phrase), text, flags=0 if phrase[:2].isupper() else re.I
        )
    ]
    return min(hits) if hits else None


def unlinked(text: str) -> list[tuple[str, int]]:
    """(anchor, line) of each term whose first use has no link to it by the paragraph's end."""
    text = prose(text)
    found = []
    for slug, phrases in TERMS.items():
        first = first_use(text, phrases)
        if first is None:
            continue
        end = text.find("\n\n", first)
        end = len(text) if end < 0 else end
        if not any(m.group(2) == slug and m.start() <= end for m in LINK.finditer(text)):
            found.append((slug, text[:first].count("\n") + 1))
    return found


def test_every_term_has_a_glossary_entry():
    headings = re.findall(r"^### (.+)$", GLOSSARY.read_text(encoding="utf-8"), re.M)
    slugs = {re.sub(r"[^a-z0-9 -]", "", h.lower()).strip().replace(" ", "-") for h in headings}
    assert set(TERMS) <= slugs, set(TERMS) - slugs


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name)
def test_each_term_is_linked_where_a_lesson_first_uses_it(path):
    assert unlinked(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name)
def test_every_glossary_link_resolves(path):
    headings = re.findall(r"^### (.+)$", GLOSSARY.read_text(encoding="utf-8"), re.M)
    slugs = {re.sub(r"[^a-z0-9 -]", "", h.lower()).strip().replace(" ", "-") for h in headings}
    links = {m.group(2) for m in LINK.finditer(path.read_text(encoding="utf-8"))}
    assert links <= slugs, links - slugs
