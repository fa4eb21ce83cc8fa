"""Type-strict comparison of plain answers (trusted side)."""

from __future__ import annotations

import math

import pytest

from mlinterview.judge.compare import compare


@pytest.mark.parametrize(
    ("expected", "got"),
    [
        (1, True),
        (True, 1),
        (0, False),
        (1, 1.0),
        (1.0, 1),
        ("1", 1),
        ([1, 2], [1, 2, 3]),
        ([[1, 2]], [[1], [2]]),
        ({"a": 1}, {"a": 1, "b": 2}),
        ({"a": 1}, {"a": True}),
        (None, 0),
        (None, []),
        ([], None),
    ],
)
def test_exact_is_type_strict(expected: object, got: object) -> None:
    assert compare(expected, got, "exact") is not None


def test_exact_accepts_equal_values_and_ignores_dict_order() -> None:
    assert (
        compare(
            {"a": [1, 2.5, "x", None, True], "b": {}}, {"b": {}, "a": [1, 2.5, "x", None, True]}
        )
        is None
    )


def test_close_uses_tolerance_and_allows_int_for_float_but_never_bool() -> None:
    assert compare([1.0, 2.0], [1.0 + 1e-9, 2], "close", rtol=1e-6, atol=0) is None
    assert compare(0.0, 1e-10, "close", rtol=0, atol=1e-9) is None
    assert compare(1.0, 1.001, "close", rtol=1e-6, atol=1e-9) == "expected 1.0, got 1.001"
    assert compare(1.0, True, "close", rtol=1, atol=1) is not None
    assert compare([[1.0, 2.0]], [[1.0], [2.0]], "close", 1e-6, 1e-9) is not None


def test_nan_never_matches_and_inf_only_itself() -> None:
    nan, inf = math.nan, math.inf
    assert compare(nan, nan, "close", 1, 1) is not None
    assert compare([nan], [nan], "exact") is not None
    assert compare(inf, inf, "close", 0, 0) is None
    assert compare(inf, -inf, "close", 1, 1) is not None
    assert compare(inf, 1e308, "close", 1, 1) is not None


def test_unordered_is_a_multiset_and_set_ignores_repeats() -> None:
    assert compare([["a", "b"], ["c", "d"]], [["c", "d"], ["a", "b"]], "unordered") is None
    assert compare([1, 1, 2], [1, 2, 2], "unordered") == "missing [1]; unexpected [2]"
    assert compare([1, 1, 2], [2, 1], "set") is None
    assert compare([1, 2], [1, True], "set") is not None
    assert compare([1, 2], (1, 2), "unordered") is not None


def test_mismatch_message_names_the_place() -> None:
    message = compare({"rows": [[1, 2], [3, 4]]}, {"rows": [[1, 2], [3, 5]]}, "exact")
    assert message == "at ['rows'][1][1]: expected 4, got 5"
    assert compare([1, 2, 3], [1, 2], "exact") == "expected 3 items, got 2"
    assert compare({"a": 1}, {"b": 1}, "exact") == "missing keys ['a']; unexpected keys ['b']"
