"""Grade a free-text answer: key points covered / partly / missing, misconceptions, score.

Two entry points, used by practice sessions, the CLI and the web app:

* :func:`grade_card` measures an answer against a bank card's rubric.
* :func:`grade_free` measures it against a bare reference answer (its sentences act as key
  points; the score comes from a model calibrated on human-graded benchmark answers).

The answer may be German or English whatever the user's language: it is compared with the
rubric in its own language, and the feedback is written in the user's language. Everything
runs offline; an LLM endpoint, when configured, may replace the key-point judgement.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from mlinterview.content.schema import Card
from mlinterview.grading import claims as cl
from mlinterview.grading import features as ft
from mlinterview.grading import lexical as lx
from mlinterview.grading import text as tx
from mlinterview.grading.calibration import (
    CALIBRATION_FILE,
    BackendCalibration,
    WrongRule,
    calibration_for,
)
from mlinterview.grading.embedding import CachedEmbedder, backend_name, get_embedder
from mlinterview.grading.feedback import build_feedback
from mlinterview.grading.llm import Judgement, LLMConfig, judge
from mlinterview.grading.result import GradeResult, KeyPointResult, MisconceptionResult, Status
from mlinterview.grading.rubric import Point, Rubric, as_free, card_rubric, reference_rubric

#: Score lost per misconception stated (cards only), at most three times.
MISCONCEPTION_PENALTY = 0.1
LEXICAL = "lexical"
#: An answer whose words stand mostly in bare lists of terms explains nothing: its score is
#: capped at a third.
LIST_ANSWER = 0.5
#: From this share of words in bare lists, a point found only in such a list is at most partly.
LIST_POINTS = 0.4
LIST_SCORE_CAP = 1 / 3

__all__ = [
    "GradeResult",
    "KeyPointResult",
    "MisconceptionResult",
    "engine_version",
    "grade_card",
    "grade_free",
]


@lru_cache(maxsize=1)
def engine_version() -> str:
    """Package version, a digest of the fitted calibration and the claim rules' version:
    "0.1.0+cal.1a2b3c4d+claims.1". Two results with the same string were graded alike."""
    from mlinterview import __version__

    data = resources.files("mlinterview.grading").joinpath(CALIBRATION_FILE).read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:8]
    return f"{__version__}+cal.{digest}+claims.{cl.CLAIMS_VERSION}"


@dataclass(frozen=True)
class _Display:
    """Texts shown to the user (in the user's language where the rubric has them)."""

    points: tuple[str, ...]
    claims: tuple[str, ...]
    corrections: tuple[str, ...]


def _lang(value: str) -> str:
    return "de" if str(value).lower().startswith("de") else "en"


def grade_card(
    card: Card,
    answer: str,
    lang: str,
    *,
    backend: str | None = None,
    use_llm: bool | None = None,
    without_rubric: bool = False,
) -> GradeResult:
    """Grade ``answer`` against ``card``'s key points and misconceptions.

    ``lang`` is the user's language (feedback and shown texts); the answer itself may be in
    either language. ``backend`` overrides the embedding backend (``e5``, ``use``, ``none``);
    ``use_llm`` forces the optional LLM judge on or off (default: on when configured).
    ``without_rubric``: only the key points' texts, as a question without a rubric has them
    (no terms, no misconceptions, the free score) -- how that path is measured on labels.
    """
    user_lang = _lang(lang)
    cleaned = tx.clean(answer)
    detected = tx.detect_language(cleaned)
    answer_lang = detected or user_lang
    rubric = card_rubric(card, answer_lang)
    if without_rubric:
        rubric = as_free(rubric)
    wrongs = () if without_rubric else card.misconceptions
    display = _Display(
        points=tuple(p.text(user_lang) for p in card.key_points),
        claims=tuple(m.claim.get(user_lang) for m in wrongs),
        corrections=tuple(m.correction.get(user_lang) for m in wrongs),
    )
    return _grade(
        answer, cleaned, detected, answer_lang, user_lang, rubric, display, backend, use_llm
    )


def grade_free(
    question: str,
    reference_answer: str,
    answer: str,
    lang: str,
    *,
    backend: str | None = None,
    use_llm: bool | None = None,
) -> GradeResult:
    """Grade ``answer`` to ``question`` against a reference answer that has no rubric."""
    user_lang = _lang(lang)
    cleaned = tx.clean(answer)
    detected = tx.detect_language(cleaned)
    answer_lang = detected or user_lang
    ref_lang = tx.detect_language(tx.clean(reference_answer)) or user_lang
    rubric = reference_rubric(question, reference_answer, ref_lang)
    display = _Display(tuple(p.text for p in rubric.points), (), ())
    return _grade(
        answer, cleaned, detected, answer_lang, user_lang, rubric, display, backend, use_llm
    )


def _grade(
    raw: str,
    cleaned: str,
    detected: str | None,
    answer_lang: str,
    user_lang: str,
    rubric: Rubric,
    display: _Display,
    backend: str | None,
    use_llm: bool | None,
) -> GradeResult:
    embedder = get_embedder(backend_name(backend, answer_lang, rubric=rubric.from_card))
    backend_label = embedder.name if embedder is not None else LEXICAL
    try:
        calibration = calibration_for(backend_label)
    except KeyError:  # a backend nobody calibrated: grade on lexical evidence alone
        embedder, backend_label = None, LEXICAL
        calibration = calibration_for(LEXICAL)
    truncated = len(raw) > tx.MAX_CHARS
    view = ft.view_answer(
        cleaned, answer_lang, embedder, items=not rubric.from_card, lines=rubric.from_card
    )
    empty = not view.sentences

    wrongs, stated = _offline_wrongs(view, rubric, display, embedder, calibration)
    points, whole, elements = _offline_points(view, rubric, display, embedder, calibration, stated)
    label = backend_label

    config = LLMConfig.from_env() if use_llm is not False else None
    if config is not None and not empty:
        verdict = judge(config, rubric, cleaned)
        if verdict is not None:
            points, wrongs = _apply_verdict(verdict, points, rubric, display)
            label = f"{config.name}+{backend_label}"

    predicted = not empty and not rubric.from_card and label == backend_label
    listed = (
        not empty and rubric.from_card and cl.list_share(view.sentences, answer_lang) >= LIST_ANSWER
    )
    if empty:
        score = 0.0
    elif not predicted:
        score = _rubric_score(points, wrongs if rubric.from_card else ())
        if listed:
            score = min(score, LIST_SCORE_CAP)
    else:
        score = calibration.free_score(rubric.lang).predict(
            elements, [p.weight for p in rubric.points], whole
        )
    feedback = build_feedback(
        user_lang,
        score,
        points,
        wrongs,
        empty=empty,
        answer_lang=detected,
        truncated=truncated,
        predicted=predicted,
        listed=listed,
    )
    return GradeResult(
        score=round(score, 4),
        feedback=feedback,
        key_points=points,
        misconceptions=wrongs,
        language_detected=detected,
        backend=label,
        truncated=truncated,
        engine=engine_version(),
    )


def _status_features(
    signals: list[ft.PointSignals], elements: list[dict[str, float]]
) -> list[dict[str, float]]:
    """What the status rule reads per point; calibration calls this too, so both see the same.

    Cards: the sentence signals. Without a rubric (``elements`` given): those plus the element
    signals the free score is built from.
    """
    if not elements:
        return [s.values for s in signals]
    return [{**s.values, **e} for s, e in zip(signals, elements, strict=True)]


def _offline_points(
    view: ft.AnswerView,
    rubric: Rubric,
    display: _Display,
    embedder: CachedEmbedder | None,
    calibration: BackendCalibration,
    stated: frozenset[int],
) -> tuple[tuple[KeyPointResult, ...], dict[str, float], list[dict[str, float]]]:
    """Statuses of the key points, and the features a free question's score needs.

    Without a rubric, a point's status also weighs the signals its score is built from (list
    items, character n-grams, the point's likeness to the question), so the two agree.
    """
    signals = ft.point_signals(view, rubric, embedder, stated)
    rule = calibration.point_card if rubric.from_card else calibration.point_free
    elements = [] if rubric.from_card else ft.element_signals(view, rubric, embedder)
    rule_inputs = _status_features(signals, elements)
    listed = _listed(view, rubric.lang)
    # a card's points are not met by its question's words alone; a reference's points are
    # often the question restated (SAF), and its fitted rule already weighs that
    question = lx.analyse_statement(rubric.question, rubric.lang) if rubric.from_card else None
    results = []
    for point, shown, signal, values in zip(
        rubric.points, display.points, signals, rule_inputs, strict=True
    ):
        status: Status = "missing"
        confidence = 0.0
        evidence_at = signal.evidence
        if signal.evidence is not None:
            decided, confidence = rule.status(values)
            status = (
                "covered"
                if decided == "covered"
                else "partly"
                if decided == "partly"
                else "missing"
            )
        if status != "missing" and evidence_at is not None:
            status, evidence_at = _as_stated(
                view, point, rubric.lang, status, evidence_at, stated, listed, question
            )
        evidence = (
            view.sentences[evidence_at].text
            if status != "missing" and evidence_at is not None
            else None
        )
        results.append(
            KeyPointResult(
                id=point.id,
                text=shown,
                status=status,
                evidence=evidence,
                similarity=round(float(signal.values["sem"]), 4),
                weight=point.weight,
                confidence=round(confidence, 4) if status != "missing" else 0.0,
            )
        )
    holistic = ft.holistic_features(view, rubric, signals, embedder) if not rubric.from_card else {}
    return tuple(results), holistic, elements


def _listed(view: ft.AnswerView, lang: str) -> frozenset[int]:
    """The bare-list sentences of an answer made largely of such lists (else none: a short
    enumeration inside an explained answer, "Costs: compute, latency", is not buzzwords)."""
    bare = cl.bare_lists(view.sentences, lang)
    return bare if cl.share_of_words(view.sentences, bare) >= LIST_POINTS else frozenset()


def _as_stated(
    view: ft.AnswerView,
    point: Point,
    lang: str,
    status: Status,
    at: int,
    skip: frozenset[int],
    bare: frozenset[int],
    question: lx.Sentence | None,
) -> tuple[Status, int]:
    """The status once claims are read: a denied or reversed point is missing, and so is one
    met only with the question's own words; one found only in a bare list of terms is at most
    partly. Another sentence that states the point (by
    one of its terms) may stand in for a best match that denies it."""
    sentences = view.sentences

    def new(j: int) -> bool:
        # a term named in a bare list is already at most partly, whether the question gave it
        return (
            question is None
            or j in bare
            or cl.adds_to_question(sentences[j], point.text, point.terms, question, lang)
        )

    def states(j: int) -> bool:
        found = cl.point_stated(sentences[j], point.text, point.terms, lang)
        stated = cl.loosely_stated(sentences[j], point.text, lang) if found is None else found
        return stated and new(j)

    if not states(at):
        others = [
            j
            for j in range(len(sentences))
            if j != at
            and j not in skip
            and cl.point_stated(sentences[j], point.text, point.terms, lang) is True
            and new(j)
        ]
        if not others:
            return "missing", at
        at = min(others, key=lambda j: j in bare)
    if status == "covered" and at in bare:
        return "partly", at
    return status, at


def _offline_wrongs(
    view: ft.AnswerView,
    rubric: Rubric,
    display: _Display,
    embedder: CachedEmbedder | None,
    calibration: BackendCalibration,
) -> tuple[tuple[MisconceptionResult, ...], frozenset[int]]:
    """Misconceptions found, and the indices of the sentences that state them."""
    if not rubric.wrongs:
        return (), frozenset()
    found = []
    stated: set[int] = set()
    signals = ft.wrong_signals(view, rubric, embedder)
    question = lx.analyse_statement(rubric.question, rubric.lang)
    for i, (wrong, signal) in enumerate(zip(rubric.wrongs, signals, strict=True)):
        if signal.evidence is None or not calibration.wrong.flagged(signal.values):
            continue
        at = signal.evidence
        following = view.sentences[at + 1] if at + 1 < len(view.sentences) else None
        if not cl.misconception_stated(
            view.sentences[at], wrong.claim, wrong.terms, question, rubric.lang, following
        ):
            continue
        stated.add(signal.evidence)
        found.append(
            MisconceptionResult(
                id=wrong.id,
                claim=display.claims[i] if display.claims else wrong.claim,
                evidence=view.sentences[signal.evidence].text,
                correction=display.corrections[i] if display.corrections else wrong.correction,
            )
        )
    return tuple(found), frozenset(stated)


def _apply_verdict(
    verdict: Judgement,
    points: tuple[KeyPointResult, ...],
    rubric: Rubric,
    display: _Display,
) -> tuple[tuple[KeyPointResult, ...], tuple[MisconceptionResult, ...]]:
    """The judge's statuses on our points; shown texts stay the rubric's own."""
    by_id = {v.id: v for v in verdict.key_points}
    new_points = []
    for p in points:
        v = by_id[p.id]
        evidence = (v.evidence or p.evidence) if v.status != "missing" else None
        # the judge gives no probability: keep ours, or an even chance where we found nothing
        sure = (p.confidence or 0.5) if v.status != "missing" else 0.0
        new_points.append(
            KeyPointResult(p.id, p.text, v.status, evidence, p.similarity, p.weight, sure)
        )
    index = {w.id: i for i, w in enumerate(rubric.wrongs)}
    wrongs = []
    seen: set[str] = set()
    for w in verdict.misconceptions:
        if w.id in seen:
            continue
        seen.add(w.id)
        i = index[w.id]
        wrongs.append(
            MisconceptionResult(
                id=w.id,
                claim=display.claims[i] if display.claims else rubric.wrongs[i].claim,
                evidence=w.evidence,
                correction=display.corrections[i]
                if display.corrections
                else rubric.wrongs[i].correction,
            )
        )
    return tuple(new_points), tuple(wrongs)


def _rubric_score(
    points: tuple[KeyPointResult, ...], wrongs: tuple[MisconceptionResult, ...]
) -> float:
    total = sum(p.weight for p in points)
    if total <= 0:
        return 0.0
    got = sum(
        p.weight * (1.0 if p.status == "covered" else 0.5 if p.status == "partly" else 0.0)
        for p in points
    )
    penalty = MISCONCEPTION_PENALTY * min(3, len(wrongs))
    return max(0.0, min(1.0, got / total - penalty))


def card_feature_values(
    card: Card,
    answer: str,
    lang: str,
    embedder: CachedEmbedder | None,
    wrong_rule: WrongRule | None = None,
    *,
    free: bool = False,
) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Raw key-point and misconception features (for calibration; same path as grading).

    With ``wrong_rule``, sentences it flags as misconceptions are left out of the key-point
    features, exactly as in grading. ``free``: the card's key points as a question without a
    rubric would have them (no signal terms, no misconceptions), with the element features.
    """
    cleaned = tx.clean(answer)
    answer_lang = tx.detect_language(cleaned) or _lang(lang)
    rubric = card_rubric(card, answer_lang)
    if free:
        rubric = as_free(rubric)
        view = ft.view_answer(cleaned, answer_lang, embedder, items=True)
        signals = ft.point_signals(view, rubric, embedder)
        return _status_features(signals, ft.element_signals(view, rubric, embedder)), []
    view = ft.view_answer(cleaned, answer_lang, embedder, lines=True)
    wrong_signals = ft.wrong_signals(view, rubric, embedder)
    stated = frozenset(
        s.evidence
        for s in wrong_signals
        if wrong_rule is not None and s.evidence is not None and wrong_rule.flagged(s.values)
    )
    points = [s.values for s in ft.point_signals(view, rubric, embedder, stated)]
    return points, [s.values for s in wrong_signals]


def free_feature_values(
    question: str, reference_answer: str, answer: str, lang: str, embedder: CachedEmbedder | None
) -> dict[str, Any]:
    """Raw features of :func:`grade_free`'s score (for calibration).

    ``{"whole": {...}, "elements": [{...} per key point], "weights": [...], "lang": ...}``
    """
    cleaned = tx.clean(answer)
    answer_lang = tx.detect_language(cleaned) or _lang(lang)
    ref_lang = tx.detect_language(tx.clean(reference_answer)) or _lang(lang)
    rubric = reference_rubric(question, reference_answer, ref_lang)
    view = ft.view_answer(cleaned, answer_lang, embedder, items=True)
    signals = ft.point_signals(view, rubric, embedder)
    return {
        "whole": ft.holistic_features(view, rubric, signals, embedder),
        "elements": ft.element_signals(view, rubric, embedder),
        "weights": [p.weight for p in rubric.points],
        "lang": rubric.lang,
    }
