"""Dense layers on images need orders of magnitude more weights than convolutions."""

from __future__ import annotations

import numpy as np
import pytest

from mlinterview.labs.base import LabParameterError
from mlinterview.labs.catalog.conv_vs_dense import conv2d_same
from mlinterview.labs.registry import run_lab


def test_default_counts_for_the_250_pixel_image() -> None:
    result = run_lab("conv_vs_dense", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["inputs"] == 187_500
    assert m["dense_params"] == 187_501_000
    assert m["conv_params"] == 3 * 3 * 3 * 64 + 64
    assert m["dense_megabytes"] == pytest.approx(750.0, abs=0.01)
    assert m["conv_shift_error"] < 1e-12  # shifting the input shifts the feature map
    assert m["dense_shift_error"] > 0.5


def test_tiny_image_with_a_huge_kernel_bank_is_not_cheaper_as_conv() -> None:
    params = {
        "height": 8,
        "width": 8,
        "channels": 1,
        "dense_units": 10,
        "kernel": 11,
        "filters": 512,
    }
    result = run_lab("conv_vs_dense", params, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["ratio"] < 1


def test_conv2d_matches_a_direct_loop() -> None:
    rng = np.random.default_rng(1)
    image = rng.normal(size=(2, 5, 6))
    kernels = rng.normal(size=(3, 2, 3, 3))
    out = conv2d_same(image, kernels)
    padded = np.pad(image, ((0, 0), (1, 1), (1, 1)), mode="wrap")
    for f in range(3):
        for i in range(5):
            for j in range(6):
                expected = np.sum(padded[:, i : i + 3, j : j + 3] * kernels[f])
                assert out[f, i, j] == pytest.approx(expected)


def test_even_kernel_is_rejected() -> None:
    with pytest.raises(LabParameterError, match="kernel"):
        run_lab("conv_vs_dense", {"kernel": 4}, render=False)


def test_figures_render() -> None:
    result = run_lab("conv_vs_dense", render=True)
    assert [f.name for f in result.figures] == ["parameters", "shift"]
