"""INT8 per-channel quantisation: ~4x smaller, <1 % error, error doubles per lost bit."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from mlinterview.labs.base import LabResult
from mlinterview.labs.catalog.quantization import dequantize, quantize
from mlinterview.labs.registry import run_lab

SMALL = {"rows": 128, "cols": 128}


@cache
def default() -> LabResult:
    return run_lab("quantization", render=False)


def test_default_numbers() -> None:
    result = default()
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["int8_output_error"] < 0.01
    assert m["int8_saving_vs_fp32"] == pytest.approx(4.0, abs=0.02)
    assert m["int4_saving_vs_fp32"] == pytest.approx(8.0, abs=0.05)
    assert -1.2 <= m["log2_error_per_bit"] <= -0.8
    assert m["per_tensor_int8_error"] > 5 * m["per_channel_int8_error"]  # outlier rows
    assert m["fp16_output_error"] < m["int8_output_error"]


def test_one_scale_for_the_whole_tensor_fails_with_outliers() -> None:
    result = run_lab("quantization", {**SMALL, "granularity": "per_tensor"}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["int8_output_error"] > 0.01


def test_without_outliers_the_granularity_barely_matters() -> None:
    m = run_lab("quantization", {**SMALL, "outlier_fraction": 0.0}, render=False).metrics
    assert m["per_tensor_int8_error"] < 1.6 * m["per_channel_int8_error"]


def test_round_trip_error_is_at_most_half_a_step() -> None:
    rng = np.random.default_rng(0)
    w = rng.normal(size=(16, 32))
    for per_channel in (True, False):
        q, scale = quantize(w, 8, per_channel)
        assert q.dtype == np.int8 and np.abs(q).max() <= 127
        assert np.all(np.abs(w - dequantize(q, scale)) <= scale / 2 + 1e-12)


def test_figures_render() -> None:
    result = run_lab("quantization", SMALL, render=True)
    assert [f.name for f in result.figures] == ["error_vs_bits", "memory"]
