"""The runtime's pure parts, without a browser: SCO discovery, the LMS profile rules, the server's CSP reports."""
from __future__ import annotations

import zipfile

import pytest

from scorm_builder.i18n import t
from scorm_builder.runtime.profiles import PROFILES, Student
from scorm_builder.runtime.scos import Sco, UnusablePackage, extract, read_scos

from runtime_test_packages import make_package

SCO = Sco(identifier="i1", title="t", href="sco.html", scormtype="sco", mastery_score="80", launch_data="x=1")


def test_items_with_parameters_and_mastery_become_scos(tmp_path):
    package = make_package(tmp_path / "p.zip", [("first", "?a=1&b=2", "75"), ("second", "", "")])
    extract(package, tmp_path / "x")
    first, second = read_scos(tmp_path / "x")
    assert (first.identifier, first.href, first.mastery_score) == ("first", "sco.html?a=1&b=2", "75")
    assert (second.href, second.mastery_score, second.scormtype) == ("sco.html", "", "sco")


def test_scos_launch_where_validate_and_inspect_say(tmp_path):
    # the one launch rule: xml:base on <resources> counts, and a #fragment is not made a query
    package = make_package(tmp_path / "p.zip", [("first", "#kapitel-2", ""), ("second", "sida=2", "")])
    extract(package, tmp_path / "x")
    manifest = tmp_path / "x" / "imsmanifest.xml"
    manifest.write_text(manifest.read_text().replace("<resources>", '<resources xml:base="kurs/">'))
    assert [s.href for s in read_scos(tmp_path / "x")] == ["kurs/sco.html#kapitel-2", "kurs/sco.html?sida=2"]


def test_a_manifest_in_latin1_labelled_utf8_is_one_clear_refusal(tmp_path):
    (tmp_path / "imsmanifest.xml").write_bytes(
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest><title>Kurs på svenska</title></manifest>'.encode("latin-1"))
    with pytest.raises(UnusablePackage) as caught:
        read_scos(tmp_path)
    assert caught.value.code == "play.bad_manifest"
    assert caught.value.params["detail"] == "imsmanifest.xml:2: " + t("validate.manifest_encoding", encoding="UTF-8")


def test_an_entry_name_of_5_kb_is_refused_before_extracting(tmp_path):
    package = make_package(tmp_path / "p.zip")
    with zipfile.ZipFile(package, "a") as zf:
        zf.writestr("/".join(["a" * 250] * 20) + "/x.html", "x")
    with pytest.raises(UnusablePackage) as caught:
        extract(package, tmp_path / "x")
    assert caught.value.code == "zip.name_too_long"
    assert not (tmp_path / "x" / "sco.html").exists()


def test_no_manifest_is_unusable(tmp_path):
    with pytest.raises(UnusablePackage) as caught:
        read_scos(tmp_path)
    assert caught.value.code == "play.no_manifest" and "imsmanifest.xml" in caught.value.message("en")


def test_first_launch_preset_carries_the_item_values():
    preset, start = PROFILES["strict"].preset(None, SCO, Student())
    assert preset["core"]["entry"] == start["cmi.core.entry"] == "ab-initio"
    assert preset["core"]["credit"] == "credit" and preset["core"]["student_name"] == "Andersson, Anna"
    assert preset["student_data"]["mastery_score"] == "80" and preset["launch_data"] == "x=1"


@pytest.mark.parametrize("lms,status,raw,expected", [
    ("strict", "not attempted", "", "not attempted"), ("moodle", "not attempted", "", "completed"),
    ("strict", "completed", "79", "failed"), ("moodle", "incomplete", "80", "passed"),
    ("strict", "incomplete", "", "incomplete"),
])
def test_status_rules_at_finish(lms, status, raw, expected):
    cmi = {"cmi.core.lesson_status": status, "cmi.core.score.raw": raw, "cmi.core.credit": "credit",
           "cmi.core.lesson_mode": "normal", "cmi.student_data.mastery_score": "80"}
    assert PROFILES[lms].at_finish(cmi)["cmi.core.lesson_status"] == expected


def test_no_credit_means_no_mastery_override():
    cmi = {"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "10", "cmi.core.credit": "no-credit",
           "cmi.student_data.mastery_score": "80"}
    assert PROFILES["moodle"].at_finish(cmi)["cmi.core.lesson_status"] == "completed"


def test_server_keeps_csp_reports_and_refuses_anything_else(tmp_path):
    import json
    import urllib.error
    import urllib.request

    from scorm_builder.runtime.server import CSP, PlaybackServer

    (tmp_path / "sco.html").write_text("<p>x</p>", encoding="utf-8")

    def post(server, body: bytes, path="/lms/csp-report") -> int:
        request = urllib.request.Request(server.origin + path, data=body, method="POST",
                                         headers={"Content-Type": "application/csp-report"})
        try:
            with urllib.request.urlopen(request) as response:
                return response.status
        except urllib.error.HTTPError as e:
            return e.code

    with PlaybackServer(tmp_path) as server:
        with urllib.request.urlopen(server.origin + "/pkg/sco.html") as response:
            assert response.headers["Content-Security-Policy"] == CSP
        report = {"csp-report": {"blocked-uri": "https://x.example.net/a", "violated-directive": "connect-src"}}
        assert post(server, json.dumps(report).encode()) == 204
        assert post(server, b"not json") == 400
        assert post(server, b"x" * (65 * 1024)) == 413
        assert post(server, json.dumps(report).encode(), "/pkg/sco.html") == 404
    assert server.csp_reports == ["https://x.example.net/a"]


def test_a_browser_dropping_a_connection_is_no_traceback(tmp_path, capsys):
    """A request still open when a playback closes its pages (or a video read for its metadata)
    ends in a reset connection: the server says nothing. Any other failure still shows."""
    import socket

    from scorm_builder.runtime.server import PlaybackServer

    with PlaybackServer(tmp_path) as server:
        for failure in (ConnectionResetError(104, "reset by peer"), BrokenPipeError(32, "broken pipe"),
                        ValueError("a bug of ours")):
            def fail(request, client_address, server=server, failure=failure):
                raise failure
            server.httpd.finish_request = fail
            with socket.create_connection(server.httpd.server_address, timeout=5) as s:
                s.recv(1)   # the handler thread failed and closed the connection
            seen = capsys.readouterr().err
            assert ("Traceback" in seen) == isinstance(failure, ValueError), (failure, seen)
