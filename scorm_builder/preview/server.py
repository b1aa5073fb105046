"""The preview server: the runtime's LMS page (scorm-again + conformance recording) around the
course, a SCORM panel beside it, and a rebuild on every save.

It extends the playback server (runtime/server.py serves `/lms/...` and `/pkg/...`) with:
`/` the preview page, `/preview/state` (build number, ok, diagnostics, SCOs; `?after=N` answers
as soon as a build newer than N is served, so the page hears of a save at once, and the reload
script lives in the preview page and never in a package) and `POST /preview/launch`
(the LMS side of a launch: the strict profile's preset from the learner record, as playback does).
"""
from __future__ import annotations

import json
import threading
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import watchfiles

from scorm_builder.i18n import catalogue, current_lang
from scorm_builder.preview.rebuild import Rebuilder
from scorm_builder.runtime.profiles import PROFILES, Student
from scorm_builder.runtime.server import QuietServer, _Handler

PREVIEW_DIR = Path(__file__).resolve().parent
STATIC = {"preview.js": "application/javascript; charset=utf-8", "preview.css": "text/css; charset=utf-8"}
PROFILE = PROFILES["strict"]
LONG_POLL = 20   # seconds a page's `/preview/state?after=N` waits for a build before answering anyway


class _PreviewHandler(_Handler):
    def __init__(self, *args, preview: "Preview", **kwargs):
        self.preview = preview
        super().__init__(*args, package_dir=None, reports=preview.csp_reports, **kwargs)

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == "/":
            return self._send(200, self.preview.page().encode(), "text/html; charset=utf-8")
        if path == "/preview/state":
            after = parse_qs(urlsplit(self.path).query).get("after", [""])[0]
            return self._json(self.preview.state(int(after) if after.isdigit() else None))
        if path == "/favicon.ico":   # browsers ask; an empty answer keeps the console free of 404s
            return self._send(204, b"", "image/x-icon")
        name = path.removeprefix("/preview/")
        if name in STATIC:
            return self._send(200, (PREVIEW_DIR / name).read_bytes(), STATIC[name])
        return super().do_GET()

    def package_file(self, name: str) -> bytes | None:
        """From the build in memory (preview/rebuild.py): a file it made, or one it takes as it is."""
        value = self.preview.rebuilder.files.get(name)
        return value.read_bytes() if isinstance(value, Path) else value

    def do_POST(self):
        if urlsplit(self.path).path != "/preview/launch":
            return self._send(404, b"not found", "text/plain")
        try:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            return self._json(self.preview.launch(request["sco"], request.get("cmi"), bool(request.get("finished"))))
        except (ValueError, KeyError, TypeError):
            return self._send(400, b"bad launch request", "text/plain")

    def _json(self, data: dict):
        self._send(200, json.dumps(data, ensure_ascii=False).encode(), "application/json; charset=utf-8")


class Preview:
    """Serves COURSE_DIR on 127.0.0.1:port (0: any free port) and rebuilds it on every change."""

    def __init__(self, course_dir: Path, audience: str | None, port: int, on_build=None, level: str | None = None):
        self.course_dir = Path(course_dir)
        self.rebuilder = Rebuilder(self.course_dir, audience, level)
        self.on_build = on_build or (lambda state, changed: None)
        self.csp_reports: list[str] = []   # what the course tried to load from elsewhere (runtime/server.py)
        self.httpd = QuietServer(("127.0.0.1", port), partial(_PreviewHandler, preview=self))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self.httpd.serve_forever, daemon=True),
                         threading.Thread(target=self._watch, daemon=True)]
        self._watching = threading.Event()

    def start(self) -> "Preview":
        self.on_build(self.rebuilder.rebuild(), [])
        for thread in self._threads:
            thread.start()
        self._watching.wait(5)
        return self

    def stop(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self._threads:
            thread.join(5)

    def __enter__(self) -> "Preview":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _watch(self) -> None:
        ignored = watchfiles.DefaultFilter(ignore_paths=[str(self.course_dir.resolve() / "dist")])
        watcher = watchfiles.watch(self.course_dir, watch_filter=ignored, stop_event=self._stop,
                                   debounce=150, yield_on_timeout=True, rust_timeout=200)
        for changes in watcher:
            self._watching.set()
            if changes:
                changed = sorted({Path(p).relative_to(self.course_dir.resolve()).as_posix()
                                  for _, p in changes if Path(p).is_relative_to(self.course_dir.resolve())})
                self.on_build(self.rebuilder.rebuild(), changed)

    # ---- what the page asks for ------------------------------------------------------------

    def state(self, after: int | None = None) -> dict:
        """The build served now; with `after`, the first one newer than that build (LONG_POLL at most)."""
        s = self.rebuilder.state if after is None or self._stop.is_set() else \
            self.rebuilder.state_after(after, LONG_POLL)
        return {"build": s.number, "ok": s.ok, "report": s.report, "seconds": s.seconds,
                "scos": [{"id": sco.identifier, "title": sco.title, "href": sco.href} for sco in s.scos]}

    def launch(self, sco_id: str, cmi: dict | None, finished: bool) -> dict:
        """The preset for the next launch of a SCO, from what the last launch left (None: a new learner)."""
        sco = next((s for s in self.rebuilder.state.scos if s.identifier == sco_id), None)
        if sco is None:
            raise KeyError(sco_id)
        stored = PROFILE.at_finish(cmi) if cmi and finished else cmi
        preset, start = PROFILE.preset(stored, sco, Student())
        return {"preset": preset, "entry": start["cmi.core.entry"]}

    def page(self) -> str:
        lang = current_lang()
        strings = {k[len("preview.page."):]: v for k, v in catalogue(lang).items() if k.startswith("preview.page.")}
        config = json.dumps({"strings": strings}, ensure_ascii=False).replace("<", "\\u003c")
        html = (PREVIEW_DIR / "preview.html").read_text(encoding="utf-8")
        return html.replace("{lang}", lang).replace("{title}", strings["title"]).replace("{config}", config)

