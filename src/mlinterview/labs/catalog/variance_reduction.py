"""Low bias, high variance: averaging many deep trees steadies the prediction."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text


def run(*, n_train: int, n_estimators: int, resamples: int, seed: int) -> Outcome:
    import numpy as np
    from sklearn.datasets import make_friedman1
    from sklearn.ensemble import BaggingRegressor, RandomForestRegressor
    from sklearn.tree import DecisionTreeRegressor

    X, y = make_friedman1(n_samples=n_train, noise=1.0, random_state=seed)
    X_te, _ = make_friedman1(n_samples=300, noise=0.0, random_state=seed + 1)
    # Noise-free targets of the test points: error = bias² + variance, no noise term.
    x = X_te
    f_te = (
        10 * np.sin(np.pi * x[:, 0] * x[:, 1])
        + 20 * (x[:, 2] - 0.5) ** 2
        + 10 * x[:, 3]
        + 5 * x[:, 4]
    )
    rng = np.random.default_rng(seed)

    def models(r: int) -> dict[str, Any]:
        return {
            "deep tree": DecisionTreeRegressor(random_state=r),
            "bagging": BaggingRegressor(
                DecisionTreeRegressor(), n_estimators=n_estimators, random_state=r
            ),
            "random forest": RandomForestRegressor(
                n_estimators, max_features=0.33, random_state=r, n_jobs=1
            ),
        }

    names = list(models(0))
    preds = {name: np.empty((resamples, len(X_te))) for name in names}
    for r in range(resamples):
        idx = rng.integers(0, n_train, n_train)  # a bootstrap resample of the training set
        for name, model in models(seed + r).items():
            preds[name][r] = model.fit(X[idx], y[idx]).predict(X_te)
    rows = []
    stats = {}
    for name in names:
        p = preds[name]
        variance = float(p.var(axis=0).mean())
        bias2 = float(((p.mean(axis=0) - f_te) ** 2).mean())
        mse = float(((p - f_te) ** 2).mean())
        stats[name] = (variance, bias2, mse)
        rows.append((name, variance, bias2, mse))
    tree, bag, forest = (stats[n] for n in names)
    supported = (
        bag[0] < tree[0] and forest[0] < tree[0] and bag[2] < tree[2] and forest[2] < tree[2]
    )
    metrics = {
        "tree_variance": tree[0],
        "bagging_variance": bag[0],
        "forest_variance": forest[0],
        "tree_bias2": tree[1],
        "bagging_bias2": bag[1],
        "forest_bias2": forest[1],
        "tree_mse": tree[2],
        "bagging_mse": bag[2],
        "forest_mse": forest[2],
        "variance_reduction_bagging": 1 - bag[0] / tree[0],
        "variance_reduction_forest": 1 - forest[0] / tree[0],
    }
    point = int(np.argmax(preds["deep tree"].var(axis=0)))

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2 = fig.subplots(1, 2)
        labels = names
        ax1.boxplot([preds[n][:, point] for n in names], tick_labels=labels)
        ax1.axhline(f_te[point], color="grey", ls=":", label="f(x)")
        ax1.set_ylabel("Vorhersage an einem Testpunkt" if de else "prediction at one test point")
        ax1.legend()
        width = 0.35
        pos = np.arange(len(names))
        ax2.bar(
            pos - width / 2,
            [stats[n][0] for n in names],
            width,
            label="Varianz" if de else "variance",
        )
        ax2.bar(pos + width / 2, [stats[n][1] for n in names], width, label="Bias²")
        ax2.set_xticks(pos, labels)
        ax2.legend()

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Across {resamples} bootstrap resamples, the prediction variance is "
            f"{tree[0]:.2f} for one deep tree, {bag[0]:.2f} for bagging and {forest[0]:.2f} for "
            f"the random forest ({n_estimators} trees each); test error against the true "
            f"function is {tree[2]:.2f}, {bag[2]:.2f} and {forest[2]:.2f}. "
            + (
                "Averaging cancels much of the trees' independent errors while bias barely "
                "moves. "
                + (
                    "The forest's random feature subsets decorrelate the trees and cut variance "
                    "further, at the price of some bias."
                    if forest[0] < bag[0]
                    else "Here the forest's feature subsets do not lower variance further."
                )
                if supported
                else "With this few trees averaging cannot cancel the errors, so the claim "
                "does not hold."
            ),
            f"Über {resamples} Bootstrap-Stichproben beträgt die Varianz der Vorhersage "
            f"{de_num(tree[0], '.2f')} für einen tiefen Baum, {de_num(bag[0], '.2f')} für "
            f"Bagging und {de_num(forest[0], '.2f')} für den Random Forest (je {n_estimators} "
            f"Bäume); der Testfehler gegenüber der wahren Funktion liegt bei "
            f"{de_num(tree[2], '.2f')}, {de_num(bag[2], '.2f')} und {de_num(forest[2], '.2f')}. "
            + (
                "Das Mitteln hebt einen Großteil der unabhängigen Fehler der Bäume auf, der "
                "Bias ändert sich kaum. "
                + (
                    "Die zufällige Merkmalsauswahl des Forests dekorreliert die Bäume und senkt "
                    "die Varianz weiter, um den Preis von etwas Bias."
                    if forest[0] < bag[0]
                    else "Hier senkt die Merkmalsauswahl des Forests die Varianz nicht weiter."
                )
                if supported
                else "Mit so wenigen Bäumen kann das Mitteln die Fehler nicht aufheben; die "
                "Behauptung gilt hier nicht."
            ),
        ),
        tables=[
            Table(
                text(
                    "Spread and error over bootstrap resamples",
                    "Streuung und Fehler über Bootstrap-Stichproben",
                ),
                ("model", "variance", "bias²", "test MSE vs f(x)"),
                tuple(rows),
            )
        ],
        plots=[
            Plot(
                "spread",
                text("Prediction spread", "Streuung der Vorhersagen"),
                draw,
                size=(8.0, 3.4),
            )
        ],
    )


LAB = Lab(
    id="variance_reduction",
    title=text(
        "Reducing variance: bagging and random forests",
        "Varianz senken: Bagging und Random Forests",
    ),
    claim=text(
        "A single deep tree has low bias but high variance; bagging and a random forest of "
        "such trees give predictions that vary less across bootstrap resamples and have lower "
        "test error.",
        "Ein einzelner tiefer Baum hat wenig Bias, aber hohe Varianz; Bagging und ein Random "
        "Forest aus solchen Bäumen liefern Vorhersagen, die über Bootstrap-Stichproben weniger "
        "schwanken und einen kleineren Testfehler haben.",
    ),
    cards=("low-bias-high-variance",),
    params=(
        Param("n_train", "int", 300, text("Training points", "Trainingspunkte"), 50, 5000),
        Param(
            "n_estimators",
            "int",
            25,
            text("Trees per ensemble (1 = no averaging)", "Bäume je Ensemble (1 = kein Mitteln)"),
            1,
            300,
        ),
        Param("resamples", "int", 15, text("Bootstrap resamples", "Bootstrap-Stichproben"), 5, 200),
    ),
    run_fn=run,
)
