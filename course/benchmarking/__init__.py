"""Benchmarking and internationalisation of cluster organisations (module 4).

A cluster manager's questions: *how does our organisation compare with its peers, where
should we improve, how close are we to the next ESCA label, and how international are our
members?* The functions live in one private file per topic (``_catalogue``, ``_ranks``,
``_gaps``, ``_readiness``, ``_peers``, ``_kpis``, ``_international``, as scikit-learn's
subpackages do); use them from here: ``benchmarking.percentile_ranks``. Every option is a
keyword after the table (``peers="sector"``, ``n=5``).

Conventions shared by every function:

- **Tidy in, tidy out.** Input is a long table with one row per organisation x indicator
  (x round), as the course table ``benchmarking``; the column names ``organisation``,
  ``indicator`` and ``value`` are the defaults. Functions return a new table; the input is
  never changed and keeps its row order where rows are only added to.
- **A course catalogue, not the ESCA questionnaire.** The 36 indicators of the course table
  ``benchmark_indicators`` are modelled on the six ESCA areas; each has a direction (is a
  higher or a lower value better?). Pass ``catalogue=`` (or ``direction=``) for your own.
- **100 is best.** Percentiles and area scores run from 0 to 100 in the better direction,
  so a low staff turnover ranks high. See :func:`percentile_ranks` for the exact definition.
- **Peers.** ``peers="sector"`` (or ``["sector", "size_band"]``) compares each
  organisation with those that share its values; :func:`peer_bands` adds size and age bands.
  Small peer groups give coarse percentiles: ``peer_count`` says how many answered. Every
  peer statistic (percentile, gap, area score, improvement rank, label estimate, learning
  partner) needs at least ``MIN_PEERS`` = 3 organisations with a value (a course
  convention): below that it is NA, with a warning. No one is compared with themselves.
- **Own data.** A blank organisation, indicator or peer group is refused; in the trade
  functions, which add up, a blank key is kept as ``"(unknown)"`` with a warning, and total
  rows (``WORLD``, ``EU27``) are refused unless ``drop_aggregates=True``. A value far outside
  the others of its indicator (a fraction for a percentage, EUR for EUR thousand) is named
  in a warning.
- **One round at a time**, unless the function compares rounds (``improvement``,
  ``area_improvement``, ``label_readiness``, ``kpi_table``): filter one year first, or pass
  ``by="year"``.
- **Missing is not zero.** An unanswered indicator is unknown: it gets no percentile and is
  left out of its peer group, never ranked as the worst.
- **Estimates, not labels.** :func:`label_readiness` is a course estimate of how close an
  organisation is to Bronze, Silver and Gold, not an ESCA assessment.
"""

from course.benchmarking._catalogue import AREAS, indicator_catalogue
from course.benchmarking._gaps import area_improvement, area_scores, improvement, peer_gaps
from course.benchmarking._international import (
    export_destinations,
    export_growth,
    export_intensity,
    internationalisation_profile,
    partner_concentration,
)
from course.benchmarking._kpis import kpi_status, kpi_table
from course.benchmarking._peers import learning_partners
from course.benchmarking._ranks import peer_bands, percentile_ranks
from course.benchmarking._readiness import ECCP_MINIMUMS, label_readiness

__all__ = [
    "AREAS",
    "ECCP_MINIMUMS",
    "indicator_catalogue",
    "percentile_ranks",
    "peer_bands",
    "peer_gaps",
    "area_scores",
    "improvement",
    "area_improvement",
    "label_readiness",
    "learning_partners",
    "kpi_status",
    "kpi_table",
    "export_intensity",
    "export_growth",
    "export_destinations",
    "partner_concentration",
    "internationalisation_profile",
]
