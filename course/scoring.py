"""Partial credit in the hidden tests of graded assignments (runs in the student's kernel).

nbgrader gives a test cell ``min(value, points)`` when its last expression is a number. These
helpers compute that number, so every assignment scores partial answers the same way. This
module is light (no nbgrader): instructors' workflows are in :mod:`course.grading`.
"""

from __future__ import annotations

import pandas as pd

from course.checks import CourseInputError

__all__ = ["as_numbers", "score_numbers", "score_set"]




def as_numbers(answer, names) -> dict:
    """A learner's answer as {name: float}: from a dict, a Series or a one-row DataFrame.

    >>> as_numbers({"national_share": 1, "industry_mix": 2.5}, ["industry_mix"])
    {'industry_mix': 2.5}
    """
    if isinstance(answer, pd.DataFrame):
        if len(answer) != 1:
            raise CourseInputError(f"Expected one row, got a table with {len(answer)} rows.")
        answer = answer.iloc[0]
    missing = [name for name in names if name not in answer]
    if missing:
        raise CourseInputError(f"The answer has no {missing}: give a dict or a row with {list(names)}.")
    return {name: float(answer[name]) for name in names}


def score_numbers(answer, expected: dict, *, points_each: float = 1.0, rtol: float = 1e-3) -> float:
    """Points for each number of ``answer`` within ``rtol`` (relative) of ``expected``.

    >>> score_numbers({"a": 100.05, "b": 7}, {"a": 100.0, "b": 8.0})
    1.0
    """
    import numpy as np

    given = as_numbers(answer, list(expected))
    right = [bool(np.isclose(given[k], v, rtol=rtol, atol=0)) for k, v in expected.items()]
    return points_each * sum(right)


def score_set(answer, expected, *, points: float) -> float:
    """Partial credit for a set answer: ``points * max(0, (right - wrong) / len(expected))``.

    A wrong extra item cancels a right one, so listing everything scores nothing.

    >>> score_set(["food", "wood"], {"food", "wood"}, points=2)
    2.0
    >>> score_set(["food", "textiles"], {"food", "wood"}, points=2)
    0.0
    >>> score_set(["food"], {"food", "wood"}, points=2)
    1.0
    """
    given = {answer} if isinstance(answer, str) else set(answer)
    expected = set(expected)
    right, wrong = len(given & expected), len(given - expected)
    return points * max(0.0, (right - wrong) / len(expected))
