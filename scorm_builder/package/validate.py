"""`scorm-builder validate`: is this zip a SCORM 1.2 package that real LMSes will import and run?

Checks run in the order an administrator would think of them: can the zip be read safely, is it
SCORM 1.2 at all (and if not, what is it), is the manifest well-formed and schema-valid, do its
references hold (the checks the XSD cannot make, NOTES.md section 1), and what will break in a
real LMS (files from the internet, odd names, junk, sizes). Every entry is streamed once, which
also proves the zip's integrity (CRC) without trusting its headers.
"""
from __future__ import annotations

import difflib
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import click
from lxml import etree

from scorm_builder.errors import ERROR, WARNING, Diagnostic, Reporter, plural
from scorm_builder.i18n import t
from scorm_builder.package.safezip import Limits, SafeZip, UnsafePackage, open_package
from scorm_builder.scorm12.namespaces import ADLCP_NS, IMSCP_NS, IMSMD_NS, XML_NS
from scorm_builder.scorm12.schemas import SCHEMA_FILES, manifest_schema
from scorm_builder.package.url_scan import UrlScan, patterns_for
from scorm_builder.package.xsd_messages import plain_name, report_xsd_error

NS = {"cp": IMSCP_NS, "adlcp": ADLCP_NS, "md": IMSMD_NS}
NS_2004 = ("http://www.imsglobal.org/xsd/imscp_v1p1", "http://www.adlnet.org/xsd/adlcp_v1p3")
SCHEMAVERSIONS_2004 = ("1.3", "CAM 1.3", "2004 2nd Edition", "2004 3rd Edition", "2004 4th Edition")
MANIFEST = "imsmanifest.xml"
CONTROL_FILES = frozenset({MANIFEST, *SCHEMA_FILES})  # at the root, never listed in <file>
MANIFEST_LIMIT = 16 * 1024 * 1024
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

    @property
    def valid(self) -> bool:
        return not self.errors and not self.unusable

    @property
    def exit_code(self) -> int:
        return 2 if self.unusable else (1 if self.errors else 0)

    def codes(self) -> list[str]:
        return [d.code for d in self.diagnostics]

    def render(self, lang: str | None = None) -> str:
        lines = [f"{self.path}: {d.format(lang)}" for d in self.diagnostics]
        count = t("summary.count", lang, errors=plural("summary.error", len(self.errors), lang),
                  warnings=plural("summary.warning", len(self.warnings), lang))
        lines.append(f"{self.path}: " + (f"{t('validate.valid', lang)} ({count})" if self.valid else count))
        return "\n".join(lines)

    def as_json(self, lang: str | None = None) -> dict:
        def entry(d: Diagnostic) -> dict:
            return {"file": d.path or None, "line": d.line, "code": d.code,
                    "message": d.message(lang), "hint": d.hint(lang)}
        return {"path": self.path, "valid": self.valid,
                "errors": [entry(d) for d in self.errors],
                "warnings": [entry(d) for d in self.warnings]}


def run_validate(paths: list[Path], fmt: str = "text", strict: bool = False) -> int:
    """The `validate` command: report on every zip, return the worst exit code (0, 1 or 2)."""
    reports = [validate_package(p) for p in paths]
    if fmt == "json":
        click.echo(json.dumps([r.as_json() for r in reports], ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(r.render() for r in reports))
    return max(max(r.exit_code, 1 if strict and r.warnings else 0) for r in reports)


def validate_package(path: Path | str, limits: Limits = Limits(),
                     thresholds: Thresholds = Thresholds()) -> PackageReport:
    """Check one zip and return what is wrong with it; never raises for bad input."""
    report = PackageReport(str(path))
    try:
        with open_package(path, limits) as zf:
            for notice in zf.notices:
                report.warning(notice.code, notice.name)
            tree = load_manifest(zf, report)
            if tree is not None:
                check_manifest(zf, tree, report)
            _check_contents(zf, report, thresholds)
    except UnsafePackage as e:
        report.unusable = True
        report.diagnostics = [Diagnostic(ERROR, e.code, "", None, None, e.params)]
        return report
    _group_repeats(report, thresholds.same_warning_shown)
    return report


# --- is it SCORM 1.2 at all? ---------------------------------------------------------------

def load_manifest(zf: SafeZip, report: PackageReport) -> etree._ElementTree | None:
    """The parsed root manifest, or None after reporting why there is no usable one."""
    names = zf.names()
    if MANIFEST not in names:
        _explain_missing_manifest(names, report)
        return None
    data = zf.read(MANIFEST, MANIFEST_LIMIT)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        if not re.search(rb"<[A-Za-z_]", data.split(b"?>", 1)[-1]):
            report.error("validate.manifest_empty", MANIFEST, e.lineno or 1)
        else:
            detail = re.sub(r", line \d+, column \d+$", "", e.msg)  # the line is shown in front
            report.error("validate.xml_syntax", MANIFEST, e.lineno, detail=detail)
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
    return root.getroottree()


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

def check_manifest(zf: SafeZip, tree: etree._ElementTree, report: PackageReport) -> None:
    """Schema validity, then the references and values the schema does not check."""
    schema = manifest_schema()
    if not schema.validate(tree):
        for err in schema.error_log:
            report_xsd_error(err, report, MANIFEST)
    root = tree.getroot()
    _check_prefixes(root, report)
    for el in root.iter(tag=etree.Element):
        ident = el.get("identifier")
        if ident and not ident.isascii():
            report.warning("validate.identifier_non_ascii", MANIFEST, el.sourceline, value=ident)
    version = root.find("cp:metadata/cp:schemaversion", NS)
    if version is None:
        report.warning("validate.schemaversion_missing", MANIFEST, root.sourceline)
    elif (version.text or "").strip() != "1.2":
        report.error("validate.schemaversion", MANIFEST, version.sourceline, found=(version.text or "").strip())
    resources = {r.get("identifier"): r for r in root.iterfind("cp:resources/cp:resource", NS)}
    _check_organizations(root, resources, report)
    listed = _check_resources(zf, root, resources, report)
    _check_unlisted(zf, listed, report)


def _check_organizations(root, resources: dict, report: PackageReport) -> None:
    orgs = root.find("cp:organizations", NS)
    organizations = [] if orgs is None else orgs.findall("cp:organization", NS)
    if orgs is not None and not organizations:
        report.error("validate.no_organization", MANIFEST, orgs.sourceline)
        return
    org_ids = [o.get("identifier") for o in organizations]
    default = None if orgs is None else orgs.get("default")
    if orgs is not None and default is None:
        report.warning("validate.default_missing", MANIFEST, orgs.sourceline)
    elif default is not None and default not in org_ids:
        report.error("validate.default_unknown", MANIFEST, orgs.sourceline, ref=default,
                     suggestion=_suggest(default, org_ids))
    for org in organizations:
        if org.find("cp:item", NS) is None:
            report.error("validate.organization_empty", MANIFEST, org.sourceline, id=org.get("identifier"))
        for item in org.iter(f"{{{IMSCP_NS}}}item"):
            _check_item(item, resources, report)


def _check_item(item, resources: dict, report: PackageReport) -> None:
    ref = item.get("identifierref")
    item_id = item.get("identifier")
    if ref is None:
        if item.find("cp:item", NS) is None:
            report.error("validate.item_without_resource", MANIFEST, item.sourceline, id=item_id)
    elif ref not in resources:
        report.error("validate.identifierref_unknown", MANIFEST, item.sourceline, id=item_id, ref=ref,
                     suggestion=_suggest(ref, list(resources)))
    elif resources[ref].get("href") is None:
        report.error("validate.item_resource_no_href", MANIFEST, item.sourceline, id=item_id, ref=ref)
    mastery = item.find("adlcp:masteryscore", NS)
    if mastery is not None:
        text = (mastery.text or "").strip()
        try:
            score = float(text)
        except ValueError:
            score = None
        if score is None or not 0 <= score <= 100:
            report.error("validate.masteryscore", MANIFEST, mastery.sourceline, found=text)
    action = item.find("adlcp:timelimitaction", NS)
    allowed = ("exit,message", "exit,no message", "continue,message", "continue,no message")
    if action is not None and (action.text or "").strip() not in allowed:
        report.error("validate.timelimitaction", MANIFEST, action.sourceline, found=(action.text or "").strip())


def _check_resources(zf: SafeZip, root, resources: dict, report: PackageReport) -> set[str]:
    """Checks each resource and returns the zip names the manifest refers to."""
    names = set(zf.names())
    by_lower: dict[str, list[str]] = {}
    for n in names:
        by_lower.setdefault(n.lower(), []).append(n)
    listed: set[str] = set()

    def check_href(href: str, base: str, line: int, kind: str) -> None:
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//", href):
            report.warning("validate.href_external", MANIFEST, line, href=href)
            return
        path = unquote(href.split("#", 1)[0].split("?", 1)[0])
        full = posixpath.normpath(posixpath.join(base, path)) if path else ""
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

    res_parent = root.find("cp:resources", NS)
    outer = (res_parent.get(f"{{{XML_NS}}}base", "") if res_parent is not None else "")
    scos = 0
    for ident, res in resources.items():
        base = posixpath.join(outer, res.get(f"{{{XML_NS}}}base", ""))
        scormtype = res.get(f"{{{ADLCP_NS}}}scormtype")
        if scormtype is None:
            report.error("validate.scormtype_missing", MANIFEST, res.sourceline, id=ident)
        scos += scormtype == "sco"
        if res.get("href") is not None:
            check_href(res.get("href"), base, res.sourceline, "launch")
        for f in res.iterfind("cp:file", NS):
            if f.get("href") is not None:
                check_href(f.get("href"), base, f.sourceline, "file")
        for dep in res.iterfind("cp:dependency", NS):
            if dep.get("identifierref") not in resources:
                report.error("validate.dependency_unknown", MANIFEST, dep.sourceline, id=ident,
                             ref=dep.get("identifierref"), suggestion=_suggest(dep.get("identifierref") or "", list(resources)))
    for loc in root.iter(f"{{{ADLCP_NS}}}location"):
        if loc.text and loc.text.strip():
            check_href(loc.text.strip(), "", loc.sourceline, "location")
    if root.find("cp:resources", NS) is not None and scos == 0:
        report.error("validate.no_sco", MANIFEST, res_parent.sourceline)
    return listed


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


def _suggest(value: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(value, [c for c in candidates if c], n=1)
    return close[0] if close else (", ".join(c for c in candidates[:3] if c) or "-")


# --- what breaks in real LMSes ------------------------------------------------------------------

def _check_contents(zf: SafeZip, report: PackageReport, thresholds: Thresholds) -> None:
    """One streamed pass over every entry: integrity, sizes, and files fetched from the internet."""
    total = 0
    for name in zf.names():
        if name.startswith("__MACOSX/"):
            continue
        if " " in name:
            report.warning("validate.name_space", name)
        if not name.isascii():
            report.warning("validate.name_non_ascii", name)
    macosx = [n for n in zf.all_names() if n.startswith("__MACOSX/")]
    if macosx:
        report.warning("validate.macosx", "__MACOSX/", count=len(macosx))
    for name in zf.names():
        size = 0
        scan = UrlScan(patterns_for(name))
        for chunk in zf.stream(name):
            size += len(chunk)
            for line, url in scan.feed(chunk):
                report.warning("validate.external_resource", name, line, url=url)
        for line, url in scan.feed(b"", final=True):
            report.warning("validate.external_resource", name, line, url=url)
        total += size
        if size > thresholds.large_file:
            report.warning("validate.file_large", name, size=_mb(size))
        if posixpath.basename(name) in JUNK_FILES:
            report.warning("validate.junk_file", name)
        if name.lower().endswith(".zip"):
            report.warning("validate.nested_zip", name)
    if total > thresholds.large_total:
        report.warning("validate.total_large", size=_mb(total))


def _is_junk(name: str) -> bool:
    return name.startswith("__MACOSX/") or posixpath.basename(name) in JUNK_FILES


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


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
