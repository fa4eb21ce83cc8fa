"""Finding, validating and running labs.

How to add a lab
----------------
Create ``src/mlinterview/labs/catalog/<lab_id>.py`` (the file name *is* the id) that
defines ``LAB: Lab``. Nothing else needs registering: :func:`all_labs` discovers every
module in :mod:`mlinterview.labs.catalog` with :mod:`pkgutil`. Keep the module top light
(only ``mlinterview.labs.base`` and the standard library): import numpy, sklearn,
matplotlib etc. *inside* the run function, because listing labs imports every module.

.. code-block:: python

    from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

    def run(*, n: int, seed: int) -> Outcome:
        import numpy as np                       # heavy imports here, not at the top
        rng = np.random.default_rng(seed)        # ``seed`` is always passed
        score = float(rng.normal(size=n).mean())
        def draw(fig, lang):                     # drawn only when figures are wanted
            ax = fig.add_subplot()
            ax.plot([0, 1], [0, score])
        return Outcome(
            supported=abs(score) < 0.2,          # verdict computed from the numbers
            metrics={"mean": score},             # plain numbers; numpy scalars are fine
            explanation=text(f"mean {score:.3f}", f"Mittelwert {de_num(score)}"),
            tables=[Table(text("Means", "Mittelwerte"), ("n", "mean"), ((n, score),))],
            plots=[Plot("curve", text("Curve", "Kurve"), draw)],
        )

    LAB = Lab(
        id="example", title=text("...", "..."), claim=text("...", "..."),
        cards=("card-id",),
        params=(Param("n", "int", 100, text("Sample size", "Stichprobengröße"), 10, 1000),),
        run_fn=run,
    )

German texts write numbers with a decimal comma (``de_num``). Every lab gets a ``seed``
parameter (0 to 2**31-1, default 0) unless it declares its own; :func:`run_lab` also seeds
Python's and numpy's global generators with it, but labs should pass ``seed`` explicitly to
every ``random_state``. Cross-parameter rules (say k larger than the training set) are
checked inside ``run`` by raising :class:`LabParameterError` with a one-line message. Labs
that need PyTorch set ``needs_torch=True``; :func:`run_lab` then reports how to install it
when it is missing. Problems with a module (no ``LAB``, id not matching the file name, bad
defaults) are collected by :func:`registry_issues` and reported by ``mlinterview bank
check``. :func:`run_lab` runs BLAS and OpenMP with one thread (see
:func:`_single_threaded`); ``benchmarks/labs_runtime.py`` times every lab.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
import os
import pkgutil
import random
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mlinterview.labs.base import (
    Figure,
    Lab,
    LabNotFoundError,
    LabParameterError,
    LabResult,
    LabUnavailableError,
    Metric,
    Outcome,
    Table,
)

CATALOG = "mlinterview.labs.catalog"
TORCH_HINT = 'pip install "mlinterview[deep]"'


@dataclass(frozen=True)
class RegistryIssue:
    """One problem with one lab module, printed as ``module: message``."""

    module: str
    message: str

    def __str__(self) -> str:
        return f"{self.module}: {self.message}"


@dataclass(frozen=True)
class _Discovery:
    labs: dict[str, Lab]
    issues: tuple[RegistryIssue, ...]


def _check_lab(name: str, lab: Lab) -> list[RegistryIssue]:
    issues = []
    if lab.id != name:
        issues.append(RegistryIssue(name, f"LAB.id {lab.id!r} must match the module name"))
    seen: set[str] = set()
    for param in lab.all_params:
        if param.name in seen:
            issues.append(RegistryIssue(name, f"parameter {param.name!r} declared twice"))
        seen.add(param.name)
        try:
            param.coerce(param.default)
        except LabParameterError as exc:
            issues.append(RegistryIssue(name, f"default is invalid: {exc}"))
    return issues


@lru_cache(maxsize=1)
def _discover() -> _Discovery:
    package = importlib.import_module(CATALOG)
    labs: dict[str, Lab] = {}
    issues: list[RegistryIssue] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{CATALOG}.{info.name}")
        except Exception as exc:  # a broken module must not hide the others
            issues.append(RegistryIssue(info.name, f"import failed: {exc!r}"))
            continue
        lab = getattr(module, "LAB", None)
        if not isinstance(lab, Lab):
            issues.append(RegistryIssue(info.name, "module defines no LAB of type Lab"))
            continue
        problems = _check_lab(info.name, lab)
        issues.extend(problems)
        if lab.id in labs:
            issues.append(RegistryIssue(info.name, f"duplicate lab id {lab.id!r}"))
            continue
        if not problems:
            labs[lab.id] = lab
    return _Discovery(labs=labs, issues=tuple(issues))


def all_labs() -> list[Lab]:
    """Every valid lab, sorted by id."""
    return list(_discover().labs.values())


def registry_issues() -> list[RegistryIssue]:
    """Lab modules that could not be registered, and why."""
    return list(_discover().issues)


def get_lab(lab_id: str) -> Lab:
    labs = _discover().labs
    try:
        return labs[lab_id]
    except KeyError:
        raise LabNotFoundError(
            f"unknown lab {lab_id!r}; run `mlinterview labs` to see the {len(labs)} labs"
        ) from None


def torch_available() -> bool:
    """Whether torch is installed, without importing it (cheap enough for listings)."""
    return importlib.util.find_spec("torch") is not None


def _plain(value: Any) -> Any:
    """numpy scalars → Python scalars, so results serialise to JSON unchanged.

    Exact type checks: ``numpy.float64`` subclasses ``float`` but is not plain.
    """
    if value is None or type(value) in (bool, int, float, str):
        return value
    item = getattr(value, "item", None)
    if callable(item):
        return _plain(item())
    return value


def _metrics(raw: Mapping[str, Any], lab_id: str) -> dict[str, Metric]:
    out: dict[str, Metric] = {}
    for key, value in raw.items():
        plain = _plain(value)
        if not isinstance(plain, bool | int | float | str):
            raise TypeError(f"lab {lab_id!r}: metric {key!r} is not a plain number or string")
        if isinstance(plain, float) and not math.isfinite(plain):
            raise ValueError(f"lab {lab_id!r}: metric {key!r} is {plain}")
        out[key] = plain
    return out


def _table(table: Table) -> Table:
    rows = tuple(tuple(_plain(v) for v in row) for row in table.rows)
    return Table(title=table.title, columns=tuple(table.columns), rows=rows)


def _seed_globals(seed: int, needs_torch: bool) -> None:
    import numpy as np

    random.seed(seed)
    np.random.seed(seed % 2**32)
    if needs_torch:
        import torch

        torch.manual_seed(seed)


@contextmanager
def _single_threaded(needs_torch: bool) -> Iterator[None]:
    """Run BLAS/OpenMP single-threaded: labs are small, and on a busy machine threaded
    BLAS spins and oversubscribes (a digits-sized logistic regression took 10 s with two
    threads under load and 0.1 s with one). One thread also keeps results bit-identical.

    threadpoolctl only limits libraries that are already loaded, so the BLAS libraries of
    numpy and scipy are loaded first; OpenMP (loaded by scikit-learn, costly to import for
    labs that do not use it) is limited through ``OMP_NUM_THREADS`` instead, which libgomp
    reads when it loads. An explicit user setting of that variable is respected.
    """
    import numpy  # noqa: F401  (loads numpy's BLAS)
    import scipy.linalg  # noqa: F401  (loads scipy's BLAS)
    from threadpoolctl import threadpool_limits

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    previous = None
    if needs_torch:
        import torch

        previous = torch.get_num_threads()
        torch.set_num_threads(1)
    try:
        with threadpool_limits(limits=1):
            yield
    finally:
        if previous is not None:
            import torch

            torch.set_num_threads(previous)


def run_lab(
    lab_id: str,
    overrides: Mapping[str, Any] | None = None,
    *,
    render: bool = True,
    lang: str = "en",
) -> LabResult:
    """Validate parameters, seed, run, time and (optionally) render one registered lab.

    Raises :class:`LabNotFoundError`, :class:`LabParameterError` (one-line messages) or
    :class:`LabUnavailableError` when the lab needs PyTorch and it is not installed.
    ``render=False`` skips matplotlib (tests, ``--json``); ``lang`` picks the figure labels.
    """
    return execute_lab(get_lab(lab_id), overrides, render=render, lang=lang)


def _require_torch(lab: Lab) -> None:
    """Import torch for real: a present but broken install must fail here, clearly."""
    try:
        import torch  # noqa: F401
    except ImportError:
        raise LabUnavailableError(
            f"lab {lab.id!r} needs PyTorch; install it with: {TORCH_HINT}"
        ) from None


def execute_lab(
    lab: Lab,
    overrides: Mapping[str, Any] | None = None,
    *,
    render: bool = True,
    lang: str = "en",
) -> LabResult:
    """:func:`run_lab` for a :class:`Lab` object (registered or not)."""
    params = lab.validate(overrides or {})
    if lab.needs_torch:
        _require_torch(lab)
    start = time.perf_counter()
    _seed_globals(int(params.get("seed", 0)), lab.needs_torch)
    with _single_threaded(lab.needs_torch):
        outcome = lab.run_fn(**params)
    if not isinstance(outcome, Outcome):
        raise TypeError(f"lab {lab.id!r}: run_fn must return an Outcome")
    figures: tuple[Figure, ...] = ()
    if render:
        from mlinterview.labs.plotting import render_plot

        figures = tuple(render_plot(plot, lang) for plot in outcome.plots)
    seconds = time.perf_counter() - start
    return LabResult(
        lab_id=lab.id,
        claim=lab.claim,
        verdict="supported" if outcome.supported else "not supported",
        metrics=_metrics(outcome.metrics, lab.id),
        explanation=outcome.explanation,
        params=params,
        tables=tuple(_table(t) for t in outcome.tables),
        figures=figures,
        seconds=seconds,
    )


def parse_overrides(assignments: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["k=5", "scale=false"]`` → ``{"k": "5", "scale": "false"}`` (values coerced later)."""
    overrides: dict[str, str] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise LabParameterError(f"--set expects name=value, got {item!r}")
        overrides[name] = value.strip()
    return overrides
