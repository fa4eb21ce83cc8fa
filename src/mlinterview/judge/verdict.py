"""Verdicts and reports: what the judge tells a user about a submission.

Hidden tests are reported as a count and the name of the first failing one
(:class:`HiddenSummary`): per-test verdicts and times would be an oracle for their data.
Per-test reports of hidden tests exist only when the caller asked to reveal them (the
bank check does, for authors), and :meth:`TestReport.to_dict` never emits their data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal


class Verdict(StrEnum):
    ACCEPTED = "Accepted"
    WRONG_ANSWER = "Wrong Answer"
    RUNTIME_ERROR = "Runtime Error"
    TIME_LIMIT = "Time Limit"
    MEMORY_LIMIT = "Memory Limit"
    OUTPUT_LIMIT = "Output Limit"
    COMPILE_ERROR = "Compile Error"
    JUDGE_ERROR = "Judge Error"
    NOT_RUN = "Not Run"  # per test only: an earlier failure stopped the run

    @property
    def passed(self) -> bool:
        return self is Verdict.ACCEPTED


TestKind = Literal["example", "hidden"]


@dataclass(frozen=True)
class TestReport:
    index: int  # 1-based over examples then hidden tests
    kind: TestKind
    verdict: Verdict
    seconds: float
    name: str | None = None
    input: dict[str, Any] | None = None
    expected: Any = None
    got: Any = None
    detail: str | None = None  # why the answer is wrong, e.g. "at [2]: expected 3, got 4"
    error: str | None = None
    traceback: str | None = None
    stdout: str | None = None

    def to_dict(self) -> dict[str, Any]:
        if self.kind == "hidden":  # only revealed reports exist; still, nothing leaves
            return {"index": self.index, "kind": self.kind}
        data: dict[str, Any] = {
            "index": self.index,
            "kind": self.kind,
            "verdict": self.verdict.value,
            "seconds": round(self.seconds, 6),
        }
        data.update(
            input=self.input,
            expected=self.expected,
            got=self.got,
            detail=self.detail,
            error=self.error,
            traceback=self.traceback,
            stdout=self.stdout,
        )
        return data


@dataclass(frozen=True)
class HiddenSummary:
    """All a user learns about the hidden tests."""

    total: int
    passed: int
    first_failure: str | None  # the name of the first failing test, in the problem's order

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "passed": self.passed, "first_failure": self.first_failure}


@dataclass(frozen=True)
class JudgeResult:
    problem: str
    verdict: Verdict
    tests: tuple[TestReport, ...]  # the examples (and hidden tests only when revealed)
    seconds: float
    message: str | None = None  # e.g. the syntax error, or why the run was stopped
    traceback: str | None = None
    missing_layers: tuple[str, ...] = field(default=())
    hidden: HiddenSummary | None = None

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    @property
    def examples(self) -> tuple[TestReport, ...]:
        return tuple(test for test in self.tests if test.kind == "example")

    @property
    def passed_count(self) -> int:
        """Examples passed plus hidden tests passed."""
        hidden = self.hidden.passed if self.hidden is not None else 0
        return sum(1 for test in self.examples if test.verdict.passed) + hidden

    @property
    def total_count(self) -> int:
        hidden = self.hidden.total if self.hidden is not None else 0
        return len(self.examples) + hidden

    def to_dict(self) -> dict[str, Any]:
        return {
            "problem": self.problem,
            "verdict": self.verdict.value,
            "tests": [test.to_dict() for test in self.tests],
            "hidden": self.hidden.to_dict() if self.hidden is not None else None,
            "seconds": round(self.seconds, 6),
            "message": self.message,
            "traceback": self.traceback,
            "missing_layers": list(self.missing_layers),
        }
