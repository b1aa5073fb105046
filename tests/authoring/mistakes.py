"""The authoring mistakes corpus: typical errors a training coordinator makes, one per case.

Each case changes the minimal course (tests/support.py) and names the command to run; the
expected output is the snapshot tests/authoring/snapshots/<case>.txt.
"""
from __future__ import annotations

import textwrap

from support import MINIMAL

COURSE = textwrap.dedent(MINIMAL["course.yml"])
TEST = textwrap.dedent(MINIMAL["lessons/slutprov.md"])


def lesson(body: str, front: str = "title: Första lektionen\n") -> str:
    return f"---\n{front}---\n# Välkommen\n\n{body}\n"


def course(old: str, new: str) -> dict:
    assert old in COURSE, old
    return {"course.yml": COURSE.replace(old, new)}


def test_file(old: str, new: str) -> dict:
    assert old in TEST, old
    return {"lessons/slutprov.md": TEST.replace(old, new)}


CHECK = ("check", "kurs")

# case name -> (changed files, command arguments)
CASES: dict[str, tuple[dict, tuple[str, ...]]] = {
    # course.yml
    "no-course-yml": ({"course.yml": None}, CHECK),
    "yaml-syntax": (course("title: Minikurs", "title: [Minikurs"), CHECK),
    "yaml-tab-indent": (course("  - id: omsorg", "\t- id: omsorg"), CHECK),
    "key-typo": (course("title: Minikurs", "titel: Minikurs"), CHECK),
    "unknown-key": (course("version:", "author: Anna\nversion:"), CHECK),
    "id-with-spaces": (course("id: mini", "id: Min Kurs"), CHECK),
    "language-se": (course('version: "1.0"', 'version: "1.0"\nlanguage: se'), CHECK),
    "packaging-typo": (course('version: "1.0"', 'version: "1.0"\npackaging: multi'), CHECK),
    "version-too-long": (course('version: "1.0"', 'version: "1.0-beta-2026-11-25-slutlig"'), CHECK),
    "theme-typo": (course('version: "1.0"', 'version: "1.0"\ntheme: östersund'), CHECK),
    "theme-unknown": (course('version: "1.0"', 'version: "1.0"\ntheme: blå'), CHECK),
    "lesson-name-typo": (course("  - 01-forsta", "  - 01-forst"), CHECK),
    "lesson-file-missing": (course("  - slutprov", "  - slutprov\n  - 02-andra"), CHECK),
    "lesson-listed-twice": (course("  - slutprov", "  - slutprov\n  - 01-forsta"), CHECK),
    "audience-declared-twice": (course("  - id: omsorg", "  - id: chefer"), CHECK),
    "audiences-as-plain-list": (course("audiences:\n  - id: chefer\n    title: Chefer\n  - id: omsorg\n"
                                       "    title: Omsorgspersonal", "audiences: [chefer, omsorg]"), CHECK),
    "completion-test-without-test": ({**course("  - slutprov\n", "completion: test\n"),
                                      "lessons/slutprov.md": None}, CHECK),
    "course-yml-is-a-list": ({"course.yml": "- id: mini\n- title: Minikurs\n"}, CHECK),
    "course-yml-not-utf8": ({"course.yml": "id: mini\ntitle: Kurs för chefer\nlessons: [01-forsta]\n".encode("latin-1")},
                            CHECK),
    "lesson-not-listed": ({"lessons/02-utkast.md": lesson("Ett utkast.")}, ("check", "--strict", "kurs")),
    "yaml-alias": (course("title: Minikurs", "title: &t Minikurs\ndescription: *t"), CHECK),
    "front-matter-alias-bomb": ({"lessons/01-forsta.md": lesson("Hej.", "title: Första\na: &a [x, x, x, x]\n"
                                                                "b: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n")}, CHECK),
    # lesson front matter
    "front-matter-missing": ({"lessons/01-forsta.md": "# Välkommen\n\nHej.\n"}, CHECK),
    "front-matter-unclosed": ({"lessons/01-forsta.md": "---\ntitle: Första\n# Välkommen\n\nHej.\n"}, CHECK),
    "front-matter-key-typo": ({"lessons/01-forsta.md": lesson("Hej.", "titel: Första\n")}, CHECK),
    "front-matter-audience-typo": ({"lessons/01-forsta.md": lesson("Hej.", "title: Första\naudiences: [chefr]\n")},
                                   CHECK),
    "lesson-not-utf8": ({"lessons/01-forsta.md": lesson("Välkommen till kursen.").encode("cp1252")}, CHECK),
    # pages, images, links, HTML
    "lesson-without-pages": ({"lessons/01-forsta.md": "---\ntitle: Första\n---\n"}, CHECK),
    "text-before-first-heading": ({"lessons/01-forsta.md": "---\ntitle: Första\n---\nHej!\n\n# Välkommen\n\nText.\n"},
                                  CHECK),
    "image-missing": ({"lessons/01-forsta.md": lesson("Se kartan: ![Karta över kommunen](../assets/karta.png)")}, CHECK),
    "image-wrong-case": ({"lessons/01-forsta.md": lesson("![Ett diagram](../assets/Bild.svg)")}, CHECK),
    "image-without-alt": ({"lessons/01-forsta.md": lesson("Så här: ![](../assets/bild.svg)")}, CHECK),
    "image-from-the-web": ({"lessons/01-forsta.md": lesson("![Logga](https://example.org/logo.png)")}, CHECK),
    "image-outside-course": ({"lessons/01-forsta.md": lesson("![Foto](../../bilder/foto.jpg)")}, CHECK),
    "link-to-lesson-typo": ({"lessons/01-forsta.md": lesson("Gå vidare till [provet](slutpov.md).")}, CHECK),
    "script-tag": ({"lessons/01-forsta.md": lesson('<script src="https://cdn.example.org/x.js"></script>')}, CHECK),
    "html-event-handler": ({"lessons/01-forsta.md": lesson(
        '<details open ontoggle="alert(1)">\n<summary>Mer om lagen</summary>\nText.\n</details>')}, CHECK),
    "html-javascript-link": ({"lessons/01-forsta.md": lesson('Läs <a href="javascript:alert(1)">mer</a>.')}, CHECK),
    "html-inline-style": ({"lessons/01-forsta.md": lesson('<p style="color: red">Viktigt!</p>')}, CHECK),
    "html-link-to-file": ({"lessons/01-forsta.md": lesson('<a href="../assets/lathund.pdf">Lathund</a>')}, CHECK),
    # blocks
    "block-name-typo": ({"lessons/01-forsta.md": lesson("::: viktig Kom ihåg\nText.\n:::")}, CHECK),
    "block-not-closed": ({"lessons/01-forsta.md": lesson("::: info\nText utan slut.")}, CHECK),
    "audience-block-typo": ({"lessons/01-forsta.md": lesson("::: målgrupp chefr\nBara för chefer.\n:::")}, CHECK),
    "contact-without-name": ({"lessons/01-forsta.md": lesson("::: kontakt\nRing [112](tel:112).\n:::")}, CHECK),
    "captions-srt": ({"lessons/01-forsta.md": lesson("::: video ../assets/film.mp4\ntitel: Film\ntextning: "
                                                     "../assets/film.srt\n:::"),
                      "assets/film.mp4": "not really a film\n", "assets/film.srt": "1\n00:00:01,000 --> 00:00:02,000\nHej\n"},
                     CHECK),
    "stray-block-close": ({"lessons/01-forsta.md": lesson("::: info\nText.\n:::\n\nMer text.\n:::\n\nSlut.")}, CHECK),
    "tabs-text-before-heading": ({"lessons/01-forsta.md": lesson("::: flikar\nInledning.\n\n## Chef\nText.\n\n"
                                                                 "## Medarbetare\nText.\n:::")}, CHECK),
    "figure-without-image": ({"lessons/01-forsta.md": lesson("::: figur\nBildtext.\nkälla: Foto Anna\n:::")}, CHECK),
    "quote-without-attribution": ({"lessons/01-forsta.md": lesson("::: citat\nJag vågade fråga.\n:::")}, CHECK),
    "glossary-term-typo": ({**course("lessons:", "glossary:\n  lex Sarah: Rapportera missförhållanden.\nlessons:"),
                            "lessons/01-forsta.md": lesson("Enligt [[lex Sara]] ska du rapportera.")}, CHECK),
    "video-without-captions": ({"lessons/01-forsta.md": lesson("::: video ../assets/film.mp4\ntitel: Film\n:::"),
                                "assets/film.mp4": "not really a film\n"}, CHECK),
    # questions and the final test
    "question-without-right-answer": ({"lessons/01-forsta.md": lesson(
        "::: fråga enval\nVilket år?\n\n- [ ] 2001\n- [ ] 2002\n:::")}, CHECK),
    "question-type-typo": ({"lessons/01-forsta.md": lesson(
        "::: fråga envall\nVilket år?\n\n- [x] 2001\n- [ ] 2002\n:::")}, CHECK),
    "single-choice-two-right": ({"lessons/01-forsta.md": lesson(
        "::: fråga enval\nVilket år?\n\n- [x] 2001\n- [x] 2002\n:::")}, CHECK),
    "truefalse-without-answer": ({"lessons/01-forsta.md": lesson("::: fråga santfalskt\nJorden är rund.\n:::")},
                                 CHECK),
    "fill-in-answer-in-curly-quotes": ({"lessons/01-forsta.md": lesson(
        "::: fråga fritext\nHur gammal är man när man blir myndig?\n\nsvar: ”arton” | 18\n:::")},
        ("check", "--strict", "kurs")),
    "fill-in-answers-with-commas": ({"lessons/01-forsta.md": lesson(
        "::: fråga fritext\nHur gammal är man när man blir myndig?\n\nsvar: arton, 18\n:::")},
        ("check", "--strict", "kurs")),
    "option-flag-typo": ({"lessons/01-forsta.md": lesson(
        "::: fråga enval\nVilket år?\n\n- [x] 2001\n- [ ] 2002\n- [ ] Vet inte {sisst}\n:::")}, CHECK),
    "correct-feedback-before-answers": ({"lessons/01-forsta.md": lesson(
        "::: fråga enval\nVilket år?\n\nrätt: Bra, det stämmer.\n- [x] 2001\n- [ ] 2002\n:::")}, CHECK),
    "question-id-used-twice": ({"lessons/01-forsta.md": lesson(
        "::: fråga santfalskt {#prov-1}\nJorden är rund.\n\nsvar: sant\n:::")}, CHECK),
    "pass-mark-over-100": (test_file("pass_mark: 80", "pass_mark: 120"), CHECK),
    "pass-mark-percent": (test_file("pass_mark: 80", "pass_mark: 80%"), CHECK),
    "draw-more-than-pool": (test_file("draw: 2", "draw: 10"), CHECK),
    "attempts-in-words": (test_file("draw: 2", "draw: 2\nattempts: många"), CHECK),
    "two-final-tests": ({**course("  - slutprov", "  - slutprov\n  - prov2"),
                         "lessons/prov2.md": "---\ntitle: Prov 2\ntype: test\n---\n::: fråga santfalskt\nJa?\n\n"
                                             "svar: sant\n:::\n"}, CHECK),
    # several problems in one run: all are reported, sorted, with a count
    "several-problems": ({**course("title: Minikurs", "titel: Minikurs"),
                          "lessons/01-forsta.md": lesson("![](../assets/bild.svg)\n\n![Karta](../assets/karta.png)\n\n"
                                                         "::: varnig\nText.\n:::")}, CHECK),
    # warnings fail only with --strict
    "strict-no-description": (course("description: En liten kurs för tester.\n", ""), ("check", "--strict", "kurs")),
    "strict-build-no-description": (course("description: En liten kurs för tester.\n", ""),
                                    ("build", "--strict", "kurs", "--out", "dist")),
    "scenario-target-typo": ({"lessons/01-forsta.md": lesson(
        "::: fråga scenario\nVad gör du?\n\n## start\n- Frågar -> fragr\n  konsekvens: Hon svarar.\n"
        "- Tiger -> tyst\n\n## fragar\nslut: bra\n\n## tyst\n- Väntar -> tyst\n:::")}, CHECK),
    "scenario-loop-without-way-out": ({"lessons/01-forsta.md": lesson(
        "::: question scenario\nWhat do you do?\n\n## start\n- Ask -> asks\n- Wait -> waits\n\n## asks\nend: good\n\n"
        "## waits\n- Wait more -> waits\n\n## lost\nend: bad\n:::")}, ("--lang", "en", "check", "kurs")),
    "scenario-unreachable-step": ({"lessons/01-forsta.md": lesson(
        "::: fråga scenario\nVad gör du?\n\n## start\n- Frågar -> slut\n\n## slut\nslut: bra\n\n"
        "## glomd\n- Frågar igen -> slut\n:::")}, ("build", "--strict", "kurs", "--out", "dist")),
    # the same mistakes through build, and in English
    "build-key-typo": (course("title: Minikurs", "titel: Minikurs"), ("build", "kurs", "--out", "dist")),
    "english-key-typo": (course("title: Minikurs", "titel: Minikurs"), ("--lang", "en", "check", "kurs")),
}
