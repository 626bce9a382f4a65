"""Private: where the table sits in a spreadsheet export, and what around it is not data.

Title lines above the header, a two-row (merged) header, note lines under the table
and a totals row at its end: found here, dropped or joined with a warning that names
the lines and the option of ``read_table`` that says so.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from course.checks import CourseInputError
from course.readers._numbers import _is_text_like, _number_pattern

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
