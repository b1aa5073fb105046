"""Package weight on the wire: what a phone downloads before the first page shows.

Sizes are read from built zips, so they are what learners get. Gzip level 6 is what web servers
(nginx, Apache mod_deflate) use by default.
"""
from __future__ import annotations

import gzip
import zipfile
from dataclasses import dataclass
from pathlib import Path

PLAYER_FILES = ("player.js", "player.css")


@dataclass
class Weight:
    name: str
    raw: int
    gz: int


def weigh(name: str, data: bytes) -> Weight:
    return Weight(name, len(data), len(gzip.compress(data, 6, mtime=0)))


def player_weight(zip_path: Path) -> list[Weight]:
    """player.js, player.css and both together, as shipped in a package."""
    with zipfile.ZipFile(zip_path) as zf:
        parts = [weigh(n, zf.read(n)) for n in PLAYER_FILES]
        both = b"".join(zf.read(n) for n in PLAYER_FILES)
    return parts + [Weight(" + ".join(PLAYER_FILES), len(both), sum(p.gz for p in parts))]


def launch_page_weight(zip_paths: list[Path]) -> Weight:
    """The heaviest launch page (index.html, or an sco-*.html) among the zips."""
    heaviest = None
    for z in zip_paths:
        with zipfile.ZipFile(z) as zf:
            for n in zf.namelist():
                if n == "index.html" or (n.startswith("sco-") and n.endswith(".html")):
                    w = weigh(f"{z.name}:{n}", zf.read(n))
                    if heaviest is None or w.raw > heaviest.raw:
                        heaviest = w
    if heaviest is None:
        raise ValueError(f"no launch page in {', '.join(z.name for z in zip_paths)}")
    return heaviest
