"""What the packages carry of the player's sources: comments on lines of their own go, code stays."""
from scorm_builder.render.pages import player_css, player_script, without_comments


def test_comment_lines_go_and_code_stays():
    source = "a();\n/* one */\n  /* two\n  lines */ b();\n// note\n\nc(); // kept: it shares a line\n/*x*/d();\n"
    assert without_comments(source, line_comments=True) == "a();\n b();\nc(); // kept: it shares a line\nd();\n"


def test_css_keeps_what_looks_like_a_line_comment():
    assert without_comments("a { b: c; }\n/* x */\n//d\n", line_comments=False) == "a { b: c; }\n//d\n"


def test_the_shipped_player_has_no_comment_lines():
    for text in (player_script(), player_css()):
        lines = [line.strip() for line in text.splitlines()]
        assert lines and not [t for t in lines if not t or t.startswith(("/*", "//"))]
