"""A rubric is what an answer is measured against: key points, misconceptions, a reference.

A bank card brings a real rubric (weighted key points with signal terms, misconceptions).
A free question brings only a reference answer; its sentences then act as key points, each
weighted by its length, so grading and feedback work the same way for both.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def reference_rubric(question: str, reference: str, lang: str) -> Rubric:
    """Key points from the reference answer's sentences (at most 12, longest first kept)."""
    sentences = tx.split_sentences(tx.clean(reference))
    if len(sentences) > 12:
        keep = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))[:12]
        sentences = [sentences[i] for i in sorted(keep)]
    points = tuple(
        Point(f"ref-{i + 1}", s, max(1.0, min(3.0, len(tx.words(s)) / 8.0)))
        for i, s in enumerate(sentences)
    )
    return Rubric(
        lang=lang,
        question=tx.clean(question),
        reference=tx.clean(reference),
        points=points,
        wrongs=(),
        from_card=False,
    )
