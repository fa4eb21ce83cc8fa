"""Text handling: sentences, word keys, term matching, negation, language detection."""

from __future__ import annotations

from mlinterview.grading import lexical as lx
from mlinterview.grading import text as tx
from mlinterview.grading.rubric import marked_points, reference_rubric


def test_sentences_respect_abbreviations_and_bullets() -> None:
    text = "Z. B. kNN oder k-Means, d. h. Abstände zählen. Zweiter Satz!\n- erster Punkt\n- zweiter"
    assert tx.split_sentences(text) == [
        "Z. B. kNN oder k-Means, d. h. Abstände zählen.",
        "Zweiter Satz!",
        "erster Punkt",
        "zweiter",
    ]


def test_long_sentences_and_gibberish_are_cut() -> None:
    pieces = tx.split_sentences("x" * 5000)
    assert pieces and all(len(p) <= tx.MAX_SENTENCE_CHARS for p in pieces)
    assert len(tx.split_sentences("word. " * 500)) == tx.MAX_SENTENCES


def test_clean_drops_control_characters_and_caps_length() -> None:
    assert tx.clean("a\x00b\x1bc\ud800d\tе\n") == "a b c d\tе"
    assert len(tx.clean("y" * 100_000)) == tx.MAX_CHARS


def test_keys_unify_inflection_spelling_and_umlauts() -> None:
    en = tx.keyer("en")
    assert en.key("regularisation") == en.key("regularization")
    assert en.key("memorises") == en.key("memorize")
    de = tx.keyer("de")
    assert de.key("Bäume") == de.key("baum")
    assert de.key("Merkmalen") == de.key("merkmal")


def test_term_matching_allows_small_gaps_and_compounds() -> None:
    sentence = lx.analyse_sentence("It stores all of the training data in memory.", "en")
    assert lx.term_match(lx.analyse_statement("store the training data", "en"), sentence) == 1.0
    german = lx.analyse_sentence("Wir nutzen Datenaugmentierung für Bilder.", "de")
    assert lx.term_match(lx.analyse_statement("augmentierung", "de"), german) == 0.9
    assert lx.term_match(lx.analyse_statement("dropout", "de"), german) == 0.0


def test_negation_is_found_near_the_term() -> None:
    sentence = lx.analyse_sentence("Kreuzvalidierung verhindert Overfitting nicht.", "de")
    term = lx.analyse_statement("kreuzvalidierung verhindert overfitting", "de")
    score, start, end = lx.locate_term(term, sentence)
    assert score == 1.0
    assert lx.negated_near(sentence, start, end, "de")
    assert not term.negated


def test_language_detection() -> None:
    assert tx.detect_language("The model learns the noise of the data.") == "en"
    assert tx.detect_language("Das Modell lernt das Rauschen der Daten.") == "de"
    assert tx.detect_language("") is None
    assert tx.detect_language("qwzx plmk vbnt") is None


def test_list_items_of_a_sentence() -> None:
    assert tx.split_items("Tanken - Einkaufen - Bezahlen – Toilette besuchen und Fragen") == [
        "Tanken",
        "Einkaufen",
        "Bezahlen",
        "Toilette besuchen",
        "Fragen",
    ]
    assert tx.split_items("The weights, then the bias.") == ["The weights", "the bias"]
    assert tx.split_items("Nothing to split here") == ["Nothing to split here"]


def test_point_marks_become_weighted_points() -> None:
    reference = (
        "Intro sentence without points. Das Budget beträgt 16,50€ (0.25 P), die Toilette "
        "(0,5 Punkte) oder der Shop (0.25-0.5 P). Each step counts (2 pts)."
    )
    assert marked_points(reference) == [
        ("Das Budget beträgt 16,50€", 0.25),
        ("die Toilette", 0.5),
        ("der Shop", 0.5),
        ("Each step counts", 2.0),
    ]
    rubric = reference_rubric("Frage?", reference, "de")
    assert [p.weight for p in rubric.points] == [0.25, 0.5, 0.5, 2.0]
    assert "(" not in rubric.reference and rubric.reference.startswith("Intro sentence")
    plain = reference_rubric("Q?", "First sentence here. Second one follows.", "en")
    assert [p.text for p in plain.points] == ["First sentence here.", "Second one follows."]
