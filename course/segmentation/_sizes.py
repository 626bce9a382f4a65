"""Size classes of members: the EU SME definition and the statistical size bands.

Two different things, often confused:

- the **SME size class** of Commission Recommendation 2003/361/EC (:func:`sme_class`) decides
  who may receive SME support; it needs the headcount AND the turnover or the balance sheet;
- the **statistical size band** (:func:`size_band`) is how Eurostat's business statistics group
  enterprises: by persons employed alone (0-9, 10-49, 50-249, 250+).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from course import _groups as g
from course._guards import check_unit_slips
from course.checks import require_columns, require_non_negative, warn_rows_left_out
from course.segmentation._register import require_members, unit_of

__all__ = ["SME_CEILINGS", "SIZE_CLASSES", "SIZE_BANDS", "sme_class", "size_band"]

# Recommendation 2003/361/EC, Annex, Article 2 [official]: headcount (annual work units) below
# the ceiling AND (turnover at most OR balance-sheet total at most its ceiling), in EUR.
SME_CEILINGS = pd.DataFrame(
    {
        "size_class": ["micro", "small", "medium"],
        "headcount_below": [10, 50, 250],
        "turnover_at_most_eur": [2e6, 10e6, 50e6],
        "balance_sheet_at_most_eur": [2e6, 10e6, 43e6],
    }
)
SIZE_CLASSES = pd.CategoricalDtype(["micro", "small", "medium", "large"], ordered=True)
SIZE_BANDS = pd.CategoricalDtype(["0-9", "10-49", "50-249", "250+"], ordered=True)


def sme_class(
    df: pd.DataFrame,
    *,
    employees: str = "employees",
    turnover: str = "turnover_eur",
    balance_sheet: str = "balance_sheet_eur",
) -> pd.DataFrame:
    """Add the EU SME size class ``size_class`` (micro, small, medium, large) and ``sme``.

    Commission Recommendation 2003/361/EC, Annex, Article 2: the headcount (in annual work
    units) is mandatory, and of the two financial ceilings a member must meet ONE (turnover
    OR balance-sheet total):

    ========  ===========  ================  ======================
    class     headcount    turnover          or balance-sheet total
    ========  ===========  ================  ======================
    micro     < 10         <= EUR 2 m        <= EUR 2 m
    small     < 50         <= EUR 10 m       <= EUR 10 m
    medium    < 250        <= EUR 50 m       <= EUR 43 m
    large     otherwise
    ========  ===========  ================  ======================

    The class is the smallest one whose conditions hold: 9 AWU and a turnover of EUR 3 m
    but a balance sheet of EUR 1.5 m is micro (the balance sheet meets the micro ceiling);
    10 AWU is small whatever the money. ``sme`` is True for micro, small and medium.

    **Missing figures are not guessed, and not needed where the rule does not need them.**
    One financial figure that is known and within a ceiling is enough for that class,
    whatever the other: 9 AWU and a turnover of EUR 3 m is small or micro (micro if the
    unknown balance sheet is at most EUR 2 m), so ``sme`` is True and ``size_class`` is
    ``<NA>``; 30 AWU and EUR 20 m turnover is small or medium: an SME. A headcount of 250
    or more is "large" whatever the money (a college in the course data). Where the class
    cannot be decided (both figures missing under 250 AWU, or the known one above a
    ceiling and the other missing) ``size_class`` is ``<NA>``, and ``sme`` too when even
    SME status is open; a warning names those members and the classes they could be in.
    A missing headcount gives ``<NA>`` (it is mandatory). A headcount or money value
    1,000 times off the others (EUR thousand typed for EUR) gets a warning naming it.

    What the course ignores (say so when you report SME shares): partner and linked
    enterprises, whose staff and money count in under Articles 3-6 of the Annex; enterprises
    25 % or more controlled by public bodies, which are never SMEs (Article 3(4)); and
    the two-year rule for crossing a ceiling (Article 4(2)).

    >>> firms = pd.DataFrame({"employees": [9, 9, 10, 249, 250],
    ...                       "turnover_eur": [3e6, 3e6, 1e6, 60e6, 1e6],
    ...                       "balance_sheet_eur": [1.5e6, 2.5e6, 1e6, 43e6, 1e6]})
    >>> sme_class(firms)["size_class"].tolist()
    ['micro', 'small', 'small', 'medium', 'large']

    Without a balance sheet, a turnover within a ceiling still decides SME status:

    >>> import warnings
    >>> no_sheet = pd.DataFrame({"employees": [9, 30], "turnover_eur": [3e6, 20e6],
    ...                          "balance_sheet_eur": [float("nan")] * 2})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")  # it says: micro or small, small or medium
    ...     open_classes = sme_class(no_sheet)
    >>> open_classes["sme"].tolist(), open_classes["size_class"].isna().tolist()
    ([True, True], [True, True])

    On the course data: 16 of the 260 members (public bodies and colleges under 250 AWU)
    have no figures and so no class; the warning names them.

    >>> from course import data
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     classes = sme_class(data.load("cluster_members"))
    >>> classes["size_class"].value_counts(dropna=False).to_dict()
    {'small': 96, 'micro': 80, 'medium': 48, 'large': 20, nan: 16}
    """
    where = "sme_class"
    require_columns(df, [employees, turnover, balance_sheet], where=where)
    require_members(df, where=where)
    for column in (employees, turnover, balance_sheet):
        require_non_negative(df, column, where=where)
        check_unit_slips(df, column, keys=_named(df), where=where, unit=unit_of(column))
    heads = g.float_values(df, employees)
    lowest, highest = _class_bounds(heads, g.float_values(df, turnover),
                                    g.float_values(df, balance_sheet))  # fmt: skip
    known_heads = ~np.isnan(heads)
    decided = known_heads & (lowest == highest)
    open_rows = ~decided
    if open_rows.any():
        _warn_undecided(df, open_rows, lowest, highest, known_heads, where=where,
                        columns=(employees, turnover, balance_sheet))  # fmt: skip
    classes = pd.Categorical.from_codes(np.where(decided, lowest, -1), dtype=SIZE_CLASSES)
    # an SME if every class it could be in is one; open if it could be an SME or large
    open_sme = ~known_heads | ((lowest <= _MEDIUM) & (highest > _MEDIUM))
    sme = pd.arrays.BooleanArray(highest <= _MEDIUM, open_sme)
    return df.assign(size_class=classes, sme=sme)


_MEDIUM = 2  # the code of the largest SME class in SIZE_CLASSES


def _class_bounds(heads, turnover, balance) -> tuple[np.ndarray, np.ndarray]:
    """The smallest and the largest class code (0 micro ... 3 large) each firm can be in.

    The rule in numbers: a firm's class is ``max(headcount class, financial class)``, where
    the headcount class is the first whose ceiling the headcount is below, and the financial
    class the smaller of the turnover's and the balance sheet's (one test is enough). An
    unknown figure could be anything from the lowest class (0) to "above every ceiling" (3):
    the known figures bound the class from both sides. Comparisons, no loop: fast on a
    million firms.
    """
    ceilings = SME_CEILINGS
    head_class = _steps(heads, ceilings["headcount_below"], below=True)
    turnover_class = _steps(turnover, ceilings["turnover_at_most_eur"])
    balance_class = _steps(balance, ceilings["balance_sheet_at_most_eur"])
    both_known = ~np.isnan(turnover) & ~np.isnan(balance)
    # an unknown figure counts as 3 for the upper bound (it helps no class) and as 0 for the
    # lower bound (it could meet every ceiling); _steps gives 3 for NaN
    financial_high = np.minimum(turnover_class, balance_class)
    financial_low = np.where(both_known, financial_high, 0)
    return np.maximum(head_class, financial_low), np.maximum(head_class, financial_high)


def _steps(values: np.ndarray, ceilings, *, below: bool = False) -> np.ndarray:
    """How many ceilings each value exceeds (0-3; 3 for NaN): ``>= ceiling`` for a headcount
    (it must be below), ``> ceiling`` for money (it may equal the ceiling)."""
    steps = np.zeros(len(values), dtype=np.int8)
    for ceiling in ceilings:
        steps += (values >= ceiling) if below else (values > ceiling)
    steps[np.isnan(values)] = 3
    return steps


def _warn_undecided(df, rows, lowest, highest, known_heads, *, where, columns) -> None:
    employees, turnover, balance_sheet = columns
    names = list(SIZE_CLASSES.categories)
    sme_known = rows & known_heads & (highest <= _MEDIUM)
    labels = df[_named(df)[0]] if _named(df) else df.index.to_series()
    examples = [
        f"{label}: {' or '.join(names[lo : hi + 1])}"
        for label, lo, hi in zip(labels[sme_known][:3], lowest[sme_known][:3],
                                 highest[sme_known][:3], strict=True)
    ]  # fmt: skip
    warn_rows_left_out(
        df, rows, where=where,
        reason=f"their size class cannot be decided, so size_class is <NA>: {employees} is "
        f"missing, or {turnover} / {balance_sheet} do not decide the financial test. "
        f"{int(sme_known.sum())} of them are SMEs whatever the missing figure (sme is True"
        + (f"; {', '.join(examples)}" if examples else "")
        + f"); for {int((rows & ~sme_known).sum())} even SME status is open (sme is <NA>)",
        options="Do not fill the money with 0 (that would make them micro). Fill in the real "
        "figures; or leave them out of SME shares and say so; or use size_band(...) for a "
        "headcount-only band. A public body is never an SME anyway (Recommendation "
        "2003/361/EC, Annex, Article 3(4)).",
    )  # fmt: skip


def _named(df: pd.DataFrame) -> list[str]:
    """The column that names a member in a warning: its id if the table has one."""
    return [c for c in ("member_id", "member_name") if c in df.columns][:1]


def size_band(df: pd.DataFrame, *, employees: str = "employees") -> pd.DataFrame:
    """Add the statistical size band ``size_band``: 0-9, 10-49, 50-249 or 250+ persons.

    The size classes of Eurostat's structural business statistics (persons employed only;
    Regulation (EU) 2019/2152). They ignore turnover and balance sheet, so they are NOT the
    SME classes of :func:`sme_class`: a firm of 40 persons with EUR 60 m turnover and balance
    sheet is in band 10-49 but is a large enterprise. The course data count annual work
    units; read them as persons employed here. A missing headcount gives ``<NA>``; a
    headcount 1,000 times off the others (thousands typed for persons) gets a warning.

    >>> size_band(pd.DataFrame({"employees": [0, 9.5, 10, 49.5, 50, 250]}))["size_band"].tolist()
    ['0-9', '0-9', '10-49', '10-49', '50-249', '250+']
    """
    where = "size_band"
    require_columns(df, [employees], where=where)
    require_members(df, where=where)
    require_non_negative(df, employees, where=where)
    check_unit_slips(df, employees, keys=_named(df), where=where, unit=unit_of(employees))
    heads = g.float_values(df, employees)
    codes = np.searchsorted([10, 50, 250], heads, side="right")
    codes = np.where(np.isnan(heads), -1, codes)
    return df.assign(size_band=pd.Categorical.from_codes(codes, dtype=SIZE_BANDS))
