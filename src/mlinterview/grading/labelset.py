"""The hand-labelled answers in ``grading/labelled/``: loading, checking and the split.

Half the cards are *calibration* cards: the key-point decision rule is fitted on their
answers only (``benchmarks/fit_grading_calibration.py``). The other half are *test* cards,
never used for fitting, so the precision and recall measured on them are honest.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mlinterview.content.schema import Card

STATUSES = ("covered", "partly", "missing")


@dataclass(frozen=True)
class LabelledAnswer:
    card_id: str
    answer_id: str
    lang: str
    text: str
    points: dict[str, str]  # key point id -> covered | partly | missing
    misconceptions: frozenset[str]


def labelled_dir() -> Path:
    return Path(str(resources.files("mlinterview.grading").joinpath("labelled")))


def breadth_dir() -> Path:
    """Labelled answers of the cards added after the article (3 per language each).

    They sit apart so the article cards' calibration/test split stays as it was fitted, and
    detection on the new vocabulary is reported on its own.
    """
    return labelled_dir() / "breadth"


def load_labelled(directory: Path | None = None) -> dict[str, list[LabelledAnswer]]:
    """All labelled answers by card id (labels for unlisted key points are "missing" later)."""
    out: dict[str, list[LabelledAnswer]] = {}
    for path in sorted((directory or labelled_dir()).glob("*.yaml")):
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        card_id = str(raw["card"])
        answers = []
        for item in raw["answers"]:
            points = {pid: "covered" for pid in item.get("covered") or []}
            points.update({pid: "partly" for pid in item.get("partly") or []})
            answers.append(
                LabelledAnswer(
                    card_id=card_id,
                    answer_id=str(item["id"]),
                    lang=str(item["lang"]),
                    text=str(item["text"]),
                    points=points,
                    misconceptions=frozenset(item.get("misconceptions") or []),
                )
            )
        out[card_id] = answers
    return out


def full_labels(answer: LabelledAnswer, card: Card) -> dict[str, str]:
    """Status for every key point of ``card`` (unlisted ones are missing)."""
    return {p.id: answer.points.get(p.id, "missing") for p in card.key_points}


def check_against(cards: dict[str, Card], labelled: dict[str, list[LabelledAnswer]]) -> list[str]:
    """Problems such as unknown card, key point or misconception ids (one line each)."""
    problems = []
    for card_id, answers in labelled.items():
        card = cards.get(card_id)
        if card is None:
            problems.append(f"{card_id}: no such card in the bank")
            continue
        point_ids = {p.id for p in card.key_points}
        mc_ids = {m.id for m in card.misconceptions}
        for a in answers:
            for pid in a.points:
                if pid not in point_ids:
                    problems.append(f"{card_id}/{a.answer_id}: unknown key point {pid!r}")
            for mid in a.misconceptions:
                if mid not in mc_ids:
                    problems.append(f"{card_id}/{a.answer_id}: unknown misconception {mid!r}")
            if a.lang not in ("en", "de"):
                problems.append(f"{card_id}/{a.answer_id}: lang must be en or de")
    return problems


def is_calibration_card(card_id: str, ordered_ids: list[str]) -> bool:
    """Every other card (in sorted id order) is a calibration card; the rest are test cards."""
    return sorted(ordered_ids).index(card_id) % 2 == 0


@dataclass(frozen=True)
class Detection:
    """Key-point detection quality: a point counts as detected when covered or partly."""

    lang: str
    tp: int
    fp: int
    fn: int
    exact: int  # three-way status agreement
    total: int
    wrong_tp: int = 0
    wrong_fp: int = 0
    wrong_fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / max(1, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self.tp / max(1, self.tp + self.fn)

    @property
    def agreement(self) -> float:
        return self.exact / max(1, self.total)

    @property
    def wrong_precision(self) -> float:
        return self.wrong_tp / max(1, self.wrong_tp + self.wrong_fp)

    @property
    def wrong_recall(self) -> float:
        return self.wrong_tp / max(1, self.wrong_tp + self.wrong_fn)


def measure(
    grade: Any, cards: dict[str, Card], answers: list[LabelledAnswer], lang: str
) -> Detection:
    """Compare ``grade(card, text, lang)`` (a GradeResult) with the labels of ``answers``."""
    tp = fp = fn = exact = total = wtp = wfp = wfn = 0
    for answer in answers:
        if answer.lang != lang:
            continue
        card = cards[answer.card_id]
        result = grade(card, answer.text, answer.lang)
        labels = full_labels(answer, card)
        for point in result.key_points:
            truth = labels[point.id]
            found = point.status != "missing"
            present = truth != "missing"
            tp += found and present
            fp += found and not present
            fn += present and not found
            exact += point.status == truth
            total += 1
        flagged = {m.id for m in result.misconceptions}
        wtp += len(flagged & answer.misconceptions)
        wfp += len(flagged - answer.misconceptions)
        wfn += len(answer.misconceptions - flagged)
    return Detection(lang, tp, fp, fn, exact, total, wtp, wfp, wfn)
