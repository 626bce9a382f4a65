"""read_eurostat: a Eurostat download (bulk TSV, .tsv.gz or SDMX-CSV) as one tidy table.

The two formats are told apart by their first line; both end in the same shape,
one row per series and period with ``time``, ``value`` and ``flag`` columns.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from course.checks import CourseInputError
from course.readers._text import _check_cell_counts, _decode, _existing_file, _lines, _read_bytes

__all__ = ["read_eurostat"]

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
    TSV rows are in file order, periods ascending within each series. Totals are rows too:
    a download holds ``EU27_2020``, the countries and larger regions beside the NUTS 2
    regions, and ``TOTAL``, sections or ranges (``B-S_X_O_S94``) beside the NACE divisions.
    They are kept as they are; the ``economics`` functions refuse a table with totals beside
    their parts (they would be counted twice) and say how to keep one level.

    ``df.attrs`` holds ``source`` (the path), ``format`` (``"eurostat-tsv"`` or
    ``"sdmx-csv"``) and ``dataset`` (the ``dataset`` argument, else the code in
    DATAFLOW, else the TSV file name, as Eurostat names bulk files ``<code>.tsv.gz``).
    Passing ``dataset`` checks it against an SDMX-CSV file's DATAFLOW.

    Source: Eurostat, *Bulk download* and *API - SDMX-CSV* user guides (Eurostat 2023).

    >>> from pathlib import Path
    >>> sample = Path(__file__).parent.parent.parent / "datasets" / "samples"
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
