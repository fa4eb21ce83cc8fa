"""Framing shared by the trusted side, the warm parent and the sandboxed child.

Every message is a 4-byte big-endian length followed by that many bytes of UTF-8 JSON.
JSON (never pickle) keeps the child's answer *data*: the trusted side parses it with its
own decoder, so nothing the child sends can turn into code or a verdict.
"""

from __future__ import annotations

import json
import os
import struct
from typing import Any

HEADER = struct.Struct(">I")

# Limits that hold for every problem. The result cap bounds what the trusted side reads;
# the per-test cap lets the child report one oversized answer without losing the rest.
MAX_SOURCE_BYTES = 100_000
MAX_RESULT_MESSAGE = 16 * 1024 * 1024
MAX_OUTPUT_PER_TEST = 4 * 1024 * 1024
STDOUT_LIMIT = 1024 * 1024
SHOWN_TEXT = 4000

# The exit code a child uses when hardening failed before any submitted code ran.
EXIT_SETUP_FAILED = 121

# Per-test statuses a child may report; anything else is a protocol violation.
STATUSES = ("ok", "error", "timeout", "memory", "output", "unsupported", "skipped")
LOAD_KINDS = ("compile", "runtime", "timeout", "memory", "output")


class ProtocolError(ValueError):
    """The other side sent something that is not a well-formed message."""


def encode(obj: Any) -> bytes:
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode()
    return HEADER.pack(len(data)) + data


def decode(payload: bytes) -> Any:
    """Parse one message body; any failure (bad UTF-8, bad JSON, too deep) is a ProtocolError."""
    try:
        return json.loads(payload.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"not valid JSON: {type(exc).__name__}") from None


def read_exact(fd: int, count: int) -> bytes | None:
    """Read exactly ``count`` bytes from a blocking fd; None on end of file."""
    chunks = []
    remaining = count
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_message(fd: int, limit: int) -> Any | None:
    """Blocking read of one message (used inside the child); None when the pipe closed."""
    header = read_exact(fd, HEADER.size)
    if header is None:
        return None
    (length,) = HEADER.unpack(header)
    if length > limit:
        raise ProtocolError(f"message of {length} bytes exceeds {limit}")
    body = read_exact(fd, length)
    if body is None:
        return None
    return decode(body)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
