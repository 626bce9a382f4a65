"""read_table: a CSV or XLSX exported from a spreadsheet, with number-like text made numbers.

Reads the grid of cells (CSV: separator and quotes checked; XLSX: the chosen sheet),
lets ``_layout`` find the header and the extras around the table, lets ``_numbers``
convert the numeric columns, and writes the one-line summary of what was changed.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from course.checks import CourseInputError
from course.readers._layout import _Layout
from course.readers._numbers import _clean_columns, _guess_decimal
from course.readers._text import _check_cell_counts, _decode, _existing_file, _lines, _read_bytes

__all__ = ["read_table"]

_TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")
_EXCEL_EXTENSIONS = (".xlsx", ".xlsm")


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
    gets the same cleaning for its mixed columns; ``sheet`` on a CSV is refused.

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
    >>> sample = Path(__file__).parent.parent.parent / "datasets" / "samples"
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
        if sheet is not None:  # ignored, it would hide that another file was meant
            raise CourseInputError(
                f"{where}: sheet={sheet!r} is for .xlsx files, but {file.name!r} is a text "
                f"file ({extension}) without sheets. Leave the sheet out, or read the .xlsx "
                "file that has that sheet."
            )
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
