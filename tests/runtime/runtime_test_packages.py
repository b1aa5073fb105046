"""Zip the hand-written test SCO (fixtures/sco.html) into SCORM 1.2 packages for the runtime tests."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

FIXTURES = Path(__file__).parent / "fixtures"

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test_pkg" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Test</title>
{items}
  </organization></organizations>
  <resources>
    <resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="sco.html"><file href="sco.html"/></resource>
  </resources>
</manifest>"""
ITEM = """    <item identifier="{id}" identifierref="res"{params}><title>{id}</title>{mastery}</item>"""


def make_package(dest: Path, items=(("item_1", "", ""),)) -> Path:
    """A zip of fixtures/sco.html with one item per (identifier, parameters, masteryscore)."""
    rendered = "\n".join(
        ITEM.format(id=i, params=f' parameters="{escape(p)}"' if p else "",
                    mastery=f"<adlcp:masteryscore>{m}</adlcp:masteryscore>" if m else "")
        for i, p, m in items)
    with zipfile.ZipFile(dest, "w") as zf:
        zf.writestr("imsmanifest.xml", MANIFEST.format(items=rendered))
        zf.write(FIXTURES / "sco.html", "sco.html")
    return dest
