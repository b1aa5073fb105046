"""The XML namespaces of SCORM 1.2 manifests (and the SCORM 2004 ones, to recognise them)."""
from __future__ import annotations

IMSCP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD_NS = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

NS = {"cp": IMSCP_NS, "adlcp": ADLCP_NS, "md": IMSMD_NS}
XML_BASE = f"{{{XML_NS}}}base"
XML_LANG = f"{{{XML_NS}}}lang"
SCORMTYPE = f"{{{ADLCP_NS}}}scormtype"

NS_2004 = ("http://www.imsglobal.org/xsd/imscp_v1p1", "http://www.adlnet.org/xsd/adlcp_v1p3")
SCHEMAVERSIONS_2004 = ("1.3", "CAM 1.3", "2004 2nd Edition", "2004 3rd Edition", "2004 4th Edition")
