"""The judge's part of ``mlinterview bank check``: problems must be valid and their tests must bite.

Runs as a hook of :mod:`mlinterview.content.check`. Rules:

- ``problem.yaml`` and ``tests.yaml`` follow the schema (``file: field: message``);
- every card a problem names exists, and every problem a card names exists, and each
  link is written on both sides (a candidate reaches the problem from the card and back);
- a reference that imports torch declares tensors, so the judge with torch loaded runs it;
- ``reference.py`` exists and passes every example and hidden test *in the sandbox*;
- there is at least one ``wrong_*.py``, each with a docstring naming the mistake, and each
  fails at least one hidden test (proof that the hidden tests can fail);
- ``tests.yaml`` names, under ``wrong:``, exactly the cases that catch each wrong solution
  (``catches:``), so a reviewer sees which case exists for which mistake and a case that
  stops catching anything is noticed.
"""

from __future__ import annotations

import ast
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mlinterview.content.loader import Bank, BankIssue
from mlinterview.judge.problems import (
    REFERENCE_FILE,
    Problem,
    ProblemDataError,
    TestSet,
    build_tests,
    load_problem_set,
    problems_dir,
    read_tests_file,
)
from mlinterview.judge.runner import Judge, JudgeUnavailable
from mlinterview.judge.service import libraries
from mlinterview.judge.verdict import JudgeResult, Verdict


def _shown(problem: Problem, name: str) -> str:
    return f"problems/{problem.id}/{name}"


def wrong_solutions(problem: Problem) -> list[Path]:
    return sorted(problem.folder.glob("wrong_*.py"))


def _docstring_issue(path: Path, shown: str) -> BankIssue | None:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError) as exc:
        return BankIssue(shown, "(file)", f"cannot be parsed: {exc}")
    doc = ast.get_docstring(tree)
    if not doc or not doc.strip():
        return BankIssue(shown, "docstring", "start with a docstring naming the mistake")
    return None


def _first_failure(result: JudgeResult) -> str:
    """The failing test with its detail (hidden ones are revealed to the bank check)."""
    for test in result.tests:
        if not test.verdict.passed and test.verdict is not Verdict.NOT_RUN:
            what = test.detail or test.error or ""
            where = f"{test.kind} test {test.index} ({test.name})"
            return f"{test.verdict.value} on {where} {what}".strip()
    if result.message:
        return f"{result.verdict.value}: {result.message}"
    return result.verdict.value


def failing_cases(
    judge: Judge, problem: Problem, source: bytes, tests: TestSet
) -> dict[str, Verdict]:
    """Every hidden case ``source`` fails, with its verdict, in the file's order.

    A crash or a timeout ends a run, so the cases after it run again until each has a
    verdict of its own; the hidden tests of a trusted run go in the file's order."""
    remaining = list(tests.hidden)
    failing: dict[str, Verdict] = {}
    while remaining:
        result = judge.judge(
            problem, source, tests=TestSet((), tuple(remaining)), reveal_hidden=True, in_order=True
        )
        reports = [t for t in result.tests if t.kind == "hidden"]
        ran = [
            (case, report)
            for case, report in zip(remaining, reports, strict=False)
            if report.verdict is not Verdict.NOT_RUN
        ]
        if not ran:  # the submission did not even load: every case fails
            failing.update((case.id, result.verdict) for case in remaining)
            break
        failing.update(
            (case.id, report.verdict) for case, report in ran if not report.verdict.passed
        )
        done = {id(case) for case, _ in ran}
        remaining = [case for case in remaining if id(case) not in done]
    return {case.id: failing[case.id] for case in tests.hidden if case.id in failing}


def check_problem(
    judge: Judge, problem: Problem, tests: TestSet, catches: dict[str, tuple[str, ...]]
) -> list[BankIssue]:
    """The reference passes every test; each wrong solution fails exactly its ``catches``."""
    issues = []
    reference = problem.folder / REFERENCE_FILE
    result = judge.judge(problem, reference.read_bytes(), tests=tests, reveal_hidden=True)
    if not result.accepted:
        issues.append(
            BankIssue(
                _shown(problem, REFERENCE_FILE),
                "tests",
                f"reference fails: {_first_failure(result)}",
            )
        )
    known = {case.id: case.name for case in tests.hidden}
    wrongs = wrong_solutions(problem)
    for listed in sorted(set(catches) - {w.name for w in wrongs}):
        issues.append(
            BankIssue(_shown(problem, "tests.yaml"), f"wrong.{listed}", "no such wrong solution")
        )
    for wrong in wrongs:
        shown = _shown(problem, wrong.name)
        verdicts = failing_cases(judge, problem, wrong.read_bytes(), tests)
        failing = list(verdicts)
        if not failing:
            issues.append(
                BankIssue(
                    shown,
                    "tests",
                    "passes every hidden test; add a hidden case that this mistake fails",
                )
            )
            continue
        declared = catches.get(wrong.name)
        if declared is None:
            issues.append(
                BankIssue(
                    _shown(problem, "tests.yaml"),
                    f"wrong.{wrong.name}",
                    f"say which cases catch it ({len(failing)} of the hidden cases do); "
                    f"run `mlinterview bank freeze {problem.id}`",
                )
            )
            continue
        # A Time Limit the catches do not list is the machine's load, not the mistake: a
        # wrong solution that is slow by design is slow by a wide margin and is listed.
        missing = [
            i for i in failing if i not in declared and verdicts[i] is not Verdict.TIME_LIMIT
        ]
        extra = [i for i in declared if i not in failing]
        for ident in extra:
            what = f"{ident[:8]} ({known[ident]})" if ident in known else f"{ident} (no such case)"
            issues.append(
                BankIssue(
                    _shown(problem, "tests.yaml"),
                    f"wrong.{wrong.name}.catches",
                    f"{what} no longer catches this mistake",
                )
            )
        for ident in missing:
            issues.append(
                BankIssue(
                    _shown(problem, "tests.yaml"),
                    f"wrong.{wrong.name}.catches",
                    f"{ident[:8]} ({known[ident]}) also catches it; add it to catches",
                )
            )
    return issues


def check_bank_problems(bank: Bank, bank_dir: Path | None = None) -> list[BankIssue]:
    """The hook: the problems of the bank folder being checked (not the installed ones)."""
    return check_problems(bank, problems_dir(bank_dir))


def check_problems(
    bank: Bank, root: Path | None = None, *, judge: Judge | None = None
) -> list[BankIssue]:
    """Every problem issue in the bank; an empty list means all problems are sound."""
    root = root or problems_dir()
    problem_set = load_problem_set(root)
    issues = list(problem_set.issues)
    problems = problem_set.problems
    folders = {p.name for p in root.iterdir() if p.is_dir()} if root.is_dir() else set()
    for problem in problems.values():
        for card_id in problem.cards:
            if bank.get(card_id) is None:
                issues.append(
                    BankIssue(
                        _shown(problem, "problem.yaml"), "cards", f"unknown card id {card_id!r}"
                    )
                )
    for problem in problems.values():
        for card_id in problem.cards:
            linked = bank.get(card_id)
            if linked is not None and problem.id not in linked.problems:
                issues.append(
                    BankIssue(
                        f"questions/{linked.topic.value}/{linked.id}.yaml",
                        "problems",
                        f"add {problem.id!r}: that problem names this card (links go both ways)",
                    )
                )
    for card in bank:
        for problem_id in card.problems:
            if problem_id not in folders:
                issues.append(
                    BankIssue(
                        f"questions/{card.topic.value}/{card.id}.yaml",
                        "problems",
                        f"unknown problem id {problem_id!r}",
                    )
                )
            elif problem_id in problems and card.id not in problems[problem_id].cards:
                issues.append(
                    BankIssue(
                        _shown(problems[problem_id], "problem.yaml"),
                        "cards",
                        f"add {card.id!r}: that card names this problem (links go both ways)",
                    )
                )
    runnable: list[tuple[Problem, TestSet, dict[str, tuple[str, ...]]]] = []
    for problem in problems.values():
        file_issues = []
        misdeclared = False
        if not (problem.folder / REFERENCE_FILE).is_file():
            file_issues.append(
                BankIssue(_shown(problem, REFERENCE_FILE), "(file)", "file is missing")
            )
        elif "torch" in libraries(problem) and problem.runtime != "torch":
            # running it would only add "No module named 'torch'" from the numpy judge
            misdeclared = True
            file_issues.append(
                BankIssue(
                    _shown(problem, "problem.yaml"),
                    "params",
                    "reference.py imports torch: declare its tensors (type: tensor) so the "
                    "torch judge runs it",
                )
            )
        wrongs = wrong_solutions(problem)
        if not wrongs:
            file_issues.append(
                BankIssue(
                    _shown(problem, "wrong_*.py"), "(file)", "add at least one wrong solution"
                )
            )
        for wrong in wrongs:
            found = _docstring_issue(wrong, _shown(problem, wrong.name))
            if found:
                file_issues.append(found)
        issues.extend(file_issues)
        if misdeclared or any(i.file.endswith(REFERENCE_FILE) for i in file_issues):
            continue
        try:
            frozen = read_tests_file(problem, root)
            tests = build_tests(problem, root, frozen)
            catches = {name: wrong.catches for name, wrong in frozen.wrong.items()}
        except ProblemDataError as exc:
            issues.extend(exc.issues)
            continue
        runnable.append((problem, tests, catches))
    if not runnable:
        return issues
    own = judge is None
    try:
        active = judge if judge is not None else Judge().start()
    except JudgeUnavailable as exc:
        issues.append(BankIssue("problems", "(judge)", f"cannot run the solutions: {exc}"))
        return issues
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            for judged in pool.map(lambda item: check_problem(active, *item), runnable):
                issues.extend(judged)
    finally:
        if own:
            active.close()
    return issues
