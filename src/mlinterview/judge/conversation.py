"""One child's life seen from the trusted side: send a message, wait for one reply, time it.

The trusted side talks to a child one message at a time and starts its own clock for
each: the load, then every test. A test's time is what the trusted side measured between
sending the input and receiving the answer, and its deadline is enforced here (SIGKILL
through the warm parent), never by the child. Whatever the child writes is bounded in
size before it is parsed; anything unexpected ends the conversation.
"""

from __future__ import annotations

import contextlib
import os
import select
import selectors
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from mlinterview.judge import protocol
from mlinterview.judge.children import Handle

KILL_GRACE = 5.0  # how long a SIGKILLed child may take to be reaped before we give up
READY_TIMEOUT = 60.0  # a fresh interpreter imports numpy before it says "ready"
READY = {"ready": True}
TEST_GRACE = 0.25  # past a test's limit the child is killed; the verdict is Time Limit anyway

Failure = Literal["timeout", "output", "protocol", "crash"]


@dataclass
class Exchange:
    """One test as the trusted side saw it: the parsed reply (if any) and its own timing."""

    test: int  # index into the list of tests sent
    reply: Any = None
    seconds: float = 0.0
    failure: Failure | None = None


@dataclass
class Outcome:
    setup_error: str | None = None  # hardening failed before any submitted code ran
    judge_error: str | None = None  # the warm parent went away or a child would not die
    load: Any = None  # the reply to the load message
    load_failure: Failure | None = None
    load_seconds: float = 0.0
    visible_seconds: float = 0.0  # the load and the examples: all the time a user is shown
    exchanges: list[Exchange] = field(default_factory=list)
    status: int | None = None  # the child's wait status, when it is known
    lingering: bool = False  # every test answered; the child's end is settled later


class Channel:
    """The trusted side's ends of one child's pipes, with non-blocking writes and deadlines."""

    def __init__(self, handle: Handle) -> None:
        self.handle = handle
        self.selector = selectors.DefaultSelector()
        os.set_blocking(handle.job_fd, False)
        os.set_blocking(handle.result_fd, False)
        self.selector.register(handle.result_fd, selectors.EVENT_READ)
        if handle.status_fd is not None:
            self.selector.register(handle.status_fd, selectors.EVENT_READ)
        self.buffer = bytearray()
        self.result_open = True
        self.status_bytes = bytearray()
        self.status: int | None = None
        self.parent_gone = False
        self.job_open = True

    @property
    def ended(self) -> bool:
        return not self.result_open or self.status is not None or self.parent_gone

    def _read_status(self) -> None:
        assert self.handle.status_fd is not None
        chunk = os.read(self.handle.status_fd, 4)
        self.status_bytes += chunk
        if len(self.status_bytes) >= 4:
            self.status = int.from_bytes(self.status_bytes[:4], "little", signed=True)
        if not chunk or self.status is not None:
            self.selector.unregister(self.handle.status_fd)
            if self.status is None:
                self.parent_gone = True

    def _read_result(self) -> bool:
        """Read what is there; False when nothing was (end of file or nothing yet)."""
        try:
            chunk = os.read(self.handle.result_fd, 1 << 20)
        except BlockingIOError:
            return False
        if not chunk:
            if self.result_open:
                self.selector.unregister(self.handle.result_fd)
                self.result_open = False
            return False
        self.buffer += chunk
        return True

    def _oversized(self) -> bool:
        return len(self.buffer) > protocol.MAX_REPLY_BYTES + protocol.HEADER.size

    def _drain(self) -> None:
        """After the child's end: take what it wrote before it went (bounded)."""
        while self.result_open and not self._oversized() and self._read_result():
            pass

    def _take_message(self) -> tuple[Any, Failure | None] | None:
        """A complete message from the buffer, or None when more bytes are needed."""
        if len(self.buffer) < protocol.HEADER.size:
            return None
        (length,) = protocol.HEADER.unpack_from(self.buffer)
        if length > protocol.MAX_REPLY_BYTES:
            return None, "output"
        end = protocol.HEADER.size + length
        if len(self.buffer) < end:
            return None
        body = bytes(self.buffer[protocol.HEADER.size : end])
        del self.buffer[:end]
        if self.buffer:
            return None, "protocol"  # a second message nobody asked for
        try:
            return protocol.decode_reply(body), None
        except protocol.ReplyTooLarge:
            return None, "output"
        except protocol.ProtocolError:
            return None, "protocol"

    def exchange(self, message: Any | None, deadline: float) -> tuple[Any, Failure | None]:
        """Send ``message`` (if any) and wait until ``deadline`` for exactly one reply."""
        if self.buffer:
            return None, "protocol"  # it answered before it was asked
        pending: memoryview | None = None
        if message is not None and self.job_open:
            pending = memoryview(protocol.encode(message))
            try:  # most messages fit the pipe: no need to wait for writability
                pending = pending[os.write(self.handle.job_fd, pending) :]
            except BlockingIOError:
                pass
            except BrokenPipeError:
                pending = pending[len(pending) :]  # gone; its end shows up as EOF
        writing = pending is not None and len(pending) > 0
        if writing:
            self.selector.register(self.handle.job_fd, selectors.EVENT_WRITE)
        try:
            while True:
                taken = self._take_message()
                if taken is not None:
                    if pending is not None and len(pending):
                        return None, "protocol"  # replied before reading its input
                    return taken
                if self.ended:
                    self._drain()
                    late = self._take_message()
                    if late is not None and pending is not None and len(pending):
                        return None, "protocol"
                    return late if late is not None else (None, "crash")
                now = time.monotonic()
                if now >= deadline:
                    return None, "timeout"
                for key, _mask in self.selector.select(timeout=deadline - now):
                    if key.fd == self.handle.job_fd and pending is not None:
                        try:
                            written = os.write(key.fd, pending)
                        except BlockingIOError:
                            continue
                        except BrokenPipeError:
                            written = len(pending)  # gone; its end shows up as EOF
                        pending = pending[written:]
                        if not pending:
                            self.selector.unregister(self.handle.job_fd)
                            writing = False
                    elif key.fd == self.handle.result_fd:
                        if self._read_result() and self._oversized():
                            return None, "output"
                    elif key.fd == self.handle.status_fd:
                        self._read_status()
        finally:
            if writing:
                self.selector.unregister(self.handle.job_fd)

    def close_job(self) -> None:
        """End of input: an honest child exits on end-of-file."""
        if self.job_open:
            self.job_open = False
            with contextlib.suppress(OSError):
                os.close(self.handle.job_fd)

    def wait_end(self, seconds: float) -> None:
        """Wait for the child's wait status (from the warm parent) up to ``seconds``."""
        deadline = time.monotonic() + seconds
        if self.handle.status_fd is None:
            self.status = self.handle.wait(seconds)
            return
        while self.status is None and not self.parent_gone:
            now = time.monotonic()
            if now >= deadline:
                return
            for key, _mask in self.selector.select(timeout=deadline - now):
                if key.fd == self.handle.result_fd:
                    self._read_result()
                    self.buffer.clear()  # nothing more is read from it
                elif key.fd == self.handle.status_fd:
                    self._read_status()

    def kill(self) -> None:
        """SIGKILL through the warm parent, then wait for the child's end."""
        self.handle.kill()
        self.wait_end(KILL_GRACE)

    def close(self, keep_status: bool) -> None:
        self.close_job()
        self.selector.close()
        with contextlib.suppress(OSError):
            os.close(self.handle.result_fd)
        if self.handle.status_fd is not None and not keep_status:
            with contextlib.suppress(OSError):
                os.close(self.handle.status_fd)


@dataclass(frozen=True)
class Plan:
    """What to send: the load message and one message per test, with the time limits."""

    load: dict[str, Any]
    tests: list[dict[str, Any]]  # {"test": args, "show": bool}, the examples first
    visible: int  # how many of ``tests`` are examples
    load_budget: float
    time_limit: float
    total_budget: float  # wall-clock cap over all tests together


def converse(handle: Handle, plan: Plan, linger: bool = False) -> Outcome:
    """Run one submission: wait for "ready", load, then every test, each under its deadline.

    With ``linger``, return as soon as every test is answered: nothing the child does
    afterwards can change the verdict, so waiting for its end is left to the caller.
    """
    outcome = Outcome()
    channel = Channel(handle)
    try:
        channel._read_result()  # a child forked ahead has long said "ready": no wait
        ready, failure = channel._take_message() or channel.exchange(
            None, time.monotonic() + READY_TIMEOUT
        )
        if failure is not None or ready != READY:
            _setup_failed(outcome, channel, ready, failure)
            return outcome
        began = start = time.monotonic()
        reply, failure = channel.exchange({"load": plan.load}, start + plan.load_budget)
        outcome.load_seconds = outcome.visible_seconds = time.monotonic() - start
        outcome.load, outcome.load_failure = reply, failure
        if failure is not None or not _loaded(reply):
            _finish(outcome, channel, killed=failure is not None)
            return outcome
        overall = time.monotonic() + plan.total_budget
        for index, message in enumerate(plan.tests):
            start = time.monotonic()
            deadline = min(start + plan.time_limit + TEST_GRACE, overall)
            reply, failure = channel.exchange(message, deadline)
            exchange = Exchange(index, reply, time.monotonic() - start, failure)
            outcome.exchanges.append(exchange)
            if index < plan.visible:
                outcome.visible_seconds = time.monotonic() - began
            if failure is not None:
                _finish(outcome, channel, killed=True)
                return outcome
        channel.close_job()
        if linger and handle.status_fd is not None:
            outcome.lingering = channel.status is None and not channel.parent_gone
        else:
            _finish(outcome, channel, killed=False)
        if channel.parent_gone:
            outcome.judge_error = "the judge's warm parent went away"
        return outcome
    finally:
        channel.close(keep_status=outcome.lingering)


def _loaded(reply: Any) -> bool:
    return type(reply) is dict and reply.get("loaded") is True


def _finish(outcome: Outcome, channel: Channel, *, killed: bool) -> None:
    channel.close_job()
    if killed:
        channel.kill()
    else:
        channel.wait_end(1.0)
        if channel.status is None and not channel.parent_gone:
            channel.kill()
    outcome.status = channel.status
    if channel.parent_gone:
        outcome.judge_error = "the judge's warm parent went away"
    elif killed and channel.status is None:
        outcome.judge_error = "the child could not be stopped"


def _setup_failed(outcome: Outcome, channel: Channel, first: Any, failure: Failure | None) -> None:
    """Before "ready" no submitted code has run: what the child says here is the sandbox's."""
    from mlinterview.judge import protocol as proto

    _finish(outcome, channel, killed=failure is not None)
    fatal = first.get("fatal") if type(first) is dict else None
    if type(fatal) is dict and fatal.get("kind") == "setup":
        message = fatal.get("message")
        outcome.setup_error = message[: proto.SHOWN_TEXT] if type(message) is str else "unknown"
    elif outcome.judge_error is None:
        outcome.setup_error = f"the child never became ready ({failure or 'no greeting'})"


def settle(handle: Handle, grace: float = 1.0) -> None:
    """Wait for a lingering child's end; kill it if it outstays ``grace`` seconds."""
    assert handle.status_fd is not None
    try:
        ready, _, _ = select.select([handle.status_fd], [], [], grace)
        if not ready:
            handle.kill()
            select.select([handle.status_fd], [], [], KILL_GRACE)
    finally:
        os.close(handle.status_fd)
