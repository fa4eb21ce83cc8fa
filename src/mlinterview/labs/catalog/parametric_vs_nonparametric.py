"""Parametric vs non-parametric: fixed size vs capacity that grows with the data."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

SIZES = (25, 50, 100, 200, 400, 800, 1600, 3200, 6400)


def _target(kind: str, x: Any) -> Any:
    import numpy as np

    if kind == "linear":
        return 1.5 * x[:, 0] - 0.8 * x[:, 1]
    return np.sin(3 * x[:, 0]) + np.cos(2 * x[:, 1]) * x[:, 0]


def run(*, target: str, noise: float, max_n: int, seed: int) -> Outcome:
    import numpy as np
    from sklearn.linear_model import LinearRegression
    from sklearn.metrics import mean_squared_error
    from sklearn.neighbors import KNeighborsRegressor

    rng = np.random.default_rng(seed)
    x_test = rng.uniform(-1.5, 1.5, (2000, 2))
    f_test = _target(target, x_test)
    sizes = [n for n in SIZES if n <= max_n]
    pool = rng.uniform(-1.5, 1.5, (max(sizes), 2))
    y_pool = _target(target, pool) + noise * rng.normal(size=len(pool))
    rows = []
    for n in sizes:
        x, y = pool[:n], y_pool[:n]
        linear = LinearRegression().fit(x, y)
        k = max(1, round(np.sqrt(n)))  # neighbourhood grows slower than n: consistent
        knn = KNeighborsRegressor(k).fit(x, y)
        # Error against the noise-free target: what remains is bias² + variance.
        lin_err = float(mean_squared_error(f_test, linear.predict(x_test)))
        knn_err = float(mean_squared_error(f_test, knn.predict(x_test)))
        lin_size = linear.coef_.size + 1
        knn_size = x.size + y.size  # kNN keeps every training point and label
        rows.append((n, lin_err, knn_err, lin_size, knn_size, k))
    first, last = rows[0], rows[-1]
    mid = rows[len(rows) // 2]
    lin_plateau = last[1] >= 0.8 * mid[1]  # more data barely helps the linear model
    knn_keeps_improving = last[2] < 0.8 * mid[2]
    knn_overtakes = last[2] < last[1]
    supported = knn_overtakes and knn_keeps_improving and lin_plateau
    crossing = next((r[0] for r in rows if r[2] < r[1]), None)
    metrics = {
        "linear_error_small_n": first[1],
        "linear_error_large_n": last[1],
        "knn_error_small_n": first[2],
        "knn_error_large_n": last[2],
        "linear_parameters": last[3],
        "knn_stored_numbers_large_n": last[4],
        "knn_overtakes_at_n": crossing if crossing is not None else -1,
    }

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2 = fig.subplots(1, 2)
        ns = [r[0] for r in rows]
        ax1.loglog(ns, [r[1] for r in rows], "o-", label="linear")
        ax1.loglog(ns, [r[2] for r in rows], "s-", label="kNN")
        ax1.set_xlabel("n (Trainingspunkte)" if de else "n (training points)")
        ax1.set_ylabel("MSE gegen f(x)" if de else "MSE against f(x)")
        ax1.legend()
        ax2.loglog(ns, [r[3] for r in rows], "o-", label="linear")
        ax2.loglog(ns, [r[4] for r in rows], "s-", label="kNN")
        ax2.set_xlabel("n")
        ax2.set_ylabel("gespeicherte Zahlen" if de else "numbers stored")
        ax2.legend()

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Linear regression keeps {last[3]} numbers at any n; its error goes from "
            f"{first[1]:.3f} to {last[1]:.3f}. kNN stores all {last[4]} numbers at n = {last[0]} "
            f"and its error falls from {first[2]:.3f} to {last[2]:.3f}. "
            + (
                "On a non-linear target the fixed model stalls at its bias while the "
                "non-parametric one keeps using the extra data."
                if supported
                else "The claim does not hold here: the fixed-size model is not stuck at a "
                "bias floor (the target may be linear), or kNN does not overtake it."
            ),
            f"Die lineare Regression speichert bei jedem n {last[3]} Zahlen; ihr Fehler geht von "
            f"{de_num(first[1])} auf {de_num(last[1])}. kNN speichert bei n = {last[0]} alle "
            f"{last[4]} Zahlen, und sein Fehler fällt von {de_num(first[2])} auf "
            f"{de_num(last[2])}. "
            + (
                "Bei einer nichtlinearen Zielfunktion bleibt das Modell fester Größe an seinem "
                "Bias hängen, während das nichtparametrische die zusätzlichen Daten nutzt."
                if supported
                else "Hier gilt die Behauptung nicht: Das Modell fester Größe hängt an keiner "
                "Bias-Untergrenze fest (die Zielfunktion ist womöglich linear), oder kNN "
                "überholt es nicht."
            ),
        ),
        tables=[
            Table(
                text(
                    "Error and model size by training size",
                    "Fehler und Modellgröße nach Trainingsgröße",
                ),
                ("n", "linear MSE", "kNN MSE", "linear: numbers", "kNN: numbers", "k"),
                tuple(rows),
            )
        ],
        plots=[
            Plot(
                "growth",
                text("Error and size as n grows", "Fehler und Größe mit wachsendem n"),
                draw,
                size=(8.0, 3.4),
            )
        ],
    )


LAB = Lab(
    id="parametric_vs_nonparametric",
    title=text(
        "Parametric vs non-parametric models", "Parametrische und nichtparametrische Modelle"
    ),
    claim=text(
        "On a non-linear target, linear regression keeps a fixed number of parameters and its "
        "error stops improving, while kNN regression stores every training point and its error "
        "keeps falling until it beats the linear model.",
        "Bei einer nichtlinearen Zielfunktion behält die lineare Regression eine feste Zahl von "
        "Parametern, und ihr Fehler verbessert sich nicht mehr, während kNN-Regression jeden "
        "Trainingspunkt speichert und ihr Fehler weiter fällt, bis sie das lineare Modell "
        "schlägt.",
    ),
    cards=("parametric-vs-nonparametric",),
    params=(
        Param(
            "target",
            "choice",
            "nonlinear",
            text("Shape of the true function", "Form der wahren Funktion"),
            choices=("nonlinear", "linear"),
        ),
        Param("noise", "float", 0.3, text("Noise standard deviation", "Rauschen (Std.)"), 0.0, 3.0),
        Param(
            "max_n", "int", 6400, text("Largest training size", "Größte Trainingsmenge"), 100, 6400
        ),
    ),
    run_fn=run,
)
