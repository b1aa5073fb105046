"""validate, inspect and play read a manifest the same way (issue 12: they were three readers that disagreed)."""
from __future__ import annotations

import json

import pytest

from package_helpers import GOOD_FILES, GOOD_MANIFEST as M, cli, codes, edit, validate_json, write_zip
from scorm_builder.runtime.scos import extract, read_scos

CASES = {
    # case: (edits to the manifest, where index.html lies in the zip, the launch URL)
    "plain": ([], "index.html", "index.html"),
    "base-on-resource": ([('<resource identifier="res1"', '<resource xml:base="sco/" identifier="res1"')],
                         "sco/index.html", "sco/index.html"),
    "base-on-resources": ([("<resources>", '<resources xml:base="innehall/">')],
                          "innehall/index.html", "innehall/index.html"),
    "base-on-manifest-and-resource": ([("<manifest ", '<manifest xml:base="kurs/" '),
                                       ('<resource identifier="res1"', '<resource xml:base="sco/" identifier="res1"')],
                                      "kurs/sco/index.html", "kurs/sco/index.html"),
    "parameters-query": ([('identifierref="res1"', 'identifierref="res1" parameters="?sida=2"')],
                         "index.html", "index.html?sida=2"),
    "parameters-fragment": ([('identifierref="res1"', 'identifierref="res1" parameters="#kapitel"')],
                            "index.html", "index.html#kapitel"),
    "parameters-onto-a-query": ([('href="index.html">', 'href="index.html?lang=sv">'),
                                 ('identifierref="res1"', 'identifierref="res1" parameters="&amp;sida=2"')],
                                "index.html", "index.html?lang=sv&sida=2"),
}


@pytest.mark.parametrize("case", CASES)
def test_validate_inspect_and_play_agree_on_the_launch(tmp_path, case):
    changes, location, launch = CASES[case]
    manifest = edit(M, '<file href="assets/bild.png"/>', "")
    for old, new in changes:
        manifest = edit(manifest, old, new)
    files = {k: v for k, v in GOOD_FILES.items() if k not in ("index.html", "assets/bild.png")}
    path = write_zip(tmp_path / "kurs.zip", {**files, "imsmanifest.xml": manifest, location: "<p>hej</p>"})

    exit_code, [report] = validate_json(path)
    assert (exit_code, codes(report), codes(report, "warnings")) == (0, [], [])
    info = json.loads(cli("inspect", "--format", "json", str(path)).output)
    [item] = info["organizations"][0]["items"]
    extract(path, tmp_path / "x")
    [sco] = read_scos(tmp_path / "x")
    assert item["launch"] == sco.href == launch
