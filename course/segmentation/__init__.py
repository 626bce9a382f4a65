"""Industry analysis and member segmentation: size classes, NACE, composition, segments, forces.

Module 2 of the course uses these functions to answer a cluster manager's questions about the
members: *which industries are they in, how big are they (and who counts as an SME), where do
they sit in the value chain, who exports, which groups of members need which services, and what
pressures does our industry face?* The functions live in one private file per topic (as in
scikit-learn's subpackages); use them from here: ``segmentation.sme_class``.

- ``_sizes``: :func:`sme_class` (the EU SME definition, Recommendation 2003/361/EC) and
  :func:`size_band` (Eurostat's statistical size bands by persons employed);
- ``_nace``: :func:`nace_labels`, :func:`validate_nace`, :func:`roll_up_to_sections` over the
  course's NACE **Rev. 2** table (not Rev. 2.1: never mix the revisions);
- ``_members``: :func:`member_composition` by helix type, size class, value-chain stage or
  :func:`export_band`; :func:`helix_coverage` (triple / quadruple helix);
  :func:`member_concentration` (the market HHI of ``economics.market_hhi`` among the
  companies) and :func:`service_uptake`;
- ``_segments``: :func:`segment_members` (standardised features, k-means or Ward, k chosen by
  silhouette) and :func:`segment_profile`;
- ``_forces``: :func:`five_forces` and :func:`attractiveness` on a scorecard from
  :func:`five_forces_scorecard` (the scoring is a course convention).

The conventions of ``course.economics`` hold here too: tidy tables in, NEW tables out (rows
in their order, result columns added, unless the function summarises); column names with
defaults that match the course table ``cluster_members`` (``member_id``, ``member_type``,
``employees``, ``turnover_eur``, ``balance_sheet_eur``, ``export_share``,
``value_chain_stage``, ``services_used``); options by name after the table.
:func:`segment_members` returns a small result object (members, profile, scores) because a
segmentation has three tables that belong together: pass ``result.members`` or
``result.profile`` on, as the message says if you pass the result itself.

**On your own member register** every function that counts, sums or averages members checks
the table the same way first (``_register.member_register``), so that no member is lost or
invented:

- **unknown is not zero**: a count lists the members whose category is unknown as the
  category ``"(unknown)"`` (shares still add up to 1); a sum with an unknown part is NaN; an
  average, median or share of the members' values is over the known values. Where members
  are left out, or make a sum NaN, a warning names them. A member without turnover gets no
  SME class (unless one known figure decides it) and no segment.
- **blank keys**: a member without its ``by`` group (a cluster, a region) is counted in the
  group ``"(unknown)"``, with a warning; a blank ``member_id`` is refused.
- **totals**: a "TOTAL" or "All" line in the id or a grouping column is refused, or left out
  with ``drop_aggregates=True``; :func:`roll_up_to_sections` also refuses a section beside
  its divisions and a country beside its regions.
- **the same member twice**: a repeated id is refused; two ids with the same name (case,
  punctuation and legal form such as SIA, AS, ApS, OÜ aside) get a warning naming both.
- **units**: a headcount or money value 1,000 times off the others (EUR thousand typed for
  EUR, thousands for persons) gets a warning naming the member; it is used as given.
"""

from course.segmentation._forces import (
    FORCES,
    SCORECARD_COLUMNS,
    attractiveness,
    five_forces,
    five_forces_scorecard,
)
from course.segmentation._members import (
    EXPORT_BANDS,
    HELIX,
    MEMBER_TYPES,
    SERVICES,
    VALUE_CHAIN_STAGES,
    export_band,
    helix_coverage,
    helix_sphere,
    member_composition,
    member_concentration,
    service_uptake,
)
from course.segmentation._nace import (
    NACE_REVISION,
    nace_labels,
    nace_table,
    roll_up_to_sections,
    validate_nace,
)
from course.segmentation._segments import (
    SIZE_FEATURES,
    Segmentation,
    segment_members,
    segment_profile,
)
from course.segmentation._sizes import SIZE_BANDS, SIZE_CLASSES, SME_CEILINGS, size_band, sme_class

__all__ = [
    "sme_class",
    "size_band",
    "nace_table",
    "validate_nace",
    "nace_labels",
    "roll_up_to_sections",
    "export_band",
    "helix_sphere",
    "member_composition",
    "helix_coverage",
    "member_concentration",
    "service_uptake",
    "segment_members",
    "segment_profile",
    "Segmentation",
    "five_forces_scorecard",
    "five_forces",
    "attractiveness",
    "SME_CEILINGS",
    "SIZE_CLASSES",
    "SIZE_BANDS",
    "NACE_REVISION",
    "MEMBER_TYPES",
    "HELIX",
    "EXPORT_BANDS",
    "VALUE_CHAIN_STAGES",
    "SERVICES",
    "SIZE_FEATURES",
    "FORCES",
    "SCORECARD_COLUMNS",
]
