"""What the zip holds: other formats, plain web pages, and what breaks in real LMSes (warnings)."""
from __future__ import annotations

import zipfile

import pytest

from package_helpers import GOOD_FILES, GOOD_MANIFEST as M, INDEX, cli, codes, edit, validate_json, write_zip
from scorm_builder.package.validate import Thresholds, validate_package

NOT_SCORM_12 = [
    ("manifest-in-folder", {f"Min kurs/{n}": v for n, v in GOOD_FILES.items()}, "validate.manifest_in_folder",
     "Min kurs/imsmanifest.xml", "imsmanifest.xml is inside the folder Min kurs/, not at the top of the zip"),
    ("manifest-name-case", {**{n: v for n, v in GOOD_FILES.items() if n != "imsmanifest.xml"}, "IMSManifest.xml": M},
     "validate.manifest_name_case", "IMSManifest.xml",
     "the manifest is named IMSManifest.xml, but it must be exactly imsmanifest.xml"),
    ("cmi5", {"cmi5.xml": "<courseStructure/>", "index.html": INDEX}, "validate.cmi5", None,
     "this is a cmi5 package (cmi5.xml), not SCORM 1.2"),
    ("xapi", {"tincan.xml": "<tincan/>", "index.html": INDEX}, "validate.xapi", None,
     "this is an xAPI (Tin Can) package (tincan.xml), not SCORM 1.2"),
    ("aicc", {"kurs.crs": "[Course]", "kurs.au": "x", "kurs.des": "x", "kurs.cst": "x", "index.html": INDEX},
     "validate.aicc", None, "this is an AICC package (.crs, .au, .des and .cst files), not SCORM 1.2"),
    ("empty-zip", {}, "validate.empty_zip", None, "the zip is empty: it holds no files"),
    ("web-pages", {"index.html": INDEX, "style.css": "body{}", "sida2.html": INDEX}, "validate.not_scorm", None,
     "not a SCORM package: there is no imsmanifest.xml at the top of the zip"),
]


@pytest.mark.parametrize("case,files,code,file,message", NOT_SCORM_12, ids=[c[0] for c in NOT_SCORM_12])
def test_not_a_scorm_12_package(tmp_path, case, files, code, file, message):
    exit_code, [report] = validate_json(write_zip(tmp_path / "x.zip", files))
    assert exit_code == 1
    assert [(e["code"], e["file"], e["message"]) for e in report["errors"]] == [(code, file, message)]


def test_plain_web_pages_are_told_what_is_missing(tmp_path):
    path = write_zip(tmp_path / "webb.zip", {"index.html": INDEX, "style.css": "body{}", "sida2.html": INDEX})
    result = cli("validate", str(path))
    assert "hint: the zip has 3 files (2 web pages), for example index.html, sida2.html, style.css" in result.output


EXTERNAL_HTML = """<!doctype html>
<html><head>
<script src="https://cdn.example.com/jquery.js"></script>
<link rel="stylesheet" href="//fonts.example.com/css?family=Open+Sans">
<style>body { background: url('https://img.example.com/bg.png') }</style>
<script src="player.js"></script>
</head><body>
<a href="https://www.kvinnofridslinjen.se">Kvinnofridslinjen</a>
<img alt="" src="http://tracker.example.com/pixel.gif"><iframe src="https://www.youtube.com/embed/x"></iframe>
</body></html>
"""


def test_resources_from_the_internet_are_warned_about_by_line(make_package):
    css = '@import "https://fonts.example.com/a.css";\nh1 { color: red }\n.x { background: url(assets/ok.png) }\n'
    js = 'var s = document.createElement("script");\ns.src = "https://analytics.example.com/a.js";\n'
    manifest = edit(M, '<file href="assets/bild.png"/>',
                    '<file href="assets/bild.png"/><file href="theme.css"/><file href="player.js"/>')
    path = make_package({"imsmanifest.xml": manifest, "index.html": EXTERNAL_HTML, "theme.css": css, "player.js": js})
    exit_code, [report] = validate_json(path)
    assert exit_code == 0
    found = [(w["file"], w["line"], w["message"]) for w in report["warnings"] if w["code"] == "validate.external_resource"]
    assert found == [
        ("index.html", 3, "loads https://cdn.example.com/jquery.js from the internet"),
        ("index.html", 4, "loads //fonts.example.com/css?family=Open+Sans from the internet"),
        ("index.html", 5, "loads https://img.example.com/bg.png from the internet"),
        ("index.html", 9, "loads http://tracker.example.com/pixel.gif from the internet"),
        ("index.html", 9, "loads https://www.youtube.com/embed/x from the internet"),
        ("player.js", 2, "loads https://analytics.example.com/a.js from the internet"),
        ("theme.css", 1, "loads https://fonts.example.com/a.css from the internet"),
    ]


def test_a_long_minified_line_is_scanned_in_pieces(make_package):
    js = "var a=1;" * 40_000 + 'document.write(\'<script src="https://cdn.example.com/late.js"></script>\');' + "b=2;" * 30_000
    manifest = edit(M, '<file href="assets/bild.png"/>', '<file href="assets/bild.png"/><file href="app.js"/>')
    _, [report] = validate_json(make_package({"imsmanifest.xml": manifest, "app.js": js}))
    assert [(w["file"], w["line"], w["message"]) for w in report["warnings"]] == [
        ("app.js", 1, "loads https://cdn.example.com/late.js from the internet")]


JUNK = [
    ("space", {"assets/min bild.png": b"x"}, "validate.name_space", "assets/min bild.png", "the file name contains spaces"),
    ("non-ascii", {"assets/älg.png": b"x"}, "validate.name_non_ascii", "assets/älg.png",
     "the file name has characters outside a-z, such as å, ä or ö"),
    ("macosx", {"__MACOSX/._index.html": b"x", "__MACOSX/assets/._bild.png": b"x"}, "validate.macosx", "__MACOSX/",
     "the zip holds the macOS folder __MACOSX/ (2 entries)"),
    ("ds-store", {"assets/.DS_Store": b"x"}, "validate.junk_file", "assets/.DS_Store", "operating-system junk file"),
    ("nested-zip", {"assets/kurs.zip": b"PK\x05\x06" + bytes(18)}, "validate.nested_zip", "assets/kurs.zip",
     "the package contains another zip file"),
    ("unlisted", {"extra.html": INDEX}, "validate.file_unlisted", "extra.html",
     "the file is in the zip but not listed in any <file> of the manifest"),
]


@pytest.mark.parametrize("case,extra,code,file,message", JUNK, ids=[c[0] for c in JUNK])
def test_lms_trouble_is_a_warning(make_package, case, extra, code, file, message):
    exit_code, [report] = validate_json(make_package(extra))
    assert (exit_code, report["valid"]) == (0, True)
    assert [(w["code"], w["file"], w["message"]) for w in report["warnings"] if w["code"] == code] == [(code, file, message)]


def test_a_file_over_100_mb_is_warned_about(make_package, tmp_path):
    big = tmp_path / "big.zip"
    write_zip(big, {**GOOD_FILES, "assets/film.mp4": bytes(101 * 1024 * 1024)}, compression=zipfile.ZIP_STORED)
    exit_code, [report] = validate_json(big)
    assert exit_code == 0
    [warning] = [w for w in report["warnings"] if w["code"] == "validate.file_large"]
    assert (warning["file"], warning["message"]) == ("assets/film.mp4", "the file is 101.0 MB")


def test_a_large_total_is_warned_about(make_package):
    report = validate_package(make_package({"assets/a.bin": bytes(3000)}), thresholds=Thresholds(large_total=2000))
    assert [(d.code, d.message("en")) for d in report.warnings if d.code == "validate.total_large"] == [
        ("validate.total_large", "the package unpacks to 3.8 KB")]
    assert Thresholds().large_total == 500 * 1024 * 1024 and Thresholds().large_file == 100 * 1024 * 1024


def test_many_warnings_of_one_kind_are_summed_up(make_package):
    extra = {f"assets/bild {i:02}.png": b"x" for i in range(13)}
    manifest = edit(M, '<file href="assets/bild.png"/>',
                    "".join(f'<file href="assets/bild%20{i:02}.png"/>' for i in range(13)) + '<file href="assets/bild.png"/>')
    result = cli("validate", str(make_package({"imsmanifest.xml": manifest, **extra})))
    assert result.exit_code == 0
    assert result.output.count("warning: the file name contains spaces") == 10
    assert "warning: 3 more warnings of the same kind (validate.name_space) are not shown" in result.output
    assert result.output.rstrip().endswith("valid SCORM 1.2 package (0 errors, 11 warnings)")


def test_json_has_one_object_per_package_and_the_worst_exit_code(make_package, tmp_path):
    good = make_package()
    broken = make_package({"imsmanifest.xml": edit(M, 'identifierref="res1"', 'identifierref="nope"')}, name="trasig.zip")
    not_zip = tmp_path / "text.zip"
    not_zip.write_text("hej")
    exit_code, reports = validate_json(good, broken, not_zip)
    assert exit_code == 2
    assert [(r["path"], r["valid"]) for r in reports] == [(str(good), True), (str(broken), False), (str(not_zip), False)]
    assert reports[1]["errors"] == [{
        "file": "imsmanifest.xml", "line": 12, "code": "validate.identifierref_unknown",
        "message": '<item identifier="item1"> names the resource "nope", which does not exist',
        "hint": 'did you mean "res1"?'}]
    assert codes(reports[2]) == ["zip.not_a_zip"]
    assert validate_json(good, broken)[0] == 1
