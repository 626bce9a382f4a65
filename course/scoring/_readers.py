"""Read an answer in plain form (see course.scoring.plain) in the form a task needs.

The kernel's visible checks read with them (through ``course.scoring.number`` and its
siblings) and so does the scorer in the fresh process, which receives only the plain form: one
reading, and one wording of what cannot be read, in both places.
"""

from __future__ import annotations

from course.scoring._hints import _WORDS, Hint

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
