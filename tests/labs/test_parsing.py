"""An ambiguous sentence has two parses; readings grow like the Catalan numbers."""

from __future__ import annotations

import pytest

from mlinterview.labs.catalog.parsing import cky_count
from mlinterview.labs.registry import run_lab


def test_default_two_readings_and_catalan_growth() -> None:
    result = run_lab("parsing", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["ambiguous_parses"] == m["ambiguous_parses_cky"] == 2
    assert m["plain_parses"] == 1
    assert m["scrambled_parses"] == 0
    assert m["parses_with_most_pps"] == 14  # Catalan(4) for three extra PPs
    trees = result.tables[1].rows
    assert {("PP" in row[1]) for row in trees} == {True}
    # one reading attaches the PP to the verb phrase, the other to the noun phrase
    assert any("(VP (VP" in row[1] for row in trees)
    assert any("(NP (NP" in row[1] for row in trees)


def test_german_grammar_counts_42_with_four_phrases() -> None:
    result = run_lab("parsing", {"language": "de", "extra_pps": 4}, render=False)
    assert result.verdict == "supported"
    assert result.metrics["parses_with_most_pps"] == 42


def test_without_noun_attachment_the_ambiguity_disappears() -> None:
    result = run_lab("parsing", {"np_attachment": False}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["ambiguous_parses"] == 1


def test_cky_rejects_grammars_not_in_chomsky_normal_form() -> None:
    import nltk

    grammar = nltk.CFG.fromstring("S -> A B C\nA -> 'a'\nB -> 'b'\nC -> 'c'")
    with pytest.raises(ValueError, match="Chomsky"):
        cky_count(grammar, ["a", "b", "c"])


def test_figure_renders() -> None:
    result = run_lab("parsing", {"extra_pps": 0}, render=True)
    assert [f.name for f in result.figures] == ["trees"]
