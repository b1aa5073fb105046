"""Every code validate (with its XSD and URL helpers and the manifest parser), inspect and safezip can report has a sentence in both languages."""
from __future__ import annotations

import re
import string
from pathlib import Path

from scorm_builder.i18n import catalogue
from scorm_builder.commands import inspect as inspect_command
from scorm_builder.package import active_content, inspect, safezip, url_scan, validate, xsd_messages
from scorm_builder.scorm12 import parsing

SOURCES = [Path(m.__file__).read_text(encoding="utf-8")
           for m in (validate, safezip, inspect, inspect_command, xsd_messages, url_scan, active_content, parsing)]
DYNAMIC = [f"validate.{kind}_{how}" for kind in ("launch", "file", "location") for how in ("missing", "case")]


def used_codes() -> set[str]:
    found = {c for src in SOURCES for c in re.findall(r"[\"']((?:validate|zip|inspect)\.[a-z0-9_.]+)[\"']", src)}
    return found | set(DYNAMIC)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_code_in_the_source_has_both_languages():
    codes = used_codes()
    assert len(codes) > 60
    for lang in ("sv", "en"):
        missing = sorted(c for c in codes if c not in catalogue(lang))
        assert missing == [], lang


def test_swedish_and_english_take_the_same_placeholders():
    sv, en = catalogue("sv"), catalogue("en")
    mine = [k for k in sv if k.split(".")[0] in ("validate", "zip", "inspect")]
    assert sorted(mine) == sorted(k for k in en if k.split(".")[0] in ("validate", "zip", "inspect"))
    assert [k for k in mine if fields(sv[k]) != fields(en[k])] == []


def test_no_catalogue_sentence_of_ours_is_unused():
    mine = {k for k in catalogue("sv") if k.split(".")[0] in ("validate", "zip", "inspect") and not k.endswith(".hint")}
    assert sorted(mine - used_codes()) == []
