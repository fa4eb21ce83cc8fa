"""From what the trusted side observed to a verdict, believing nothing the child says.

The rules, in order of trust:

- Only an output that compares equal, returned within the time limit *as measured by the
  trusted side*, passes a test. Accepted means every test passed; there is no other path.
- Time Limit, Output Limit and crashes are what the trusted side itself saw (its deadline,
  the reply's size, the pipe closing). The child's own account of a failure ("error",
  "memory", a traceback) is shown for the visible examples, which ran before the child
  held any hidden input; for hidden tests it only means "no value returned".
- Hidden tests report a count and the name of the first failing one (in the problem's
  order, not the shuffled order they ran in), never their data, verdicts or times; crash
  messages in the hidden part are fixed text.
"""

from __future__ import annotations

import json
import os
import signal
from dataclasses import dataclass
from typing import Any

from mlinterview.judge import protocol
from mlinterview.judge.conversation import Exchange, Failure, Outcome
from mlinterview.judge.problems import Problem, TestCase
from mlinterview.judge.verdict import HiddenSummary, JudgeResult, TestReport, Verdict

SHOWN_VALUE = 2000  # characters of a returned value shown or stored

LOAD_VERDICT = {
    "compile": Verdict.COMPILE_ERROR,
    "runtime": Verdict.RUNTIME_ERROR,
    "timeout": Verdict.TIME_LIMIT,
    "memory": Verdict.MEMORY_LIMIT,
    "output": Verdict.OUTPUT_LIMIT,
}
CLAIMED_VERDICT = {  # the child's account of a failed example
    "error": Verdict.RUNTIME_ERROR,
    "timeout": Verdict.TIME_LIMIT,
    "memory": Verdict.MEMORY_LIMIT,
    "output": Verdict.OUTPUT_LIMIT,
    "unsupported": Verdict.WRONG_ANSWER,
}
OBSERVED_VERDICT: dict[Failure, Verdict] = {
    "timeout": Verdict.TIME_LIMIT,
    "output": Verdict.OUTPUT_LIMIT,
    "protocol": Verdict.RUNTIME_ERROR,
    "crash": Verdict.RUNTIME_ERROR,
}
HIDDEN_MESSAGE = {
    Verdict.WRONG_ANSWER: "a hidden test got a wrong answer",
    Verdict.RUNTIME_ERROR: "a hidden test returned no value (an exception, a crash or no memory)",
    Verdict.TIME_LIMIT: "a hidden test ran past the time limit",
    Verdict.OUTPUT_LIMIT: "a hidden test returned or printed more than the output limit",
}


@dataclass(frozen=True)
class Judged:
    """One test after the trusted side's rules: its verdict and what may be shown of it."""

    verdict: Verdict
    seconds: float
    got: Any = None
    detail: str | None = None
    error: str | None = None
    traceback: str | None = None
    stdout: str | None = None


def _text(value: Any) -> str | None:
    return value[: protocol.SHOWN_TEXT] if type(value) is str and value else None


def shown_value(value: Any) -> Any:
    """A returned value as it may be printed or stored: long ones are cut to a string."""
    try:
        text = json.dumps(value, allow_nan=True)
    except (TypeError, ValueError, RecursionError):
        return "(a value that cannot be shown)"
    if len(text) <= SHOWN_VALUE:
        return value
    return f"{text[:SHOWN_VALUE]}… (cut, {len(text):,} characters)"


def _well_formed(reply: Any) -> bool:
    if type(reply) is not dict:
        return False
    if "output" in reply:
        return set(reply) <= {"output", "stdout"} and type(reply.get("stdout", "")) is str
    if reply.get("failed") not in protocol.FAIL_KINDS:
        return False
    allowed = {"failed", "error", "traceback", "stdout"}
    return set(reply) <= allowed and all(
        type(reply.get(k, "")) is str for k in allowed - {"failed"}
    )


def judge_exchange(
    problem: Problem, test: TestCase, exchange: Exchange, *, hidden: bool = False
) -> Judged:
    """The verdict of one test from the reply and the trusted side's own clock.

    For a hidden test the child's account of a failure is not believed: no value
    returned is a Runtime Error, or a Time Limit when our clock says so.
    """
    limit = problem.limits.time_seconds
    seconds = exchange.seconds
    if exchange.failure is not None:
        return Judged(OBSERVED_VERDICT[exchange.failure], seconds, error=_observed(exchange))
    reply = exchange.reply
    if not _well_formed(reply):
        return Judged(Verdict.RUNTIME_ERROR, seconds, error="the child sent a malformed reply")
    stdout = _text(reply.get("stdout"))
    if "output" not in reply:
        if hidden:  # its story is kept for the bank check's authors, never shown to users
            verdict = Verdict.TIME_LIMIT if seconds > limit else Verdict.RUNTIME_ERROR
            return Judged(verdict, seconds, error=_text(reply.get("error")))
        verdict = CLAIMED_VERDICT[reply["failed"]]
        if seconds > limit:
            verdict = Verdict.TIME_LIMIT
        elif verdict is Verdict.TIME_LIMIT:
            verdict = Verdict.RUNTIME_ERROR  # it says it ran out of time; our clock disagrees
        return Judged(
            verdict,
            seconds,
            detail=_text(reply.get("error")) if reply["failed"] == "unsupported" else None,
            error=_text(reply.get("error")) if reply["failed"] != "unsupported" else None,
            traceback=_text(reply.get("traceback")),
            stdout=stdout,
        )
    output = reply["output"]
    try:
        detail = problem.compare.check(test.expected, output)
    except Exception as exc:  # a comparison that fails is a mismatch, never a crash
        detail = f"the value could not be compared ({type(exc).__name__})"
    if detail:
        return Judged(
            Verdict.WRONG_ANSWER, seconds, shown_value(output), _text(detail), stdout=stdout
        )
    if seconds > limit:
        return Judged(
            Verdict.TIME_LIMIT,
            seconds,
            shown_value(output),
            error=f"took {seconds:.2f} s; the limit per test is {limit:g} s",
            stdout=stdout,
        )
    return Judged(Verdict.ACCEPTED, seconds, shown_value(output), stdout=stdout)


def _observed(exchange: Exchange) -> str:
    return {
        "timeout": "stopped by the judge at the time limit",
        "output": "the reply exceeded the output limit",
        "protocol": "the child broke the judge's protocol",
        "crash": "the process ended before it answered",
    }[exchange.failure or "crash"]


def _signal_name(status: int | None) -> str:
    if status is None:
        return "status unknown"
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            return f"killed by signal {signal.Signals(number).name}"
        except ValueError:
            return f"killed by signal {number}"
    if os.WIFEXITED(status):
        return f"exit status {os.WEXITSTATUS(status)}"
    return f"wait status {status}"


def assemble(
    problem: Problem,
    examples: tuple[TestCase, ...],
    hidden: tuple[TestCase, ...],
    order: list[int],
    outcome: Outcome,
    seconds: float,
    missing: tuple[str, ...],
    reveal: bool = False,
) -> JudgeResult:
    """The verdict: the first failing example decides, then the hidden tests as a whole.

    ``order`` lists the hidden tests' positions in the order they were sent (shuffled).
    """

    def result(verdict: Verdict, **extra: Any) -> JudgeResult:
        return JudgeResult(
            problem=problem.id, verdict=verdict, seconds=seconds, missing_layers=missing, **extra
        )

    def not_run() -> dict[str, Any]:
        reports = tuple(_not_run(i, t) for i, t in enumerate(examples, start=1))
        summary = HiddenSummary(len(hidden), 0, None) if hidden else None
        return {"tests": reports, "hidden": summary}

    if outcome.setup_error is not None:
        return result(
            Verdict.JUDGE_ERROR,
            message="the sandbox could not be set up; this is a judge problem, not yours "
            f"({outcome.setup_error})",
            **not_run(),
        )
    if outcome.judge_error is not None:
        return result(
            Verdict.JUDGE_ERROR,
            message=f"{outcome.judge_error}; this is a judge problem, not yours: try again",
            **not_run(),
        )
    load = outcome.load
    if outcome.load_failure is not None or type(load) is not dict or load.get("loaded") is not True:
        load_verdict, load_message, trace = _load_verdict(problem, outcome)
        return result(load_verdict, message=load_message, traceback=trace, **not_run())

    seen_example: dict[int, Judged] = {}
    seen_hidden: dict[int, Judged] = {}
    for exchange in outcome.exchanges:
        if exchange.test < len(examples):
            test = examples[exchange.test]
            seen_example[exchange.test] = judge_exchange(problem, test, exchange)
        else:
            position = order[exchange.test - len(examples)]
            seen_hidden[position] = judge_exchange(problem, hidden[position], exchange, hidden=True)
    stop = next((e.failure for e in outcome.exchanges if e.failure is not None), None)

    reports: list[TestReport] = []
    verdict: Verdict | None = None
    for index, test in enumerate(examples, start=1):
        seen = seen_example.get(index - 1)
        if seen is None:
            reports.append(_not_run(index, test))
            continue
        reports.append(
            TestReport(
                index, "example", seen.verdict, seen.seconds, test.name, test.args, test.expected,
                seen.got, seen.detail, seen.error, seen.traceback, seen.stdout,
            )
        )  # fmt: skip
        if verdict is None and not seen.verdict.passed:
            verdict = seen.verdict
    message: str | None = None
    if verdict is not None:
        message = "an example failed" if stop is None else f"{OBSERVED_TEXT[stop]} on an example"

    summary: HiddenSummary | None = None
    if hidden:
        passed = 0
        first_failure: TestCase | None = None
        first_verdict: Verdict | None = None
        for position, test in enumerate(hidden):
            seen = seen_hidden.get(position)
            if seen is not None and seen.verdict.passed:
                passed += 1
            elif first_failure is None:
                first_failure = test
                first_verdict = seen.verdict if seen is not None else None
        summary = HiddenSummary(len(hidden), passed, first_failure.name if first_failure else None)
        if first_failure is not None and verdict is None:
            hidden_stop = next(
                (e.failure for e in outcome.exchanges if e.failure and e.test >= len(examples)),
                None,
            )
            verdict = (
                OBSERVED_VERDICT[hidden_stop] if hidden_stop else first_verdict
            ) or Verdict.RUNTIME_ERROR
            if verdict not in HIDDEN_MESSAGE:
                verdict = Verdict.RUNTIME_ERROR
            message = (
                f"{HIDDEN_MESSAGE[verdict]}: {passed} of {len(hidden)} hidden tests "
                f"passed; the first that failed: {first_failure.name}"
            )
        if reveal:
            for position, test in enumerate(hidden):
                number = len(examples) + 1 + position
                seen = seen_hidden.get(position)
                if seen is None:
                    reports.append(_not_run(number, test))
                    continue
                reports.append(
                    TestReport(
                        number, "hidden", seen.verdict, seen.seconds, test.name, test.args,
                        test.expected, seen.got, seen.detail, seen.error, seen.traceback,
                    )
                )  # fmt: skip

    if verdict is None:
        outcomes = [seen_example.get(i) for i in range(len(examples))]
        outcomes += [seen_hidden.get(i) for i in range(len(hidden))]
        if all(seen is not None and seen.verdict.passed for seen in outcomes):
            verdict = Verdict.ACCEPTED
        else:  # cannot happen: a test without a pass always names a verdict above
            verdict, message = Verdict.JUDGE_ERROR, "the judge lost track of a test"
    return result(verdict, tests=tuple(reports), hidden=summary, message=message)


def _not_run(index: int, test: TestCase) -> TestReport:
    return TestReport(index, test.kind, Verdict.NOT_RUN, 0.0, test.name, test.args, test.expected)


#: What the trusted side saw stop a visible example ("... on an example").
OBSERVED_TEXT: dict[Failure, str] = {
    "timeout": "stopped at the time limit",
    "output": "the reply exceeded the output limit",
    "protocol": "the submission broke the judge's protocol",
    "crash": "the process ended",
}


def _load_verdict(problem: Problem, outcome: Outcome) -> tuple[Verdict, str, str | None]:
    """Loading runs before any test input reached the child, so its story may be shown."""
    failure = outcome.load_failure
    if failure == "timeout" or outcome.load_seconds > problem.limits.time_seconds + 0.5:
        return Verdict.TIME_LIMIT, "the module's top level ran past the time limit", None
    if failure == "output":
        return Verdict.OUTPUT_LIMIT, "the reply exceeded the output limit", None
    if failure == "crash":
        return (
            Verdict.RUNTIME_ERROR,
            f"the process ended while loading ({_signal_name(outcome.status)})",
            None,
        )
    fatal = outcome.load.get("fatal") if type(outcome.load) is dict else None
    if (
        failure is None
        and type(fatal) is dict
        and fatal.get("kind") in LOAD_VERDICT
        and all(type(fatal.get(k, "")) is str for k in ("message", "traceback"))
    ):
        message = _text(fatal.get("message")) or fatal["kind"]
        return LOAD_VERDICT[fatal["kind"]], message, _text(fatal.get("traceback"))
    return Verdict.RUNTIME_ERROR, "the submission broke the judge's protocol while loading", None
