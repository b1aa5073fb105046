"""Loopback HTTP server for one playback: the LMS page, its scripts, and the extracted package.

Paths: `/lms/harness.html`, `/lms/conformance.js`, `/lms/scorm12.min.js` (scorm-again),
`/lms/frameset?src=URL` (a frameset page so `frames` launches nest the SCO two levels deep) and
`/pkg/...` (the package). Everything is same-origin, as SCORM API discovery requires.
"""
from __future__ import annotations

import html
import mimetypes
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


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, *args, package_dir: Path, **kwargs):
        self.package_dir = package_dir
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
            root = self.package_dir.resolve()
            target = (root / path[5:]).resolve()
            if target.is_relative_to(root) and target.is_file():
                return self._file(target)
        self._send(404, b"not found", "text/plain")

    def _file(self, file: Path):
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "text/javascript"):
            kind += "; charset=utf-8"
        self._send(200, file.read_bytes(), kind)

    def _send(self, code: int, body: bytes, kind: str):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class PlaybackServer:
    """Serves one extracted package on 127.0.0.1 at an ephemeral port, in a background thread."""

    def __init__(self, package_dir: Path):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, package_dir=package_dir))
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "PlaybackServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
