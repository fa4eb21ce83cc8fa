"""The shipped bank covers every article question, in both languages, with the article's
own errors corrected."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mlinterview.content.loader import bundled_bank, fold
from mlinterview.content.schema import LANGUAGES, Card

ARTICLE_QUESTIONS = {
    "semi-supervised-learning",
    "choosing-an-algorithm",
    "k-nearest-neighbours",
    "feature-importance",
    "overfitting",
    "supervised-vs-unsupervised",
    "confusion-matrix",
    "parametric-vs-nonparametric",
    "bias-variance-tradeoff",
    "feature-scaling",
    "low-bias-high-variance",
    "model-drift",
    "time-series-cross-validation",
    "cv-input-size",
    "cnn-small-data",
    "yolo-evolution",
    "syntactic-analysis",
    "stemming-vs-lemmatization",
    "llm-inference-speed",
    "context-window-long-inputs",
    "reducing-hallucinations",
    "rag-vs-fine-tuning",
    "rl-loop",
    "on-policy-vs-off-policy",
    "deep-q-learning",
    "roc-auc",
    "evaluating-generative-models",
    "dimensionality-reduction",
    "classification-threshold",
    "linear-regression-assumptions",
    "find-bigrams",
    "activation-functions",
    "restaurant-recommendations",
    "can-shift",
    "ensemble-learning",
}
FAQ_ITEMS = {
    "interview-stages",
    "amazon-interview-difficulty",
    "coding-interviews-for-ml-engineers",
    "ml-engineer-responsibilities",
    "interview-preparation",
}

# The source article's known errors (mission map): each card must state them as
# misconceptions flagged `article_error`, and the correction must mention the listed words.
ARTICLE_ERRORS: dict[str, list[tuple[str, ...]]] = {
    "semi-supervised-learning": [("cluster",)],
    "feature-importance": [("permutation",)],
    "feature-scaling": [("euclid",), ("outlier",)],
    "stemming-vs-lemmatization": [("lemma",)],
    "reducing-hallucinations": [("prompt",)],
    "on-policy-vs-off-policy": [("model",)],
    "deep-q-learning": [("state",)],
    "dimensionality-reduction": [("information",), ("qda",)],
    "find-bigrams": [("string",), ("lower",)],
    "activation-functions": [("relu",)],
}


def test_every_article_question_and_faq_item_has_a_card() -> None:
    bank = bundled_bank()
    ids = set(bank.cards)
    assert ids >= ARTICLE_QUESTIONS, sorted(ARTICLE_QUESTIONS - ids)
    assert ids >= FAQ_ITEMS, sorted(FAQ_ITEMS - ids)
    assert len(ARTICLE_QUESTIONS) == 35
    for card_id in ARTICLE_QUESTIONS | FAQ_ITEMS:
        assert bank.cards[card_id].source.value == "article", card_id


@pytest.mark.parametrize("card", list(bundled_bank()), ids=lambda c: c.id)
def test_card_is_complete_in_both_languages(card: Card) -> None:
    for lang in LANGUAGES:
        assert card.question.get(lang).strip()
        assert 120 <= card.answer_words(lang) <= 350, (lang, card.answer_words(lang))
        for point in card.key_points:
            assert point.text(lang).strip()
            assert point.terms.get(lang), f"key point {point.id} has no {lang} terms"
        for item in card.misconceptions:
            assert item.claim.get(lang).strip() and item.correction.get(lang).strip()
        for follow_up in card.follow_ups:
            assert follow_up.get(lang).strip()
    assert 4 <= len(card.key_points) <= 8
    assert len(card.misconceptions) >= 2 and len(card.follow_ups) >= 2
    assert card.question.en != card.question.de, "German text must not be a copy"
    assert card.answer.en != card.answer.de


@pytest.mark.parametrize("card_id", sorted(ARTICLE_ERRORS))
def test_article_errors_are_corrected(card_id: str) -> None:
    card = bundled_bank().cards[card_id]
    flagged = [m for m in card.misconceptions if m.article_error]
    expected = ARTICLE_ERRORS[card_id]
    assert len(flagged) >= len(expected), f"{card_id} lists {len(flagged)} article errors"
    text = " ".join(
        f"{m.claim.en} {m.correction.en} {m.claim.de} {m.correction.de}".lower() for m in flagged
    )
    for words in expected:
        assert any(word in text for word in words), (card_id, words)


def test_list_json_gives_machine_readable_summaries() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mlinterview.cli", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    items = json.loads(result.stdout)
    by_id = {item["id"]: item for item in items}
    assert set(by_id) >= ARTICLE_QUESTIONS | FAQ_ITEMS
    for item in items:
        assert {"id", "topic", "source", "roles", "difficulty", "languages"} <= set(item)
        assert item["languages"] == ["en", "de"]
        assert item["roles"]


def test_search_folds_case_and_accents_in_both_languages() -> None:
    bank = bundled_bank()
    assert fold("Größe Übergänge É") == "grosse ubergange e"
    lemma = {c.id for c in bank.search("lemmatisierung")}
    assert "stemming-vs-lemmatization" in lemma
    assert lemma == {c.id for c in bank.search("LEMMATISIERUNG")}
    umlaut = {c.id for c in bank.search("größe")}
    assert umlaut and umlaut == {c.id for c in bank.search("GROSSE")}
    assert "overfitting" in {c.id for c in bank.search("Overfitting")}
    assert bank.search("") == []
    assert bank.search("zzzz-no-such-word") == []
