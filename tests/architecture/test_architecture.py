"""The layout is the architecture: who may import what (checked on the source, not by eye)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src/mlinterview"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "bank" not in p.relative_to(PACKAGE).parts[:1]]


def test_only_the_store_speaks_sql() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in _imports(path) if name.split(".")[0] in ("sqlalchemy", "alembic")
        )
        for path in _modules()
        if path.relative_to(PACKAGE).parts[0] != "store"
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_would_see_an_offender(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from sqlalchemy import select\n    return select\n")
    assert "sqlalchemy" in _imports(module)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package_imports(path: Path) -> set[str]:
    """Every import of one of our modules, also those deferred into functions: a lazy import
    that closes a circle is still a circle (it only moves the failure to run time)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("mlinterview")}


def test_no_import_circles() -> None:
    modules = {_module_name(p): p for p in _modules()}
    graph = {
        name: {dep for dep in _package_imports(path) if dep in modules and dep != name}
        for name, path in modules.items()
    }
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append([*trail[trail.index(dep) :], dep] if dep in trail else [node, dep])
            elif dep not in state:
                visit(dep, [*trail, dep])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
