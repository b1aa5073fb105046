"""The one size formatter, used by build, inspect, validate and the zip limits."""
from __future__ import annotations

import pytest

from scorm_builder.sizes import human_size


@pytest.mark.parametrize("n, text", [
    (0, "0 B"), (1023, "1023 B"), (1024, "1.0 KB"), (1536, "1.5 KB"),
    (1024 * 1024, "1.0 MB"), (101 * 1024 * 1024, "101.0 MB"), (1024 ** 3, "1.0 GB"), (5 * 1024 ** 4, "5120.0 GB"),
])
def test_human_size(n, text):
    assert human_size(n) == text
