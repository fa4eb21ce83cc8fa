"""Lasso zeroes irrelevant coefficients and wins on sparse truth; ridge never reaches zero."""

from __future__ import annotations

from typing import Any

import pytest
from lab_cache import default_result

from mlinterview.labs.base import LabParameterError
from mlinterview.labs.registry import get_lab, run_lab


def test_default_run_supports_the_claim() -> None:
    result = default_result("l1_l2_paths")
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "supported", result.explanation.en
    assert get_lab("l1_l2_paths").cards == ("l1-vs-l2-regularization",)
    assert m["lasso_true_kept"] == m["n_true"] == 5
    assert m["lasso_irrelevant_zeroed"] >= 0.5 * m["n_irrelevant"]
    assert m["lasso_nonzero"] < 30
    assert m["lasso_exact_support_on_path"] is True
    assert m["lasso_max_zeros_on_path"] == 50  # at alpha_max every coefficient is zero
    assert m["ridge_zero_coefficients_max_on_path"] == 0
    assert m["ridge_smallest_abs_coefficient"] > 0
    assert 0.6 < m["lasso_to_ridge_mse"] < 0.95
    assert m["noise_variance"] < m["lasso_test_mse"] < 1.4 * m["noise_variance"]
    assert len(result.tables[0].rows) == 2


def test_dense_truth_removes_the_lasso_advantage() -> None:
    result = run_lab("l1_l2_paths", {"n_informative": 50}, render=False)
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "not supported", result.explanation.en
    assert m["n_irrelevant"] == 0
    assert m["lasso_to_ridge_mse"] > 0.95
    assert m["lasso_nonzero"] >= 45  # nothing to drop, lasso keeps (almost) everything


def test_more_informative_than_features_is_rejected() -> None:
    with pytest.raises(LabParameterError):
        run_lab("l1_l2_paths", {"n_features": 10, "n_informative": 11}, render=False)
