"""The judge's part of ``mlinterview bank check``: problems must be valid and their tests must bite.

Runs as a hook of :mod:`mlinterview.content.check`. Rules:

- ``problem.yaml`` and ``tests.yaml`` follow the schema (``file: field: message``);
- every card a problem names exists, and every problem a card names exists;
- ``reference.py`` exists and passes every example and hidden test *in the sandbox*;
- there is at least one ``wrong_*.py``, each with a docstring naming the mistake, and each
  fails at least one hidden test (proof that the hidden tests can fail).
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
)
from mlinterview.judge.runner import Judge, JudgeUnavailable
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


def check_problem(judge: Judge, problem: Problem, tests: TestSet) -> list[BankIssue]:
    """The reference passes every test and each wrong solution fails a hidden one."""
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
    for wrong in wrong_solutions(problem):
        result = judge.judge(problem, wrong.read_bytes(), tests=tests, reveal_hidden=True)
        hidden = [t for t in result.tests if t.kind == "hidden"]
        if result.verdict is Verdict.JUDGE_ERROR:
            issues.append(BankIssue(_shown(problem, wrong.name), "tests", _first_failure(result)))
        elif hidden and all(t.verdict.passed for t in hidden):
            issues.append(
                BankIssue(
                    _shown(problem, wrong.name),
                    "tests",
                    "passes every hidden test; add a hidden case that this mistake fails",
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
    runnable: list[tuple[Problem, TestSet]] = []
    for problem in problems.values():
        file_issues = []
        if not (problem.folder / REFERENCE_FILE).is_file():
            file_issues.append(
                BankIssue(_shown(problem, REFERENCE_FILE), "(file)", "file is missing")
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
        if any(i.file.endswith(REFERENCE_FILE) for i in file_issues):
            continue
        try:
            tests = build_tests(problem, root)
        except ProblemDataError as exc:
            issues.extend(exc.issues)
            continue
        runnable.append((problem, tests))
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
