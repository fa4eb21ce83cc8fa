"""The judge's messages in the reader's language: German pages say in German what the
judge saw, with the submission's own words (an exception, a test's name) left as they are.
The judge itself and everything it stores stay English. Real judge, real pages."""

from __future__ import annotations

import re
import textwrap

import pytest
from fastapi.testclient import TestClient
from judge_toys import Toy

from mlinterview.judge.decide import HIDDEN_MESSAGE, OBSERVED_TEXT
from mlinterview.judge.messages import message_in
from mlinterview.judge.runner import TORCH_MISSING, Judge
from mlinterview.store.db import Store
from mlinterview.web.app import create_app

FIXED = [*HIDDEN_MESSAGE.values(), *OBSERVED_TEXT.values(), TORCH_MISSING]


@pytest.mark.parametrize("english", FIXED)
def test_every_fixed_sentence_has_a_german_form(english: str) -> None:
    german = message_in(english, "de")
    assert german and german != english
    assert message_in(english, "en") == english


def _judged(judge: Judge, toy: Toy, source: str) -> str:
    result = judge.judge(toy.problem, textwrap.dedent(source), tests=toy.tests)
    assert result.message is not None
    return result.message


def test_real_verdict_messages_read_in_german(judge: Judge, double: Toy) -> None:
    hidden_wrong = _judged(judge, double, "def double(x):\n    return 2 if x == 1 else 0\n")
    assert hidden_wrong.startswith("a hidden test got a wrong answer")  # stored as written
    german = message_in(hidden_wrong, "de")
    assert german == (
        "ein verdeckter Test bekam eine falsche Antwort: 0 von 3 verdeckten Tests bestanden; "
        "der erste, der fehlschlug: h5"
    )
    example_wrong = _judged(judge, double, "def double(x):\n    return x\n")
    assert message_in(example_wrong, "de") == "ein Beispiel ist fehlgeschlagen"
    empty = _judged(judge, double, "")
    assert message_in(empty, "de") == "die Datei ist leer"
    # the submission's own words are not the judge's: they stay as they are
    assert message_in("ZeroDivisionError: division by zero", "de") == (
        "ZeroDivisionError: division by zero"
    )


def test_of_a_traceback_only_the_judges_last_line_is_translated(judge: Judge, double: Toy) -> None:
    result = judge.judge(
        double.problem, "def double(x):\n    while True:\n        pass\n", tests=double.tests
    )
    stopped = [t for t in result.tests if t.traceback]
    assert stopped, result
    traceback = stopped[0].traceback
    assert traceback is not None and "stopped here after" in traceback.splitlines()[-1]
    german = message_in(traceback, "de")
    assert german is not None
    assert german.splitlines()[:-1] == traceback.splitlines()[:-1]  # the submission's lines
    assert german.splitlines()[-1].startswith("hier nach ")
    assert german.splitlines()[-1].endswith(" s gestoppt (das Limit pro Test)")
    # a traceback that ends in the submission's own words is left as it is
    raised = "Traceback (most recent call last):\n  File x\nValueError: stopped here"
    assert message_in(raised, "de") == raised


def test_the_problem_page_shows_the_message_in_the_readers_language(sqlite_url: str) -> None:
    client = TestClient(create_app(Store(sqlite_url)))
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text)
    assert token is not None
    wrong = "def can_shift(a, b):\n    return a == 'never'\n"
    english = client.post(
        "/problems/can_shift/submit", data={"csrf_token": token.group(1), "code": wrong}
    )
    assert 'id="judge-message">an example failed<' in english.text
    client.post("/lang", data={"csrf_token": token.group(1), "lang": "de"})
    german = client.post(
        "/problems/can_shift/submit", data={"csrf_token": token.group(1), "code": wrong}
    )
    assert 'id="judge-message">ein Beispiel ist fehlgeschlagen<' in german.text
    # why the example failed, in the same language
    assert "<div>expected true, got false</div>" in english.text
    assert "<div>erwartet true, erhalten false</div>" in german.text


@pytest.mark.parametrize(
    ("expected", "got", "mode", "german"),
    [
        ([["have", "a"]], [["Have", "a"]], "exact", 'bei [0][0]: erwartet "have", erhalten "Have"'),
        (1.5, "x", "close", 'erwartet war eine Zahl, erhalten: str "x"'),
        (1.5, 2.5, "close", "erwartet 1.5, erhalten 2.5"),
        ([1, 2], [1], "exact", "erwartet 2 Elemente, erhalten 1"),
        (3, "3", "exact", 'erwartet int 3, erhalten str "3"'),
        ({"a": 1, "b": 2}, {"a": 1, "c": 2}, "exact",
         "es fehlen die Schlüssel ['b']; unerwartete Schlüssel ['c']"),
        ([1, 2], [2, 3], "unordered", "es fehlt [1]; unerwartet [3]"),
        ([1], "x", "set", 'erwartet war eine Liste, erhalten: str "x"'),
        # the submission's value is the rest of the line, whatever it holds
        ("a", "b, got c; unexpected keys", "exact",
         'erwartet "a", erhalten "b, got c; unexpected keys"'),
    ],
)  # fmt: skip
def test_why_an_answer_differs_reads_in_german(
    expected: object, got: object, mode: str, german: str
) -> None:
    from mlinterview.judge.compare import compare
    from mlinterview.judge.messages import detail_in

    english = compare(expected, got, mode, rtol=0.0, atol=0.0)
    assert english is not None
    assert detail_in(english, "de") == german
    assert detail_in(english, "en") == english
