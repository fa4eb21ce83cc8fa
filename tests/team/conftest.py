"""Team-mode fixtures: a real redis-server, a fresh PostgreSQL database, real workers.

Every process a fixture starts is stopped in its teardown, so no redis-server or worker
outlives the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from team_helpers import (
    MLINTERVIEW,
    TEST_VISIBILITY_TIMEOUT,
    WORKER_LOGS,
    WorkerFactory,
    create_database,
    start_redis,
    stop_group,
)


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    workdir = Path(tempfile.mkdtemp(prefix="mlinterview-redis-"))
    proc, url = start_redis(workdir)
    try:
        yield url
    finally:
        stop_group(proc)
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def team_database(postgres_server: str) -> str:
    """A fresh PostgreSQL database for one test module (migrated by the first opener)."""
    from mlinterview.store.db import Store

    url = create_database(postgres_server)
    Store(url).close()
    return url


@pytest.fixture(scope="module")
def team_env(
    redis_url: str, team_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, str]]:
    """The environment of a team deployment, in this process too (the Workspace reads the
    broker URL from it) and for every worker process."""
    from mlinterview.team import jobs

    env = {
        "MLINTERVIEW_DATABASE_URL": team_database,
        "MLINTERVIEW_BROKER_URL": redis_url,
        "MLINTERVIEW_JOB_VISIBILITY_TIMEOUT": str(TEST_VISIBILITY_TIMEOUT),
        "HOME": str(tmp_path_factory.mktemp("home")),
    }
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        jobs.celery_app.cache_clear()
        yield {**os.environ, "PYTHONUNBUFFERED": "1", **env}
    jobs.celery_app.cache_clear()


@pytest.fixture(scope="module")
def start_worker(
    team_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorkerFactory]:
    """Start real `mlinterview worker` processes (own process groups); all are stopped
    at the end of the module."""
    started: list[subprocess.Popen[bytes]] = []
    logs = tmp_path_factory.mktemp("worker-logs")

    def start(concurrency: int = 1) -> subprocess.Popen[bytes]:
        path = logs / f"worker-{len(started)}.log"
        log = path.open("wb")
        proc = subprocess.Popen(
            [MLINTERVIEW, "worker", "--concurrency", str(concurrency), "--loglevel", "INFO"],
            env=team_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        WORKER_LOGS[proc.pid] = path
        started.append(proc)
        return proc

    yield start
    for proc in started:
        stop_group(proc)
