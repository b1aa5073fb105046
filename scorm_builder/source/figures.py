"""Figures with a caption and credit, and quotes with their attribution: both a <figure> whose
<figcaption> ties the words to the picture or quote, for screen readers as for the eye."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from scorm_builder.i18n import t

IMAGE_LINE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*(\{[^}]*\})?\s*$")
CREDIT = re.compile(r"^(källa|foto|credit|source)\s*:\s*(.*)$", re.I)


class FigureBlock:
    """`::: figur`: an image (alt text required, as everywhere), its caption, and a credit line."""

    names = ("figur", "figure")

    def run(self, parent, args, body, line, md):
        sb = md.sb
        lines = body.split("\n")
        first = next((i for i, text in enumerate(lines) if text.strip()), None)
        if first is None or not IMAGE_LINE.match(lines[first].strip()):
            sb.reporter.error("block.figure_image", sb.path, line + 1 + (first or 0))
            return
        credit, caption = None, []
        for text in lines[first + 1:]:
            match = CREDIT.match(text.strip())
            if match and match.group(2):
                credit = match.group(2)
            else:
                caption.append(text)
        if not "".join(caption).strip():
            sb.reporter.error("block.figure_caption", sb.path, line)
        figure = etree.SubElement(parent, "figure", {"class": "sb-figure"})
        md.parser.parseChunk(figure, lines[first].strip())
        for p in figure:
            p.set("class", "sb-figure-image")
        figcaption = etree.SubElement(figure, "figcaption")
        md.parser.parseChunk(figcaption, "\n".join(caption))
        if credit:
            p = etree.SubElement(figcaption, "p", {"class": "sb-credit"})
            p.text = f"{t('block.credit_label', sb.lang)}: {credit}"


class QuoteBlock:
    """`::: citat Who | Work`: a <blockquote> and a figcaption naming who said it; the work, when
    given after `|`, is a <cite>."""

    names = ("citat", "quote")

    def run(self, parent, args, body, line, md):
        sb = md.sb
        who, _, work = (part.strip() for part in args.partition("|"))
        if not who:
            sb.reporter.error("block.quote_attribution", sb.path, line)
        figure = etree.SubElement(parent, "figure", {"class": "sb-quote"})
        quote = etree.SubElement(figure, "blockquote")
        md.parser.parseChunk(quote, body)
        caption = etree.SubElement(figure, "figcaption")
        caption.text = f"— {who}" + (", " if work else "")
        if work:
            etree.SubElement(caption, "cite").text = work


FIGURE_BLOCKS = (FigureBlock(), QuoteBlock())
