"""Pooled PostgreSQL connections: checked before use only after sitting idle, and one the
server dropped is replaced without the request seeing an error (real PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from mlinterview.store.db import make_engine

pytestmark = pytest.mark.postgres


def _backend(engine: object) -> int:
    with engine.connect() as connection:  # type: ignore[attr-defined]
        return int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _terminate(url: str, pid: int) -> None:
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        assert connection.execute(text(f"SELECT pg_terminate_backend({pid})")).scalar_one()
    admin.dispose()


def test_an_idle_connection_the_server_dropped_is_replaced_before_use(team_database: str) -> None:
    engine = make_engine(team_database, pool_size=2, ping_after_idle=0.0)  # every use is "idle"
    first = _backend(engine)
    _terminate(team_database, first)  # a restarted server, a dropped link
    assert _backend(engine) != first  # pinged, found gone, replaced: no error
    engine.dispose()


def test_a_connection_used_a_moment_ago_is_not_pinged(team_database: str) -> None:
    """The other side of the trade: within the idle window there is no ping, so a
    connection dropped in that window fails once (and the pool then starts afresh)."""
    engine = make_engine(team_database, pool_size=2, ping_after_idle=3600.0)
    first = _backend(engine)  # a new connection is checked once, then used at once again
    _terminate(team_database, first)
    with pytest.raises(OperationalError):
        _backend(engine)
    assert _backend(engine) != first
    engine.dispose()
