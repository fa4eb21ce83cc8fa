"""Ensemble methods side by side under one cross-validation protocol."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

SINGLE = ("logistic regression", "kNN", "deep tree", "stump")
KIND = {
    "logistic regression": "single",
    "kNN": "single",
    "deep tree": "single",
    "stump": "single",
    "averaging": "averaging",
    "weighted averaging": "averaging",
    "bagging (trees)": "bagging",
    "random forest": "bagging",
    "AdaBoost (stumps)": "boosting",
    "gradient boosting": "boosting",
    "stacking": "stacking",
}


def _data(dataset: str, n_samples: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_breast_cancer, make_classification, make_moons

    if dataset == "breast_cancer":
        x, y = load_breast_cancer(return_X_y=True)
        return x, y
    if dataset == "moons":
        return make_moons(n_samples, noise=0.35, random_state=seed)
    return make_classification(
        n_samples,
        n_features=20,
        n_informative=6,
        n_redundant=4,
        flip_y=0.05,
        class_sep=0.8,
        random_state=seed,
    )


class _WeightedAverage:
    """Soft voting with weights learned on a held-out quarter of the training data:
    each member's weight is its validation log-likelihood advantage over chance."""

    def __init__(self, members: dict[str, Any], seed: int) -> None:
        self.members = members
        self.seed = seed
        self.weights: np.ndarray | None = None

    def fit(self, x: np.ndarray, y: np.ndarray) -> _WeightedAverage:
        import numpy as np
        from sklearn.base import clone
        from sklearn.model_selection import train_test_split

        x_fit, x_val, y_fit, y_val = train_test_split(
            x, y, test_size=0.25, stratify=y, random_state=self.seed
        )
        scores = []
        for model in self.members.values():
            prob = clone(model).fit(x_fit, y_fit).predict_proba(x_val)[:, 1]
            prob = np.clip(prob, 1e-6, 1 - 1e-6)
            ll = np.mean(y_val * np.log(prob) + (1 - y_val) * np.log(1 - prob))
            scores.append(max(ll - np.log(0.5), 1e-6))
        self.weights = np.array(scores) / np.sum(scores)
        self.fitted = [clone(m).fit(x, y) for m in self.members.values()]
        return self

    def score(self, x: np.ndarray, y: np.ndarray) -> float:
        import numpy as np

        assert self.weights is not None
        prob = sum(
            w * m.predict_proba(x)[:, 1] for w, m in zip(self.weights, self.fitted, strict=True)
        )
        return float(np.mean((np.asarray(prob) > 0.5) == y))


def _models(n_estimators: int, seed: int) -> dict[str, Any]:
    from sklearn.ensemble import (
        AdaBoostClassifier,
        BaggingClassifier,
        GradientBoostingClassifier,
        RandomForestClassifier,
        StackingClassifier,
        VotingClassifier,
    )
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    def members() -> list[tuple[str, Any]]:
        return [
            ("lr", make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))),
            ("knn", make_pipeline(StandardScaler(), KNeighborsClassifier(15))),
            ("tree", DecisionTreeClassifier(max_depth=5, random_state=seed)),
        ]

    return {
        "logistic regression": members()[0][1],
        "kNN": members()[1][1],
        "deep tree": DecisionTreeClassifier(random_state=seed),
        "stump": DecisionTreeClassifier(max_depth=1, random_state=seed),
        "averaging": VotingClassifier(members(), voting="soft"),
        "weighted averaging": _WeightedAverage(dict(members()), seed),
        "bagging (trees)": BaggingClassifier(
            DecisionTreeClassifier(random_state=seed), n_estimators=n_estimators, random_state=seed
        ),
        "random forest": RandomForestClassifier(n_estimators=n_estimators, random_state=seed),
        "AdaBoost (stumps)": AdaBoostClassifier(
            DecisionTreeClassifier(max_depth=1), n_estimators=n_estimators, random_state=seed
        ),
        "gradient boosting": GradientBoostingClassifier(
            n_estimators=n_estimators, max_depth=2, random_state=seed
        ),
        "stacking": StackingClassifier(
            members(), final_estimator=LogisticRegression(max_iter=2000), cv=3
        ),
    }


def run(*, dataset: str, n_samples: int, folds: int, n_estimators: int, seed: int) -> Outcome:
    import numpy as np
    from sklearn.base import clone
    from sklearn.model_selection import StratifiedKFold

    x, y = _data(dataset, n_samples, seed)
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y))
    scores: dict[str, list[float]] = {}
    seconds: dict[str, float] = {}
    for name, template in _models(n_estimators, seed).items():
        accs = []
        start = time.perf_counter()
        for train, test in splits:
            model = template if isinstance(template, _WeightedAverage) else clone(template)
            accs.append(float(model.fit(x[train], y[train]).score(x[test], y[test])))
        seconds[name] = time.perf_counter() - start
        scores[name] = accs
    mean = {n: float(np.mean(v)) for n, v in scores.items()}
    best_single = max(("logistic regression", "kNN", "deep tree"), key=lambda n: mean[n])
    ensembles = [n for n in mean if KIND[n] != "single"]
    best_ensemble = max(ensembles, key=lambda n: mean[n])
    bagging_gain = mean["bagging (trees)"] - mean["deep tree"]
    boosting_gain = mean["AdaBoost (stumps)"] - mean["stump"]
    combining_gain = mean[best_ensemble] - mean[best_single]
    supported = bagging_gain > 0 and boosting_gain > 0 and combining_gain >= 0

    metrics: dict[str, Any] = {
        f"accuracy_{n.split(' (')[0].replace(' ', '_').lower()}": v for n, v in mean.items()
    }
    metrics |= {
        "best_single": best_single,
        "best_ensemble": best_ensemble,
        "bagging_gain_over_tree": bagging_gain,
        "boosting_gain_over_stump": boosting_gain,
        "best_ensemble_gain_over_best_single": combining_gain,
        "samples": len(y),
    }
    rows = tuple(
        (
            n,
            KIND[n],
            round(mean[n], 4),
            round(float(np.std(scores[n])), 4),
            round(seconds[n] / folds, 3),
        )
        for n in scores
    )
    colors = {
        "single": "#7f7f7f",
        "averaging": "#1f77b4",
        "bagging": "#2ca02c",
        "boosting": "#d62728",
        "stacking": "#9467bd",
    }

    def draw(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        names = list(scores)
        pos = np.arange(len(names))
        ax.barh(
            pos,
            [mean[n] for n in names],
            xerr=[np.std(scores[n]) for n in names],
            color=[colors[KIND[n]] for n in names],
        )
        ax.set_yticks(pos, names)
        ax.invert_yaxis()
        lo = min(mean.values()) - 0.05
        ax.set_xlim(max(0.0, lo), min(1.0, max(mean.values()) + 0.06))
        ax.set_xlabel(
            f"Genauigkeit ({folds}-fache Kreuzvalidierung)"
            if lang == "de"
            else f"accuracy ({folds}-fold cross-validation)"
        )

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"On {dataset} ({len(y)} samples, {folds}-fold CV): bagging lifts a single deep tree "
            f"from {mean['deep tree']:.3f} to {mean['bagging (trees)']:.3f} by averaging away "
            f"its variance; AdaBoost turns a stump at {mean['stump']:.3f} into "
            f"{mean['AdaBoost (stumps)']:.3f} by fitting its remaining errors (bias). The best "
            f"ensemble ({best_ensemble}, {mean[best_ensemble]:.3f}) against the best single "
            f"model ({best_single}, {mean[best_single]:.3f}): {combining_gain:+.3f}. "
            "Ensembles help most when members are good and make different mistakes.",
            f"Auf {dataset} ({len(y)} Beispiele, {folds}-fache Kreuzvalidierung): Bagging hebt "
            f"einen einzelnen tiefen Baum von {de_num(mean['deep tree'], '.3f')} auf "
            f"{de_num(mean['bagging (trees)'], '.3f')}, weil das Mitteln seine Varianz glättet; "
            f"AdaBoost macht aus einem Stumpf mit {de_num(mean['stump'], '.3f')} ein Modell mit "
            f"{de_num(mean['AdaBoost (stumps)'], '.3f')}, indem es die verbleibenden Fehler "
            f"nachlernt (Bias). Bestes Ensemble ({best_ensemble}, "
            f"{de_num(mean[best_ensemble], '.3f')}) gegen bestes Einzelmodell ({best_single}, "
            f"{de_num(mean[best_single], '.3f')}): {de_num(combining_gain, '+.3f')}. Ensembles "
            "helfen am meisten, wenn die Mitglieder gut sind und verschiedene Fehler machen.",
        ),
        tables=[
            Table(
                text("Cross-validated accuracy", "Kreuzvalidierte Genauigkeit"),
                ("model", "kind", "mean accuracy", "std over folds", "seconds per fold"),
                rows,
            )
        ],
        plots=[
            Plot(
                "accuracy",
                text("Models side by side", "Modelle im Vergleich"),
                draw,
                size=(6.4, 4.4),
            )
        ],
    )


LAB = Lab(
    id="ensembles",
    title=text("Ensemble methods side by side", "Ensemble-Methoden im Vergleich"),
    claim=text(
        "Bagging improves on a single deep tree (it reduces variance), boosting improves on "
        "a single stump (it reduces bias), and the best ensemble is at least as accurate as "
        "the best single model.",
        "Bagging verbessert einen einzelnen tiefen Baum (es senkt die Varianz), Boosting "
        "verbessert einen einzelnen Entscheidungsstumpf (es senkt den Bias), und das beste "
        "Ensemble ist mindestens so genau wie das beste Einzelmodell.",
    ),
    cards=("ensemble-learning",),
    params=(
        Param(
            "dataset",
            "choice",
            "classification",
            text("Dataset", "Datensatz"),
            choices=("classification", "moons", "breast_cancer"),
        ),
        Param(
            "n_samples",
            "int",
            600,
            text("Samples (synthetic datasets)", "Beispiele (synthetische Datensätze)"),
            100,
            3000,
        ),
        Param(
            "folds", "int", 4, text("Cross-validation folds", "Folds der Kreuzvalidierung"), 2, 10
        ),
        Param(
            "n_estimators",
            "int",
            40,
            text(
                "Members of bagging and boosting ensembles",
                "Mitglieder von Bagging- und Boosting-Ensembles",
            ),
            2,
            200,
        ),
    ),
    run_fn=run,
)
