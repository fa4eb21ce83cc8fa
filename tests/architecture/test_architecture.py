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
