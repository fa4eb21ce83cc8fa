"""Mock interview routes: start, one timed question at a time, finish, report, history."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mlinterview.content.schema import Role
from mlinterview.web.app import context, render, verify_csrf

if TYPE_CHECKING:
    from mlinterview.practice.mock import MockState

router = APIRouter()
Csrf = Annotated[None, Depends(verify_csrf)]
LEVELS = ("junior", "mid", "senior")


def _state_or_404(request: Request, mock_id: int) -> MockState:
    from mlinterview.practice.mock import MockError, load_mock

    try:
        return load_mock(context(request).store, mock_id)
    except MockError:
        raise HTTPException(404) from None


@router.get("/mock")
def mock_home(request: Request, error: str | None = None) -> Response:
    from mlinterview.practice.mock import list_mocks

    mocks = list(reversed(list_mocks(context(request).store)))
    return render(
        request, "mock_start.html", roles=list(Role), levels=LEVELS, mocks=mocks, error=error
    )


@router.post("/mock/start")
def mock_start(
    request: Request,
    _: Csrf,
    role: Annotated[str, Form()],
    minutes: Annotated[int, Form()] = 45,
    level: Annotated[str, Form()] = "mid",
    seed: Annotated[int, Form()] = 0,
) -> Response:
    from mlinterview.practice.mock import start_mock
    from mlinterview.practice.plan import PlanError, plan_interview

    ctx = context(request)
    try:
        plan = plan_interview(role, minutes, seed, level)
    except PlanError as exc:
        return render(
            request,
            "mock_start.html",
            status_code=400,
            roles=list(Role),
            levels=LEVELS,
            mocks=[],
            error=str(exc),
        )
    mock_id = start_mock(ctx.store, plan, ctx.lang())
    return RedirectResponse(f"/mock/{mock_id}", status_code=303)


@router.get("/mock/{mock_id}")
def mock_question(request: Request, mock_id: int) -> Response:
    from mlinterview.practice.mock import question_view

    state = _state_or_404(request, mock_id)
    position = state.next_position()
    if state.finished or position is None:
        return RedirectResponse(f"/mock/{mock_id}/report", status_code=303)
    view = question_view(state, position)
    return render(
        request, "mock_question.html", mock_id=mock_id, view=view, shown_at=f"{time.time():.3f}"
    )


@router.post("/mock/{mock_id}/answer")
def mock_answer(
    request: Request,
    mock_id: int,
    _: Csrf,
    position: Annotated[int, Form()],
    shown_at: Annotated[float, Form()],
    text: Annotated[str, Form()] = "",
) -> Response:
    from mlinterview.practice.mock import MockError, answer

    _state_or_404(request, mock_id)
    elapsed = max(0.0, time.time() - shown_at)
    try:
        answer(context(request).store, mock_id, position, text, elapsed)
    except MockError as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/mock/{mock_id}", status_code=303)


@router.post("/mock/{mock_id}/finish")
def mock_finish(request: Request, mock_id: int, _: Csrf) -> Response:
    from mlinterview.practice.mock import finish

    _state_or_404(request, mock_id)
    finish(context(request).store, mock_id)
    context(request).dashboard.invalidate()
    return RedirectResponse(f"/mock/{mock_id}/report", status_code=303)


@router.get("/mock/{mock_id}/report")
def mock_report_page(request: Request, mock_id: int) -> Response:
    from mlinterview.practice.mock import finish, mock_report, report_html

    state = _state_or_404(request, mock_id)
    store = context(request).store
    if state.next_position() is None and not state.finished:
        report = finish(store, mock_id)
        context(request).dashboard.invalidate()
    else:
        report = mock_report(store, mock_id)
    return HTMLResponse(report_html(report))
