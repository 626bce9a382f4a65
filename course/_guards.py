"""Private: the guards that keep a learner's own table from losing or inventing rows.

Every subject module passes its grouping keys, its code columns and its peer groups through
these few functions before it computes anything, so that the same slip gets the same answer
everywhere (docs/architecture.md, "No row lost, none invented"):

- :func:`check_keys`: a missing or blank key (an empty ``partner_name``, a member without a
  ``cluster``) is reported with its rows, and either refused or kept as its own
  ``"(unknown)"`` group; pandas' ``groupby`` would silently drop it.
- :func:`check_aggregates`: a total row (``WORLD``, ``EU27``, ``TOTAL``, or a country's code
  beside its own regions, ``LV`` beside ``LV003``) would be counted twice; it is refused, or
  dropped with a warning when the learner asks for that.
- :data:`MIN_PEERS` and :func:`small_groups`: a peer statistic needs a group to compare with;
  below the course's minimum it is NA, with a warning.
- :func:`unit_slips`: a value a thousand times (or a hundredth of) the others in its group is
  most likely a unit slip (EUR for kEUR, persons for thousands, a fraction for a percentage).
  :func:`check_unit_slips` warns about one column without building a text per row.
- :func:`warn_name_variants` (from ``course._names``): two ids with the same name ("Fenlia
  Foods SIA", "FENLIA FOODS") are most likely one organisation counted twice.
- :func:`renamed_keywords`: a keyword renamed for the one vocabulary (``top=`` -> ``n=``)
  keeps working for a release, with a warning that names the new one;
  :func:`positional_options` does the same for options that became keyword-only.

Learners do not need this file: the public functions say in their docstrings what they do
with blank keys, aggregates, small groups and unknowns.
"""

from __future__ import annotations

import functools
import inspect
import re
import warnings
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from course._names import LEGAL_FORMS, DuplicateWarning, name_key, warn_name_variants
from course.checks import CourseInputError, MissingDataWarning

__all__ = [
    "UNKNOWN",
    "AGGREGATE_CODES",
    "MIN_PEERS",
    "AggregateRowWarning",
    "SmallGroupWarning",
    "UnitSlipWarning",
    "blank_keys",
    "check_keys",
    "aggregate_rows",
    "check_aggregates",
    "small_groups",
    "warn_small_groups",
    "unit_slips",
    "warn_unit_slips",
    "check_unit_slips",
    "LEGAL_FORMS",
    "DuplicateWarning",
    "name_key",
    "warn_name_variants",
    "renamed_keywords",
    "positional_options",
]

UNKNOWN = "(unknown)"

# Codes that stand for a total of other rows, in Eurostat's, the UN's and common spreadsheet
# spellings (compared after upper-casing and stripping). A residual such as "rest of world" is
# a real partner, not a total, and is not listed.
AGGREGATE_CODES = frozenset(
    {
        "WORLD", "WLD", "W1", "W0", "TOTAL", "TOT", "_T", "ALL", "SUM",
        "EU", "EU15", "EU25", "EU27", "EU28", "EU27_2007", "EU27_2020", "EU28_2013",
        "EA", "EA12", "EA19", "EA20", "EEA", "EFTA", "OECD",
        "EXTRA_EU", "INTRA_EU", "EXTRA-EU", "INTRA-EU", "EXT_EU", "INT_EU",
        "EXT_EU27_2020", "INT_EU27_2020", "EXT_EU28", "INT_EU28", "NON-EU", "NON_EU",
        "EUROPE", "EUROPEAN UNION", "EURO AREA",
    }
)  # fmt: skip

# Course convention: a peer statistic (percentile, peer median, gap, label estimate) needs at
# least this many organisations with a value in the group, the organisation itself included.
# With fewer, one organisation is compared with itself or with a single other one, and its
# "percentile" only says which of two is larger.
MIN_PEERS = 3


class AggregateRowWarning(UserWarning):
    """Total rows (WORLD, EU27, a country beside its regions) were dropped, as asked."""


class SmallGroupWarning(UserWarning):
    """A peer group is smaller than the minimum: its peer statistics are NA."""


class UnitSlipWarning(UserWarning):
    """A value is far outside its group: most likely a unit slip (EUR for kEUR, ...)."""


# --------------------------------------------------------------------------------------
# Blank keys
# --------------------------------------------------------------------------------------


def blank_keys(series: pd.Series) -> np.ndarray:
    """True where a key is missing (NaN, None, NA) or text that is empty or only spaces.

    >>> blank_keys(pd.Series(["LT", "", None, "  ", "LV"])).tolist()
    [False, True, True, True, False]
    """
    missing = series.isna().to_numpy(dtype=bool)
    if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        return missing
    text = series.astype("string").str.strip()
    return missing | (text == "").fillna(False).to_numpy(dtype=bool)


def _rows_named(df: pd.DataFrame, mask: np.ndarray, limit: int = 5) -> str:
    named = [c for c in ("member_id", "organisation", "member_name") if c in df.columns][:1]
    labels = df.loc[mask, named[0]] if named else df.index[mask]
    shown = ", ".join(str(v) for v in list(labels)[:limit])
    more = f" and {int(mask.sum()) - limit} more" if mask.sum() > limit else ""
    return f"{'rows of ' + named[0] if named else 'rows'} {shown}{more}"


def check_keys(
    df: pd.DataFrame,
    columns: Sequence[str],
    *,
    where: str,
    blank: str = "refuse",
    unknown_option: bool = True,
) -> pd.DataFrame:
    """The table with every grouping key filled in: blank keys refused, or kept as a group.

    A groupby leaves out a row whose key is missing, and a sum or a count then loses it
    without a word. ``blank="refuse"`` raises a :class:`CourseInputError` naming the rows;
    ``blank="unknown"`` keeps those rows as their own group ``"(unknown)"`` and warns, so that
    totals still add up. Text keys only are filled; a blank number or date key is refused.
    ``unknown_option=False`` for a key that identifies a row (an organisation, an indicator):
    the refusal then does not offer ``blank_keys='unknown'``. The input is never changed.

    >>> trade = pd.DataFrame({"partner": ["LT", None], "exports_eur": [5.0, 4.0]})
    >>> check_keys(trade, ["partner"], where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: column 'partner' is blank in 1 row(s) (rows 1). A row without a partner would be left out of every total: fill it in, drop those rows (df.dropna(subset=['partner'])), or keep them as their own group with blank_keys='unknown'.
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     check_keys(trade, ["partner"], where="demo", blank="unknown")["partner"].tolist()
    ['LT', '(unknown)']
    """
    if blank not in ("refuse", "unknown"):
        raise CourseInputError(
            f"{where}: blank_keys={blank!r} is not an option; use 'refuse' or 'unknown'."
        )
    result = df
    for column in columns:
        mask = blank_keys(df[column])
        if not mask.any():
            continue
        rows = _rows_named(df, mask)
        text_key = not pd.api.types.is_numeric_dtype(df[column])
        if blank == "refuse" or not text_key:
            raise CourseInputError(
                f"{where}: column {column!r} is blank in {int(mask.sum())} row(s) ({rows}). "
                f"A row without a {column} would be left out of every total: fill it in, drop "
                f"those rows (df.dropna(subset=[{column!r}]))"
                + (
                    ", or keep them as their own group with blank_keys='unknown'."
                    if text_key and unknown_option
                    else "."
                )
            )
        if result is df:
            result = df.copy()
        filled = result[column].astype("string").str.strip()
        result[column] = filled.mask(pd.Series(mask, index=result.index), UNKNOWN)
        warnings.warn(
            f"{where}: column {column!r} is blank in {int(mask.sum())} row(s) ({rows}); they "
            f"are counted as their own group {UNKNOWN!r}. Fill them in for a true split.",
            MissingDataWarning,
            stacklevel=3,
        )
    return result


# --------------------------------------------------------------------------------------
# Aggregate rows
# --------------------------------------------------------------------------------------


def aggregate_rows(codes: pd.Series, *, nested: bool = True) -> np.ndarray:
    """True for rows whose code is a total of other rows.

    A total is a code in :data:`AGGREGATE_CODES` (``WORLD``, ``EU27``, ``TOTAL`` ...), a range
    or union of NACE sections as Eurostat writes them (``B-E``, ``G-I``, ``M_N``,
    ``B-S_X_O_S94`` = the business economy) or, with ``nested=True``, a NUTS or NACE code that
    starts a longer code of the same system in the column: a country beside its regions
    (``LV`` beside ``LV003``), a NUTS 2 region beside its NUTS 3 parts, a NACE section beside
    its divisions (``C`` beside ``C10``). Other names are not nested codes: ``food`` and
    ``food_services``, or the numbered labels ``R1`` and ``R10``. The test runs on the
    distinct codes, not on every row, so it costs little on a large table.

    >>> aggregate_rows(pd.Series(["LT", "WORLD", "EU27_2020", "DE"])).tolist()
    [False, True, True, False]
    >>> aggregate_rows(pd.Series(["LV", "LV003", "LV008", "EE001"])).tolist()
    [True, False, False, False]
    >>> aggregate_rows(pd.Series(["B-S_X_O_S94", "C", "C10", "R1", "R10"])).tolist()
    [True, True, False, False, False]
    """
    row_codes, distinct = pd.factorize(codes)
    # plain Python on the few hundred distinct codes: faster than string columns at this size
    names = [str(code).strip().upper() for code in distinct.tolist()]
    parents = _nested_parents([name for name in names if name]) if nested else set()
    per_code = [
        name in AGGREGATE_CODES
        or name in parents
        or (("-" in name or "_" in name) and _NACE_RANGE.fullmatch(name) is not None)
        for name in names
    ]
    return np.array([*per_code, False], dtype=bool)[row_codes]  # code -1 (a blank key): False


# The code systems whose codes nest: NUTS (a country's two letters, then one character per
# level: LV, LV0, LV00, LV003) and NACE (a section letter, then the division's two digits, the
# group's and the class's: C, C10, C10.1 or C101, C10.11).
_NUTS = re.compile(r"[A-Z]{2}[0-9A-Z]{0,3}")
_NACE = re.compile(r"[A-U](?:[0-9]{2}(?:\.?[0-9]{1,2})?)?")
# Eurostat's NACE aggregates: a range of sections or divisions (B-E, C10-C12, and
# B-S_X_O_S94 = B to S except O and S94) or a union of sections (M_N).
_NACE_RANGE = re.compile(r"[A-U](?:[0-9]{2})?-[A-U](?:[0-9]{2})?(?:_[A-Z0-9_]+)?|[A-U](?:_[A-U])+")


def _nested_parents(codes: list[str]) -> set[str]:
    """Codes that start a longer code of the same system (``LV`` of ``LV003``, ``C`` of ``C10``).

    ``codes`` are distinct, so this looks at each code's few prefixes, not at the rows.
    """
    parents = set()
    for system in (_NUTS, _NACE):
        members = {code for code in codes if system.fullmatch(code)}
        parents.update(
            code[:cut] for code in members for cut in range(1, len(code)) if code[:cut] in members
        )
    return parents


def check_aggregates(
    df: pd.DataFrame,
    column: str,
    *,
    where: str,
    drop: bool = False,
    nested: bool = True,
    hint: str = "",
) -> pd.DataFrame:
    """The table without total rows in ``column``: refused, or dropped (with a warning) if asked.

    A ``WORLD`` row beside the partner countries doubles every sum, and makes the world the
    largest partner; a country's total beside its regions is counted twice in the reference
    area. See :func:`aggregate_rows` for what counts as a total. ``hint`` is added to the
    refusal (e.g. how to keep one level of a Eurostat file). The input is never changed.

    >>> trade = pd.DataFrame({"partner": ["LT", "WORLD"], "exports_eur": [5.0, 5.0]})
    >>> check_aggregates(trade, "partner", where="demo")
    Traceback (most recent call last):
    ...
    course.checks.CourseInputError: demo: column 'partner' holds total rows ('WORLD': 1 row(s)) beside the codes they add up, so they would be counted twice. Drop them first, e.g. df[~df['partner'].isin(['WORLD'])], or pass drop_aggregates=True.
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     check_aggregates(trade, "partner", where="demo", drop=True)["partner"].tolist()
    ['LT']
    """
    mask = aggregate_rows(df[column], nested=nested)
    if not mask.any():
        return df
    counts = df.loc[mask, column].astype("string").value_counts(sort=False)
    shown = ", ".join(f"{code!r}: {n} row(s)" for code, n in list(counts.items())[:6])
    more = f" and {len(counts) - 6} more codes" if len(counts) > 6 else ""
    if not drop:
        codes = [str(code) for code in counts.index]
        # an example that leaves some totals in would be a wrong fix: list them all, or none
        fix = (
            f"Drop them first, e.g. df[~df[{column!r}].isin({codes!r})], or pass "
            "drop_aggregates=True."
            if len(codes) <= 10
            else f"Pass drop_aggregates=True to leave all {len(codes)} total codes out."
        )
        raise CourseInputError(
            f"{where}: column {column!r} holds total rows ({shown}{more}) beside the codes "
            f"they add up, so they would be counted twice. {fix}" + (f" {hint}" if hint else "")
        )
    warnings.warn(
        f"{where}: {int(mask.sum())} total row(s) in column {column!r} ({shown}{more}) were "
        "left out, as drop_aggregates=True asks.",
        AggregateRowWarning,
        stacklevel=3,
    )
    return df.loc[~mask]


# --------------------------------------------------------------------------------------
# Peer groups too small to compare
# --------------------------------------------------------------------------------------


def small_groups(counts, *, minimum: int = MIN_PEERS) -> np.ndarray:
    """True where a peer group has fewer than ``minimum`` organisations with a value.

    >>> small_groups(np.array([1, 2, 3, 10])).tolist()
    [True, True, False, False]
    """
    return np.asarray(counts) < minimum


def warn_small_groups(
    labels: Sequence[str], *, where: str, minimum: int = MIN_PEERS, what: str = "peer statistics"
) -> None:
    """Warn once that some groups were too small, name them and say what was done.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_small_groups(["lv_it (sector ict)"], where="demo")
    >>> str(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    'demo: 1 peer group(s) have fewer than 3 organisations with a value (lv_it (sector ict)): their peer statistics are NA. An organisation alone or with one other is not compared with a group; widen the peer group (fewer peers= columns, or a larger band) or compare with the whole table.'
    """
    labels = list(dict.fromkeys(str(label) for label in labels))
    if not labels:
        return
    shown = ", ".join(labels[:5]) + (f" and {len(labels) - 5} more" if len(labels) > 5 else "")
    warnings.warn(
        f"{where}: {len(labels)} peer group(s) have fewer than {minimum} organisations with a "
        f"value ({shown}): their {what} are NA. An organisation alone or with one other is not "
        "compared with a group; widen the peer group (fewer peers= columns, or a larger band) "
        "or compare with the whole table.",
        SmallGroupWarning,
        stacklevel=3,
    )


# --------------------------------------------------------------------------------------
# Unit slips
# --------------------------------------------------------------------------------------

# What a value 1,000 times too large (or small) most likely is, by the unit it should be in.
_SLIPS = {
    "EUR thousand": ("EUR instead of EUR thousand", "EUR million instead of EUR thousand"),
    "thousand persons": ("persons instead of thousands", "millions instead of thousands"),
    "EUR": ("cents instead of EUR", "EUR thousand instead of EUR"),
    "persons": ("1,000 times too large", "thousands instead of persons"),
}
# The kinds of slip, as small integers: a per-row text is built only for the rows flagged.
_NO_SLIP, _TOO_LARGE, _TOO_SMALL, _FRACTION, _ABOVE_100 = range(5)


def unit_slips(values, groups=None, *, unit: str | None = None, factor: float = 300.0):
    """A likely slip per value ('' if none), judged against the other values of its group.

    - unit ``"%"``: a value in (0, 1] where the group's median is above 5 looks like a
      fraction given for a percentage (0.45 for 45 %); a value above 100 is out of range
      unless the group's values are all above 100 too;
    - any unit: a value at least ``factor`` times the median of its group, or at most
      ``1/factor`` of it, with at least 3 others to compare, looks like a unit slip of a
      factor 1,000 (EUR for EUR thousand, persons for thousands).

    The median is robust: one slip does not move it. Zeros and NaN are never flagged.

    >>> unit_slips([45.0, 52.0, 0.48, 60.0], unit="%").tolist()
    ['', '', 'a fraction instead of a percentage (0.48 for 48 %)', '']
    >>> unit_slips([120.0, 95.0, 110.0, 131000.0], unit="EUR thousand").tolist()
    ['', '', '', 'EUR instead of EUR thousand']
    """
    values = np.asarray(values, dtype=float)
    return _slip_texts(_slip_kinds(values, groups, unit, factor), values, unit)


def _slip_kinds(values: np.ndarray, groups, unit: str | None, factor: float) -> np.ndarray:
    """The kind of slip per value (``_NO_SLIP`` ...), as :func:`unit_slips` describes them."""
    positive = values > 0
    if groups is None:  # one group: numpy's median, without a groupby (a long member table)
        usable = values[positive]
        median, count = _median(usable), usable.size
    else:
        groups = np.asarray(groups)
        # integer codes (from pandas.factorize) are groups already: factorizing them again as
        # objects would cost more than the check itself on a long table
        codes = groups if groups.dtype.kind in "iu" else pd.factorize(groups.astype(object))[0]
        frame = pd.DataFrame({"v": values, "g": codes})
        usable = frame["v"].where(positive)
        median = usable.groupby(frame["g"]).transform("median").to_numpy()
        count = usable.groupby(frame["g"]).transform("count").to_numpy()
    enough = (count >= 4) & positive
    # value >= factor x median, or <= median / factor (comparisons, not a ratio per value)
    too_large = enough & (values >= factor * median)
    too_small = enough & (values <= median / factor)
    kinds = too_large.view(np.int8) * _TOO_LARGE + too_small.view(np.int8) * _TOO_SMALL
    if unit == "%":
        kinds[enough & (values <= 1) & (median > 5)] = _FRACTION
        kinds[(values > 100) & (median <= 100)] = _ABOVE_100
    return kinds.astype(np.int8, copy=False)


def _median(values: np.ndarray) -> float:
    """The median of ``values`` (a copy without NaN, sorted in place) with one partial sort:
    ``numpy.median`` sorts twice."""
    if not values.size:
        return np.nan
    half = values.size // 2
    values.partition(half)
    return float(values[half] if values.size % 2 else (values[half] + values[:half].max()) / 2)


def _slip_texts(kinds: np.ndarray, values: np.ndarray, unit: str | None) -> np.ndarray:
    """The words for each kind of slip ('' where there is none)."""
    texts = np.full(len(kinds), "", dtype=object)
    big, small = _SLIPS.get(unit or "", ("1,000 times too large", "1,000 times too small"))
    texts[kinds == _TOO_LARGE] = big
    texts[kinds == _TOO_SMALL] = small
    fraction = kinds == _FRACTION
    texts[fraction] = [
        f"a fraction instead of a percentage ({v:g} for {v * 100:g} %)" for v in values[fraction]
    ]
    texts[kinds == _ABOVE_100] = "above 100 %"
    return texts


def check_unit_slips(
    df: pd.DataFrame,
    column: str,
    *,
    keys: Sequence[str],
    where: str,
    unit: str | None = None,
    groups=None,
    factor: float = 300.0,
) -> None:
    """Warn (:func:`warn_unit_slips`) about the values of ``column`` that look like a unit
    slip, judged as :func:`unit_slips` judges them; the rows are named by ``keys`` (no
    keys: by their index label).

    The same test without a text per row: on a table of a million members it costs a few
    milliseconds when nothing is flagged.

    >>> import warnings
    >>> firms = pd.DataFrame({"member_id": ["a", "b", "c", "d"],
    ...                       "turnover_eur": [2.1e6, 3.0e6, 2.6e6, 2900.0]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     check_unit_slips(firms, "turnover_eur", keys=["member_id"], where="demo", unit="EUR")
    >>> str(caught[0].message)  # doctest: +ELLIPSIS
    "demo: 1 value(s) in column 'turnover_eur' look like a unit slip: d (EUR thousand instead of EUR). ..."
    """
    values = df[column].to_numpy(dtype=float, na_value=np.nan)
    kinds = _slip_kinds(values, groups, unit, factor)
    flagged = kinds != _NO_SLIP
    if flagged.any():
        texts = _slip_texts(kinds[flagged], values[flagged], unit)
        named = df[list(keys)].iloc[np.flatnonzero(flagged)]  # only the rows to name
        rows = named if keys else named.rename_axis("row").reset_index()
        warn_unit_slips(rows, texts, keys or ["row"], where=where, column=column)


def warn_unit_slips(
    df: pd.DataFrame, slips: np.ndarray, keys: Sequence[str], *, where: str, column: str
) -> None:
    """Warn once, naming the rows whose values look like a unit slip and the likely slip.

    >>> import warnings
    >>> table = pd.DataFrame({"organisation": ["a", "b"], "indicator": ["sme_share"] * 2})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_unit_slips(table, np.array(["", "above 100 %"]), ["organisation", "indicator"],
    ...                     where="demo", column="value")
    >>> str(caught[0].message)
    "demo: 1 value(s) in column 'value' look like a unit slip: b x sme_share (above 100 %). Check them against the indicator's unit; they are used as given."
    """
    flagged = np.asarray(slips, dtype=object) != ""
    if not flagged.any():
        return
    rows = df.loc[flagged, list(keys)]
    shown = "; ".join(
        " x ".join(map(str, row)) + f" ({slip})"
        for row, slip in zip(rows.head(5).itertuples(index=False), slips[flagged][:5], strict=False)
    )
    more = f" and {int(flagged.sum()) - 5} more" if flagged.sum() > 5 else ""
    warnings.warn(
        f"{where}: {int(flagged.sum())} value(s) in column {column!r} look like a unit slip: "
        f"{shown}{more}. Check them against the indicator's unit; they are used as given.",
        UnitSlipWarning,
        stacklevel=3,
    )


# --------------------------------------------------------------------------------------
# Renamed keywords
# --------------------------------------------------------------------------------------


def renamed_keywords(category: type[Warning] = DeprecationWarning, **old_to_new: str) -> Callable:
    """Decorator: the old keyword names ``old_to_new`` still work for one release, with a
    ``category`` warning (``DeprecationWarning``; ``FutureWarning`` where learners must see
    it) that names the new keyword. Passing both the old and the new name is an error.

    The signature (``help()``, tab completion) shows only the new names.

    >>> @renamed_keywords(top="n")
    ... def first(table, *, n=5):
    ...     return table[:n]
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     first("abcdefg", top=2)
    'ab'
    >>> print(caught[0].message)
    first(top=...) is now first(n=...): the old name stops working in the next release.
    """

    def rename(function: Callable) -> Callable:
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            for old, new in old_to_new.items():
                if old not in kwargs:
                    continue
                if new in kwargs:
                    raise CourseInputError(
                        f"{function.__name__}: pass {new}= only ({old}= is its old name)."
                    )
                warnings.warn(
                    f"{function.__name__}({old}=...) is now {function.__name__}({new}=...): "
                    "the old name stops working in the next release.",
                    category,
                    stacklevel=2,
                )
                kwargs[new] = kwargs.pop(old)
            return function(*args, **kwargs)

        return wrapper

    return rename


def positional_options(*names: str, category: type[Warning] = DeprecationWarning) -> Callable:
    """Decorator: options that became keyword-only still work by position for one release.

    ``names`` are the keyword-only options in their old positional order. A call that gives
    them by position gets a ``category`` warning that shows the call with the names, and then
    runs as that call. The signature (``help()``, tab completion) shows only the new form.

    >>> @positional_options("start", "end")
    ... def span(text, *, start, end):
    ...     return text[start:end]
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     span("abcdefg", 1, 3)
    'bc'
    >>> print(caught[0].message)
    span(..., 1, 3) is now span(..., start=1, end=3): options are passed by name, and the old form stops working in the next release.
    """

    def keyword_only(function: Callable) -> Callable:
        kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        parameters = inspect.signature(function).parameters.values()
        positional = sum(parameter.kind in kinds for parameter in parameters)

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            extra = args[positional:]
            if not extra:
                return function(*args, **kwargs)
            name = function.__name__
            if len(extra) > len(names):
                raise CourseInputError(
                    f"{name}: too many values without a name ({len(args)}); pass the options "
                    f"by name, e.g. {', '.join(f'{n}=...' for n in names)}."
                )
            moved = dict(zip(names, extra, strict=False))
            twice = [option for option in moved if option in kwargs]
            if twice:
                raise CourseInputError(f"{name}: {twice[0]}= is given twice (by position too).")
            old = ", ".join(repr(value) for value in extra)
            new = ", ".join(f"{option}={value!r}" for option, value in moved.items())
            warnings.warn(
                f"{name}(..., {old}) is now {name}(..., {new}): options are passed by name, "
                "and the old form stops working in the next release.",
                category,
                stacklevel=2,
            )
            return function(*args[:positional], **moved, **kwargs)

        return wrapper

    return keyword_only
