"""Package paths for source files: safe ASCII, Swedish letters transliterated, no case clashes."""
from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def ascii_fold(text: str) -> str:
    """å ä ö → a a o, é → e: drop the accents Unicode can separate, then anything non-ASCII."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def safe_segment(segment: str) -> str:
    cleaned = _UNSAFE.sub("-", ascii_fold(segment)).strip("-")
    return cleaned or "file"


def safe_uri(posix_path: str) -> str:
    """`Bilder/Våld Former.PNG` → `Bilder/Vald-Former.PNG` (case kept: hrefs must match exactly)."""
    return "/".join(safe_segment(s) for s in posix_path.split("/") if s not in ("", "."))


def slug(text: str) -> str:
    """A lower-case ASCII identifier from a title: letters, digits and single dashes."""
    return re.sub(r"-{2,}", "-", _UNSAFE.sub("-", ascii_fold(text).lower())).strip("-.")
