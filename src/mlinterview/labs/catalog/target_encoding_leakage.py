"""Target encoding leaks the label unless it is computed out of fold."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

# The gap (CV AUC - test AUC) is compared with the gap of the model without the categorical
# feature, which removes the sampling noise the two gaps share ("excess gap").
NAIVE_GAP = 0.05  # in-sample encoding must add at least this much gap
OOF_GAP = 0.02  # out-of-fold encoding must add less than this
SWEEP = (2, 10, 50, 200, 1000, 5000, 20000)


def _means(cats: Any, y: Any, k: int, prior: float, smoothing: float) -> Any:
    """Per-category mean target, shrunk towards the prior by ``smoothing`` pseudo-rows."""
    import numpy as np

    sums = np.bincount(cats, weights=y, minlength=k)
    counts = np.bincount(cats, minlength=k)
    denom = counts + smoothing
    safe = np.where(denom > 0, denom, 1.0)
    return np.where(denom > 0, (sums + smoothing * prior) / safe, prior)


def _encode(
    cat_tr: Any, y_tr: Any, cat_te: Any, k: int, smoothing: float, folds: int, seed: int
) -> dict[str, tuple[Any, Any]]:
    """Naive (in-sample) and out-of-fold encodings of the training rows; the test rows are
    encoded with means from the whole training set in both cases."""
    import numpy as np
    from sklearn.model_selection import KFold

    prior = float(y_tr.mean())
    full = _means(cat_tr, y_tr, k, prior, smoothing)
    oof = np.empty(len(y_tr))
    for fit_idx, enc_idx in KFold(folds, shuffle=True, random_state=seed).split(cat_tr):
        fold_prior = float(y_tr[fit_idx].mean())
        oof[enc_idx] = _means(cat_tr[fit_idx], y_tr[fit_idx], k, fold_prior, smoothing)[
            cat_tr[enc_idx]
        ]
    return {"naive": (full[cat_tr], full[cat_te]), "out-of-fold": (oof, full[cat_te])}


def _scores(x_tr: Any, y_tr: Any, x_te: Any, y_te: Any, seed: int) -> tuple[float, float, float]:
    """Train AUC, 5-fold CV AUC on the training rows, and test AUC of a logistic model."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    model = LogisticRegression().fit(x_tr, y_tr)
    cv = StratifiedKFold(5, shuffle=True, random_state=seed)
    cv_auc = float(
        cross_val_score(LogisticRegression(), x_tr, y_tr, cv=cv, scoring="roc_auc").mean()
    )
    train_auc = float(roc_auc_score(y_tr, model.predict_proba(x_tr)[:, 1]))
    test_auc = float(roc_auc_score(y_te, model.predict_proba(x_te)[:, 1]))
    return train_auc, cv_auc, test_auc


def _excess(result: dict[str, tuple[float, float, float]], name: str) -> float:
    """(CV - test) of one encoding minus (CV - test) of the numeric-only model."""
    return (result[name][1] - result[name][2]) - (
        result["numeric only"][1] - result["numeric only"][2]
    )


def _experiment(
    n_categories: int, n_train: int, smoothing: float, folds: int, seed: int
) -> dict[str, tuple[float, float, float]]:
    import numpy as np

    rng = np.random.default_rng(seed)
    n = 2 * n_train
    x = rng.normal(size=n)  # the one real signal
    y = (rng.random(n) < 1 / (1 + np.exp(-x))).astype(int)
    cats = rng.integers(0, n_categories, size=n)  # drawn independently of y: no signal at all
    tr, te = slice(0, n_train), slice(n_train, n)
    out = {"numeric only": _scores(x[tr, None], y[tr], x[te, None], y[te], seed)}
    encoded = _encode(cats[tr], y[tr], cats[te], n_categories, smoothing, folds, seed)
    for name, (enc_tr, enc_te) in encoded.items():
        out[name] = _scores(
            np.column_stack([x[tr], enc_tr]), y[tr], np.column_stack([x[te], enc_te]), y[te], seed
        )
    return out


def run(*, n_categories: int, n_train: int, smoothing: float, folds: int, seed: int) -> Outcome:
    if folds > n_train:
        raise LabParameterError(f"folds ({folds}) cannot exceed n_train ({n_train})")
    results = _experiment(n_categories, n_train, smoothing, folds, seed)
    raw_gaps = {name: cv - test for name, (_, cv, test) in results.items()}
    gaps = {name: gap - raw_gaps["numeric only"] for name, gap in raw_gaps.items()}
    sweep_ks = [k for k in SWEEP if k <= 4 * n_train]
    sweep = {k: _experiment(k, n_train, smoothing, folds, seed) for k in sweep_ks}
    naive_gap, oof_gap = gaps["naive"], gaps["out-of-fold"]
    naive_test = results["naive"][2]
    oof_test = results["out-of-fold"][2]
    supported = naive_gap >= NAIVE_GAP and oof_gap < OOF_GAP
    rows_per_category = n_train / n_categories
    metrics: dict[str, Any] = {"rows_per_category": rows_per_category}
    for name, key in (("numeric only", "numeric"), ("naive", "naive"), ("out-of-fold", "oof")):
        train_auc, cv_auc, test_auc = results[name]
        metrics[f"{key}_train_auc"] = train_auc
        metrics[f"{key}_cv_auc"] = cv_auc
        metrics[f"{key}_test_auc"] = test_auc
        metrics[f"{key}_gap"] = raw_gaps[name]
        if key != "numeric":
            metrics[f"{key}_excess_gap"] = gaps[name]
    rows = tuple(
        (name, train_auc, cv_auc, test_auc, raw_gaps[name], gaps[name])
        for name, (train_auc, cv_auc, test_auc) in results.items()
    )

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2 = fig.subplots(1, 2)
        names = list(results)
        pos = range(len(names))
        ax1.bar([p - 0.2 for p in pos], [results[n][1] for n in names], 0.4, label="CV (Training)")
        ax1.bar(
            [p + 0.2 for p in pos],
            [results[n][2] for n in names],
            0.4,
            label="Test",
            color="#d62728",
        )
        labels = {
            "numeric only": "nur numerisch" if de else "numeric only",
            "naive": "naiv" if de else "naive",
            "out-of-fold": "Out-of-Fold",
        }
        ax1.set_xticks(list(pos), [labels[n] for n in names])
        ax1.set_ylim(0.5, 1.0)
        ax1.set_ylabel("ROC-AUC")
        ax1.legend()
        for name, colour in (("naive", "#d62728"), ("out-of-fold", "#1f77b4")):
            ax2.plot(
                sweep_ks,
                [_excess(sweep[k], name) for k in sweep_ks],
                marker="o",
                color=colour,
                label=labels[name],
            )
        ax2.axvline(n_categories, color="grey", ls=":")
        ax2.axhline(0, color="black", lw=0.6)
        ax2.set_xscale("log")
        ax2.set_xlabel("Anzahl Kategorien" if de else "number of categories")
        ax2.set_ylabel("Zusatzabstand CV-AUC − Test-AUC" if de else "excess gap, CV AUC − test AUC")
        ax2.legend()

    verdict_en = (
        "So encode each training row only from the labels of the other folds (out of fold), "
        "as scikit-learn's TargetEncoder does in fit_transform."
        if supported
        else "Here the in-sample leak is too small to matter (or out-of-fold encoding does "
        "not remove it), so the claim does not hold for these settings."
    )
    verdict_de = (
        "Also jede Trainingszeile nur aus den Labels der anderen Folds kodieren (Out-of-Fold), "
        "so wie es der TargetEncoder von scikit-learn in fit_transform macht."
        if supported
        else "Hier ist das Leakage durch die In-Sample-Kodierung zu klein, um eine Rolle zu "
        "spielen (oder Out-of-Fold beseitigt es nicht); die Behauptung gilt für diese "
        "Einstellung nicht."
    )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"The categorical feature has {n_categories} levels ({rows_per_category:.1f} "
            "training rows each on average) and carries no information about the label. "
            "Encoded with in-sample category means, each row's encoding contains its own "
            "label with weight 1/(rows in its category + smoothing), which the model can "
            "exploit on "
            f"the training data: cross-validated AUC {results['naive'][1]:.3f}, test AUC "
            f"{naive_test:.3f}; compared with the model without the categorical feature, the "
            f"CV–test gap changes by {naive_gap:+.3f} (the numeric feature alone reaches "
            f"{results['numeric only'][2]:.3f} on test). Out-of-fold encoding ({folds} folds) "
            f"gives CV {results['out-of-fold'][1]:.3f} and test {oof_test:.3f} (excess gap "
            f"{oof_gap:+.3f}). " + verdict_en,
            f"Das kategoriale Feature hat {n_categories} Ausprägungen "
            f"(im Mittel {de_num(rows_per_category, '.1f')} Trainingszeilen je Ausprägung) "
            "und sagt nichts über das Label. Mit In-Sample-Mittelwerten kodiert enthält die "
            "Kodierung jeder Zeile ihr eigenes Label mit Gewicht 1/(Zeilen ihrer Kategorie + "
            "Glättung), "
            "und das kann das Modell auf den Trainingsdaten ausnutzen: "
            f"kreuzvalidierte AUC {de_num(results['naive'][1])}, Test-AUC "
            f"{de_num(naive_test)}; gegenüber dem Modell ohne das kategoriale Feature ändert "
            f"sich der Abstand zwischen CV und Test um {de_num(naive_gap, '+.3f')} (das "
            "numerische Feature allein erreicht auf den Testdaten "
            f"{de_num(results['numeric only'][2])}). Out-of-Fold-Kodierung "
            f"({folds} Folds) ergibt CV {de_num(results['out-of-fold'][1])} und Test "
            f"{de_num(oof_test)} (zusätzlicher Abstand {de_num(oof_gap, '+.3f')}). " + verdict_de,
        ),
        tables=[
            Table(
                text(
                    "Logistic regression on a numeric feature plus a target-encoded noise category",
                    "Logistische Regression auf einem numerischen Feature plus einer "
                    "target-kodierten Rausch-Kategorie",
                ),
                ("encoding", "train AUC", "CV AUC", "test AUC", "CV − test", "excess gap"),
                rows,
            )
        ],
        plots=[
            Plot(
                "leak",
                text(
                    "Cross-validated vs test AUC, and the gap by cardinality",
                    "Kreuzvalidierte vs. Test-AUC und der Abstand nach Kardinalität",
                ),
                draw,
                size=(8.0, 3.8),
            )
        ],
    )


LAB = Lab(
    id="target_encoding_leakage",
    title=text(
        "Target encoding: in-sample vs out-of-fold",
        "Target Encoding: In-Sample vs. Out-of-Fold",
    ),
    claim=text(
        "For a high-cardinality categorical feature with no real signal, target encoding "
        "computed on the whole training set widens the gap between cross-validated and test "
        "AUC by at least 0.05 beyond the gap of the model without that feature, while "
        "out-of-fold encoding widens it by less than 0.02.",
        "Bei einem kategorialen Feature mit hoher Kardinalität und ohne echtes Signal hebt "
        "ein auf dem ganzen Trainingsdatensatz berechnetes Target Encoding den Abstand "
        "zwischen kreuzvalidierter AUC und Test-AUC um mindestens 0,05 über den des Modells "
        "ohne dieses Feature, während Out-of-Fold-Kodierung ihn um weniger als 0,02 "
        "vergrößert.",
    ),
    cards=("categorical-encoding",),
    params=(
        Param(
            "n_categories",
            "int",
            1000,
            text("Levels of the categorical feature", "Ausprägungen des kategorialen Features"),
            2,
            100000,
        ),
        Param("n_train", "int", 3000, text("Training rows", "Trainingszeilen"), 200, 100000),
        Param(
            "smoothing",
            "float",
            0.0,
            text(
                "Pseudo-rows shrinking each category mean towards the overall rate",
                "Pseudo-Zeilen, die jeden Kategorie-Mittelwert zur Gesamtrate ziehen",
            ),
            0.0,
            1000.0,
        ),
        Param(
            "folds",
            "int",
            5,
            text("Folds for out-of-fold encoding", "Folds für Out-of-Fold"),
            2,
            20,
        ),
    ),
    run_fn=run,
)
