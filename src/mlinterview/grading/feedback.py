"""A short feedback text in the user's language, built only from the grading findings."""

from __future__ import annotations

from collections.abc import Sequence

from mlinterview.grading.result import KeyPointResult, MisconceptionResult
from mlinterview.translations import FEEDBACK as TEXT

_MAX_ITEM = 90


def _short(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= _MAX_ITEM else text[: _MAX_ITEM - 1].rstrip() + "…"


def _join(points: Sequence[KeyPointResult]) -> str:
    return "; ".join(_short(p.text) for p in points)


def build_feedback(
    lang: str,
    score: float,
    points: Sequence[KeyPointResult],
    wrongs: Sequence[MisconceptionResult],
    *,
    empty: bool,
    answer_lang: str | None,
    truncated: bool,
    predicted: bool = False,
    listed: bool = False,
) -> str:
    """``predicted``: the score is a model of human grades (a question without a rubric), not
    the share of key points, so the text says so instead of implying one follows the other.
    ``listed``: the answer is mostly a bare list of terms and its score was capped."""
    t = TEXT["de" if lang == "de" else "en"]
    if empty:
        return str(t["empty"])
    covered = [p for p in points if p.status == "covered"]
    partly = [p for p in points if p.status == "partly"]
    missing = sorted((p for p in points if p.status == "missing"), key=lambda p: -p.weight)
    lines = [
        str(t["score_predicted" if predicted else "score"]).format(
            score=score, covered=len(covered), total=len(points), partly=len(partly)
        )
    ]
    if not covered and not partly and not wrongs:
        lines.append(str(t["nothing"]))
    if listed:
        lines.append(str(t["listed"]))
    if partly:
        lines.append(str(t["partly"]).format(items=_join(partly)))
    weak = [p for p in points if p.weak]
    if weak:
        lines.append(str(t["weak"]).format(items=_join(weak)))
    if missing:
        lines.append(str(t["missing"]).format(items=_join(missing[:3])))
    for wrong in wrongs:
        lines.append(
            str(t["wrong"]).format(evidence=_short(wrong.evidence), correction=wrong.correction)
        )
    if answer_lang is not None and answer_lang != lang:
        names = t["langs"]
        assert isinstance(names, dict)
        lines.append(str(t["other_lang"]).format(answer_lang=names[answer_lang]))
    if truncated:
        lines.append(str(t["truncated"]))
    return "\n".join(lines)
