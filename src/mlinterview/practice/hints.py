"""Hints for a coding problem, revealed one at a time; their use is stored so a solve
after a hint is shown apart from an unaided one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HintResult:
    """The hints a candidate has seen for one problem, in order, and how many exist."""

    problem: str
    shown: tuple[str, ...]
    total: int
    new: bool  # this request revealed the last of ``shown``

    @property
    def remaining(self) -> int:
        return self.total - len(self.shown)

    def to_dict(self) -> dict[str, Any]:
        return {
            "problem": self.problem,
            "shown": list(self.shown),
            "total": self.total,
            "remaining": self.remaining,
            "new": self.new,
        }
