"""Verdicts and reports: what the judge tells a user about a submission.

Hidden tests are reported by number, verdict and time only. The report objects carry
their data solely when the caller asked to reveal it (the bank check does, for authors),
and :meth:`TestReport.to_json` never emits it for a hidden test.
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

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "index": self.index,
            "kind": self.kind,
            "verdict": self.verdict.value,
            "seconds": round(self.seconds, 6),
        }
        if self.kind == "hidden":
            return data
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
class JudgeResult:
    problem: str
    verdict: Verdict
    tests: tuple[TestReport, ...]
    seconds: float
    message: str | None = None  # e.g. the syntax error, or why the run was stopped
    traceback: str | None = None
    missing_layers: tuple[str, ...] = field(default=())

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    @property
    def passed_count(self) -> int:
        return sum(1 for test in self.tests if test.verdict.passed)

    def to_json(self) -> dict[str, Any]:
        return {
            "problem": self.problem,
            "verdict": self.verdict.value,
            "tests": [test.to_json() for test in self.tests],
            "seconds": round(self.seconds, 6),
            "message": self.message,
            "traceback": self.traceback,
            "missing_layers": list(self.missing_layers),
        }
