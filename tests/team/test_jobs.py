"""Judge jobs end to end: real PostgreSQL, a real redis-server, real `mlinterview worker`s.

One redis-server, database and worker serve the whole module; each test makes its own
users, so their submissions never mix.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator

import pytest
from team_helpers import MLINTERVIEW, REFERENCE, WRONG, WorkerFactory, add_user, wait_done

from mlinterview.store.db import Store
from mlinterview.workspace import Workspace

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(scope="module")
def store(team_env: dict[str, str]) -> Iterator[Store]:
    opened = Store(team_env["MLINTERVIEW_DATABASE_URL"])
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def worker(start_worker: WorkerFactory) -> subprocess.Popen[bytes]:
    return start_worker(concurrency=2)


def user_ws(store: Store) -> Workspace:
    return Workspace(store, user_id=add_user(store.url, f"cand-{uuid.uuid4().hex[:8]}"))


def test_accepted_wrong_and_broken_submissions_reach_done_with_their_verdicts(
    store: Store, worker: subprocess.Popen[bytes]
) -> None:
    ws = user_ws(store)
    ids = {
        "Accepted": ws.submit_for_judging("iou", REFERENCE),
        "Wrong Answer": ws.submit_for_judging("iou", WRONG),
        "Compile Error": ws.submit_for_judging("iou", "def iou(a, b):\n    return (\n"),
    }
    queued = ws.submission(ids["Accepted"])
    assert queued.state in ("queued", "running", "done") and queued.problem_id == "iou"
    done = wait_done(ws, list(ids.values()), timeout=60)
    for verdict, submission_id in ids.items():
        found = done[submission_id]
        assert found.verdict == verdict, (verdict, found)  # type: ignore[attr-defined]
    accepted = done[ids["Accepted"]]
    tests = accepted.tests  # type: ignore[attr-defined]
    examples = [t for t in tests if t["kind"] == "example"]
    hidden = [t for t in tests if t["kind"] == "hidden"]
    assert examples and all(t["verdict"] == "Accepted" for t in examples)
    # the hidden tests are one count, as the local judge stores them: no inputs, no answers
    assert len(hidden) == 1 and set(hidden[0]) == {"kind", "total", "passed", "first_failure"}
    assert hidden[0]["passed"] == hidden[0]["total"] > 0
    wrong_hidden = [t for t in done[ids["Wrong Answer"]].tests if t["kind"] == "hidden"]  # type: ignore[attr-defined]
    assert wrong_hidden[0]["passed"] < wrong_hidden[0]["total"]
    # done rows carry the worker's timing; the user's history lists them like local ones
    assert {s.id for s in ws.submissions("iou")} == set(ids.values())


def test_another_users_submission_is_not_found(
    store: Store, worker: subprocess.Popen[bytes]
) -> None:
    from mlinterview.store.jobs import SubmissionNotFound

    alice, bob = user_ws(store), user_ws(store)
    mine = alice.submit_for_judging("iou", REFERENCE)
    with pytest.raises(SubmissionNotFound):
        bob.submission(mine)
    with pytest.raises(LookupError):
        bob.submission(mine + 10_000)
    wait_done(alice, [mine], timeout=60)
    with pytest.raises(SubmissionNotFound):  # not even once it is done
        bob.submission(mine)
    assert bob.submissions("iou") == []


def test_a_redelivered_job_never_writes_a_second_result(store: Store) -> None:
    """Two deliveries of one job (no worker needed: the steps are called here, in the
    order a redelivery produces them)."""
    from mlinterview.store.jobs import claim_job, complete_job, enqueue_job
    from mlinterview.team.jobs import run_job

    ws = user_ws(store)
    submission_id = enqueue_job(store, ws.user_id, problem_id="iou", code=REFERENCE)
    first = claim_job(store, submission_id)
    second = claim_job(store, submission_id)  # the first worker died, as far as Redis knows
    assert first is not None and second is not None and second.code == REFERENCE
    assert ws.submission(submission_id).state == "running"
    tests = [{"kind": "hidden", "total": 1, "passed": 1, "first_failure": None}]
    assert complete_job(store, submission_id, verdict="Accepted", tests=tests, seconds=0.5)
    assert not complete_job(store, submission_id, verdict="Wrong Answer", tests=[], seconds=9.0)
    assert run_job(store, submission_id) == "already done"  # a third delivery: no judging
    found = ws.submission(submission_id)
    assert (found.state, found.verdict, found.seconds, found.tests) == (
        "done",
        "Accepted",
        0.5,
        tests,
    )


def test_oversized_code_is_not_queued_and_gets_the_local_judges_verdict(store: Store) -> None:
    ws = user_ws(store)
    submission_id = ws.submit_for_judging("iou", "x = 1\n" * 20_000)
    found = ws.submission(submission_id)
    assert (found.state, found.verdict, found.code) == ("done", "Compile Error", "")


def test_unknown_problem_is_refused_before_anything_is_stored(store: Store) -> None:
    ws = user_ws(store)
    with pytest.raises(LookupError):
        ws.submit_for_judging("no_such_problem", REFERENCE)
    assert ws.submissions("iou") == []


def test_without_a_broker_team_paths_say_which_variable_to_set(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlinterview.team import jobs

    ws = user_ws(store)
    monkeypatch.delenv("MLINTERVIEW_BROKER_URL")
    jobs.celery_app.cache_clear()
    try:
        with pytest.raises(jobs.BrokerNotConfigured, match="MLINTERVIEW_BROKER_URL"):
            ws.submit_for_judging("iou", REFERENCE)
    finally:
        monkeypatch.undo()
        jobs.celery_app.cache_clear()
    assert ws.submissions("iou") == []


def test_a_broker_that_is_down_leaves_no_queued_row(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from team_helpers import free_port

    from mlinterview.team import jobs

    ws = user_ws(store)
    monkeypatch.setenv("MLINTERVIEW_BROKER_URL", f"redis://127.0.0.1:{free_port()}/0")
    jobs.celery_app.cache_clear()
    try:
        with pytest.raises(jobs.BrokerUnavailable, match="did not take the submission"):
            ws.submit_for_judging("iou", REFERENCE)
    finally:
        monkeypatch.undo()
        jobs.celery_app.cache_clear()
    assert ws.submissions("iou") == []


def _worker_error(env: dict[str, str]) -> tuple[int, list[str]]:
    done = subprocess.run(
        [MLINTERVIEW, "worker", "--concurrency", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stderr.strip().splitlines()


def test_worker_refuses_to_start_without_a_broker_or_a_database(
    team_env: dict[str, str],
) -> None:
    from team_helpers import free_port

    env = {k: v for k, v in team_env.items() if k != "MLINTERVIEW_BROKER_URL"}
    code, lines = _worker_error(env)
    assert code == 1 and len(lines) == 1 and "MLINTERVIEW_BROKER_URL" in lines[0], lines

    unreachable = {**team_env, "MLINTERVIEW_BROKER_URL": f"redis://127.0.0.1:{free_port()}/0"}
    code, lines = _worker_error(unreachable)
    assert code == 1 and len(lines) == 1 and "cannot reach the job broker" in lines[0], lines

    no_db = {k: v for k, v in team_env.items() if k != "MLINTERVIEW_DATABASE_URL"}
    code, lines = _worker_error(no_db)
    assert code == 1 and len(lines) == 1 and "MLINTERVIEW_DATABASE_URL" in lines[0], lines
    assert os.environ.get("MLINTERVIEW_BROKER_URL")  # this process kept its settings


def test_a_mock_code_answer_in_team_mode_is_judged_by_a_worker(
    store: Store, worker: subprocess.Popen[bytes]
) -> None:
    """The web server of team mode runs no submitted code, not even a mock's: the answer is
    queued, a worker claims and judges it, and the mock scores the stored verdict."""
    from mlinterview.judge.problems import get_problem
    from mlinterview.store.jobs import job_times

    ws = Workspace(store, user_id=add_user(store.url, f"mock-{uuid.uuid4().hex[:8]}"))
    ws.judge_on_queue = True
    mock = ws.start_mock("nlp", minutes=15, seed=7)
    view = ws.mock_question(mock.id)
    assert view is not None and view.kind == "problem"
    reference = (get_problem(view.id).folder / "reference.py").read_text()
    step = ws.answer_mock(mock.id, view.position, reference)
    assert step.answer.verdict == "Accepted"
    assert step.answer.tests_total > 1 and step.answer.tests_passed == step.answer.tests_total
    (queued,) = ws.submissions(view.id)
    assert queued.state == "done" and queued.verdict == "Accepted"
    assert len(job_times(store, [queued.id])) == 1  # started_at: a worker claimed it

    following = ws.mock_question(mock.id)
    assert following is not None and following.kind == "card"
    broken = ws.start_mock("nlp", minutes=15, seed=7)
    step = ws.answer_mock(broken.id, 0, "def nothing():\n    return None\n")
    assert step.answer.verdict != "Accepted" and step.answer.tests_passed == 0


def test_waiting_for_a_verdict_that_no_worker_gives_ends_with_what_to_check(
    store: Store,
) -> None:
    from mlinterview.store.jobs import enqueue_job
    from mlinterview.team.jobs import NoVerdict, wait_for_verdict

    ws = user_ws(store)
    # queued in the database only, never sent to the broker: no worker will ever judge it
    submission_id = enqueue_job(store, ws.user_id, problem_id="iou", code=REFERENCE)
    with pytest.raises(NoVerdict, match=r"within 1 s; check that `mlinterview worker` runs"):
        wait_for_verdict(store, ws.user_id, submission_id, timeout=1.0)
