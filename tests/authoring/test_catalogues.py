"""Every language catalogue has the same keys and the same {placeholders} per key, so a third
language is one more messages/<lang>.json and nothing else; and every sentence click itself can
print is in each of them (scorm_builder/cli_language.py routes click's gettext calls there)."""
from __future__ import annotations

import ast
import string
from pathlib import Path

import click

from scorm_builder.i18n import available_languages, catalogue


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_sv_and_en_are_there():
    assert {"sv", "en"} <= set(available_languages())


def test_same_keys_in_every_catalogue():
    reference = set(catalogue("sv"))
    for lang in available_languages():
        keys = set(catalogue(lang))
        assert keys - reference == set(), f"{lang} has keys sv lacks"
        assert reference - keys == set(), f"{lang} lacks keys sv has"


def test_same_placeholders_per_key():
    sv = catalogue("sv")
    for lang in available_languages():
        other = catalogue(lang)
        wrong = {key: (placeholders(sv[key]), placeholders(other[key])) for key in sv
                 if key in other and placeholders(sv[key]) != placeholders(other[key])}
        assert wrong == {}, f"{lang}: placeholders differ from sv"


def test_every_hint_belongs_to_a_message():
    for lang in available_languages():
        texts = catalogue(lang)
        orphans = [k for k in texts if k.endswith(".hint") and k[:-len(".hint")] not in texts]
        assert orphans == [], lang


def click_messages() -> set[str]:
    """Every sentence click marks for translation (`_()`, `ngettext()`) in the installed click."""
    found = {"required"}  # click passes this one through _() as a variable
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
                found |= {a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found


def test_every_click_message_is_in_every_catalogue():
    wanted = {"click." + m for m in click_messages()}
    for lang in available_languages():
        assert wanted - set(catalogue(lang)) == set(), lang
