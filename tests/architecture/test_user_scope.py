"""Per-user scoping in the core: one person's practice, code, hints, mocks and settings never
show up in another's, on SQLite and PostgreSQL; an old single-user database keeps every row
as the local user's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, func, inspect, select, text

from mlinterview.interviews.mock import MockNotFound
from mlinterview.judge.verdict import JudgeResult, Verdict
from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID, CardState, Review, User
from mlinterview.workspace import Workspace


def _add_user(store: Store, name: str) -> int:
    with store.transaction() as session:
        user = User(name=name, role="candidate", created_at=datetime.now(UTC))
        session.add(user)
        session.flush()
        return int(user.id)


def test_two_people_on_one_store_see_only_their_own(store: Store) -> None:
    base = Workspace(store)
    alice = base.for_user(_add_user(store, "alice"))
    bob = base.for_user(_add_user(store, "bob"))
    card = alice.cards()[0].id

    alice.record_rating(card, 1, lang="en", answer="I am not sure.")
    alice.set_language("de")
    alice.hints("softmax", "en", reveal=True)
    alice.save_submission(
        JudgeResult(problem="softmax", verdict=Verdict.ACCEPTED, tests=(), seconds=0.1), "code"
    )
    mock = alice.start_mock("generalist", minutes=15, seed=3)

    assert card in alice.practice.states() and alice.stats()
    assert bob.practice.states() == {}
    assert bob.language() == "en" and alice.language() == "de"
    assert bob.hints("softmax", "en").shown == () and len(alice.hints("softmax", "en").shown) == 1
    assert bob.problem_statuses() == {} and alice.problem_statuses() == {
        "softmax": "solved_with_hints"
    }
    assert bob.submissions("softmax") == [] and len(alice.submissions("softmax")) == 1
    assert bob.mocks() == [] and [m.id for m in alice.mocks()] == [mock.id]
    with pytest.raises(MockNotFound):
        bob.mock(mock.id)
    with pytest.raises(MockNotFound):
        bob.answer_mock(mock.id, 0, "an answer to someone else's mock")
    with pytest.raises(MockNotFound):
        bob.finish_mock(mock.id)
    assert bob.undo_last_rating() is None  # Bob has nothing to undo; Alice's review stays
    assert alice.practice.review_count() == 1
    board = bob.dashboard()
    assert (board.reviews_today, board.problems_solved, board.mocks_finished) == (0, 0, 0)
    assert (alice.dashboard().reviews_today, alice.dashboard().problems_solved) == (1, 1)
    # Bob's own rating of the same card is a separate schedule: "easy" comes back much later.
    bob.record_rating(card, 4, lang="en")
    assert bob.practice.states()[card].due > alice.practice.states()[card].due
    assert alice.practice.review_count() == 1 and bob.practice.review_count() == 1


OLD_ROWS = {
    "card_states": "INSERT INTO card_states (card_id, fsrs_card, due, state, stability,"
    " last_review, reps) VALUES ('overfitting', '{}', '2026-01-02 00:00:00', 2, 1.5,"
    " '2026-01-01 00:00:00', 1)",
    "reviews": "INSERT INTO reviews (card_id, rating, reviewed_at, lang, answer, score,"
    " duration_ms, origin) VALUES ('overfitting', 3, '2026-01-01 00:00:00', 'de', 'x', 0.5,"
    " 1000, 'practice')",
    "settings": "INSERT INTO settings (key, value) VALUES ('lang', 'de')",
    "practice_queue": "INSERT INTO practice_queue (card_id, reason, queued_at)"
    " VALUES ('roc-auc', 'mock #1', '2026-01-01 00:00:00')",
    "hint_uses": "INSERT INTO hint_uses (problem_id, hint_index, revealed_at)"
    " VALUES ('softmax', 0, '2026-01-01 00:00:00')",
    "submissions": "INSERT INTO submissions (problem_id, code, verdict, tests_json, seconds,"
    " created_at) VALUES ('softmax', 'x', 'Accepted', '[]', 0.1, '2026-01-01 00:00:00')",
    "mock_interviews": "INSERT INTO mock_interviews (role, level, lang, minutes, seed,"
    " plan_json, started_at) VALUES ('generalist', 'mid', 'en', 15, 1, '{\"stages\": []}',"
    " '2026-01-01 00:00:00')",
}


def test_a_single_user_database_moves_into_team_mode_with_every_row(sqlite_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from mlinterview.store.db import MIGRATIONS_DIR

    engine = create_engine(sqlite_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        for statement in OLD_ROWS.values():
            connection.execute(text(statement))
    engine.dispose()

    store = Store(sqlite_url)  # migrates to team mode
    try:
        assert "users" in inspect(store.engine).get_table_names()
        with store.transaction() as session:
            local = session.get(User, LOCAL_USER_ID)
            assert local is not None and local.role == "admin" and local.password_hash is None
            for table in OLD_ROWS:
                owners = session.execute(text(f"SELECT user_id, count(*) FROM {table} GROUP BY 1"))
                assert dict(owners.all()) == {LOCAL_USER_ID: 1}, table
            assert session.scalar(select(func.count()).select_from(Review)) == 1
            assert session.get(CardState, (LOCAL_USER_ID, "overfitting")) is not None
        ws = Workspace(store)
        assert ws.language() == "de" and ws.practice.review_count() == 1
        assert ws.practice.queued() == ["roc-auc"] and ws.problem_statuses()["softmax"]
        assert len(ws.mocks()) == 1
    finally:
        store.close()
