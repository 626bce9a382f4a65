"""Empty templates for a cluster manager's own data: ``course template members`` and the like.

Each module ends with "now with yours": the same analysis on the manager's own file. A template is
that file with the right columns and nothing in it yet: a CSV (opens in Excel or LibreOffice)
with the course table's column names, and next to it a short Markdown note that explains every
column in plain words. The columns and their meanings are read from ``datasets/datapackage.json``
(the course tables' own descriptions), so the template and the course data never drift apart.

- ``regional`` (module 1): employment by region, industry and year, like ``regional_employment``;
- ``members`` (module 2, and module 3's value-chain map): a member register, like
  ``cluster_members``;
- ``io`` (module 3): an input-output table, like ``io_table``, with three industries to rename;
- ``kpis`` (module 4): a KPI sheet, like ``benchmarking``, one row per indicator of the course
  catalogue, the values left empty.

>>> import tempfile
>>> paths = write_template("members", tempfile.mkdtemp())
>>> [p.name for p in paths]
['members_template.csv', 'members_template.md']
>>> paths[0].read_text(encoding="utf-8").splitlines()[0].split(",")[:3]
['cluster', 'cluster_name', 'member_id']
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the `course` command starts without pandas; a template loads it
    import pandas as pd

__all__ = ["TEMPLATES", "template", "write_template", "add_commands"]

# name: (course table it mirrors, the module that reads it, how to read your filled-in copy)
TEMPLATES = {
    "regional": ("regional_employment", 1, 'data.read_table("regional_template.csv")'),
    "members": ("cluster_members", 2, 'data.read_table("members_template.csv")'),
    "io": ("io_table", 3, 'valuechain.io_accounts(data.read_table("io_template.csv"))'),
    "kpis": ("benchmarking", 4, 'data.read_table("kpis_template.csv")'),
}
_IO_ROWS = ["imports", "value_added", "total_output", "employment"]


def _fields(table: str) -> list[dict]:
    """The Table Schema fields of a course table (datapackage.json)."""
    from course import data

    return data._resource(table)["schema"]["fields"]


def template(name: str) -> tuple[pd.DataFrame, str]:
    """The empty table of template ``name`` and the note that explains its columns.

    >>> table, note = template("kpis")
    >>> table.columns.tolist()[:3], len(table) > 30
    (['organisation', 'organisation_name', 'course_cluster'], True)
    """
    import pandas as pd

    from course.checks import CourseInputError

    if name not in TEMPLATES:
        raise CourseInputError(
            f"template: {name!r} is not a template: choose one of {', '.join(TEMPLATES)}."
        )
    table_name, module, reader = TEMPLATES[name]
    fields = _fields(table_name)
    columns = [f["name"] for f in fields]
    if name == "io":
        industries = [c for c in columns[3:] if c not in _FINAL]
        fields = [f for f in fields if f["name"] not in industries[3:]]
        columns = [f["name"] for f in fields]
        rows = [{"code": f"industry_{k}", "kind": "industry"} for k in (1, 2, 3)]
        rows += [{"code": row, "kind": row} for row in _IO_ROWS]
        rename = dict(zip(industries[:3], ["industry_1", "industry_2", "industry_3"], strict=True))
        table = pd.DataFrame(rows).reindex(columns=columns).rename(columns=rename)
    elif name == "kpis":
        from course import data

        indicators = data.load("benchmark_indicators")["indicator"]
        table = pd.DataFrame({"indicator": indicators}).reindex(columns=columns)
    else:
        table = pd.DataFrame(columns=columns)
    return table, _note(name, table_name, module, reader, fields)


_FINAL = ["households", "government", "investment", "exports", "total"]


def _note(name: str, table_name: str, module: int, reader: str, fields: list[dict]) -> str:
    """The Markdown note: what the file is for, then one line per column."""
    lines = [
        f"# {name}_template.csv: your own data for module {module}",
        "",
        f"Fill in one row per line of your data, with the columns of the course table "
        f"`{table_name}` (same names, same units). Leave a cell empty when you do not know it: "
        "never type 0 for 'unknown'. Then read it in the notebook with",
        "",
        f"    {reader}",
        "",
        "## The columns",
        "",
    ]
    for field in fields:
        required = field.get("constraints", {}).get("required")
        unit = f" ({field['unit']})" if field.get("unit") else ""
        need = "needed" if required else "may be empty"
        about = field.get("description", "").removeprefix("Fictional ")
        allowed = field.get("constraints", {}).get("enum")
        choices = f"; one of {', '.join(map(str, allowed))}" if allowed else ""
        lines.append(f"- `{field['name']}` ({need}): {about}{unit}{choices}")
    if name == "io":
        lines += ["", "Rename `industry_1` ... and add one column and one row per industry of "
                  "your table (the same codes, in the same order); rows sell to columns, in EUR "
                  "million; `total` is each row's sum."]  # fmt: skip
    return "\n".join(lines) + "\n"


def write_template(name: str, folder: str | Path = ".") -> list[Path]:
    """Write ``<name>_template.csv`` and ``<name>_template.md`` into ``folder``; return both.

    An existing file is never overwritten: the manager may already have filled it in.
    """
    from course.checks import CourseInputError

    table, note = template(name)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    csv, md = folder / f"{name}_template.csv", folder / f"{name}_template.md"
    taken = [p.name for p in (csv, md) if p.exists()]
    if taken:
        raise CourseInputError(
            f"template: {', '.join(taken)} already exist(s) in {folder}: move or rename it "
            "first (it may hold your data), or pass another folder."
        )
    csv.write_text(table.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    md.write_text(note, encoding="utf-8")
    return [csv, md]


def add_commands(commands) -> None:
    """``course template NAME [FOLDER]``: write an empty template and its column notes."""
    parser = commands.add_parser(
        "template",
        help="write an empty file for your own data, its columns explained "
        f"({', '.join(TEMPLATES)})",
    )
    parser.add_argument("name", choices=list(TEMPLATES), help="which template")
    parser.add_argument("folder", nargs="?", default=".", help="where to write it (default: here)")
    parser.set_defaults(func=_template_command)


def _template_command(args) -> int:
    for path in write_template(args.name, args.folder):
        print(f"wrote {path}")
    print("Open the .md file for what each column means; fill in the .csv.")
    return 0
