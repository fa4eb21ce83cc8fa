"""Persistence: SQLAlchemy models and Alembic migrations; the only package that speaks SQL."""
