"""libxml2's schema errors, told in an administrator's words: which element, what was expected."""
from __future__ import annotations

import re

from scorm_builder.scorm12.namespaces import ADLCP_NS, IMSCP_NS, IMSMD_NS, XML_NS

_ID_VALUE = re.compile(r"'([^']*)' is not a valid value of the atomic type 'xs:ID'")
_EXPECTED = re.compile(r"Expected is (?:one of )?\( (.*) \)")
_ENUM = re.compile(r"The value '([^']*)' is not an element of the set \{(.*)\}")
_ATTRIBUTE = re.compile(r"attribute '([^']*)'")
_NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")


def report_xsd_error(err, report, manifest: str) -> None:
    """libxml2's schema errors in plain words, with the element named as it is written."""
    msg = err.message
    element = plain_name(re.match(r"Element '([^']*)'", msg).group(1)) if msg.startswith("Element '") else "?"
    attr = _ATTRIBUTE.search(msg)
    attribute = plain_name(attr.group(1)) if attr else ""
    line = err.line
    kind = err.type_name
    if kind == "SCHEMAV_CVC_ELT_1":
        report.error("validate.manifest_namespace", manifest, line, found=element)
    elif kind == "SCHEMAV_CVC_DATATYPE_VALID_1_2_1" and _ID_VALUE.search(msg):
        value = _ID_VALUE.search(msg).group(1)
        code = "validate.xsd.duplicate_id" if _NCNAME.match(value) else "validate.xsd.bad_id"
        report.error(code, manifest, line, value=value, element=element)
    elif kind == "SCHEMAV_CVC_ENUMERATION_VALID" and _ENUM.search(msg):
        value, allowed = _ENUM.search(msg).groups()
        report.error("validate.xsd.enumeration", manifest, line, element=element, attribute=attribute or element,
                     value=value, allowed=allowed.replace("'", ""))
    elif kind == "SCHEMAV_ELEMENT_CONTENT" and "Missing child" in msg:
        report.error("validate.xsd.missing_child", manifest, line, element=element,
                     expected=_expected(msg))
    elif kind == "SCHEMAV_ELEMENT_CONTENT":
        code = "validate.xsd.unexpected_expected" if _EXPECTED.search(msg) else "validate.xsd.unexpected"
        report.error(code, manifest, line, element=element, expected=_expected(msg))
    elif kind == "SCHEMAV_CVC_COMPLEX_TYPE_4":
        report.error("validate.xsd.missing_attribute", manifest, line, element=element, attribute=attribute)
    elif kind in ("SCHEMAV_CVC_TYPE_3_1_1", "SCHEMAV_CVC_COMPLEX_TYPE_3_2_1", "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2"):
        report.error("validate.xsd.attribute_not_allowed", manifest, line, element=element, attribute=attribute)
    elif kind == "SCHEMAV_CVC_MAXLENGTH_VALID":
        limit = re.search(r"maximum length of '(\d+)'", msg)
        report.error("validate.xsd.too_long", manifest, line, element=element, attribute=attribute or element,
                     limit=limit.group(1) if limit else "?")
    else:
        report.error("validate.xsd", manifest, line, detail=_plain_message(msg))


def _expected(msg: str) -> str:
    found = _EXPECTED.search(msg)
    if not found:
        return ""
    names = [plain_name(n.strip()) for n in found.group(1).split(",")]
    return ", ".join(f"<{n}>" for n in names if not n.startswith("##"))


def plain_name(name: str) -> str:
    """`{namespace}local` as written in a normal manifest: `local`, `adlcp:local`, `imsmd:local`."""
    prefixes = {IMSCP_NS: "", ADLCP_NS: "adlcp:", IMSMD_NS: "imsmd:", XML_NS: "xml:"}
    match = re.match(r"^\{([^}]*)\}(.*)$", name)
    if not match:
        return name
    return prefixes.get(match.group(1), match.group(1) + " ") + match.group(2)


def _plain_message(msg: str) -> str:
    return re.sub(r"\{([^}]*)\}(\w+)", lambda m: plain_name(m.group(0)), msg)
