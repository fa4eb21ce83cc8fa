"""Key-point and misconception detection on the hand-labelled answers, per language.

Prints precision and recall of "point present" (covered or partly), the three-way status
agreement, and misconception precision/recall, separately for the calibration cards (the
rule was fitted on them) and the test cards (never seen by the fit); then the same answers
graded as questions without a rubric (the key points' texts only, no terms, no misconceptions).
The cards added after the article (``labelled/breadth``) are a group of their own: the rule
never saw them either.

Run:  .venv/bin/python benchmarks/grading_labelled.py [--backend use] [--only-new] [--cards a,b]
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from mlinterview.content.loader import bundled_bank
from mlinterview.grading.embedding import backend_name, get_embedder
from mlinterview.grading.engine import grade_card
from mlinterview.grading.labelset import (
    breadth_dir,
    is_calibration_card,
    load_labelled,
    measure,
)

# Answers to new cards written by someone who never saw the cards' match terms; nothing is
# ever tuned on them (see its README), so they measure what the authors' own labels cannot.
HOLDOUT_DIR = Path(__file__).resolve().parent / "grading_holdout"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default=None, help="e5, use or none (default: configured)")
    parser.add_argument("--only-new", action="store_true", help="only the breadth cards")
    parser.add_argument("--cards", default="", help="comma-separated card ids to restrict to")
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="only benchmarks/grading_holdout: answers written blind to the match terms",
    )
    args = parser.parse_args()
    backend = (args.backend or backend_name()).lower()
    used = {lang: get_embedder(backend_name(backend, lang, rubric=True)) for lang in ("en", "de")}
    print(
        f"backend {backend}: "
        + ", ".join(f"{lang} answers {e.name if e else 'lexical'}" for lang, e in used.items())
    )
    cards = bundled_bank().cards
    labelled = load_labelled()
    ids = list(labelled)
    grade = partial(grade_card, backend=backend, use_llm=False)
    breadth = load_labelled(breadth_dir())
    groups = {
        "calibration cards": [a for c in ids if is_calibration_card(c, ids) for a in labelled[c]],
        "test cards": [a for c in ids if not is_calibration_card(c, ids) for a in labelled[c]],
        "new cards": [a for answers in breadth.values() for a in answers],
    }
    if args.only_new:
        groups = {"new cards": groups["new cards"]}
    if args.holdout:
        holdout = load_labelled(HOLDOUT_DIR)
        new_ids = set(breadth)
        groups = {
            "held-out, new cards": [a for c, v in holdout.items() if c in new_ids for a in v],
            "held-out, article cards": [
                a for c, v in holdout.items() if c not in new_ids for a in v
            ],
        }
    wanted = {c for c in args.cards.split(",") if c}
    if wanted:
        groups = {k: [a for a in v if a.card_id in wanted] for k, v in groups.items()}
    print(
        f"{'cards':29} {'lang':4} {'points':>6} {'P':>6} {'R':>6} {'3-way':>6}"
        f" {'misc. P':>8} {'misc. R':>8}"
    )
    without = partial(grade_card, backend=backend, use_llm=False, without_rubric=True)
    runs = [(name, grade, answers) for name, answers in groups.items()]
    runs += [(f"{name}, no rubric", without, answers) for name, answers in groups.items()]
    for name, grader, answers in runs:
        for lang in ("en", "de"):
            m = measure(grader, cards, answers, lang)
            print(
                f"{name:29} {lang:4} {m.total:6d} {m.precision:6.3f} {m.recall:6.3f}"
                f" {m.agreement:6.3f} {m.wrong_precision:8.3f} {m.wrong_recall:8.3f}"
            )


if __name__ == "__main__":
    main()
