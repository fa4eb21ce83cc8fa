"""Numbers the grader decides on: per key point, per misconception and for the whole answer.

The same functions feed the engine and the calibration script, so what is fitted is exactly
what runs. Embeddings are optional: without a backend the semantic features are zero and the
lexical-only calibration applies.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mlinterview.grading import lexical as lx
from mlinterview.grading import text as tx
from mlinterview.grading.embedding import CachedEmbedder
from mlinterview.grading.rubric import Rubric

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

POINT_FEATURES = ("sem", "sem_ctx", "term", "nterms", "ov_best", "ov_all")
WRONG_FEATURES = ("term", "sem", "sem_margin", "ov_best")
HOLISTIC_FEATURES = ("cos", "cov", "prec", "lrec", "lprec", "len", "lenratio", "empty")
#: Per key point of a question without a rubric: best embedding match over the answer's
#: sentences and list items, share of the point's lemmas, share of its character 4-grams,
#: and how closely the point itself resembles the question.
ELEMENT_FEATURES = ("unit_sem", "lemma_rec", "char_rec", "question_sem")


@dataclass
class AnswerView:
    """An answer prepared once: sentences with keys, and their embeddings."""

    text: str
    analysed: lx.Analysed
    sentence_vectors: NDArray[np.float32] | None
    full_vector: NDArray[np.float32] | None
    item_vectors: NDArray[np.float32] | None = None

    @property
    def sentences(self) -> tuple[lx.Sentence, ...]:
        return self.analysed.sentences


def view_answer(
    text: str,
    lang: str,
    embedder: CachedEmbedder | None,
    *,
    items: bool = False,
    lines: bool = False,
) -> AnswerView:
    """``items``: also embed the list items of each sentence (for :func:`element_signals`).
    ``lines``: short lines are sentences of their own (the card path: a list typed one term
    per line is a list, not one run-on sentence)."""
    analysed = lx.analyse(text, lang, lines=lines)
    sentences = [s.text for s in analysed.sentences]
    if embedder is None or not sentences:
        return AnswerView(text, analysed, None, None)
    full = " ".join(sentences)
    parts = _answer_items(sentences) if items else []
    batch = sentences if len(sentences) == 1 else [*sentences, full]
    vectors = embedder.inner.embed([*batch, *parts])  # answers seldom repeat: no cache
    n = len(batch)
    return AnswerView(
        text,
        analysed,
        vectors[: len(sentences)],
        vectors[n - 1],
        vectors[n:] if parts else None,
    )


def _answer_items(sentences: Sequence[str]) -> list[str]:
    """List items that differ from their sentence (a one-item sentence adds nothing)."""
    out: list[str] = []
    for sentence in sentences:
        found = tx.split_items(sentence)
        if len(found) > 1:
            out.extend(item for item in found if item not in out)
    return out[: tx.MAX_SENTENCES]


@dataclass(frozen=True)
class PointSignals:
    values: dict[str, float]
    evidence: int | None  # index of the best sentence, None if the answer is empty


def _statement_vectors(
    texts: Sequence[str], embedder: CachedEmbedder | None
) -> NDArray[np.float32] | None:
    if embedder is None or not texts:
        return None
    return embedder.embed(list(texts))


def point_signals(
    view: AnswerView,
    rubric: Rubric,
    embedder: CachedEmbedder | None,
    skip: frozenset[int] = frozenset(),
) -> list[PointSignals]:
    """Features of every key point of ``rubric`` against the answer.

    Sentences in ``skip`` (those that state a misconception) earn no credit: "scaling does
    not matter for kNN" must not count as covering "features must be scaled".
    """
    lang = rubric.lang
    keep = [j for j in range(len(view.sentences)) if j not in skip]
    if not keep:
        return [PointSignals(dict.fromkeys(POINT_FEATURES, 0.0), None) for _ in rubric.points]
    sentences = [view.sentences[j] for j in keep]
    vectors = _statement_vectors([p.text for p in rubric.points], embedder)
    sims = None
    if vectors is not None and view.sentence_vectors is not None:
        sims = vectors @ view.sentence_vectors[keep].T  # points x kept sentences
    answer_keys: frozenset[str] = frozenset().union(*(s.content for s in sentences))
    sem_best = [
        float(sims[i].max()) if sims is not None else 0.0 for i in range(len(rubric.points))
    ]
    centre = _median(sem_best)
    question = lx.analyse_statement(rubric.question, lang).content
    out = []
    for i, point in enumerate(rubric.points):
        statement = lx.analyse_statement(point.text, lang)
        overlaps = [lx.overlap(statement, s.content, question) for s in sentences]
        term_best, term_idx, n_terms = 0.0, None, 0
        for term in point.terms:
            t = lx.analyse_statement(term, lang)
            scores = [lx.term_match(t, s) for s in sentences]
            j = max(range(len(scores)), key=scores.__getitem__)
            if scores[j] >= 0.9:
                n_terms += 1
            if scores[j] > term_best:
                term_best, term_idx = scores[j], j
        if sims is not None:
            sem_idx = int(sims[i].argmax())
        else:
            sem_idx = max(range(len(overlaps)), key=overlaps.__getitem__)
        evidence = term_idx if term_best >= 0.9 and term_idx is not None else sem_idx
        values = {
            "sem": sem_best[i],
            "sem_ctx": sem_best[i] - centre,
            "term": term_best,
            "nterms": min(n_terms, 3) / 3.0,
            "ov_best": max(overlaps),
            "ov_all": lx.overlap(statement, answer_keys, question),
        }
        out.append(PointSignals(values, keep[evidence]))
    return out


def wrong_signals(
    view: AnswerView, rubric: Rubric, embedder: CachedEmbedder | None
) -> list[PointSignals]:
    """Features of every misconception; polarity must agree with the claim to count."""
    lang = rubric.lang
    sentences = view.sentences
    if not sentences or not rubric.wrongs:
        return [PointSignals(dict.fromkeys(WRONG_FEATURES, 0.0), None) for _ in rubric.wrongs]
    claims = _statement_vectors([w.claim for w in rubric.wrongs], embedder)
    fixes = _statement_vectors([w.correction for w in rubric.wrongs], embedder)
    out = []
    for i, wrong in enumerate(rubric.wrongs):
        claim = lx.analyse_statement(wrong.claim, lang)
        best: dict[str, float] = dict.fromkeys(WRONG_FEATURES, 0.0)
        best_idx: int | None = None
        best_key = -1.0
        for j, sentence in enumerate(sentences):
            term_score = 0.0
            for term in wrong.terms:
                t = lx.analyse_statement(term, lang)
                score, start, end = lx.locate_term(t, sentence)
                # "does not prevent" against the claim "prevents": polarity must agree, near
                # the match when it has a position, else across the sentence
                if score >= 0.7:
                    negated = lx.negated_near(sentence, start, end, lang)
                else:
                    negated = sentence.negated
                if negated != t.negated:
                    score = 0.0
                term_score = max(term_score, score)
            sem = margin = 0.0
            if claims is not None and fixes is not None and view.sentence_vectors is not None:
                vec = view.sentence_vectors[j]
                sem = float(claims[i] @ vec)
                margin = sem - float(fixes[i] @ vec)
                if sentence.negated != claim.negated:
                    sem, margin = sem - 0.2, margin - 0.2
            ov = lx.overlap(claim, sentence.content)
            if sentence.negated != claim.negated:
                ov *= 0.5
            key = max(term_score, sem + margin, ov)
            if key > best_key:
                best_key = key
                best_idx = j
                best = {"term": term_score, "sem": sem, "sem_margin": margin, "ov_best": ov}
        out.append(PointSignals(best, best_idx))
    return out


def element_signals(
    view: AnswerView, rubric: Rubric, embedder: CachedEmbedder | None
) -> list[dict[str, float]]:
    """:data:`ELEMENT_FEATURES` of every key point of a rubric built from a reference.

    Whole-sentence similarity misses short list answers ("Begrüßung, Verabschiedung,
    Kundenkarte"), so each point also meets every list item of the answer, and German
    compounds are met by character n-grams where lemmas differ. A point that restates the
    question is matched by any answer that restates the question, so the point's similarity
    to the question is a feature too and the fit decides what such a match is worth (in
    English less; in SAF German, whose questions name what they ask for, more).
    """
    lang = rubric.lang
    if not view.sentences:
        return [dict.fromkeys(ELEMENT_FEATURES, 0.0) for _ in rubric.points]
    sims = question_sims = None
    if embedder is not None and view.sentence_vectors is not None and rubric.points:
        units = [view.sentence_vectors]
        if view.full_vector is not None:
            units.append(view.full_vector[None, :])
        if view.item_vectors is not None:
            units.append(view.item_vectors)
        import numpy as np

        texts, owners = _point_texts(rubric)
        vectors = embedder.embed(texts)
        owner_of = np.array(owners)
        best = (vectors @ np.vstack(units).T).max(axis=1)
        sims = [float(best[owner_of == i].max()) for i in range(len(rubric.points))]
        to_question = vectors @ embedder.embed([rubric.question])[0]
        question_sims = [float(to_question[owner_of == i].max()) for i in range(len(rubric.points))]
    question = lx.analyse_statement(rubric.question, lang).content
    answer_keys = view.analysed.content
    answer_grams = tx.char_grams(view.text)
    out = []
    for i, point in enumerate(rubric.points):
        statement = lx.analyse_statement(point.text, lang)
        content = statement.content - question
        content_words = [
            w for w, k in zip(statement.words, statement.keys, strict=True) if k in content
        ]
        grams = tx.char_grams(" ".join(content_words))
        out.append(
            {
                "unit_sem": sims[i] if sims is not None else 0.0,
                "lemma_rec": lx.overlap(statement, answer_keys, question),
                "char_rec": len(grams & answer_grams) / len(grams) if grams else 0.0,
                "question_sem": question_sims[i] if question_sims is not None else 0.0,
            }
        )
    return out


def _point_texts(rubric: Rubric) -> tuple[list[str], list[int]]:
    """The items of each point (a list-like point is met item by item); with their point.

    The whole phrase is left out on purpose: its lead-in ("Menschliche Komponenten
    beinhalten z.B. die Begrüßung") resembles any answer to the question.
    """
    texts: list[str] = []
    owners: list[int] = []
    for i, point in enumerate(rubric.points):
        for text in tx.split_items(point.text) or [point.text]:
            texts.append(text)
            owners.append(i)
    return texts, owners


def holistic_features(
    view: AnswerView,
    rubric: Rubric,
    signals: list[PointSignals],
    embedder: CachedEmbedder | None,
) -> dict[str, float]:
    """Whole-answer features against the reference (used for scores without a rubric)."""
    lang = rubric.lang
    if not view.sentences:
        return {**dict.fromkeys(HOLISTIC_FEATURES, 0.0), "empty": 1.0}
    ref = lx.analyse(rubric.reference, lang)
    question = lx.analyse(rubric.question, lang).content
    answer_keys = view.analysed.content
    ref_keys = ref.content - question
    answer_new = answer_keys - question
    common = answer_keys & ref_keys
    cos = cov = prec = 0.0
    if embedder is not None and view.full_vector is not None and rubric.points:
        ref_vec = embedder.embed([" ".join(rubric.reference.split())])[0]
        cos = float(ref_vec @ view.full_vector)
        weights = [p.weight for p in rubric.points]
        cov = sum(w * s.values["sem"] for w, s in zip(weights, signals, strict=True)) / sum(weights)
        points = embedder.embed([p.text for p in rubric.points])
        if view.sentence_vectors is not None:
            prec = float((points @ view.sentence_vectors.T).max(axis=0).mean())
    n_answer = view.analysed.n_words
    return {
        "cos": cos,
        "cov": cov,
        "prec": prec,
        "lrec": len(common) / max(1, len(ref_keys)),
        "lprec": len(answer_new & ref.content) / max(1, len(answer_new)),
        "len": math.log1p(n_answer),
        "lenratio": min(1.0, n_answer / max(1, ref.n_words)),
        "empty": 0.0,
    }


def _median(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
