"""A summary of every card, cached as JSON, for the commands that only list and filter.

``mlinterview list`` needs ids, topics, roles and questions, not validated models:
reading this index costs a few milliseconds, against ~100 ms for pydantic plus the full
bank, and it grows far more slowly with the bank. It is rebuilt from the validated bank
whenever any card file's (mtime, size) changes or a file comes or goes, so it never
disagrees with the bank. This module imports nothing heavy.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlinterview.content.paths import questions_dir

if TYPE_CHECKING:
    from mlinterview.content.loader import Bank
    from mlinterview.content.schema import Card

INDEX_VERSION = 2


@dataclass(frozen=True)
class CardEntry:
    """What listing and filtering need of a card."""

    id: str
    topic: str
    source: str
    roles: tuple[str, ...]
    difficulty: str
    languages: tuple[str, ...]
    question: dict[str, str]
    labs: tuple[str, ...]
    problems: tuple[str, ...]
    section: str | None = None

    @classmethod
    def of(cls, card: Card) -> CardEntry:
        return cls(
            id=card.id,
            topic=card.topic.value,
            source=card.source.value,
            roles=tuple(role.value for role in card.roles),
            difficulty=card.difficulty.value,
            languages=tuple(card.languages),
            question={lang: card.question.get(lang) for lang in ("en", "de")},
            labs=tuple(card.labs),
            problems=tuple(card.problems),
            section=card.section.value if card.section is not None else None,
        )

    def summary(self, lang: str = "en") -> dict[str, Any]:
        """The same plain data as ``views.card_summary`` (the JSON of ``list``)."""
        return {
            "id": self.id,
            "topic": self.topic,
            "source": self.source,
            "roles": list(self.roles),
            "difficulty": self.difficulty,
            "languages": list(self.languages),
            "question": self.question.get(lang) or self.question["en"],
            "labs": list(self.labs),
            "problems": list(self.problems),
            "section": self.section,
        }


def _stamps(root: Path) -> dict[str, list[int]]:
    """(mtime, size) of every card file, by path relative to ``root``."""
    found: dict[str, list[int]] = {}
    try:
        folders = [entry for entry in os.scandir(root) if entry.is_dir()]
    except OSError:
        return found
    for folder in folders:
        with os.scandir(folder.path) as entries:
            for entry in entries:
                if entry.name.endswith((".yaml", ".yml")) and entry.is_file():
                    info = entry.stat()
                    found[f"{folder.name}/{entry.name}"] = [info.st_mtime_ns, info.st_size]
    return found


def _cache_file(root: Path) -> Path:
    from hashlib import sha256

    from platformdirs import user_cache_dir

    digest = sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return Path(user_cache_dir("mlinterview", appauthor=False)) / f"index-{digest}.json"


def entries_of(bank: Bank) -> list[CardEntry]:
    return [CardEntry.of(card) for card in bank]


def card_entries(bank_dir: Path | None = None) -> list[CardEntry]:
    """Every valid card of the bank in bank order, from the cache when it is current."""
    root = questions_dir(bank_dir)
    stamps = _stamps(root)
    path = _cache_file(root)
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached.get("version") == INDEX_VERSION and cached.get("stamps") == stamps:
            return [
                CardEntry(
                    **{
                        **item,
                        **{k: tuple(item[k]) for k in ("roles", "languages", "labs", "problems")},
                    }
                )
                for item in cached["cards"]
            ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    from mlinterview.content.loader import bundled_bank, load_bank

    bank = bundled_bank() if bank_dir is None else load_bank(bank_dir, use_cache=True)
    entries = entries_of(bank)
    data = {"version": INDEX_VERSION, "stamps": stamps, "cards": [asdict(e) for e in entries]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_suffix(f".{os.getpid()}.tmp")
        scratch.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(scratch, path)
    except OSError:
        pass
    return entries
