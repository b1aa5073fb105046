"""Raw HTML in lessons: an allowlist of elements, attributes and link schemes, checked before build.

Authors may format text with HTML (abbreviations, keyboard keys, a table Markdown cannot write,
details/summary), but a package must never run script or load anything from outside itself. So
every piece of raw HTML Python-Markdown stashed is read by two parsers (see `findings`) and every
element, attribute and link is checked against the lists below: what is not listed is refused
with `path:line:col: error`, and the build stops. Nothing is silently dropped, because a learner
would then see a page the author never wrote; nothing is passed on, because an LMS administrator
must be able to trust every package.

The Markdown processors that apply these lists during a conversion are in source/html_checks.py;
this module needs no Markdown, so a launch page can be checked without it (render/launch_check.py).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from lxml import etree as lxml_etree
from lxml import html as lxml_html

TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
    "u", "ul", "var", "wbr",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "dir", "id", "lang", "title"})
GLOBAL_PREFIXES = ("aria-",)          # accessibility hints never run or load anything
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "col": {"span"}, "colgroup": {"span"},
    "del": {"datetime"}, "ins": {"datetime"}, "time": {"datetime"},
    "details": {"open"},
    "li": {"value"},
    "ol": {"reversed", "start", "type"},
    "td": {"colspan", "headers", "rowspan"},
    "th": {"abbr", "colspan", "headers", "rowspan", "scope"},
}
URL_ATTRIBUTES = frozenset({"href"})
URL_SCHEMES = ("http:", "https:", "mailto:", "tel:")   # or a "#fragment" on the same page
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")       # browsers drop these inside a scheme: "java\tscript:"
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Names the player finds its own elements by (`#sb-next`, `.sb-feedback`, page `#p-…`, heading `#h-…`,
# question `#q-…`): an author's element that took one would be found first and break the page.
RESERVED_ID_PREFIXES = ("sb-", "p-", "h-", "q-")
RESERVED_CLASS_PREFIX = "sb-"


def attribute_allowed(tag: str, name: str) -> bool:
    return name in GLOBAL_ATTRIBUTES or name.startswith(GLOBAL_PREFIXES) or name in TAG_ATTRIBUTES.get(tag, ())


def url_scheme(url: str) -> str | None:
    """The scheme a browser reads in `url` (lower case), or None for a path or a #fragment."""
    found = _SCHEME.match(_IGNORED_IN_URL.sub("", url).lower())
    return found.group(1) if found else None


def url_allowed(url: str) -> bool:
    """A web, mail or phone link, or a jump on the same page; files and lessons are Markdown links."""
    squeezed = _IGNORED_IN_URL.sub("", url).lower()
    return squeezed.startswith("#") or (squeezed.startswith(URL_SCHEMES) and bool(squeezed.partition(":")[2]))


def findings(raw: str) -> list[tuple[str, str, dict]]:
    """(message code, the source text to point at, message parameters) for each thing not allowed.

    Two parsers read the HTML, and what either finds counts: lxml builds a tree as libxml2 does
    (it sees through markup hidden in odd nesting), the standard library's HTMLParser reports
    every tag as written (lxml's fragment parser silently drops `<body onload=…>`, which a browser
    merges into the page's own body and runs). Markup must pass both to be packaged."""
    found: dict[tuple, tuple] = {}
    for code, needle, params in _tree_findings(raw) + _token_findings(raw):
        found.setdefault((code, needle), (code, needle, params))
    return list(found.values())


def _tree_findings(raw: str) -> list[tuple[str, str, dict]]:
    try:
        root = lxml_html.fragment_fromstring(raw, create_parent="div")
    except (lxml_etree.ParserError, ValueError):
        return [("html.unreadable", raw.strip().split("\n")[0], {})]
    found = []
    for el in root.iterdescendants():
        if not isinstance(el.tag, str):   # a comment: inert, unless a parser could read it as markup
            if "<" in (el.text or "") or ">" in (el.text or ""):
                found.append(("html.comment", "<!", {}))   # "<!--", or "<![CDATA[" read as one
            continue
        found += _element_findings(el.tag, el.attrib.items())
    return found


class _Tokens(HTMLParser):
    """Every start tag, declaration and processing instruction, as written."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found += _element_findings(tag, [(name, value or "") for name, value in attrs])

    def handle_decl(self, decl):        # <!DOCTYPE …>
        self.found.append(("html.forbidden", "<!", {"tag": "!" + decl.split()[0].lower() if decl else "!"}))

    def handle_pi(self, data):          # <?xml …>
        self.found.append(("html.forbidden", "<?", {"tag": "?"}))

    def unknown_decl(self, data):       # <![CDATA[ … ]]>
        self.found.append(("html.comment", "<![", {}))


def _token_findings(raw: str) -> list[tuple[str, str, dict]]:
    tokens = _Tokens()
    try:
        tokens.feed(raw)
        tokens.close()
    except AssertionError:   # HTMLParser gives up on some broken `<![…` declarations
        return [("html.unreadable", raw.strip().split("\n")[0], {})]
    return tokens.found


def _element_findings(tag: str, attributes) -> list[tuple[str, str, dict]]:
    shown, tag = tag, tag.lower()
    if tag not in TAGS:
        return [("html.forbidden", f"<{shown}", {"tag": tag})]
    found = []
    for name, value in attributes:
        name = name.lower()
        if name.startswith("on"):
            found.append(("html.event_handler", name, {"attribute": name, "tag": tag}))
        elif name == "style":
            found.append(("html.style", name, {"tag": tag}))
        elif not attribute_allowed(tag, name):
            found.append(("html.attribute", name, {"attribute": name, "tag": tag,
                                                   "allowed": ", ".join(_allowed_on(tag))}))
        elif name in URL_ATTRIBUTES and not url_allowed(value):
            found.append(("html.url", value, {"url": value, "tag": tag}))
        elif reserved(name, value):
            found.append(("html.reserved_name", value, {"attribute": name, "value": value, "tag": tag}))
    return found


def reserved(name: str, value: str) -> bool:
    if name == "id":
        return value.strip().lower().startswith(RESERVED_ID_PREFIXES)
    return name == "class" and any(c.lower().startswith(RESERVED_CLASS_PREFIX) for c in value.split())


def _allowed_on(tag: str) -> list[str]:
    return sorted(GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())) + [p + "*" for p in GLOBAL_PREFIXES]


def locate(sb, raw: str, needle: str, occurrence: int = 0) -> tuple[int | None, int | None]:
    """(line, column) of `needle` in the source, searched from where the raw HTML starts: its
    `occurrence`-th appearance, counted from 0, for a piece written more than once.
    Markdown expanded tabs to four spaces in `raw`; the source is compared the same way."""
    lines = [ln.expandtabs(4).lower() for ln in sb.locator.lines]
    raw_lines = [ln.strip().lower() for ln in raw.split("\n")]
    first = next((ln for ln in raw_lines if ln), "")
    starts = [i for i, ln in enumerate(lines) if first and first in ln]
    start = starts[min(occurrence, len(starts) - 1)] if starts else None
    if start is None:
        return None, None
    for i in range(start, min(len(lines), start + len(raw_lines))):
        col = lines[i].find(needle.lower())
        if col >= 0:
            return i + 1 + sb.locator.offset, col + 1
    return start + 1 + sb.locator.offset, None
