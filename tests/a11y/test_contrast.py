"""Theme colours against WCAG 2.1: 4.5:1 for text (1.4.3), 3:1 for control borders, focus rings and
other graphics (1.4.11). Ratios are computed from each theme's CSS custom properties, and from the
fallbacks in player.css that a theme without a value would get."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scorm_builder.render.pages import PLAYER_DIR
from scorm_builder.render.theme import THEMES_DIR

SHEETS = {"default": THEMES_DIR / "default" / "theme.css", "ostersund": THEMES_DIR / "ostersund" / "theme.css",
          "player.css fallbacks": PLAYER_DIR / "player.css"}
# (foreground, background, where the pair is used)
TEXT = [("fg", "bg", "body text"), ("muted", "bg", "page number, learner name"),
        ("accent", "bg", "links, button labels"), ("accent-fg", "accent", "primary buttons, skip link"),
        ("ok", "bg", "'right' verdicts"), ("bad", "bg", "'wrong' verdicts and warnings")]
TEXT_ON_SURFACE = [("fg", "surface", "callout text"), ("accent", "surface", "links in callouts"),
                   ("muted", "surface", "secondary text in callouts")]
CONTROLS = [("border", "bg", "input and progress borders"), ("accent", "bg", "button borders"),
            ("focus", "bg", "focus ring"), ("ok", "bg", "'seen' marks in the contents"),
            ("bad", "bg", "warning bar")]


def custom_properties(css: str) -> dict[str, str]:
    """The --sb-* colours of the sheet's first `:root` block (where player.css and themes keep them)."""
    block = re.search(r":root\)?\s*\{([^}]*)\}", css)
    assert block, "no :root block"
    return {m[1]: m[2].strip().lower() for m in re.finditer(r"--sb-([a-z-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\s*;", block[1])}


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_ratio_is_wcag_s():
    assert ratio("#000", "#ffffff") == pytest.approx(21)
    assert ratio("#767676", "#fff") == pytest.approx(4.54, abs=0.01)   # the lightest grey for text on white
    assert ratio("#777777", "#fff") < 4.5
    assert ratio("#949494", "#fff") == pytest.approx(3.03, abs=0.01)
    assert ratio("#abc", "#abc") == 1


def failures(colours: dict[str, str], pairs, minimum: float) -> list[str]:
    out = []
    for fg, bg, use in pairs:
        if fg in colours and bg in colours and ratio(colours[fg], colours[bg]) < minimum:
            out.append(f"--sb-{fg} {colours[fg]} on --sb-{bg} {colours[bg]} ({use}): "
                       f"{ratio(colours[fg], colours[bg]):.2f}:1 < {minimum}:1")
    return out


@pytest.mark.parametrize("sheet", SHEETS)
def test_colours_meet_the_ratios(sheet):
    colours = custom_properties(SHEETS[sheet].read_text(encoding="utf-8"))
    assert {"bg", "fg", "accent", "accent-fg", "focus", "border"} <= colours.keys()
    problems = failures(colours, TEXT + TEXT_ON_SURFACE, 4.5) + failures(colours, CONTROLS, 3.0)
    assert problems == [], "\n".join(problems)


def test_a_bad_theme_is_caught():
    colours = {"fg": "#777777", "bg": "#ffffff", "accent": "#3a7bd5", "accent-fg": "#ffffff", "focus": "#ffd000",
               "border": "#cccccc"}
    problems = failures(colours, TEXT, 4.5) + failures(colours, CONTROLS, 3.0)
    assert [p.split(" (")[0] for p in problems] == [
        "--sb-fg #777777 on --sb-bg #ffffff", "--sb-accent #3a7bd5 on --sb-bg #ffffff",
        "--sb-accent-fg #ffffff on --sb-accent #3a7bd5", "--sb-border #cccccc on --sb-bg #ffffff",
        "--sb-focus #ffd000 on --sb-bg #ffffff"]


@pytest.mark.parametrize("theme", ["default", "ostersund"])
def test_themes_set_every_colour_the_player_uses(theme):
    used = set(re.findall(r"var\(--sb-([a-z-]+)", (PLAYER_DIR / "player.css").read_text(encoding="utf-8")))
    missing = used - custom_properties(SHEETS[theme].read_text(encoding="utf-8")).keys() - {"font"}
    assert missing == set()


@pytest.mark.playback
@pytest.mark.parametrize("theme", ["default", "ostersund"])
def test_the_theme_s_colours_are_the_ones_shown(theme, every_type_packages, playback_browser):
    """The ratios above only hold if the page really uses the theme's values (player.css comes later)."""
    from scorm_builder.runtime.playback import play

    wanted = custom_properties(SHEETS[theme].read_text(encoding="utf-8"))
    shown = {}

    def learner(session):
        frame = session.launch()
        shown.update(frame.evaluate("names => Object.fromEntries(names.map(n => [n, getComputedStyle("
                                    "document.documentElement).getPropertyValue('--sb-' + n).trim().toLowerCase()]))",
                                    list(wanted)))

    play(every_type_packages[theme], learner, browser=playback_browser)
    assert shown == wanted
