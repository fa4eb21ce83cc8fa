"""In-sample target encoding of a noise category leaks the label; out-of-fold does not."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from lab_cache import default_result

from mlinterview.labs.catalog.target_encoding_leakage import _encode
from mlinterview.labs.registry import get_lab, run_lab


def test_default_run_supports_the_claim() -> None:
    result = default_result("target_encoding_leakage")
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "supported", result.explanation.en
    assert get_lab("target_encoding_leakage").cards == ("categorical-encoding",)
    assert m["rows_per_category"] == pytest.approx(3.0)
    assert m["naive_excess_gap"] > 0.15
    assert m["naive_train_auc"] > m["numeric_train_auc"] + 0.08  # the leak looks like signal
    assert m["naive_test_auc"] < m["numeric_test_auc"] - 0.05  # and costs on new data
    assert abs(m["oof_excess_gap"]) < 0.01
    assert m["oof_test_auc"] == pytest.approx(m["numeric_test_auc"], abs=0.01)
    assert 0.68 < m["numeric_test_auc"] < 0.8  # the one real feature: logistic, slope 1
    assert len(result.tables[0].rows) == 3


def test_low_cardinality_makes_the_leak_negligible() -> None:
    result = run_lab("target_encoding_leakage", {"n_categories": 5}, render=False)
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "not supported", result.explanation.en
    assert abs(m["naive_excess_gap"]) < 0.01
    assert m["naive_test_auc"] == pytest.approx(m["numeric_test_auc"], abs=0.01)


def test_smoothing_shrinks_but_does_not_remove_the_leak() -> None:
    smoothed = run_lab("target_encoding_leakage", {"smoothing": 20}, render=False).metrics
    plain = default_result("target_encoding_leakage").metrics
    assert 0.02 < float(smoothed["naive_excess_gap"]) < float(plain["naive_excess_gap"])


def test_out_of_fold_encoding_never_uses_the_rows_own_label() -> None:
    cats = np.array([0, 0, 1, 1, 2, 2, 0, 1])
    y = np.array([1, 0, 1, 1, 0, 0, 1, 0], dtype=float)
    encoded = _encode(cats, y, np.array([0, 3]), k=4, smoothing=0.0, folds=len(y), seed=0)
    naive_tr, naive_te = encoded["naive"]
    oof_tr, _ = encoded["out-of-fold"]
    assert naive_tr[0] == pytest.approx(2 / 3)  # category 0 holds labels 1, 0, 1
    assert oof_tr[0] == pytest.approx(1 / 2)  # leave-one-out: labels 0, 1
    assert oof_tr[1] == pytest.approx(1.0)  # labels 1, 1
    assert naive_te[1] == pytest.approx(y.mean())  # unseen category falls back to the prior
