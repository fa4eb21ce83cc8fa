"""Load on the running web app from a second process on loopback.

Starts `mlinterview serve` on a fresh SQLite database with some practice history, then
opens 50 keep-alive connections (raw asyncio streams, so the load generator itself stays
cheap) and reports requests/s and p50/p99 latency for the dashboard and a question page.
Every request goes to 127.0.0.1 only; the run is bounded in requests and time.

Usage: python benchmarks/web_load.py [--connections 50] [--requests 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mlinterview.store.models import LOCAL_USER_ID


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _seed_history(url: str) -> None:
    from mlinterview.content.loader import bundled_bank
    from mlinterview.practice.scheduling import PracticeService
    from mlinterview.store.db import Store

    store = Store(url)
    service = PracticeService(store, LOCAL_USER_ID)
    start = datetime.now(UTC) - timedelta(days=20)
    for day in range(20):
        for card in list(bundled_bank())[day : day + 10]:
            service.record_review(card.id, 3, lang="en", now=start + timedelta(days=day))
    store.close()


async def _worker(port: int, path: str, count: int, latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode()
    try:
        for _ in range(count):
            started = time.perf_counter()
            writer.write(request)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(f"{path}: {head.splitlines()[0]!r}")
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
    finally:
        writer.close()


async def _load(port: int, path: str, connections: int, total: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    per_connection = max(1, total // connections)
    started = time.perf_counter()
    await asyncio.wait_for(
        asyncio.gather(
            *(_worker(port, path, per_connection, latencies) for _ in range(connections))
        ),
        timeout=300,
    )
    return time.perf_counter() - started, latencies


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="mlinterview-load-"))
    url = f"sqlite:///{workdir / 'load.sqlite3'}"
    _seed_history(url)
    port = _free_port()
    env = dict(os.environ, MLINTERVIEW_DATABASE_URL=url)
    server = subprocess.Popen(
        [sys.executable, "-m", "mlinterview.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        print(f"{args.connections} connections, {args.requests} requests per page, SQLite")
        print(f"{'page':28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for name, path in (("dashboard", "/"), ("question page", "/questions/overfitting")):
            asyncio.run(_load(port, path, 10, 200))  # warm-up: templates, caches
            elapsed, latencies = asyncio.run(_load(port, path, args.connections, args.requests))
            print(
                f"{name + ' ' + path:28} {len(latencies) / elapsed:8.0f} "
                f"{statistics.median(latencies) * 1000:8.1f} "
                f"{_percentile(latencies, 0.99) * 1000:8.1f} {max(latencies) * 1000:8.1f}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
