"""Build hook: map the learner's materials (modules/, exercises/, datasets/) into the wheel.

They land in the package as ``course/_materials/<folder>/...``, file by file, so that an
installed copy of the course finds its data and can open a working folder for the learner. The
folders stay where they are in the project; the file selection (no caches, executed notebooks or
instructor notes) is ``course.materials.learner_files``, the same one the learner bundle uses.
An editable install needs none of this: it runs from the project's own folders.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _materials_module(root: Path):
    # course/materials.py is standard library only: load it without importing the package
    spec = importlib.util.spec_from_file_location(
        "_course_materials", root / "course" / "materials.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        materials = _materials_module(root)
        for relative in materials.learner_files(root):
            build_data["force_include"][str(root / relative)] = (
                f"course/_materials/{relative.as_posix()}"
            )
