"""The certificate (course.yml `certificate: true`): offered after a pass, with the learner's name
as "First Last", the course, the variant, the date and the score; one A4 sheet in print; axe-clean;
in standalone mode it says it is not a record."""
from __future__ import annotations

import io
import zipfile

import pypdf
import pytest

from player_steps import COURSE, exit_course, read_to_end, take_test
from support import launch_data
from scorm_builder.runtime import a11y

pytestmark = pytest.mark.playback
WITH_CERTIFICATE = {
    "course.yml": COURSE["course.yml"].replace("completion: pages-and-test", "completion: pages-and-test\n"
                                               "        certificate: true\n        audiences:\n"
                                               "          - id: omsorg\n            title: Omsorgspersonal"),
}
CERT_BUTTON = "Visa intyg"


def certificate_text(frame) -> dict:
    return frame.evaluate("""() => ({
        visible: !document.getElementById('sb-cert').hidden,
        name: document.querySelector('.sb-cert-name').textContent,
        course: document.querySelector('.sb-cert-course').textContent,
        rows: [...document.querySelectorAll('#sb-cert dt')].map(e => [e.textContent, e.nextElementSibling.textContent]),
        note: !document.getElementById('sb-cert-note').hidden,
        focus: document.activeElement.id })""")


def test_after_a_pass_the_certificate_names_the_learner_first_name_first_and_prints_on_one_a4_sheet(
        play, build, tmp_path):
    zip_path = build(WITH_CERTIFICATE)
    data = launch_data(zip_path)
    seen = {}

    def learner(session):
        frame = session.launch()
        read_to_end(frame)
        take_test(frame, data, right=False)                # failed: no certificate yet
        seen["after a fail"] = frame.get_by_role("button", name=CERT_BUTTON).count()
        take_test(frame, data, right=True)
        frame.get_by_role("button", name=CERT_BUTTON).click()
        seen["shown"] = certificate_text(frame)
        seen["axe"] = a11y.audit(frame, "certificate")["violations"]
        frame.page.emulate_media(media="print")
        seen["pdf"] = frame.page.pdf(format="A4", prefer_css_page_size=True)
        frame.page.emulate_media(media="screen")
        frame.get_by_role("button", name="Tillbaka").click()
        seen["back"] = frame.evaluate("() => [document.getElementById('sb-cert').hidden, "
                                      "document.activeElement.textContent]")
        exit_course(frame)
        seen["on the closing view"] = frame.get_by_role("button", name=CERT_BUTTON).count()

    run = play(zip_path, learner, launch="popup")     # the popup is a page of its own, so it prints alone
    assert run.errors == [] and run.violations == []
    assert run.cmi["cmi.core.lesson_status"] == "passed"
    assert seen["after a fail"] == 0
    shown = seen["shown"]
    assert shown["visible"] and shown["focus"] == "sb-cert-h"
    assert shown["name"] == "Anna Andersson"              # the strict LMS says "Andersson, Anna"
    assert shown["course"] == "Spelarkurs"
    rows = dict(shown["rows"])
    assert rows["Målgrupp"] == "Omsorgspersonal" and rows["Resultat på slutprovet"] == "100 %"
    assert rows["Datum"]
    assert not shown["note"]
    assert seen["axe"] == [], a11y.lines({"page": "certificate", "violations": seen["axe"]})
    reader = pypdf.PdfReader(io.BytesIO(seen["pdf"]))
    assert len(reader.pages) == 1
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Anna Andersson" in text and "Spelarkurs" in text and "Visa intyg" not in text
    assert "Tillbaka" not in text and "Nästa" not in text  # only the certificate is printed
    assert seen["back"] == [True, CERT_BUTTON]
    assert seen["on the closing view"] == 1


def test_no_certificate_before_the_pass_and_none_for_a_course_without_one(play, build):
    with_cert, without = build(WITH_CERTIFICATE, name="med"), build(name="utan")
    assert b'id="sb-cert"' in zipfile.ZipFile(with_cert).read("index.html")
    assert b'id="sb-cert"' not in zipfile.ZipFile(without).read("index.html")
    counts = {}

    def exits_unfinished(session):
        frame = session.launch()
        read_to_end(frame)
        counts["hidden"] = frame.evaluate("() => document.getElementById('sb-cert').hidden")
        exit_course(frame)
        counts["closing view, not passed"] = frame.get_by_role("button", name=CERT_BUTTON).count()

    def passes_without_certificate(session):
        frame = session.launch()
        read_to_end(frame)
        take_test(frame, launch_data(without), right=True)
        counts["passed, course without"] = frame.get_by_role("button", name=CERT_BUTTON).count()

    assert play(with_cert, exits_unfinished).errors == []
    assert play(without, passes_without_certificate).errors == []
    assert counts == {"hidden": True, "closing view, not passed": 0, "passed, course without": 0}


def test_in_standalone_mode_the_certificate_says_it_is_not_a_record(play, build):
    zip_path = build(WITH_CERTIFICATE)
    data = launch_data(zip_path)
    seen = {}

    def learner(session):
        frame = session.launch()
        read_to_end(frame)
        take_test(frame, data, right=True)
        frame.get_by_role("button", name=CERT_BUTTON).click()
        seen.update(certificate_text(frame))
        seen["note text"] = frame.locator("#sb-cert-note").inner_text()

    assert play(zip_path, learner, launch="standalone").errors == []
    assert seen["note"] and seen["note text"].startswith("Det här är inte ett registrerat intyg")
    assert seen["name"] == ""
