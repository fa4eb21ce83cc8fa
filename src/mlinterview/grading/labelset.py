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
#: What an answer is, for the per-kind report (optional ``kind:`` of a labelled answer).
#: The last three are where a grader that matches words instead of claims fails.
KINDS = ("strong", "partial", "misconception", "keyword-list", "evasive", "negated")
#: An expert's score of an answer, 0 (worthless) to 10 (what a senior interviewer hopes for).
EXPERT_SCALE = 10.0


@dataclass(frozen=True)
class LabelledAnswer:
    card_id: str
    answer_id: str
    lang: str
    text: str
    points: dict[str, str]  # key point id -> covered | partly | missing
    misconceptions: frozenset[str]
    kind: str | None = None  # one of KINDS, where labelled
    expert_score: float | None = None  # 0-10, where labelled


def labelled_dir() -> Path:
    return Path(str(resources.files("mlinterview.grading").joinpath("labelled")))


def breadth_dir() -> Path:
    """Labelled answers of the cards added after the article (3 per language each).

    They sit apart so the article cards' calibration/test split stays as it was fitted, and
    detection on the new vocabulary is reported on its own.
    """
    return labelled_dir() / "breadth"


def kinds_dir() -> Path:
    """Dev answers of the hard kinds (keyword lists, evasive, negated, misconception) to cards
    outside the held-out set; the claim rules are designed on them (see its README)."""
    return labelled_dir() / "kinds"


def writers_dir() -> Path:
    """Dev answers of all six kinds by three writers blind to the rules: what the rules must
    learn to read beyond their authors' own phrasing (see its README)."""
    return labelled_dir() / "writers"


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
                    kind=None if item.get("kind") is None else str(item["kind"]),
                    expert_score=(
                        None if item.get("expert_score") is None else float(item["expert_score"])
                    ),
                )
            )
        out[card_id] = answers
    return out


def full_labels(answer: LabelledAnswer, card: Card) -> dict[str, str]:
    """Status for every key point of ``card`` (unlisted ones are missing)."""
    return {p.id: answer.points.get(p.id, "missing") for p in card.key_points}


def label_coverage(answer: LabelledAnswer, card: Card, partly: float = 0.5) -> float:
    """The labels' own weighted share of key points (covered 1, partly ``partly``), 0-1.

    A reference for the score: what a grader whose statuses agree with the labels exactly
    would score if it only weighed the points.
    """
    labels = full_labels(answer, card)
    value = {"covered": 1.0, "partly": partly, "missing": 0.0}
    total = sum(p.weight for p in card.key_points)
    return sum(p.weight * value[labels[p.id]] for p in card.key_points) / max(total, 1e-9)


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
            if a.kind is not None and a.kind not in KINDS:
                problems.append(f"{card_id}/{a.answer_id}: kind must be one of {', '.join(KINDS)}")
            if a.expert_score is not None and not 0 <= a.expert_score <= EXPERT_SCALE:
                problems.append(f"{card_id}/{a.answer_id}: expert_score must be 0-10")
    return problems


def is_calibration_card(card_id: str, ordered_ids: list[str]) -> bool:
    """Every other card (in sorted id order) is a calibration card; the rest are test cards."""
    return sorted(ordered_ids).index(card_id) % 2 == 0


@dataclass(frozen=True)
class Detection:
    """Key-point detection quality: a point counts as detected when covered or partly.

    ``covered_*`` count the grader's "covered" verdicts alone: how many of them the expert
    also calls covered (a buzzword or a denied point graded "covered" is a ``covered_fp``).
    """

    lang: str
    tp: int
    fp: int
    fn: int
    exact: int  # three-way status agreement
    total: int
    wrong_tp: int = 0
    wrong_fp: int = 0
    wrong_fn: int = 0
    covered_tp: int = 0
    covered_fp: int = 0

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

    @property
    def covered_precision(self) -> float:
        return self.covered_tp / max(1, self.covered_tp + self.covered_fp)


def measure(
    grade: Any, cards: dict[str, Card], answers: list[LabelledAnswer], lang: str
) -> Detection:
    """Compare ``grade(card, text, lang)`` (a GradeResult) with the labels of ``answers``."""
    mine = [a for a in answers if a.lang == lang]
    graded = [(a, grade(cards[a.card_id], a.text, a.lang)) for a in mine]
    return tally(graded, cards, lang)


def tally(graded: list[tuple[LabelledAnswer, Any]], cards: dict[str, Card], lang: str) -> Detection:
    """Detection over answers already graded: ``(answer, GradeResult)`` pairs in ``lang``."""
    tp = fp = fn = exact = total = wtp = wfp = wfn = ctp = cfp = 0
    for answer, result in graded:
        if answer.lang != lang:
            continue
        labels = full_labels(answer, cards[answer.card_id])
        for point in result.key_points:
            truth = labels[point.id]
            found = point.status != "missing"
            present = truth != "missing"
            tp += found and present
            fp += found and not present
            fn += present and not found
            exact += point.status == truth
            total += 1
            if point.status == "covered":
                ctp += truth == "covered"
                cfp += truth != "covered"
        flagged = {m.id for m in result.misconceptions}
        wtp += len(flagged & answer.misconceptions)
        wfp += len(flagged - answer.misconceptions)
        wfn += len(answer.misconceptions - flagged)
    return Detection(lang, tp, fp, fn, exact, total, wtp, wfp, wfn, ctp, cfp)


def _ranks(values: list[float]) -> list[float]:
    """Ranks from 1, ties sharing their average rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for i in order[start : end + 1]:
            ranks[i] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman rank correlation (Pearson r of the tie-averaged ranks); 0 when undefined."""
    if len(xs) != len(ys):
        raise ValueError("spearman needs two lists of the same length")
    if len(xs) < 2:
        return 0.0
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    if vx == 0 or vy == 0:
        return 0.0
    return float(cov / (vx * vy) ** 0.5)
