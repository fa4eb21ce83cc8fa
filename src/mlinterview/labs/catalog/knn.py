"""k-nearest neighbours: k trades variance (k=1) for bias (k=n)."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

MARGIN = 0.01  # validation accuracy the chosen k must add over both extremes


def run(*, k: int, n_samples: int, noise: float, seed: int) -> Outcome:
    import numpy as np
    from sklearn.datasets import make_moons
    from sklearn.model_selection import train_test_split
    from sklearn.neighbors import KNeighborsClassifier

    X, y = make_moons(n_samples=n_samples, noise=noise, random_state=seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X, y, test_size=0.5, random_state=seed, stratify=y)
    n_train = len(y_tr)
    if k > n_train:
        raise LabParameterError(
            f"parameter 'k': {k} exceeds the training size; allowed: int from 1 to {n_train}"
        )
    grid = sorted({1, 3, 5, 9, 15, 25, 41, 71, 121, n_train // 2, n_train, k} - {0})
    grid = [g for g in grid if g <= n_train]
    curve = []
    for kk in grid:
        model = KNeighborsClassifier(kk).fit(X_tr, y_tr)
        curve.append((kk, float(model.score(X_tr, y_tr)), float(model.score(X_va, y_va))))
    by_k = {kk: (tr, va) for kk, tr, va in curve}
    val_k, val_1, val_n = by_k[k][1], by_k[1][1], by_k[n_train][1]
    best_k = max(curve, key=lambda row: (row[2], -row[0]))[0]
    supported = val_k >= val_1 + MARGIN and val_k >= val_n + MARGIN
    metrics = {
        "k": k,
        "n_train": n_train,
        "train_accuracy_k1": by_k[1][0],
        "val_accuracy_k1": val_1,
        "train_accuracy_k": by_k[k][0],
        "val_accuracy_k": val_k,
        "val_accuracy_kn": val_n,
        "best_k": best_k,
        "best_val_accuracy": by_k[best_k][1],
    }
    shown = sorted({1, k, n_train})

    def draw_regions(fig: Any, lang: str) -> None:
        lo, hi = X.min(axis=0) - 0.5, X.max(axis=0) + 0.5
        xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], 150), np.linspace(lo[1], hi[1], 150))
        grid_points = np.c_[xx.ravel(), yy.ravel()]
        axes = fig.subplots(1, len(shown), squeeze=False)[0]
        for ax, kk in zip(axes, shown, strict=True):
            model = KNeighborsClassifier(kk).fit(X_tr, y_tr)
            zz = model.predict_proba(grid_points)[:, 1].reshape(xx.shape)
            ax.contourf(xx, yy, zz, levels=[0, 0.5, 1], colors=["#c6dbef", "#fcbba1"])
            ax.scatter(X_tr[:, 0], X_tr[:, 1], c=y_tr, cmap="coolwarm", s=8, edgecolors="none")
            ax.set_title(f"k = {kk}")
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)

    def draw_curve(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ks = [row[0] for row in curve]
        ax.semilogx(ks, [row[1] for row in curve], "o-", label="train")
        ax.semilogx(ks, [row[2] for row in curve], "s-", label="validation")
        ax.axvline(k, color="grey", linestyle=":")
        ax.set_xlabel("k (log)")
        ax.set_ylabel("Accuracy")
        ax.legend()

    verdict_en = (
        f"k = {k} beats both extremes: k = 1 memorises the noise, k = {n_train} predicts the "
        "majority class everywhere."
        if supported
        else f"k = {k} does not beat both extremes by {MARGIN:.2f}, so here the claim fails."
    )
    verdict_de = (
        f"k = {k} schlägt beide Extreme: k = 1 lernt das Rauschen auswendig, k = {n_train} "
        "sagt überall die Mehrheitsklasse vorher."
        if supported
        else f"k = {k} schlägt nicht beide Extreme um {de_num(MARGIN, '.2f')}; hier gilt die "
        "Behauptung nicht."
    )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Validation accuracy: k = 1 {val_1:.3f} (training {by_k[1][0]:.3f}), k = {k} "
            f"{val_k:.3f}, k = {n_train} {val_n:.3f}; best on the grid k = {best_k}. " + verdict_en,
            f"Validierungs-Accuracy: k = 1 {de_num(val_1)} (Training {de_num(by_k[1][0])}), "
            f"k = {k} {de_num(val_k)}, k = {n_train} {de_num(val_n)}; am besten im Raster "
            f"k = {best_k}. " + verdict_de,
        ),
        tables=[
            Table(
                text("Accuracy by k", "Accuracy nach k"),
                ("k", "train accuracy", "validation accuracy"),
                tuple(curve),
            )
        ],
        plots=[
            Plot(
                "regions",
                text("Decision regions", "Entscheidungsregionen"),
                draw_regions,
                size=(8.0, 3.0),
            ),
            Plot("accuracy_vs_k", text("Accuracy vs k", "Accuracy über k"), draw_curve),
        ],
    )


LAB = Lab(
    id="knn",
    title=text("k-nearest neighbours: choosing k", "k-nächste Nachbarn: die Wahl von k"),
    claim=text(
        "A moderate k generalises better than k = 1, which memorises noise (perfect training "
        "accuracy), and better than k = n, which always predicts the majority class.",
        "Ein mittleres k verallgemeinert besser als k = 1, das Rauschen auswendig lernt "
        "(perfekte Trainings-Accuracy), und besser als k = n, das immer die Mehrheitsklasse "
        "vorhersagt.",
    ),
    cards=("k-nearest-neighbours",),
    params=(
        Param("k", "int", 15, text("The k to examine", "Das untersuchte k"), 1, 5000),
        Param(
            "n_samples",
            "int",
            400,
            text("Points (half train, half validation)", "Punkte (je zur Hälfte Training/Val.)"),
            40,
            10000,
        ),
        Param("noise", "float", 0.35, text("Label noise of the moons", "Rauschen"), 0.0, 1.0),
    ),
    run_fn=run,
)
