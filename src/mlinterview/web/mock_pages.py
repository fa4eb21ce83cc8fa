"""Mock interview routes: start, one timed question at a time, finish, report, history.

Every write is a POST behind the CSRF check: answering the last question finishes the
mock (in the core), and "end now" is its own POST. Viewing a report only reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from mlinterview.content.schema import Role
from mlinterview.interviews.plan import Level
from mlinterview.web.common import context, render, verify_csrf

if TYPE_CHECKING:
    from mlinterview.interviews.mock import MockState

router = APIRouter()
Csrf = Annotated[None, Depends(verify_csrf)]


def _state_or_404(request: Request, mock_id: int) -> MockState:
    try:
        return context(request).ws.mock(mock_id)
    except LookupError:
        raise HTTPException(404) from None


def _start_page(request: Request, status_code: int = 200, error: str | None = None) -> Response:
    mocks = list(reversed(context(request).ws.mocks())) if status_code == 200 else []
    return render(
        request,
        "mock_start.html",
        status_code=status_code,
        roles=list(Role),
        levels=[level.value for level in Level],
        mocks=mocks,
        error=error,
    )


@router.get("/mock")
def mock_home(request: Request, error: str | None = None) -> Response:
    return _start_page(request, error=error)


@router.post("/mock/start")
def mock_start(
    request: Request,
    _: Csrf,
    role: Annotated[str, Form()],
    minutes: Annotated[int, Form()] = 45,
    level: Annotated[str, Form()] = "mid",
    seed: Annotated[str, Form()] = "",
) -> Response:
    from mlinterview.interviews.mock import MockError
    from mlinterview.interviews.plan import PlanError

    ctx = context(request)
    try:
        if seed.strip() and not seed.strip().lstrip("-").isdigit():
            raise PlanError(f"seed must be a whole number, not {seed.strip()!r}")
        chosen = int(seed) if seed.strip() else None  # empty: a random seed, recorded
        state = ctx.ws.start_mock(role, minutes=minutes, level=level, lang=ctx.lang(), seed=chosen)
    except (PlanError, MockError, ValueError) as exc:
        return _start_page(request, status_code=400, error=str(exc))
    return RedirectResponse(f"/mock/{state.id}", status_code=303)


@router.get("/mock/{mock_id}")
def mock_question(request: Request, mock_id: int) -> Response:
    _state_or_404(request, mock_id)
    view = context(request).ws.mock_question(mock_id)
    if view is None:
        return RedirectResponse(f"/mock/{mock_id}/report", status_code=303)
    ws = context(request).ws
    spent = ws.mock_clock(mock_id)  # the server's clock: a reload keeps it
    starter = ""
    if view.kind == "problem":
        from mlinterview.judge.service import starter_code

        starter = starter_code(ws.problem(view.id), context(request).lang())
    return render(
        request,
        "mock_question.html",
        mock_id=mock_id,
        view=view,
        spent=int(spent),
        starter=starter,
    )


@router.post("/mock/{mock_id}/answer")
def mock_answer(
    request: Request,
    mock_id: int,
    _: Csrf,
    position: Annotated[int, Form()],
    text: Annotated[str, Form()] = "",
) -> Response:
    from mlinterview.interviews.mock import MockError

    _state_or_404(request, mock_id)
    try:
        context(request).ws.answer_mock(mock_id, position, text)
    except MockError as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/mock/{mock_id}", status_code=303)


@router.post("/mock/{mock_id}/finish")
def mock_finish(request: Request, mock_id: int, _: Csrf) -> Response:
    _state_or_404(request, mock_id)
    context(request).ws.finish_mock(mock_id)
    return RedirectResponse(f"/mock/{mock_id}/report", status_code=303)


@router.get("/mock/{mock_id}/report")
def mock_report_page(request: Request, mock_id: int) -> Response:
    """The report inside the site's page (menu, mobile viewport); reading only."""
    from markupsafe import Markup

    from mlinterview.interviews.mock import report_html

    ctx = context(request)
    try:  # the owner's, or a candidate's for a coach who may see them (decided in the core)
        report = ctx.ws.mock_report(mock_id)
        comments = ctx.ws.mock_comments(mock_id)  # the owner's reading marks them seen
    except LookupError:
        raise HTTPException(404) from None
    mine = ctx.ws.owns_mock(mock_id)
    return render(
        request,
        "mock_report.html",
        mock_id=mock_id,
        body=Markup(report_html(report, body_only=True)),
        finished=report.finished_at is not None,
        mine=mine,
        comments=comments,
        can_comment=getattr(request.app.state, "team", False) and ctx.viewer.is_coach and not mine,
    )
