"""Benchmark scripts (``bench_*.py``, run by ``make bench``) and their smoke tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def load_script(name: str):
    """Import ``tests/benchmarks/<name>.py`` as a module, as its smoke test runs it."""
    path = Path(__file__).with_name(f"{name}.py")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
