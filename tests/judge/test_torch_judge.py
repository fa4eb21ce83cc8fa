"""PyTorch problems in the sandbox: a second warm parent with torch loaded, same rules.

Everything runs through the real judge (forked, hardened children); the toy problems take
tensors, so the judge hands them to its torch warm parent.
"""

from __future__ import annotations

import json
import socket
import textwrap
from pathlib import Path

import pytest
from judge_toys import HIDDEN_IN, HIDDEN_OUT, Toy, make_problem

from fresh_python import last_line_of
from mlinterview.judge.problems import TestCase as Case
from mlinterview.judge.problems import TestSet as Cases
from mlinterview.judge.runner import Judge
from mlinterview.judge.service import get_problem, starter_code
from mlinterview.judge.verdict import Verdict

pytest.importorskip("torch")


@pytest.fixture(scope="module")
def tensor_secret() -> Toy:
    """Hidden expected values exist only in this process: Accepted would mean a theft."""
    problem = make_problem(
        id="tensor_secret",
        function="tensor_secret",
        params=[{"name": "token", "type": "str"}, {"name": "x", "type": "tensor"}],
        returns="str",
        limits={"time_seconds": 1.0, "memory_mb": 256},
        examples=[{"args": {"token": "e", "x": [1.0]}, "expected": "example-answer"}],
    )
    hidden = tuple(
        Case("hidden", f"h{i}", {"token": f"{HIDDEN_IN}-{i}", "x": [float(i)]}, HIDDEN_OUT)
        for i in range(3)
    )
    example = Case("example", "e1", {"token": "e", "x": [1.0]}, "example-answer")
    return Toy(problem, Cases((example,), hidden))


@pytest.fixture(scope="module")
def torch_judge() -> Judge:
    with Judge(workers=1, slots_per_worker=2) as active:
        yield active


def test_tensor_problems_run_on_the_torch_runtime() -> None:
    rms = get_problem("rms_norm")
    assert rms.runtime == "torch"
    assert get_problem("layer_norm").runtime == "numpy"
    assert "import torch" in starter_code(rms)
    assert "torch.Tensor" in starter_code(rms)


def test_a_correct_torch_solution_is_accepted_and_a_wrong_one_names_its_case(
    torch_judge: Judge,
) -> None:
    problem = get_problem("rms_norm")
    right = textwrap.dedent(
        """
        import torch

        def rms_norm(x, weight, eps=1e-6):
            assert x.dtype == torch.float64 and isinstance(x, torch.Tensor)
            return x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight
        """
    )
    result = torch_judge.judge(problem, right)
    assert result.verdict is Verdict.ACCEPTED, result.message
    # a numpy judge's caller never started a torch parent of its own: the judge did
    assert torch_judge._torch is not None and torch_judge._torch.runtime == "torch"

    centred = right.replace("return x /", "x = x - x.mean(-1, keepdim=True)\n    return x /")
    wrong = torch_judge.judge(problem, centred)
    assert wrong.verdict is Verdict.WRONG_ANSWER
    hidden = wrong.to_dict()["hidden"]
    assert hidden is not None and hidden["first_failure"].startswith("A row with a non-zero mean")


def test_autograd_and_optimisers_work_inside_the_sandbox(torch_judge: Judge) -> None:
    """The warm parent runs each kind of torch work once, so lazy imports (the optimisers
    pull in much of torch) happen there and not in a child that may not read new files."""
    problem = make_problem(
        id="fit_slope",
        function="fit_slope",
        params=[{"name": "x", "type": "tensor"}, {"name": "y", "type": "tensor"}],
        returns="float",
        compare={"mode": "close", "rtol": 1e-3},
        limits={"time_seconds": 2.0, "memory_mb": 256},
        examples=[{"args": {"x": [1.0, 2.0], "y": [2.0, 4.0]}, "expected": 2.0}],
    )
    tests = Cases(
        (Case("example", "e1", {"x": [1.0, 2.0], "y": [2.0, 4.0]}, 2.0),),
        (Case("hidden", "h1", {"x": [1.0, 2.0, 3.0], "y": [-3.0, -6.0, -9.0]}, -3.0),),
    )
    source = textwrap.dedent(
        """
        import torch

        class Square(torch.autograd.Function):
            @staticmethod
            def forward(ctx, value):
                ctx.save_for_backward(value)
                return value * value

            @staticmethod
            def backward(ctx, grad):
                (value,) = ctx.saved_tensors
                return 2 * value * grad

        def fit_slope(x, y):
            w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
            optimiser = torch.optim.Adam([w], lr=0.1)
            for _ in range(400):
                optimiser.zero_grad()
                loss = Square.apply(w * x - y).mean()
                loss.backward()
                optimiser.step()
            return float(w.detach())
        """
    )
    result = torch_judge.judge(problem, source, tests=tests)
    assert result.verdict is Verdict.ACCEPTED, (result.message, result.tests)


def test_asking_for_threads_is_a_readable_error_not_an_abort(torch_judge: Judge) -> None:
    problem = get_problem("rms_norm")
    source = textwrap.dedent(
        """
        import torch

        def rms_norm(x, weight, eps=1e-6):
            torch.set_num_threads(4)
            return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight
        """
    )
    result = torch_judge.judge(problem, source)
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert "one thread" in (result.tests[0].error or "")


def test_a_tensor_subclass_is_not_trusted(torch_judge: Judge, tensor_secret: Toy) -> None:
    source = textwrap.dedent(
        """
        import torch

        class Equal(torch.Tensor):
            def __eq__(self, other):
                return True

        def tensor_secret(token, x):
            return Equal(x)
        """
    )
    result = torch_judge.judge(tensor_secret.problem, source, tests=tensor_secret.tests)
    assert result.verdict is Verdict.WRONG_ANSWER  # refused, never compared
    assert "Equal" in (result.tests[0].detail or "")


def test_torch_children_are_sandboxed_like_numpy_ones(
    torch_judge: Judge, tensor_secret: Toy, tmp_path: Path
) -> None:
    """Reading a file outside the sandbox, the bank, a socket, a process: each is refused,
    and nothing of the hidden tests is shown."""
    secrets_file = tmp_path / "answers.json"
    secrets_file.write_text(json.dumps({"h0": HIDDEN_OUT}))
    secrets_file.chmod(0o644)
    tmp_path.chmod(0o755)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    port = listener.getsockname()[1]
    bank = Path(get_problem("rms_norm").folder) / "tests.yaml"
    attacks = {
        "read-a-file": f"open({str(secrets_file)!r}).read()",
        "read-the-bank": f"open({str(bank)!r}).read()",
        "connect": f"__import__('socket').create_connection(('127.0.0.1', {port}), 1)",
        "fork": "__import__('os').fork()",
        "torch-load-a-file": f"__import__('torch').load({str(secrets_file)!r})",
    }
    try:
        for name, action in attacks.items():
            source = f"def tensor_secret(token, x):\n    {action}\n    return 'example-answer'\n"
            result = torch_judge.judge(tensor_secret.problem, source, tests=tensor_secret.tests)
            assert result.verdict is Verdict.RUNTIME_ERROR, (name, result.verdict)
            shown = json.dumps(result.to_dict())
            assert HIDDEN_IN not in shown and HIDDEN_OUT not in shown, name
        with pytest.raises(BlockingIOError):
            listener.accept()
    finally:
        listener.close()
    honest = torch_judge.judge(
        tensor_secret.problem,
        "def tensor_secret(token, x):\n    return 'example-answer'\n",
        tests=tensor_secret.tests,
    )
    assert honest.verdict is Verdict.WRONG_ANSWER  # the judge still works, nothing stolen


def test_without_torch_the_verdict_says_what_to_install(tmp_path: Path) -> None:
    """An installation without the deep extra: a one-line Judge Error naming the extra,
    and the problem page opens and says so before anyone submits."""
    body = textwrap.dedent(
        """
            import json, sys
            from fastapi.testclient import TestClient
            from mlinterview.judge.runner import Judge
            from mlinterview.judge.service import get_problem, libraries, missing_libraries
            from mlinterview.store.db import Store
            from mlinterview.web.app import create_app
            from mlinterview.workspace import Workspace
            problem = get_problem("rms_norm")
            source = "def rms_norm(x, weight, eps=1e-6):\\n    return x\\n"
            with Judge(workers=1, slots_per_worker=1) as judge:
                result = judge.judge(problem, source)
                typed = Workspace(sys.argv[1], judge=judge).judge_submission("rms_norm", source)
            page = TestClient(create_app(Store(sys.argv[1]))).get("/problems/rms_norm")
            examples = Workspace(sys.argv[1]).problem_examples("rms_norm")
            print(json.dumps({"verdict": result.verdict.value, "message": result.message,
                              "typed": [typed.verdict.value, typed.message],
                              "page": [page.status_code, 'id="needs-torch"' in page.text],
                              "examples": len(examples),
                              "missing": missing_libraries(libraries(problem))}))
            """
    )
    line = last_line_of(
        tmp_path / "no_torch.py", body, f"sqlite:///{tmp_path / 'db.sqlite3'}", hide_torch=True
    )
    out = json.loads(line)
    assert out["verdict"] == "Judge Error"
    assert "mlinterview[deep]" in out["message"] and "\n" not in out["message"]
    assert out["missing"] == ["torch"]
    # the editor's path (its tests need the reference, which needs torch) says the same
    assert out["typed"] == ["Judge Error", out["message"]]
    assert out["page"] == [200, True]  # the page shows the statement and the warning
    assert out["examples"] == len(get_problem("rms_norm").examples)
