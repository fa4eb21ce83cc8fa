"""Spaced repetition over the bank: which card comes next, and what a rating changes.

The FSRS scheduler (``fsrs`` package) owns the memory model; this module only stores its
card state and review log, one transaction per review, so a crash never loses an answer
that was already rated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from mlinterview.content.schema import Card, Topic
from mlinterview.store import practice as practice_store
from mlinterview.store.db import Store
from mlinterview.store.practice import StoredCardState, aware

RATINGS: dict[int, str] = {1: "again", 2: "hard", 3: "good", 4: "easy"}
MASTERY_HORIZON_DAYS = 7
MATURE_DAYS = 21.0  # Anki's convention: an interval of three weeks or more is "mature"
STREAK_WINDOW_DAYS = 366  # a streak is counted within the last year


def utcnow() -> datetime:
    return datetime.now(UTC)


def make_scheduler() -> Scheduler:
    # Fuzzing spreads due dates randomly; off, so that the same history gives the same plan.
    return Scheduler(enable_fuzzing=False)


def parse_rating(value: str | int) -> int:
    """Accept 1-4 or the words again/hard/good/easy (also the German ones)."""
    text = str(value).strip().lower()
    words = {
        "again": 1,
        "nochmal": 1,
        "hard": 2,
        "schwer": 2,
        "good": 3,
        "gut": 3,
        "easy": 4,
        "leicht": 4,
    }
    if text in words:
        return words[text]
    if text in {"1", "2", "3", "4"}:
        return int(text)
    raise ValueError(f"rating {value!r} is not valid; use 1-4 or again/hard/good/easy")


@dataclass(frozen=True)
class ReviewOutcome:
    card_id: str
    rating: int
    due: datetime
    stability: float | None
    review_id: int


@dataclass(frozen=True)
class TopicStats:
    topic: str
    cards: int
    seen: int
    due_today: int
    mature: int
    average_retrievability: float | None
    due_now: int = 0
    recall_in_a_week: float = 0.0  # mean recall probability in 7 days; unseen cards count 0


class PracticeService:
    """Scheduling and review history of one person in one store."""

    def __init__(self, store: Store, user_id: int, scheduler: Scheduler | None = None) -> None:
        self.store = store
        self.user_id = user_id
        self.scheduler = scheduler or make_scheduler()

    # -- choosing cards -------------------------------------------------------------
    def states(self) -> dict[str, StoredCardState]:
        return practice_store.card_states(self.store, self.user_id)

    def queued(self) -> list[str]:
        return practice_store.queued_card_ids(self.store, self.user_id)

    def snapshot(self) -> tuple[dict[str, StoredCardState], list[str]]:
        """``states()`` and ``queued()`` read together, in one transaction."""
        return practice_store.states_and_queue(self.store, self.user_id)

    def next_cards(
        self,
        cards: Iterable[Card],
        *,
        limit: int | None = None,
        now: datetime | None = None,
        snapshot: tuple[dict[str, StoredCardState], list[str]] | None = None,
    ) -> list[Card]:
        """Queued cards first, then due cards (most overdue first), then new ones.
        ``snapshot``: states and queue already read (``snapshot()``), else read here."""
        moment = now or utcnow()
        pool = {card.id: card for card in cards}
        states, queued_ids = snapshot if snapshot is not None else self.snapshot()
        queued = [pool[cid] for cid in queued_ids if cid in pool]
        due = sorted(
            (
                (aware(state.due), pool[cid])
                for cid, state in states.items()
                if cid in pool and aware(state.due) <= moment
            ),
            key=lambda pair: (pair[0], pair[1].id),
        )
        new = [card for cid, card in pool.items() if cid not in states]
        ordered: list[Card] = []
        seen: set[str] = set()
        for card in [*queued, *(card for _, card in due), *new]:
            if card.id not in seen:
                seen.add(card.id)
                ordered.append(card)
        return ordered[:limit] if limit is not None else ordered

    # -- recording ------------------------------------------------------------------
    def record_review(
        self,
        card_id: str,
        rating: int,
        *,
        lang: str,
        answer: str | None = None,
        score: float | None = None,
        duration_ms: int | None = None,
        origin: str = "practice",
        now: datetime | None = None,
    ) -> ReviewOutcome:
        """Schedule the card and log the review in a single transaction."""
        if rating not in RATINGS:
            raise ValueError(f"rating {rating!r} is not valid; use 1-4")
        moment = now or utcnow()
        due: list[datetime] = []
        stability: list[float | None] = []

        def schedule(stored: str | None) -> practice_store.Scheduled:
            fsrs_card = FsrsCard.from_json(stored) if stored else FsrsCard()
            updated, _log = self.scheduler.review_card(
                fsrs_card, Rating(rating), review_datetime=moment
            )
            due.append(updated.due)
            stability.append(updated.stability)
            return practice_store.Scheduled(
                updated.to_json(), updated.due, int(updated.state), updated.stability
            )

        review_id = practice_store.save_review(
            self.store,
            self.user_id,
            card_id,
            rating,
            schedule,
            moment=moment,
            lang=lang,
            answer=answer,
            score=score,
            duration_ms=duration_ms,
            origin=origin,
        )
        return ReviewOutcome(card_id, rating, due[-1], stability[-1], review_id)

    def intervals(self, card_id: str, now: datetime | None = None) -> dict[int, timedelta]:
        """How long until the card comes back for each rating (FSRS), nothing stored."""
        moment = now or utcnow()
        stored = self.states().get(card_id)
        card = FsrsCard.from_json(stored.fsrs_card) if stored else FsrsCard()
        result = {}
        for rating in RATINGS:
            updated, _log = self.scheduler.review_card(card, Rating(rating), review_datetime=moment)
            result[rating] = updated.due - moment
        return result

    def undo_last(self) -> str | None:
        """Take back the latest rating (the card's state is replayed from the rest of its
        reviews); returns the card's id, or None when nothing was rated yet."""
        last = practice_store.last_review(self.store, self.user_id)
        if last is None:
            return None

        def replay(rest: list[practice_store.StoredReview]) -> practice_store.Scheduled | None:
            if not rest:
                return None
            card = FsrsCard()
            for review in rest:
                card, _log = self.scheduler.review_card(
                    card, Rating(review.rating), review_datetime=review.reviewed_at
                )
            return practice_store.Scheduled(
                card.to_json(), card.due, int(card.state), card.stability
            )

        practice_store.undo_review(self.store, self.user_id, last.id, replay)
        return last.card_id

    def enqueue(self, card_ids: Iterable[str], reason: str, now: datetime | None = None) -> int:
        """Put cards at the front of the next practice session (idempotent)."""
        return practice_store.enqueue_cards(
            self.store, self.user_id, card_ids, reason, now or utcnow()
        )

    # -- reporting ------------------------------------------------------------------
    def data_version(self) -> tuple[int, ...]:
        """Changes whenever a review or a queued card is written (by any process)."""
        return practice_store.data_version(self.store, self.user_id)

    def review_count(self, card_id: str | None = None) -> int:
        return practice_store.review_count(self.store, self.user_id, card_id)

    def reviews_per_day(self, days: int = 30, now: datetime | None = None) -> dict[str, int]:
        moment = now or utcnow()
        start = (moment - timedelta(days=days - 1)).date()
        counts: dict[str, int] = {
            (start + timedelta(days=offset)).isoformat(): 0 for offset in range(days)
        }
        since = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
        for reviewed_at in practice_store.review_times_since(self.store, self.user_id, since):
            day = reviewed_at.date().isoformat()
            if day in counts:
                counts[day] += 1
        return counts

    def streak(self, now: datetime | None = None) -> int:
        """Consecutive days up to today (or yesterday) with at least one review."""
        return streak_days(self.reviews_per_day(days=STREAK_WINDOW_DAYS, now=now))

    def stats(self, cards: Iterable[Card], now: datetime | None = None) -> list[TopicStats]:
        moment = now or utcnow()
        end_of_day = datetime.combine(moment.date(), datetime.max.time(), tzinfo=UTC)
        states = self.states()
        grouped: dict[str, list[Card]] = defaultdict(list)
        for card in cards:
            grouped[card.topic.value].append(card)
        result = []
        for topic in Topic:
            members = grouped.get(topic.value, [])
            if not members:
                continue
            seen = [states[c.id] for c in members if c.id in states]
            fsrs_cards = [FsrsCard.from_json(state.fsrs_card) for state in seen]
            retrievabilities = [
                self.scheduler.get_card_retrievability(card, current_datetime=moment)
                for card in fsrs_cards
            ]
            # A card rated "again" today is recalled now but forgotten within days: mastery
            # looks a week ahead, where only what was really learnt is still remembered.
            week = moment + timedelta(days=MASTERY_HORIZON_DAYS)
            in_a_week = [
                self.scheduler.get_card_retrievability(card, current_datetime=week)
                for card in fsrs_cards
            ]
            result.append(
                TopicStats(
                    topic=topic.value,
                    cards=len(members),
                    seen=len(seen),
                    due_today=sum(1 for s in seen if aware(s.due) <= end_of_day),
                    mature=sum(
                        1
                        for s in seen
                        if s.state == int(State.Review) and (s.stability or 0) >= MATURE_DAYS
                    ),
                    average_retrievability=(
                        sum(retrievabilities) / len(retrievabilities) if retrievabilities else None
                    ),
                    due_now=sum(1 for s in seen if aware(s.due) <= moment),
                    recall_in_a_week=sum(in_a_week) / len(members),
                )
            )
        return result


def streak_days(per_day: dict[str, int]) -> int:
    """Length of the run of review days ending today, or yesterday if today is still empty.

    ``per_day`` maps ISO dates to counts for consecutive days, as ``reviews_per_day`` gives.
    """
    days = sorted(per_day, reverse=True)
    if days and per_day[days[0]] == 0:
        days = days[1:]
    count = 0
    for day in days:
        if per_day[day] == 0:
            break
        count += 1
    return count
