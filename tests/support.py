"""Things tests import: where the fixtures and the sample course are, a minimal course, zips
shaped like Moodle's broken test packages, and readers of what a built package holds."""
from __future__ import annotations

import json
import textwrap
import zipfile
from pathlib import Path

from scorm_builder.render.chunks import course_file, page_file, read_chunk

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLF = FIXTURES / "scorm12"              # Rustici's "Golf Explained" packages, CC BY 3.0: see tests/fixtures/NOTICE
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


XML_DECLARATION_ONLY = '<?xml version="1.0" encoding="UTF-8"?>\n'


def broken_moodle_zips(folder: Path) -> dict[str, Path]:
    """Zips with the shape of Moodle's tiny broken fixtures (GPL, so not copied; see
    tests/fixtures/NOTICE): the manifest in a folder, no manifest at all, and a manifest that
    holds only the XML declaration. Names as Moodle's, so messages read the same."""
    entries = {
        "badscorm.zip": [("badscorm/", b""), ("badscorm/imsmanifest.xml", XML_DECLARATION_ONLY)],
        "invalid.zip": [("test.htm", b"")],
        "validscorm.zip": [("imsmanifest.xml", XML_DECLARATION_ONLY)],
    }
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, files in entries.items():
        paths[name] = folder / name
        with zipfile.ZipFile(paths[name], "w", zipfile.ZIP_STORED) as zf:
            for entry, data in files:
                zf.writestr(entry, data)
    return paths


def launch_data(zip_path: Path, page: str = "index.html") -> dict:
    """A built SCO's course data, as the player has it: the launch page's `#sb-data` and its
    course file (render/chunks.py)."""
    with zipfile.ZipFile(zip_path) as zf:
        html = zf.read(page).decode()
        start = html.index('id="sb-data">') + len('id="sb-data">')
        data = json.loads(html[start:html.index("</script>", start)])
        data.update(read_chunk(zf.read(course_file(page)).decode()))
    return data


def course_html(zip_path: Path, page: str = "index.html") -> str:
    """The launch page as it is once every page of its SCO has loaded: all a learner can reach."""
    with zipfile.ZipFile(zip_path) as zf:
        html = zf.read(page).decode()
        ids = [p["id"] for p in read_chunk(zf.read(course_file(page)).decode())["pages"]]
        names = set(zf.namelist())
        later = "".join(read_chunk(zf.read(page_file(i)).decode())["html"] for i in ids if page_file(i) in names)
    return html.replace("</main>", later + "</main>", 1)
