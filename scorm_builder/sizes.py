"""The one way a size is shown to people: 512 B, 12.3 KB, 4.5 MB, 1.0 GB (units of 1024)."""
from __future__ import annotations


def human_size(n: float) -> str:
    if n < 1024:
        return f"{n:.0f} B"
    for unit in ("KB", "MB", "GB"):
        n /= 1024
        if n < 1024 or unit == "GB":
            return f"{n:.1f} {unit}"
    raise AssertionError("unreachable")
