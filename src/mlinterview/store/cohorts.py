"""Cohorts, their members, assignments and coach comments as plain data.

Who may read or write what is decided in ``mlinterview.team.cohorts``; these functions only
read and write, one transaction each, and take the ids the core has already checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select, update
from sqlalchemy.exc import IntegrityError

from mlinterview.store.db import Store
from mlinterview.store.models import (
    Assignment,
    Cohort,
    CohortMember,
    Comment,
    MockAnswer,
    MockInterview,
    Review,
    Submission,
    User,
)
from mlinterview.store.practice import aware


class DuplicateName(ValueError):
    """A cohort with that name exists already."""


@dataclass(frozen=True)
class StoredUser:
    id: int
    name: str
    role: str
    disabled: bool


@dataclass(frozen=True)
class StoredCohort:
    id: int
    name: str
    created_at: datetime


@dataclass(frozen=True)
class StoredMember:
    user_id: int
    name: str
    role: str  # in the cohort: candidate or coach


@dataclass(frozen=True)
class StoredAssignment:
    id: int
    cohort_id: int
    created_by: int
    kind: str
    title: str
    payload: dict[str, Any]
    due_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class StoredComment:
    id: int
    author_id: int
    author_name: str
    candidate_id: int
    card_id: str | None
    review_id: int | None
    mock_id: int | None
    body: str
    created_at: datetime
    seen_at: datetime | None


@dataclass(frozen=True)
class AnsweredReview:
    id: int
    user_id: int
    card_id: str
    rating: int
    reviewed_at: datetime
    lang: str
    answer: str | None
    score: float | None


# -- users ---------------------------------------------------------------------------------


def get_user(store: Store, user_id: int) -> StoredUser | None:
    with store.transaction() as session:
        row = session.get(User, user_id)
        return None if row is None else StoredUser(row.id, row.name, row.role, bool(row.disabled))


def user_by_name(store: Store, name: str) -> StoredUser | None:
    with store.transaction() as session:
        row = session.scalars(select(User).where(User.name == name)).first()
        return None if row is None else StoredUser(row.id, row.name, row.role, bool(row.disabled))


def user_names(store: Store, user_ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(user_ids))
    if not ids:
        return {}
    with store.transaction() as session:
        return dict(session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())


# -- cohorts and members -------------------------------------------------------------------


def _cohort(row: Cohort) -> StoredCohort:
    return StoredCohort(row.id, row.name, aware(row.created_at))


def create_cohort(store: Store, name: str, moment: datetime) -> int:
    try:
        with store.transaction() as session:
            row = Cohort(name=name, created_at=moment)
            session.add(row)
            session.flush()
            return int(row.id)
    except IntegrityError:
        raise DuplicateName(f"a cohort named {name!r} exists already") from None


def get_cohort(store: Store, cohort_id: int) -> StoredCohort | None:
    with store.transaction() as session:
        row = session.get(Cohort, cohort_id)
        return None if row is None else _cohort(row)


def cohort_by_name(store: Store, name: str) -> StoredCohort | None:
    with store.transaction() as session:
        row = session.scalars(select(Cohort).where(Cohort.name == name)).first()
        return None if row is None else _cohort(row)


def all_cohorts(store: Store) -> list[StoredCohort]:
    with store.transaction() as session:
        return [_cohort(row) for row in session.scalars(select(Cohort).order_by(Cohort.name))]


def cohorts_of(store: Store, user_id: int, role: str | None = None) -> list[StoredCohort]:
    """The cohorts the user belongs to (as ``role`` only, when given), by name."""
    query = (
        select(Cohort)
        .join(CohortMember, CohortMember.cohort_id == Cohort.id)
        .where(CohortMember.user_id == user_id)
        .order_by(Cohort.name)
    )
    if role is not None:
        query = query.where(CohortMember.role == role)
    with store.transaction() as session:
        return [_cohort(row) for row in session.scalars(query)]


def set_member(store: Store, cohort_id: int, user_id: int, role: str) -> None:
    """Add the user to the cohort, or change their role in it."""
    with store.transaction() as session:
        row = session.get(CohortMember, (cohort_id, user_id))
        if row is None:
            session.add(CohortMember(cohort_id=cohort_id, user_id=user_id, role=role))
        else:
            row.role = role


def remove_member(store: Store, cohort_id: int, user_id: int) -> bool:
    with store.transaction() as session:
        row = session.get(CohortMember, (cohort_id, user_id))
        if row is None:
            return False
        session.delete(row)
        return True


def members(store: Store, cohort_id: int) -> list[StoredMember]:
    with store.transaction() as session:
        rows = session.execute(
            select(CohortMember.user_id, User.name, CohortMember.role)
            .join(User, User.id == CohortMember.user_id)
            .where(CohortMember.cohort_id == cohort_id)
            .order_by(CohortMember.role, User.name)
        ).all()
    return [StoredMember(int(uid), name, role) for uid, name, role in rows]


def member_role(store: Store, cohort_id: int, user_id: int) -> str | None:
    with store.transaction() as session:
        row = session.get(CohortMember, (cohort_id, user_id))
        return None if row is None else row.role


def coaches_candidate(store: Store, coach_id: int, candidate_id: int) -> bool:
    """Whether some cohort has ``coach_id`` as a coach and ``candidate_id`` as a candidate."""
    coach = CohortMember.__table__.alias("coach")
    candidate = CohortMember.__table__.alias("candidate")
    query = (
        select(func.count())
        .select_from(coach)
        .join(candidate, candidate.c.cohort_id == coach.c.cohort_id)
        .where(
            coach.c.user_id == coach_id,
            coach.c.role == "coach",
            candidate.c.user_id == candidate_id,
            candidate.c.role == "candidate",
        )
    )
    with store.transaction() as session:
        return int(session.scalar(query) or 0) > 0


# -- assignments ---------------------------------------------------------------------------


def _assignment(row: Assignment) -> StoredAssignment:
    return StoredAssignment(
        id=row.id,
        cohort_id=row.cohort_id,
        created_by=row.created_by,
        kind=row.kind,
        title=row.title,
        payload=json.loads(row.payload_json),
        due_at=aware(row.due_at) if row.due_at is not None else None,
        created_at=aware(row.created_at),
    )


def insert_assignment(
    store: Store,
    *,
    cohort_id: int,
    created_by: int,
    kind: str,
    title: str,
    payload: dict[str, Any],
    due_at: datetime | None,
    moment: datetime,
) -> int:
    with store.transaction() as session:
        row = Assignment(
            cohort_id=cohort_id,
            created_by=created_by,
            kind=kind,
            title=title,
            payload_json=json.dumps(payload, sort_keys=True),
            due_at=due_at,
            created_at=moment,
        )
        session.add(row)
        session.flush()
        return int(row.id)


def get_assignment(store: Store, assignment_id: int) -> StoredAssignment | None:
    with store.transaction() as session:
        row = session.get(Assignment, assignment_id)
        return None if row is None else _assignment(row)


def assignments_of(store: Store, cohort_ids: Iterable[int]) -> list[StoredAssignment]:
    """Assignments of these cohorts, oldest first."""
    ids = list(set(cohort_ids))
    if not ids:
        return []
    with store.transaction() as session:
        rows = session.scalars(
            select(Assignment)
            .where(Assignment.cohort_id.in_(ids))
            .order_by(Assignment.created_at, Assignment.id)
        )
        return [_assignment(row) for row in rows]


def mocks_of_assignment(store: Store, user_id: int, assignment_id: int) -> list[tuple[int, bool]]:
    """The user's mocks started from the assignment: (id, finished), oldest first."""
    with store.transaction() as session:
        rows = session.execute(
            select(MockInterview.id, MockInterview.finished_at)
            .where(MockInterview.user_id == user_id, MockInterview.assignment_id == assignment_id)
            .order_by(MockInterview.id)
        ).all()
    return [(int(mock_id), finished is not None) for mock_id, finished in rows]


def cards_reviewed_since(
    store: Store, user_id: int, card_ids: Iterable[str], since: datetime
) -> set[str]:
    ids = list(set(card_ids))
    if not ids:
        return set()
    with store.transaction() as session:
        rows = session.scalars(
            select(Review.card_id)
            .where(Review.user_id == user_id, Review.card_id.in_(ids), Review.reviewed_at >= since)
            .distinct()
        )
        return set(rows)


def problems_accepted_since(
    store: Store, user_id: int, problem_ids: Iterable[str], since: datetime
) -> set[str]:
    ids = list(set(problem_ids))
    if not ids:
        return set()
    with store.transaction() as session:
        rows = session.scalars(
            select(Submission.problem_id)
            .where(
                Submission.user_id == user_id,
                Submission.problem_id.in_(ids),
                Submission.state == "done",
                Submission.verdict == "Accepted",
                Submission.created_at >= since,
            )
            .distinct()
        )
        return set(rows)


# -- activity and answers ------------------------------------------------------------------


def last_activity(store: Store, user_id: int) -> datetime | None:
    """The latest review, submission or mock answer of the user."""
    with store.transaction() as session:
        moments = [
            session.scalar(select(func.max(Review.reviewed_at)).where(Review.user_id == user_id)),
            session.scalar(
                select(func.max(Submission.created_at)).where(Submission.user_id == user_id)
            ),
            session.scalar(
                select(func.max(MockAnswer.answered_at))
                .join(MockInterview, MockInterview.id == MockAnswer.mock_id)
                .where(MockInterview.user_id == user_id)
            ),
        ]
    found = [aware(m) for m in moments if m is not None]
    return max(found) if found else None


def review_count_since(store: Store, user_id: int, since: datetime) -> int:
    with store.transaction() as session:
        return int(
            session.scalar(
                select(func.count(Review.id)).where(
                    Review.user_id == user_id, Review.reviewed_at >= since
                )
            )
            or 0
        )


def _answered(row: Review) -> AnsweredReview:
    return AnsweredReview(
        row.id,
        row.user_id,
        row.card_id,
        row.rating,
        aware(row.reviewed_at),
        row.lang,
        row.answer,
        row.score,
    )


def reviews_with_answers(
    store: Store, user_id: int, card_id: str, limit: int = 50
) -> list[AnsweredReview]:
    """The user's reviews of one card, newest first (answer text where one was typed)."""
    with store.transaction() as session:
        rows = session.scalars(
            select(Review)
            .where(Review.user_id == user_id, Review.card_id == card_id)
            .order_by(Review.reviewed_at.desc(), Review.id.desc())
            .limit(limit)
        )
        return [_answered(row) for row in rows]


def latest_answers(store: Store, user_ids: Iterable[int], per_user: int) -> list[AnsweredReview]:
    """Per user, the latest typed answer of each card, newest cards first, at most
    ``per_user`` of them: what the cohort's weak key points are computed from."""
    ids = list(set(user_ids))
    if not ids:
        return []
    newest = (
        select(func.max(Review.id).label("id"))
        .where(Review.user_id.in_(ids), Review.answer.is_not(None), Review.answer != "")
        .group_by(Review.user_id, Review.card_id)
        .subquery()
    )
    with store.transaction() as session:
        rows = session.scalars(
            select(Review).join(newest, newest.c.id == Review.id).order_by(Review.id.desc())
        )
        found: list[AnsweredReview] = []
        counts: dict[int, int] = {}
        for row in rows:
            if counts.get(row.user_id, 0) < per_user:
                counts[row.user_id] = counts.get(row.user_id, 0) + 1
                found.append(_answered(row))
        return found


def answered_cards(store: Store, user_id: int, limit: int = 200) -> list[AnsweredReview]:
    """The user's latest review of each card, newest first (a coach's list of answers)."""
    newest = (
        select(func.max(Review.id).label("id"))
        .where(Review.user_id == user_id)
        .group_by(Review.card_id)
        .subquery()
    )
    with store.transaction() as session:
        rows = session.scalars(
            select(Review)
            .join(newest, newest.c.id == Review.id)
            .order_by(Review.id.desc())
            .limit(limit)
        )
        return [_answered(row) for row in rows]


def review_owner(store: Store, review_id: int) -> tuple[int, str] | None:
    """(user id, card id) of a review, or None."""
    with store.transaction() as session:
        row = session.get(Review, review_id)
        return None if row is None else (int(row.user_id), row.card_id)


# -- comments ------------------------------------------------------------------------------


def insert_comment(
    store: Store,
    *,
    author_id: int,
    candidate_id: int,
    body: str,
    moment: datetime,
    card_id: str | None = None,
    review_id: int | None = None,
    mock_id: int | None = None,
) -> int:
    with store.transaction() as session:
        row = Comment(
            author_id=author_id,
            candidate_id=candidate_id,
            card_id=card_id,
            review_id=review_id,
            mock_id=mock_id,
            body=body,
            created_at=moment,
        )
        session.add(row)
        session.flush()
        return int(row.id)


def _comments(session: Any, *conditions: Any) -> list[StoredComment]:
    rows = session.execute(
        select(Comment, User.name)
        .join(User, User.id == Comment.author_id)
        .where(and_(*conditions))
        .order_by(Comment.created_at, Comment.id)
    ).all()
    return [
        StoredComment(
            id=c.id,
            author_id=c.author_id,
            author_name=name,
            candidate_id=c.candidate_id,
            card_id=c.card_id,
            review_id=c.review_id,
            mock_id=c.mock_id,
            body=c.body,
            created_at=aware(c.created_at),
            seen_at=aware(c.seen_at) if c.seen_at is not None else None,
        )
        for c, name in rows
    ]


def card_comments(
    store: Store, candidate_id: int, card_id: str, *, unseen_only: bool = False
) -> list[StoredComment]:
    with store.transaction() as session:
        conditions = [Comment.candidate_id == candidate_id, Comment.card_id == card_id]
        if unseen_only:
            conditions.append(Comment.seen_at.is_(None))
        return _comments(session, *conditions)


def mock_comments(store: Store, mock_id: int) -> list[StoredComment]:
    with store.transaction() as session:
        return _comments(session, Comment.mock_id == mock_id)


def unseen_mock_comments(store: Store, candidate_id: int) -> list[StoredComment]:
    """Comments on the candidate's mock reports that they have not read yet."""
    with store.transaction() as session:
        return _comments(
            session,
            Comment.candidate_id == candidate_id,
            Comment.mock_id.is_not(None),
            Comment.seen_at.is_(None),
        )


def mark_seen(
    store: Store, candidate_id: int, comment_ids: Iterable[int], moment: datetime
) -> None:
    """Mark the candidate's comments seen (others' ids are ignored)."""
    ids = list(comment_ids)
    if not ids:
        return
    with store.transaction() as session:
        session.execute(
            update(Comment)
            .where(
                Comment.id.in_(ids),
                Comment.candidate_id == candidate_id,
                Comment.seen_at.is_(None),
            )
            .values(seen_at=moment)
        )
