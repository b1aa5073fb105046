"""The checks find real problems and say where: page id, rule and element for axe, page and width
for reflow. A course with faults written into one page is walked like every other package."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from a11y_walk import Audit, walk
from scorm_builder.build import build_course
from scorm_builder.render.chunks import page_chunk, page_file, read_chunk
from scorm_builder.runtime.playback import play

pytestmark = pytest.mark.playback

FAULTY = """\
---
title: Första lektionen
---
# Välkommen

Allt är bra här.

# Felaktig sida

FEL-HÄR
"""

# Written into the built package: the build refuses inline style, as a vendor package would not.
FAULTS = """<p class="grey" style="color:#b0b0b0">Ljusgrå text på vitt.</p>

<p><a href="#ingenstans"></a></p>

<p lang="xx-nonsense">Okänt språk.</p>

<div style="width:600px">En låda som är bredare än telefonen.</div>

<div class="scroller" style="overflow-x:auto"><p style="white-space:nowrap">Den här raden bryts aldrig och rullar i sidled på en telefon.</p></div>"""


def faulty_package(make_course, out: Path) -> Path:
    """The omsorg package of a course whose second page carries FAULTS."""
    built = build_course(make_course({"lessons/01-forsta.md": FAULTY}), out / "built", audiences=["omsorg"])[0]
    package = out / built.name
    with zipfile.ZipFile(built) as src, zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == page_file("l01-forsta-2"):
                page = read_chunk(data.decode())
                assert "<p>FEL-HÄR</p>" in page["html"]
                data = page_chunk(page["id"], page["html"].replace("<p>FEL-HÄR</p>", FAULTS)).encode()
            dst.writestr(info, data)
    return package


def test_faults_are_reported_with_page_rule_and_target(make_course, playback_browser, tmp_path):
    package = faulty_package(make_course, tmp_path)
    audit = Audit("ostersund")
    play(package, lambda s: walk(s, audit, package.name), browser=playback_browser)
    found = {line.split(": ")[2].split(" ")[0]: line for line in audit.axe}
    assert set(found) == {"color-contrast", "link-name", "valid-lang", "scrollable-region-focusable"}, audit.axe
    assert all(line.startswith(f"{package.name}: l01-forsta-2") for line in audit.axe)
    assert found["scrollable-region-focusable"].startswith(f"{package.name}: l01-forsta-2 at 320 px: ")
    assert ": .scroller: " in found["scrollable-region-focusable"]
    assert ": .grey: " in found["color-contrast"] and "#b0b0b0" in found["color-contrast"]
    assert 'a[href$="#ingenstans"]' in found["link-name"]
    assert audit.reflow and all(line.startswith(f"{package.name}: l01-forsta-2") for line in audit.reflow)
    assert "scrollWidth 6" in audit.reflow[0]
