"""One broken package per manifest check: the code, line, English text and exit code, via the CLI."""
from __future__ import annotations

import codecs

import pytest

from package_helpers import GOOD_MANIFEST as M, cli, codes, edit, validate_json

SCORM2004 = edit(edit(M, "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "http://www.imsglobal.org/xsd/imscp_v1p1"),
                 "<schemaversion>1.2<", "<schemaversion>2004 3rd Edition<")

XXE = edit(edit(M, "<manifest ", '<!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<manifest '),
           "<title>Exempelkurs</title>", "<title>&x;</title>")
LAUGHS = edit(edit(M, "<manifest ", '<!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>\n<manifest "),
    "<title>Exempelkurs</title>", "<title>&j;</title>")

NO_DECLARATION = M.split("\n", 1)[1]
LATIN1 = edit(M, "<title>Exempelkurs</title>", "<title>Exempelkurs på svenska</title>").encode("latin-1")

# (case id, manifest text, code, line, message (English), hint fragment)
ERRORS = [
    ("launch-javascript", edit(M, 'href="index.html">', 'href="javascript:alert(document.cookie)">'),
     "validate.href_scheme", 18, "the href javascript:alert(document.cookie) is a javascript: URL, not a file",
     "runs script in the LMS"),
    ("utf16le-without-bom", NO_DECLARATION.encode("utf-16-le"), "validate.manifest_utf16", 1,
     "imsmanifest.xml is UTF-16 without a byte-order mark (BOM), so it cannot be read", "save the manifest as UTF-8"),
    ("utf16be-without-bom", NO_DECLARATION.encode("utf-16-be"), "validate.manifest_utf16", 1, None, None),
    ("latin1-labelled-utf8", LATIN1, "validate.manifest_encoding", 11,
     "imsmanifest.xml says it is UTF-8, but this line has bytes that are not UTF-8 (usually Latin-1 or Windows-1252)",
     "save the manifest as UTF-8"),
    ("latin1-unlabelled", LATIN1.replace(b' encoding="UTF-8"', b""), "validate.manifest_encoding", 11, None, None),
    ("xml-syntax", edit(M, "<title>Lektion 1</title>", "<title>Lektion 1</titel>"), "validate.xml_syntax", 13,
     "imsmanifest.xml is not well-formed XML: Opening and ending tag mismatch: title line 13 and titel", "&amp;"),
    ("empty", '<?xml version="1.0" encoding="UTF-8"?>\n', "validate.manifest_empty", 2,
     "imsmanifest.xml is empty: it has no <manifest> element", "only an XML declaration"),
    ("xxe", XXE, "validate.manifest_doctype", 1, "imsmanifest.xml has a <!DOCTYPE> declaration", "read files on the server"),
    ("billion-laughs", LAUGHS, "validate.xml_syntax", 1, None, None),
    ("scorm-2004", SCORM2004, "validate.scorm2004", 4, "this is a SCORM 2004 package, not SCORM 1.2", "upload it as SCORM 2004"),
    ("schemaversion-1.3", edit(M, "<schemaversion>1.2<", "<schemaversion>1.3<"), "validate.scorm2004", 4,
     "this is a SCORM 2004 package, not SCORM 1.2", "export the course as SCORM 1.2"),
    ("no-namespace", edit(M, ' xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"', ""),
     "validate.manifest_namespace", 4, "the root element <manifest> is not SCORM 1.2's <manifest> in the IMS namespace",
     'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"'),
    ("scormtype-upper", edit(M, 'adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"'), "validate.xsd.enumeration", 18,
     'adlcp:scormtype on <resource> has the value "SCO", which is not allowed', "allowed values: asset, sco"),
    ("element-order", edit(M, "<title>Lektion 1</title>", "<adlcp:masteryscore>80</adlcp:masteryscore><title>Lektion 1</title>"),
     "validate.xsd.unexpected", 13, "<title> is not allowed here", "<title> comes first"),
    ("unknown-element", edit(M, "<title>Lektion 1</title>", "<title>Lektion 1</title><lesson/>"),
     "validate.xsd.unexpected_expected", 13, "<lesson> is not allowed here", "expected here: <item>, <metadata>"),
    ("id-with-digit", edit(M, 'identifier="item1"', 'identifier="1item"'), "validate.xsd.bad_id", 12,
     '"1item" on <item> is not a valid identifier', "start with a letter"),
    ("id-twice", edit(M, 'identifier="item1"', 'identifier="res1"'), "validate.xsd.duplicate_id", 18,
     'the identifier "res1" is used more than once', "give each its own"),
    ("resource-without-type", edit(M, ' type="webcontent"', ""), "validate.xsd.missing_attribute", 18,
     "<resource> lacks the required attribute type", 'type="webcontent" on <resource>'),
    ("version-too-long", edit(M, 'kurs" version="1.0"', 'kurs" version="1.0.0-beta.1+build.2026.11"'), "validate.xsd.too_long", 4,
     "version on <manifest> is longer than 20 characters", "shorten"),
    ("attribute-not-allowed", edit(M, "<title>Exempelkurs", '<title lang="sv">Exempelkurs'),
     "validate.xsd.attribute_not_allowed", 11, "the attribute lang is not allowed on <title>", "namespace prefix"),
    ("no-organizations", edit(M, M[M.index("  <organizations"):M.index("  <resources>")], ""),
     "validate.xsd.unexpected_expected", 9, "<resources> is not allowed here", "expected here: <organizations>"),
    ("schemaversion-1.1", edit(M, "<schemaversion>1.2<", "<schemaversion>1.1<"), "validate.schemaversion", 7,
     'schemaversion is "1.1", but it must be 1.2', "<schemaversion>1.2</schemaversion>"),
    ("default-unknown", edit(M, 'default="org1"', 'default="org2"'), "validate.default_unknown", 9,
     '<organizations default="org2"> names an organization that does not exist', 'did you mean "org1"?'),
    ("organizations-empty", edit(M, M[M.index("  <organizations"):M.index("  <resources>")], "  <organizations/>\n"),
     "validate.no_organization", 9, "<organizations> is empty: the package has no course structure (organization)",
     "add an <organization>"),
    ("organization-without-items", edit(M, M[M.index("      <item "):M.index("    </organization>")], ""),
     "validate.organization_empty", 10, 'the organization "org1" has no <item>', "at least one <item"),
    ("identifierref-unknown", edit(M, 'identifierref="res1"', 'identifierref="res_1"'), "validate.identifierref_unknown", 12,
     '<item identifier="item1"> names the resource "res_1", which does not exist', 'did you mean "res1"?'),
    ("leaf-item-without-ref", edit(M, ' identifierref="res1"', ""), "validate.item_without_resource", 12,
     '<item identifier="item1"> has neither an identifierref nor child items', "identifierref"),
    ("resource-without-href", edit(M, ' href="index.html">', ">"), "validate.item_resource_no_href", 12,
     '<item identifier="item1"> launches the resource "res1", but it has no href (launch file)', "launch page"),
    ("launch-missing", edit(M, 'href="index.html">', 'href="start.html">'), "validate.launch_missing", 18,
     "the launch file start.html is not in the zip", "correct the href"),
    ("launch-case", edit(M, 'href="index.html">', 'href="Index.html">'), "validate.launch_case", 18,
     "the launch file Index.html is not in the zip", "names are case-sensitive on the LMS server; the zip has index.html"),
    ("file-missing", edit(M, '<file href="assets/bild.png"/>', '<file href="assets/logo.png"/>'), "validate.file_missing", 20,
     '<file href="assets/logo.png"> is not in the zip', "add the file"),
    ("file-case", edit(M, '<file href="assets/bild.png"/>', '<file href="assets/Bild.PNG"/>'), "validate.file_case", 20,
     '<file href="assets/Bild.PNG"> is not in the zip', "the zip has assets/bild.png"),
    ("href-outside", edit(M, '<file href="assets/bild.png"/>', '<file href="../bild.png"/>'), "validate.href_outside", 20,
     'href="../bild.png" points outside the package', "without .."),
    ("masteryscore-percent", edit(M, "<title>Lektion 1</title>", "<title>Lektion 1</title><adlcp:masteryscore>80%</adlcp:masteryscore>"),
     "validate.masteryscore", 13, 'adlcp:masteryscore is "80%", but it must be a number from 0 to 100', "<adlcp:masteryscore>80<"),
    ("masteryscore-over-100", edit(M, "<title>Lektion 1</title>", "<title>Lektion 1</title><adlcp:masteryscore>120</adlcp:masteryscore>"),
     "validate.masteryscore", 13, 'adlcp:masteryscore is "120", but it must be a number from 0 to 100', None),
    ("timelimitaction", edit(M, "<title>Lektion 1</title>", "<title>Lektion 1</title><adlcp:timelimitaction>stop</adlcp:timelimitaction>"),
     "validate.timelimitaction", 13, 'adlcp:timelimitaction is "stop", which is not an allowed value', "exit,message"),
    ("scormtype-missing", edit(M, ' adlcp:scormtype="sco"', ""), "validate.scormtype_missing", 18,
     '<resource identifier="res1"> has no adlcp:scormtype', "untracked asset"),
    ("no-sco", edit(M, 'adlcp:scormtype="sco"', 'adlcp:scormtype="asset"'), "validate.no_sco", 17,
     'the package has no SCO (no resource with adlcp:scormtype="sco")', "tracks nothing"),
    ("dependency-unknown", edit(M, '<file href="assets/bild.png"/>', '<file href="assets/bild.png"/><dependency identifierref="commons"/>'),
     "validate.dependency_unknown", 20, 'a <dependency> of the resource "res1" names "commons", which does not exist', "did you mean"),
    ("metadata-location-missing", edit(M, "<schemaversion>1.2</schemaversion>", "<schemaversion>1.2</schemaversion><adlcp:location>meta.xml</adlcp:location>"),
     "validate.location_missing", 7, "the metadata file meta.xml (adlcp:location) is not in the zip", "remove <adlcp:location>"),
]


@pytest.mark.parametrize("case,manifest,code,line,message,hint", ERRORS, ids=[c[0] for c in ERRORS])
def test_manifest_error(make_package, case, manifest, code, line, message, hint):
    path = make_package({"imsmanifest.xml": manifest})
    exit_code, [report] = validate_json(path)
    assert exit_code == 1
    assert report["valid"] is False
    found = [e for e in report["errors"] if e["code"] == code]
    assert found, report["errors"]
    assert (found[0]["file"], found[0]["line"]) == ("imsmanifest.xml", line)
    if message:
        assert found[0]["message"] == message
    if hint:
        assert hint in found[0]["hint"]


def test_text_output_names_zip_file_line_and_hint(make_package):
    path = make_package({"imsmanifest.xml": edit(M, '<file href="assets/bild.png"/>', '<file href="assets/Bild.png"/>')})
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines() == [  # sorted by file, then line
        f"{path}: assets/bild.png: warning: the file is in the zip but not listed in any <file> of the manifest",
        '  hint: add <file href="..."/> under the resource that uses it, or remove the file',
        f'{path}: imsmanifest.xml:20: error: <file href="assets/Bild.png"> is not in the zip',
        "  hint: names are case-sensitive on the LMS server; the zip has assets/bild.png",
        f"{path}: 1 error, 1 warning",
    ]


def test_swedish_is_the_default(make_package):
    path = make_package({"imsmanifest.xml": edit(M, 'default="org1"', 'default="org2"')})
    from click.testing import CliRunner
    from scorm_builder.cli import main
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert 'error: <organizations default="org2"> pekar på en organisation som inte finns' in result.output
    assert 'hint: menade du "org1"?' in result.output


@pytest.mark.parametrize("case,manifest,code,message", [
    ("schemaversion-missing", edit(M, M[M.index("  <metadata>"):M.index("  <organizations")], ""),
     "validate.schemaversion_missing", "the manifest lacks <schemaversion>1.2</schemaversion>"),
    ("default-missing", edit(M, ' default="org1"', ""), "validate.default_missing",
     "<organizations> has no default attribute"),
    ("imscp-prefix", edit(M, 'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
                          'xmlns:cp="http://www.imsproject.org/xsd/imscp_rootv1p1p2"').replace("<", "<cp:")
     .replace("<cp:/", "</cp:").replace("<cp:?xml", "<?xml").replace("<cp:adlcp:", "<adlcp:"),
     "validate.prefix_imscp", 'the manifest writes the IMS elements with the prefix "cp:"'),
    ("adlcp-prefix", edit(edit(M, "xmlns:adlcp=", "xmlns:scorm="), "adlcp:scormtype", "scorm:scormtype"),
     "validate.prefix_adlcp", 'the ADL namespace has the prefix "scorm" instead of adlcp'),
    ("identifier-non-ascii", edit(M, 'identifier="item1"', 'identifier="lektion_ett_å"'),
     "validate.identifier_non_ascii", 'the identifier "lektion_ett_å" has characters outside a-z'),
    ("external-launch", edit(M, 'href="index.html">', 'href="https://cdn.example.com/kurs/index.html">'),
     "validate.href_external", "https://cdn.example.com/kurs/index.html is loaded from the internet, outside the package"),
])
def test_manifest_warning_keeps_the_package_valid(make_package, case, manifest, code, message):
    exit_code, [report] = validate_json(make_package({"imsmanifest.xml": manifest}))
    assert (exit_code, report["valid"], report["errors"]) == (0, True, [])
    found = [w for w in report["warnings"] if w["code"] == code]
    assert found and found[0]["message"] == message, report["warnings"]


def test_the_good_package_is_clean(make_package):
    exit_code, [report] = validate_json(make_package())
    assert (exit_code, report) == (0, {"path": report["path"], "valid": True, "errors": [], "warnings": []})


def test_strict_makes_warnings_fail(make_package):
    path = make_package({"imsmanifest.xml": edit(M, ' default="org1"', "")})
    assert cli("validate", str(path)).exit_code == 0
    assert cli("validate", "--strict", str(path)).exit_code == 1


def test_utf16_with_a_bom_and_latin1_declared_as_such_are_fine(make_package):
    for data in (codecs.BOM_UTF16_LE + NO_DECLARATION.encode("utf-16-le"),
                 LATIN1.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"')):
        exit_code, [report] = validate_json(make_package({"imsmanifest.xml": data}))
        assert (exit_code, codes(report)) == (0, [])


def test_xml_base_is_followed(make_package):
    manifest = edit(edit(M, '<resource identifier="res1"', '<resource xml:base="kurs/" identifier="res1"'),
                    '<file href="assets/bild.png"/>', "")
    path = make_package({"imsmanifest.xml": manifest, "index.html": None, "assets/bild.png": None,
                         "kurs/index.html": "<p>hej</p>"})
    exit_code, [report] = validate_json(path)
    assert (exit_code, codes(report), codes(report, "warnings")) == (0, [], [])


@pytest.mark.parametrize("where", ["manifest", "resources"])
def test_xml_base_on_manifest_and_resources_is_followed(make_package, where):
    manifest = edit(M, f"<{where}", f'<{where} xml:base="kurs/"')
    path = make_package({"imsmanifest.xml": manifest, "index.html": None, "assets/bild.png": None,
                         "kurs/index.html": "<p>hej</p>", "kurs/assets/bild.png": b"png"})
    exit_code, [report] = validate_json(path)
    assert (exit_code, codes(report), codes(report, "warnings")) == (0, [], [])


def test_xml_base_without_a_slash_names_a_file_not_a_folder(make_package):
    # XML Base resolves "kurs" + "index.html" to "index.html", as browsers do; the file in kurs/ is not it
    manifest = edit(M, '<resource identifier="res1"', '<resource xml:base="kurs" identifier="res1"')
    path = make_package({"imsmanifest.xml": manifest, "index.html": None, "kurs/index.html": "<p>hej</p>"})
    exit_code, [report] = validate_json(path)
    assert exit_code == 1 and "validate.launch_missing" in codes(report)
    [warning] = [w for w in report["warnings"] if w["code"] == "validate.base_no_slash"]
    assert (warning["line"], warning["message"]) == (
        18, 'xml:base="kurs" has no / at the end, so it names a file that each href replaces, not a folder')


def test_did_you_mean_is_searched_for_the_first_100_broken_references_only(make_package, monkeypatch):
    # difflib once per broken reference over every resource took minutes on a hostile manifest
    import difflib
    calls = []
    real = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    items = "".join(f'<item identifier="i{n}" identifierref="nope{n}"><title>t</title></item>' for n in range(300))
    manifest = edit(M, """<item identifier="item1" identifierref="res1">
        <title>Lektion 1</title>
      </item>""", items)
    exit_code, [report] = validate_json(make_package({"imsmanifest.xml": manifest}))
    assert exit_code == 1 and codes(report).count("validate.identifierref_unknown") == 300
    assert len(calls) == 100
