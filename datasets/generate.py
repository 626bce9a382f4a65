"""Generate the course datasets: synthetic, seeded, and calibrated to published figures.

Every CSV file in this folder and ``datapackage.json`` are written by this script, with the
package ``generator/`` next to it. A learner or a trainer can read it to see exactly how the
data were made: each dataset has its own module there (``generator/cluster_members.py`` ...),
and every calibration target is a named constant with its source in ``generator/reference/``.

What is real and what is made up:

* Region codes and names are the real NUTS 2021 regions of six countries; NACE Rev. 2 codes and
  titles are the official ones.
* Employment is SYNTHETIC but calibrated: for a few country x industry cells the 2015 national total
  equals the published Eurostat structural business statistics figure (``CALIBRATION_2015``); all
  other numbers follow plausible orders of magnitude, and some "stories" are planted on purpose so
  that the lessons can discover them (``REGIONAL_STORIES``).
* Cluster organisations, their members, the benchmarking peers and the input-output economy are
  FICTIONAL.

The output is deterministic: the same seed gives byte-identical files on every run.

Run it with ``python datasets/generate.py`` (writes next to this script) or
``python datasets/generate.py --out some/folder``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# `python datasets/generate.py` puts this folder on the path itself; a test that loads this file
# by its path does not, so make sure the package next to it is found either way.
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from generator import generate  # noqa: E402

__all__ = ["generate", "main"]


def main(argv: list[str] | None = None) -> None:
    """Write the datasets into ``--out`` (default: this folder) and list the files written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
