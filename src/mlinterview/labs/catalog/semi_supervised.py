"""Semi-supervised learning: unlabelled points help when labels are scarce."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

MIN_GAIN = 0.02  # accuracy a semi-supervised method must add over labelled-only training
GERMAN = {
    "self-training": "Self-Training",
    "label spreading": "Label Spreading",
    "label spreading → same classifier": "derselbe Klassifikator auf Label-Spreading-Labels",
}


def run(*, label_fraction: float, threshold: float, rounds: int, seed: int) -> Outcome:
    import warnings

    import numpy as np
    from sklearn.datasets import load_digits
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.semi_supervised import LabelSpreading

    X, y = load_digits(return_X_y=True)
    X = X / 16.0
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=seed)
    rng = np.random.default_rng(seed)
    labelled = np.zeros(len(y_tr), dtype=bool)
    per_class = max(1, round(label_fraction * len(y_tr) / 10))
    for c in range(10):  # the same number of labels per digit, so no class is missing
        ids = np.flatnonzero(y_tr == c)
        labelled[rng.choice(ids, min(per_class, len(ids)), replace=False)] = True
    n_labelled = int(labelled.sum())

    def classifier() -> Any:
        return LogisticRegression(max_iter=500)

    scores: dict[str, float] = {}
    base = classifier().fit(X_tr[labelled], y_tr[labelled])
    scores["labelled only"] = float(base.score(X_te, y_te))

    # Self-training: add confident pseudo-labels, refit, repeat.
    pseudo = np.where(labelled, y_tr, -1)
    model = base
    added_per_round = []
    pseudo_correct = 1.0
    for _ in range(rounds):
        unlabelled = np.flatnonzero(pseudo < 0)
        if len(unlabelled) == 0:
            break
        proba = model.predict_proba(X_tr[unlabelled])
        confident = proba.max(axis=1) >= threshold
        if not confident.any():
            break
        chosen = unlabelled[confident]
        pseudo[chosen] = model.classes_[proba[confident].argmax(axis=1)]
        added_per_round.append(int(confident.sum()))
        known = pseudo >= 0
        model = classifier().fit(X_tr[known], pseudo[known])
    scores["self-training"] = float(model.score(X_te, y_te))
    added = pseudo >= 0
    added &= ~labelled
    if added.any():
        pseudo_correct = float((pseudo[added] == y_tr[added]).mean())

    # Label spreading over a k-NN graph of all training points, labelled or not.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # empty rows when all are labelled
        spreading = LabelSpreading(kernel="knn", n_neighbors=7, alpha=0.2, max_iter=100)
        spreading.fit(X_tr, np.where(labelled, y_tr, -1))
        scores["label spreading"] = float(spreading.score(X_te, y_te))
    spread_model = classifier().fit(X_tr, spreading.transduction_)
    scores["label spreading → same classifier"] = float(spread_model.score(X_te, y_te))
    scores["all labels (upper bound)"] = float(classifier().fit(X_tr, y_tr).score(X_te, y_te))

    semi = {k: v for k, v in scores.items() if k.startswith(("self", "label spreading"))}
    best_name = max(semi, key=lambda k: semi[k])
    gain = semi[best_name] - scores["labelled only"]
    supported = gain >= MIN_GAIN
    st_delta = scores["self-training"] - scores["labelled only"]
    note_en = note_de = ""
    if st_delta < 0:
        note_en = (
            f" Self-training lost {-st_delta * 100:.1f} points: {1 - pseudo_correct:.0%} of its "
            "pseudo-labels were wrong, and each refit learned from those mistakes."
        )
        note_de = (
            f" Self-Training verlor {de_num(-st_delta * 100, '.1f')} Punkte: "
            f"{de_num((1 - pseudo_correct) * 100, '.0f')} % "
            "seiner Pseudo-Labels waren falsch, und jede neue Anpassung lernte diese Fehler mit."
        )
    metrics = {
        "n_labelled": n_labelled,
        "n_unlabelled": int(len(y_tr) - n_labelled),
        "labelled_only_accuracy": scores["labelled only"],
        "self_training_accuracy": scores["self-training"],
        "label_spreading_accuracy": scores["label spreading"],
        "spreading_then_classifier_accuracy": scores["label spreading → same classifier"],
        "all_labels_accuracy": scores["all labels (upper bound)"],
        "best_gain": gain,
        "self_training_gain": st_delta,
        "pseudo_label_precision": pseudo_correct,
        "pseudo_labels_added": int(sum(added_per_round)),
    }

    def draw(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        names = list(scores)
        colors = ["#7f7f7f", "#2ca02c", "#2ca02c", "#2ca02c", "#1f77b4"]
        ax.barh(names, [scores[n] for n in names], color=colors)
        ax.set_xlim(0, 1)
        ax.set_xlabel("Test-Accuracy" if lang == "de" else "test accuracy")
        ax.invert_yaxis()

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"With {n_labelled} labelled and {metrics['n_unlabelled']} unlabelled digits the "
            f"classifier reaches {scores['labelled only']:.3f} from the labels alone; "
            f"{best_name} reaches {semi[best_name]:.3f} (gain {gain * 100:.1f} points). "
            + (
                "Digits of one class form dense regions, so labels spread along them "
                "(cluster and smoothness assumptions hold)."
                if supported
                else "The unlabelled points add too little here; with most points already "
                "labelled there is little left to learn from them."
            )
            + note_en,
            f"Mit {n_labelled} beschrifteten und {metrics['n_unlabelled']} unbeschrifteten "
            f"Ziffern erreicht der Klassifikator allein mit den Labels "
            f"{de_num(scores['labelled only'])}; {GERMAN[best_name]} erreicht "
            f"{de_num(semi[best_name])} "
            f"(Gewinn {de_num(gain * 100, '.1f')} Punkte). "
            + (
                "Ziffern einer Klasse bilden dichte Regionen, entlang derer sich Labels "
                "ausbreiten (Cluster- und Glattheitsannahme gelten)."
                if supported
                else "Die unbeschrifteten Punkte bringen hier zu wenig; wenn fast alles "
                "beschriftet ist, bleibt aus ihnen kaum etwas zu lernen."
            )
            + note_de,
        ),
        tables=[
            Table(
                text("Test accuracy", "Test-Accuracy"),
                ("method", "accuracy"),
                tuple(scores.items()),
            )
        ],
        plots=[Plot("accuracy", text("Test accuracy", "Test-Accuracy"), draw)],
    )


LAB = Lab(
    id="semi_supervised",
    title=text("Semi-supervised learning", "Halbüberwachtes Lernen"),
    claim=text(
        "With only about 5 % of the digits labelled, using the unlabelled digits too (label "
        "spreading or self-training) beats the same classifier trained on the labelled part "
        "alone by at least 2 accuracy points.",
        "Wenn nur etwa 5 % der Ziffern beschriftet sind, schlägt die Mitnutzung der "
        "unbeschrifteten Ziffern (Label Spreading oder Self-Training) denselben Klassifikator, "
        "der nur auf dem beschrifteten Teil trainiert wird, um mindestens 2 Prozentpunkte.",
    ),
    cards=("semi-supervised-learning",),
    params=(
        Param(
            "label_fraction",
            "float",
            0.05,
            text("Share of training digits with labels", "Anteil beschrifteter Trainingsziffern"),
            0.01,
            1.0,
        ),
        Param(
            "threshold",
            "float",
            0.7,
            text("Confidence needed for a pseudo-label", "Nötige Sicherheit für ein Pseudo-Label"),
            0.1,
            1.0,
        ),
        Param("rounds", "int", 3, text("Self-training rounds", "Self-Training-Runden"), 0, 10),
    ),
    run_fn=run,
)
