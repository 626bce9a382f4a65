"""docs/architecture.md stays a true map: every top-level entry and every library module is on it."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT

MAP = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def _tracked_top_level() -> set[str]:
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return {path.split("/")[0] for path in files}


def test_every_top_level_entry_has_its_audience():
    table = MAP.split("## Folders and their audiences")[1].split("\n## ")[0]
    listed = set(re.findall(r"`([^`]+?)/?`", table))
    missing = _tracked_top_level() - {entry.split("/")[0] for entry in listed}
    assert not missing, f"docs/architecture.md does not say who {sorted(missing)} is for"


def test_every_library_module_is_in_a_layer():
    layers = MAP.split("## The library in layers")[1].split("\n## ")[0]
    library = ROOT / "course"
    entries = {
        p.name + ("/" if p.is_dir() else "")
        for p in library.iterdir()
        if p.name not in {"__init__.py", "__pycache__", "_materials", "__main__.py"}
        and (p.is_dir() or p.suffix == ".py")
    }
    missing = {entry for entry in entries if entry not in layers}
    assert not missing, f"docs/architecture.md's layers do not place {sorted(missing)}"


def test_the_readme_and_the_project_file_point_to_the_map():
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
