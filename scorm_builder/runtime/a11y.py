"""Accessibility checks with axe-core (the WCAG 2.1 A and AA rules) on what the learner sees now.

axe-core comes inside the axe-playwright-python wheel (`axe.min.js`), so nothing is fetched. axe
skips hidden content, and the player shows one page at a time, so each page must be shown and then
audited. Playback with a report audits every page a learner photographs (`Session.screenshot`
calls `record`; `report.py` writes `a11y.json` and one JUnit case per page); tests call `audit()`.
Nested frames of a third-party SCO are audited one by one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from scorm_builder.i18n import t

TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
# The bar our own packages meet (tests/a11y): WCAG 2.2 AA as well, and axe's best practices.
OUR_TAGS = TAGS + ("wcag22aa", "best-practice")
# Our player's hidden pages are set aside while axe runs: they are not rendered, and building
# axe's tree over every page of a course made each run several times slower.
RUN = """async ([opts, whole]) => {
  const aside = whole ? [] : [...document.querySelectorAll('section.sb-page[hidden]')].map(s => {
    const mark = document.createComment('sb-a11y'); s.replaceWith(mark); return [mark, s]; });
  try {
    const r = await axe.run(document, opts);
    return r.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 300),
                                summary: (n.failureSummary || '').slice(0, 600)}))}));
  } finally { aside.forEach(([mark, s]) => mark.replaceWith(s)); }
}"""


def axe_source() -> str:
    # imported when first needed: the module reads axe.min.js (half a megabyte) as it loads
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def _audit_frame(frame, whole: bool, tags) -> list[dict]:
    if not frame.evaluate("() => typeof window.axe === 'object'"):
        frame.evaluate(axe_source())
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"],
               "iframes": False}
    found = frame.evaluate(RUN, [options, whole])
    for v in found:
        v["url"] = frame.url
    return found


def audit(frame, page: str, whole: bool = True, tags=TAGS) -> dict:
    """axe's WCAG 2.1 A/AA violations in `frame` (and its frames) as shown now, labelled `page`.

    For our packages `page` should be the player's page id (`current_page(frame)`). With
    `whole=False` the player's hidden pages are left out: what the learner sees is still checked
    in full, but ids are then only checked for uniqueness within it; audit each package once whole.
    """
    violations = []
    for f in [frame, *_descendants(frame)]:
        if f.url.startswith(("http:", "https:")) and not f.is_detached():
            violations.extend(_audit_frame(f, whole, tags))
    return {"page": page, "url": frame.url, "violations": violations}


def _descendants(frame) -> list:
    out = []
    for child in frame.child_frames:
        out += [child, *_descendants(child)]
    return out


def current_page(frame, fallback: str = "") -> str:
    """The page id our player shows (`SB.nav.current()`), or `fallback` for other content."""
    page = frame.evaluate("() => (window.SB && SB.nav && SB.nav.current && SB.nav.current()) || ''")
    return page or fallback


def lines(result: dict) -> list[str]:
    """One actionable line per violating element: page, rule, target, and axe's summary."""
    out = []
    for v in result["violations"]:
        for n in v["nodes"]:
            summary = " ".join(n["summary"].split())
            out.append(f"{result['page']}: {v['rule']} ({v['impact']}): {n['target']}: {summary}")
    return out


def record(frame, launch, label: str, screenshot: str, phone: str | None = None) -> None:
    """Playback with a report: audit the page just photographed into `launch.a11y`.

    The first page of a launch is audited whole; a package axe cannot run in is noted, not fatal.
    """
    try:
        page = current_page(frame, label)
        result = audit(frame, page if page == label else f"{page} ({label})", whole=not launch.a11y)
    except Exception as e:  # a closed frame or hostile content must not end the playback
        result = {"page": label, "url": "", "violations": [], "error": str(e).splitlines()[0]}
    result["screenshot"] = screenshot
    if phone:
        result["phone"] = phone
    launch.a11y.append(result)


def junit_cases(suite, run) -> tuple[int, int]:
    """One JUnit test case per page audited (classname `a11y`); returns (tests, failures)."""
    tests = failures = 0
    for launch in run.launches:
        for result in launch.a11y:
            tests += 1
            case = etree.SubElement(suite, "testcase", classname="a11y.wcag21aa",
                                    name=f"launch {launch.number}: {result['page']}")
            if result["violations"] or result.get("error"):
                failures += 1
                count = sum(len(v["nodes"]) for v in result["violations"])
                failure = etree.SubElement(case, "failure", message=result.get("error")
                                           or f"{count} WCAG 2.1 A/AA violations (axe-core)")
                failure.text = "\n".join(lines(result))
    return tests, failures


def summary(run) -> dict:
    """`a11y.json`: per page audited, its violations; and the totals."""
    pages = [{"launch": launch.number, "sco": launch.sco, **result}
             for launch in run.launches for result in launch.a11y]
    return {"package": run.package, "standard": "WCAG 2.1 A/AA (axe-core " + axe_version() + ")",
            "rules": list(TAGS), "pages": len(pages),
            "violations": sum(len(v["nodes"]) for p in pages for v in p["violations"]), "results": pages}


@lru_cache(maxsize=1)
def axe_version() -> str:
    m = re.search(r"axe v([\d.]+)", axe_source()[:200])
    return m[1] if m else "?"


def summary_line(run) -> str:
    """The line `play --report` prints: violations, and on how many of the pages checked."""
    results = [r for launch in run.launches for r in launch.a11y]
    failed = [r for r in results if r["violations"] or r.get("error")]
    violations = sum(len(v["nodes"]) for r in results for v in r["violations"])
    if not violations and not failed:
        return t("play.a11y_clean", pages=len(results))
    return t("play.a11y", violations=violations, failed=len(failed), pages=len(results))
