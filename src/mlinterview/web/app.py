"""The local web app: FastAPI routes that call the core and render Jinja2 templates.

Single user, no login, loopback by default. Every POST carries a CSRF token (double-submit
cookie), request bodies are capped, and unknown ids get a 404 page.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from mlinterview.content.loader import Bank
from mlinterview.content.schema import Card
from mlinterview.practice.dashboard import Dashboard, mastery
from mlinterview.store.db import Store
from mlinterview.web.i18n import translator
from mlinterview.workspace import Workspace

HERE = Path(__file__).parent
CSRF_COOKIE = "mli_csrf"
CSRF_FIELD = "csrf_token"
MAX_BODY_BYTES = 256 * 1024


class CsrfError(Exception):
    """A POST without a matching token."""


@dataclass
class WebContext:
    """The app's Workspace plus the page fragments cached per language (single local user)."""

    ws: Workspace
    language: str = "en"
    _dashboard_html: tuple[Dashboard, str, Markup] | None = None
    _card_html: dict[tuple[str, str], Markup] = field(default_factory=dict)

    def lang(self) -> str:
        return self.language

    def set_lang(self, lang: str) -> None:
        self.ws.set_language(lang)
        self.language = lang

    def dashboard_body(self, board: Dashboard) -> Markup:
        """The dashboard's numbers and charts, rendered once per dashboard and language."""
        cached = self._dashboard_html
        if cached is None or cached[0] is not board or cached[1] != self.language:
            html = templates.get_template("_dashboard_body.html").render(
                board=board, mastery=mastery, t=translator(self.language), lang=self.language
            )
            cached = (board, self.language, Markup(html))
            self._dashboard_html = cached
        return cached[2]

    def card_body(self, card: Card) -> Markup:
        """A question page's content; bank texts never change while the app runs."""
        key = (card.id, self.language)
        if key not in self._card_html:
            html = templates.get_template("_question_body.html").render(
                card=card, t=translator(self.language), lang=self.language
            )
            self._card_html[key] = Markup(html)
        return self._card_html[key]


templates = Jinja2Templates(directory=str(HERE / "templates"))


@lru_cache(maxsize=512)
def markdown_to_html(text: str) -> Markup:
    """Bank texts are Markdown (hard-wrapped); raw HTML in them is escaped, never rendered."""
    from markdown_it import MarkdownIt

    return Markup(MarkdownIt("commonmark", {"html": False}).render(text))


templates.env.filters["md"] = markdown_to_html


def context(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.ctx
    return ctx


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    ctx = context(request)
    lang = ctx.lang()
    token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = templates.TemplateResponse(
        request,
        template,
        {"lang": lang, "t": translator(lang), "csrf_token": token, **values},
        status_code=status_code,
    )
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


async def verify_csrf(request: Request) -> None:
    form = await request.form()
    sent = form.get(CSRF_FIELD)
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not isinstance(sent, str) or not secrets.compare_digest(sent, cookie):
        raise CsrfError


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


def create_app(store: Store | None = None, bank: Bank | None = None) -> FastAPI:
    from mlinterview.store.db import open_store
    from mlinterview.web import labs_pages, mock_pages, pages, problems_pages

    ws = Workspace(store or open_store(), bank=bank)
    app = FastAPI(title="mlinterview", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.ctx = WebContext(ws, language=ws.language())
    app.add_middleware(BodyLimit)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(pages.router)
    app.include_router(labs_pages.router)
    app.include_router(problems_pages.router)
    app.include_router(mock_pages.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        kind = "not_found" if exc.status_code == 404 else "bad_request"
        return render(
            request,
            "error.html",
            status_code=exc.status_code,
            kind=kind,
            detail=str(exc.detail) if exc.status_code != 404 else "",
        )

    @app.exception_handler(CsrfError)
    async def csrf_error(request: Request, exc: CsrfError) -> Response:
        return render(request, "error.html", status_code=403, kind="csrf")

    return app
