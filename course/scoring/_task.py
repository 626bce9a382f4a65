"""One task of a graded assignment, declared once, and how the scorer process judges an answer.

A :class:`Task` says what the learner gives (:class:`Answer`: a name and its form), how the right
answer is computed from the course data with plain pandas (``compute``, run only in the scorer
process), the precision the lesson taught (``decimals``), a *lookup table* of the same measure for
other cases (other regions, organisations, industries, years, columns, peer groups) and the
task-specific hints for the mistakes a lookup cannot see (``check``). The kernel never runs
``compute``: :func:`judge` runs in ``python -I -m course.scoring`` or the scoring service.

How an answer is judged, part by part (one number, one list or one code is a *part*; a task's
points are shared equally among its parts):

1. **right** when it equals the computed value within half a unit of the taught precision (2.21
   typed from a table printed with two decimals is 2.2134 at that precision), a list when it holds
   the same codes (partial credit: right minus wrong codes), a code when it is the same code;
2. else a **slip**: the value is a row of the lookup table that differs from the task's own case
   (one line names it: "this is the LQ for Vidzeme (LV008): the task asks for Latgale (LV005)");
   an answer typed at the taught precision is compared with the rows marked ``likely`` only (the
   lesson's case and the named mix-ups), so that a typed 1.50 is not blamed on a region at random;
3. else the task's own ``check`` (a simple average for a compound rate, ...);
4. else a **rounded form** ("rounded to 1 decimal") or a **near miss**: "type the value with
   answers.value rather than copying it";
5. else the part's own ``hint``.

>>> task = Task(number=9, points=1, measure="LQ", answers=(Answer("lq_x", "number", "lq"),),
...             own={"region": "Latgale (LV005)"}, decimals=2, compute=lambda load: Reference(
...                 right={"lq_x": 2.2134}, lookup=[
...                     {"region": "Vidzeme (LV008)", "value": 3.6312, "likely": True}]))
>>> judge(task, {"lq_x": 2.21}, load=None)["reason"]
'Task 9 (full marks): lq_x is right.'
>>> judge(task, {"lq_x": 3.63}, load=None)["hint"]
'Task 9: this is the LQ for Vidzeme (LV008): the task asks for Latgale (LV005).'
>>> judge(task, {"lq_x": 2.2}, load=None)["hint"]
'Task 9: this is the right value rounded to 1 decimal: type the value with answers.value rather than copying it from a table.'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from course.scoring._hints import Hint
from course.scoring._readers import _items, _number, _numbers, _text
from course.scoring._scores import score_set

FORMS = ("number", "numbers", "items", "text")
VALUE, SAYS, LIKELY, PART = "value", "says", "likely", "part"  # the lookup's own columns


@dataclass(frozen=True)
class Answer:
    """One name the learner defines: ``form`` is ``"number"``, ``"numbers"`` (``parts``, e.g. the
    three parts of a shift-share, in one dict, row or list), ``"items"`` (a list of codes, of the
    ``column`` of a table) or ``"text"`` (one code). ``column`` is the table column a one-row
    table is read from; ``example`` is the line a form hint suggests."""

    name: str
    form: str
    column: str | None = None
    example: str = "the form the task asks for"
    parts: tuple[str, ...] = ()

    def part_names(self) -> tuple[str, ...]:
        return self.parts if self.form == "numbers" else (self.name,)


@dataclass(frozen=True)
class Reference:
    """What ``Task.compute`` returns: the right value of each part, the lookup rows (dicts of key
    labels plus ``value``; optional ``part``, ``says`` and ``likely``) and facts for ``check``."""

    right: Mapping[str, object]
    lookup: list = field(default_factory=list)
    facts: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Task:
    """One automatically scored task, declared once (see the module docstring).

    ``own`` labels the task's own case with the keys of the lookup rows (one dict for every part,
    or a dict per part name); ``measure`` names the measure in a slip line ("LQ"); ``decimals``
    is the taught precision (one int, or a dict per part; None: full precision); ``hints`` says
    per part what to do when nothing more specific is known; ``check(given, reference)`` returns
    a task-specific hint or None. ``context`` names what the learner chooses and the task reads
    besides its answers (``my_cluster``): not scored, given to ``check`` and to a ``right`` value
    that is a function of the answers read (``right={"stage": lambda read: ...}``).
    """

    number: int
    points: float
    answers: tuple[Answer, ...]
    compute: Callable[[Callable], Reference]
    measure: str = "value"
    own: Mapping = field(default_factory=dict)
    decimals: int | Mapping[str, int | None] | None = None
    hints: Mapping[str, str] = field(default_factory=dict)
    check: Callable[[dict, Reference], str | None] | None = None
    title: str = ""
    context: tuple[str, ...] = ()

    def parts(self) -> list[str]:
        return [part for answer in self.answers for part in answer.part_names()]

    def own_of(self, part: str) -> dict:
        own = self.own.get(part, self.own) if isinstance(self.own.get(part), Mapping) else self.own
        return dict(own)

    def decimals_of(self, part: str) -> int | None:
        return self.decimals.get(part) if isinstance(self.decimals, Mapping) else self.decimals


# --- judging an answer (in the scorer process only) ----------------------------------------


def judge(task: Task, given: Mapping[str, object], *, load, reference: Reference | None = None):
    """Score the plain answers ``given`` (name -> plain form, or a missing name left out).

    Returns ``{score, points, reason, hint, right}``: ``reason`` is the one line the hidden test
    prints, ``hint`` the message a visible check raises ("" when every part is right).
    """
    reference = reference or task.compute(load)
    read, unreadable = _read(task, given)
    read = {**{name: given[name] for name in task.context if name in given}, **read}
    share = task.points / len(task.parts())
    score, said, hints = 0.0, [], []
    for part in task.parts():
        if part in unreadable:
            said.append(unreadable[part])
            hints.append(unreadable[part])
            continue
        earned, hint = _judge_part(task, part, read[part], read, reference, share)
        score += earned
        said.append(f"{part} is right" if not hint else f"{part} is off: {hint}")
        if hint:
            hints.append(hint if len(task.parts()) == 1 else f"{part}: {hint}")
    status = "full marks" if score == task.points else f"{score:g} of {task.points:g} points"
    hint = "" if not hints else f"Task {task.number}: " + "\n".join(dict.fromkeys(hints))
    reason = f"Task {task.number} ({status}): " + "; ".join(dict.fromkeys(said)) + "."
    return {
        "score": score,
        "points": task.points,
        "reason": reason,
        "hint": hint,
        "right": not hints,
    }


def _read(task: Task, given: Mapping[str, object]) -> tuple[dict, dict]:
    """Each part's value in the form its task needs, and the hint of each part that has none."""
    read, unreadable = {}, {}
    for answer in task.answers:
        form = {"task": task.number, "name": answer.name, "example": answer.example}
        try:
            if answer.name not in given:
                raise Hint(f"{answer.name} is not defined: the task is not answered yet")
            value = given[answer.name]
            if answer.form == "number":
                read[answer.name] = _number(value, column=answer.column, **form)
            elif answer.form == "numbers":
                read.update(_numbers(value, list(answer.parts), column=answer.column, **form))
            elif answer.form == "items":
                read[answer.name] = _items(value, column=answer.column, **form)
            else:
                read[answer.name] = _text(value, column=answer.column, **form)
        except Hint as hint:
            message = str(hint).removeprefix(f"Task {task.number}: ")
            unreadable.update(dict.fromkeys(answer.part_names(), message))
    return read, unreadable


def _judge_part(task, part, value, read, reference, share) -> tuple[float, str]:
    right = reference.right[part]
    right = right(read) if callable(right) else right
    decimals = task.decimals_of(part)
    if isinstance(right, set | frozenset | list | tuple):
        earned = score_set(value, {str(r) for r in right}, points=share)
        if earned == share:
            return earned, ""
    else:
        earned = share if _same(value, right, decimals) else 0.0
        if earned:
            return earned, ""
    slip = _slip(task, part, value, reference.lookup)
    if slip:
        return earned, slip
    if task.check is not None:
        specific = task.check(read, reference)
        if specific:
            return earned, specific
    if isinstance(value, float) and isinstance(right, int | float) and not isinstance(right, bool):
        rounded = _rounded(value, float(right), decimals)
        if rounded:
            return earned, rounded
    return earned, task.hints.get(part, "not yet right: read the task again")


def _same(value, right, decimals: int | None) -> bool:
    """A number within half a unit of the taught precision; a code or list the same."""
    if isinstance(right, str):
        return value == right
    if isinstance(right, set | frozenset | list | tuple):
        return set(value) == {str(r) for r in right}
    if not isinstance(value, int | float) or right != right:
        return False
    tolerance = 1e-6 * max(1.0, abs(right)) + (0.5 * 10.0**-decimals if decimals is not None else 0)
    return abs(value - right) <= tolerance


def _typed(value: float, decimals: int | None) -> bool:
    """Whether ``value`` has no more decimals than the taught precision (typed from a table)."""
    return decimals is not None and abs(value - round(value, decimals)) < 1e-9


def _slip(task: Task, part: str, value, lookup: list) -> str:
    """The one line that names the case ``value`` belongs to, or "" (see the module docstring)."""
    own = task.own_of(part)
    own_part = {PART: part} if any(PART in row for row in lookup) else {}
    typed = isinstance(value, float) and _typed(value, task.decimals_of(part))
    found = []
    for row in lookup:
        keys = {k: v for k, v in row.items() if k not in (VALUE, SAYS, LIKELY)}
        diff = [k for k in keys if keys[k] != {**own, **own_part}.get(k, keys[k])]
        if not diff or (typed and not row.get(LIKELY)):
            continue
        if not _matches(value, row[VALUE], task, part):
            continue
        found.append((len(diff), not row.get(LIKELY), diff, row))
    if not found:
        return ""
    _, _, diff, row = min(found, key=lambda f: f[:2])
    if row.get(SAYS):
        return row[SAYS]
    other = ", ".join(str(row[k]) for k in diff)
    asked = ", ".join(str({**own, **own_part}.get(k, "?")) for k in diff)
    return f"this is the {task.measure} for {other}: the task asks for {asked}."


def _matches(value, row_value, task: Task, part: str) -> bool:
    if isinstance(row_value, set | frozenset | list | tuple):
        return isinstance(value, list) and bool(value) and set(value) == set(row_value)
    if isinstance(row_value, str) or isinstance(value, str):
        return value == row_value
    if not isinstance(value, int | float) or row_value != row_value:
        return False
    decimals = task.decimals_of(part)
    if decimals is not None and abs(value - round(row_value, decimals)) < 1e-9:
        return True
    return abs(value - row_value) <= 1e-6 * max(1.0, abs(row_value))


def _rounded(value: float, right: float, decimals: int | None) -> str:
    """A rounded form of the right value, or a near miss: say to type it with answers.value."""
    fix = "type the value with answers.value rather than copying it from a table."
    for fewer in range((decimals if decimals is not None else 6) - 1, -1, -1):
        if abs(value - round(right, fewer)) < 1e-9 and round(right, fewer) != right:
            unit = {0: "a whole number", 1: "1 decimal"}.get(fewer, f"{fewer} decimals")
            return f"this is the right value rounded to {unit}: {fix}"
    near = 10.0 ** (1 - decimals) if decimals else 0.01 * abs(right)
    if abs(value - right) <= near:
        shown = f" (the lesson shows {decimals} decimals)" if decimals else ""
        return f"close, but not the value{shown}: {fix}"
    return ""
