"""What interviews need to know about a coding problem, read straight from its folder.

The judge owns running and verifying problems; mock interviews and kits only need the
descriptive parts (title, statement, difficulty, linked cards, the names of the hidden
cases and the mistakes the wrong solutions embody), so this reader is small, never
imports numpy and never touches the reference solution's code.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from mlinterview.content.loader import default_bank_dir
from mlinterview.content.schema import Text

try:
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]


@dataclass(frozen=True)
class Example:
    args: dict[str, Any]
    expected: Any


@dataclass(frozen=True)
class ProblemInfo:
    id: str
    title: Text
    topic: str
    difficulty: str
    cards: tuple[str, ...]
    function: str
    statement: Text
    examples: tuple[Example, ...]
    case_names: tuple[str, ...]
    mistakes: tuple[str, ...]  # first docstring line of each wrong solution (English only)
    time_seconds: float


def problems_dir(bank_dir: Path | None = None) -> Path:
    return (bank_dir or default_bank_dir()) / "problems"


def _load_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)


def _mistake(path: Path) -> str | None:
    """The wrong solution's docstring names its mistake; keep it without the 'Wrong:'."""
    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    except (SyntaxError, UnicodeDecodeError):
        return None
    if not doc:
        return None
    first = " ".join(doc.strip().split("\n\n")[0].split())
    for prefix in ("Wrong:", "wrong:"):
        if first.startswith(prefix):
            first = first[len(prefix) :].strip()
    return first[:1].upper() + first[1:] if first else None


def read_problem(folder: Path) -> ProblemInfo | None:
    """One problem folder, or None when it is not a complete problem (the bank check says why)."""
    meta_path = folder / "problem.yaml"
    if not meta_path.is_file():
        return None
    try:
        meta = _load_yaml(meta_path)
        tests = _load_yaml(folder / "tests.yaml") if (folder / "tests.yaml").is_file() else {}
        title = Text.model_validate(meta["title"])
        statement = Text.model_validate(meta["statement"])
        examples = tuple(
            Example(dict(item.get("args", {})), item.get("expected"))
            for item in meta.get("examples") or ()
        )
        case_names = tuple(
            str(case["name"]) for case in (tests or {}).get("cases") or () if "name" in case
        )
        mistakes = tuple(
            text for text in (_mistake(path) for path in sorted(folder.glob("wrong_*.py"))) if text
        )
        return ProblemInfo(
            id=str(meta["id"]),
            title=title,
            topic=str(meta["topic"]),
            difficulty=str(meta["difficulty"]),
            cards=tuple(str(card) for card in meta.get("cards") or ()),
            function=str(meta["function"]),
            statement=statement,
            examples=examples,
            case_names=case_names,
            mistakes=mistakes,
            time_seconds=float((meta.get("limits") or {}).get("time_seconds", 2.0)),
        )
    except (KeyError, TypeError, ValueError, yaml.YAMLError, AttributeError):
        return None


def load_problems(bank_dir: Path | None = None) -> dict[str, ProblemInfo]:
    """Every readable problem, by id, in id order."""
    root = problems_dir(bank_dir)
    if not root.is_dir():
        return {}
    found: dict[str, ProblemInfo] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        info = read_problem(folder)
        if info is not None:
            found[info.id] = info
    return found


@lru_cache(maxsize=1)
def bundled_problems() -> dict[str, ProblemInfo]:
    """The problems shipped in the package, read once per process."""
    return load_problems()
