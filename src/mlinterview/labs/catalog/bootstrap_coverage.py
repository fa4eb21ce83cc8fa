"""Does a 95 % percentile bootstrap interval cover the truth 95 % of the time?"""

from __future__ import annotations

import inspect
import math
from typing import Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

TOLERANCE = 0.05  # coverage may fall at most this far below the nominal level
CURVE_N = (5, 10, 20, 50, 100, 200)
CURVE_REPETITIONS = 1000
CURVE_RESAMPLES = 1000
SHOWN_INTERVALS = 40
POPULATION = {  # (English, German) for the explanation
    "normal": ("a normal", "einer normalverteilten"),
    "exponential": ("an exponential", "einer exponentialverteilten"),
    "lognormal": ("a lognormal", "einer lognormalverteilten"),
    "uniform": ("a uniform (0, 1)", "einer auf (0, 1) gleichverteilten"),
}
STATISTIC_DE = {"mean": "den Mittelwert", "median": "den Median", "max": "das Maximum"}

# True values of each statistic for each population (all with known closed forms).
TRUTH = {
    ("normal", "mean"): 0.0,
    ("normal", "median"): 0.0,
    ("exponential", "mean"): 1.0,
    ("exponential", "median"): math.log(2),
    ("lognormal", "mean"): math.exp(0.5),
    ("lognormal", "median"): 1.0,
    ("uniform", "mean"): 0.5,
    ("uniform", "median"): 0.5,
    ("uniform", "max"): 1.0,
}


def _draw(rng: Any, distribution: str, shape: tuple[int, int]) -> Any:
    if distribution == "normal":
        return rng.normal(size=shape)
    if distribution == "exponential":
        return rng.exponential(size=shape)
    if distribution == "lognormal":
        return rng.lognormal(size=shape)
    return rng.random(shape)


def _intervals(
    samples: Any, statistic: str, resamples: int, confidence: float, rng: Any
) -> tuple[Any, Any]:
    """Percentile bootstrap intervals for every row of ``samples`` (scipy, vectorised)."""
    import numpy as np
    from scipy import stats

    func = {"mean": np.mean, "median": np.median, "max": np.max}[statistic]
    repetitions, n = samples.shape
    # scipy >= 1.15 takes ``rng``; older versions call the same argument ``random_state``.
    seed_arg = "rng" if "rng" in inspect.signature(stats.bootstrap).parameters else "random_state"
    result = stats.bootstrap(
        (samples,),
        func,
        axis=-1,
        vectorized=True,
        n_resamples=resamples,
        batch=max(1, 4_000_000 // (repetitions * n)),  # bounds memory to ~32 MB per batch
        confidence_level=confidence,
        method="percentile",
        **{seed_arg: rng},
    )
    return result.confidence_interval.low, result.confidence_interval.high


def run(
    *,
    distribution: str,
    statistic: str,
    n: int,
    repetitions: int,
    resamples: int,
    confidence: float,
    seed: int,
) -> Outcome:
    import numpy as np

    if (distribution, statistic) not in TRUTH:
        raise LabParameterError(
            f"statistic {statistic!r} needs a bounded population; use distribution=uniform"
        )
    truth = TRUTH[(distribution, statistic)]
    rng = np.random.default_rng(seed)
    samples = _draw(rng, distribution, (repetitions, n))
    low, high = _intervals(samples, statistic, resamples, confidence, rng)
    covered = (low <= truth) & (truth <= high)
    coverage = float(covered.mean())
    mc_se = math.sqrt(max(coverage * (1 - coverage), 1e-12) / repetitions)
    misses_low = float((high < truth).mean())  # interval entirely below the truth
    misses_high = float((low > truth).mean())
    width = float(np.mean(high - low))
    curve = {}
    for size in CURVE_N:
        s = _draw(rng, distribution, (CURVE_REPETITIONS, size))
        lo, hi = _intervals(s, statistic, CURVE_RESAMPLES, confidence, rng)
        curve[size] = float(((lo <= truth) & (truth <= hi)).mean())
    supported = coverage >= confidence - TOLERANCE
    metrics = {
        "truth": truth,
        "coverage": coverage,
        "nominal": confidence,
        "coverage_shortfall": confidence - coverage,
        "monte_carlo_se": mc_se,
        "miss_rate_interval_too_low": misses_low,
        "miss_rate_interval_too_high": misses_high,
        "mean_width": width,
        **{f"coverage_curve_n{size}": value for size, value in curve.items()},
    }
    rows = (
        (
            f"n = {n} (main run)",
            repetitions,
            coverage,
            mc_se,
            misses_low,
            misses_high,
            width,
        ),
        *(
            (f"n = {size}", CURVE_REPETITIONS, value, "", "", "", "")
            for size, value in curve.items()
        ),
    )
    shown = min(SHOWN_INTERVALS, repetitions)
    shown_low, shown_high, shown_cov = low[:shown], high[:shown], covered[:shown]

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2 = fig.subplots(1, 2)
        for i in range(shown):
            colour = "#1f77b4" if shown_cov[i] else "#d62728"
            ax1.plot([shown_low[i], shown_high[i]], [i, i], color=colour, lw=1.5)
        ax1.axvline(truth, color="black", lw=0.8)
        ax1.set_yticks([])
        ax1.set_xlabel(
            f"{de_num(100 * confidence, 'g')}-%-Intervalle (rot: verfehlt)"
            if de
            else f"{100 * confidence:g} % intervals (red: miss)"
        )
        ax1.set_title(f"n = {n}")
        ax2.plot(list(curve), list(curve.values()), marker="o", color="#1f77b4")
        ax2.plot([n], [coverage], marker="*", ms=12, color="#d62728", ls="none")
        ax2.axhline(confidence, color="black", lw=0.8)
        ax2.axhspan(confidence - TOLERANCE, confidence, color="#2ca02c", alpha=0.12)
        ax2.set_xscale("log")
        ax2.set_xlabel("Stichprobengröße n" if de else "sample size n")
        ax2.set_ylabel("Überdeckung" if de else "coverage")
        ax2.set_ylim(min(0.5, min(curve.values()) - 0.05), 1.0)

    pct = 100 * confidence
    curve_en = ", ".join(f"n = {size}: {100 * value:.1f} %" for size, value in curve.items())
    curve_de = ", ".join(
        f"n = {size}: {de_num(100 * value, '.1f')} %" for size, value in curve.items()
    )
    verdict_en = (
        "At this sample size the interval comes within "
        f"{100 * TOLERANCE:g} points of its nominal level; it still errs on the short side, "
        "because the percentile interval ignores the skew of the estimate (a BCa or "
        "studentised bootstrap corrects part of it)."
        if supported
        else "The percentile bootstrap fails here: it can only reuse values in the sample, so "
        "with a tiny or skewed sample (or an extreme statistic such as the maximum, which no "
        "resample can exceed) the resampling distribution does not mimic the sampling "
        "distribution."
    )
    verdict_de = (
        "Bei dieser Stichprobengröße liegt das Intervall höchstens "
        f"{de_num(100 * TOLERANCE, 'g')} Punkte unter seinem nominalen Niveau; es fällt "
        "trotzdem eher zu kurz aus, weil das Perzentil-Intervall die Schiefe des Schätzers "
        "nicht berücksichtigt (ein BCa- oder studentisiertes Bootstrap-Intervall korrigiert "
        "einen Teil davon)."
        if supported
        else "Der Perzentil-Bootstrap versagt hier: Es kann nur Werte aus der Stichprobe "
        "wiederverwenden, und bei einer winzigen oder schiefen Stichprobe (oder einer "
        "Extremwert-Statistik wie dem Maximum, das keine Resample-Stichprobe übertreffen kann) "
        "bildet die Resampling-Verteilung die Stichprobenverteilung nicht nach."
    )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"{repetitions} samples of n = {n} from {POPULATION[distribution][0]} population; "
            f"for each, a {pct:g} % percentile bootstrap interval ({resamples} resamples) for the "
            f"{statistic}. It covers the true value {truth:.3f} in {100 * coverage:.1f} % of "
            f"the samples (Monte Carlo standard error {100 * mc_se:.1f} points; claim: at "
            f"least {pct - 100 * TOLERANCE:g} %). Misses: {100 * misses_low:.1f} % with the "
            f"interval below the truth, {100 * misses_high:.1f} % above. By sample size "
            f"({CURVE_REPETITIONS} samples each): " + curve_en + ". " + verdict_en,
            f"{repetitions} Stichproben mit n = {n} aus {POPULATION[distribution][1]} "
            f"Population; für jede ein {de_num(pct, 'g')}-%-Perzentil-Bootstrap-Intervall "
            f"({resamples} Resamples) für {STATISTIC_DE[statistic]}. Es überdeckt den wahren Wert "
            f"{de_num(truth)} in {de_num(100 * coverage, '.1f')} % der Stichproben "
            f"(Monte-Carlo-Standardfehler {de_num(100 * mc_se, '.1f')} Punkte; Behauptung: "
            f"mindestens {de_num(pct - 100 * TOLERANCE, 'g')} %). Verfehlt: "
            f"{de_num(100 * misses_low, '.1f')} % mit dem Intervall unterhalb des wahren "
            f"Werts, {de_num(100 * misses_high, '.1f')} % oberhalb. Nach Stichprobengröße "
            f"(je {CURVE_REPETITIONS} Stichproben): " + curve_de + ". " + verdict_de,
        ),
        tables=[
            Table(
                text(
                    "Coverage of the percentile bootstrap interval",
                    "Überdeckung des Perzentil-Bootstrap-Intervalls",
                ),
                (
                    "sample size",
                    "repetitions",
                    "coverage",
                    "MC std. error",
                    "miss (too low)",
                    "miss (too high)",
                    "mean width",
                ),
                rows,
            )
        ],
        plots=[
            Plot(
                "coverage",
                text(
                    "Intervals of the first samples, and coverage by sample size",
                    "Intervalle der ersten Stichproben und Überdeckung nach Stichprobengröße",
                ),
                draw,
                size=(8.0, 3.8),
            )
        ],
    )


LAB = Lab(
    id="bootstrap_coverage",
    title=text("Bootstrap interval coverage", "Überdeckung von Bootstrap-Intervallen"),
    claim=text(
        "For the mean of a moderately sized sample (n = 50) from a skewed (exponential) "
        "population, the 95 % percentile bootstrap interval covers the true mean in at least "
        "90 % of repeated samples.",
        "Für den Mittelwert einer mittelgroßen Stichprobe (n = 50) aus einer schiefen "
        "(exponentialverteilten) Population überdeckt das 95-%-Perzentil-Bootstrap-Intervall "
        "den wahren Mittelwert in mindestens 90 % der wiederholten Stichproben.",
    ),
    cards=("bootstrap",),
    params=(
        Param(
            "distribution",
            "choice",
            "exponential",
            text(
                "Population: normal, exponential, lognormal (heavily skewed) or uniform (0, 1)",
                "Population: normal, exponential, lognormal (stark schief) oder uniform (0, 1)",
            ),
            choices=("normal", "exponential", "lognormal", "uniform"),
        ),
        Param(
            "statistic",
            "choice",
            "mean",
            text(
                "Statistic: mean, median or max (max only for uniform)",
                "Statistik: mean, median oder max (max nur bei uniform)",
            ),
            choices=("mean", "median", "max"),
        ),
        Param("n", "int", 50, text("Sample size", "Stichprobengröße"), 3, 1000),
        Param(
            "repetitions",
            "int",
            2000,
            text("Repeated samples", "Wiederholte Stichproben"),
            100,
            10000,
        ),
        Param(
            "resamples",
            "int",
            2000,
            text("Bootstrap resamples per sample", "Bootstrap-Resamples je Stichprobe"),
            200,
            10000,
        ),
        Param(
            "confidence",
            "float",
            0.95,
            text("Nominal confidence level", "Nominales Konfidenzniveau"),
            0.5,
            0.99,
        ),
    ),
    run_fn=run,
)
