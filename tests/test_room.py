"""The room's peer benchmarking round, end to end: five simulated participants, one without
consent; the view shows only consented, pseudonymous, large-enough groups; deletion removes
every raw entry."""

from __future__ import annotations

import json

import pytest

from course import benchmarking, data, room
from course.checks import CourseInputError
from course.cli import main
from course.room._sources import WHERE

SECRET = b"a room secret for the tests only"
# (participant, organisation in the course data, sector, consent: show, audience)
PEOPLE = [
    ("Anna Ozola", "lv_food", "food", "pseudonym", "room"),
    ("Jonas Kazlauskas", "lv_it", "ict", "pseudonym", "room"),
    ("Mari Tamm", "se_energy", "energy", "pseudonym", "room"),
    ("Piotr Nowak", "peer_002", "food", "pseudonym", "room"),
    ("Eva Lind", "peer_094", "ict", "nothing", "room"),  # withholds consent
]
NAMES = {pid: f"{pid.replace('_', ' ').title()} Cluster Association" for _, pid, *_ in PEOPLE}


@pytest.fixture(scope="module")
def figures():
    bench = data.load("benchmarking")
    return bench[bench["year"] == 2023]


def _values(figures, organisation_id, leave_out=()):
    own = figures[figures["organisation"] == organisation_id]
    return {k: float(v) for k, v in zip(own["indicator"], own["value"], strict=True)
            if k not in leave_out and v == v}  # fmt: skip


@pytest.fixture
def entries(tmp_path, figures):
    folder = tmp_path / "entries"
    for person, pid, sector, show, audience in PEOPLE:
        # one indicator answered by two people only: a group too small to show
        leave_out = () if person in ("Anna Ozola", "Jonas Kazlauskas") else ("media_mentions",)
        entry = room.make_entry(person, NAMES[pid], _values(figures, pid, leave_out),
                                sector=sector, year=2025, show=show, audience=audience)  # fmt: skip
        room.write_entry(entry, folder / ("mail" if pid.startswith("peer") else "hub"))
    return folder


def test_five_participants_one_without_consent(entries, tmp_path):
    out = tmp_path / "view"
    view, problems = room.pool(entries, out, secret=SECRET, draw=False)
    assert problems == []
    assert (view.shown, view.withheld) == (4, 1)
    expected = {room.pseudonym(NAMES[p[1]], SECRET) for p in PEOPLE if p[3] != "nothing"}
    assert set(view.labels) == expected and all(label.startswith("Peer ") for label in expected)
    # media_mentions has 2 answers (< MIN_PEERS): not in any table, and said so
    assert "media_mentions" not in set(view.ranks["indicator"])
    assert any("media_mentions" in note for note in view.notes)
    assert view.ranks.groupby("indicator")["organisation"].nunique().min() >= 3
    assert set(view.scores["organisation"]) == expected and len(view.gaps)
    assert (view.gaps["gap_to_best"].dropna() >= 0).all()
    written = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    for person, pid, *_ in PEOPLE:  # no name, no organisation, nobody without consent
        assert person not in written and NAMES[pid] not in written and pid not in written
    assert room.pseudonym(NAMES["peer_094"], SECRET) not in written


def test_the_room_is_drawn_and_stays_pseudonymous_from_the_command(entries, tmp_path, capsys):
    secret = tmp_path / "secret"
    secret.write_text("x" * 32)
    out = tmp_path / "view"
    assert main(["room", "pool", str(entries), "--out", str(out), "--secret", str(secret)]) == 0
    assert "4 entries in the room view, 1 not shown" in capsys.readouterr().out
    charts = sorted(p.name for p in out.glob("*.png"))
    assert len(charts) == 8  # a radar and a percentile strip for each of the four
    assert "Peer " in (out / "room.html").read_text(encoding="utf-8")


def test_pseudonyms_are_stable_and_keyed():
    assert room.pseudonym("SIA Vidzeme Food", SECRET) == room.pseudonym("vidzeme food", SECRET)
    assert room.pseudonym("Vidzeme Food", SECRET) != room.pseudonym("Vidzeme Food", b"x" * 32)


def test_a_larger_minimum_and_sectors_withhold_small_groups(entries):
    loaded, _ = room.read_folder(entries)
    assert room.room_view(loaded, SECRET, minimum=5).labels == []  # only 4 may be shown
    by_sector = room.room_view(loaded, SECRET, peers=True)
    assert by_sector.labels == []  # no sector has three consented entries
    assert any("Not shown" in note for note in by_sector.notes)
    with pytest.raises(CourseInputError, match="at least 3"):
        room.room_view(loaded, SECRET, minimum=2)


def test_a_malformed_entry_is_named_kept_and_not_dropped_silently(entries, tmp_path):
    bad = entries / "mail" / "from-email.json"
    entry = json.loads(next((entries / "hub").glob("*.json")).read_text())
    entry["values"]["sme_share"] = 0.72 * 1000  # a share above 100 %
    bad.write_text(json.dumps(entry))
    (entries / "mail" / "broken.json").write_text("{not json")
    loaded, problems = room.read_folder(entries)
    assert len(problems) == 2 and bad.exists()
    assert any("from-email.json" in p and "outside their unit's range" in p for p in problems)
    assert any("broken.json" in p and "not a readable JSON" in p for p in problems)
    assert len(loaded) == 5


def test_the_values_are_checked_as_the_library_checks_them():
    with pytest.raises(CourseInputError, match="Did you mean 'sme_share'"):
        room.make_entry("A", "B", {"sme_shar": 50}, year=2025)
    with pytest.raises(CourseInputError, match="score runs from 1 to 5"):
        room.make_entry("A", "B", {"member_satisfaction": 8}, year=2025)
    with pytest.raises(CourseInputError, match="not a number"):
        room.make_entry("A", "B", {"events_per_year": "12,5"}, year=2025)
    with pytest.raises(CourseInputError, match="show"):
        room.make_entry("A", "B", {}, year=2025, show="everything")


def test_deleting_one_participant_then_all(entries, tmp_path, capsys):
    (entries / "mail" / "broken.json").write_text("{not json")
    assert main(["room", "delete", str(entries), "--participant", "anna ozola"]) == 0
    loaded, _ = room.read_folder(entries)
    assert "Anna Ozola" not in {entry.participant for entry in loaded} and len(loaded) == 4
    assert main(["room", "delete", str(entries), "--all"]) == 0
    assert list(entries.rglob("*.json")) == []
    assert "5 entry file(s) deleted" in capsys.readouterr().out


def test_the_form_writes_an_entry_with_its_consent(tmp_path):
    form = room.entry_form(tmp_path, year=2025)
    form.participant.value, form.organisation.value = "Anna", "Food Cluster"
    form.fields["member_satisfaction"].value = "7"
    assert form.save() is None and "Not saved" in form.message.value
    form.fields["member_satisfaction"].value = "4,2"
    entry = room.read_entry(form.save())
    assert entry.values == {"member_satisfaction": 4.2} and entry.show == "pseudonym"


def test_every_indicator_says_where_to_find_it():
    assert set(WHERE) == set(benchmarking.indicator_catalogue()["indicator"])


def test_the_form_notebook_runs_and_shows_the_form(tmp_path, monkeypatch):
    import jupytext

    from tests.conftest import ROOT

    notebook = jupytext.read(ROOT / "workshop" / "room-form.md")
    monkeypatch.setenv("COURSE_ROOM_FOLDER", str(tmp_path))
    namespace: dict = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            exec(cell.source, namespace)  # noqa: S102 - the course's own notebook
    assert isinstance(namespace["form"], room._form.RoomForm)
    assert namespace["FOLDER"] == tmp_path and len(namespace["form"].fields) == 36


def test_a_minimum_below_the_course_minimum_is_refused_in_one_line(entries, tmp_path, capsys):
    argv = ["room", "pool", str(entries), "--out", str(tmp_path / "v"), "--min-group", "2"]
    assert main([*argv, "--secret", str(tmp_path / "s"), "--no-charts"]) == 2
    assert "minimum group is at least 3" in capsys.readouterr().err
