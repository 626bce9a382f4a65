"""Read the learner's own data: Eurostat downloads and spreadsheet exports.

Two public functions (re-exported as ``course.data.read_eurostat`` and
``course.data.read_table``):

- :func:`read_eurostat` turns a file downloaded from Eurostat (bulk TSV, also
  gzipped, or SDMX-CSV) into one tidy table: one row per series and period,
  with ``time``, ``value`` and ``flag`` columns.
- :func:`read_table` reads a CSV or XLSX exported from a spreadsheet (``;`` or
  ``,`` separators, decimal commas, thousands spaces, flags such as ``219 d``,
  dates where numbers belong), converts numeric columns and reports every cell
  it had to change.

Both keep every row: a missing number becomes NaN, never a dropped row, because
a silently shorter table gives silently wrong totals. Both name the file in
their error messages and say how to fix the problem.
"""

from __future__ import annotations

import gzip
import io
import math
import re
import unicodedata
import warnings
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from course.checks import CourseInputError

__all__ = ["read_eurostat", "read_table"]

# ---------------------------------------------------------------------------
# Shared: finding, reading and decoding a file
# ---------------------------------------------------------------------------

#: Encodings tried when a file is not UTF-8: cp1257 (Windows Baltic), cp1252
#: (Windows Western: Nordic, German) and latin-1, which decodes any byte, so
#: reading never fails on encoding. The same byte is a different letter in each
#: (0xF8 is 'ų' in cp1257 but 'ø' in cp1252), so the order alone cannot decide:
#: _decode keeps the decoding whose letters look most like a real language.
_FALLBACK_ENCODINGS = ("cp1257", "cp1252", "latin-1")

#: Rough frequency (% of all letters) of the non-English letters of the
#: languages a course file is likely to be in (Wikipedia "Letter frequency" and
#: national corpora; rounded). A decoding that turns Danish 'ø' into 'ų' gives
#: text made of rare Lithuanian letters only, which scores lower than Danish.
_LETTER_FREQUENCY = {
    "lv": {"ā": 4.6, "ē": 1.9, "ī": 1.7, "ū": 0.5, "š": 1.2, "ž": 0.6, "č": 0.3, "ķ": 0.2,
           "ļ": 0.4, "ņ": 0.4, "ģ": 0.1},
    "lt": {"ą": 0.6, "č": 0.4, "ę": 0.2, "ė": 1.6, "į": 0.6, "š": 1.3, "ų": 1.1, "ū": 0.5,
           "ž": 0.8},
    "et": {"ä": 1.7, "õ": 1.0, "ö": 0.3, "ü": 0.7, "š": 0.02, "ž": 0.01},
    "fi": {"ä": 3.6, "ö": 0.4, "å": 0.01},
    "sv": {"å": 1.3, "ä": 1.8, "ö": 1.3, "é": 0.05},
    "da": {"æ": 0.9, "ø": 0.9, "å": 1.2, "é": 0.05},
    "de": {"ä": 0.6, "ö": 0.4, "ü": 1.0, "ß": 0.3},
}  # fmt: skip
_FOREIGN_LETTER = 0.001  # a letter of none of these languages (ð, þ, î ...): unlikely
_CONTROL_CHARACTER = 1e-6  # bytes 0x80-0x9F read as latin-1 controls: almost never meant


def _existing_file(path: str | Path, where: str) -> Path:
    """Return ``path`` as a Path, or raise a message that shows what IS there."""
    file = Path(path)
    if file.is_file():
        return file
    folder = file.parent
    if file.is_dir():
        raise CourseInputError(
            f"{where}: {str(file)!r} is a folder, not a file. "
            f"Files in it: {_folder_listing(file)}. Add the file name to the path."
        )
    if folder.is_dir():
        raise CourseInputError(
            f"{where}: no file {str(file)!r}. Check the spelling and the folder "
            f"(paths are relative to {str(Path.cwd())!r}). "
            f"Files in {str(folder)!r}: {_folder_listing(folder)}."
        )
    raise CourseInputError(
        f"{where}: no file {str(file)!r}: the folder {str(folder)!r} does not exist either. "
        f"Check the path (relative paths start in {str(Path.cwd())!r}, which holds: "
        f"{_folder_listing(Path.cwd())})."
    )


def _folder_listing(folder: Path, limit: int = 12) -> str:
    names = sorted(p.name + ("/" if p.is_dir() else "") for p in folder.iterdir())
    if not names:
        return "(none, the folder is empty)"
    more = f", ... ({len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(repr(n) for n in names[:limit]) + more


def _read_bytes(file: Path, where: str) -> bytes:
    """Read the file's bytes, unzipping gzip (recognised by its first bytes, not its name)."""
    data = file.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as error:
            raise CourseInputError(
                f"{where}: {file.name!r} is a damaged or incomplete .gz file ({error}). "
                "The download was probably cut off: download it again."
            ) from None
    if not data.strip():
        raise CourseInputError(
            f"{where}: {file.name!r} is empty. Download or export it again, "
            "and check that the download finished."
        )
    return data


def _decode(data: bytes, file: Path, where: str) -> tuple[str, str]:
    """Return (text, encoding name): UTF-16/UTF-8 by their marks, else the best-fitting fallback."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel "Unicode text" is UTF-16
        return data.decode("utf-16"), "utf-16"
    _refuse_binary(data, file, where)
    try:
        return data.decode("utf-8-sig"), "utf-8"  # utf-8-sig also drops a BOM
    except UnicodeDecodeError:
        pass
    decoded = {}
    for encoding in _FALLBACK_ENCODINGS:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:  # cp1257/cp1252 leave a few bytes undefined
            continue
    # max keeps the first of equal scores: Swedish 'å ä ö' is the same in all three
    best = max(decoded, key=lambda encoding: _language_score(decoded[encoding]))
    return decoded[best], best


def _language_score(text: str) -> float:
    """How likely the non-ASCII letters of ``text`` are, in the best-fitting language.

    Sum of log letter frequencies (see _LETTER_FREQUENCY); letters of no listed
    language and control characters count as very unlikely. Counting distinct
    characters (Counter) keeps this fast on big files.
    """
    counts = Counter(re.findall(r"[^\x00-\x7f]", text))
    if not counts:
        return 0.0
    scores = []
    for frequency in _LETTER_FREQUENCY.values():  # a loop over 7 languages
        score = 0.0
        for char, n in counts.items():
            if unicodedata.category(char) == "Cc":
                score += n * math.log(_CONTROL_CHARACTER)
            elif char.isalpha():
                score += n * math.log(frequency.get(char.lower(), _FOREIGN_LETTER))
            # other symbols (€, –, °) are the same kind of thing in every encoding
        scores.append(score)
    return max(scores)


def _refuse_binary(data: bytes, file: Path, where: str) -> None:
    """A text file has no NUL bytes: say what the file probably is instead."""
    if b"\x00" not in data[:65536]:
        return
    if data[:4] == b"PK\x03\x04":
        what = "a zipped file, probably an Excel workbook: rename it to .xlsx, or export CSV again"
    else:
        what = "not a text file: export the table again as CSV (or save it as .xlsx)"
    raise CourseInputError(f"{where}: {file.name!r} holds binary data, {what}.")


def _lines(text: str) -> pd.Series:
    """The file's lines as a Series indexed by line number (1 = first line)."""
    lines = pd.Series(text.split("\n"), dtype="str").str.rstrip("\r")
    lines.index = np.arange(1, len(lines) + 1)
    return lines


def _check_cell_counts(
    lines: pd.Series, sep: str, expected: int, file: Path, where: str, *, quoted: bool
) -> None:
    """Raise on the first non-blank line whose number of cells differs from the header's."""
    body = lines.iloc[1:]
    body = body[body.str.strip() != ""]
    if quoted:  # a separator inside "quoted text" does not start a new cell
        body = body.str.replace(r'"(?:[^"]|"")*"', "", regex=True)
    counts = body.str.count(re.escape(sep)) + 1
    wrong = counts[counts != expected]
    if wrong.empty:
        return
    line, found = int(wrong.index[0]), int(wrong.iloc[0])
    last = " (the last line)" if line == int(body.index[-1]) else ""
    raise CourseInputError(
        f"{where}: line {line}{last} of {file.name!r} has {found} cells where the header has "
        f"{expected}. The file may be truncated or damaged: download or export it again "
        "(and do not edit it in a text editor)."
    )


# ---------------------------------------------------------------------------
# Eurostat
# ---------------------------------------------------------------------------

#: A Eurostat TSV number, and a whole cell: a number or ':' (missing), then optional flag letters.
_EUROSTAT_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_EUROSTAT_CELL = re.compile(rf"^(?P<number>{_EUROSTAT_NUMBER}|:)?\s*(?P<flag>[A-Za-z]+)?$")

#: SDMX-CSV columns that describe the download, not an observation: kept in df.attrs.
_SDMX_META = ("DATAFLOW", "LAST UPDATE", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION")
#: SDMX-CSV observation columns and the tidy names they get.
_SDMX_RENAME = {
    "TIME_PERIOD": "time",
    "OBS_VALUE": "value",
    "OBS_FLAG": "flag",
    "CONF_STATUS": "conf_status",
}
_TSV_EXAMPLE = "freq,unit,nace_r2,geo\\TIME_PERIOD<TAB>2015 <TAB>2016 ..."
_SDMX_EXAMPLE = "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"


def read_eurostat(path: str | Path, *, dataset: str | None = None) -> pd.DataFrame:
    r"""Read a Eurostat download (bulk TSV, .tsv.gz or SDMX-CSV) into one tidy table.

    The format is recognised from the file's content, not its name:

    - **bulk TSV**: the first header cell joins the dimension names with commas
      and ends ``geo\TIME_PERIOD`` (older files ``geo\time``); then one column
      per period. A cell is a number, optionally a space and flag letters
      (``123.4 p``), or ``:`` for missing (``: c`` = confidential).
    - **SDMX-CSV**: one row per observation with ``TIME_PERIOD``, ``OBS_VALUE``
      and ``OBS_FLAG`` columns. ``DATAFLOW`` and ``LAST UPDATE`` go to
      ``df.attrs``; label columns (e.g. ``Time frequency`` after ``freq``) become
      ``freq_label``; ``CONF_STATUS`` is kept as ``conf_status`` and a ``C``
      (confidential) also adds ``c`` to ``flag``, as the TSV shows it.

    Result: one row per series x period, **never dropping a row** (a missing
    value is a NaN row with its flag): the dimension columns (lower case, as in
    the file), ``time`` (int when every period is a year, else text such as
    ``2015-Q1``), ``value`` (float) and ``flag`` (text, missing when none).
    Flags (Eurostat): ``p`` provisional, ``e`` estimated, ``b`` break in series,
    ``c`` confidential, ``d`` definition differs, ``u`` low reliability.
    TSV rows are in file order, periods ascending within each series.

    ``df.attrs`` holds ``source`` (the path), ``format`` (``"eurostat-tsv"`` or
    ``"sdmx-csv"``) and ``dataset`` (the ``dataset`` argument, else the code in
    DATAFLOW, else the TSV file name, as Eurostat names bulk files ``<code>.tsv.gz``).
    Passing ``dataset`` checks it against an SDMX-CSV file's DATAFLOW.

    Source: Eurostat, *Bulk download* and *API - SDMX-CSV* user guides (Eurostat 2023).

    >>> from pathlib import Path
    >>> sample = Path(__file__).parent.parent / "datasets" / "samples"
    >>> emp = read_eurostat(sample / "sbs_r_nuts06_r2_sample.tsv")
    >>> emp.columns.tolist()
    ['nace_r2', 'indic_sb', 'geo', 'time', 'value', 'flag']
    >>> row = emp.query("nace_r2 == 'C10' and indic_sb == 'V16110' and geo == 'LV00' and time == 2020")
    >>> round(float(row["value"].iloc[0])), row["flag"].iloc[0]
    (24150, 'p')
    """
    where = "read_eurostat"
    file = _existing_file(path, where)
    text, _encoding = _decode(_read_bytes(file, where), file, where)
    lines = _lines(text)
    header = lines.iloc[0]
    first_cell = header.split("\t")[0]
    if "\t" in header and "\\" in first_cell:
        tidy = _tidy_from_tsv(lines, file, where)
        attrs = {"dataset": dataset or _dataset_from_name(file)}
        fmt = "eurostat-tsv"
    elif _is_sdmx_header(header):
        tidy, attrs = _tidy_from_sdmx(text, lines, file, where, dataset)
        fmt = "sdmx-csv"
    else:
        raise CourseInputError(
            f"{where}: {file.name!r} is neither a Eurostat bulk TSV nor an SDMX-CSV file. "
            f"Expected a first line like {_TSV_EXAMPLE!r} (TSV) or {_SDMX_EXAMPLE!r} "
            f"(SDMX-CSV); found {header[:120]!r}. Download the data from Eurostat as "
            "'TSV' or 'SDMX-CSV'; for your own spreadsheets use read_table(...)."
        )
    tidy.attrs = {"source": str(path), "format": fmt, **attrs}
    return tidy


def _dataset_from_name(file: Path) -> str:
    name = file.name.lower()
    for suffix in (".gz", ".tsv", ".txt"):
        name = name.removesuffix(suffix)
    return name


def _is_sdmx_header(header: str) -> bool:
    names = {name.strip().strip('"').split(":")[0].strip() for name in header.split(",")}
    return {"TIME_PERIOD", "OBS_VALUE"} <= names


def _tidy_from_tsv(lines: pd.Series, file: Path, where: str) -> pd.DataFrame:
    """Bulk TSV -> tidy: split the series key, stack the period columns, split value and flag."""
    header = lines.iloc[0].split("\t")
    dimension_part = header[0].split("\\")[0]
    dimensions = [name.strip().lower() for name in dimension_part.split(",")]
    periods = np.array([cell.strip() for cell in header[1:]], dtype=object)
    _check_cell_counts(lines, "\t", len(header), file, where, quoted=False)

    body = lines.iloc[1:]
    body = body[body.str.strip() != ""]
    if body.empty:
        raise CourseInputError(
            f"{where}: {file.name!r} has a header line but no data rows. "
            "Download it again, or widen the filters of your download."
        )
    cells = body.str.split("\t", expand=True)
    keys = cells[0].str.strip()
    key_parts = keys.str.count(",") + 1
    wrong = key_parts[key_parts != len(dimensions)]
    if not wrong.empty:
        raise CourseInputError(
            f"{where}: line {int(wrong.index[0])} of {file.name!r} has the series key "
            f"{keys[wrong.index[0]]!r} with {int(wrong.iloc[0])} codes, but the header names "
            f"{len(dimensions)} ({', '.join(dimensions)}). The file may be damaged: download it again."
        )

    # Periods ascending within each series (old files list the newest year first).
    order = np.argsort(periods, kind="stable")
    n_series, n_periods = len(cells), len(periods)
    grid = cells.iloc[:, 1:].to_numpy(dtype=object)[:, order]
    series_of_row = np.repeat(np.arange(n_series), n_periods)

    tidy = keys.str.split(",", expand=True).iloc[series_of_row].reset_index(drop=True)
    tidy.columns = dimensions
    tidy = tidy.apply(lambda column: column.str.strip())
    tidy["time"] = _tidy_time(pd.Series(np.tile(periods[order], n_series), dtype="str"))
    value, flag = _split_eurostat_cells(
        pd.Series(grid.ravel(), dtype="str"),
        line=np.repeat(body.index.to_numpy(), n_periods),
        period=np.tile(periods[order], n_series),
        file=file,
        where=where,
    )
    tidy["value"] = value
    tidy["flag"] = flag
    return tidy


def _tidy_time(periods: pd.Series) -> pd.Series:
    """Years become int (2015), anything else (2015-Q1, 2015M03) stays text."""
    periods = periods.str.strip()
    if periods.str.fullmatch(r"\d{4}").all():
        return periods.astype("int64")
    return periods


def _split_eurostat_cells(
    cells: pd.Series, *, line: np.ndarray, period: np.ndarray, file: Path, where: str
) -> tuple[pd.Series, pd.Series]:
    """'123.4 p' -> (123.4, 'p'); ': c' -> (NaN, 'c'); ':' -> (NaN, missing)."""
    text = cells.str.strip()
    # Fast path: most cells are plain numbers, which need no regex groups.
    plain = text.str.fullmatch(_EUROSTAT_NUMBER).fillna(False).to_numpy(dtype=bool)
    value = pd.to_numeric(text.where(plain)).astype("float64")
    flag = pd.Series(np.nan, index=cells.index, dtype="str")
    rest = ~plain & text.ne("").to_numpy(dtype=bool)
    if not rest.any():
        return value, flag
    parts = text[rest].str.extract(_EUROSTAT_CELL)
    unreadable = (parts["number"].isna() & parts["flag"].isna()).to_numpy(dtype=bool)
    if unreadable.any():
        first = int(np.flatnonzero(rest)[np.flatnonzero(unreadable)[0]])
        raise CourseInputError(
            f"{where}: the cell {cells.iloc[first]!r} on line {line[first]} of {file.name!r} "
            f"(period {period[first]}) is not a Eurostat value. Expected a number with an "
            "optional flag ('123.4 p') or ':' for missing. Download the file again rather "
            "than editing it."
        )
    number = parts["number"].where(parts["number"] != ":")
    value[rest] = pd.to_numeric(number).astype("float64").to_numpy()
    flag[rest] = parts["flag"].to_numpy()
    return value, flag


def _tidy_from_sdmx(
    text: str, lines: pd.Series, file: Path, where: str, dataset: str | None
) -> tuple[pd.DataFrame, dict]:
    """SDMX-CSV -> the same tidy shape as the TSV, plus attrs describing the download."""
    header_cells = len(pd.read_csv(io.StringIO(lines.iloc[0]), dtype=str).columns)
    _check_cell_counts(lines, ",", header_cells, file, where, quoted=True)
    raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    if raw.empty:
        raise CourseInputError(
            f"{where}: {file.name!r} has a header line but no data rows. "
            "Download it again, or widen the filters of your download."
        )
    raw.columns = [_sdmx_code(name) for name in raw.columns]
    raw = raw.apply(lambda column: column.str.strip())
    attrs = _sdmx_attrs(raw, file, where, dataset)

    tidy = pd.DataFrame(index=raw.index)
    labels = {}
    previous = None
    for name in raw.columns:  # a loop over columns (a handful), not rows
        if name in _SDMX_META:
            continue
        if _is_code_column(name):
            previous = _SDMX_RENAME.get(name, name.lower())
            codes, code_labels = _split_code_labels(raw[name])
            tidy[previous] = codes
            if code_labels is not None:
                labels[f"{previous}_label"] = code_labels
        elif previous not in ("time", "value"):  # those labels repeat the number
            labels[f"{previous}_label"] = raw[name]

    tidy["time"] = _tidy_time(tidy["time"])
    tidy["value"] = _sdmx_values(tidy["value"], file, where)
    flag = tidy["flag"] if "flag" in tidy else pd.Series(np.nan, index=tidy.index, dtype="str")
    flag = flag.where(flag != "")
    if "conf_status" in tidy:  # the TSV shows confidential values as ': c'
        confidential = tidy["conf_status"].str.upper().eq("C") & ~flag.fillna("").str.contains("c")
        flag = flag.mask(confidential, flag.fillna("") + "c")
    tidy["flag"] = flag
    dimensions = [c for c in tidy.columns if c not in ("time", "value", "flag", "conf_status")]
    extras = [c for c in ("conf_status",) if c in tidy]
    tidy = tidy[[*dimensions, "time", "value", "flag", *extras]]
    for name, column in labels.items():
        tidy[name] = column
    return tidy.reset_index(drop=True), attrs


def _sdmx_code(name: str) -> str:
    """'freq: Time frequency' (SDMX-CSV with labels=both) -> 'freq'; strip spaces."""
    name = name.strip()
    return name.split(":")[0].strip() if ":" in name else name


def _is_code_column(name: str) -> bool:
    # Eurostat codes are lower-case identifiers (geo, nace_r2) or the SDMX
    # upper-case names; a label column has a human name ('Time frequency').
    return name in _SDMX_RENAME or re.fullmatch(r"[a-z][a-z0-9_]*", name) is not None


def _split_code_labels(column: pd.Series) -> tuple[pd.Series, pd.Series | None]:
    """'LV:Latvia' -> ('LV', 'Latvia') when every non-empty cell has that shape."""
    filled = column[column != ""]
    if filled.empty or not filled.str.contains(":", regex=False).all():
        return column, None
    parts = column.str.split(":", n=1, expand=True)
    return parts[0].str.strip(), parts[1].str.strip()


def _sdmx_attrs(raw: pd.DataFrame, file: Path, where: str, dataset: str | None) -> dict:
    attrs: dict = {}
    for meta in _SDMX_META:
        if meta in raw:
            values = pd.unique(raw[meta]).tolist()
            attrs[meta.lower().replace(" ", "_")] = values[0] if len(values) == 1 else values
    flows = raw["DATAFLOW"] if "DATAFLOW" in raw else raw.get("STRUCTURE_ID")
    codes = [] if flows is None else pd.unique(flows.str.extract(r"^(?:[^:]*:)?([^(]+)")[0])
    codes = [str(code).strip().lower() for code in codes]
    if dataset is not None and codes and dataset.lower() not in codes:
        raise CourseInputError(
            f"{where}: {file.name!r} holds dataset {', '.join(codes)}, not {dataset!r}. "
            "Check that you picked the right file, or drop the dataset= argument."
        )
    attrs["dataset"] = dataset or (codes[0] if len(codes) == 1 else None)
    return attrs


def _sdmx_values(values: pd.Series, file: Path, where: str) -> pd.Series:
    missing = values.isin(["", ":"])
    numbers = pd.to_numeric(values.where(~missing), errors="coerce")
    unreadable = numbers.isna() & ~missing
    if unreadable.any():
        first = int(np.flatnonzero(unreadable.to_numpy())[0])
        raise CourseInputError(
            f"{where}: OBS_VALUE {values.iloc[first]!r} on line {first + 2} of {file.name!r} "
            "is not a number. Expected a number with a point as decimal mark, or an empty "
            "cell for missing. Download the file again rather than editing it."
        )
    return numbers.astype("float64")


# ---------------------------------------------------------------------------
# Spreadsheet exports: read_table
# ---------------------------------------------------------------------------

_TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")
_EXCEL_EXTENSIONS = (".xlsx", ".xlsm")
_SHARE_NUMERIC = 0.8  # a column is numeric when >= 80 % of its non-empty cells read as numbers

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
#: What a spreadsheet writes when it turns a number into a date.
_DATE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\.?(?: \d{1,2}:\d{2}(?::\d{2})?)?"
    rf"|\d{{1,2}}[./ -]?{_MONTH}(?:[./ -]\d{{2,4}})?|{_MONTH}[./ -]\d{{2,4}}",
    re.IGNORECASE,
)
_MISSING_MARKERS = r":|-|\u2013|\u2014|\.\.|\.\.\."


def _thousands(decimal: str) -> str:
    """Thousands separators allowed with this decimal mark (space, no-break spaces, ')."""
    return "[ \u00a0\u202f'.]" if decimal == "," else "[ \u00a0\u202f',]"


def _number_pattern(decimal: str) -> str:
    """A number written with this decimal mark: '1 234,5', '-3', ',5', '1.5E+03'."""
    point, group, sign = re.escape(decimal), _thousands(decimal), "[-+\u2212]?"
    return (
        rf"{sign}(?:\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:{point}\d+)?(?:[eE][-+]?\d+)?"
        rf"|{sign}{point}\d+"
    )


def _cell_pattern(decimal: str) -> re.Pattern:
    """A numeric cell: number [%] [flag], or a missing marker [flag]."""
    return re.compile(
        rf"^(?:(?P<number>{_number_pattern(decimal)})(?:\s*(?P<percent>%))?"
        rf"(?:\s+(?P<flag>[a-z]{{1,3}}))?"
        rf"|(?P<missing>{_MISSING_MARKERS})(?:\s*(?P<missing_flag>[a-z]{{1,3}}))?)$"
    )


def _to_float(numbers: pd.Series, decimal: str) -> pd.Series:
    """'1 234,5' -> 1234.5: drop thousands separators, make the decimal mark a point."""
    cleaned = (
        numbers.str.replace(_thousands(decimal), "", regex=True)
        .str.replace(decimal, ".", regex=False)
        .str.replace("\u2212", "-", regex=False)
    )
    return pd.to_numeric(cleaned).astype("float64")


def _read_cells(text: pd.Series, decimal: str) -> pd.DataFrame:
    """Per cell: value, flag, and whether it is a number / missing marker / percent."""
    # Fast path: most cells are plain numbers, which need no regex groups.
    plain = text.str.fullmatch(_number_pattern(decimal)).fillna(False).to_numpy(dtype=bool)
    cells = pd.DataFrame(
        {
            "value": _to_float(text.where(plain), decimal),
            "flag": pd.Series(np.nan, index=text.index, dtype="str"),
            "is_number": plain,
            "is_missing": False,
            "is_percent": False,
        }
    )
    rest = ~plain & text.fillna("").ne("").to_numpy(dtype=bool)
    if rest.any():
        parts = text[rest].str.extract(_cell_pattern(decimal))
        cells.loc[rest, "value"] = _to_float(parts["number"], decimal).to_numpy()
        cells.loc[rest, "flag"] = parts["flag"].fillna(parts["missing_flag"]).to_numpy()
        cells.loc[rest, "is_number"] = parts["number"].notna().to_numpy()
        cells.loc[rest, "is_missing"] = parts["missing"].notna().to_numpy()
        cells.loc[rest, "is_percent"] = parts["percent"].notna().to_numpy()
    return cells


def read_table(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    skiprows: int = 0,
    header: int | list[int] | None = None,
    footer: int | None = None,
    report: bool = True,
    text_columns: list[str] | tuple[str, ...] = (),
) -> pd.DataFrame:
    """Read a CSV or XLSX exported from a spreadsheet, turning number-like text into numbers.

    What it detects (pass ``sep`` / ``decimal`` to override):

    - separator ``;``, ``,`` or tab (the one that splits every line into the same
      number of cells), decimal comma or point (from cells such as ``12,5``),
      thousands separators (space, no-break space, ``.`` with a decimal comma);
    - encoding: UTF-8 with or without BOM, else whichever of cp1257 (Windows
      Baltic), cp1252 (Windows Western) and latin-1 gives letters that fit a
      Baltic or Nordic language best (Danish 'ø', not 'ų'), with a note in the report.

    **Decimal mark.** When every number that has a mark has exactly three digits
    after it (``1.234``, ``0,987``), the file does not say whether the mark is a
    decimal mark or groups thousands. The mark is then read as the decimal mark,
    and the summary says so and how to switch (``decimal=","`` makes ``1.234``
    read as 1234). Why: Baltic and Nordic spreadsheets group thousands with a
    space, not a point, and a ``;`` separator is no proof of decimal commas
    (Excel writes ``;`` wherever the computer's list separator is ``;``, and many
    tools write ``;`` with decimal points).

    **Spreadsheet extras** (titles, two-row headers, notes, totals). Lines are
    numbered as your spreadsheet shows them (first line = 1):

    - ``skiprows=n`` skips ``n`` title lines above the header;
    - ``header=3`` says the header is line 3; ``header=[3, 4]`` joins a two-row
      (merged) header into one name per column (``Employees`` over ``2022`` ->
      ``"Employees 2022"``);
    - ``footer=n`` drops the last ``n`` rows (notes, totals); ``footer=0`` keeps
      every row as it is and turns the checks below off.

    Without these options the reader looks for the extras itself and warns
    (``warnings.warn``, naming the lines and the option) when it finds them:
    title lines above the header (a line with text in its first cell only) are
    skipped; a second header row (filling cells that a merged header cell left
    empty, or units under the names) is joined to the first rather than read as
    data; note lines at the end (``Source: ...``, ``Note: ...``, text in the first
    cell only) are dropped. A totals row (``Total``, ``Kopā``, ``Iš viso``,
    ``Kokku``, ``Yhteensä``, ``Summa``, ``I alt`` ... in the first text column, or
    an unlabelled last row equal to the sum of the rows above) is dropped with a
    warning: kept as data it would double every sum. When that cannot be decided
    (a labelled last row that equals the sum above, ``Total`` rows in the middle)
    the reader raises and says which option to pass.

    A text column becomes numeric when at least 80 % of its non-empty cells read
    as numbers (``1 234,5`` -> 1234.5, ``12,5 %`` -> 12.5, ``:`` / ``-`` -> NaN).
    In such a column:

    - ``219 d`` -> 219, with ``d`` in a new column ``<column>_flag``;
    - a date (``2015-03-01``, ``01.03.2015``, ``1-Mar``) -> NaN: a spreadsheet
      turned a number into a date, so the number is lost;
    - other text -> NaN.

    Every data row is kept (only the extras above are dropped, each reported).
    Columns in ``text_columns``, or whose numbers start with 0 (``0123``: a code,
    not a count), stay text. XLSX (``sheet`` = name or number, default the first)
    gets the same cleaning for its mixed columns.

    ``df.attrs["coercions"]`` lists every changed cell as records (a list of
    dicts; ``pandas.DataFrame(df.attrs["coercions"])`` shows them as a table):
    ``column``, ``row`` (0-based row of the returned table), ``line`` (row number
    in the file as a spreadsheet program shows it, first line = 1), ``original``
    (the text), ``value`` (number kept, None when set to NaN), ``flag``,
    ``action`` (``"flag split"``, ``"set to NaN"`` for a missing marker,
    ``"date in numeric column"``, ``"text in numeric column"``).
    ``df.attrs["dropped"]`` lists the lines that are not data (``line``, ``text``,
    ``reason``: ``"title"``, ``"note"``, ``"totals"``, ``"footer"``). Other attrs:
    ``source``, ``format``, ``separator``, ``decimal``, ``encoding``,
    ``header_lines``, ``numeric_columns``, ``summary``. With ``report=True`` the
    summary is printed.

    Source: course convention; flags as in Eurostat's bulk files (Eurostat 2023).

    >>> from pathlib import Path
    >>> sample = Path(__file__).parent.parent / "datasets" / "samples"
    >>> members = read_table(sample / "members_export.csv", report=False)
    >>> members.attrs["separator"], members.attrs["decimal"]
    (';', ',')
    >>> [round(x, 1) for x in members["turnover_eur"].head(2)]
    [3450000.5, 1234567.8]
    >>> [(c["line"], c["original"], c["action"]) for c in members.attrs["coercions"]][:2]
    [(4, '65 e', 'flag split'), (7, '01.03.2015', 'date in numeric column')]
    """
    where = "read_table"
    file = _existing_file(path, where)
    header_lines = _check_layout_options(skiprows, header, footer, where)
    extension = "".join(file.suffixes[-1:]).lower()
    if extension in _EXCEL_EXTENSIONS:
        grid, info, lines = *_read_excel(file, sheet, where), None
    elif extension in _TEXT_EXTENSIONS:
        grid, info, lines = _read_delimited(file, sep, where)
    else:
        supported = ", ".join(_TEXT_EXTENSIONS + _EXCEL_EXTENSIONS)
        hint = " Save .xls/.ods files as .xlsx first." if extension in (".xls", ".ods") else ""
        raise CourseInputError(
            f"{where}: cannot read {file.name!r}: the extension {extension or '(none)'!r} is not "
            f"supported. Supported: {supported}.{hint} For Eurostat downloads use read_eurostat(...)."
        )
    layout = _Layout(file, where, skiprows, header_lines, footer)
    raw = layout.split(grid)
    if lines is not None:  # CSV: every data line must have as many cells as the header
        width = _cells_in(lines[layout.header[-1]], info["separator"])
        body = lines.loc[layout.header[-1] : layout.end]  # _check_cell_counts skips the first
        _check_cell_counts(body, info["separator"], width, file, where, quoted=True)
        raw = raw.iloc[:, :width]  # title or note lines may have had more cells
    text_columns = set(text_columns)
    notes = []
    if decimal is None:
        decimal, note = _guess_decimal(raw, info.get("separator"), text_columns)
        notes += [note] if note else []
    info["decimal"] = decimal
    table, coercions, numeric, column_notes = _clean_columns(
        raw, decimal, text_columns, first_line=layout.first_data_line
    )
    table, coercions = layout.drop_totals(table, coercions, numeric)
    records = _as_records(coercions)
    summary = _summary(file, table, info, numeric, records, [*notes, *column_notes, *layout.notes])
    table.attrs = {
        "source": str(path),
        **info,
        "header_lines": layout.header,
        "numeric_columns": numeric,
        "coercions": records,
        "dropped": layout.dropped,
        "summary": summary,
    }
    for message in layout.warnings:
        warnings.warn(message, UserWarning, stacklevel=2)
    if report:
        print(summary)
    return table


def _check_layout_options(skiprows, header, footer, where: str) -> list[int] | None:
    """Check skiprows/header/footer; return the header line numbers (1-based) or None."""
    for name, value in (("skiprows", skiprows), ("footer", footer)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise CourseInputError(f"{where}: {name}= must be a whole number >= 0, not {value!r}.")
    if header is None:
        return None
    lines = [header] if isinstance(header, int) else list(header)
    ok = lines and all(isinstance(n, int) and n >= 1 for n in lines)
    if not ok or lines != list(range(lines[0], lines[0] + len(lines))):
        raise CourseInputError(
            f"{where}: header= takes the line number of the header as your spreadsheet shows it "
            f"(the first line is 1), or a list of consecutive lines such as [3, 4]; got {header!r}."
        )
    if lines[0] <= skiprows:
        raise CourseInputError(
            f"{where}: header={header!r} lies in the {skiprows} skipped lines (skiprows="
            f"{skiprows}). Pass only header=..., which skips the lines above it."
        )
    return lines


def _read_delimited(file: Path, sep: str | None, where: str):
    """The CSV as a grid of text cells (no header yet), its info, and its lines."""
    text, encoding = _decode(_read_bytes(file, where), file, where)
    lines = _lines(text)
    while len(lines) > 1 and lines.iloc[-1].strip() == "":  # trailing newlines are no rows
        lines = lines.iloc[:-1]
    sep = sep or _guess_separator(lines)
    _check_quotes(lines, sep, file, where)
    width = int(lines.map(lambda line: _cells_in(line, sep)).max())
    try:
        grid = pd.read_csv(
            io.StringIO("\n".join(lines)),
            sep=sep,
            header=None,  # the header is found later: it may sit below title lines
            names=range(width),
            index_col=False,
            dtype=str,
            keep_default_na=False,  # 'NA' may be a name (Namibia); only empty cells are missing
            skip_blank_lines=False,  # a blank line is a row of the sheet: keep line numbers exact
        )
    except pd.errors.ParserError as error:
        raise CourseInputError(
            f"{where}: {file.name!r} is not a regular table ({str(error).strip()}). "
            "Check the quotes and separators on that line, or export the file again."
        ) from None
    if len(grid) != len(lines):  # a safety net: quotes that _check_quotes did not see
        raise CourseInputError(
            f"{where}: {file.name!r} has {len(lines)} lines but reads as {len(grid)} rows: a quote "
            '(") opens a cell that runs over several lines. Remove the stray quote, or close it.'
        )
    grid.index = lines.index  # row label = line number in the file
    return grid, {"format": "csv", "separator": sep, "encoding": encoding}, lines


def _cells_in(line: str, sep: str) -> int:
    """Number of cells in one line; a separator inside "quoted text" does not count."""
    return re.sub(r'"(?:[^"]|"")*"', "", line).count(sep) + 1


def _check_quotes(lines: pd.Series, sep: str, file: Path, where: str) -> None:
    """Raise on the first line where a quoted cell opens and does not close on that line.

    A CSV cell may start with a quote to hold separators ("Smith; Ltd"); the
    reader then takes everything up to the next quote, across lines. One stray
    quote therefore merges the following lines into one cell: rows are lost.
    """
    closed = lines.str.replace(r'"(?:[^"]|"")*"', "", regex=True)
    opens = closed.str.contains(rf'(?:^|{re.escape(sep)})\s*"', regex=True)
    if not opens.any():
        return
    line = int(opens.idxmax())
    raise CourseInputError(
        f'{where}: line {line} of {file.name!r} opens a quote (") that is not closed on that '
        f"line: {lines[line][:80]!r}. The lines after it would run together into one cell. "
        f'Remove the stray quote on line {line}, or close it (add a " at the end of the cell); '
        "if the cell holds a line break, remove it in your spreadsheet and export again."
    )


def _guess_separator(lines: pd.Series) -> str:
    """The separator that splits the first lines into the same number (> 1) of cells."""
    sample = lines[lines.str.strip() != ""].head(50)
    sample = sample.str.replace(r'"(?:[^"]|"")*"', "", regex=True)
    counts = {sep: sample.str.count(re.escape(sep)) for sep in ("\t", ";", ",")}
    # ';' before ',' because '1,5' in a ';' file has commas in every line too.
    for sep, count in counts.items():
        if count.iloc[0] > 0 and count.nunique() == 1:
            return sep
    return max(counts, key=lambda sep: counts[sep].median())


def _read_excel(file: Path, sheet: str | int | None, where: str) -> tuple[pd.DataFrame, dict]:
    """The sheet as a grid of cells (no header yet), row label = row number in the sheet."""
    if file.stat().st_size == 0:
        raise CourseInputError(
            f"{where}: {file.name!r} is empty (0 bytes). Save or export it again from your "
            "spreadsheet program."
        )
    try:
        book = pd.ExcelFile(file, engine="openpyxl")
    except Exception as error:  # openpyxl raises several types for a broken file
        raise CourseInputError(
            f"{where}: {file.name!r} is not a readable .xlsx file ({type(error).__name__}). "
            "Open it in your spreadsheet program and save it again as .xlsx."
        ) from None
    names = book.sheet_names
    chosen = 0 if sheet is None else sheet
    if (isinstance(chosen, int) and not 0 <= chosen < len(names)) or (
        isinstance(chosen, str) and chosen not in names
    ):
        raise CourseInputError(
            f"{where}: {file.name!r} has no sheet {sheet!r}. Its sheets are: "
            f"{', '.join(repr(n) for n in names)}. Pass one of them as sheet=..."
        )
    sheet_name = names[chosen] if isinstance(chosen, int) else chosen
    with book:  # closes the file
        grid = pd.read_excel(book, sheet_name=sheet_name, header=None)
    if grid.empty:
        raise CourseInputError(
            f"{where}: sheet {sheet_name!r} of {file.name!r} is empty. "
            "Pick another sheet with sheet=..."
        )
    grid.index = np.arange(1, len(grid) + 1)
    return grid, {"format": "xlsx", "sheet": sheet_name, "encoding": None}


# ---------------------------------------------------------------------------
# read_table: titles, headers, notes and totals around the table
# ---------------------------------------------------------------------------

#: First-column labels of a totals row, in the course's languages (compared in lower case).
_TOTAL_LABELS = frozenset(
    {
        *("total", "totals", "grand total", "sum", "sum total"),
        *("kopā", "kopa", "pavisam", "kopsumma"),  # Latvian
        *("iš viso", "is viso", "suma"),  # Lithuanian
        *("kokku", "summa"),  # Estonian; Finnish and Swedish
        *("yhteensä", "yhteensa", "totalt", "i alt", "ialt", "sum i alt", "samtals"),  # Nordic
        *("gesamt", "insgesamt", "summe", "razem", "итого", "всего"),  # German, Polish, Russian
    }
)
#: The start of a note line under a table: "Source: ...", "Avots: ...", "* provisional".
_NOTE = re.compile(
    r"^\s*(?:[*\u00b9\u00b2\u00b3\u2020]|\(\d\)"
    r"|(?:source|sources|note|notes|avots|avoti|piezīme|piezīmes|šaltinis|šaltiniai|pastaba"
    r"|allikas|märkus|lähde|huom|huomautus|källa|anmärkning|kilde|anmærkning|quelle"
    r"|anmerkung|fußnote)\s*:)",
    re.IGNORECASE,
)
_LOOK = 30  # how many lines at the top and bottom may hold titles or notes


class _Layout:
    """Where the table sits in the grid: header lines, data lines, what was dropped and why."""

    def __init__(self, file, where, skiprows, header, footer):
        self.file, self.where = file, where
        self.skiprows, self.header_given, self.footer = skiprows, header, footer
        self.header: list[int] = []
        self.end = 0  # last data line
        self.dropped: list[dict] = []
        self.warnings: list[str] = []
        self.notes: list[str] = []

    @property
    def first_data_line(self) -> int:
        return self.header[-1] + 1

    def split(self, grid: pd.DataFrame) -> pd.DataFrame:
        """Find the header and the data lines; return the data with one name per column."""
        first, last = int(grid.index[0]), int(grid.index[-1])
        self.header = self.header_given or self._find_header(grid, first + self.skiprows)
        if self.header[-1] > last:
            raise CourseInputError(
                f"{self.where}: {self.file.name!r} has {last} lines, so line {self.header[-1]} "
                "cannot be its header. Check header=... and skiprows=..."
            )
        self._drop(grid, range(first, self.header[0]), "title")
        self.end = self._find_end(grid, last)
        data = grid.loc[self.first_data_line : self.end]
        # XLSX: a column of numbers under a text header comes as object: infer again
        raw = data.reset_index(drop=True).infer_objects()
        raw.columns = _column_names(grid.loc[self.header])
        return raw

    def _drop(self, grid: pd.DataFrame, lines, reason: str) -> None:
        for line in lines:  # a few title or note lines, not the table's rows
            cells = [str(c) for c in grid.loc[line] if pd.notna(c) and str(c).strip()]
            self.dropped.append({"line": line, "text": " ".join(cells), "reason": reason})

    def _find_header(self, grid: pd.DataFrame, start: int) -> list[int]:
        """The first line with two or more filled cells; a second header line joins it."""
        top = grid.loc[start : start + _LOOK]
        filled = _filled(top)
        if grid.shape[1] > 1 and self.skiprows == 0:
            count = filled.sum(axis=1)
            # a title is text in the first cell only (or a blank line)
            table_like = (count >= 2) | ((count == 1) & ~filled.iloc[:, 0])
            line = int(table_like.idxmax()) if table_like.any() else start
            if line > start:
                self.warnings.append(
                    f"{self.file.name}: skipped {_lines_text(start, line - 1)} above the header as "
                    f"a title ({_first_text(top.loc[start : line - 1])!r}); the header is line "
                    f"{line}. Pass skiprows={line - 1} (or header={line}) to say so."
                )
                self.notes.append(f"skipped {_lines_text(start, line - 1)} above the header")
            start = line
        if start + 1 in top.index and _is_second_header(top, filled, start):
            names = _column_names(grid.loc[[start, start + 1]])
            self.warnings.append(
                f"{self.file.name}: lines {start} and {start + 1} look like a two-row header "
                f"and were joined into one name per column ({', '.join(map(repr, names[:4]))}"
                f"{', ...' if len(names) > 4 else ''}). Pass header=[{start}, {start + 1}] to "
                f"say so, or header={start} if line {start + 1} is data."
            )
            self.notes.append(f"header lines {start}-{start + 1} joined")
            return [start, start + 1]
        return [start]

    def _find_end(self, grid: pd.DataFrame, last: int) -> int:
        """The last data line: ``footer`` lines or a block of notes at the end are not data."""
        if self.footer is not None:
            end = last - self.footer
            if end < self.header[-1]:
                raise CourseInputError(
                    f"{self.where}: footer={self.footer} drops more lines than "
                    f"{self.file.name!r} has below its header. Pass a smaller footer=..."
                )
            self._drop(grid, range(end + 1, last + 1), "footer")
            return end
        bottom = grid.loc[max(self.first_data_line, last - _LOOK) :]
        if bottom.empty:
            return last
        filled = _filled(bottom)
        count = filled.sum(axis=1)
        first_cell = bottom.iloc[:, 0].astype("string").fillna("")
        labelled = first_cell.str.contains(_NOTE)  # 'Source: ...', 'Note: ...', '* ...'
        first_only = (count == 1) & filled.iloc[:, 0] & (grid.shape[1] > 1)
        blank = count == 0
        # the block at the end made of blank lines and lines that may be notes
        tail = (labelled | first_only | blank).astype(int)[::-1].cumprod()[::-1].astype(bool)
        # Notes start at a labelled note or after a blank line; a line with text in its
        # first cell only right under the data may be a row with its numbers missing.
        starts = tail & (labelled | (first_only & blank.shift(1, fill_value=False)))
        end = int(starts.idxmax()) - 1 if starts.any() else last
        while end < last and end in blank.index and blank[end]:  # blank lines above the notes
            end -= 1
        # (in a two-column table that is just one missing number: no need to warn)
        unsure = first_only & tail & (first_only.index <= end) & (grid.shape[1] > 2)
        if unsure.any():
            lines = unsure[unsure].index
            self.warnings.append(
                f"{self.file.name}: kept {_lines_text(lines[0], lines[-1])} at the end as data, "
                f"although only the first cell is filled ({_first_text(bottom.loc[lines[0] :])!r})"
                f". If it is a note, pass footer={last - lines[0] + 1} to drop it."
            )
        if end == last:
            return last
        self._drop(grid, range(end + 1, last + 1), "note")
        self.warnings.append(
            f"{self.file.name}: dropped {_lines_text(end + 1, last)} at the end as notes, not "
            f"data ({_first_text(bottom.loc[end + 1 :])!r}). Pass footer={last - end} to say "
            "so, or footer=0 to keep every line as data."
        )
        self.notes.append(f"dropped {_lines_text(end + 1, last)} of notes at the end")
        return end

    def drop_totals(self, table, coercions, numeric):
        """Drop a totals row at the end (warning), or raise when it cannot be told from data."""
        label = _label_column(table, numeric)
        if label is None:
            return table, coercions
        labels = table[label].astype("string").str.strip().str.lower().str.rstrip(":. ")
        is_total = labels.isin(_TOTAL_LABELS).fillna(False).to_numpy(dtype=bool)
        if self.footer is not None:  # the learner chose what to drop: only remind them
            if is_total.any():
                self.warnings.append(self._totals_text(table, label, is_total, "are still in"))
            return table, coercions
        at_end = np.cumprod(is_total[::-1])[::-1].astype(bool)
        if (is_total & ~at_end).any():
            raise CourseInputError(
                self._totals_text(table, label, is_total & ~at_end, "are in the middle of")
                + " Delete those rows in your spreadsheet, or pass footer=0 to read every row."
            )
        n = len(table)
        if not at_end.any() and n >= 4:  # three rows or more above the sum
            sum_row = _equals_sum_above(table)
            if sum_row and pd.notna(table[label].iloc[-1]):
                raise CourseInputError(
                    f"{self.where}: the last row of {self.file.name!r} (line {self.end}, "
                    f"{table[label].iloc[-1]!r}) equals the sum of the rows above in "
                    f"{', '.join(map(repr, sum_row))}: it looks like a totals row, which would "
                    "double every sum. Pass footer=1 to drop it, or footer=0 if it is a real row."
                )
            at_end[-1] = bool(sum_row)
        if not at_end.any():
            return table, coercions
        keep = n - int(at_end.sum())
        lines = range(self.first_data_line + keep, self.first_data_line + n)
        for row, line in zip(range(keep, n), lines, strict=True):  # one or two rows
            text = table[label].iloc[row]
            self.dropped.append(
                {"line": line, "text": "" if pd.isna(text) else str(text), "reason": "totals"}
            )
        self.warnings.append(
            f"{self.file.name}: dropped {_lines_text(lines[0], lines[-1])} at the end as a "
            f"totals row ({self.dropped[-1]['text'] or 'no label, equal to the sum above'!r}): "
            f"kept as data it would double every sum. Pass footer={n - keep} to say so, or "
            "footer=0 to keep it."
        )
        self.notes.append(f"dropped the totals row ({_lines_text(lines[0], lines[-1])})")
        if not coercions.empty:
            coercions = coercions[coercions["row"] < keep]
        return table.iloc[:keep], coercions

    def _totals_text(self, table, label, rows, place) -> str:
        lines = (np.flatnonzero(rows) + self.first_data_line).tolist()
        shown = ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else "")
        first = table[label].to_numpy()[np.flatnonzero(rows)[0]]
        return (
            f"{self.where}: totals rows ({first!r} in column {label!r}, line {shown}) {place} "
            f"the table read from {self.file.name!r}: sums over the table would count them twice."
        )


def _filled(block: pd.DataFrame) -> pd.DataFrame:
    """True where a cell holds something (not missing, not only spaces)."""
    text = block.apply(lambda column: column.astype("string").str.strip())
    return (text.ne("").fillna(False) & block.notna()).astype(bool)


def _lines_text(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _first_text(block: pd.DataFrame) -> str:
    cells = block.stack()
    cells = cells[cells.astype("string").str.strip().ne("").fillna(False)]
    return str(cells.iloc[0])[:60] if len(cells) else ""


def _is_second_header(top: pd.DataFrame, filled: pd.DataFrame, line: int) -> bool:
    """Is the line under the header a second header line rather than the first data row?

    Yes when it fills a cell that the header left empty right of a filled cell
    (a merged cell such as 'Employees' over '2022' and '2023'), or when its first
    cell is empty and it holds words above numbers (a row of units: 'persons', 'EUR').
    """
    head, second = filled.loc[line].to_numpy(), filled.loc[line + 1].to_numpy()
    if head[0] and second[0]:
        return False  # both start with a name: a header and a data row
    left_filled = np.maximum.accumulate(head)
    if (~head[1:] & second[1:] & left_filled[:-1]).any():
        return True
    if second[0] or line + 2 not in top.index:
        return False
    below = top.loc[line + 2].astype("string").str.strip()
    words = top.loc[line + 1].astype("string").str.strip()
    number = f"^(?:{_number_pattern(',')}|{_number_pattern('.')})$"
    is_word = second & ~words.str.fullmatch(number).fillna(False).to_numpy(dtype=bool)
    under_number = below.str.fullmatch(number).fillna(False).to_numpy(dtype=bool)
    return bool((is_word & under_number & head).any())


def _column_names(header: pd.DataFrame) -> list:
    """One name per column: header lines joined ('Employees 2022'), merged cells filled right."""
    header = header.astype(object).where(_filled(header), None)
    if len(header) == 1:
        names = list(header.iloc[0])
    else:
        upper = header.iloc[:-1].ffill(axis=1)  # a merged cell spans the empty cells to its right
        parts = pd.concat([upper, header.iloc[[-1]]]).map(_header_text)
        names = [" ".join(p for p in parts[c] if p) or None for c in parts.columns]
    names = [f"Unnamed: {i}" if name is None else name for i, name in enumerate(names)]
    # the same name twice gets '.1', '.2' as pandas.read_csv does
    text = pd.Series([str(name) for name in names])
    repeat = text.groupby(text).cumcount()
    return [name if n == 0 else f"{name}.{n}" for name, n in zip(names, repeat, strict=True)]


def _header_text(cell) -> str:
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a year read from XLSX as 2022.0
    return str(cell).strip()


def _label_column(table: pd.DataFrame, numeric: list[str]):
    """The first text column (the names of the rows), or None."""
    for name in table.columns:  # a loop over columns
        if str(name) not in numeric and _is_text_like(table[name]):
            return name
    return None


def _equals_sum_above(table: pd.DataFrame) -> list[str]:
    """Numeric columns where the last row equals the sum of the rows above (all that it fills).

    Only the columns that the last row fills count, and each needs 2+ numbers above.
    """
    numbers = table.select_dtypes("number")
    last, above = numbers.iloc[-1], numbers.iloc[:-1]
    filled = last.notna() & (above.notna().sum() >= 2)
    if not filled.any() or last.notna().sum() != filled.sum():
        return []
    total = above.sum()[filled]
    same = np.isclose(last[filled].astype(float), total.astype(float), rtol=1e-6, atol=1e-9)
    if not same.all() or not (total != 0).any():
        return []
    return [str(name) for name in total.index]


def _text_cells(raw: pd.DataFrame, text_columns: set[str]) -> pd.Series:
    columns = [c for c in raw.columns if c not in text_columns and _is_text_like(raw[c])]
    if not columns:
        return pd.Series([], dtype="str")
    stacked = pd.concat([raw[c].str.strip() for c in columns], ignore_index=True)
    return stacked.dropna()


def _is_text_like(column: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)


def _guess_decimal(
    raw: pd.DataFrame, separator: str | None, text_columns: set[str]
) -> tuple[str, str | None]:
    """',' or '.', and a note for the summary when the file does not say which.

    Evidence for a mark: it ends numbers with 1-2 or 4+ digits after it
    ('12,5', '0.25'), it follows a lone 0 ('0,987': no one writes 0 thousand
    987), or the *other* mark groups thousands around it ('1.234,5',
    '1.234.567'). Three digits after a single mark ('1.234') prove nothing.
    """
    cells = _text_cells(raw.head(2000), text_columns)  # a sample is enough to decide
    cells = cells[~cells.str.fullmatch(_DATE)]
    evidence = {}
    for mark, other in ((",", r"\."), (".", ",")):
        point = re.escape(mark)
        shows = cells.str.contains(
            rf"^[-+]?[\d \u00a0\u202f{other}]*\d{point}(?:\d{{1,2}}|\d{{4,}})(?!\d)"
            rf"|^[-+]?0{point}\d"
            rf"|\d{other}\d{{3}}{point}\d|\d{other}\d{{3}}{other}\d{{3}}(?!\d)",
            regex=True,
        )
        evidence[mark] = int(shows.sum())
    if evidence[","] != evidence["."]:
        return ("," if evidence[","] > evidence["."] else "."), None
    fallback = "," if separator == ";" else "."
    unclear = cells[cells.str.fullmatch(r"[-+]?\d{1,3}[.,]\d{3}")]
    if evidence[","] or unclear.empty:
        return fallback, None
    marks = unclear.str.extract(r"([.,])")[0].unique()
    # a lone mark is more often a decimal mark (see read_table), unless both marks appear
    decimal = str(marks[0]) if len(marks) == 1 else fallback
    other = "," if decimal == "." else "."
    example = str(unclear.iloc[0])
    as_decimal = float(example.replace(",", "."))
    as_thousands = int(example.replace(",", "").replace(".", ""))
    return decimal, (
        f"decimal mark unclear (every number with a mark has three digits after it, "
        f"e.g. {example!r}): read {decimal!r} as the decimal mark ({example!r} = {as_decimal:g}); "
        f"if it groups thousands ({example!r} = {as_thousands}), pass decimal={other!r}"
    )


def _clean_columns(
    raw: pd.DataFrame, decimal: str, text_columns: set[str], *, first_line: int = 2
) -> tuple[pd.DataFrame, pd.DataFrame, list[str], list[str]]:
    """Convert numeric-looking columns; return the table, coercions, numeric names, notes.

    ``first_line`` is the line number of the first data row in the file.
    """
    table = pd.DataFrame(index=raw.index)
    records: list[pd.DataFrame] = []
    numeric: list[str] = []
    notes: list[str] = []
    for name in raw.columns:  # a loop over columns; every step inside is vectorised
        column = raw[name]
        parsed = None
        if name not in text_columns and _is_text_like(column):
            parsed = _parse_column(column, decimal, first_line)
        if parsed is None:
            table[name] = _empty_to_missing(column)
            continue
        values, flags, changed, has_percent = parsed
        table[name] = values
        numeric.append(str(name))
        if flags.notna().any():
            table[f"{name}_flag"] = flags
        if has_percent:
            notes.append(f"'{name}' read as percent (the % signs removed)")
        changed.insert(0, "column", str(name))
        records.append(changed)
    coercions = pd.concat(records, ignore_index=True) if records else pd.DataFrame()
    return table, coercions, numeric, notes


def _empty_to_missing(column: pd.Series) -> pd.Series:
    if not pd.api.types.is_string_dtype(column):
        return column
    return column.where(column.str.strip() != "")


def _parse_column(column: pd.Series, decimal: str, first_line: int):
    """Numbers, flags and coercions of one column, or None when it is a text column."""
    # .str gives NaN for cells that are not text (XLSX numbers and dates).
    text = column.str.strip()
    is_text_cell = text.notna()
    other = column.where(~is_text_cell & column.notna())  # XLSX numbers and dates
    other_number = pd.to_numeric(other, errors="coerce")
    other_date = other.notna() & other_number.isna()

    cells = _read_cells(text, decimal)
    is_number, is_missing = cells["is_number"], cells["is_missing"]
    non_empty = (is_text_cell & (text != "")) | other.notna()
    readable = is_number | is_missing | other_number.notna()
    has_numbers = (is_number | other_number.notna()).any()
    if not has_numbers or readable.sum() < _SHARE_NUMERIC * non_empty.sum():
        return None
    if text[is_number].str.match(r"[-+]?0\d").any():
        return None  # leading zeros: postal codes, registration numbers are codes, not counts

    values = cells["value"].fillna(other_number)
    if values.notna().all() and (values == values.round()).all():
        values = values.astype("int64")  # counts stay integers, as pandas.read_csv does
    flags = cells["flag"]

    is_date = is_text_cell & ~is_number & ~is_missing & text.str.fullmatch(_DATE).fillna(False)
    action = pd.Series(np.nan, index=column.index, dtype="str")
    action = action.mask(is_number & flags.notna(), "flag split")
    action = action.mask(is_missing, "set to NaN")
    action = action.mask(is_date | other_date, "date in numeric column")
    action = action.mask(non_empty & ~readable & ~is_date & ~other_date, "text in numeric column")
    hit = action.notna()
    changed = pd.DataFrame(
        {
            "row": column.index[hit],
            "line": column.index[hit] + first_line,
            "original": column[hit].astype(str).to_numpy(),
            "value": values[hit].astype("float64").to_numpy(),
            "flag": flags[hit].to_numpy(dtype=object),
            "action": action[hit].to_numpy(dtype=object),
        }
    )
    return values, flags, changed, cells["is_percent"].any()


def _as_records(coercions: pd.DataFrame) -> list[dict]:
    """Plain records with None for missing (NaN != NaN would make two equal lists differ)."""
    if coercions.empty:
        return []
    plain = coercions.astype(object).where(coercions.notna(), None)
    return plain.to_dict("records")


def _summary(file, table, info, numeric, coercions, notes) -> str:
    """One short line a learner can read: what was read and what was changed."""
    if info["format"] == "xlsx":
        where_from = f"sheet {info['sheet']!r}"
    else:
        where_from = f"separator {_show_sep(info['separator'])}"
    parts = [
        f"read {file.name}: {len(table)} rows, {table.shape[1]} columns; "
        f"{where_from}, decimal {info['decimal']!r}"
    ]
    if info.get("encoding") not in (None, "utf-8"):
        parts.append(
            f"encoding {info['encoding']} (not UTF-8: check that letters like ā, š, ö look right)"
        )
    parts.append("numbers in " + (", ".join(repr(n) for n in numeric) or "no column"))
    parts.extend(notes)
    if not coercions:
        return "; ".join([*parts, "no cells needed converting"])
    for name, cells in pd.DataFrame(coercions).groupby("column", sort=False):
        cell_word = "cell" if len(cells) == 1 else "cells"
        parts.append(f"converted {len(cells)} {cell_word} in {name!r}: " + _describe(cells))
    return "; ".join(parts)


def _show_sep(sep: str) -> str:
    return "tab" if sep == "\t" else repr(sep)


#: action -> (singular, plural) words for the summary.
_ACTION_WORDS = {
    "flag split": ("flag split", "flags split"),
    "set to NaN": ("missing marker set to missing", "missing markers set to missing"),
    "date in numeric column": ("date-like value set to missing", "date-like values set to missing"),
    "text in numeric column": ("text value set to missing", "text values set to missing"),
}


def _describe(cells: pd.DataFrame) -> str:
    phrases = []
    for action, group in cells.groupby("action", sort=False):
        first = group.iloc[0]
        example = (
            f" (line {first['line']}: {first['original']!r})" if action != "flag split" else ""
        )
        words = _ACTION_WORDS[action][len(group) > 1]
        phrases.append(f"{len(group)} {words}{example}")
    return ", ".join(phrases)
