"""Every language catalogue has the same keys and the same {placeholders} per key, so a third
language is one more messages/<lang>.json and nothing else."""
from __future__ import annotations

import string

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
