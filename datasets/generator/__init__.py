"""The generator of the course datasets: one module per dataset, the reference lists apart.

Run it with ``python datasets/generate.py`` (what ``make datasets`` runs). The package is laid
out so that a learner or a trainer can find how any one table was made:

- ``reference/``: the fixed lists and recipes, every calibration target a named constant with
  its source: ``regions`` (countries and NUTS 2021 regions), ``nace_rev2`` (NACE Rev. 2 codes
  and titles), ``categories`` (the course's cluster categories), ``employment_recipe``,
  ``clusters`` (the five fictional clusters), ``partners`` (trade partners), ``io_recipe`` and
  ``indicators`` (the indicator catalogue and the benchmarking peers). Lists the course library
  already holds (ESCA's areas, member types, value-chain stages, services, the SME ceilings)
  are imported from ``course``, never typed twice.
- one module per table: ``regional_employment``, ``nace``, ``cluster_categories``,
  ``cluster_members``, ``trade``, ``io_table``, ``benchmark_indicators``, ``benchmarking``;
  each has one public function of the table's name that returns it as a DataFrame.
- ``schema``: the Table Schema of every table, written to ``datapackage.json``;
  ``streams``: the seed and the random stream of each dataset.

:func:`generate` writes them all. The output is deterministic: the same seed gives
byte-identical files on every run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .benchmark_indicators import benchmark_indicators
from .benchmarking import benchmarking
from .cluster_categories import cluster_categories
from .cluster_members import cluster_members
from .io_table import io_table
from .nace import nace
from .reference.indicators import N_PEERS
from .regional_employment import regional_employment
from .schema import datapackage
from .trade import trade

__all__ = ["generate"]

# How the numbers of two tables are written (the others need no rounding on the way out).
FLOAT_FORMAT = {"io_table": "%.1f", "benchmarking": "%.10g"}


def _tables() -> dict[str, pd.DataFrame]:
    """Every course table, in the order of datapackage.json."""
    members = cluster_members()
    return {
        "regional_employment": regional_employment(),
        "nace": nace(),
        "cluster_categories": cluster_categories(),
        "cluster_members": members,
        "io_table": io_table(),
        "benchmark_indicators": benchmark_indicators(),
        "benchmarking": benchmarking(members),
        "trade": trade(members),
    }


def _descriptions(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """The descriptions that state a count of the data themselves (the others are fixed)."""
    missing = int(tables["benchmarking"]["value"].isna().sum())
    return {
        "benchmarking": (
            f"FICTIONAL benchmarking answers of {N_PEERS} anonymous peer cluster organisations "
            "and the five course clusters on the 36 course indicators (course indicator "
            "catalogue modelled on the six ESCA areas; not the ESCA questionnaire). Round 1 in "
            "2021, round 2 in 2023 (all course clusters, about 60 % of the peers). "
            f"{missing} values are missing (peers that did not answer), stored as empty cells. "
            "Structure indicators of the course clusters are computed from cluster_members."
        )
    }


def _write_csv(table: pd.DataFrame, path: Path, float_format: str | None) -> bytes:
    """Write ``table`` as UTF-8 CSV with Unix line ends; return the bytes written."""
    # Render in memory first: datapackage.json records the size and hash of exactly these bytes.
    text = table.to_csv(index=False, lineterminator="\n", float_format=float_format)
    content = text.encode("utf-8")
    path.write_bytes(content)
    return content


def generate(out_dir: Path) -> list[Path]:
    """Write every course dataset and datapackage.json into ``out_dir``; return the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = _tables()
    paths, contents = [], {}
    for name, table in tables.items():
        path = out_dir / f"{name}.csv"
        contents[name] = _write_csv(table, path, FLOAT_FORMAT.get(name))
        paths.append(path)
    package = out_dir / "datapackage.json"
    descriptor = datapackage(_descriptions(tables), contents)
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    package.write_text(text, encoding="utf-8", newline="\n")
    paths.append(package)
    return paths
