"""FSRS scheduling and review history on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mlinterview.content.loader import bundled_bank, select_cards
from mlinterview.practice.scheduling import PracticeService, parse_rating
from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def _cards(n: int = 6) -> list:  # type: ignore[type-arg]
    return list(bundled_bank())[:n]


def test_new_cards_come_in_bank_order_when_nothing_is_due(store: Store) -> None:
    service = PracticeService(store, LOCAL_USER_ID)
    cards = _cards()
    assert [c.id for c in service.next_cards(cards, now=NOW)] == [c.id for c in cards]
    assert len(service.next_cards(cards, limit=2, now=NOW)) == 2


def test_rating_schedules_by_fsrs_and_due_cards_come_first(store: Store) -> None:
    service = PracticeService(store, LOCAL_USER_ID)
    cards = _cards()
    again = service.record_review(cards[3].id, 1, lang="en", now=NOW)
    easy = service.record_review(cards[4].id, 4, lang="de", now=NOW)
    assert again.due < easy.due
    assert easy.due - NOW >= timedelta(days=1)
    later = NOW + timedelta(hours=1)
    order = [c.id for c in service.next_cards(cards, now=later)]
    # The failed card is due again within the hour and comes before every new card;
    # the easy one is not due yet and is no longer offered as new.
    assert order[0] == cards[3].id
    assert cards[4].id not in order
    assert len(order) == len(cards) - 1


def test_every_review_is_logged_with_answer_and_score(store: Store) -> None:
    service = PracticeService(store, LOCAL_USER_ID)
    card = _cards(1)[0]
    service.record_review(card.id, 3, lang="de", answer="Meine Antwort", score=0.7, now=NOW)
    service.record_review(card.id, 2, lang="de", now=NOW + timedelta(days=1))
    assert service.review_count(card.id) == 2
    assert service.states()[card.id].reps == 2
    per_day = service.reviews_per_day(days=7, now=NOW + timedelta(days=1))
    assert per_day[NOW.date().isoformat()] == 1
    assert sum(per_day.values()) == 2
    assert service.streak(now=NOW + timedelta(days=1)) == 2


def test_invalid_rating_writes_nothing(store: Store) -> None:
    service = PracticeService(store, LOCAL_USER_ID)
    with pytest.raises(ValueError, match="rating"):
        service.record_review("overfitting", 7, lang="en", now=NOW)
    assert service.review_count() == 0
    assert service.states() == {}


def test_queued_cards_jump_the_line_until_reviewed(store: Store) -> None:
    service = PracticeService(store, LOCAL_USER_ID)
    cards = _cards()
    assert service.enqueue([cards[5].id, cards[5].id], "missed in mock", now=NOW) == 1
    assert service.next_cards(cards, now=NOW)[0].id == cards[5].id
    service.record_review(cards[5].id, 3, lang="en", now=NOW)
    assert service.queued() == []


def test_stats_per_topic(store: Store) -> None:
    service = PracticeService(store, LOCAL_USER_ID)
    bank = list(bundled_bank())
    first = bank[0]
    for day in range(4):  # repeated good reviews build stability
        service.record_review(first.id, 4, lang="en", now=NOW + timedelta(days=40 * day))
    service.record_review(bank[1].id, 1, lang="en", now=NOW + timedelta(days=120))
    rows = {row.topic: row for row in service.stats(bank, now=NOW + timedelta(days=120))}
    topic = rows[first.topic.value]
    assert topic.cards == sum(1 for c in bank if c.topic == first.topic)
    assert topic.seen == len(
        {first.id, bank[1].id} & {c.id for c in bank if c.topic == first.topic}
    )
    assert topic.mature >= 1
    assert topic.average_retrievability is not None
    assert 0.0 < topic.average_retrievability <= 1.0
    assert topic.due_today >= 1  # the card rated "again" is due within minutes


def test_rating_words_and_filters() -> None:
    assert parse_rating("Gut") == 3 and parse_rating("again") == 1 and parse_rating(4) == 4
    with pytest.raises(ValueError, match="1-4"):
        parse_rating("perfect")
    with pytest.raises(ValueError, match="unknown topic 'astro'"):
        select_cards(bundled_bank(), topic="astro")
    with pytest.raises(ValueError, match="unknown role"):
        select_cards(bundled_bank(), role="wizard")
    nlp = select_cards(bundled_bank(), role="nlp")
    assert nlp and all(any(r.value == "nlp" for r in c.roles) for c in nlp)
