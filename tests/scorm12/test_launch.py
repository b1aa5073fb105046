"""The one launch-URL rule: xml:base on manifest, resources and resource; item parameters."""
from __future__ import annotations

import pytest
from lxml import etree

from scorm_builder.scorm12.launch import add_parameters, launch_url, resolve
from scorm_builder.scorm12.manifest import read_manifest

MANIFEST = """<manifest identifier="M" {manifest_base}
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <organizations default="O"><organization identifier="O"><title>T</title>
    <item identifier="I" identifierref="R" {parameters}><title>Sida</title></item>
  </organization></organizations>
  <resources {resources_base}>
    <resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="{href}" {resource_base}/>
  </resources>
</manifest>"""


def launch(href="index.html", manifest_base="", resources_base="", resource_base="", parameters=None):
    def base(value):
        return f'xml:base="{value}"' if value else ""
    text = MANIFEST.format(href=href, manifest_base=base(manifest_base), resources_base=base(resources_base),
                           resource_base=base(resource_base),
                           parameters=f'parameters="{parameters}"' if parameters is not None else "")
    manifest = read_manifest(etree.fromstring(text))
    return launch_url(manifest, manifest.organizations[0].items[0])


@pytest.mark.parametrize("bases, expected", [
    ({}, "index.html"),
    ({"resource_base": "sco1/"}, "sco1/index.html"),
    ({"resources_base": "content/"}, "content/index.html"),
    ({"manifest_base": "course/"}, "course/index.html"),
    ({"manifest_base": "course/", "resources_base": "content/", "resource_base": "sco1/"},
     "course/content/sco1/index.html"),
    # a base without a trailing slash names a file, which the href replaces (RFC 3986, XML Base)
    ({"resource_base": "sco1"}, "index.html"),
    ({"resources_base": "content/", "resource_base": "../other/"}, "content/../other/index.html"),
    ({"resources_base": "https://cdn.example.com/kurs/"}, "https://cdn.example.com/kurs/index.html"),
    ({"manifest_base": "https://cdn.example.com/kurs/", "resource_base": "/rot/"}, "https://cdn.example.com/rot/index.html"),
    # other schemes are not web addresses, but stay visible for validate to judge
    ({"resources_base": "javascript:alert(1)//"}, "javascript:alert(1)//index.html"),
])
def test_xml_base_on_every_level(bases, expected):
    assert launch(**bases) == expected


def test_an_absolute_href_ignores_the_bases():
    assert launch(href="/abs/index.html", resources_base="content/") == "/abs/index.html"
    assert launch(href="https://x.example/a.html", resource_base="sco/") == "https://x.example/a.html"


@pytest.mark.parametrize("href, parameters, expected", [
    ("index.html", "?page=2", "index.html?page=2"),
    ("index.html", "page=2", "index.html?page=2"),
    ("index.html", "&amp;page=2", "index.html?page=2"),
    ("index.html?lang=sv", "?page=2", "index.html?lang=sv&amp;page=2"),
    ("index.html?lang=sv", "&amp;page=2", "index.html?lang=sv&amp;page=2"),
    ("index.html", "#kapitel-2", "index.html#kapitel-2"),
    ("index.html#start", "#kapitel-2", "index.html#start"),       # the href's fragment wins
    ("index.html#start", "page=2", "index.html?page=2#start"),    # the query goes before the fragment
    ("index.html", "", "index.html"),
    ("index.html", "  ", "index.html"),
])
def test_parameters(href, parameters, expected):
    assert launch(href=href, parameters=parameters) == expected.replace("&amp;", "&")


def test_parameters_join_after_the_bases():
    assert launch(resources_base="c/", parameters="?a=1") == "c/index.html?a=1"


def test_an_item_without_a_launchable_resource_launches_nothing():
    manifest = read_manifest(etree.fromstring(MANIFEST.format(
        href="x", manifest_base="", resources_base="", resource_base="", parameters="").replace(
        'identifierref="R"', 'identifierref="NOPE"')))
    assert launch_url(manifest, manifest.organizations[0].items[0]) is None


def test_add_parameters_and_resolve_are_the_same_rules_for_files():
    manifest = read_manifest(etree.fromstring(MANIFEST.format(
        href="index.html", manifest_base="", resources_base='xml:base="a/"', resource_base='xml:base="b/"',
        parameters="")))
    assert resolve(manifest, manifest.resources[0], "img/x.png") == "a/b/img/x.png"
    assert add_parameters("x.html", "?&q") == "x.html?q"
