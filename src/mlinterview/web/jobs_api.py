"""JSON API of team-mode judge jobs: queue a submission, read its state and verdict.

    POST /api/submissions       {"problem", "source"}  -> 202 {"id"}
    GET  /api/submissions/{id}  -> {"id", "problem", "state", "verdict", "tests", "seconds",
                                    "error", "error_text"}

The judge's sentences are English wherever they are compared (``error``, a test's
``error`` and ``detail`` and the last line of its ``traceback``); each has a ``..._text``
twin in the person's language, which the problem page shows.

Both act for ``context(request).ws``, the requesting user's Workspace: another user's id
is a 404, decided in the store (``load_submission`` filters by user), never here.

CSRF: a JSON POST must carry the page's token in an ``X-CSRF-Token`` header.
:func:`verify_api_csrf` checks it against the double-submit cookie the pages set; team
mode's session-bound token replaces it by overriding this one dependency
(``app.dependency_overrides[verify_api_csrf] = ...``) or by editing it in place.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from mlinterview.web.common import (
    CSRF_COOKIE,
    MAX_BODY_BYTES,
    context,
    judge_detail,
    judge_text,
    page_language,
)

router = APIRouter(prefix="/api", tags=["submissions"])
CSRF_HEADER = "X-CSRF-Token"


async def verify_api_csrf(request: Request) -> None:
    """The header must carry the session's CSRF token (team mode: bound to the session,
    as every form's), or match the CSRF cookie without a session; a cross-site page can
    send neither."""
    from mlinterview.web.common import session_csrf

    sent = request.headers.get(CSRF_HEADER, "")
    expected = session_csrf(request) or request.cookies.get(CSRF_COOKIE, "")
    if not expected or not sent or not secrets.compare_digest(sent, expected):
        raise HTTPException(403, f"missing or wrong {CSRF_HEADER} header")


ApiCsrf = Annotated[None, Depends(verify_api_csrf)]


class SubmissionIn(BaseModel):
    problem: str = Field(min_length=1, max_length=80, description="a problem id")
    source: str = Field(max_length=MAX_BODY_BYTES, description="Python code")


class SubmissionCreated(BaseModel):
    id: int


class SubmissionOut(BaseModel):
    id: int
    problem: str
    state: str = Field(description="queued, running or done")
    verdict: str | None = Field(description="the judge's verdict once done, else null")
    tests: list[dict[str, Any]] = Field(
        description="per visible test: verdict, input, expected, got; the hidden tests as "
        "one count (kind 'hidden', total, passed, first_failure)"
    )
    seconds: float | None
    error: str | None = Field(
        description="once done with a Judge Error verdict: why the judge could not judge "
        "it, else null"
    )
    error_text: str | None = Field(
        description="``error`` in the person's language (the judge writes English; a "
        "test's ``error``, ``detail`` and ``traceback`` have their ``..._text`` the same "
        "way)"
    )


def _in_language(tests: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The tests with the judge's sentences also in the reader's language, next to the
    English the API compares on."""
    out = []
    for test in tests:
        shown = dict(test)
        for field in ("error", "traceback"):
            if test.get(field):
                shown[f"{field}_text"] = judge_text(test[field], lang)
        if test.get("detail"):
            shown["detail_text"] = judge_detail(test["detail"], lang)
        out.append(shown)
    return out


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


@router.post(
    "/submissions",
    status_code=202,
    response_model=SubmissionCreated,
    responses={404: {"description": "unknown problem"}, 503: {"description": "no broker"}},
)
def create_submission(request: Request, body: SubmissionIn, _: ApiCsrf) -> Any:
    """Queue code for a judge worker; poll GET /api/submissions/{id} for the verdict."""
    from mlinterview.team.jobs import BrokerNotConfigured, BrokerUnavailable

    try:
        submission_id = context(request).ws.submit_for_judging(body.problem, body.source)
    except LookupError as exc:
        return _error(404, str(exc))
    except (BrokerNotConfigured, BrokerUnavailable) as exc:
        return _error(503, str(exc))
    return JSONResponse({"id": submission_id}, status_code=202)


@router.get(
    "/submissions/{submission_id}",
    response_model=SubmissionOut,
    responses={404: {"description": "no such submission of yours"}},
)
def read_submission(
    request: Request, submission_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> Any:
    """One of your submissions: its state and, once done, the verdict and tests."""
    try:
        found = context(request).ws.submission(submission_id)
    except LookupError:
        return _error(404, f"no submission {submission_id}")
    done = found.state == "done"
    lang = page_language(request)
    error = (found.error or None) if done else None
    return {
        "id": found.id,
        "problem": found.problem_id,
        "state": found.state,
        "verdict": found.verdict if done else None,
        "tests": _in_language(found.tests, lang) if done else [],
        "seconds": found.seconds if done else None,
        "error": error,
        "error_text": judge_text(error, lang),
    }
