"""Stored submissions: written in their own transaction, read back newest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID
from mlinterview.store.submissions import recent_submissions, record_submission


def test_record_and_read_back_newest_first(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    try:
        start = datetime(2026, 1, 1, tzinfo=UTC)
        tests = [{"index": 1, "kind": "hidden", "verdict": "Accepted", "seconds": 0.001}]
        first = record_submission(
            store,
            LOCAL_USER_ID,
            problem_id="can_shift",
            code="a",
            verdict="Wrong Answer",
            tests=[],
            seconds=0.1,
            created_at=start,
        )
        second = record_submission(
            store,
            LOCAL_USER_ID,
            problem_id="can_shift",
            code="b",
            verdict="Accepted",
            tests=tests,
            seconds=0.2,
            created_at=start + timedelta(minutes=1),
        )
        record_submission(
            store,
            LOCAL_USER_ID,
            problem_id="find_bigrams",
            code="c",
            verdict="Accepted",
            tests=[],
            seconds=0.3,
            created_at=start + timedelta(minutes=2),
        )
        mine = recent_submissions(store, LOCAL_USER_ID, "can_shift")
        assert [s.id for s in mine] == [second, first]
        assert mine[0].tests == tests and mine[0].code == "b" and mine[0].verdict == "Accepted"
        assert [s.problem_id for s in recent_submissions(store, LOCAL_USER_ID, limit=2)] == [
            "find_bigrams",
            "can_shift",
        ]
    finally:
        store.close()
