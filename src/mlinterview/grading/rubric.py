"""A rubric is what an answer is measured against: key points, misconceptions, a reference.

A bank card brings a real rubric (weighted key points with signal terms, misconceptions).
A free question brings only a reference answer. When the reference marks what earns points
("die Begrüßung (0.25 P)", "(je 0.5 Punkte)", "(1 pt)"), each marked phrase is a key point
with that weight; otherwise its sentences act as key points, each weighted by its length, so
grading and feedback work the same way for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mlinterview.content.schema import Card
from mlinterview.grading import text as tx


@dataclass(frozen=True)
class Point:
    id: str
    text: str
    weight: float
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Wrong:
    id: str
    claim: str
    correction: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rubric:
    """Everything in one language (the language the answer is written in)."""

    lang: str
    question: str
    reference: str
    points: tuple[Point, ...]
    wrongs: tuple[Wrong, ...]
    from_card: bool


def card_rubric(card: Card, lang: str) -> Rubric:
    lang = "de" if lang == "de" else "en"
    return Rubric(
        lang=lang,
        question=card.question.get(lang),
        reference=card.answer.get(lang),
        points=tuple(
            Point(p.id, p.text(lang), p.weight, tuple(p.terms.get(lang))) for p in card.key_points
        ),
        wrongs=tuple(
            Wrong(m.id, m.claim.get(lang), m.correction.get(lang), tuple(m.terms.get(lang)))
            for m in card.misconceptions
        ),
        from_card=True,
    )


def as_free(rubric: Rubric) -> Rubric:
    """The rubric as a question without one sees it: key points only, no terms, no misconceptions.

    The hand-labelled card answers measure the rubric-less path through this.
    """
    return replace(
        rubric,
        points=tuple(replace(p, terms=()) for p in rubric.points),
        wrongs=(),
        from_card=False,
    )


#: A point annotation in a reference: "(0.25 P)", "(je 0,5 Punkte)", "(0.25-0.5 P)", "(2 pts)".
POINT_MARK = re.compile(
    r"\(\s*(?:je|each)?\s*(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(\d+(?:[.,]\d+)?))?\s*"
    r"(?:P|Pkt|Punkte?|pts?|points?|marks?)\.?\s*\)",
    re.IGNORECASE,
)
_LEADING_JOIN = re.compile(r"^(?:und|oder|sowie|and|or)\s+", re.IGNORECASE)
#: Most key points taken from a reference.
MAX_REFERENCE_POINTS = 12


def strip_point_marks(text: str) -> str:
    """The reference as a model answer: point annotations removed."""
    stripped = POINT_MARK.sub("", text)
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"[ \t]+", " ", stripped)).strip()


def marked_points(reference: str) -> list[tuple[str, float]]:
    """(phrase, points) for every annotation: the words since the previous one or sentence."""
    out: list[tuple[str, float]] = []
    start = 0
    for mark in POINT_MARK.finditer(reference):
        before = tx.split_sentences(strip_point_marks(reference[start : mark.start()]))
        start = mark.end()
        if not before:
            continue
        phrase = _LEADING_JOIN.sub("", before[-1].strip(" ,;:-–"))
        value = float((mark.group(2) or mark.group(1)).replace(",", "."))
        if tx.words(phrase) and value > 0:
            out.append((phrase, value))
    return out


def reference_rubric(question: str, reference: str, lang: str) -> Rubric:
    """Key points from the reference: its marked phrases, else its sentences (at most 12)."""
    cleaned = tx.clean(reference)
    marked = marked_points(cleaned)
    if marked:
        weighted = marked[:MAX_REFERENCE_POINTS]
    else:
        sentences = tx.split_sentences(cleaned)
        if len(sentences) > MAX_REFERENCE_POINTS:
            longest = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
            sentences = [sentences[i] for i in sorted(longest[:MAX_REFERENCE_POINTS])]
        weighted = [(s, max(1.0, min(3.0, len(tx.words(s)) / 8.0))) for s in sentences]
    return Rubric(
        lang=lang,
        question=tx.clean(question),
        reference=strip_point_marks(cleaned) if marked else cleaned,
        points=tuple(Point(f"ref-{i + 1}", text, w) for i, (text, w) in enumerate(weighted)),
        wrongs=(),
        from_card=False,
    )
