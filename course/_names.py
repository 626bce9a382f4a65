"""Private: one organisation entered twice, under two ids and two spellings of its name.

A member register grows by hand: a member who re-joins, or is typed in again by a colleague,
gets a new id and a name written another way ("Fenlia Foods SIA", "FENLIA FOODS"). Counted
twice, it inflates a cluster's member count and changes its concentration index.
:func:`warn_name_variants` names such pairs; re-exported by :mod:`course._guards` with the
other guards. Learners do not need this file.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence

import pandas as pd

__all__ = ["LEGAL_FORMS", "DuplicateWarning", "name_key", "warn_name_variants"]

# Legal forms written before or after a name (Baltic, Nordic, German, English and others), as
# they read after name_key's clean-up: lower case, no accents, no punctuation ("OÜ" -> "ou",
# "A/S" -> "as"). Left out when names are compared: "Fenlia SIA" is "SIA Fenlia".
LEGAL_FORMS = frozenset(
    {
        "sia", "as", "ab", "aps", "ou", "oy", "oyj", "uab", "hb", "kb", "asa", "ivs",
        "is", "ps", "ks", "amba", "fmba", "smba", "mtu", "tu", "ry", "vsia", "ik",
        "gmbh", "ag", "kg", "ug", "ev", "eg", "se", "sa", "sarl", "sas", "bv", "nv",
        "ltd", "limited", "llc", "llp", "lp", "inc", "corp", "plc", "co",
        "srl", "spa", "sro", "kft", "zrt", "doo", "sp z o o", "ad",
    }
)  # fmt: skip
# Only the Baltic forms are also written before the name ("SIA Fenlia"); "Co-op" stays.
_BEFORE = frozenset({"sia", "as", "ab", "uab", "vsia", "ou", "mtu"})


def _alternatives(forms) -> str:
    return "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))


_LEADING_FORMS = re.compile(rf"^(?:(?:{_alternatives(_BEFORE)}) )+")
_TRAILING_FORMS = re.compile(rf"(?: (?:{_alternatives(LEGAL_FORMS)}))+$")


class DuplicateWarning(UserWarning):
    """Two rows look like the same organisation under different ids."""


def name_key(names: pd.Series) -> pd.Series:
    """Names as they are compared for duplicates: without accents, case, punctuation and the
    legal form after the name (:data:`LEGAL_FORMS`) or, for the Baltic forms, before it. A
    name that is only a legal form is kept.

    >>> name_key(pd.Series(["Fenlia Packaging SIA", "SIA  FENLIA packaging", "Bermark OÜ",
    ...                     "Elsdal Meat A/S", "Elsdal Meat ApS"])).tolist()
    ['fenlia packaging', 'fenlia packaging', 'bermark', 'elsdal meat', 'elsdal meat']
    """
    text = (
        names.astype("string")
        .str.normalize("NFKD")
        .str.replace(r"[\u0300-\u036f]", "", regex=True)  # the accents NFKD split off
        .str.lower()
        .str.replace(r"\b([a-z])/([a-z])\b", r"\1\2", regex=True)  # A/S -> as
        .str.replace("&", " and ", regex=False)
        .str.replace(r"[^0-9a-z]+", " ", regex=True)
        .str.strip()
    )
    stripped = text.str.replace(_LEADING_FORMS, "", regex=True)
    stripped = stripped.str.replace(_TRAILING_FORMS, "", regex=True).str.strip()
    return stripped.where(stripped != "", text)


def warn_name_variants(
    df: pd.DataFrame, *, name: str, member: str, within: Sequence[str] = (), where: str
) -> None:
    """Warn, naming both ids, where rows of different ``member`` ids have the same name after
    :func:`name_key` (within the same ``within`` group, e.g. a cluster): most likely one
    organisation entered twice, once under a new id, and counted twice.

    Rows are used as given: two different organisations can share a name.

    >>> import warnings
    >>> members = pd.DataFrame({"member_id": ["a_1", "a_2", "a_3"],
    ...                         "member_name": ["Fenlia Foods SIA", "Hollia AS", "FENLIA FOODS"]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_name_variants(members, name="member_name", member="member_id", where="demo")
    >>> str(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    "demo: 1 organisation(s) appear under more than one member_id with the same name (case, punctuation and legal form aside): a_1 'Fenlia Foods SIA' and a_3 'FENLIA FOODS'. Each id is counted as an organisation of its own: if they are the same, keep one row, e.g. df[df['member_id'] != 'a_3']."
    """
    table = df[[*within, member]].assign(_key=name_key(df[name]).to_numpy())
    table = table[table["_key"].notna() & df[member].notna().to_numpy()]
    groups = [*within, "_key"]
    ids = table.groupby(groups, sort=False)[member].transform("nunique")
    twice = table[ids.to_numpy() > 1]
    if twice.empty:
        return
    names = df.loc[twice.index, name]
    shown = []
    for _, rows in twice.assign(_name=names).drop_duplicates(member).groupby(groups, sort=False):
        shown.append(" and ".join(f"{i} {n!r}" for i, n in zip(rows[member], rows["_name"],
                                                                 strict=True)))  # fmt: skip
    later = twice.drop_duplicates(groups, keep="last")[member].iloc[0]
    more = f"; and {len(shown) - 5} more" if len(shown) > 5 else ""
    warnings.warn(
        f"{where}: {len(shown)} organisation(s) appear under more than one {member} with the "
        f"same name (case, punctuation and legal form aside): {'; '.join(shown[:5])}{more}. "
        "Each id is counted as an organisation of its own: if they are the same, keep one "
        f"row, e.g. df[df[{member!r}] != {str(later)!r}].",
        DuplicateWarning,
        stacklevel=3,
    )
