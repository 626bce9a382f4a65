"""Industry analysis and member segmentation: size classes, NACE, composition, segments, forces.

Module 2 of the course uses these functions to answer a cluster manager's questions about the
members: *which industries are they in, how big are they (and who counts as an SME), where do
they sit in the value chain, who exports, which groups of members need which services, and what
pressures does our industry face?* The functions live in one file per topic; import them from
here: ``segmentation.sme_class``.

- ``sizes``: :func:`sme_class` (the EU SME definition, Recommendation 2003/361/EC) and
  :func:`size_band` (Eurostat's statistical size bands by persons employed);
- ``nace``: :func:`nace_labels`, :func:`validate_nace`, :func:`roll_up_to_sections` over the
  course's NACE **Rev. 2** table (not Rev. 2.1: never mix the revisions);
- ``members``: :func:`member_composition` by helix type, size class, value-chain stage or
  :func:`export_band`; :func:`helix_coverage` (triple / quadruple helix);
  :func:`member_concentration` (the market HHI of ``economics.market_hhi`` among the
  companies) and :func:`service_uptake`;
- ``segments``: :func:`segment_members` (standardised features, k-means or Ward, k chosen by
  silhouette) and :func:`segment_profile`;
- ``forces``: :func:`five_forces` and :func:`attractiveness` on a scorecard from
  :func:`five_forces_scorecard` (the scoring is a course convention).

The conventions of ``course.economics`` hold here too: tidy tables in, NEW tables out (rows
in their order, result columns added, unless the function summarises); column names with
defaults that match the course table ``cluster_members`` (``member_id``, ``member_type``,
``employees``, ``turnover_eur``, ``balance_sheet_eur``, ``export_share``,
``value_chain_stage``, ``services_used``); missing is not zero (a member without turnover gets
no SME class and no segment, and a warning names it); repeated members are refused.
:func:`segment_members` returns a small result object (members, profile, scores) because a
segmentation has three tables that belong together.
"""

from course.segmentation.forces import (
    FORCES,
    attractiveness,
    five_forces,
    five_forces_scorecard,
)
from course.segmentation.members import (
    EXPORT_BANDS,
    HELIX,
    MEMBER_TYPES,
    export_band,
    helix_coverage,
    helix_sphere,
    member_composition,
    member_concentration,
    service_uptake,
)
from course.segmentation.nace import (
    NACE_REVISION,
    nace_labels,
    nace_table,
    roll_up_to_sections,
    validate_nace,
)
from course.segmentation.segments import Segmentation, segment_members, segment_profile
from course.segmentation.sizes import SIZE_BANDS, SIZE_CLASSES, SME_CEILINGS, size_band, sme_class

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
    "FORCES",
]
