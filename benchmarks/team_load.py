"""Team mode under load: simulated users practising and submitting code, on loopback only.

Starts a private PostgreSQL cluster and Redis server (or uses MLINTERVIEW_BENCH_POSTGRES_URL),
`mlinterview serve --team` and judge workers (`mlinterview worker --concurrency 1` each),
then:

1. ``--users`` simulated candidates arrive within 5 s and log in through the API (the
   login storm, reported on its own: each login is one argon2 check), then for
   ``--seconds`` each loops: open the practice page, think, type an answer (graded), rate
   the card; one round in four also submits code through the API and polls until the
   verdict is in. Reports p50 and p99 of the practice pages, answers and ratings,
   submissions judged per second, and the queue wait (stored started_at - created_at).
2. Judge throughput with 1 and then 2 worker processes: a burst of submissions queued at
   once, time until the last verdict; the ratio shows whether judging scales with workers.

Step 1 runs once per server set-up, in one run, each on a fresh database: ``--baseline-rev
REV`` first (that git revision's code, server and workers, as `serve --team` ran it then),
then this tree with each ``--server-workers`` count. Beside the latencies it reports the
CPU each part used (server processes, judge workers, this load generator, everything on
the machine) and the load average, since every part shares the same cores.

Every request goes to 127.0.0.1; the run is bounded in users, time and submissions.

Usage: python benchmarks/team_load.py [--users 200] [--seconds 60] [--burst 120]
       [--server-workers 1,2] [--baseline-rev main]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

PASSWORD = "load-test-password"
SOLUTION = """import numpy as np

def softmax(x):
    z = np.asarray(x, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
"""
ANSWERS = (
    "More data lowers variance; a more complex model lowers bias but raises variance.",
    "Regularisation adds a penalty on the weights, so the model fits less noise.",
    "I am not sure.",
)
LOGS = Path(tempfile.gettempdir()) / "mli-bench-logs"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
CARD_FORM = re.compile(r'action="/practice/([^/"]+)/answer"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextmanager
def postgres() -> Iterator[str]:
    """A database URL: the given server, or a private cluster from the machine's binaries."""
    given = os.environ.get("MLINTERVIEW_BENCH_POSTGRES_URL")
    if given:
        yield given
        return
    bindir = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1].parent
    work = Path(tempfile.mkdtemp(prefix="mli-bench-pg-"))
    if os.geteuid() == 0:  # initdb refuses root; the postgres user owns the cluster
        shutil.chown(work, "postgres", "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "initdb"),
                "-D",
                str(work / "data"),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-p {port} -k {work} -c listen_addresses=127.0.0.1 -c max_connections=300"
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(work / "data"),
                "-w",
                "-l",
                str(work / "log"),
                "-o",
                options,
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres(
                [str(bindir / "pg_ctl"), "-D", str(work / "data"), "-m", "immediate", "stop"]
            ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def redis() -> Iterator[str]:
    work = Path(tempfile.mkdtemp(prefix="mli-bench-redis-"))
    port = _free_port()
    proc = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(work),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def _fresh_database(url: str, name: str) -> str:
    """A new empty database beside ``url``'s (each set-up starts from the same state)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _create_users(url: str, count: int) -> list[str]:
    """Candidates with one argon2 hash made by the product's hasher (each hash carries its
    salt and parameters; hashing 200 times would only time argon2)."""
    from mlinterview.store.db import Store
    from mlinterview.store.models import User
    from mlinterview.team.accounts import hasher

    store = Store(url, migrate=False)  # the server under test made the schema
    digest = hasher().hash(PASSWORD)
    names = [f"user{i:03d}" for i in range(count)]
    with store.transaction() as session:
        for name in names:
            session.add(
                User(
                    name=name,
                    role="candidate",
                    password_hash=digest,
                    disabled=False,
                    session_epoch=0,
                    created_at=datetime.now(UTC),
                )
            )
    store.close()
    return names


def _spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start ``mlinterview ARGS``; its output goes to a log file in ``LOGS`` (kept after
    the run, for a look when something failed)."""
    LOGS.mkdir(exist_ok=True)
    with (LOGS / f"{args[0]}-{time.monotonic_ns()}.log").open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "mlinterview.cli", *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _group_cpu(groups: list[int]) -> float:
    """CPU seconds used so far by the live processes of these process groups."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[2]) in groups:  # pgrp; utime and stime follow at 11 and 12
            total += int(fields[11]) + int(fields[12])
    return total / tick


def _machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(values) - idle) / tick, sum(values) / tick


def _stop(proc: subprocess.Popen[bytes]) -> None:
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


class Recorder:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.submission_ids: list[int] = []
        self.verdicts: dict[str, int] = {}

    def add(self, name: str, seconds: float) -> None:
        self.latencies.setdefault(name, []).append(seconds)

    def error(self, name: str) -> None:
        self.errors[name] = self.errors.get(name, 0) + 1


async def _login(client: object, name: str) -> str:
    import httpx

    assert isinstance(client, httpx.AsyncClient)
    response = await client.post("/api/login", json={"user": name, "password": PASSWORD})
    response.raise_for_status()
    return str(response.json()["csrf"])


async def _submit_and_wait(client: object, csrf: str, record: Recorder, deadline: float) -> None:
    import httpx

    assert isinstance(client, httpx.AsyncClient)
    start = time.perf_counter()
    response = await client.post(
        "/api/submissions",
        json={"problem": "softmax", "source": SOLUTION},
        headers={"X-CSRF-Token": csrf},
    )
    record.add("submit (POST)", time.perf_counter() - start)
    if response.status_code != 202:
        record.error("submit")
        return
    submission = int(response.json()["id"])
    record.submission_ids.append(submission)
    while time.monotonic() < deadline + 120:
        await asyncio.sleep(0.5)
        polled = await client.get(f"/api/submissions/{submission}")
        if polled.status_code != 200:
            record.error(f"poll ({polled.status_code})")
            continue
        body = polled.json()
        if body.get("state") == "done":
            record.add("submission to verdict", time.perf_counter() - start)
            record.verdicts[str(body.get("verdict"))] = (
                record.verdicts.get(str(body.get("verdict")), 0) + 1
            )
            return


LOGIN_TIMEOUT = 300.0  # a login waits its turn in the storm: no retry while it is queued
LOGIN_TRIES = 3


async def _log_in(client: object, name: str, record: Recorder, seed: int) -> str:
    """One person arriving in the first seconds and logging in; the CSRF token or ""."""
    import httpx

    assert isinstance(client, httpx.AsyncClient)
    await asyncio.sleep(random.Random(seed).uniform(0, 5))  # people arrive over 5 s
    for _ in range(LOGIN_TRIES):
        start = time.perf_counter()
        try:
            response = await client.post(
                "/api/login",
                json={"user": name, "password": PASSWORD},
                timeout=LOGIN_TIMEOUT,
            )
            response.raise_for_status()
            record.add("login (POST)", time.perf_counter() - start)
            return str(response.json()["csrf"])
        except httpx.HTTPError as exc:
            record.error(f"login ({type(exc).__name__})")
            await asyncio.sleep(1)
    return ""


async def _practise(client: object, csrf: str, seconds: float, record: Recorder, seed: int) -> None:
    """Rounds of practice until ``seconds`` have passed (each user starts within 5 s)."""
    import httpx

    rng = random.Random(seed + 1_000_003)
    deadline = time.monotonic() + seconds
    await asyncio.sleep(rng.uniform(0, 5))
    round_no = 0
    while csrf and time.monotonic() < deadline:
        round_no += 1
        try:
            await _round(client, csrf, record, rng, round_no, deadline)
        except httpx.HTTPError as exc:  # counted, never hidden: the report lists them
            record.error(f"connection ({type(exc).__name__})")
            await asyncio.sleep(1)


async def _round(
    client: object,
    csrf: str,
    record: Recorder,
    rng: random.Random,
    round_no: int,
    deadline: float,
) -> None:
    import httpx

    assert isinstance(client, httpx.AsyncClient)
    start = time.perf_counter()
    page = await client.get("/practice")
    record.add("practice page (GET)", time.perf_counter() - start)
    card = CARD_FORM.search(page.text)
    token = CSRF_FIELD.search(page.text)
    if page.status_code != 200 or card is None or token is None:
        record.error(f"practice page ({page.status_code})")
        await asyncio.sleep(1)
        return
    await asyncio.sleep(rng.uniform(2, 6))  # reading and typing
    form = {"csrf_token": token.group(1), "answer": rng.choice(ANSWERS)}
    start = time.perf_counter()
    shown = await client.post(f"/practice/{card.group(1)}/answer", data=form)
    record.add("answer, graded (POST)", time.perf_counter() - start)
    if shown.status_code != 200:
        record.error(f"answer ({shown.status_code})")
    await asyncio.sleep(rng.uniform(1, 3))
    form = {"csrf_token": token.group(1), "rating": str(rng.randint(1, 4))}
    start = time.perf_counter()
    rated = await client.post(f"/practice/{card.group(1)}/rate", data=form)
    record.add("rating (POST)", time.perf_counter() - start)
    if rated.status_code != 303:
        record.error(f"rating ({rated.status_code})")
    if round_no % 4 == 0:
        await _submit_and_wait(client, csrf, record, deadline)


async def _burst(base: str, names: list[str], count: int) -> tuple[float, int]:
    """Queue ``count`` submissions at once; seconds until the last verdict."""
    import httpx

    clients = [httpx.AsyncClient(base_url=base, timeout=60) for _ in names]
    try:
        tokens = await asyncio.gather(*(_login(c, n) for c, n in zip(clients, names, strict=True)))
        start = time.perf_counter()
        ids: list[tuple[httpx.AsyncClient, int]] = []
        for i in range(count):
            client, token = clients[i % len(clients)], tokens[i % len(clients)]
            response = await client.post(
                "/api/submissions",
                json={"problem": "softmax", "source": SOLUTION},
                headers={"X-CSRF-Token": token},
            )
            ids.append((client, int(response.json()["id"])))
        pending = list(ids)
        accepted = 0
        while pending:
            await asyncio.sleep(0.2)
            still = []
            for client, submission in pending:
                body = (await client.get(f"/api/submissions/{submission}")).json()
                if body.get("state") == "done":
                    accepted += body.get("verdict") == "Accepted"
                else:
                    still.append((client, submission))
            pending = still
        return time.perf_counter() - start, accepted
    finally:
        for client in clients:
            await client.aclose()


def _queue_waits(url: str, ids: list[int]) -> list[float]:
    from sqlalchemy import select

    from mlinterview.store.db import Store
    from mlinterview.store.models import Submission

    store = Store(url, migrate=False)
    with store.transaction() as session:
        rows = session.execute(
            select(Submission.created_at, Submission.started_at).where(Submission.id.in_(ids))
        ).all()
    store.close()
    return [(s - c).total_seconds() for c, s in rows if s is not None and c is not None]


def _wait_for(base: str, seconds: float = 90) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/login", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not answer")


def _print_latencies(record: Recorder) -> None:
    print(f"{'request':26} {'count':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, values in record.latencies.items():
        print(
            f"{name:26} {len(values):6d} {statistics.median(values) * 1000:8.1f} "
            f"{_percentile(values, 0.99) * 1000:8.1f} {max(values) * 1000:8.1f}"
        )


@dataclass
class Setup:
    """One way to run the server: a label, the serve arguments, extra environment."""

    label: str
    serve_args: list[str]
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class PhaseResult:
    setup: Setup
    record: Recorder
    elapsed: float
    waits: list[float]
    cpu: dict[str, float]
    load: tuple[str, str]
    storm: Recorder  # the logins of everyone arriving within 5 s, before the practice window
    storm_seconds: float


def _baseline_tree(rev: str, into: Path) -> Path:
    """The ``src`` directory of a git revision of this repository, extracted into ``into``."""
    root = Path(__file__).resolve().parent.parent
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", rev, "src"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def _users_phase(
    setup: Setup, index: int, args: argparse.Namespace, admin_url: str, broker: str, home: str
) -> PhaseResult:
    url = _fresh_database(admin_url, f"bench_{index}")
    env = dict(
        os.environ,
        MLINTERVIEW_DATABASE_URL=url,
        MLINTERVIEW_BROKER_URL=broker.rsplit("/", 1)[0] + f"/{index}",
        MLINTERVIEW_SECRET_KEY="bench-" + "x" * 40,
        HOME=home,
        **setup.env,
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _spawn(["serve", "--team", "--port", str(port), *setup.serve_args], env)
    workers = [_spawn(["worker", "--concurrency", "1"], env) for _ in range(args.workers)]
    try:
        _wait_for(base)
        names = _create_users(url, args.users)
        time.sleep(8)  # every server process and judge worker warm before the users come
        record, storm = Recorder(), Recorder()
        print(f"-- {setup.label}", flush=True)
        groups = {"server": [server.pid], "judge workers": [w.pid for w in workers]}
        measured: dict[str, object] = {}

        async def everyone() -> None:
            import httpx

            clients = [httpx.AsyncClient(base_url=base, timeout=60) for _ in names]
            try:
                started = time.perf_counter()
                tokens = await asyncio.gather(
                    *(
                        _log_in(c, n, storm, i)
                        for i, (c, n) in enumerate(zip(clients, names, strict=True))
                    )
                )
                measured["storm"] = time.perf_counter() - started
                # the practice window: everyone logged in, CPU and load measured over it
                measured["load before"] = " ".join(Path("/proc/loadavg").read_text().split()[:3])
                cpu_before = {name: _group_cpu(pids) for name, pids in groups.items()}
                own_before = time.process_time()
                busy_before, total_before = _machine_cpu()
                started = time.perf_counter()
                await asyncio.gather(
                    *(
                        _practise(c, t, args.seconds, record, i)
                        for i, (c, t) in enumerate(zip(clients, tokens, strict=True))
                    )
                )
                measured["elapsed"] = time.perf_counter() - started
                cpu = {name: _group_cpu(pids) - cpu_before[name] for name, pids in groups.items()}
                cpu["load generator"] = time.process_time() - own_before
                busy_after, total_after = _machine_cpu()
                cpu["whole machine"] = busy_after - busy_before
                cpu["machine capacity"] = total_after - total_before
                measured["cpu"] = cpu
                measured["load after"] = " ".join(Path("/proc/loadavg").read_text().split()[:3])
            finally:
                for client in clients:
                    await client.aclose()

        asyncio.run(everyone())
        waits = _queue_waits(url, record.submission_ids)
        return PhaseResult(
            setup,
            record,
            float(measured["elapsed"]),  # type: ignore[arg-type]
            waits,
            measured["cpu"],  # type: ignore[arg-type]
            (str(measured["load before"]), str(measured["load after"])),
            storm,
            float(measured["storm"]),  # type: ignore[arg-type]
        )
    finally:
        for proc in [server, *workers]:
            _stop(proc)


def _report(results: list[PhaseResult], args: argparse.Namespace) -> None:
    print(
        f"\n{args.users} users for {args.seconds:.0f} s, {args.workers} judge worker processes,"
        f" PostgreSQL + Redis on loopback, {os.cpu_count()} cores, one run"
    )
    for result in results:
        record = result.record
        print(f"\n== {result.setup.label}")
        logins = result.storm.latencies.get("login (POST)", [])
        print(
            f"login storm: {len(logins)} of {args.users} logged in within "
            f"{result.storm_seconds:.1f} s; login p50 {statistics.median(logins or [0]):.1f} s, "
            f"p99 {_percentile(logins, 0.99):.1f} s; errors {result.storm.errors or 'none'}"
        )
        print(f"then {args.seconds:.0f} s of practice with everyone logged in:")
        _print_latencies(record)
        done = len(record.latencies.get("submission to verdict", []))
        print(
            f"submissions: {len(record.submission_ids)} sent, {done} judged in "
            f"{result.elapsed:.0f} s ({done / result.elapsed:.2f}/s), verdicts {record.verdicts}"
        )
        if result.waits:
            print(
                f"queue wait: p50 {statistics.median(result.waits) * 1000:.0f} ms, "
                f"p99 {_percentile(result.waits, 0.99) * 1000:.0f} ms"
            )
        print(f"errors: {record.errors or 'none'}")
        cores = result.cpu["machine capacity"] / result.elapsed
        shares = ", ".join(
            f"{name} {seconds / result.elapsed:.2f}"
            for name, seconds in result.cpu.items()
            if name != "machine capacity"
        )
        print(f"CPU in cores of {cores:.0f}: {shares}")
        print(f"load average before / after: {result.load[0]} / {result.load[1]}")


def _bursts(args: argparse.Namespace, admin_url: str, broker: str, home: str) -> None:
    """Judge throughput with 1 and 2 worker processes behind this tree's server."""
    url = _fresh_database(admin_url, "bench_burst")
    env = dict(
        os.environ,
        MLINTERVIEW_DATABASE_URL=url,
        MLINTERVIEW_BROKER_URL=broker.rsplit("/", 1)[0] + "/15",
        MLINTERVIEW_SECRET_KEY="bench-" + "x" * 40,
        HOME=home,
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _spawn(["serve", "--team", "--port", str(port)], env)
    workers: list[subprocess.Popen[bytes]] = []
    try:
        _wait_for(base)
        names = _create_users(url, 20)
        rates = {}
        print(f"\nload average before the bursts: {Path('/proc/loadavg').read_text()[:15]}")
        for count in (1, 2):
            for proc in workers:
                _stop(proc)
            workers = [_spawn(["worker", "--concurrency", "1"], env) for _ in range(count)]
            time.sleep(8)  # each worker starts its warm judge before the burst
            seconds, accepted = asyncio.run(_burst(base, names, args.burst))
            rates[count] = args.burst / seconds
            print(
                f"burst of {args.burst} with {count} worker process(es): {seconds:.1f} s,"
                f" {rates[count]:.1f} submissions/s, {accepted} accepted"
            )
        print(f"judge throughput, 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")
    finally:
        for proc in [server, *workers]:
            _stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2, help="judge worker processes")
    parser.add_argument("--burst", type=int, default=120, help="submissions per scaling run")
    parser.add_argument(
        "--server-workers",
        default="",
        help="comma-separated `serve --team --workers` counts to compare (default: the "
        "server's own default, one per core)",
    )
    parser.add_argument(
        "--baseline-rev", default="", help="a git revision to measure first, e.g. main"
    )
    parser.add_argument("--no-burst", action="store_true", help="skip the 1 vs 2 judge bursts")
    args = parser.parse_args()
    if not 1 <= args.users <= 500 or not 1 <= args.seconds <= 600 or not 1 <= args.burst <= 1000:
        parser.error("--users 1..500, --seconds 1..600, --burst 1..1000")
    counts = [int(n) for n in args.server_workers.split(",") if n.strip()]
    if any(not 1 <= n <= 16 for n in counts) or len(counts) > 4:
        parser.error("--server-workers: up to 4 counts of 1..16")

    shutil.rmtree(LOGS, ignore_errors=True)
    print(f"server and worker logs: {LOGS}")
    with (
        postgres() as admin_url,
        redis() as broker,
        tempfile.TemporaryDirectory() as home,
        tempfile.TemporaryDirectory() as old,
    ):
        setups = []
        if args.baseline_rev:
            tree = _baseline_tree(args.baseline_rev, Path(old))
            setups.append(
                Setup(f"{args.baseline_rev}: serve --team", [], {"PYTHONPATH": str(tree)})
            )
        for count in counts or [0]:
            flags = ["--workers", str(count)] if count else []
            setups.append(Setup(f"this tree: serve --team {' '.join(flags)}".rstrip(), flags))
        results = [
            _users_phase(setup, i, args, admin_url, broker, home) for i, setup in enumerate(setups)
        ]
        _report(results, args)
        if not args.no_burst:
            _bursts(args, admin_url, broker, home)


if __name__ == "__main__":
    main()
