"""A manifest model written as imsmanifest.xml, and checked against the official XSDs.

IMS elements go in the default namespace and the ADL prefix is literally `adlcp`, because
Moodle's manifest parser is namespace-unaware (NOTES section 1). Only what the model holds is
written, in the order the XSDs want, so the same model always gives the same bytes.
"""
from __future__ import annotations

from lxml import etree

from scorm_builder.scorm12.manifest import Item, Manifest, Metadata, Resource
from scorm_builder.scorm12.namespaces import (ADLCP_NS, IMSCP_NS, IMSMD_NS, SCORMTYPE, XML_BASE, XML_LANG,
                                              XSI_NS)
from scorm_builder.scorm12.schemas import manifest_schema

SCHEMA_LOCATION = (f"{IMSCP_NS} imscp_rootv1p1p2.xsd {IMSMD_NS} imsmd_rootv1p2p1.xsd "
                   f"{ADLCP_NS} adlcp_rootv1p2.xsd")


class InvalidManifest(Exception):
    """Our own manifest failed the XSDs: a bug in scorm-builder, never the author's fault."""


def write_manifest(manifest: Manifest) -> bytes:
    """imsmanifest.xml for `manifest`; raises InvalidManifest when the XSDs refuse it."""
    root = etree.Element(f"{{{IMSCP_NS}}}manifest", nsmap={None: IMSCP_NS, "adlcp": ADLCP_NS, "xsi": XSI_NS})
    _set(root, identifier=manifest.identifier, version=manifest.version)
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    _set(root, **{XML_BASE: manifest.base})
    if manifest.metadata:
        _metadata(root, manifest.metadata)
    orgs = _cp(root, "organizations", default=manifest.default)
    for org in manifest.organizations:
        el = _cp(orgs, "organization", identifier=org.identifier, structure=org.structure)
        _cp(el, "title", text=org.title)
        for item in org.items:
            _item(el, item)
    resources = _cp(root, "resources", **{XML_BASE: manifest.resources_base})
    for resource in manifest.resources:
        _resource(resources, resource)
    schema = manifest_schema()
    if not schema.validate(root):
        raise InvalidManifest(str(schema.error_log.last_error))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _set(el, **attrs) -> None:
    for key, value in attrs.items():
        if value:
            el.set(key, value)


def _cp(parent, tag: str, text: str | None = None, **attrs):
    el = etree.SubElement(parent, f"{{{IMSCP_NS}}}{tag}")
    _set(el, **attrs)
    if text is not None:
        el.text = text
    return el


def _md(parent, tag: str):
    return etree.SubElement(parent, f"{{{IMSMD_NS}}}{tag}", nsmap={"imsmd": IMSMD_NS})


def _langstring(parent, name: str, text: str, lang: str | None) -> None:
    s = etree.SubElement(_md(parent, name), f"{{{IMSMD_NS}}}langstring")
    _set(s, **{XML_LANG: lang})
    s.text = text


def _metadata(root, meta: Metadata) -> None:
    el = _cp(root, "metadata")
    _cp(el, "schema", text=meta.schema)
    _cp(el, "schemaversion", text=meta.schemaversion)
    if meta.location:
        etree.SubElement(el, f"{{{ADLCP_NS}}}location").text = meta.location
    if not meta.title:
        return
    lom = _md(el, "lom")
    general = _md(lom, "general")
    _langstring(general, "title", meta.title, meta.language)
    if meta.language:
        _md(general, "language").text = meta.language
    if meta.description:
        _langstring(general, "description", meta.description, meta.language)
    if meta.version:
        _langstring(_md(lom, "lifecycle"), "version", meta.version, None)


_ITEM_DATA = ("prerequisites", "maxtimeallowed", "timelimitaction", "datafromlms", "masteryscore")


def _item(parent, item: Item) -> None:
    el = _cp(parent, "item", identifier=item.identifier, identifierref=item.identifierref,
             isvisible=item.isvisible, parameters=item.parameters)
    _cp(el, "title", text=item.title)
    for child in item.items:
        _item(el, child)
    for name in _ITEM_DATA:
        value = getattr(item, name)
        if value is not None:
            data = etree.SubElement(el, f"{{{ADLCP_NS}}}{name}")
            data.text = value
            if name == "prerequisites":
                data.set("type", "aicc_script")


def _resource(parent, resource: Resource) -> None:
    el = _cp(parent, "resource", identifier=resource.identifier, type=resource.type, href=resource.href)
    _set(el, **{SCORMTYPE: resource.scormtype, XML_BASE: resource.base})
    for f in resource.files:
        _cp(el, "file", href=f.href)
    for dep in resource.dependencies:
        _cp(el, "dependency", identifierref=dep.identifierref)
