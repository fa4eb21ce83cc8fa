"""Lemmatisers return dictionary forms; stemmers return stems that are often not words."""

from __future__ import annotations

from mlinterview.labs.registry import run_lab


def test_default_lemmatiser_beats_stemmers_in_both_languages() -> None:
    result = run_lab("stemming_lemmatization", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["en_porter_gold_match"] < 0.3
    assert m["en_snowball_gold_match"] < 0.3
    assert m["en_simplemma_gold_match"] >= 0.9
    assert m["de_snowball_gold_match"] < 0.6
    assert m["de_simplemma_gold_match"] >= 0.9
    assert m["lemma_of_Veraenderung"] == "Veränderung"  # a noun's lemma is the noun
    assert m["en_porter_false_merges"] >= 5 and m["de_snowball_false_merges"] >= 5
    assert m["en_simplemma_false_merges"] == 0 and m["de_simplemma_false_merges"] == 0
    english = next(t for t in result.tables if t.title.en == "Words (English)")
    changing = next(row for row in english.rows if row[0] == "changing")
    assert changing[2] == "chang" and changing[4] == "change"


def test_doing_nothing_is_no_lemmatiser() -> None:
    result = run_lab(
        "stemming_lemmatization", {"language": "en", "lemmatizer": "identity"}, render=False
    )
    assert result.verdict == "not supported"


def test_figure_renders() -> None:
    result = run_lab("stemming_lemmatization", {"language": "en"}, render=True)
    assert [f.name for f in result.figures] == ["scores"]
