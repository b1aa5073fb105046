"""A corpus of hostile and odd zips: validate, inspect and play's reading of them end with a verdict,
never a traceback, and agree on which zips are unusable (exit 2)."""
from __future__ import annotations

import codecs
import zipfile

import pytest

from package_helpers import GOOD_FILES, GOOD_MANIFEST as M, cli, edit, write_zip
from scorm_builder.runtime.scos import UnusablePackage, extract, read_scos

ITEM = """<item identifier="item1" identifierref="res1">
        <title>Lektion 1</title>
      </item>"""
RESOURCE = '<resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="index.html">'


def nested(depth: int) -> str:
    return "".join(f'<item identifier="n{i}"><title>n</title>' for i in range(depth)) + ITEM + "</item>" * depth


MANIFESTS = {
    "nested-items-200": edit(M, ITEM, nested(200)),
    "no-identifiers": edit(edit(M, 'identifier="item1" ', ""), 'identifier="res1" ', ""),
    "self-reference": edit(M, 'identifierref="res1"', 'identifierref="item1"'),
    "masteryscore-nan": edit(M, "<title>Lektion 1</title>", "<title>L</title><adlcp:masteryscore>nan</adlcp:masteryscore>"),
    "masteryscore-huge": edit(M, "<title>Lektion 1</title>", "<title>L</title><adlcp:masteryscore>1e309</adlcp:masteryscore>"),
    "parameters-odd": edit(M, 'identifierref="res1"', 'identifierref="res1" parameters="?#&amp;&amp;#?"'),
    "parameters-100k": edit(M, 'identifierref="res1"', 'identifierref="res1" parameters="' + "a=b&amp;" * 20_000 + '"'),
    "base-javascript": edit(M, "<resources>", '<resources xml:base="javascript:alert(1)//">'),
    "base-outside": edit(M, "<resources>", '<resources xml:base="../../../">'),
    "base-network": edit(M, "<manifest ", '<manifest xml:base="//evil.example/" '),
    "href-empty": edit(M, 'href="index.html">', 'href="">'),
    "href-encoded-dots": edit(M, 'href="index.html">', 'href="%2e%2e/%2e%2e/etc/passwd">'),
    "href-nul": edit(M, 'href="index.html">', 'href="index.html%00.png">'),
    "default-unknown": edit(M, 'default="org1"', 'default="nope"'),
    "no-organizations": edit(M, '<organization identifier="org1">', '<x identifier="org1">').replace(
        "</organization>", "</x>"),
    "location-self": edit(M, "<schemaversion>1.2</schemaversion>",
                          "<schemaversion>1.2</schemaversion><adlcp:location>imsmanifest.xml</adlcp:location>"),
    "location-outside": edit(M, "<schemaversion>1.2</schemaversion>",
                             "<schemaversion>1.2</schemaversion><adlcp:location>../../x.xml</adlcp:location>"),
    "location-binary": edit(M, "<schemaversion>1.2</schemaversion>",
                            "<schemaversion>1.2</schemaversion><adlcp:location>assets/bild.png</adlcp:location>"),
    "title-bidi-and-controls": edit(M, "<title>Exempelkurs</title>", "<title>\u202eevil&#x1b;[2J&#13;x</title>"),
    "identifier-controls": edit(M, 'identifier="org1"', 'identifier="o&#10;rg1"'),
    "cdata-comments-pi": edit(M, "<title>Lektion 1</title>", "<!--c--><?pi x?><title><![CDATA[Lektion <1>]]></title>"),
    "many-resources": edit(M, "</resources>", "".join(
        f'<resource identifier="r{i}" type="webcontent" adlcp:scormtype="asset"><file href="f{i}"/>'
        f'<dependency identifierref="x{i}"/></resource>' for i in range(3000)) + "</resources>"),
    "doctype-external": edit(M, "<manifest ", '<!DOCTYPE manifest SYSTEM "http://evil.example/x.dtd">\n<manifest '),
    "scorm2004": edit(M, "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "http://www.imsglobal.org/xsd/imscp_v1p1"),
    "other-root": "<html><body>not a manifest</body></html>",
}
RAW_MANIFESTS = {
    "only-bom": codecs.BOM_UTF8,
    "utf32": M.replace("UTF-8", "UTF-32").encode("utf-32"),
    "utf16-bom-labelled-utf8": codecs.BOM_UTF16_LE + M.encode("utf-16-le"),
    "binary": bytes(range(256)) * 4,
    "declared-unknown-encoding": M.replace("UTF-8", "X-NOPE").encode(),
    "truncated": M.encode()[:300],
}


def corpus(tmp_path) -> dict:
    zips = {}
    for case, manifest in {**MANIFESTS, **RAW_MANIFESTS}.items():
        zips[case] = write_zip(tmp_path / f"{case}.zip", {**GOOD_FILES, "imsmanifest.xml": manifest})
    zips["manifest-is-a-folder"] = write_zip(tmp_path / "folder.zip", {"imsmanifest.xml/": "", "index.html": "x"})
    zips["only-folders"] = write_zip(tmp_path / "dirs.zip", {"a/": "", "a/b/": ""})
    zips["empty"] = write_zip(tmp_path / "empty.zip", {})
    zips["bidi-name"] = write_zip(tmp_path / "bidi.zip", {**GOOD_FILES, "a\u202egnp.exe": "x"})
    zips["name-5kb"] = write_zip(tmp_path / "long.zip", {**GOOD_FILES, "/".join(["a" * 250] * 20): "x"})
    big_comment = write_zip(tmp_path / "comment.zip", GOOD_FILES)
    with zipfile.ZipFile(big_comment, "a") as zf:
        zf.comment = b"PK\x05\x06" * 16000
    zips["comment-with-fake-end-records"] = big_comment
    zips["not-a-zip"] = tmp_path / "not.zip"
    zips["not-a-zip"].write_bytes(b"PK\x03\x04" + bytes(100))
    return zips


def test_every_zip_gets_a_verdict_and_validate_and_inspect_agree(tmp_path):
    verdicts = {}
    for case, path in corpus(tmp_path).items():
        validate = cli("validate", str(path))
        inspect = cli("inspect", str(path))
        for result in (validate, inspect):
            assert result.exception is None or isinstance(result.exception, SystemExit), (case, result.output)
            assert "Traceback" not in result.output, case
            assert result.exit_code in (0, 1, 2), case
        assert (validate.exit_code == 2) == (inspect.exit_code == 2), (case, validate.output, inspect.output)
        try:
            extract(path, tmp_path / "played" / case)
            played = [s.href for s in read_scos(tmp_path / "played" / case)]
        except UnusablePackage as e:
            played = e.code
        verdicts[case] = (validate.exit_code, played)
    # spot checks that the corpus means what it says
    assert verdicts["name-5kb"] == (2, "zip.name_too_long")
    assert verdicts["nested-items-200"] == (0, ["index.html"])
    assert verdicts["parameters-odd"][1] == ["index.html#&&#?"]  # leading ? dropped, then a fragment
    assert verdicts["base-javascript"] == (1, ["javascript:alert(1)//index.html"])  # validate: href_scheme
    assert verdicts["truncated"] == (1, "play.bad_manifest")
    assert verdicts["not-a-zip"] == (2, "zip.not_a_zip")


@pytest.mark.parametrize("case", ["title-bidi-and-controls", "identifier-controls"])
def test_text_from_the_manifest_is_escaped(tmp_path, case):
    path = write_zip(tmp_path / "k.zip", {**GOOD_FILES, "imsmanifest.xml": MANIFESTS[case]})
    for args in (("validate",), ("inspect",)):
        output = cli(*args, str(path)).output
        assert not any(ch in output for ch in "\u202e\x1b\r"), (args, output)
