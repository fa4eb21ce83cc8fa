"""The dashboard's numbers, and its cache noticing writes from other processes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mlinterview.content.loader import bundled_bank
from mlinterview.practice.dashboard import DashboardCache, build_dashboard, mastery
from mlinterview.practice.scheduling import PracticeService
from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def test_dashboard_counts(store: Store) -> None:
    service = PracticeService(store, LOCAL_USER_ID)
    cards = list(bundled_bank())
    service.record_review(cards[0].id, 1, lang="en", now=NOW - timedelta(days=1))
    service.record_review(cards[1].id, 4, lang="en", now=NOW)
    board = build_dashboard(service, cards, now=NOW)
    assert board.total_cards == len(cards)
    assert board.new_cards == len(cards) - 2
    assert board.due_now == 1  # the card failed yesterday; the easy one is not due
    assert board.reviews_today == 1
    assert board.streak_days == 2
    assert len(board.reviews_per_day) == 30
    assert 0 < sum(mastery(row) for row in board.topics) <= len(board.topics)


def test_cache_sees_writes_from_another_connection(database_url: str) -> None:
    web_store, cli_store = Store(database_url), Store(database_url)
    cards = list(bundled_bank())
    cache = DashboardCache(PracticeService(web_store, LOCAL_USER_ID), cards, recheck_seconds=0.0)
    before = cache.get(now=NOW)
    assert cache.get(now=NOW) is before  # nothing changed: the same object is reused
    PracticeService(cli_store, LOCAL_USER_ID).record_review(cards[0].id, 3, lang="de", now=NOW)
    after = cache.get(now=NOW)
    assert after is not before
    assert after.reviews_today == before.reviews_today + 1
    slow = DashboardCache(PracticeService(web_store, LOCAL_USER_ID), cards, recheck_seconds=3600)
    first = slow.get(now=NOW)
    PracticeService(cli_store, LOCAL_USER_ID).record_review(cards[1].id, 3, lang="de", now=NOW)
    assert slow.get(now=NOW) is first  # within the recheck interval the cache is trusted
    slow.invalidate()
    assert slow.get(now=NOW).reviews_today == first.reviews_today + 1
    web_store.close()
    cli_store.close()
