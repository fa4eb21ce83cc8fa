"""Coding submissions and their verdicts: write one, read the recent ones back.

Only the public form of a verdict is stored (``JudgeResult.to_dict``): hidden tests keep
nothing but their number, verdict and time, so the database never holds hidden data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from mlinterview.store.db import Store
from mlinterview.store.models import HintUse, Submission
from mlinterview.store.practice import aware


@dataclass(frozen=True)
class StoredSubmission:
    id: int
    user_id: int
    problem_id: str
    verdict: str
    seconds: float
    created_at: datetime
    tests: list[dict[str, Any]]
    code: str
    state: str = "done"  # queued, running, done (team mode judges on workers)
    error: str = ""  # team mode: why the judge could not judge it (verdict Judge Error)


def record_submission(
    store: Store,
    user_id: int,
    *,
    problem_id: str,
    code: str,
    verdict: str,
    tests: list[dict[str, Any]],
    seconds: float,
    created_at: datetime | None = None,
) -> int:
    """Store one judged submission in its own transaction; returns its id."""
    row = Submission(
        user_id=user_id,
        state="done",
        problem_id=problem_id,
        code=code,
        verdict=verdict,
        tests_json=json.dumps(tests, ensure_ascii=False, allow_nan=True),
        seconds=seconds,
        created_at=created_at or datetime.now(UTC),
    )
    with store.transaction() as session:
        session.add(row)
        session.flush()
        return int(row.id)


def stored(row: Submission) -> StoredSubmission:
    return StoredSubmission(
        id=row.id,
        user_id=row.user_id,
        problem_id=row.problem_id,
        verdict=row.verdict,
        seconds=row.seconds,
        created_at=aware(row.created_at),
        tests=json.loads(row.tests_json),
        code=row.code,
        state=row.state,
        error=row.error or "",
    )


def recent_submissions(
    store: Store, user_id: int, problem_id: str | None = None, limit: int = 20
) -> list[StoredSubmission]:
    """The user's submissions, newest first, optionally for one problem."""
    query = (
        select(Submission)
        .where(Submission.user_id == user_id)
        .order_by(Submission.created_at.desc(), Submission.id.desc())
    )
    if problem_id is not None:
        query = query.where(Submission.problem_id == problem_id)
    with store.session() as session:
        return [stored(row) for row in session.scalars(query.limit(limit)).all()]


def reveal_hint(store: Store, user_id: int, problem_id: str, available: int) -> int | None:
    """Record the next hint as seen and return its 0-based index (None when all are shown).

    Two reveals at once (a double click, two tabs) may both count the same hints; the
    unique (user, problem, index) triple lets only one of them store that index, and the other
    reveals nothing new instead of failing."""
    from sqlalchemy import func
    from sqlalchemy.exc import IntegrityError

    try:
        with store.transaction() as session:
            shown = session.scalar(
                select(func.count())
                .select_from(HintUse)
                .where(HintUse.user_id == user_id, HintUse.problem_id == problem_id)
            )
            index = int(shown or 0)
            if index >= available:
                return None
            session.add(
                HintUse(
                    user_id=user_id,
                    problem_id=problem_id,
                    hint_index=index,
                    revealed_at=datetime.now(UTC),
                )
            )
    except IntegrityError:
        return None
    return index


def hints_revealed(store: Store, user_id: int, problem_id: str) -> int:
    from sqlalchemy import func

    with store.session() as session:
        count = session.scalar(
            select(func.count())
            .select_from(HintUse)
            .where(HintUse.user_id == user_id, HintUse.problem_id == problem_id)
        )
    return int(count or 0)


def problem_statuses(store: Store, user_id: int) -> dict[str, str]:
    """Per problem tried: "solved" (Accepted before any hint was shown), "solved_with_hints"
    (Accepted only after one) or "attempted". Two grouped queries: the page that shows
    them does not read every submission."""
    from sqlalchemy import case, func

    with store.session() as session:
        first_hint = dict(
            session.execute(
                select(HintUse.problem_id, func.min(HintUse.revealed_at))
                .where(HintUse.user_id == user_id)
                .group_by(HintUse.problem_id)
            ).all()
        )
        first_accepted = session.execute(
            select(
                Submission.problem_id,
                func.min(case((Submission.verdict == "Accepted", Submission.created_at))),
            )
            .where(Submission.user_id == user_id, Submission.state == "done")
            .group_by(Submission.problem_id)
        ).all()
    statuses: dict[str, str] = {}
    for problem_id, accepted_at in first_accepted:
        hinted = first_hint.get(problem_id)
        if accepted_at is None:
            statuses[problem_id] = "attempted"
        elif hinted is None or aware(accepted_at) < aware(hinted):
            statuses[problem_id] = "solved"
        else:
            statuses[problem_id] = "solved_with_hints"
    return statuses
