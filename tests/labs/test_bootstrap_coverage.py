"""The percentile bootstrap covers the mean near nominally at n = 50, not at n = 5 or the max."""

from __future__ import annotations

from typing import Any

import pytest
from lab_cache import default_result

from mlinterview.labs.base import LabParameterError
from mlinterview.labs.registry import get_lab, run_lab


def test_default_run_supports_the_claim() -> None:
    result = default_result("bootstrap_coverage")
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "supported", result.explanation.en
    assert get_lab("bootstrap_coverage").cards == ("bootstrap",)
    assert 0.90 <= m["coverage"] < 0.95  # near nominal, still a little short
    # The right-skewed mean is missed mostly by intervals that sit too low.
    assert m["miss_rate_interval_too_low"] > 2 * m["miss_rate_interval_too_high"]
    assert m["coverage_curve_n5"] < 0.85  # tiny samples undercover
    assert m["coverage_curve_n5"] < m["coverage_curve_n50"] < m["coverage_curve_n200"] + 0.02
    assert m["coverage_curve_n200"] > 0.93
    assert m["mean_width"] == pytest.approx(2 * 1.96 / 50**0.5, rel=0.1)  # ≈ 2·1.96·σ/√n
    assert len(result.tables[0].rows) == 7


def test_tiny_samples_break_the_claim() -> None:
    result = run_lab("bootstrap_coverage", {"n": 5, "repetitions": 500}, render=False)
    assert result.verdict == "not supported", result.explanation.en
    assert float(result.metrics["coverage"]) < 0.85


def test_the_maximum_is_never_covered() -> None:
    result = run_lab(
        "bootstrap_coverage",
        {"distribution": "uniform", "statistic": "max", "repetitions": 200, "resamples": 200},
        render=False,
    )
    assert result.verdict == "not supported"
    # No resample can exceed the sample maximum, which lies below the true maximum 1.
    assert result.metrics["coverage"] == 0.0
    assert result.metrics["miss_rate_interval_too_low"] == 1.0


def test_the_max_needs_a_bounded_population() -> None:
    with pytest.raises(LabParameterError):
        run_lab("bootstrap_coverage", {"statistic": "max"}, render=False)
