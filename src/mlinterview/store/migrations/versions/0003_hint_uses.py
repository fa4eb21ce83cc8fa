"""Hints revealed per problem, so solves with hints are shown apart from unaided ones.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hint_uses",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("problem_id", sa.String(80), nullable=False),
        sa.Column("hint_index", sa.Integer(), nullable=False),
        sa.Column("revealed_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("problem_id", "hint_index"),
    )
    op.create_index("ix_hint_uses_problem_id", "hint_uses", ["problem_id"])


def downgrade() -> None:
    op.drop_index("ix_hint_uses_problem_id", table_name="hint_uses")
    op.drop_table("hint_uses")
