"""Launch cost and suspend_data size, measured in headless Chromium through the playback runtime.

Each measurement is a learner function given to `scorm_builder.runtime.playback.play()`, so the
package runs in the runtime's LMS page (scorm-again behind conformance.js), exactly as in playback
tests. Times are taken in the browser: the LMS page knows when it launched the SCO and when
LMSInitialize came; an init script in the SCO's frame notes when the first page was painted.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

# Runs in every document: when a `.sb-page` section is first on screen (the launch page's first page
# as it is parsed, or a page the player shows), wait for the frame after
# it (the browser has painted it) and note the time on the shared clock (epoch ms, sub-ms).
FIRST_CONTENT_PROBE = """
(() => {
  const seen = () => {
    const s = document.querySelector('section.sb-page:not([hidden])');
    if (!s || window.__sbFirstContent) return false;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__sbFirstContent = performance.timeOrigin + performance.now();
    }));
    return true;
  };
  new MutationObserver((_, obs) => { if (seen()) obs.disconnect(); })
    .observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
})();
"""


@dataclass
class LaunchTimes:
    initialize_ms: float      # SCO navigation start -> LMSInitialize
    first_content_ms: float   # SCO navigation start -> first page painted
    parsed_ms: float          # SCO navigation start -> launch page parsed (domInteractive)
    boot_ms: float            # domInteractive -> DOMContentLoaded: player.js fetched and run (it boots there)


def measure_launch(package: Path, browser, runs: int, cpu_slowdown: float = 1) -> tuple[LaunchTimes, list[LaunchTimes]]:
    """Median launch times over `runs` launches in the runtime's LMS page, after one warm-up.

    `cpu_slowdown` > 1 throttles the page's CPU through DevTools, as Lighthouse does (4×) to
    stand in for a mid-range phone. The launch page's own navigation timing splits the time into
    getting and parsing the HTML, and the player's boot (player.js runs in <head>, not deferred).

    The runtime's own contexts route every request through Playwright to block other origins,
    which costs a driver round trip per file; that is the test harness, not the package, so
    launches here use a plain context. Nothing can leave anyway: the player makes no requests.
    """
    import tempfile

    from scorm_builder.runtime.scos import extract, read_scos
    from scorm_builder.runtime.server import PlaybackServer

    times: list[LaunchTimes] = []
    with tempfile.TemporaryDirectory(prefix="sb-bench-") as work:
        extract(package, Path(work))
        href = read_scos(Path(work))[0].href
        with PlaybackServer(Path(work)) as server:
            for n in range(runs + 1):
                context = browser.new_context(viewport={"width": 1024, "height": 768})
                try:
                    context.add_init_script(FIRST_CONTENT_PROBE)
                    lms = context.new_page()
                    if cpu_slowdown > 1:
                        context.new_cdp_session(lms).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
                    lms.goto(server.origin + "/lms/harness.html")
                    lms.evaluate("o => SBH.start(o)", {"url": "/pkg/" + href, "mode": "iframe", "preset": {}, "faults": {}})
                    lms.wait_for_function("() => SBH.report().calls.some(c => c.fn === 'LMSInitialize')")
                    frame = lms.query_selector("#sco").content_frame()
                    frame.wait_for_function("() => window.__sbFirstContent", timeout=10_000)
                    nav = frame.evaluate("() => performance.timeOrigin")
                    shown = frame.evaluate("() => window.__sbFirstContent")
                    timing = frame.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                                            " return [n.domInteractive, n.domContentLoadedEventStart - n.domInteractive]; }")
                    init = lms.evaluate("() => performance.timeOrigin + SBH.launch.t0"
                                        " + SBH.report().calls.find(c => c.fn === 'LMSInitialize').t")
                    frame.wait_for_load_state("load")   # closing mid-download only adds server noise
                finally:
                    context.close()
                if n:
                    times.append(LaunchTimes(init - nav, shown - nav, *timing))
    return LaunchTimes(*(statistics.median(getattr(t, f) for t in times)
                         for f in ("initialize_ms", "first_content_ms", "parsed_ms", "boot_ms"))), times


# Visits every page with the player's own Next button, answers every knowledge check right and
# presses its check button, takes the final test (every drawn question answered right), and on the
# way asks the player's codec (SB.progress.encode) how long suspend_data is. Answers follow the course data.
DRIVE = """
async () => {
  const data = SB.data, main = document.getElementById('sb-main');
  // pages load on demand: #sb-main is aria-busy until the next one is shown
  const shown = () => new Promise(done => {
    const wait = () => main.hasAttribute('aria-busy') ? setTimeout(wait, 1) : done();
    wait();
  });
  const fire = el => el.dispatchEvent(new Event('change', { bubbles: true }));
  function answer(form) {
    const q = data.questions[form.getAttribute('data-question')];
    if (!q.pattern) return;  // nothing to get right: a likert rating or a reflection
    if (q.type === 'fillin') {
      const box = form.querySelector('input[type=text]'); box.value = q.accepted[0]; fire(box); return;
    }
    if (q.type === 'matching') {
      const sel = [...form.querySelectorAll('select')];
      q.pattern.split(',').forEach(p => { const [i, x] = p.split('.'); sel[i - 1].value = x; fire(sel[i - 1]); });
      return;
    }
    if (q.type === 'ordering') {
      q.pattern.split(',').forEach((x, i) => {
        const s = form.querySelector('.sb-select[data-item="' + x + '"] select'); s.value = String(i + 1); fire(s);
      });
      return;
    }
    q.pattern.split(',').forEach(x => { const i = form.querySelector('input[value="' + x + '"]'); i.checked = true; fire(i); });
  }
  const points = [];
  let answered = 0;
  for (let n = 0; n < data.pages.length; n++) {
    const page = document.querySelector('section.sb-page:not([hidden])');
    if (page.classList.contains('sb-test')) {
      page.querySelector('.sb-test-start').click();
      page.querySelectorAll('.sb-test-attempt .sb-question').forEach(f => { answer(f); answered++; });
      page.querySelector('.sb-test-submit').click();
    } else {
      page.querySelectorAll('.sb-question').forEach(f => { answer(f); f.querySelector('.sb-check').click(); answered++; });
    }
    const s = SB.progress.encode(SB.state, data);
    points.push({ pages: n + 1, answers: answered, length: s === null ? null : s.length,
                  form: s === null ? 'none' : JSON.parse(s).k !== undefined ? 'keys' : 'bitset' });
    if (n + 1 < data.pages.length) {
      document.getElementById('sb-next').click();
      await shown();
    }
  }
  return points;
}
"""


@dataclass
class SuspendResult:
    pages: int
    questions: int
    points: list[dict]        # per page visited: pages seen, answers given, encoded length, form
    stored: int               # length of the suspend_data the LMS held after LMSFinish
    violations: list[dict]    # what conformance.js flagged (an over-long suspend_data among them)


def measure_suspend(package: Path, browser) -> SuspendResult:
    """Drive the player through the whole course and read what it stored."""
    from scorm_builder.runtime.playback import play

    got = {}

    def learner(session):
        frame = session.launch()
        session.wait_for_call("LMSInitialize")
        data = session.course_data()
        got["pages"], got["questions"] = len(data["pages"]), len(data["questions"])
        got["points"] = frame.evaluate(DRIVE)
        frame.click("#sb-exit")   # the learner leaves: the player flushes and calls LMSFinish
        if not session.wait_for_call("LMSFinish"):
            raise RuntimeError("the player did not call LMSFinish on Exit")
        session.unload()

    run = play(package, learner, browser=browser)
    if run.errors:
        raise RuntimeError(f"the player reported errors while driven: {run.errors[:3]}")
    stored = run.launches[-1].live_cmi.get("cmi.suspend_data", "")
    return SuspendResult(got["pages"], got["questions"], got["points"], len(stored), run.violations)
