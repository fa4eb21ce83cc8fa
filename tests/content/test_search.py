"""Search finds cards across languages and spellings, ranks them, and says what matched."""

from __future__ import annotations

import pytest

from mlinterview.content.check import glossary_issues
from mlinterview.content.loader import bundled_bank
from mlinterview.content.search import matched_words


def ids(query: str) -> list[str]:
    return [card.id for card in bundled_bank().search(query)]


@pytest.mark.parametrize(
    "query", ["Überanpassung", "uberanpassung", "overfitting", "Overfitting", "überanpass"]
)
def test_german_and_english_names_find_the_overfitting_card_first(query: str) -> None:
    assert ids(query)[0] == "overfitting"


def test_british_and_american_spellings_find_the_same_cards() -> None:
    american, british = ids("regularization"), ids("regularisation")
    assert american == british and "l1-vs-l2-regularization" in american[:3]


def test_every_word_must_match_and_phrases_stay_together() -> None:
    both = set(ids("kv cache"))
    assert "kv-cache" in both and both <= set(ids("cache"))
    assert ids("Entscheidungsbaum")[0] == ids("decision tree")[0] == "decision-tree-splitting"
    assert ids("zzzqqq") == [] and ids("   ") == []


def test_matched_words_are_the_ones_to_highlight() -> None:
    text = "Was ist Overfitting, und wie erkennt man Überanpassung?"
    assert matched_words(text, "overfitting") == {"Overfitting", "Überanpassung"}
    assert matched_words("Wie vergleicht man zwei Modelle?", "modell") == {"Modelle"}


def test_the_glossary_is_well_formed() -> None:
    assert glossary_issues() == []
