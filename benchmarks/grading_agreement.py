"""How well does the grader agree with human graders? Pearson/Spearman per set and split.

Reads the public human-graded sets (default ``../shared/benchmarks/grading`` relative to the
repo root; ``--data`` or ``MLINTERVIEW_GRADING_DATA`` to override), grades every answer with
``grade_free`` exactly as the app does, and prints

* Pearson r and Spearman rho against the human score, per set and split;
* for nn_exam (one split) the out-of-fold numbers from question-grouped 5-fold
  cross-validation: the score model is refitted without the held-out questions each time
  (the shipped model has seen all of nn_exam, so its in-sample number is shown but not used);
* two zero-shot baselines on the same answers: embedding cosine of answer and reference, and
  lemma-overlap recall of the reference;
* p50/p95 latency per answer after the model is loaded (machine load average shown too).

Run:  .venv/bin/python benchmarks/grading_agreement.py [--backend use] [--limit 200]

``--fast N`` scores every answer from its cached features with the shipped calibration (the
same arithmetic ``grade_free`` applies) and times ``grade_free`` on only N answers per split;
useful for the slow e5 backend.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_grading_calibration import benchmark_rows, free_training_rows
from grading_common import (
    FREE_WHOLE_FEATURES,
    SETS,
    backend_embedder,
    data_dir,
    fit_free_score,
    free_predict,
    load_records,
)
from mlinterview.grading.calibration import calibration_for
from mlinterview.grading.embedding import backend_name
from mlinterview.grading.engine import grade_free

TARGETS = {
    ("nn_exam", "out-of-fold"): 0.60,
    ("saf_de", "test-unseen-questions"): 0.70,
    ("saf_en", "test-unseen-questions"): 0.75,
}
LATENCY_TARGET_MS = 50.0


def correlations(pred: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    from scipy.stats import pearsonr, spearmanr

    if len(pred) < 3 or np.std(pred) == 0:
        return float("nan"), float("nan")
    return float(pearsonr(pred, truth)[0]), float(spearmanr(pred, truth)[0])


def nn_exam_out_of_fold(
    rows: dict[str, list[dict[str, Any]]], records: dict[str, list[dict[str, Any]]]
) -> np.ndarray:
    """Predictions for nn_exam, each from a model that never saw the answer's question."""
    from sklearn.model_selection import GroupKFold

    nn_rows = rows["nn_exam"]
    groups = [r["question_id"] for r in records["nn_exam"]]
    out = np.zeros(len(nn_rows))
    for _, test in GroupKFold(n_splits=5).split(nn_rows, groups=groups):
        fit_rows, fit_y = free_training_rows(rows, records, "en", frozenset(int(i) for i in test))
        model = fit_free_score(fit_rows, fit_y, FREE_WHOLE_FEATURES["en"])
        out[test] = free_predict(model, [nn_rows[i] for i in test])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the benchmark sets and load.py")
    parser.add_argument("--backend", default=None, help="e5, use or none (default: configured)")
    parser.add_argument(
        "--limit", type=int, default=0, help="grade at most this many answers per split"
    )
    parser.add_argument(
        "--fast",
        type=int,
        default=0,
        metavar="N",
        help="score from cached features; time grade_free on N answers per split only",
    )
    args = parser.parse_args()
    records = load_records(data_dir(args.data))
    requested = (args.backend or backend_name()).lower()
    # per set: "auto" grades German answers with e5 and English ones with USE
    per_set = {name: backend_name(requested, "de" if name == "saf_de" else "en") for name in SETS}
    embedders = {b: backend_embedder(b) for b in set(per_set.values())}
    for lang in ("en", "de"):
        grade_free("warm up", "The model is loaded.", "Loaded.", lang, backend=requested)
    names = ", ".join(
        f"{name}: {embedders[b].name if embedders[b] else 'lexical'}" for name, b in per_set.items()
    )
    print(
        f"backend {requested} ({names}; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores)"
    )
    rows: dict[str, list[dict[str, float]]] = {}
    for b in set(per_set.values()):
        chosen = {name: recs for name, recs in records.items() if per_set[name] == b}
        rows.update(benchmark_rows(embedders[b], b, chosen))
    latencies: list[float] = []
    table: list[tuple[str, str, int, float, float, float, float]] = []
    for name in ("nn_exam", "saf_en", "saf_de"):
        recs = records[name]
        for split in sorted({r["split"] for r in recs}):
            idx = [i for i, r in enumerate(recs) if r["split"] == split]
            if args.limit:
                idx = idx[: args.limit]
            scores = []
            embedder = embedders[per_set[name]]
            calibration = calibration_for(embedder.name if embedder else "lexical")
            for k, i in enumerate(idx):
                r = recs[i]
                if args.fast and k >= args.fast:
                    model = calibration.free_score(rows[name][i]["lang"])
                    scores.append(float(free_predict(model, [rows[name][i]])[0]))
                    continue
                started = time.perf_counter()
                result = grade_free(
                    r["question"],
                    r["reference_answer"],
                    r["student_answer"],
                    r["lang"],
                    backend=requested,
                    use_llm=False,
                )
                latencies.append((time.perf_counter() - started) * 1000)
                scores.append(result.score)
            truth = np.array([recs[i]["target"] for i in idx])
            pearson, spearman = correlations(np.array(scores), truth)
            cos_r = correlations(np.array([rows[name][i]["whole"]["cos"] for i in idx]), truth)[0]
            lrec_r = correlations(np.array([rows[name][i]["whole"]["lrec"] for i in idx]), truth)[0]
            label = f"{split} (in-sample)" if name == "nn_exam" or split == "train" else split
            table.append((name, label, len(idx), pearson, spearman, cos_r, lrec_r))
    if not args.limit:
        # the nn_exam model is refitted with the features of nn_exam's own backend everywhere
        nn_backend = per_set["nn_exam"]
        same = all(per_set[n] == nn_backend for n in ("saf_en", "nn_exam"))
        oof_rows = rows if same else benchmark_rows(embedders.get(nn_backend), nn_backend, records)
        oof = nn_exam_out_of_fold(oof_rows, records)
        truth = np.array([r["target"] for r in records["nn_exam"]])
        pearson, spearman = correlations(oof, truth)
        table.insert(0, ("nn_exam", "out-of-fold", len(truth), pearson, spearman, *table[0][5:]))

    print(
        f"\n{'set':8} {'split':28} {'n':>5} {'pearson':>8} {'spearman':>9}"
        f" {'cos r':>7} {'lemma r':>8} target"
    )
    for name, split, n, pearson, spearman, cos_r, lrec_r in table:
        target = TARGETS.get((name, split))
        verdict = (
            ""
            if target is None
            else f">= {target:.2f} " + ("met" if pearson >= target else "NOT met")
        )
        print(
            f"{name:8} {split:28} {n:5d} {pearson:8.3f} {spearman:9.3f} {cos_r:7.3f}"
            f" {lrec_r:8.3f} {verdict}"
        )
    lat = np.array(latencies)
    p50, p95 = np.percentile(lat, 50), np.percentile(lat, 95)
    met = "met" if p50 < LATENCY_TARGET_MS else "NOT met"
    print(
        f"\nlatency per answer over {len(lat)} answers: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
        f"(target p50 < {LATENCY_TARGET_MS:.0f} ms: {met})"
    )
    print(
        "cos r / lemma r: zero-shot baselines (answer-reference embedding cosine; lemma-overlap "
        "recall of the reference) on the same answers"
    )


if __name__ == "__main__":
    main()
