"""One home for interface text: every table has the same keys and placeholders in English
and German, and no other module keeps a table of its own."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import Any

import pytest

import mlinterview
from mlinterview import translations

PACKAGE = Path(mlinterview.__file__).parent
TABLES = {
    name: value
    for name, value in vars(translations).items()
    if name.isupper() and isinstance(value, dict) and {"en", "de"} <= set(value)
}


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, inner in value.items():
            out.update(_leaves(inner, f"{path}.{key}"))
        return out
    return {path: value}


def test_the_tables_are_found() -> None:
    assert len(TABLES) >= 15
    assert {"WEB", "CLI_PRACTICE", "FEEDBACK", "KIT_LABELS", "MOCK_REPORT_LABELS"} <= set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_both_languages_have_the_same_keys_and_placeholders(name: str) -> None:
    english, german = _leaves(TABLES[name]["en"]), _leaves(TABLES[name]["de"])
    assert set(english) == set(german), set(english) ^ set(german)
    for key, text in english.items():
        if isinstance(text, str):
            assert _placeholders(text) == _placeholders(german[key]), (name, key)
            assert german[key].strip(), (name, key)


def test_no_other_module_keeps_a_translation_table() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "translations.py" or "bank" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                values = [v for v in node.values if isinstance(v, ast.Dict)]
                if (
                    {"en", "de"} <= keys
                    and len(values) >= 2
                    and all(len(v.keys) >= 3 for v in values)
                ):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, f"move these tables to mlinterview/translations.py: {offenders}"


def test_german_uses_real_umlauts() -> None:
    for name, table in TABLES.items():
        for key, text in _leaves(table["de"]).items():
            if isinstance(text, str):
                assert not re.search(r"\b(fuer|ueber|koennen|muessen|waehle)\b", text), (name, key)
