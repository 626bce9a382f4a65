"""Cluster economics: specialisation, concentration, change, cluster ratings and relatedness.

Module 1 of the course uses these functions to answer a cluster manager's first questions:
*is our region specialised in our industry, is it growing faster than elsewhere, and is our
cluster one of the strong ones in Europe?* The functions live in one private file per topic
(``_specialisation``, ``_concentration``, ``_change``, ``_ratings``, ``_relatedness``,
``_profiles``, with the shared checks in ``_panel``), as in scikit-learn's subpackages, so that
tab completion on ``economics.`` lists the functions only; use them from here:
``economics.location_quotient``.

Conventions shared by every function (read once, they hold everywhere):

- **Tidy in, tidy out.** Input is a long table with one row per region x industry (x year).
  Functions return a NEW table; the input is never changed. Functions that add a measure to
  each row keep the rows in their order; functions that summarise (one row per region, per
  pair, per cell) list the groups in the order they first appear in the input.
- **One vocabulary.** ``region``, ``industry`` (a NACE column) or ``category`` (a cluster
  category), ``value`` (the measure, default ``"employment"``), ``year`` and ``by`` (extra
  grouping columns) name the columns; the defaults match the course datasets.
- **Reference area = all regions in the table** (within each ``by`` group, e.g. each year).
  Filter the table first if the reference should be smaller (one country), and never put a
  region in a table together with its own parts: a NUTS 2 region and its NUTS 3 parts would
  be counted twice (the functions refuse it, see below). (The course table mixes levels by
  country, NUTS 3 in the Baltic states and NUTS 2 in the Nordic ones, but its regions do
  not overlap: that is fine.)
- **One period at a time.** If the table has several values in ``year``, ``time`` or
  ``TIME_PERIOD``, pass ``by="year"`` (one result per year) or filter one year; otherwise the
  functions refuse. Years stored as text are converted.
- **Missing is not zero.** A NaN value is unknown. A region with a missing cell has an
  unknown total: its results are NaN and it is left out of the reference area; shift-share
  leaves a cell missing in any year out of the totals of every year. A warning names the
  cells. A region x industry pair without a row counts as 0 employment in the cross-section
  measures (tidy tables often drop empty cells), and as unknown in growth and shift-share.
  Divisions by zero give NaN, never ``inf``.
- **No double counting.** Two rows for the same cell are refused, with a message that says
  which column tells them apart. A total row beside its parts is refused too: ``TOTAL``,
  ``EU27_2020``, a country beside its own regions (``LV`` beside ``LV003``), a NACE section
  beside its divisions (``C`` beside ``C10``) or a range (``B-E``), as real Eurostat files
  hold them; ``drop_aggregates=True`` leaves them out, with a warning that lists them.
- **No row lost.** A blank region, industry or ``by`` key (empty, spaces, NaN) is refused
  with its rows named; ``blank_keys="unknown"`` keeps those rows as their own group
  ``"(unknown)"``, so that every job stays in the totals.
"""

from course.economics._change import growth, shift_share
from course.economics._concentration import entropy, hhi, market_hhi
from course.economics._profiles import region_profile
from course.economics._ratings import aggregate_to_categories, cluster_strength, star_rating
from course.economics._relatedness import presence, proximity, relatedness_density
from course.economics._specialisation import (
    hoover_index,
    krugman_index,
    location_quotient,
    regional_focus,
)

__all__ = [
    "location_quotient",
    "regional_focus",
    "hoover_index",
    "krugman_index",
    "hhi",
    "market_hhi",
    "entropy",
    "growth",
    "shift_share",
    "star_rating",
    "aggregate_to_categories",
    "cluster_strength",
    "presence",
    "proximity",
    "relatedness_density",
    "region_profile",
]
