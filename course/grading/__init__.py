"""Instructors' workflows on top of nbgrader: release exercises, grade a cohort, report.

The repository root is nbgrader's course root (``nbgrader_config.py``): ``solutions/`` is its
*source*, ``exercises/`` its *release*. The pieces:

- :mod:`course.grading.gradebook`: nbgrader's configuration and API for a course root, the
  student versions (``course release``), the scores in the gradebook;
- :mod:`course.grading.execute`: the preprocessors nbgrader runs (a dead kernel or an endless
  cell costs one task; feedback without hidden tests);
- :mod:`course.grading.submissions`: a folder of submissions as received, checked and put where
  nbgrader looks for them;
- :mod:`course.grading.cohort`: ``course grade``, from the submissions to one row per student;
- :mod:`course.grading.pool` and :mod:`course.grading.worker`: the parallel worker processes
  (each autogrades one submission at a time with its own scoring service);
- :mod:`course.grading.report`: ``grades.csv``, feedback and the cohort report.

Grading always executes the notebooks: without execution (``--no-execute``) a blank notebook
would get full marks.
"""

from course.grading.execute import ExecuteAndRecover, LimitOutputSize, ShortTracebacks
from course.grading.gradebook import (
    ROOT,
    GradingError,
    assignments,
    autograde,
    generate_exercises,
    load_config,
    nbgrader_api,
    scores,
)

__all__ = [
    "ROOT",
    "ExecuteAndRecover",
    "GradingError",
    "LimitOutputSize",
    "ShortTracebacks",
    "assignments",
    "autograde",
    "generate_exercises",
    "load_config",
    "nbgrader_api",
    "scores",
]
