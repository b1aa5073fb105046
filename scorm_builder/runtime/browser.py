"""The Chromium that plays packages, and a browser context that can only reach our loopback server.

Chromium is found, not downloaded (`find_chromium`): SCORM_BUILDER_CHROMIUM, then the Debian and
Ubuntu paths, then a browser Playwright installed itself. A package is untrusted, so isolation is
layered: each layer stops what the one before cannot see (docs/playback.md, "Isolation").

1. `context.route` aborts every HTTP request outside our origin (and reports it);
2. the server's Content-Security-Policy (runtime/server.py) stops fetch, WebSocket, beacons, CSS
   and media to other origins before they reach the network, and `guard.js` reports each;
3. the context's proxy is a dead loopback port that only our origin bypasses, so whatever slips
   past (a WebSocket to another loopback port, Chromium's own requests) goes nowhere;
4. Chromium's flags keep WebRTC off UDP (no STUN), resolve no host name, and turn off its own
   background services.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from scorm_builder.errors import CatalogueError

CHROMIUM_ENV = "SCORM_BUILDER_CHROMIUM"
# Debian's package, Ubuntu's deb wrapper and its snap, in that order.
SYSTEM_CHROMIUMS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium")
DEAD_PROXY = "http://127.0.0.1:9"   # the discard port: nothing listens, so a proxied connection fails
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run",
    # Chromium's own traffic: updates, sync, metrics, safe browsing, translation, pings
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
    "--disable-breakpad", "--metrics-recording-only", "--no-pings", "--safebrowsing-disable-auto-update",
    # (no --disable-features here: Chromium keeps only the last one, and Playwright passes its own)
    # WebRTC may only use the (dead) proxy: no STUN over UDP, no local addresses revealed
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
    # no name resolves, so dns-prefetch and preconnect look nothing up; our server is an IP
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
VIEWPORT = {"width": 1024, "height": 768}
GUARD_JS = Path(__file__).resolve().parent / "guard.js"


class ChromiumMissing(CatalogueError):
    """No Chromium where we look; the message says what to install."""

    def __init__(self, code: str = "play.chromium_missing", **params: object):
        super().__init__(code, **params)

    def __str__(self) -> str:
        return self.message()


class ChromiumFailed(CatalogueError):
    """Chromium was found but would not start (not a browser, out of memory, crashed at once)."""

    def __init__(self, detail: str):
        super().__init__("play.chromium_failed", detail=detail)

    def __str__(self) -> str:
        return self.message()


def find_chromium(playwright=None) -> str:
    """The Chromium to drive: SCORM_BUILDER_CHROMIUM, the Debian/Ubuntu paths, or Playwright's own."""
    chosen = os.environ.get(CHROMIUM_ENV)
    if chosen:
        if not _executable(chosen):
            raise ChromiumMissing("play.chromium_env_bad", variable=CHROMIUM_ENV, path=chosen)
        return chosen
    for path in SYSTEM_CHROMIUMS:
        if _executable(path):
            return path
    if playwright is not None:
        try:
            bundled = playwright.chromium.executable_path
        except Exception:  # noqa: BLE001 - Playwright without its browsers: just not found
            bundled = ""
        if bundled and _executable(bundled):
            return bundled
    raise ChromiumMissing()


def _executable(path: str) -> bool:
    return Path(path).is_file() and (os.access(path, os.X_OK) or shutil.which(path) is not None)


def launch_browser(playwright, heap_mb: int = 512):
    """One headless Chromium; callers share it and open a fresh context per playback. `heap_mb`
    bounds each page's JavaScript heap: a SCO that hoards memory crashes its own page."""
    from playwright.sync_api import Error as PlaywrightError

    executable = find_chromium(playwright)
    args = [*CHROMIUM_ARGS, f"--js-flags=--max-old-space-size={heap_mb}"]
    try:
        return playwright.chromium.launch(executable_path=executable, args=args, headless=True)
    except PlaywrightError as e:
        raise ChromiumFailed(_launch_failure(e.message, executable)) from None


def _launch_failure(message: str, executable: str) -> str:
    """Playwright's launch error is a page of log; Chromium's FATAL line (else the last thing it
    wrote to stderr) names the cause, say "Socket path too long" for a deep TMPDIR."""
    said = [line.split("][err]", 1)[1].strip() for line in message.splitlines() if "][err]" in line]
    said = [line for line in said if line]
    fatal = [line.split("] ", 1)[-1] for line in said if ":FATAL:" in line]
    cause = (fatal or said or message.splitlines()[:1] or ["exited at start"])[-1]
    return f"{executable}: {cause[:300]}"


def open_context(browser, origin: str, on_blocked):
    """A context that can reach only `origin`; every attempt to reach anything else is aborted
    (or never leaves the browser) and reported to on_blocked(url)."""
    host_port = origin.split("//", 1)[1]
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE", service_workers="block",
                                  proxy={"server": DEAD_PROXY, "bypass": host_port})

    def ours(url: str) -> bool:
        return url.startswith((origin + "/", "about:", "data:", "blob:"))

    def route(route, request):
        if ours(request.url):
            route.continue_()
        else:
            on_blocked(request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    # WebSockets never pass through route: each to another host or port is reported (the CSP and
    # the proxy refuse it).
    def websocket(ws):
        if ws.url.split("//", 1)[-1].split("/", 1)[0] != host_port:
            on_blocked(ws.url)

    context.on("page", lambda page: page.on("websocket", websocket))
    # guard.js reports what CSP refused and what no request shows (WebRTC, dns-prefetch links).
    context.expose_binding("__sbBlocked", lambda source, url: on_blocked(str(url)[:500]))
    context.add_init_script(path=str(GUARD_JS))
    return context
