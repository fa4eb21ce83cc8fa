"""SQLAlchemy table definitions: the only description of the schema besides migrations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class CardState(Base):
    """The scheduler's memory of one card; ``fsrs_card`` is the fsrs Card as JSON."""

    __tablename__ = "card_states"

    card_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    fsrs_card: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    state: Mapped[int] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_review: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    reps: Mapped[int] = mapped_column(Integer, default=0)


class Review(Base):
    """One rating of one card; written in its own transaction as soon as it is given."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    card_id: Mapped[str] = mapped_column(String(80), index=True)
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    lang: Mapped[str] = mapped_column(String(2))
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    origin: Mapped[str] = mapped_column(String(20), default="practice")


class Submission(Base):
    """A coding submission and the judge's verdict on it."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    problem_id: Mapped[str] = mapped_column(String(80), index=True)
    code: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(40))
    tests_json: Mapped[str] = mapped_column(Text)
    seconds: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class HintUse(Base):
    """A hint revealed for a problem; a solve after the first one counts apart."""

    __tablename__ = "hint_uses"
    __table_args__ = (UniqueConstraint("problem_id", "hint_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    problem_id: Mapped[str] = mapped_column(String(80), index=True)
    hint_index: Mapped[int] = mapped_column(Integer)  # 0-based, revealed in order
    revealed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Setting(Base):
    """Small user preferences (language, last filters) that must survive restarts."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class QueuedCard(Base):
    """A card pushed to the front of practice (e.g. missed in a mock interview)."""

    __tablename__ = "practice_queue"

    card_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    reason: Mapped[str] = mapped_column(String(200))
    queued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class MockInterview(Base):
    """One mock interview: its plan (JSON) and, once finished, its scores."""

    __tablename__ = "mock_interviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    role: Mapped[str] = mapped_column(String(40), index=True)
    level: Mapped[str] = mapped_column(String(10))
    lang: Mapped[str] = mapped_column(String(2))
    minutes: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(BigInteger)
    plan_json: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    stage_scores_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class MockAnswer(Base):
    """One answer in a mock interview, committed as soon as it is graded."""

    __tablename__ = "mock_answers"
    __table_args__ = (UniqueConstraint("mock_id", "position", name="uq_mock_answers_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mock_id: Mapped[int] = mapped_column(
        ForeignKey("mock_interviews.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    stage: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))
    item_id: Mapped[str] = mapped_column(String(80))
    answer: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    elapsed_seconds: Mapped[float] = mapped_column(Float)
    budget_seconds: Mapped[int] = mapped_column(Integer)
    over_time: Mapped[bool] = mapped_column(Boolean)
    details_json: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


Index("ix_reviews_card_time", Review.card_id, Review.reviewed_at)
