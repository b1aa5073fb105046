"""`scorm-builder handout`: the classroom session's print-ready HTML and PDF of one variant."""
from __future__ import annotations

import functools
import http.server
import threading

import lxml.html
import pypdf
import pytest
from click.testing import CliRunner

from scorm_builder.cli import main
from scorm_builder.commands.handout import make_handouts
from scorm_builder.errors import Reporter
from scorm_builder.render.handout import render_handout
from scorm_builder.render.variant import convert_variant
from scorm_builder.runtime import a11y
from scorm_builder.source.loader import load_course
from support import MINIMAL, ROOT, SAMPLE_COURSE, write_course

EXPLANATION = "Kvinnofridslinjen har numret 020-50 50 50 dygnet runt."
# MINIMAL with an explanation on the knowledge check and a sources lesson, as the sample course has
COURSE = {**MINIMAL,
          "lessons/01-forsta.md": MINIMAL["lessons/01-forsta.md"].replace(
              "        - [ ] 116 006\n", f"        - [ ] 116 006\n\n        förklaring: {EXPLANATION}\n"),
          "course.yml": MINIMAL["course.yml"].replace("  - slutprov", "  - kallor\n          - slutprov"),
          "lessons/kallor.md": """\
              ---
              title: Källor
              ---
              # Källor

              - Socialstyrelsen, *Våld*, 2022
              """}


def handout_html(course, tmp_path, trainer, **select) -> str:
    files = make_handouts(course, tmp_path / "out", select.get("audiences"), select.get("levels"), trainer,
                          Reporter())
    (html,) = files
    return html.read_text(encoding="utf-8")


def test_two_runs_give_the_same_bytes(tmp_path):
    first = make_handouts(SAMPLE_COURSE, tmp_path / "a", ["omsorg"], ["grund"], True, Reporter())
    second = make_handouts(SAMPLE_COURSE, tmp_path / "b", ["omsorg"], ["grund"], True, Reporter())
    assert [p.name for p in first] == ["vald-i-nara-relation-2.0-omsorg-grund-handout-trainer.html"]
    assert first[0].read_bytes() == second[0].read_bytes()


def test_every_page_of_the_variant_in_order_and_no_other_audience(tmp_path):
    course = load_course(SAMPLE_COURSE, Reporter())
    omsorg = next(a for a in course.audiences if a.id == "omsorg")
    grund = next(lv for lv in course.levels if lv.id == "grund")
    variant = convert_variant(course, omsorg, grund, Reporter())
    doc = lxml.html.fromstring(handout_html(SAMPLE_COURSE, tmp_path, False, audiences=["omsorg"], levels=["grund"]))
    titles = [h.text_content() for h in doc.xpath("//section[contains(@class, 'sb-page')]/h1")]
    assert titles == [p.title for r in variant.lessons for p in r.pages]
    assert doc.xpath("//nav//li/text()") == [r.lesson.title for r in variant.lessons]
    assert len(variant.lessons) < len(course.lessons)          # other audiences' lessons are left out
    # one article per lesson, each starting on a new sheet
    assert len(doc.xpath("//article[@class='sb-handout-lesson']")) == len(variant.lessons)
    assert ".sb-handout-lesson { break-before: page; }" in doc.xpath("//style")[0].text


def test_the_sources_lesson_is_a_page_of_the_handout(tmp_path):
    course = write_course(tmp_path / "kurs", COURSE)
    doc = lxml.html.fromstring(handout_html(course, tmp_path, False, audiences=["omsorg"]))
    (sources,) = doc.xpath("//section[h1='Källor']")
    assert "Socialstyrelsen, Våld, 2022" in sources.text_content()


def test_paper_has_no_controls_and_nothing_hidden(tmp_path):
    doc = lxml.html.fromstring(handout_html(SAMPLE_COURSE, tmp_path, True, audiences=["omsorg"], levels=["grund"]))
    assert doc.xpath("//*[@data-question]")
    assert not doc.xpath("//button | //input | //select | //textarea | //video | //audio | //script")
    assert not doc.xpath("//*[@hidden] | //label[@for] | //*[@tabindex]")
    assert all(d.get("open") == "open" for d in doc.xpath("//details"))
    assert doc.xpath("//*[@data-question]//span[@class='sb-handout-box']")


def test_glossary_terms_tabs_and_the_glossary_page_print_in_full(tmp_path):
    """A marked term keeps its word and shows its definition; tabs print as headed sections; the
    glossary page (::: ordlista) is a page like any other."""
    files = {**COURSE,
             "course.yml": COURSE["course.yml"].replace("lessons:", "glossary:\n          lex Sarah: Skyldigheten att "
                                                        "rapportera missförhållanden.\n        lessons:", 1)
                                               .replace("  - kallor", "  - kallor\n          - ordlista"),
             "lessons/01-forsta.md": COURSE["lessons/01-forsta.md"].replace(
                 "Hej och välkommen.", "Rapportera enligt [[lex Sarah]] i tid.\n\n"
                 "        ::: flikar Vem gör vad?\n        ## Chef\n        Ser till att rutinen är känd.\n\n"
                 "        ## Medarbetare\n        Frågar och dokumenterar.\n        :::\n\n       "),
             "lessons/ordlista.md": "---\ntitle: Ordlista\n---\n# Ordlista\n\n::: ordlista\n:::\n"}
    doc = lxml.html.fromstring(handout_html(write_course(tmp_path / "kurs", files), tmp_path, False,
                                            audiences=["chefer"]))
    assert not doc.xpath("//button | //*[@hidden]")
    paragraph = doc.xpath("//p[contains(., 'Rapportera enligt')]")[0]
    assert " ".join(paragraph.text_content().split()) == (
        "Rapportera enligt lex SarahSkyldigheten att rapportera missförhållanden. i tid.")
    assert ".sb-handout .sb-term-def::before" in doc.xpath("//style")[0].text     # printed as "lex Sarah (…)"
    tabs_text = " ".join(doc.xpath("//section[h1='Välkommen']")[0].text_content().split())
    assert "Chef Ser till att rutinen är känd." in tabs_text and "Medarbetare Frågar och dokumenterar." in tabs_text
    (glossary,) = doc.xpath("//section[h1='Ordlista']")
    assert "Skyldigheten att rapportera missförhållanden." in glossary.text_content()


def test_images_are_inlined_and_attachment_links_point_nowhere(tmp_path):
    course = write_course(tmp_path / "kurs", MINIMAL)
    doc = lxml.html.fromstring(handout_html(course, tmp_path, False, audiences=["chefer"]))
    (img,) = doc.xpath("//img")
    assert img.get("src").startswith("data:image/svg+xml;base64,")
    link = next(a for a in doc.xpath("//a") if a.text_content() == "Ladda ner lathunden")
    assert link.get("href") is None
    assert "Bara för chefer." in doc.text_content()


def test_the_answer_key_and_explanations_only_in_the_trainers_copy(tmp_path):
    course = write_course(tmp_path / "kurs", COURSE)
    trainer = lxml.html.fromstring(handout_html(course, tmp_path / "t", True, audiences=["omsorg"]))
    participant = lxml.html.fromstring(handout_html(course, tmp_path / "p", False, audiences=["omsorg"]))
    (key,) = trainer.xpath("//*[@data-question='kontroll-1']//div[@class='sb-handout-key']")
    assert [" ".join(p.text_content().split()) for p in key.xpath("p")] == ["Rätt svar: 020-50 50 50", EXPLANATION]
    assert trainer.xpath("//p[@class='sb-handout-edition']")[0].text.startswith("Handledarens version")
    assert participant.xpath("//*[@data-question='kontroll-1']//legend")[0].text == "Vilket nummer har Kvinnofridslinjen?"
    assert not participant.xpath("//*[@class='sb-handout-key' or contains(@class, 'sb-feedback')]")
    assert EXPLANATION not in participant.text_content()
    assert "Rätt svar" not in participant.text_content()


@pytest.mark.parametrize("question,answer", [
    ("prov-1", "Answer: True"),
    ("prov-3", "Answer: latent; ekonomiskt"),
])
def test_every_kind_of_answer_is_written_out(tmp_path, question, answer):
    files = dict(MINIMAL)
    files["course.yml"] = files["course.yml"].replace('version: "1.0"', 'version: "1.0"\n        language: en')
    course = write_course(tmp_path / "kurs", files)
    doc = lxml.html.fromstring(handout_html(course, tmp_path, True, audiences=["omsorg"]))
    (key,) = doc.xpath(f"//*[@data-question='{question}']//div[@class='sb-handout-key']")
    assert key.text_content() == answer


def test_it_follows_the_course_theme(tmp_path):
    doc = lxml.html.fromstring(handout_html(SAMPLE_COURSE, tmp_path, False, audiences=["omsorg"], levels=["grund"]))
    assert doc.xpath("//header[@class='sb-handout-cover']/p[@class='sb-brand']")[0].text == "Östersunds kommun"
    assert "--sb-accent: #00507a;" in doc.xpath("//style")[0].text     # themes/ostersund/theme.css


def test_the_override_example_in_themes_md_works(tmp_path):
    text = (ROOT / "docs" / "themes.md").read_text(encoding="utf-8")
    section = text[text.index("`min-kurs/theme_overrides/handout.html`"):]
    example = section[section.index("```html\n") + len("```html\n"):section.index("\n```\n")] + "\n"
    course = write_course(tmp_path / "kurs", {**COURSE, "theme_overrides/handout.html": example})
    doc = lxml.html.fromstring(handout_html(course, tmp_path, False, audiences=["chefer"]))
    assert doc.xpath("//header/p[@class='sb-brand']")[0].text == "Vård- och omsorgsförvaltningen"


def test_a_mistake_in_a_theme_override_is_reported_at_its_line(tmp_path):
    course = write_course(tmp_path / "kurs", {**COURSE, "theme_overrides/handout.html":
                                              '{% extends "default/handout.html" %}\n'
                                              '{% block brand %}{{ kommun }}{% endblock %}\n'})
    result = CliRunner().invoke(main, ["--lang", "en", "handout", str(course), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "theme_overrides/handout.html:2: error:" in result.output and "kommun" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_an_unknown_audience_is_a_usage_error_and_writes_nothing(tmp_path):
    result = CliRunner().invoke(main, ["--lang", "en", "handout", str(SAMPLE_COURSE), "--audience", "omsorgg",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "did you mean" in result.output and "omsorg" in result.output
    assert not (tmp_path / "out").exists()


def test_a_source_mistake_is_reported_and_writes_nothing(tmp_path):
    files = dict(MINIMAL)
    files["lessons/01-forsta.md"] = files["lessons/01-forsta.md"].replace("- [x] 020-50 50 50", "- [ ] 020-50 50 50")
    course = write_course(tmp_path / "kurs", files)
    result = CliRunner().invoke(main, ["--lang", "en", "handout", str(course), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "lessons/01-forsta.md:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.playback
def test_the_pdf_has_the_pages_and_the_key_only_for_the_trainer(tmp_path):
    course = write_course(tmp_path / "kurs", COURSE)
    out = tmp_path / "out"
    for extra in ([], ["--trainer"]):
        result = CliRunner().invoke(main, ["handout", str(course), "--audience", "chefer", "--out", str(out), *extra])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"mini-1.0-chefer-{n}.{ext}" for n in
                                                           ("handout", "handout-trainer") for ext in ("html", "pdf"))
    texts = {}
    for name in ("handout", "handout-trainer"):
        reader = pypdf.PdfReader(out / f"mini-1.0-chefer-{name}.pdf")
        assert len(reader.pages) >= 4             # the cover, then each of the three lessons on a new sheet
        width, height = (float(v) for v in reader.pages[0].mediabox[2:])
        assert (round(width), round(height)) == (595, 842)    # A4 in points
        texts[name] = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert "Bara för chefer." in texts["handout"][1]
    assert any("Socialstyrelsen, Våld, 2022" in page for page in texts["handout"])
    trainer = " ".join(texts["handout-trainer"])
    assert "Rätt svar: 020-50 50 50" in trainer and EXPLANATION in trainer
    assert "Rätt svar" not in " ".join(texts["handout"]) and EXPLANATION not in " ".join(texts["handout"])


@pytest.mark.playback
def test_the_pdf_is_printed_without_running_scripts_or_fetching(tmp_path):
    """A theme override's script or web image does nothing: paper needs no script, and the
    printing browser may load only the file itself."""
    asked = []

    class Spy(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Spy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        override = ('{% extends "default/handout.html" %}\n{% block brand %}<p>Kommunen</p>'
                    f'<img src="http://127.0.0.1:{server.server_port}/spy.png" alt="">'
                    '<script>document.body.textContent = "KAPAT"</script>{% endblock %}\n')
        course = write_course(tmp_path / "kurs", {**COURSE, "theme_overrides/handout.html": override})
        result = CliRunner().invoke(main, ["handout", str(course), "--audience", "chefer", "--out",
                                           str(tmp_path / "out")])
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.output
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "out" / "mini-1.0-chefer-handout.pdf").pages)
    assert "KAPAT" not in text and "Kommunen" in text and "Bara för chefer." in text
    assert asked == []


@pytest.mark.playback
def test_without_a_chromium_it_says_so_exits_2_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SCORM_BUILDER_CHROMIUM", str(tmp_path / "ingen-chromium"))
    course = write_course(tmp_path / "kurs", COURSE)
    result = CliRunner().invoke(main, ["--lang", "en", "handout", str(course), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert f"error: SCORM_BUILDER_CHROMIUM is set to {tmp_path / 'ingen-chromium'}" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


@pytest.mark.playback
def test_the_trainers_handout_has_no_accessibility_violations(tmp_path, playback_browser):
    """Trainers also open the HTML file on screen: axe (WCAG 2.1 A/AA) finds nothing."""
    make_handouts(SAMPLE_COURSE, tmp_path, ["omsorg"], ["grund"], True, Reporter())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = playback_browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/vald-i-nara-relation-2.0-omsorg-grund-handout-trainer.html")
        result = a11y.audit(page.main_frame, "handout")
    finally:
        page.close()
        server.shutdown()
        server.server_close()
    assert result["violations"] == [], "\n".join(a11y.lines(result))
