"""Block paging wastes little KV memory; reserving max length wastes most of it."""

from __future__ import annotations

from functools import cache

import pytest

from mlinterview.labs.base import LabParameterError, LabResult
from mlinterview.labs.catalog.paged_kv_cache import make_workload, simulate
from mlinterview.labs.registry import run_lab

SMALL = {"n_requests": 80, "max_len": 512, "median_len": 100, "memory_gib": 2.0}


@cache
def default() -> LabResult:
    return run_lab("paged_kv_cache", render=False)


def test_default_paging_wastes_under_5_percent_reservation_over_half() -> None:
    result = default()
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["paged_waste"] < 0.05
    assert m["contiguous_waste"] > 0.5
    assert m["paged_mean_batch"] > 1.5 * m["contiguous_mean_batch"]
    assert m["throughput_gain"] > 1.5


def test_block_as_large_as_max_len_is_max_len_reservation() -> None:
    result = run_lab("paged_kv_cache", {**SMALL, "block_size": 512}, render=False)
    m = result.metrics
    assert result.verdict == "not supported"
    assert m["paged_waste"] == pytest.approx(m["contiguous_waste"])
    assert m["paged_steps"] == m["contiguous_steps"]


def test_block_size_one_wastes_nothing_and_everyone_finishes() -> None:
    workload = make_workload(50, 256, 60, seed=2)
    res = simulate(workload, capacity=2048, max_len=256, block_size=1)
    assert res.waste == pytest.approx(0.0, abs=1e-12)
    # all requests ran to completion: total decode work equals the sum of output lengths
    assert res.steps >= max(o for _, o in workload)
    assert sum(res.used) > 0


def test_too_little_memory_is_a_clear_error() -> None:
    with pytest.raises(LabParameterError, match="memory_gib"):
        run_lab("paged_kv_cache", {"memory_gib": 0.5, "max_len": 4096}, render=False)


def test_figures_render() -> None:
    result = run_lab("paged_kv_cache", SMALL, render=True)
    assert [f.name for f in result.figures] == ["memory", "block_sizes"]
