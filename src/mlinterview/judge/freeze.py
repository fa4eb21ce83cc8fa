"""``mlinterview bank freeze``: write a problem's tests as reviewed data.

Every hidden case ends up in ``tests.yaml`` with a content-derived id, a one-line reason
and its expected value, and every wrong solution with the ids of the cases that catch it
(learned from Exercism's canonical data: a reviewer reads the cases, not the code that made
them). The command is the only writer of ids, expected values and ``catches``; the bank
check then verifies them, so tests and solutions cannot drift apart silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from mlinterview.judge.problems import (
    TESTS_FILE,
    Problem,
    RandomCases,
    TestSet,
    args_digest,
    canonical_json,
    case_id,
    generate_random_args,
    generated_salt,
    reference_function,
    round_trip,
    run_trusted,
)

# A generated case larger than this (as JSON) is a speed test: kept as a digest, not inline.
INLINE_LIMIT = 3_000


@dataclass
class FreezeReport:
    problem: str
    cases: int = 0
    generated: int = 0
    replaced: list[str] = field(default_factory=list)
    catches: dict[str, list[str]] = field(default_factory=dict)
    changed: bool = False


def _shape(value: Any) -> str:
    if isinstance(value, list):
        inner = {_shape(v) for v in value[:50]}
        kind = inner.pop() if len(inner) == 1 else "mixed"
        return (
            f"{len(value)}x{kind}"
            if kind not in ("int", "float", "str", "bool")
            else (f"{len(value)} {kind}s")
        )
    return type(value).__name__


def _size_summary(args: dict[str, Any]) -> str:
    return ", ".join(f"{name}: {_shape(value)}" for name, value in args.items())


def _humanise(name: str) -> str:
    """A legacy case name as a sentence, the starting point a reviewer rewrites."""
    text = name.replace("-", " ").replace("_", " ").strip()
    text = (text[:1].upper() + text[1:]) if text else "Hand-written case"
    return text if len(text) >= 8 else f"Edge case: {text}"


def frozen_document(problem: Problem, raw: dict[str, Any]) -> tuple[dict[str, Any], FreezeReport]:
    """The new tests file for ``raw`` (the current one, legacy or frozen); no I/O."""
    report = FreezeReport(problem.id)
    reference = None
    cases_out: list[dict[str, Any]] = []
    for entry in raw.get("cases") or []:
        args = round_trip(entry["args"])
        if "expected" in entry:
            expected = round_trip(entry["expected"])
        else:
            reference = reference or reference_function(problem)
            expected = run_trusted(problem, reference, args)
        description = entry.get("description") or _humanise(str(entry.get("name", "")))
        new_id = case_id(problem.id, args, expected)
        out: dict[str, Any] = {"id": new_id, "description": description}
        old_id = entry.get("id")
        if old_id and old_id != new_id:
            out["replaces"] = old_id
            report.replaced.append(old_id)
        elif entry.get("replaces"):
            out["replaces"] = entry["replaces"]
        out["args"] = args
        out["expected"] = expected
        cases_out.append(out)
    document: dict[str, Any] = {"cases": cases_out}
    report.cases = len(cases_out)
    if raw.get("random"):
        random = RandomCases.model_validate(raw["random"])
        document["random"] = {"seed": random.seed, "count": random.count}
        generated, doc = generate_random_args(problem, random)
        reason = doc.rstrip(".") if doc else "Seeded random input"
        frozen = []
        for j, args in enumerate(generated):
            description = f"Random case {j + 1} of {random.count} (seed {random.seed}): {reason}"
            reference = reference or reference_function(problem)
            expected = run_trusted(problem, reference, args)
            salt = generated_salt(random.seed, j)
            if len(canonical_json(args)) + len(canonical_json(expected)) <= INLINE_LIMIT:
                frozen.append(
                    {
                        "id": case_id(problem.id, args, expected, salt=salt),
                        "description": description[:200],
                        "args": args,
                        "expected": expected,
                    }
                )
            else:
                digest = args_digest(args)
                frozen.append(
                    {
                        "id": case_id(problem.id, None, digest=digest, salt=salt),
                        "description": description[:200],
                        "size": _size_summary(args),
                        "args_sha256": digest,
                    }
                )
        document["generated"] = frozen
        report.generated = len(frozen)
    return document, report


def _catches(problem: Problem, tests: TestSet, judge: Any) -> dict[str, list[str]]:
    from mlinterview.judge.bank_check import failing_cases, wrong_solutions

    return {
        wrong.name: list(failing_cases(judge, problem, wrong.read_bytes(), tests))
        for wrong in wrong_solutions(problem)
    }


def dump_tests(document: dict[str, Any]) -> str:
    header = (
        "# Reviewed test data. Written by `mlinterview bank freeze`; edit cases by hand,\n"
        "# then freeze again: ids follow content, expected values and `catches` are checked.\n"
    )
    data = {key: value for key, value in document.items() if key != "wrong"}
    body = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100
    )
    if document.get("wrong"):  # one case id per line: the part a reviewer reads most
        body += yaml.safe_dump(
            {"wrong": document["wrong"]}, sort_keys=False, default_flow_style=False
        )
    return header + body


def freeze_problem(problem: Problem, judge: Any) -> FreezeReport:
    """Rewrite ``problem``'s tests file in the frozen form; say what changed."""
    from mlinterview.judge.problems import _YamlLoader, build_tests

    path = problem.folder / TESTS_FILE
    before = path.read_text(encoding="utf-8")
    raw = yaml.load(before, Loader=_YamlLoader) or {}
    document, report = frozen_document(problem, raw)
    path.write_text(dump_tests(document), encoding="utf-8")
    try:
        tests = build_tests(problem)
        report.catches = _catches(problem, tests, judge)
    except Exception:
        path.write_text(before, encoding="utf-8")
        raise
    document["wrong"] = {name: {"catches": ids} for name, ids in report.catches.items() if ids}
    text = dump_tests(document)
    path.write_text(text, encoding="utf-8")
    report.changed = text != before
    return report


def freeze_all(problems: dict[str, Problem], ids: list[str], judge: Any) -> list[FreezeReport]:
    chosen = ids or sorted(problems)
    unknown = [i for i in chosen if i not in problems]
    if unknown:
        raise KeyError(f"no problem {unknown[0]!r}")
    return [freeze_problem(problems[i], judge) for i in chosen]
