"""One contract every problem keeps, checked over all of them in the real sandbox: the
reference is Accepted, every wrong solution is rejected by a hidden test, the statement
and examples exist in both languages. A new problem folder is covered without a list."""

from __future__ import annotations

import pytest

from mlinterview.judge.bank_check import check_problem, wrong_solutions
from mlinterview.judge.problems import load_problem_set, load_tests, read_tests_file
from mlinterview.judge.runner import Judge

PROBLEMS = load_problem_set().problems


def test_every_problem_folder_loads() -> None:
    assert load_problem_set().issues == ()
    assert len(PROBLEMS) >= 37


@pytest.mark.parametrize("problem_id", sorted(PROBLEMS))
def test_problem_contract(problem_id: str, judge: Judge) -> None:
    problem = PROBLEMS[problem_id]
    for lang in ("en", "de"):
        assert problem.title.get(lang).strip() and problem.statement.get(lang).strip()
    assert problem.examples, "a candidate needs at least one example"
    assert wrong_solutions(problem), "each problem keeps the mistakes its tests must catch"
    tests = load_tests(problem)
    assert tests.hidden, "a problem needs hidden tests"
    frozen = read_tests_file(problem)
    catches = {name: wrong.catches for name, wrong in frozen.wrong.items()}
    assert set(catches) == {w.name for w in wrong_solutions(problem)}, "each mistake is caught"
    assert all(case.description for case in frozen.cases), "each case says why it exists"
    assert [str(issue) for issue in check_problem(judge, problem, tests, catches)] == []
