"""Team mode's web side: sessions on every request, and the login, logout and password pages.

``TeamSessions`` is default-deny: every path needs a valid session except the few public
ones below, so a route added later is protected without doing anything. A request with a
session gets that person's ``WebContext`` (``ws.for_user``, their viewer and language), so
the existing pages serve each person their own data unchanged. Without one, ``/api/*``
gets 401 JSON and pages a 303 to ``/login?next=...``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated
from urllib.parse import quote

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from mlinterview.team.accounts import (
    SESSION_MAX_AGE,
    Account,
    Accounts,
    LoginFailed,
    PasswordRejected,
    Session,
    TooManyAttempts,
    WrongPassword,
)
from mlinterview.web.common import Viewer, WebContext, context, render, verify_csrf
from mlinterview.workspace import Workspace

SESSION_COOKIE = "mli_session"
PUBLIC_PATHS = frozenset(
    {"/login", "/favicon.ico", "/docs", "/docs/oauth2-redirect", "/openapi.json", "/api/login"}
)
PUBLIC_PREFIXES = ("/static/",)
MAX_CONTEXTS = 2048
# argon2-cffi's default hash (RFC 9106 low-memory: 64 MiB, 3 passes, 4 lanes) keeps two
# cores busy for ~0.1 s: one check at a time per process already uses the machine.
PASSWORD_CHECKS = 1

router = APIRouter(include_in_schema=False)
Csrf = Annotated[None, Depends(verify_csrf)]


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


class TeamState:
    """The server's accounts and one cached ``WebContext`` per person (their Workspace keeps
    its practice service and dashboard cache between requests)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.accounts: Accounts = ws.accounts
        self._contexts: OrderedDict[int, WebContext] = OrderedDict()
        self._card_html: dict[tuple[str, str], Markup] = {}
        self._lock = threading.Lock()
        self._password_limiter: anyio.CapacityLimiter | None = None

    def password_limiter(self) -> anyio.CapacityLimiter:
        """The process's bound on concurrent password checks (made in the event loop)."""
        if self._password_limiter is None:
            self._password_limiter = anyio.CapacityLimiter(PASSWORD_CHECKS)
        return self._password_limiter

    def context_for(self, session: Session) -> WebContext:
        account = session.account
        viewer = Viewer(account.id, account.name, account.role)
        with self._lock:
            ctx = self._contexts.get(account.id)
            if ctx is None:
                # Question pages are bank content: one rendered copy for everyone.
                ctx = WebContext(
                    self.ws.for_user(account.id), viewer=viewer, _card_html=self._card_html
                )
                self._contexts[account.id] = ctx
                while len(self._contexts) > MAX_CONTEXTS:
                    self._contexts.popitem(last=False)
            else:
                self._contexts.move_to_end(account.id)
            if ctx.viewer != viewer:  # a role changed (by the CLI, maybe on another machine)
                ctx.viewer = viewer
            # Read per request: another server process may have switched it.
            ctx.language = session.language if session.language in ("en", "de") else "en"
            return ctx

    def session_of(self, token: str | None) -> Session | None:
        return self.accounts.session(token)


class TeamSessions:
    """Plain ASGI middleware: resolve the session cookie, then let the request through or
    answer 401 (API) / redirect to the login page."""

    def __init__(self, app: ASGIApp, team: TeamState) -> None:
        self.app = app
        self.team = team

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if path.startswith(PUBLIC_PREFIXES) or path == "/favicon.ico":
            await self.app(scope, receive, send)  # static files: no session, no query
            return
        request = Request(scope)
        token = request.cookies.get(SESSION_COOKIE)
        session = await run_in_threadpool(self.team.session_of, token) if token else None
        state = scope.setdefault("state", {})
        if session is not None:
            state["session"] = session
            state["ctx"] = self.team.context_for(session)
            state["csrf"] = self.team.accounts.csrf_token(session)
        if session is None and not is_public(path):
            response: Response
            if path == "/api" or path.startswith("/api/"):
                response = JSONResponse(
                    {"detail": "not logged in: POST /api/login first"}, status_code=401
                )
            else:
                target = path + (f"?{request.url.query}" if request.url.query else "")
                response = RedirectResponse(f"/login?next={quote(target)}", status_code=303)
            if token:  # an expired or revoked cookie: drop it
                response.delete_cookie(SESSION_COOKIE, path="/")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def team_state(request: Request) -> TeamState:
    team: TeamState = request.app.state.team
    return team


def current_session(request: Request) -> Session:
    session = (request.scope.get("state") or {}).get("session")
    assert isinstance(session, Session), "TeamSessions lets no request without one through"
    return session


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_MAX_AGE.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def login(request: Request, name: str, password: str) -> tuple[Account, str, Session]:
    """Check the password (rate limited) and open a session: (account, token, session).

    An argon2 verification costs ~0.2 s of CPU (by design), so at most
    ``PASSWORD_CHECKS`` run at a time in one server process: a crowd logging in at once
    waits here, in the event loop, instead of holding every thread of the pool that pages
    and the API run on. A login whose client gave up while it waited (a timeout, a
    reload) is dropped before its hash is checked: ``ClientGone``."""
    team = team_state(request)
    address = client_address(request)

    def check() -> tuple[Account, str, Session]:
        account = team.accounts.authenticate(name, password, address)
        token = team.accounts.issue_session(account)
        session = team.accounts.session(token)
        if session is None:  # disabled in the instant between the two reads
            raise LoginFailed
        return account, token, session

    async with team.password_limiter():
        if await request.is_disconnected():
            raise ClientGone
        return await anyio.to_thread.run_sync(check)


class ClientGone(Exception):
    """The client closed the connection before its login was checked: nobody to answer."""


def safe_next(target: str) -> str:
    """Only a path on this site (no //host, no scheme): an open redirect is a phishing aid."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


# -- pages ------------------------------------------------------------------------------------
@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    if (request.scope.get("state") or {}).get("session") is not None:  # already logged in
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", next=safe_next(next), error=None, name="")


@router.post("/login")
async def login_submit(
    request: Request,
    _: Csrf,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=2048)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    try:
        _account, token, _session = await login(request, name, password)
    except TooManyAttempts as exc:
        return render(
            request,
            "login.html",
            status_code=429,
            next=safe_next(next),
            name=name[:80],
            error=("too_many", exc.minutes),
        )
    except LoginFailed:
        return render(
            request,
            "login.html",
            status_code=401,
            next=safe_next(next),
            name=name[:80],
            error=("wrong", 0),
        )
    response = RedirectResponse(safe_next(next), status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/logout")
def logout(request: Request, _: Csrf) -> Response:
    team_state(request).accounts.log_out(current_session(request))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/account/password")
def password_page(request: Request) -> Response:
    context(request)
    return render(request, "password.html", error=None, changed=False)


@router.post("/account/password")
def password_submit(
    request: Request,
    _: Csrf,
    current: Annotated[str, Form(max_length=2048)] = "",
    new: Annotated[str, Form(max_length=2048)] = "",
    repeat: Annotated[str, Form(max_length=2048)] = "",
) -> Response:
    session = current_session(request)
    accounts = team_state(request).accounts
    if new != repeat:
        return render(request, "password.html", status_code=400, error="differ", changed=False)
    try:
        account = accounts.change_password(session.account.id, current, new)
    except (WrongPassword, PasswordRejected) as exc:
        error = "current_wrong" if isinstance(exc, WrongPassword) else "rejected"
        return render(request, "password.html", status_code=400, error=error, changed=False)
    except LoginFailed:
        return RedirectResponse("/login", status_code=303)
    # Every older session ended; this browser gets a new one, with its new CSRF token.
    token = accounts.issue_session(account)
    fresh = accounts.session(token)
    assert fresh is not None
    request.scope["state"]["session"] = fresh
    request.scope["state"]["csrf"] = accounts.csrf_token(fresh)
    response = render(request, "password.html", error=None, changed=True)
    set_session_cookie(request, response, token)
    return response
