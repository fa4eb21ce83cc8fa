"""Judge jobs on Celery workers with Redis as the broker (team mode).

The web process stores a ``queued`` submission and sends the broker only its id
(:func:`enqueue`); a worker (``mlinterview worker``) claims the row, judges the code it
reads from the database with its own warm sandbox, and writes the verdict's public form
once (:func:`run_job`, over :mod:`mlinterview.store.jobs`).

Delivery guarantees, and why each setting is here:

- ``task_acks_late``: a job is acknowledged after it finished, not when it arrived, so a
  worker that dies mid-job leaves it unacknowledged and it is delivered again.
- ``task_reject_on_worker_lost``: when a pool process dies under a job (the worker's main
  process survives), the job goes back to the queue at once instead of being acknowledged
  as failed.
- ``worker_prefetch_multiplier = 1``: a worker holds only the jobs it is running, so jobs
  queue in Redis where any worker can take them, not behind one slow submission.
- JSON only, never pickle: a message that could unpickle into code would hand whoever
  reaches the broker the worker.
- Redis has no acknowledgements of its own: kombu keeps a delivered message in an
  ``unacked`` hash with its delivery time and puts it back on the queue once it is older
  than ``visibility_timeout`` (checked at a worker's start and then every
  ``unacked_restore_interval`` seconds by every running worker). When a whole worker is
  killed (SIGKILL, the machine lost), that is how its jobs come back: after the
  visibility timeout plus at most one restore interval. The trade-off: a job still
  running after the visibility timeout is delivered a second time too; the second
  delivery judges again but cannot write a second result (``complete_job`` is
  conditional), so a short timeout costs duplicate work, a long one delays recovery.
  The default (:data:`DEFAULT_VISIBILITY_TIMEOUT`) is well above the longest judge run
  (a PyTorch problem's first run, with its warm parent starting, takes ~10 s);
  ``MLINTERVIEW_JOB_VISIBILITY_TIMEOUT`` lowers it (the tests use a few seconds).
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from celery import Celery

    from mlinterview.store.db import Store
    from mlinterview.store.submissions import StoredSubmission

BROKER_URL_ENV = "MLINTERVIEW_BROKER_URL"
VISIBILITY_ENV = "MLINTERVIEW_JOB_VISIBILITY_TIMEOUT"
DEFAULT_VISIBILITY_TIMEOUT = 120
QUEUE = "mlinterview-judge"
TASK_NAME = "mlinterview.judge_submission"

log = logging.getLogger("mlinterview.jobs")

# A job whose worker dies under it is delivered again (acks late, rejected on worker
# loss); one that kills every worker it reaches would be delivered forever. Each claim is
# counted in its row, and the claim after MAX_ATTEMPTS lost ones finishes it unjudged.
MAX_ATTEMPTS = 3
GAVE_UP = (
    "not judged: the judge worker stopped {attempts} times while running this submission "
    "(the process was killed, e.g. out of memory), so it is not tried again; change the "
    "code and submit again, or ask your admin to look at the worker's log"
)
JUDGE_FAILED = (
    "not judged: the judge failed on this submission ({kind}); submit it again, and ask "
    "your admin to look at the worker's log if it happens again"
)


class BrokerNotConfigured(RuntimeError):
    """Team mode without a broker: the message says which variable to set."""


class BrokerUnavailable(RuntimeError):
    """The broker did not take the job (down, unreachable); nothing was queued."""


def broker_url() -> str:
    url = os.environ.get(BROKER_URL_ENV, "").strip()
    if not url:
        raise BrokerNotConfigured(
            f"team mode needs a job broker: set {BROKER_URL_ENV} "
            "(e.g. redis://127.0.0.1:6379/0) to the Redis server the workers use"
        )
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise BrokerNotConfigured(
            f"{BROKER_URL_ENV} must be a Redis URL (redis://HOST:PORT/DB), not {url!r}"
        )
    return url


def visibility_timeout() -> int:
    raw = os.environ.get(VISIBILITY_ENV, "").strip()
    if not raw:
        return DEFAULT_VISIBILITY_TIMEOUT
    if not raw.isdigit() or int(raw) < 1:
        raise BrokerNotConfigured(f"{VISIBILITY_ENV} must be a whole number of seconds >= 1")
    return int(raw)


@lru_cache(maxsize=1)
def celery_app() -> Celery:
    """The process's Celery app, configured from the environment on first use."""
    from celery import Celery

    url = broker_url()
    timeout = visibility_timeout()
    app = Celery("mlinterview", set_as_current=False)
    app.conf.update(
        broker_url=url,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": timeout,
            # Sweep for abandoned jobs often enough that recovery takes about the
            # visibility timeout, not the default 10 x 10 s (one scan per interval).
            "unacked_restore_interval": max(1, min(10, timeout // 2)),
            "unacked_restore_throttle": 1,
            "socket_connect_timeout": 5,
            "socket_timeout": 30,
        },
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=QUEUE,
        task_publish_retry_policy={"max_retries": 2, "interval_start": 0.2, "interval_step": 0.3},
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        enable_utc=True,
    )
    app.task(name=TASK_NAME, bind=False, acks_late=True, reject_on_worker_lost=True)(_task)
    _connect_worker_signals()
    return app


def _task(submission_id: Any) -> str:
    """The Celery task: everything in the message except a whole id is ignored."""
    if isinstance(submission_id, bool) or not isinstance(submission_id, int):
        log.warning("judge job with a malformed id %r dropped", submission_id)
        return "malformed"
    from mlinterview.store.db import open_store

    # the id in the worker's log line ("done #12") shows which job each delivery was
    return f"{run_job(open_store(), submission_id)} #{submission_id}"


# -- sending ---------------------------------------------------------------------------------


def enqueue(store: Store, user_id: int, problem_id: str, code: str) -> int:
    """Store a queued submission and hand its id to the broker; returns the id.

    If the broker refuses, the row is removed again and BrokerUnavailable says so: a
    submission is never left ``queued`` with no job that would ever judge it."""
    from kombu.exceptions import OperationalError

    from mlinterview.store.jobs import drop_job, enqueue_job

    app = celery_app()
    submission_id = enqueue_job(store, user_id, problem_id=problem_id, code=code)
    try:
        app.send_task(TASK_NAME, args=[submission_id], queue=QUEUE)
    except (OperationalError, OSError) as exc:
        drop_job(store, submission_id)
        raise BrokerUnavailable(
            f"the job broker at {_safe(broker_url())} did not take the submission: "
            f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}; try again shortly"
        ) from None
    return submission_id


def _safe(url: str) -> str:
    """A broker URL without its password, for messages."""
    from kombu.utils.url import maybe_sanitize_url

    return str(maybe_sanitize_url(url))


def check_broker(timeout: float = 3.0) -> None:
    """Raise BrokerUnavailable unless the broker answers within ``timeout`` seconds."""
    app = celery_app()
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, timeout=timeout)
    except Exception as exc:  # kombu wraps each transport's own errors differently
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BrokerUnavailable(
            f"cannot reach the job broker at {_safe(broker_url())} ({first}); "
            f"start redis-server or fix {BROKER_URL_ENV}"
        ) from None


# -- judging (in the worker) -------------------------------------------------------------------


def run_job(store: Store, submission_id: int) -> str:
    """Claim, judge and complete one submission; safe to run again for the same id.

    Returns what happened ("done", "already done", "duplicate"), for the worker's log.
    The code is read from the database and judged by this worker's sandbox: nothing the
    submitting process said is taken on trust, and the stored tests are the public form
    (hidden tests as a count)."""
    from mlinterview.judge.problems import get_problem
    from mlinterview.judge.runner import default_judge
    from mlinterview.judge.service import judge_source, public_tests
    from mlinterview.judge.verdict import Verdict
    from mlinterview.store.jobs import claim_job, complete_job

    job = claim_job(store, submission_id)
    if job is None:
        return "already done"
    error = ""
    if job.attempt > MAX_ATTEMPTS:  # each earlier claim ended with its worker gone
        log.error(
            "submission %s lost %d workers; finished as a judge error",
            job.submission_id,
            MAX_ATTEMPTS,
        )
        verdict, tests, seconds = Verdict.JUDGE_ERROR.value, [], 0.0
        error = GAVE_UP.format(attempts=MAX_ATTEMPTS)
    else:
        try:
            result = judge_source(get_problem(job.problem_id), job.code, judge=default_judge())
            verdict, tests, seconds = result.verdict.value, public_tests(result), result.seconds
        except Exception as exc:  # the judge itself failed: say so, never leave it running
            log.exception("judging submission %s failed", submission_id)
            verdict, tests, seconds = Verdict.JUDGE_ERROR.value, [], 0.0
            error = JUDGE_FAILED.format(kind=type(exc).__name__)
    written = complete_job(
        store, submission_id, verdict=verdict, tests=tests, seconds=seconds, error=error
    )
    return "done" if written else "duplicate"


_signals_connected = False


def _connect_worker_signals() -> None:
    """Each pool process starts its own warm judge as it starts (not on its first job),
    and never shares a database connection with the process it was forked from."""
    global _signals_connected
    if _signals_connected:
        return
    from celery.signals import worker_process_init

    def start_judge(**_kwargs: Any) -> None:
        from mlinterview.judge.runner import default_judge
        from mlinterview.store.db import open_store

        open_store.cache_clear()  # a store opened before the fork belongs to the parent
        default_judge().start()

    worker_process_init.connect(start_judge, weak=False)
    _signals_connected = True


def requeue_unfinished(store: Store) -> int:
    """Send the broker every job the database still waits for that no broker delivery
    has touched for a visibility timeout; how many were sent."""
    from datetime import UTC, datetime, timedelta

    from mlinterview.store.jobs import unfinished_jobs

    app = celery_app()
    before = datetime.now(UTC) - timedelta(seconds=visibility_timeout())
    found = unfinished_jobs(store, before)
    for submission_id in found:
        app.send_task(TASK_NAME, args=[submission_id], queue=QUEUE)
    return len(found)


def start_worker(concurrency: int, loglevel: str = "INFO") -> int:
    """Run a judge worker in this process until it is stopped; its exit code.

    A prefork pool of ``concurrency`` processes: each holds its own warm judge (the warm
    parent is a separate interpreter started by the pool process after the fork, so the
    judge's own fork model never runs inside Celery's forked children), and Celery sets
    PR_SET_PDEATHSIG in each, so killing the worker takes its pool with it."""
    import socket
    import uuid
    import warnings

    from celery.exceptions import SecurityWarning

    # Celery warns about root because of pickle, which is off here (JSON only); the
    # sandbox needs root to run each submission under its own unprivileged uid.
    warnings.filterwarnings("ignore", category=SecurityWarning)
    app = celery_app()
    worker = app.Worker(
        concurrency=concurrency,
        pool="prefork",
        queues=[QUEUE],
        hostname=f"judge-{uuid.uuid4().hex[:8]}@{socket.gethostname()}",
        loglevel=loglevel,
        without_gossip=True,
        without_mingle=True,
        without_heartbeat=True,
        optimization="fair",
        quiet=True,
    )
    worker.start()
    return int(worker.exitcode or 0)


#: How long a mock interview's code answer waits for a judge worker before giving up.
MOCK_VERDICT_TIMEOUT = 180.0


class NoVerdict(RuntimeError):
    """No judge worker finished the submission in time (none running, or all busy)."""


def wait_for_verdict(
    store: Store, user_id: int, submission_id: int, timeout: float, poll: float = 0.2
) -> StoredSubmission:
    """The submission once a worker has judged it, read from the database (not from the
    broker or the worker); NoVerdict after ``timeout`` seconds."""
    import time

    from mlinterview.store.jobs import load_submission

    deadline = time.monotonic() + timeout
    while True:
        found = load_submission(store, user_id, submission_id)
        if found.state == "done":
            return found
        if time.monotonic() >= deadline:
            raise NoVerdict(
                f"no judge worker judged submission #{submission_id} within {timeout:.0f} s; "
                "check that `mlinterview worker` runs and reaches the broker"
            )
        time.sleep(poll)
