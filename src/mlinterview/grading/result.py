"""What grading returns: plain frozen data, easy to print, store or serialise."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Status = Literal["covered", "partly", "missing"]


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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (used by ``mlinterview grade --batch``)."""
        data = asdict(self)
        data["score"] = round(self.score, 4)
        for point in data["key_points"]:
            point["similarity"] = round(point["similarity"], 4)
        return data
