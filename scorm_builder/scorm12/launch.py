"""Where an item launches: the one rule every command uses (NOTES.md section 1, IMS CP 1.1.2).

A resource's `href` (and each `<file href>`) is resolved against the `xml:base` of the resource,
then of `<resources>`, then of `<manifest>`, by URL rules (RFC 3986, as XML Base says): a base
ending in "/" is a folder, "content" without the slash is replaced, not entered; `..` is left for
the reader to judge. The item's
`parameters` are then added the way the SCORM content-packaging algorithm says: leading `?` and
`&` are dropped, a `#fragment` is appended only when the URL has none, and anything else joins
the query with `?` or `&`, before any fragment.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

from scorm_builder.scorm12.manifest import Item, Manifest, Resource


def resolve(manifest: Manifest, resource: Resource, href: str) -> str:
    """`href` as written in `resource`, resolved through the three xml:base levels."""
    url = ""
    for part in (manifest.base, manifest.resources_base, resource.base, href):
        url = _join(url, part)
    return url


_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_WEB = re.compile(r"^(?:https?:)?//", re.I)


def _join(base: str, ref: str) -> str:
    """RFC 3986 reference resolution, except that `..` is kept (validate must see it leave the package)."""
    if not base or _ABSOLUTE.match(ref):
        return ref
    if _WEB.match(base):
        return urljoin(base, ref)  # a web address: host and all, by the standard library
    if ref.startswith("/"):
        return ref
    return base[:base.rfind("/") + 1] + ref  # "content" without a slash is replaced, "content/" entered


def add_parameters(url: str, parameters: str | None) -> str:
    """The launch URL with an item's `parameters` added."""
    parameters = (parameters or "").strip().lstrip("?&")
    if not parameters:
        return url
    if parameters.startswith("#"):
        return url if "#" in url else url + parameters
    address, hash_, fragment = url.partition("#")
    joiner = "&" if "?" in address else "?"
    return address + joiner + parameters + hash_ + fragment


def launch_url(manifest: Manifest, item: Item) -> str | None:
    """What the LMS opens for `item`: None when it launches nothing (no resource, or no href)."""
    resource = manifest.resource(item.identifierref) if item.identifierref else None
    if resource is None or resource.href is None:
        return None
    return add_parameters(resolve(manifest, resource, resource.href), item.parameters)
