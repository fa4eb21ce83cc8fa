"""Each hardening layer is really in place, and the others still hold when one is off."""

from __future__ import annotations

import os
import socket
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from judge_toys import Toy, sandbox_processes

from mlinterview.judge.runner import Judge
from mlinterview.judge.sandbox import landlock_abi
from mlinterview.judge.verdict import Verdict

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")

FULL_MACHINE = os.geteuid() == 0 and landlock_abi() >= 6


def probe(judge: Judge, toy: Toy, body: str) -> object:
    """Run ``body`` (defining ``double``) and return what the example saw."""
    result = judge.judge(toy.problem, textwrap.dedent(body), tests=toy.tests)
    example = result.tests[0]
    assert example.error is None, (example.error, example.traceback, result.message)
    return example.got


@pytest.mark.skipif(not FULL_MACHINE, reason="needs root and Landlock ABI >= 6")
def test_every_layer_is_active_here(judge: Judge, double: Toy) -> None:
    judge.start()
    assert judge.missing == {}
    result = judge.judge(double.problem, "def double(x):\n    return 2 * x\n", tests=double.tests)
    assert result.verdict is Verdict.ACCEPTED and result.missing_layers == ()


@pytest.mark.skipif(os.geteuid() != 0, reason="the uid drop needs root")
def test_child_identity_descriptors_and_environment(judge: Judge, double: Toy) -> None:
    seen = probe(
        judge,
        double,
        """
        import ctypes, os
        def double(x):
            libc = ctypes.CDLL(None)
            fds = [fd for fd in range(256) if not _closed(fd)]
            return [os.getuid(), os.geteuid(), os.getgid(), os.getgroups(),
                    libc.prctl(39, 0, 0, 0, 0), fds, os.getcwd(), sorted(os.environ)]
        def _closed(fd):
            try:
                os.fstat(fd)
            except OSError:
                return True
            return False
        """,
    )
    assert isinstance(seen, list)
    uid, euid, gid, groups, no_new_privs, fds, cwd, env = seen
    assert judge.uid_base <= uid < judge.uid_base + 2 and euid == uid and gid == uid
    assert groups == [] and no_new_privs == 1
    # stdin, stdout, stderr, job pipe, result pipe and read-only import handles; nothing
    # inherited from the warm parent (its control socket, other children's pipes).
    assert fds[:5] == [0, 1, 2, 3, 4] and len(fds) <= 8
    assert env == ["HOME", "LANG", "TMPDIR"]
    judge.wait_idle()  # the finished child is reaped and cleaned up in the background
    assert not os.path.exists(cwd), "the private temporary directory must be removed"


def test_standard_library_imports_work_but_nothing_else(judge: Judge, double: Toy) -> None:
    ok = judge.judge(
        double.problem,
        "import csv, fractions, heapq, numpy as np\n"
        "def double(x):\n    return int(np.int64(2) * x)\n",
        tests=double.tests,
    )
    assert ok.verdict is Verdict.ACCEPTED
    for module in ("yaml", "scipy", "mlinterview.judge.problems"):
        result = judge.judge(
            double.problem,
            f"import {module}\ndef double(x):\n    return 2 * x\n",
            tests=double.tests,
        )
        assert result.verdict is Verdict.RUNTIME_ERROR, module


@pytest.fixture(scope="module")
def judge_without_seccomp() -> Iterator[Judge]:
    with Judge(workers=1, disabled_layers=("seccomp",)) as active:
        yield active


@pytest.mark.skipif(not FULL_MACHINE, reason="needs root and Landlock ABI >= 6")
@pytest.mark.parametrize(
    "body",
    [
        "import os\ndef double(x):\n    while True:\n        os.fork()\n",
        "import os\ndef double(x):\n    if os.fork() == 0:\n        os.setsid()\n"
        "        while True:\n            pass\n    return 2 * x\n",
        "import socket\ndef double(x):\n    socket.create_connection(('127.0.0.1', PORT), 1)\n"
        "    return 2 * x\n",
        "import os\ndef double(x):\n    os.kill(os.getppid(), 9)\n    return 2 * x\n",
        "import os\ndef double(x):\n    os.kill(-1, 9)\n    return 2 * x\n",
    ],
    ids=["fork-bomb", "daemon", "tcp-connect", "kill-parent", "kill-everyone"],
)
def test_without_seccomp_the_other_layers_hold(
    judge_without_seccomp: Judge, double: Toy, body: str
) -> None:
    bystander = subprocess.Popen(["sleep", "60"])
    try:
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(4)
            listener.setblocking(False)
            source = body.replace("PORT", str(listener.getsockname()[1]))
            before = judge_without_seccomp._workers[0]
            result = judge_without_seccomp.judge(double.problem, source, tests=double.tests)
            assert result.missing_layers == ("seccomp",)
            if "os.kill(-1" in body:
                # kill(-1) reports success when every target refused: nothing to see here,
                # except that nobody outside the sandbox died.
                assert result.verdict in (Verdict.ACCEPTED, Verdict.RUNTIME_ERROR)
            else:
                assert result.verdict is Verdict.RUNTIME_ERROR, result.tests[0].error
            with pytest.raises(BlockingIOError):
                listener.accept()
        assert bystander.poll() is None, "a process outside the sandbox was killed"
    finally:
        bystander.kill()
        bystander.wait()
    assert judge_without_seccomp._workers[0] is before and before is not None and before.alive
    assert sandbox_processes(judge_without_seccomp) == []


def test_a_missing_layer_is_named_in_every_verdict(double: Toy) -> None:
    with Judge(workers=1, disabled_layers=("uid", "landlock")) as weak:
        result = weak.judge(
            double.problem, "def double(x):\n    return 2 * x\n", tests=double.tests
        )
    assert result.verdict is Verdict.ACCEPTED
    assert {"uid", "landlock-fs", "landlock-net", "landlock-scope"} <= set(result.missing_layers)
    assert set(result.to_dict()["missing_layers"]) == set(result.missing_layers)


def test_strict_judge_refuses_to_run_with_a_missing_layer() -> None:
    from mlinterview.judge.runner import JudgeUnavailable

    with pytest.raises(JudgeUnavailable, match="seccomp"):
        Judge(workers=1, strict=True, disabled_layers=("seccomp",)).start()
