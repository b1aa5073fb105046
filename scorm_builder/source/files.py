"""Package paths and ids for source files: safe ASCII, Swedish (and Nordic) letters transliterated."""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


# Letters Unicode does not decompose into a base letter and an accent; without these, "Søknad"
# would lose its ø and become "Sknad".
_LETTERS = str.maketrans({"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ß": "ss",
                          "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH"})


def ascii_fold(text: str) -> str:
    """å ä ö → a a o, é → e, ø → o, æ → ae: letters to their ASCII base, then anything else dropped."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text).translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def safe_segment(segment: str) -> str:
    cleaned = _UNSAFE.sub("-", ascii_fold(segment)).strip("-")
    return cleaned or "file"


def safe_uri(posix_path: str) -> str:
    """`Bilder/Våld Former.PNG` → `Bilder/Vald-Former.PNG` (case kept: hrefs must match exactly)."""
    return "/".join(safe_segment(s) for s in posix_path.split("/") if s not in ("", "."))


def slug(text: str) -> str:
    """The one slug: a lower-case ASCII identifier from a name or a text (lesson ids, question
    ids, course ids): letters a-z, digits and single dashes."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


def display_path(path: Path) -> str:
    """A path as the author typed it: relative to the working folder when below it."""
    rel = os.path.relpath(path)
    return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()
