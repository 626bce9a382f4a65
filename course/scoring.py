"""Checks that teach, and scores that answer cells cannot patch, for the graded assignments.

A test cell of an assignment has two parts.

**Visible checks** run in the learner's notebook (the *Validate* button runs them too). They
read an answer in any reasonable form (a number, a one-row table, a Series, a list, an Index, a
column of a table), say in plain words how to fix one that cannot be read, and catch the common
conceptual mistakes without giving the answer away::

    wide = scoring.number(scoring.answer(globals(), "lq_vidzeme_food", task=1), task=1,
                          name="lq_vidzeme_food", column="lq",
                          example="answers.value(lq, 'lq', region='LV008', industry='C10')")
    scoring.check(wide != national, "Task 1: both LQs are equal: ...")

**Hidden tests** score the answer in a fresh Python process, never in the learner's kernel::

    import importlib.util, runpy
    _fresh = runpy.run_path(importlib.util.find_spec("course.scoring").origin)
    _fresh["score_in_fresh_process"](task=1, points=2, kind="numbers", answer={...},
                                     expected="expected = {...}  # plain pandas on load(name)")

The cell runs a fresh copy of this file (``runpy``, not the module in ``sys.modules``), whose
:func:`plain` turns the answer into JSON (numbers, text, lists, tables as columns of values);
``python -I -m course.scoring`` then loads the course data itself (``data.load``, which checks
each file's hash), runs the hidden ``expected`` code with plain pandas, scores the answer and
returns the score with a one-line reason, which the cell prints; the cell's value is the score.
An answer cell that rebinds functions of ``course``, numpy, pandas or math therefore changes
nothing: the expected answer and the comparison live in another process, and a patched
conversion can only turn an answer into a value the student could have given directly.

When ``course grade`` autogrades, that process is started once per submission, before the
student's code runs, and serves every task of that submission (a *scoring service*:
:func:`serve`); its address is in ``$COURSE_SCORER``. It loads each dataset once instead of once
per task, which takes most of the cost of grading; the scores are the same (``_score`` does the
work in both). It ends with the submission, so nothing a submission sends it can reach the next.

Remaining gap (``course grade`` flags such submissions): code in the kernel can still patch the
transport itself (``runpy``, ``importlib``, ``subprocess``, ``json``, ``sys.executable``, builtins,
IPython's display of the cell value) or rewrite files on disk (the course data and their
datapackage.json hashes together, or this file). Closing that needs grading outside the kernel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

__all__ = [
    "Hint",
    "answer",
    "check",
    "check_largest",
    "check_none_of",
    "check_other_region",
    "check_shift_share",
    "check_yearly_rate",
    "items",
    "number",
    "numbers",
    "plain",
    "score_in_fresh_process",
    "score_numbers",
    "score_set",
    "score_text",
    "text",
]

MAX_ROWS = 5000  # a table longer than this is sent as its size only (it is not an answer anyway)


WIDTH = 78  # nbgrader validate cuts every line of an error at 83 characters (Validator.width - 7)


class Hint(AssertionError):
    """A check failed; the message says what to change (shown as ``Hint: ...``).

    In a notebook a hint shows as its message alone, in lines of at most ``WIDTH`` characters:
    no traceback (which would show the checking code) and no line that ``nbgrader validate``
    cuts off (it prints each line of an error with 4 spaces before it and cuts it at 87).

    >>> for line in Hint("Task 1: the key words first.\\nDetails: " + "more " * 16)._render_traceback_():
    ...     print(line)
    Hint: Task 1: the key words first.
    Details: more more more more more more more more more more more more more more
    more more
    """

    def _render_traceback_(self) -> list[str]:  # IPython shows these lines instead
        lines = []
        for paragraph in f"Hint: {self}".splitlines():
            lines += textwrap.wrap(paragraph, WIDTH, break_long_words=False) or [""]
        return lines


# --- any answer as plain, JSON-able Python --------------------------------------------------


def plain(answer: object) -> object:
    """An answer as plain Python that JSON can carry, whatever form it was given in.

    Numbers (also numpy's) become ``int``/``float``, text stays text; a list, tuple, set, Index
    or array becomes ``{"list": [...]}``, a dict ``{"dict": {...}}``, a Series ``{"series":
    {"name", "index", "values"}}``, a table ``{"table": {"rows", "columns", "data"}}`` and
    anything else ``{"other": "<type>"}``. Patching what it uses (``.tolist()``, ...) can only
    turn an answer into another answer, which the fresh process then scores as any other.

    >>> plain({"a": 1, "b": [2.5, "x"]})
    {'dict': {'a': 1, 'b': {'list': [2.5, 'x']}}}
    >>> import numpy as np, pandas as pd
    >>> plain(np.float64(0.25)), plain(pd.Index(["food"]))
    (0.25, {'list': ['food']})
    >>> plain(pd.DataFrame({"lq": [3.6]}))
    {'table': {'rows': 1, 'columns': ['lq'], 'data': {'lq': [3.6]}}}
    """
    return _plain(answer, depth=0)


def _plain(item: object, depth: int) -> object:
    kind = type(item).__name__
    module = type(item).__module__.split(".")[0]
    if module == "numpy" and hasattr(item, "item") and getattr(item, "ndim", 0) == 0:
        return _plain(item.item(), depth)  # a numpy scalar (np.float64 is also a float)
    for base in (bool, int, float, str):  # bool first: True is also an int
        if isinstance(item, base):
            return base(item)  # the plain type, not a subclass of it
    if item is None:
        return None
    if depth > 3:
        return {"other": kind}
    if kind == "DataFrame" and module == "pandas":
        rows, columns = len(item.index), [str(c) for c in item.columns]
        data = None
        if rows <= MAX_ROWS:
            data = {
                str(c): [_plain(v, depth + 1) for v in item[c].to_numpy().tolist()]
                for c in item.columns
            }
        return {"table": {"rows": rows, "columns": columns, "data": data}}
    if kind == "Series" and module == "pandas":
        if len(item) > MAX_ROWS:
            return {"other": f"a column of {len(item)} values"}
        return {
            "series": {
                "name": None if item.name is None else str(item.name),
                "index": [_plain(i, depth + 1) for i in item.index.tolist()],
                "values": [_plain(v, depth + 1) for v in item.to_numpy().tolist()],
            }
        }
    if isinstance(item, dict):
        return {"dict": {str(k): _plain(v, depth + 1) for k, v in item.items()}}
    if isinstance(item, set | frozenset):
        return {"list": sorted((_plain(v, depth + 1) for v in item), key=str)}
    if isinstance(item, list | tuple) or (
        module in ("numpy", "pandas") and hasattr(item, "tolist")
    ):
        values = list(item) if isinstance(item, list | tuple) else item.tolist()
        if len(values) > MAX_ROWS:
            return {"other": f"a list of {len(values)} values"}
        return {"list": [_plain(v, depth + 1) for v in values]}
    return {"other": kind}


# --- reading an answer in the form a task needs -------------------------------------------


def _fail(task, name, what: str, fix: str) -> Hint:
    return Hint(f"Task {task}: {name} is {what}: {fix}")


def _describe(p: object) -> str:
    if isinstance(p, dict):
        if "table" in p:
            return f"a table with {p['table']['rows']} rows"
        if "series" in p:
            return f"a column of {len(p['series']['values'])} values"
        if "list" in p:
            return f"a list of {len(p['list'])} values"
        if "dict" in p:
            return f"a dict with {len(p['dict'])} entries"
        return f"a {p.get('other', 'value')}"
    if isinstance(p, str):
        return f"the text {p!r}"
    return repr(p)


def _single(p: object, column: str | None):
    """The one value inside a one-element answer, or ``None`` if there is not exactly one."""
    if not isinstance(p, dict):
        return p, True
    if "list" in p:
        return (p["list"][0], True) if len(p["list"]) == 1 else (None, False)
    if "series" in p:
        series = p["series"]
        if len(series["values"]) == 1:
            return series["values"][0], True
        if column is not None and column in series["index"]:  # a row of a table
            return series["values"][series["index"].index(column)], True
        return None, False
    if "table" in p:
        table = p["table"]
        if table["rows"] != 1 or table["data"] is None:
            return None, False
        if column is not None and column in table["data"]:
            return table["data"][column][0], True
        if len(table["columns"]) == 1:
            return table["data"][table["columns"][0]][0], True
        return None, False
    if "dict" in p:
        entries = p["dict"]
        if column is not None and column in entries:
            return entries[column], True
        return (next(iter(entries.values())), True) if len(entries) == 1 else (None, False)
    return None, False


def _table_hint(p: object, column: str | None) -> str:
    if isinstance(p, dict) and "table" in p:
        rows = p["table"]["rows"]
        if rows == 0:
            return "an empty table (no row matches your filters: check the codes)"
        if rows == 1 and column:
            return f"a one-row table without a column {column!r}"
    return _describe(p)


def _number(p: object, *, task, name: str, example: str, column: str | None = None) -> float:
    """Read a plain() answer: see :func:`number`."""
    value, found = _single(p, column)
    fix = f"give one number, e.g. {name} = {example}"
    if not found:
        raise _fail(task, name, _table_hint(p, column), fix)
    if isinstance(value, str):
        raise _fail(
            task,
            name,
            f"the text {value!r}",
            fix.replace("one number", "one number without quotes"),
        )
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(task, name, _describe(value), fix)
    if value != value or value in (float("inf"), float("-inf")):
        raise _fail(task, name, "not a number (NaN or infinite)", f"check the filters; {fix}")
    return float(value)


def _numbers(
    p: object, names: list[str], *, task, name: str, example: str, column: str | None = None
) -> dict:
    """Read a plain() answer: see :func:`numbers`."""
    fix = f"give all {_WORDS.get(len(names), len(names))} parts: {example}"
    if isinstance(p, dict) and "list" in p and len(p["list"]) == len(names):
        return {
            n: _number(v, task=task, name=f"{name}[{i}]", example=example)
            for i, (n, v) in enumerate(zip(names, p["list"], strict=True))
        }
    parts = {}
    for n in names:
        value, found = _part(p, n)  # by its name: one number is never all the parts
        if not found and isinstance(p, int | float) and not isinstance(p, bool):
            raise _fail(task, name, f"one number, {p:.6g}", fix)
        if not found:
            if isinstance(p, dict) and "table" in p and p["table"]["rows"] == 1:
                raise _fail(task, name, f"a one-row table without a column {n!r}", fix)
            if isinstance(p, dict) and "dict" in p:
                raise _fail(task, name, f"a dict without the key {n!r}", fix)
            raise _fail(task, name, _table_hint(p, None), fix)
        parts[n] = _number(value, task=task, name=n, example=example, column=column)
    return parts


def _part(p: object, part: str):
    """The value called ``part`` in a dict, a row (Series) or a one-row table; found or not."""
    if isinstance(p, dict) and "dict" in p:
        return p["dict"].get(part), part in p["dict"]
    if isinstance(p, dict) and "series" in p and part in p["series"]["index"]:
        return p["series"]["values"][p["series"]["index"].index(part)], True
    if isinstance(p, dict) and "table" in p:
        table = p["table"]
        if table["rows"] == 1 and table["data"] is not None and part in table["data"]:
            return table["data"][part][0], True
    return None, False


def _items(p: object, *, task, name: str, column: str, example: str) -> list:
    """Read a plain() answer: see :func:`items`."""
    fix = f"give a list of {column} ids, e.g. {name} = {example}"
    if isinstance(p, str):
        raise _fail(task, name, f"one text, {p!r}", fix)
    values = None
    if isinstance(p, dict) and "list" in p:
        values = p["list"]
    elif isinstance(p, dict) and "series" in p:
        values = p["series"]["values"]
    elif isinstance(p, dict) and "table" in p and p["table"]["data"] is not None:
        data = p["table"]["data"]
        if column in data:
            values = data[column]
        elif len(data) == 1:
            values = next(iter(data.values()))
        else:
            raise _fail(task, name, f"a table without a column {column!r}", fix)
    if values is None:
        raise _fail(task, name, _describe(p), fix)
    wrong = [v for v in values if not isinstance(v, str)]
    if wrong:
        raise _fail(task, name, f"a list that holds {wrong[0]!r}, which is not a {column} id", fix)
    return sorted(set(values))


def _text(p: object, *, task, name: str, column: str, example: str) -> str:
    """Read a plain() answer: see :func:`text`."""
    value, found = _single(p, column)
    fix = f"give one {column} code as text, e.g. {name} = {example}"
    if not found:
        raise _fail(task, name, _table_hint(p, column), fix)
    if not isinstance(value, str):
        raise _fail(task, name, _describe(value), fix)
    return value.strip()


# The public readers take an answer in any form; the _readers above take plain() output (the
# fresh process receives only that).


def number(answer: object, *, task, name: str, example: str, column: str | None = None) -> float:
    """The answer as one number (from a number, a one-row table, a one-element Series or list).

    ``column`` names the table column to read from a one-row table with several columns.

    >>> import pandas as pd
    >>> number(pd.DataFrame({"region": ["LV008"], "lq": [3.6]}), task=1, name="lq_food",
    ...        column="lq", example="answers.value(lq, 'lq', region='LV008')")
    3.6
    >>> number("3.6", task=1, name="lq_food", example="answers.value(lq, 'lq', region='LV008')")
    Traceback (most recent call last):
    ...
    course.scoring.Hint: Task 1: lq_food is the text '3.6': give one number without quotes, e.g. lq_food = answers.value(lq, 'lq', region='LV008')
    """
    return _number(plain(answer), task=task, name=name, example=example, column=column)


def numbers(
    answer: object, names: list[str], *, task, name: str, example: str, column: str | None = None
) -> dict:
    """The answer as ``{name: number}``: from a dict, a one-row table, a row, or a list in order.

    >>> numbers([1, 2.5], ["a", "b"], task=3, name="parts", example="the one row")
    {'a': 1.0, 'b': 2.5}
    """
    return _numbers(plain(answer), names, task=task, name=name, example=example, column=column)


def items(answer: object, *, task, name: str, column: str, example: str) -> list:
    """The answer as a sorted list of distinct codes: from a list, a Series, an Index, a set or
    the ``column`` of a table.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"category": ["wood", "food"], "stars": [2, 3]})
    >>> items(rows, task=2, name="two_stars", column="category", example="['food']")
    ['food', 'wood']
    >>> items(rows["category"], task=2, name="two_stars", column="category", example="['food']")
    ['food', 'wood']
    """
    return _items(plain(answer), task=task, name=name, column=column, example=example)


def text(answer: object, *, task, name: str, column: str, example: str) -> str:
    """The answer as one code (text): from text, a one-row table, a one-element Series or list.

    >>> import pandas as pd
    >>> text(pd.DataFrame({"region": ["EE00A"], "krugman": [0.47]}), task=6, name="region",
    ...      column="region", example="'LV008'")
    'EE00A'
    """
    return _text(plain(answer), task=task, name=name, column=column, example=example)


# --- visible checks ---------------------------------------------------------------------------


def answer(namespace: dict, name: str, *, task) -> object:
    """The learner's answer called ``name``, or a hint that the task is not answered yet.

    The hint says what is true: the name is not defined. When the cell run just before (the
    answer cell, in *Run All*) stopped with an error, the hint quotes that error, the real
    cause; when the name is defined but that cell still stopped with an error (a line left
    below the answer), a note says so and the checks go on.

    >>> answer({"x": 1}, "x", task=1)
    1
    >>> answer({}, "riga_it_cagr", task=5)
    Traceback (most recent call last):
    ...
    course.scoring.Hint: Task 5 is not answered yet: the variable riga_it_cagr is not defined.
    Write riga_it_cagr = ... (this name, on the left of =) in the answer cell above, and run that cell before this one.
    If that cell showed a red error, fix that first: its last line says what went wrong.
    """
    error = _previous_error()
    if name not in namespace:
        raise Hint(
            f"Task {task} is not answered yet: the variable {name} is not defined.\n"
            f"Write {name} = ... (this name, on the left of =) in the answer cell above, and "
            "run that cell before this one.\n" + _about(error)
        )
    if error is not None and error is not _NOTED[0]:  # one note per failed cell
        _NOTED[0] = error
        fix = (
            "delete the line raise NotImplementedError()"
            if isinstance(error, NotImplementedError)
            else "fix or delete the line that fails"
        )
        note = (
            f"Note (task {task}): the cell run just before this one stopped with a red error, "
            f"{_error_line(error)}. The checks use your answer as it is now; {fix}, so that "
            "Restart and Run All gives the same."
        )
        print("\n".join(textwrap.wrap(note, WIDTH, break_long_words=False)))
    return namespace[name]


_NOTED: list = [None]  # the error of the last cell that a note was printed for


def _previous_error() -> BaseException | None:
    """The error of the cell run just before this one in a notebook, if it stopped with one."""
    if "IPython" not in sys.modules:  # not in a notebook
        return None
    shell = sys.modules["IPython"].get_ipython()
    result = getattr(shell, "last_execution_result", None)  # the cell before the running one
    return getattr(result, "error_before_exec", None) or getattr(result, "error_in_exec", None)


def _error_line(error: BaseException) -> str:
    if isinstance(error, SyntaxError) and error.msg:
        return f"SyntaxError: {error.msg} (line {error.lineno} of the cell)"
    message = " ".join(str(error).split())
    message = message if len(message) <= 200 else message[:197] + "..."
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _about(error: BaseException | None) -> str:
    """What the error of the answer cell means, for the unanswered hint."""
    if error is None:
        return (
            "If that cell showed a red error, fix that first: its last line says what went wrong."
        )
    if isinstance(error, KeyboardInterrupt):
        return (
            "The cell run just before this one was stopped before it finished (it ran too long:"
            " a loop that never ends?). Make it finish, then run it again."
        )
    if isinstance(error, NotImplementedError):
        return (
            "The cell run just before this one stopped at raise NotImplementedError(): replace "
            "that line with your code."
        )
    meaning = {
        "NameError": " (a code without quotes, or a name not defined yet)",
        "SyntaxError": " (often a missing quote, bracket or comma)",
    }.get(type(error).__name__, "")
    return (
        f"The cell run just before this one stopped with a red error: {_error_line(error)}"
        f"{meaning}. Fix that first, then run it again."
    )


def check(condition: object, message: str) -> None:
    """Raise :class:`Hint` with ``message`` unless ``condition`` holds.

    >>> check(2 > 1, "never shown")
    """
    if not condition:
        raise Hint(message)


def check_none_of(given: list, banned, message: str, *, task) -> None:
    """A hint if one of ``banned`` is in the list ``given``; ``message`` may use ``{item}``.

    >>> check_none_of(["energy", "construction"], ["construction", "retail"],
    ...               "{item} is a local category: the rule is for traded ones", task=4)
    Traceback (most recent call last):
    ...
    course.scoring.Hint: Task 4: construction is a local category: the rule is for traded ones
    """
    banned = set(banned)
    for item in given:
        if item in banned:
            raise Hint(f"Task {task}: " + message.format(item=item))


_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
          9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}  # fmt: skip


def check_yearly_rate(
    rate: float, *, task, name: str, years: int, total: float | None = None
) -> None:
    """A hint if ``rate`` looks like a percentage or growth over the whole period, not a CAGR.

    A whole cluster rarely grows by 30 % a year for ``years`` years, so a larger rate is taken
    for total growth ``end / start - 1`` (or for a percentage when it is 1 or more). Given the
    ``total`` growth of the period, a rate equal to ``total / years`` is the simple average,
    which the hint names without stating the right rate.

    >>> check_yearly_rate(0.0708, task=5, name="cagr", years=10, total=0.98)
    >>> check_yearly_rate(0.98, task=5, name="cagr", years=10)
    Traceback (most recent call last):
    ...
    course.scoring.Hint: Task 5: 0.98 looks like growth over ten years, not a yearly rate: the compound annual growth rate is (end / start) ** (1 / 10) - 1.
    >>> check_yearly_rate(0.098, task=5, name="cagr", years=10, total=0.98)
    Traceback (most recent call last):
    ...
    course.scoring.Hint: Task 5: 0.098 is the total growth divided by 10 (end / start - 1) / 10, a simple average: it is not the compound rate. The compound annual growth rate is (end / start) ** (1 / 10) - 1.
    """
    period = f"{_WORDS.get(years, years)} years"
    formula = f"(end / start) ** (1 / {years}) - 1"
    if abs(rate) >= 1:
        raise Hint(
            f"Task {task}: {rate:.3g} looks like a percentage or growth over {period}: give "
            f"{name} as a yearly fraction (0.05 for 5 % a year), {formula}."
        )
    if abs(rate) >= 0.3:
        raise Hint(
            f"Task {task}: {rate:.2f} looks like growth over {period}, not a yearly rate: the "
            f"compound annual growth rate is {formula}."
        )
    if total is not None and total and abs(rate - total / years) <= 1e-3 * abs(total / years):
        raise Hint(
            f"Task {task}: {rate:.3g} is the total growth divided by {years} (end / start - 1) "
            f"/ {years}, a simple average: it is not the compound rate. The compound annual "
            f"growth rate is {formula}."
        )


def check_largest(
    given: str,
    table,
    *,
    column: str,
    key: str,
    task,
    what: str,
    how: str | None = None,
    mixups: tuple = (),
) -> None:
    """A hint unless ``given`` is the ``key`` of the row with the largest ``column`` of ``table``.

    The hint does not say which row it is: it says how to find it (``how``, a line that works
    in the notebook). ``mixups`` are pairs ``(other_table, message)``: when ``given`` is the
    largest of ``other_table`` (the same measure on the wrong data), the hint is ``message``.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"region": ["A", "B"], "krugman": [0.2, 0.5]})
    >>> check_largest("A", table, column="krugman", key="region", task=6, what="the Krugman index")
    Traceback (most recent call last):
    ...
    course.scoring.Hint: Task 6: 'A' does not have the largest value of the Krugman index. Find it in the table, e.g. answers.top(table, 'krugman', n=1), rather than guessing.
    >>> other = pd.DataFrame({"region": ["A", "B"], "krugman": [0.5, 0.2]})
    >>> check_largest("A", table, column="krugman", key="region", task=6, what="the index",
    ...               mixups=[(other, "use the other table")])
    Traceback (most recent call last):
    ...
    course.scoring.Hint: Task 6: use the other table
    """
    known = set(table[key].tolist())
    if given not in known:
        raise Hint(f"Task {task}: {given!r} is not a {key} of the table: check the code.")
    largest = table.loc[table[column].idxmax(), key]
    if largest == given:
        return
    for other, message in mixups:
        if other.loc[other[column].idxmax(), key] == given:
            raise Hint(f"Task {task}: {message}")
    how = how or f"answers.top(table, {column!r}, n=1)"
    raise Hint(
        f"Task {task}: {given!r} does not have the largest value of {what}. Find it in the "
        f"table, e.g. {how}, rather than guessing."
    )


def check_other_region(given: list, table, *, column: str, region: str, task, asked: str) -> None:
    """A hint if the list ``given`` is the list of another region than ``region``.

    ``table`` holds the rows that count (for example those with two or three stars) of every
    region; ``asked`` names the region the task asks for. The hint names the other region,
    never the right list.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"region": ["LV005", "LV008", "LV008"],
    ...                      "region_name": ["Latgale", "Vidzeme", "Vidzeme"],
    ...                      "category": ["wood", "wood", "food"]})
    >>> check_other_region(["food", "wood"], rows, column="category", region="LV005", task=2,
    ...                    asked="Latgale (LV005)")
    Traceback (most recent call last):
    ...
    course.scoring.Hint: Task 2: this is the list of Vidzeme (LV008), not of the region the task asks for: check the region code. The task asks for Latgale (LV005).
    """
    given = set(given)
    lists = {r: set(rows[column]) for r, rows in table.groupby("region")}
    if not given or given == lists.get(region, set()):
        return
    for other, values in lists.items():
        if values == given:
            names = table.loc[table["region"] == other]
            label = f"{names['region_name'].iloc[0]} ({other})" if "region_name" in names else other
            raise Hint(
                f"Task {task}: this is the list of {label}, not of the region the task asks "
                f"for: check the region code. The task asks for {asked}."
            )


SHIFT_SHARE_PARTS = ["national_share", "industry_mix", "regional_shift"]


def check_shift_share(parts: dict, table, *, region, industry, start, end, task) -> None:
    """Hints for a shift-share answer ``parts`` (``{part: number}``) of one region and industry.

    The parts must add up to the change in employment, and must not be the right numbers in
    the wrong places (a swap); the hint never states a number.
    """
    from course import economics

    shifts = economics.shift_share(table, start=start, end=end)
    row = shifts[(shifts["region"] == region) & (shifts["industry"] == industry)]
    if len(row) != 1:
        raise Hint(f"Task {task}: the data have no single row for {region} and {industry}.")
    right = {p: float(row[p].iloc[0]) for p in SHIFT_SHARE_PARTS}
    total = float(row["total_change"].iloc[0])
    given = [parts[p] for p in SHIFT_SHARE_PARTS]
    if abs(sum(given) - total) > max(1.0, 1e-3 * abs(total)):
        raise Hint(
            f"Task {task}: the three parts add up to {sum(given):.0f}, not to the change in "
            f"employment from {start} to {end}: compute all three with economics.shift_share."
        )
    placed = [abs(parts[p] - right[p]) <= 1e-3 * max(1.0, abs(right[p])) for p in right]
    found = [any(abs(g - r) <= 1e-3 * max(1.0, abs(r)) for r in right.values()) for g in given]
    if all(found) and not all(placed):
        raise Hint(
            f"Task {task}: the numbers are right but some are in the wrong place: national_share "
            "is the change at the whole area's growth rate, industry_mix the industry's growth "
            "above that, regional_shift what is left for the region itself."
        )


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


def score_in_fresh_process(
    *,
    task,
    points: float,
    kind: str,
    answer: object,
    expected: str,
    name: str,
    column: str | None = None,
    hints: dict | None = None,
    timeout: float = 100,
) -> float:
    """Score ``answer`` in a fresh Python process; print a one-line reason; return the score.

    ``kind`` is ``"numbers"`` (``expected`` code sets ``expected = {part: number}``; points are
    shared equally), ``"set"`` (``expected`` is a set of codes; see :func:`score_set`) or
    ``"text"`` (one code). ``expected`` is Python code run there with ``pd``, ``np`` and
    ``load(name)`` (a course dataset); ``hints`` maps a part (or ``"set"``, ``"text"``) to what
    to tell the learner when it is wrong. Call it from a fresh copy of this file (see the module
    docstring), not from ``course.scoring``, which answer cells can rebind.
    """
    request = {
        "task": task,
        "points": points,
        "kind": kind,
        "answer": plain(answer),
        "expected": expected,
        "name": name,
        "column": column,
        "hints": hints or {},
    }
    result = _ask_service(request) or _ask_new_process(request, timeout)
    if "error" in result:
        raise RuntimeError(
            f"Task {task}: the scorer failed ({result['error']}); tell your instructor."
        )
    print(result["reason"])
    return result["score"]


def _scorer_command() -> list[str]:
    # -I: ignore PYTHON* variables, the user's site and the current folder (a file of the
    # learner's called pandas.py)
    return [sys.executable, "-I", "-m", "course.scoring"]


def _scorer_env() -> dict:
    # COURSE_DATA_DIR is dropped so that the course's own data are used
    return {k: v for k, v in os.environ.items() if k != "COURSE_DATA_DIR"}


def _ask_new_process(request: dict, timeout: float) -> dict:
    done = subprocess.run(
        _scorer_command(),
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_scorer_env(),
    )
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["no message"])[-1]}
    return json.loads(done.stdout)


def _ask_service(request: dict) -> dict | None:
    """The scoring service's answer, or None when there is none (then a new process scores)."""
    address, key = os.environ.get("COURSE_SCORER"), os.environ.get("COURSE_SCORER_KEY")
    if not address or not key:
        return None
    from multiprocessing.connection import Client

    try:
        with Client(address, authkey=bytes.fromhex(key)) as connection:
            connection.send_bytes(json.dumps(request).encode())
            return json.loads(connection.recv_bytes())
    except (OSError, EOFError, ValueError):
        return None


def start_service() -> tuple[subprocess.Popen, dict]:
    """Start a scoring service: its process and the variables that lead a kernel to it.

    ``course grade`` starts one before it autogrades a submission and stops it after; a kernel
    started with these variables in its environment sends every hidden test there.

    >>> service, variables = start_service()
    >>> sorted(variables)
    ['COURSE_SCORER', 'COURSE_SCORER_KEY']
    >>> service.terminate(); service.wait() in (0, -15, 1)
    True
    """
    key = os.urandom(16).hex()
    service = subprocess.Popen(
        [*_scorer_command(), "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**_scorer_env(), "COURSE_SCORER_KEY": key},
    )
    address = service.stdout.readline().strip()  # the service says where it listens
    return service, {"COURSE_SCORER": address, "COURSE_SCORER_KEY": key}


def serve() -> None:
    """``python -m course.scoring --serve``: score requests until standard input closes.

    Prints its address first. Each dataset is loaded (hash checked) once and copied for each
    request, so that hidden code that changes a table cannot change the next task's.
    """
    import threading
    from functools import lru_cache
    from multiprocessing.connection import Listener

    from course import data

    cached = lru_cache(maxsize=None)(lambda name: data.load(name, validate=False))
    listener = Listener(authkey=bytes.fromhex(os.environ["COURSE_SCORER_KEY"]))
    print(listener.address, flush=True)
    # the service ends when whoever started it closes its standard input (or ends)
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    while True:
        try:
            connection = listener.accept()
        except (OSError, EOFError):
            continue  # a caller without the key, or one that hung up
        with connection:
            request = json.loads(connection.recv_bytes())
            try:
                result = _score(request, load=lambda name: cached(name).copy())
            except Exception as error:  # a broken hidden test: say so, keep serving
                result = {"error": f"{type(error).__name__}: {error}"}
            connection.send_bytes(json.dumps(result).encode())


def main() -> None:
    """``python -m course.scoring``: read one request (JSON) on stdin, write the result."""
    if sys.argv[1:] == ["--serve"]:
        return serve()
    request = json.loads(sys.stdin.read())
    sys.stdout.write(json.dumps(_score(request)))


if __name__ == "__main__":
    main()
