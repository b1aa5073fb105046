"""The manifest model: what the writer writes, the reader reads back; the reader takes vendor manifests as written."""
from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from scorm_builder.scorm12.manifest import (Dependency, File, Item, Manifest, Metadata, Organization, Resource,
                                            read_manifest)
from scorm_builder.scorm12.parsing import ManifestError, parse_manifest
from scorm_builder.scorm12.writer import InvalidManifest, write_manifest

FULL = Manifest(
    identifier="M1", version="2.0", base="kurs/", resources_base="innehall/", default="ORG",
    metadata=Metadata(schema="ADL SCORM", schemaversion="1.2", title="Kurs", language="sv",
                      description="Om kursen", version="2.0"),
    organizations=(Organization(identifier="ORG", title="Kurs", items=(
        Item(identifier="MOD", title="Modul", items=(
            Item(identifier="I1", identifierref="R1", isvisible="true", parameters="?sida=2", title="Lektion",
                 datafromlms="start=1", maxtimeallowed="0000:30:00", timelimitaction="exit,message"),
            Item(identifier="I2", identifierref="R2", title="Prov", masteryscore="80", prerequisites="I1"),
        )),
    )),),
    resources=(
        Resource(identifier="R1", scormtype="sco", href="a.html", base="sco1/",
                 files=(File("a.html"),), dependencies=(Dependency("COMMON"),)),
        Resource(identifier="R2", scormtype="sco", href="b.html", files=(File("b.html"),),
                 dependencies=(Dependency("COMMON"),)),
        Resource(identifier="COMMON", scormtype="asset", files=(File("player.js"), File("bilder/a b.png"))),
    ))


def without_lines(value):
    """The model with every source line cleared: the writer's input has none."""
    if dataclasses.is_dataclass(value):
        changes = {f.name: without_lines(getattr(value, f.name)) for f in dataclasses.fields(value)}
        changes.update({k: None for k in ("line",) if k in changes})
        changes.update({k: {} for k in ("lines",) if k in changes})
        return type(value)(**changes)
    if isinstance(value, tuple):
        return tuple(without_lines(v) for v in value)
    return value


def test_what_is_written_reads_back_the_same_and_is_schema_valid():
    data = write_manifest(FULL)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<manifest xmlns=")
    assert without_lines(read_manifest(parse_manifest(data))) == FULL


def test_the_same_model_gives_the_same_bytes():
    assert write_manifest(FULL) == write_manifest(dataclasses.replace(FULL))


def test_the_writer_refuses_what_the_xsds_refuse():
    broken = dataclasses.replace(FULL, resources=(Resource(identifier="1-not-an-id", scormtype="sco", href="a.html"),))
    with pytest.raises(InvalidManifest):
        write_manifest(broken)


def test_the_reader_takes_a_vendor_manifest_as_written():
    root = etree.fromstring(b"""<manifest identifier="V" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
        xmlns:a="http://www.adlnet.org/xsd/adlcp_rootv1p2">
      <organizations><organization identifier="O"><title>  Tv\xc3\xa5
        rader </title>
        <item identifier="I" identifierref="R"><title>Sida</title><a:masteryscore> 70 </a:masteryscore></item>
      </organization></organizations>
      <resources><resource identifier="R" type="webcontent" href="x.html"/></resources>
    </manifest>""")
    manifest = read_manifest(root)
    [org] = manifest.organizations
    assert (org.title, manifest.default, manifest.default_organization()) == ("Tv\u00e5 rader", None, org)
    [item] = org.items
    assert (item.masteryscore, item.lines["masteryscore"], item.datafromlms) == ("70", 5, None)
    [res] = manifest.resources
    assert (res.scormtype, res.files, manifest.resource("R")) == (None, (), res)
    assert manifest.metadata is None and manifest.lines == {"organizations": 3, "resources": 7}


@pytest.mark.parametrize("data, code", [
    (b"", "validate.manifest_empty"),
    (b'<?xml version="1.0"?>\n', "validate.manifest_empty"),
    (b"<manifest><a></manifest>", "validate.xml_syntax"),
    ('<manifest/>'.encode("utf-16-le"), "validate.manifest_utf16"),
    ('<?xml version="1.0" encoding="UTF-8"?><manifest>\u00e5</manifest>'.encode("cp1252"), "validate.manifest_encoding"),
])
def test_parse_names_the_cause(data, code):
    with pytest.raises(ManifestError) as caught:
        parse_manifest(data)
    assert caught.value.code == code


def test_parse_leaves_entities_unexpanded():
    root = parse_manifest(b'<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><manifest><t>&x;</t></manifest>')
    assert root[0].text is None and "root:" not in etree.tostring(root).decode()
