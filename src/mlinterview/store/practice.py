"""The practice tables as plain data: card states, the review log and the front queue.

The scheduler (``practice.scheduling``) decides; this module only reads and writes, one
transaction per unit of work, so a review is stored the moment it is rated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, text

from mlinterview.store.db import Store
from mlinterview.store.models import CardState, QueuedCard, Review


def aware(moment: datetime) -> datetime:
    """SQLite drops tz info; every timestamp we store is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class StoredCardState:
    card_id: str
    fsrs_card: str  # the fsrs Card as JSON
    due: datetime
    state: int
    stability: float | None
    reps: int


@dataclass(frozen=True)
class Scheduled:
    """What the scheduler made of a rating: the new state to store."""

    fsrs_card: str
    due: datetime
    state: int
    stability: float | None


def card_states(store: Store) -> dict[str, StoredCardState]:
    with store.transaction() as session:
        return {
            row.card_id: StoredCardState(
                row.card_id, row.fsrs_card, aware(row.due), row.state, row.stability, row.reps or 0
            )
            for row in session.scalars(select(CardState))
        }


def queued_card_ids(store: Store) -> list[str]:
    with store.transaction() as session:
        rows = session.scalars(select(QueuedCard).order_by(QueuedCard.queued_at))
        return [row.card_id for row in rows]


def save_review(
    store: Store,
    card_id: str,
    rating: int,
    schedule: Callable[[str | None], Scheduled],
    *,
    moment: datetime,
    lang: str,
    answer: str | None,
    score: float | None,
    duration_ms: int | None,
    origin: str,
) -> int:
    """Lock the card's state, let ``schedule`` compute the new one, log the review; one
    transaction. Returns the review's id."""
    with store.transaction() as session:
        state = session.get(CardState, card_id, with_for_update=True)
        scheduled = schedule(state.fsrs_card if state is not None else None)
        if state is None:
            state = CardState(card_id=card_id, reps=0)
            session.add(state)
        state.fsrs_card = scheduled.fsrs_card
        state.due = scheduled.due
        state.state = scheduled.state
        state.stability = scheduled.stability
        state.last_review = moment
        state.reps = (state.reps or 0) + 1
        review = Review(
            card_id=card_id,
            rating=rating,
            reviewed_at=moment,
            lang=lang,
            answer=answer or None,
            score=score,
            duration_ms=duration_ms,
            origin=origin,
        )
        session.add(review)
        session.execute(delete(QueuedCard).where(QueuedCard.card_id == card_id))
        session.flush()
        return int(review.id)


def enqueue_cards(store: Store, card_ids: Iterable[str], reason: str, moment: datetime) -> int:
    """Put cards at the front of practice (idempotent); returns how many were added."""
    added = 0
    with store.transaction() as session:
        for card_id in dict.fromkeys(card_ids):
            if session.get(QueuedCard, card_id) is None:
                session.add(QueuedCard(card_id=card_id, reason=reason[:200], queued_at=moment))
                added += 1
    return added


def data_version(store: Store) -> tuple[int, ...]:
    """Changes whenever a review, a queued card, a submission or a mock answer is written
    (by any process)."""
    with store.engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT (SELECT coalesce(max(id), 0) FROM reviews),"
                " (SELECT count(*) FROM reviews), (SELECT count(*) FROM practice_queue),"
                " (SELECT coalesce(max(id), 0) FROM submissions),"
                " (SELECT coalesce(max(id), 0) FROM mock_answers),"
                " (SELECT count(*) FROM mock_interviews WHERE finished_at IS NOT NULL)"
            )
        ).one()
    return tuple(int(value) for value in row)


@dataclass(frozen=True)
class Progress:
    problems_solved: int
    problems_attempted: int
    mocks_finished: int
    last_mock_score: float | None


def coding_and_mock_progress(store: Store) -> Progress:
    """Distinct problems accepted and attempted; finished mocks and the latest one's score."""
    from mlinterview.store.models import MockInterview, Submission

    with store.transaction() as session:
        solved = session.scalar(
            select(func.count(func.distinct(Submission.problem_id))).where(
                Submission.verdict == "Accepted"
            )
        )
        attempted = session.scalar(select(func.count(func.distinct(Submission.problem_id))))
        finished = select(MockInterview).where(MockInterview.finished_at.is_not(None))
        count = session.scalar(select(func.count()).select_from(finished.subquery()))
        latest = session.scalars(
            finished.order_by(MockInterview.finished_at.desc(), MockInterview.id.desc()).limit(1)
        ).first()
        return Progress(
            int(solved or 0), int(attempted or 0), int(count or 0), latest.score if latest else None
        )


def review_count(store: Store, card_id: str | None = None) -> int:
    with store.transaction() as session:
        query = select(func.count(Review.id))
        if card_id is not None:
            query = query.where(Review.card_id == card_id)
        return int(session.scalar(query) or 0)


def review_times_since(store: Store, since: datetime) -> list[datetime]:
    with store.transaction() as session:
        rows = session.execute(select(Review.reviewed_at).where(Review.reviewed_at >= since))
        return [aware(reviewed_at) for (reviewed_at,) in rows]


@dataclass(frozen=True)
class StoredReview:
    id: int
    card_id: str
    rating: int
    reviewed_at: datetime


def last_review(store: Store) -> StoredReview | None:
    with store.transaction() as session:
        row = session.scalars(select(Review).order_by(Review.id.desc()).limit(1)).first()
        if row is None:
            return None
        return StoredReview(row.id, row.card_id, row.rating, aware(row.reviewed_at))


def reviews_of(store: Store, card_id: str) -> list[StoredReview]:
    with store.transaction() as session:
        rows = session.scalars(select(Review).where(Review.card_id == card_id).order_by(Review.id))
        return [StoredReview(r.id, r.card_id, r.rating, aware(r.reviewed_at)) for r in rows]


def undo_review(
    store: Store, review_id: int, replay: Callable[[list[StoredReview]], Scheduled | None]
) -> None:
    """Delete one review and set its card's state to what the remaining reviews give
    (``replay`` runs the scheduler over them; None: the card was never reviewed)."""
    with store.transaction() as session:
        review = session.get(Review, review_id)
        if review is None:
            return
        card_id = review.card_id
        session.delete(review)
        session.flush()
        rest = [
            StoredReview(r.id, r.card_id, r.rating, aware(r.reviewed_at))
            for r in session.scalars(
                select(Review).where(Review.card_id == card_id).order_by(Review.id)
            )
        ]
        state = session.get(CardState, card_id, with_for_update=True)
        scheduled = replay(rest)
        if scheduled is None:
            if state is not None:
                session.delete(state)
            return
        if state is None:
            state = CardState(card_id=card_id, reps=0)
            session.add(state)
        state.fsrs_card = scheduled.fsrs_card
        state.due = scheduled.due
        state.state = scheduled.state
        state.stability = scheduled.stability
        state.last_review = rest[-1].reviewed_at
        state.reps = len(rest)
