"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL,
and an existing database from before a migration is upgraded in place."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from mlinterview.store.db import Store
from mlinterview.store.models import Base


def test_migrations_match_the_models(database_url: str) -> None:
    store = Store(database_url)
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], diff
    assert "hint_uses" in inspect(store.engine).get_table_names()


def test_a_database_at_an_older_revision_is_upgraded(sqlite_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from mlinterview.store.db import MIGRATIONS_DIR

    engine = create_engine(sqlite_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    assert "hint_uses" not in inspect(engine).get_table_names()
    engine.dispose()
    Store(sqlite_url)  # opening the store migrates it
    assert "hint_uses" in inspect(create_engine(sqlite_url)).get_table_names()


OPEN_AT_ONCE = """
import sys, time
from mlinterview.store.db import Store
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
Store(sys.argv[1]).close()
print("opened")
"""


def test_processes_opening_a_new_database_at_once_all_succeed(database_url: str) -> None:
    """The web server's workers (or a CLI beside the server) may all open a fresh database
    in the same instant: one migrates, the others wait and find it done."""
    import subprocess
    import sys
    import time

    start = time.time() + 3.0  # all four past their imports, then released together
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT_ONCE, database_url, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, [err for _, err in results]
    store = Store(database_url)
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    store.close()
