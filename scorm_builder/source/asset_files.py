"""Which files from assets/ a package may carry: images, media, captions and documents, never a
file a browser would run.

An LMS serves a package's files from its own web address. An `.html` attachment or an SVG with
script, opened from there, runs in the LMS's name, so such files are refused like script in a
lesson: file types by an allowlist, and an SVG's content by an allowlist of SVG elements with no
event attributes, no links but to its own parts or inline images, and no CSS that loads from elsewhere.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

FILE_TYPES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg",               # images
    ".mp4", ".m4v", ".webm", ".ogv", ".mp3", ".m4a", ".ogg", ".oga", ".wav",  # video and audio
    ".vtt",                                                                   # captions
    ".pdf", ".txt", ".csv", ".rtf", ".epub",                                   # documents
    ".docx", ".xlsx", ".pptx", ".doc", ".xls", ".ppt", ".odt", ".ods", ".odp",
})
SVG = "http://www.w3.org/2000/svg"
SVG_ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "view",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
    "image", "marker", "clipPath", "mask", "pattern", "linearGradient", "radialGradient", "stop", "style",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
    "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
    "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology",
    "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
})
# Drawing programs add their own metadata elements (Inkscape, Illustrator, RDF); a browser ignores
# them. XHTML inside an SVG (through foreignObject) is a web page, so its namespace is not among them.
FOREIGN_OK = frozenset({
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/Extensibility/1.0/", "http://ns.adobe.com/Graphs/1.0/", "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/Variables/1.0/", "http://ns.adobe.com/ImageReplacement/1.0/", "http://ns.adobe.com/xap/1.0/",
})
MAX_SVG_BYTES = 5_000_000
CSS_LOADS = re.compile(r"@import|url\(\s*['\"]?\s*(?!data:)(?:[a-z][a-z0-9+.-]*:|//)", re.I)   # from elsewhere


def type_allowed(path: Path) -> bool:
    return path.suffix.lower() in FILE_TYPES


def is_webvtt(path: Path) -> bool:
    """A WebVTT file starts with WEBVTT (after an optional BOM), then a space, tab or line end."""
    with open(path, "rb") as f:
        head = f.read(10).removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"WEBVTT") and head[6:7] in (b"", b" ", b"\t", b"\n", b"\r")


def svg_findings(path: Path) -> list[tuple[str, int | None, dict]]:
    """(message code, line in the SVG, parameters) for what the SVG may not hold."""
    if path.stat().st_size > MAX_SVG_BYTES:
        return [("svg.too_large", None, {"limit": MAX_SVG_BYTES // 1_000_000})]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as e:
        return [("svg.unreadable", e.lineno, {"problem": e.msg})]
    if root.tag != f"{{{SVG}}}svg":   # without the namespace no browser draws it
        return [("svg.no_namespace", root.sourceline, {})]
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str):   # comments and processing instructions
            continue
        namespace, _, name = el.tag[1:].partition("}") if el.tag.startswith("{") else ("", "", el.tag)
        if namespace == SVG and name not in SVG_ELEMENTS or namespace not in (SVG, *FOREIGN_OK):
            found.append(("svg.element", el.sourceline, {"element": name}))
            continue
        if name == "style" and CSS_LOADS.search(el.text or ""):
            found.append(("svg.loads", el.sourceline, {"element": name}))
        for key, value in el.attrib.items():
            attribute = key.rpartition("}")[2].lower()
            if attribute.startswith("on"):
                found.append(("svg.event_handler", el.sourceline, {"attribute": attribute, "element": name}))
            elif attribute == "href" and not value.strip().startswith(("#", "data:image/")):
                found.append(("svg.link", el.sourceline, {"value": value, "element": name}))
            elif attribute == "style" and CSS_LOADS.search(value):
                found.append(("svg.loads", el.sourceline, {"element": name}))
    return found
