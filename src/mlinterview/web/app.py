"""The web app: FastAPI routes that call the core and render Jinja2 templates.

Local mode: single user, no login, loopback by default. Team mode (``serve --team``):
accounts, sessions and the JSON API (web/team.py, web/api.py). Every POST carries a CSRF
token (double-submit cookie; bound to the session in team mode), request bodies are
capped, and unknown ids get a 404 page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from mlinterview.content.loader import Bank
from mlinterview.store.db import Store
from mlinterview.web import coach_pages, jobs_api, labs_pages, mock_pages, pages, problems_pages
from mlinterview.web.common import (
    HERE,
    MAX_BODY_BYTES,
    CsrfError,
    NotLoggedIn,
    WebContext,
    render,
)
from mlinterview.workspace import Workspace


class BodyLimit:
    """Reject oversized or unsized bodies before anything reads them (plain ASGI: cheap)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in {"POST", "PUT", "PATCH"}:
            headers = dict(scope["headers"])
            length = headers.get(b"content-length", b"").decode("latin-1")
            if not length.isdigit() or int(length) > MAX_BODY_BYTES:
                request = Request(scope, receive)
                response = render(
                    request,
                    "error.html",
                    status_code=413,
                    kind="too_large",
                    limit=MAX_BODY_BYTES // 1024,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(
    store: Store | None = None,
    bank: Bank | None = None,
    *,
    team: bool = False,
    threads: int | None = None,
) -> FastAPI:
    """The web app. Local mode (default): one person, no login, ``LOCAL_VIEWER``.

    ``team=True``: accounts and sessions (web/team.py) in front of every route but the
    login page, static files and the OpenAPI page (on only here), one context per
    person, and the JSON API (web/api.py). ``threads``: the size of the thread pool the
    synchronous routes run on (anyio's default of 40 otherwise)."""
    from mlinterview.store.db import open_store

    if team:
        from mlinterview.team.jobs import broker_url

        broker_url()
    ws = Workspace(store or open_store(), bank=bank, judge_on_queue=team)
    docs = (
        {"docs_url": "/docs", "openapi_url": "/openapi.json"}
        if team
        else {"docs_url": None, "openapi_url": None}
    )
    app = FastAPI(title="mlinterview", redoc_url=None, lifespan=_lifespan(threads), **docs)
    app.add_middleware(BodyLimit)
    if team:
        from mlinterview.web import api
        from mlinterview.web import team as team_web

        state = team_web.TeamState(ws)
        app.state.team = state
        app.state.ctx = None  # no shared context: each request gets its person's
        app.add_middleware(team_web.TeamSessions, team=state)

        @app.exception_handler(team_web.ClientGone)
        async def client_gone(request: Request, exc: team_web.ClientGone) -> Response:
            return Response(status_code=499)  # nginx's "client closed request"; nobody reads it

        app.include_router(team_web.router)
        app.include_router(api.router)
    else:
        app.state.team = None
        app.state.ctx = WebContext(ws, language=ws.language())
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(pages.router, include_in_schema=False)
    app.include_router(labs_pages.router, include_in_schema=False)
    app.include_router(problems_pages.router, include_in_schema=False)
    app.include_router(mock_pages.router, include_in_schema=False)
    app.include_router(coach_pages.router, include_in_schema=False)
    app.include_router(jobs_api.router)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": _api_detail(exc)}, status_code=exc.status_code)
        kind = "not_found" if exc.status_code == 404 else "bad_request"
        return render(
            request,
            "error.html",
            status_code=exc.status_code,
            kind=kind,
            detail=str(exc.detail) if exc.status_code != 404 else "",
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, exc: RequestValidationError) -> Response:
        """A form value of the wrong kind gets a page in the user's language, not JSON."""
        in_path = any(error.get("loc", ("",))[0] == "path" for error in exc.errors())
        if _is_api(request):  # an id that cannot exist is not found, as on the pages
            if in_path:
                return JSONResponse({"detail": "not found"}, status_code=404)
            return JSONResponse({"detail": _api_invalid(exc)}, status_code=422)
        if in_path:
            return render(request, "error.html", status_code=404, kind="not_found", detail="")
        return render(
            request,
            "error.html",
            status_code=422,
            kind="invalid",
            fields=_invalid_fields(exc),
            back=request.headers.get("referer", "/"),
        )

    @app.exception_handler(CsrfError)
    async def csrf_error(request: Request, exc: CsrfError) -> Response:
        if _is_api(request):
            return JSONResponse(
                {"detail": "missing or wrong X-CSRF-Token header (POST /api/login returns it)"},
                status_code=403,
            )
        return render(request, "error.html", status_code=403, kind="csrf")

    @app.exception_handler(NotLoggedIn)
    async def not_logged_in(request: Request, exc: NotLoggedIn) -> Response:
        return JSONResponse({"detail": "not logged in"}, status_code=401)

    return app


def _lifespan(threads: int | None) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if threads is not None:  # set in the serving event loop, before the first request
            import anyio.to_thread

            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    return lifespan


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/")


def _api_invalid(exc: RequestValidationError) -> str:
    """One line naming each bad field of a JSON body and what is wrong with it."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts)[:500]


def _api_detail(exc: StarletteHTTPException) -> str:
    if exc.status_code == 404:
        return "not found"
    return str(exc.detail)


def _invalid_fields(exc: RequestValidationError) -> list[tuple[str, str]]:
    """(field, what is wrong) per error; the message names the constraint, not JSON."""
    found = []
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query")]
        field = ".".join(location) or "?"
        kind = str(error.get("type", ""))
        context = error.get("ctx") or {}
        if kind == "missing":
            why = "missing"
        elif kind.startswith(("int_", "float_")) and "parsing" in kind:
            why = "not_a_number"
        elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
            bound = context.get("ge", context.get("gt", context.get("le", context.get("lt"))))
            why = f"{kind}:{bound}"
        else:
            why = "invalid"
        found.append((field, why))
    return found
