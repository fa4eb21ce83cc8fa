"""ROC AUC: a ranking probability, blind to class balance (unlike precision–recall)."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

EXACT = 1e-9
PR_GAP = 0.15  # "far lower": average precision at least this much below ROC AUC


def _pairwise_auc(y: Any, s: Any) -> float:
    """P(score of a random positive > score of a random negative), ties counting one half."""
    from scipy.stats import rankdata

    ranks = rankdata(s)  # average ranks: exactly the half credit for ties
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    return float((ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def run(*, positive_rate: float, n_samples: int, class_sep: float, seed: int) -> Outcome:
    import numpy as np
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import (
        average_precision_score,
        precision_recall_curve,
        roc_auc_score,
        roc_curve,
    )
    from sklearn.model_selection import train_test_split

    X, y = make_classification(
        n_samples=n_samples,
        n_features=10,
        n_informative=4,
        weights=[1 - positive_rate],
        class_sep=class_sep,
        flip_y=0.01,
        random_state=seed,
    )
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.5, stratify=y, random_state=seed)
    scores = LogisticRegression(max_iter=1000).fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
    rng = np.random.default_rng(seed)
    auc = float(roc_auc_score(y_te, scores))
    pairwise = _pairwise_auc(y_te, scores)
    pos, neg = scores[y_te == 1], scores[y_te == 0]
    i, j = rng.integers(0, len(pos), 20000), rng.integers(0, len(neg), 20000)
    sampled = float(np.mean((pos[i] > neg[j]) + 0.5 * (pos[i] == neg[j])))
    coarse = np.round(scores, 1)  # many ties: the identity must still hold
    coarse_auc = float(roc_auc_score(y_te, coarse))
    coarse_pairwise = _pairwise_auc(y_te, coarse)
    reversed_auc = float(roc_auc_score(y_te, -scores))
    random_auc = float(roc_auc_score(y_te, rng.random(len(y_te))))
    ap = float(average_precision_score(y_te, scores))
    n_pos, n_neg = len(pos), len(neg)
    # Standard error of the AUC of random scores (Mann–Whitney null distribution).
    random_se = float(np.sqrt((n_pos + n_neg + 1) / (12 * n_pos * n_neg)))
    identity = abs(auc - pairwise) < EXACT and abs(coarse_auc - coarse_pairwise) < EXACT
    supported = (
        identity
        and abs(reversed_auc - (1 - auc)) < EXACT
        and abs(random_auc - 0.5) < 4 * random_se
        and ap <= auc - PR_GAP
    )
    metrics = {
        "positives": int(y_te.sum()),
        "negatives": int(len(y_te) - y_te.sum()),
        "roc_auc": auc,
        "pairwise_probability": pairwise,
        "sampled_pairs_probability": sampled,
        "roc_auc_with_ties": coarse_auc,
        "pairwise_with_ties": coarse_pairwise,
        "reversed_scores_auc": reversed_auc,
        "random_scores_auc": random_auc,
        "random_auc_standard_error": random_se,
        "average_precision": ap,
        "prevalence": float(y_te.mean()),
    }
    fpr, tpr, _ = roc_curve(y_te, scores)
    precision, recall, _ = precision_recall_curve(y_te, scores)

    def draw(fig: Any, lang: str) -> None:
        ax1, ax2 = fig.subplots(1, 2)
        ax1.plot(fpr, tpr, label=f"AUC {auc:.3f}")
        ax1.plot([0, 1], [0, 1], color="grey", ls=":")
        ax1.set_xlabel("FPR")
        ax1.set_ylabel("TPR")
        ax1.legend(loc="lower right")
        ax2.plot(recall, precision, label=f"AP {ap:.3f}")
        ax2.axhline(y_te.mean(), color="grey", ls=":")
        ax2.set_xlabel("Recall")
        ax2.set_ylabel("Precision")
        ax2.set_ylim(0, 1.02)
        ax2.legend(loc="upper right")

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"ROC AUC {auc:.4f} equals the share of positive–negative pairs ranked correctly "
            f"({pairwise:.4f}; {sampled:.4f} from 20,000 sampled pairs), also with ties "
            f"({coarse_auc:.4f} = {coarse_pairwise:.4f}). Reversing the scores gives "
            f"{reversed_auc:.4f} = 1 − AUC, random scores {random_auc:.3f}. With "
            f"{metrics['prevalence']:.1%} positives the average precision is {ap:.3f}. "
            + (
                "AUC only compares ranks of positives against negatives, so it cannot see how "
                "many negatives crowd the top of the ranking; precision–recall can."
                if supported
                else "At this class balance precision–recall is not far below ROC AUC, so the "
                "part of the claim about rare positives does not show."
            ),
            f"Die ROC-AUC von {de_num(auc, '.4f')} ist der Anteil richtig geordneter Paare aus "
            f"einem positiven und einem negativen Beispiel ({de_num(pairwise, '.4f')}; "
            f"{de_num(sampled, '.4f')} aus 20.000 gezogenen Paaren), auch bei Gleichständen "
            f"({de_num(coarse_auc, '.4f')} = {de_num(coarse_pairwise, '.4f')}). Umgedrehte "
            f"Scores ergeben {de_num(reversed_auc, '.4f')} = 1 − AUC, zufällige "
            f"{de_num(random_auc)}. Bei {de_num(metrics['prevalence'] * 100, '.1f')} % "
            f"positiven Fällen liegt die Average Precision bei {de_num(ap)}. "
            + (
                "Die AUC vergleicht nur Ränge von positiven gegen negative Beispiele und sieht "
                "daher nicht, wie viele negative sich oben in der Rangfolge drängen; die "
                "Precision-Recall-Kurve sieht es."
                if supported
                else "Bei dieser Klassenverteilung liegt Precision-Recall nicht weit unter der "
                "ROC-AUC; der Teil der Behauptung über seltene positive Fälle zeigt sich nicht."
            ),
        ),
        tables=[
            Table(
                text("Ways to compute and read the AUC", "Wege, die AUC zu berechnen und zu lesen"),
                ("quantity", "value"),
                (
                    ("ROC AUC (trapezoid over the curve)", auc),
                    ("pairs ranked correctly, ties 1/2 (exact)", pairwise),
                    ("pairs ranked correctly (20,000 sampled)", sampled),
                    ("ROC AUC, scores rounded to 0.1", coarse_auc),
                    ("pairs ranked correctly, rounded scores", coarse_pairwise),
                    ("reversed scores", reversed_auc),
                    ("random scores", random_auc),
                    ("average precision (PR AUC)", ap),
                    ("prevalence (PR baseline)", metrics["prevalence"]),
                ),
            )
        ],
        plots=[
            Plot(
                "curves",
                text("ROC and precision–recall curves", "ROC- und Precision-Recall-Kurve"),
                draw,
                size=(8.0, 3.6),
            )
        ],
    )


LAB = Lab(
    id="roc_auc",
    title=text("ROC AUC", "ROC-AUC"),
    claim=text(
        "ROC AUC is the probability that a random positive is scored above a random negative "
        "(ties count half): random scores give 0.5 and reversed scores 1 − AUC. Because it "
        "ignores class balance, with rare positives it stays high while average precision is "
        "far lower.",
        "Die ROC-AUC ist die Wahrscheinlichkeit, dass ein zufälliges positives Beispiel einen "
        "höheren Score erhält als ein zufälliges negatives (Gleichstände zählen halb): "
        "Zufallsscores ergeben 0,5, umgedrehte Scores 1 − AUC. Weil sie die "
        "Klassenverteilung ignoriert, bleibt sie bei seltenen positiven Fällen hoch, während "
        "die Average Precision weit darunter liegt.",
    ),
    cards=("roc-auc",),
    params=(
        Param(
            "positive_rate",
            "float",
            0.03,
            text("Share of positives", "Anteil positiver Fälle"),
            0.01,
            0.5,
        ),
        Param("n_samples", "int", 8000, text("Examples", "Beispiele"), 500, 100000),
        Param(
            "class_sep", "float", 2.0, text("Class separation", "Trennung der Klassen"), 0.1, 5.0
        ),
    ),
    run_fn=run,
)
