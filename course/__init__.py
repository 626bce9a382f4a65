"""The helper library of the cluster-analysis course.

Import the part you need::

    from course import data, economics
    employment = data.load("regional_employment")
    employment.pipe(economics.location_quotient, by="year")

``import course`` is kept light (well under a second): the submodules, and the heavy
libraries some of them use (seaborn, scikit-learn, pymrio, ipywidgets), are imported only
when you first use them.
"""

import importlib

__version__ = "0.1.0"

_SUBMODULES = (
    "benchmarking",
    "checks",
    "cli",
    "data",
    "economics",
    "grading",
    "plots",
    "readers",
    "segmentation",
    "valuechain",
    "widgets",
)

__all__ = [*_SUBMODULES, "__version__"]


def __getattr__(name):
    # Lazy submodules: `course.data` works after a bare `import course`.
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'course' has no attribute {name!r}")
