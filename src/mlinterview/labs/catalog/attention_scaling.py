"""Why attention divides by sqrt(d): without it, the softmax saturates as d grows.

Queries and keys are random vectors with independent unit-variance entries, as at
initialisation. Their dot product then has variance d, so the logits fed into the softmax
spread out like sqrt(d). For each dimension d the lab measures, over many queries, how
peaked the attention weights are and how large the softmax's Jacobian (the gradient of
the weights with respect to the logits) is, once with raw logits q·k and once with
q·k / sqrt(d). Pure numpy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

SATURATED = 0.99  # a query is saturated when one key gets more than this weight
GRADIENT_RATIO = 0.1  # unscaled median gradient at most this fraction of the scaled one
MIN_DIM = 4


def dims_up_to(max_dim: int) -> list[int]:
    """Powers of two from 4 up to ``max_dim`` (and ``max_dim`` itself)."""
    dims = []
    d = MIN_DIM
    while d < max_dim:
        dims.append(d)
        d *= 2
    dims.append(max_dim)
    return dims


def softmax(logits: np.ndarray) -> np.ndarray:
    import numpy as np

    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=-1, keepdims=True))


def jacobian_norm(p: np.ndarray) -> np.ndarray:
    """Frobenius norm of the softmax Jacobian diag(p) - p pᵀ, one per row of ``p``.

    ‖diag(p) - p pᵀ‖² = Σp² - 2 Σp³ + (Σp²)², so the n×n matrix is never built.
    """
    import numpy as np

    s2 = (p**2).sum(axis=-1)
    s3 = (p**3).sum(axis=-1)
    return np.asarray(np.sqrt(np.maximum(s2 - 2 * s3 + s2**2, 0.0)))


def measure(p: np.ndarray) -> dict[str, float]:
    import numpy as np

    n_keys = p.shape[-1]
    entropy = -(p * np.log(np.maximum(p, 1e-300))).sum(axis=-1)
    top = p.max(axis=-1)
    return {
        "median_max_weight": float(np.median(top)),
        "entropy_share": float(entropy.mean() / np.log(n_keys)),
        "median_gradient": float(np.median(jacobian_norm(p))),
        "saturated_share": float(np.mean(top > SATURATED)),
    }


def run(*, n_keys: int, n_queries: int, max_dim: int, seed: int) -> Outcome:
    import numpy as np

    rng = np.random.default_rng([seed, 41])
    dims = dims_up_to(max_dim)
    results: dict[str, list[dict[str, float]]] = {"unscaled": [], "scaled": []}
    rows = []
    for d in dims:
        q = rng.normal(size=(n_queries, d))
        k = rng.normal(size=(n_keys, d))
        logits = q @ k.T
        for mode, factor in (("unscaled", 1.0), ("scaled", 1.0 / np.sqrt(d))):
            z = logits * factor
            m = measure(softmax(z))
            m["logit_std"] = float(z.std())
            results[mode].append(m)
            rows.append(
                (
                    d,
                    "q·k" if mode == "unscaled" else "q·k/√d",
                    round(m["logit_std"], 2),
                    round(m["median_max_weight"], 4),
                    round(m["entropy_share"], 3),
                    float(f"{m['median_gradient']:.3g}"),
                    round(m["saturated_share"], 3),
                )
            )
    un, sc = results["unscaled"][-1], results["scaled"][-1]
    small_un, small_sc = results["unscaled"][0], results["scaled"][0]
    ratio = un["median_gradient"] / sc["median_gradient"]
    scaled_entropies = [m["entropy_share"] for m in results["scaled"]]
    scaled_spread = max(scaled_entropies) - min(scaled_entropies)
    supported = (
        un["saturated_share"] >= 0.5 and ratio <= GRADIENT_RATIO and sc["saturated_share"] == 0.0
    )
    metrics: dict[str, Any] = {
        "largest_dim": dims[-1],
        "unscaled_logit_std": un["logit_std"],
        "scaled_logit_std": sc["logit_std"],
        "unscaled_median_max_weight": un["median_max_weight"],
        "scaled_median_max_weight": sc["median_max_weight"],
        "unscaled_saturated_share": un["saturated_share"],
        "scaled_saturated_share": sc["saturated_share"],
        "unscaled_median_gradient": un["median_gradient"],
        "scaled_median_gradient": sc["median_gradient"],
        "gradient_ratio": ratio,
        "unscaled_entropy_share": un["entropy_share"],
        "scaled_entropy_share": sc["entropy_share"],
        "scaled_entropy_spread_over_dims": scaled_spread,
    }

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        axes = fig.subplots(1, 2)
        labels = {"unscaled": "q·k", "scaled": "q·k / √d"}
        colors = {"unscaled": "#d62728", "scaled": "#1f77b4"}
        for mode in ("unscaled", "scaled"):
            ms = results[mode]
            axes[0].plot(
                dims,
                [m["median_max_weight"] for m in ms],
                "o-",
                color=colors[mode],
                label=labels[mode],
            )
            axes[1].plot(
                dims,
                [m["median_gradient"] for m in ms],
                "o-",
                color=colors[mode],
                label=labels[mode],
            )
        axes[0].axhline(1 / n_keys, color="#7f7f7f", linestyle=":", label="1/n")
        axes[0].set_ylim(0, 1.02)
        axes[0].set_ylabel("Median des größten Gewichts" if de else "median of the largest weight")
        axes[1].set_yscale("log")
        axes[1].set_ylabel("Median ‖∂Softmax/∂Logits‖" if de else "median ‖∂softmax/∂logits‖")
        for ax in axes:
            ax.set_xscale("log", base=2)
            ax.set_xticks(dims, [str(d) for d in dims], fontsize=7)
            ax.minorticks_off()
            ax.set_xlabel("Dimension d")
        axes[0].legend(loc="center right")

    en = [
        f"At d = {dims[-1]} the raw logits q·k have a standard deviation of "
        f"{un['logit_std']:.1f} (about √d), the scaled ones {sc['logit_std']:.2f}. Without the "
        f"scale, {un['saturated_share']:.0%} of the queries put more than {SATURATED:.0%} of "
        f"their weight on a single one of {n_keys} keys (median largest weight "
        f"{un['median_max_weight']:.3f}); the median gradient of the weights with respect to "
        f"the logits is {un['median_gradient']:.1e}, against {sc['median_gradient']:.2f} with "
        "the scale."
    ]
    de = [
        f"Bei d = {dims[-1]} haben die rohen Logits q·k eine Standardabweichung von "
        f"{de_num(un['logit_std'], '.1f')} (etwa √d), die skalierten "
        f"{de_num(sc['logit_std'], '.2f')}. Ohne Skalierung legen "
        f"{de_num(un['saturated_share'], '.0%')} der Queries mehr als "
        f"{de_num(SATURATED, '.0%')} ihres Gewichts auf einen einzigen von {n_keys} Keys "
        f"(Median des größten Gewichts {de_num(un['median_max_weight'])}); der Median des "
        "Gradienten der Gewichte nach den Logits liegt bei "
        f"{de_num(un['median_gradient'], '.1e')}, mit Skalierung bei "
        f"{de_num(sc['median_gradient'], '.2f')}."
    ]
    if supported:
        en.append(
            f"That is about {1 / ratio:.0f} times smaller: a saturated softmax barely passes "
            "gradient back, so attention can hardly learn to shift its weights."
        )
        de.append(
            f"Das ist rund {1 / ratio:.0f}-mal kleiner: Eine gesättigte Softmax gibt kaum "
            "Gradient zurück, die Attention kann ihre Gewichte kaum noch verschieben."
        )
    else:
        en.append(
            "At this size the unscaled softmax is not saturated enough for the claim "
            f"(needs at least half the queries saturated and a gradient ratio of at most "
            f"{GRADIENT_RATIO}; measured {ratio:.2f})."
        )
        de.append(
            "Bei dieser Größe ist die unskalierte Softmax nicht stark genug gesättigt "
            "(verlangt: mindestens die Hälfte der Queries gesättigt und ein Gradientenverhältnis "
            f"von höchstens {de_num(GRADIENT_RATIO, '.1f')}; gemessen {de_num(ratio, '.2f')})."
        )
    en.append(
        "With 1/√d the logits keep unit variance and the weights stay spread out for every d "
        f"(entropy {min(scaled_entropies):.0%} to {max(scaled_entropies):.0%} of the maximum)."
    )
    de.append(
        "Mit 1/√d behalten die Logits Varianz 1, und die Gewichte bleiben für jedes d verteilt "
        f"(Entropie {de_num(min(scaled_entropies), '.0%')} bis "
        f"{de_num(max(scaled_entropies), '.0%')} des Maximums)."
    )
    if len(dims) > 1:
        en.append(
            f"At d = {dims[0]} (logit std {small_un['logit_std']:.1f} against "
            f"{small_sc['logit_std']:.1f}) neither variant saturates and the gradients are of "
            f"the same order ({small_un['median_gradient']:.2f} and "
            f"{small_sc['median_gradient']:.2f})."
        )
        de.append(
            f"Bei d = {dims[0]} (Standardabweichung {de_num(small_un['logit_std'], '.1f')} "
            f"gegenüber {de_num(small_sc['logit_std'], '.1f')}) sättigt keine der beiden "
            "Varianten, und die Gradienten liegen in derselben Größenordnung "
            f"({de_num(small_un['median_gradient'], '.2f')} und "
            f"{de_num(small_sc['median_gradient'], '.2f')})."
        )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(" ".join(en), " ".join(de).replace("%", " %")),
        tables=[
            Table(
                text("Attention weights per dimension", "Attention-Gewichte je Dimension"),
                (
                    "d",
                    "logits",
                    "logit std",
                    "median max weight",
                    "entropy / log n",
                    "median gradient norm",
                    f"share max weight > {SATURATED}",
                ),
                tuple(rows),
            )
        ],
        plots=[
            Plot(
                "saturation",
                text(
                    "Softmax saturation with and without 1/√d",
                    "Softmax-Sättigung mit und ohne 1/√d",
                ),
                draw,
                size=(8.0, 3.6),
            )
        ],
    )


LAB = Lab(
    id="attention_scaling",
    title=text(
        "Why attention scales logits by 1/√d",
        "Warum Attention die Logits durch √d teilt",
    ),
    claim=text(
        "For random queries and keys with unit-variance entries the logits q·k have variance d; "
        "without dividing by √d the softmax saturates as d grows (nearly one-hot weights, "
        "gradients orders of magnitude smaller), while the scaled version behaves the same "
        "for every d.",
        "Bei zufälligen Queries und Keys mit Einträgen der Varianz 1 haben die Logits q·k die "
        "Varianz d; ohne Division durch √d sättigt die Softmax mit wachsendem d (fast "
        "One-Hot-Gewichte, um Größenordnungen kleinere Gradienten), während die skalierte "
        "Variante für jedes d gleich bleibt.",
    ),
    cards=("self-attention",),
    params=(
        Param(
            "n_keys",
            "int",
            128,
            text("Keys per query (sequence length)", "Keys pro Query (Sequenzlänge)"),
            8,
            2048,
        ),
        Param(
            "n_queries",
            "int",
            512,
            text("Random queries per dimension", "Zufällige Queries pro Dimension"),
            16,
            4096,
        ),
        Param(
            "max_dim",
            "int",
            1024,
            text(
                "Largest head dimension d (powers of two from 4 up to it)",
                "Größte Head-Dimension d (Zweierpotenzen ab 4 bis dorthin)",
            ),
            MIN_DIM,
            4096,
        ),
    ),
    run_fn=run,
)
