"""Accuracy paradox: on rare positives a do-nothing classifier looks accurate."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

HIGH_ACCURACY = 0.9


def run(*, positive_rate: float, n_samples: int, seed: int) -> Outcome:
    import numpy as np
    from sklearn.datasets import make_classification
    from sklearn.dummy import DummyClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import confusion_matrix
    from sklearn.model_selection import train_test_split

    X, y = make_classification(
        n_samples=n_samples,
        n_features=8,
        n_informative=4,
        weights=[1 - positive_rate],
        flip_y=0.0,
        class_sep=1.0,
        random_state=seed,
    )
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.4, stratify=y, random_state=seed)
    models: dict[str, Any] = {
        "majority": DummyClassifier(strategy="most_frequent"),
        "logistic": LogisticRegression(class_weight="balanced", max_iter=1000),
    }
    rows = []
    metrics: dict[str, Any] = {"test_positives": int(y_te.sum()), "test_size": len(y_te)}
    matrices = {}
    for name, model in models.items():
        pred = model.fit(X_tr, y_tr).predict(X_te)
        tn, fp, fn, tp = confusion_matrix(y_te, pred, labels=[0, 1]).ravel()
        accuracy = (tp + tn) / len(y_te)
        recall = tp / (tp + fn) if tp + fn else 0.0
        precision = tp / (tp + fp) if tp + fp else 0.0
        specificity = tn / (tn + fp) if tn + fp else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        matrices[name] = np.array([[tn, fp], [fn, tp]])
        metrics |= {
            f"{name}_accuracy": float(accuracy),
            f"{name}_recall": float(recall),
            f"{name}_precision": float(precision),
            f"{name}_f1": float(f1),
        }
        rows.append(
            (name, int(tp), int(fp), int(fn), int(tn), accuracy, precision, recall, specificity, f1)
        )
    supported = (
        metrics["majority_accuracy"] >= HIGH_ACCURACY
        and metrics["majority_recall"] == 0.0
        and metrics["logistic_recall"] > metrics["majority_recall"]
    )
    acc, lrec = metrics["majority_accuracy"], metrics["logistic_recall"]
    found = int(rows[1][1])

    def draw(fig: Any, lang: str) -> None:
        axes = fig.subplots(1, 2)
        labels = ["neg", "pos"]
        for ax, (name, matrix) in zip(axes, matrices.items(), strict=True):
            ax.imshow(matrix, cmap="Blues")
            ax.grid(False)
            for (i, j), value in np.ndenumerate(matrix):
                ax.text(j, i, str(value), ha="center", va="center")
            ax.set_xticks([0, 1], labels)
            ax.set_yticks([0, 1], labels)
            ax.set_xlabel("vorhergesagt" if lang == "de" else "predicted")
            ax.set_ylabel("tatsächlich" if lang == "de" else "actual")
            ax.set_title(name)

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Predicting the majority class for everyone scores accuracy {acc:.3f} yet finds "
            f"none of the {metrics['test_positives']} positives (recall 0). A logistic "
            f"regression with balanced class weights has the lower accuracy "
            f"({metrics['logistic_accuracy']:.3f}) but finds {found} of them (recall "
            f"{lrec:.3f}). Accuracy hides what the confusion matrix shows.",
            f"Wer immer die Mehrheitsklasse vorhersagt, erreicht eine Accuracy von "
            f"{de_num(acc)}, findet aber keinen der {metrics['test_positives']} positiven Fälle "
            f"(Recall 0). Eine logistische Regression mit ausgeglichenen Klassengewichten hat "
            f"die niedrigere Accuracy ({de_num(metrics['logistic_accuracy'])}), findet aber "
            f"{found} davon (Recall {de_num(lrec)}). Die Accuracy verdeckt, was die "
            "Konfusionsmatrix zeigt.",
        ),
        tables=[
            Table(
                text(
                    "Confusion counts and derived metrics (test set)",
                    "Konfusionsmatrix und abgeleitete Kennzahlen (Testdaten)",
                ),
                (
                    "model",
                    "TP",
                    "FP",
                    "FN",
                    "TN",
                    "accuracy",
                    "precision",
                    "recall",
                    "specificity",
                    "F1",
                ),
                tuple(rows),
            )
        ],
        plots=[
            Plot(
                "matrices", text("Confusion matrices", "Konfusionsmatrizen"), draw, size=(7.0, 3.4)
            )
        ],
    )


LAB = Lab(
    id="confusion_matrix",
    title=text(
        "Confusion matrix and the accuracy paradox", "Konfusionsmatrix und das Accuracy-Paradoxon"
    ),
    claim=text(
        "On imbalanced data a classifier that always predicts the majority class reaches high "
        "accuracy while its recall for the rare class is zero.",
        "Bei unausgewogenen Daten erreicht ein Klassifikator, der immer die Mehrheitsklasse "
        "vorhersagt, eine hohe Accuracy, obwohl sein Recall für die seltene Klasse null ist.",
    ),
    cards=("confusion-matrix",),
    params=(
        Param(
            "positive_rate",
            "float",
            0.05,
            text("Share of positive examples", "Anteil positiver Beispiele"),
            0.01,
            0.5,
        ),
        Param(
            "n_samples", "int", 4000, text("Number of examples", "Anzahl der Beispiele"), 200, 50000
        ),
    ),
    run_fn=run,
)
