"""What the build writes for assistive technology, read from the launch page: the document's
language and the language of parts, decorative images, and questions as native form controls in
fieldset/legend with a live region for feedback. (Missing alt text and captions are build errors,
tested in tests/build and tests/authoring.)"""
from __future__ import annotations


import lxml.html

from scorm_builder.build import build_course
from a11y_courses import every_type_course
from support import course_html

DECORATIVE = """\
---
title: Första lektionen
---
# Välkommen

![Ett diagram över stödet](../assets/bild.svg)

![](../assets/bild.svg){: .decorative}

Läs [Violence against women](https://www.who.int/){: lang=en } och *Honour-based violence*{: lang=en }.
"""


def launch_page(package) -> lxml.html.HtmlElement:
    """The launch page with every page of the course in it."""
    return lxml.html.fromstring(course_html(package))


def test_language_of_the_page_and_of_parts(make_course, tmp_path):
    course = make_course({"lessons/01-forsta.md": DECORATIVE})
    page = launch_page(build_course(course, tmp_path / "dist", audiences=["omsorg"])[0])
    assert page.get("lang") == "sv"
    marked = {el.text_content(): el.tag for el in page.xpath("//main//*[@lang='en']")}
    assert marked == {"Violence against women": "a", "Honour-based violence": "em"}

    english = make_course({"course.yml": "id: mini\ntitle: Mini\nlanguage: en\nlessons: [01-forsta]\n",
                           "lessons/01-forsta.md": DECORATIVE, "lessons/slutprov.md": None})
    assert launch_page(build_course(english, tmp_path / "en")[0]).get("lang") == "en"


def test_decorative_images_are_hidden_and_others_described(make_course, tmp_path):
    course = make_course({"lessons/01-forsta.md": DECORATIVE})
    page = launch_page(build_course(course, tmp_path / "dist", audiences=["omsorg"])[0])
    assert [img.get("alt") for img in page.iter("img")] == ["Ett diagram över stödet", ""]


def test_questions_are_native_controls_in_fieldsets_with_a_live_region(tmp_path):
    page = launch_page(build_course(every_type_course(tmp_path / "kurs", "default"), tmp_path / "dist")[0])
    questions = page.xpath("//div[contains(@class, 'sb-question')]")
    assert len(questions) == 14  # 6 types as checks and in the test, likert and reflection as checks
    for q in questions:
        group = q.find("fieldset")
        assert group is not None and group[0].tag == "legend" and group[0].text_content().strip()
        controls = group.xpath(".//input | .//select | .//textarea")
        assert controls and not group.xpath(".//*[@role='radio' or @role='checkbox' or @role='combobox']")
        for c in controls:   # every control has a label of its own (radios: their option text)
            assert page.xpath(f"//label[@for='{c.get('id')}']"), c.get("id")
        if q.xpath("ancestor::section[contains(@class, 'sb-test')]"):
            continue
        live = q.xpath(".//*[contains(@class, 'sb-feedback')]")
        assert len(live) == 1 and live[0].get("role") == "status" and live[0].get("aria-live") == "polite"
