"""Every grading backend side by side, in one run: agreement with human graders and latency.

For each backend (``use``, ``e5``, ``none``; a backend whose package is missing is skipped):

* agreement on each of the five human-graded sets with the score model of the backend's
  shipped design fitted on the other four (leave one data set out; ROC AUC on correct /
  incorrect sets, Pearson r on graded ones), and its zero-shot cosine on the same answers;
* latency with the model loaded: ``grade_card`` on labelled answers to bank cards (what a
  user waits for in ``practice`` and ``answer``) and ``grade_free`` on benchmark answers.

Features come from the cache ``grading_agreement.py`` fills (computing e5's takes over an
hour here the first time). Cross-encoder / NLI models were looked for and none ships its
weights in a PyPI package (docs/answer-feedback.md, "Score model"), so none is listed.

Run:  .venv/bin/python benchmarks/grading_backends.py [--backends use none] [--answers 60]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_grading_calibration import benchmark_rows, free_design
from grading_agreement import agreement, left_out_predictions
from grading_common import SETS, backend_embedder, data_dir, load_records
from mlinterview.content.loader import bundled_bank
from mlinterview.grading.engine import grade_card, grade_free
from mlinterview.grading.labelset import load_labelled


def _p50(values: list[float]) -> float:
    return float(np.percentile(np.array(values), 50)) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the benchmark sets and load.py")
    parser.add_argument("--backends", nargs="+", default=["use", "e5", "none"])
    parser.add_argument("--answers", type=int, default=60, help="answers timed per backend")
    args = parser.parse_args()
    records = load_records(data_dir(args.data))
    bank = bundled_bank()
    labelled = [a for answers in load_labelled().values() for a in answers]
    step = max(1, len(labelled) // args.answers)
    card_answers = labelled[::step][: args.answers]
    free_answers = [r for name in SETS for r in records[name][::97]][: args.answers]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    header = " ".join(f"{n[:11]:>11}" for n in SETS)
    print(f"\n{'backend':8} {'what':10} {header} {'card p50':>9} {'free p50':>9}")
    for backend in args.backends:
        try:
            embedder = backend_embedder(backend)
        except SystemExit:
            print(f"{backend:8} not installed")
            continue
        rows = benchmark_rows(embedder, backend, records)
        left_out = left_out_predictions(rows, records, free_design(backend))
        fitted, zero_shot = [], []
        for name in SETS:
            truth = np.array([r["target"] for r in records[name]])
            fitted.append(agreement(name, left_out[name], truth))
            zero_shot.append(
                agreement(name, np.array([r["whole"]["cos"] for r in rows[name]]), truth)
            )
        # the model is loaded and each card's rubric prepared once, as in a practice session;
        # the timed answers themselves are graded for the first time
        for card_id in {a.card_id for a in card_answers}:
            grade_card(bank.cards[card_id], "warm up", "en", backend=backend, use_llm=False)
        card_ms = []
        for answer in card_answers:
            started = time.perf_counter()
            grade_card(
                bank.cards[answer.card_id], answer.text, answer.lang, backend=backend, use_llm=False
            )
            card_ms.append((time.perf_counter() - started) * 1000)
        free_ms = []
        for r in free_answers:
            started = time.perf_counter()
            grade_free(
                r["question"],
                r["reference_answer"],
                r["student_answer"],
                r["lang"],
                backend=backend,
                use_llm=False,
            )
            free_ms.append((time.perf_counter() - started) * 1000)
        cells = " ".join(f"{v:11.3f}" for v in fitted)
        print(f"{backend:8} {'fit on 4':10} {cells} {_p50(card_ms):9.1f} {_p50(free_ms):9.1f}")
        cells = " ".join(f"{v:11.3f}" for v in zero_shot)
        print(f"{'':8} {'zero-shot':10} {cells}")
    print(
        "\nagreement: ROC AUC for SciEntsBank and Beetle, Pearson r for the others; "
        "latency in ms per answer with the model loaded"
    )


if __name__ == "__main__":
    main()
