"""`scorm-builder inspect`: what is inside a SCORM 1.2 zip, for someone about to upload it.

It reads only what the manifest says and what the zip holds; it does not judge (that is
`validate`), so it also describes vendor packages whose manifest breaks the schema. It does read
every entry once, as validate does, so the two agree on which zips are unusable.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import etree

from scorm_builder.package.safezip import Limits, SafeZip, UnsafePackage, open_package
from scorm_builder.package.validate import PackageReport, load_manifest
from scorm_builder.scorm12.launch import launch_url, resolve
from scorm_builder.scorm12.manifest import Item, Manifest, read_lom, read_manifest

METADATA_LIMIT = 1024 * 1024
LARGEST_SHOWN = 5


class NoManifest(Exception):
    """The zip has no manifest we can read; `report` says why, in validate's words."""

    def __init__(self, report: PackageReport):
        self.report = report
        super().__init__(report.path)


def inspect_package(path: Path | str, limits: Limits = Limits()) -> dict:
    """The package described as plain data (the JSON output); raises UnsafePackage or NoManifest."""
    report = PackageReport(str(path))
    with open_package(path, limits) as zf:
        zf.verify()
        root = load_manifest(zf, report)
        if root is None:
            raise NoManifest(report)
        manifest = read_manifest(root)
        metadata = _metadata(zf, manifest)
        organizations = [{"identifier": org.identifier, "title": org.title,
                          "default": org.identifier == manifest.default,
                          "items": [_item(i, manifest) for i in org.items]}
                         for org in manifest.organizations]
        default = manifest.default_organization()
        return {
            "path": str(path),
            "title": (default.title if default else None) or metadata["title"] or manifest.identifier,
            "identifier": manifest.identifier,
            "version": manifest.version,
            "metadata": metadata,
            "organizations": organizations,
            "scos": [{"identifier": res.identifier,
                      "href": resolve(manifest, res, res.href) if res.href is not None else None}
                     for res in manifest.resources if res.scormtype == "sco"],
            "mastery": [{"item": item.identifier, "title": item.title, "score": item.masteryscore}
                        for org in manifest.organizations for item in org.walk() if item.masteryscore],
            "files": _files(zf),
        }


def _item(item: Item, manifest: Manifest) -> dict:
    res = manifest.resource(item.identifierref) if item.identifierref else None
    return {"identifier": item.identifier, "title": item.title, "identifierref": item.identifierref,
            "launch": launch_url(manifest, item),
            "scormtype": res.scormtype if res is not None else None,
            "masteryscore": item.masteryscore or None,
            "datafromlms": item.datafromlms or None,
            "maxtimeallowed": item.maxtimeallowed or None,
            "timelimitaction": item.timelimitaction or None,
            "items": [_item(child, manifest) for child in item.items]}


def _metadata(zf: SafeZip, manifest: Manifest) -> dict:
    """schema and schemaversion, and title/description/language from inline or referenced LOM."""
    meta = manifest.metadata
    if meta is None:
        return dict.fromkeys(("schema", "schemaversion", "title", "description", "language"))
    lom = {"title": meta.title, "description": meta.description, "language": meta.language}
    if not any(lom.values()) and meta.location in zf.names():
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            doc = etree.fromstring(zf.read(meta.location, METADATA_LIMIT), parser)
            lom = read_lom(doc if etree.QName(doc).localname == "lom" else doc.find(".//{*}lom"))
        except (etree.XMLSyntaxError, UnsafePackage):  # unreadable metadata: describe the rest
            pass
    return {"schema": meta.schema or None, "schemaversion": meta.schemaversion or None,
            "title": lom["title"], "description": lom["description"], "language": lom["language"]}


def _files(zf: SafeZip) -> dict:
    names = zf.names()
    by_type: dict[str, dict] = {}
    for name in names:
        ext = posixpath.splitext(name)[1].lower() or "(-)"
        entry = by_type.setdefault(ext, {"type": ext, "count": 0, "size": 0})
        entry["count"] += 1
        entry["size"] += zf.size(name)
    largest = sorted(names, key=lambda n: (-zf.size(n), n))[:LARGEST_SHOWN]
    return {"count": len(names), "size": sum(zf.size(n) for n in names),
            "by_type": sorted(by_type.values(), key=lambda e: (-e["size"], e["type"])),
            "largest": [{"name": n, "size": zf.size(n)} for n in largest]}
