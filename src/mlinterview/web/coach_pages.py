"""Cohort and coaching pages: my cohorts, a cohort's dashboard, assignments, a candidate's
answers with the coach's comment form, and the candidate's own assignments.

Handlers only parse, call the Workspace and render: who may see what is decided in the core
(``team/cohorts.py``). Anything the viewer may not see is a LookupError there and a 404
here, the same page as for an id that does not exist; a role that may not act gets 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from mlinterview.content.schema import Role
from mlinterview.interviews.plan import Level
from mlinterview.web.common import context, render, templates, verify_csrf

router = APIRouter()
Csrf = Annotated[None, Depends(verify_csrf)]
T = TypeVar("T")


def team_links(request: Request) -> list[tuple[str, str]]:
    """Menu entries of team mode: cohorts for coaches and admins, assignments for everyone.
    Local mode (one person, no cohorts) shows neither."""
    if not getattr(request.app.state, "team", False):
        return []
    links = [("/assignments", "nav_assignments")]
    if context(request).viewer.is_coach:
        links.insert(0, ("/cohorts", "nav_cohorts"))
    return links


templates.env.globals["team_links"] = team_links


def _visible(call: Callable[[], T]) -> T:
    """Run a core call; what the viewer may not see is a 404, a role that may not act a 403."""
    try:
        return call()
    except LookupError:
        raise HTTPException(404) from None
    except PermissionError as exc:
        raise HTTPException(403, str(exc)) from None


def _bad_input(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else "invalid input"


# -- cohorts -------------------------------------------------------------------------------


def _cohorts_page(request: Request, status_code: int = 200, error: str | None = None) -> Response:
    ctx = context(request)
    return render(
        request,
        "cohorts.html",
        status_code=status_code,
        cohorts=ctx.ws.cohorts(),
        is_admin=ctx.viewer.role == "admin",
        error=error,
    )


@router.get("/cohorts")
def cohorts(request: Request) -> Response:
    return _cohorts_page(request)


@router.post("/cohorts")
def cohort_create(request: Request, _: Csrf, name: Annotated[str, Form()]) -> Response:
    from mlinterview.team.cohorts import CoachingError

    try:
        cohort_id = _visible(lambda: context(request).ws.create_cohort(name))
    except CoachingError as exc:
        return _cohorts_page(request, 400, _bad_input(exc))
    return RedirectResponse(f"/cohorts/{cohort_id}", status_code=303)


def _dashboard_page(
    request: Request,
    cohort_id: int,
    status_code: int = 200,
    error: str | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    ctx = context(request)
    board = _visible(lambda: ctx.ws.cohort_dashboard(cohort_id))
    members = ctx.ws.cohort_members(cohort_id)
    return render(
        request,
        "cohort.html",
        status_code=status_code,
        board=board,
        members=members,
        is_admin=ctx.viewer.role == "admin",
        roles=list(Role),
        levels=[level.value for level in Level],
        error=error,
        form=form or {},
        assigned=request.query_params.get("assigned", ""),
    )


@router.get("/cohorts/{cohort_id}")
def cohort_dashboard(request: Request, cohort_id: int) -> Response:
    return _dashboard_page(request, cohort_id)


@router.post("/cohorts/{cohort_id}/members")
def cohort_member(
    request: Request,
    cohort_id: int,
    _: Csrf,
    user: Annotated[str, Form(max_length=80)],
    role: Annotated[str, Form()] = "candidate",
    remove: Annotated[str, Form()] = "",
) -> Response:
    from mlinterview.team.cohorts import CoachingError

    ws = context(request).ws
    try:
        if remove:
            _visible(lambda: ws.remove_cohort_member(cohort_id, user))
        else:
            _visible(lambda: ws.set_cohort_member(cohort_id, user, role))
    except CoachingError as exc:
        return _dashboard_page(request, cohort_id, 400, _bad_input(exc))
    return RedirectResponse(f"/cohorts/{cohort_id}", status_code=303)


@router.post("/cohorts/{cohort_id}/assignments")
def cohort_assign(
    request: Request,
    cohort_id: int,
    _: Csrf,
    kind: Annotated[str, Form()],
    title: Annotated[str, Form()] = "",
    due: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "generalist",
    level: Annotated[str, Form()] = "mid",
    minutes: Annotated[int, Form()] = 45,
    seed: Annotated[str, Form()] = "",
    ids: Annotated[str, Form()] = "",
) -> Response:
    from mlinterview.team.cohorts import CoachingError

    ws = context(request).ws
    form = {"kind": kind, "title": title, "due": due, "ids": ids, "seed": seed}
    try:
        if seed.strip() and not seed.strip().isdigit():
            raise CoachingError(f"seed must be a whole number, not {seed.strip()!r}")
        options: dict[str, Any] = {"title": title, "due": due}
        if kind in ("kit", "mock"):
            options.update(role=role, level=level, minutes=minutes)
            options["seed"] = int(seed) if seed.strip() else None
        else:
            options["ids"] = ids.replace("\n", ",").split(",")
        assignment = _visible(lambda: ws.assign(cohort_id, kind, **options))
    except CoachingError as exc:
        return _dashboard_page(request, cohort_id, 400, _bad_input(exc), form)
    return RedirectResponse(f"/cohorts/{cohort_id}?assigned={assignment}", status_code=303)


# -- the candidate's side ------------------------------------------------------------------


@router.get("/assignments")
def my_assignments(request: Request) -> Response:
    return render(request, "assignments.html", assignments=context(request).ws.my_assignments())


@router.post("/assignments/{assignment_id}/start")
def assignment_start(request: Request, assignment_id: int, _: Csrf) -> Response:
    ctx = context(request)
    state = _visible(lambda: ctx.ws.start_assigned_mock(assignment_id, ctx.lang()))
    return RedirectResponse(f"/mock/{state.id}", status_code=303)


@router.get("/assignments/{assignment_id}/kit")
def assignment_kit(request: Request, assignment_id: int) -> Response:
    ctx = context(request)
    data = _visible(lambda: ctx.ws.assignment_kit(assignment_id, fmt="html", lang=ctx.lang()))
    return HTMLResponse(data.decode("utf-8"))


# -- coach review --------------------------------------------------------------------------


@router.get("/candidates/{user_id}")
def candidate(request: Request, user_id: int) -> Response:
    overview = _visible(lambda: context(request).ws.candidate_overview(user_id))
    return render(request, "candidate.html", person=overview)


def _answers_page(
    request: Request, user_id: int, card_id: str, status_code: int = 200, error: str = ""
) -> Response:
    ws = context(request).ws
    answers = _visible(lambda: ws.candidate_answers(user_id, card_id))
    return render(
        request,
        "candidate_card.html",
        status_code=status_code,
        answers=answers,
        card=ws.card(card_id),
        can_comment=context(request).viewer.is_coach,
        error=error,
    )


@router.get("/candidates/{user_id}/cards/{card_id}")
def candidate_card(request: Request, user_id: int, card_id: str) -> Response:
    return _answers_page(request, user_id, card_id)


@router.post("/candidates/{user_id}/cards/{card_id}/comments")
def candidate_card_comment(
    request: Request,
    user_id: int,
    card_id: str,
    _: Csrf,
    body: Annotated[str, Form()],
    review_id: Annotated[str, Form()] = "",
) -> Response:
    from mlinterview.team.cohorts import CoachingError

    ws = context(request).ws
    review = int(review_id) if review_id.strip().isdigit() else None
    try:
        _visible(lambda: ws.comment_on_card(user_id, card_id, body, review))
    except CoachingError as exc:
        return _answers_page(request, user_id, card_id, 400, _bad_input(exc))
    return RedirectResponse(f"/candidates/{user_id}/cards/{card_id}?commented=1", status_code=303)


@router.post("/mock/{mock_id}/comments")
def mock_comment(request: Request, mock_id: int, _: Csrf, body: Annotated[str, Form()]) -> Response:
    from mlinterview.team.cohorts import CoachingError

    ws = context(request).ws
    try:
        _visible(lambda: ws.comment_on_mock(mock_id, body))
    except CoachingError as exc:
        raise HTTPException(400, _bad_input(exc)) from None
    return RedirectResponse(f"/mock/{mock_id}/report?commented=1", status_code=303)
