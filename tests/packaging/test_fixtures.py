"""The repository stands alone: every third-party fixture is carried in tests/fixtures/ and
credited in its NOTICE, and nothing reads the folder beside the checkout."""
from __future__ import annotations

import hashlib
import re

from support import FIXTURES, ROOT


def test_every_fixture_is_in_the_notice_with_its_sha256():
    notice = (FIXTURES / "NOTICE").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| (\S+\.zip) \|.*\| ([0-9a-f]{64}) \|$", notice, re.MULTILINE))
    carried = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (FIXTURES / "scorm12").iterdir()}
    assert carried and carried == listed


def test_nothing_reads_beside_the_repository():
    """A fresh clone has nothing beside it: a path built from the checkout's parent would fail there."""
    beside = re.compile(r"""["']\.\./shared|/ ["]shared["]|ROOT\.parent|parents\[3\]""")
    offenders = [str(p.relative_to(ROOT)) for folder in ("scorm_builder", "tests", "scripts")
                 for p in (ROOT / folder).rglob("*") if p.is_file() and p.suffix in {".py", ".js", ""}
                 and p != ROOT / "tests" / "packaging" / "test_fixtures.py"
                 and beside.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []
