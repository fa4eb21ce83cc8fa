"""The mock-interview tables as plain data: interviews, their answers, their scores.

Planning, grading and reports live in ``interviews``; this module only reads and writes.
Each answer is committed on its own, so a crash mid-interview keeps every answer given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from mlinterview.store.db import Store
from mlinterview.store.models import MockAnswer, MockInterview
from mlinterview.store.practice import aware


@dataclass(frozen=True)
class StoredMockAnswer:
    position: int
    stage: str
    kind: str
    item_id: str
    answer: str
    score: float
    elapsed_seconds: float
    budget_seconds: int
    details_json: str
    answered_at: datetime | None = None


@dataclass(frozen=True)
class StoredMock:
    id: int
    user_id: int
    role: str
    level: str
    lang: str
    minutes: int
    seed: int
    plan_json: str
    started_at: datetime
    finished_at: datetime | None
    score: float | None
    answers: tuple[StoredMockAnswer, ...] = ()


def _mock(row: MockInterview, answers: tuple[StoredMockAnswer, ...] = ()) -> StoredMock:
    return StoredMock(
        id=row.id,
        user_id=row.user_id,
        role=row.role,
        level=row.level,
        lang=row.lang,
        minutes=row.minutes,
        seed=row.seed,
        plan_json=row.plan_json,
        started_at=aware(row.started_at),
        finished_at=aware(row.finished_at) if row.finished_at else None,
        score=row.score,
        answers=answers,
    )


def insert_mock(
    store: Store,
    user_id: int,
    *,
    role: str,
    level: str,
    lang: str,
    minutes: int,
    seed: int,
    plan_json: str,
    started_at: datetime,
    assignment_id: int | None = None,
) -> int:
    with store.transaction() as session:
        row = MockInterview(
            user_id=user_id,
            assignment_id=assignment_id,
            role=role,
            level=level,
            lang=lang,
            minutes=minutes,
            seed=seed,
            plan_json=plan_json,
            started_at=started_at,
        )
        session.add(row)
        session.flush()
        return int(row.id)


def mock_owner(store: Store, mock_id: int) -> int | None:
    """Whose mock this is (None: no such mock); the core decides who may read it."""
    with store.transaction() as session:
        owner = session.scalar(select(MockInterview.user_id).where(MockInterview.id == mock_id))
    return int(owner) if owner is not None else None


def get_mock(store: Store, user_id: int, mock_id: int) -> StoredMock | None:
    """The user's mock with its answers; None when there is none or it is someone else's."""
    with store.transaction() as session:
        row = session.get(MockInterview, mock_id)
        if row is None or row.user_id != user_id:
            return None
        answers = tuple(
            StoredMockAnswer(
                a.position,
                a.stage,
                a.kind,
                a.item_id,
                a.answer,
                a.score,
                a.elapsed_seconds,
                a.budget_seconds,
                a.details_json,
                aware(a.answered_at),
            )
            for a in session.scalars(select(MockAnswer).where(MockAnswer.mock_id == mock_id))
        )
        return _mock(row, answers)


def insert_answer(
    store: Store,
    mock_id: int,
    answer: StoredMockAnswer,
    *,
    over_time: bool,
    answered_at: datetime,
) -> None:
    """One answer in its own transaction (a second answer to a position is refused)."""
    with store.transaction() as session:
        session.add(
            MockAnswer(
                mock_id=mock_id,
                position=answer.position,
                stage=answer.stage,
                kind=answer.kind,
                item_id=answer.item_id,
                answer=answer.answer,
                score=answer.score,
                elapsed_seconds=answer.elapsed_seconds,
                budget_seconds=answer.budget_seconds,
                over_time=over_time,
                details_json=answer.details_json,
                answered_at=answered_at,
            )
        )


def previous_finished_id(
    store: Store, user_id: int, *, role: str, exclude_id: int, started_before: datetime
) -> int | None:
    """The latest finished mock of ``role`` that started no later than ``started_before``."""
    with store.transaction() as session:
        found = session.scalar(
            select(MockInterview.id)
            .where(
                MockInterview.user_id == user_id,
                MockInterview.role == role,
                MockInterview.finished_at.is_not(None),
                MockInterview.id != exclude_id,
                MockInterview.started_at <= started_before,
            )
            .order_by(MockInterview.started_at.desc(), MockInterview.id.desc())
            .limit(1)
        )
    return int(found) if found is not None else None


def mark_finished(
    store: Store,
    user_id: int,
    mock_id: int,
    *,
    finished_at: datetime,
    score: float,
    stage_scores_json: str,
) -> None:
    with store.transaction() as session:
        row = session.get(MockInterview, mock_id)
        if row is None or row.user_id != user_id:
            raise LookupError(f"no mock interview #{mock_id}")
        row.finished_at = finished_at
        row.score = score
        row.stage_scores_json = stage_scores_json


@dataclass(frozen=True)
class MockListing:
    mock: StoredMock
    answered: int
    stage_scores_json: str | None


def list_mocks(store: Store, user_id: int) -> list[MockListing]:
    """The user's mocks, oldest first, with their number of answers."""
    with store.transaction() as session:
        rows = list(
            session.scalars(
                select(MockInterview)
                .where(MockInterview.user_id == user_id)
                .order_by(MockInterview.started_at, MockInterview.id)
            )
        )
        counts: dict[int, int] = {}
        answered = (
            select(MockAnswer.mock_id).join(MockInterview).where(MockInterview.user_id == user_id)
        )
        for (mock_id,) in session.execute(answered):
            counts[mock_id] = counts.get(mock_id, 0) + 1
        return [
            MockListing(_mock(row), counts.get(row.id, 0), row.stage_scores_json) for row in rows
        ]
