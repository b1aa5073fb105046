"""One variant as a print-ready handout for the classroom session: every page, the questions as a
worksheet, and with `trainer` the answer key and explanations.

The handout is one self-contained HTML file (styles inlined, images as data: URIs) so a trainer can
mail or print it without a folder beside it. The lesson HTML is the one the package gets, changed
as a tree (never by regex): what only works on screen (buttons, form controls, hidden feedback,
media players) becomes what paper can show. The same source always gives the same bytes.
"""
from __future__ import annotations

import base64
import mimetypes
from pathlib import Path

import lxml.html
from lxml import etree
from markupsafe import Markup

from scorm_builder import __version__
from scorm_builder.i18n import t
from scorm_builder.render import theme
from scorm_builder.render.pages import PLAYER_DIR
from scorm_builder.render.variant import RenderedLesson, Variant

HANDOUT_CSS = "handout.css"


def handout_name(variant: Variant, trainer: bool) -> str:
    """File name without extension: the package's name, then -handout or -handout-trainer."""
    return f"{variant.name}-handout" + ("-trainer" if trainer else "")


def render_handout(variant: Variant, trainer: bool) -> str:
    """The handout's HTML for this variant (participants' copy, or the trainer's with the key)."""
    course = variant.course
    env = theme.environment(course.root, course.theme)
    sheets = [PLAYER_DIR / "player.css"] + [theme.find_file(course.root, course.theme, name)
                                            for name in ("theme.css", HANDOUT_CSS)]
    styles = "\n".join(sheet.read_text(encoding="utf-8") for sheet in sheets)
    assets = {uri: abs_path for abs_path, uri in variant.assets.items()}
    lessons = [{"title": r.lesson.title, "html": Markup(_paper(r, assets, trainer, course.language))}
               for r in variant.lessons]
    return env.get_template("handout.html").render(
        lang=course.language, title=course.title, generator_version=__version__, trainer=trainer,
        variant=" – ".join(d.title for d in (variant.audience, variant.level) if d),
        styles=Markup(styles.replace("</", "<\\/")), lessons=lessons,   # no </style> inside <style>
        strings={key: t(f"handout.{key}", course.language) for key in ("contents", "participant", "trainer")})


def _paper(rendered: RenderedLesson, assets: dict[str, Path], trainer: bool, lang: str) -> str:
    """The lesson's HTML as paper shows it."""
    questions = {q.id: q.to_data() for q in rendered.questions}
    parts = lxml.html.fragments_fromstring(rendered.html)
    for part in parts:
        if isinstance(part, str):            # text before the first element
            continue
        for question in part.xpath("descendant-or-self::*[@data-question]"):
            _worksheet(question, questions.get(question.get("data-question")), trainer, lang)
        for el in part.xpath("descendant-or-self::*[@hidden]"):
            del el.attrib["hidden"]          # pages, and tab panels the player would hide
        for el in part.xpath("descendant-or-self::details"):
            el.set("open", "open")
        for el in part.xpath("descendant-or-self::*[self::video or self::audio]"):
            el.drop_tree()
        for el in part.xpath("descendant-or-self::button"):
            el.drop_tag()                    # a glossary term's button: its word stays, as text
        for img in part.xpath("descendant-or-self::img[@src]"):
            if img.get("src") in assets:
                img.set("src", _data_uri(assets[img.get("src")]))
        for link in part.xpath("descendant-or-self::a[@href]"):
            if link.get("href") in assets:   # an attachment: paper cannot link to a file in the package
                del link.attrib["href"]
        for el in part.xpath("descendant-or-self::*[@tabindex]"):
            del el.attrib["tabindex"]
    return "".join(p if isinstance(p, str) else lxml.html.tostring(p, encoding="unicode") for p in parts)


def _worksheet(question, data: dict | None, trainer: bool, lang: str) -> None:
    """A question as printed: each control a box or a line to write on; the feedback, on screen
    only after answering, becomes the answer key (trainer) or goes."""
    for control in question.xpath(".//input | .//select | .//textarea"):
        kind = control.get("type", "") if control.tag == "input" else control.tag
        mark = etree.Element("span", {"class": f"sb-handout-{'box' if kind in ('radio', 'checkbox') else 'line'}",
                                      "aria-hidden": "true"})
        mark.tail = control.tail
        control.getparent().replace(control, mark)
    for label in question.xpath(".//label[@for]"):
        del label.attrib["for"]          # its control is gone
    for button in question.xpath(".//button"):
        if button.get("data-choice") is None:
            button.drop_tree()               # Kontrollera svar
            continue
        button.tag, button.attrib["class"] = "p", "sb-handout-choice"  # a scenario's choice, to discuss
        del button.attrib["type"], button.attrib["data-choice"]
        mark = etree.Element("span", {"class": "sb-handout-box", "aria-hidden": "true"})
        mark.tail, button.text = " " + (button.text or ""), None
        button.insert(0, mark)
    for consequence in question.xpath(".//*[contains(concat(' ', @class, ' '), ' sb-consequence ')]"):
        if not trainer:
            consequence.drop_tree()          # what a choice leads to is the trainer's to tell
    for feedback in question.xpath(".//*[contains(concat(' ', @class, ' '), ' sb-feedback ')]"):
        if not trainer:
            feedback.drop_tree()
            continue
        key = etree.Element("div", {"class": "sb-handout-key"})
        answer = _answer(data or {}, lang)
        if answer:
            p = etree.SubElement(key, "p")
            etree.SubElement(p, "strong").text = t("handout.answer", lang)
            etree.SubElement(p, "span").text = " " + answer
        for explanation in feedback.xpath(".//*[contains(concat(' ', @class, ' '), ' sb-fb-explanation ')]"):
            key.extend(explanation)
        key.tail = feedback.tail
        feedback.getparent().replace(feedback, key)


def _answer(data: dict, lang: str) -> str:
    """The right answer in words, from the course data every type fills (docs/architecture.md,
    "the accessible-names contract"); "" for a type with no right answer (likert, reflection)."""
    if "options" in data:
        return "; ".join(o["text"] for o in data["options"] if o.get("correct"))
    if "answer" in data:
        return t("player.quiz_true" if data["answer"] else "player.quiz_false", lang)
    if "accepted" in data:
        return " / ".join(data["accepted"])
    if "pairs" in data:
        return "; ".join(f"{left} → {right}" for left, right in data["pairs"])
    if "sequence" in data:
        return "; ".join(f"{n}. {text}" for n, text in enumerate(data["sequence"], start=1))
    return ""


def _data_uri(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
