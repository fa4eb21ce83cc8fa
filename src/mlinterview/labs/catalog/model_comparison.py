"""Choosing an algorithm: compare families under one protocol, starting from baselines."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

DATASETS = ("breast_cancer", "wine", "digits")
SIMPLE = "logistic regression"


def _models(seed: int, n_trees: int) -> dict[str, Any]:
    from sklearn.dummy import DummyClassifier
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC
    from sklearn.tree import DecisionTreeClassifier

    return {
        "majority baseline": DummyClassifier(strategy="most_frequent"),
        SIMPLE: make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
        "naive Bayes": GaussianNB(),
        "k-NN": make_pipeline(StandardScaler(), KNeighborsClassifier()),
        "decision tree": DecisionTreeClassifier(random_state=seed),
        "random forest": RandomForestClassifier(n_trees, random_state=seed, n_jobs=1),
        "RBF SVM": make_pipeline(StandardScaler(), SVC()),
    }


def run(*, datasets: str, folds: int, tolerance: float, n_trees: int, seed: int) -> Outcome:
    from sklearn import datasets as skd
    from sklearn.model_selection import StratifiedKFold, cross_validate

    chosen = DATASETS if datasets == "all" else (datasets,)
    rows = []
    results: dict[str, dict[str, tuple[float, float, float]]] = {}
    for name in chosen:
        X, y = getattr(skd, f"load_{name}")(return_X_y=True)
        cv = StratifiedKFold(folds, shuffle=True, random_state=seed)
        results[name] = {}
        for family, model in _models(seed, n_trees).items():
            scores = cross_validate(model, X, y, cv=cv)
            mean = float(scores["test_score"].mean())
            std = float(scores["test_score"].std())
            fit = float(scores["fit_time"].mean())
            results[name][family] = (mean, std, fit)
            rows.append((name, family, mean, std, fit * 1000))
    winners = {}
    simple_gap = {}
    baseline_margin = {}
    for name, res in results.items():
        learned = {f: v for f, v in res.items() if f != "majority baseline"}
        winners[name] = max(learned, key=lambda f: (learned[f][0], f))
        simple_gap[name] = learned[winners[name]][0] - learned[SIMPLE][0]
        baseline_margin[name] = min(v[0] for v in learned.values()) - res["majority baseline"][0]
    distinct_winners = len(set(winners.values()))
    worst_gap = max(simple_gap.values())
    supported = distinct_winners > 1 and worst_gap <= tolerance
    metrics: dict[str, Any] = {
        "distinct_winners": distinct_winners,
        "worst_simple_gap": worst_gap,
        "min_margin_over_baseline": min(baseline_margin.values()),
    }
    for name in chosen:
        metrics[f"{name}_winner"] = winners[name]
        metrics[f"{name}_best_accuracy"] = results[name][winners[name]][0]
        metrics[f"{name}_simple_accuracy"] = results[name][SIMPLE][0]
        metrics[f"{name}_baseline_accuracy"] = results[name]["majority baseline"][0]

    def draw(fig: Any, lang: str) -> None:
        import numpy as np

        de = lang == "de"
        ax1, ax2 = fig.subplots(1, 2, sharey=True)
        families = list(next(iter(results.values())))
        pos = np.arange(len(families))
        height = 0.8 / len(chosen)
        for i, name in enumerate(chosen):
            offset = pos + (i - (len(chosen) - 1) / 2) * height
            ax1.barh(offset, [results[name][f][0] for f in families], height, label=name)
            ax2.barh(offset, [results[name][f][2] * 1000 for f in families], height)
        ax1.set_yticks(pos, families)
        ax1.invert_yaxis()
        ax1.set_xlim(0, 1)
        ax1.set_xlabel(f"Accuracy ({folds}-fache CV)" if de else f"accuracy ({folds}-fold CV)")
        ax1.legend(fontsize=7, loc="lower left")
        ax2.set_xscale("log")
        ax2.set_xlabel("Trainingszeit je Fold (ms)" if de else "fit time per fold (ms)")

    listing = ", ".join(f"{n}: {w}" for n, w in winners.items())
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Best family per dataset ({folds}-fold CV): {listing}. Logistic regression is at "
            f"most {worst_gap * 100:.1f} points behind the best (allowed "
            f"{tolerance * 100:.1f}); every family beats the majority baseline by at least "
            f"{metrics['min_margin_over_baseline'] * 100:.0f} points. "
            + (
                "No family wins everywhere, so the choice is an experiment under one protocol, "
                "and a simple linear model is the baseline to beat."
                if supported
                else "The claim fails here: either one family wins on every dataset compared, "
                "or the simple model falls further behind than allowed."
            ),
            f"Beste Modellfamilie je Datensatz ({folds}-fache CV): {listing}. Die logistische "
            f"Regression liegt höchstens {de_num(worst_gap * 100, '.1f')} Punkte hinter der "
            f"besten (erlaubt {de_num(tolerance * 100, '.1f')}); jede Familie schlägt die "
            f"Mehrheitsklasse um mindestens "
            f"{metrics['min_margin_over_baseline'] * 100:.0f} Punkte. "
            + (
                "Keine Familie gewinnt überall; die Wahl ist also ein Experiment unter einem "
                "festen Protokoll, und ein einfaches lineares Modell ist die Messlatte."
                if supported
                else "Hier gilt die Behauptung nicht: Entweder gewinnt eine Familie auf allen "
                "verglichenen Datensätzen, oder das einfache Modell fällt weiter zurück als "
                "erlaubt."
            ),
        ),
        tables=[
            Table(
                text(
                    "Cross-validated accuracy and fit time",
                    "Kreuzvalidierte Accuracy und Trainingszeit",
                ),
                ("dataset", "family", "accuracy", "std", "fit time (ms)"),
                tuple(rows),
            )
        ],
        plots=[
            Plot(
                "score_vs_time",
                text("Accuracy vs fit time", "Accuracy gegen Trainingszeit"),
                draw,
                size=(9.0, 3.4),
            )
        ],
    )


LAB = Lab(
    id="model_comparison",
    title=text("Comparing model families", "Modellfamilien vergleichen"),
    claim=text(
        "Under one cross-validation protocol no model family is the best on every dataset, "
        "and a plain logistic regression stays within 2 accuracy points of the best.",
        "Unter einem gemeinsamen Kreuzvalidierungsprotokoll ist keine Modellfamilie auf allen "
        "Datensätzen die beste, und eine einfache logistische Regression bleibt höchstens "
        "2 Prozentpunkte hinter der besten.",
    ),
    cards=("choosing-an-algorithm",),
    params=(
        Param(
            "datasets",
            "choice",
            "all",
            text("Which built-in datasets to compare", "Welche eingebauten Datensätze"),
            choices=("all", *DATASETS),
        ),
        Param("folds", "int", 5, text("Cross-validation folds", "Anzahl der Folds"), 2, 10),
        Param(
            "tolerance",
            "float",
            0.02,
            text("Allowed gap of the simple model", "Erlaubter Rückstand des einfachen Modells"),
            0.0,
            0.5,
        ),
        Param("n_trees", "int", 20, text("Trees in the random forest", "Bäume im Wald"), 5, 500),
    ),
    run_fn=run,
)
