"""Coding routes: statement, editor, run the visible tests, submit, verdict per test.

Submissions are judged by the sandboxed judge (children of a separate warm parent),
never inside this web process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import Response

from mlinterview.web.common import apply_language_switch, context, render, verify_csrf

if TYPE_CHECKING:
    from mlinterview.judge.problems import Problem
    from mlinterview.workspace import Workspace

router = APIRouter()
Csrf = Annotated[None, Depends(verify_csrf)]


def _problem_or_404(request: Request, problem_id: str) -> Problem:
    try:
        return context(request).ws.problem(problem_id)
    except LookupError:
        raise HTTPException(404) from None


def team_mode(request: Request) -> bool:
    """Team mode judges full submissions on workers (``create_app(team=True)``)."""
    return bool(getattr(request.app.state, "team", False))


def _enqueue_or_400(ws: Workspace, problem_id: str, code: str) -> int:
    from mlinterview.team.jobs import BrokerNotConfigured, BrokerUnavailable

    try:
        return ws.submit_for_judging(problem_id, code)
    except (BrokerNotConfigured, BrokerUnavailable) as exc:
        raise HTTPException(503, str(exc)) from None


@router.get("/problems")
def problems(
    request: Request,
    topic: str | None = None,
    difficulty: str | None = None,
    status: str | None = None,
) -> Response:
    ctx = context(request)
    try:
        found = ctx.ws.problems(topic or None)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    if status not in (None, "", "solved", "solved_with_hints", "attempted", "open"):
        raise HTTPException(400, "status must be solved, solved_with_hints, attempted or open")
    statuses = ctx.ws.problem_statuses()
    shown = [
        p
        for p in found
        if (not difficulty or p.difficulty.value == difficulty)
        and (not status or statuses.get(p.id, "open") == status)
    ]
    return render(
        request,
        "problems.html",
        problems=shown,
        statuses=statuses,
        chosen={"topic": topic or "", "difficulty": difficulty or "", "status": status or ""},
        topics=sorted({p.topic.value for p in found}),
    )


@router.get("/problems/{problem_id}")
def problem(request: Request, problem_id: str) -> Response:
    from mlinterview.judge.service import starter_code

    found = _problem_or_404(request, problem_id)
    lang = context(request).lang()
    ws = context(request).ws
    return render(
        request,
        "problem.html",
        problem=found,
        code=starter_code(found, lang),
        result=None,
        mode=None,
        pending=None,
        team=team_mode(request),
        examples=ws.problem_examples(found.id),
        needs=ws.problem_libraries(found.id),
        history=ws.submissions(found.id),
        hints=ws.hints(found.id, lang),
    )


@router.post("/problems/{problem_id}/{mode}")
def submit(
    request: Request,
    problem_id: str,
    mode: str,
    _: Csrf,
    code: Annotated[str, Form()] = "",
    switch_lang: Annotated[str, Form()] = "",
) -> Response:
    if mode not in ("run", "submit", "hint"):
        raise HTTPException(404)
    found = _problem_or_404(request, problem_id)
    apply_language_switch(context(request), switch_lang)
    ws = context(request).ws
    lang = context(request).lang()
    pending = None
    if mode == "hint":  # reveal the next hint; the code in the editor comes back as it was
        hints = ws.hints(found.id, lang, reveal=True)
        result = None
    elif mode == "submit" and team_mode(request):  # a worker judges it; the page polls
        hints = ws.hints(found.id, lang)
        result = None
        pending = _enqueue_or_400(ws, found.id, code)
    else:
        hints = ws.hints(found.id, lang)
        result = ws.judge_submission(found.id, code, visible_only=mode == "run")
    return render(
        request,
        "problem.html",
        problem=found,
        code=code,
        result=result,
        mode=mode,
        pending=pending,
        team=team_mode(request),
        repost={"code": code},
        examples=ws.problem_examples(found.id),
        needs=ws.problem_libraries(found.id),
        history=ws.submissions(found.id),
        hints=hints,
    )
