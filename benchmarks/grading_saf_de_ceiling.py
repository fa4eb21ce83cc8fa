"""Why SAF German's unseen questions stay below r = 0.70: how far grading to the reference can go.

A diagnostic, not a calibration: nothing here feeds the engine or its fitted model. The
unseen-questions split holds two questions (2: the order of the tasks, 5: what makes a
washroom unclean). This script prints

* the shipped score's Pearson r with the human grades, pooled and within each question;
* for question 5, the r of each of the reference answer's own weighted points
  (consumables, floor/wall, toilets, washbasins; 0.25 each) found by keyword patterns
  written after reading the answers, of their weighted sum, and the pooled r if our
  question-5 scores were replaced by that sum;
* the r of the rubric the graders' own feedback texts name ("Sauberkeit, Funktionalität,
  Verbrauchsmaterial"), which credits working fittings, a point the reference never
  mentions;
* the pooled r if question 2 were graded better, with question 5 as shipped.

If the reference's points, found by their words, score below the shipped model on
question 5, the gap to 0.70 is in the labels' rubric, not in the detection.

Run:  .venv/bin/python benchmarks/grading_saf_de_ceiling.py   (e5 features are cached)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_grading_calibration import benchmark_rows
from grading_agreement import correlations
from grading_common import backend_embedder, data_dir, free_predict, load_records
from mlinterview.grading.calibration import calibration_for

#: Keyword patterns for question 5's ideas, matched in the lower-cased answer.
CONSUMABLES = r"seife|papier|handt|verbrauch|desinfek|material|hygieneartikel|aufgefüllt|bestückt"
FLOOR_WALL = r"boden|wand|wände|fliese"
TOILETS = r"toilette|wc|klo|urinal|brille|schüssel"
WASHBASINS = r"waschbecken|becken|waschtisch"
FUNCTIONING = r"funktion|defekt|kaputt|benutzbar|spülung|wasserhahn|trockner|technik"
DIRT = r"schmutz|dreck|unsauber|sauber|verunrein|hygien|fleck|unrein|ekel|kot|urin|fäkal|fikal"


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return correlations(a, b)[0]


def rescaled(values: np.ndarray, like: np.ndarray) -> np.ndarray:
    """``values`` with the mean and spread of ``like``, so pooling keeps the model's scale."""
    return like.mean() + like.std() * (values - values.mean()) / values.std()


def with_within_r(truth: np.ndarray, like: np.ndarray, r: float, seed: int) -> np.ndarray:
    """Scores on ``like``'s scale whose correlation with ``truth`` is exactly ``r``."""
    noise = np.random.default_rng(seed).normal(size=truth.size)
    noise -= np.polyval(np.polyfit(truth, noise, 1), truth)
    standard = (truth - truth.mean()) / truth.std()
    return rescaled(r * standard + np.sqrt(1 - r**2) * noise / noise.std(), like)


def main() -> None:
    records = load_records(data_dir())["saf_de"]
    rows = benchmark_rows(backend_embedder("e5"), "e5", {"saf_de": records})["saf_de"]
    predicted = free_predict(calibration_for("e5-small-q4").free_score("de"), rows)
    human = np.array([r["target"] for r in records])
    unseen = np.array([r["split"] == "test-unseen-questions" for r in records])
    question = np.array([r["question_id"] for r in records])
    q2, q5 = unseen & (question == "2"), unseen & (question == "5")
    answers = [r["student_answer"].lower() for r in records]

    def mentions(pattern: str) -> np.ndarray:
        return np.array([bool(re.search(pattern, a)) for a in answers], dtype=float)

    report = [("shipped model, pooled", pearson(predicted[unseen], human[unseen]))]
    for name, mask in (("2", q2), ("5", q5)):
        report.append(
            (f"shipped model, within question {name}", pearson(predicted[mask], human[mask]))
        )
    points = {
        "consumables": mentions(CONSUMABLES),
        "floor/wall": mentions(FLOOR_WALL),
        "toilets": mentions(TOILETS),
        "washbasins": mentions(WASHBASINS),
    }
    for name, found in points.items():
        report.append(
            (f"question 5, reference point '{name}' named", pearson(found[q5], human[q5]))
        )
    reference_points = 0.25 * sum(points.values())
    graders_rubric = (
        0.5 * points["consumables"] + 0.25 * mentions(FUNCTIONING) + 0.25 * mentions(DIRT)
    )
    report.append(
        ("question 5, the reference's points, weighted", pearson(reference_points[q5], human[q5]))
    )
    report.append(
        ("question 5, rubric of the graders' feedback", pearson(graders_rubric[q5], human[q5]))
    )
    swapped = predicted.copy()
    swapped[q5] = rescaled(reference_points[q5], predicted[q5])
    report.append(
        ("pooled, question 5 by the reference's points", pearson(swapped[unseen], human[unseen]))
    )
    for r in (0.85, 0.90, 0.95, 1.0):
        pooled = []
        for seed in range(50):
            better = predicted.copy()
            better[q2] = with_within_r(human[q2], predicted[q2], r, seed)
            pooled.append(pearson(better[unseen], human[unseen]))
        report.append((f"pooled, question 2 at within r {r:.2f}", float(np.mean(pooled))))
    print(f"SAF German unseen questions ({unseen.sum()} answers), Pearson r with the human grades")
    for label, value in report:
        print(f"  {label:<50} {value:.3f}")


if __name__ == "__main__":
    main()
