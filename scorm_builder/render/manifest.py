"""imsmanifest.xml for one variant: the course as a scorm12 manifest model, written by scorm12.writer.

A single-SCO package has one resource holding every file. With `packaging: multi-sco` each
lesson's SCO resource holds its launch page, course data and pages (render/chunks.py), and depends
on one shared `asset` resource with the rest; the SCO resources come first, because some LMSes launch the first `webcontent` resource they find.
"""
from __future__ import annotations

import re

from scorm_builder.render.variant import Variant
from scorm_builder.render.pages import Sco
from scorm_builder.scorm12.manifest import Dependency, File, Item, Manifest, Metadata, Organization, Resource
from scorm_builder.scorm12.writer import write_manifest

COMMON_ID = "RES-common"


def ncname(text: str) -> str:
    """An xsd:ID: letters, digits, '-', '_' and '.', not starting with a digit."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "-", text)
    return cleaned if re.match(r"[A-Za-z_]", cleaned) else "id-" + cleaned


def build_manifest(variant: Variant, scos: list[Sco], files: list[str]) -> bytes:
    """`files`: every file in the package but the manifest and the XSDs, sorted."""
    course = variant.course
    title = scos[0].title if len(scos) == 1 else variant.title
    own = {f for sco in scos for f in sco.files}
    shared = [f for f in files if f not in own]
    multi = len(scos) > 1
    items, resources = [], []
    for sco in scos:
        res_id = ncname(f"RES-{sco.id}")
        test = sco.test_lesson.lesson.test if sco.test_lesson else None
        items.append(Item(identifier=ncname(f"ITEM-{sco.id}"), identifierref=res_id, isvisible="true",
                          title=sco.title, masteryscore=_number(test.pass_mark) if test else None))
        resources.append(Resource(
            identifier=res_id, scormtype="sco", href=sco.href,
            files=tuple(File(f) for f in (sco.files if multi else [sco.href] + [f for f in files if f != sco.href])),
            dependencies=(Dependency(COMMON_ID),) if multi else ()))
    if multi:
        resources.append(Resource(identifier=COMMON_ID, scormtype="asset", files=tuple(File(f) for f in shared)))
    org_id = ncname(f"ORG-{variant.name}")
    return write_manifest(Manifest(
        identifier=ncname(f"MANIFEST-{variant.name}"), version=course.version,
        metadata=Metadata(schema="ADL SCORM", schemaversion="1.2", title=title, language=course.language,
                          description=course.description or None, version=course.version),
        default=org_id, organizations=(Organization(identifier=org_id, title=title, items=tuple(items)),),
        resources=tuple(resources)))


def _number(value: float) -> str:
    return str(int(value)) if float(value) == int(value) else str(value)
