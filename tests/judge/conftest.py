"""Fixtures for the judge tests: one real judge per session and the toy problems."""

from __future__ import annotations

import os
from collections.abc import Iterator
from secrets import token_hex

import pytest
from judge_toys import HIDDEN_IN, HIDDEN_OUT, Toy, make_problem

from mlinterview.judge.problems import TestCase, TestSet
from mlinterview.judge.runner import Judge


@pytest.fixture(scope="session")
def secret() -> Toy:
    problem = make_problem(
        id="secret_echo",
        function="secret_echo",
        params=[{"name": "token", "type": "str"}],
        returns="str",
        examples=[{"args": {"token": "example-token"}, "expected": "example-answer"}],
    )
    hidden = tuple(
        TestCase(
            "hidden", f"h{i}", {"token": f"{HIDDEN_IN}-{i}"}, f"{HIDDEN_OUT}-{i}-{token_hex(8)}"
        )
        for i in range(3)
    )
    examples = (TestCase("example", "e1", {"token": "example-token"}, "example-answer"),)
    return Toy(problem, TestSet(examples, hidden))


@pytest.fixture(scope="session")
def double() -> Toy:
    problem = make_problem(
        id="double",
        function="double",
        params=[{"name": "x", "type": "int"}],
        returns="int",
        examples=[{"args": {"x": 1}, "expected": 2}],
    )
    hidden = tuple(TestCase("hidden", f"h{x}", {"x": x}, 2 * x) for x in (5, 424242, -7))
    return Toy(problem, TestSet((TestCase("example", "e1", {"x": 1}, 2),), hidden))


@pytest.fixture(scope="session")
def judge() -> Iterator[Judge]:
    if os.name != "posix":
        pytest.skip("the judge needs a POSIX system")
    with Judge(workers=1, slots_per_worker=2) as active:
        yield active
