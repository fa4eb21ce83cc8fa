"""The judge believes nothing a submission's process reports about itself (issue 13).

Every attack here runs for real against the hardened judge. The submission shares its
interpreter with the harness, so it can rewrite the harness, write to the result pipe
itself, sleep, exit with any code or kill itself. Each test asserts the concrete effect:
the verdict, what is shown and stored, files, processes, IPC objects, and the verdict of
an honest submission judged beside it.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from judge_toys import HIDDEN_IN, HIDDEN_OUT, Toy, make_problem, sandbox_processes, zygote_pid
from test_attacks import visible_text
from test_cli_problems import run

from mlinterview.judge.problems import TestCase as Case
from mlinterview.judge.problems import TestSet as Cases
from mlinterview.judge.problems import get_problem, load_tests
from mlinterview.judge.runner import Judge
from mlinterview.judge.verdict import JudgeResult, Verdict
from mlinterview.judge.zygote import remove_tree
from mlinterview.store.db import Store
from mlinterview.store.models import LOCAL_USER_ID
from mlinterview.store.submissions import recent_submissions
from mlinterview.workspace import Workspace

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")

HONEST_DOUBLE = "def double(x):\n    return 2 * x\n"


def judged(judge: Judge, toy: Toy, source: str, **kwargs: object) -> JudgeResult:
    return judge.judge(toy.problem, textwrap.dedent(source), tests=toy.tests, **kwargs)  # type: ignore[arg-type]


def assert_hidden_silent(result: JudgeResult) -> None:
    """Nothing about a hidden test but the count and the first failing name is shown."""
    data = result.to_dict()
    assert all(test["kind"] == "example" for test in data["tests"])
    assert data["hidden"] is None or set(data["hidden"]) == {"total", "passed", "first_failure"}
    shown = visible_text(result)
    assert HIDDEN_IN not in shown and HIDDEN_OUT not in shown


# --- 1. no Accepted without solving ------------------------------------------------------

FORGED_REPORTS = {
    "every-test-skipped": """
        import sys
        harness = sys.modules["mlinterview.judge.harness"]
        harness.Session.run_test = lambda self, args, show: {"status": "skipped", "seconds": 0.0}
        def double(x):
            return 0
        """,
    "every-test-claims-a-failure": """
        import sys
        harness = sys.modules["mlinterview.judge.harness"]
        harness.Session.run_test = lambda self, args, show: {"failed": "timeout", "error": "x"}
        def double(x):
            return 0
        """,
    "only-failing-tests-skipped": """
        import sys
        harness = sys.modules["mlinterview.judge.harness"]
        honest = harness.Session.run_test
        def run_test(self, args, show):
            if args["x"] == 424242:
                return {"status": "skipped", "seconds": 0.0}
            return honest(self, args, show)
        harness.Session.run_test = run_test
        def double(x):
            return 0 if x == 424242 else 2 * x
        """,
    "reply-written-by-hand": """
        import os, json, struct
        def double(x):
            body = json.dumps({"output": 2}).encode()
            os.write(4, struct.pack(">I", len(body)) + body)
            return 2
        """,
    "empty-results": """
        import sys
        harness = sys.modules["mlinterview.judge.harness"]
        harness.Session.answer = lambda self, job: {"fatal": None, "results": []}
        def double(x):
            return 0
        """,
}


@pytest.mark.parametrize("name", sorted(FORGED_REPORTS))
def test_forged_reports_never_give_accepted(
    name: str, judge: Judge, double: Toy, sqlite_url: str
) -> None:
    result = judged(judge, double, FORGED_REPORTS[name])
    assert result.verdict is not Verdict.ACCEPTED, result
    assert result.hidden is not None and result.hidden.passed < result.hidden.total
    Workspace(sqlite_url).save_submission(result, FORGED_REPORTS[name])
    store = Store(sqlite_url)
    try:
        (stored,) = recent_submissions(store, LOCAL_USER_ID, "double")
    finally:
        store.close()
    assert stored.verdict == result.verdict.value != "Accepted"
    honest = judge.judge(double.problem, HONEST_DOUBLE, tests=double.tests)
    assert honest.verdict is Verdict.ACCEPTED and honest.hidden is not None
    assert honest.hidden.passed == honest.hidden.total == 3


# --- 2. hidden tests leak nothing but a count ---------------------------------------------


def test_hidden_verdicts_and_times_are_not_an_oracle(judge: Judge, secret: Toy) -> None:
    """Answering one way everywhere tells how many passed, never which one."""
    result = judged(judge, secret, "def secret_echo(token):\n    return 'example-answer'\n")
    assert result.verdict is Verdict.WRONG_ANSWER
    assert result.hidden is not None
    assert (result.hidden.total, result.hidden.passed, result.hidden.first_failure) == (3, 0, "h0")
    assert "hidden test got a wrong answer: 0 of 3" in (result.message or "")
    assert_hidden_silent(result)


def test_hidden_order_is_shuffled_per_submission(judge: Judge, double: Toy) -> None:
    """Replaying expected values by call order fails: the order changes every time."""
    source = """
        calls = []
        def double(x):
            calls.append(x)
            return 2 * x if len(calls) == 2 else -1  # right on the first hidden call only
        """
    passed_first: set[str] = set()
    for _ in range(12):
        revealed = judged(judge, double, source, reveal_hidden=True)
        hidden = [t for t in revealed.tests if t.kind == "hidden"]
        passed_first |= {t.name or "" for t in hidden if t.verdict.passed}
    assert len(passed_first) >= 2, passed_first


def test_sleeping_by_input_leaks_no_time(judge: Judge, double: Toy) -> None:
    """A hidden test's duration would carry its data: no hidden time is shown or stored."""
    source = """
        import time
        def double(x):
            time.sleep(0.15 if x == 424242 else 0.0)
            return 2 * x
        """
    result = judged(judge, double, source)
    assert result.verdict is Verdict.ACCEPTED
    assert result.seconds < 0.1, "the shown time covers the load and the examples only"
    assert_hidden_silent(result)


@pytest.mark.parametrize(
    "ending",
    ["os._exit(37)", "os.kill(os.getpid(), signal.SIGRTMIN + 7)", "raise SystemExit(99)"],
)
def test_crash_messages_in_hidden_tests_are_fixed_text(
    ending: str, judge: Judge, double: Toy
) -> None:
    source = f"""
        import os, signal
        def double(x):
            if x != 1:
                {ending}
            return 2 * x
        """
    result = judged(judge, double, source)
    assert result.verdict is Verdict.RUNTIME_ERROR
    shown = visible_text(result)
    for leak in ("37", "99", "SIGRTMIN", "signal 4", "exit status"):
        assert leak not in (result.message or ""), result.message
    assert "SIGRTMIN" not in shown and "exit status" not in shown
    assert result.message is not None and result.message.startswith("a hidden test returned")


# --- 3. the per-test time limit is the trusted side's --------------------------------------


@pytest.mark.parametrize(
    "cheat",
    [
        "signal.setitimer = lambda *args: (0.0, 0.0)",  # no alarm in the child
        "signal.signal(signal.SIGALRM, signal.SIG_IGN)",
        "",
    ],
)
def test_a_slow_solution_is_a_time_limit_whatever_the_child_says(
    cheat: str, judge: Judge, double: Toy
) -> None:
    source = f"""
        import signal, time
        {cheat}
        def double(x):
            if x != 1:
                time.sleep(0.32)  # limit 0.25 s: past it, before the kill at limit + grace
            return 2 * x
        """
    result = judged(judge, double, source)
    assert result.verdict is Verdict.TIME_LIMIT, result
    assert result.tests[0].verdict is Verdict.ACCEPTED  # the example is fast
    assert sandbox_processes(judge) == []


def test_rebinding_setitimer_does_not_leave_the_load_alarm_running(
    judge: Judge, double: Toy
) -> None:
    """Three hidden tests of 0.15 s each, all within the 0.25 s limit: had the harness used
    the rebound ``signal.setitimer``, the load's alarm (0.25 s after the load) would fire
    inside the second one and fail it as a Runtime Error."""
    source = """
        import signal, time
        signal.setitimer = lambda *args: (0.0, 0.0)
        def double(x):
            if x != 1:
                time.sleep(0.15)
            return 2 * x
        """
    result = judged(judge, double, source)
    assert result.verdict is Verdict.ACCEPTED, result


def test_a_child_that_never_answers_is_killed_at_the_deadline(judge: Judge, double: Toy) -> None:
    source = """
        import signal
        signal.setitimer = lambda *args: (0.0, 0.0)
        def double(x):
            while True:
                pass
        """
    start = time.monotonic()
    result = judged(judge, double, source)
    assert result.verdict is Verdict.TIME_LIMIT
    assert time.monotonic() - start < 2.0  # one test's limit and grace, not the batch's
    assert sandbox_processes(judge) == []


# --- 4. the trusted side is bounded --------------------------------------------------------


def test_an_unconvertible_number_is_a_wrong_answer_not_a_crash(judge: Judge) -> None:
    problem = get_problem("softmax")
    source = "def softmax(logits):\n    return [10**400 for _ in logits]\n"
    result = judge.judge(problem, source)
    assert result.verdict is Verdict.WRONG_ANSWER
    assert "could not be compared" in (result.tests[0].detail or "")


def test_solve_json_prints_json_for_a_huge_integer(tmp_path: Path, cli_env: dict[str, str]) -> None:
    path = tmp_path / "huge.py"
    path.write_text("def softmax(logits):\n    return [10**400 for _ in logits]\n")
    solved = run(cli_env, "solve", "softmax", str(path), "--json")
    assert solved.returncode == 1 and "Traceback" not in solved.stderr
    assert json.loads(solved.stdout)["verdict"] == "Wrong Answer"
    missing = run(cli_env, "solve", "softmax", str(tmp_path / "nope.py"), "--json")
    assert missing.returncode == 1
    assert json.loads(missing.stdout) == {
        "problem": "softmax",
        "verdict": None,
        "error": f"{tmp_path / 'nope.py'} does not exist",
    }


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("16-mb-of-nested-lists", "b'[' + b'[],' * 5_000_000 + b'[]]'"),
        ("1-mb-of-empty-lists", "b'{\"output\":[' + b'[],' * 330_000 + b'[]]}'"),
        ("claimed-length-of-4-gb", "None"),
    ],
)
def test_oversized_replies_are_refused_before_parsing(
    name: str, body: str, judge: Judge, double: Toy, sqlite_url: str
) -> None:
    source = f"""
        import os, struct
        def double(x):
            body = {body}
            if body is None:
                os.write(4, struct.pack(">I", 0xFFFFFFF0) + b"[")
            else:
                os.write(4, struct.pack(">I", len(body)) + body)
            while True:
                pass
        """
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    result = judged(judge, double, source)
    assert result.verdict is Verdict.OUTPUT_LIMIT, result
    assert time.monotonic() - start < 3.0
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100, f"the trusted process grew by {grown_mb:.0f} MB"
    Workspace(sqlite_url).save_submission(result, source)
    store = Store(sqlite_url)
    try:
        (stored,) = recent_submissions(store, LOCAL_USER_ID, "double")
    finally:
        store.close()
    assert len(json.dumps(stored.tests)) < 20_000


def test_long_got_values_are_cut_before_they_are_shown_or_stored(judge: Judge, secret: Toy) -> None:
    result = judged(judge, secret, "def secret_echo(token):\n    return 'x' * 900_000\n")
    got = result.tests[0].got
    assert isinstance(got, str) and len(got) < 2_100 and got.endswith("characters)")
    assert len(json.dumps(result.to_dict())) < 20_000


# --- 5. Judge Error cannot be forged --------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "import os\nos._exit(121)\n",
        "def double(x):\n    import os\n    os._exit(121)\n",
        """
        import os, json, struct
        body = json.dumps({"fatal": {"kind": "setup", "message": "FORGED-SETUP"}}).encode()
        os.write(4, struct.pack(">I", len(body)) + body)
        os._exit(121)
        """,
        """
        import sys
        harness = sys.modules["mlinterview.judge.harness"]
        harness.Session.run_test = lambda self, a, s: {
            "fatal": {"kind": "setup", "message": "FORGED-SETUP"}
        }
        def double(x):
            return 2 * x
        """,
    ],
)
def test_judge_error_cannot_be_forged(source: str, judge: Judge, double: Toy) -> None:
    result = judged(judge, double, source)
    assert result.verdict not in (Verdict.JUDGE_ERROR, Verdict.ACCEPTED), result
    assert "FORGED-SETUP" not in visible_text(result)
    assert "judge problem" not in (result.message or "")


# --- 6. no IPC object outlives a child -----------------------------------------------------

IPC_PROBE = """
    import ctypes, os
    libc = ctypes.CDLL(None, use_errno=True)
    def double(x):
        results = []
        for call, args in [
            ("shmget", (0, 200 << 20, 0o1666)),
            ("msgget", (0, 0o1666)),
            ("semget", (0, 1, 0o1666)),
        ]:
            value = getattr(libc, call)(*args)
            results.append([call, value, ctypes.get_errno()])
        mq = libc.mq_open(b"/mlinterview-probe", os.O_CREAT | os.O_RDWR, 0o666, None)
        results.append(["mq_open", mq, ctypes.get_errno()])
        inotify = libc.inotify_init1(0)
        results.append(["inotify_init1", inotify, ctypes.get_errno()])
        print(results)
        return 0
    """


def _ipc_objects() -> dict[str, int]:
    counts = {}
    for kind in ("shm", "msg", "sem"):
        lines = Path(f"/proc/sysvipc/{kind}").read_text().splitlines()
        counts[kind] = len(lines) - 1
    return counts


def test_sysv_and_posix_ipc_are_denied(judge: Judge, double: Toy) -> None:
    before = _ipc_objects()
    result = judged(judge, double, IPC_PROBE)
    printed = result.tests[0].stdout or ""
    for call in ("shmget", "msgget", "semget", "mq_open", "inotify_init1"):
        assert f"['{call}', -1, 1]" in printed, printed  # -1 and EPERM
    assert _ipc_objects() == before
    assert not Path("/dev/mqueue/mlinterview-probe").exists()


# --- 7. files: a bounded private temp space, removed without recursion --------------------

# 2,000 levels: twice what a recursive rmtree survives, within the tmpfs's 2,048 inodes.
DEEP_TREE = """
    import os
    for _ in range(2000):
        os.mkdir("d")
        os.chdir("d")
    def double(x):
        return 2 * x
    """

TMP_PROBE = """
    import os
    def double(x):
        found = {}
        try:
            with open("big", "wb") as f:
                for _ in range(40):
                    f.write(b"x" * (1 << 19))
        except OSError as exc:
            found["big"] = exc.errno
        written = 0
        try:
            for i in range(5000):
                with open(f"f{i}", "w") as f:
                    f.write("y" * 900_000)
                written += 1
        except OSError as exc:
            found["many"] = [exc.errno, written]
        try:
            os.stat(BANK)
        except OSError as exc:
            found["bank"] = exc.errno
        print(sorted(found.items()))
        return 2 * x
    """


def test_temp_space_is_bounded_and_the_bank_hidden(judge: Judge, double: Toy) -> None:
    if "private-tmp" in judge.missing_layers:
        pytest.skip(f"private-tmp layer missing: {judge.missing['private-tmp']}")
    bank = Path(__file__).resolve().parents[2] / "src/mlinterview/bank/problems"
    result = judged(judge, double, TMP_PROBE.replace("BANK", repr(str(bank))))
    printed = result.tests[0].stdout or ""
    # File size stops at 1 MiB (EFBIG 27); the tmpfs fills at 16 MB (ENOSPC 28) after a
    # handful of files, long before 5,000 of them; the bank does not exist (ENOENT 2).
    assert "('big', 27)" in printed, printed
    assert "('many', [28, " in printed, printed
    written = int(printed.split("('many', [28, ")[1].split("]")[0])
    assert written < 20
    assert "('bank', 2)" in printed, printed


def test_a_deep_tree_does_not_take_the_warm_parent_down(judge: Judge, double: Toy) -> None:
    """The claim is about removing the tree, not about speed: under Landlock each mkdir
    walks the path up to the root, so building 2,000 levels costs O(depth^2) (measured
    0.03 / 0.09 / 0.32 s for 500 / 1,000 / 2,000 levels), too close to the toy's 0.25 s
    limit. This toy gets a limit its work fits in; the warm parent's survival is checked."""
    limits = double.problem.limits.model_copy(update={"time_seconds": 5.0})
    roomy = Toy(double.problem.model_copy(update={"limits": limits}), double.tests)
    before = zygote_pid(judge)
    result = judged(judge, roomy, DEEP_TREE)
    assert result.verdict is Verdict.ACCEPTED  # a deep tree is allowed, it just goes away
    judge.wait_idle()
    assert zygote_pid(judge) == before and os.path.isdir(f"/proc/{before}")
    honest = judge.judge(double.problem, HONEST_DOUBLE, tests=double.tests)
    assert honest.verdict is Verdict.ACCEPTED
    assert zygote_pid(judge) == before


def test_remove_tree_handles_depth_and_symlinks(tmp_path: Path) -> None:
    """The fallback cleanup (no private tmpfs): no recursion, never follows a link."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    root = tmp_path / "root"
    root.mkdir()
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for i in range(3000):
            if i % 500 == 0:
                os.symlink(outside, "link", dir_fd=fd)
            with open(os.open("f", os.O_CREAT | os.O_WRONLY, dir_fd=fd), "w") as handle:
                handle.write("x")
            os.mkdir("d", dir_fd=fd)
            child = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = child
    finally:
        os.close(fd)
    remove_tree(str(root))
    assert not root.exists()
    assert (outside / "keep.txt").read_text() == "keep"


# --- 8. one hostile submission never changes another's verdict -----------------------------

HOSTILE = {
    "deep-tree": DEEP_TREE,
    "memory-hoard": """
        def double(x):
            hoard = []
            while True:
                hoard.append(bytearray(50 << 20))
        """,
    "huge-output": """
        def double(x):
            print("x" * (50 << 20))
            return [list(range(1000))] * 100_000
        """,
}


def test_eight_correct_beside_hostile_ones_are_all_accepted(double: Toy) -> None:
    """On the judge the web app uses (the process-wide default), under concurrency."""
    from mlinterview.judge.runner import default_judge

    shared = default_judge()
    hostile = [HOSTILE["deep-tree"], HOSTILE["memory-hoard"], HOSTILE["huge-output"]]
    jobs = [HONEST_DOUBLE] * 4 + hostile[:2] + [HONEST_DOUBLE] * 4 + hostile[2:]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        results = list(
            pool.map(
                lambda source: shared.judge(
                    double.problem, textwrap.dedent(source), tests=double.tests
                ),
                jobs,
            )
        )
    honest = [r for r, source in zip(results, jobs, strict=True) if source == HONEST_DOUBLE]
    assert len(honest) == 8
    assert [r.verdict for r in honest] == [Verdict.ACCEPTED] * 8, [r.message for r in honest]
    verdicts = {s: r.verdict for r, s in zip(results, jobs, strict=True) if s != HONEST_DOUBLE}
    assert verdicts[HOSTILE["memory-hoard"]] in (Verdict.MEMORY_LIMIT, Verdict.RUNTIME_ERROR)
    assert verdicts[HOSTILE["huge-output"]] is Verdict.OUTPUT_LIMIT


def test_a_dying_warm_parent_reruns_the_submissions_in_flight(double: Toy) -> None:
    source = "import time\ntime.sleep(0.2)\n" + HONEST_DOUBLE
    with Judge(workers=1, slots_per_worker=2) as own:
        first = zygote_pid(own)
        results: list[JudgeResult] = []

        def submit() -> None:
            results.append(own.judge(double.problem, source, tests=double.tests))

        threads = [threading.Thread(target=submit) for _ in range(2)]
        for thread in threads:
            thread.start()
        time.sleep(0.1)  # both are loading (0.2 s at the top level)
        os.kill(first, signal.SIGKILL)
        for thread in threads:
            thread.join(timeout=30)
        assert [r.verdict for r in results] == [Verdict.ACCEPTED] * 2, results
        assert zygote_pid(own) != first


def test_every_hidden_test_runs_even_after_a_failure(judge: Judge, double: Toy) -> None:
    """The count is over all hidden tests, whatever failed first."""
    result = judged(judge, double, "def double(x):\n    return 2 * x if x != 5 else 0\n")
    assert result.verdict is Verdict.WRONG_ANSWER
    assert result.hidden is not None
    assert (result.hidden.passed, result.hidden.total, result.hidden.first_failure) == (2, 3, "h5")


def test_an_example_keeps_its_full_detail(judge: Judge) -> None:
    toy = Toy(
        make_problem(
            id="double",
            function="double",
            params=[{"name": "x", "type": "int"}],
            returns="int",
            examples=[{"args": {"x": 1}, "expected": 2}],
        ),
        Cases((Case("example", "e1", {"x": 1}, 2),), ()),
    )
    result = judged(judge, toy, "def double(x):\n    print('hi')\n    raise KeyError(x)\n")
    (example,) = result.tests
    assert result.verdict is Verdict.RUNTIME_ERROR and result.hidden is None
    assert example.error == "KeyError: 1" and example.stdout == "hi\n"
    assert example.traceback is not None and "submission.py" in example.traceback
    assert example.seconds < 0.25


def test_bank_problems_still_judge_their_references(judge: Judge) -> None:
    problem = get_problem("can_shift")
    reference = (problem.folder / "reference.py").read_bytes()
    result = judge.judge(problem, reference, tests=load_tests(problem))
    assert result.verdict is Verdict.ACCEPTED
    assert result.hidden is not None and result.hidden.passed == result.hidden.total > 0
