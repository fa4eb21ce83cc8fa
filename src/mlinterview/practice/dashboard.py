"""The numbers a dashboard shows, computed once here for every interface."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from mlinterview.content.schema import Card
from mlinterview.practice.scheduling import (
    STREAK_WINDOW_DAYS,
    PracticeService,
    TopicStats,
    streak_days,
    utcnow,
)


@dataclass(frozen=True)
class Dashboard:
    due_now: int
    new_cards: int
    total_cards: int
    reviews_today: int
    streak_days: int
    reviews_per_day: list[tuple[str, int]]
    topics: list[TopicStats]
    problems_solved: int = 0
    problems_attempted: int = 0
    problems_total: int = 0
    mocks_finished: int = 0
    last_mock_score: float | None = None

    @property
    def busiest_day(self) -> int:
        return max((count for _, count in self.reviews_per_day), default=0)


def mastery(row: TopicStats) -> float:
    """How much of a topic you would still recall in a week (unseen cards count as zero).

    Not the share of cards seen, nor today's recall: a card just rated "again" is fresh
    in memory now and gone in a few days.
    """
    return row.recall_in_a_week


class DashboardCache:
    """Reuse a dashboard until a review is written or the minute changes.

    Writes made through this process call :meth:`invalidate`; writes by other processes
    (a CLI session on the same database) are noticed by a one-query version check made
    at most once every ``recheck_seconds``. A busy dashboard therefore costs a template
    render, not a recomputation of every topic's retrievability.
    """

    def __init__(
        self,
        service: PracticeService,
        cards: Iterable[Card],
        recheck_seconds: float = 1.0,
        problems_total: int = 0,
    ) -> None:
        self.service = service
        self.cards = list(cards)
        self.problems_total = problems_total
        self.recheck_seconds = recheck_seconds
        self._key: tuple[object, ...] | None = None
        self._value: Dashboard | None = None
        self._checked_at = float("-inf")
        self._version: tuple[int, ...] | None = None

    def invalidate(self) -> None:
        self._value = None

    def get(self, now: datetime | None = None) -> Dashboard:
        moment = now or utcnow()
        clock = time.monotonic()
        if self._version is None or clock - self._checked_at >= self.recheck_seconds:
            self._version = self.service.data_version()
            self._checked_at = clock
        key = (self._version, moment.replace(second=0, microsecond=0))
        if self._value is None or key != self._key:
            self._value = build_dashboard(
                self.service, self.cards, now=moment, problems_total=self.problems_total
            )
            self._key = key
        return self._value


def build_dashboard(
    service: PracticeService,
    cards: Iterable[Card],
    *,
    days: int = 30,
    now: datetime | None = None,
    problems_total: int = 0,
) -> Dashboard:
    moment = now or utcnow()
    pool = list(cards)
    states = service.states()
    # One query for the year serves both the streak and the chart's last ``days`` days.
    per_year = service.reviews_per_day(days=max(days, STREAK_WINDOW_DAYS), now=moment)
    per_day = dict(list(per_year.items())[-days:])
    from mlinterview.store import practice as practice_store

    progress = practice_store.coding_and_mock_progress(service.store, service.user_id)
    topics = service.stats(pool, now=moment)
    return Dashboard(
        problems_solved=progress.problems_solved,
        problems_attempted=progress.problems_attempted,
        problems_total=problems_total,
        mocks_finished=progress.mocks_finished,
        last_mock_score=progress.last_mock_score,
        due_now=sum(row.due_now for row in topics),  # the same count as the table's column
        new_cards=sum(1 for card in pool if card.id not in states),
        total_cards=len(pool),
        reviews_today=per_day.get(moment.date().isoformat(), 0),
        streak_days=streak_days(per_year),
        reviews_per_day=list(per_day.items()),
        topics=topics,
    )
