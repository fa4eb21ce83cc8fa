"""Coding problems: the folder format of notes/PROBLEMS.md as validated, immutable models.

A problem folder holds ``problem.yaml`` (statement, signature, visible examples),
``tests.yaml`` (hidden cases, optionally a seeded random block), an optional trusted
``cases.py`` generating the random cases, ``reference.py`` and ``wrong_*.py``. Missing
expected values are computed by running the reference solution in this (trusted)
process; the sandbox never sees them.

Loading collects every problem instead of raising, so an author sees all mistakes at
once as ``file: field: message`` lines.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, PrivateAttr, StringConstraints, ValidationError, model_validator

from mlinterview.content.loader import BankIssue, default_bank_dir
from mlinterview.content.schema import Difficulty, Frozen, Slug, Text, Topic
from mlinterview.judge.compare import FIELD_PARENT_MODES, compare_by_rule, field_problems

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]

ParamType = Literal["int", "float", "bool", "str", "list", "dict", "ndarray", "tensor", "any"]
# A tensor's dtype when a case passes it (float64 unless said: compared with rtol 1e-6,
# float32 rounding would decide verdicts).
TensorDtype = Literal["float64", "float32", "int64", "bool"]
CompareMode = Literal["exact", "close", "unordered", "set"]
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$", max_length=80)]
ProblemId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]

PROBLEM_FILE = "problem.yaml"
TESTS_FILE = "tests.yaml"
CASES_FILE = "cases.py"
REFERENCE_FILE = "reference.py"
DEFAULT_RTOL = 1e-6
DEFAULT_ATOL = 1e-9


class Param(Frozen):
    name: Identifier
    type: ParamType
    default: Any = None  # only when given: a case may then leave the parameter out
    dtype: TensorDtype | None = None  # tensors only; default float64

    @model_validator(mode="after")
    def _dtype_for_tensors(self) -> Param:
        if self.dtype is not None and self.type != "tensor":
            raise ValueError(f"dtype is for tensor parameters, not {self.type}")
        return self

    @property
    def has_default(self) -> bool:
        return "default" in self.model_fields_set

    def shown(self) -> str:
        return f"{self.name}={self.default!r}" if self.has_default else self.name


FieldName = Annotated[str, StringConstraints(min_length=1, max_length=80)]


class Compare(Frozen):
    """How an answer is compared with the expected value (see ``compare.py``).

    ``fields`` gives named keys of a returned dict a rule of their own, e.g.
    ``{mode: close, rtol: 1e-9, fields: {labels: {mode: exact}}}``; a field rule that sets
    no ``rtol``/``atol`` inherits its parent's.
    """

    mode: CompareMode = "exact"
    rtol: float = Field(default=DEFAULT_RTOL, ge=0, le=1)
    atol: float = Field(default=DEFAULT_ATOL, ge=0)
    fields: dict[FieldName, Compare] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _inherit_tolerances(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
            return data
        fields = {}
        for name, rule in data["fields"].items():
            if isinstance(rule, dict):
                rule = {
                    "rtol": data.get("rtol", DEFAULT_RTOL),
                    "atol": data.get("atol", DEFAULT_ATOL),
                    **rule,
                }
            fields[name] = rule
        return {**data, "fields": fields}

    @model_validator(mode="after")
    def _fields_need_a_dict_mode(self) -> Compare:
        if self.fields and self.mode not in FIELD_PARENT_MODES:
            raise ValueError(
                f"fields need mode exact or close; {self.mode} compares list items exactly"
            )
        return self

    def check(self, expected: Any, got: Any) -> str | None:
        """None when ``got`` matches ``expected`` under this rule; otherwise a reason."""
        return compare_by_rule(expected, got, self)


class Limits(Frozen):
    time_seconds: float = Field(default=2.0, gt=0, le=10)
    memory_mb: int = Field(default=256, ge=32, le=4096)


class Example(Frozen):
    args: dict[str, Any]
    expected: Any = None

    @property
    def has_expected(self) -> bool:
        return "expected" in self.model_fields_set


CaseId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
Description = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=8, max_length=200, pattern=r"^[^\n]+$")
]


class HiddenCase(Frozen):
    """A hand-written hidden case: reviewed data that says why it exists (Exercism style)."""

    id: CaseId
    description: Description  # the mistake it catches; shown when a submission fails it
    args: dict[str, Any]
    expected: Any
    replaces: CaseId | None = None  # the id of the case this one superseded


class GeneratedCase(Frozen):
    """A seeded random case frozen by ``mlinterview bank freeze``.

    Small ones are written out in full; a large one (a speed test) keeps a digest of its
    arguments, so the generator cannot drift unnoticed, and its expected value comes from
    the reference at load time (bits of a float result may differ between BLAS builds)."""

    id: CaseId
    description: Description
    args: dict[str, Any] | None = None
    expected: Any = None
    size: str | None = None  # for a digest case: what the arguments hold
    args_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None

    @model_validator(mode="after")
    def _full_or_digest(self) -> GeneratedCase:
        full = self.args is not None and "expected" in self.model_fields_set
        digest = self.args_sha256 is not None and self.args is None
        if full == digest:
            raise ValueError("a generated case has either args and expected, or args_sha256")
        return self


class RandomCases(Frozen):
    seed: int
    count: int = Field(ge=1, le=500)


class WrongSolution(Frozen):
    catches: tuple[CaseId, ...] = Field(min_length=1)


class TestsFile(Frozen):
    cases: tuple[HiddenCase, ...] = ()
    random: RandomCases | None = None
    generated: tuple[GeneratedCase, ...] = ()
    wrong: dict[str, WrongSolution] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _some_cases(self) -> TestsFile:
        if not self.cases and self.random is None:
            raise ValueError("needs at least one case or a random block")
        ids = [c.id for c in self.cases] + [g.id for g in self.generated]
        if len(set(ids)) != len(ids):
            raise ValueError("case ids must be unique")
        return self


def canonical_json(value: Any) -> str:
    """One text per value, so equal data always hashes equally."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=True)


CASE_NAMESPACE = uuid.UUID("6f1d4a52-8c1e-4f0a-9d0b-5b7f3c2e9a41")


def case_id(
    problem_id: str, args: Any, expected: Any = None, *, digest: str | None = None, salt: str = ""
) -> str:
    """A case's id is derived from its content: a changed case gets a new id by itself.

    ``salt`` places a generated case in its seeded sequence (two draws may coincide)."""
    body = digest if digest is not None else canonical_json([args, expected])
    return str(uuid.uuid5(CASE_NAMESPACE, f"{problem_id}\n{salt}\n{body}"))


def generated_salt(seed: int, index: int) -> str:
    return f"random seed {seed} case {index}"


def args_digest(args: Any) -> str:
    return hashlib.sha256(canonical_json(args).encode()).hexdigest()


class Problem(Frozen):
    id: ProblemId
    title: Text
    topic: Topic
    difficulty: Difficulty
    cards: tuple[Slug, ...] = ()
    function: Identifier
    params: tuple[Param, ...]
    returns: ParamType
    compare: Compare = Compare()
    limits: Limits = Limits()
    statement: Text
    examples: tuple[Example, ...] = Field(min_length=1)
    # Revealed one at a time, from a nudge to nearly the idea; never the code.
    hints: tuple[Text, ...] = Field(default=(), max_length=3)

    _folder: Path | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self) -> Problem:
        if self.function != self.id:
            raise ValueError(f"function {self.function!r} must equal the id {self.id!r}")
        names = [p.name for p in self.params]
        if len(set(names)) != len(names):
            raise ValueError("parameter names must be unique")
        defaults = [p.has_default for p in self.params]
        if any(defaults) and not all(defaults[defaults.index(True) :]):
            raise ValueError("parameters with a default must come last, as in Python")
        if self.compare.fields and self.returns not in ("dict", "list", "any"):
            raise ValueError(f"compare.fields needs returns dict, list or any, not {self.returns}")
        return self

    @property
    def folder(self) -> Path:
        if self._folder is None:
            raise RuntimeError(f"problem {self.id} was not loaded from a folder")
        return self._folder

    @property
    def signature(self) -> str:
        return f"{self.function}({', '.join(p.shown() for p in self.params)})"

    @property
    def runtime(self) -> str:
        """Which warm parent judges it: ``torch`` (slower to start, needs the ``deep``
        extra) only for problems that pass or return tensors, so numpy problems never pay."""
        kinds = {p.type for p in self.params} | {self.returns}
        return "torch" if "tensor" in kinds else "numpy"

    def params_json(self) -> list[dict[str, str]]:
        return [
            {"name": p.name, "type": p.type, **({"dtype": p.dtype} if p.dtype else {})}
            for p in self.params
        ]


# --- value checks shared by examples and hidden cases --------------------------------


def plain_problem(value: Any, path: str = "") -> str | None:
    """Why ``value`` is not plain JSON data (None when it is)."""
    kind = type(value)
    if value is None or kind in (bool, int, str):
        return None
    if kind is float:
        return None if math.isfinite(value) else f"{path or 'value'}: NaN/inf are not allowed"
    if kind is list:
        for i, item in enumerate(value):
            found = plain_problem(item, f"{path}[{i}]")
            if found:
                return found
        return None
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                return f"{path or 'value'}: keys must be strings (got {key!r})"
            found = plain_problem(item, f"{path}.{key}" if path else key)
            if found:
                return found
        return None
    return f"{path or 'value'}: {kind.__name__} is not plain data (quote dates, use lists)"


def _rectangular(value: Any) -> bool:
    if type(value) is not list:
        return True
    if not value or all(type(v) is not list for v in value):
        return all(type(v) is not list and type(v) is not dict for v in value)
    if any(type(v) is not list for v in value):
        return False
    lengths = {len(v) for v in value}
    return len(lengths) == 1 and all(_rectangular(v) for v in value)


def value_type_problem(kind: str, value: Any) -> str | None:
    """Why ``value`` cannot be passed or returned as ``kind``."""
    ok: dict[str, Callable[[Any], bool]] = {
        "int": lambda v: type(v) is int,
        "float": lambda v: type(v) in (int, float),
        "bool": lambda v: type(v) is bool,
        "str": lambda v: type(v) is str,
        "list": lambda v: type(v) is list,
        "dict": lambda v: type(v) is dict,
        "ndarray": lambda v: type(v) in (list, int, float, bool) and _rectangular(v),
        "tensor": lambda v: type(v) in (list, int, float, bool) and _rectangular(v),
        "any": lambda v: True,
    }
    if ok[kind](value):
        return None
    if kind in ("ndarray", "tensor"):
        return "expected a rectangular nested list of numbers"
    return f"expected {kind}, got {type(value).__name__} {json.dumps(value)[:40]}"


def args_problems(problem: Problem, args: dict[str, Any]) -> list[tuple[str, str]]:
    """(field suffix, message) for each way ``args`` does not fit the signature."""
    issues = []
    names = [p.name for p in problem.params]
    missing = [p.name for p in problem.params if p.name not in args and not p.has_default]
    extra = [n for n in args if n not in names]
    if missing:
        issues.append(("args", f"missing arguments {missing}"))
    given = [p.name in args for p in problem.params]
    if not missing and any(given[i] and not given[i - 1] for i in range(1, len(given))):
        # the sandbox calls positionally: only a trailing run of defaults may be left out
        issues.append(("args", "only trailing parameters with defaults may be left out"))
    if extra:
        issues.append(("args", f"unknown arguments {extra}"))
    for param in problem.params:
        if param.name not in args:
            continue
        value = args[param.name]
        reason = plain_problem(value) or value_type_problem(param.type, value)
        if reason:
            issues.append((f"args.{param.name}", reason))
    return issues


def expected_problem(problem: Problem, value: Any) -> str | None:
    reason = plain_problem(value)
    if reason:
        return reason
    if problem.returns in ("ndarray", "tensor"):
        return None  # a 0-d array becomes a scalar; any nesting is fine
    return value_type_problem(problem.returns, value)


# --- loading ---------------------------------------------------------------------------


def problems_dir(bank_dir: Path | None = None) -> Path:
    return (bank_dir or default_bank_dir()) / "problems"


def _display(path: Path, root: Path) -> str:
    """Paths in issues read ``problems/<id>/<file>``, wherever the folder lives."""
    try:
        return f"problems/{path.relative_to(root).as_posix()}"
    except ValueError:
        return str(path)


def _read_yaml(path: Path, shown: str) -> tuple[Any, list[BankIssue]]:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader), []
    except FileNotFoundError:
        return None, [BankIssue(shown, "(file)", "file is missing")]
    except UnicodeDecodeError:
        return None, [BankIssue(shown, "(file)", "not valid UTF-8 text")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        problem = " ".join(str(getattr(exc, "problem", None) or "invalid YAML").split())
        return None, [BankIssue(shown, where, f"invalid YAML: {problem}")]


def _validation_issues(shown: str, exc: ValidationError) -> list[BankIssue]:
    issues = []
    for error in exc.errors():
        loc = ".".join(str(part) for part in error["loc"]) or "(file)"
        message = error["msg"]
        if error["type"] == "missing":
            message = "missing required field"
        elif error["type"] == "extra_forbidden":
            message = "unknown field (check the spelling)"
        issues.append(BankIssue(shown, loc, message))
    return issues


def parse_problem(folder: Path, root: Path) -> tuple[Problem | None, list[BankIssue]]:
    """Validate one folder's problem.yaml (not its tests); never raises for bad content."""
    shown = _display(folder / PROBLEM_FILE, root)
    raw, issues = _read_yaml(folder / PROBLEM_FILE, shown)
    if issues:
        return None, issues
    if not isinstance(raw, dict):
        return None, [BankIssue(shown, "(file)", "expected a mapping of fields at the top")]
    try:
        problem = Problem.model_validate(raw)
    except ValidationError as exc:
        return None, _validation_issues(shown, exc)
    problem._folder = folder
    if problem.id != folder.name:
        issues.append(BankIssue(shown, "id", f"id {problem.id!r} must match the folder name"))
    for i, example in enumerate(problem.examples):
        for where, message in args_problems(problem, example.args):
            issues.append(BankIssue(shown, f"examples.{i}.{where}", message))
        if example.has_expected:
            reason = expected_problem(problem, example.expected)
            if reason:
                issues.append(BankIssue(shown, f"examples.{i}.expected", reason))
    return problem, issues


@dataclass(frozen=True)
class ProblemSet:
    problems: dict[str, Problem]
    issues: tuple[BankIssue, ...] = field(default=())


def load_problem_set(root: Path | None = None) -> ProblemSet:
    """Every valid problem under ``root`` (default: the bundled bank) and every issue."""
    root = root or problems_dir()
    problems: dict[str, Problem] = {}
    issues: list[BankIssue] = []
    if not root.is_dir():
        return ProblemSet({}, ())
    for folder in sorted(
        p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
    ):
        problem, found = parse_problem(folder, root)
        issues.extend(found)
        if problem is not None:
            problems[problem.id] = problem
    ordered = dict(sorted(problems.items(), key=lambda kv: (list(Topic).index(kv[1].topic), kv[0])))
    return ProblemSet(ordered, tuple(issues))


@lru_cache(maxsize=4)
def _cached_set(root: Path | None) -> ProblemSet:
    return load_problem_set(root)


def load_problems(root: Path | None = None) -> dict[str, Problem]:
    """Valid problems by id (loaded once per process for a given folder)."""
    return _cached_set(root).problems


class UnknownProblem(KeyError):  # a LookupError: not-found errors are LookupErrors
    def __str__(self) -> str:
        return str(self.args[0])


def get_problem(problem_id: str, root: Path | None = None) -> Problem:
    problems = load_problems(root)
    if problem_id in problems:
        return problems[problem_id]
    import difflib

    close = difflib.get_close_matches(problem_id, list(problems), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `mlinterview problems` lists them"
    raise UnknownProblem(f"no problem {problem_id!r}{hint}")


# --- tests with expected values ----------------------------------------------------------


@dataclass(frozen=True)
class TestCase:
    kind: Literal["example", "hidden"]
    name: str  # for a hidden case its description: all a candidate learns of it
    args: dict[str, Any]
    expected: Any
    id: str = ""  # a hidden case's stable id (examples have none)


@dataclass(frozen=True)
class TestSet:
    examples: tuple[TestCase, ...]
    hidden: tuple[TestCase, ...]

    @property
    def all(self) -> tuple[TestCase, ...]:
        return self.examples + self.hidden


class ProblemDataError(ValueError):
    """The problem's tests cannot be built; ``issues`` says where, one line each."""

    def __init__(self, issues: list[BankIssue]) -> None:
        super().__init__("; ".join(str(i) for i in issues))
        self.issues = issues


def _import_file(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def round_trip(value: Any) -> Any:
    """The exact form a value has after travelling as JSON (tuples become lists)."""
    return json.loads(json.dumps(value, allow_nan=True))


def reference_function(problem: Problem) -> Callable[..., Any]:
    module = _import_file(problem.folder / REFERENCE_FILE, f"_mlinterview_ref_{problem.id}")
    func = getattr(module, problem.function, None)
    if not callable(func):
        raise AttributeError(f"{REFERENCE_FILE} defines no function {problem.function}")
    return func


def run_trusted(problem: Problem, func: Callable[..., Any], args: dict[str, Any]) -> Any:
    """Call a trusted solution the way the sandbox calls a submission; plain JSON back."""
    from mlinterview.judge import harness

    values = harness.build_args(problem.params_json(), round_trip(args))
    return round_trip(harness.to_plain(func(*values)))


FREEZE_HINT = "run `mlinterview bank freeze {id}` and review the diff"


def read_tests_file(problem: Problem, root: Path | None = None) -> TestsFile:
    folder = problem.folder
    shown = _display(folder / TESTS_FILE, (root or folder.parent))
    raw, issues = _read_yaml(folder / TESTS_FILE, shown)
    if issues:
        raise ProblemDataError(issues)
    if not isinstance(raw, dict):
        raise ProblemDataError([BankIssue(shown, "(file)", "expected a mapping of fields")])
    try:
        return TestsFile.model_validate(raw)
    except ValidationError as exc:
        raise ProblemDataError(_validation_issues(shown, exc)) from None


def generate_random_args(
    problem: Problem, random: RandomCases, root: Path | None = None
) -> tuple[list[dict[str, Any]], str]:
    """The seeded random cases' arguments (plain JSON) and the generator's first doc line."""
    folder = problem.folder
    cases_path = folder / CASES_FILE
    cases_shown = _display(cases_path, (root or folder.parent))
    if not cases_path.is_file():
        shown = _display(folder / TESTS_FILE, (root or folder.parent))
        raise ProblemDataError(
            [BankIssue(shown, "random", f"needs {CASES_FILE} with random_cases()")]
        )
    import numpy as np

    from mlinterview.judge import harness

    issues: list[BankIssue] = []
    try:
        module = _import_file(cases_path, f"_mlinterview_cases_{problem.id}")
        generated = module.random_cases(np.random.default_rng(random.seed), random.count)
    except Exception as exc:
        raise ProblemDataError(
            [BankIssue(cases_shown, "random_cases", f"{type(exc).__name__}: {exc}")]
        ) from None
    doc = (getattr(module.random_cases, "__doc__", None) or module.__doc__ or "").strip()
    plain_cases: list[dict[str, Any]] = []
    for j, args in enumerate(generated):
        try:
            plain = round_trip(harness.to_plain(args))
        except (harness.Unsupported, TypeError, ValueError) as exc:
            issues.append(BankIssue(cases_shown, f"case {j}", str(exc)))
            continue
        if type(plain) is not dict:
            issues.append(BankIssue(cases_shown, f"case {j}", "must be a dict of arguments"))
            continue
        for where, message in args_problems(problem, plain):
            issues.append(BankIssue(cases_shown, f"case {j}.{where}", message))
        plain_cases.append(plain)
    if issues:
        raise ProblemDataError(issues)
    return plain_cases, (doc.splitlines()[0] if doc else "")


def _frozen_issues(
    problem: Problem, tests_file: TestsFile, generated_args: list[dict[str, Any]], shown: str
) -> list[BankIssue]:
    """Ids follow content, and the frozen random block is what the generator makes today."""
    hint = FREEZE_HINT.format(id=problem.id)
    issues = []
    for i, case in enumerate(tests_file.cases):
        if case.id != case_id(problem.id, round_trip(case.args), round_trip(case.expected)):
            issues.append(
                BankIssue(shown, f"cases.{i}.id", f"does not match the case's content; {hint}")
            )
    if len(generated_args) != len(tests_file.generated):
        issues.append(
            BankIssue(
                shown,
                "generated",
                f"{len(tests_file.generated)} frozen, the generator makes {len(generated_args)}; "
                + hint,
            )
        )
        return issues
    seed = tests_file.random.seed if tests_file.random is not None else 0
    for j, (frozen, args) in enumerate(zip(tests_file.generated, generated_args, strict=True)):
        salt = generated_salt(seed, j)
        if frozen.args_sha256 is not None:
            fresh = args_digest(args)
            same = fresh == frozen.args_sha256
            own_id = case_id(problem.id, None, digest=frozen.args_sha256, salt=salt)
        else:
            same = canonical_json(round_trip(frozen.args)) == canonical_json(args)
            own_id = case_id(problem.id, args, round_trip(frozen.expected), salt=salt)
        if not same:
            issues.append(
                BankIssue(shown, f"generated.{j}", f"cases.py now makes other arguments; {hint}")
            )
        elif frozen.id != own_id:
            issues.append(
                BankIssue(shown, f"generated.{j}.id", f"does not match the content; {hint}")
            )
    return issues


def build_tests(
    problem: Problem, root: Path | None = None, tests_file: TestsFile | None = None
) -> TestSet:
    """Examples and hidden tests with every expected value filled in (trusted side).

    Hidden cases come from the reviewed file as written; only a large generated case and
    an example without an expected value ask the reference (in this trusted process).
    ``tests_file``: the already parsed file, for a caller that also needs its ``wrong:``."""
    folder = problem.folder
    shown = _display(folder / TESTS_FILE, (root or folder.parent))
    if tests_file is None:
        tests_file = read_tests_file(problem, root)
    issues: list[BankIssue] = []
    pending: list[tuple[str, str, str, dict[str, Any], bool, Any, str]] = []
    for i, example in enumerate(problem.examples):
        pending.append(
            (
                "example",
                f"example {i + 1}",
                "",
                example.args,
                example.has_expected,
                example.expected,
                f"examples.{i}",
            )
        )
    for i, case in enumerate(tests_file.cases):
        for where, message in args_problems(problem, case.args):
            issues.append(BankIssue(shown, f"cases.{i}.{where}", message))
        reason = expected_problem(problem, case.expected)
        if reason:
            issues.append(BankIssue(shown, f"cases.{i}.expected", reason))
        pending.append(
            ("hidden", case.description, case.id, case.args, True, case.expected, f"cases.{i}")
        )
    generated_args: list[dict[str, Any]] = []
    if tests_file.random is not None:
        generated_args, _ = generate_random_args(problem, tests_file.random, root)
    elif tests_file.generated:
        issues.append(BankIssue(shown, "generated", "frozen random cases need a random block"))
    issues.extend(_frozen_issues(problem, tests_file, generated_args, shown))
    if issues:
        raise ProblemDataError(issues)
    for j, (frozen, args) in enumerate(zip(tests_file.generated, generated_args, strict=True)):
        full = frozen.args is not None
        pending.append(
            (
                "hidden",
                frozen.description,
                frozen.id,
                args,
                full,
                frozen.expected if full else None,
                f"generated.{j}",
            )
        )
    reference: Callable[..., Any] | None = None
    built: dict[str, list[TestCase]] = {"example": [], "hidden": []}
    for kind, name, ident, args, has_expected, expected, where in pending:
        if not has_expected:
            if reference is None:
                try:
                    reference = reference_function(problem)
                except Exception as exc:
                    ref_shown = _display(folder / REFERENCE_FILE, (root or folder.parent))
                    raise ProblemDataError(
                        [BankIssue(ref_shown, "(file)", f"{type(exc).__name__}: {exc}")]
                    ) from None
            try:
                expected = run_trusted(problem, reference, args)
            except Exception as exc:
                ref_shown = _display(folder / REFERENCE_FILE, (root or folder.parent))
                raise ProblemDataError(
                    [BankIssue(ref_shown, where, f"reference failed: {type(exc).__name__}: {exc}")]
                ) from None
        built[kind].append(
            TestCase(kind, name, round_trip(args), round_trip(expected), ident)  # type: ignore[arg-type]
        )
    tests = TestSet(tuple(built["example"]), tuple(built["hidden"]))
    problem_shown = _display(folder / PROBLEM_FILE, (root or folder.parent))
    field_issues = [
        BankIssue(problem_shown, f"compare.fields.{where}", message)
        for where, message in field_problems(problem.compare, (t.expected for t in tests.all))
    ]
    if field_issues:
        raise ProblemDataError(field_issues)
    return tests


_tests_cache: dict[tuple[str, str], TestSet] = {}


def load_tests(problem: Problem) -> TestSet:
    """Cached :func:`build_tests` (the reference runs once per problem per process)."""
    key = (str(problem.folder), problem.id)
    if key not in _tests_cache:
        _tests_cache[key] = build_tests(problem)
    return _tests_cache[key]
