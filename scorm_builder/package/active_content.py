"""Script in attributes and files from other hosts, in any package's HTML, SVG and CSS files.

HTML and SVG are parsed (lxml's pull parsers, fed the streamed chunks, each element dropped once
seen, so memory stays small); only CSS text, which is not markup, is searched with patterns.
What is flagged is what the build's sanitiser refuses in lessons (issue 15):
- event-handler attributes (`on*`), which run script without any <script> element, and `srcdoc`,
  which holds a whole page;
- URL attributes whose scheme is not on a short allowlist (`javascript:` and the like);
- elements that load a file from another host (`<script src>`, `<img src>`, `<link href>`, ...);
- CSS (in `style` attributes, <style> elements and .css files) that fetches from another host.
Attribute values are checked as the browser sees them: entities decoded, tabs and newlines in
URLs dropped, CSS escapes resolved.
"""
from __future__ import annotations

import codecs
import re

from lxml import etree

HTML_TYPES = (".html", ".htm", ".xhtml")
SVG_TYPES = (".svg",)
CSS_TYPES = (".css",)
CSS_LIMIT = 8 * 1024 * 1024   # a .css file is checked up to this size (themes are a few hundred KB)

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "background", "cite",
                            "longdesc", "usemap", "manifest", "codebase", "dynsrc", "lowsrc"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "data"})
# elements whose URL attributes the browser fetches while the page loads (<a href> only on a click)
LOADING_ELEMENTS = frozenset({"script", "link", "img", "image", "iframe", "frame", "audio", "video", "source",
                              "track", "embed", "object", "input"})
LOADING_ATTRIBUTES = frozenset({"src", "href", "data", "poster", "srcset"})

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_URL_NOISE = re.compile(r"[\t\n\r]")
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6})[ \t\n]?|(.))", re.S)
# each alternative stops at its first delimiter, so no input makes the search quadratic
_CSS_URL = re.compile(r"""url\(\s*([^"'\s)]*)|"([^"\n]*)"|'([^'\n]*)'""", re.I)
_EXTERNAL = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:)?//")

XLINK_NS = "http://www.w3.org/1999/xlink"

Finding = tuple[str, int, dict]  # (catalogue code, line, params)


def scanner_for(name: str):
    """The scanner for a zip entry, or None when its type cannot carry these things."""
    lower = name.lower()
    if name.startswith("__MACOSX/"):
        return None
    if lower.endswith(HTML_TYPES):
        return MarkupScan(etree.HTMLPullParser(events=("start", "end"), no_network=True), decode=True)
    if lower.endswith(SVG_TYPES):
        return MarkupScan(etree.XMLPullParser(events=("start", "end"), resolve_entities=False,
                                              no_network=True, load_dtd=False, huge_tree=False))
    if lower.endswith(CSS_TYPES):
        return CssScan()
    return None


class MarkupScan:
    """Feeds HTML or SVG bytes to a pull parser and checks every element as it starts.

    HTML is decoded here, not by libxml2: it would obey `<meta charset="utf-16">` and read ASCII
    markup as garbage, where browsers (HTML5) read such a page as UTF-8. UTF-8 with replacement
    keeps every ASCII character of the markup, whatever the page's real 8-bit encoding.
    """

    def __init__(self, parser, decode: bool = False):
        self.parser = parser
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")("replace") if decode else None
        self.first = True
        self.findings: list[Finding] = []
        self.broken = False   # the browser would not render a broken SVG either; stop quietly

    def _text(self, chunk: bytes, final: bool):
        if self.decoder is None:
            return chunk
        if self.first and chunk:
            self.first = False
            if chunk[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):  # the one case a browser reads UTF-16
                self.decoder = codecs.getincrementaldecoder("utf-16")("replace")
        return self.decoder.decode(chunk, final)

    def feed(self, chunk: bytes, final: bool = False) -> list[Finding]:
        if not self.broken:
            try:
                chunk = self._text(chunk, final)
                if chunk:
                    self.parser.feed(chunk)
                if final:
                    self.parser.close()
            except etree.LxmlError:  # XMLSyntaxError, or an encoding the parser does not know
                self.broken = True
            self._read()
        found, self.findings = self.findings, []
        return found

    def _read(self) -> None:
        for event, el in self.parser.read_events():
            if not isinstance(el.tag, str):
                continue
            tag = el.tag.rsplit("}", 1)[-1].lower()   # HTML tags may hold any character: no QName
            if event == "start":
                self._check_attributes(el, tag)
            else:
                if tag == "style" and el.text:
                    self.findings += css_findings(el.text, el.sourceline or 1)
                el.clear(keep_tail=False)  # only what is still open stays in memory
                parent = el.getparent()
                while parent is not None and el.getprevious() is not None:
                    del parent[0]

    def _check_attributes(self, el, tag: str) -> None:
        line = el.sourceline or 1
        for key, value in el.attrib.items():
            shown = _attribute_name(key)
            attr = shown.lower().rsplit(":", 1)[-1]   # xlink:href is an href
            if attr.startswith("on") or attr == "srcdoc":  # srcdoc: a whole page, script and all
                self.findings.append(("validate.event_handler", line, {"tag": tag, "attribute": shown}))
            elif attr in URL_ATTRIBUTES:
                scheme = url_scheme(value)
                if scheme and scheme not in SAFE_SCHEMES:
                    self.findings.append(("validate.script_url", line,
                                          {"tag": tag, "attribute": shown, "scheme": scheme}))
            elif attr == "style":
                self.findings += css_findings(value, line)
            if tag in LOADING_ELEMENTS and attr in LOADING_ATTRIBUTES:
                urls = [c.split()[0] for c in value.split(",") if c.split()] if attr == "srcset" else [value]
                self.findings += [("validate.external_resource", line, {"url": url.strip()})
                                  for url in urls if _EXTERNAL.match(url)]


class CssScan:
    """A .css file, checked whole once it has arrived (up to CSS_LIMIT)."""

    def __init__(self):
        self.data = bytearray()

    def feed(self, chunk: bytes, final: bool = False) -> list[Finding]:
        if len(self.data) < CSS_LIMIT:
            self.data += chunk[:CSS_LIMIT - len(self.data)]
        return css_findings(self.data.decode("utf-8", "replace"), 1) if final else []


def _attribute_name(key: str) -> str:
    """The attribute as written: the HTML parser keeps "xlink:href", the XML parser gives {namespace}href."""
    if not key.startswith("{"):
        return key
    namespace, local = key[1:].split("}", 1)
    return f"xlink:{local}" if namespace == XLINK_NS else local


def url_scheme(value: str) -> str | None:
    """The scheme the browser will use for this attribute value (lower case), or None when relative."""
    found = _SCHEME.match(_URL_NOISE.sub("", value).strip("\x00 \x0b\x0c\x1f"))
    return found.group(1).lower() if found else None


def css_findings(css: str, first_line: int) -> list[Finding]:
    """External URLs in CSS text (url(), @import and image-set strings), each with its line."""
    text = _CSS_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), css)
    text = _CSS_ESCAPE.sub(_unescape, text)
    found = []
    for m in _CSS_URL.finditer(text):
        url = next(g for g in m.groups() if g is not None)
        if _EXTERNAL.match(url):
            found.append(("validate.external_resource", first_line + text.count("\n", 0, m.start()),
                          {"url": url.strip()}))
    return found


def _unescape(m: re.Match) -> str:
    if m.group(1):
        code = int(m.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return m.group(2) if m.group(2) != "\n" else ""
