"""L1 vs L2 regularisation: lasso sets coefficients exactly to zero, ridge only shrinks them."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

MIN_IRRELEVANT_ZEROED = 0.5  # share of irrelevant coefficients lasso must set exactly to zero
MSE_RATIO = 0.95  # lasso's test MSE must be at most this fraction of ridge's
N_TEST = 2000


def run(
    *,
    n_samples: int,
    n_features: int,
    n_informative: int,
    noise: float,
    correlation: float,
    seed: int,
) -> Outcome:
    import numpy as np
    from sklearn.linear_model import LassoCV, Ridge, RidgeCV, lasso_path
    from sklearn.model_selection import KFold

    if n_informative > n_features:
        raise LabParameterError(
            f"n_informative ({n_informative}) cannot exceed n_features ({n_features})"
        )
    rng = np.random.default_rng(seed)
    # Features with Toeplitz correlation rho^|i-j|: neighbours are correlated, as in real data.
    idx = np.arange(n_features)
    chol = np.linalg.cholesky(correlation ** np.abs(np.subtract.outer(idx, idx)))
    X = rng.normal(size=(n_samples + N_TEST, n_features)) @ chol.T
    beta = np.zeros(n_features)
    support = np.sort(rng.choice(n_features, n_informative, replace=False))
    beta[support] = rng.choice([-1.0, 1.0], n_informative) * rng.uniform(0.5, 2.0, n_informative)
    y = X @ beta + noise * rng.normal(size=n_samples + N_TEST)
    X_tr, y_tr, X_te, y_te = X[:n_samples], y[:n_samples], X[n_samples:], y[n_samples:]
    true = beta != 0

    # One explicit alpha grid for the CV search and the path (works on every sklearn version).
    centred = X_tr - X_tr.mean(axis=0)
    alpha_max = float(np.abs(centred.T @ (y_tr - y_tr.mean())).max() / n_samples)
    lasso_alphas = alpha_max * np.logspace(0, -3, 80)
    folds = KFold(5, shuffle=True, random_state=seed)
    lasso = LassoCV(alphas=lasso_alphas, cv=folds, max_iter=20000).fit(X_tr, y_tr)
    ridge_alphas = np.logspace(-3, 5, 60)
    ridge = RidgeCV(alphas=ridge_alphas).fit(X_tr, y_tr)

    _, lasso_coefs, _ = lasso_path(centred, y_tr - y_tr.mean(), alphas=lasso_alphas)
    ridge_coefs = np.column_stack(
        [Ridge(alpha=a).fit(X_tr, y_tr).coef_ for a in ridge_alphas]
    )  # (n_features, n_alphas)
    lasso_zeros_path = (lasso_coefs == 0).sum(axis=0)
    ridge_zeros_path = (ridge_coefs == 0).sum(axis=0)
    exact_support_on_path = bool(
        any(np.array_equal(lasso_coefs[:, j] != 0, true) for j in range(len(lasso_alphas)))
    )

    selected = lasso.coef_ != 0
    n_true = int(true.sum())
    n_irrelevant = n_features - n_true
    true_kept = int((selected & true).sum())
    irrelevant_zeroed = int((~selected & ~true).sum())
    lasso_mse = float(np.mean((lasso.predict(X_te) - y_te) ** 2))
    ridge_mse = float(np.mean((ridge.predict(X_te) - y_te) ** 2))
    ridge_zero_max = int(ridge_zeros_path.max())
    ridge_smallest = float(np.abs(ridge.coef_).min())
    zeroed_share = irrelevant_zeroed / n_irrelevant if n_irrelevant else 1.0
    supported = (
        true_kept == n_true
        and zeroed_share >= MIN_IRRELEVANT_ZEROED
        and ridge_zero_max == 0
        and lasso_mse <= MSE_RATIO * ridge_mse
    )
    metrics = {
        "n_true": n_true,
        "n_irrelevant": n_irrelevant,
        "lasso_alpha": float(lasso.alpha_),
        "lasso_nonzero": int(selected.sum()),
        "lasso_true_kept": true_kept,
        "lasso_irrelevant_zeroed": irrelevant_zeroed,
        "lasso_irrelevant_zeroed_share": zeroed_share,
        "lasso_exact_support_on_path": exact_support_on_path,
        "lasso_max_zeros_on_path": int(lasso_zeros_path.max()),
        "ridge_alpha": float(ridge.alpha_),
        "ridge_zero_coefficients_max_on_path": ridge_zero_max,
        "ridge_smallest_abs_coefficient": ridge_smallest,
        "lasso_test_mse": lasso_mse,
        "ridge_test_mse": ridge_mse,
        "lasso_to_ridge_mse": lasso_mse / ridge_mse,
        "noise_variance": noise**2,
    }
    rows = (
        (
            "lasso (L1)",
            float(lasso.alpha_),
            int(selected.sum()),
            f"{true_kept}/{n_true}",
            f"{irrelevant_zeroed}/{n_irrelevant}",
            lasso_mse,
        ),
        (
            "ridge (L2)",
            float(ridge.alpha_),
            int((ridge.coef_ != 0).sum()),
            f"{int((ridge.coef_[true] != 0).sum())}/{n_true}",
            f"{int((ridge.coef_[~true] == 0).sum())}/{n_irrelevant}",
            ridge_mse,
        ),
    )

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        axes = fig.subplots(1, 2)
        panels = (
            (axes[0], lasso_alphas, lasso_coefs, float(lasso.alpha_), "Lasso (L1)"),
            (axes[1], ridge_alphas, ridge_coefs, float(ridge.alpha_), "Ridge (L2)"),
        )
        for ax, alphas, coefs, chosen, title in panels:
            for j in range(n_features):
                if true[j]:
                    ax.plot(alphas, coefs[j], color="#d62728", lw=1.2)
                else:
                    ax.plot(alphas, coefs[j], color="#7f7f7f", lw=0.6, alpha=0.6)
            ax.axvline(chosen, color="black", ls="--", lw=0.8)
            ax.set_xscale("log")
            ax.invert_xaxis()
            ax.set_title(title)
            ax.set_xlabel("α (← stärker)" if de else "α (← stronger)")
        axes[0].set_ylabel(
            "Koeffizient (rot: echt, grau: irrelevant)"
            if de
            else "coefficient (red: true, grey: irrelevant)"
        )

    verdict_en = (
        "Only L1 produces exact zeros, and on this sparse problem that also predicts better."
        if supported
        else "At least one part of the claim fails here (see the table): the benefit of L1 "
        "depends on the truth being sparse."
    )
    verdict_de = (
        "Nur L1 erzeugt exakte Nullen, und bei diesem dünn besetzten Problem sagt das Modell "
        "damit auch besser vorher."
        if supported
        else "Mindestens ein Teil der Behauptung gilt hier nicht (siehe Tabelle): Der Vorteil "
        "von L1 setzt voraus, dass die Wahrheit dünn besetzt ist."
    )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"{n_true} of {n_features} coefficients are truly non-zero. At its cross-validated "
            f"strength (α = {lasso.alpha_:.3g}) lasso keeps {true_kept} of the {n_true} true "
            f"features and sets {irrelevant_zeroed} of {n_irrelevant} irrelevant ones exactly "
            f"to zero; ridge has no exact zero at any of {len(ridge_alphas)} strengths "
            f"(smallest |coefficient| at its CV strength: {ridge_smallest:.2g}). The L1 penalty "
            "has a kink at zero, so a coefficient stays at exactly 0 as long as its "
            "feature's covariance with the residual is at most α; the L2 penalty's gradient "
            "vanishes at zero, so it only scales coefficients down. "
            f"Test MSE: lasso {lasso_mse:.3f}, ridge {ridge_mse:.3f} (noise floor {noise**2:.3f}). "
            + verdict_en,
            f"{n_true} von {n_features} Koeffizienten sind wirklich ungleich null. Bei der per "
            f"Kreuzvalidierung gewählten Stärke (α = {de_num(lasso.alpha_, '.3g')}) behält "
            f"Lasso {true_kept} der {n_true} echten Features und setzt {irrelevant_zeroed} von "
            f"{n_irrelevant} irrelevanten exakt auf null; Ridge hat bei keiner der "
            f"{len(ridge_alphas)} Stärken eine exakte Null (kleinster |Koeffizient| bei der "
            f"CV-Stärke: {de_num(ridge_smallest, '.2g')}). Die L1-Strafe hat bei null einen "
            "Knick, deshalb bleibt ein Koeffizient genau 0, solange die Kovarianz seines "
            "Features mit dem Residuum höchstens α beträgt; der Gradient der L2-Strafe "
            "verschwindet bei null, sie skaliert Koeffizienten nur herunter. "
            f"Test-MSE: Lasso {de_num(lasso_mse)}, Ridge {de_num(ridge_mse)} "
            f"(Rauschuntergrenze {de_num(noise**2)}). " + verdict_de,
        ),
        tables=[
            Table(
                text(
                    "Cross-validated lasso and ridge on held-out data",
                    "Lasso und Ridge mit per Kreuzvalidierung gewählter Stärke, auf Testdaten",
                ),
                ("model", "alpha (CV)", "non-zero", "true kept", "irrelevant = 0", "test MSE"),
                rows,
            )
        ],
        plots=[
            Plot(
                "paths",
                text("Regularisation paths", "Regularisierungspfade"),
                draw,
                size=(8.0, 3.8),
            )
        ],
    )


LAB = Lab(
    id="l1_l2_paths",
    title=text("L1 vs L2: regularisation paths", "L1 vs. L2: Regularisierungspfade"),
    claim=text(
        "On a sparse linear problem, cross-validated lasso keeps every true feature, sets at "
        "least half of the irrelevant coefficients exactly to zero and has at least 5 % lower "
        "test MSE than cross-validated ridge, whose coefficients are non-zero at every "
        "strength.",
        "Bei einem dünn besetzten linearen Problem behält Lasso mit per Kreuzvalidierung "
        "gewählter Stärke jedes echte Feature, setzt mindestens die Hälfte der irrelevanten "
        "Koeffizienten exakt auf null und hat einen um mindestens 5 % kleineren Test-MSE als "
        "Ridge, dessen Koeffizienten bei jeder Stärke ungleich null bleiben.",
    ),
    cards=("l1-vs-l2-regularization",),
    params=(
        Param("n_samples", "int", 200, text("Training rows", "Trainingszeilen"), 30, 5000),
        Param("n_features", "int", 50, text("Features", "Features"), 5, 300),
        Param(
            "n_informative",
            "int",
            5,
            text("Truly non-zero coefficients", "Wirklich von null verschiedene Koeffizienten"),
            1,
            300,
        ),
        Param(
            "noise", "float", 1.0, text("Noise standard deviation", "Rauschen (Std.)"), 0.0, 10.0
        ),
        Param(
            "correlation",
            "float",
            0.3,
            text(
                "Correlation of neighbouring features (ρ^|i−j|)",
                "Korrelation benachbarter Features (ρ^|i−j|)",
            ),
            0.0,
            0.95,
        ),
    ),
    run_fn=run,
)
