"""Starting real server processes in tests: a free loopback port, and waiting until the
server answers (or failing with what it printed when it died first)."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_serving(
    proc: subprocess.Popen[Any], url: str, timeout: float = 60.0, log: Path | None = None
) -> None:
    """Return once ``url`` answers 200; RuntimeError (with the server's output: its pipe, or
    ``log`` when it writes to a file) if the process exits first or nothing answers within
    ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            if log is not None:
                printed: str | bytes = log.read_text(errors="replace")
            else:
                printed = proc.stdout.read() if proc.stdout else ""
            output = printed.decode(errors="replace") if isinstance(printed, bytes) else printed
            raise RuntimeError(f"the server exited: {output[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"the server did not answer {url} within {timeout:.0f} s")
        time.sleep(0.2)
