"""A package's files before they are zipped or written out, by name in the package: what the build
made, as bytes, and what it takes as it is (assets, the theme's stylesheet, the schemas), as the
path to copy from. They stay in memory instead of in a staging folder: a 500-lesson course has a
thousand page files, and creating files was most of what a rebuild cost."""
from __future__ import annotations

import shutil
from pathlib import Path

PackageFiles = dict[str, "bytes | Path"]


def write_folder(files: PackageFiles, folder: Path) -> None:
    """The package unzipped into `folder` (what preview serves)."""
    for name in sorted(files):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        value = files[name]
        if isinstance(value, bytes):
            target.write_bytes(value)
        else:
            shutil.copyfile(value, target)
