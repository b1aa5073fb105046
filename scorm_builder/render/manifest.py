"""imsmanifest.xml, built with lxml and checked against the official SCORM 1.2 XSDs.

Imscp elements go in the default namespace and the adlcp prefix is literally `adlcp`, because
Moodle's manifest parser is namespace-unaware (NOTES section 1).
"""
from __future__ import annotations

import re

from lxml import etree

from scorm_builder.model.course import Variant
from scorm_builder.package.schemas import ADLCP_NS, IMSCP_NS, IMSMD_NS, manifest_schema
from scorm_builder.render.pages import Sco

IMSCP = IMSCP_NS
ADLCP = ADLCP_NS
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = (f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD_NS} imsmd_rootv1p2p1.xsd "
                   f"{ADLCP} adlcp_rootv1p2.xsd")


class InvalidManifest(Exception):
    """Our own manifest failed the XSDs: a bug in scorm-builder, never the author's fault."""


def ncname(text: str) -> str:
    """An xsd:ID: letters, digits, '-', '_' and '.', not starting with a digit."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "-", text)
    return cleaned if re.match(r"[A-Za-z_]", cleaned) else "id-" + cleaned


def _cp(tag: str, parent=None, text: str | None = None, **attrs):
    el = etree.Element(f"{{{IMSCP}}}{tag}", nsmap={None: IMSCP, "adlcp": ADLCP, "xsi": XSI}) if parent is None \
        else etree.SubElement(parent, f"{{{IMSCP}}}{tag}")
    for key, value in attrs.items():
        el.set(key, value)
    if text is not None:
        el.text = text
    return el


def _md(parent, tag: str):
    return etree.SubElement(parent, f"{{{IMSMD_NS}}}{tag}", nsmap={"imsmd": IMSMD_NS})


def _langstring(parent, text: str, lang: str | None):
    s = etree.SubElement(parent, f"{{{IMSMD_NS}}}langstring")
    if lang:
        s.set(XML_LANG, lang)
    s.text = text


def _metadata(parent, variant: Variant, title: str) -> None:
    course = variant.course
    meta = _cp("metadata", parent)
    _cp("schema", meta, "ADL SCORM")
    _cp("schemaversion", meta, "1.2")
    lom = _md(meta, "lom")
    general = _md(lom, "general")
    _langstring(_md(general, "title"), title, course.language)
    _md(general, "language").text = course.language
    if course.description:
        _langstring(_md(general, "description"), course.description, course.language)
    lifecycle = _md(lom, "lifecycle")
    _langstring(_md(lifecycle, "version"), course.version, None)


def build_manifest(variant: Variant, scos: list[Sco], files: list[str]) -> bytes:
    """`files`: every file in the package but the manifest and the XSDs, sorted."""
    course = variant.course
    title = scos[0].title if len(scos) == 1 else course.title + (
        f" – {variant.audience.title}" if variant.audience else "")
    root = _cp("manifest", identifier=ncname(f"MANIFEST-{variant.name}"), version=course.version)
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    _metadata(root, variant, title)
    org_id = ncname(f"ORG-{variant.name}")
    orgs = _cp("organizations", root, default=org_id)
    org = _cp("organization", orgs, identifier=org_id, structure="hierarchical")
    _cp("title", org, title)
    resources = _cp("resources", root)
    sco_pages = {sco.href for sco in scos}
    shared = [f for f in files if f not in sco_pages]
    common_id = "RES-common"
    if len(scos) > 1:
        common = _cp("resource", resources, identifier=common_id, type="webcontent")
        common.set(f"{{{ADLCP}}}scormtype", "asset")
        for f in shared:
            _cp("file", common, href=f)
    for sco in scos:
        res_id = ncname(f"RES-{sco.id}")
        item = _cp("item", org, identifier=ncname(f"ITEM-{sco.id}"), identifierref=res_id, isvisible="true")
        _cp("title", item, sco.title)
        if sco.test_lesson:
            etree.SubElement(item, f"{{{ADLCP}}}masteryscore").text = _number(sco.test_lesson.lesson.test.pass_mark)
        res = _cp("resource", resources, identifier=res_id, type="webcontent", href=sco.href)
        res.set(f"{{{ADLCP}}}scormtype", "sco")
        for f in ([sco.href] + shared if len(scos) == 1 else [sco.href]):
            _cp("file", res, href=f)
        if len(scos) > 1:
            _cp("dependency", res, identifierref=common_id)
    schema = manifest_schema()
    if not schema.validate(root):
        raise InvalidManifest(str(schema.error_log.last_error))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _number(value: float) -> str:
    return str(int(value)) if float(value) == int(value) else str(value)
