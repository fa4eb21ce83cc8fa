"""Judge jobs: how many times a worker claimed each submission, and the judge's error.

``attempts`` counts claims, so a submission whose job keeps killing its worker is finished
as a judge error after a bounded number of tries instead of being delivered forever;
``error`` says why a submission ended as a judge error (empty otherwise).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("error", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.drop_column("error")
        batch.drop_column("attempts")
