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

    @property
    def busiest_day(self) -> int:
        return max((count for _, count in self.reviews_per_day), default=0)


def mastery(row: TopicStats) -> float:
    """Share of a topic's cards you would recall now (unseen cards count as zero)."""
    if row.cards == 0 or row.average_retrievability is None:
        return 0.0
    return row.average_retrievability * row.seen / row.cards


class DashboardCache:
    """Reuse a dashboard until a review is written or the minute changes.

    Writes made through this process call :meth:`invalidate`; writes by other processes
    (a CLI session on the same database) are noticed by a one-query version check made
    at most once every ``recheck_seconds``. A busy dashboard therefore costs a template
    render, not a recomputation of every topic's retrievability.
    """

    def __init__(
        self, service: PracticeService, cards: Iterable[Card], recheck_seconds: float = 1.0
    ) -> None:
        self.service = service
        self.cards = list(cards)
        self.recheck_seconds = recheck_seconds
        self._key: tuple[object, ...] | None = None
        self._value: Dashboard | None = None
        self._checked_at = float("-inf")
        self._version: tuple[int, int, int] | None = None

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
            self._value = build_dashboard(self.service, self.cards, now=moment)
            self._key = key
        return self._value


def build_dashboard(
    service: PracticeService, cards: Iterable[Card], *, days: int = 30, now: datetime | None = None
) -> Dashboard:
    moment = now or utcnow()
    pool = list(cards)
    states = service.states()
    queue = service.next_cards(pool, now=moment)
    # One query for the year serves both the streak and the chart's last ``days`` days.
    per_year = service.reviews_per_day(days=max(days, STREAK_WINDOW_DAYS), now=moment)
    per_day = dict(list(per_year.items())[-days:])
    return Dashboard(
        due_now=sum(1 for card in queue if card.id in states),
        new_cards=sum(1 for card in pool if card.id not in states),
        total_cards=len(pool),
        reviews_today=per_day.get(moment.date().isoformat(), 0),
        streak_days=streak_days(per_year),
        reviews_per_day=list(per_day.items()),
        topics=service.stats(pool, now=moment),
    )
