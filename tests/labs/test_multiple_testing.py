"""Uncorrected tests fill the discoveries with false ones; BH caps the share, Bonferroni any."""

from __future__ import annotations

from typing import Any

import pytest
from lab_cache import default_result

from mlinterview.labs.registry import get_lab, run_lab


def test_default_run_supports_the_claim() -> None:
    result = default_result("multiple_testing")
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "supported", result.explanation.en
    assert get_lab("multiple_testing").cards == ("multiple-testing",)
    assert m["n_real_effects"] == 100
    # 900 null tests at α = 0.05: about 45 false discoveries per run.
    assert m["uncorrected_false"] == pytest.approx(45, abs=3)
    assert m["uncorrected_fdr"] > 0.25
    assert m["uncorrected_fwer"] == 1.0
    assert m["uncorrected_power"] == pytest.approx(m["power_single_test"], abs=0.02)
    assert m["fdr_bh_fdr"] == pytest.approx(m["bh_fdr_theory"], abs=0.01)  # π0·q
    assert m["fdr_bh_fwer"] > 0.5  # BH does not control the family-wise rate
    assert m["bonferroni_fwer"] <= 0.08
    assert m["bonferroni_power"] < 0.25 < 0.4 < m["fdr_bh_power"] < m["uncorrected_power"]
    assert len(result.tables[0].rows) == 3


def test_mostly_real_effects_break_the_claim() -> None:
    # With 80 % real effects few nulls are left to produce false discoveries.
    result = run_lab("multiple_testing", {"true_share": 0.8, "repetitions": 40}, render=False)
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "not supported", result.explanation.en
    assert m["check_uncorrected_fdr_high"] is False
    assert m["uncorrected_fdr"] < 0.03


def test_no_real_effects_leaves_nothing_to_find() -> None:
    result = run_lab("multiple_testing", {"true_share": 0.0, "repetitions": 40}, render=False)
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "not supported"
    assert m["uncorrected_fdr"] == 1.0  # every discovery is false
    assert m["uncorrected_false"] == pytest.approx(50, abs=5)
    assert m["fdr_bh_fdr"] == m["fdr_bh_fwer"]  # with only nulls, FDR equals FWER
