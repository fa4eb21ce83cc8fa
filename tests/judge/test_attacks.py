"""Every attack from judge-notes.md, run for real against the hardened judge.

Each test submits hostile code and asserts (1) the verdict is not Accepted, and (2)
nothing escaped: no file written outside the sandbox, the warm parent is the same live
process and still judges, no process is left behind, no connection reached a real
listener on loopback, and no hidden input or expected value appears in anything the
user can see (the JSON result or the rendered CLI text).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from judge_toys import HIDDEN_IN, HIDDEN_OUT, SECRET_RUN, Toy, sandbox_processes, zygote_pid
from rich.console import Console

from mlinterview.judge.runner import Judge
from mlinterview.judge.verdict import JudgeResult, Verdict

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")

BANK_TESTS = (
    Path(__file__).resolve().parents[2] / "src/mlinterview/bank/problems/find_bigrams/tests.yaml"
)


@dataclass
class Traps:
    """Things an escape would touch: a listener, a writable directory, a secrets file."""

    tcp: socket.socket
    udp: socket.socket
    unix: socket.socket
    unix_name: str
    open_dir: Path
    secrets_file: Path

    @property
    def tcp_port(self) -> int:
        return int(self.tcp.getsockname()[1])

    @property
    def udp_port(self) -> int:
        return int(self.udp.getsockname()[1])


@pytest.fixture
def traps(secret: Toy) -> Iterator[Traps]:
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(16)
    tcp.setblocking(False)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.setblocking(False)
    unix_name = f"mlinterview-trap-{SECRET_RUN}"
    unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    unix.bind("\0" + unix_name)
    unix.listen(16)
    unix.setblocking(False)
    # World-writable and world-readable, directly under /tmp: only the sandbox can stop it.
    open_dir = Path(tempfile.mkdtemp(prefix="mlinterview-trap-", dir="/tmp"))
    open_dir.chmod(0o777)
    secrets_file = open_dir / "answers.json"
    answers = {case.args["token"]: case.expected for case in secret.tests.hidden}
    secrets_file.write_text(json.dumps(answers))
    secrets_file.chmod(0o644)
    yield Traps(tcp, udp, unix, unix_name, open_dir, secrets_file)
    for sock in (tcp, udp, unix):
        sock.close()
    shutil.rmtree(open_dir, ignore_errors=True)


def visible_text(result: JudgeResult) -> str:
    """Everything a user can see: the JSON result and the CLI rendering."""
    from mlinterview.cli import problems as cli_problems

    record = Console(record=True, width=200)
    original = cli_problems.console
    cli_problems.console = record
    try:
        cli_problems.render_result(result)
    finally:
        cli_problems.console = original
    return json.dumps(result.to_dict(), allow_nan=True) + record.export_text()


def assert_contained(
    judge: Judge, toy: Toy, result: JudgeResult, traps: Traps, before: int
) -> None:
    assert result.verdict is not Verdict.ACCEPTED, result
    shown = visible_text(result)
    assert HIDDEN_IN not in shown and HIDDEN_OUT not in shown
    for test in result.tests:
        if test.kind == "hidden":
            assert test.input is None and test.got is None and test.error is None
            assert test.traceback is None and test.stdout is None and test.expected is None
    assert sandbox_processes(judge) == []
    assert zygote_pid(judge) == before, "the warm parent was restarted"
    assert os.path.isdir(f"/proc/{before}")
    with pytest.raises(BlockingIOError):
        traps.tcp.accept()
    with pytest.raises(BlockingIOError):
        traps.udp.recv(100)
    with pytest.raises(BlockingIOError):
        traps.unix.accept()
    assert sorted(p.name for p in traps.open_dir.iterdir()) == ["answers.json"]
    assert not list(Path("/tmp").glob(f"*escape-{SECRET_RUN}*"))
    assert not Path("/dev/shm").exists() or not list(Path("/dev/shm").glob(f"*{SECRET_RUN}*"))
    # The judge still works for an honest submission afterwards.
    honest = judge.judge(toy.problem, toy_solution(toy), tests=toy.tests)
    assert honest.verdict is (
        Verdict.ACCEPTED if toy.problem.id == "double" else Verdict.WRONG_ANSWER
    )


def toy_solution(toy: Toy) -> str:
    if toy.problem.id == "double":
        return "def double(x):\n    return 2 * x\n"
    return "def secret_echo(token):\n    return 'example-answer'\n"


def fill(source: str, traps: Traps) -> str:
    return (
        textwrap.dedent(source)
        .replace("__TCP__", str(traps.tcp_port))
        .replace("__UDP__", str(traps.udp_port))
        .replace("__UNIX__", traps.unix_name)
        .replace("__OPEN_DIR__", str(traps.open_dir))
        .replace("__SECRETS__", str(traps.secrets_file))
        .replace("__RUN__", SECRET_RUN)
        .replace("__BANK_TESTS__", str(BANK_TESTS))
        .replace("__JUDGE_PID__", str(os.getpid()))
        .replace("__HIDDEN_OUT__", HIDDEN_OUT)
    )


def run_attack(judge: Judge, toy: Toy, traps: Traps, source: str) -> JudgeResult:
    before = zygote_pid(judge)
    result = judge.judge(toy.problem, fill(source, traps), tests=toy.tests)
    assert_contained(judge, toy, result, traps, before)
    return result


# --- resource attacks ----------------------------------------------------------------------

RESOURCE_ATTACKS = {
    "infinite-loop": (
        """
        def double(x):
            while True:
                pass
        """,
        {Verdict.TIME_LIMIT},
    ),
    "sleep-forever": (
        """
        import time
        def double(x):
            time.sleep(10**6)
            return 2 * x
        """,
        {Verdict.TIME_LIMIT},
    ),
    "ignore-signals-then-spin": (
        """
        import signal
        for sig in (signal.SIGALRM, signal.SIGTERM, signal.SIGXCPU, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        def double(x):
            while True:
                pass
        """,
        {Verdict.TIME_LIMIT},
    ),
    "swallow-timeouts-and-spin": (
        """
        def double(x):
            while True:
                try:
                    while True:
                        pass
                except BaseException:
                    pass
        """,
        {Verdict.TIME_LIMIT},
    ),
    "allocate-gigabytes": (
        """
        def double(x):
            block = bytearray(8 * 1024**3)
            return 2 * x + len(block) * 0
        """,
        {Verdict.MEMORY_LIMIT},
    ),
    "allocate-numpy-gigabytes": (
        """
        import numpy as np
        def double(x):
            return int(np.ones((60_000, 60_000)).sum() * 0) + 2 * x
        """,
        {Verdict.MEMORY_LIMIT},
    ),
    "allocate-in-steps": (
        """
        def double(x):
            hoard = []
            while True:
                hoard.append(bytearray(100 * 1024**2))
        """,
        {Verdict.MEMORY_LIMIT},
    ),
    "fork-bomb": (
        """
        import os
        def double(x):
            while True:
                os.fork()
        """,
        {Verdict.RUNTIME_ERROR},
    ),
    "fork-via-raw-syscall": (
        """
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        def double(x):
            for _ in range(50):
                if libc.syscall(57) == 0:      # fork(2) on x86-64
                    while True:
                        pass
                if libc.syscall(56, 17, 0, 0, 0, 0) == 0:  # clone(SIGCHLD)
                    while True:
                        pass
            raise OSError(ctypes.get_errno(), "no process created")
        """,
        {Verdict.RUNTIME_ERROR},
    ),
    "spawn-programs": (
        """
        import os, subprocess
        def double(x):
            subprocess.Popen(["/bin/sleep", "1000"], start_new_session=True)
            os.posix_spawn("/bin/sleep", ["sleep", "1000"], {})
            return 2 * x
        """,
        {Verdict.RUNTIME_ERROR},
    ),
    "orphaned-daemon": (
        """
        import os, time
        def double(x):
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    open("/tmp/escape-__RUN__-daemon", "w").write("alive")
                    time.sleep(1000)
                os._exit(0)
            return 2 * x
        """,
        {Verdict.RUNTIME_ERROR},
    ),
    "print-100-mb": (
        """
        def double(x):
            line = "x" * 999
            for _ in range(100_000):
                print(line)
            return 2 * x
        """,
        {Verdict.OUTPUT_LIMIT},
    ),
    "write-100-mb-to-fd-1": (
        """
        import os
        def double(x):
            chunk = b"y" * (1 << 20)
            for _ in range(100):
                os.write(1, chunk)
            return 2 * x
        """,
        {Verdict.OUTPUT_LIMIT},
    ),
    "oversized-result": (
        """
        def double(x):
            return [x] * 3_000_000
        """,
        {Verdict.OUTPUT_LIMIT},
    ),
    "oversized-forged-message": (
        """
        import os, struct
        def double(x):
            os.write(4, struct.pack(">I", 2**31) + b"{" * 65536)
            while True:
                os.write(4, b"[" * 65536)
        """,
        {Verdict.OUTPUT_LIMIT},
    ),
    "deep-recursion": (
        """
        def double(x):
            return double(x + 1)
        """,
        {Verdict.RUNTIME_ERROR},
    ),
    "c-stack-overflow": (
        """
        import json, sys
        sys.setrecursionlimit(10**8)
        NESTED = []
        for _ in range(150_000):
            NESTED = [NESTED]
        def double(x):
            return len(json.dumps(NESTED)) + 2 * x
        """,
        {Verdict.RUNTIME_ERROR},
    ),
    "threads-left-running": (
        """
        import threading
        def spin():
            while True:
                pass
        def double(x):
            threading.Thread(target=spin, daemon=False).start()
            return 2 * x
        """,
        {Verdict.RUNTIME_ERROR},
    ),
}


@pytest.mark.parametrize("name", sorted(RESOURCE_ATTACKS))
def test_resource_attack(name: str, judge: Judge, double: Toy, traps: Traps) -> None:
    source, verdicts = RESOURCE_ATTACKS[name]
    result = run_attack(judge, double, traps, source)
    assert result.verdict in verdicts, (result.verdict, result.message, result.tests[:1])


# --- escape and leakage ----------------------------------------------------------------------

ESCAPE_ATTACKS = {
    "read-hidden-tests-and-reference-from-disk": """
        import json, os
        stolen = {}
        reference = os.path.join(os.path.dirname("__BANK_TESTS__"), "reference.py")
        for path in ["__SECRETS__", "__BANK_TESTS__", reference]:
            with open(path) as handle:
                text = handle.read()
            if path.endswith(".json"):
                stolen = json.loads(text)
        def secret_echo(token):
            return stolen.get(token, "example-answer")
        """,
    "read-judge-memory-via-proc": """
        import re
        def steal(pid):
            found = {}
            with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb") as mem:
                for line in maps:
                    start, end = (int(v, 16) for v in line.split()[0].split("-"))
                    try:
                        mem.seek(start)
                        chunk = mem.read(min(end - start, 1 << 24))
                    except OSError:
                        continue
                    for match in re.finditer(rb"__HIDDEN_OUT__-([0-9])-[0-9a-f]{16}", chunk):
                        found[match.group(1).decode()] = match.group().decode()
            return found
        loot = {}
        for pid in (__JUDGE_PID__, __import__("os").getppid(), 1):
            loot.update(steal(pid))
        def secret_echo(token):
            return loot.get(token[-1], "example-answer")
        """,
    "inherited-memory-gc-and-frames": """
        import gc, sys
        def secret_echo(token):
            if token == "example-token":
                return "example-answer"
            seen = set()
            for obj in gc.get_objects():
                items = obj.values() if isinstance(obj, dict) else obj
                if not isinstance(obj, (dict, list, tuple)):
                    continue
                for value in items:
                    if isinstance(value, str) and value.startswith("HIDDENOUT-"):
                        seen.add(value)
            frame = sys._getframe()
            while frame is not None:
                for value in list(frame.f_locals.values()) + list(frame.f_globals.values()):
                    if isinstance(value, str) and value.startswith("HIDDENOUT-"):
                        seen.add(value)
                frame = frame.f_back
            wanted = [s for s in seen if s.split("-")[2:3] == [token[-1]]]
            if not wanted:
                raise LookupError("no expected value in reach")
            return wanted[0]
        """,
    "read-ahead-on-the-job-pipe": """
        import os
        def secret_echo(token):
            os.set_blocking(3, False)
            data = os.read(3, 1 << 20)
            return data.decode(errors="replace")
        """,
    "block-on-the-job-pipe": """
        import os
        def secret_echo(token):
            return os.read(3, 1 << 20).decode(errors="replace")
        """,
    "leak-hidden-inputs-through-output-channels": """
        import sys
        def secret_echo(token):
            print("input was", token)
            print("input was", token, file=sys.stderr)
            raise ValueError(f"cannot handle {token}")
        """,
    "write-files-outside-the-sandbox": """
        import os
        def secret_echo(token):
            errors = []
            beside = os.path.join(os.path.dirname(os.getcwd()), "escape-__RUN__")
            targets = ["__OPEN_DIR__/escape-__RUN__", "/tmp/escape-__RUN__",
                       "/dev/shm/escape-__RUN__", beside]
            for path in targets:
                try:
                    with open(path, "w") as handle:
                        handle.write("escaped")
                except OSError as exc:
                    errors.append(exc)
            try:
                os.symlink("/etc/passwd", "__OPEN_DIR__/escape-__RUN__-link")
            except OSError as exc:
                errors.append(exc)
            raise errors[0]
        """,
    "network-through-the-socket-module": """
        import socket
        def secret_echo(token):
            socket.create_connection(("127.0.0.1", __TCP__), timeout=1).sendall(b"hello")
            return "example-answer"
        """,
    "network-udp-and-unix": """
        import socket
        def secret_echo(token):
            errors = []
            for family, kind, address in [
                (socket.AF_INET, socket.SOCK_DGRAM, ("127.0.0.1", __UDP__)),
                (socket.AF_UNIX, socket.SOCK_STREAM, "\\0__UNIX__"),
            ]:
                try:
                    s = socket.socket(family, kind)
                    if kind == socket.SOCK_DGRAM:
                        s.sendto(b"hello", address)
                    else:
                        s.connect(address)
                except OSError as exc:
                    errors.append(exc)
            raise errors[0]
        """,
    "network-through-raw-syscalls": """
        import ctypes, socket, struct
        libc = ctypes.CDLL(None, use_errno=True)
        def secret_echo(token):
            fd = libc.syscall(41, socket.AF_INET, socket.SOCK_STREAM, 0)   # socket(2)
            if fd < 0:
                raise OSError(ctypes.get_errno(), "socket")
            address = struct.pack("!HH4s8x", socket.AF_INET, __TCP__, bytes([127, 0, 0, 1]))
            address = struct.pack("=H", socket.AF_INET) + address[2:]
            if libc.syscall(42, fd, address, len(address)) < 0:            # connect(2)
                raise OSError(ctypes.get_errno(), "connect")
            return "example-answer"
        """,
    "kill-the-judge": """
        import ctypes, os, signal
        libc = ctypes.CDLL(None, use_errno=True)
        def secret_echo(token):
            results = []
            for pid in (os.getppid(), __JUDGE_PID__, -1, 0, 1):
                calls = (lambda: os.kill(pid, signal.SIGKILL), lambda: libc.syscall(62, pid, 9))
                for call in calls:
                    try:
                        results.append(call())
                    except OSError as exc:
                        results.append(exc)
            if all(isinstance(r, OSError) or r == -1 for r in results):
                raise PermissionError("every kill was refused")
            return "example-answer"
        """,
    "subclasses-to-os-system": """
        def secret_echo(token):
            for cls in ().__class__.__base__.__subclasses__():
                init = getattr(cls, "__init__", None)
                scope = getattr(init, "__globals__", {})
                if "system" in scope:
                    status = scope["system"]("touch /tmp/escape-__RUN__-system; cat __SECRETS__")
                    if status != 0:
                        raise OSError(f"system() failed with {status}")
                    return "example-answer"
            raise LookupError("os.system not reachable")
        """,
    "ptrace-the-parent": """
        import ctypes, os
        libc = ctypes.CDLL(None, use_errno=True)
        def secret_echo(token):
            if libc.syscall(101, 16, os.getppid(), 0, 0) != 0:   # ptrace(PTRACE_ATTACH)
                raise OSError(ctypes.get_errno(), "ptrace")
            return "example-answer"
        """,
}


@pytest.mark.parametrize("name", sorted(ESCAPE_ATTACKS))
def test_escape_attack(name: str, judge: Judge, secret: Toy, traps: Traps) -> None:
    result = run_attack(judge, secret, traps, ESCAPE_ATTACKS[name])
    assert result.verdict in {
        Verdict.RUNTIME_ERROR,
        Verdict.WRONG_ANSWER,
        Verdict.TIME_LIMIT,
    }, (result.verdict, result.message)


def test_hidden_failures_show_no_data_but_examples_do(judge: Judge, secret: Toy) -> None:
    source = "def secret_echo(token):\n    print('saw', token)\n    raise ValueError(token)\n"
    result = judge.judge(secret.problem, source, tests=secret.tests)
    (example,) = result.tests
    assert example.error == "ValueError: example-token" and example.stdout == "saw example-token\n"
    assert result.hidden is not None
    assert (result.hidden.total, result.hidden.passed, result.hidden.first_failure) == (3, 0, "h0")
    assert result.to_dict()["hidden"] == {"total": 3, "passed": 0, "first_failure": "h0"}
    assert HIDDEN_IN not in visible_text(result) and "ValueError" not in (result.message or "")


# --- fooling the verdict ------------------------------------------------------------------------

FOOLING_ATTACKS = {
    "object-equal-to-everything": """
        class Anything:
            def __eq__(self, other):
                return True
            def __ne__(self, other):
                return False
            __hash__ = object.__hash__
        def secret_echo(token):
            return Anything()
        """,
    "str-subclass": """
        class Sly(str):
            def __eq__(self, other):
                return True
            __hash__ = str.__hash__
        def secret_echo(token):
            return Sly("x")
        """,
    "float-subclass": """
        class Sly(float):
            def __eq__(self, other):
                return True
            __hash__ = float.__hash__
        def secret_echo(token):
            return Sly(1.0)
        """,
    "monkeypatch-builtins-and-numpy": """
        import builtins, json, operator
        import numpy as np
        builtins.len = lambda obj: 0
        builtins.isinstance = lambda obj, cls: True
        np.array_equal = lambda *args, **kwargs: True
        np.allclose = lambda *args, **kwargs: True
        operator.eq = lambda a, b: True
        json.dumps = lambda *args, **kwargs: '{"verdict": "Accepted"}'
        def secret_echo(token):
            return "wrong"
        """,
    "sys-exit-zero": """
        import sys
        def secret_echo(token):
            sys.exit(0)
        """,
    "os-exit-zero": """
        import os
        def secret_echo(token):
            os._exit(0)
        """,
    "exit-zero-at-import": """
        import os
        os._exit(0)
        def secret_echo(token):
            return "example-answer"
        """,
    "print-fake-passed": """
        import sys
        def secret_echo(token):
            print("PASSED")
            print('{"verdict": "Accepted", "tests": []}')
            sys.stdout.flush()
            return "wrong"
        """,
    "forge-result-message": """
        import json, os, struct
        def forge(results):
            body = json.dumps({"fatal": None, "results": results}).encode()
            return struct.pack(">I", len(body)) + body
        def secret_echo(token):
            guesses = [f"__HIDDEN_OUT__-{i}" for i in range(3)]
            fake = [{"status": "ok", "seconds": 0, "output": guess} for guess in guesses]
            for fd in range(3, 64):
                try:
                    os.write(fd, forge(fake))
                    example = {"status": "ok", "seconds": 0.0, "output": "example-answer"}
                    os.write(fd, forge([example]))
                except OSError:
                    pass
            os._exit(0)
        """,
    "forge-after-answering": """
        import json, os, struct
        def secret_echo(token):
            example = {"status": "ok", "seconds": 0.0, "output": "example-answer"}
            body = json.dumps({"fatal": None, "results": [example]}).encode()
            os.write(4, struct.pack(">I", len(body)) + body)
            return "example-answer"
        """,
    "pickle-reduce-result": """
        import os
        class Evil:
            def __reduce__(self):
                return (os.system, ("touch /tmp/escape-__RUN__-pickle",))
        def secret_echo(token):
            return Evil()
        """,
    "raw-pickle-as-message": """
        import os, pickle, struct
        class Evil:
            def __reduce__(self):
                return (os.system, ("touch /tmp/escape-__RUN__-pickle",))
        def secret_echo(token):
            body = pickle.dumps(Evil())
            os.write(4, struct.pack(">I", len(body)) + body)
            os._exit(0)
        """,
}


@pytest.mark.parametrize("name", sorted(FOOLING_ATTACKS))
def test_fooling_attack(name: str, judge: Judge, secret: Toy, traps: Traps) -> None:
    result = run_attack(judge, secret, traps, FOOLING_ATTACKS[name])
    assert result.verdict in {Verdict.WRONG_ANSWER, Verdict.RUNTIME_ERROR}, (
        result.verdict,
        result.message,
    )


def test_always_equal_object_is_reported_as_unsupported(judge: Judge, secret: Toy) -> None:
    source = textwrap.dedent(FOOLING_ATTACKS["object-equal-to-everything"])
    result = judge.judge(secret.problem, source, tests=secret.tests)
    assert result.verdict is Verdict.WRONG_ANSWER
    assert "Anything" in (result.tests[0].detail or "")


# --- malformed submissions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("def double(x)\n    return 2 * x\n", "SyntaxError"),
        ("def triple(x):\n    return 3 * x\n", "defines no function double"),
        ("double = 42\n", "defines no function double"),
        ("def double(x, y):\n    return 2 * x\n", "wrong signature"),
        ("def double():\n    return 2\n", "wrong signature"),
        (bytes(range(256)) * 8, "binary"),
        ("caf\xe9".encode("latin-1") + b"\ndef double(x): return 2*x\n", "not UTF-8"),
        ("#" * 5_000_000 + "\ndef double(x):\n    return 2 * x\n", "5.0 MB"),
        ("", "empty"),
    ],
    ids=[
        "syntax-error",
        "missing-function",
        "name-is-not-a-function",
        "too-many-parameters",
        "too-few-parameters",
        "binary-junk",
        "latin-1",
        "5-mb-file",
        "empty",
    ],
)
def test_malformed_submission(
    judge: Judge, double: Toy, source: str | bytes, fragment: str
) -> None:
    result = judge.judge(double.problem, source, tests=double.tests)
    assert result.verdict is Verdict.COMPILE_ERROR
    assert fragment in (result.message or "")
    assert all(t.verdict is Verdict.NOT_RUN for t in result.tests)


def test_error_at_import_is_a_runtime_error_with_traceback(judge: Judge, double: Toy) -> None:
    source = "import math\nVALUE = math.sqrt(-1)\ndef double(x):\n    return 2 * x\n"
    result = judge.judge(double.problem, source, tests=double.tests)
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert result.message == "ValueError: math domain error"
    assert 'File "submission.py", line 2' in (result.traceback or "")
