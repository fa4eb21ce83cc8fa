"""Judge jobs through the queue: throughput and queue wait with 1 vs 2 worker processes.

Everything is real and on loopback: a redis-server and a PostgreSQL server started for the
run (or the ones given), `mlinterview worker --concurrency 1` processes, submissions queued
through ``Workspace.submit_for_judging`` exactly as the web app does. Per configuration:

- burst: ``--n`` submissions queued at once; throughput = n / (last finished - first queued);
- paced: submissions queued at a steady rate for ``--seconds`` (80 % of what one worker
  managed in its burst, the same rate for both configurations); queue wait = a job's
  start on a worker minus its queueing, p50 and p99.

Prints both configurations and the ratios (2 workers / 1 worker) from one run; the
machine is shared, so compare the ratio, not the absolute numbers. Bounded: at most
``--n`` + rate x ``--seconds`` submissions per configuration.

    .venv/bin/python benchmarks/judge_queue.py [--n 150] [--seconds 15]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BANK = Path(__file__).resolve().parents[1] / "src" / "mlinterview" / "bank" / "problems"
MLINTERVIEW = str(Path(sys.executable).with_name("mlinterview"))
WRONG_KL = sorted(p.name for p in (BANK / "kl_divergence").glob("wrong_*.py"))[0]


def sources(heavy: bool) -> list[tuple[str, str]]:
    """A mix of what candidates send: right and wrong, pure Python and numpy. The light
    mix judges in ~10 ms each (the queue's own cost shows); ``--heavy`` adds gelu, whose
    large cases take ~0.5 s each (the judge's CPU dominates)."""
    read = lambda name, file: (BANK / name / file).read_text(encoding="utf-8")  # noqa: E731
    mix = [
        ("iou", read("iou", "reference.py")),
        ("iou", read("iou", "wrong_union_is_sum.py")),
        ("kl_divergence", read("kl_divergence", "reference.py")),
        ("kl_divergence", read("kl_divergence", WRONG_KL)),
    ]
    if heavy:
        mix += [
            ("gelu", read("gelu", "reference.py")),
            ("gelu", read("gelu", "wrong_sigmoid_approx.py")),
        ]
    return mix


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=15)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    workdir = Path(tempfile.mkdtemp(prefix="mlinterview-bench-redis-"))
    port = free_port()
    proc = subprocess.Popen(
        [
            *("redis-server", "--port", str(port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no", "--dir", str(workdir)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", port), 1) as s,
            ):
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    break
            if time.monotonic() > deadline:
                raise SystemExit("redis-server did not start (apt-get install redis-server)")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(proc)
        shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """A throw-away cluster (as tests/conftest.py starts one); yields a database URL."""
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    if not bins:
        raise SystemExit("no PostgreSQL server binaries; pass --database-url")
    bindir = bins[0].parent
    workdir = Path(tempfile.mkdtemp(prefix="mlinterview-bench-pg-"))
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    port = free_port()
    data = workdir / "data"
    subprocess.run(
        [
            *(*as_pg, str(bindir / "initdb"), "-D", str(data), "-U", "postgres"),
            *("--auth=trust", "-E", "UTF8", "--no-sync"),
        ],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *(*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-w"),
            *("-l", str(workdir / "log"), "-o", options, "start"),
        ],
        check=True,
        capture_output=True,
    )
    try:
        from sqlalchemy import create_engine, text

        server = f"postgresql+psycopg://postgres@127.0.0.1:{port}"
        engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text('CREATE DATABASE "bench"'))
        engine.dispose()
        yield f"{server}/bench"
    finally:
        subprocess.run(
            [*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(workdir, ignore_errors=True)


@dataclass
class Measured:
    workers: int
    burst_n: int
    burst_rate: float  # submissions/s
    paced_rate: float  # offered, submissions/s
    paced_n: int
    wait_p50: float  # seconds, paced phase
    wait_p99: float
    burst_wait_p50: float


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def wait_done(ws: object, store: object, ids: list[int], timeout: float) -> None:
    from sqlalchemy import func, select

    from mlinterview.store.models import Submission

    deadline = time.monotonic() + timeout
    while True:
        with store.session() as session:  # type: ignore[attr-defined]
            left = session.scalar(
                select(func.count())
                .select_from(Submission)
                .where(Submission.id.in_(ids), Submission.state != "done")
            )
        if not left:
            return
        if time.monotonic() > deadline:
            raise SystemExit(f"{left} of {len(ids)} submissions not done after {timeout} s")
        time.sleep(0.05)


def measure(
    workers: int, env: dict[str, str], args: argparse.Namespace, pace: float | None
) -> Measured:
    from mlinterview.store.db import Store
    from mlinterview.store.jobs import job_times
    from mlinterview.workspace import Workspace

    store = Store(env["MLINTERVIEW_DATABASE_URL"])
    ws = Workspace(store)
    mix = sources(args.heavy)
    logs = Path(tempfile.mkdtemp(prefix="mlinterview-bench-workers-"))
    procs = []
    for index in range(workers):
        with (logs / f"worker-{index}.log").open("wb") as log:
            procs.append(
                subprocess.Popen(
                    [MLINTERVIEW, "worker", "--concurrency", "1", "--loglevel", "WARNING"],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
    try:
        # warm up every worker (its judge, its database connection) before measuring
        warm = [ws.submit_for_judging(*mix[i % len(mix)]) for i in range(6 * workers)]
        wait_done(ws, store, warm, timeout=120)

        burst = [ws.submit_for_judging(*mix[i % len(mix)]) for i in range(args.n)]
        wait_done(ws, store, burst, timeout=600)
        times = job_times(store, burst)
        span = (max(f for _, _, f in times) - min(c for c, _, _ in times)).total_seconds()
        burst_rate = len(times) / span
        burst_waits = [(s - c).total_seconds() for c, s, _ in times]

        rate = pace if pace is not None else 0.8 * burst_rate
        paced: list[int] = []
        start = time.monotonic()
        count = int(rate * args.seconds)
        for i in range(count):
            due = start + i / rate
            time.sleep(max(0.0, due - time.monotonic()))
            paced.append(ws.submit_for_judging(*mix[i % len(mix)]))
        wait_done(ws, store, paced, timeout=600)
        waits = [(s - c).total_seconds() for c, s, _ in job_times(store, paced)]
        return Measured(
            workers=workers,
            burst_n=len(times),
            burst_rate=burst_rate,
            paced_rate=rate,
            paced_n=len(waits),
            wait_p50=percentile(waits, 0.5),
            wait_p99=percentile(waits, 0.99),
            burst_wait_p50=percentile(burst_waits, 0.5),
        )
    finally:
        for proc in procs:
            stop(proc)
        store.close()
        shutil.rmtree(logs, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=150, help="submissions per burst (<= 2000)")
    parser.add_argument("--seconds", type=float, default=15.0, help="paced phase (<= 120 s)")
    parser.add_argument("--heavy", action="store_true", help="add a slow numpy problem")
    parser.add_argument("--database-url", help="a PostgreSQL database (default: start one)")
    parser.add_argument("--broker-url", help="a Redis URL (default: start a redis-server)")
    args = parser.parse_args()
    args.n = max(10, min(args.n, 2000))
    args.seconds = max(2.0, min(args.seconds, 120.0))

    with contextlib.ExitStack() as stack:
        database = args.database_url or stack.enter_context(postgres_server())
        broker = args.broker_url or stack.enter_context(redis_server())
        env = {
            **os.environ,
            "MLINTERVIEW_DATABASE_URL": database,
            "MLINTERVIEW_BROKER_URL": broker,
            "HOME": stack.enter_context(tempfile.TemporaryDirectory()),
        }
        os.environ.update(
            {k: env[k] for k in ("MLINTERVIEW_DATABASE_URL", "MLINTERVIEW_BROKER_URL", "HOME")}
        )
        one = measure(1, env, args, pace=None)
        two = measure(2, env, args, pace=one.paced_rate)

    print(f"judge queue benchmark ({uuid.uuid4().hex[:6]}), {os.cpu_count()} cores, loopback")
    print(
        f"{'workers':>7} {'burst n':>7} {'subs/s':>7} {'burst wait p50':>14} "
        f"{'paced/s':>7} {'paced n':>7} {'wait p50':>9} {'wait p99':>9}"
    )
    for row in (one, two):
        print(
            f"{row.workers:>7} {row.burst_n:>7} {row.burst_rate:>7.1f} "
            f"{row.burst_wait_p50 * 1000:>11.0f} ms {row.paced_rate:>7.1f} {row.paced_n:>7} "
            f"{row.wait_p50 * 1000:>6.0f} ms {row.wait_p99 * 1000:>6.0f} ms"
        )
    print(
        f"ratio 2/1 workers: throughput x{two.burst_rate / one.burst_rate:.2f}, "
        f"paced wait p50 x{two.wait_p50 / max(one.wait_p50, 1e-9):.2f}, "
        f"p99 x{two.wait_p99 / max(one.wait_p99, 1e-9):.2f}"
    )


if __name__ == "__main__":
    main()
