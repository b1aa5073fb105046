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


def make_package(dest: Path, items=(("item_1", "", ""),), html: str | None = None) -> Path:
    """A zip of fixtures/sco.html (or of `html`) with one item per (identifier, parameters, masteryscore)."""
    rendered = "\n".join(
        ITEM.format(id=i, params=f' parameters="{escape(p)}"' if p else "",
                    mastery=f"<adlcp:masteryscore>{m}</adlcp:masteryscore>" if m else "")
        for i, p, m in items)
    with zipfile.ZipFile(dest, "w") as zf:
        zf.writestr("imsmanifest.xml", MANIFEST.format(items=rendered))
        if html is None:
            zf.write(FIXTURES / "sco.html", "sco.html")
        else:
            zf.writestr("sco.html", html)
    return dest


def hostile_sco(script: str, head: str = "") -> str:
    """A one-page SCO whose inline `script` runs at load; `findAPI` and `api` are defined for it."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile SCO</title>{head}</head>
<body><h1>Hostile SCO</h1><script>
function findAPI(win) {{
  for (var i = 0; win && i < 50; i++) {{ if (win.API) return win.API; if (win.parent === win) break; win = win.parent; }}
  return null;
}}
var api = findAPI(window) || (window.opener && findAPI(window.opener));
{script}
</script></body></html>"""
