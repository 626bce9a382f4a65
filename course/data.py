"""Course datasets, and readers for your own data.

The course ships its data in ``datasets/`` as CSV files described by ``datasets/datapackage.json``
(a Frictionless Data Package: every column's type, unit and allowed values). All course data are
**synthetic** (made by ``datasets/generate.py`` with a fixed seed) but calibrated to published
Eurostat figures; regions carry their real NUTS codes, organisations are fictional.

>>> from course import data
>>> employment = data.load("regional_employment")
>>> sorted(employment["country"].unique().tolist())
['DK', 'EE', 'FI', 'LT', 'LV', 'SE']

To work with real data, download a file from Eurostat and read it with :func:`read_eurostat`, or
read a spreadsheet export with :func:`read_table`; :func:`validate` checks a table of your own
against the schema of a course dataset so that the library functions can use it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd

from course.checks import CourseInputError
from course.readers import read_eurostat, read_table

__all__ = [
    "DatasetError",
    "datasets_dir",
    "list_datasets",
    "load",
    "describe",
    "validate",
    "read_eurostat",
    "read_table",
]

# pandas dtypes for Table Schema types. Text is pandas' string dtype ("str" in pandas 3).
_PANDAS_TYPES = {"string": "str", "number": "float64", "integer": "int64", "boolean": "bool"}
_FIX_COURSE_FILE = (
    "The course files may have been edited by mistake: restore them with "
    "`git checkout datasets/` or regenerate them with `python datasets/generate.py`."
)


class DatasetError(CourseInputError):
    """A dataset file is missing, malformed or breaks its schema (a ``ValueError``)."""


def datasets_dir() -> Path:
    """The folder with the course data: ``$COURSE_DATA_DIR`` if set, else the course's own.

    The course's own data are ``datasets/`` in a clone (or an editable install), and the copy
    that the build maps into the package (``course/_materials/datasets``) in an installed copy,
    so ``data.load`` works from any working directory either way.

    >>> (datasets_dir() / "datapackage.json").exists()
    True
    """
    override = os.environ.get("COURSE_DATA_DIR")
    if override:
        return Path(override)
    from course.materials import materials_root

    root = materials_root()
    return (root if root is not None else Path(__file__).resolve().parent.parent) / "datasets"


def _package(folder: Path) -> dict:
    descriptor = folder / "datapackage.json"
    if not descriptor.exists():
        raise DatasetError(
            f"No datapackage.json in {folder}: the course data are missing. {_FIX_COURSE_FILE}"
        )
    stamp = descriptor.stat()
    return _read_descriptor(descriptor, stamp.st_mtime_ns, stamp.st_size)


@cache
def _read_descriptor(descriptor: Path, mtime_ns: int, size: int) -> dict:
    # Cached per file *version* (time and size of the last change): a datapackage.json rewritten
    # by `python datasets/generate.py` in a running kernel is read again, so its new sizes and
    # hashes apply at once instead of refusing the fresh files.
    return json.loads(descriptor.read_text(encoding="utf-8"))


def _resources() -> dict[str, dict]:
    return {res["name"]: res for res in _package(datasets_dir())["resources"]}


def _resource(name: str) -> dict:
    resources = _resources()
    if name not in resources:
        raise DatasetError(
            f"There is no course dataset called {name!r}. "
            f"The datasets are: {', '.join(sorted(resources))}. "
            "See them all with course.data.list_datasets()."
        )
    return resources[name]


def list_datasets() -> pd.DataFrame:
    """The course datasets: name, title, rows, columns and whether they are synthetic.

    >>> table = list_datasets()
    >>> "regional_employment" in table["name"].tolist()
    True
    """
    rows = []
    for name, res in _resources().items():
        path = datasets_dir() / res["path"]
        with path.open(encoding="utf-8") as handle:
            n_rows = sum(1 for _ in handle) - 1  # minus the header line
        rows.append(
            {
                "name": name,
                "title": res.get("title", ""),
                "rows": n_rows,
                "columns": len(res["schema"]["fields"]),
                "synthetic": bool(res.get("synthetic", False)),
            }
        )
    return pd.DataFrame(rows)


def describe(name: str) -> pd.DataFrame:
    """The columns of a course dataset: name, type, unit and description (from datapackage.json).

    >>> describe("regional_employment").set_index("column").loc["employment", "type"]
    'integer'
    """
    fields = _resource(name)["schema"]["fields"]
    return pd.DataFrame(
        {
            "column": [f["name"] for f in fields],
            "type": [f["type"] for f in fields],
            "unit": [f.get("unit", "") for f in fields],
            "description": [f.get("description", "") for f in fields],
        }
    )


def load(name: str, *, validate: bool = True) -> pd.DataFrame:
    """Load a course dataset as a DataFrame, checked against its schema.

    The file must be the one the course ships: its size and SHA-256 are compared with the
    ``bytes`` and ``hash`` recorded in datapackage.json before it is read, so a file that was cut
    short or edited raises :class:`DatasetError` (with how to restore it) instead of loading as a
    silently different table. Windows line ends (CRLF) count as the same file.

    Every column gets the type its schema gives (text, integer, number, true/false). With
    ``validate=True`` (the default) the table is checked against the schema's constraints
    (allowed values, minimums, unique keys); a broken file raises :class:`DatasetError` naming
    the file, the column, the CSV line and the fix.

    >>> members = load("cluster_members")
    >>> sorted(members["cluster"].unique().tolist())
    ['dk_food', 'ee_logistics', 'lv_food', 'lv_it', 'se_energy']
    >>> load("employment")
    Traceback (most recent call last):
    ...
    course.data.DatasetError: There is no course dataset called 'employment'. The datasets are: ...
    """
    res = _resource(name)
    path = datasets_dir() / res["path"]
    _check_unchanged(path, res)
    table = _read_csv(path, res["schema"])
    if validate:
        _check_schema(table, res["schema"], path)
    table.attrs["source"] = str(path)
    table.attrs["synthetic"] = bool(res.get("synthetic", False))
    return table


def validate(df: pd.DataFrame, like: str) -> pd.DataFrame:
    """Check a table of your own against the schema of the course dataset ``like``.

    Use it before passing real data to the library: it says which column is missing, has the wrong
    type, or holds values outside the allowed ones. Returns the table unchanged when it passes.

    >>> own = load("regional_employment").head(3)
    >>> validate(own, like="regional_employment").shape == own.shape
    True
    """
    _check_schema(df, _resource(like)["schema"], None)
    return df


def _check_unchanged(path: Path, resource: dict) -> None:
    """Refuse a course file whose size or hash differs from what datapackage.json records.

    Without this check a CSV cut in half (an interrupted copy or download) loads as a shorter table
    and every result computed from it is silently wrong. The size is compared first because it
    costs nothing; the SHA-256 of the largest course file (regional_employment, 3 MB) takes about
    1.5 ms, against about 25 ms for ``load`` to parse and validate it. A descriptor without
    ``bytes`` and ``hash`` (a data folder of your own in ``COURSE_DATA_DIR``) is not checked.

    >>> _check_unchanged(datasets_dir() / "nace.csv", _resource("nace"))  # intact: no error
    """
    if "bytes" not in resource and "hash" not in resource:
        return  # nothing recorded to compare with
    if not path.exists():
        raise DatasetError(f"The data file {path} is missing. {_FIX_COURSE_FILE}")
    problem = _difference(resource, path.stat().st_size, lambda kind: _file_digest(path, kind))
    if problem:
        content = path.read_bytes()  # read only on a mismatch, to look for Windows line ends
        if b"\r\n" in content:
            # git on Windows (core.autocrlf) checks text files out with CRLF line ends: that is
            # the same course file, so compare its Unix form (LF), from which the hash was made.
            unix = content.replace(b"\r\n", b"\n")
            problem = _difference(resource, len(unix), lambda kind: hashlib.new(kind, unix))
    if problem:
        raise DatasetError(
            f"{path.name} is not the course file: {problem}. Restore it with "
            f"`git checkout datasets/{path.name}`, or regenerate the course data with "
            "`python datasets/generate.py` (or `make datasets`). To work with a changed copy, "
            "save it under another name, read it with course.data.read_table(path) and check it "
            f"with course.data.validate(table, like=...). The file: {path}"
        )


def _difference(resource: dict, size: int, digest: Callable) -> str | None:
    r"""What differs from the ``bytes`` and ``hash`` recorded in ``resource`` (None: nothing).

    ``size`` is the size of the content and ``digest(algorithm)`` hashes it (a hashlib object);
    it is called only when the sizes agree, so a file cut short is never read.

    >>> recorded = {"bytes": 4, "hash": "sha256:" + hashlib.sha256(b"a\nb\n").hexdigest()}
    >>> _difference(recorded, 4, lambda kind: hashlib.new(kind, b"a\nb\n")) is None
    True
    >>> _difference(recorded, 2, lambda kind: hashlib.new(kind, b"a\n"))
    'expected 4 bytes, found 2 (it was cut short)'
    >>> _difference(recorded, 4, lambda kind: hashlib.new(kind, b"a\nc\n"))
    'the content changed (its hash differs from the one in datapackage.json)'
    """
    expected = resource.get("bytes")
    if expected is not None and size != expected:
        hint = "it was cut short" if size < expected else "something was added"
        return f"expected {expected:,} bytes, found {size:,} ({hint})"
    recorded = resource.get("hash")
    if recorded is None:
        return None
    # The Data Package spec: a bare hash is MD5, other algorithms are prefixed ("sha256:<hex>").
    kind, _, value = recorded.rpartition(":")
    kind = kind.lower() or "md5"
    if kind not in hashlib.algorithms_available:
        raise DatasetError(
            f"datapackage.json records a hash with the unknown algorithm {kind!r}: write it as "
            '"sha256:<hex>", or remove the hash to skip the check.'
        )
    if digest(kind).hexdigest() != value.lower():
        return "the content changed (its hash differs from the one in datapackage.json)"
    return None


def _file_digest(path: Path, kind: str):
    # hashlib reads the file in chunks: no 3 MB copy in memory before pandas reads it again
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, kind)


def _read_csv(path: Path, schema: dict) -> pd.DataFrame:
    if not path.exists():
        raise DatasetError(f"The data file {path} is missing. {_FIX_COURSE_FILE}")
    text_columns = {f["name"]: "str" for f in schema["fields"] if f["type"] == "string"}
    try:
        table = pd.read_csv(path, dtype=text_columns, keep_default_na=False, na_values=[""])
    except pd.errors.ParserError as exc:
        # pandas says e.g. "Expected 11 fields in line 7, saw 12": keep its line number.
        raise DatasetError(f"{path.name} is malformed: {exc}. {_FIX_COURSE_FILE}") from exc
    except pd.errors.EmptyDataError as exc:
        raise DatasetError(f"{path.name} is empty. {_FIX_COURSE_FILE}") from exc
    if not isinstance(table.index, pd.RangeIndex):
        # pandas takes the first column as the row index when line 2 has one field more than
        # the header: every column would be shifted by one
        raise DatasetError(
            f"{path.name} is malformed: line 2 has more fields than the header (line 1). "
            f"{_FIX_COURSE_FILE}"
        )
    _check_columns(table, schema, path)
    for field in schema["fields"]:
        table[field["name"]] = _typed(table[field["name"]], field, path)
    return table


def _check_columns(table: pd.DataFrame, schema: dict, path: Path) -> None:
    expected = [f["name"] for f in schema["fields"]]
    missing = [c for c in expected if c not in table.columns]
    extra = [c for c in table.columns if c not in expected]
    if missing or extra:
        raise DatasetError(
            f"{path.name} does not have the columns its schema describes: "
            f"missing {missing or 'none'}, unexpected {extra or 'none'}. {_FIX_COURSE_FILE}"
        )


def _typed(column: pd.Series, field: dict, path: Path) -> pd.Series:
    kind = field["type"]
    if kind == "string":
        return column
    if kind == "boolean":
        as_text = column.astype("str").str.lower()
        truth = {"true": True, "false": False, "1": True, "0": False}
        converted = as_text.map(truth)
    else:
        converted = pd.to_numeric(column, errors="coerce")
    bad = converted.isna() & column.notna()
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise DatasetError(
            f"{path.name}, line {row + 2}, column {field['name']!r}: {column.iloc[row]!r} is not "
            f"a valid {kind}. {_FIX_COURSE_FILE}"
        )
    if kind == "integer" and converted.isna().any():
        return converted.astype("Int64")  # missing allowed: pandas' nullable integers
    return converted.astype(_PANDAS_TYPES[kind])


def _check_schema(table: pd.DataFrame, schema: dict, path: Path | None) -> None:
    """Check ``table`` against a Table Schema; ``path`` is the CSV it came from (None: in memory)."""
    import pandera.pandas as pa  # heavy: imported only when a table is validated

    columns = {
        f["name"]: pa.Column(checks=_field_checks(f), **_nullable(f)) for f in schema["fields"]
    }
    key = schema.get("primaryKey")
    unique = [key] if isinstance(key, str) else key
    frame_schema = pa.DataFrameSchema(columns, unique=unique, strict=False, coerce=False)
    try:
        frame_schema.validate(table, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise DatasetError(_describe_failures(exc.failure_cases, path)) from None
    except pa.errors.SchemaError as exc:
        raise DatasetError(f"{_name(path)}: {exc}") from None


def _nullable(field: dict) -> dict:
    required = field.get("constraints", {}).get("required", False)
    return {"nullable": not required, "required": True}


def _field_checks(field: dict) -> list:
    import pandera.pandas as pa

    constraints = field.get("constraints", {})
    checks = []
    if "minimum" in constraints:
        checks.append(pa.Check.ge(constraints["minimum"]))
    if "maximum" in constraints:
        checks.append(pa.Check.le(constraints["maximum"]))
    if "enum" in constraints:
        checks.append(pa.Check.isin(constraints["enum"]))
    if "pattern" in constraints:
        # Table Schema patterns must match the whole value: anchor them
        checks.append(pa.Check.str_matches(f"^(?:{constraints['pattern']})$"))
    if constraints.get("unique"):
        checks.append(pa.Check(lambda s: ~s.duplicated(keep=False), error="unique"))
    return checks


def _name(path: Path | None) -> str:
    return path.name if path is not None else "Your table"


def _where(index, path: Path | None) -> str:
    if pd.isna(index):
        return "the whole table"
    # a CSV loaded here has a 0-based RangeIndex: line = index + 2 (after the header line)
    return f"line {int(index) + 2}" if path is not None else f"row {index!r}"


_PLAIN_CHECKS = {
    "greater_than_or_equal_to": "is below the minimum {}",
    "less_than_or_equal_to": "is above the maximum {}",
    "isin": "is not one of the allowed values",
    "str_matches": "does not have the expected form {}",
    "not_nullable": "is missing but required",
    "column_in_dataframe": "is missing from the table",
    "unique": "is duplicated but must be unique",
    "dtype": "has the wrong type (expected {})",
}


def _explain(record) -> str:
    """Say in plain words which schema rule a value broke (pandera names the check)."""
    check = str(record.check)
    name, _, argument = check.partition("(")
    template = _PLAIN_CHECKS.get(name.strip())
    if template is None:
        return f"breaks the rule {check}"
    return template.format(argument.rstrip(")")).replace(" ()", "")


def _describe_failures(failures: pd.DataFrame, path: Path | None) -> str:
    count = len(failures)
    lines = []
    for record in failures.head(5).itertuples(index=False):
        if record.column is None or pd.isna(record.column):  # a rule about the whole table
            lines.append(f"column {record.failure_case!r} {_explain(record)}")
            continue
        where = _where(record.index, path)
        lines.append(
            f"{where}, column {record.column!r}: {record.failure_case!r} {_explain(record)}"
        )
    more = f" (and {count - 5} more)" if count > 5 else ""
    return (
        f"{_name(path)} breaks its schema in {count} place(s){more}:\n  "
        + "\n  ".join(lines)
        + "\nThe allowed values are in datasets/datapackage.json."
        + (f" {_FIX_COURSE_FILE}" if path is not None else "")
    )
