"""inspect describes what a package holds, also when its manifest breaks the schema."""
from __future__ import annotations

import json

from package_helpers import GOOD_MANIFEST as M, INDEX, cli, edit

LOM = """<lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"><general>
  <title><langstring xml:lang="sv">Våld i nära relation</langstring></title>
  <language>sv</language>
  <description><langstring xml:lang="sv">En grundkurs.</langstring></description>
</general></lom>"""

NESTED = edit(M, """      <item identifier="item1" identifierref="res1">
        <title>Lektion 1</title>
      </item>""", """      <item identifier="mod1"><title>Modul 1</title>
        <item identifier="item1" identifierref="res1" parameters="sida=2"><title>Lektion 1</title></item>
        <item identifier="item2" identifierref="res2"><title>Prov</title>
          <adlcp:maxtimeallowed>0000:30:00</adlcp:maxtimeallowed>
          <adlcp:timelimitaction>exit,message</adlcp:timelimitaction>
          <adlcp:datafromlms>nivå=2</adlcp:datafromlms>
          <adlcp:masteryscore>75</adlcp:masteryscore></item>
      </item>""")
NESTED = edit(NESTED, "  </resources>", """    <resource identifier="res2" type="webcontent" adlcp:scormtype="sco" href="prov.html">
      <file href="prov.html"/>
    </resource>
  </resources>""")


def test_text_shows_the_tree_scos_mastery_and_files(make_package):
    path = make_package({"imsmanifest.xml": NESTED, "prov.html": "x" * 1024})
    result = cli("inspect", str(path))
    assert result.exit_code == 0, result.output
    html, xml = len(INDEX) + 1024, len(NESTED.encode())
    assert result.output.splitlines() == [
        "Title: Exempelkurs",
        "Identifier: com.example.kurs",
        "Version: 1.0",
        "Metadata: ADL SCORM; 1.2",
        "Organizations:",
        "  org1 (default): Exempelkurs",
        "    Modul 1",
        "      Lektion 1 -> index.html?sida=2 [sco]",
        "      Prov -> prov.html [sco, mastery score 75, launch data nivå=2, time limit 0000:30:00 (exit,message)]",
        "SCOs and launch files:",
        "  res1: index.html",
        "  res2: prov.html",
        f"Files: 4, {(html + xml + 9) / 1024:.1f} KB",
        f"  .xml         1  {xml / 1024:>6.1f} KB",
        f"  .html        2  {html / 1024:>6.1f} KB",
        "  .png         1        9 B",
        "Largest files:",
        f"  {xml / 1024:>6.1f} KB  imsmanifest.xml",
        "     1.0 KB  prov.html",
        f"  {len(INDEX):>7} B  index.html",
        "        9 B  assets/bild.png",
    ]


def test_json_and_swedish_labels(make_package):
    path = make_package({"imsmanifest.xml": NESTED, "prov.html": "<p>prov</p>"})
    info = json.loads(cli("inspect", "--format", "json", str(path)).output)
    assert info["mastery"] == [{"item": "item2", "title": "Prov", "score": "75"}]
    [org] = info["organizations"]
    [module] = org["items"]
    assert [(i["identifier"], i["launch"]) for i in module["items"]] == [("item1", "index.html?sida=2"), ("item2", "prov.html")]
    assert info["files"]["largest"][0]["name"] == "imsmanifest.xml"
    assert cli("inspect", str(path), lang="sv").output.splitlines()[0] == "Titel: Exempelkurs"


def test_inline_lom_metadata(make_package):
    manifest = edit(M, "<schemaversion>1.2</schemaversion>", "<schemaversion>1.2</schemaversion>" + LOM)
    info = json.loads(cli("inspect", "--format", "json", str(make_package({"imsmanifest.xml": manifest}))).output)
    assert info["metadata"] == {"schema": "ADL SCORM", "schemaversion": "1.2", "title": "Våld i nära relation",
                                "description": "En grundkurs.", "language": "sv"}


def test_lom_in_a_file_named_by_adlcp_location(make_package):
    manifest = edit(M, "<schemaversion>1.2</schemaversion>",
                    "<schemaversion>1.2</schemaversion><adlcp:location>meta/kurs.xml</adlcp:location>")
    path = make_package({"imsmanifest.xml": manifest, "meta/kurs.xml": LOM})
    info = json.loads(cli("inspect", "--format", "json", str(path)).output)
    assert (info["metadata"]["title"], info["metadata"]["language"]) == ("Våld i nära relation", "sv")


def test_a_schema_invalid_vendor_manifest_is_still_described(make_package):
    manifest = edit(edit(M, 'adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"'), "<title>Exempelkurs</title>", "")
    path = make_package({"imsmanifest.xml": manifest})
    assert cli("validate", str(path)).exit_code == 1
    result = cli("inspect", str(path))
    assert result.exit_code == 0
    assert "Title: com.example.kurs" in result.output  # no organization title, no LOM: the identifier
    assert "    Lektion 1 -> index.html [SCO]" in result.output.splitlines()


def test_unreadable_metadata_file_leaves_the_rest_described(make_package):
    manifest = edit(M, "<schemaversion>1.2</schemaversion>",
                    "<schemaversion>1.2</schemaversion><adlcp:location>meta.xml</adlcp:location>")
    path = make_package({"imsmanifest.xml": manifest, "meta.xml": "<lom><general>"})
    result = cli("inspect", "--format", "json", str(path))
    assert result.exit_code == 0
    info = json.loads(result.output)
    assert (info["title"], info["metadata"]["title"]) == ("Exempelkurs", None)
