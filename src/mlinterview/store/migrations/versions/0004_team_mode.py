"""Team mode: users, cohorts, assignments, comments; every per-person row gets its owner.

Existing rows become the local user's (id 1, created here without a password); the first
admin added in team mode takes that account over, so a single-user database moves into
team mode with no review lost.

Tables whose key changes (card states, settings, the practice queue, hint uses) are
rebuilt by copy, which works the same on SQLite and PostgreSQL.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LOCAL_USER_ID = 1


def _owner(primary_key: bool = False) -> sa.Column[int]:
    return sa.Column(
        "user_id",
        sa.Integer(),
        sa.ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def _rebuild(
    name: str,
    old_indexes: list[str],
    columns: Callable[[], list[Any]],
    copied: list[str],
    indexes: dict[str, list[str]],
) -> None:
    """Recreate ``name`` with ``columns`` (a user_id among them) and copy its rows to user 1."""
    for index in old_indexes:
        op.drop_index(index, table_name=name)
    op.rename_table(name, f"{name}_before_0004")
    op.create_table(name, *columns())
    listed = ", ".join(copied)
    op.execute(
        f"INSERT INTO {name} (user_id, {listed}) "
        f"SELECT {LOCAL_USER_ID}, {listed} FROM {name}_before_0004"
    )
    op.drop_table(f"{name}_before_0004")
    for index, on in indexes.items():
        op.create_index(index, name, on)


def _add_owner(name: str) -> None:
    """Add user_id to ``name``; existing rows are the local user's, new rows must say whose."""
    with op.batch_alter_table(name) as batch:
        batch.add_column(
            sa.Column(
                "user_id",
                sa.Integer(),
                sa.ForeignKey("users.id", name=f"fk_{name}_user_id", ondelete="CASCADE"),
                nullable=False,
                server_default=str(LOCAL_USER_ID),
            )
        )
    with op.batch_alter_table(name) as batch:
        batch.alter_column("user_id", server_default=None)
    op.create_index(f"ix_{name}_user_id", name, ["user_id"])


def upgrade() -> None:
    users = op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("session_epoch", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    # No explicit id: the first row of a new table is 1 on both databases, and PostgreSQL's
    # sequence stays in step.
    op.bulk_insert(
        users,
        [
            {
                "name": "local",
                "role": "admin",
                "password_hash": None,
                "disabled": False,
                "session_epoch": 0,
                "created_at": datetime.now(UTC),
            }
        ],
    )
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_login_attempts_name", "login_attempts", ["name"])
    op.create_index("ix_login_attempts_address", "login_attempts", ["address"])
    op.create_index("ix_login_attempts_attempted_at", "login_attempts", ["attempted_at"])
    op.create_table(
        "server_settings",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "cohorts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "cohort_members",
        sa.Column(
            "cohort_id",
            sa.Integer(),
            sa.ForeignKey("cohorts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        _owner(primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
    )
    op.create_index("ix_cohort_members_user_id", "cohort_members", ["user_id"])
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "cohort_id",
            sa.Integer(),
            sa.ForeignKey("cohorts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "created_by",
            sa.Integer(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("payload_json", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_assignments_cohort_id", "assignments", ["cohort_id"])

    _rebuild(
        "card_states",
        ["ix_card_states_due"],
        lambda: [
            _owner(primary_key=True),
            sa.Column("card_id", sa.String(80), primary_key=True),
            sa.Column("fsrs_card", sa.Text(), nullable=False),
            sa.Column("due", sa.DateTime(timezone=True), nullable=False),
            sa.Column("state", sa.Integer(), nullable=False),
            sa.Column("stability", sa.Float(), nullable=True),
            sa.Column("last_review", sa.DateTime(timezone=True), nullable=True),
            sa.Column("reps", sa.Integer(), nullable=False),
        ],
        ["card_id", "fsrs_card", "due", "state", "stability", "last_review", "reps"],
        {"ix_card_states_due": ["due"]},
    )
    _rebuild(
        "settings",
        [],
        lambda: [
            _owner(primary_key=True),
            sa.Column("key", sa.String(80), primary_key=True),
            sa.Column("value", sa.Text(), nullable=False),
        ],
        ["key", "value"],
        {},
    )
    _rebuild(
        "practice_queue",
        [],
        lambda: [
            _owner(primary_key=True),
            sa.Column("card_id", sa.String(80), primary_key=True),
            sa.Column("reason", sa.String(200), nullable=False),
            sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        ],
        ["card_id", "reason", "queued_at"],
        {},
    )
    _rebuild(
        "hint_uses",
        ["ix_hint_uses_problem_id"],
        lambda: [
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            _owner(),
            sa.Column("problem_id", sa.String(80), nullable=False),
            sa.Column("hint_index", sa.Integer(), nullable=False),
            sa.Column("revealed_at", sa.DateTime(timezone=True), nullable=False),
            sa.UniqueConstraint("user_id", "problem_id", "hint_index", name="uq_hint_uses_user"),
        ],
        ["id", "problem_id", "hint_index", "revealed_at"],
        {"ix_hint_uses_problem_id": ["problem_id"], "ix_hint_uses_user_id": ["user_id"]},
    )
    if op.get_bind().dialect.name == "postgresql":  # copied ids: move the sequence past them
        op.execute(
            "SELECT setval(pg_get_serial_sequence('hint_uses', 'id'),"
            " coalesce((SELECT max(id) FROM hint_uses), 0) + 1, false)"
        )

    op.drop_index("ix_reviews_card_time", table_name="reviews")
    _add_owner("reviews")
    op.create_index("ix_reviews_user_card_time", "reviews", ["user_id", "card_id", "reviewed_at"])
    _add_owner("submissions")
    with op.batch_alter_table("submissions") as batch:
        batch.add_column(sa.Column("state", sa.String(10), nullable=False, server_default="done"))
        batch.add_column(sa.Column("started_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_submissions_state", "submissions", ["state"])
    _add_owner("mock_interviews")
    with op.batch_alter_table("mock_interviews") as batch:
        batch.add_column(
            sa.Column(
                "assignment_id",
                sa.Integer(),
                sa.ForeignKey(
                    "assignments.id", name="fk_mock_interviews_assignment", ondelete="SET NULL"
                ),
                nullable=True,
            )
        )
    op.create_index("ix_mock_interviews_assignment_id", "mock_interviews", ["assignment_id"])

    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "author_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "candidate_id",
            sa.Integer(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("card_id", sa.String(80), nullable=True),
        sa.Column(
            "review_id",
            sa.Integer(),
            sa.ForeignKey("reviews.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column(
            "mock_id",
            sa.Integer(),
            sa.ForeignKey("mock_interviews.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column(
            "submission_id",
            sa.Integer(),
            sa.ForeignKey("submissions.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_comments_candidate_id", "comments", ["candidate_id"])


def downgrade() -> None:  # pragma: no cover - team data cannot be folded back into one user
    raise NotImplementedError("team mode cannot be downgraded; restore a backup instead")
