"""The real ``mlinterview problems|problem|solve`` commands, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID
from mlinterview.store.submissions import recent_submissions

GOOD = (
    "def find_bigrams(text):\n    words = text.lower().split()\n"
    "    return list(zip(words, words[1:]))\n"
)
CASE_KEEPING = (
    "def find_bigrams(text):\n    words = text.split()\n    return list(zip(words, words[1:]))\n"
)


@pytest.fixture
def env(sqlite_url: str, tmp_path: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        MLINTERVIEW_DATABASE_URL=sqlite_url, HOME=str(tmp_path), COLUMNS="120", NO_COLOR="1"
    )
    environment.pop("MLINTERVIEW_LANG", None)
    return environment


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_problems_lists_and_filters(env: dict[str, str]) -> None:
    listed = run(env, "problems", "--topic", "coding", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    assert {"find_bigrams", "can_shift"} <= set(rows)
    assert all(row["topic"] == "coding" for row in rows.values())
    assert rows["can_shift"]["signature"] == "can_shift(a, b)"
    bad = run(env, "problems", "--topic", "cooking")
    assert bad.returncode == 1 and "unknown topic 'cooking'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_problem_shows_the_statement_and_writes_a_starter(
    env: dict[str, str], tmp_path: Path
) -> None:
    shown = run(env, "problem", "can_shift", "--lang", "de")
    assert shown.returncode == 0, shown.stderr
    text = " ".join(shown.stdout.split())  # the Markdown renderer wraps lines
    assert "Rotation" in text and "ergeben zwei leere Strings True" in text
    assert 'can_shift(a="abcde", b="cdeab") -> true' in shown.stdout
    unknown = run(env, "problem", "can_shfit")
    assert unknown.returncode == 1 and "did you mean can_shift" in unknown.stderr
    starter = tmp_path / "mine.py"
    written = run(env, "problem", "find_bigrams", "--starter", str(starter))
    assert written.returncode == 0, written.stderr
    assert "def find_bigrams(text: str) -> list:" in starter.read_text()
    again = run(env, "problem", "find_bigrams", "--starter", str(starter))
    assert again.returncode == 1 and "already exists" in again.stderr
    judged = run(env, "solve", "find_bigrams", str(starter), "--json")
    assert judged.returncode == 1
    assert json.loads(judged.stdout)["verdict"] == "Runtime Error"


def test_solve_judges_stores_and_hides_hidden_data(
    env: dict[str, str], tmp_path: Path, sqlite_url: str
) -> None:
    good, wrong = tmp_path / "good.py", tmp_path / "wrong.py"
    good.write_text(GOOD)
    wrong.write_text(CASE_KEEPING)
    accepted = run(env, "solve", "find_bigrams", str(good), "--json")
    assert accepted.returncode == 0, accepted.stderr
    data = json.loads(accepted.stdout)
    assert {"problem", "verdict", "tests", "seconds"} <= set(data)
    assert data["problem"] == "find_bigrams" and data["verdict"] == "Accepted"
    assert [t["kind"] for t in data["tests"]] == ["example", "example"]
    assert all(test["got"] == test["expected"] for test in data["tests"])
    hidden = data["hidden"]
    assert hidden["total"] >= 5 and hidden["passed"] == hidden["total"]
    assert hidden["first_failure"] is None
    rejected = run(env, "solve", "find_bigrams", str(wrong))
    assert rejected.returncode == 1
    assert rejected.stdout.startswith("Wrong Answer (")
    assert 'why:      at [0][0]: expected "have", got "Have"' in rejected.stdout
    assert "hidden tests:" in rejected.stdout
    # A hidden input of find_bigrams ("Übung macht ÄRGER") never reaches the user.
    assert "ÄRGER" not in rejected.stdout and "ärger" not in rejected.stdout
    # in German: the labels and the judge's sentences; verdicts and values as they are
    german = run(env, "solve", "find_bigrams", str(wrong), "--lang", "de")
    assert german.returncode == 1
    assert german.stdout.startswith("Wrong Answer (") and "Tests bestanden" in german.stdout
    assert "Beispiel 1: Wrong Answer" in german.stdout
    assert 'warum:    bei [0][0]: erwartet "have", erhalten "Have"' in german.stdout
    assert "erwartet: " in german.stdout and "erhalten: " in german.stdout
    assert "verdeckte Tests:" in german.stdout and "(Daten nicht gezeigt)" in german.stdout
    assert "hidden tests:" not in german.stdout and "example 1" not in german.stdout
    store = Store(sqlite_url)
    try:
        stored = recent_submissions(store, LOCAL_USER_ID, "find_bigrams")
    finally:
        store.close()
    assert [s.verdict for s in stored] == ["Wrong Answer", "Wrong Answer", "Accepted"]
    assert stored[2].code == GOOD
    assert "ärger" not in json.dumps(stored[0].tests, ensure_ascii=False)
    summary = stored[0].tests[-1]
    assert summary["kind"] == "hidden" and 0 <= summary["passed"] < summary["total"]
    assert set(summary) == {"kind", "total", "passed", "first_failure"}


def test_solve_rejects_bad_files_in_one_line(env: dict[str, str], tmp_path: Path) -> None:
    missing = run(env, "solve", "find_bigrams", str(tmp_path / "nope.py"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr
    huge = tmp_path / "huge.py"
    huge.write_text("#" * 5_000_000 + "\n" + GOOD)
    judged = run(env, "solve", "find_bigrams", str(huge), "--json")
    assert judged.returncode == 1
    data = json.loads(judged.stdout)
    assert data["verdict"] == "Compile Error" and "5.0 MB" in data["message"]


def test_problem_states_the_rule_of_each_compared_field(env: dict[str, str]) -> None:
    shown = run(env, "problem", "kmeans_step")
    assert shown.returncode == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "numbers compared with rtol=1e-09" in text
    assert "field labels: exact comparison" in text
    german = " ".join(run(env, "problem", "kmeans_step", "--lang", "de").stdout.split())
    assert "Feld labels: exakter Vergleich" in german
