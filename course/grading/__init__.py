"""Instructors' workflows on top of nbgrader: release exercises, grade a cohort, report.

The repository root is nbgrader's course root (``nbgrader_config.py``): ``solutions/`` is its
*source*, ``exercises/`` its *release*; no grading state lives there. A ``course grade`` run
keeps nbgrader's gradebook and working trees beside its grades, in a grading folder
(``<--out>/nbgrader/``). The pieces, in the order a run uses them:

- :mod:`course.grading.commands`: the ``course release`` and ``course grade`` commands;
- :mod:`course.grading.cohort`: ``course grade``: the arguments checked, the grading folder
  prepared, the submissions staged, the pool run, then the steps after grading;
- :mod:`course.grading.tasks`: the assignment's tasks, read once per run;
- :mod:`course.grading.submissions`: a folder of submissions as received, checked and put where
  nbgrader looks for them;
- :mod:`course.grading.pool` and :mod:`course.grading.worker`: the parallel worker processes
  (each autogrades one submission at a time with its own scoring service);
- :mod:`course.grading.execute`: the preprocessors nbgrader runs (a dead kernel or an endless
  cell costs one task; feedback without hidden tests);
- :mod:`course.grading.steps`: the steps after grading, an ordered list;
- :mod:`course.grading.rows`: one row per submission, with its status and message;
- :mod:`course.grading.report`: ``grades.csv``, feedback and the cohort report;
- :mod:`course.grading.gradebook`: nbgrader's configuration and API, the one way to open the
  gradebook, the student versions (``course release``), the scores.

Grading always executes the notebooks: without execution (``--no-execute``) a blank notebook
would get full marks.
"""

import importlib

# Where each name lives. They are imported when first used, so that the `course` command (whose
# parser lists `course grade`) starts without loading nbgrader, nbclient and pandas.
_HOMES = {
    "ExecuteAndRecover": "execute",
    "LimitOutputSize": "execute",
    "ShortTracebacks": "execute",
    "ROOT": "gradebook",
    "GradingError": "gradebook",
    "assignments": "gradebook",
    "autograde": "gradebook",
    "generate_exercises": "gradebook",
    "load_config": "gradebook",
    "nbgrader_api": "gradebook",
    "scores": "gradebook",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'course.grading' has no attribute {name!r}")
    return getattr(importlib.import_module(f"course.grading.{_HOMES[name]}"), name)
