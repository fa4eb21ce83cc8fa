"""How well does the free score agree with human graders on data sets it was not fitted on?

Reads the five public human-graded sets (default ``../shared/benchmarks/grading`` relative to
the repo root; ``--data`` or ``MLINTERVIEW_GRADING_DATA`` to override): nn_exam, SAF English,
SAF German, SciEntsBank and Beetle (SemEval-2013 training splits), and prints

* the **leave-one-data-set-out** table: for each set, the score model is fitted on the other
  four (each weighing the same) and measured on the fifth - Pearson r for graded sets, ROC
  AUC for the correct / incorrect ones - next to two zero-shot baselines on the same answers
  (embedding cosine of answer and reference; lemma-overlap recall of the reference) and the
  shipped model (fitted on all five, so in-sample there, shown for reference only);
* with ``--candidates``, the same table for every design that was tried (the backend's
  shipped one, :func:`fit_grading_calibration.free_design`, is marked): this is how it was
  chosen;
* the shipped model and the left-out model per split of SAF (unseen questions / answers);
* p50/p95 latency of ``grade_free`` per answer with the model loaded, on ``--latency N``
  answers per set (machine load average shown too).

Run:  .venv/bin/python benchmarks/grading_agreement.py [--backend use] [--candidates]

Features of all ~15,500 answers are computed once per backend and feature code (USE: a few
minutes; e5: over an hour on a busy 2-core machine) and cached in the temp directory.
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

from fit_grading_calibration import FREE_MODEL, benchmark_rows, fit_free, free_design
from grading_common import (
    BINARY_SETS,
    SETS,
    backend_embedder,
    data_dir,
    free_predict,
    load_records,
)
from mlinterview.grading.calibration import FreeScore, calibration_for
from mlinterview.grading.embedding import backend_name
from mlinterview.grading.engine import grade_free
from mlinterview.grading.features import ELEMENT_FEATURES

LATENCY_TARGET_MS = 50.0
Rows = dict[str, list[dict[str, Any]]]
Records = dict[str, list[dict[str, Any]]]

#: Designs compared by leave-one-data-set-out (``--candidates``); FREE_MODEL is one of them.
CANDIDATES: dict[str, dict[str, Any]] = {
    "points earned, each question weighing the same": FREE_MODEL,
    "points earned, logistic link": {**FREE_MODEL, "link": "logistic"},
    "points earned, each data set weighing the same": {**FREE_MODEL, "weighting": "set"},
    "points earned, each answer weighing the same": {**FREE_MODEL, "weighting": "answer"},
    "points earned without question likeness": {
        **FREE_MODEL,
        "element_features": tuple(f for f in ELEMENT_FEATURES if f != "question_sem"),
    },
    "points earned + cosine": {**FREE_MODEL, "whole": ("cos",)},
    "points earned + cosine + lemma recall": {**FREE_MODEL, "whole": ("cos", "lrec")},
    "points earned + cosine + lemma recall + length": {
        **FREE_MODEL,
        "whole": ("cos", "lrec", "len"),
    },
    "previous design (+ cos, lrec, len, lenratio), pooled": {
        **FREE_MODEL,
        "whole": ("cos", "lrec", "len", "lenratio"),
        "weighting": "set",
    },
}


def agreement(name: str, pred: np.ndarray, truth: np.ndarray) -> float:
    """ROC AUC on correct / incorrect sets, Pearson r on graded ones."""
    from scipy.stats import pearsonr
    from sklearn.metrics import roc_auc_score

    if len(pred) < 3 or np.std(pred) == 0 or np.std(truth) == 0:
        return float("nan")
    if name in BINARY_SETS:
        return float(roc_auc_score(truth > 0.5, pred))
    return float(pearsonr(pred, truth)[0])


def correlations(pred: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """Pearson r and Spearman rho (kept for grading_saf_de_ceiling.py)."""
    from scipy.stats import pearsonr, spearmanr

    if len(pred) < 3 or np.std(pred) == 0:
        return float("nan"), float("nan")
    return float(pearsonr(pred, truth)[0]), float(spearmanr(pred, truth)[0])


def left_out_predictions(rows: Rows, records: Records, design: dict[str, Any]) -> Rows:
    """For each set, the scores of a model with this design fitted on the other four."""
    out: dict[str, Any] = {}
    for name in SETS:
        others = tuple(n for n in SETS if n != name)
        model, _ = fit_free(rows, records, others, design)
        out[name] = free_predict(model, rows[name])
    return out


def baselines(name: str, rows: list[dict[str, Any]], truth: np.ndarray) -> tuple[float, float]:
    cos = agreement(name, np.array([r["whole"]["cos"] for r in rows]), truth)
    lrec = agreement(name, np.array([r["whole"]["lrec"] for r in rows]), truth)
    return cos, lrec


def print_lodo(
    title: str,
    rows_of: dict[str, Rows],
    records: Records,
    design: dict[str, Any],
    shipped: dict[str, FreeScore] | None,
) -> dict[str, float]:
    """One leave-one-data-set-out table; ``rows_of[set]`` are the rows of that set's backend."""
    print(f"\n{title}")
    header = (
        f"{'left-out set':18} {'n':>5} {'metric':8} {'fit on 4':>9} {'zero-shot cos':>14}"
        f" {'lemma recall':>13} {'beats both':>11}"
    )
    print(header + (f" {'shipped (in-sample)':>20}" if shipped else ""))
    result: dict[str, float] = {}
    cache: dict[int, Rows] = {}
    for name in SETS:
        rows = rows_of[name]
        key = id(rows)
        if key not in cache:
            cache[key] = left_out_predictions(rows, records, design)
        truth = np.array([r["target"] for r in records[name]])
        score = agreement(name, cache[key][name], truth)
        cos, lrec = baselines(name, rows[name], truth)
        result[name] = score
        beats = "yes" if score > np.nanmax([cos, lrec]) else "NO"
        line = (
            f"{name:18} {len(truth):5d} {'AUC' if name in BINARY_SETS else 'r':8}"
            f" {score:9.3f} {cos:14.3f} {lrec:13.3f} {beats:>11}"
        )
        if shipped:
            line += f" {agreement(name, free_predict(shipped[name], rows[name]), truth):20.3f}"
        print(line)
    print(f"mean over the five left-out sets: {np.mean(list(result.values())):.3f}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the benchmark sets and load.py")
    parser.add_argument(
        "--backend", default=None, help="auto, e5, use or none (default: configured)"
    )
    parser.add_argument(
        "--candidates", action="store_true", help="also print the table of every design tried"
    )
    parser.add_argument(
        "--latency", type=int, default=100, metavar="N", help="time grade_free on N answers per set"
    )
    args = parser.parse_args()
    records = load_records(data_dir(args.data))
    requested = (args.backend or backend_name()).lower()
    # "auto" grades German answers with e5 and English ones with USE
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
    # a left-out model is fitted on the other sets' features of the same backend
    by_backend = {b: benchmark_rows(embedders[b], b, records) for b in set(per_set.values())}
    rows_of = {name: by_backend[per_set[name]] for name in SETS}
    shipped = {
        name: calibration_for(
            embedders[per_set[name]].name if embedders[per_set[name]] else "lexical"
        ).free_score("de" if name == "saf_de" else "en")
        for name in SETS
    }
    # every set is graded by one backend unless "auto" ever splits them again
    design = free_design(per_set["nn_exam"])
    print_lodo(
        "Leave one data set out: fitted on the other four, measured on the left-out set",
        rows_of,
        records,
        design,
        shipped,
    )
    if args.candidates:
        for title, candidate in CANDIDATES.items():
            mark = " (shipped)" if candidate == design else ""
            print_lodo(f"Candidate: {title}{mark}", rows_of, records, candidate, None)

    print(
        f"\n{'set':8} {'split':24} {'n':>5} {'shipped':>8} {'fit w/o set':>11}"
        f" {'cos':>7} {'lemma':>7}"
    )
    for name in ("saf_en", "saf_de"):
        rows = rows_of[name][name]
        others = tuple(n for n in SETS if n != name)
        left_out, _ = fit_free(rows_of[name], records, others, free_design(per_set[name]))
        for split in ("test-unseen-questions", "test-unseen-answers"):
            idx = [i for i, r in enumerate(records[name]) if r["split"] == split]
            sub = [rows[i] for i in idx]
            truth = np.array([records[name][i]["target"] for i in idx])
            cos, lrec = baselines(name, sub, truth)
            print(
                f"{name:8} {split:24} {len(idx):5d}"
                f" {agreement(name, free_predict(shipped[name], sub), truth):8.3f}"
                f" {agreement(name, free_predict(left_out, sub), truth):11.3f}"
                f" {cos:7.3f} {lrec:7.3f}"
            )

    latencies: list[float] = []
    for name in SETS:
        for r in records[name][: args.latency]:
            started = time.perf_counter()
            grade_free(
                r["question"],
                r["reference_answer"],
                r["student_answer"],
                r["lang"],
                backend=requested,
                use_llm=False,
            )
            latencies.append((time.perf_counter() - started) * 1000)
    if latencies:
        lat = np.array(latencies)
        p50, p95 = np.percentile(lat, 50), np.percentile(lat, 95)
        met = "met" if p50 < LATENCY_TARGET_MS else "NOT met"
        print(
            f"\nlatency of grade_free over {len(lat)} answers ({args.latency} per set): "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p50 < {LATENCY_TARGET_MS:.0f} ms: {met})"
        )


if __name__ == "__main__":
    main()
