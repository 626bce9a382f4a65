"""Private: number-like text in a spreadsheet export, and the columns that hold it.

Decimal marks (comma or point, and guessing which), thousands separators, missing
markers (``:``, ``-``), percent signs, flags (``219 d``) and dates where numbers
belong; then, column by column, which columns are numeric and every cell changed.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

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
