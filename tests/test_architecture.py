"""docs/architecture.md is the map a newcomer reads first: it names every module, and its table of
who imports whom is the code's real import graph (lazy imports inside functions included)."""
from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "scorm_builder"
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def modules() -> list[str]:
    """Every tracked .py and .js file under scorm_builder/, by its path in the package; an
    __init__.py only when it holds code (the registries do)."""
    listed = subprocess.run(["git", "ls-files", "scorm_builder"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.split()
    found = []
    for name in listed:
        path = ROOT / name
        if path.suffix not in (".py", ".js") or path.name == "scorm12.min.js":
            continue
        if path.name == "__init__.py" and not ast.parse(path.read_text(encoding="utf-8")).body[1:]:
            continue   # a docstring or nothing: not a module anyone needs to find
        found.append(path.relative_to(PACKAGE).as_posix())
    return found


def layer(path: Path) -> str:
    """`source/` for a module in a subpackage, `build` for a top-level module."""
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] + "/" if len(rel.parts) > 1 else rel.stem


def imported_layers(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "scorm_builder":
            names = [f"scorm_builder.{a.name}" for a in node.names]   # `from scorm_builder import questions`
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("scorm_builder."):
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("scorm_builder.")]
        else:
            continue
        for name in names:
            first = name.split(".")[1]
            if (PACKAGE / first).is_dir():
                found.add(first + "/")
            elif (PACKAGE / f"{first}.py").is_file():
                found.add(first)
            # else `__version__` from the package itself: anyone may read the version
    return found


def documented_imports() -> dict[str, set[str]]:
    section = DOC.split("## Who imports whom", 1)[1]
    table = {}
    for row in re.findall(r"^\| (`.+?`) \| (.+?) \|$", section, re.M):
        layers, allowed = row
        names = set(re.findall(r"`([^`]+)`", allowed)) if "nothing" not in allowed else set()
        for name in re.findall(r"`([^`]+)`", layers):
            table[name] = names
    return table


def test_every_module_is_named_in_the_architecture_doc():
    missing = [m for m in modules() if f"`{m}`" not in DOC]
    assert missing == [], f"name these in docs/architecture.md: {missing}"


def test_the_import_table_is_the_real_import_graph():
    real: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        me = layer(path)
        real.setdefault(me, set()).update(imported_layers(path) - {me})
    real = {k: v for k, v in real.items() if v}
    table = documented_imports()
    undocumented = {k: sorted(v - table.get(k, set())) for k, v in real.items() if v - table.get(k, set())}
    unused = {k: sorted(v - real.get(k, set())) for k, v in table.items() if v - real.get(k, set())}
    assert undocumented == {}, f"imports docs/architecture.md does not allow: {undocumented}"
    assert unused == {}, f"allowances in docs/architecture.md that nothing uses: {unused}"
