"""What grading returns: plain frozen data, easy to print, store or serialise."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Status = Literal["covered", "partly", "missing"]

#: Below this confidence a point found in the answer is reported as found on weak evidence.
#: On the labelled answers of the cards the rules were not fitted on, 70 % of the points
#: found below it are right, 96 % of those found above it.
WEAK_EVIDENCE = 0.8


@dataclass(frozen=True)
class KeyPointResult:
    """One rubric point: its status and the answer sentence that supports it."""

    id: str
    text: str
    status: Status
    evidence: str | None
    similarity: float
    weight: float = 1.0
    #: how sure the rule is that the point is there (0 when missing)
    confidence: float = 0.0

    @property
    def weak(self) -> bool:
        """Found (covered or partly), but on evidence the rule is not sure of."""
        return self.status != "missing" and self.confidence < WEAK_EVIDENCE


@dataclass(frozen=True)
class MisconceptionResult:
    """A wrong claim found in the answer, with the sentence that states it and the fix."""

    id: str
    claim: str
    evidence: str
    correction: str = ""


@dataclass(frozen=True)
class GradeResult:
    score: float
    feedback: str
    key_points: tuple[KeyPointResult, ...]
    misconceptions: tuple[MisconceptionResult, ...]
    language_detected: str | None
    backend: str
    truncated: bool = False
    #: which grader produced this (package, calibration and rules), so stored results compare
    engine: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (used by ``mlinterview grade --batch``)."""
        data = asdict(self)
        data["score"] = round(self.score, 4)
        for point, result in zip(data["key_points"], self.key_points, strict=True):
            point["similarity"] = round(point["similarity"], 4)
            point["weak_evidence"] = result.weak
        return data
