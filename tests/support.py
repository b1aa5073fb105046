"""Things tests import: where ../shared and the sample course are, and a minimal course."""
from __future__ import annotations

import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"          # beside the repository, in CI too
SAMPLE_COURSE = ROOT / "course_src" / "vald-i-nara-relation"

MINIMAL = {
    "course.yml": """\
        id: mini
        title: Minikurs
        version: "1.0"
        description: En liten kurs för tester.
        audiences:
          - id: chefer
            title: Chefer
          - id: omsorg
            title: Omsorgspersonal
        lessons:
          - 01-forsta
          - slutprov
        """,
    "lessons/01-forsta.md": """\
        ---
        title: Första lektionen
        ---
        # Välkommen

        Hej och välkommen. ![Ett diagram](../assets/bild.svg)

        ::: målgrupp chefer
        Bara för chefer.
        :::

        # Andra sidan

        [Ladda ner lathunden](../assets/lathund.pdf)

        ::: fråga enval {#kontroll-1}
        Vilket nummer har Kvinnofridslinjen?

        - [x] 020-50 50 50
        - [ ] 116 006
        :::
        """,
    "lessons/slutprov.md": """\
        ---
        title: Slutprov
        type: test
        pass_mark: 80
        draw: 2
        ---
        Svara på frågorna.

        ::: fråga santfalskt {#prov-1}
        Hedersförtryck är ett eget brott.

        svar: sant
        :::

        ::: fråga enval {#prov-2}
        Vem tar emot en lex Sarah-rapport?

        - [ ] IVO
        - [x] Den som bedriver verksamheten
        :::

        ::: fråga flerval {#prov-3}
        Vilka är former av våld?

        - [x] latent
        - [x] ekonomiskt
        - [ ] vanlig meningsskiljaktighet
        :::
        """,
    "assets/bild.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n',
    "assets/lathund.pdf": "%PDF-1.4\n% test attachment\n",
}


def write_course(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root
