"""The visible checks of the graded assignments and the hints they give (see course.scoring).

A check reads the learner's answer where it is (the kernel), says in plain words what to change
when it is wrong, and never states the right answer. :class:`Hint` is how a failed check shows
in a notebook and in ``nbgrader validate``: its message alone, in lines that fit.
"""

from __future__ import annotations

import sys
import textwrap

from course import columns

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

    __module__ = "course.scoring"  # where learners and the test cells meet it

    def _render_traceback_(self) -> list[str]:  # IPython shows these lines instead
        lines = []
        for paragraph in f"Hint: {self}".splitlines():
            lines += textwrap.wrap(paragraph, WIDTH, break_long_words=False) or [""]
        return lines


_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
          9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}  # fmt: skip


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


# the parts as economics.shift_share names its columns (a list: the checks and tasks pass it on)
SHIFT_SHARE_PARTS = list(columns.SHIFT_SHARE_PARTS)


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
    total = float(row[columns.TOTAL_CHANGE].iloc[0])
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
