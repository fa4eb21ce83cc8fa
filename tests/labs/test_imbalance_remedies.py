"""Rare positives: accuracy misleads; a moved threshold matches class weights."""

from __future__ import annotations

import math
from typing import Any

import pytest
from lab_cache import default_result

from mlinterview.labs.registry import get_lab, run_lab


def test_default_run_supports_the_claim() -> None:
    result = default_result("imbalance_remedies")
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "supported", result.explanation.en
    assert get_lab("imbalance_remedies").cards == ("class-imbalance",)
    assert m["majority_accuracy"] == pytest.approx(0.98, abs=0.006)
    assert abs(m["plain_accuracy"] - m["majority_accuracy"]) < 0.01  # accuracy says nothing
    assert m["f1_plain_at_05"] < 0.35
    assert m["f1_weighted_at_05"] < m["f1_plain_at_05"]  # weights alone overshoot at 0.5
    assert m["weighted_accuracy"] < 0.9
    assert m["f1_threshold_moved"] >= m["f1_plain_at_05"] + 0.08
    assert m["f1_threshold_moved"] == pytest.approx(m["f1_weighted_threshold_moved"], abs=0.03)
    assert m["threshold_moved"] < 0.5 < m["threshold_weighted_moved"]
    assert m["pr_auc_weighted"] == pytest.approx(m["pr_auc_plain"], abs=0.02)
    assert m["coefficient_cosine"] > 0.99
    # For a correctly specified logistic model, balanced weights shift only the intercept,
    # by log((1 - pi) / pi).
    assert m["intercept_shift"] == pytest.approx(m["intercept_shift_theory"], abs=0.3)
    assert m["intercept_shift_theory"] == pytest.approx(math.log(0.98 / 0.02), abs=0.15)
    assert len(result.tables[0].rows) == 5


def test_balanced_classes_leave_nothing_to_remedy() -> None:
    result = run_lab("imbalance_remedies", {"positive_rate": 0.5}, render=False)
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "not supported", result.explanation.en
    assert m["majority_accuracy"] == pytest.approx(0.5, abs=0.02)
    assert m["plain_accuracy"] > m["majority_accuracy"] + 0.2  # accuracy is informative again
    assert abs(m["f1_threshold_moved"] - m["f1_plain_at_05"]) < 0.03
    assert abs(m["f1_weighted_at_05"] - m["f1_plain_at_05"]) < 0.01
    assert abs(m["intercept_shift"]) < 0.1
