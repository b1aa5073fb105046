"""Generate benchmark courses of any size: realistic Swedish-like lessons, questions and assets.

The text is seeded, so every run builds the same courses and figures compare across runs. Images
are real PNGs of random pixels (incompressible, like photos); video files are random bytes, which
the build copies like any other media. Nothing here needs a dependency beyond the standard library.
"""
from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

WORDS = (
    "våld relation omsorg personal brukare stöd hjälp samtal anhörig kommun socialtjänst ansvar "
    "trygghet rädsla kontroll skydd anmälan polisen vården boende hemtjänst äldre barn kvinnor män "
    "mönster risk tecken fråga svar rutin chef arbetsplats kollega dokumentation beslut insats "
    "handläggare utredning samverkan förtroende tystnad skam hot kränkning isolering ekonomi hälsa "
    "sjukdom funktionsnedsättning beroende närstående familj släkt heder tvång frihet rättighet "
    "skyldighet lagen socialnämnden vårdcentral sjuksköterska undersköterska läkare kurator"
).split()
VERBS = ("kan", "ska", "behöver", "brukar", "får", "bör", "måste", "vill")
ACTIONS = ("upptäcka", "fråga om", "dokumentera", "anmäla", "stödja", "lyssna på", "förstå",
           "uppmärksamma", "samordna", "följa upp")
CONNECT = ("och", "men", "eftersom", "när", "om", "så att", "även om", "medan")
CALLOUTS = ("info", "viktigt", "varning")
QUESTION_TYPES = ("enval", "flerval", "santfalskt", "fritext", "para", "ordning")


@dataclass(frozen=True)
class Size:
    """One benchmark course: lessons of ~800 words, questions, images and media in proportion."""
    lessons: int
    questions: int
    images: int
    image_bytes: int      # all images together
    media: int
    media_bytes: int      # all video files together
    words: int = 800
    pages_per_lesson: int = 2
    test_share: float = 0.2   # the final test's part of the questions

    @classmethod
    def scaled(cls, lessons: int) -> "Size":
        """The brief's largest course (500 lessons, 300 questions, 50 images ~20 MB, 50 MB media) scaled down."""
        f = lessons / 500
        return cls(lessons=lessons, questions=max(6, round(300 * f)), images=max(1, round(50 * f)),
                   image_bytes=round(20e6 * f), media=max(1, lessons // 100), media_bytes=round(50e6 * f))


class Writer:
    """Seeded Swedish-like prose and Markdown structures."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def words(self, n: int) -> str:
        return " ".join(self.r.choice(WORDS) for _ in range(n))

    def sentence(self) -> str:
        r = self.r
        s = (f"{r.choice(WORDS).capitalize()} {r.choice(VERBS)} {r.choice(ACTIONS)} {self.words(r.randint(2, 5))} "
             f"{r.choice(CONNECT)} {self.words(r.randint(3, 7))}")
        return s + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self) -> str:
        return self.words(self.r.randint(2, 4)).capitalize()


def png(width: int, height: int, rng: random.Random) -> bytes:
    """A valid RGB PNG of random pixels: as heavy as a photo, since noise does not compress."""
    raw = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 1))
            + chunk(b"IEND", b""))


def question(w: Writer, kind: str, n: int) -> str:
    """One `::: fråga` block of the given type, with feedback lines, as authors write them."""
    r = w.r
    stem = w.sentence()[:-1] + "?"
    lines = [f"::: fråga {kind} {{#q{n}}}", stem, ""]
    if kind in ("enval", "flerval"):
        count = r.randint(3, 5)
        right = {0} if kind == "enval" else set(r.sample(range(count), r.randint(1, count - 1)))
        for i in range(count):
            lines.append(f"- [{'x' if i in right else ' '}] {w.words(r.randint(2, 6))} {i}")
            if i == 0:
                lines.append(f"  > {w.sentence()}")
    elif kind == "santfalskt":
        lines.append(f"svar: {r.choice(['sant', 'falskt'])}")
    elif kind == "fritext":
        lines.append(f"svar: {r.choice(WORDS)}{n} | {r.choice(WORDS)}{n}")
    elif kind == "para":
        for i in range(r.randint(3, 5)):
            lines.append(f"- {w.words(2)} {i} = {w.words(3)} {i}")
    else:
        for i in range(r.randint(3, 5)):
            lines.append(f"{i + 1}. {w.words(r.randint(3, 6))} {i}")
    lines += ["", f"rätt: {w.sentence()}", f"fel: {w.sentence()}", f"förklaring: {w.paragraph(2)}", ":::", ""]
    return "\n".join(lines)


def page(w: Writer, words: int, extras: list[str]) -> str:
    """One page of about `words` words: paragraphs, a subheading, a list, a table and a callout."""
    r, out, n = w.r, [f"# {w.title()}", ""], 0
    while n < words:
        part = r.choice(("p", "p", "p", "list", "table", "callout", "sub"))
        if part == "p":
            text = w.paragraph(r.randint(3, 5))
        elif part == "list":
            text = "\n".join(f"- {w.sentence()}" for _ in range(r.randint(3, 5)))
        elif part == "table":
            rows = [f"| {w.words(2).capitalize()} | {w.words(r.randint(5, 10))} |" for _ in range(r.randint(3, 5))]
            text = "| Begrepp | Förklaring |\n|---|---|\n" + "\n".join(rows)
        elif part == "callout":
            text = f"::: {r.choice(CALLOUTS)} {w.title()}\n{w.paragraph(2)}\n:::"
        else:
            text = f"## {w.title()}"
        out += [text, ""]
        n += len(text.split())
    return "\n".join(out + extras)


def write_course(root: Path, size: Size, seed: int = 1, course_id: str | None = None) -> Path:
    """Write a course folder for `size` under root; returns its path."""
    w = Writer(seed)
    course_id = course_id or f"bench-{size.lessons}"
    course = root / course_id
    (course / "lessons").mkdir(parents=True)
    assets = course / "assets"
    assets.mkdir()
    _write_assets(assets, size, w.r)

    test_count = round(size.questions * size.test_share) if size.questions >= 5 else 0
    checks = size.questions - test_count
    per_lesson = [checks // size.lessons + (1 if i < checks % size.lessons else 0) for i in range(size.lessons)]
    images = {round(i * size.lessons / size.images): i for i in range(size.images)}
    media = {round(i * size.lessons / size.media) + 1: i for i in range(size.media)}
    qn = 0
    names = []
    for i in range(size.lessons):
        name = f"{i + 1:03d}-{w.words(2).replace(' ', '-')}"
        names.append(name)
        pages = []
        for p in range(size.pages_per_lesson):
            extras = []
            if p == 0 and i in images:
                extras.append(f"![{w.sentence()}](../assets/bild-{images[i]:02d}.png)\n")
            if p == 0 and i in media:
                extras.append(f"::: video ../assets/film-{media[i]:02d}.mp4\ntextning: ../assets/film-{media[i]:02d}.sv.vtt\n"
                              f"titel: {w.title()}\n:::\n")
            if p == size.pages_per_lesson - 1:
                for _ in range(per_lesson[i]):
                    extras.append(question(w, QUESTION_TYPES[qn % len(QUESTION_TYPES)], qn))
                    qn += 1
            pages.append(page(w, size.words // size.pages_per_lesson, extras))
        (course / "lessons" / f"{name}.md").write_text(f"---\ntitle: {w.title()}\n---\n" + "\n".join(pages), "utf-8")
    lessons = names
    if test_count:
        body = [f"---\ntitle: Slutprov\ntype: test\npass_mark: 80\ndraw: {test_count}\nattempts: obegränsat\n---",
                w.paragraph(2), ""]
        for _ in range(test_count):
            body.append(question(w, QUESTION_TYPES[qn % len(QUESTION_TYPES)], qn))
            qn += 1
        (course / "lessons" / "slutprov.md").write_text("\n".join(body), "utf-8")
        lessons = names + ["slutprov"]
    yml = [f"id: {course_id}", f"title: Benchmark {size.lessons} lektioner", 'version: "1.0"', "language: sv",
           f"description: {w.sentence()}",
           "theme: ostersund", "lessons:"] + [f"  - {n}" for n in lessons]
    (course / "course.yml").write_text("\n".join(yml) + "\n", "utf-8")
    return course


def _write_assets(assets: Path, size: Size, rng: random.Random) -> None:
    side = max(8, int((size.image_bytes / max(1, size.images) / 3) ** 0.5))
    for i in range(size.images):
        (assets / f"bild-{i:02d}.png").write_bytes(png(side, side, rng))
    for i in range(size.media):
        (assets / f"film-{i:02d}.mp4").write_bytes(rng.randbytes(size.media_bytes // size.media))
        (assets / f"film-{i:02d}.sv.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:05.000\nTextning.\n", "utf-8")
