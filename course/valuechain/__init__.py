"""Value chain analysis: input-output tables, linkages, cross-industry links, value-chain maps
and global value chain participation.

Module 3 of the course uses these functions to answer a cluster manager's questions about the
cluster's place in a value system: *which industries supply and buy from ours, how far does
a euro of demand for our products travel through the economy, which stages of our chain are
missing in the region, and how deep are we in global value chains?* One private file per
topic (``_io``: tables, coefficients, inverses and multipliers; ``_linkages``: linkage indices,
suppliers and buyers; ``_chain``: value-chain maps; ``_gvc``: global value chains), as
scikit-learn does; import the functions from here: ``valuechain.leontief_inverse``.

Conventions shared by the input-output functions:

- **Labelled in, labelled out.** Matrices are square DataFrames with the sector labels as index
  and columns (``Z``, ``A``, ``L``, ``G``), vectors are Series with the same labels (``x``, a
  satellite account). Results keep the labels; never a bare array. Tables of results (one row
  per sector) have the labels in a column ``industry`` (or ``region`` and ``sector`` for a
  pymrio multi-region system). :func:`io_accounts` splits the course table ``io_table`` into
  these parts.
- **Checked.** A matrix that is not square, labels that differ between ``Z`` and ``x``, a
  missing (NaN) flow, a sector without a label, negative output, a sector with zero output
  that still buys or sells, a transactions table ``Z`` passed where ``A`` is expected, and a
  singular ``I - A`` are refused with a message that says how to fix the table.
- **Nothing left out silently.** A total row and column (``TOTAL``, ``WORLD``, a country beside
  its regions) is refused, or left out with a warning when you pass ``drop_aggregates=True``;
  a sector with no output, sales or purchases is left out with an :class:`EmptySectorWarning`
  (kept, it would count in every average of ``L``). The result's ``attrs["left_out"]`` names
  each sector left out and why.
- **Unreliable results are flagged.** A nearly singular ``I - A``, whose condition number
  (``numpy.linalg.cond(I - A, numpy.inf)``) is above :data:`CONDITION_LIMIT` (10,000, a
  course convention), warns with an :class:`IllConditionedWarning`: a sector then buys almost
  all of its own output. An employment row far from what the output needs warns with the
  likely unit slip (persons given for thousand persons).
- **Solved, never inverted.** Inverses are LU solves, so the same code scales from the
  course's 18 industries to a multi-region table with thousands of sectors (see
  ``tests/benchmarks/bench_valuechain.py``).
"""

from course.valuechain._chain import (
    CHAINS,
    CLUSTER_CHAINS,
    value_chain_gaps,
    value_chain_graph,
    value_chain_map,
    value_chain_stages,
)
from course.valuechain._gvc import baltic_mrio, gvc_participation, value_added_in_exports
from course.valuechain._io import (
    IOAccounts,
    allocation_coefficients,
    ghosh_inverse,
    io_accounts,
    leontief_inverse,
    multipliers,
    output_multipliers,
    satellite_multipliers,
    technical_coefficients,
)
from course.valuechain._linkages import IndustryLinks, buyers, industry_links, linkages, suppliers
from course.valuechain._matrices import CONDITION_LIMIT, EmptySectorWarning, IllConditionedWarning

__all__ = [
    "IOAccounts",
    "io_accounts",
    "technical_coefficients",
    "allocation_coefficients",
    "leontief_inverse",
    "ghosh_inverse",
    "output_multipliers",
    "satellite_multipliers",
    "multipliers",
    "linkages",
    "suppliers",
    "buyers",
    "IndustryLinks",
    "industry_links",
    "value_chain_stages",
    "value_chain_map",
    "value_chain_gaps",
    "value_chain_graph",
    "CHAINS",
    "CLUSTER_CHAINS",
    "baltic_mrio",
    "value_added_in_exports",
    "gvc_participation",
    "CONDITION_LIMIT",
    "EmptySectorWarning",
    "IllConditionedWarning",
]
