"""The real `mlinterview practice` process: answers survive a SIGKILL mid-session."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time

from mlinterview.practice.scheduling import PracticeService
from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID


def _read_until(proc: subprocess.Popen[bytes], marker: bytes, timeout: float = 60) -> bytes:
    assert proc.stdout is not None
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"timed out waiting for {marker!r}; got {seen[-400:]!r}"
        ready, _, _ = select.select([proc.stdout], [], [], remaining)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            assert chunk, f"process ended early: {seen[-400:]!r}"
            seen += chunk
    return seen


def test_sigkill_keeps_every_answered_review(cli_env: dict[str, str], database_url: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlinterview.cli", "practice", "--limit", "5", "--lang", "de"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=cli_env,
    )
    assert proc.stdin is not None
    try:
        for answered, rating in enumerate(("3", "1", "4")):
            _read_until(proc, b"Deine Antwort")
            proc.stdin.write(b"Eine kurze Antwort.\n\n" if answered != 1 else b"\n")
            proc.stdin.flush()
            _read_until(proc, b"Bewerten")
            proc.stdin.write(f"{rating}\n".encode())
            proc.stdin.flush()
            _read_until(proc, b"gespeichert")
        _read_until(proc, b"Deine Antwort")  # the fourth card is on screen
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    store = Store(database_url)
    service = PracticeService(store, LOCAL_USER_ID)
    assert service.review_count() == 3
    assert len(service.states()) == 3
    store.close()


def test_stats_json_after_practice(cli_env: dict[str, str]) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", "practice", "--limit", "2"],
        input="An answer\n\n3\n\n2\n",
        capture_output=True,
        text=True,
        env=cli_env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "2 cards reviewed" in run.stdout
    stats = subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", "stats", "--json"],
        capture_output=True,
        text=True,
        env=cli_env,
        timeout=60,
        check=True,
    )
    rows = json.loads(stats.stdout)
    assert sum(row["seen"] for row in rows) == 2


def test_unknown_topic_is_one_line(cli_env: dict[str, str]) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", "practice", "--topic", "astrology"],
        capture_output=True,
        text=True,
        env=cli_env,
        timeout=60,
    )
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0
    assert "unknown topic 'astrology'" in run.stderr


def test_bad_database_url_is_one_line(cli_env: dict[str, str]) -> None:
    env = dict(cli_env, MLINTERVIEW_DATABASE_URL="nosuchdb://x")
    run = subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", "stats"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "database" in run.stderr.lower()


def test_practice_shows_a_coach_comment_once_as_plain_text(
    cli_env: dict[str, str], database_url: str
) -> None:
    """A comment a coach left on a card comes up with the card, once, and what the coach
    typed is printed as typed (brackets are not Rich markup)."""
    from datetime import UTC, datetime

    from mlinterview.store.models import User
    from mlinterview.workspace import Workspace

    store = Store(database_url)
    with store.transaction() as session:
        coach = User(name="kim", role="coach", created_at=datetime.now(UTC))
        session.add(coach)
        session.flush()
        coach_id = int(coach.id)
    me = Workspace(store)
    cohort = me.create_cohort("Evening course")
    me.set_cohort_member(cohort, "kim", "coach")
    me.set_cohort_member(cohort, "local", "candidate")
    me.record_rating("overfitting", 1, lang="en", answer="Big models.")
    body = "Say what fails on [bold]new[/] data, not only what fits."
    me.for_user(coach_id).comment_on_card(LOCAL_USER_ID, "overfitting", body)
    me.practice.enqueue(["overfitting"], "test")  # the card comes up first
    store.close()

    command = [sys.executable, "-m", "mlinterview.cli", "practice", "--limit", "1"]
    first = subprocess.run(command, input="\nq\n", env=cli_env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "kim, your coach, commented on this card" in first.stdout
    assert "[bold]new[/]" in first.stdout.replace("\n", " ").replace("│", "")
    again = subprocess.run(command, input="\nq\n", env=cli_env, capture_output=True, text=True)
    assert again.returncode == 0 and "your coach" not in again.stdout
