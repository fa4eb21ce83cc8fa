"""Type-strict comparison of plain answers (trusted side)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from mlinterview.judge.compare import compare
from mlinterview.judge.freeze import dump_tests, frozen_document
from mlinterview.judge.problems import (
    Compare,
    ProblemDataError,
    build_tests,
    load_problem_set,
    load_problems,
)


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


# --- per-field rules ---------------------------------------------------------------------


def rule(data: dict[str, object]) -> Compare:
    return Compare.model_validate(data)


KMEANS_LIKE = rule(
    {"mode": "close", "rtol": 1e-9, "atol": 1e-9, "fields": {"labels": {"mode": "exact"}}}
)


def test_an_exact_field_under_close_rejects_float_labels_but_keeps_centroids_close() -> None:
    expected = {"labels": [0, 1, 1], "centroids": [[0.5, 2.0], [3.0, 4.0]]}
    near = {"labels": [0, 1, 1], "centroids": [[0.5 + 1e-12, 2.0], [3.0, 4]]}
    assert KMEANS_LIKE.check(expected, near) is None
    floats = {"labels": [0.0, 1.0, 1.0], "centroids": [[0.5, 2.0], [3.0, 4.0]]}
    assert KMEANS_LIKE.check(expected, floats) == "at ['labels'][0]: expected int 0, got float 0.0"
    assert KMEANS_LIKE.check(expected, {**near, "labels": [0, 1, True]}) is not None
    far = {"labels": [0, 1, 1], "centroids": [[0.5, 2.0], [3.0, 4.001]]}
    assert KMEANS_LIKE.check(expected, far) == "at ['centroids'][1][1]: expected 4.0, got 4.001"
    # Without the field rule the same float labels pass: that was the bug.
    assert compare(expected, floats, "close", 1e-9, 1e-9) is None


def test_a_close_field_under_exact_gets_its_own_tolerance() -> None:
    check = rule({"mode": "exact", "fields": {"loss": {"mode": "close", "rtol": 1e-3}}})
    assert check.check({"loss": 2.0, "steps": 3}, {"loss": 2.001, "steps": 3}) is None
    assert check.check({"loss": 2.0, "steps": 3}, {"loss": 2.01, "steps": 3}) is not None
    assert check.check({"loss": 2.0, "steps": 3}, {"loss": 2.0, "steps": 3.0}) == (
        "at ['steps']: expected int 3, got float 3.0"
    )


def test_unordered_and_set_fields_compare_their_list_only() -> None:
    check = rule(
        {
            "mode": "exact",
            "fields": {"pairs": {"mode": "unordered"}, "tags": {"mode": "set"}},
        }
    )
    expected = {"pairs": [[1, 2], [3, 4], [3, 4]], "tags": ["a", "b"], "order": [1, 2]}
    shuffled = {"pairs": [[3, 4], [1, 2], [3, 4]], "tags": ["b", "a", "a"], "order": [1, 2]}
    assert check.check(expected, shuffled) is None
    assert check.check(expected, {**shuffled, "order": [2, 1]}) == (
        "at ['order'][0]: expected 1, got 2"
    )
    assert check.check(expected, {**shuffled, "pairs": [[1, 2], [3, 4]]}) == (
        "at ['pairs']: missing [[3, 4]]"
    )
    assert check.check(expected, {**shuffled, "tags": ["a"]}) == "at ['tags']: missing [\"b\"]"
    assert check.check(expected, {**shuffled, "tags": "ab"}) == (
        "at ['tags']: expected a list, got str \"ab\""
    )


def test_nested_fields_and_dicts_inside_lists() -> None:
    check = rule(
        {
            "mode": "close",
            "rtol": 0.01,
            "fields": {"stats": {"mode": "close", "fields": {"count": {"mode": "exact"}}}},
        }
    )
    expected = {"stats": {"count": 4, "mean": 1.0}, "score": 10.0}
    assert check.check(expected, {"stats": {"count": 4, "mean": 1.005}, "score": 10.05}) is None
    assert check.check(expected, {"stats": {"count": 4.0, "mean": 1.0}, "score": 10.0}) == (
        "at ['stats']['count']: expected int 4, got float 4.0"
    )
    # The nested rule inherited rtol 0.01 from its parent: 1.02 is outside it.
    assert check.check(expected, {"stats": {"count": 4, "mean": 1.02}, "score": 10.0}) is not None
    # Fields govern the dicts inside a list value, e.g. a list of bootstrap rounds ...
    rounds = rule({"mode": "exact", "fields": {"oob": {"mode": "set"}}})
    assert rounds.check([{"oob": [1, 2]}, {"oob": []}], [{"oob": [2, 1]}, {"oob": []}]) is None
    assert rounds.check([{"oob": [1, 2]}], [{"oob": [2]}]) == "at [0]['oob']: missing [1]"
    # ... but not a dict under another key: there the same name is compared by the parent.
    assert rounds.check({"inner": {"oob": [1, 2]}}, {"inner": {"oob": [2, 1]}}) is not None


def test_field_rules_inherit_tolerances_and_need_a_dict_mode() -> None:
    check = rule({"mode": "close", "rtol": 0.5, "atol": 2.0, "fields": {"a": {"mode": "close"}}})
    assert (check.fields["a"].rtol, check.fields["a"].atol) == (0.5, 2.0)
    assert rule({"fields": {"a": {"mode": "close"}}}).fields["a"].rtol == Compare().rtol
    with pytest.raises(ValidationError, match="fields need mode exact or close"):
        rule({"mode": "set", "fields": {"a": {"mode": "exact"}}})
    with pytest.raises(ValidationError):
        rule({"mode": "close", "fields": {"a": {"mode": "nearly"}}})


def test_the_bundled_kmeans_rule_rejects_float_labels() -> None:
    problem = load_problems()["kmeans_step"]
    expected = {"labels": [0, 0, 1, 1], "centroids": [[0.0, 1.0], [11.0, 10.0]]}
    assert problem.compare.check(expected, expected) is None
    floats = {"labels": [0.0, 0.0, 1.0, 1.0], "centroids": [[0.0, 1.0], [11.0, 10.0]]}
    assert problem.compare.check(expected, floats) is not None


PROBLEM = """\
id: split_stats
title: {en: Split stats, de: Split-Statistik}
topic: coding
difficulty: easy
function: split_stats
params:
  - {name: xs, type: list}
returns: dict
compare: COMPARE
statement: {en: Count and mean of xs., de: Anzahl und Mittelwert von xs.}
examples:
  - args: {xs: [1, 2]}
"""
TESTS = "cases:\n  - name: three\n    args: {xs: [1, 2, 6]}\n"
REFERENCE = """\
def split_stats(xs):
    return {"count": len(xs), "mean": sum(xs) / len(xs), "items": sorted(xs)}
"""


def write(root: Path, compare_rule: str, returns: str = "dict") -> Path:
    folder = root / "split_stats"
    folder.mkdir()
    text = PROBLEM.replace("COMPARE", compare_rule).replace("returns: dict", f"returns: {returns}")
    (folder / "problem.yaml").write_text(text)
    (folder / "tests.yaml").write_text(TESTS)
    (folder / "reference.py").write_text(REFERENCE)
    problem = load_problems(root).get("split_stats")
    if problem is not None:  # freeze the hidden case the way `mlinterview bank freeze` does
        document, _ = frozen_document(problem, yaml.safe_load(TESTS))
        (folder / "tests.yaml").write_text(dump_tests(document))
    return root


def test_a_valid_field_rule_builds(tmp_path: Path) -> None:
    root = write(tmp_path, "{mode: close, fields: {count: {mode: exact}, items: {mode: set}}}")
    problem = load_problems(root)["split_stats"]
    tests = build_tests(problem, root)
    expected = tests.hidden[0].expected
    assert expected == {"count": 3, "mean": 3.0, "items": [1, 2, 6]}
    assert problem.compare.check(expected, {"count": 3, "mean": 3.0, "items": [6, 2, 1]}) is None
    assert problem.compare.check(expected, {"count": 3.0, "mean": 3.0, "items": [1, 2, 6]}) == (
        "at ['count']: expected int 3, got float 3.0"
    )


@pytest.mark.parametrize(
    ("compare_rule", "message"),
    [
        (
            "{mode: close, fields: {cuont: {mode: exact}}}",
            "problems/split_stats/problem.yaml: compare.fields.cuont: unknown field",
        ),
        (
            "{mode: close, fields: {count: {mode: exact, fields: {n: {mode: exact}}}}}",
            "problems/split_stats/problem.yaml: compare.fields.count.n: unknown field",
        ),
        (
            "{mode: close, fields: {mean: {mode: set}}}",
            "problems/split_stats/problem.yaml: compare.fields.mean: mode set needs a list",
        ),
    ],
)
def test_a_field_the_answers_do_not_have_is_a_bank_error(
    tmp_path: Path, compare_rule: str, message: str
) -> None:
    root = write(tmp_path, compare_rule)
    problem = load_problems(root)["split_stats"]
    with pytest.raises(ProblemDataError) as caught:
        build_tests(problem, root)
    found = [str(issue) for issue in caught.value.issues]
    assert len(found) == 1
    assert found[0].startswith(message)


def test_fields_need_a_structured_return_type(tmp_path: Path) -> None:
    root = write(tmp_path, "{mode: close, fields: {count: {mode: exact}}}", returns="float")
    issues = [str(issue) for issue in load_problem_set(root).issues]
    assert any("compare.fields needs returns dict, list or any" in issue for issue in issues)
