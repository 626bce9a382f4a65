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
from course.checks import (
    require_columns,
    require_non_negative,
    require_rows,
    warn_rows_left_out,
)

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

    **Missing figures are not guessed.** The headcount alone can only exclude SME status:
    a member with 250 AWU or more is "large" even when its turnover and balance sheet are
    unknown (a public body or a college in the course data). Below 250 AWU a member whose
    financial test cannot be decided (both figures missing, or the known one above the
    ceiling and the other missing) gets no class (``<NA>``), and a warning names it: fill in
    the figure, or use :func:`size_band` (headcount only) if a statistical band is enough.

    What the course ignores (say so when you report SME shares): partner and linked
    enterprises, whose staff and money count in under Articles 3-6 of the Annex; enterprises
    25 % or more controlled by public bodies, which are never SMEs (Article 3(4)); and
    the two-year rule for crossing a ceiling (Article 4(2)).

    >>> firms = pd.DataFrame({"employees": [9, 9, 10, 249, 250],
    ...                       "turnover_eur": [3e6, 3e6, 1e6, 60e6, 1e6],
    ...                       "balance_sheet_eur": [1.5e6, 2.5e6, 1e6, 43e6, 1e6]})
    >>> sme_class(firms)["size_class"].tolist()
    ['micro', 'small', 'small', 'medium', 'large']

    On the course data: 16 of the 260 members (public bodies and colleges under 250 AWU)
    have no figures and so no class; the warning names them.

    >>> import warnings
    >>> from course import data
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     classes = sme_class(data.load("cluster_members"))
    >>> classes["size_class"].value_counts(dropna=False).to_dict()
    {'small': 96, 'micro': 80, 'medium': 48, 'large': 20, nan: 16}
    """
    where = "sme_class"
    require_columns(df, [employees, turnover, balance_sheet], where=where)
    require_rows(df, where=where)
    for column in (employees, turnover, balance_sheet):
        require_non_negative(df, column, where=where)
    heads = g.float_values(df, employees)
    money = [g.float_values(df, turnover), g.float_values(df, balance_sheet)]

    # Three-valued logic: each class's condition holds (1), fails (0) or is unknown (NaN).
    # The class is the first that holds after conditions that all fail; -1 = still open.
    result = np.full(len(df), -1, dtype=np.int8)
    for code, ceiling in enumerate(SME_CEILINGS.itertuples(index=False)):
        financial = _either(money[0], ceiling.turnover_at_most_eur,
                            money[1], ceiling.balance_sheet_at_most_eur)  # fmt: skip
        holds = np.where(heads < ceiling.headcount_below, financial, 0.0)
        holds[np.isnan(heads)] = np.nan  # the headcount is mandatory
        still_open = result == -1
        result[still_open & (holds == 1)] = code
        result[still_open & np.isnan(holds)] = -2  # undecided: it stays without a class
    result[result == -1] = 3  # failed every SME condition: large
    unknown = result < 0
    warn_rows_left_out(
        df, unknown, where=where,
        reason=f"their headcount ({employees}) is below 250 (or missing) and {turnover} / "
        f"{balance_sheet} do not decide the financial test, so size_class and sme are <NA>",
        options="Do not fill the money with 0 (that would make them micro). Fill in the real "
        "figures; or leave them out of SME shares and say so; or use size_band(...) for a "
        "headcount-only band. A public body is never an SME anyway (Recommendation "
        "2003/361/EC, Annex, Article 3(4)).",
    )  # fmt: skip
    classes = pd.Categorical.from_codes(np.where(unknown, -1, result), dtype=SIZE_CLASSES)
    sme = pd.array(np.where(unknown, None, result < 3), dtype="boolean")
    return df.assign(size_class=classes, sme=sme)


def _either(first, first_ceiling, second, second_ceiling) -> np.ndarray:
    """``first <= first_ceiling OR second <= second_ceiling`` with unknowns (NaN): 1 if either
    test holds, 0 if both fail, NaN if one fails and the other is unknown (or both unknown)."""
    first_ok, second_ok = first <= first_ceiling, second <= second_ceiling  # NaN -> False
    first_fails, second_fails = first > first_ceiling, second > second_ceiling
    return np.where(first_ok | second_ok, 1.0, np.where(first_fails & second_fails, 0.0, np.nan))


def size_band(df: pd.DataFrame, *, employees: str = "employees") -> pd.DataFrame:
    """Add the statistical size band ``size_band``: 0-9, 10-49, 50-249 or 250+ persons.

    The size classes of Eurostat's structural business statistics (persons employed only;
    Regulation (EU) 2019/2152). They ignore turnover and balance sheet, so they are NOT the
    SME classes of :func:`sme_class`: a firm of 40 persons with EUR 60 m turnover and balance
    sheet is in band 10-49 but is a large enterprise. The course data count annual work
    units; read them as persons employed here. A missing headcount gives ``<NA>``.

    >>> size_band(pd.DataFrame({"employees": [0, 9.5, 10, 49.5, 50, 250]}))["size_band"].tolist()
    ['0-9', '0-9', '10-49', '10-49', '50-249', '250+']
    """
    where = "size_band"
    require_columns(df, [employees], where=where)
    require_rows(df, where=where)
    require_non_negative(df, employees, where=where)
    heads = g.float_values(df, employees)
    codes = np.searchsorted([10, 50, 250], heads, side="right")
    codes = np.where(np.isnan(heads), -1, codes)
    return df.assign(size_band=pd.Categorical.from_codes(codes, dtype=SIZE_BANDS))
