"""Framing shared by the trusted side, the warm parent and the sandboxed child.

Every message is a 4-byte big-endian length followed by that many bytes of UTF-8 JSON.
JSON (never pickle) keeps the child's answer *data*: the trusted side parses it with its
own decoder, so nothing the child sends can turn into code or a verdict.

The conversation, one message each way at a time (the trusted side waits for each reply
under its own deadline, so it times every test itself):

    child   -> trusted  {"ready": true}                   hardened, nothing loaded yet
                        (or {"fatal": {"kind": "setup"}} when hardening failed; only
                        believed before "ready", when no submitted code has run)
    trusted -> child    {"load": {"source", "function", "params", "time_limit", "cpu",
                                  "memory"}}
    child   -> trusted  {"loaded": true} | {"fatal": {"kind", "message", "traceback"}}
    trusted -> child    {"test": {arg name: value}, "show": bool}     once per test
    child   -> trusted  {"output": value} | {"failed": kind, "error", "traceback"}
                        (+ "stdout" when show)

A reply is checked for size and structure *before* it is parsed (:func:`decode_reply`).
"""

from __future__ import annotations

import json
import os
import struct
from typing import Any

HEADER = struct.Struct(">I")

# Limits that hold for every problem. A reply larger than MAX_REPLY_BYTES, or with more
# than MAX_REPLY_ITEMS JSON values, is an Output Limit before it is parsed.
MAX_SOURCE_BYTES = 100_000
MAX_OUTPUT_PER_TEST = 4 * 1024 * 1024
MAX_REPLY_BYTES = MAX_OUTPUT_PER_TEST + 64 * 1024
MAX_REPLY_ITEMS = 200_000
STDOUT_LIMIT = 1024 * 1024
SHOWN_TEXT = 4000

# The exit code a child uses when hardening failed before any submitted code ran.
EXIT_SETUP_FAILED = 121

# Ways a test or the load can fail, as the child describes them. The trusted side uses
# them only for the visible examples; for hidden tests it believes none of them.
FAIL_KINDS = ("error", "timeout", "memory", "output", "unsupported")
LOAD_KINDS = ("compile", "runtime", "timeout", "memory", "output")


class ProtocolError(ValueError):
    """The other side sent something that is not a well-formed message."""


class ReplyTooLarge(ProtocolError):
    """A reply exceeds the size or item bound; refused before parsing."""


def encode(obj: Any) -> bytes:
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode()
    return HEADER.pack(len(data)) + data


def decode(payload: bytes) -> Any:
    """Parse one message body; any failure (bad UTF-8, bad JSON, too deep) is a ProtocolError."""
    try:
        return json.loads(payload.decode("utf-8"))
    except (ValueError, RecursionError, MemoryError) as exc:
        raise ProtocolError(f"not valid JSON: {type(exc).__name__}") from None


def decode_reply(payload: bytes) -> Any:
    """Parse a child's reply only if its size and number of values are bounded.

    Counting brackets and commas (inside strings too, so it over-counts) bounds the number
    of objects ``json.loads`` can create: 16 MB of ``[[],[],...]`` would otherwise become
    millions of lists and gigabytes of memory in the trusted process.
    """
    if len(payload) > MAX_REPLY_BYTES:
        raise ReplyTooLarge(f"the reply has {len(payload)} bytes (limit {MAX_REPLY_BYTES})")
    items = payload.count(b",") + payload.count(b"[") + payload.count(b"{")
    if items > MAX_REPLY_ITEMS:
        raise ReplyTooLarge(f"the reply has about {items} values (limit {MAX_REPLY_ITEMS})")
    return decode(payload)


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
