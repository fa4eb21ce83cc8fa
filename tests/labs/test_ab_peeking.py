"""Daily peeking at an A/A test inflates false positives; a fixed horizon keeps α."""

from __future__ import annotations

from typing import Any

import pytest
from lab_cache import default_result

from mlinterview.labs.catalog.ab_peeking import _looks
from mlinterview.labs.registry import get_lab, run_lab


def test_default_run_supports_the_claim() -> None:
    result = default_result("ab_peeking")
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "supported", result.explanation.en
    assert get_lab("ab_peeking").cards == ("ab-test-pitfalls",)
    assert m["fixed_horizon_fpr"] == pytest.approx(0.05, abs=0.01)
    # Repeated looks at a z-statistic: about 14 % at 5 looks, 19 % at 10, 25 % at 20.
    assert m["fpr_5_looks"] == pytest.approx(0.14, abs=0.02)
    assert m["fpr_10_looks"] == pytest.approx(0.19, abs=0.02)
    assert m["peeking_fpr"] == pytest.approx(0.25, abs=0.02)
    assert m["fpr_1_looks"] < m["fpr_2_looks"] < m["fpr_5_looks"] < m["fpr_20_looks"]
    assert m["bonferroni_over_looks_fpr"] < 0.05
    assert m["median_stop_day"] <= 6  # most false alarms come early
    assert m["peeking_winners_significant_at_end"] < 0.4
    assert len(result.tables[0].rows) == 7


def test_a_single_look_breaks_the_claim() -> None:
    result = run_lab("ab_peeking", {"days": 1, "repetitions": 1000}, render=False)
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "not supported", result.explanation.en
    assert m["peeking_fpr"] == m["fixed_horizon_fpr"]


def test_few_looks_inflate_less_than_three_fold() -> None:
    result = run_lab("ab_peeking", {"days": 3, "repetitions": 2000}, render=False)
    assert result.verdict == "not supported"
    assert 0.07 < float(result.metrics["peeking_fpr"]) < 0.13


def test_looks_are_spread_evenly_and_end_on_the_last_day() -> None:
    assert _looks(20, 1) == [19]
    assert _looks(20, 4) == [4, 9, 14, 19]
    assert _looks(20, 20) == list(range(20))
    assert _looks(10, 3) == [3, 6, 9]
