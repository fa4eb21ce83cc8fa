"""Reading the bank from its YAML files, collecting every problem instead of raising.

A user editing a card wants every mistake at once, one line each, never a traceback; so
loading returns the valid cards *and* a list of ``BankIssue``s.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from mlinterview.content.schema import Card, Difficulty, Role, Source, Topic

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]


@dataclass(frozen=True)
class BankIssue:
    """One problem in one file, printed as ``file: field: what is wrong``."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


def default_bank_dir() -> Path:
    return Path(str(resources.files("mlinterview").joinpath("bank")))


def questions_dir(bank_dir: Path | None = None) -> Path:
    return (bank_dir or default_bank_dir()) / "questions"


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _format_location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(file)"


def _first_line(text: str) -> str:
    return " ".join(text.split())


def parse_card_file(path: Path, root: Path) -> tuple[Card | None, list[BankIssue]]:
    """Parse and validate one question file; never raises for bad content."""
    shown = _display(path, root)
    try:
        raw: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)
    except UnicodeDecodeError:
        return None, [BankIssue(shown, "(file)", "not valid UTF-8 text")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return None, [BankIssue(shown, where, f"invalid YAML: {_first_line(str(problem))}")]
    if not isinstance(raw, dict):
        return None, [BankIssue(shown, "(file)", "expected a mapping of fields at the top")]
    try:
        card = Card.model_validate(raw)
    except ValidationError as exc:
        issues = []
        for error in exc.errors():
            message = error["msg"]
            if error["type"] == "missing":
                message = "missing required field"
            elif error["type"] == "extra_forbidden":
                message = "unknown field (check the spelling)"
            issues.append(BankIssue(shown, _format_location(error["loc"]), message))
        return None, issues
    issues = []
    if path.stem != card.id:
        issues.append(
            BankIssue(shown, "id", f"id {card.id!r} must match the file name {path.stem!r}")
        )
    if path.parent.name != card.topic.value:
        issues.append(
            BankIssue(
                shown,
                "topic",
                f"topic {card.topic.value!r} must match the folder {path.parent.name!r}",
            )
        )
    return card, issues


@dataclass(frozen=True)
class Bank:
    """All valid cards, by id, in a stable order (topic order, then id)."""

    cards: dict[str, Card]
    issues: tuple[BankIssue, ...] = field(default=())

    def __iter__(self) -> Iterator[Card]:
        return iter(self.cards.values())

    def __len__(self) -> int:
        return len(self.cards)

    def get(self, card_id: str) -> Card | None:
        return self.cards.get(card_id)

    def filter(
        self,
        *,
        topic: Topic | str | None = None,
        role: Role | str | None = None,
        source: Source | str | None = None,
        difficulty: Difficulty | str | None = None,
    ) -> list[Card]:
        result = []
        for card in self.cards.values():
            if topic is not None and card.topic != Topic(topic):
                continue
            if role is not None and Role(role) not in card.roles:
                continue
            if source is not None and card.source != Source(source):
                continue
            if difficulty is not None and card.difficulty != Difficulty(difficulty):
                continue
            result.append(card)
        return result

    def search(self, text: str) -> list[Card]:
        """Cards whose id or text (either language) contains every word of ``text``.

        Matching folds case and accents, so ``uberanpassung`` finds ``Überanpassung``.
        """
        needles = fold(text).split()
        if not needles:
            return []
        return [
            card
            for card in self.cards.values()
            if all(needle in _haystack(card) for needle in needles)
        ]


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching (ß → ss, é → e, Ü → u)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1024)
def _haystack(card: Card) -> str:
    parts: list[str] = [card.id.replace("-", " "), card.topic.value]
    for lang in ("en", "de"):
        parts.append(card.question.get(lang))
        parts.append(card.answer.get(lang))
        parts.extend(point.text(lang) for point in card.key_points)
    return fold("\n".join(parts))


def _topic_order(card: Card) -> tuple[int, str]:
    return (list(Topic).index(card.topic), card.id)


def load_bank_from(paths: Iterable[Path], root: Path) -> Bank:
    cards: dict[str, Card] = {}
    first_file: dict[str, str] = {}
    issues: list[BankIssue] = []
    for path in sorted(paths):
        card, file_issues = parse_card_file(path, root)
        issues.extend(file_issues)
        if card is None:
            continue
        shown = _display(path, root)
        if card.id in cards:
            issues.append(
                BankIssue(shown, "id", f"duplicate id {card.id!r} (also in {first_file[card.id]})")
            )
            continue
        cards[card.id] = card
        first_file[card.id] = shown
    ordered = dict(sorted(cards.items(), key=lambda item: _topic_order(item[1])))
    return Bank(cards=ordered, issues=tuple(issues))


def card_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".yaml", ".yml"})


def load_bank(bank_dir: Path | None = None) -> Bank:
    root = questions_dir(bank_dir)
    return load_bank_from(card_files(root), root)


@lru_cache(maxsize=1)
def bundled_bank() -> Bank:
    """The bank shipped in the package, loaded once per process."""
    return load_bank()


def select_cards(
    cards: Iterable[Card], *, topic: str | None = None, role: str | None = None
) -> list[Card]:
    """Filter by topic and role, turning unknown names into a readable ValueError."""
    if topic is not None and topic not in {t.value for t in Topic}:
        topics = ", ".join(t.value for t in Topic)
        raise ValueError(f"unknown topic {topic!r}; choose one of: {topics}")
    if role is not None and role not in {r.value for r in Role}:
        roles = ", ".join(r.value for r in Role)
        raise ValueError(f"unknown role {role!r}; choose one of: {roles}")
    return [
        card
        for card in cards
        if (topic is None or card.topic.value == topic)
        and (role is None or Role(role) in card.roles)
    ]
