"""A linear network cannot fit XOR; one non-linear hidden layer can."""

from __future__ import annotations

import numpy as np
import pytest

from mlinterview.labs.catalog.activations import ACTIVATIONS, activation
from mlinterview.labs.registry import run_lab


def test_default_linear_fails_nonlinear_fits() -> None:
    result = run_lab("activations", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["linear_best_accuracy"] <= 0.75
    assert m["linear_best_loss"] >= 0.69  # no better than predicting 0.5 everywhere
    assert m["nonlinear_best_accuracy"] == 1.0
    assert m["nonlinear_best_loss"] < 0.05
    assert m["linear_collapse_error"] < 1e-9  # two linear layers are one linear map
    assert m["relu_at_100"] == 100.0  # activations need not bound their input


@pytest.mark.parametrize("name", ["relu", "gelu", "silu"])
def test_other_nonlinearities_fit_xor_too(name: str) -> None:
    result = run_lab("activations", {"activation_name": name, "epochs": 2000}, render=False)
    assert result.verdict == "supported"


def test_identity_hidden_layer_does_not_support_the_claim() -> None:
    result = run_lab("activations", {"activation_name": "identity", "epochs": 500}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["nonlinear_best_accuracy"] <= 0.75


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_analytic_derivatives_match_finite_differences(name: str) -> None:
    f, df = activation(name)
    x = np.array([-3.0, -1.2, -0.4, 0.3, 0.9, 2.5])  # away from ReLU's kink
    h = 1e-5
    numeric = (f(x + h) - f(x - h)) / (2 * h)
    assert np.allclose(df(x), numeric, atol=1e-5)


def test_figures_render() -> None:
    result = run_lab("activations", {"epochs": 50, "restarts": 1}, render=True)
    assert [f.name for f in result.figures] == ["curves", "xor"]
