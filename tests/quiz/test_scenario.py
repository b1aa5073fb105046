"""Scenario (`::: fråga scenario`): steps with choices, consequences and endings. The build proves
the graph (targets, dead ends, traps, unreachable steps); the player walks it with native buttons,
moves focus to each step, saves the path and sends it as one performance interaction."""
from __future__ import annotations

import textwrap

import lxml.html
import pytest
from click.testing import CliRunner
from learning import assert_clean, interactions
from scenario_course import build

from scorm_builder import questions
from scorm_builder.cli import main
from scorm_builder.commands.handout import make_handouts
from scorm_builder.errors import Reporter
from scorm_builder.questions.scenario import ScenarioRecord, shortest_path
from scorm_builder.runtime import a11y
from scorm_builder.runtime.our_player import OurPlayer

SOURCE = """
::: fråga scenario {#blamarken}
Du hjälper Anna, 82, med morgonduschen och ser blåmärken på hennes överarmar.

Vad gör du?

## start Anna drar ner ärmen
Anna ser att du tittat och drar ner ärmen.

- Frågar lugnt hur hon fått blåmärkena -> fragar
  konsekvens: Anna tvekar, men säger att hon ramlat.
- Låtsas att du inte sett något -> tyst
  konsekvens: Anna ser lättad ut, men ingenting förändras.

## fragar
Anna säger att hon ramlat.

- Frågar om någon har gjort henne illa -> berattar
  konsekvens: Anna blir tyst en stund och börjar sedan berätta.
- Nöjer dig med svaret -> tyst

## berattar Anna berättar
slut: bra

Du gav Anna en chans att berätta.

## tyst
slut: dåligt

Blåmärken kan vara tecken på våld.
:::
"""


def diagnostics(page, source: str) -> list[str]:
    return page(textwrap.dedent(source)).diagnostics()


def test_record_and_data(page):
    result = page(SOURCE)
    q = result.question
    assert result.diagnostics() == []
    data = q.to_data()
    assert data["type"] == "scenario" and data["interaction"] == "performance" and data["stem"] == "Vad gör du?"
    assert data["steps"] == [
        {"id": "start", "choices": [{"text": "Frågar lugnt hur hon fått blåmärkena", "to": "fragar"},
                                    {"text": "Låtsas att du inte sett något", "to": "tyst"}]},
        {"id": "fragar", "choices": [{"text": "Frågar om någon har gjort henne illa", "to": "berattar"},
                                     {"text": "Nöjer dig med svaret", "to": "tyst"}]},
        {"id": "berattar", "end": "good"}, {"id": "tyst", "end": "bad"}]
    again = questions.record_from_data(data)
    assert again.is_correct("start,fragar,berattar") and not again.is_correct("start,tyst")
    assert q.response_format.match("start,fragar,berattar")
    assert questions.of("scenario").scored is False


def test_html_native_buttons_headings_and_hidden_steps(page):
    html = page(SOURCE).html
    assert ('<div class="sb-step" data-step="start">\n<h3 class="sb-step-title" id="qc-blamarken-start" '
            'tabindex="-1">Anna drar ner ärmen</h3>') in html
    assert '<div class="sb-step" data-step="fragar" hidden>\n<h3 class="sb-step-title" ' in html
    assert 'tabindex="-1">Vad gör du?</h3>' in html  # a step without a title gets one
    assert ('<button class="sb-choice" data-choice="a" type="button">Frågar lugnt hur hon fått blåmärkena'
            '</button>') in html
    assert ('<div class="sb-consequence" data-choice="a" hidden>\n<p>Anna tvekar, men säger att hon '
            'ramlat.</p>\n</div>') in html
    assert '<button class="sb-restart" type="button">Försök igen från början</button>' in html
    assert "sb-check" not in html
    assert 'role="status"' in html


def test_not_allowed_in_the_final_test(page):
    result = page(SOURCE, graded=True)
    assert result.questions == []
    assert "cannot be part of the final test" in result.diagnostics()[0]


def test_unknown_target_with_did_you_mean(page):
    found = diagnostics(page, SOURCE.replace("-> berattar", "-> beratar"))
    assert found == ['19: the choice leads to step "beratar", which the scenario does not have | '
                     'did you mean "berattar"?']
    found = diagnostics(page, SOURCE.replace("-> berattar", "-> xyz"))
    assert found == ['19: the choice leads to step "xyz", which the scenario does not have | '
                     'the steps are: start, fragar, berattar, tyst']


def test_unreachable_step_is_a_warning(page):
    result = page(SOURCE.replace("-> tyst\n  konsekvens: Anna ser", "-> fragar\n  konsekvens: Anna ser")
                  .replace("- Nöjer dig med svaret -> tyst", "- Nöjer dig med svaret -> start"))
    assert result.diagnostics() == ['28: no choice leads to step "tyst", so no learner will see it | '
                                    'let a choice lead to it ("-> tyst"), or remove the step']
    assert [d.severity for d in result.reporter.diagnostics] == ["warning"]
    assert len(result.questions) == 1


def test_a_loop_without_a_way_out_is_an_error(page):
    source = """
    ::: fråga scenario
    Vad gör du?

    ## a
    - Väntar -> b
    - Går -> slut

    ## b
    - Väntar igen -> c

    ## c
    - Och igen -> b

    ## slut
    slut: neutral
    :::
    """
    assert diagnostics(page, source) == [
        '10: from step "b" no path reaches an ending: its choices only lead to steps that never end: b, c | '
        "let one choice in that loop lead on towards an ending",
        '13: from step "c" no path reaches an ending: its choices only lead to steps that never end: b, c | '
        "let one choice in that loop lead on towards an ending"]


def test_author_mistakes_each_at_its_line(page):
    source = """
    ::: fråga scenario
    Vad gör du?

    ## Start
    - Något utan mål
    - Går -> slut
    - Stannar -> stilla

    ## stilla
    Du står still.

    ## slut
    slut: kanske
    - Igen -> slut
    text efter valen
    :::
    """
    assert diagnostics(page, source) == [
        '6: step id "Start" may only contain a-z, 0-9, "-" and "_" (at most 40 characters) | '
        'write the id first on the heading, then the title, for example "## asks-anna Asking Anna"',
        '7: the choice "- Något utan mål" leads nowhere | '
        'end the choice with the step it leads to, for example "- Ask her how she is -> asks"',
        '11: step "stilla" has no choices and is not an ending, so the learner would be stuck there | '
        'add choices "- Choice -> next-step", or make it an ending with "end: good", "end: bad" or "end: neutral"',
        '15: unknown ending "kanske" | write "end: good", "end: bad" or "end: neutral"',
        '17: text after the step\'s choices: "text efter valen" | write the step\'s text before its choices, '
        'and a choice\'s consequence indented under it as "consequence: …"']


def test_no_steps(page):
    assert diagnostics(page, "::: fråga scenario\nVad gör du?\n:::\n") == [
        '3: the scenario has no steps | after the situation, start each step with a heading "## step-id Title"']


def test_an_ending_with_choices(page):
    found = diagnostics(page, SOURCE.replace("slut: dåligt\n", "slut: dåligt\n- Igen -> start\n"))
    assert found[0].startswith('30: step "tyst" is an ending but has choices')


def test_english_keywords(page):
    source = SOURCE.replace("fråga", "question").replace("konsekvens:", "consequence:") \
        .replace("slut: bra", "end: good").replace("slut: dåligt", "end: bad")
    result = page(source, lang="en")
    assert result.diagnostics() == []
    assert "Try again from the start" in result.html


def test_the_learner_driver_finds_the_shortest_good_and_bad_paths(page):
    steps = page(SOURCE).question.to_data()["steps"]
    assert shortest_path(steps, lambda s: s.get("end") == "good") == [
        "Frågar lugnt hur hon fått blåmärkena", "Frågar om någon har gjort henne illa"]
    assert shortest_path(steps, lambda s: s.get("end") == "bad") == ["Låtsas att du inte sett något"]


def test_the_handout_prints_every_step_with_its_choices_and_keeps_consequences_for_the_trainer(tmp_path):
    course = build(tmp_path / "b", SOURCE).parents[1] / "scenariokurs"
    copies = {}
    for trainer in (True, False):
        (html,) = make_handouts(course, tmp_path / str(trainer), None, None, trainer, Reporter())
        copies[trainer] = lxml.html.fromstring(html.read_text(encoding="utf-8"))
    for doc in copies.values():
        assert [h.text_content() for h in doc.xpath("//*[@data-question='blamarken']//h3")] == [
            "Anna drar ner ärmen", "Vad gör du?", "Anna berättar", "Slut"]
        assert [" ".join(p.text_content().split()) for p in doc.xpath("//p[@class='sb-handout-choice']")] == [
            "Frågar lugnt hur hon fått blåmärkena", "Låtsas att du inte sett något",
            "Frågar om någon har gjort henne illa", "Nöjer dig med svaret"]
        assert not doc.xpath("//button | //*[@hidden]")
    assert "Anna ser lättad ut, men ingenting förändras." in copies[True].text_content()
    assert "Anna ser lättad ut" not in copies[False].text_content()


@pytest.mark.parametrize("packaging", ["single-sco", "multi-sco"])
def test_builds_and_validates(tmp_path, packaging):
    package = build(tmp_path, SOURCE, packaging)
    result = CliRunner().invoke(main, ["validate", str(package)])
    assert result.exit_code == 0, result.output


# --- in the player -------------------------------------------------------------------------------

FOCUSED = "() => document.activeElement.id"
SHOWN = "() => [...document.querySelectorAll('#q-blamarken .sb-step:not([hidden])')].map(s => s.dataset.step)"
LIVE = "() => document.querySelector('#q-blamarken [role=status]').innerText.trim()"


@pytest.mark.playback
@pytest.mark.parametrize("keyboard", [False, True])
def test_played_to_each_ending_then_resumed_inside(play, tmp_path, keyboard):
    seen = {}

    def learner(session):
        session.launch()
        player = OurPlayer(session, keyboard=keyboard)
        q, frame = player.data["questions"]["blamarken"], player.frame
        seen["data"] = q
        seen["first"] = frame.evaluate(SHOWN)
        player.answer(q, right=True)
        seen["good"] = frame.evaluate(SHOWN), frame.evaluate(FOCUSED), frame.evaluate(LIVE)
        player.press(frame.get_by_role("button", name="Försök igen från början", exact=True))
        seen["again"] = frame.evaluate(SHOWN), frame.evaluate(FOCUSED), frame.evaluate(LIVE)
        player.answer(q, right=False)
        seen["bad"] = frame.evaluate(SHOWN), frame.evaluate(FOCUSED), frame.evaluate(LIVE)
        player.press(frame.get_by_role("button", name="Försök igen från början", exact=True))
        player.press(frame.get_by_role("button", name="Frågar lugnt hur hon fått blåmärkena", exact=True))
        seen["left at"] = frame.evaluate(SHOWN), frame.evaluate(FOCUSED)
        player.exit()
        session.unload()
        session.launch()
        player = OurPlayer(session, keyboard=keyboard)  # the scenario's page is the first: no resume offer
        seen["resumed"] = player.frame.evaluate(SHOWN)
        player.press(player.frame.get_by_role("button", name="Nöjer dig med svaret", exact=True))
        seen["after resume"] = player.frame.evaluate(SHOWN)
        player.exit()

    run = play(build(tmp_path, SOURCE), learner)
    assert_clean(run)
    assert seen["first"] == ["start"]
    assert seen["good"] == (["berattar"], "qc-blamarken-berattar", "Anna blir tyst en stund och börjar sedan berätta.")
    assert seen["again"] == (["start"], "qc-blamarken-start", "")
    assert seen["bad"] == (["tyst"], "qc-blamarken-tyst", "Anna ser lättad ut, men ingenting förändras.")
    assert seen["left at"] == (["fragar"], "qc-blamarken-fragar")
    assert seen["resumed"] == ["fragar"] and seen["after resume"] == ["tyst"]
    first, second = (interactions(launch.cmi) for launch in run.launches)
    assert [(r["id"], r["type"], r["student_response"], r["result"]) for r in first] == [
        ("blamarken", "performance", "start,fragar,berattar", "correct"),
        ("blamarken", "performance", "start,tyst", "wrong")]
    # after the resume the path goes on from where the learner left it
    assert [(r["student_response"], r["result"]) for r in second] == [("start,fragar,tyst", "wrong")]
    record = questions.record_from_data(seen["data"])
    for r in first + second:
        assert ScenarioRecord.response_format.match(r["student_response"]) and r["weighting"] == "1"
        assert record.is_correct(r["student_response"]) == (r["result"] == "correct")


LOOP = """
::: fråga scenario {#slinga}
Vad gör du?

## ett-mycket-langt-steg-id-som-fyller-upp
- Vidare -> tva-mycket-langt-steg-id-som-fyller-upp
- Sluta -> slut

## tva-mycket-langt-steg-id-som-fyller-upp
- Tillbaka -> ett-mycket-langt-steg-id-som-fyller-upp

## slut
slut: neutral
:::
"""


@pytest.mark.playback
def test_a_long_path_is_kept_short_in_the_state_and_in_the_response(play, tmp_path):
    """A loop walked 20 times: the saved path keeps its last steps, the response its last 255 characters."""
    def learner(session):
        frame = session.launch()
        for _ in range(20):
            frame.get_by_role("button", name="Vidare", exact=True).click()
            frame.get_by_role("button", name="Tillbaka", exact=True).click()
        frame.get_by_role("button", name="Sluta", exact=True).click()
        OurPlayer(session).exit()

    run = play(build(tmp_path, LOOP), learner)
    assert_clean(run)
    [record] = interactions(run.launches[0].cmi)
    assert record["result"] == "neutral" and len(record["student_response"]) <= 255
    assert record["student_response"].endswith(",tva-mycket-langt-steg-id-som-fyller-upp,"
                                               "ett-mycket-langt-steg-id-som-fyller-upp,slut")
    assert len(run.launches[0].cmi["cmi.suspend_data"]) < 1000


@pytest.mark.playback
@pytest.mark.parametrize("theme", ["default", "ostersund"])
def test_axe_finds_nothing_in_any_state_of_the_scenario(play, tmp_path, theme):
    """axe (WCAG 2.1 A/AA) on the first step, a step after a choice (consequence shown) and an ending;
    at 320 px again, with no sideways scrolling (WCAG 1.4.10)."""
    found = []

    def learner(session):
        frame = session.launch()
        found.extend(a11y.lines(a11y.audit(frame, "start", whole=True)))
        frame.get_by_role("button", name="Frågar lugnt hur hon fått blåmärkena", exact=True).click()
        found.extend(a11y.lines(a11y.audit(frame, "fragar", whole=False)))
        frame.get_by_role("button", name="Frågar om någon har gjort henne illa", exact=True).click()
        found.extend(a11y.lines(a11y.audit(frame, "berattar", whole=False)))
        found.append(frame.evaluate(SHOWN))
        frame.page.set_viewport_size({"width": 320, "height": 640})  # a phone, or 400 % zoom
        frame.get_by_role("button", name="Försök igen från början", exact=True).click()
        found.extend(a11y.lines(a11y.audit(frame, "start at 320 px", whole=False)))
        found.append(frame.evaluate("() => document.documentElement.scrollWidth"))

    run = play(build(tmp_path, SOURCE, theme=theme), learner)
    assert_clean(run)
    assert found == [["berattar"], 320]
