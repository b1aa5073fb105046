"""What a package launches: its SCOs in organization order, from a safely extracted zip.

Each launchable item (an item whose resource has an href) becomes a `Sco` with the values the
LMS hands to it (NOTES.md sections 1 and 13): mastery score, launch data, time limits, and its
launch URL. The manifest is read by the scorm12 core, as validate and inspect read it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scorm_builder.errors import CatalogueError
from scorm_builder.package.safezip import UnsafePackage, open_package
from scorm_builder.scorm12.launch import launch_url
from scorm_builder.scorm12.manifest import read_manifest
from scorm_builder.scorm12.parsing import MANIFEST, MANIFEST_LIMIT, ManifestError, parse_manifest
from scorm_builder.sizes import human_size


class UnusablePackage(CatalogueError):
    """The zip cannot be played (unsafe, no manifest, nothing to launch); `code` names a catalogue message."""


@dataclass(frozen=True)
class Sco:
    identifier: str          # the item's identifier
    title: str
    href: str                # launch URL inside the package (xml:base and parameters applied)
    scormtype: str           # "sco" or "asset"
    mastery_score: str = ""
    launch_data: str = ""
    max_time_allowed: str = ""
    time_limit_action: str = ""


def extract(zip_path: Path, dest: Path) -> None:
    """Unpack hostile input safely into dest (limits, paths and links are package.safezip's job)."""
    try:
        with open_package(zip_path) as package:
            package.extract_to(dest)
    except UnsafePackage as e:
        raise UnusablePackage(e.code, **e.params) from None


def read_scos(package_dir: Path) -> list[Sco]:
    """The launchable items of the default organization, in order."""
    path = package_dir / MANIFEST
    if not path.is_file():
        raise UnusablePackage("play.no_manifest")
    if path.stat().st_size > MANIFEST_LIMIT:
        raise UnusablePackage("zip.entry_too_large", name=MANIFEST, limit=human_size(MANIFEST_LIMIT))
    return scos_in(path.read_bytes())


def scos_in(manifest_bytes: bytes) -> list[Sco]:
    """The launchable items of a manifest's default organization, in order."""
    try:
        manifest = read_manifest(parse_manifest(manifest_bytes))
    except ManifestError as e:
        where = f"{MANIFEST}:{e.line}: " if e.line else ""
        raise UnusablePackage("play.bad_manifest", detail=where + e.message()) from None
    org = manifest.default_organization()
    if org is None:
        raise UnusablePackage("play.no_organization")
    scos = []
    for item in org.walk():
        href = launch_url(manifest, item)
        if href is None:
            continue
        resource = manifest.resource(item.identifierref)
        scos.append(Sco(identifier=item.identifier, title=item.title or "", href=href,
                        scormtype=(resource.scormtype or "asset").lower(),
                        mastery_score=item.masteryscore or "", launch_data=item.datafromlms or "",
                        max_time_allowed=item.maxtimeallowed or "",
                        time_limit_action=item.timelimitaction or ""))
    if not scos:
        raise UnusablePackage("play.no_launchable")
    return scos
