"""A LoRA update of rank k recovers a rank-r weight change once k >= r, cheaply."""

from __future__ import annotations

import numpy as np
import pytest
from lab_cache import default_result

from mlinterview.labs.base import LabParameterError
from mlinterview.labs.catalog.lora_rank import make_task, ranks_up_to, train_lora
from mlinterview.labs.registry import run_lab


def test_default_rank_eight_change_needs_rank_eight() -> None:
    res = default_result("lora_rank")
    m = res.metrics
    assert res.verdict == "supported", res.explanation.en
    assert m["true_rank"] == 8 and m["needed_rank"] == 8
    assert m["needed_rank_params"] == 2 * 128 * 8 and m["full_params"] == 128 * 128
    assert m["needed_param_share"] == pytest.approx(0.125)
    assert float(m["error_at_first_rank_at_or_above_r"]) < 0.01
    assert float(m["max_error_at_or_above_r"]) < 0.02
    # below r: stuck exactly on the Eckart–Young floor sqrt((r - k) / r)
    assert float(m["error_rank_4"]) == pytest.approx(np.sqrt(4 / 8), abs=1e-3)
    assert float(m["error_rank_1"]) == pytest.approx(np.sqrt(7 / 8), abs=1e-3)
    assert float(m["max_gap_to_eckart_young_below_r"]) < 1e-3
    assert float(m["full_finetune_error"]) < 0.02


def test_full_rank_change_saves_nothing() -> None:
    res = run_lab("lora_rank", {"dim": 32, "true_rank": 32, "steps": 300}, render=False)
    m = res.metrics
    assert res.verdict == "not supported"
    assert m["needed_rank"] == 32  # recovered only at full rank ...
    assert float(m["needed_param_share"]) == pytest.approx(2.0)  # ... with twice the weights
    assert float(m["error_rank_16"]) == pytest.approx(np.sqrt(0.5), abs=1e-3)


def test_small_layer_with_odd_rank_steps_at_the_next_power_of_two() -> None:
    res = run_lab("lora_rank", {"dim": 32, "true_rank": 3, "steps": 300}, render=False)
    assert res.verdict == "supported", res.explanation.en
    assert res.metrics["needed_rank"] == 4
    assert float(res.metrics["error_rank_2"]) == pytest.approx(np.sqrt(1 / 3), abs=1e-3)


def test_lora_starts_at_the_pretrained_weights() -> None:
    task = make_task(16, 2, seed=0)
    assert np.allclose(train_lora(task, 4, 0, seed=0), 0.0)  # B = 0 at step 0
    assert np.linalg.matrix_rank(task["delta"]) == 2


def test_rank_grid_and_checks() -> None:
    assert ranks_up_to(8) == [1, 2, 4, 8]
    assert ranks_up_to(48) == [1, 2, 4, 8, 16, 32, 48]
    with pytest.raises(LabParameterError, match="true_rank"):
        run_lab("lora_rank", {"dim": 16, "true_rank": 17}, render=False)


def test_figure_renders() -> None:
    res = run_lab("lora_rank", {"dim": 16, "true_rank": 2, "steps": 50}, render=True)
    assert [f.name for f in res.figures] == ["rank"]
