"""What every page module shares: the request's context, CSRF, the templates, rendering.

Page modules import this, and ``app.py`` imports the page modules: no import circle.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from mlinterview.content.schema import Card
from mlinterview.labs.columns import column_name
from mlinterview.practice.dashboard import Dashboard, mastery
from mlinterview.render import jinja_env
from mlinterview.vocabulary import label
from mlinterview.web.i18n import translator
from mlinterview.workspace import Workspace

HERE = Path(__file__).parent
CSRF_COOKIE = "mli_csrf"
CSRF_FIELD = "csrf_token"
MAX_BODY_BYTES = 256 * 1024


class CsrfError(Exception):
    """A POST without a matching token."""


@dataclass(frozen=True)
class Viewer:
    """Who is asking: the local user in local mode, the logged-in account in team mode."""

    id: int
    name: str
    role: str  # candidate, coach or admin

    @property
    def is_coach(self) -> bool:
        return self.role in ("coach", "admin")


LOCAL_VIEWER = Viewer(1, "local", "admin")


@dataclass
class WebContext:
    """One person's Workspace plus the page fragments cached per language.

    Local mode has one, for the local user; team mode one per logged-in account, each
    over ``ws.for_user``: pages read ``context(request).ws`` and never scope by hand."""

    ws: Workspace
    language: str = "en"
    viewer: Viewer = LOCAL_VIEWER
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


# The product's one Jinja environment (render.py): one Markdown configuration (raw HTML
# escaped, tables on), one escaping and undefined policy for pages, reports and kits.
templates = Jinja2Templates(env=jinja_env())


def highlight(text: str, query: str) -> Markup:
    """``text`` with the words a search matched in <mark>; everything else escaped."""
    from markupsafe import escape

    from mlinterview.content.search import matched_words

    if not query.strip():
        return Markup(escape(text))
    hits = matched_words(text, query)
    if not hits:
        return Markup(escape(text))
    import re

    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(hits, key=len, reverse=True)) + r")\b"
    )
    parts = pattern.split(text)
    return Markup("").join(
        Markup("<mark>{}</mark>").format(part) if i % 2 else escape(part)
        for i, part in enumerate(parts)
    )


templates.env.filters["highlight"] = highlight
templates.env.globals["label"] = label
templates.env.globals["column_name"] = column_name


def number(value: object, lang: str) -> str:
    """A measured number as the reader writes it: 0,815 in German, 0.815 in English."""
    if isinstance(value, bool) or not isinstance(value, float):
        return str(value)
    text = f"{value:.4g}"
    return text.replace(".", ",") if lang == "de" else text


templates.env.filters["number"] = number


def interval(delta: object, lang: str) -> str:
    """A review interval in the reader's words: 10 min, 5 h, 3 d (German: Std., T.)."""
    from datetime import timedelta

    if not isinstance(delta, timedelta):
        return ""
    minutes = max(1, round(delta.total_seconds() / 60))
    de = lang == "de"
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 24 * 60:
        return f"{round(minutes / 60)} {'Std.' if de else 'h'}"
    days = round(minutes / (24 * 60))
    if days < 60:
        return f"{days} {'T.' if de else 'd'}"
    return f"{round(days / 30)} {'Mon.' if de else 'mo'}"


templates.env.filters["interval"] = interval


def judge_text(message: str | None, lang: str) -> str | None:
    """A judge message in the reader's language (the judge writes and stores English)."""
    from mlinterview.judge.messages import message_in

    return message_in(message, lang)


templates.env.filters["judge_text"] = judge_text


def judge_detail(detail: str | None, lang: str) -> str | None:
    """Why a test's answer differs, in the reader's language (values as they are)."""
    from mlinterview.judge.messages import detail_in

    return detail_in(detail, lang)


templates.env.filters["judge_detail"] = judge_detail


def apply_language_switch(ctx: WebContext, lang: str) -> None:
    """Apply a language switch sent along with a result page's input (ignored if empty)."""
    if lang:
        if lang not in ("en", "de"):
            raise HTTPException(400, "language must be en or de")
        ctx.set_lang(lang)


CSRF_HEADER = "x-csrf-token"


class NotLoggedIn(Exception):
    """Team mode: a request reached a route without a session (the middleware lets only
    public routes through, so this means a public route asked for a person's context)."""


def _found_context(request: Request) -> WebContext | None:
    """The person's context: set per request in team mode, the app's one in local mode."""
    state = request.scope.get("state") or {}
    ctx: WebContext | None = state.get("ctx") or getattr(request.app.state, "ctx", None)
    return ctx


def context(request: Request) -> WebContext:
    ctx = _found_context(request)
    if ctx is None:
        raise NotLoggedIn
    return ctx


def page_language(request: Request) -> str:
    """The language a page is shown in: the person's setting; before login (team mode)
    ``?lang=``, then the browser's Accept-Language."""
    ctx = _found_context(request)
    if ctx is not None:
        return ctx.lang()
    asked = request.query_params.get("lang", "")
    if asked in ("en", "de"):
        return asked
    accept = request.headers.get("accept-language", "").lower()
    return "de" if accept.startswith("de") else "en"


def session_csrf(request: Request) -> str | None:
    """Team mode: the CSRF token bound to this request's session (None without one)."""
    state = request.scope.get("state") or {}
    token = state.get("csrf")
    return token if isinstance(token, str) else None


def viewer_of(request: Request) -> Viewer | None:
    """Who is logged in (team mode), None otherwise: the header shows name and logout."""
    state = request.scope.get("state") or {}
    ctx = state.get("ctx")
    return ctx.viewer if isinstance(ctx, WebContext) else None


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    lang = page_language(request)
    bound = session_csrf(request)
    cookie = request.cookies.get(CSRF_COOKIE)
    token = bound or cookie or secrets.token_urlsafe(32)
    response = templates.TemplateResponse(
        request,
        template,
        {
            "lang": lang,
            "t": translator(lang),
            "csrf_token": token,
            "team": bool(getattr(request.app.state, "team", None)),
            "viewer": viewer_of(request),
            **values,
        },
        status_code=status_code,
    )
    if bound is None and cookie != token:
        response.set_cookie(
            CSRF_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
    return response


async def verify_csrf(request: Request) -> None:
    """A POST must carry the page's CSRF token. With a team session the token is bound to
    that session (a token from another session fails), sent as the form field or the
    ``X-CSRF-Token`` header; without one it is the double-submit cookie (local mode, the
    login form)."""
    bound = session_csrf(request)
    if bound is not None:
        sent: object = request.headers.get(CSRF_HEADER)
        if sent is None and _is_form(request):
            sent = (await request.form()).get(CSRF_FIELD)
        if not isinstance(sent, str) or not secrets.compare_digest(sent, bound):
            raise CsrfError
        return
    form = await request.form()
    sent = form.get(CSRF_FIELD)
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not isinstance(sent, str) or not secrets.compare_digest(sent, cookie):
        raise CsrfError


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))
