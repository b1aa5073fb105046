"""validate flags script in attributes and CSS from other hosts in any package's HTML, SVG and CSS."""
from __future__ import annotations

import pytest

from package_helpers import GOOD_MANIFEST as M, edit, validate_json


def warnings_of(make_package, files: dict) -> list[tuple]:
    listed = "".join(f'<file href="{name}"/>' for name in files if name != "index.html")
    manifest = edit(M, '<file href="assets/bild.png"/>', '<file href="assets/bild.png"/>' + listed)
    exit_code, [report] = validate_json(make_package({"imsmanifest.xml": manifest, **files}))
    assert exit_code == 0  # warnings: vendor packages often do this on purpose
    return [(w["code"], w["file"], w["line"], w["message"]) for w in report["warnings"]]


HTML_CASES = [
    ("details-ontoggle", '<details open ontoggle="alert(1)">x</details>',
     ("validate.event_handler", "<details> has the attribute ontoggle, which runs script")),
    ("iframe-srcdoc", '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>',
     ("validate.event_handler", "<iframe> has the attribute srcdoc, which runs script")),
    ("upper-case-onclick", '<DIV ONCLICK="go()">x</DIV>',
     ("validate.event_handler", "<div> has the attribute onclick, which runs script")),
    ("javascript-href", '<a href="javascript:alert(1)">x</a>',
     ("validate.script_url", "href of <a> is a javascript: URL")),
    ("javascript-with-entity-and-tab", '<a href=" jav&#x09;ascript&colon;alert(1)">x</a>',
     ("validate.script_url", "href of <a> is a javascript: URL")),
    ("vbscript-form-action", '<form action="VBScript:x"></form>',
     ("validate.script_url", "action of <form> is a vbscript: URL")),
    ("svg-xlink-inline", '<svg><a xlink:href="javascript:alert(2)"><text>t</text></a></svg>',
     ("validate.script_url", "xlink:href of <a> is a javascript: URL")),
    ("script-src-entity", '<script src="&#104;ttps://spy.example/a.js"></script>',
     ("validate.external_resource", "loads https://spy.example/a.js from the internet")),
    ("img-srcset-second", '<img alt="" src="assets/bild.png" srcset="assets/bild.png 1x, //spy.example/2x.png 2x">',
     ("validate.external_resource", "loads //spy.example/2x.png from the internet")),
    ("svg-image-href", '<svg><image href="https://spy.example/i.png"/></svg>',
     ("validate.external_resource", "loads https://spy.example/i.png from the internet")),
    ("inline-style-url", '<div style="background:url(https://spy.example/p.png)">x</div>',
     ("validate.external_resource", "loads https://spy.example/p.png from the internet")),
    ("inline-style-entity", '<div style="background:url(&#104;ttps://spy.example/p.png)">x</div>',
     ("validate.external_resource", "loads https://spy.example/p.png from the internet")),
    ("inline-style-css-escape", '<div style="background:u\\72l(//spy.example/p.png)">x</div>',
     ("validate.external_resource", "loads //spy.example/p.png from the internet")),
]


@pytest.mark.parametrize("case,body,expected", HTML_CASES, ids=[c[0] for c in HTML_CASES])
def test_html(make_package, case, body, expected):
    page = f"<!doctype html>\n<html><head><title>x</title></head>\n<body>\n{body}\n</body></html>\n"
    found = [(code, message) for code, file, line, message in warnings_of(make_package, {"index.html": page})
             if file == "index.html"]
    assert found == [expected]


def test_a_page_that_claims_utf16_is_read_as_browsers_read_it(make_package):
    # HTML5 browsers treat <meta charset="utf-16"> on a byte stream without BOM as UTF-8
    page = '<!doctype html><html><head><meta charset="utf-16"></head><body><p onclick="x()">p</p></body></html>'
    assert [(w[0], w[2]) for w in warnings_of(make_package, {"index.html": page}) if w[1] == "index.html"] == [
        ("validate.event_handler", 1)]


def test_a_utf16_page_with_a_bom_is_read_as_utf16(make_package):
    page = '<!doctype html><html><body>\n<p onclick="x()">å</p></body></html>'.encode("utf-16")
    assert [(w[0], w[2]) for w in warnings_of(make_package, {"index.html": page}) if w[1] == "index.html"] == [
        ("validate.event_handler", 2)]


def test_hostile_bytes_end_the_scan_without_a_traceback(make_package):
    files = {"index.html": b"<!--c--><?pi x?>\x00\xff<a\x01 onclick=1>" + bytes(range(256)) * 20,
             "bild.svg": b'<?xml version="1.0" encoding="EBCDIC-nope"?><svg onload="x"/>',
             "tema.css": bytes(range(256)) * 100}
    warnings_of(make_package, files)


def test_safe_markup_is_not_flagged(make_package):
    page = ('<!doctype html><html><head><style>p { background: url(assets/bild.png) }</style></head><body>\n'
            '<a href="https://www.kvinnofridslinjen.se">ok</a> <a href="mailto:a@b.se">m</a> <a href="#x">i</a>\n'
            '<img alt="" src="data:image/png;base64,AAAA"> <p title="javascript: is a language">t</p>\n'
            '<button type="button" data-on="x" class="onclick">b</button></body></html>')
    assert [w for w in warnings_of(make_package, {"index.html": page}) if w[1] == "index.html"] == []


def test_svg_file(make_package):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">\n'
           '<a xlink:href="javascript:alert(2)"><text>t</text></a>\n'
           '<style>rect { fill: url(https://spy.example/f.svg#g) }</style>\n</svg>\n')
    assert [w for w in warnings_of(make_package, {"bild.svg": svg}) if w[1] == "bild.svg"] == [
        ("validate.event_handler", "bild.svg", 1, "<svg> has the attribute onload, which runs script"),
        ("validate.script_url", "bild.svg", 2, "xlink:href of <a> is a javascript: URL"),
        ("validate.external_resource", "bild.svg", 3, "loads https://spy.example/f.svg#g from the internet"),
    ]


def test_css_file_by_line_with_comments_escapes_and_image_set(make_package):
    css = ('/* url(https://in.a.comment/x.png)\n   still the comment */\n'
           'h1 { background: image-set("https://a.example/1x.png" 1x) }\n'
           '@import \'//b.example/c.css\';\n'
           '.x { background: u\\72 l( "https://c.example/x.png" ) }\n'
           '.ok { background: url(assets/bild.png) }\n')
    assert [w for w in warnings_of(make_package, {"tema.css": css}) if w[1] == "tema.css"] == [
        ("validate.external_resource", "tema.css", 3, "loads https://a.example/1x.png from the internet"),
        ("validate.external_resource", "tema.css", 4, "loads //b.example/c.css from the internet"),
        ("validate.external_resource", "tema.css", 5, "loads https://c.example/x.png from the internet"),
    ]


def test_a_broken_svg_ends_the_scan_quietly(make_package):
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><g onclick="x()"><unclosed></svg>'
    found = [w for w in warnings_of(make_package, {"bild.svg": svg}) if w[1] == "bild.svg"]
    assert found == [("validate.event_handler", "bild.svg", 1, "<g> has the attribute onclick, which runs script")]


def test_our_own_sample_course_has_none_of_it(tmp_path):
    from scorm_builder.build import build_course
    from support import SAMPLE_COURSE

    for package in build_course(SAMPLE_COURSE, tmp_path / "dist", ["omsorg"]):  # every level of one audience
        exit_code, [report] = validate_json(package)
        assert (exit_code, report["errors"], report["warnings"]) == (0, [], []), package.name
