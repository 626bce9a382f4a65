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

from course.room._entries import (
    AUDIENCES,
    CONSENT_STATEMENT,
    SHOW,
    Entry,
    consent,
    delete_entries,
    make_entry,
    read_entry,
    read_folder,
    write_entry,
)
from course.room._form import entry_form
from course.room._view import RoomView, pool, pseudonym, room_secret, room_view

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
