"""Feature importance: impurity importance favours a high-cardinality noise feature."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, text

FEATURES = (
    "binary_a",
    "ternary_b",
    "binary_c",
    "continuous_d",
    "noise_continuous",
    "noise_ternary",
)
INFORMATIVE = FEATURES[:4]
NOISE = "noise_continuous"


def _data(n: int, rng: Any) -> tuple[Any, Any]:
    """Four informative features (three of them with 2-3 values) and two pure-noise ones.

    The planted noise feature is continuous, so it offers a tree ~n distinct split points;
    the informative binary and ternary features offer only one or two.
    """
    import numpy as np

    a = rng.integers(0, 2, n)
    b = rng.integers(0, 3, n)
    c = rng.integers(0, 2, n)
    d = rng.normal(size=n)
    logit = 1.2 * a + 0.8 * (b - 1) + 0.9 * c + 0.6 * d - 1.0
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    X = np.column_stack([a, b, c, d, rng.normal(size=n), rng.integers(0, 3, n)]).astype(float)
    return X, y


def _ranks(values: Any) -> dict[str, int]:
    """1 = most important; ties broken by feature order."""
    order = sorted(range(len(FEATURES)), key=lambda i: (-float(values[i]), i))
    return {FEATURES[i]: rank + 1 for rank, i in enumerate(order)}


def run(*, n_samples: int, n_trees: int, min_samples_leaf: int, seed: int) -> Outcome:
    import numpy as np
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.inspection import permutation_importance
    from sklearn.model_selection import train_test_split

    rng = np.random.default_rng(seed)
    X, y = _data(n_samples, rng)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.5, random_state=seed)
    forest = RandomForestClassifier(
        n_trees, min_samples_leaf=min_samples_leaf, random_state=seed, n_jobs=1
    ).fit(X_tr, y_tr)
    impurity = forest.feature_importances_
    perm = permutation_importance(forest, X_te, y_te, n_repeats=5, random_state=seed, n_jobs=1)
    import warnings

    with warnings.catch_warnings():  # shap's import trips matplotlib deprecation notices
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        import shap  # ~1 s to import, so only here

    sample = X_te[: min(200, len(X_te))]
    values = np.asarray(shap.TreeExplainer(forest).shap_values(sample))
    if values.ndim == 3:  # (samples, features, classes): explain the positive class
        values = values[..., 1]
    shap_mean = np.abs(values).mean(axis=0)
    ranks = {
        "impurity": _ranks(impurity),
        "permutation": _ranks(perm.importances_mean),
        "shap": _ranks(shap_mean),
    }
    noise_index = FEATURES.index(NOISE)
    informative_below_noise = sum(
        impurity[FEATURES.index(f)] < impurity[noise_index] for f in INFORMATIVE
    )
    perm_noise = float(perm.importances_mean[noise_index])
    perm_min_informative = min(float(perm.importances_mean[FEATURES.index(f)]) for f in INFORMATIVE)
    # "High": above at least two of the four informative features. "Not high": permutation
    # importance puts it below every informative feature.
    supported = informative_below_noise >= 2 and perm_noise < perm_min_informative
    metrics = {
        "test_accuracy": float(forest.score(X_te, y_te)),
        "train_accuracy": float(forest.score(X_tr, y_tr)),
        "noise_rank_impurity": ranks["impurity"][NOISE],
        "noise_rank_permutation": ranks["permutation"][NOISE],
        "noise_rank_shap": ranks["shap"][NOISE],
        "noise_impurity_importance": float(impurity[noise_index]),
        "noise_permutation_importance": perm_noise,
        "noise_mean_abs_shap": float(shap_mean[noise_index]),
        "informative_below_noise_impurity": int(informative_below_noise),
    }
    rows = tuple(
        (
            name,
            float(impurity[i]),
            ranks["impurity"][name],
            float(perm.importances_mean[i]),
            ranks["permutation"][name],
            float(shap_mean[i]),
            ranks["shap"][name],
        )
        for i, name in enumerate(FEATURES)
    )

    def draw(fig: Any, lang: str) -> None:
        axes = fig.subplots(1, 3, sharey=True)
        series = (
            ("impurity (train)", impurity),
            ("permutation (test)", perm.importances_mean),
            ("mean |SHAP| (test)", shap_mean),
        )
        colors = ["#d62728" if f.startswith("noise") else "#1f77b4" for f in FEATURES]
        for ax, (title, vals) in zip(axes, series, strict=True):
            ax.barh(FEATURES, vals, color=colors)
            ax.set_title(title)
        axes[0].invert_yaxis()

    noise_ranks = (
        f"{ranks['impurity'][NOISE]} by impurity, {ranks['permutation'][NOISE]} by "
        f"permutation and {ranks['shap'][NOISE]} by SHAP"
    )
    noise_ranks_de = (
        f"{ranks['impurity'][NOISE]} nach Unreinheit, {ranks['permutation'][NOISE]} nach "
        f"Permutation und {ranks['shap'][NOISE]} nach SHAP"
    )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"The planted noise feature gets rank {noise_ranks} (of {len(FEATURES)}). "
            + (
                "Impurity importance is summed over training-set splits, and a continuous "
                "feature offers a fully grown tree many split points to fit noise with; "
                "shuffling it on held-out data costs little accuracy, so permutation importance "
                "sees through it."
                if supported
                else "Here impurity importance does not put the noise feature above most "
                "informative features (or permutation importance does), so the claim fails; "
                "larger leaves leave the trees fewer chances to fit noise."
            ),
            f"Das eingebaute Rauschmerkmal erhält Rang {noise_ranks_de} (von "
            f"{len(FEATURES)}). "
            + (
                "Die Unreinheits-Wichtigkeit summiert Splits auf den Trainingsdaten, und ein "
                "stetiges Merkmal bietet einem voll ausgewachsenen Baum viele Schnittpunkte, "
                "um Rauschen anzupassen; auf zurückgehaltenen Daten kostet sein Vertauschen kaum "
                "Accuracy, daher durchschaut die Permutations-Wichtigkeit es."
                if supported
                else "Hier setzt die Unreinheits-Wichtigkeit das Rauschmerkmal nicht über die "
                "meisten informativen Merkmale (oder die Permutation tut es), also gilt die "
                "Behauptung nicht; größere Blätter lassen den Bäumen weniger Raum, Rauschen "
                "anzupassen."
            ),
        ),
        tables=[
            Table(
                text("Importance and rank by method", "Wichtigkeit und Rang je Verfahren"),
                (
                    "feature",
                    "impurity",
                    "rank",
                    "permutation",
                    "rank",
                    "mean |SHAP|",
                    "rank",
                ),
                rows,
            )
        ],
        plots=[
            Plot(
                "importances",
                text("Three importance measures", "Drei Wichtigkeitsmaße"),
                draw,
                size=(9.0, 3.2),
            )
        ],
    )


LAB = Lab(
    id="feature_importance",
    title=text("Feature importance and its biases", "Feature-Wichtigkeit und ihre Verzerrungen"),
    claim=text(
        "A random forest's impurity importance ranks a planted pure-noise continuous feature "
        "above most informative features, while permutation importance on held-out data "
        "ranks it below all of them.",
        "Die Unreinheits-Wichtigkeit eines Random Forest stellt ein eingebautes, rein "
        "zufälliges stetiges Merkmal über die meisten informativen Merkmale, während die "
        "Permutations-Wichtigkeit auf zurückgehaltenen Daten es hinter alle einordnet.",
    ),
    cards=("feature-importance",),
    params=(
        Param("n_samples", "int", 2000, text("Examples", "Beispiele"), 200, 20000),
        Param("n_trees", "int", 40, text("Trees in the forest", "Bäume im Wald"), 5, 500),
        Param(
            "min_samples_leaf",
            "int",
            1,
            text("Minimum leaf size (1 = fully grown)", "Minimale Blattgröße (1 = voll)"),
            1,
            500,
        ),
    ),
    run_fn=run,
)
