"""Each lab measures its claim: defaults support it, and settings that break it do not.

Numbers are checked within tolerances wide enough for library-version noise but narrow
enough that a wrong experiment (or a verdict computed from the wrong numbers) fails.
"""

from __future__ import annotations

import pytest
from lab_cache import default_result

from mlinterview.labs.registry import run_lab


def test_feature_scaling_lifts_knn_by_ten_points() -> None:
    m = default_result("feature_scaling").metrics
    assert m["knn_gain"] >= 0.10
    assert m["knn_raw_accuracy"] < 0.8 < m["knn_standardised_accuracy"]
    assert m["tree_change"] == pytest.approx(0.0, abs=0.02)  # trees ignore scale
    assert m["gd_iterations_standardised"] < m["gd_iterations_raw"]
    assert m["condition_raw"] > 1000 * m["condition_standardised"]


def test_feature_scaling_on_prescaled_data_gains_nothing() -> None:
    result = run_lab("feature_scaling", {"dataset": "wine_prescaled"}, render=False)
    assert result.verdict == "not supported"
    assert abs(float(result.metrics["knn_gain"])) < 0.02
    assert result.metrics["gd_iterations_raw"] == result.metrics["gd_iterations_standardised"]


def test_knn_moderate_k_beats_both_extremes() -> None:
    m = default_result("knn").metrics
    assert m["train_accuracy_k1"] == 1.0  # k = 1 memorises the training set
    assert m["val_accuracy_k"] >= m["val_accuracy_k1"] + 0.01
    assert m["val_accuracy_kn"] == pytest.approx(0.5, abs=0.02)  # majority vote on moons
    assert 1 < m["best_k"] < m["n_train"]


@pytest.mark.parametrize("k", ["200", "1"])
def test_knn_extreme_k_does_not_support_the_claim(k: str) -> None:
    # k equal to the training size (200 of 400 points) predicts the majority everywhere.
    assert run_lab("knn", {"k": k}, render=False).verdict == "not supported"


def test_time_series_shuffled_kfold_is_optimistic() -> None:
    m = default_result("time_series_cv").metrics
    assert m["shuffled_kfold_score"] > m["forward_chaining_score"] + 0.1
    assert m["shuffled_kfold_mse"] <= 0.8 * m["forward_chaining_mse"]
    assert abs(m["forward_chaining_mse"] - m["future_holdout_mse"]) < abs(
        m["shuffled_kfold_mse"] - m["future_holdout_mse"]
    )
    assert m["lag1_autocorrelation"] > 0.8


def test_time_series_without_autocorrelation_shows_no_leak() -> None:
    result = run_lab("time_series_cv", {"phi": "0", "n_history": "1000"}, render=False)
    assert result.verdict == "not supported"
    assert abs(float(result.metrics["lag1_autocorrelation"])) < 0.1
    assert float(result.metrics["shuffled_to_forward_ratio"]) > 0.9


def test_feature_importance_impurity_is_fooled_permutation_is_not() -> None:
    m = default_result("feature_importance").metrics
    assert m["noise_rank_impurity"] <= 3
    assert m["noise_rank_permutation"] >= 5
    assert m["noise_rank_shap"] >= 4
    assert m["train_accuracy"] == 1.0  # fully grown trees memorise, noise included


def test_feature_importance_with_large_leaves_is_not_fooled() -> None:
    result = run_lab("feature_importance", {"min_samples_leaf": "40"}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["noise_rank_impurity"] >= 5


def test_semi_supervised_beats_labelled_only() -> None:
    m = default_result("semi_supervised").metrics
    assert m["n_labelled"] == 60
    assert m["label_spreading_accuracy"] >= m["labelled_only_accuracy"] + 0.03
    assert m["labelled_only_accuracy"] < m["all_labels_accuracy"]


def test_semi_supervised_with_all_labels_has_nothing_to_add() -> None:
    result = run_lab("semi_supervised", {"label_fraction": "1.0", "rounds": "1"}, render=False)
    assert result.verdict == "not supported"
    assert float(result.metrics["best_gain"]) < 0.02


def test_model_comparison_no_single_winner() -> None:
    m = default_result("model_comparison").metrics
    assert m["distinct_winners"] >= 2
    assert m["worst_simple_gap"] <= 0.02
    assert m["min_margin_over_baseline"] > 0.2


def test_model_comparison_on_one_dataset_cannot_show_different_winners() -> None:
    result = run_lab("model_comparison", {"datasets": "wine", "folds": "3"}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["distinct_winners"] == 1


def test_overfitting_gap_and_ridge() -> None:
    m = default_result("overfitting").metrics
    assert m["validation_ratio"] >= 1.5
    assert m["max_degree_train_mse"] < m["noise_variance"]  # fits below the noise floor
    assert m["ridge_validation_mse"] < m["max_degree_validation_mse"]
    assert 2 <= m["best_degree"] <= 6


def test_overfitting_disappears_with_much_data() -> None:
    result = run_lab("overfitting", {"n_train": "3000"}, render=False)
    assert result.verdict == "not supported"
    assert float(result.metrics["validation_ratio"]) < 1.1


def test_supervised_beats_clustering_on_digits() -> None:
    m = default_result("supervised_vs_unsupervised").metrics
    assert m["supervised_accuracy"] > 0.9
    assert m["clustering_ari"] < 0.7
    assert m["accuracy_gap"] > 0.15


def test_clustering_recovers_well_separated_blobs() -> None:
    result = run_lab("supervised_vs_unsupervised", {"dataset": "blobs"}, render=False)
    assert result.verdict == "not supported"
    assert float(result.metrics["clustering_ari"]) > 0.85


def test_confusion_matrix_accuracy_paradox() -> None:
    m = default_result("confusion_matrix").metrics
    assert m["majority_accuracy"] == pytest.approx(0.95, abs=0.01)
    assert m["majority_recall"] == 0.0
    assert m["logistic_recall"] > 0.4
    assert m["logistic_accuracy"] < m["majority_accuracy"]


def test_confusion_matrix_balanced_classes_break_the_paradox() -> None:
    result = run_lab("confusion_matrix", {"positive_rate": "0.5", "n_samples": "600"}, render=False)
    assert result.verdict == "not supported"
    assert float(result.metrics["majority_accuracy"]) == pytest.approx(0.5, abs=0.02)


def test_parametric_model_stalls_nonparametric_keeps_learning() -> None:
    m = default_result("parametric_vs_nonparametric").metrics
    assert m["linear_parameters"] == 3
    assert m["knn_stored_numbers_large_n"] == 3 * 6400
    assert m["knn_error_large_n"] < 0.1 * m["linear_error_large_n"]
    assert m["linear_error_large_n"] > 0.5 * m["linear_error_small_n"]


def test_linear_target_favours_the_parametric_model() -> None:
    result = run_lab(
        "parametric_vs_nonparametric", {"target": "linear", "max_n": "800"}, render=False
    )
    assert result.verdict == "not supported"
    assert result.metrics["knn_overtakes_at_n"] == -1


def test_bias_variance_u_shape() -> None:
    m = default_result("bias_variance").metrics
    assert 2 <= m["best_degree"] <= 8
    assert m["best_total_error"] < m["total_degree1"]
    assert m["best_total_error"] < m["total_max_degree"]
    assert m["variance_max_degree"] > m["variance_degree1"]
    # The decomposition adds up: bias² + variance + noise ≈ directly measured error.
    assert m["max_relative_decomposition_gap"] < 0.05


def test_bias_variance_without_noise_has_no_u_shape() -> None:
    result = run_lab("bias_variance", {"noise": "0", "resamples": "40"}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["best_degree"] == result.params["max_degree"]


def test_variance_reduction_by_averaging() -> None:
    m = default_result("variance_reduction").metrics
    assert m["variance_reduction_bagging"] > 0.5
    assert m["variance_reduction_forest"] > 0.5
    assert m["bagging_mse"] < m["tree_mse"]
    assert m["bagging_bias2"] < 1.5 * m["tree_bias2"]  # averaging barely moves bias


def test_variance_reduction_with_one_tree_does_not_hold() -> None:
    result = run_lab("variance_reduction", {"n_estimators": "1", "resamples": "8"}, render=False)
    assert result.verdict == "not supported"


def test_drift_covariate_vs_concept() -> None:
    m = default_result("drift").metrics
    assert m["covariate_psi"] > 0.2 and m["covariate_ks_p"] < 0.01
    assert m["concept_psi"] < 0.1 and m["concept_ks_p"] > 0.01
    assert m["concept_accuracy"] < m["reference_accuracy"] - 0.2
    assert m["covariate_accuracy"] > 0.95  # the rule did not change, so the model still works


@pytest.mark.parametrize("override", [{"shift": "0"}, {"concept_angle": "0"}])
def test_drift_without_a_shift_is_not_supported(override: dict[str, str]) -> None:
    assert run_lab("drift", {**override, "n": "1000"}, render=False).verdict == "not supported"


def test_roc_auc_is_a_ranking_probability() -> None:
    m = default_result("roc_auc").metrics
    assert m["roc_auc"] == pytest.approx(m["pairwise_probability"], abs=1e-12)
    assert m["roc_auc_with_ties"] == pytest.approx(m["pairwise_with_ties"], abs=1e-12)
    assert m["sampled_pairs_probability"] == pytest.approx(m["roc_auc"], abs=0.02)
    assert m["reversed_scores_auc"] == pytest.approx(1 - m["roc_auc"], abs=1e-12)
    assert m["random_scores_auc"] == pytest.approx(0.5, abs=0.08)
    assert m["average_precision"] < m["roc_auc"] - 0.15


def test_roc_auc_balanced_classes_keep_pr_close() -> None:
    result = run_lab("roc_auc", {"positive_rate": "0.5", "n_samples": "2000"}, render=False)
    assert result.verdict == "not supported"
    m = result.metrics
    assert abs(float(m["average_precision"]) - float(m["roc_auc"])) < 0.1


def test_threshold_tuning_gains() -> None:
    m = default_result("threshold_tuning").metrics
    assert m["threshold_f1"] < 0.5
    assert m["f1_gain"] >= 0.05
    assert m["test_cost_tuned"] < m["test_cost_default"]
    assert m["threshold_cost"] == pytest.approx(m["bayes_threshold"], abs=0.1)
    assert m["test_recall_at_recall_threshold"] >= 0.85


def test_threshold_tuning_balanced_symmetric_costs_gain_little() -> None:
    result = run_lab("threshold_tuning", {"positive_rate": "0.5", "cost_fn": "1"}, render=False)
    assert result.verdict == "not supported"
    assert abs(float(result.metrics["f1_gain"])) < 0.02


def test_regression_diagnostics_each_check_catches_its_violation() -> None:
    m = default_result("regression_diagnostics").metrics
    assert m["clean_passes_all"] is True
    assert m["violations_caught"] == 5
    assert m["autocorrelated_errors_durbin_watson"] < 1.0
    assert m["collinear_inputs_max_vif"] > 50
    assert m["clean_max_vif"] < 1.5


def test_regression_diagnostics_without_violations_catches_nothing() -> None:
    result = run_lab("regression_diagnostics", {"strength": "0"}, render=False)
    assert result.verdict == "not supported"
    assert result.metrics["violations_caught"] == 0


def test_dimensionality_reduction_methods_fit_their_data() -> None:
    m = default_result("dimensionality_reduction").metrics
    assert 0.4 < m["wine_variance_kept_by_pca"] < 0.7  # two components lose information
    assert m["wine_lda_accuracy"] > m["wine_pca_accuracy"]
    assert m["circles_kernel_pca_accuracy"] > 0.95
    assert m["circles_pca_accuracy"] < 0.6


def test_kernel_pca_with_a_mismatched_width_stays_tangled() -> None:
    result = run_lab("dimensionality_reduction", {"gamma": "0.01"}, render=False)
    assert result.verdict == "not supported"
    assert float(result.metrics["circles_kernel_pca_accuracy"]) < 0.7


@pytest.mark.parametrize("lab_id", ["confusion_matrix", "drift", "bias_variance", "knn"])
def test_same_parameters_give_the_same_numbers(lab_id: str) -> None:
    again = run_lab(lab_id, render=False)
    assert dict(again.metrics) == dict(default_result(lab_id).metrics)
    assert again.tables == default_result(lab_id).tables


def test_a_different_seed_gives_different_numbers() -> None:
    other = run_lab("confusion_matrix", {"seed": "7"}, render=False)
    assert dict(other.metrics) != dict(default_result("confusion_matrix").metrics)
