"""`search` finds every card by the words of its own question, in English and in German, and
ranks it among the first results: a candidate who remembers a question can get back to it."""

from __future__ import annotations

import re

import pytest

from mlinterview.content.loader import bundled_bank

BANK = bundled_bank()


def telling_words(question: str, count: int = 3) -> str:
    """The longest words of a question: what someone remembers of it."""
    found = re.findall(r"[^\W\d_][\w-]{5,}", question)
    return " ".join(sorted(set(found), key=lambda w: (-len(w), w))[:count])


@pytest.mark.parametrize("card_id", sorted(BANK.cards))
@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_card_is_found_by_its_own_question(card_id: str, lang: str) -> None:
    card = BANK.cards[card_id]
    query = telling_words(card.question.de if lang == "de" else card.question.en)
    ids = [found.id for found in BANK.search(query)]
    assert card_id in ids[:5], (query, ids[:5])
