"""Lab results are computed once per test session: each default run costs up to seconds."""

from __future__ import annotations

from functools import cache

from mlinterview.labs.base import LabResult
from mlinterview.labs.registry import run_lab

MY_LABS = (
    "semi_supervised",
    "model_comparison",
    "knn",
    "feature_importance",
    "overfitting",
    "supervised_vs_unsupervised",
    "confusion_matrix",
    "parametric_vs_nonparametric",
    "bias_variance",
    "feature_scaling",
    "variance_reduction",
    "drift",
    "time_series_cv",
    "roc_auc",
    "threshold_tuning",
    "regression_diagnostics",
    "dimensionality_reduction",
)


@cache
def default_result(lab_id: str) -> LabResult:
    """The lab at its default parameters, without figures (tests never compare pixels)."""
    return run_lab(lab_id, render=False)
