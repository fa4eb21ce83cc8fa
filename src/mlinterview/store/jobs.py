"""Submissions judged by workers (team mode): queued -> running -> done, exactly once.

A judge job is one ``submissions`` row. The web process stores it ``queued`` and sends
the worker nothing but its id; the worker reads the code from here, never from the
message. The broker may deliver a job twice (a worker killed mid-job, a visibility
timeout that passed while a slow job still ran), so the steps are written to be repeated:

- ``claim_job`` moves a row that is not done to ``running`` (a redelivered job may claim
  a row a dead worker left ``running``) and hands back what to judge;
- ``complete_job`` writes the verdict with one conditional UPDATE (``state <> 'done'``):
  of two workers that judged the same row, the database lets exactly one write, so a
  submission never gets a second result.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update

from mlinterview.store.db import Store
from mlinterview.store.models import Submission
from mlinterview.store.submissions import StoredSubmission, stored

STATES = ("queued", "running", "done")


class SubmissionNotFound(LookupError):
    """No submission with that id for this user (another user's id looks the same: 404)."""


@dataclass(frozen=True)
class Job:
    """What a worker needs to judge a claimed submission, read from the database."""

    submission_id: int
    problem_id: str
    code: str
    attempt: int = 1  # this claim's number: 1 for the first delivery, more after lost workers


def enqueue_job(store: Store, user_id: int, *, problem_id: str, code: str) -> int:
    """Store a ``queued`` submission (no verdict yet) and return its id; the caller then
    sends the id to the broker. Committed first, so a worker never looks for a row that
    is not there yet."""
    row = Submission(
        user_id=user_id,
        state="queued",
        problem_id=problem_id,
        code=code,
        verdict="",
        tests_json="[]",
        seconds=0.0,
        created_at=datetime.now(UTC),
    )
    with store.transaction() as session:
        session.add(row)
        session.flush()
        return int(row.id)


def drop_job(store: Store, submission_id: int) -> None:
    """Remove a queued row whose message never reached the broker (the sender says so)."""
    from sqlalchemy import delete

    with store.transaction() as session:
        session.execute(
            delete(Submission).where(Submission.id == submission_id, Submission.state == "queued")
        )


def claim_job(store: Store, submission_id: int) -> Job | None:
    """Mark the row ``running``, count the claim, and return it (with the claim's number),
    or None when it is done (or gone).

    The row is locked while it is read and marked, so two deliveries of one job see each
    other's claim; a row left ``running`` by a dead worker is claimed again, and its count
    shows how many workers took it before (the caller decides when to stop trying)."""
    with store.transaction() as session:
        row = session.scalars(
            select(Submission).where(Submission.id == submission_id).with_for_update()
        ).first()
        if row is None or row.state == "done":
            return None
        row.state = "running"
        row.started_at = datetime.now(UTC)
        row.attempts = (row.attempts or 0) + 1
        return Job(int(row.id), row.problem_id, row.code, row.attempts)


def complete_job(
    store: Store,
    submission_id: int,
    *,
    verdict: str,
    tests: list[dict[str, Any]],
    seconds: float,
    error: str = "",
) -> bool:
    """Write the result unless the row is already done; True if this call wrote it.
    ``error``: why the judge could not judge it (with a Judge Error verdict).

    One conditional UPDATE: under concurrent completions PostgreSQL re-checks
    ``state <> 'done'`` after the first commit, so the second one changes nothing."""
    with store.transaction() as session:
        changed = session.execute(
            update(Submission)
            .where(Submission.id == submission_id, Submission.state != "done")
            .values(
                state="done",
                verdict=verdict,
                tests_json=json.dumps(tests, ensure_ascii=False, allow_nan=True),
                seconds=seconds,
                error=error,
                finished_at=datetime.now(UTC),
            )
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(changed, "rowcount", 0) == 1)


def load_submission(store: Store, user_id: int, submission_id: int) -> StoredSubmission:
    """The user's submission in any state; SubmissionNotFound for anyone else's."""
    with store.session() as session:
        row = session.scalars(
            select(Submission).where(Submission.id == submission_id, Submission.user_id == user_id)
        ).first()
        if row is None:
            raise SubmissionNotFound(f"no submission {submission_id}")
        return stored(row)


def job_times(store: Store, submission_ids: list[int]) -> list[tuple[datetime, datetime, datetime]]:
    """(created, started, finished) of the done ones: queue wait and throughput, measured
    by the database's clock of each step rather than by whoever polls."""
    from mlinterview.store.practice import aware

    with store.session() as session:
        rows = session.execute(
            select(Submission.created_at, Submission.started_at, Submission.finished_at).where(
                Submission.id.in_(submission_ids), Submission.state == "done"
            )
        ).all()
    return [
        (aware(created), aware(started), aware(finished))
        for created, started, finished in rows
        if started is not None and finished is not None
    ]


def unfinished_jobs(store: Store, before: datetime, limit: int = 1000) -> list[int]:
    """Ids of submissions still queued or running since before ``before``, oldest first.

    A worker sends these to the broker again when it starts: Redis (run without
    persistence) forgets its queue on a restart, and its transport has a short window
    between taking a message and recording it as unacknowledged; the database does not
    forget. A second message for a job that is still queued is harmless (see claim/complete)."""
    from sqlalchemy import func

    with store.session() as session:
        return [
            int(row_id)
            for row_id in session.scalars(
                select(Submission.id)
                .where(
                    Submission.state.in_(("queued", "running")),
                    func.coalesce(Submission.started_at, Submission.created_at) < before,
                )
                .order_by(Submission.id)
                .limit(limit)
            ).all()
        ]
