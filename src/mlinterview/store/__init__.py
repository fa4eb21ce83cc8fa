"""Persistence: SQLAlchemy models and Alembic migrations; the only package that speaks SQL."""

# The single local user: owner of every row in local mode, and of a database's existing
# data when it moves into team mode (the first admin takes this account over). Here, not in
# models, so the Workspace can name it without importing SQLAlchemy (CLI start-up).
LOCAL_USER_ID = 1
