"""Shared parts of the grading benchmark scripts: data loading, feature rows, fitting.

The public benchmark sets live outside the repository (``../shared/benchmarks/grading``
relative to the repo root by default; override with ``--data`` or
``MLINTERVIEW_GRADING_DATA``). Feature rows are cached per backend in the temp directory
because computing embeddings for ~5,600 answers takes minutes on a busy machine.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from mlinterview.grading.calibration import FreeScore, Linear
from mlinterview.grading.embedding import CachedEmbedder, get_embedder
from mlinterview.grading.features import ELEMENT_FEATURES

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "grading"
#: The five human-graded sets. Every choice of the free score is made by leaving one of them
#: out (fit on four, measure on the fifth); the shipped model is fitted on all five.
SETS = ("nn_exam", "saf_en", "saf_de", "scientsbank_train", "beetle_train")
#: Sets graded correct / incorrect: measured by ROC AUC; the others by Pearson r.
BINARY_SETS = frozenset({"scientsbank_train", "beetle_train"})
SCALE = {"nn_exam": 2.0}  # nn_exam grades 0 / 1 / 2; the others lie in [0, 1]


def data_dir(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("MLINTERVIEW_GRADING_DATA") or DEFAULT_DATA)


def load_records(root: Path) -> dict[str, list[dict[str, Any]]]:
    """Every benchmark set as plain records, via the set's own ``load.py``."""
    loader_path = root / "load.py"
    if not loader_path.is_file():
        raise SystemExit(f"error: no load.py in {root}; pass --data with the benchmark folder")
    spec = importlib.util.spec_from_file_location("grading_benchmarks_load", loader_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out: dict[str, list[dict[str, Any]]] = {}
    for name in SETS:
        records = module.LOADERS[name]()
        scale = SCALE.get(name, 1.0)
        for r in records:
            r["target"] = float(r["score"]) / scale
            r["lang"] = "de" if name == "saf_de" else "en"
        out[name] = records
    return out


def backend_embedder(name: str) -> CachedEmbedder | None:
    embedder = get_embedder(name)
    if name != "none" and embedder is None:
        raise SystemExit(f"error: embedding backend {name!r} is not installed")
    return embedder


def _cache_file(kind: str, backend: str, payload: Iterable[str]) -> Path:
    digest = hashlib.sha256()
    for item in payload:
        digest.update(item.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    folder = Path(tempfile.gettempdir()) / "mlinterview-grading-cache"
    folder.mkdir(exist_ok=True)
    return folder / f"{kind}-{backend}-{digest.hexdigest()[:16]}.pkl"


def cached_rows(
    kind: str,
    backend: str,
    keys: list[str],
    compute: Callable[[], list[Any]],
    version: str,
) -> list[Any]:
    """``compute()`` once per (data, backend, feature code version); pickled in /tmp."""
    path = _cache_file(kind, backend, [version, *keys])
    if path.is_file():
        with path.open("rb") as fh:
            rows: list[Any] = pickle.load(fh)
        return rows
    rows = compute()
    with path.open("wb") as fh:
        pickle.dump(rows, fh)
    return rows


def feature_version() -> str:
    """Changes whenever the feature code changes, so stale caches are not reused."""
    digest = hashlib.sha256()
    pkg = REPO / "src" / "mlinterview" / "grading"
    for name in ("features.py", "lexical.py", "text.py", "rubric.py", "embedding.py", "engine.py"):
        digest.update((pkg / name).read_bytes())
    return digest.hexdigest()[:12]


def _standardisation(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column means and scales; a constant column keeps scale 1 (e.g. no embeddings)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def fit_logistic(x: np.ndarray, y: np.ndarray, features: tuple[str, ...], c: float = 1.0) -> Linear:
    """Logistic regression on standardised features, returned as a :class:`Linear`."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = _standardisation(x)
    model = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y)
    return Linear(
        features,
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in model.coef_[0]),
        float(model.intercept_[0]),
    )


#: Largest weight of the share of points earned in the free score (scores live in [0, 1]).
EARNED_MAX = 1.5


def fit_free_score(
    rows: list[dict[str, Any]],
    targets: list[float],
    whole: tuple[str, ...],
    *,
    element_features: tuple[str, ...] = ELEMENT_FEATURES,
    link: str = "identity",
    sample_weight: list[float] | None = None,
) -> FreeScore:
    """Fit :class:`FreeScore` jointly (element head and score head) by least squares.

    Empty answers are left out: the engine scores them 0 without the model.
    ``sample_weight`` weighs the answers (e.g. so that every data set counts the same).
    """
    from scipy.optimize import least_squares

    keep = [i for i, r in enumerate(rows) if not r["whole"]["empty"] and r["elements"]]
    y = np.array([targets[i] for i in keep])
    sw = np.ones(len(keep)) if sample_weight is None else np.array([sample_weight[i] for i in keep])
    root_w = np.sqrt(sw / sw.mean())
    elements = np.array(
        [[e[f] for f in element_features] for i in keep for e in rows[i]["elements"]], dtype=float
    )
    owner = np.concatenate([np.full(len(rows[i]["elements"]), k) for k, i in enumerate(keep)])
    weights = np.concatenate([np.array(rows[i]["weights"], dtype=float) for i in keep])
    totals = np.bincount(owner, weights=weights, minlength=len(keep))
    x_whole = np.array([[rows[i]["whole"][f] for f in whole] for i in keep], dtype=float).reshape(
        len(keep), len(whole)
    )
    e_mean, e_scale = _standardisation(elements)
    w_mean, w_scale = _standardisation(x_whole)
    ez = (elements - e_mean) / e_scale
    wz = (x_whole - w_mean) / w_scale
    n_el = len(element_features)
    logistic = link == "logistic"

    def earned(theta: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-np.clip(ez @ theta[1 : 1 + n_el] + theta[0], -50, 50)))
        return np.bincount(owner, weights=weights * p, minlength=len(keep)) / totals

    k = 1 + n_el

    def residuals(theta: np.ndarray) -> np.ndarray:
        value = theta[k] + theta[k + 1] * earned(theta) + wz @ theta[k + 2 :]
        if logistic:
            value = 1.0 / (1.0 + np.exp(-np.clip(value, -50, 50)))
        return (value - y) * root_w

    head = [-2.0, 4.0] if logistic else [0.3, 0.6]
    start = np.concatenate([[0.0], np.ones(n_el), head, np.zeros(len(whole))])
    # "earned" is a share of points: a weight above EARNED_MAX would let the fit saturate
    # every point's probability near 1 and live on their tiny differences (seen: p ~0.99
    # for every point, weight 66), which scores well but says nothing per point (with the
    # logistic link the same bound applies on the scale of the logit: 4 * EARNED_MAX)
    lower = np.full(len(start), -np.inf)
    upper = np.full(len(start), np.inf)
    lower[k + 1], upper[k + 1] = 0.0, EARNED_MAX * (4.0 if logistic else 1.0)
    theta = least_squares(residuals, start, loss="soft_l1", bounds=(lower, upper)).x
    element = Linear(
        element_features,
        tuple(float(v) for v in e_mean),
        tuple(float(v) for v in e_scale),
        tuple(float(v) for v in theta[1:k]),
        float(theta[0]),
    )
    score = Linear(
        ("earned", *whole),
        (0.0, *(float(v) for v in w_mean)),
        (1.0, *(float(v) for v in w_scale)),
        tuple(float(v) for v in theta[k + 1 :]),
        float(theta[k]),
    )
    return FreeScore(element, score, link)


def free_predict(model: FreeScore, rows: list[dict[str, Any]]) -> np.ndarray:
    """What ``grade_free`` scores for these feature rows (empty answers score 0)."""
    return np.array(
        [
            0.0 if r["whole"]["empty"] else model.predict(r["elements"], r["weights"], r["whole"])
            for r in rows
        ]
    )


def dump_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
