"""The content blocks authors use inside pages: callouts, contact cards, expandables,
audience-only content, and video/audio with captions."""
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


class AudienceBlock:
    """Content for some audiences only: parsed for the variants it names, dropped for the rest."""

    names = ("målgrupp", "audience")

    def run(self, parent, args, body, line, md):
        sb = md.sb
        wanted = args.replace(",", " ").split()
        if not wanted:
            sb.reporter.error("block.audience_missing", sb.path, line, known=", ".join(sorted(sb.audience_ids)))
        for audience in wanted:
            if audience not in sb.audience_ids:
                report_unknown_audience(sb, line, audience)
        if sb.audience is None or sb.audience in wanted:
            box = etree.SubElement(parent, "div", {"class": "sb-audience"})
            md.parser.parseChunk(box, body)


def report_unknown_audience(sb, line, audience):
    unknown_audience(sb.reporter, sb.path, line, audience, sb.audience_ids)


def unknown_audience(reporter, path, line, audience, known) -> None:
    guess = difflib.get_close_matches(audience, sorted(known), n=1)
    if guess:
        reporter.error("audience.unknown_guess", path, line, audience=audience, guess=guess[0])
    else:
        reporter.error("audience.unknown", path, line, audience=audience, known=", ".join(sorted(known)) or "-")


MEDIA_FIELDS = {"textning": "captions", "captions": "captions", "titel": "title", "title": "title"}


class MediaBlock:
    """Video or audio with a caption track: a missing track is a build error (WCAG 1.2.2)."""

    def __init__(self, tag: str, names: tuple[str, ...]):
        self.tag, self.names = tag, names

    def run(self, parent, args, body, line, md):
        sb, tag = md.sb, self.tag
        fields = {}
        for offset, raw in enumerate(body.split("\n"), start=1):
            if not raw.strip():
                continue
            key, sep, value = raw.partition(":")
            field = MEDIA_FIELDS.get(key.strip().lower())
            if not sep or field is None:
                sb.reporter.error("media.unknown_line", sb.path, line + offset, text=raw.strip())
                continue
            fields[field] = value.strip()
        if not args:
            sb.reporter.error("media.no_source", sb.path, line, tag=tag)
            return
        figure = etree.SubElement(parent, "figure", {"class": f"sb-media sb-{tag}"})
        media = etree.SubElement(figure, tag, {"controls": "controls", "preload": "metadata", "src": args})
        if "captions" in fields:
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
    ContactBlock(), ExpandBlock(), AudienceBlock(),
    MediaBlock("video", ("video",)),
    MediaBlock("audio", ("ljud", "audio")),
)
