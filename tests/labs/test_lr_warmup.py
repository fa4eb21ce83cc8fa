"""A linear warm-up lets gradient descent train at a peak rate that diverges from step 0."""

from __future__ import annotations

from functools import cache

import pytest

pytest.importorskip("torch")

from mlinterview.labs.base import LabParameterError, LabResult
from mlinterview.labs.catalog.lr_warmup import make_data, make_net, sharpness
from mlinterview.labs.registry import run_lab


@cache
def result(**overrides: object) -> LabResult:
    return run_lab("lr_warmup", overrides, render=False)


def numbers(res: LabResult) -> dict[str, float]:
    return {k: float(v) for k, v in res.metrics.items() if not isinstance(v, str)}


def test_default_warmup_rescues_the_high_peak_rate() -> None:
    res = result()
    m = numbers(res)
    assert res.verdict == "supported", res.explanation.en
    assert m["failed_without_warmup"] >= 4
    assert m["diverged_without_warmup"] >= 4  # the loss really blows up
    assert m["failed_with_warmup"] == 0
    assert m["median_final_loss_with_warmup"] < 1e-3 * m["initial_loss"]
    # the warm-up moved the net to a flatter region, near 2 / peak lr
    assert 15 < m["median_sharpness_at_init"] < 40
    assert m["median_sharpness_after_warmup"] < 0.5 * m["median_sharpness_at_init"]
    limit = 2 / m["median_peak_lr"]
    assert m["median_sharpness_after_warmup"] == pytest.approx(limit, rel=0.4)


def test_low_peak_rate_trains_with_and_without_warmup() -> None:
    res = result(peak_lr_factor=0.8)
    m = numbers(res)
    assert res.verdict == "not supported"
    assert m["failed_without_warmup"] == 0
    assert m["failed_with_warmup"] == 0


def test_power_iteration_finds_the_top_eigenvalue_of_a_known_hessian() -> None:
    import torch

    x, y = make_data()
    model = torch.nn.Linear(x.shape[1], 1, bias=False)
    # for 0.5·mean((xw - y)²) the Hessian is xᵀx / n
    top = float(torch.linalg.eigvalsh(x.T @ x / len(x))[-1])
    value, _ = sharpness(model, x, y, iterations=200)
    assert value == pytest.approx(top, rel=1e-3)


def test_network_and_data_are_deterministic() -> None:
    import torch

    a, b = make_net(3), make_net(3)
    for p, q in zip(a.parameters(), b.parameters(), strict=True):
        assert torch.equal(p, q)
    assert torch.equal(make_data()[0], make_data()[0])


def test_warmup_longer_than_training_is_rejected() -> None:
    with pytest.raises(LabParameterError, match="warmup_steps"):
        run_lab("lr_warmup", {"warmup_steps": 300, "steps": 300}, render=False)


def test_figure_renders() -> None:
    params = {"runs": 1, "steps": 30, "warmup_steps": 10}
    res = run_lab("lr_warmup", params, render=True)
    assert [f.name for f in res.figures] == ["warmup"]
