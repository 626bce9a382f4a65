"""Private: the one check of a member register that every counting function runs first.

A cluster manager's own member list brings the same slips into every function that counts,
sums or averages members: a member without a cluster, a "TOTAL" line at the bottom, a member
entered twice (once under a new id), a turnover typed in EUR thousand. :func:`member_register`
catches them once, the same way for :func:`~course.segmentation.member_composition`,
:func:`~course.segmentation.service_uptake`, :func:`~course.segmentation.segment_members` and
the others, with the shared guards of :mod:`course._guards`:

- a blank ``member`` id is refused (it identifies the row); a blank grouping key (``by``) is
  kept as its own group ``"(unknown)"`` with a warning, so that no member is lost;
- total rows (``TOTAL``, ``ALL``, ``EU27`` ...) in the id or a grouping column are refused, or
  left out with ``drop_aggregates=True``;
- the same id twice is refused; two ids with the same name (case, punctuation and legal form
  aside) get a warning that names both;
- a headcount or money value 1,000 times off the others gets a warning naming the member.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from course import _guards
from course.checks import CourseInputError, require_columns, require_numeric, require_unique_rows

# The units of the member register's number columns, for the unit-slip warning.
UNITS = {"employees": "persons", "turnover_eur": "EUR", "balance_sheet_eur": "EUR"}
MEMBER_TYPES = ("company", "research", "education", "public", "other")


def unit_of(column: str) -> str | None:
    """The unit of a member column: persons for headcounts, EUR for ``..._eur`` money."""
    return UNITS.get(column) or ("EUR" if column.endswith("_eur") else None)


def require_members(df: pd.DataFrame, *, where: str) -> None:
    """Refuse an empty table with the fix a member register needs: the values as written.

    >>> require_members(pd.DataFrame({"member_type": []}), where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: the table is empty (0 rows): the filter before this step matched no member. Values are written exactly as in the table, in lower case in the course data: member_type is one of 'company', 'research', 'education', 'public', 'other' (not 'Company'), clusters are written like 'lv_food'. Look at the values that exist with df['member_type'].unique().
    """
    if len(df):
        return
    column = "member_type" if "member_type" in df.columns else (list(df.columns) or ["..."])[0]
    raise CourseInputError(
        f"{where}: the table is empty (0 rows): the filter before this step matched no member. "
        "Values are written exactly as in the table, in lower case in the course data: "
        f"member_type is one of {', '.join(repr(t) for t in MEMBER_TYPES)} (not 'Company'), "
        "clusters are written like 'lv_food'. Look at the values that exist with "
        f"df[{column!r}].unique()."
    )


def member_register(
    df: pd.DataFrame,
    *,
    where: str,
    member: str = "member_id",
    by: Sequence[str] = (),
    categories: Sequence[str] = (),
    columns: Sequence[str] = (),
    values: Sequence[str] = (),
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """The member table, checked as the module docstring says, ready to count by ``by``.

    ``categories`` are columns counted category by category (checked for total rows; their
    blanks are the caller's "(unknown)" category, shown in the result); ``columns`` other
    columns the function needs; ``values`` the number columns whose values enter the result
    (checked for numbers and unit slips). Returns a table with blank ``by`` keys written
    ``"(unknown)"`` (and total rows left out if ``drop_aggregates``); the input is never
    changed.
    """
    by = list(by)
    require_columns(df, [member, *by, *categories, *columns, *values], where=where)
    require_members(df, where=where)
    for column in [member, *by, *categories]:  # a total line at the bottom of a spreadsheet
        if not pd.api.types.is_numeric_dtype(df[column]):
            df = _guards.check_aggregates(
                df, column, where=where, drop=drop_aggregates, nested=False,
                hint="A member register has one row per member, no total lines.",
            )  # fmt: skip
    require_members(df, where=where)
    df = _guards.check_keys(df, [member], where=where, unknown_option=False)
    df = _guards.check_keys(df, by, where=where, blank="unknown")
    require_unique_rows(
        df, [*by, member], where=where,
        fix=f"A member register has one row per member: drop the copies "
        f"(df.drop_duplicates({member!r})), or give each member its own id",
    )  # fmt: skip
    if "member_name" in df.columns:
        within = ["cluster"] if "cluster" in df.columns else []
        _guards.warn_name_variants(df, name="member_name", member=member, within=within,
                                   where=where)  # fmt: skip
    for column in values:
        require_numeric(df, column, where=where)
        _guards.check_unit_slips(df, column, keys=[member], where=where, unit=unit_of(column))
    return df
