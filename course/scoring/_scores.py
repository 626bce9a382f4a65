"""The scorer: what the fresh process computes for a hidden test (see course.scoring).

It runs the hidden code of a task with plain pandas on the course data, reads the answer in
plain form and scores it; only ``python -m course.scoring`` and the scoring service call
:func:`_score`, never the learner's kernel.
"""

from __future__ import annotations

from course.scoring._hints import Hint
from course.scoring._readers import _items, _number, _numbers, _text

# --- scores (computed in the fresh process) ---------------------------------------------------


def score_numbers(given: dict, expected: dict, *, points: float, rtol: float = 1e-3) -> float:
    """``points`` shared equally among the numbers within ``rtol`` (relative) of ``expected``.

    >>> score_numbers({"a": 100.05, "b": 7}, {"a": 100.0, "b": 8.0}, points=2)
    1.0
    """
    right = [_close(given[k], v, rtol) for k, v in expected.items()]
    return points * sum(right) / len(expected)


def _close(a: float, b: float, rtol: float) -> bool:
    return abs(a - b) <= rtol * abs(b) if b == b else False


def score_set(given, expected, *, points: float) -> float:
    """Partial credit for a set answer: ``points * max(0, (right - wrong) / len(expected))``.

    A wrong extra item cancels a right one, so listing everything scores nothing.

    >>> score_set(["food", "wood"], {"food", "wood"}, points=2)
    2.0
    >>> score_set(["food", "textiles"], {"food", "wood"}, points=2)
    0.0
    >>> score_set(["food"], {"food", "wood"}, points=2)
    1.0
    """
    given, expected = set(given), set(expected)
    right, wrong = len(given & expected), len(given - expected)
    return points * max(0.0, (right - wrong) / len(expected))


def score_text(given: str, expected: str, *, points: float) -> float:
    """All ``points`` when the code is the expected one, else none.

    >>> score_text("EE00A", "EE00A", points=1), score_text("LV008", "EE00A", points=1)
    (1, 0)
    """
    return points if given == expected else 0


def _score(request: dict, load=None) -> dict:
    """Score one request (what :func:`score_in_fresh_process` sends): ``{score, reason}``.

    ``load(name)`` gives the hidden code a course dataset (default: ``data.load``, which checks
    the file's hash).
    """
    import numpy as np
    import pandas as pd

    from course import data

    load = load or (lambda name: data.load(name, validate=False))
    if request.get("kind") == "task":  # a task declared in course/scoring/_tasks/
        from course.scoring._tasks import score_request

        return score_request(request, load)

    namespace = {"pd": pd, "np": np, "load": load}
    exec(request["expected"], namespace)  # the hidden code of the task, from the hidden cell
    expected = namespace["expected"]
    task, points, kind = request["task"], request["points"], request["kind"]
    name, hints = request["name"], request.get("hints", {})
    form = {"task": task, "name": name, "example": "the form the task asks for"}
    try:
        if kind == "numbers":
            expected = {k: float(v) for k, v in expected.items()}
            if len(expected) == 1:
                (key,) = expected
                given = {key: _number(request["answer"], column=request.get("column"), **form)}
            else:
                given = _numbers(
                    request["answer"], list(expected), column=request.get("column"), **form
                )
            score = score_numbers(given, expected, points=points)
            parts = [
                f"{k} is right"
                if _close(given[k], v, 1e-3)
                else f"{k} is off" + (f": {hints[k]}" if k in hints else "")
                for k, v in expected.items()
            ]
            reason = "; ".join(parts)
        elif kind == "set":
            given = _items(request["answer"], column=request["column"], **form)
            expected = {str(e) for e in expected}
            score = score_set(given, expected, points=points)
            right, wrong = len(set(given) & expected), len(set(given) - expected)
            reason = f"{right} of {len(expected)} found"
            reason += f", {wrong} listed that should not be" if wrong else ""
            if score < points and "set" in hints:
                reason += f": {hints['set']}"
        else:
            given = _text(request["answer"], column=request["column"], **form)
            score = score_text(given, str(expected), points=points)
            reason = (
                "right"
                if score
                else f"{given} is not it" + (f": {hints['text']}" if "text" in hints else "")
            )
    except Hint as hint:
        return {"score": 0, "reason": str(hint)}
    status = "full marks" if score == points else f"{score:g} of {points} points"
    return {"score": score, "reason": f"Task {task} ({status}): {reason}."}
