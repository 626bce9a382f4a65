"""The helper library of the cluster-analysis course.

Import the part you need::

    from course import data, economics
    employment = data.load("regional_employment")
    employment.pipe(economics.location_quotient, by="year")

``import course`` is kept light (well under a second): the submodules, and the heavy
libraries some of them use (seaborn, scikit-learn, pymrio, ipywidgets), are imported only
when you first use them.

- ``data``: load the course datasets, read Eurostat files and your own spreadsheets;
- ``economics``: module 1, cluster economics (location quotients, shift-share, star ratings);
- ``segmentation``: module 2, SME classes, NACE helpers, member segments, five forces;
- ``valuechain``: module 3, value chains (input-output multipliers, linkages, chain maps, GVCs);
- ``benchmarking``: module 4, peer benchmarking, label readiness, KPIs, internationalisation;
- ``plots`` and ``widgets``: the course charts and interactive explorers;
- ``answers``: the learner's toolbox: one value, a list or the top rows of a result table;
- ``checks``: the input checks and the course's error type, used by every subject module;
- ``scoring``: partial credit in the hidden tests of graded assignments;
- ``grading`` and ``cli``: instructors' workflows on nbgrader and the ``course`` command.
"""

import importlib

__version__ = "0.1.0"

# Only modules that exist: `from course import *` imports each of them (a test checks it).
_SUBMODULES = (
    "answers",
    "benchmarking",
    "checks",
    "cli",
    "data",
    "economics",
    "grading",
    "plots",
    "readers",
    "scoring",
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
