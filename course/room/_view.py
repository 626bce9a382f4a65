"""The room benchmark: the consented entries pooled, pseudonymous, in large-enough groups only."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from course._guards import MIN_PEERS
from course.checks import CourseInputError
from course.room._entries import Entry, organisation_key, read_folder

__all__ = ["pseudonym", "room_secret", "RoomView", "room_view", "pool"]

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud from a projector


def pseudonym(organisation: str, secret: bytes) -> str:
    """The organisation's pseudonym in this room: stable, and not derivable without ``secret``.

    ``"Peer "`` and four characters of HMAC-SHA256(secret, the organisation's name as compared:
    case, accents and legal form left out). The same organisation gets the same pseudonym in
    every pooling with the same room secret; without the secret, the name cannot be turned
    into its pseudonym (nor back). Source: RFC 2104 (HMAC) as a keyed pseudonym, the usual
    pseudonymisation technique (ENISA, *Pseudonymisation techniques and best practices*, 2019).

    >>> pseudonym("Vidzeme Food Cluster", b"room secret") == pseudonym("VIDZEME food cluster", b"room secret")
    True
    >>> pseudonym("Vidzeme Food Cluster", b"room secret") == pseudonym("Vidzeme Food Cluster", b"other")
    False
    """
    digest = hmac.new(secret, organisation_key(organisation).encode(), hashlib.sha256).digest()
    return "Peer " + "".join(_ALPHABET[b % len(_ALPHABET)] for b in digest[:4])


def room_secret(path=None) -> bytes:
    """The room's secret: read from ``path`` (default ``$COURSE_ROOM_SECRET`` or
    ``~/.cluster-course/room-secret``), made once (32 random bytes, readable by you only) if
    it does not exist. Keep it with the trainer, not in the participants' shared folder.
    """
    default = (
        os.environ.get("COURSE_ROOM_SECRET") or Path.home() / ".cluster-course" / "room-secret"
    )
    path = Path(path or default).expanduser()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
        path.chmod(0o600)
    text = path.read_text(encoding="utf-8").strip()
    if len(text) < 16:
        raise CourseInputError(
            f"course room: the room secret in {path} is too short (16+ characters)."
        )
    return text.encode()


@dataclass
class RoomView:
    """What the room may see: every table is pseudonymous (or named with consent)."""

    shown: int  # entries whose consent lets the room see them, in the view
    withheld: int  # entries read but not shown (consent: nothing, or the trainer only)
    minimum: int  # the smallest group shown
    ranks: pd.DataFrame = field(default_factory=pd.DataFrame)
    scores: pd.DataFrame = field(default_factory=pd.DataFrame)
    gaps: pd.DataFrame = field(default_factory=pd.DataFrame)
    partners: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return list(pd.unique(self.ranks["organisation"])) if len(self.ranks) else []


def room_table(entries: list[Entry], secret: bytes) -> pd.DataFrame:
    """The long table (organisation, sector, indicator, value) of the entries the room may see:
    the organisation is its pseudonym unless its consent says "name"."""
    rows = []
    for entry in entries:
        if not entry.shown_to_room:
            continue
        label = (
            entry.organisation if entry.show == "name" else pseudonym(entry.organisation, secret)
        )
        rows += [(label, entry.sector or "(all)", k, v) for k, v in entry.values.items()]
    return pd.DataFrame(rows, columns=["organisation", "sector", "indicator", "value"])


def _large_enough(table: pd.DataFrame, keys: list[str], minimum: int) -> tuple[pd.DataFrame, list]:
    """Rows of groups (``keys`` x indicator) with at least ``minimum`` answers, and the others."""
    counts = table.groupby([*keys, "indicator"])["organisation"].transform("nunique")
    small = table.loc[counts < minimum, [*keys, "indicator"]].drop_duplicates()
    return table.loc[counts >= minimum], [" x ".join(map(str, row)) for row in small.values]


def room_view(
    entries: list[Entry], secret: bytes, *, minimum: int = MIN_PEERS, peers: bool = False
) -> RoomView:
    """Pool the entries into the room benchmark, as far as consent and group sizes allow.

    Only entries whose consent says the room may see them are used, under their pseudonym
    (:func:`pseudonym`) unless they chose their name. An indicator (per sector with
    ``peers=True``) answered by fewer than ``minimum`` of them (at least ``MIN_PEERS``) is
    left out of every table, so no figure of a small group is shown. Then, with the library's
    own functions: ``benchmarking.percentile_ranks``, ``area_scores``, ``peer_gaps`` (plus
    ``gap_to_best``: how far each value is from the room's best, in its unit, positive =
    behind) and, for each organisation's weakest area, ``learning_partners`` (two).
    """
    from course import benchmarking
    from course.benchmarking._catalogue import direction_signs

    if minimum < MIN_PEERS:
        raise CourseInputError(f"course room: the minimum group is at least {MIN_PEERS}.")
    table = room_table(entries, secret)
    shown = table["organisation"].nunique()
    view = RoomView(shown=shown, withheld=len(entries) - shown, minimum=minimum)
    if shown < minimum:
        view.notes.append(f"Only {shown} entries may be shown to the room; the room view needs "
                          f"at least {minimum}: nothing is shown.")  # fmt: skip
        return view
    keys = ["sector"] if peers else []
    table, small = _large_enough(table, keys, minimum)
    if small:
        view.notes.append(f"Not shown, fewer than {minimum} answers: {', '.join(small)}.")
    if table.empty:
        return view
    options = {"peers": keys or None}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        view.ranks = benchmarking.percentile_ranks(table, **options)
        view.scores = benchmarking.area_scores(table, **options)
        gaps = benchmarking.peer_gaps(table, **options)
        signed = gaps["value"] * direction_signs(gaps, "indicator", None, benchmarking.indicator_catalogue(),
                                                 where="course room")  # fmt: skip
        best = signed.groupby([gaps[k] for k in keys] + [gaps["indicator"]]).transform("max")
        view.gaps = gaps.assign(gap_to_best=best - signed)
        view.partners = _partners(table, view.scores, options)
    view.notes += [" ".join(str(w.message).split()) for w in caught]
    return view


def _partners(table: pd.DataFrame, scores: pd.DataFrame, options: dict) -> pd.DataFrame:
    """Two learning partners per organisation, in its weakest area (none if it leads there)."""
    from course import benchmarking

    weakest = scores[scores["weakest"]].drop_duplicates("organisation")
    found = []
    for organisation_id, area in zip(weakest["organisation"], weakest["area"], strict=True):
        try:
            partners = benchmarking.learning_partners(table, organisation_id, area, n=2, **options)
        except CourseInputError:
            continue
        found.append(partners.assign(learner=organisation_id, area=area))
    columns = ["learner", "area", "organisation", "area_score", "lead", "profile_distance"]
    return pd.concat(found)[columns] if found else pd.DataFrame(columns=columns)


def pool(folder, out, *, secret: bytes, minimum: int = MIN_PEERS, peers: bool = False,
         draw: bool = True) -> tuple[RoomView, list[str]]:  # fmt: skip
    """Read the entries in ``folder``, write the room view into ``out`` (CSV tables, charts
    for the projector, ``room.html``); return the view and the messages about the files."""
    from course.room._draw import write_view

    entries, problems = read_folder(folder)
    view = room_view(entries, secret, minimum=minimum, peers=peers)
    write_view(view, Path(out), problems, draw=draw)
    return view, problems
