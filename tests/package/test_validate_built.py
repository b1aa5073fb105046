"""Our own packages validate clean: zero errors and zero warnings, for every variant we build."""
from __future__ import annotations

import pytest

from package_helpers import validate_json
from scorm_builder.build import build_course
from scorm_builder.package.inspect import inspect_package
from support import MINIMAL, SAMPLE_COURSE


@pytest.fixture(scope="module")
def sample_zips(tmp_path_factory):
    return build_course(SAMPLE_COURSE, tmp_path_factory.mktemp("dist"))


def test_every_variant_of_the_sample_course_is_clean(sample_zips):
    assert len(sample_zips) == 9  # one per variant in course.yml
    exit_code, reports = validate_json(*sample_zips)
    assert exit_code == 0
    assert [(r["path"], r["errors"], r["warnings"]) for r in reports] == [(str(z), [], []) for z in sample_zips]


@pytest.mark.parametrize("packaging", ["single-sco", "multi-sco"])
def test_minimal_course_is_clean_in_both_packagings(make_course, tmp_path, packaging):
    course_yml = MINIMAL["course.yml"].replace("lessons:\n", f"packaging: {packaging}\n        lessons:\n", 1)
    assert course_yml != MINIMAL["course.yml"]
    zips = build_course(make_course({"course.yml": course_yml}), tmp_path / "dist")
    exit_code, reports = validate_json(*zips)
    assert exit_code == 0
    assert [(r["errors"], r["warnings"]) for r in reports] == [([], [])] * len(zips)
    scos = inspect_package(zips[0])["scos"]
    assert len(scos) == (1 if packaging == "single-sco" else 2)  # multi-sco: lesson 1 and the test
