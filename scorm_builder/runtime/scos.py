"""What a package launches: its SCOs in organization order, from a safely extracted zip.

Each launchable item (an item with `identifierref` to a resource with an href) becomes a `Sco`
with the values the LMS hands to it (NOTES.md sections 1 and 13): mastery score, launch data,
time limits, and the item's `parameters` appended to the launch URL.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from scorm_builder.errors import CatalogueError
from scorm_builder.package.safezip import UnsafePackage, open_package

ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


class UnusablePackage(CatalogueError):
    """The zip cannot be played (unsafe, no manifest, nothing to launch); `code` names a catalogue message."""


@dataclass(frozen=True)
class Sco:
    identifier: str          # the item's identifier
    title: str
    href: str                # launch path inside the package, parameters appended
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


def _local(el) -> str:
    return etree.QName(el).localname


def _child_text(el, name: str) -> str:
    for child in el:
        if isinstance(child.tag, str) and (_local(child) == name or child.tag == ADLCP + name):
            return (child.text or "").strip()
    return ""


def read_scos(package_dir: Path) -> list[Sco]:
    """The launchable items of the default organization, in order."""
    manifest = package_dir / "imsmanifest.xml"
    if not manifest.is_file():
        raise UnusablePackage("play.no_manifest")
    try:
        root = etree.parse(str(manifest), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except etree.XMLSyntaxError as e:
        raise UnusablePackage("play.bad_manifest", detail=str(e)) from None
    resources = {r.get("identifier"): r for r in root.iter() if isinstance(r.tag, str) and _local(r) == "resource"}
    orgs = [o for o in root.iter() if isinstance(o.tag, str) and _local(o) == "organization"]
    default = next((el for el in root.iter() if isinstance(el.tag, str) and _local(el) == "organizations"), None)
    wanted = default.get("default") if default is not None else None
    org = next((o for o in orgs if o.get("identifier") == wanted), orgs[0] if orgs else None)
    if org is None:
        raise UnusablePackage("play.no_organization")
    scos = []
    for item in org.iter():
        if not isinstance(item.tag, str) or _local(item) != "item" or not item.get("identifierref"):
            continue
        res = resources.get(item.get("identifierref"))
        if res is None or not res.get("href"):
            continue
        base = res.get("{http://www.w3.org/XML/1998/namespace}base") or ""
        href = base + res.get("href") + _parameters(res.get("href"), item.get("parameters") or "")
        scos.append(Sco(identifier=item.get("identifier"), title=_child_text(item, "title"), href=href,
                        scormtype=(res.get(ADLCP + "scormtype") or "asset").lower(),
                        mastery_score=_child_text(item, "masteryscore"),
                        launch_data=_child_text(item, "datafromlms"),
                        max_time_allowed=_child_text(item, "maxtimeallowed"),
                        time_limit_action=_child_text(item, "timelimitaction")))
    if not scos:
        raise UnusablePackage("play.no_launchable")
    return scos


def _parameters(href: str, parameters: str) -> str:
    """The item's parameters joined to the href the way SCORM 1.2 LMSes do ('?a=b' or 'a=b')."""
    if not parameters:
        return ""
    parameters = parameters.lstrip("?&")
    return ("&" if "?" in href else "?") + parameters
