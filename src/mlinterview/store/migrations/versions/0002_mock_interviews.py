"""Mock interviews and their answers (one row per answer, committed as it is given).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mock_interviews",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("plan_json", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("stage_scores_json", sa.Text(), nullable=True),
    )
    op.create_index("ix_mock_interviews_role", "mock_interviews", ["role"])
    op.create_index("ix_mock_interviews_started_at", "mock_interviews", ["started_at"])
    op.create_table(
        "mock_answers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "mock_id",
            sa.Integer(),
            sa.ForeignKey("mock_interviews.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("item_id", sa.String(80), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("elapsed_seconds", sa.Float(), nullable=False),
        sa.Column("budget_seconds", sa.Integer(), nullable=False),
        sa.Column("over_time", sa.Boolean(), nullable=False),
        sa.Column("details_json", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("mock_id", "position", name="uq_mock_answers_position"),
    )
    op.create_index("ix_mock_answers_mock_id", "mock_answers", ["mock_id"])


def downgrade() -> None:
    op.drop_table("mock_answers")
    op.drop_table("mock_interviews")
