"""Interface language: every user-facing sentence comes from one JSON catalogue per language.

A third language is a new `messages/<lang>.json`, not code. Swedish is the default because the
authors and administrators we serve are Swedish; `--lang en` or SCORM_BUILDER_LANG=en switches.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

CATALOGUE_DIR = Path(__file__).parent / "messages"
DEFAULT_LANG = "sv"


def available_languages() -> list[str]:
    return sorted(p.stem for p in CATALOGUE_DIR.glob("*.json"))


_chosen: str | None = None


def use(lang: str | None) -> None:
    """The language chosen on the command line (None: SCORM_BUILDER_LANG, else Swedish)."""
    global _chosen
    _chosen = lang


def current_lang() -> str:
    lang = _chosen or os.environ.get("SCORM_BUILDER_LANG", DEFAULT_LANG)
    return lang if lang in available_languages() else DEFAULT_LANG


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    with open(CATALOGUE_DIR / f"{lang}.json", encoding="utf-8") as f:
        return json.load(f)


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The sentence for `key` in `lang`, with `{name}` placeholders filled from params."""
    text = catalogue(lang or current_lang()).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANG)[key]
    return text.format(**params)


def has(key: str) -> bool:
    return key in catalogue(DEFAULT_LANG)
