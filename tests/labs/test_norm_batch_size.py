"""BatchNorm breaks at batch size 2 (batch statistics of two examples), LayerNorm does not."""

from __future__ import annotations

import pytest

pytest.importorskip("torch")

from lab_cache import default_result

from mlinterview.labs.base import LabParameterError
from mlinterview.labs.catalog.norm_batch_size import make_data, make_net
from mlinterview.labs.registry import run_lab


def numbers(lab_id: str = "norm_batch_size") -> dict[str, float]:
    res = default_result(lab_id)
    return {k: float(v) for k, v in res.metrics.items() if not isinstance(v, str)}


def test_default_batchnorm_breaks_at_batch_two_layernorm_does_not() -> None:
    res = default_result("norm_batch_size")
    m = numbers()
    assert res.verdict == "supported", res.explanation.en
    assert m["gap_small_batch"] >= 0.15
    assert m["layernorm_accuracy_small_batch"] > 0.7
    assert m["batchnorm_accuracy_small_batch"] < 0.65
    assert abs(m["gap_large_batch"]) <= 0.04
    assert m["batchnorm_accuracy_large_batch"] > 0.75
    # a batch of two normalises every feature to about ±1
    assert m["batchnorm_plus_minus_one_share_small_batch"] > 0.9
    # even scored with batch statistics, as trained, the BatchNorm net is poor
    assert m["batchnorm_batch_stats_accuracy_small_batch"] < 0.6
    assert m["majority_class_accuracy"] < 0.4


def test_batch_64_on_both_sides_breaks_the_claim() -> None:
    res = run_lab("norm_batch_size", {"small_batch": 64, "runs": 1, "steps": 400}, render=False)
    m = {k: float(v) for k, v in res.metrics.items()}
    assert res.verdict == "not supported"
    assert abs(m["gap_small_batch"]) < 0.04
    assert m["batchnorm_accuracy_small_batch"] > 0.7


def test_batch_sizes_are_checked() -> None:
    with pytest.raises(LabParameterError, match="small_batch"):
        run_lab("norm_batch_size", {"small_batch": 32, "large_batch": 16}, render=False)


def test_data_and_nets_are_deterministic() -> None:
    import torch

    assert torch.equal(make_data()[1], make_data()[1])
    assert isinstance(make_net("batchnorm")[1], torch.nn.BatchNorm1d)
    assert isinstance(make_net("layernorm")[1], torch.nn.LayerNorm)


def test_figure_renders() -> None:
    params = {"runs": 1, "steps": 60, "large_batch": 8}
    res = run_lab("norm_batch_size", params, render=True)
    assert [f.name for f in res.figures] == ["accuracy"]
