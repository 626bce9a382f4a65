"""NACE helpers: the title, level and section of a code, validation, roll-up to sections.

They use the course table ``nace``: **NACE Rev. 2** (Regulation (EC) No 1893/2006), its 21
sections (A-U) and 88 divisions with their official English titles. NACE Rev. 2.1 (Commission
Delegated Regulation (EU) 2023/137; statistics from 2025) has 22 sections and 87 divisions and
gives new letters to the sections after J: a code such as ``K62`` is Rev. 2.1 for what Rev. 2
writes ``J62``. Never mix the two revisions in one table; say which one a table uses.

Codes are accepted as Eurostat writes them (``C10``, ``C101``, ``C1011``), with dots
(``C10.1``, ``10.11``), without the section letter (``10``), in lower case or with spaces;
:func:`validate_nace` rewrites them the Eurostat way. Groups (3 digits) and classes
(4 digits) are checked down to their division: the course table holds sections and divisions.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pandas as pd

from course._guards import check_aggregates, check_keys
from course.checks import (
    CourseInputError,
    close_matches,
    require_columns,
    require_non_negative,
    require_rows,
    require_unique_rows,
    warn_missing_cells,
)

__all__ = ["NACE_REVISION", "nace_table", "validate_nace", "nace_labels", "roll_up_to_sections"]

NACE_REVISION = "NACE Rev. 2"
_LEVELS = {0: "section", 2: "division", 3: "group", 4: "class"}  # by number of digits


@cache
def _course_nace() -> pd.DataFrame:
    from course import data

    return data.load("nace")


def nace_table() -> pd.DataFrame:
    """The course's NACE Rev. 2 table: ``code``, ``level``, ``section``, ``name`` (a copy).

    >>> table = nace_table()
    >>> table["level"].value_counts().to_dict()
    {'division': 88, 'section': 21}
    """
    return _course_nace().copy()


def _normalised(codes: pd.Series) -> pd.Series:
    """Codes written the Eurostat way: upper case, no dots or spaces, section letter first
    (added from the division when missing: ``10.11`` -> ``C1011``)."""
    text = codes.astype("string").str.upper().str.replace(r"[\s.]", "", regex=True)
    divisions = _division_sections()
    bare = text.str.fullmatch(r"[0-9]{2,4}").fillna(False)
    letters = text[bare].str[:2].map(divisions)
    return text.where(~bare | letters.isna(), letters + text)


@cache
def _division_sections() -> dict[str, str]:
    """Division digits -> section letter, e.g. ``{"10": "C", ...}``."""
    nace = _course_nace()
    divisions = nace[nace["level"] == "division"]
    return dict(zip(divisions["code"].str[1:], divisions["section"], strict=True))


def _unknown_message(code: str, where: str, column: str) -> str:
    sections = set(_course_nace()["section"])
    divisions = _division_sections()
    digits = code[1:3]
    if code[:1] in sections | {"V"} and digits in divisions and code[0] != divisions[digits]:
        right = divisions[digits] + code[1:]
        return (
            f"{where}: {column} code {code!r} is not a {NACE_REVISION} code: division "
            f"{digits} is in section {divisions[digits]}, so {NACE_REVISION} writes it "
            f"{right!r}. Section letters after J differ in NACE Rev. 2.1: if the table uses "
            "Rev. 2.1, convert it with Eurostat's correspondence table; never mix revisions."
        )
    if code[:1] == "V" and code[:1] not in sections:
        return (
            f"{where}: {column} code {code!r} is not a {NACE_REVISION} code (sections A-U); "
            "section V exists only in NACE Rev. 2.1. Convert the table to Rev. 2 first."
        )
    close = _suggestions(code)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return (
        f"{where}: {column} code {code!r} is not a {NACE_REVISION} section, division, group "
        f"or class.{hint} Codes look like 'C' (section), 'C10' (division), 'C101' or 'C10.1' "
        "(group), 'C1011' or '10.11' (class)."
    )


def _suggestions(code: str) -> list[str]:
    """Up to three valid codes for a mistyped one: letters typed for digits (``C1O``) first,
    then the same digits in their own section (``X10`` -> ``C10``), then codes that look alike."""
    known = list(_course_nace()["code"])
    digits = code[1:].translate(str.maketrans("OILS", "0115"))
    fixed = [code[:1] + digits, _division_sections().get(digits[:2], "") + digits[:2]]
    found = [c for c in fixed if c in known]
    found += close_matches(code, [c for c in known if len(c) == min(len(code), 3)], n=3)
    return list(dict.fromkeys(found))[:3]


def validate_nace(df: pd.DataFrame, *, industry: str = "industry") -> pd.DataFrame:
    """Check every code of ``industry`` against NACE Rev. 2; return the table with the codes
    written the Eurostat way (``10.11`` -> ``C1011``, ``c 10`` -> ``C10``).

    An unknown code is an error that suggests the closest valid codes; a code whose letter
    does not match its division (``K62``) is recognised as a NACE Rev. 2.1 or a typing
    mistake and the Rev. 2 code is named. A missing code is an error too (every member or
    row needs its activity).

    >>> validate_nace(pd.DataFrame({"industry": ["10.11", "c 10", "J62"]}))["industry"].tolist()
    ['C1011', 'C10', 'J62']
    >>> validate_nace(pd.DataFrame({"industry": ["C1O"]}))
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: validate_nace: industry code 'C1O' is not a NACE Rev. 2 section, division, group or class. Did you mean 'C10', 'C31', 'C21'? Codes look like 'C' (section), 'C10' (division), 'C101' or 'C10.1' (group), 'C1011' or '10.11' (class).
    """
    where = "validate_nace"
    require_columns(df, [industry], where=where)
    require_rows(df, where=where)
    codes = _checked_codes(df, industry, where=where)
    return df.assign(**{industry: codes.astype(df[industry].dtype, errors="ignore")})


def _checked_codes(df: pd.DataFrame, industry: str, *, where: str) -> pd.Series:
    check_keys(df, [industry], where=where, unknown_option=False)  # every row needs its code
    codes = _normalised(df[industry])
    known = set(_course_nace()["code"])
    shape = codes.str.fullmatch(r"[A-U]([0-9]{2}([0-9]{1,2})?)?").fillna(False)
    valid = shape & codes.str[:3].isin(known) | codes.isin(known)
    if not valid.all():
        raise CourseInputError(_unknown_message(str(codes[~valid].iloc[0]), where, industry))
    return codes


def nace_labels(df: pd.DataFrame, *, industry: str = "industry") -> pd.DataFrame:
    """Add what a NACE Rev. 2 code is: ``industry_name``, ``nace_level``, ``section``,
    ``section_name``, ``division`` and ``division_name``.

    ``nace_level`` is section (``C``), division (``C10``), group (``C101``) or class
    (``C1011``); ``industry_name`` is the official English title of the code (of sections
    and divisions: the course table has no titles of groups and classes, which get
    NaN). A section has no division (NaN). Unknown codes are refused as in
    :func:`validate_nace`; the input's codes are kept as they were written.

    >>> codes = pd.DataFrame({"industry": ["C10", "J", "C1011"]})
    >>> labels = nace_labels(codes)
    >>> labels[["nace_level", "section", "division"]].values.tolist()
    [['division', 'C', 'C10'], ['section', 'J', nan], ['class', 'C', 'C10']]
    >>> labels["section_name"].iloc[0], labels["industry_name"].iloc[0]
    ('Manufacturing', 'Manufacture of food products')
    """
    where = "nace_labels"
    require_columns(df, [industry], where=where)
    require_rows(df, where=where)
    codes = _checked_codes(df, industry, where=where)
    names = _course_nace().set_index("code")["name"]
    digits = codes.str.len() - 1
    division = codes.str[:3].where(digits >= 2)
    return df.assign(
        industry_name=codes.map(names).to_numpy(),
        nace_level=digits.map(_LEVELS).to_numpy(),
        section=codes.str[0].to_numpy(),
        section_name=codes.str[0].map(names).to_numpy(),
        division=division.to_numpy(),
        division_name=division.map(names).to_numpy(),
    )


def roll_up_to_sections(
    df: pd.DataFrame,
    *,
    industry: str = "industry",
    value: str = "employment",
    by: str | Sequence[str] | None = ("region", "year"),
    drop_aggregates: bool = False,
) -> pd.DataFrame:
    """Add up divisions (or groups, classes) into NACE sections: one row per ``by`` x section.

    ``value`` of a section = the sum over its codes (e.g. C = C10 + C11 + ...
    + C33), with the section's title in ``section_name`` and ``codes``, the number of rows
    added. ``by`` columns that the table lacks are skipped (default: region and year, as in
    ``regional_employment``). Sections come in the order A, B, C, ...

    **Nothing counted twice, nothing lost.** Total rows are refused: a section (``C``) or a
    division beside its own groups (``C10`` beside ``C101``), ``TOTAL`` or a range such as
    ``B-E`` in ``industry``, and ``TOTAL``, ``EU27`` or a country beside its regions (``LV``
    beside ``LV008``) in the region column; ``drop_aggregates=True`` leaves them out, with a
    warning. A row without its region is added up in the region "(unknown)", with a
    warning; a row without its code is refused. A section with a missing (NaN) value is
    NaN (a sum with an unknown part is unknown), and a warning names the cells.

    >>> emp = pd.DataFrame({"industry": ["C10", "C11", "J62"], "employment": [10, 5, 7]})
    >>> roll_up_to_sections(emp)[["section", "employment"]].values.tolist()
    [['C', 15], ['J', 7]]
    """
    where = "roll_up_to_sections"
    keys = [c for c in ([by] if isinstance(by, str) else list(by or [])) if c in df.columns]
    require_columns(df, [industry, value], where=where)
    require_rows(df, where=where)
    require_non_negative(df, value, where=where)
    for column in [industry, *(k for k in keys if k in ("region", "geo"))]:
        df = check_aggregates(df, column, where=where, drop=drop_aggregates)
    require_rows(df, where=where)
    df = check_keys(df, keys, where=where, blank="unknown")  # a year must not be blank
    require_unique_rows(df, [*keys, industry], where=where)
    codes = _checked_codes(df, industry, where=where)
    missing = df[value].isna().to_numpy()
    warn_missing_cells(
        df, missing, [*keys, industry], where=where,
        effect="Their sections are NaN: a sum with an unknown part is unknown.",
    )  # fmt: skip
    table = df[keys].assign(section=codes.str[0].to_numpy(), _value=df[value].to_numpy(),
                            _missing=missing)  # fmt: skip
    grouped = table.groupby([*keys, "section"], sort=False)
    summed = grouped["_value"].sum()
    result = pd.DataFrame(
        {value: summed.where(~grouped["_missing"].any()), "codes": grouped.size()}
    ).reset_index()
    names = _course_nace().set_index("code")["name"]
    result.insert(len(keys) + 1, "section_name", result["section"].map(names))
    return result.sort_values([*keys, "section"], kind="stable").reset_index(drop=True)
