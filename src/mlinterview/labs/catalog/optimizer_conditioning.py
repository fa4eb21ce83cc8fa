"""Adam vs SGD on a badly scaled logistic regression, each with its best learning rate.

The data is a logistic regression with 20 features whose scales span a chosen ratio (say
one feature in metres, another in centimetres): the Hessian is then ill-conditioned along
the coordinate axes. Full-batch gradient descent ("SGD" without sampling noise, so the
update rule alone makes the difference), heavy-ball momentum and Adam each run with every
learning rate of a log grid; the lab reports the fewest steps each method needs to bring
the loss within a small tolerance of the optimum (found with Newton's method). Optionally
the scaled features are rotated, which keeps the conditioning but hides it from Adam's
per-coordinate step sizes. Pure numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

FEATURES = 20
METHODS = ("sgd", "momentum", "adam")
LABELS = {"sgd": "SGD", "momentum": "SGD + momentum 0.9", "adam": "Adam"}
LR_GRID = tuple(10 ** (k / 4) for k in range(-8, 13))  # 0.01 … 1000, four per decade
SPEEDUP = 2.0  # Adam must need at most half the steps of the better SGD variant
SCALINGS = ("per_feature", "rotated")


@dataclass(frozen=True)
class Problem:
    x: np.ndarray
    y: np.ndarray
    loss_star: float
    loss_start: float
    condition: float


def make_problem(n: int, ratio: float, scaling: str, seed: int) -> Problem:
    """Labels from a logistic model on standard-normal features, then the features are
    multiplied by scales from 1/ratio to 1 (and optionally rotated)."""
    import numpy as np

    rng = np.random.default_rng([seed, 29])
    z = rng.normal(size=(n, FEATURES))
    w_true = rng.normal(size=FEATURES) * 2.0 / FEATURES**0.5  # logits with std 2: noisy labels
    y = (rng.random(n) < 1 / (1 + np.exp(-(z @ w_true)))).astype(float)
    scales = ratio ** np.linspace(-1.0, 0.0, FEATURES)
    x = z * scales
    if scaling == "rotated":
        q, _ = np.linalg.qr(rng.normal(size=(FEATURES, FEATURES)))
        x = x @ q.T
    w = np.zeros(FEATURES)
    hessian = np.eye(FEATURES)
    converged = False
    with np.errstate(over="ignore"):
        for _ in range(60):  # Newton's method: the exact optimum, whatever the conditioning
            s = 1 / (1 + np.exp(-(x @ w)))
            grad = x.T @ (s - y) / n
            hessian = (x * (s * (1 - s))[:, None]).T @ x / n
            try:
                step = np.linalg.solve(hessian, grad)
            except np.linalg.LinAlgError:
                break
            w -= step
            if np.max(np.abs(step)) < 1e-10 * (1 + np.max(np.abs(w))):
                converged = True
                break
    if not converged:  # separable data: the loss has no finite minimum
        raise LabParameterError(
            f"with n_samples={n} this draw is linearly separable, so the loss has no minimum; "
            "use more samples or another seed"
        )
    eig = np.linalg.eigvalsh(hessian)
    loss_star = float(np.mean(np.logaddexp(0.0, x @ w) - y * (x @ w)))
    return Problem(x, y, loss_star, float(np.log(2.0)), float(eig[-1] / eig[0]))


def optimise(
    problem: Problem, method: str, lrs: np.ndarray, steps: int, target: float
) -> tuple[np.ndarray, np.ndarray]:
    """Run one method with every learning rate at once (one weight column each).

    Returns the first step at which each run's loss reached ``target`` (-1: never) and
    the loss history (steps+1, len(lrs)); a diverged run is frozen with infinite loss.
    """
    import numpy as np

    x, y = problem.x, problem.y
    n = len(y)
    w = np.zeros((FEATURES, len(lrs)))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    alive = np.ones(len(lrs), dtype=bool)
    hit = np.full(len(lrs), -1)
    history = np.full((steps + 1, len(lrs)), np.inf)
    for t in range(steps + 1):
        z = x @ w
        loss = np.mean(np.logaddexp(0.0, z) - y[:, None] * z, axis=0)
        alive &= np.isfinite(loss) & (loss < 1e3)
        history[t, alive] = loss[alive]
        newly = alive & (loss <= target) & (hit < 0)
        hit[newly] = t
        if t == steps or not (alive & (hit < 0)).any():
            break
        grad = x.T @ (1 / (1 + np.exp(-np.clip(z, -500, 500))) - y[:, None]) / n
        if method == "sgd":
            update = grad
        elif method == "momentum":
            m = 0.9 * m + grad
            update = m
        else:
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad**2
            update = (m / (1 - 0.9 ** (t + 1))) / (np.sqrt(v / (1 - 0.999 ** (t + 1))) + 1e-8)
        w = np.where(alive, w - lrs * update, 0.0)
    return hit, history


def run(
    *,
    feature_scale_ratio: float,
    scaling: str,
    n_samples: int,
    max_steps: int,
    tolerance: float,
    seed: int,
) -> Outcome:
    import numpy as np

    problem = make_problem(n_samples, feature_scale_ratio, scaling, seed)
    target = problem.loss_star + tolerance * (problem.loss_start - problem.loss_star)
    lrs = np.array(LR_GRID)
    best: dict[str, tuple[int, float]] = {}  # method -> (steps or -1, learning rate)
    curves: dict[str, np.ndarray] = {}
    grid_steps: dict[str, list[int]] = {}
    for method in METHODS:
        hit, history = optimise(problem, method, lrs, max_steps, target)
        reached = np.flatnonzero(hit >= 0)
        if len(reached):
            i = int(reached[np.argmin(hit[reached])])
        else:  # none reached the target: the run with the lowest final loss
            final = np.where(np.isfinite(history[-1]), history[-1], np.inf)
            i = int(np.argmin(final))
        best[method] = (int(hit[i]), float(lrs[i]))
        curves[method] = history[:, i] - problem.loss_star
        grid_steps[method] = [int(h) for h in hit]
    budget = max_steps + 1  # "never" counts as more than the budget

    def cost(method: str) -> int:
        steps = best[method][0]
        return steps if steps >= 0 else budget

    sgd_best = min(cost("sgd"), cost("momentum"))
    adam_steps = cost("adam")
    speedup = sgd_best / adam_steps
    supported = best["adam"][0] >= 0 and speedup >= SPEEDUP
    metrics: dict[str, Any] = {
        "hessian_condition_number": problem.condition,
        "optimal_loss": problem.loss_star,
        "target_loss": target,
        "sgd_steps": best["sgd"][0],
        "momentum_steps": best["momentum"][0],
        "adam_steps": best["adam"][0],
        "sgd_best_lr": best["sgd"][1],
        "momentum_best_lr": best["momentum"][1],
        "adam_best_lr": best["adam"][1],
        "adam_speedup": speedup,
        "max_steps": max_steps,
    }

    def fmt(method: str, lang: str) -> str:
        steps = best[method][0]
        if steps >= 0:
            return str(steps)
        return f"über {max_steps}" if lang == "de" else f"more than {max_steps}"

    def draw(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        colors = {"sgd": "#d62728", "momentum": "#ff7f0e", "adam": "#1f77b4"}
        for method in METHODS:
            steps, lr = best[method]
            gap = curves[method][: steps + 1] if steps >= 0 else curves[method]
            keep = np.isfinite(gap)
            lr_text = de_num(lr, ".3g") if lang == "de" else f"{lr:.3g}"
            ax.plot(
                np.flatnonzero(keep),
                np.maximum(gap[keep], 1e-12),
                color=colors[method],
                label=f"{LABELS[method]} (lr {lr_text})",
            )
            if steps >= 0:  # the curve stops where the target is reached
                ax.plot(steps, max(float(gap[-1]), 1e-12), "o", color=colors[method])
        ax.axhline(
            target - problem.loss_star,
            color="#7f7f7f",
            linestyle=":",
            label="Ziel" if lang == "de" else "target",
        )
        ax.set_yscale("log")
        ax.set_xlim(0, max_steps)
        ax.set_xlabel("Schritt (Full Batch)" if lang == "de" else "step (full batch)")
        ax.set_ylabel("Loss − optimaler Loss" if lang == "de" else "loss − optimal loss")
        ax.legend(loc="upper right")

    scale_en = {
        "per_feature": "along the feature axes",
        "rotated": "in rotated directions (features mixed by a random rotation)",
    }[scaling]
    scale_de = {
        "per_feature": "entlang der Feature-Achsen",
        "rotated": "in gedrehten Richtungen (Features durch eine zufällige Rotation gemischt)",
    }[scaling]
    verdict_en = (
        f"Adam gets there {speedup:.1f} times faster than the better SGD variant."
        if supported
        else f"Adam is not at least {SPEEDUP:.0f} times faster here (factor {speedup:.2f})."
    )
    verdict_de = (
        f"Adam ist damit um den Faktor {de_num(speedup, '.1f')} schneller als die bessere "
        "SGD-Variante."
        if supported
        else f"Adam ist hier nicht mindestens um den Faktor {SPEEDUP:.0f} schneller (Faktor "
        f"{de_num(speedup, '.2f')})."
    )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Feature scales span a factor of {feature_scale_ratio:g} {scale_en}; the Hessian "
            f"at the optimum has condition number {problem.condition:.0f}. With the best "
            f"learning rate of a {len(lrs)}-point grid, the steps until the gap to the optimal "
            f"loss has shrunk to {tolerance:g} of its initial value are: SGD "
            f"{fmt('sgd', 'en')}, SGD with momentum {fmt('momentum', 'en')}, Adam "
            f"{fmt('adam', 'en')}. {verdict_en} Adam divides each coordinate's step by its "
            "own gradient scale, which undoes badly scaled features; "
            "it does not undo ill-conditioning in rotated directions (scaling=rotated), and with "
            "equally scaled features (feature_scale_ratio=1) plain gradient descent does as well "
            "or better on this problem.",
            f"Die Feature-Skalen unterscheiden sich um den Faktor "
            f"{de_num(feature_scale_ratio, 'g')} {scale_de}; die Hesse-Matrix im Optimum hat die "
            f"Konditionszahl {problem.condition:.0f}. Mit der besten Learning Rate aus einem "
            f"Raster von {len(lrs)} Werten brauchen die Verfahren so viele Schritte, bis der "
            f"Abstand zum optimalen Loss auf das {de_num(tolerance, 'g')}-Fache des Anfangswerts "
            f"gefallen ist: SGD {fmt('sgd', 'de')}, SGD mit Momentum {fmt('momentum', 'de')}, "
            f"Adam {fmt('adam', 'de')}. {verdict_de} Adam teilt den Schritt jeder Koordinate "
            "durch deren eigene Gradientengröße und gleicht so schlecht skalierte Features aus; "
            "schlechte Konditionierung in gedrehten Richtungen gleicht es nicht aus "
            "(scaling=rotated), und bei gleich skalierten Features (feature_scale_ratio=1) ist "
            "einfacher Gradientenabstieg hier genauso schnell oder schneller.",
        ),
        tables=[
            Table(
                text("Best learning rate per method", "Beste Learning Rate je Verfahren"),
                ("method", "best learning rate", "steps to target", "lowest loss − optimum"),
                tuple(
                    (
                        LABELS[mth],
                        float(f"{best[mth][1]:.3g}"),
                        best[mth][0] if best[mth][0] >= 0 else f"> {max_steps}",
                        float(
                            f"{max(0.0, float(np.min(curves[mth][np.isfinite(curves[mth])]))):.3g}"
                        ),
                    )
                    for mth in METHODS
                ),
            ),
            Table(
                text(
                    "Steps to target for every learning rate (– = not reached or diverged)",
                    "Schritte bis zum Ziel für jede Learning Rate (– = nicht erreicht oder "
                    "divergiert)",
                ),
                ("learning rate", *(LABELS[mth] for mth in METHODS)),
                tuple(
                    (
                        float(f"{lr:.3g}"),
                        *(
                            grid_steps[mth][i] if grid_steps[mth][i] >= 0 else "–"
                            for mth in METHODS
                        ),
                    )
                    for i, lr in enumerate(LR_GRID)
                ),
            ),
        ],
        plots=[
            Plot(
                "convergence",
                text(
                    "Loss gap at the tuned learning rates",
                    "Loss-Abstand bei getunter Learning Rate",
                ),
                draw,
            )
        ],
    )


LAB = Lab(
    id="optimizer_conditioning",
    title=text(
        "Adam vs SGD on a badly scaled problem",
        "Adam gegen SGD bei schlecht skalierten Features",
    ),
    claim=text(
        "On a logistic regression whose features differ in scale by a factor of 100, Adam "
        "reaches a given loss in at most half as many steps as SGD or SGD with momentum, "
        "each with its best learning rate from the same grid.",
        "Bei einer logistischen Regression, deren Features sich in der Skala um den Faktor 100 "
        "unterscheiden, erreicht Adam einen vorgegebenen Loss in höchstens halb so vielen "
        "Schritten wie SGD oder SGD mit Momentum, jeweils mit der besten Learning Rate aus "
        "demselben Raster.",
    ),
    cards=("optimizers-adam-adamw",),
    params=(
        Param(
            "feature_scale_ratio",
            "float",
            100.0,
            text(
                "Ratio of the largest to the smallest feature scale",
                "Verhältnis von größter zu kleinster Feature-Skala",
            ),
            1.0,
            1000.0,
        ),
        Param(
            "scaling",
            "choice",
            "per_feature",
            text(
                "Scales along the feature axes, or mixed by a rotation",
                "Skalen entlang der Feature-Achsen oder durch eine Rotation gemischt",
            ),
            choices=SCALINGS,
        ),
        Param("n_samples", "int", 500, text("Training samples", "Trainingsbeispiele"), 200, 5000),
        Param(
            "max_steps",
            "int",
            2000,
            text("Step budget per run", "Schrittbudget pro Lauf"),
            50,
            10000,
        ),
        Param(
            "tolerance",
            "float",
            0.001,
            text(
                "Target: remaining share of the initial loss gap",
                "Ziel: verbleibender Anteil des anfänglichen Loss-Abstands",
            ),
            0.0001,
            0.5,
        ),
    ),
    run_fn=run,
)
