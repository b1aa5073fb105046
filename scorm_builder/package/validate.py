"""`scorm-builder validate`: is this zip a SCORM 1.2 package that real LMSes will import and run?

Checks run in the order an administrator would think of them: can the zip be read safely, is it
SCORM 1.2 at all (and if not, what is it), is the manifest well-formed and schema-valid, do its
references hold (the checks the XSD cannot make, NOTES.md section 1), and what will break in a
real LMS (files from the internet, script in markup, odd names, junk, sizes). Every entry is
streamed once, which also proves the zip's integrity (CRC) without trusting its headers.
"""
from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from scorm_builder.errors import ERROR, WARNING, Diagnostic, Reporter, plural, printable
from scorm_builder.i18n import t
from scorm_builder.package.active_content import scanner_for, url_scheme
from scorm_builder.package.safezip import Limits, SafeZip, UnsafePackage, open_package
from scorm_builder.package.url_scan import UrlScan, patterns_for
from scorm_builder.package.xsd_messages import plain_name, report_xsd_error
from scorm_builder.scorm12.launch import resolve
from scorm_builder.scorm12.manifest import Item, Manifest, read_manifest
from scorm_builder.scorm12.namespaces import ADLCP_NS, IMSCP_NS, NS_2004, SCHEMAVERSIONS_2004
from scorm_builder.scorm12.parsing import MANIFEST, MANIFEST_LIMIT, ManifestError, parse_manifest
from scorm_builder.scorm12.schemas import SCHEMA_FILES, manifest_schema
from scorm_builder.sizes import human_size

CONTROL_FILES = frozenset({MANIFEST, *SCHEMA_FILES})  # at the root, never listed in <file>
AICC_TYPES = (".crs", ".au", ".des", ".cst")
JUNK_FILES = (".DS_Store", "Thumbs.db", "desktop.ini")


@dataclass(frozen=True)
class Thresholds:
    """Sizes above which LMS uploads and learners' connections start to suffer (warnings only)."""

    large_file: int = 100 * 1024 * 1024
    large_total: int = 500 * 1024 * 1024
    same_warning_shown: int = 10  # further warnings with the same code are summed up in one line


class PackageReport(Reporter):
    """Everything `validate` found in one zip; `unusable` when it could not be read at all."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.unusable = False
        self.suggestions_left = 100

    @property
    def valid(self) -> bool:
        return not self.errors and not self.unusable

    @property
    def exit_code(self) -> int:
        return 2 if self.unusable else (1 if self.errors else 0)

    def codes(self) -> list[str]:
        return [d.code for d in self.diagnostics]

    def render(self, lang: str | None = None) -> str:
        path = printable(self.path)
        lines = [f"{path}: {d.format(lang)}" for d in self.diagnostics]
        count = t("summary.count", lang, errors=plural("summary.error", len(self.errors), lang),
                  warnings=plural("summary.warning", len(self.warnings), lang))
        lines.append(f"{path}: " + (f"{t('validate.valid', lang)} ({count})" if self.valid else count))
        return "\n".join(lines)

    def as_json(self, lang: str | None = None) -> dict:
        def entry(d: Diagnostic) -> dict:
            return {"file": d.path or None, "line": d.line, "code": d.code,
                    "message": d.message(lang), "hint": d.hint(lang)}
        return {"path": self.path, "valid": self.valid,
                "errors": [entry(d) for d in self.errors],
                "warnings": [entry(d) for d in self.warnings]}


def validate_package(path: Path | str, limits: Limits = Limits(),
                     thresholds: Thresholds = Thresholds()) -> PackageReport:
    """Check one zip and return what is wrong with it; never raises for bad input."""
    report = PackageReport(str(path))
    try:
        with open_package(path, limits) as zf:
            for notice in zf.notices:
                report.warning(notice.code, notice.name)
            root = load_manifest(zf, report)
            if root is not None:
                check_manifest(zf, root, report)
            _check_contents(zf, report, thresholds)
    except UnsafePackage as e:
        report.unusable = True
        report.diagnostics = [Diagnostic(ERROR, e.code, "", None, None, e.params)]
        return report
    _group_repeats(report, thresholds.same_warning_shown)
    return report


# --- is it SCORM 1.2 at all? ---------------------------------------------------------------

def load_manifest(zf: SafeZip, report: PackageReport):
    """The root element of the manifest, or None after reporting why there is no usable one."""
    names = zf.names()
    if MANIFEST not in names:
        _explain_missing_manifest(names, report)
        return None
    try:
        root = parse_manifest(zf.read(MANIFEST, MANIFEST_LIMIT))
    except ManifestError as e:
        report.error(e.code, MANIFEST, e.line, **e.params)
        return None
    if root.getroottree().docinfo.doctype:
        # entities are left unexpanded (no XXE, no billion laughs), which the schema validator
        # cannot handle; manifests never need a DOCTYPE, and LMS importers refuse or ignore one
        report.error("validate.manifest_doctype", MANIFEST, 1)
        return None
    namespace = etree.QName(root).namespace
    version = root.findtext("{*}metadata/{*}schemaversion", default="").strip()
    if namespace in NS_2004 or NS_2004[1] in root.nsmap.values() or version in SCHEMAVERSIONS_2004:
        report.error("validate.scorm2004", MANIFEST, root.sourceline)
        return None
    if root.tag != f"{{{IMSCP_NS}}}manifest":
        report.error("validate.manifest_namespace", MANIFEST, root.sourceline, found=plain_name(root.tag))
        return None
    return root


def _explain_missing_manifest(names: list[str], report: PackageReport) -> None:
    nested = sorted((n for n in names if posixpath.basename(n).lower() == MANIFEST), key=lambda n: n.count("/"))
    lowered = {n.lower(): n for n in names}
    if not names:
        report.error("validate.empty_zip")
    elif MANIFEST in lowered:
        report.error("validate.manifest_name_case", lowered[MANIFEST], found=lowered[MANIFEST])
    elif nested:
        report.error("validate.manifest_in_folder", nested[0], folder=posixpath.dirname(nested[0]) + "/")
    elif any(posixpath.basename(n).lower() == "cmi5.xml" for n in names):
        report.error("validate.cmi5")
    elif any(posixpath.basename(n).lower() == "tincan.xml" for n in names):
        report.error("validate.xapi")
    elif any(n.lower().endswith(AICC_TYPES) for n in names):
        report.error("validate.aicc")
    else:
        pages = [n for n in names if n.lower().endswith((".html", ".htm"))]
        report.error("validate.not_scorm", count=len(names), pages=len(pages),
                     examples=", ".join(sorted(names)[:3]) or "-")


# --- the manifest ----------------------------------------------------------------------------

def check_manifest(zf: SafeZip, root, report: PackageReport) -> None:
    """Schema validity, then the references and values the schema does not check."""
    schema = manifest_schema()
    if not schema.validate(root):
        for err in schema.error_log:
            report_xsd_error(err, report, MANIFEST)
    _check_prefixes(root, report)
    for el in root.iter(tag=etree.Element):
        ident = el.get("identifier")
        if ident and not ident.isascii():
            report.warning("validate.identifier_non_ascii", MANIFEST, el.sourceline, value=ident)
    manifest = read_manifest(root)
    meta = manifest.metadata
    if meta is None or meta.schemaversion is None:
        report.warning("validate.schemaversion_missing", MANIFEST, manifest.line)
    elif meta.schemaversion != "1.2":
        report.error("validate.schemaversion", MANIFEST, meta.lines["schemaversion"], found=meta.schemaversion)
    _check_organizations(manifest, report)
    listed = _check_resources(zf, root, manifest, report)
    _check_unlisted(zf, listed, report)


def _check_organizations(manifest: Manifest, report: PackageReport) -> None:
    line = manifest.lines.get("organizations")
    if line is None:
        return  # the schema says so
    if not manifest.organizations:
        report.error("validate.no_organization", MANIFEST, line)
        return
    org_ids = [o.identifier for o in manifest.organizations]
    if manifest.default is None:
        report.warning("validate.default_missing", MANIFEST, line)
    elif manifest.default not in org_ids:
        report.error("validate.default_unknown", MANIFEST, line, ref=manifest.default,
                     suggestion=_suggest(report, manifest.default, org_ids))
    for org in manifest.organizations:
        if not org.items:
            report.error("validate.organization_empty", MANIFEST, org.line, id=org.identifier)
        for item in org.walk():
            _check_item(item, manifest, report)


TIME_LIMIT_ACTIONS = ("exit,message", "exit,no message", "continue,message", "continue,no message")


def _check_item(item: Item, manifest: Manifest, report: PackageReport) -> None:
    ref = item.identifierref
    resource = manifest.resource(ref)
    if ref is None:
        if not item.items:
            report.error("validate.item_without_resource", MANIFEST, item.line, id=item.identifier)
    elif resource is None:
        report.error("validate.identifierref_unknown", MANIFEST, item.line, id=item.identifier, ref=ref,
                     suggestion=_suggest(report, ref, [r.identifier for r in manifest.resources]))
    elif resource.href is None:
        report.error("validate.item_resource_no_href", MANIFEST, item.line, id=item.identifier, ref=ref)
    if item.masteryscore is not None:
        try:
            score = float(item.masteryscore)
        except ValueError:
            score = None
        if score is None or not 0 <= score <= 100:
            report.error("validate.masteryscore", MANIFEST, item.lines["masteryscore"], found=item.masteryscore)
    if item.timelimitaction is not None and item.timelimitaction not in TIME_LIMIT_ACTIONS:
        report.error("validate.timelimitaction", MANIFEST, item.lines["timelimitaction"],
                     found=item.timelimitaction)


def _check_resources(zf: SafeZip, root, manifest: Manifest, report: PackageReport) -> set[str]:
    """Checks each resource and returns the zip names the manifest refers to."""
    names = set(zf.names())
    by_lower: dict[str, list[str]] = {}
    for n in names:
        by_lower.setdefault(n.lower(), []).append(n)
    listed: set[str] = set()

    def check_href(href: str, url: str, line: int, kind: str) -> None:
        """`href` as written, `url` after the xml:base levels (scorm12.launch.resolve)."""
        scheme = url_scheme(url)
        if scheme and scheme not in ("http", "https"):
            report.error("validate.href_scheme", MANIFEST, line, href=href, scheme=scheme)
            return
        if scheme or url.startswith("//"):
            report.warning("validate.href_external", MANIFEST, line, href=href)
            return
        path = unquote(url.split("#", 1)[0].split("?", 1)[0])
        full = posixpath.normpath(path) if path else ""
        if not full or full.startswith(("../", "/")) or full == "..":
            report.error("validate.href_outside", MANIFEST, line, href=href)
            return
        listed.add(full)
        if full in names:
            return
        near = [n for n in by_lower.get(full.lower(), []) if n != full]
        if near:
            report.error(f"validate.{kind}_case", MANIFEST, line, href=href, actual=near[0])
        else:
            report.error(f"validate.{kind}_missing", MANIFEST, line, href=href)

    ids = [r.identifier for r in manifest.resources]
    scos = 0
    _check_base(manifest.base, manifest.line, report)
    _check_base(manifest.resources_base, manifest.lines.get("resources"), report)
    for res in manifest.resources:
        _check_base(res.base, res.line, report)
        if res.scormtype is None:
            report.error("validate.scormtype_missing", MANIFEST, res.line, id=res.identifier)
        scos += res.scormtype == "sco"
        if res.href is not None:
            check_href(res.href, resolve(manifest, res, res.href), res.line, "launch")
        for f in res.files:
            check_href(f.href, resolve(manifest, res, f.href), f.line, "file")
        for dep in res.dependencies:
            if manifest.resource(dep.identifierref) is None:
                report.error("validate.dependency_unknown", MANIFEST, dep.line, id=res.identifier,
                             ref=dep.identifierref, suggestion=_suggest(report, dep.identifierref or "", ids))
    for loc in root.iter(f"{{{ADLCP_NS}}}location"):
        if loc.text and loc.text.strip():
            check_href(loc.text.strip(), loc.text.strip(), loc.sourceline, "location")
    if "resources" in manifest.lines and scos == 0:
        report.error("validate.no_sco", MANIFEST, manifest.lines["resources"])
    return listed


def _check_base(base: str, line: int | None, report: PackageReport) -> None:
    """xml:base="kurs" names a file that each href replaces (URL rules); a folder needs the slash."""
    if base and not base.endswith("/"):
        report.warning("validate.base_no_slash", MANIFEST, line, base=base)


def _check_unlisted(zf: SafeZip, listed: set[str], report: PackageReport) -> None:
    for name in zf.names():
        if name in listed or name in CONTROL_FILES or _is_junk(name):
            continue
        report.warning("validate.file_unlisted", name)


def _check_prefixes(root, report: PackageReport) -> None:
    """Moodle matches raw tag names such as ADLCP:SCORMTYPE, so only the usual prefixes work."""
    for el in root.iter(tag=etree.Element):
        parent = el.getparent()
        inherited = parent.nsmap if parent is not None else {}
        for prefix, uri in el.nsmap.items():
            if inherited.get(prefix) == uri:
                continue
            if uri == IMSCP_NS and prefix is not None:
                report.warning("validate.prefix_imscp", MANIFEST, el.sourceline, prefix=prefix)
            elif uri == ADLCP_NS and prefix != "adlcp":
                report.warning("validate.prefix_adlcp", MANIFEST, el.sourceline, prefix=prefix or "xmlns")


def _suggest(report: PackageReport, value: str, candidates: list[str]) -> str:
    """did-you-mean for a broken reference; difflib is slow, so a hostile manifest with thousands of
    them gets a search for the first few only (over at most 1000 candidates)."""
    report.suggestions_left -= 1
    close = difflib.get_close_matches(value, [c for c in candidates[:1000] if c], n=1) \
        if report.suggestions_left >= 0 else []
    return close[0] if close else (", ".join(c for c in candidates[:3] if c) or "-")


# --- what breaks in real LMSes ------------------------------------------------------------------

def _check_contents(zf: SafeZip, report: PackageReport, thresholds: Thresholds) -> None:
    """One streamed pass over every entry: integrity, sizes, files fetched from the internet, script in markup."""
    total = 0
    for name in zf.names():
        if name.startswith("__MACOSX/"):
            continue
        if " " in name:
            report.warning("validate.name_space", name)
        if not name.isascii():
            report.warning("validate.name_non_ascii", name)
        if printable(name) != name:
            report.warning("validate.name_unprintable", name)
    macosx = [n for n in zf.all_names() if n.startswith("__MACOSX/")]
    if macosx:
        report.warning("validate.macosx", "__MACOSX/", count=len(macosx))
    for name in zf.names():
        size = 0
        scan = UrlScan(patterns_for(name))
        active = scanner_for(name)
        for chunk in zf.stream(name):
            size += len(chunk)
            for line, url in scan.feed(chunk):
                report.warning("validate.external_resource", name, line, url=url)
            for code, line, params in (active.feed(chunk) if active else ()):
                report.warning(code, name, line, **params)
        for line, url in scan.feed(b"", final=True):
            report.warning("validate.external_resource", name, line, url=url)
        for code, line, params in (active.feed(b"", final=True) if active else ()):
            report.warning(code, name, line, **params)
        total += size
        if size > thresholds.large_file:
            report.warning("validate.file_large", name, size=human_size(size))
        if posixpath.basename(name) in JUNK_FILES:
            report.warning("validate.junk_file", name)
        if name.lower().endswith(".zip"):
            report.warning("validate.nested_zip", name)
    if total > thresholds.large_total:
        report.warning("validate.total_large", size=human_size(total))


def _is_junk(name: str) -> bool:
    return name.startswith("__MACOSX/") or posixpath.basename(name) in JUNK_FILES


def _group_repeats(report: PackageReport, shown: int) -> None:
    """Keep the first `shown` warnings of each kind; one more line says how many were left out."""
    seen: dict[str, int] = {}
    kept: list[Diagnostic] = []
    for d in sorted(report.diagnostics, key=Diagnostic.sort_key):
        if d.severity == WARNING:
            seen[d.code] = seen.get(d.code, 0) + 1
            if seen[d.code] > shown:
                continue
        kept.append(d)
    for code, count in seen.items():
        if count > shown:
            kept.append(Diagnostic(WARNING, "validate.more", "", None, None,
                                   {"count": count - shown, "kind": code}))
    report.diagnostics = kept
