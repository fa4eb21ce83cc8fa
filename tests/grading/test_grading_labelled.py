"""Key-point detection against the hand-labelled answers, per language.

The decision rule was fitted on the calibration cards only; the precision and recall
asserted here are measured on the *other* cards, whose answers the fit never saw.
"""

from __future__ import annotations

from collections import Counter

import pytest

from mlinterview.content.loader import Bank
from mlinterview.grading.embedding import CachedEmbedder
from mlinterview.grading.engine import grade_card
from mlinterview.grading.labelset import (
    check_against,
    is_calibration_card,
    load_labelled,
    measure,
)

ARTICLE_CARDS = 35
MIN_PER_LANGUAGE = 6
TARGET = 0.8


def test_labels_match_the_bank(bank: Bank) -> None:
    labelled = load_labelled()
    assert check_against(bank.cards, labelled) == []
    article = {c.id for c in bank if c.source.value == "article" and c.topic.value != "career"}
    assert len(article) == ARTICLE_CARDS
    assert article <= set(labelled)
    for card_id, answers in labelled.items():
        per_lang = Counter(a.lang for a in answers)
        assert per_lang["en"] >= MIN_PER_LANGUAGE and per_lang["de"] >= MIN_PER_LANGUAGE, card_id
        assert len({a.answer_id for a in answers}) == len(answers), card_id


@pytest.mark.parametrize("lang", ["en", "de"])
def test_key_point_detection_on_unseen_cards(
    bank: Bank, embedder: CachedEmbedder | None, lang: str
) -> None:
    labelled = load_labelled()
    ids = list(labelled)
    held_out = [a for c in ids if not is_calibration_card(c, ids) for a in labelled[c]]
    assert len(held_out) >= 200
    result = measure(grade_card, bank.cards, held_out, lang)
    assert result.total >= 500
    assert result.precision >= TARGET, f"{lang} precision {result.precision:.3f}"
    assert result.recall >= TARGET, f"{lang} recall {result.recall:.3f}"
    # misconceptions are found far more often than not, with few false alarms
    assert result.wrong_precision >= 0.6, (
        f"{lang} misconception precision {result.wrong_precision:.3f}"
    )
    assert result.wrong_recall >= 0.5, f"{lang} misconception recall {result.wrong_recall:.3f}"
