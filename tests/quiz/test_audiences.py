"""Audience-limited questions: marked for the render step, checked against the course's audiences."""

SOURCE = """
::: fråga santfalskt {#chefsfraga målgrupp=chefer}
Har du ett arbetsgivaransvar?

svar: sant
:::
"""


def test_marked_for_all_variant_build(page):
    result = page(SOURCE)
    assert result.question.audiences == ("chefer",)
    assert result.question.to_data()["audiences"] == ["chefer"]
    assert 'data-question="chefsfraga" data-sb-audiences="chefer" id="q-chefsfraga"' in result.html


def test_kept_for_its_audience(page):
    assert [q.id for q in page(SOURCE, audience="chefer").questions] == ["chefsfraga"]


def test_dropped_for_other_audiences(page):
    result = page(SOURCE, audience="omsorg")
    assert result.questions == []
    assert "chefsfraga" not in result.html
    assert not result.reporter.diagnostics


def test_english_attribute_and_several_audiences(page):
    q = page(SOURCE.replace("målgrupp=chefer", "audience=chefer,omsorg")).question
    assert q.audiences == ("chefer", "omsorg")


def test_unknown_audience(page):
    result = page(SOURCE.replace("målgrupp=chefer", "målgrupp=chef"))
    assert result.reporter.failed
    assert [d.code for d in result.reporter.errors] == ["audience.unknown_guess"]
    assert result.reporter.errors[0].line == 3
    assert result.reporter.errors[0].params == {"audience": "chef", "guess": "chefer"}
    assert result.questions == []
