"""The JSON API (team mode): login, logout, who am I, my progress.

Same core as the pages: handlers call the Workspace of the request's person. Every POST
after login sends the CSRF token ``/api/login`` returned, in the ``X-CSRF-Token`` header.
The models document the API on ``/docs`` (FastAPI's OpenAPI page, on in team mode).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from mlinterview.team.accounts import MAX_PASSWORD, LoginFailed, TooManyAttempts
from mlinterview.web.common import context, verify_csrf
from mlinterview.web.team import SESSION_COOKIE, current_session, login, set_session_cookie

router = APIRouter(prefix="/api", tags=["account"])
Csrf = Annotated[None, Depends(verify_csrf)]


class LoginIn(BaseModel):
    user: str = Field(min_length=1, max_length=80, description="The account's name.")
    password: str = Field(min_length=1, max_length=MAX_PASSWORD)


class LoginOut(BaseModel):
    csrf: str = Field(description="Send it as the X-CSRF-Token header of every later POST.")
    user: Me


class Problem(BaseModel):
    detail: str


class Me(BaseModel):
    id: int
    name: str
    role: str = Field(description="candidate, coach or admin")


class TopicProgress(BaseModel):
    topic: str
    cards: int
    seen: int
    due_now: int
    due_today: int
    mature: int = Field(description="Cards with a stability of three weeks or more.")
    recall_in_a_week: float = Field(description="Mean recall probability in 7 days (0-1).")


class Progress(BaseModel):
    due_now: int
    new_cards: int
    total_cards: int
    reviews_today: int
    streak_days: int
    problems_solved: int
    problems_attempted: int
    problems_total: int
    mocks_finished: int
    last_mock_score: float | None
    topics: list[TopicProgress]


LoginOut.model_rebuild()


@router.post(
    "/login",
    response_model=LoginOut,
    responses={401: {"model": Problem}, 429: {"model": Problem}},
)
async def api_login(request: Request, body: LoginIn) -> Response:
    """Log in: sets the session cookie and returns the CSRF token for later POSTs."""
    from mlinterview.web.team import team_state

    try:
        account, token, session = await login(request, body.user, body.password)
    except TooManyAttempts as exc:
        return JSONResponse(
            {"detail": str(exc)},
            status_code=429,
            headers={"Retry-After": str(exc.minutes * 60)},
        )
    except LoginFailed as exc:
        return JSONResponse({"detail": str(exc)}, status_code=401)
    accounts = team_state(request).accounts
    out = LoginOut(
        csrf=accounts.csrf_token(session),
        user=Me(id=account.id, name=account.name, role=account.role),
    )
    response = JSONResponse(out.model_dump())
    set_session_cookie(request, response, token)
    return response


@router.post("/logout", status_code=204, responses={401: {"model": Problem}})
def api_logout(request: Request, _: Csrf) -> Response:
    """End this session; the account's sessions on other devices stay (a password change
    ends them all)."""
    from mlinterview.web.team import team_state

    team_state(request).accounts.log_out(current_session(request))
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/me", response_model=Me, responses={401: {"model": Problem}})
def api_me(request: Request) -> Me:
    viewer = context(request).viewer
    return Me(id=viewer.id, name=viewer.name, role=viewer.role)


@router.get("/me/progress", response_model=Progress, responses={401: {"model": Problem}})
def api_progress(request: Request) -> Progress:
    """The dashboard's numbers as JSON: per topic seen, due, mature and recall in a week."""
    board = context(request).ws.dashboard()
    return Progress(
        due_now=board.due_now,
        new_cards=board.new_cards,
        total_cards=board.total_cards,
        reviews_today=board.reviews_today,
        streak_days=board.streak_days,
        problems_solved=board.problems_solved,
        problems_attempted=board.problems_attempted,
        problems_total=board.problems_total,
        mocks_finished=board.mocks_finished,
        last_mock_score=board.last_mock_score,
        topics=[
            TopicProgress(
                topic=row.topic,
                cards=row.cards,
                seen=row.seen,
                due_now=row.due_now,
                due_today=row.due_today,
                mature=row.mature,
                recall_in_a_week=row.recall_in_a_week,
            )
            for row in board.topics
        ],
    )
