"""`mlinterview serve`: the local web app over the same core."""

from __future__ import annotations

from typing import Annotated

import typer

from mlinterview.cli.common import fail


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: Annotated[str, typer.Option(help="Address to bind; loopback by default.")] = (
            "127.0.0.1"
        ),
        port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    ) -> None:
        """Serve the web app (practice, questions, coding, labs) on http://HOST:PORT."""
        import uvicorn

        from mlinterview.store.db import StoreError, open_store
        from mlinterview.web.app import create_app

        try:
            web_app = create_app(open_store())
        except StoreError as exc:
            fail(str(exc))
        typer.echo(f"mlinterview: serving on http://{host}:{port}  (Ctrl+C stops)")
        try:
            uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False)
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror}; choose another --port")
