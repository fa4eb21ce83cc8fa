"""Cross-validation on time series: shuffled k-fold leaks the future, forward chaining does not."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

OPTIMISM = 0.8  # shuffled MSE must be at most this fraction of the forward-chaining MSE


def _ar1(n: int, phi: float, rng: Any, burn_in: int = 500) -> Any:
    """A stationary AR(1) process with unit variance (the burn-in forgets the start)."""
    import numpy as np

    shocks = rng.normal(size=n + burn_in) * np.sqrt(1 - phi**2)
    z = np.zeros(n + burn_in)
    for t in range(1, n + burn_in):
        z[t] = phi * z[t - 1] + shocks[t]
    return z[burn_in:]


def run(*, phi: float, n_history: int, n_future: int, neighbours: int, seed: int) -> Outcome:
    import numpy as np
    from sklearn.metrics import mean_squared_error
    from sklearn.model_selection import KFold, TimeSeriesSplit, cross_val_score
    from sklearn.neighbors import KNeighborsRegressor

    rng = np.random.default_rng(seed)
    n = n_history + n_future
    # Three slowly drifting inputs; the target depends on one of them plus an autocorrelated
    # disturbance no input explains. A flexible model can only "predict" that disturbance by
    # remembering what happened at neighbouring times: exactly what shuffling lets it do.
    X = np.column_stack([_ar1(n, phi, rng) for _ in range(3)])
    disturbance = _ar1(n, phi, rng)
    y = X[:, 0] + disturbance + 0.3 * rng.normal(size=n)
    X_hist, y_hist = X[:n_history], y[:n_history]
    model = KNeighborsRegressor(neighbours)
    scoring = "neg_mean_squared_error"
    shuffled_cv = KFold(5, shuffle=True, random_state=seed)
    forward_cv = TimeSeriesSplit(5, test_size=n_history // 10)
    shuffled = -cross_val_score(model, X_hist, y_hist, cv=shuffled_cv, scoring=scoring)
    forward = -cross_val_score(model, X_hist, y_hist, cv=forward_cv, scoring=scoring)
    model.fit(X_hist, y_hist)
    future = float(mean_squared_error(y[n_history:], model.predict(X[n_history:])))
    lag1 = float(np.corrcoef(y_hist[:-1], y_hist[1:])[0, 1])
    variance = float(y_hist.var())

    def skill(mse: float) -> float:
        """R²-style score against one common variance, so the three estimates compare."""
        return 1.0 - mse / variance

    mse_s, mse_f = float(shuffled.mean()), float(forward.mean())
    supported = mse_s <= OPTIMISM * mse_f and abs(mse_f - future) < abs(mse_s - future)
    metrics = {
        "lag1_autocorrelation": lag1,
        "shuffled_kfold_mse": mse_s,
        "forward_chaining_mse": mse_f,
        "future_holdout_mse": future,
        "shuffled_kfold_score": skill(mse_s),
        "forward_chaining_score": skill(mse_f),
        "future_holdout_score": skill(future),
        "shuffled_to_forward_ratio": mse_s / mse_f,
    }
    rows = (
        ("shuffled 5-fold", mse_s, skill(mse_s), float(shuffled.std())),
        ("forward chaining (5 splits)", mse_f, skill(mse_f), float(forward.std())),
        ("future hold-out", future, skill(future), 0.0),
    )
    folds = list(forward_cv.split(X_hist))

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2 = fig.subplots(2, 1, height_ratios=(2, 1))
        ax1.plot(np.arange(n), y, lw=0.6, color="#444444")
        ax1.axvspan(n_history, n, color="#fcbba1", alpha=0.5, label="Zukunft" if de else "future")
        ax1.set_ylabel("y")
        ax1.legend(loc="upper left")
        for i, (train, test) in enumerate(folds):
            ax2.barh(i, len(train), left=train[0], color="#1f77b4", height=0.6)
            ax2.barh(i, len(test), left=test[0], color="#d62728", height=0.6)
        ax2.set_xlim(0, n)
        ax2.set_yticks(range(len(folds)))
        ax2.set_xlabel("Zeit" if de else "time")
        ax2.set_ylabel("Split")
        ax2.grid(False)

    def draw_bars(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        names = ["shuffled k-fold", "forward chaining", "future"]
        ax.bar(names, [mse_s, mse_f, future], color=["#d62728", "#1f77b4", "#2ca02c"])
        ax.set_ylabel("MSE")

    ratio = mse_s / mse_f
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Lag-1 autocorrelation of the target: {lag1:.2f}. Shuffled k-fold estimates an "
            f"error of {mse_s:.3f}, forward chaining {mse_f:.3f}, and the model trained on the "
            f"whole history really makes {future:.3f} on the next {n_future} steps. "
            + (
                f"Shuffling reports {100 * (1 - ratio):.0f} % less error than forward chaining, "
                "because every test point has training points from the moments just before "
                "and after it; forward chaining is the closer estimate of the future."
                if supported
                else "Without clear optimism from shuffling (or with forward chaining further "
                "from the future), the claim does not hold for these settings."
            ),
            f"Autokorrelation der Zielgröße bei Lag 1: {de_num(lag1, '.2f')}. Gemischte k-fache "
            f"Kreuzvalidierung schätzt einen Fehler von {de_num(mse_s, '.3f')}, Forward Chaining "
            f"{de_num(mse_f)}, und das auf der ganzen Historie trainierte Modell macht auf "
            f"den nächsten {n_future} Schritten tatsächlich {de_num(future, '.3f')}. "
            + (
                f"Das Mischen meldet {100 * (1 - ratio):.0f} % weniger Fehler als Forward "
                "Chaining, weil zu jedem Testpunkt Trainingspunkte aus den Augenblicken direkt "
                "davor und danach gehören; Forward Chaining schätzt die Zukunft genauer."
                if supported
                else "Ohne deutlichen Optimismus durch das Mischen (oder wenn Forward Chaining "
                "weiter von der Zukunft entfernt liegt) gilt die Behauptung hier nicht."
            ),
        ),
        tables=[
            Table(
                text("Error estimates (k-NN regression)", "Fehlerschätzungen (k-NN-Regression)"),
                ("protocol", "MSE", "score (1 − MSE/var)", "std over folds"),
                rows,
            )
        ],
        plots=[
            Plot(
                "series_and_splits",
                text("Series and forward-chaining splits", "Reihe und Forward-Chaining-Splits"),
                draw,
                size=(7.0, 4.2),
            ),
            Plot("estimates", text("Error estimates", "Fehlerschätzungen"), draw_bars),
        ],
    )


LAB = Lab(
    id="time_series_cv",
    title=text("Cross-validation for time series", "Kreuzvalidierung für Zeitreihen"),
    claim=text(
        "On an autocorrelated series, shuffled k-fold reports a clearly better score than "
        "forward chaining, and forward chaining is the closer estimate of the error on the "
        "real future.",
        "Auf einer autokorrelierten Zeitreihe meldet gemischte k-fache Kreuzvalidierung ein "
        "deutlich besseres Ergebnis als Forward Chaining, und Forward Chaining schätzt den "
        "Fehler auf der echten Zukunft genauer.",
    ),
    cards=("time-series-cross-validation",),
    params=(
        Param(
            "phi",
            "float",
            0.97,
            text("AR(1) coefficient (0 = no autocorrelation)", "AR(1)-Koeffizient"),
            0.0,
            0.995,
        ),
        Param("n_history", "int", 2000, text("Training history", "Historie"), 300, 20000),
        Param("n_future", "int", 2000, text("Future steps", "Künftige Schritte"), 100, 20000),
        Param("neighbours", "int", 10, text("k of the k-NN model", "k des k-NN-Modells"), 1, 100),
    ),
    run_fn=run,
)
