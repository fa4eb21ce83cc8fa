"""Problem folders: schema validation, test building with the reference, and the bank check."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from mlinterview.content.loader import Bank, bundled_bank
from mlinterview.judge.bank_check import check_problems
from mlinterview.judge.freeze import dump_tests, freeze_problem, frozen_document
from mlinterview.judge.problems import (
    ProblemDataError,
    build_tests,
    load_problem_set,
    load_problems,
)
from mlinterview.judge.runner import Judge

PROBLEM = """\
id: add_pair
title: {en: Add two numbers, de: Zwei Zahlen addieren}
topic: coding
difficulty: easy
cards: [can-shift]
function: add_pair
params:
  - {name: a, type: int}
  - {name: b, type: int}
returns: int
compare: {mode: exact}
limits: {time_seconds: 1.0, memory_mb: 128}
statement:
  en: Return a + b.
  de: Gib a + b zurück.
examples:
  - args: {a: 1, b: 2}
    expected: 3
"""
# Written as an author starts a problem (legacy names, one expected value missing);
# write_problem freezes it the way `mlinterview bank freeze` does.
TESTS = """\
cases:
  - name: negative b must be subtracted
    args: {a: -5, b: 2}
  - description: Adding zero keeps a
    args: {a: 10, b: 0}
    expected: 10
random:
  seed: 7
  count: 4
"""
CASES = """\
def random_cases(rng, count):
    return [{"a": int(rng.integers(-9, 9)), "b": int(rng.integers(-9, 9))} for _ in range(count)]
"""
REFERENCE = "def add_pair(a, b):\n    return a + b\n"
WRONG = '"""Wrong: ignores the sign of b."""\n\ndef add_pair(a, b):\n    return a + abs(b)\n'


def write_problem(
    root: Path, name: str = "add_pair", *, freeze: bool = True, **files: str | None
) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    contents: dict[str, str | None] = {
        "problem.yaml": PROBLEM,
        "tests.yaml": TESTS,
        "cases.py": CASES,
        "reference.py": REFERENCE,
        "wrong_sign.py": WRONG,
    }
    contents.update({key.replace("__", "."): value for key, value in files.items()})
    for file_name, text in contents.items():
        if text is not None:
            (folder / file_name).write_text(textwrap.dedent(text))
    problem = load_problem_set(root).problems.get(name)
    if freeze and problem is not None:
        raw = yaml.safe_load((folder / "tests.yaml").read_text())
        document, _ = frozen_document(problem, raw)
        (folder / "tests.yaml").write_text(dump_tests(document))
    return folder


def issues_of(root: Path) -> list[str]:
    return [str(issue) for issue in load_problem_set(root).issues]


def test_a_valid_problem_loads_and_its_tests_are_built_by_the_reference(tmp_path: Path) -> None:
    write_problem(tmp_path)
    problems = load_problem_set(tmp_path)
    assert problems.issues == ()
    problem = problems.problems["add_pair"]
    assert problem.signature == "add_pair(a, b)" and problem.folder == tmp_path / "add_pair"
    tests = build_tests(problem, tmp_path)
    assert [t.expected for t in tests.examples] == [3]
    assert [t.name for t in tests.hidden[:2]] == [
        "Negative b must be subtracted",
        "Adding zero keeps a",
    ]
    assert tests.hidden[0].expected == -3 and tests.hidden[1].expected == 10
    random_part = tests.hidden[2:]
    assert len(random_part) == 4
    assert all(t.expected == t.args["a"] + t.args["b"] for t in random_part)
    assert build_tests(problem, tmp_path) == tests, "the seed makes the random cases repeatable"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("returns: int\n", ""), "problems/add_pair/problem.yaml: returns: missing required field"),
        (
            ("cards: [can-shift]\n", "cards: [can-shift]\ncolour: red\n"),
            "colour: unknown field (check the spelling)",
        ),
        (("function: add_pair", "function: add"), "function 'add' must equal the id 'add_pair'"),
        (("topic: coding", "topic: cooking"), "problem.yaml: topic: Input should be"),
        (("{name: b, type: int}", "{name: b, type: integer}"), "params.1.type: Input should be"),
        (("{name: b, type: int}", "{name: a, type: int}"), "parameter names must be unique"),
        (
            ("args: {a: 1, b: 2}", "args: {a: 1, b: two}"),
            "examples.0.args.b: expected int, got str",
        ),
        (("args: {a: 1, b: 2}", "args: {a: 1}"), "examples.0.args: missing arguments ['b']"),
        (("expected: 3", "expected: 3.5"), "examples.0.expected: expected int, got float"),
        (("mode: exact", "mode: fuzzy"), "compare.mode: Input should be"),
        (("time_seconds: 1.0", "time_seconds: 60"), "limits.time_seconds: Input should be"),
        (("de: Zwei Zahlen addieren", "fr: Deux"), "title.de: missing required field"),
        (("examples:\n", "examples: [\n"), "problem.yaml: line"),
    ],
)
def test_schema_errors_are_one_line_each(
    tmp_path: Path, edit: tuple[str, str], expected: str
) -> None:
    old, new = edit
    assert old in PROBLEM
    write_problem(tmp_path, problem__yaml=PROBLEM.replace(old, new, 1))
    issues = issues_of(tmp_path)
    assert any(expected in issue for issue in issues), issues
    assert all(issue.startswith("problems/add_pair/problem.yaml: ") for issue in issues)


def test_id_must_match_the_folder(tmp_path: Path) -> None:
    write_problem(tmp_path, name="other")
    assert "problems/other/problem.yaml: id: id 'add_pair' must match the folder name" in issues_of(
        tmp_path
    )


@pytest.mark.parametrize(
    ("tests", "cases", "expected"),
    [
        (
            "cases:\n  - id: 00000000-0000-5000-8000-000000000000\n"
            "    description: An unknown argument\n    args: {a: 1, c: 2}\n    expected: 1\n",
            CASES,
            "cases.0.args: unknown arguments ['c']",
        ),
        ("cases: []\n", CASES, "(file): Value error, needs at least one case or a random block"),
        ("random: {seed: 1, count: 2}\n", None, "random: needs cases.py with random_cases()"),
        (
            "random: {seed: 1, count: 2}\n",
            "def random_cases(rng, count):\n    return [{'a': 1.5, 'b': 1}] * count\n",
            "cases.py: case 0.args.a: expected int, got float",
        ),
        (
            "random: {seed: 1, count: 2}\n",
            "def random_cases(rng, count):\n    raise RuntimeError('boom')\n",
            "cases.py: random_cases: RuntimeError: boom",
        ),
    ],
)
def test_broken_tests_are_reported(
    tmp_path: Path, tests: str, cases: str | None, expected: str
) -> None:
    write_problem(tmp_path, tests__yaml=tests, cases__py=cases, freeze=False)  # None: no cases.py
    problem = load_problem_set(tmp_path).problems["add_pair"]
    with pytest.raises(ProblemDataError) as caught:
        build_tests(problem, tmp_path)
    assert any(expected in str(issue) for issue in caught.value.issues), caught.value.issues


def test_the_bundled_problems_load_without_schema_errors() -> None:
    problems = load_problems()
    assert {"find_bigrams", "can_shift"} <= set(problems)
    assert load_problem_set().issues == ()


# --- the bank check ------------------------------------------------------------------------


def card_bank(problem_ids: tuple[str, ...]) -> Bank:
    card = bundled_bank().get("can-shift") or next(iter(bundled_bank()))
    linked = card.model_copy(update={"problems": problem_ids})
    return Bank(cards={linked.id: linked})


def test_bank_check_passes_a_sound_problem(tmp_path: Path, judge: Judge) -> None:
    write_problem(tmp_path)
    freeze_problem(load_problem_set(tmp_path).problems["add_pair"], judge)
    assert check_problems(card_bank(("add_pair",)), tmp_path, judge=judge) == []


def test_bank_check_catches_every_kind_of_problem(tmp_path: Path, judge: Judge) -> None:
    write_problem(
        tmp_path,
        problem__yaml=PROBLEM.replace("cards: [can-shift]", "cards: [can-shift, no-such-card]"),
        reference__py="def add_pair(a, b):\n    return a - b\n",
        wrong_lucky__py="def add_pair(a, b):\n    return a + b\n",
    )
    write_problem(
        tmp_path,
        name="lonely",
        problem__yaml=PROBLEM.replace("add_pair", "lonely"),
        reference__py="def lonely(a, b):\n    return a + b\n",
        wrong_sign__py=None,
    )
    bank = card_bank(("add_pair", "missing_problem"))
    card = next(iter(bank))
    issues = [str(i) for i in check_problems(bank, tmp_path, judge=judge)]
    expected = [
        "problems/add_pair/problem.yaml: cards: unknown card id 'no-such-card'",
        f"questions/{card.topic.value}/{card.id}.yaml: problems: "
        "unknown problem id 'missing_problem'",
        "problems/lonely/wrong_*.py: (file): add at least one wrong solution",
        "problems/add_pair/wrong_lucky.py: docstring: start with a docstring naming the mistake",
        "problems/add_pair/reference.py: tests: reference fails: Wrong Answer on example test 1",
    ]
    for line in expected:
        assert any(issue.startswith(line) for issue in issues), (line, issues)
    # The reference is wrong, so "wrong_lucky" (which is right) fails the hidden tests too;
    # a wrong solution that passes them is reported on its own:
    write_problem(tmp_path / "second", wrong_lucky__py='"""Wrong: not really."""\n' + REFERENCE)
    issues = [str(i) for i in check_problems(card_bank(()), tmp_path / "second", judge=judge)]
    card = bundled_bank().get("can-shift")
    assert card is not None
    assert issues == [
        f"questions/{card.topic.value}/can-shift.yaml: problems: add 'add_pair': that problem "
        "names this card (links go both ways)",
        "problems/add_pair/wrong_lucky.py: tests: passes every hidden test; "
        "add a hidden case that this mistake fails",
        "problems/add_pair/tests.yaml: wrong.wrong_sign.py: say which cases catch it "
        "(1 of the hidden cases do); run `mlinterview bank freeze add_pair`",
    ]


def test_a_torch_reference_without_tensors_is_reported(tmp_path: Path, judge: Judge) -> None:
    """It would be judged by the numpy warm parent, where torch cannot be imported."""
    write_problem(tmp_path, reference__py="import torch\n\n\n" + REFERENCE)
    freeze_problem(load_problem_set(tmp_path).problems["add_pair"], judge)
    issues = [str(i) for i in check_problems(card_bank(("add_pair",)), tmp_path, judge=judge)]
    assert issues == [
        "problems/add_pair/problem.yaml: params: reference.py imports torch: declare its "
        "tensors (type: tensor) so the torch judge runs it"
    ]


# --- tests as reviewed data ------------------------------------------------------------------


def _frozen(tmp_path: Path, judge: Judge) -> tuple[Path, dict[str, object]]:
    folder = write_problem(tmp_path)
    freeze_problem(load_problem_set(tmp_path).problems["add_pair"], judge)
    return folder, yaml.safe_load((folder / "tests.yaml").read_text())


def test_freeze_writes_every_case_with_id_reason_and_expected_and_what_catches_what(
    tmp_path: Path, judge: Judge
) -> None:
    _, data = _frozen(tmp_path, judge)
    cases = data["cases"] + data["generated"]  # type: ignore[operator]
    assert len(cases) == 6
    assert all({"id", "description", "args", "expected"} <= set(c) for c in cases)
    negative = data["cases"][0]  # type: ignore[index]
    assert negative["description"] == "Negative b must be subtracted"
    assert negative["expected"] == -3
    assert any(c["args"]["b"] < 0 for c in cases), "the seed draws a negative b"
    # wrong_sign (a + |b|) fails exactly the cases with a negative b:
    catches = data["wrong"]["wrong_sign.py"]["catches"]  # type: ignore[index]
    assert catches == [c["id"] for c in cases if c["args"]["b"] < 0]


def test_a_hand_edit_without_a_new_id_is_caught_and_freeze_records_the_replacement(
    tmp_path: Path, judge: Judge
) -> None:
    folder, data = _frozen(tmp_path, judge)
    text = (folder / "tests.yaml").read_text()
    old_id = data["cases"][1]["id"]  # type: ignore[index]
    (folder / "tests.yaml").write_text(text.replace("expected: 10", "expected: 11", 1))
    issues = [str(i) for i in check_problems(card_bank(("add_pair",)), tmp_path, judge=judge)]
    assert any(
        "tests.yaml: cases.1.id: does not match the case's content; run `mlinterview bank "
        "freeze add_pair`" in i
        for i in issues
    ), issues
    (folder / "tests.yaml").write_text(text.replace("a: 10, b: 0", "a: 10, b: -1"))
    freeze_problem(load_problem_set(tmp_path).problems["add_pair"], judge)
    again = yaml.safe_load((folder / "tests.yaml").read_text())
    changed = again["cases"][1]
    assert changed["id"] != old_id and changed["replaces"] == old_id
    assert changed["expected"] == 10, "a hand-written expected value is kept as written"
    issues = [str(i) for i in check_problems(card_bank(("add_pair",)), tmp_path, judge=judge)]
    assert any("reference fails" in i for i in issues), "10 + -1 is 9: the review catches it"


def test_catches_must_name_exactly_the_cases_that_fail(tmp_path: Path, judge: Judge) -> None:
    folder, data = _frozen(tmp_path, judge)
    wrong = data["wrong"]["wrong_sign.py"]["catches"]  # type: ignore[index]
    kept = next(c for c in data["cases"] if c["args"]["b"] >= 0)  # type: ignore[union-attr]
    passing = kept["id"]
    data["wrong"]["wrong_sign.py"]["catches"] = [*wrong[1:], passing]  # type: ignore[index]
    data["wrong"]["wrong_ghost.py"] = {"catches": [passing]}  # type: ignore[index]
    (folder / "tests.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    issues = [str(i) for i in check_problems(card_bank(("add_pair",)), tmp_path, judge=judge)]
    assert "problems/add_pair/tests.yaml: wrong.wrong_ghost.py: no such wrong solution" in issues
    assert any(
        f"wrong.wrong_sign.py.catches: {passing[:8]} ({kept['description']}) no longer catches" in i
        for i in issues
    ), issues
    assert any(
        f"wrong.wrong_sign.py.catches: {wrong[0][:8]}" in i and "also catches it" in i
        for i in issues
    ), issues


def test_a_generator_that_drifts_from_the_frozen_cases_is_caught(
    tmp_path: Path, judge: Judge
) -> None:
    folder, _ = _frozen(tmp_path, judge)
    (folder / "cases.py").write_text(CASES.replace("-9, 9", "-8, 9"))
    problem = load_problem_set(tmp_path).problems["add_pair"]
    with pytest.raises(ProblemDataError) as caught:
        build_tests(problem, tmp_path)
    assert any("cases.py now makes other arguments" in str(i) for i in caught.value.issues)


def test_a_failed_hidden_case_is_named_by_its_reason_never_its_data(
    tmp_path: Path, judge: Judge
) -> None:
    write_problem(tmp_path)
    problem = load_problem_set(tmp_path).problems["add_pair"]
    freeze_problem(problem, judge)
    tests = build_tests(problem, tmp_path)
    result = judge.judge(problem, WRONG, tests=tests)
    assert result.hidden is not None and result.hidden.first_failure is not None
    reasons = {t.name for t in tests.hidden}
    assert result.hidden.first_failure in reasons
    assert result.message is not None and result.hidden.first_failure in result.message
    assert "-5" not in result.message and "'a'" not in result.message


def test_an_unlisted_time_limit_is_load_not_a_catch(tmp_path: Path, judge: Judge) -> None:
    """A timeout can come from a busy machine; only a listed case must fail, and an
    unlisted Time Limit is not reported (a wrong answer the catches omit still is)."""
    slow = (
        '"""Wrong: ignores the sign of b (and stalls when a is 10)."""\n'
        "import time\n\n"
        "def add_pair(a, b):\n"
        "    if a == 10:\n"
        "        time.sleep(3)\n"
        "    return a + abs(b)\n"
    )
    folder = write_problem(tmp_path, wrong_sign__py=slow)
    freeze_problem(load_problem_set(tmp_path).problems["add_pair"], judge)
    data = yaml.safe_load((folder / "tests.yaml").read_text())
    stalled = next(c["id"] for c in data["cases"] if c["args"]["a"] == 10)
    catches = data["wrong"]["wrong_sign.py"]["catches"]
    assert stalled in catches, "freeze lists the timed-out case"
    data["wrong"]["wrong_sign.py"]["catches"] = [i for i in catches if i != stalled]
    (folder / "tests.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    assert check_problems(card_bank(("add_pair",)), tmp_path, judge=judge) == []


def test_trailing_defaults_may_be_left_out_and_the_submission_keeps_its_own(
    tmp_path: Path, judge: Judge
) -> None:
    with_default = PROBLEM.replace(
        "  - {name: b, type: int}", "  - {name: b, type: int, default: 1}"
    )
    tests = (
        "cases:\n"
        "  - description: b left out uses the default of one\n"
        "    args: {a: 4}\n"
        "    expected: 5\n"
        "  - description: b given explicitly\n"
        "    args: {a: 4, b: -2}\n"
    )
    write_problem(tmp_path, problem__yaml=with_default, tests__yaml=tests)
    problem = load_problem_set(tmp_path).problems["add_pair"]
    assert problem.signature == "add_pair(a, b=1)"
    built = build_tests(problem, tmp_path)
    right = judge.judge(problem, "def add_pair(a, b=1):\n    return a + b\n", tests=built)
    assert right.accepted, right.message
    no_default = judge.judge(problem, "def add_pair(a, b):\n    return a + b\n", tests=built)
    assert not no_default.accepted, "a signature without the default fails the case that omits b"
    wrong_default = judge.judge(problem, "def add_pair(a, b=0):\n    return a + b\n", tests=built)
    assert not wrong_default.accepted
    bad = PROBLEM.replace("  - {name: a, type: int}", "  - {name: a, type: int, default: 0}")
    write_problem(tmp_path / "bad", problem__yaml=bad, freeze=False)
    assert any("with a default must come last" in i for i in issues_of(tmp_path / "bad"))
