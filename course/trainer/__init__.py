"""What a trainer prepares a workshop with: the lessons' timings, agendas, slides, certificates.

- :mod:`course.trainer.timings`: each lesson's minutes, read from its front matter (``timings:``),
  the one place they are written;
- :mod:`course.trainer.schedule`: the half-day, one-day, two-day and six-week agendas built from
  those minutes (``course schedule``);
- :mod:`course.trainer.slides`: a reveal.js deck per lesson that works with no network
  (``course slides``);
- :mod:`course.trainer.certificates`: a record of completion per participant of the six-week
  programme, from ``course grade``'s grades (``course certificates``).
"""

# what `course schedule` offers; here so that the command line loads nothing else to list them
ENGAGEMENTS = ("half-day", "one-day", "two-day", "six-week")
DEFAULT_PARTICIPANTS = 12
