"""What the CLI and the web app call: list problems, write starters, judge and store.

Adapters stay thin: they parse input, call these functions and render the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlinterview.judge import protocol
from mlinterview.judge.problems import Problem, get_problem, load_problems
from mlinterview.judge.verdict import JudgeResult, Verdict

if TYPE_CHECKING:
    from mlinterview.store.db import Store

PYTHON_TYPES = {
    "int": "int",
    "float": "float",
    "bool": "bool",
    "str": "str",
    "list": "list",
    "dict": "dict",
    "ndarray": "np.ndarray",
    "tensor": "torch.Tensor",
    "any": "object",
}


class SubmissionFileError(ValueError):
    """The submission file cannot be read at all (missing, a directory, unreadable)."""


def list_problems(topic: str | None = None) -> list[Problem]:
    problems = list(load_problems().values())
    if topic is not None:
        problems = [p for p in problems if p.topic.value == topic]
    return problems


SOLUTION_LIBRARIES = ("numpy", "scipy", "torch")


def libraries(problem: Problem) -> list[str]:
    """What a solution may need, read from the (trusted) reference solution's imports, so
    a candidate knows before starting whether numpy or torch is expected."""
    import ast

    from mlinterview.judge.problems import REFERENCE_FILE

    try:
        tree = ast.parse((problem.folder / REFERENCE_FILE).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return [name for name in SOLUTION_LIBRARIES if name in found]


def missing_libraries(names: list[str]) -> list[str]:
    """Those of a problem's ``libraries`` this installation lacks (torch without ``deep``)."""
    import importlib.util

    return [name for name in names if importlib.util.find_spec(name) is None]


def problem_summary(problem: Problem, lang: str = "en") -> dict[str, Any]:
    return {
        "id": problem.id,
        "title": problem.title.get(lang),
        "topic": problem.topic.value,
        "difficulty": problem.difficulty.value,
        "cards": list(problem.cards),
        "signature": problem.signature,
        "libraries": libraries(problem),
        "hints": len(problem.hints),
    }


def _sentence(title: str) -> str:
    """A title as a sentence: end it with a full stop unless it already ends in one."""
    return title if title.endswith((".", "?", "!")) else f"{title}."


def starter_code(problem: Problem, lang: str = "en") -> str:
    """A stub with the exact signature, so a first submission never fails on the name."""
    kinds = {problem.returns} | {p.type for p in problem.params}
    params = ", ".join(
        f"{p.name}: {PYTHON_TYPES[p.type]}"
        + (f" | None = {p.default!r}" if p.has_default and p.default is None else "")
        + (f" = {p.default!r}" if p.has_default and p.default is not None else "")
        for p in problem.params
    )
    returns = PYTHON_TYPES[problem.returns]
    hint = {
        "en": f"See `mlinterview problem {problem.id}` for the full statement.",
        "de": f"Die vollständige Aufgabe zeigt `mlinterview problem {problem.id} --lang de`.",
    }[lang if lang in ("en", "de") else "en"]
    lines = []
    if "ndarray" in kinds:
        lines += ["import numpy as np"]
    if "tensor" in kinds:
        lines += ["import torch"]
    if lines:
        lines += ["", ""]
    lines += [
        f"def {problem.function}({params}) -> {returns}:",
        f'    """{_sentence(problem.title.get(lang))} {hint}"""',
        "    raise NotImplementedError",
        "",
    ]
    return "\n".join(lines)


def write_starter(problem: Problem, path: Path, lang: str = "en") -> None:
    if path.exists():
        raise FileExistsError(f"{path} already exists; choose another file name or delete it")
    path.write_text(starter_code(problem, lang), encoding="utf-8")


@dataclass(frozen=True)
class SubmissionFile:
    data: bytes
    size: int


def read_submission(path: Path) -> SubmissionFile:
    """Read at most one byte more than the size cap (a huge file is judged by its size)."""
    if not path.exists():
        raise SubmissionFileError(f"{path} does not exist")
    if path.is_dir():
        raise SubmissionFileError(f"{path} is a directory; pass the .py file")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(protocol.MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise SubmissionFileError(f"cannot read {path}: {exc.strerror}") from None
    return SubmissionFile(data, max(size, len(data)))


def too_large(problem: Problem, size: int, missing: tuple[str, ...]) -> JudgeResult:
    return JudgeResult(
        problem=problem.id,
        verdict=Verdict.COMPILE_ERROR,
        tests=(),
        seconds=0.0,
        message=(
            f"the file is {size / 1e6:.1f} MB; submissions are limited to "
            f"{protocol.MAX_SOURCE_BYTES // 1000} KB"
        ),
        missing_layers=missing,
    )


def judge_file(problem_id: str, path: Path, judge: Any | None = None) -> tuple[JudgeResult, str]:
    """Judge a file; returns the result and the source text that was judged (for storing)."""
    from mlinterview.judge.runner import default_judge

    problem = get_problem(problem_id)
    submission = read_submission(path)
    active = judge if judge is not None else default_judge()
    if submission.size > protocol.MAX_SOURCE_BYTES:
        return too_large(problem, submission.size, active.missing_layers), ""
    result = active.judge(problem, submission.data)
    text = submission.data.decode("utf-8", "replace").replace("\x00", "\ufffd")
    return result, text


def public_tests(result: JudgeResult) -> list[dict[str, Any]]:
    """A verdict's tests as stored: visible ones in full, the hidden ones as one count."""
    public = result.to_dict()
    tests = list(public["tests"])
    if public["hidden"] is not None:  # the hidden tests as one group: a count, no data
        tests.append({"kind": "hidden", **public["hidden"]})
    return tests


def save_result(result: JudgeResult, code: str, store: Store, user_id: int) -> int:
    """Store the public form of a user's verdict; returns the submission id."""
    from mlinterview.store.submissions import record_submission

    tests = public_tests(result)
    return record_submission(
        store,
        user_id,
        problem_id=result.problem,
        code=code,
        verdict=result.verdict.value,
        tests=tests,
        seconds=result.seconds,
    )


def judge_source(
    problem: Problem, source: str | bytes, *, visible_only: bool = False, judge: Any = None
) -> JudgeResult:
    """Judge code typed in an editor; ``visible_only`` runs just the examples (a dry run)."""
    from dataclasses import replace

    from mlinterview.judge.problems import load_tests
    from mlinterview.judge.runner import default_judge, runtime_installed

    active = judge if judge is not None else default_judge()
    data = source.encode("utf-8") if isinstance(source, str) else source
    if len(data) > protocol.MAX_SOURCE_BYTES:
        return too_large(problem, len(data), active.missing_layers)
    if not runtime_installed(problem):  # its tests need the reference, which needs torch
        result: JudgeResult = active.judge(problem, data)
        return result
    tests = load_tests(problem)
    if visible_only:
        tests = replace(tests, hidden=())
    return active.judge(problem, data, tests=tests)
