"""What interviews need to know about a coding problem: a view over the judge's loader.

There is one problem loader (``judge.problems``); mock interviews and kits only need the
descriptive parts (title, statement, difficulty, linked cards, the names of the hidden
cases and the mistakes the wrong solutions embody), so this view never imports numpy and
never runs the reference solution.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from mlinterview.content.schema import Text

if TYPE_CHECKING:
    from mlinterview.judge.problems import Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


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


def info_of(problem: Problem) -> ProblemInfo:
    """The descriptive view of a problem the judge's loader validated."""
    from mlinterview.judge.problems import TESTS_FILE, TestsFile

    cases: tuple[str, ...] = ()
    try:
        raw = yaml.load((problem.folder / TESTS_FILE).read_text(encoding="utf-8"), Loader=_Loader)
        cases = tuple(case.description for case in TestsFile.model_validate(raw).cases)
    except (OSError, ValueError, yaml.YAMLError):
        pass  # the bank check names what is wrong with the tests file
    mistakes = tuple(
        text
        for text in (_mistake(path) for path in sorted(problem.folder.glob("wrong_*.py")))
        if text
    )
    return ProblemInfo(
        id=problem.id,
        title=problem.title,
        topic=problem.topic.value,
        difficulty=problem.difficulty.value,
        cards=problem.cards,
        function=problem.function,
        statement=problem.statement,
        examples=tuple(Example(dict(e.args), e.expected) for e in problem.examples),
        case_names=cases,
        mistakes=mistakes,
        time_seconds=problem.limits.time_seconds,
    )


def load_problems(bank_dir: Path | None = None) -> dict[str, ProblemInfo]:
    """Every valid problem, by id, in id order, read by the judge's one loader."""
    from mlinterview.judge.problems import load_problem_set, problems_dir

    found = load_problem_set(problems_dir(bank_dir)).problems
    return {problem_id: info_of(found[problem_id]) for problem_id in sorted(found)}


@lru_cache(maxsize=1)
def bundled_problems() -> dict[str, ProblemInfo]:
    """The problems shipped in the package, read once per process."""
    return load_problems()
