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

The code lives in one private file per topic (as scikit-learn's subpackages do, so that tab
completion on ``readers.`` shows the two readers only); import them from here
(``from course.readers import read_table``):

- ``_eurostat``: :func:`read_eurostat` (bulk TSV and SDMX-CSV);
- ``_tables``: :func:`read_table` (CSV and XLSX), its summary and report;
- ``_text`` (private): finding and reading the file, guessing its encoding, its lines;
- ``_numbers`` (private): decimal marks, thousands separators, number cells and columns;
- ``_layout`` (private): title lines, multi-row headers, notes and totals rows.
"""

from course.readers._eurostat import read_eurostat
from course.readers._tables import read_table

__all__ = ["read_eurostat", "read_table"]
