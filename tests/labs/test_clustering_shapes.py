"""k-means cuts the half-moons apart; DBSCAN recovers them, but only with a fitting eps."""

from __future__ import annotations

from typing import Any

import pytest
from lab_cache import default_result

from mlinterview.labs.registry import get_lab, run_lab


def test_default_run_supports_the_claim() -> None:
    result = default_result("clustering_shapes")
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "supported", result.explanation.en
    assert get_lab("clustering_shapes").cards == ("k-means-clustering", "dbscan")
    assert m["kmeans_ari"] < 0.4
    assert m["gmm_ari"] < 0.7  # elliptical components do not fit the moons either
    assert m["single_linkage_ari"] > 0.9  # chaining follows the curve
    assert m["dbscan_ari"] > 0.95
    assert m["dbscan_clusters"] == pytest.approx(2.0)
    assert m["dbscan_noise_share"] < 0.02
    # Both ends of the eps range fail: shattered into noise, or merged into one cluster.
    assert m["dbscan_ari_eps_0.02"] < 0.1 and m["dbscan_ari_eps_1"] < 0.1
    assert m["dbscan_clusters_eps_1"] == pytest.approx(1.0)
    assert m["eps_working_min"] <= 0.2 <= m["eps_working_max"] < 0.5
    assert len(result.tables[0].rows) == 4 + 7


@pytest.mark.parametrize(("eps", "too"), [(0.05, "small"), (1.0, "large")])
def test_a_bad_eps_breaks_the_claim(eps: float, too: str) -> None:
    result = run_lab("clustering_shapes", {"eps": eps, "draws": 2}, render=False)
    m: dict[str, Any] = dict(result.metrics)
    assert result.verdict == "not supported", result.explanation.en
    assert m["dbscan_ari"] < 0.2
    if too == "small":
        assert m["dbscan_clusters"] > 5  # many fragments and noise
        assert m["dbscan_noise_share"] > 0.1
    else:
        assert m["dbscan_clusters"] == 1.0  # the two moons merged


def test_convex_blobs_suit_k_means() -> None:
    result = run_lab("clustering_shapes", {"dataset": "blobs", "draws": 2}, render=False)
    assert result.verdict == "not supported"
    assert float(result.metrics["kmeans_ari"]) > 0.95
