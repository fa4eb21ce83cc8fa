"""`mlinterview serve`: the local web app over the same core."""

from __future__ import annotations

from typing import Annotated

import typer

from mlinterview.cli.common import fail

BROKER_ENV = "MLINTERVIEW_BROKER_URL"


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: Annotated[str, typer.Option(help="Address to bind; loopback by default.")] = (
            "127.0.0.1"
        ),
        port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
        team: Annotated[
            bool,
            typer.Option(
                "--team",
                help="Team mode: accounts and login (mlinterview users add), judge jobs on "
                "the queue at MLINTERVIEW_BROKER_URL; PostgreSQL recommended.",
            ),
        ] = False,
        workers: Annotated[
            int | None,
            typer.Option(
                min=1,
                max=64,
                help="Team mode: server processes sharing the port (default: one per core; one on "
                "SQLite).",
            ),
        ] = None,
    ) -> None:
        """Serve the web app (practice, questions, coding, labs) on http://HOST:PORT."""
        import os

        if team and not os.environ.get(BROKER_ENV, "").strip():
            fail(
                f"team mode judges code on workers: set {BROKER_ENV} "
                "(e.g. redis://127.0.0.1:6379/0) and start `mlinterview worker`"
            )
        if not team and workers not in (None, 1):
            fail("--workers is for team mode (--team); local mode is one process")
        from mlinterview.store.db import StoreError, open_store
        from mlinterview.web import serving
        from mlinterview.web.app import create_app

        processes = 1
        web_app = None
        try:
            if not team:
                store = open_store()
                web_app = create_app(store)
            else:
                store = serving.team_store()
                processes = workers or serving.default_workers(store)
                if processes == 1:
                    web_app = serving.warm_team_app(store)
                else:  # each process opens its own: this one only checked (and migrated)
                    store.close()
        except StoreError as exc:
            fail(str(exc))
        if team and store.engine.dialect.name == "sqlite":
            typer.echo(
                "note: team mode on SQLite is for trying it out; use PostgreSQL for a team "
                "(MLINTERVIEW_DATABASE_URL=postgresql+psycopg://...)"
            )
        mode = f"team mode, {processes} process(es), log in at /login" if team else "Ctrl+C stops"
        typer.echo(f"mlinterview: serving on http://{host}:{port}  ({mode})")
        try:
            serving.serve(host, port, team=team, workers=processes, app=web_app)
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror}; choose another --port")
