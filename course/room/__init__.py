"""The room's peer benchmarking round: participants' own figures, pooled privately.

Before or during a workshop each participant fills the form (``workshop/room-form.md``, built
on :func:`entry_form`) with their own organisation's indicators; each entry is one JSON file
with its consent record. The trainer pools the folder of entries (a shared folder, a hub's
exchange folder, files collected by e-mail) into the room benchmark::

    course room pool ~/room/entries --out ~/room/view     # tables, charts, room.html
    course room delete ~/room/entries --participant "Anna Ozola"
    course room delete ~/room/entries --all               # after the workshop

Privacy by design:

- **Consent with each entry**: what may be shown (nothing, the figures under a pseudonym,
  under the organisation's name) and to whom (the room, the trainer only). Pseudonym is the
  default.
- **Pseudonyms** (:func:`pseudonym`) are keyed on a room secret the trainer keeps: stable
  from one pooling to the next, not derivable from a name without the secret.
- **Small groups**: an indicator answered by fewer than the stated minimum (at least
  ``course._guards.MIN_PEERS``) is never shown, for the room or for a sector.
- **Checked as the library checks**: units and ranges from the course indicator catalogue
  (``benchmarking.indicator_catalogue``); a malformed entry is named with what is wrong, kept
  on disk, and never silently dropped.
- **Deletable**: one command deletes a participant's raw entries, or all of them.

The room statistics are the library's own: ``benchmarking.percentile_ranks``, ``area_scores``,
``peer_gaps``, ``learning_partners``; the charts are ``plots.area_radar`` and
``plots.percentile_strip``.
"""

# Loaded on first use (PEP 562), so that `course --help` does not import pandas.
_HOMES = {
    "course.room._entries": ["AUDIENCES", "CONSENT_STATEMENT", "SHOW", "Entry", "consent",
                             "delete_entries", "make_entry", "read_entry", "read_folder",
                             "write_entry"],
    "course.room._form": ["entry_form"],
    "course.room._view": ["RoomView", "pool", "pseudonym", "room_secret", "room_view"],
}  # fmt: skip
_HOME_OF = {name: home for home, names in _HOMES.items() for name in names}


def __getattr__(name: str):
    if name not in _HOME_OF:
        raise AttributeError(f"module 'course.room' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOME_OF[name]), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "AUDIENCES",
    "CONSENT_STATEMENT",
    "SHOW",
    "Entry",
    "RoomView",
    "consent",
    "delete_entries",
    "entry_form",
    "make_entry",
    "pool",
    "pseudonym",
    "read_entry",
    "read_folder",
    "room_secret",
    "room_view",
    "write_entry",
]
