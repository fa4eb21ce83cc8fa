"""Finding cards: bilingual, spelling-tolerant, ranked.

A search word matches a card when the card holds a word with the same stem (English or
German Snowball, after folding case and accents and turning British "-ise" into "-ize"),
a word that starts with it ("überanpass" finds "überanpasst"), or a word the glossary
pairs with it in the other language ("Überanpassung" finds "Overfitting"). Every search
word must match. Cards rank by where the words matched: in the id or the question counts
most, then key points, then the answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlinterview.content.schema import Card

_WORD = re.compile(r"\w+", re.UNICODE)
_ISE = re.compile(r"(?<=[a-z]{3})(is|ys)(e|es|ed|ing|ation|ations|er|ers)$")
FIELD_WEIGHTS = {"title": 3.0, "points": 2.0, "answer": 1.0}


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching (ß → ss, é → e, Ü → u)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _stemmers() -> tuple[object, object]:
    import snowballstemmer

    return snowballstemmer.stemmer("english"), snowballstemmer.stemmer("german")


@lru_cache(maxsize=100_000)
def stems(word: str) -> frozenset[str]:
    """The English and German stems of one folded word (British spelling made American)."""
    english, german = _stemmers()
    american = _ISE.sub(lambda m: ("iz" if m.group(1) == "is" else "yz") + m.group(2), word)
    found = {word}
    if len(word) > 3:
        found.add(english.stemWord(american))  # type: ignore[attr-defined]
        found.add(german.stemWord(word))  # type: ignore[attr-defined]
    return frozenset(found)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@lru_cache(maxsize=1)
def glossary() -> dict[str, frozenset[str]]:
    """Folded word or phrase -> every other name of the same term (``bank/glossary.yaml``)."""
    import yaml

    from mlinterview.content.paths import default_bank_dir

    path = Path(default_bank_dir()) / "glossary.yaml"
    try:
        groups = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError):
        return {}
    table: dict[str, frozenset[str]] = {}
    for group in groups:
        names = frozenset(fold(str(name)) for name in group)
        for name in names:
            table[name] = table.get(name, frozenset()) | names
    return table


@dataclass(frozen=True)
class Indexed:
    """A card's searchable words per field, as stems and as folded words."""

    stems: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]
    text: dict[str, str]


@lru_cache(maxsize=4096)
def indexed(card: Card) -> Indexed:
    fields = {
        "title": [card.id.replace("-", " "), card.topic.value]
        + [card.question.get(lang) for lang in ("en", "de")],
        "points": [point.text(lang) for point in card.key_points for lang in ("en", "de")],
        "answer": [card.answer.get(lang) for lang in ("en", "de")],
    }
    # Hyphens become spaces so a phrase ("reinforcement learning") also matches inside a
    # hyphenated compound ("Reinforcement-Learning-Schleife"), as the query is split too.
    text = {name: fold("\n".join(parts)).replace("-", " ") for name, parts in fields.items()}
    found = {name: frozenset(_WORD.findall(value)) for name, value in text.items()}
    stemmed = {
        name: frozenset(s for word in values for s in stems(word)) for name, values in found.items()
    }
    return Indexed(stemmed, found, text)


def _american(term: str) -> str:
    return " ".join(
        _ISE.sub(lambda m: ("iz" if m.group(1) == "is" else "yz") + m.group(2), word)
        for word in term.split()
    )


def _alternatives(term: str) -> list[str]:
    """The term itself and its glossary partners (phrases included); British spellings
    look up their American glossary entry."""
    partners = glossary().get(term, frozenset()) | glossary().get(_american(term), frozenset())
    return [term, *sorted(partners - {term})]


def _field_match(term: str, card: Indexed, field: str) -> bool:
    for alternative in _alternatives(term):
        parts = alternative.split()
        if len(parts) > 1:
            if alternative in card.text[field]:
                return True
            continue
        if stems(alternative) & card.stems[field]:
            return True
        if len(alternative) >= 4 and any(w.startswith(alternative) for w in card.words[field]):
            return True
    return False


def _terms(query: str) -> list[str]:
    """Search words, keeping glossary phrases ("decision tree") together."""
    folded = " ".join(words(query))
    terms: list[str] = []
    for phrase in sorted((p for p in glossary() if " " in p), key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", folded):
            terms.append(phrase)
            folded = re.sub(rf"\b{re.escape(phrase)}\b", " ", folded)
    return terms + folded.split()


def rank(cards: Iterable[Card], query: str) -> list[Card]:
    """Cards matching every word of ``query``, best first (ties keep the bank's order)."""
    terms = _terms(query)
    if not terms:
        return []
    scored: list[tuple[float, int, Card]] = []
    for order, card in enumerate(cards):
        entry = indexed(card)
        score = 0.0
        for term in terms:
            hits = [f for f in FIELD_WEIGHTS if _field_match(term, entry, f)]
            if not hits:
                break
            score += max(FIELD_WEIGHTS[f] for f in hits)
        else:
            scored.append((-score, order, card))
    return [card for _, _, card in sorted(scored, key=lambda item: (item[0], item[1]))]


def matched_words(text: str, query: str) -> set[str]:
    """The words of ``text`` a query matched, for highlighting (folded forms compared)."""
    terms = _terms(query)
    found: set[str] = set()
    for word in _WORD.findall(text):
        key = fold(word)
        for term in terms:
            for alternative in _alternatives(term):
                if " " in alternative:
                    if key in alternative.split():
                        found.add(word)
                elif stems(alternative) & stems(key) or (
                    len(alternative) >= 4 and key.startswith(alternative)
                ):
                    found.add(word)
    return found
