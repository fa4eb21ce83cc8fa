"""Routes: each one reads the request, calls the core, and renders a template."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from mlinterview.content.loader import select_cards
from mlinterview.content.schema import Card, Difficulty, Role, Source, Topic
from mlinterview.practice.session import assess_answer
from mlinterview.web.app import context, render, verify_csrf

router = APIRouter()
Csrf = Annotated[None, Depends(verify_csrf)]


def _card_or_404(request: Request, card_id: str) -> Card:
    card = context(request).bank.get(card_id)
    if card is None:
        raise HTTPException(404)
    return card


def _choice(value: str | None, allowed: type[Topic | Role | Difficulty | Source]) -> str | None:
    if not value:
        return None
    if value not in {item.value for item in allowed}:
        raise HTTPException(400, f"unknown value {value!r}")
    return value


@router.get("/")
async def dashboard(request: Request) -> Response:
    ctx = context(request)
    board = ctx.dashboard.get()
    return render(request, "dashboard.html", body=ctx.dashboard_body(board))


@router.post("/lang")
def switch_language(
    request: Request, _: Csrf, lang: Annotated[str, Form()], back: Annotated[str, Form()] = "/"
) -> Response:
    if lang not in ("en", "de"):
        raise HTTPException(400, "language must be en or de")
    context(request).set_lang(lang)
    target = back if back.startswith("/") and not back.startswith("//") else "/"
    return RedirectResponse(target, status_code=303)


@router.get("/practice")
def practice(request: Request, topic: str | None = None, role: str | None = None) -> Response:
    ctx = context(request)
    pool = select_cards(ctx.bank, topic=_choice(topic, Topic), role=_choice(role, Role))
    upcoming = ctx.practice.next_cards(pool, limit=1)
    return render(
        request,
        "practice.html",
        card=upcoming[0] if upcoming else None,
        topic=topic or "",
        role=role or "",
        topics=list(Topic),
        roles=list(Role),
        saved=request.query_params.get("saved"),
    )


@router.post("/practice/{card_id}/answer")
def practice_answer(
    request: Request,
    card_id: str,
    _: Csrf,
    answer: Annotated[str, Form()] = "",
    topic: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
) -> Response:
    ctx = context(request)
    card = _card_or_404(request, card_id)
    assessment = assess_answer(card, answer, ctx.lang()) if answer.strip() else None
    return render(
        request,
        "practice_reveal.html",
        card=card,
        answer=answer,
        assessment=assessment,
        topic=topic,
        role=role,
    )


@router.post("/practice/{card_id}/rate")
def practice_rate(
    request: Request,
    card_id: str,
    _: Csrf,
    rating: Annotated[int, Form(ge=1, le=4)],
    answer: Annotated[str, Form()] = "",
    score: Annotated[str, Form()] = "",
    topic: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
) -> Response:
    ctx = context(request)
    card = _card_or_404(request, card_id)
    ctx.practice.record_review(
        card.id,
        rating,
        lang=ctx.lang(),
        answer=answer or None,
        score=float(score) if score else None,
        origin="web",
    )
    ctx.dashboard.invalidate()
    query = "&".join(f"{k}={v}" for k, v in (("topic", topic), ("role", role)) if v)
    return RedirectResponse(f"/practice?saved={card.id}&{query}".rstrip("&"), status_code=303)


@router.get("/questions")
async def questions(
    request: Request,
    q: str = "",
    topic: str | None = None,
    role: str | None = None,
    difficulty: str | None = None,
    source: str | None = None,
) -> Response:
    ctx = context(request)
    cards = ctx.bank.search(q) if q.strip() else list(ctx.bank)
    chosen = {
        "topic": _choice(topic, Topic),
        "role": _choice(role, Role),
        "difficulty": _choice(difficulty, Difficulty),
        "source": _choice(source, Source),
    }
    allowed = {c.id for c in ctx.bank.filter(**chosen)}
    cards = [c for c in cards if c.id in allowed]
    return render(
        request,
        "questions.html",
        cards=cards,
        q=q,
        chosen=chosen,
        options={
            "topic": list(Topic),
            "role": list(Role),
            "difficulty": list(Difficulty),
            "source": list(Source),
        },
    )


@router.get("/questions/{card_id}")
async def question(request: Request, card_id: str) -> Response:
    card = _card_or_404(request, card_id)
    return render(request, "question.html", card=card, body=context(request).card_body(card))
