"""NMS removes duplicate boxes without losing objects, if the threshold fits."""

from __future__ import annotations

import numpy as np
import pytest

from mlinterview.labs.catalog.detection_basics import iou_matrix, nms
from mlinterview.labs.registry import run_lab


def test_default_nms_removes_all_duplicates_and_keeps_every_object() -> None:
    result = run_lab("detection_basics", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["duplicates_before"] > 0.5 * m["objects"]
    assert m["duplicates_after"] == 0
    assert m["duplicates_removed"] == 1.0
    assert m["recall_after"] == m["recall_before"] == 1.0
    assert m["ap_after"] > m["ap_before"] + 0.1
    assert 0.15 < m["overlapping_pair_iou"] < 0.45


def test_threshold_too_high_lets_duplicates_through() -> None:
    result = run_lab("detection_basics", {"scenes": 10, "iou_threshold": 0.9}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["duplicates_after"] > 0


def test_threshold_too_low_merges_neighbouring_objects() -> None:
    result = run_lab("detection_basics", {"scenes": 10, "iou_threshold": 0.1}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["recall_after"] < result.metrics["recall_before"]


def test_iou_values() -> None:
    a = np.array([[0.0, 0.0, 2.0, 2.0]])
    b = np.array([[0.0, 0.0, 2.0, 2.0], [1.0, 0.0, 3.0, 2.0], [5.0, 5.0, 6.0, 6.0]])
    assert iou_matrix(a, b)[0] == pytest.approx([1.0, 1 / 3, 0.0])


def test_nms_keeps_the_best_of_each_cluster() -> None:
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30], [0, 0, 10, 9]], float)
    scores = np.array([0.6, 0.9, 0.5, 0.8])
    assert list(nms(boxes, scores, 0.5)) == [1, 2]


def test_figures_render() -> None:
    result = run_lab("detection_basics", {"scenes": 3}, render=True)
    assert [f.name for f in result.figures] == ["scene", "threshold_sweep"]
