"""What happens to a typed answer during practice: feedback and a proposed rating."""

from __future__ import annotations

from dataclasses import dataclass

from mlinterview.content.schema import Card


@dataclass(frozen=True)
class PointStatus:
    id: str
    text: str
    status: str  # covered | partly | missing
    evidence: str | None = None  # the sentence of the answer that earned the point


@dataclass(frozen=True)
class Assessment:
    score: float
    feedback: str
    suggested_rating: int
    key_points: tuple[PointStatus, ...] = ()


def suggest_rating(score: float) -> int:
    """Map a feedback score to an FSRS rating; the user may always override it."""
    if score < 0.4:
        return 1
    if score < 0.65:
        return 2
    if score < 0.9:
        return 3
    return 4


def assess_answer(card: Card, answer: str, lang: str) -> Assessment:
    """Feedback from the grading engine: score, text and the status of every key point."""
    from mlinterview.grading.engine import grade_card

    result = grade_card(card, answer, lang)
    points = tuple(PointStatus(p.id, p.text, p.status, p.evidence) for p in result.key_points)
    return Assessment(result.score, result.feedback, suggest_rating(result.score), points)
