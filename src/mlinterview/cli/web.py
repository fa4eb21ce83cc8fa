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
    ) -> None:
        """Serve the web app (practice, questions, coding, labs) on http://HOST:PORT."""
        import os

        if team and not os.environ.get(BROKER_ENV, "").strip():
            fail(
                f"team mode judges code on workers: set {BROKER_ENV} "
                "(e.g. redis://127.0.0.1:6379/0) and start `mlinterview worker`"
            )
        import uvicorn

        from mlinterview.store.db import StoreError, open_store
        from mlinterview.web.app import create_app

        try:
            store = open_store()
            web_app = create_app(store, team=team)
        except StoreError as exc:
            fail(str(exc))
        if team and store.engine.dialect.name == "sqlite":
            typer.echo(
                "note: team mode on SQLite is for trying it out; use PostgreSQL for a team "
                "(MLINTERVIEW_DATABASE_URL=postgresql+psycopg://...)"
            )
        mode = "team mode, log in at /login" if team else "Ctrl+C stops"
        typer.echo(f"mlinterview: serving on http://{host}:{port}  ({mode})")
        try:
            uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False)
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror}; choose another --port")
