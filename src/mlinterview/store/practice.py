"""The practice tables as plain data: card states, the review log and the front queue.

Every function takes the user whose rows it reads or writes: scoping lives here, under
the core, so no adapter can forget it.

The scheduler (``practice.scheduling``) decides; this module only reads and writes, one
transaction per unit of work, so a review is stored the moment it is rated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

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


def _states(session: Session, user_id: int) -> dict[str, StoredCardState]:
    return {
        row.card_id: StoredCardState(
            row.card_id, row.fsrs_card, aware(row.due), row.state, row.stability, row.reps or 0
        )
        for row in session.scalars(select(CardState).where(CardState.user_id == user_id))
    }


def card_states(store: Store, user_id: int) -> dict[str, StoredCardState]:
    with store.transaction() as session:
        return _states(session, user_id)


def states_and_queue(store: Store, user_id: int) -> tuple[dict[str, StoredCardState], list[str]]:
    """``card_states`` and ``queued_card_ids`` read in one transaction (one round of
    connection checkout and commit instead of two, on every practice page)."""
    with store.transaction() as session:
        states = _states(session, user_id)
        return states, _queued(session, user_id)


def _queued(session: Session, user_id: int) -> list[str]:
    return list(
        session.scalars(
            select(QueuedCard.card_id)
            .where(QueuedCard.user_id == user_id)
            .order_by(QueuedCard.queued_at)
        )
    )


def queued_card_ids(store: Store, user_id: int) -> list[str]:
    with store.transaction() as session:
        return _queued(session, user_id)


def save_review(
    store: Store,
    user_id: int,
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
        state = session.get(CardState, (user_id, card_id), with_for_update=True)
        scheduled = schedule(state.fsrs_card if state is not None else None)
        if state is None:
            state = CardState(user_id=user_id, card_id=card_id, reps=0)
            session.add(state)
        state.fsrs_card = scheduled.fsrs_card
        state.due = scheduled.due
        state.state = scheduled.state
        state.stability = scheduled.stability
        state.last_review = moment
        state.reps = (state.reps or 0) + 1
        review = Review(
            user_id=user_id,
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
        session.execute(
            delete(QueuedCard).where(QueuedCard.user_id == user_id, QueuedCard.card_id == card_id)
        )
        session.flush()
        return int(review.id)


def enqueue_cards(
    store: Store, user_id: int, card_ids: Iterable[str], reason: str, moment: datetime
) -> int:
    """Put cards at the front of practice (idempotent); returns how many were added."""
    added = 0
    with store.transaction() as session:
        for card_id in dict.fromkeys(card_ids):
            if session.get(QueuedCard, (user_id, card_id)) is None:
                session.add(
                    QueuedCard(
                        user_id=user_id, card_id=card_id, reason=reason[:200], queued_at=moment
                    )
                )
                added += 1
    return added


def data_version(store: Store, user_id: int) -> tuple[int, ...]:
    """Changes whenever one of the user's reviews, queued cards, submissions or mock answers
    is written (by any process)."""
    with store.engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT (SELECT coalesce(max(id), 0) FROM reviews WHERE user_id = :u),"
                " (SELECT count(*) FROM reviews WHERE user_id = :u),"
                " (SELECT count(*) FROM practice_queue WHERE user_id = :u),"
                " (SELECT coalesce(max(id), 0) FROM submissions WHERE user_id = :u),"
                " (SELECT count(*) FROM submissions WHERE user_id = :u AND state = 'done'),"
                " (SELECT coalesce(max(a.id), 0) FROM mock_answers a"
                "   JOIN mock_interviews m ON m.id = a.mock_id WHERE m.user_id = :u),"
                " (SELECT count(*) FROM mock_interviews"
                "   WHERE user_id = :u AND finished_at IS NOT NULL)"
            ),
            {"u": user_id},
        ).one()
    return tuple(int(value) for value in row)


@dataclass(frozen=True)
class Progress:
    problems_solved: int
    problems_attempted: int
    mocks_finished: int
    last_mock_score: float | None


def coding_and_mock_progress(store: Store, user_id: int) -> Progress:
    """Distinct problems accepted and attempted; finished mocks and the latest one's score."""
    from mlinterview.store.models import MockInterview, Submission

    with store.transaction() as session:
        solved = session.scalar(
            select(func.count(func.distinct(Submission.problem_id))).where(
                Submission.user_id == user_id, Submission.verdict == "Accepted"
            )
        )
        attempted = session.scalar(
            select(func.count(func.distinct(Submission.problem_id))).where(
                Submission.user_id == user_id, Submission.state == "done"
            )
        )
        finished = select(MockInterview).where(
            MockInterview.user_id == user_id, MockInterview.finished_at.is_not(None)
        )
        count = session.scalar(select(func.count()).select_from(finished.subquery()))
        latest = session.scalars(
            finished.order_by(MockInterview.finished_at.desc(), MockInterview.id.desc()).limit(1)
        ).first()
        return Progress(
            int(solved or 0), int(attempted or 0), int(count or 0), latest.score if latest else None
        )


def review_count(store: Store, user_id: int, card_id: str | None = None) -> int:
    with store.transaction() as session:
        query = select(func.count(Review.id)).where(Review.user_id == user_id)
        if card_id is not None:
            query = query.where(Review.card_id == card_id)
        return int(session.scalar(query) or 0)


def review_times_since(store: Store, user_id: int, since: datetime) -> list[datetime]:
    with store.transaction() as session:
        rows = session.execute(
            select(Review.reviewed_at).where(Review.user_id == user_id, Review.reviewed_at >= since)
        )
        return [aware(reviewed_at) for (reviewed_at,) in rows]


@dataclass(frozen=True)
class StoredReview:
    id: int
    card_id: str
    rating: int
    reviewed_at: datetime


def last_review(store: Store, user_id: int) -> StoredReview | None:
    with store.transaction() as session:
        row = session.scalars(
            select(Review).where(Review.user_id == user_id).order_by(Review.id.desc()).limit(1)
        ).first()
        if row is None:
            return None
        return StoredReview(row.id, row.card_id, row.rating, aware(row.reviewed_at))


def reviews_of(store: Store, user_id: int, card_id: str) -> list[StoredReview]:
    with store.transaction() as session:
        rows = session.scalars(
            select(Review)
            .where(Review.user_id == user_id, Review.card_id == card_id)
            .order_by(Review.id)
        )
        return [StoredReview(r.id, r.card_id, r.rating, aware(r.reviewed_at)) for r in rows]


def undo_review(
    store: Store,
    user_id: int,
    review_id: int,
    replay: Callable[[list[StoredReview]], Scheduled | None],
) -> None:
    """Delete one review and set its card's state to what the remaining reviews give
    (``replay`` runs the scheduler over them; None: the card was never reviewed)."""
    with store.transaction() as session:
        review = session.get(Review, review_id)
        if review is None or review.user_id != user_id:
            return
        card_id = review.card_id
        session.delete(review)
        session.flush()
        rest = [
            StoredReview(r.id, r.card_id, r.rating, aware(r.reviewed_at))
            for r in session.scalars(
                select(Review)
                .where(Review.user_id == user_id, Review.card_id == card_id)
                .order_by(Review.id)
            )
        ]
        state = session.get(CardState, (user_id, card_id), with_for_update=True)
        scheduled = replay(rest)
        if scheduled is None:
            if state is not None:
                session.delete(state)
            return
        if state is None:
            state = CardState(user_id=user_id, card_id=card_id, reps=0)
            session.add(state)
        state.fsrs_card = scheduled.fsrs_card
        state.due = scheduled.due
        state.state = scheduled.state
        state.stability = scheduled.stability
        state.last_review = rest[-1].reviewed_at
        state.reps = len(rest)
