"""Dropout and label smoothing lower the calibration error of an overconfident net."""

from __future__ import annotations

import pytest

pytest.importorskip("torch")

from lab_cache import default_result

from mlinterview.labs.base import LabResult
from mlinterview.labs.catalog.regularizer_calibration import calibration, make_data
from mlinterview.labs.registry import run_lab


def numbers(res: LabResult) -> dict[str, float]:
    return {k: float(v) for k, v in res.metrics.items()}


def test_default_both_regularisers_fix_an_overconfident_net() -> None:
    res = default_result("regularizer_calibration")
    m = numbers(res)
    assert res.verdict == "supported", res.explanation.en
    assert m["plain_train_accuracy"] == 1.0  # memorised, noisy labels included
    assert m["plain_confidence"] > m["plain_accuracy"] + 0.2
    assert m["plain_ece"] > 0.2
    for v in ("dropout", "label_smoothing"):
        assert m[f"{v}_ece"] <= 0.6 * m["plain_ece"]
        assert m[f"{v}_nll"] < 0.7 * m["plain_nll"]
        assert m[f"{v}_accuracy"] > m["plain_accuracy"] - 0.03  # not bought with accuracy
    assert m["label_smoothing_ece"] < 0.1


def test_short_training_is_not_overconfident_and_gains_nothing() -> None:
    res = run_lab("regularizer_calibration", {"epochs": 5, "runs": 1}, render=False)
    m = numbers(res)
    assert res.verdict == "not supported"
    assert abs(m["plain_overconfidence"]) < 0.05
    assert m["dropout_ece"] > m["plain_ece"]
    assert m["label_smoothing_ece"] > m["plain_ece"]
    assert "underconfident" in res.explanation.en


def test_ece_of_a_calibrated_and_an_overconfident_predictor() -> None:
    import torch

    # 1000 predictions at confidence 0.8, right 80 % of the time: perfectly calibrated
    probs = torch.tensor([[0.8, 0.2]] * 1000)
    y = torch.tensor([0] * 800 + [1] * 200)
    assert calibration(probs, y)["ece"] == pytest.approx(0.0, abs=1e-6)
    # the same predictions, right only half the time: ECE = 0.8 - 0.5
    y = torch.tensor([0] * 500 + [1] * 500)
    assert calibration(probs, y)["ece"] == pytest.approx(0.3, abs=1e-6)


def test_data_is_deterministic() -> None:
    import torch

    a, b = make_data(200), make_data(200)
    assert torch.equal(a[0], b[0]) and torch.equal(a[3], b[3])


def test_figure_renders() -> None:
    res = run_lab("regularizer_calibration", {"epochs": 3, "runs": 1}, render=True)
    assert [f.name for f in res.figures] == ["reliability"]
