"""Private: find the file, read its bytes (gunzipped), guess its encoding, split its lines.

Shared by both readers (``read_eurostat`` and ``read_table``): every error here names
the file and says what to do, and a file that is not UTF-8 is decoded with whichever
of cp1257, cp1252 and latin-1 gives letters that fit a Baltic or Nordic language best.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from course.checks import CourseInputError

#: Encodings tried when a file is not UTF-8: cp1257 (Windows Baltic), cp1252
#: (Windows Western: Nordic, German) and latin-1, which decodes any byte, so
#: reading never fails on encoding. The same byte is a different letter in each
#: (0xF8 is 'ų' in cp1257 but 'ø' in cp1252), so the order alone cannot decide:
#: _decode keeps the decoding whose letters look most like a real language.
_FALLBACK_ENCODINGS = ("cp1257", "cp1252", "latin-1")

#: Rough frequency (% of all letters) of the non-English letters of the
#: languages a course file is likely to be in (Wikipedia "Letter frequency" and
#: national corpora; rounded). A decoding that turns Danish 'ø' into 'ų' gives
#: text made of rare Lithuanian letters only, which scores lower than Danish.
_LETTER_FREQUENCY = {
    "lv": {"ā": 4.6, "ē": 1.9, "ī": 1.7, "ū": 0.5, "š": 1.2, "ž": 0.6, "č": 0.3, "ķ": 0.2,
           "ļ": 0.4, "ņ": 0.4, "ģ": 0.1},
    "lt": {"ą": 0.6, "č": 0.4, "ę": 0.2, "ė": 1.6, "į": 0.6, "š": 1.3, "ų": 1.1, "ū": 0.5,
           "ž": 0.8},
    "et": {"ä": 1.7, "õ": 1.0, "ö": 0.3, "ü": 0.7, "š": 0.02, "ž": 0.01},
    "fi": {"ä": 3.6, "ö": 0.4, "å": 0.01},
    "sv": {"å": 1.3, "ä": 1.8, "ö": 1.3, "é": 0.05},
    "da": {"æ": 0.9, "ø": 0.9, "å": 1.2, "é": 0.05},
    "de": {"ä": 0.6, "ö": 0.4, "ü": 1.0, "ß": 0.3},
}  # fmt: skip
_FOREIGN_LETTER = 0.001  # a letter of none of these languages (ð, þ, î ...): unlikely
_CONTROL_CHARACTER = 1e-6  # bytes 0x80-0x9F read as latin-1 controls: almost never meant


def _existing_file(path: str | Path, where: str) -> Path:
    """Return ``path`` as a Path, or raise a message that shows what IS there."""
    file = Path(path)
    if file.is_file():
        return file
    folder = file.parent
    if file.is_dir():
        raise CourseInputError(
            f"{where}: {str(file)!r} is a folder, not a file. "
            f"Files in it: {_folder_listing(file)}. Add the file name to the path."
        )
    if folder.is_dir():
        raise CourseInputError(
            f"{where}: no file {str(file)!r}. Check the spelling and the folder "
            f"(paths are relative to {str(Path.cwd())!r}). "
            f"Files in {str(folder)!r}: {_folder_listing(folder)}."
        )
    raise CourseInputError(
        f"{where}: no file {str(file)!r}: the folder {str(folder)!r} does not exist either. "
        f"Check the path (relative paths start in {str(Path.cwd())!r}, which holds: "
        f"{_folder_listing(Path.cwd())})."
    )


def _folder_listing(folder: Path, limit: int = 12) -> str:
    names = sorted(p.name + ("/" if p.is_dir() else "") for p in folder.iterdir())
    if not names:
        return "(none, the folder is empty)"
    more = f", ... ({len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(repr(n) for n in names[:limit]) + more


def _read_bytes(file: Path, where: str) -> bytes:
    """Read the file's bytes, unzipping gzip (recognised by its first bytes, not its name)."""
    data = file.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as error:
            raise CourseInputError(
                f"{where}: {file.name!r} is a damaged or incomplete .gz file ({error}). "
                "The download was probably cut off: download it again."
            ) from None
    if not data.strip():
        raise CourseInputError(
            f"{where}: {file.name!r} is empty. Download or export it again, "
            "and check that the download finished."
        )
    return data


def _decode(data: bytes, file: Path, where: str) -> tuple[str, str]:
    """Return (text, encoding name): UTF-16/UTF-8 by their marks, else the best-fitting fallback."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel "Unicode text" is UTF-16
        return data.decode("utf-16"), "utf-16"
    _refuse_binary(data, file, where)
    try:
        return data.decode("utf-8-sig"), "utf-8"  # utf-8-sig also drops a BOM
    except UnicodeDecodeError:
        pass
    decoded = {}
    for encoding in _FALLBACK_ENCODINGS:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:  # cp1257/cp1252 leave a few bytes undefined
            continue
    # max keeps the first of equal scores: Swedish 'å ä ö' is the same in all three
    best = max(decoded, key=lambda encoding: _language_score(decoded[encoding]))
    return decoded[best], best


def _language_score(text: str) -> float:
    """How likely the non-ASCII letters of ``text`` are, in the best-fitting language.

    Sum of log letter frequencies (see _LETTER_FREQUENCY); letters of no listed
    language and control characters count as very unlikely. Counting distinct
    characters (Counter) keeps this fast on big files.
    """
    counts = Counter(re.findall(r"[^\x00-\x7f]", text))
    if not counts:
        return 0.0
    scores = []
    for frequency in _LETTER_FREQUENCY.values():  # a loop over 7 languages
        score = 0.0
        for char, n in counts.items():
            if unicodedata.category(char) == "Cc":
                score += n * math.log(_CONTROL_CHARACTER)
            elif char.isalpha():
                score += n * math.log(frequency.get(char.lower(), _FOREIGN_LETTER))
            # other symbols (€, –, °) are the same kind of thing in every encoding
        scores.append(score)
    return max(scores)


def _refuse_binary(data: bytes, file: Path, where: str) -> None:
    """A text file has no NUL bytes: say what the file probably is instead."""
    if b"\x00" not in data[:65536]:
        return
    if data[:4] == b"PK\x03\x04":
        what = "a zipped file, probably an Excel workbook: rename it to .xlsx, or export CSV again"
    else:
        what = "not a text file: export the table again as CSV (or save it as .xlsx)"
    raise CourseInputError(f"{where}: {file.name!r} holds binary data, {what}.")


def _lines(text: str) -> pd.Series:
    """The file's lines as a Series indexed by line number (1 = first line)."""
    lines = pd.Series(text.split("\n"), dtype="str").str.rstrip("\r")
    lines.index = np.arange(1, len(lines) + 1)
    return lines


def _check_cell_counts(
    lines: pd.Series, sep: str, expected: int, file: Path, where: str, *, quoted: bool
) -> None:
    """Raise on the first non-blank line whose number of cells differs from the header's."""
    body = lines.iloc[1:]
    body = body[body.str.strip() != ""]
    if quoted:  # a separator inside "quoted text" does not start a new cell
        body = body.str.replace(r'"(?:[^"]|"")*"', "", regex=True)
    counts = body.str.count(re.escape(sep)) + 1
    wrong = counts[counts != expected]
    if wrong.empty:
        return
    line, found = int(wrong.index[0]), int(wrong.iloc[0])
    last = " (the last line)" if line == int(body.index[-1]) else ""
    raise CourseInputError(
        f"{where}: line {line}{last} of {file.name!r} has {found} cells where the header has "
        f"{expected}. The file may be truncated or damaged: download or export it again "
        "(and do not edit it in a text editor)."
    )
