"""The content blocks authors use inside pages: callouts, contact cards, expandables,
audience- and level-only content, placeholders to fill in, and video/audio with captions."""
from __future__ import annotations

import difflib
import xml.etree.ElementTree as etree

from scorm_builder.i18n import t

class CalloutBlock:
    def __init__(self, kind: str, names: tuple[str, ...]):
        self.kind, self.names = kind, names

    def run(self, parent, args, body, line, md):
        kind = self.kind
        box = etree.SubElement(parent, "aside", {"class": f"sb-callout sb-callout-{kind}"})
        title = etree.SubElement(box, "p", {"class": "sb-callout-title"})
        title.text = args or t(f"player.callout_{kind}", md.sb.lang)
        md.parser.parseChunk(box, body)


class ContactBlock:
    names = ("kontakt", "contact")

    def run(self, parent, args, body, line, md):
        if not args:
            md.sb.reporter.error("block.contact_name", md.sb.path, line)
        card = etree.SubElement(parent, "aside", {"class": "sb-contact", "aria-label": args or "?"})
        name = etree.SubElement(card, "p", {"class": "sb-contact-name"})
        name.text = args
        md.parser.parseChunk(card, body)


class ExpandBlock:
    names = ("expandera", "expand")

    def run(self, parent, args, body, line, md):
        if not args:
            md.sb.reporter.error("block.expand_title", md.sb.path, line)
        details = etree.SubElement(parent, "details", {"class": "sb-expand"})
        etree.SubElement(details, "summary").text = args or "…"
        md.parser.parseChunk(details, body)


class VariantBlock:
    """Content for some audiences (`::: målgrupp`) or levels (`::: nivå`) only: parsed for the
    variants it names, dropped for the rest; a block that no built variant can see is a warning."""

    def __init__(self, dimension: str, names: tuple[str, ...]):
        self.dimension, self.names = dimension, names

    def run(self, parent, args, body, line, md):
        sb, dimension = md.sb, self.dimension
        wanted = args.replace(",", " ").split()
        known = sb.ids()[dimension]
        if not wanted:
            sb.reporter.error(f"block.{dimension}_missing", sb.path, line, known=", ".join(sorted(known)) or "-")
        unknown = [w for w in wanted if w not in known]
        for value in unknown:
            unknown_id(sb.reporter, dimension, sb.path, line, value, sb.ids())
        limits = {"audiences": wanted} if dimension == "audience" else {"levels": wanted}
        reached = sb.narrowed(**limits)
        if wanted and not unknown and not reached:
            sb.reporter.warning("variant.unreachable", sb.path, line, what=f"::: {self.names[0]} {args}",
                                reach=sb.reach())
        if sb.sees(**limits):
            box = etree.SubElement(parent, "div", {"class": f"sb-{dimension}"})
            outer, sb.scope = sb.scope, reached
            try:
                md.parser.parseChunk(box, body)
            finally:
                sb.scope = outer


def unknown_id(reporter, dimension: str, path, line, value, ids: dict[str, set[str]]) -> None:
    """An audience or level id the course does not declare (`ids`: the declared ids by dimension),
    with a did-you-mean when one is near, or the right place when it is the other dimension's."""
    known = ids[dimension]
    other = "level" if dimension == "audience" else "audience"
    guess = difflib.get_close_matches(value, sorted(known), n=1)
    if value in ids[other]:
        reporter.error(f"{dimension}.is_{other}", path, line, value=value)
    elif guess:
        reporter.error(f"{dimension}.unknown_guess", path, line, **{dimension: value}, guess=guess[0])
    else:
        reporter.error(f"{dimension}.unknown", path, line, **{dimension: value}, known=", ".join(sorted(known)) or "-")


class PlaceholderBlock:
    """What only the organisation knows (its local routine, its phone numbers), left for it to fill
    in: shown as a marked box, and a warning at every build, so `--strict` refuses to package it."""

    names = ("platshållare", "placeholder")

    def run(self, parent, args, body, line, md):
        sb = md.sb
        about = args or " ".join(body.split())[:60] or "…"
        sb.reporter.warning("block.placeholder", sb.path, line, about=about)
        box = etree.SubElement(parent, "aside", {"class": "sb-callout sb-callout-warning sb-placeholder"})
        title = etree.SubElement(box, "p", {"class": "sb-callout-title"})
        title.text = t("block.placeholder_label", sb.lang) + (f": {args}" if args else "")
        md.parser.parseChunk(box, body)


MEDIA_FIELDS = {"textning": "captions", "captions": "captions", "titel": "title", "title": "title"}


class MediaBlock:
    """Video or audio with a caption track: a missing track is a build error (WCAG 1.2.2)."""

    def __init__(self, tag: str, names: tuple[str, ...]):
        self.tag, self.names = tag, names

    def run(self, parent, args, body, line, md):
        sb, tag = md.sb, self.tag
        fields, field_lines = {}, {}
        for offset, raw in enumerate(body.split("\n"), start=1):
            if not raw.strip():
                continue
            key, sep, value = raw.partition(":")
            field = MEDIA_FIELDS.get(key.strip().lower())
            if not sep or field is None:
                sb.reporter.error("media.unknown_line", sb.path, line + offset, text=raw.strip())
                continue
            fields[field], field_lines[field] = value.strip(), line + offset
        if not args:
            sb.reporter.error("media.no_source", sb.path, line, tag=tag)
            return
        figure = etree.SubElement(parent, "figure", {"class": f"sb-media sb-{tag}"})
        media = etree.SubElement(figure, tag, {"controls": "controls", "preload": "metadata", "src": args})
        if "captions" in fields and not fields["captions"].lower().endswith(".vtt"):   # browsers read only WebVTT
            sb.reporter.error("media.captions_not_vtt", sb.path, field_lines["captions"], path=fields["captions"])
        elif "captions" in fields:
            etree.SubElement(media, "track", {"kind": "captions", "src": fields["captions"], "srclang": sb.lang,
                                              "label": t("player.captions", sb.lang), "default": "default"})
        else:
            sb.reporter.error("media.no_captions", sb.path, line, tag=tag)
        if fields.get("title"):
            etree.SubElement(figure, "figcaption").text = fields["title"]


STANDARD_BLOCKS = (
    CalloutBlock("info", ("info", "note")),
    CalloutBlock("important", ("viktigt", "important")),
    CalloutBlock("warning", ("varning", "warning")),
    ContactBlock(), ExpandBlock(),
    VariantBlock("audience", ("målgrupp", "audience")),
    VariantBlock("level", ("nivå", "level")),
    PlaceholderBlock(),
    MediaBlock("video", ("video",)),
    MediaBlock("audio", ("ljud", "audio")),
)
