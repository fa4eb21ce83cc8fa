"""Self-consistency: majority voting over sampled answers, simulated vs the binomial law."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

SIGMAS = 4.0  # allowed gap between simulation and formula, in standard errors


def simulate_votes(
    p: float, max_samples: int, trials: int, correlation: float, seed: int
) -> np.ndarray:
    """Boolean matrix (trials, max_samples): is each sampled answer correct?

    With probability ``correlation`` a question is "stuck": all its samples repeat one draw
    (the model makes the same mistake every time). Otherwise samples are independent. The
    per-sample accuracy is ``p`` either way; only the dependence changes.
    """
    import numpy as np

    rng = np.random.default_rng([seed, 11])
    draws = rng.random((trials, max_samples)) < p
    stuck = rng.random(trials) < correlation
    draws[stuck] = draws[stuck, :1]
    return draws


def majority_accuracy(draws: np.ndarray, n: int) -> float:
    """Share of questions where more than half of the first ``n`` answers are correct
    (the vote between the right answer and one recurring wrong answer; ``n`` odd: no ties)."""
    return float((draws[:, :n].sum(axis=1) * 2 > n).mean())


def binomial_majority(p: float, n: int) -> float:
    """P(Binomial(n, p) > n/2): the vote is right when most independent samples are.

    Summed in log space (lgamma) so large n cannot overflow.
    """
    import math

    if p <= 0.0 or p >= 1.0:
        return 1.0 if p >= 1.0 else 0.0
    total = 0.0
    for k in range(n // 2 + 1, n + 1):
        log_term = (
            math.lgamma(n + 1)
            - math.lgamma(k + 1)
            - math.lgamma(n - k + 1)
            + k * math.log(p)
            + (n - k) * math.log1p(-p)
        )
        total += math.exp(log_term)
    return min(1.0, total)


def run(*, p: float, max_samples: int, trials: int, correlation: float, seed: int) -> Outcome:
    import numpy as np

    ns = list(range(1, max_samples + 1, 2))
    draws = simulate_votes(p, ns[-1], trials, correlation, seed)
    sim = [majority_accuracy(draws, n) for n in ns]
    formula = [binomial_majority(p, n) for n in ns]
    se = [np.sqrt(max(f * (1 - f), 1e-12) / trials) for f in formula]
    z = [abs(s - f) / e for s, f, e in zip(sim, formula, se, strict=True)]
    agree = all(v <= SIGMAS for v in z)
    final = sim[-1]
    # the claim is about *more* samples: with a single one there is no vote to measure
    if p > 0.5:
        direction = formula[-1] > p and final > p
    elif p < 0.5:
        direction = formula[-1] < p and final < p
    else:
        direction = abs(final - p) <= SIGMAS * se[-1]
    supported = agree and direction

    def needed(target: float) -> int:
        for n in range(1, 2002, 2):
            if binomial_majority(p, n) >= target:
                return n
        return -1

    compare = {}
    for rho in (0.0, 0.25, 0.5):
        d = simulate_votes(p, ns[-1], max(2000, trials // 4), rho, seed + 1)
        compare[rho] = [majority_accuracy(d, n) for n in ns]

    metrics: dict[str, Any] = {
        "single_sample_accuracy": sim[0],
        "vote_accuracy_max_n": final,
        "formula_accuracy_max_n": formula[-1],
        "max_abs_gap": float(max(abs(s - f) for s, f in zip(sim, formula, strict=True))),
        "max_z": float(max(z)),
        "samples_for_90pct": needed(0.9) if p > 0.5 else -1,
        "samples_for_99pct": needed(0.99) if p > 0.5 else -1,
    }
    rows = tuple(
        (n, round(s, 4), round(f, 4), round(s - f, 4), round(float(zz), 2))
        for n, s, f, zz in zip(ns, sim, formula, z, strict=True)
    )

    def draw_votes(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        grid = np.arange(1, ns[-1] + 1, 2)
        for q, color in ((0.4, "#d62728"), (0.55, "#ff7f0e"), (0.7, "#2ca02c"), (0.85, "#9467bd")):
            ax.plot(
                grid,
                [binomial_majority(q, int(n)) for n in grid],
                color=color,
                alpha=0.5,
                linewidth=1,
                label=f"p = {q}",
            )
        ax.plot(
            ns,
            formula,
            color="#1f77b4",
            linewidth=2,
            label=f"p = {p} (Formel)" if lang == "de" else f"p = {p} (formula)",
        )
        ax.plot(ns, sim, "o", color="#1f77b4", label="simuliert" if lang == "de" else "simulated")
        ax.set_xlabel("Anzahl der Stichproben n" if lang == "de" else "samples n")
        ax.set_ylabel("Genauigkeit der Mehrheit" if lang == "de" else "majority-vote accuracy")
        ax.set_ylim(0, 1.02)
        ax.legend(loc="lower right", fontsize=8)

    def draw_corr(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ax.plot(
            ns,
            formula,
            color="#7f7f7f",
            linestyle="--",
            label="Binomialformel" if lang == "de" else "binomial formula",
        )
        for (rho, acc), color in zip(
            compare.items(), ("#1f77b4", "#ff7f0e", "#d62728"), strict=True
        ):
            ax.plot(
                ns,
                acc,
                marker="o",
                markersize=3,
                color=color,
                label=(f"Korrelation {rho}" if lang == "de" else f"correlation {rho}"),
            )
        ax.set_xlabel("Anzahl der Stichproben n" if lang == "de" else "samples n")
        ax.set_ylabel("Genauigkeit der Mehrheit" if lang == "de" else "majority-vote accuracy")
        ax.legend(loc="lower right")

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"With per-sample accuracy p = {p} and correlation {correlation}, {trials} "
            f"simulated questions give a majority-vote accuracy of {final:.4f} with "
            f"{ns[-1]} samples; the binomial formula says {formula[-1]:.4f} (largest gap "
            f"{metrics['max_z']:.1f} standard errors over all n). The formula assumes "
            "independent samples: when the model repeats the same mistake, voting helps "
            "far less, which is why self-consistency needs diverse reasoning paths.",
            f"Mit einer Genauigkeit pro Stichprobe von p = {de_num(p, 'g')} und Korrelation "
            f"{de_num(correlation, 'g')} ergeben {trials} simulierte Fragen mit {ns[-1]} "
            f"Stichproben eine Genauigkeit der Mehrheitsentscheidung von {de_num(final, '.4f')}; "
            f"die Binomialformel sagt {de_num(formula[-1], '.4f')} (größte Abweichung über alle n: "
            f"{de_num(metrics['max_z'], '.1f')} Standardfehler). Die Formel setzt unabhängige "
            "Stichproben voraus: Wiederholt das Modell denselben Fehler, hilft die Abstimmung "
            "viel weniger. Darum braucht Self-Consistency unterschiedliche Lösungswege.",
        ),
        tables=[
            Table(
                text(
                    "Majority vote: simulation and formula",
                    "Mehrheitsentscheidung: Simulation und Formel",
                ),
                ("samples", "simulated", "binomial formula", "difference", "|z|"),
                rows,
            )
        ],
        plots=[
            Plot(
                "accuracy_vs_samples",
                text("Accuracy vs number of samples", "Genauigkeit über der Stichprobenzahl"),
                draw_votes,
            ),
            Plot("correlation", text("Correlated mistakes", "Korrelierte Fehler"), draw_corr),
        ],
    )


LAB = Lab(
    id="self_consistency",
    title=text("Self-consistency voting", "Self-Consistency durch Mehrheitsentscheidung"),
    claim=text(
        "If each sampled answer is right with probability p and the samples are independent, "
        "majority-vote accuracy follows the binomial formula P(Bin(n, p) > n/2): it rises "
        "towards 1 with more samples when p > 0.5 and falls when p < 0.5.",
        "Ist jede gesampelte Antwort mit Wahrscheinlichkeit p richtig und sind die "
        "Stichproben unabhängig, folgt die Genauigkeit der Mehrheitsentscheidung der "
        "Binomialformel P(Bin(n, p) > n/2): Sie steigt mit mehr Stichproben gegen 1, wenn "
        "p > 0,5 ist, und fällt, wenn p < 0,5 ist.",
    ),
    cards=("reducing-hallucinations",),
    params=(
        Param(
            "p",
            "float",
            0.65,
            text("Accuracy of one sample", "Genauigkeit einer Stichprobe"),
            0.05,
            0.95,
        ),
        Param(
            "max_samples",
            "int",
            21,
            text("Largest number of samples", "Größte Stichprobenzahl"),
            1,
            101,
        ),
        Param(
            "trials", "int", 20000, text("Simulated questions", "Simulierte Fragen"), 500, 500000
        ),
        Param(
            "correlation",
            "float",
            0.0,
            text(
                "Share of questions where every sample repeats one draw",
                "Anteil der Fragen, bei denen jede Stichprobe dieselbe Antwort wiederholt",
            ),
            0.0,
            1.0,
        ),
    ),
    run_fn=run,
)
