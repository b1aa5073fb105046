"""Paths in pages: local files become package paths (and are recorded for the package), web
links open in a new tab, and anything that would load from outside the package is refused.
Raw HTML is checked by sanitize.py."""
from __future__ import annotations

import difflib
import xml.etree.ElementTree as etree
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown.treeprocessors import Treeprocessor

from scorm_builder.source.asset_files import is_webvtt, svg_findings, type_allowed
from scorm_builder.source.files import display_path, safe_uri
from scorm_builder.source.reading import kind_problem, resolved

LOADED = {"img": "src", "video": "src", "audio": "src", "track": "src", "source": "src"}
SAFE_SCHEMES = {"mailto", "tel"}
LARGE_IMAGE_KB = 500   # learners on slow municipal networks wait for every image on a page


def where(sb, text: str) -> tuple[int | None, int | None]:
    """(line, column) of the first source line holding `text`: the column points at the path itself."""
    line = sb.line_of_text(text)
    if line is None:
        return None, None
    return line, sb.locator.lines[line - 1 - sb.locator.offset].find(text) + 1


def is_external(url: str) -> bool:
    return url.startswith("//") or urlsplit(url).scheme.lower() in ("http", "https", "ftp")


class AssetTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        sb = self.md.sb
        for el in root.iter():
            if el.tag in LOADED and el.get("src") is not None:
                self._loaded(el, sb)
            elif el.tag == "a" and el.get("href") is not None:
                self._link(el, sb)
            if el.tag == "img":
                self._alt(el, sb)

    def _loaded(self, el, sb) -> None:
        src = el.get("src")
        at = where(sb, src)
        if is_external(src):
            sb.reporter.error("asset.external", sb.path, *at, url=src, tag=el.tag)
        elif urlsplit(src).scheme:
            if urlsplit(src).scheme.lower() != "data":
                sb.reporter.error("asset.scheme", sb.path, *at, url=src)
        else:
            uri = self._local(src, at, sb)
            if uri:
                el.set("src", uri)
                if el.tag == "img":
                    self._size(src, at, sb)

    def _link(self, el, sb) -> None:
        href = el.get("href")
        parts = urlsplit(href)
        if is_external(href):
            el.set("target", "_blank")
            el.set("rel", "noopener noreferrer")
        elif parts.scheme:
            if parts.scheme.lower() not in SAFE_SCHEMES:
                sb.reporter.error("asset.scheme", sb.path, *where(sb, href), url=href)
        elif parts.path:
            at = where(sb, href)
            if parts.path.endswith(".md"):
                stem = Path(unquote(parts.path)).stem
                guess = difflib.get_close_matches(stem, list(sb.lesson_ids), n=1)
                if stem in sb.lesson_ids:
                    el.set("href", f"#p-{sb.lesson_ids[stem]}-1")
                elif guess:
                    sb.reporter.error("link.unknown_lesson_guess", sb.path, *at, target=parts.path, guess=guess[0])
                else:
                    sb.reporter.error("link.unknown_lesson", sb.path, *at, target=parts.path)
                return
            uri = self._local(href, at, sb)
            if uri:
                el.set("href", uri)
                el.set("download", "")
                el.set("class", (el.get("class", "") + " sb-download").strip())

    def _local(self, ref: str, at: tuple, sb) -> str | None:
        rel = unquote(urlsplit(ref).path)
        sb.touched.add(sb.abs_path.parent / rel)   # what it finds there is part of the conversion
        target = resolved(sb.abs_path.parent / rel)
        root = sb.course_root.resolve()
        if target is None:
            sb.reporter.error("source.link_loop", sb.path, *at, path=rel)
            return None
        if not target.is_relative_to(root):
            sb.reporter.error("asset.outside", sb.path, *at, path=rel)
            return None
        problem = kind_problem(target, root)   # a folder or a pipe says so, instead of "does not exist"
        if problem:
            sb.reporter.error(problem[0], sb.path, *at, path=rel, **problem[1])
            return None
        if not target.is_file():
            siblings = [p.name for p in target.parent.iterdir()] if target.parent.is_dir() else []
            guess = difflib.get_close_matches(target.name, siblings, n=1)
            if guess:
                sb.reporter.error("asset.missing_guess", sb.path, *at, path=rel, guess=guess[0])
            else:
                sb.reporter.error("asset.missing", sb.path, *at, path=rel)
            return None
        if not self._carriable(target, rel, at, sb):
            return None
        inside = target.relative_to(root)
        if inside.parts[0] == "assets":
            inside = inside.relative_to("assets")
        uri = "assets/" + safe_uri(inside.as_posix())
        sb.assets[target] = uri
        return uri

    def _carriable(self, target: Path, rel: str, at: tuple, sb) -> bool:
        """Only files no browser would run go into a package (asset_files.py)."""
        if not type_allowed(target):
            sb.reporter.error("asset.type", sb.path, *at, path=rel, suffix=target.suffix.lower() or rel)
            return False
        if target.suffix.lower() == ".svg":
            found = svg_findings(target)
            for code, line, params in found:
                sb.reporter.error(code, display_path(target), line, **params)
            return not found
        if target.suffix.lower() == ".vtt" and not is_webvtt(target):   # an .srt renamed: browsers show nothing
            sb.reporter.error("media.captions_not_vtt", sb.path, *at, path=rel)
            return False
        return True

    def _size(self, src: str, at: tuple, sb) -> None:
        rel = unquote(urlsplit(src).path)
        size_kb = round((sb.abs_path.parent / rel).stat().st_size / 1024)
        if size_kb > LARGE_IMAGE_KB:
            sb.reporter.warning("image.large", sb.path, *at, path=rel, size=size_kb, limit=LARGE_IMAGE_KB)

    def _alt(self, el, sb) -> None:
        decorative = "decorative" in (el.get("class") or "").split()
        if decorative:
            el.set("alt", "")
        elif not (el.get("alt") or "").strip():
            line, col = where(sb, el.get("src") or "![")
            if col is not None:   # point at the image's `![`, where the alt text goes
                text = sb.locator.lines[line - 1 - sb.locator.offset]
                col = text.rfind("![", 0, col) + 1 or col
            sb.reporter.error("image.no_alt", sb.path, line, col)
