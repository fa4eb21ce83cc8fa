"""`mlinterview worker`: a judge worker for team mode (Celery, Redis broker, PostgreSQL)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from mlinterview.cli.common import fail


def register(app: typer.Typer) -> None:
    @app.command("worker")
    def worker(
        concurrency: Annotated[
            int | None,
            typer.Option(
                min=1,
                max=64,
                help="Judge processes in this worker, each with its own warm sandbox "
                "(default: one per core).",
            ),
        ] = None,
        loglevel: Annotated[
            str, typer.Option(help="Log level of the worker: DEBUG, INFO, WARNING.")
        ] = "INFO",
    ) -> None:
        """Judge team-mode submissions from the broker (MLINTERVIEW_BROKER_URL) into the
        database (MLINTERVIEW_DATABASE_URL); run one per machine, on as many as you like."""
        from mlinterview.store.db import DATABASE_URL_ENV, Store, StoreError, open_store
        from mlinterview.team.jobs import (
            BrokerNotConfigured,
            BrokerUnavailable,
            check_broker,
            requeue_unfinished,
            start_worker,
        )

        if loglevel.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            fail(f"--loglevel must be DEBUG, INFO, WARNING or ERROR, not {loglevel!r}")
        try:
            check_broker()
        except (BrokerNotConfigured, BrokerUnavailable) as exc:
            fail(str(exc))
        if not os.environ.get(DATABASE_URL_ENV, "").strip():
            fail(
                f"a worker writes verdicts to the team's database: set {DATABASE_URL_ENV} "
                "(e.g. postgresql+psycopg://USER@HOST/DB), the server's own"
            )
        try:  # opened (and migrated) once here, closed before the pool forks
            store = Store(None)
        except StoreError as exc:
            fail(str(exc))
        try:
            resent = requeue_unfinished(store)
        finally:
            store.close()
        if resent:
            typer.echo(
                f"mlinterview: sent {resent} unfinished job(s) to the broker again", err=True
            )
        open_store.cache_clear()
        processes = concurrency or (os.cpu_count() or 1)
        typer.echo(f"mlinterview: judge worker starting with {processes} process(es)", err=True)
        raise typer.Exit(start_worker(processes, loglevel.upper()))
