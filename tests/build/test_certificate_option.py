"""course.yml `certificate`: the launch page gets the certificate's markup only when it is on; in a
multi-SCO course, or with anything but yes/no, it is the author's mistake at its line."""
from __future__ import annotations

import zipfile

import lxml.html
from click.testing import CliRunner

from scorm_builder.build import build_course
from scorm_builder.cli import main
from support import MINIMAL, write_course


def course_with(tmp_path, setting: str):
    files = {**MINIMAL, "course.yml": MINIMAL["course.yml"].replace('version: "1.0"', f'version: "1.0"\n        {setting}')}
    return write_course(tmp_path / "kurs", files)


def launch_page(zip_path, name="index.html"):
    return lxml.html.fromstring(zipfile.ZipFile(zip_path).read(name))


def test_the_certificate_is_in_the_launch_page_in_the_course_language_with_the_variant(tmp_path):
    zips = build_course(course_with(tmp_path, "certificate: ja"), tmp_path / "dist", ["omsorg"])
    (cert,) = launch_page(zips[0]).xpath("//main/section[@id='sb-cert']")
    assert cert.get("hidden") is not None and cert.get("data-open") == "Visa intyg"
    assert cert.xpath("h1")[0].text == "Intyg"
    assert cert.xpath(".//p[@class='sb-cert-course']")[0].text == "Minikurs"
    assert [(dt.text, dt.getnext().text) for dt in cert.xpath(".//dt")][0] == ("Målgrupp", "Omsorgspersonal")


def test_without_the_option_there_is_none(tmp_path):
    (plain,) = build_course(course_with(tmp_path, "certificate: nej"), tmp_path / "dist", ["omsorg"])
    assert not launch_page(plain).xpath("//*[@id='sb-cert']")


def test_a_certificate_in_a_multi_sco_course_is_an_error_at_its_line(tmp_path):
    course = course_with(tmp_path, "certificate: ja\n        packaging: multi-sco")
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(course), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert "course.yml:4:14: error: a certificate needs the course to be one SCO" in result.output
    assert 'hint: remove "certificate" or write "packaging: single-sco"' in result.output
    assert not (tmp_path / "dist").exists()


def test_a_value_that_is_not_yes_or_no_is_an_error_at_its_line(tmp_path):
    course = course_with(tmp_path, "certificate: kanske")
    result = CliRunner().invoke(main, ["--lang", "en", "check", str(course)])
    assert result.exit_code == 1
    assert "course.yml:4:" in result.output and "certificate" in result.output
