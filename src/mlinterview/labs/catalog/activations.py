"""Activation functions: the non-linearity is what lets a network fit XOR.

Two-layer networks are trained on the four XOR points with plain numpy gradient descent:
once with the identity as hidden activation (the layers then collapse into one linear
map) and once with a non-linear activation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

    Fn = Callable[[np.ndarray], np.ndarray]

ACTIVATIONS = ("tanh", "relu", "leaky_relu", "sigmoid", "gelu", "silu", "identity")


def activation(name: str) -> tuple[Fn, Fn]:
    """The function and its derivative (analytic, used for backpropagation)."""
    import math

    import numpy as np

    def erf(x: np.ndarray) -> np.ndarray:
        """Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), vectorised without scipy."""
        t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
        poly = t * (
            0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
        )
        return np.asarray(np.sign(x) * (1.0 - poly * np.exp(-(x**2))))

    def sigmoid(x: np.ndarray) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-x)))

    def phi(x: np.ndarray) -> np.ndarray:  # standard normal CDF
        return np.asarray(0.5 * (1.0 + erf(x / math.sqrt(2.0))))

    table: dict[str, tuple[Fn, Fn]] = {
        "tanh": (np.tanh, lambda x: 1.0 - np.tanh(x) ** 2),
        "relu": (lambda x: np.maximum(x, 0.0), lambda x: (x > 0).astype(float)),
        "leaky_relu": (
            lambda x: np.where(x > 0, x, 0.01 * x),
            lambda x: np.where(x > 0, 1.0, 0.01),
        ),
        "sigmoid": (sigmoid, lambda x: sigmoid(x) * (1.0 - sigmoid(x))),
        "gelu": (
            lambda x: x * phi(x),
            lambda x: phi(x) + x * np.exp(-0.5 * x**2) / math.sqrt(2 * math.pi),
        ),
        "silu": (
            lambda x: x * sigmoid(x),
            lambda x: sigmoid(x) * (1.0 + x * (1.0 - sigmoid(x))),
        ),
        "identity": (lambda x: np.asarray(x, dtype=float), lambda x: np.ones_like(x)),
    }
    return table[name]


XOR_X = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
XOR_Y = (0.0, 1.0, 1.0, 0.0)


def train_xor(
    act: str, hidden: int, epochs: int, lr: float, seeds: list[int]
) -> list[tuple[float, float, dict[str, np.ndarray]]]:
    """Full-batch gradient descent on binary cross-entropy, one independent network per
    seed (trained side by side as a batch); returns (accuracy, loss, weights) for each."""
    import numpy as np

    f, df = activation(act)
    x = np.array(XOR_X)
    y = np.array(XOR_Y)[:, None]
    inits = [np.random.default_rng([s, 31]) for s in seeds]
    w1 = np.stack([g.normal(0, 1.0, (2, hidden)) for g in inits])  # (R, 2, H)
    w2 = np.stack([g.normal(0, 1.0 / np.sqrt(hidden), (hidden, 1)) for g in inits])  # (R, H, 1)
    b1 = np.zeros((len(seeds), 1, hidden))
    b2 = np.zeros((len(seeds), 1, 1))
    xt = x.T[None]  # (1, 2, 4)
    for _ in range(epochs):
        z1 = x @ w1 + b1  # (R, 4, H)
        h = f(z1)
        out = 1 / (1 + np.exp(-np.clip(h @ w2 + b2, -30.0, 30.0)))  # (R, 4, 1)
        g_out = (out - y) / len(x)  # dBCE/dlogit
        g_z1 = (g_out @ w2.transpose(0, 2, 1)) * df(z1)
        w2 -= lr * (h.transpose(0, 2, 1) @ g_out)
        b2 -= lr * g_out.sum(axis=1, keepdims=True)
        w1 -= lr * (xt @ g_z1)
        b1 -= lr * g_z1.sum(axis=1, keepdims=True)
    results = []
    eps = 1e-12
    for r in range(len(seeds)):
        weights = {"w1": w1[r], "b1": b1[r, 0], "w2": w2[r], "b2": b2[r, 0]}
        prob = forward(weights, act, x)
        loss = float(
            -np.mean(y[:, 0] * np.log(prob + eps) + (1 - y[:, 0]) * np.log(1 - prob + eps))
        )
        acc = float(np.mean((prob > 0.5) == (y[:, 0] > 0.5)))
        results.append((acc, loss, weights))
    return results


def forward(weights: dict[str, np.ndarray], act: str, x: np.ndarray) -> np.ndarray:
    import numpy as np

    f, _ = activation(act)
    h = f(x @ weights["w1"] + weights["b1"])
    logit = np.clip(h @ weights["w2"] + weights["b2"], -30.0, 30.0)
    return np.asarray(1 / (1 + np.exp(-logit)))[:, 0]


def collapse_error(weights: dict[str, np.ndarray]) -> float:
    """How far a linear-activation network is from the single map x·(W1 W2) + (b1 W2 + b2)."""
    import numpy as np

    rng = np.random.default_rng(0)
    x = rng.normal(size=(256, 2)) * 3
    deep = (x @ weights["w1"] + weights["b1"]) @ weights["w2"] + weights["b2"]
    w = weights["w1"] @ weights["w2"]
    b = weights["b1"] @ weights["w2"] + weights["b2"]
    return float(np.max(np.abs(deep - (x @ w + b))))


def run(
    *,
    activation_name: str,
    hidden_units: int,
    epochs: int,
    learning_rate: float,
    restarts: int,
    seed: int,
) -> Outcome:
    import numpy as np

    seeds = [seed + r for r in range(restarts)]
    linear = train_xor("identity", hidden_units, epochs, learning_rate, seeds)
    nonlin = train_xor(activation_name, hidden_units, epochs, learning_rate, seeds)
    lin_best = max(a for a, _, _ in linear)
    non_best = max(a for a, _, _ in nonlin)
    non_success = sum(a == 1.0 for a, _, _ in nonlin) / restarts
    collapse = max(collapse_error(w) for _, _, w in linear)
    supported = lin_best <= 0.75 and non_best == 1.0

    grid = np.linspace(-5, 5, 401)
    curves = {}
    act_rows = []
    for name in ACTIVATIONS[:-1]:
        f, df = activation(name)
        y = f(grid)
        numeric = np.gradient(y, grid)  # measured slope, compared with the analytic one
        curves[name] = (y, df(grid))
        big = f(np.array([-100.0, 100.0]))
        act_rows.append(
            (
                name,
                round(float(big[0]), 3),
                round(float(big[1]), 3),
                round(float(np.max(df(grid))), 3),
                round(float(df(np.array([5.0]))[0]), 4),
                round(float(df(np.array([-5.0]))[0]), 4),
                round(float(np.max(np.abs(numeric[1:-1] - df(grid)[1:-1]))), 4),
            )
        )
    best_lin = max(linear, key=lambda t: (t[0], -t[1]))[2]
    best_non = max(nonlin, key=lambda t: (t[0], -t[1]))[2]
    metrics: dict[str, Any] = {
        "linear_best_accuracy": lin_best,
        "linear_best_loss": min(loss for _, loss, _ in linear),
        "nonlinear_best_accuracy": non_best,
        "nonlinear_best_loss": min(loss for _, loss, _ in nonlin),
        "nonlinear_success_rate": non_success,
        "linear_collapse_error": collapse,
        "relu_at_100": float(activation("relu")[0](np.array([100.0]))[0]),
    }

    def draw_curves(fig: Any, lang: str) -> None:
        axes = fig.subplots(1, 2)
        for name, (y, dy) in curves.items():
            style = "--" if name == "leaky_relu" else "-"
            axes[0].plot(grid, y, style, label=name)
            axes[1].plot(grid, dy, style, label=name)
        axes[0].set_ylim(-1.5, 3)
        axes[0].set_title("Funktion" if lang == "de" else "function")
        axes[1].set_title("Ableitung" if lang == "de" else "derivative")
        axes[1].legend(fontsize=7)

    def draw_xor(fig: Any, lang: str) -> None:
        axes = fig.subplots(1, 2)
        xx, yy = np.meshgrid(np.linspace(-0.5, 1.5, 121), np.linspace(-0.5, 1.5, 121))
        pts = np.column_stack([xx.ravel(), yy.ravel()])
        for ax, (w, act, title) in zip(
            axes,
            (
                (best_lin, "identity", "identity"),
                (best_non, activation_name, activation_name),
            ),
            strict=True,
        ):
            prob = forward(w, act, pts).reshape(xx.shape)
            ax.contourf(xx, yy, prob, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.7)
            if float(prob.max() - prob.min()) > 0.05:
                ax.contour(xx, yy, prob, levels=[0.5], colors="black", linewidths=1)
            else:  # the best a linear model can do on XOR: the same output everywhere
                ax.text(0.5, 0.5, f"p ≈ {float(prob.mean()):.2f}", ha="center", va="center")
            for (px, py), label in zip(XOR_X, XOR_Y, strict=True):
                ax.scatter(px, py, c="#d62728" if label else "#1f77b4", s=80, edgecolors="black")
            ax.set_title(title)
            ax.set_aspect("equal")
            ax.grid(False)

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"With the identity as hidden activation the best of {restarts} runs classifies "
            f"{lin_best:.0%} of the XOR points correctly: the two layers equal one linear map "
            f"(largest deviation {collapse:.1e}), and no line separates XOR. With "
            f"{activation_name} the same network reaches {non_best:.0%} ({non_success:.0%} of "
            f"the runs). ReLU(100) = {metrics['relu_at_100']:.0f}: activations are not there to "
            "bound the net input, they are there to bend the function.",
            f"Mit der Identität als verborgener Aktivierung klassifiziert der beste von {restarts} "
            f"Läufen {de_num(lin_best, '.0%')} der XOR-Punkte richtig: Die beiden Schichten sind "
            "zusammen eine einzige lineare Abbildung (größte Abweichung "
            f"{de_num(collapse, '.1e')}), und keine Gerade trennt XOR. Mit {activation_name} "
            f"erreicht dasselbe Netz {de_num(non_best, '.0%')} ({de_num(non_success, '.0%')} der "
            f"Läufe). ReLU(100) = {de_num(metrics['relu_at_100'], '.0f')}: Aktivierungen sind "
            "nicht dazu da, die Eingabe zu begrenzen, sondern um die Funktion nichtlinear zu "
            "machen.".replace("%", " %"),
        ),
        tables=[
            Table(
                text("XOR runs", "XOR-Läufe"),
                ("run", "hidden activation", "accuracy", "loss"),
                tuple(
                    (r + 1, act, round(acc, 3), round(loss, 4))
                    for act, runs in (("identity", linear), (activation_name, nonlin))
                    for r, (acc, loss, _) in enumerate(runs)
                ),
            ),
            Table(
                text("Activation functions", "Aktivierungsfunktionen"),
                (
                    "activation",
                    "f(-100)",
                    "f(100)",
                    "max slope",
                    "slope at 5",
                    "slope at -5",
                    "analytic vs numeric slope",
                ),
                tuple(act_rows),
            ),
        ],
        plots=[
            Plot(
                "curves",
                text("Activations and derivatives", "Aktivierungen und Ableitungen"),
                draw_curves,
                size=(8.0, 3.6),
            ),
            Plot(
                "xor",
                text("Decision regions on XOR", "Entscheidungsregionen für XOR"),
                draw_xor,
                size=(7.0, 3.6),
            ),
        ],
    )


LAB = Lab(
    id="activations",
    title=text(
        "Why networks need non-linear activations",
        "Warum Netze nichtlineare Aktivierungen brauchen",
    ),
    claim=text(
        "A network whose layers are all linear collapses into a single linear map and cannot "
        "fit XOR; one hidden layer with a non-linear activation can.",
        "Ein Netz aus lauter linearen Schichten fällt zu einer einzigen linearen Abbildung "
        "zusammen und kann XOR nicht lernen; eine verborgene Schicht mit nichtlinearer "
        "Aktivierung kann es.",
    ),
    cards=("activation-functions",),
    params=(
        Param(
            "activation_name",
            "choice",
            "tanh",
            text(
                "Hidden activation of the non-linear network",
                "Verborgene Aktivierung des nichtlinearen Netzes",
            ),
            choices=ACTIVATIONS,
        ),
        Param("hidden_units", "int", 4, text("Hidden units", "Verborgene Einheiten"), 1, 64),
        Param("epochs", "int", 3000, text("Gradient steps", "Gradientenschritte"), 10, 50000),
        Param("learning_rate", "float", 0.5, text("Learning rate", "Lernrate"), 0.001, 3.0),
        Param(
            "restarts",
            "int",
            5,
            text("Random initialisations", "Zufällige Initialisierungen"),
            1,
            30,
        ),
    ),
    run_fn=run,
)
