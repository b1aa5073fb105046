"""The one Markdown factory: every page is converted by the same extensions.

CourseExtension registers, by name and priority:
- preprocessor `sb_bounds` (25, after whitespace is normalised at 30): refuses very slow paragraphs;
- block processor `sb_fenced` (106, above admonition's 105): `::: name` blocks;
- inline pattern `sb_term` (175, below backticks at 190 and escapes at 180, above links at 160): `[[term]]`;
- tree processor `sb_plain_terms` (15, after inline patterns at 20): no term buttons in headings, links, controls;
- tree processors `sb_attributes_before` (8.5) and `sb_attributes` (7.5), around attr_list at 8: no event
  handlers, style or the player's own names in `{…}`;
- tree processor `sb_assets` (7, after inline patterns at 20 and attr_list at 8): paths, links, alt text;
- tree processor `sb_tables` (6): puts each table in a named, focusable scroll box;
- tree processor `sb_pages` (5): splits the lesson into page sections;
- tree processor `sb_page_words` (4): counts each page's words;
- postprocessor `sb_rawhtml` (35, before raw HTML is put back at 30): raw HTML against the allowlist.
"""
from __future__ import annotations

import markdown
from markdown.extensions import Extension

from scorm_builder.source.assets import AssetTreeprocessor
from scorm_builder.source.blocks import FencedBlockProcessor
from scorm_builder.source.bounds import ParagraphBounds
from scorm_builder.source.content_blocks import STANDARD_BLOCKS
from scorm_builder.source.context import PageContext
from scorm_builder.source.figures import FIGURE_BLOCKS
from scorm_builder.source.glossary import TERM, GlossaryBlock, PlainTermsTreeprocessor, TermPattern
from scorm_builder.source.html_checks import AttributeSnapshot, AttributeTreeprocessor, RawHtmlCheck
from scorm_builder.source.paging import PAGE_BREAK, PageTreeprocessor, PageWordsTreeprocessor
from scorm_builder.source.sectioned_blocks import SECTIONED_BLOCKS
from scorm_builder.source.tables import TableTreeprocessor
from scorm_builder.source.quiz import QuestionBlock

# Swedish typography closes both ends of a quotation with the same mark: ”…” and ’…’ (and ’ is
# the apostrophe). Only quotes are replaced: dashes and dots stay as the author typed them.
SWEDISH_SMARTY = {"smart_quotes": True, "smart_dashes": False, "smart_ellipses": False, "smart_angled_quotes": False,
                  "substitutions": {"left-double-quote": "”", "right-double-quote": "”",
                                    "left-single-quote": "’", "right-single-quote": "’"}}


class CourseExtension(Extension):
    def __init__(self, context: PageContext):
        super().__init__()
        self.context = context

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.sb = self.context
        fenced = FencedBlockProcessor(md.parser, md)
        for handler in (*STANDARD_BLOCKS, *SECTIONED_BLOCKS, *FIGURE_BLOCKS, GlossaryBlock(), QuestionBlock()):
            fenced.register(handler)
        md.preprocessors.register(ParagraphBounds(md), "sb_bounds", 25)
        md.parser.blockprocessors.register(fenced, "sb_fenced", 106)
        md.inlinePatterns.register(TermPattern(TERM, md), "sb_term", 175)
        md.treeprocessors.register(PlainTermsTreeprocessor(md), "sb_plain_terms", 15)
        attributes = AttributeTreeprocessor(md)
        md.treeprocessors.register(AttributeSnapshot(md, attributes), "sb_attributes_before", 8.5)
        md.treeprocessors.register(attributes, "sb_attributes", 7.5)
        md.treeprocessors.register(AssetTreeprocessor(md), "sb_assets", 7)
        md.treeprocessors.register(TableTreeprocessor(md), "sb_tables", 6)
        md.treeprocessors.register(PageTreeprocessor(md), "sb_pages", 5)
        md.treeprocessors.register(PageWordsTreeprocessor(md), "sb_page_words", 4)
        md.postprocessors.register(RawHtmlCheck(md), "sb_rawhtml", 35)


_MARKDOWN: dict[str, markdown.Markdown] = {}   # by course language: one per process


def markdown_for(context: PageContext) -> markdown.Markdown:
    """The process's Markdown for the page's language, reset and pointed at the page's context.

    One Markdown serves every lesson, reset in between: setting one up costs about as much as
    converting a short lesson."""
    md = _MARKDOWN.get(context.lang)
    if md is None:
        extensions = ["tables", "attr_list", "sane_lists", CourseExtension(context)]
        configs = {}
        if context.lang == "sv":
            extensions.append("smarty")
            configs["smarty"] = SWEDISH_SMARTY
        md = _MARKDOWN[context.lang] = markdown.Markdown(extensions=extensions, extension_configs=configs,
                                                         output_format="html")
        # The inline processor looks each pattern up by index for every text node, and each
        # Registry lookup re-checks its sort order; a list of the same patterns in the same
        # order skips that (Python-Markdown's own smarty extension swaps this attribute too).
        inline = md.treeprocessors["inline"]
        inline.inlinePatterns = list(inline.inlinePatterns)
    md.reset()
    md.sb = context   # every extension reads the lesson's context from here
    return md


def convert(body: str, context: PageContext) -> list[str]:
    """HTML of each page of one lesson (its section); fills context.pages, .page_words, .questions,
    .assets and reports into context.reporter. No reuse: source/converter.py reuses conversions."""
    try:
        html = markdown_for(context).convert(body)
    except RecursionError:   # lists or quotes nested hundreds deep: Python-Markdown recurses per level
        context.reporter.error("page.too_deep", context.path, context.locator.offset + 1)
        # reset() leaves the block parser's state as the error left it (inside a list, say): the
        # next lesson gets a Markdown of its own
        del _MARKDOWN[context.lang]
        return []
    return html.split(PAGE_BREAK) if html else []
