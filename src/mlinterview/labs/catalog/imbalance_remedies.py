"""Class imbalance: accuracy misleads; class weights and threshold moving do the same job."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

ACCURACY_GAP = 0.02  # the model's accuracy may beat "always negative" by at most this
MIN_F1_GAIN = 0.05  # a remedy must lift test F1 by at least this over the plain model at 0.5
F1_TIE = 0.02  # threshold moving must come within this of the best class-weighted F1
AP_TIE = 0.02  # class weights may move PR-AUC (average precision) by at most this
N_FEATURES = 10


def _f1(y: Any, scores: Any, threshold: float) -> float:
    pred = scores >= threshold
    tp = int((pred & (y == 1)).sum())
    return 2 * tp / (int(pred.sum()) + int(y.sum())) if tp else 0.0


def _best_threshold(y: Any, scores: Any) -> float:
    """The F1-optimal cut-off: sort once, F1 of every top-k prediction set."""
    import numpy as np

    order = np.argsort(-scores, kind="stable")
    tp = np.cumsum(y[order])
    f1 = 2 * tp / (np.arange(1, len(y) + 1) + y.sum())
    return float(scores[order][int(np.argmax(f1))])


def run(*, positive_rate: float, n_samples: int, signal: float, seed: int) -> Outcome:
    import numpy as np
    from scipy.optimize import brentq
    from scipy.special import expit
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, N_FEATURES))
    w = rng.normal(size=N_FEATURES)
    z = X @ (w * signal / np.linalg.norm(w))
    # A logistic model is the true model; its intercept is set to hit the requested prevalence.
    b = brentq(lambda c: float(expit(z + c).mean()) - positive_rate, -40.0, 40.0)
    y = (rng.random(n_samples) < expit(z + b)).astype(int)
    a, c = n_samples // 2, 3 * n_samples // 4
    X_tr, y_tr, X_va, y_va, X_te, y_te = X[:a], y[:a], X[a:c], y[a:c], X[c:], y[c:]

    plain = LogisticRegression(max_iter=2000).fit(X_tr, y_tr)
    weighted = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X_tr, y_tr)
    s_plain, s_weighted = plain.predict_proba(X_te)[:, 1], weighted.predict_proba(X_te)[:, 1]
    t_plain = _best_threshold(y_va, plain.predict_proba(X_va)[:, 1])
    t_weighted = _best_threshold(y_va, weighted.predict_proba(X_va)[:, 1])

    majority_accuracy = float(1 - y_te.mean())
    accuracy_plain = float(((s_plain >= 0.5) == y_te).mean())
    f1 = {
        "plain_05": _f1(y_te, s_plain, 0.5),
        "weighted_05": _f1(y_te, s_weighted, 0.5),
        "plain_moved": _f1(y_te, s_plain, t_plain),
        "weighted_moved": _f1(y_te, s_weighted, t_weighted),
    }
    ap_plain = float(average_precision_score(y_te, s_plain))
    ap_weighted = float(average_precision_score(y_te, s_weighted))
    coef_cos = float(
        plain.coef_[0]
        @ weighted.coef_[0]
        / (np.linalg.norm(plain.coef_) * np.linalg.norm(weighted.coef_))
    )
    train_rate = float(y_tr.mean())
    intercept_shift = float(weighted.intercept_[0] - plain.intercept_[0])
    theory_shift = float(np.log((1 - train_rate) / train_rate))
    best_weighted = max(f1["weighted_05"], f1["weighted_moved"])
    supported = (
        accuracy_plain - majority_accuracy <= ACCURACY_GAP
        and f1["plain_moved"] >= f1["plain_05"] + MIN_F1_GAIN
        and f1["plain_moved"] >= best_weighted - F1_TIE
        and abs(ap_weighted - ap_plain) <= AP_TIE
    )
    metrics = {
        "test_positives": int(y_te.sum()),
        "test_positive_rate": float(y_te.mean()),
        "majority_accuracy": majority_accuracy,
        "plain_accuracy": accuracy_plain,
        "weighted_accuracy": float(((s_weighted >= 0.5) == y_te).mean()),
        "f1_plain_at_05": f1["plain_05"],
        "f1_weighted_at_05": f1["weighted_05"],
        "f1_threshold_moved": f1["plain_moved"],
        "f1_weighted_threshold_moved": f1["weighted_moved"],
        "threshold_moved": t_plain,
        "threshold_weighted_moved": t_weighted,
        "pr_auc_plain": ap_plain,
        "pr_auc_weighted": ap_weighted,
        "roc_auc_plain": float(roc_auc_score(y_te, s_plain)),
        "roc_auc_weighted": float(roc_auc_score(y_te, s_weighted)),
        "coefficient_cosine": coef_cos,
        "intercept_shift": intercept_shift,
        "intercept_shift_theory": theory_shift,
    }

    def recall(scores: Any, t: float) -> float:
        return float(((scores >= t) & (y_te == 1)).sum() / max(1, y_te.sum()))

    rows = (
        ("always negative", "-", majority_accuracy, 0.0, 0.0, float(y_te.mean())),
        ("plain, 0.5", 0.5, accuracy_plain, recall(s_plain, 0.5), f1["plain_05"], ap_plain),
        (
            "class weights, 0.5",
            0.5,
            metrics["weighted_accuracy"],
            recall(s_weighted, 0.5),
            f1["weighted_05"],
            ap_weighted,
        ),
        (
            "plain, moved threshold",
            t_plain,
            float(((s_plain >= t_plain) == y_te).mean()),
            recall(s_plain, t_plain),
            f1["plain_moved"],
            ap_plain,
        ),
        (
            "class weights, moved threshold",
            t_weighted,
            float(((s_weighted >= t_weighted) == y_te).mean()),
            recall(s_weighted, t_weighted),
            f1["weighted_moved"],
            ap_weighted,
        ),
    )
    grid = expit(np.linspace(-7.0, 7.0, 141))  # even steps on the log-odds scale
    f1_curves = {
        name: [_f1(y_te, s, float(t)) for t in grid]
        for name, s in (("plain", s_plain), ("weighted", s_weighted))
    }
    pr_curves = {
        name: precision_recall_curve(y_te, s)[:2]
        for name, s in (("plain", s_plain), ("weighted", s_weighted))
    }

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2 = fig.subplots(1, 2)
        labels = {
            "plain": "ohne Gewichte" if de else "plain",
            "weighted": "Klassengewichte" if de else "class weights",
        }
        colours = {"plain": "#1f77b4", "weighted": "#d62728"}
        for name in ("plain", "weighted"):
            ax1.plot(grid, f1_curves[name], color=colours[name], label=labels[name])
            precision, rec = pr_curves[name]
            ax2.plot(rec, precision, color=colours[name], label=labels[name], lw=1.0)
        ax1.axvline(0.5, color="grey", ls=":")
        ax1.axvline(t_plain, color=colours["plain"], ls="--", lw=0.8)
        ax1.axvline(t_weighted, color=colours["weighted"], ls="--", lw=0.8)
        ax1.set_xscale("logit")
        ax1.set_xlabel("Schwelle (Logit-Skala)" if de else "threshold (logit scale)")
        ax1.set_ylabel("F1 (Testdaten)" if de else "F1 (test data)")
        ax1.legend()
        ax2.axhline(float(y_te.mean()), color="grey", ls=":")
        ax2.set_xlabel("Recall")
        ax2.set_ylabel("Precision")
        ax2.legend()

    pct = 100 * positive_rate
    verdict_en = (
        "Moving the threshold on the unweighted model does the job of class weights without "
        "retraining; for a well-specified model, class weights mostly move the intercept, "
        "not the ranking. (With a flexible or misspecified model, weights can also change the "
        "ranking, for better or worse: compare on validation data.)"
        if supported
        else "At least one part of the claim fails for these settings (see the table); with "
        "balanced classes, for instance, there is nothing to remedy."
    )
    verdict_de = (
        "Die Schwelle des ungewichteten Modells zu verschieben erledigt die Aufgabe der "
        "Klassengewichte ohne neues Training; bei einem korrekt spezifizierten Modell "
        "verschieben Klassengewichte vor allem den Achsenabschnitt, nicht die Rangfolge. (Bei "
        "einem flexiblen oder falsch spezifizierten Modell können Gewichte auch die Rangfolge "
        "ändern, zum Guten wie zum Schlechten: auf Validierungsdaten vergleichen.)"
        if supported
        else "Mindestens ein Teil der Behauptung gilt für diese Einstellung nicht (siehe "
        "Tabelle); bei ausgeglichenen Klassen gibt es zum Beispiel nichts zu beheben."
    )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"With {pct:g} % positives, always predicting the negative class scores accuracy "
            f"{majority_accuracy:.3f}; the plain logistic regression at 0.5 reaches "
            f"{accuracy_plain:.3f}, yet its F1 is only {f1['plain_05']:.3f}. Class weights "
            f"at 0.5 give F1 {f1['weighted_05']:.3f} (they overshoot: far too many alarms); "
            f"moving the plain model's threshold to {t_plain:.3f} (chosen on validation data) "
            f"gives {f1['plain_moved']:.3f}, and class weights with a moved threshold "
            f"{f1['weighted_moved']:.3f}. PR-AUC is {ap_plain:.3f} without and "
            f"{ap_weighted:.3f} with class weights; the coefficient directions agree to "
            f"cosine {coef_cos:.4f}, and the weights moved the intercept by "
            f"{intercept_shift:.2f} (theory for a correct model: log((1−π)/π) = "
            f"{theory_shift:.2f}). " + verdict_en,
            f"Bei {de_num(pct, 'g')} % positiven Fällen erreicht die Vorhersage „immer "
            f"negativ“ eine Accuracy von {de_num(majority_accuracy)}; die ungewichtete "
            f"logistische Regression kommt bei 0,5 auf {de_num(accuracy_plain)}, ihr F1 liegt "
            f"aber nur bei {de_num(f1['plain_05'])}. Mit Klassengewichten ergibt 0,5 einen F1 "
            f"von {de_num(f1['weighted_05'])} (sie schießen über das Ziel hinaus: viel zu viele "
            f"Alarme); die auf Validierungsdaten verschobene Schwelle {de_num(t_plain)} des "
            f"ungewichteten Modells bringt {de_num(f1['plain_moved'])}, Klassengewichte mit "
            f"verschobener Schwelle {de_num(f1['weighted_moved'])}. Die PR-AUC liegt ohne "
            f"Gewichte bei {de_num(ap_plain)} und mit bei {de_num(ap_weighted)}; die "
            f"Koeffizientenrichtungen stimmen bis auf Kosinus {de_num(coef_cos, '.4f')} überein, "
            f"und die Gewichte haben den Achsenabschnitt um {de_num(intercept_shift, '.2f')} "
            f"verschoben (Theorie für ein korrektes Modell: log((1−π)/π) = "
            f"{de_num(theory_shift, '.2f')}). " + verdict_de,
        ),
        tables=[
            Table(
                text(
                    "Remedies on held-out test data (thresholds chosen on validation data)",
                    "Gegenmaßnahmen auf Testdaten (Schwellen auf Validierungsdaten gewählt)",
                ),
                ("model", "threshold", "accuracy", "recall", "F1", "PR-AUC"),
                rows,
            )
        ],
        plots=[
            Plot(
                "f1_and_pr",
                text(
                    "F1 by threshold and precision–recall curves",
                    "F1 nach Schwelle und Precision-Recall-Kurven",
                ),
                draw,
                size=(8.0, 3.8),
            )
        ],
    )


LAB = Lab(
    id="imbalance_remedies",
    title=text(
        "Class imbalance: weights or threshold?", "Unausgewogene Klassen: Gewichte oder Schwelle?"
    ),
    claim=text(
        "With 2 % positives, accuracy hardly separates a logistic regression from always "
        "predicting negative; moving the plain model's threshold lifts test F1 by at least "
        "5 points and comes within 2 points of the best class-weighted model, while class "
        "weights move PR-AUC by less than 0.02.",
        "Bei 2 % positiven Fällen unterscheidet die Accuracy eine logistische Regression kaum "
        "von der Vorhersage „immer negativ“; eine verschobene Schwelle am ungewichteten Modell "
        "hebt den F1-Wert auf den Testdaten um mindestens 5 Punkte und kommt bis auf 2 Punkte "
        "an das beste Modell mit Klassengewichten heran, während Klassengewichte die PR-AUC "
        "um weniger als 0,02 verändern.",
    ),
    cards=("class-imbalance",),
    params=(
        Param(
            "positive_rate",
            "float",
            0.02,
            text("Share of positives", "Anteil positiver Fälle"),
            0.005,
            0.5,
        ),
        Param("n_samples", "int", 60000, text("Rows in total", "Zeilen insgesamt"), 4000, 400000),
        Param(
            "signal",
            "float",
            2.5,
            text(
                "Signal strength (log-odds per standard deviation of the true score)",
                "Signalstärke (Log-Odds je Standardabweichung des wahren Scores)",
            ),
            0.5,
            6.0,
        ),
    ),
    run_fn=run,
)
