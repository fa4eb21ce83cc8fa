"""Greedy and beam search loop on a small trigram model; sampling at T = 1 does not."""

from __future__ import annotations

import numpy as np
import pytest
from lab_cache import default_result

from mlinterview.labs.catalog.decoding_repetition import (
    beam_search,
    corpus,
    distinct,
    fit_trigram,
    greedy,
    repetition,
)
from mlinterview.labs.registry import run_lab


def test_default_greedy_and_beam_loop_sampling_does_not() -> None:
    res = default_result("decoding_repetition")
    m = {k: float(v) for k, v in res.metrics.items()}
    assert res.verdict == "supported", res.explanation.en
    assert m["greedy_repetition"] > 0.85 and m["beam_repetition"] > 0.85
    assert m["sampling_repetition"] < 0.02 and m["reference_repetition"] < 0.02
    assert m["greedy_distinct_bigrams"] < 0.2 < 0.8 < m["sampling_distinct_bigrams"]
    # the likelihood trap: the loops are *more* probable under the model than real text
    assert m["greedy_log_prob_per_token"] > m["reference_log_prob_per_token"] + 1.0
    assert m["beam_log_prob_per_token"] >= m["greedy_log_prob_per_token"] - 0.05
    assert "«" in res.explanation.en  # shows the continuations


def test_low_temperature_sampling_repeats_like_greedy() -> None:
    res = run_lab("decoding_repetition", {"temperature": 0.3, "prompts": 10}, render=False)
    assert res.verdict == "not supported"
    assert float(res.metrics["sampling_repetition"]) > 0.3


def test_repetition_and_distinct_counts() -> None:
    assert repetition([1, 2, 3, 4, 5, 6]) == 0.0
    # 1 2 1 2 1 2 1: 4-grams (1212) (2121) (1212) (2121) -> two of four repeat
    assert repetition([1, 2, 1, 2, 1, 2, 1]) == 0.5
    assert distinct([1, 2, 1, 2]) == pytest.approx(2 / 3)


def test_model_is_a_distribution_and_beam_width_one_is_greedy() -> None:
    model = fit_trigram(corpus(3000, np.random.default_rng(0)))
    assert np.allclose(np.exp(model.log_prob).sum(axis=2), 1.0)
    prompt = (model.vocab.index("the"), model.vocab.index("cat"))
    assert beam_search(model, prompt, 20, 1) == greedy(model, prompt, 20)


def test_figure_renders() -> None:
    res = run_lab("decoding_repetition", {"prompts": 2, "length": 20}, render=True)
    assert [f.name for f in res.figures] == ["repetition"]
