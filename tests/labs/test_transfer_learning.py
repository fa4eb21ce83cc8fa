"""Fine-tuning a pre-trained CNN beats training from scratch on a few images (PyTorch)."""

from __future__ import annotations

import pytest

pytest.importorskip("torch")

from mlinterview.labs.registry import run_lab


@pytest.mark.slow
def test_default_transfer_beats_scratch() -> None:
    result = run_lab("transfer_learning", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["gain"] > 0.03
    assert m["transfer_wins"] >= 4
    assert m["pretrained_accuracy_source_domain"] > 0.85
    # before fine-tuning the pre-trained net is worse in the new domain than after
    assert m["pretrained_accuracy_target_domain"] < m["transfer_accuracy"]


def test_unrelated_domain_turns_the_head_start_into_a_handicap() -> None:
    params = {"domain": "mirrored", "draws": 2, "pretrain_epochs": 5, "finetune_steps": 60}
    result = run_lab("transfer_learning", params, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["gain"] < 0


def test_figure_renders() -> None:
    params = {"draws": 1, "pretrain_epochs": 1, "finetune_steps": 10}
    result = run_lab("transfer_learning", params, render=True)
    assert [f.name for f in result.figures] == ["accuracy"]
