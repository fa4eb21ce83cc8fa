"""Overfitting: capacity lowers training error while validation error turns up."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

BLOW_UP = 1.5  # validation error at max degree vs the best degree, for "overfits"


def _target(x: Any) -> Any:
    import numpy as np

    return np.sin(2.5 * x) + 0.5 * x


def run(*, n_train: int, noise: float, max_degree: int, seed: int) -> Outcome:
    import numpy as np
    from sklearn.linear_model import LinearRegression, Ridge
    from sklearn.metrics import mean_squared_error
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    rng = np.random.default_rng(seed)
    x_tr = rng.uniform(-1, 1, n_train)
    y_tr = _target(x_tr) + noise * rng.normal(size=n_train)
    x_va = rng.uniform(-1, 1, 2000)
    y_va = _target(x_va) + noise * rng.normal(size=2000)

    def poly(degree: int, reg: Any) -> Any:
        return make_pipeline(PolynomialFeatures(degree, include_bias=False), StandardScaler(), reg)

    degrees = list(range(1, max_degree + 1))
    curve = []
    fitted = {}
    for d in degrees:
        model = poly(d, LinearRegression()).fit(x_tr[:, None], y_tr)
        fitted[d] = model
        tr = float(mean_squared_error(y_tr, model.predict(x_tr[:, None])))
        va = float(mean_squared_error(y_va, model.predict(x_va[:, None])))
        curve.append((d, tr, va, va - tr))
    best = min(curve, key=lambda r: r[2])
    top = curve[-1]
    alphas = [0.0, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0]
    ridge_rows = []
    for a in alphas:
        reg = LinearRegression() if a == 0 else Ridge(alpha=a)
        model = poly(max_degree, reg).fit(x_tr[:, None], y_tr)
        tr = float(mean_squared_error(y_tr, model.predict(x_tr[:, None])))
        va = float(mean_squared_error(y_va, model.predict(x_va[:, None])))
        ridge_rows.append((a, tr, va, va - tr))
    best_ridge = min(ridge_rows, key=lambda r: r[2])
    overfits = top[2] >= BLOW_UP * best[2] and top[1] < best[1]
    l2_helps = best_ridge[2] < top[2] and best_ridge[3] < top[3]
    supported = overfits and l2_helps
    metrics = {
        "best_degree": best[0],
        "best_validation_mse": best[2],
        "max_degree_train_mse": top[1],
        "max_degree_validation_mse": top[2],
        "max_degree_gap": top[3],
        "best_degree_gap": best[3],
        "validation_ratio": top[2] / best[2],
        "best_alpha": best_ridge[0],
        "ridge_validation_mse": best_ridge[2],
        "ridge_gap": best_ridge[3],
        "noise_variance": noise**2,
    }

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2 = fig.subplots(1, 2)
        ds = [r[0] for r in curve]
        ax1.semilogy(ds, [r[1] for r in curve], "o-", label="Training" if de else "training")
        ax1.semilogy(ds, [r[2] for r in curve], "s-", label="Validierung" if de else "validation")
        ax1.axhline(noise**2, color="grey", ls=":", label="Rauschen" if de else "noise")
        ax1.set_xlabel("Polynomgrad" if de else "polynomial degree")
        ax1.set_ylabel("MSE")
        ax1.legend()
        grid = np.linspace(-1, 1, 300)
        ax2.scatter(x_tr, y_tr, s=10, color="black")
        ax2.plot(grid, _target(grid), color="grey", ls=":", label="f(x)")
        ax2.plot(grid, fitted[best[0]].predict(grid[:, None]), label=f"{best[0]}")
        ax2.plot(grid, fitted[max_degree].predict(grid[:, None]), label=f"{max_degree}")
        ax2.set_ylim(y_tr.min() - 1, y_tr.max() + 1)
        ax2.legend(title="Grad" if de else "degree")

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Degree {best[0]} validates best (MSE {best[2]:.3f}); degree {max_degree} fits the "
            f"{n_train} training points better (MSE {top[1]:.3f}) but validates at "
            f"{top[2]:.3f}, {top[2] / best[2]:.1f} times worse, with a train–validation gap of "
            f"{top[3]:.3f}. L2 with alpha = {best_ridge[0]:g} brings degree {max_degree} back to "
            f"{best_ridge[2]:.3f}. "
            + (
                "The extra capacity was spent on the noise; regularisation takes it back."
                if supported
                else "The claim does not hold here: with this much data (or this little "
                "capacity) the flexible model does not overfit clearly."
            ),
            f"Grad {best[0]} validiert am besten (MSE {de_num(best[2])}); Grad {max_degree} "
            f"passt sich den {n_train} Trainingspunkten enger an (MSE {de_num(top[1])}), "
            f"validiert aber mit {de_num(top[2])}, {de_num(top[2] / best[2], '.1f')}-mal so "
            f"schlecht, bei einer Lücke zwischen Training und Validierung von "
            f"{de_num(top[3])}. L2 mit alpha = {de_num(best_ridge[0], 'g')} drückt Grad "
            f"{max_degree} wieder auf {de_num(best_ridge[2])}. "
            + (
                "Die zusätzliche Kapazität ging ins Rauschen; die Regularisierung nimmt sie zurück."
                if supported
                else "Hier gilt die Behauptung nicht: Mit so vielen Daten (oder so wenig "
                "Kapazität) überanpasst das flexible Modell nicht deutlich."
            ),
        ),
        tables=[
            Table(
                text("Error by polynomial degree", "Fehler nach Polynomgrad"),
                ("degree", "train MSE", "validation MSE", "gap"),
                tuple(curve),
            ),
            Table(
                text(
                    f"Degree {max_degree} with L2 regularisation",
                    f"Grad {max_degree} mit L2-Regularisierung",
                ),
                ("alpha", "train MSE", "validation MSE", "gap"),
                tuple(ridge_rows),
            ),
        ],
        plots=[
            Plot(
                "degree_curve",
                text("Training and validation error", "Trainings- und Validierungsfehler"),
                draw,
                size=(8.0, 3.4),
            )
        ],
    )


LAB = Lab(
    id="overfitting",
    title=text("Overfitting and regularisation", "Overfitting und Regularisierung"),
    claim=text(
        "On a small noisy sample, raising the polynomial degree keeps lowering training error "
        "while validation error rises to at least 1.5 times its minimum; L2 regularisation "
        "narrows the gap and lowers validation error again.",
        "Auf einer kleinen, verrauschten Stichprobe senkt ein höherer Polynomgrad den "
        "Trainingsfehler immer weiter, während der Validierungsfehler auf mindestens das "
        "1,5-Fache seines Minimums steigt; L2-Regularisierung verkleinert die Lücke und senkt "
        "den Validierungsfehler wieder.",
    ),
    cards=("overfitting",),
    params=(
        Param("n_train", "int", 25, text("Training points", "Trainingspunkte"), 10, 100000),
        Param("noise", "float", 0.3, text("Noise standard deviation", "Rauschen (Std.)"), 0.0, 3),
        Param("max_degree", "int", 15, text("Highest degree", "Höchster Grad"), 2, 25),
    ),
    run_fn=run,
)
