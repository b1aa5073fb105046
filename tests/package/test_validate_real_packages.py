"""Real third-party packages (Rustici's golf examples, tests/fixtures/NOTICE) and zips shaped like
Moodle's broken test fixtures get the verdict their content deserves."""
from __future__ import annotations

import json

import pytest

from package_helpers import cli, codes, validate_json
from support import GOLF as PACKAGES
GOOD = ["singlescobasic.zip", "singlesco_scorm12.zip",
        "RuntimeMinimumCalls_SCORM12.zip", "RuntimeMinimumCalls_SCORM12-mini.zip"]


@pytest.mark.parametrize("name", GOOD)
def test_real_scorm12_packages_are_valid(name):
    exit_code, [report] = validate_json(PACKAGES / name)
    assert (exit_code, report["valid"], report["errors"]) == (0, True, [])


def test_all_real_good_packages_in_one_run_exit_0_with_a_line_each():
    result = cli("validate", *(str(PACKAGES / n) for n in GOOD))
    assert result.exit_code == 0
    assert result.output.count("valid SCORM 1.2 package (0 errors, ") == len(GOOD)


def test_singlescobasic_runs_script_from_attributes():
    # Moodle's basic test SCO wires its buttons with onclick and its page with onload: valid, but an
    # administrator who reviews the .js files should know
    exit_code, [report] = validate_json(PACKAGES / "singlescobasic.zip")
    assert exit_code == 0
    handlers = [(w["file"], w["message"]) for w in report["warnings"] if w["code"] == "validate.event_handler"]
    assert ("shared/launchpage.html", "<body> has the attribute onload, which runs script") in handlers
    assert ("shared/launchpage.html", "<input> has the attribute onclick, which runs script") in handlers


def test_validscorm_zip_is_not_well_formed_despite_its_name(broken_zips):
    # Its manifest holds only the XML declaration; Moodle's upload check passes it
    # because it looks only for the file, but no LMS can read a course from it.
    result = cli("validate", str(broken_zips["validscorm.zip"]))
    assert result.exit_code == 1
    assert ("validscorm.zip: imsmanifest.xml:2: error: imsmanifest.xml is empty: it has no <manifest> element"
            in result.output)


def test_badscorm_zip_has_its_manifest_in_a_folder(broken_zips):
    result = cli("validate", str(broken_zips["badscorm.zip"]))
    assert result.exit_code == 1
    assert "error: imsmanifest.xml is inside the folder badscorm/, not at the top of the zip" in result.output
    assert "hint: zip the contents of badscorm/, not the folder itself" in result.output


def test_badscorm_zip_in_swedish(broken_zips):
    result = cli("validate", str(broken_zips["badscorm.zip"]), lang="sv")
    assert "fel: " not in result.output  # severity words stay English for editors
    assert "error: imsmanifest.xml ligger i mappen badscorm/ och inte överst i zipfilen" in result.output
    assert result.output.rstrip().endswith("badscorm.zip: 1 fel, 0 varningar")


def test_invalid_zip_has_no_manifest(broken_zips):
    exit_code, [report] = validate_json(broken_zips["invalid.zip"])
    assert exit_code == 1
    assert codes(report) == ["validate.not_scorm"]
    assert report["errors"][0]["message"] == "not a SCORM package: there is no imsmanifest.xml at the top of the zip"
    assert "for example test.htm" in report["errors"][0]["hint"]


def test_missingorg_has_an_empty_organizations_element_and_an_unlisted_file():
    exit_code, [report] = validate_json(PACKAGES / "singlescobasic_missingorg.zip")
    assert exit_code == 1
    assert [(e["code"], e["file"], e["line"]) for e in report["errors"]] == [
        ("validate.no_organization", "imsmanifest.xml", 25)]
    assert [(w["code"], w["file"]) for w in report["warnings"] if w["code"] != "validate.event_handler"] == [
        ("validate.file_unlisted", "missingorg_shared/assessmenttemplate.html")]


def test_inspect_multi_sco_golf_tree():
    result = cli("inspect", str(PACKAGES / "RuntimeMinimumCalls_SCORM12-mini.zip"))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Title: Golf Explained - Minimum Run-time Calls"
    assert lines[1] == "Identifier: com.scorm.golfsamples.runtime.minimumcalls.12"
    tree = lines[lines.index("Organizations:") + 1:lines.index("SCOs and launch files:")]
    assert tree[:4] == [
        "  golf_sample_default_org (default): Golf Explained - Minimum Run-time Calls",
        "    Playing the Game",
        "      How to Play -> Playing/Playing.html [sco]",
        "      Par? -> Playing/Par.html [sco]",
    ]
    assert "      Having Fun Quiz -> shared/assessmenttemplate.html?questions=HavingFun [sco]" in tree
    assert "Files: 28, 291.8 KB" in lines
    assert lines[lines.index("Largest files:") + 1] == "    83.5 KB  HavingFun/fun.jpg"


def test_inspect_json_of_single_sco_golf():
    result = cli("inspect", "--format", "json", str(PACKAGES / "singlescobasic.zip"))
    info = json.loads(result.output)
    assert info["title"] == "Golf Explained - Run-time Basic Calls"
    assert info["metadata"]["schemaversion"] == "1.2"
    [org] = info["organizations"]
    assert [(i["title"], i["launch"], i["scormtype"]) for i in org["items"]] == [
        ("Golf Explained", "shared/launchpage.html", "sco")]
    assert info["scos"] == [{"identifier": "resource_1", "href": "shared/launchpage.html"}]
    assert info["files"]["count"] == 46
    assert len(info["files"]["largest"]) == 5


def test_inspect_of_a_zip_without_manifest_says_why_and_exits_1(broken_zips):
    result = cli("inspect", str(broken_zips["badscorm.zip"]))
    assert result.exit_code == 1
    assert "imsmanifest.xml is inside the folder badscorm/" in result.output


def count_items(items: list[dict]) -> int:
    return sum(1 + count_items(i["items"]) for i in items)


@pytest.mark.parametrize("name,title,items,scos", [
    # item and SCO counts as tests/fixtures/NOTICE describes the packages
    ("RuntimeMinimumCalls_SCORM12.zip", "Golf Explained - Minimum Run-time Calls", 22, 18),
    ("RuntimeMinimumCalls_SCORM12-mini.zip", "Golf Explained - Minimum Run-time Calls", 11, 9),
    ("singlesco_scorm12.zip", "Golf Explained - CP Single SCO", 1, 1),
    ("singlescobasic.zip", "Golf Explained - Run-time Basic Calls", 1, 1),
    ("singlescobasic_missingorg.zip", "com.scorm.golfsamples.runtime.basicruntime.12", 0, 1),  # no organization
])
def test_inspect_titles_items_and_scos(name, title, items, scos):
    info = json.loads(cli("inspect", "--format", "json", str(PACKAGES / name)).output)
    assert (info["title"], sum(count_items(o["items"]) for o in info["organizations"]), len(info["scos"])) == (
        title, items, scos)
