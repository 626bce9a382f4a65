"""Every converted assignment's tasks, one private module each (``ps01.py``, ``ps02.py``, ...).

A module holds ``TASKS`` (number -> :class:`~course.scoring._task.Task`) and ``WRITTEN`` (number ->
(title, points)) for the tasks the instructor grades. Importing it is light: the data are loaded
and pandas runs only in ``compute``, which only the scorer process calls.

>>> answer_names("ps01", 3)
['tallinn_it_shift']
>>> sorted(written("ps01"))
[7, 8]
"""

from __future__ import annotations

import importlib

CONVERTED = ("ps01", "ps02", "ps03", "ps04")  # the assignments whose test cells name their task


def _module(assignment: str):
    return importlib.import_module(f"course.scoring._tasks.{assignment}")


def tasks(assignment: str) -> dict:
    """The assignment's automatically scored tasks: number -> Task."""
    return _module(assignment).TASKS


def written(assignment: str) -> dict:
    """The assignment's written tasks: number -> (title, points)."""
    return _module(assignment).WRITTEN


def answer_names(assignment: str, number: int) -> list[str]:
    """The names the learner defines for one task, in order (its choices, ``context``, last)."""
    task = tasks(assignment)[number]
    return [answer.name for answer in task.answers] + list(task.context)


_REFERENCES: dict = {}  # (assignment, number) -> Reference, computed once per scorer process


def score_request(request: dict, load) -> dict:
    """Judge one ``{"kind": "task", ...}`` request (see course.scoring.score_task)."""
    from course.scoring._task import judge

    task = tasks(request["assignment"])[int(request["task"])]
    key = (request["assignment"], task.number)
    if key not in _REFERENCES:
        _REFERENCES[key] = task.compute(load)
    return judge(task, request["answers"], load=load, reference=_REFERENCES[key])
