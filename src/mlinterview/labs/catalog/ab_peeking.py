"""Peeking at an A/A test every day and stopping at the first p < α inflates false positives."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

PEEK_FACTOR = 3  # peeking must push the false-positive rate to at least this multiple of α
MC_SLACK = 3  # the fixed horizon may exceed α by at most this many Monte Carlo std. errors
CURVE_LOOKS = (1, 2, 3, 5, 10, 20, 50, 100)
SHOWN_PATHS = 12


def _p_values(conv_a: Any, conv_b: Any, visitors: Any) -> Any:
    """Two-sided pooled two-proportion z-test, vectorised over any shape."""
    import numpy as np
    from scipy.stats import norm

    pooled = (conv_a + conv_b) / (2 * visitors)
    se = np.sqrt(pooled * (1 - pooled) * 2 / visitors)
    diff = (conv_b - conv_a) / visitors
    z = np.divide(diff, se, out=np.zeros_like(diff), where=se > 0)
    return 2 * norm.sf(np.abs(z))


def _looks(days: int, k: int) -> list[int]:
    """Indices of ``k`` evenly spread looks over ``days`` days; the last is the final day."""
    return sorted({-(-days * j // k) - 1 for j in range(1, k + 1)})


def run(
    *,
    days: int,
    visitors_per_day: int,
    conversion: float,
    alpha: float,
    repetitions: int,
    seed: int,
) -> Outcome:
    import numpy as np

    rng = np.random.default_rng(seed)
    # A/A: both arms convert at the same rate, so every "significant" result is false.
    daily = rng.binomial(visitors_per_day, conversion, size=(2, repetitions, days))
    conv = daily.cumsum(axis=-1).astype(float)
    visitors = visitors_per_day * np.arange(1, days + 1, dtype=float)
    p = _p_values(conv[0], conv[1], visitors)  # (repetitions, days)

    def rate(hits: Any) -> tuple[float, float]:
        share = float(np.mean(hits))
        return share, float(np.sqrt(max(share * (1 - share), 1e-12) / repetitions))

    fixed, fixed_se = rate(p[:, -1] < alpha)
    below = p < alpha
    peek, peek_se = rate(below.any(axis=1))
    bonf, bonf_se = rate((p < alpha / days).any(axis=1))
    first_day = np.where(below.any(axis=1), below.argmax(axis=1) + 1, 0)
    stopped = first_day[first_day > 0]
    median_stop = float(np.median(stopped)) if stopped.size else 0.0
    # Of the peeking "winners", how many would still be significant at the planned end?
    still_sig = float(np.mean(p[first_day > 0, -1] < alpha)) if stopped.size else 0.0
    curve = {k: rate(below[:, _looks(days, k)].any(axis=1))[0] for k in CURVE_LOOKS if k <= days}

    supported = peek >= PEEK_FACTOR * alpha and fixed <= alpha + MC_SLACK * fixed_se
    metrics: dict[str, Any] = {
        "fixed_horizon_fpr": fixed,
        "fixed_horizon_se": fixed_se,
        "peeking_fpr": peek,
        "peeking_se": peek_se,
        "peeking_inflation": peek / alpha,
        "bonferroni_over_looks_fpr": bonf,
        "median_stop_day": median_stop,
        "peeking_winners_significant_at_end": still_sig,
        **{f"fpr_{k}_looks": v for k, v in curve.items()},
    }
    rows = (
        (f"fixed horizon (day {days} only)", 1, fixed, fixed_se),
        (f"peek daily, stop at p < {alpha:g}", days, peek, peek_se),
        (f"peek daily, stop at p < {alpha:g}/{days}", days, bonf, bonf_se),
        *(
            (f"peek {k}× evenly, stop at p < {alpha:g}", k, v, "")
            for k, v in curve.items()
            if k not in (1, days)
        ),
    )
    shown = p[:SHOWN_PATHS]
    day_axis = np.arange(1, days + 1)

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2 = fig.subplots(1, 2)
        for row in shown:
            hit = bool((row < alpha).any())
            ax1.plot(day_axis, row, color="#d62728" if hit else "#7f7f7f", lw=1.0)
        ax1.axhline(alpha, color="black", ls="--", lw=0.8)
        ax1.set_yscale("log")
        ax1.set_xlabel("Tag" if de else "day")
        ax1.set_ylabel("p-Wert (A/A)" if de else "p-value (A/A)")
        looks = list(curve)
        ax2.plot(looks, [curve[k] for k in looks], marker="o", color="#d62728")
        ax2.axhline(alpha, color="black", ls="--", lw=0.8)
        ax2.set_xscale("log")
        ax2.set_xlabel("Anzahl Zwischenauswertungen" if de else "number of looks")
        ax2.set_ylabel("Falsch-Positiv-Rate" if de else "false-positive rate")
        ax2.set_ylim(0, max(0.1, 1.15 * max(curve.values())))

    if days == 1:
        why_en = "with a single look, peeking and the fixed horizon are the same test."
        why_de = "Bei nur einer Auswertung sind Peeking und fester Horizont derselbe Test."
    elif peek < PEEK_FACTOR * alpha:
        why_en = (
            f"peeking reaches only {peek / alpha:.1f}α (too few looks, or too few conversions "
            "per look for the p-value to swing)."
        )
        why_de = (
            f"Peeking erreicht nur das {de_num(peek / alpha, '.1f')}-Fache von α (zu wenige "
            "Auswertungen oder zu wenige Conversions je Auswertung, als dass der p-Wert stark "
            "schwankt)."
        )
    else:
        why_en = "the fixed-horizon test itself exceeds α (too few conversions for the z-test)."
        why_de = (
            "Schon der Test mit festem Horizont überschreitet α (zu wenige Conversions für "
            "den z-Test)."
        )
    verdict_en = (
        "Each look is another chance for noise to cross the line, and stopping at the first "
        "crossing keeps the lucky ones; decide the sample size in advance, or use a sequential "
        "design (alpha spending, always-valid p-values) built for repeated looks."
        if supported
        else "Not supported for these settings: " + why_en
    )
    verdict_de = (
        "Jede Zwischenauswertung ist eine weitere Chance, dass Rauschen die Schwelle "
        "überschreitet, und wer beim ersten Überschreiten stoppt, behält die Glückstreffer; "
        "den Stichprobenumfang vorab festlegen oder ein sequenzielles Design (Alpha-Spending, "
        "immer gültige p-Werte) verwenden, das für wiederholte Auswertungen gebaut ist."
        if supported
        else "Für diese Einstellungen nicht bestätigt: " + why_de
    )
    days_en = f"{days} day" if days == 1 else f"{days} days"
    days_de = f"{days} Tag" if days == 1 else f"{days} Tage"
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"{repetitions} simulated A/A tests, {visitors_per_day} visitors per arm and day, "
            f"both arms converting at {100 * conversion:g} %, {days_en}. Testing once at the "
            f"end (two-proportion z-test) declares a difference in {100 * fixed:.1f} % of "
            f"experiments (α = {100 * alpha:g} %). Checking every day and stopping at the "
            f"first p < {alpha:g} declares one in {100 * peek:.1f} %, {peek / alpha:.1f} times "
            f"α; half of those stop by day {median_stop:g}, and "
            f"{100 * still_sig:.0f} % of them would still be significant at the planned end. "
            f"Requiring p < {alpha:g}/{days} at each daily look brings it back to "
            f"{100 * bonf:.1f} % (conservative). " + verdict_en,
            f"{repetitions} simulierte A/A-Tests, {visitors_per_day} Besucher je Variante und "
            f"Tag, beide mit {de_num(100 * conversion, 'g')} % Conversion, {days_de}. Ein "
            f"einziger Test am Ende (z-Test für zwei Anteile) meldet in "
            f"{de_num(100 * fixed, '.1f')} % der Experimente einen Unterschied (α = "
            f"{de_num(100 * alpha, 'g')} %). Täglich nachzusehen und beim ersten p < "
            f"{de_num(alpha, 'g')} zu stoppen meldet einen in {de_num(100 * peek, '.1f')} %, "
            f"das {de_num(peek / alpha, '.1f')}-Fache von α; die Hälfte davon stoppt bis Tag "
            f"{de_num(median_stop, 'g')}, und {de_num(100 * still_sig, '.0f')} % davon "
            f"wären am geplanten Ende noch signifikant. Mit p < {de_num(alpha, 'g')}/{days} bei "
            f"jeder täglichen Auswertung sinkt die Rate auf {de_num(100 * bonf, '.1f')} % "
            f"(konservativ). " + verdict_de,
        ),
        tables=[
            Table(
                text(
                    "False positives in A/A tests (no real difference)",
                    "Falsch-Positive in A/A-Tests (kein echter Unterschied)",
                ),
                ("rule", "looks", "false-positive rate", "MC std. error"),
                rows,
            )
        ],
        plots=[
            Plot(
                "peeking",
                text(
                    "Daily p-values of A/A tests, and false positives by number of looks",
                    "Tägliche p-Werte von A/A-Tests und Falsch-Positive nach Zahl der "
                    "Zwischenauswertungen",
                ),
                draw,
                size=(8.0, 3.8),
            )
        ],
    )


LAB = Lab(
    id="ab_peeking",
    title=text("Peeking at an A/B test", "Peeking im A/B-Test"),
    claim=text(
        "In an A/A test run for 20 days, checking the p-value every day and stopping at the "
        "first p < 0.05 declares a difference in at least 15 % of experiments (three times "
        "α); testing once at the planned end keeps the rate at 5 %.",
        "In einem A/A-Test über 20 Tage meldet, wer täglich den p-Wert prüft und beim ersten "
        "p < 0,05 stoppt, in mindestens 15 % der Experimente einen Unterschied (dreimal α); "
        "ein einziger Test am geplanten Ende hält die Rate bei 5 %.",
    ),
    cards=("ab-test-pitfalls",),
    params=(
        Param(
            "days",
            "int",
            20,
            text("Days (one look per day)", "Tage (eine Auswertung je Tag)"),
            1,
            100,
        ),
        Param(
            "visitors_per_day",
            "int",
            500,
            text("Visitors per arm and day", "Besucher je Variante und Tag"),
            20,
            100000,
        ),
        Param(
            "conversion",
            "float",
            0.1,
            text("Conversion rate of both arms", "Conversion-Rate beider Varianten"),
            0.01,
            0.9,
        ),
        Param(
            "alpha", "float", 0.05, text("Significance level α", "Signifikanzniveau α"), 0.001, 0.2
        ),
        Param(
            "repetitions",
            "int",
            4000,
            text("Simulated A/A tests", "Simulierte A/A-Tests"),
            200,
            20000,
        ),
    ),
    run_fn=run,
)
