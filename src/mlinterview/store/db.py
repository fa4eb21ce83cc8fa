"""Engine and session set-up; migrations run automatically the first time a store opens.

SQLite is the default (one file in the user's data directory); any SQLAlchemy URL in
``MLINTERVIEW_DATABASE_URL`` (e.g. ``postgresql+psycopg://...``) is used instead.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DATABASE_URL_ENV = "MLINTERVIEW_DATABASE_URL"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


# How long a SQLite write waits for another writer; a first open waits longer (below).
BUSY_TIMEOUT_MS = 5000
MIGRATION_WAIT_MS = 120_000


class StoreError(RuntimeError):
    """A database problem explained in one line (bad URL, unreachable server, ...)."""


def default_database_url() -> str:
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    from platformdirs import user_data_dir

    directory = Path(user_data_dir("mlinterview", appauthor=False))
    directory.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{directory / 'mlinterview.sqlite3'}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


# A pooled connection idle for longer than this is checked (one round trip) before use.
PING_AFTER_IDLE_SECONDS = 10.0


def make_engine(
    url: str, *, pool_size: int | None = None, ping_after_idle: float = PING_AFTER_IDLE_SECONDS
) -> Engine:
    """An engine for ``url``. ``pool_size``: connections a server process keeps open to a
    database server (and as many again for bursts), sized to the threads that use them so
    no request waits for a connection; SQLAlchemy's default (5 + 10) otherwise.

    A database server's connection is checked before use only when it sat idle in the
    pool for ``ping_after_idle`` seconds (a restarted server or a dropped link shows up
    there), not at every checkout: under load, every transaction paid an extra round trip
    (a third of a busy team server's database waits) for connections used a moment ago."""
    sqlite = url.startswith("sqlite")
    sizing: dict[str, Any] = (
        {"pool_size": pool_size, "max_overflow": pool_size}
        if pool_size is not None and not sqlite
        else {}
    )
    try:
        engine = create_engine(url, future=True, **sizing)
    except Exception as exc:
        raise StoreError(f"invalid database URL {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        _ping_idle_connections(engine, ping_after_idle)
    return engine


def _ping_idle_connections(engine: Engine, after: float) -> None:
    """SQLAlchemy's pessimistic disconnect handling, for idle connections only: a failed
    ping raises DisconnectionError, and the pool replaces the connection and retries."""
    from sqlalchemy.exc import DisconnectionError

    def checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["mli_idle_since"] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("mli_idle_since")
        if idle_since is not None and time.monotonic() - idle_since < after:
            return  # used a moment ago: no round trip
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise DisconnectionError(f"pooled connection is gone: {exc}") from exc
        if not alive:
            raise DisconnectionError("pooled connection did not answer")

    event.listen(engine, "checkin", checked_in)
    event.listen(engine, "checkout", checkout)


# Any constant works: it names the lock that serialises migrations across processes.
MIGRATION_LOCK_KEY = 0x6D6C696E  # "mlin"


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent).

    Several processes may open a new database in the same instant (a server's workers, a
    CLI beside it); each takes the database's own lock first, so one migrates and the
    others then find the schema at head. SQLite: an exclusive transaction (its driver
    would otherwise run DDL outside any transaction). PostgreSQL: an advisory lock held
    until the migration's transaction ends.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # wait for another process's migration, then take the write lock
            connection.exec_driver_sql(f"PRAGMA busy_timeout={MIGRATION_WAIT_MS}")
            connection.exec_driver_sql("BEGIN EXCLUSIVE")
        elif connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        finally:  # the pooled connection goes back with the usual timeout, even on failure
            if sqlite:
                connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


class Store:
    """An open database: an engine plus a session factory, migrated on creation."""

    def __init__(
        self, url: str | None = None, *, migrate: bool = True, pool_size: int | None = None
    ) -> None:
        self.url = url or default_database_url()
        self.engine = make_engine(self.url, pool_size=pool_size)
        if migrate:
            try:
                upgrade(self.engine)
            except StoreError:
                raise
            except Exception as exc:
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
                raise StoreError(f"cannot open database {self.safe_url}: {first}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error."""
        with self._sessions.begin() as session:
            yield session

    def session(self) -> Session:
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()


@lru_cache(maxsize=4)
def open_store(url: str | None = None) -> Store:
    """The process-wide store for a URL (default: the user's database)."""
    return Store(url)
