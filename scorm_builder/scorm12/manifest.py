"""The manifest as typed records, read from any package's imsmanifest.xml.

The reader is lenient on purpose: it finds IMS and ADL elements by local name, keeps values as
written (stripped) and never judges; judging is `package.validate`'s job, which also gets the
line of every record so its messages can point at it. `None` means "not in the manifest",
which validate tells apart from an empty value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from scorm_builder.scorm12.namespaces import SCORMTYPE, XML_BASE


@dataclass(frozen=True)
class File:
    href: str
    line: int | None = None


@dataclass(frozen=True)
class Dependency:
    identifierref: str | None
    line: int | None = None


@dataclass(frozen=True)
class Resource:
    identifier: str | None
    scormtype: str | None = None    # adlcp:scormtype as written; LMSes treat a missing one as asset
    href: str | None = None
    type: str | None = "webcontent"
    base: str = ""                  # xml:base on the resource
    files: tuple[File, ...] = ()
    dependencies: tuple[Dependency, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Item:
    identifier: str | None
    title: str | None = None
    identifierref: str | None = None
    isvisible: str | None = None
    parameters: str | None = None
    masteryscore: str | None = None     # adlcp:*: what the LMS hands to the SCO (NOTES sections 1, 13)
    datafromlms: str | None = None
    maxtimeallowed: str | None = None
    timelimitaction: str | None = None
    prerequisites: str | None = None
    items: tuple["Item", ...] = ()
    line: int | None = None
    lines: dict = field(default_factory=dict, compare=False)  # line of each adlcp child, by name

    def walk(self):
        """This item and every item below it, in document order."""
        yield self
        for child in self.items:
            yield from child.walk()


@dataclass(frozen=True)
class Organization:
    identifier: str | None
    title: str | None = None
    items: tuple[Item, ...] = ()
    structure: str = "hierarchical"
    line: int | None = None

    def walk(self):
        for item in self.items:
            yield from item.walk()


@dataclass(frozen=True)
class Metadata:
    """<metadata>: schema and version, plus what inline LOM says (title, language, description, version)."""

    schema: str | None = None
    schemaversion: str | None = None
    title: str | None = None
    language: str | None = None
    description: str | None = None
    version: str | None = None
    location: str | None = None     # adlcp:location: LOM in a separate file
    line: int | None = None
    lines: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Manifest:
    identifier: str | None
    version: str | None = None
    metadata: Metadata | None = None
    default: str | None = None          # <organizations default>
    organizations: tuple[Organization, ...] = ()
    resources: tuple[Resource, ...] = ()
    base: str = ""                      # xml:base on <manifest>
    resources_base: str = ""            # xml:base on <resources>
    line: int | None = None
    lines: dict = field(default_factory=dict, compare=False)  # "organizations", "resources": their lines

    @cached_property
    def _by_identifier(self) -> dict:
        found: dict = {}
        for r in self.resources:
            found.setdefault(r.identifier, r)
        return found

    def resource(self, identifier: str | None) -> Resource | None:
        """The first resource with this identifier (a dict: manifests can hold many thousands)."""
        return self._by_identifier.get(identifier)

    def default_organization(self) -> Organization | None:
        """The organization an LMS shows: the one `default` names, else the first."""
        named = next((o for o in self.organizations if o.identifier == self.default), None)
        return named or (self.organizations[0] if self.organizations else None)


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _children(el, name: str) -> list:
    return [c for c in el if _local(c) == name]


def _child(el, name: str):
    return next((c for c in el if _local(c) == name), None)


def _text(el) -> str | None:
    return None if el is None else (el.text or "").strip()


def _title(el) -> str | None:
    """A title with its white space folded, as LMSes show it; None when missing or blank."""
    if el is None:
        return None
    return " ".join((el.text or "").split()) or None


def read_manifest(root) -> Manifest:
    """The manifest whose root element is `root` (an lxml element)."""
    orgs = _child(root, "organizations")
    resources = _child(root, "resources")
    lines = {name: el.sourceline for name, el in (("organizations", orgs), ("resources", resources)) if el is not None}
    return Manifest(
        identifier=root.get("identifier"), version=root.get("version"),
        metadata=_metadata(_child(root, "metadata")),
        default=None if orgs is None else orgs.get("default"),
        organizations=() if orgs is None else tuple(_organization(o) for o in _children(orgs, "organization")),
        resources=() if resources is None else tuple(_resource(r) for r in _children(resources, "resource")),
        base=root.get(XML_BASE, ""), resources_base="" if resources is None else resources.get(XML_BASE, ""),
        line=root.sourceline, lines=lines)


def read_lom(lom) -> dict:
    """title, description, language and version from an IMS LOM element (inline, or a file's root)."""
    general = None if lom is None else _child(lom, "general")
    lifecycle = None if lom is None else _child(lom, "lifecycle")

    def lang_string(parent, name):
        holder = None if parent is None else _child(parent, name)
        return _title(None if holder is None else _child(holder, "langstring"))

    return {"title": lang_string(general, "title"), "description": lang_string(general, "description"),
            "language": _title(None if general is None else _child(general, "language")),
            "version": lang_string(lifecycle, "version")}


def _metadata(meta) -> Metadata | None:
    if meta is None:
        return None
    version = _child(meta, "schemaversion")
    return Metadata(schema=_text(_child(meta, "schema")), schemaversion=_text(version),
                    location=_text(_child(meta, "location")), **read_lom(_child(meta, "lom")),
                    line=meta.sourceline, lines={} if version is None else {"schemaversion": version.sourceline})


_ITEM_DATA = ("masteryscore", "datafromlms", "maxtimeallowed", "timelimitaction", "prerequisites")


def _item(el) -> Item:
    data = {name: _child(el, name) for name in _ITEM_DATA}
    return Item(identifier=el.get("identifier"), title=_title(_child(el, "title")),
                identifierref=el.get("identifierref"), isvisible=el.get("isvisible"),
                parameters=el.get("parameters"), items=tuple(_item(c) for c in _children(el, "item")),
                line=el.sourceline, lines={n: c.sourceline for n, c in data.items() if c is not None},
                **{n: _text(c) for n, c in data.items()})


def _organization(el) -> Organization:
    return Organization(identifier=el.get("identifier"), title=_title(_child(el, "title")),
                        items=tuple(_item(c) for c in _children(el, "item")),
                        structure=el.get("structure", "hierarchical"), line=el.sourceline)


def _resource(el) -> Resource:
    return Resource(identifier=el.get("identifier"), scormtype=el.get(SCORMTYPE), href=el.get("href"),
                    type=el.get("type"), base=el.get(XML_BASE, ""),
                    files=tuple(File(f.get("href"), f.sourceline) for f in _children(el, "file")
                                if f.get("href") is not None),
                    dependencies=tuple(Dependency(d.get("identifierref"), d.sourceline)
                                       for d in _children(el, "dependency")),
                    line=el.sourceline)
