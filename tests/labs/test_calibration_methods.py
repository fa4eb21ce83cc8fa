"""Platt and isotonic both repair naive Bayes; isotonic wins with many samples, not few."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from lab_cache import default_result

from mlinterview.labs.base import LabParameterError
from mlinterview.labs.catalog.calibration_methods import _ece
from mlinterview.labs.registry import get_lab, run_lab


def test_default_run_supports_the_claim() -> None:
    result = default_result("calibration_methods")
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "supported", result.explanation.en
    assert get_lab("calibration_methods").cards == ("probability-calibration",)
    assert m["raw_ece"] > 0.15  # naive Bayes double-counts the redundant features
    assert 0.7 < m["test_accuracy"] < 0.85  # 20 % random labels cap it near 0.9
    # Calibration leaves the ranking alone but lowers the Brier score.
    assert m["platt_brier_large"] < m["raw_brier"] - 0.03
    assert m["isotonic_brier_large"] < m["platt_brier_large"]
    assert m["isotonic_ece_large"] < 0.5 * m["platt_ece_large"]
    assert m["isotonic_ece_large"] < 0.03
    assert m["isotonic_brier_small"] > m["platt_brier_small"] + 0.005
    ece_rows = [row for row in result.tables[0].rows if row[0] == "isotonic"]
    assert ece_rows[0][3] > ece_rows[-1][3] * 5  # isotonic keeps improving with data


def test_without_label_noise_platt_is_enough() -> None:
    # Without label noise the distortion is close to a sigmoid: isotonic's flexibility
    # buys nothing, even with 5000 samples.
    result = run_lab("calibration_methods", {"label_noise": 0.0, "draws": 5}, render=False)
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "not supported", result.explanation.en
    assert m["check_isotonic_wins_with_many"] is False
    assert m["platt_ece_large"] < 0.02


def test_a_calibrated_model_has_little_to_repair() -> None:
    result = run_lab("calibration_methods", {"model": "logistic", "draws": 5}, render=False)
    assert result.verdict == "not supported"
    assert float(result.metrics["raw_ece"]) < 0.1


def test_small_must_be_below_large() -> None:
    with pytest.raises(LabParameterError):
        run_lab("calibration_methods", {"n_small": 500, "n_large": 500}, render=False)


def test_ece_of_perfect_and_constant_predictions() -> None:
    y = np.array([0, 1] * 50, dtype=float)
    assert _ece(np.full(100, 0.5), y) == pytest.approx(0.0)
    assert _ece(np.full(100, 0.9), y) == pytest.approx(0.4)
