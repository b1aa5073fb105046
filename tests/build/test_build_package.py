"""What a build puts in dist/: one valid, self-contained, reproducible SCORM 1.2 zip per audience."""
from __future__ import annotations

import hashlib
import re
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from support import GOLF, course_html, launch_data
from scorm_builder.build import build_course
from scorm_builder.cli import main

NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
XSDS = {"imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"}


@pytest.fixture(scope="module")
def official_schema(tmp_path_factory):
    """The XSDs as a third-party package ships them (not the tool's own copy), so the check is
    independent of the tool."""
    folder = tmp_path_factory.mktemp("xsd")
    with zipfile.ZipFile(GOLF / "singlescobasic.zip") as zf:
        for name in XSDS:
            (folder / name).write_bytes(zf.read(name))
    return etree.XMLSchema(etree.parse(str(folder / "adlcp_rootv1p2.xsd")))


def manifest_of(zip_path):
    with zipfile.ZipFile(zip_path) as zf:
        return etree.fromstring(zf.read("imsmanifest.xml"))


def without_lom(root):
    """libxml2 cannot compile imsmd's XSD; check the rest with the official adlcp schema."""
    copy = etree.fromstring(etree.tostring(root))
    for lom in copy.xpath("//*[local-name()='lom']"):
        lom.getparent().remove(lom)
    return copy


def test_one_zip_per_audience_named_by_id_version_audience(make_course, tmp_path):
    zips = build_course(make_course(), tmp_path / "dist")
    assert [z.name for z in zips] == ["mini-1.0-chefer.zip", "mini-1.0-omsorg.zip"]


def test_manifest_is_valid_scorm_12(make_course, tmp_path, official_schema):
    for zip_path in build_course(make_course(), tmp_path / "dist"):
        root = manifest_of(zip_path)
        assert official_schema.validate(without_lom(root)), official_schema.error_log
        assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
        assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
        org_default = root.find("cp:organizations", NS).get("default")
        assert root.find(f"cp:organizations/cp:organization[@identifier='{org_default}']", NS) is not None
        res = root.find("cp:resources/cp:resource", NS)
        assert res.get("{%s}scormtype" % NS["adlcp"]) == "sco"
        assert res.get("href") == "index.html"
        assert root.findtext(".//adlcp:masteryscore", namespaces=NS) == "80"


def test_manifest_uses_the_prefixes_moodle_reads(make_course, tmp_path):
    zip_path = build_course(make_course(), tmp_path / "dist", ["omsorg"])[0]
    with zipfile.ZipFile(zip_path) as zf:
        text = zf.read("imsmanifest.xml").decode()
    assert '<manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"' in text
    assert 'adlcp:scormtype="sco"' in text and "adlcp:masteryscore" in text


def test_every_file_is_listed_and_every_listed_file_exists(make_course, tmp_path):
    zip_path = build_course(make_course(), tmp_path / "dist", ["chefer"])[0]
    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
    listed = {f.get("href") for f in manifest_of(zip_path).iterfind(".//cp:file", NS)}
    assert XSDS <= names
    assert listed == names - XSDS - {"imsmanifest.xml"}
    assert {"index.html", "player.js", "player.css", "theme.css", "assets/bild.svg", "assets/lathund.pdf"} <= listed


def test_audience_blocks_and_variant_titles(make_course, tmp_path):
    chefer, omsorg = build_course(make_course(), tmp_path / "dist")
    chefer_html, omsorg_html = course_html(chefer), course_html(omsorg)
    assert "Bara för chefer." in chefer_html and "Bara för chefer." not in omsorg_html
    assert "Minikurs – Chefer" in chefer_html and "Minikurs – Omsorgspersonal" in omsorg_html
    assert manifest_of(chefer).get("identifier") != manifest_of(omsorg).get("identifier")


def test_lessons_limited_to_an_audience(make_course, tmp_path):
    lesson = "---\ntitle: Bara omsorg\naudiences: [omsorg]\n---\n# Omsorgssida\n\nText.\n"
    course = make_course({"lessons/02-omsorg.md": lesson,
                          "course.yml": "id: mini\ntitle: Minikurs\naudiences:\n  - id: chefer\n    title: C\n"
                                        "  - id: omsorg\n    title: O\nlessons: [01-forsta, 02-omsorg]\n"})
    chefer, omsorg = build_course(course, tmp_path / "dist")
    assert "Omsorgssida" not in course_html(chefer)
    assert "Omsorgssida" in course_html(omsorg)


def test_course_data_lists_pages_questions_and_test(make_course, tmp_path):
    zip_path = build_course(make_course(), tmp_path / "dist", ["omsorg"])[0]
    data = launch_data(zip_path)
    assert [p["id"] for p in data["pages"]] == ["l01-forsta-1", "l01-forsta-2", "slutprov-1"]
    assert data["test"]["pool"] == ["prov-1", "prov-2", "prov-3"] and data["test"]["draw"] == 2
    assert data["mastery"] == 80 and data["completion"] == "pages-and-test"
    assert set(data["questions"]) == {"kontroll-1", "prov-1", "prov-2", "prov-3"}
    assert data["strings"]["next"] == "Nästa"


def test_same_sources_give_the_same_bytes(make_course, tmp_path):
    course = make_course()
    first = [hashlib.sha256(z.read_bytes()).hexdigest() for z in build_course(course, tmp_path / "a")]
    second = [hashlib.sha256(z.read_bytes()).hexdigest() for z in build_course(course, tmp_path / "b")]
    assert first == second


def test_source_date_epoch_sets_the_timestamps(make_course, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    zip_path = build_course(make_course(), tmp_path / "dist", ["chefer"])[0]
    with zipfile.ZipFile(zip_path) as zf:
        stamps = {info.date_time for info in zf.infolist()}
        infos = {i.filename: i.compress_type for i in zf.infolist()}
    assert stamps == {(2023, 11, 14, 22, 13, 20)}
    assert infos["index.html"] == zipfile.ZIP_DEFLATED and infos["assets/lathund.pdf"] == zipfile.ZIP_STORED


def test_nothing_loads_from_outside_the_package(make_course, tmp_path):
    zip_path = build_course(make_course(), tmp_path / "dist", ["chefer"])[0]
    with zipfile.ZipFile(zip_path) as zf:
        for name in zf.namelist():
            if name.endswith((".html", ".js", ".css")):
                text = zf.read(name).decode()
                assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', text), name
                assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), name


def test_web_links_open_in_a_new_tab(make_course, tmp_path):
    lesson = "---\ntitle: Länkar\n---\n# Sida\n\n[Brå](https://bra.se/statistik)\n"
    zip_path = build_course(make_course({"lessons/01-forsta.md": lesson}), tmp_path / "dist", ["chefer"])[0]
    html = course_html(zip_path)
    assert '<a href="https://bra.se/statistik" rel="noopener noreferrer" target="_blank">Brå</a>' in html


def test_swedish_file_names_are_transliterated(make_course, tmp_path):
    lesson = "---\ntitle: Bilder\n---\n# Sida\n\n![Våld](../assets/Våldets former.svg)\n"
    course = make_course({"lessons/01-forsta.md": lesson})
    (course / "assets" / "Våldets former.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    zip_path = build_course(course, tmp_path / "dist", ["chefer"])[0]
    names = zipfile.ZipFile(zip_path).namelist()
    assert "assets/Valdets-former.svg" in names
    assert all(n.isascii() for n in names)


def test_multi_sco_packaging(make_course, tmp_path, official_schema):
    yml = "id: mini\ntitle: Minikurs\npackaging: multi-sco\naudiences: [{id: chefer, title: C}]\nlessons: [01-forsta, slutprov]\n"
    zip_path = build_course(make_course({"course.yml": yml}), tmp_path / "dist")[0]
    assert zip_path.name == "mini-1.0-chefer.zip"
    root = manifest_of(zip_path)
    assert official_schema.validate(without_lom(root)), official_schema.error_log
    scos = root.xpath("//cp:resource[@adlcp:scormtype='sco']", namespaces=NS)
    assert [r.get("href") for r in scos] == ["sco-l01-forsta.html", "sco-slutprov.html"]
    items = root.findall(".//cp:item", NS)
    assert len(items) == 2 and items[1].findtext("adlcp:masteryscore", namespaces=NS) == "80"
    assert all(r.find("cp:dependency", NS).get("identifierref") == "RES-common" for r in scos)
    # an LMS that launches the first webcontent resource it meets must meet a SCO, not the asset
    kinds = [r.get(f"{{{NS['adlcp']}}}scormtype") for r in root.findall("cp:resources/cp:resource", NS)]
    assert kinds == ["sco", "sco", "asset"]


def test_cli_prints_one_line_per_package(make_course, tmp_path):
    result = CliRunner().invoke(main, ["build", str(make_course()), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert len(lines) == 2
    for line, name in zip(lines, ["mini-1.0-chefer.zip", "mini-1.0-omsorg.zip"]):
        assert re.fullmatch(rf".*/{name}  \d+\.\d KB  sha256:[0-9a-f]{{12}}", line), line
