"""`scorm-builder inspect`: the package described as indented text or JSON.

Exit 0 described; 1 no manifest to read (validate's words say why); 2 unusable zip, as validate.
Every name and title comes from someone else's zip, so each is printed through `printable`.
"""
from __future__ import annotations

from pathlib import Path

import click

from scorm_builder.errors import ERROR, Diagnostic, json_text, printable
from scorm_builder.i18n import t
from scorm_builder.package.inspect import NoManifest, inspect_package
from scorm_builder.package.safezip import UnsafePackage
from scorm_builder.sizes import human_size


def run_inspect(path: Path, fmt: str = "text") -> int:
    try:
        info = inspect_package(path)
    except NoManifest as e:
        click.echo(e.report.render(), err=True)
        return 1
    except UnsafePackage as e:
        click.echo(Diagnostic(ERROR, e.code, str(path), params=e.params).format(), err=True)
        return 2
    click.echo(json_text(info) if fmt == "json" else render_text(info))
    return 0


def render_text(info: dict, lang: str | None = None) -> str:
    """The inspection as indented text for people."""
    def show(value) -> str:
        return printable(str(value)) if value else "-"

    lines = [f"{t('inspect.title', lang)}: {show(info['title'])}",
             f"{t('inspect.identifier', lang)}: {show(info['identifier'])}",
             f"{t('inspect.version', lang)}: {show(info['version'])}"]
    meta = info["metadata"]
    parts = [p for p in (meta["schema"], meta["schemaversion"]) if p]
    parts += [f"{k}: {meta[k]}" for k in ("title", "description", "language") if meta[k]]
    lines.append(f"{t('inspect.metadata', lang)}: {printable('; '.join(parts)) or t('inspect.none', lang)}")
    lines.append(f"{t('inspect.organizations', lang)}:")
    for org in info["organizations"]:
        mark = f" ({t('inspect.default', lang)})" if org["default"] else ""
        lines.append(f"  {show(org['identifier'])}{mark}: {show(org['title'])}")
        lines.extend(_tree_lines(org["items"], 2, lang))
    if not info["organizations"]:
        lines.append("  " + t("inspect.none", lang))
    lines.append(f"{t('inspect.scos', lang)}:")
    lines.extend(f"  {show(s['identifier'])}: {show(s['href'])}" for s in info["scos"])
    if not info["scos"]:
        lines.append("  " + t("inspect.none", lang))
    files = info["files"]
    lines.append(t("inspect.files", lang, count=files["count"], size=human_size(files["size"])))
    lines.extend(f"  {printable(e['type']):<8} {e['count']:>5}  {human_size(e['size']):>9}" for e in files["by_type"])
    lines.append(f"{t('inspect.largest', lang)}:")
    lines.extend(f"  {human_size(f['size']):>9}  {printable(f['name'])}" for f in files["largest"])
    return "\n".join(lines)


def _tree_lines(items: list[dict], depth: int, lang: str | None) -> list[str]:
    lines = []
    for item in items:
        text = "  " * depth + printable(item["title"] or item["identifier"] or "-")
        if item["launch"]:
            extras = [printable(item["scormtype"] or "?")]
            if item["masteryscore"]:
                extras.append(f"{t('inspect.mastery', lang)} {printable(item['masteryscore'])}")
            if item["datafromlms"]:
                extras.append(f"{t('inspect.launch_data', lang)} {printable(item['datafromlms'])}")
            if item["maxtimeallowed"]:
                action = f" ({printable(item['timelimitaction'])})" if item["timelimitaction"] else ""
                extras.append(f"{t('inspect.time_limit', lang)} {printable(item['maxtimeallowed'])}{action}")
            text += f" -> {printable(item['launch'])} [{', '.join(extras)}]"
        lines.append(text)
        lines.extend(_tree_lines(item["items"], depth + 1, lang))
    return lines
