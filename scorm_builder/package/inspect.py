"""`scorm-builder inspect`: what is inside a SCORM 1.2 zip, for someone about to upload it.

It reads only what the manifest says and what the zip holds; it does not judge (that is
`validate`), so it also describes vendor packages whose manifest breaks the schema.
"""
from __future__ import annotations

import json
import posixpath
from pathlib import Path

import click
from lxml import etree

from scorm_builder.i18n import t
from scorm_builder.package.safezip import Limits, SafeZip, UnsafePackage, open_package
from scorm_builder.scorm12.namespaces import ADLCP_NS, XML_NS
from scorm_builder.package.validate import NS, PackageReport, load_manifest

METADATA_LIMIT = 1024 * 1024
LARGEST_SHOWN = 5


class NoManifest(Exception):
    """The zip has no manifest we can read; `report` says why, in validate's words."""

    def __init__(self, report: PackageReport):
        self.report = report
        super().__init__(report.path)


def run_inspect(path: Path, fmt: str = "text") -> int:
    """The `inspect` command: describe one zip; 1 when it has no usable manifest, 2 when unreadable."""
    try:
        info = inspect_package(path)
    except NoManifest as e:
        click.echo(e.report.render(), err=True)
        return 1
    except UnsafePackage as e:
        hint = e.hint()
        click.echo(f"{path}: error: {e.message()}" + (f"\n  hint: {hint}" if hint else ""), err=True)
        return 2
    click.echo(json.dumps(info, ensure_ascii=False, indent=2) if fmt == "json" else render_text(info))
    return 0


def inspect_package(path: Path | str, limits: Limits = Limits()) -> dict:
    """The package described as plain data (the JSON output); raises UnsafePackage or NoManifest."""
    report = PackageReport(str(path))
    with open_package(path, limits) as zf:
        tree = load_manifest(zf, report)
        if tree is None:
            raise NoManifest(report)
        root = tree.getroot()
        metadata = _metadata(zf, root)
        resources = {r.get("identifier"): r for r in root.iterfind("cp:resources/cp:resource", NS)}
        organizations = _organizations(root, resources)
        default = next((o for o in organizations if o["default"]), organizations[0] if organizations else None)
        return {
            "path": str(path),
            "title": (default or {}).get("title") or metadata["title"] or root.get("identifier"),
            "identifier": root.get("identifier"),
            "version": root.get("version"),
            "metadata": metadata,
            "organizations": organizations,
            "scos": [{"identifier": ident, "href": _launch_href(root, res)}
                     for ident, res in resources.items() if res.get(f"{{{ADLCP_NS}}}scormtype") == "sco"],
            "mastery": [{"item": item["identifier"], "title": item["title"], "score": item["masteryscore"]}
                        for org in organizations for item in _walk(org["items"]) if item["masteryscore"]],
            "files": _files(zf),
        }


def _organizations(root, resources: dict) -> list[dict]:
    orgs = root.find("cp:organizations", NS)
    if orgs is None:
        return []
    default = orgs.get("default")
    return [{"identifier": org.get("identifier"), "title": _text(org.find("cp:title", NS)),
             "default": org.get("identifier") == default,
             "items": [_item(i, root, resources) for i in org.iterfind("cp:item", NS)]}
            for org in orgs.iterfind("cp:organization", NS)]


def _item(el, root, resources: dict) -> dict:
    ref = el.get("identifierref")
    res = resources.get(ref)
    launch = None
    if res is not None and res.get("href"):
        launch = _launch_href(root, res) + _parameters(el.get("parameters") or "")
    return {"identifier": el.get("identifier"), "title": _text(el.find("cp:title", NS)),
            "identifierref": ref, "launch": launch,
            "scormtype": res.get(f"{{{ADLCP_NS}}}scormtype") if res is not None else None,
            "masteryscore": _text(el.find("adlcp:masteryscore", NS)),
            "items": [_item(child, root, resources) for child in el.iterfind("cp:item", NS)]}


def _launch_href(root, res) -> str | None:
    href = res.get("href")
    if href is None:
        return None
    holder = root.find("cp:resources", NS)
    base = posixpath.join(holder.get(f"{{{XML_NS}}}base", ""), res.get(f"{{{XML_NS}}}base", ""))
    return posixpath.join(base, href) if base else href


def _parameters(parameters: str) -> str:
    if not parameters or parameters.startswith(("?", "#")):
        return parameters
    return "?" + parameters


def _walk(items: list[dict]):
    for item in items:
        yield item
        yield from _walk(item["items"])


def _metadata(zf: SafeZip, root) -> dict:
    """schema and schemaversion, and title/description/language from inline or referenced LOM."""
    meta = root.find("cp:metadata", NS)
    lom = None if meta is None else meta.find("{*}lom")
    location = None if meta is None else meta.find("adlcp:location", NS)
    if lom is None and location is not None and (location.text or "").strip() in zf.names():
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            doc = etree.fromstring(zf.read(location.text.strip(), METADATA_LIMIT), parser)
            lom = doc if etree.QName(doc).localname == "lom" else doc.find(".//{*}lom")
        except (etree.XMLSyntaxError, UnsafePackage):  # unreadable metadata: describe the rest
            lom = None
    general = None if lom is None else lom.find("{*}general")
    return {
        "schema": _text(None if meta is None else meta.find("cp:schema", NS)),
        "schemaversion": _text(None if meta is None else meta.find("cp:schemaversion", NS)),
        "title": _text(None if general is None else general.find("{*}title/{*}langstring")),
        "description": _text(None if general is None else general.find("{*}description/{*}langstring")),
        "language": _text(None if general is None else general.find("{*}language")),
    }


def _files(zf: SafeZip) -> dict:
    names = zf.names()
    by_type: dict[str, dict] = {}
    for name in names:
        ext = posixpath.splitext(name)[1].lower() or "(-)"
        entry = by_type.setdefault(ext, {"type": ext, "count": 0, "size": 0})
        entry["count"] += 1
        entry["size"] += zf.size(name)
    largest = sorted(names, key=lambda n: (-zf.size(n), n))[:LARGEST_SHOWN]
    return {"count": len(names), "size": sum(zf.size(n) for n in names),
            "by_type": sorted(by_type.values(), key=lambda e: (-e["size"], e["type"])),
            "largest": [{"name": n, "size": zf.size(n)} for n in largest]}


def _text(el) -> str | None:
    if el is None or el.text is None:
        return None
    return " ".join(el.text.split()) or None


def render_text(info: dict, lang: str | None = None) -> str:
    """The inspection as indented text for people."""
    lines = [f"{t('inspect.title', lang)}: {info['title'] or '-'}",
             f"{t('inspect.identifier', lang)}: {info['identifier'] or '-'}",
             f"{t('inspect.version', lang)}: {info['version'] or '-'}"]
    meta = info["metadata"]
    parts = [p for p in (meta["schema"], meta["schemaversion"]) if p]
    parts += [f"{k}: {meta[k]}" for k in ("title", "description", "language") if meta[k]]
    lines.append(f"{t('inspect.metadata', lang)}: {'; '.join(parts) or t('inspect.none', lang)}")
    lines.append(f"{t('inspect.organizations', lang)}:")
    for org in info["organizations"]:
        mark = f" ({t('inspect.default', lang)})" if org["default"] else ""
        lines.append(f"  {org['identifier']}{mark}: {org['title'] or '-'}")
        lines.extend(_tree_lines(org["items"], 2, lang))
    if not info["organizations"]:
        lines.append("  " + t("inspect.none", lang))
    lines.append(f"{t('inspect.scos', lang)}:")
    lines.extend(f"  {s['identifier']}: {s['href'] or '-'}" for s in info["scos"])
    if not info["scos"]:
        lines.append("  " + t("inspect.none", lang))
    files = info["files"]
    lines.append(t("inspect.files", lang, count=files["count"], size=human_size(files["size"])))
    lines.extend(f"  {e['type']:<8} {e['count']:>5}  {human_size(e['size']):>9}" for e in files["by_type"])
    lines.append(f"{t('inspect.largest', lang)}:")
    lines.extend(f"  {human_size(f['size']):>9}  {f['name']}" for f in files["largest"])
    return "\n".join(lines)


def _tree_lines(items: list[dict], depth: int, lang: str | None) -> list[str]:
    lines = []
    for item in items:
        text = "  " * depth + (item["title"] or item["identifier"] or "-")
        if item["launch"]:
            extras = [item["scormtype"] or "?"]
            if item["masteryscore"]:
                extras.append(f"{t('inspect.mastery', lang)} {item['masteryscore']}")
            text += f" -> {item['launch']} [{', '.join(extras)}]"
        lines.append(text)
        lines.extend(_tree_lines(item["items"], depth + 1, lang))
    return lines


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
