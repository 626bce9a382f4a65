"""One participant's entry: its indicators, checked as the library checks them, and its consent.

An entry is one JSON file (``ENTRY_FORMAT``), written by the form (``room.entry_form``) or by
:func:`write_entry`, read back by :func:`read_folder`. It carries the consent record given
with it; the room view shows nothing the record does not allow.
"""

from __future__ import annotations

import json
import math
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from course.benchmarking._catalogue import checked_catalogue, require_unit_ranges, units
from course.checks import CourseInputError, close_matches

__all__ = ["ENTRY_FORMAT", "SHOW", "AUDIENCES", "CONSENT_STATEMENT", "Entry", "consent",
           "make_entry", "write_entry", "read_entry", "read_folder", "delete_entries"]  # fmt: skip

ENTRY_FORMAT = "cluster-course-room-entry/1"

# What may be shown of an entry, and to whom: the consent record's two choices.
SHOW = {
    "nothing": "nothing: my figures stay with the trainer and are not shown",
    "pseudonym": "my figures under a pseudonym (no name, no organisation)",
    "name": "my figures under my organisation's name",
}
AUDIENCES = {
    "room": "the participants of this workshop",
    "trainer": "the trainer only",
}
CONSENT_STATEMENT = (
    "I agree that the figures in this entry are used in this workshop's benchmarking round, "
    "shown as I chose below and only in groups of at least the room's minimum size. I can "
    "have the entry deleted at any time by asking the trainer."
)
_STATEMENT_ID = "room-consent/1"


@dataclass(frozen=True)
class Entry:
    """An entry read from its file: who, the organisation, the consent, the values."""

    path: Path
    participant: str
    organisation: str
    sector: str
    year: int
    show: str
    audience: str
    values: dict[str, float]
    written_at: str

    @property
    def shown_to_room(self) -> bool:
        """True if the consent lets the room see the figures (under a pseudonym or the name)."""
        return self.show != "nothing" and self.audience == "room"


def consent(show: str = "pseudonym", audience: str = "room", *, given_by: str) -> dict:
    """The consent record stored with an entry: what may be shown, to whom, by whom, when.

    ``show`` is one of :data:`SHOW` (``"pseudonym"`` by default), ``audience`` one of
    :data:`AUDIENCES`.

    >>> record = consent("pseudonym", given_by="Anna")
    >>> record["show"], record["audience"], record["statement"]
    ('pseudonym', 'room', 'room-consent/1')
    """
    _require_word(show, SHOW, "show", where="consent")
    _require_word(audience, AUDIENCES, "audience", where="consent")
    return {
        "show": show,
        "audience": audience,
        "given_by": str(given_by),
        "given_at": _now(),
        "statement": _STATEMENT_ID,
        "statement_text": CONSENT_STATEMENT,
    }


def make_entry(
    participant: str, organisation: str, values: dict, *, sector: str = "", year: int,
    show: str = "pseudonym", audience: str = "room", catalogue: pd.DataFrame | None = None,
) -> dict:  # fmt: skip
    """A new entry (a dict ready for JSON), its values checked as the library checks them.

    ``values`` maps indicator ids of the course catalogue to numbers in the catalogue's unit
    (``{"sme_share": 72, "staff_turnover": 10}``); a blank (None, NaN) is left out, as an
    unanswered indicator. An unknown indicator, a value that is not a number or one outside
    its unit's range (a share above 100 %, a negative count) is refused with a plain message,
    by the same checks as ``benchmarking.percentile_ranks``.

    >>> entry = make_entry("Anna", "Vidzeme Food Cluster", {"sme_share": 72, "events_per_year": None},
    ...                    sector="food", year=2025)
    >>> entry["values"], entry["consent"]["show"]
    ({'sme_share': 72.0}, 'pseudonym')
    """
    where = "room entry"
    for name, text in (("participant", participant), ("organisation", organisation)):
        if not str(text or "").strip():
            raise CourseInputError(f"{where}: the {name} is blank: write a name.")
    return {
        "format": ENTRY_FORMAT,
        "participant": str(participant).strip(),
        "organisation": str(organisation).strip(),
        "sector": str(sector or "").strip(),
        "year": _year(year, where=where),
        "values": checked_values(values, catalogue=catalogue, where=where),
        "consent": consent(show, audience, given_by=str(participant).strip()),
        "written_at": _now(),
    }


def checked_values(values: dict, *, catalogue: pd.DataFrame | None = None, where: str) -> dict:
    """``values`` as floats, blanks left out, checked against the catalogue's units."""
    if not isinstance(values, dict):
        raise CourseInputError(f"{where}: 'values' must map indicator ids to numbers.")
    catalogue = checked_catalogue(catalogue, where=where)
    known = list(catalogue["indicator"])
    numbers = {}
    for key, number in values.items():
        if key not in known:
            close = close_matches(key, known)
            hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise CourseInputError(f"{where}: {key!r} is not an indicator of the catalogue.{hint}")
        if number is None or (isinstance(number, float) and math.isnan(number)):
            continue
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise CourseInputError(
                f"{where}: the value of {key!r} is {number!r}, not a number (unit "
                f"{units(catalogue).get(key, '?')!r}); write it with a decimal point, e.g. 45.5."
            )
        numbers[key] = float(number)
    table = pd.DataFrame({"organisation": "this entry", "indicator": list(numbers),
                          "value": list(numbers.values())})  # fmt: skip
    require_unit_ranges(table, "organisation", "indicator", table["value"].to_numpy(np.float64),
                        catalogue, where=where)  # fmt: skip
    return numbers


def write_entry(entry: dict, folder) -> Path:
    """Write ``entry`` into ``folder`` as a new JSON file; return its path.

    The file name says nothing about who wrote it (a date and a random token), so a shared
    folder's listing shows no names; two entries never overwrite each other.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = folder / f"entry-{stamp}-{secrets.token_hex(4)}.json"
    path.write_text(json.dumps(entry, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_entry(path, *, catalogue: pd.DataFrame | None = None) -> Entry:
    """Read and check one entry file; a malformed one raises CourseInputError saying why."""
    path = Path(path)
    where = f"entry {path.name}"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CourseInputError(f"{where}: not a readable JSON file ({exc}).") from None
    if not isinstance(raw, dict) or raw.get("format") != ENTRY_FORMAT:
        raise CourseInputError(f"{where}: not a room entry (no 'format': {ENTRY_FORMAT!r}).")
    missing = [
        k for k in ("participant", "organisation", "year", "values", "consent") if k not in raw
    ]
    if missing:
        raise CourseInputError(f"{where}: {', '.join(missing)} missing.")
    record = raw["consent"]
    if not isinstance(record, dict) or not {"show", "audience", "given_at"} <= set(record):
        raise CourseInputError(f"{where}: the consent record is incomplete: fill the form again.")
    _require_word(record["show"], SHOW, "consent show", where=where)
    _require_word(record["audience"], AUDIENCES, "consent audience", where=where)
    for name in ("participant", "organisation"):
        if not str(raw[name] or "").strip():
            raise CourseInputError(f"{where}: the {name} is blank.")
    return Entry(
        path=path,
        participant=str(raw["participant"]).strip(),
        organisation=str(raw["organisation"]).strip(),
        sector=str(raw.get("sector") or "").strip(),
        year=_year(raw["year"], where=where),
        show=record["show"],
        audience=record["audience"],
        values=checked_values(raw["values"], catalogue=catalogue, where=where),
        written_at=str(raw.get("written_at", "")),
    )


def read_folder(folder, *, catalogue: pd.DataFrame | None = None) -> tuple[list[Entry], list[str]]:
    """Every entry under ``folder`` (its subfolders too: a hub's exchange folder, an e-mail
    inbox), and one plain message per file that could not be used. Nothing is changed on disk.

    Two entries for one organisation (a participant sent the form twice): the later one is
    used, and a message says so.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CourseInputError(f"course room: {folder} is not a folder of entries.")
    entries, problems = [], []
    for path in sorted(folder.rglob("*.json")):
        try:
            entries.append(read_entry(path, catalogue=catalogue))
        except CourseInputError as exc:
            problems.append(f"{path.relative_to(folder)} is not in the room view: {exc} The file "
                            "is kept as it is: fix it, or fill the form again, then pool again.")  # fmt: skip
    latest: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: e.written_at):
        key = organisation_key(entry.organisation)
        if key in latest:
            problems.append(f"{latest[key].path.relative_to(folder)} is replaced by the later "
                            f"entry {entry.path.relative_to(folder)} for the same organisation.")  # fmt: skip
        latest[key] = entry
    return list(latest.values()), problems


def delete_entries(
    folder, *, participant: str | None = None, everything: bool = False
) -> list[Path]:
    """Delete raw entry files: those written by or for ``participant`` (their name or their
    organisation's), or with ``everything=True`` every ``*.json`` file under ``folder``
    (malformed ones too). Return the deleted paths.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = write_entry(make_entry("Anna", "Food Cluster", {}, year=2025), folder)
    >>> [p.name.startswith("entry-") for p in delete_entries(folder, participant="anna")]
    [True]
    """
    if everything == (participant is not None):
        raise CourseInputError("course room delete: name one participant, or say --all.")
    folder = Path(folder)
    if not folder.is_dir():
        raise CourseInputError(f"course room delete: {folder} is not a folder of entries.")
    files = sorted(folder.rglob("*.json"))
    if participant is not None:
        wanted = organisation_key(participant)
        files = [path for path in files if wanted in _names_in(path)]
    for path in files:
        path.unlink()
    return files


def organisation_key(name: str) -> str:
    """A name as it is compared: case, accents, punctuation and legal forms left out."""
    from course._names import name_key

    return str(name_key(pd.Series([str(name)])).iloc[0])


def _names_in(path: Path) -> set[str]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return set()
    if not isinstance(raw, dict):
        return set()
    return {organisation_key(raw[k]) for k in ("participant", "organisation") if raw.get(k)}


def _require_word(value, choices: dict, name: str, *, where: str) -> None:
    if value not in choices:
        raise CourseInputError(
            f"{where}: {name} {value!r} is not one of {', '.join(repr(c) for c in choices)}."
        )


def _year(value, *, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2100:
        raise CourseInputError(f"{where}: the year {value!r} is not a year such as 2025.")
    return value


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
