"""How `mlinterview serve` runs the app under uvicorn, and team mode's server processes.

Local mode: one process, exactly as before. Team mode: ``workers`` uvicorn processes share
the port; each opens its own engine (``TEAM_THREADS`` pooled connections, as many again for
bursts), builds the app, and warms up (bank, grader models, templates, the session secret)
before it accepts a connection. Nothing a request needs lives only in one process: sessions
are signed cookies with the secret from the environment or ``server_settings``, login
limits are rows, and each person's context is rebuilt from the database in any process.
"""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from mlinterview.store.db import Store

# Threads per server process for the synchronous routes (anyio's default is 40). The work
# is mostly Python holding the GIL: more threads only make each request wait longer for
# it, and each thread may hold a database connection.
TEAM_THREADS = 16
# Longer than a person's pause between two clicks and than proxies' idle timeouts (nginx:
# 75 s upstream keepalive): uvicorn's 5 s default closes idle connections that clients are
# about to reuse, and a request sent in that instant fails as a dropped connection.
KEEP_ALIVE_SECONDS = 75


def default_workers(store: Store) -> int:
    """Team mode's server processes: one per core on a database server, one on SQLite
    (a file that every write locks whole; team mode on SQLite is for trying it out)."""
    if store.engine.dialect.name == "sqlite":
        return 1
    return max(1, os.cpu_count() or 1)


def team_store() -> Store:
    """This process's own engine and pool, sized to its threads."""
    from mlinterview.store.db import Store

    return Store(None, pool_size=TEAM_THREADS)


def warm_team_app(store: Store) -> FastAPI:
    """The team app over ``store``, with everything the first request would load loaded."""
    from mlinterview.web.app import create_app
    from mlinterview.web.common import templates

    app = create_app(store, team=True, threads=TEAM_THREADS)
    team = app.state.team
    team.ws.warm_up()
    team.accounts.secret()
    for name in templates.env.list_templates(extensions=["html"]):
        templates.env.get_template(name)
    return app


def team_app() -> FastAPI:
    """uvicorn's factory, called once in each server process (``serve --team --workers N``)."""
    return warm_team_app(team_store())


def serve(host: str, port: int, *, team: bool, workers: int, app: FastAPI | None) -> None:
    """Run uvicorn: ``app`` in this process, or (team mode, ``workers`` > 1) the factory in
    that many processes. OSError when the address cannot be bound."""
    import uvicorn

    keep_alive = KEEP_ALIVE_SECONDS if team else 5  # local mode: uvicorn's default, as before
    run = partial(
        uvicorn.run,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_keep_alive=keep_alive,
    )
    if team and workers > 1:
        run("mlinterview.web.serving:team_app", factory=True, workers=workers)
        return
    assert app is not None, "one process serves the app it was given"
    run(app)
