"""Loopback HTTP server for one playback: the LMS page, its scripts, and the extracted package.

Paths: `/lms/harness.html`, `/lms/conformance.js`, `/lms/scorm12.min.js` (scorm-again),
`/lms/frameset?src=URL` (a frameset page so `frames` launches nest the SCO two levels deep) and
`/pkg/...` (the package). Everything is same-origin, as SCORM API discovery requires.

Every response carries CSP: a package may run any script and load anything of its own, but its
connections, forms and loads go nowhere else, and what the browser refuses it reports to
`/lms/csp-report` (kept in `csp_reports`), whatever the package does to its own page.
"""
from __future__ import annotations

import html
import json
import mimetypes
import sys
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from scorm_builder.runtime.scorm_again import scorm_again_path

RUNTIME_DIR = Path(__file__).resolve().parent
LMS_FILES = {"harness.html": RUNTIME_DIR / "harness.html", "conformance.js": RUNTIME_DIR / "conformance.js"}
FRAMESET = """<!doctype html>
<html><head><meta charset="utf-8"><title>LMS frames</title></head>
<frameset rows="0,*"><frame name="lms-nav" src="about:blank"><frame name="sco" src="{src}"></frameset>
</html>"""


CSP = ("default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; connect-src 'self'; "
       "form-action 'self'; base-uri 'self'; report-uri /lms/csp-report")
MAX_REPORT = 64 * 1024     # a CSP report is a few hundred bytes; a bigger body is not one
MAX_REPORTS = 1000         # a package that provokes reports by the thousand is shown 1000 of them


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, *args, package_dir: Path | None, reports: list, **kwargs):
        self.package_dir = package_dir
        self.reports = reports
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # quiet: the transcript is the log
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        path = unquote(url.path)
        if path == "/lms/frameset":
            src = parse_qs(url.query).get("src", [""])[0]
            if not src.startswith("/pkg/"):
                return self._send(400, b"bad src", "text/plain")
            return self._send(200, FRAMESET.format(src=html.escape(src)).encode(), "text/html; charset=utf-8")
        if path == "/lms/scorm12.min.js":
            return self._file(scorm_again_path())
        if path.startswith("/lms/") and path[5:] in LMS_FILES:
            return self._file(LMS_FILES[path[5:]])
        if path.startswith("/pkg/"):
            body = self.package_file(path[5:])
            if body is not None:
                return self._typed(path, body)
        self._send(404, b"not found", "text/plain")

    def package_file(self, name: str) -> bytes | None:
        """The package's file `name`, or None: nothing outside the package folder."""
        root = self.package_dir.resolve()
        target = (root / name).resolve()
        return target.read_bytes() if target.is_relative_to(root) and target.is_file() else None

    def do_POST(self):
        if urlsplit(self.path).path != "/lms/csp-report":
            return self._send(404, b"not found", "text/plain")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 < length <= MAX_REPORT:
            return self._send(413, b"too large", "text/plain")
        try:
            body = json.loads(self.rfile.read(length))
            blocked = str(body["csp-report"].get("blocked-uri") or "")
        except (ValueError, KeyError, TypeError, AttributeError):
            return self._send(400, b"not a CSP report", "text/plain")
        if blocked and len(self.reports) < MAX_REPORTS:
            self.reports.append(blocked[:500])
        self._send(204, b"", "text/plain")

    def _file(self, file: Path):
        self._typed(file.name, file.read_bytes())

    def _typed(self, name: str, body: bytes):
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "text/javascript"):
            kind += "; charset=utf-8"
        self._send(200, body, kind)

    def _send(self, code: int, body: bytes, kind: str):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", CSP)
        self.end_headers()
        self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    """A browser that drops a connection is no error: a video read for its metadata, a request
    still open when a playback ends and closes its pages. socketserver would print a traceback."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class PlaybackServer:
    """Serves one extracted package on 127.0.0.1 at an ephemeral port, in a background thread."""

    def __init__(self, package_dir: Path):
        self.csp_reports: list[str] = []   # blocked URLs the browser reported, in order
        self.httpd = QuietServer(("127.0.0.1", 0),
                                 partial(_Handler, package_dir=package_dir, reports=self.csp_reports))
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "PlaybackServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
