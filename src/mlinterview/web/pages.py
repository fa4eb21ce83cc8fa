"""Routes: each one reads the request, calls the core, and renders a template."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from mlinterview.content.schema import Card, Difficulty, Role, Section, Source, Topic
from mlinterview.web.common import apply_language_switch, context, render, verify_csrf

router = APIRouter()
Csrf = Annotated[None, Depends(verify_csrf)]


def _card_or_404(request: Request, card_id: str) -> Card:
    try:
        return context(request).ws.card(card_id)
    except LookupError:
        raise HTTPException(404) from None


@router.get("/")
async def dashboard(request: Request) -> Response:
    ctx = context(request)
    board = ctx.ws.dashboard()
    # team mode: the candidate's open assignments on top (local mode has no cohorts)
    team = getattr(request.app.state, "team", False)
    todo = ctx.ws.open_assignments() if team else []
    unread = ctx.ws.unread_mock_comments() if team else []
    return render(
        request, "dashboard.html", body=ctx.dashboard_body(board), todo=todo, unread=unread
    )


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
def practice(
    request: Request,
    topic: str | None = None,
    role: str | None = None,
    skipped: str = "",
) -> Response:
    ctx = context(request)
    skip = [s for s in skipped.split(",") if s][:200]
    try:
        queue = ctx.ws.practice_queue(topic=topic or None, role=role or None, limit=1, skip=skip)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    card = queue.cards[0] if queue.cards else None
    return render(
        request,
        "practice.html",
        card=card,
        comments=ctx.ws.take_card_comments(card.id) if card else [],
        topic=topic or "",
        role=role or "",
        topics=list(Topic),
        roles=list(Role),
        saved=request.query_params.get("saved"),
        undone=request.query_params.get("undone"),
        due=queue.due,
        new=queue.new,
        skip_to=",".join([*skip, card.id]) if card else "",
    )


@router.post("/practice/undo")
def practice_undo(
    request: Request,
    _: Csrf,
    topic: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
) -> Response:
    card_id = context(request).ws.undo_last_rating()
    query = "&".join(f"{k}={v}" for k, v in (("topic", topic), ("role", role)) if v)
    target = f"/practice?undone={card_id}&{query}" if card_id else f"/practice?{query}"
    return RedirectResponse(target.rstrip("&?"), status_code=303)


@router.post("/practice/{card_id}/answer")
def practice_answer(
    request: Request,
    card_id: str,
    _: Csrf,
    answer: Annotated[str, Form()] = "",
    topic: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    switch_lang: Annotated[str, Form()] = "",
) -> Response:
    ctx = context(request)
    card = _card_or_404(request, card_id)
    apply_language_switch(ctx, switch_lang)
    assessment = ctx.ws.assess(card, answer, ctx.lang()) if answer.strip() else None
    return render(
        request,
        "practice_reveal.html",
        card=card,
        answer=answer,
        assessment=assessment,
        topic=topic,
        role=role,
        intervals=ctx.ws.rating_intervals(card.id),
        repost={"answer": answer, "topic": topic, "role": role},
    )


@router.post("/practice/{card_id}/rate")
def practice_rate(
    request: Request,
    card_id: str,
    _: Csrf,
    rating: Annotated[int, Form(ge=1, le=4)],
    answer: Annotated[str, Form()] = "",
    topic: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
) -> Response:
    ctx = context(request)
    card = _card_or_404(request, card_id)
    ctx.ws.record_rating(card.id, rating, lang=ctx.lang(), answer=answer or None, origin="web")
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
    section: str | None = None,
) -> Response:
    ctx = context(request)
    chosen = {
        "topic": topic or None,
        "role": role or None,
        "difficulty": difficulty or None,
        "source": source or None,
        "section": section or None,
    }
    try:
        cards = ctx.ws.search(q, **chosen)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
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
            "section": list(Section),
        },
    )


@router.get("/questions/{card_id}")
async def question(request: Request, card_id: str) -> Response:
    card = _card_or_404(request, card_id)
    return render(request, "question.html", card=card, body=context(request).card_body(card))
