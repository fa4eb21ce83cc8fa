"""What happens to a typed answer during practice: the grade and the rating it suggests."""

from __future__ import annotations

from dataclasses import dataclass

from mlinterview.content.schema import Card
from mlinterview.grading.result import GradeResult, KeyPointResult


@dataclass(frozen=True)
class PracticeResult:
    """A graded practice answer: the grader's own result plus the FSRS rating it suggests
    (the candidate may always override it). No second copy of the grade's fields."""

    grade: GradeResult
    suggested_rating: int

    @property
    def score(self) -> float:
        return self.grade.score

    @property
    def feedback(self) -> str:
        return self.grade.feedback

    @property
    def key_points(self) -> tuple[KeyPointResult, ...]:
        return self.grade.key_points


def suggest_rating(score: float) -> int:
    """Map a feedback score to an FSRS rating; the user may always override it."""
    if score < 0.4:
        return 1
    if score < 0.65:
        return 2
    if score < 0.9:
        return 3
    return 4


def assess_answer(card: Card, answer: str, lang: str) -> PracticeResult:
    """Feedback from the grading engine: score, text and the status of every key point."""
    from mlinterview.grading.engine import grade_card

    result = grade_card(card, answer, lang)
    return PracticeResult(result, suggest_rating(result.score))
