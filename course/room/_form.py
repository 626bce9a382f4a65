"""The participant's form (ipywidgets): their own indicators, their consent, one save button."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from course.checks import CourseInputError
from course.room._entries import AUDIENCES, CONSENT_STATEMENT, SHOW, make_entry, write_entry
from course.room._sources import WHERE


class RoomForm:
    """The form's widgets (``fields`` by indicator id) and :meth:`save`; shows as the form."""

    def __init__(self, folder, *, year: int | None = None):
        import ipywidgets as w

        from course import benchmarking

        self.folder = Path(folder).expanduser()
        catalogue = benchmarking.indicator_catalogue()
        self.participant = w.Text(description="Your name")
        self.organisation = w.Text(description="Organisation")
        self.sector = w.Text(description="Sector", placeholder="e.g. food, ict, energy")
        self.year = w.BoundedIntText(value=year or date.today().year - 1, min=1990, max=2100,
                                     description="Year")  # fmt: skip
        self.fields, pages, titles = {}, [], []
        for _area, rows in catalogue.groupby("area", sort=False):
            boxes = []
            for row in rows.itertuples():
                field = w.Text(placeholder="blank = not known",
                               description_allow_html=False, layout=w.Layout(width="16em"))  # fmt: skip
                self.fields[row.indicator] = field
                label = w.HTML(f"<b>{row.name}</b> ({row.unit}, {row.direction} is better)<br>"
                               f"<small>{WHERE[row.indicator]}</small>")  # fmt: skip
                boxes.append(w.HBox([field, label]))
            pages.append(w.VBox(boxes))
            titles.append(rows["area_name"].iloc[0])
        self.areas = w.Accordion(children=pages, titles=tuple(titles))
        self.show = w.RadioButtons(options=[(t, k) for k, t in SHOW.items()], value="pseudonym",
                                   description="Show", layout=w.Layout(width="auto"))  # fmt: skip
        self.audience = w.RadioButtons(options=[(t, k) for k, t in AUDIENCES.items()],
                                       value="room", description="To")  # fmt: skip
        self.button = w.Button(description="Save my entry", button_style="primary")
        self.message = w.HTML()
        self.button.on_click(lambda _button: self.save())
        consent_text = w.HTML(f"<p><b>Consent.</b> {CONSENT_STATEMENT}</p>")
        self.box = w.VBox([self.participant, self.organisation, self.sector, self.year,
                           self.areas, consent_text, self.show, self.audience, self.button,
                           self.message])  # fmt: skip

    def values(self) -> dict:
        """The numbers typed in, blank fields left out; a decimal comma is read as a point."""
        typed = {key: field.value.strip() for key, field in self.fields.items()}
        numbers = {}
        for key, text in typed.items():
            if not text:
                continue
            try:
                numbers[key] = float(text.replace(" ", "").replace(",", "."))
            except ValueError:
                raise CourseInputError(f"{key}: {text!r} is not a number.") from None
        return numbers

    def save(self):
        """Check the entry and write it; the message under the button says what happened."""
        try:
            entry = make_entry(self.participant.value, self.organisation.value, self.values(),
                               sector=self.sector.value, year=self.year.value,
                               show=self.show.value, audience=self.audience.value)  # fmt: skip
        except CourseInputError as exc:
            self.message.value = f"<p style='color:#b00'>Not saved: {exc}</p>"
            return None
        path = write_entry(entry, self.folder)
        answered = len(entry["values"])
        self.message.value = (f"<p>Saved {answered} of {len(self.fields)} indicators in "
                              f"{path.name}. Your consent: show {entry['consent']['show']}, "
                              f"to {entry['consent']['audience']}.</p>")  # fmt: skip
        return path

    def _repr_mimebundle_(self, **kwargs):
        return self.box._repr_mimebundle_(**kwargs)


def entry_form(folder, *, year: int | None = None) -> RoomForm:
    """The form a participant fills in; :meth:`RoomForm.save` writes the entry into ``folder``.

    One text field per indicator of the course catalogue, grouped by the six areas, each with
    its unit, direction and where to find it (the pre-work sheet "my cluster in numbers");
    the consent choices (pseudonym and the room by default). The values are checked as the
    library checks them (``room.make_entry``) before anything is written.

    >>> import tempfile
    >>> form = entry_form(tempfile.mkdtemp(), year=2025)
    >>> form.participant.value, form.organisation.value = "Anna", "Food Cluster"
    >>> form.fields["sme_share"].value = "72,5"
    >>> form.save().suffix, form.values()
    ('.json', {'sme_share': 72.5})
    """
    return RoomForm(folder, year=year)
