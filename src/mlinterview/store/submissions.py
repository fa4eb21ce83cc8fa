"""Coding submissions and their verdicts: write one, read the recent ones back.

Only the public form of a verdict is stored (``JudgeResult.to_dict``): hidden tests keep
nothing but their number, verdict and time, so the database never holds hidden data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Integer, select

from mlinterview.store.db import Store
from mlinterview.store.models import Submission


@dataclass(frozen=True)
class StoredSubmission:
    id: int
    problem_id: str
    verdict: str
    seconds: float
    created_at: datetime
    tests: list[dict[str, Any]]
    code: str


def record_submission(
    store: Store,
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


def recent_submissions(
    store: Store, problem_id: str | None = None, limit: int = 20
) -> list[StoredSubmission]:
    """Newest first, optionally for one problem."""
    query = select(Submission).order_by(Submission.created_at.desc(), Submission.id.desc())
    if problem_id is not None:
        query = query.where(Submission.problem_id == problem_id)
    with store.session() as session:
        rows = session.scalars(query.limit(limit)).all()
        return [
            StoredSubmission(
                id=row.id,
                problem_id=row.problem_id,
                verdict=row.verdict,
                seconds=row.seconds,
                created_at=row.created_at,
                tests=json.loads(row.tests_json),
                code=row.code,
            )
            for row in rows
        ]


def problem_statuses(store: Store) -> dict[str, str]:
    """ "solved" for problems with an Accepted submission, "attempted" for the others tried."""
    from sqlalchemy import func

    with store.session() as session:
        rows = session.execute(
            select(
                Submission.problem_id,
                func.max(func.cast(Submission.verdict == "Accepted", Integer)),
            ).group_by(Submission.problem_id)
        ).all()
    return {problem_id: "solved" if accepted else "attempted" for problem_id, accepted in rows}
