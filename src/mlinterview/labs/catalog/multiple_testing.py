"""Many tests at once: uncorrected p < α fills the discoveries with false ones; BH and
Bonferroni control different error rates at different costs in power."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

UNCORRECTED_FDR_FACTOR = 4  # uncorrected FDR must exceed this multiple of α
FDR_SLACK = 0.01  # BH's measured FDR may exceed α by at most this (Monte Carlo noise)
FWER_SLACK = 0.03  # Bonferroni's measured FWER may exceed α by at most this
MIN_POWER_GAIN = 0.10  # BH must find at least this much more of the real effects
CHUNK = 25  # repetitions simulated at once (bounds memory)
METHODS = ("uncorrected", "bonferroni", "fdr_bh")
LABEL = {
    "uncorrected": ("p < α, uncorrected", "p < α, unkorrigiert"),
    "bonferroni": ("Bonferroni", "Bonferroni"),
    "fdr_bh": ("Benjamini–Hochberg", "Benjamini–Hochberg"),
}


def run(
    *,
    n_tests: int,
    true_share: float,
    effect_size: float,
    n_per_group: int,
    alpha: float,
    repetitions: int,
    seed: int,
) -> Outcome:
    import numpy as np
    from scipy import stats
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(seed)
    n_real = round(true_share * n_tests)
    real = np.zeros(n_tests, dtype=bool)
    real[:n_real] = True
    shift = np.where(real, effect_size, 0.0)[:, None]  # Cohen's d: groups have sd 1
    counts: dict[str, dict[str, list[int]]] = {m: {"R": [], "V": [], "S": []} for m in METHODS}
    example_p: Any = None
    for start in range(0, repetitions, CHUNK):
        size = min(CHUNK, repetitions - start)
        a = rng.normal(size=(size, n_tests, n_per_group))
        b = rng.normal(size=(size, n_tests, n_per_group)) + shift
        pvals = stats.ttest_ind(a, b, axis=-1).pvalue  # (size, n_tests)
        if example_p is None:
            example_p = pvals[0]
        for p in pvals:
            rejected = {
                "uncorrected": p < alpha,
                "bonferroni": multipletests(p, alpha=alpha, method="bonferroni")[0],
                "fdr_bh": multipletests(p, alpha=alpha, method="fdr_bh")[0],
            }
            for method, rej in rejected.items():
                counts[method]["R"].append(int(rej.sum()))
                counts[method]["V"].append(int((rej & ~real).sum()))
                counts[method]["S"].append(int((rej & real).sum()))

    summary: dict[str, dict[str, float]] = {}
    for method in METHODS:
        R, V, S = (np.asarray(counts[method][k], dtype=float) for k in ("R", "V", "S"))
        fdp = np.divide(V, R, out=np.zeros_like(V), where=R > 0)  # V/R, 0 when R = 0
        summary[method] = {
            "discoveries": float(R.mean()),
            "false": float(V.mean()),
            "fdr": float(fdp.mean()),
            "fdr_se": float(fdp.std(ddof=1) / np.sqrt(len(fdp))) if len(fdp) > 1 else 0.0,
            "fwer": float((V > 0).mean()),
            "power": float(S.mean() / n_real) if n_real else 0.0,
        }
    unc, bon, bh = (summary[m] for m in METHODS)
    checks = {
        "uncorrected_fdr_high": unc["fdr"] > UNCORRECTED_FDR_FACTOR * alpha,
        "bh_controls_fdr": bh["fdr"] <= alpha + FDR_SLACK,
        "bonferroni_controls_fwer": bon["fwer"] <= alpha + FWER_SLACK,
        "bh_more_power": n_real > 0 and bh["power"] >= bon["power"] + MIN_POWER_GAIN,
    }
    supported = all(checks.values())
    metrics: dict[str, Any] = {
        "n_tests": n_tests,
        "n_real_effects": n_real,
        "power_single_test": float(
            stats.nct.sf(
                stats.t.ppf(1 - alpha / 2, 2 * n_per_group - 2),
                2 * n_per_group - 2,
                effect_size * np.sqrt(n_per_group / 2),
            )
        ),
        "bh_fdr_theory": (n_tests - n_real) / n_tests * alpha,  # π0·α for independent tests
    }
    for method in METHODS:
        for key, value in summary[method].items():
            metrics[f"{method}_{key}"] = value
    metrics.update({f"check_{k}": v for k, v in checks.items()})

    rows = tuple(
        (
            LABEL[m][0],
            summary[m]["discoveries"],
            summary[m]["false"],
            summary[m]["fdr"],
            summary[m]["fwer"],
            summary[m]["power"],
        )
        for m in METHODS
    )
    sorted_p = np.sort(example_p)
    ranks = np.arange(1, n_tests + 1)

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2 = fig.subplots(1, 2)
        ax1.hist(
            [example_p[~real], example_p[real]],
            bins=20,
            range=(0, 1),
            stacked=True,
            color=["#7f7f7f", "#d62728"],
            label=["ohne Effekt" if de else "no effect", "echter Effekt" if de else "real effect"],
        )
        ax1.set_xlabel("p-Wert" if de else "p-value")
        ax1.set_ylabel("Tests")
        ax1.legend()
        shown = min(n_tests, max(50, 3 * n_real))
        ax2.plot(ranks[:shown], sorted_p[:shown], ".", ms=3, color="#1f77b4")
        ax2.plot(ranks[:shown], alpha * ranks[:shown] / n_tests, color="#2ca02c", label="BH: iα/m")
        ax2.axhline(alpha / n_tests, color="#9467bd", ls="--", label="Bonferroni: α/m")
        ax2.axhline(alpha, color="#7f7f7f", ls=":", label="α")
        ax2.set_yscale("log")
        ax2.set_xlabel("Rang i (sortierte p-Werte)" if de else "rank i (sorted p-values)")
        ax2.set_ylabel("p-Wert" if de else "p-value")
        ax2.legend(fontsize="small")

    reasons_en = {
        "uncorrected_fdr_high": f"uncorrected FDR not above {UNCORRECTED_FDR_FACTOR}α",
        "bh_controls_fdr": "BH's FDR above α",
        "bonferroni_controls_fwer": "Bonferroni's FWER above α",
        "bh_more_power": f"BH not at least {100 * MIN_POWER_GAIN:g} points more powerful",
    }
    reasons_de = {
        "uncorrected_fdr_high": f"unkorrigierte FDR nicht über {UNCORRECTED_FDR_FACTOR}α",
        "bh_controls_fdr": "FDR von BH über α",
        "bonferroni_controls_fwer": "FWER von Bonferroni über α",
        "bh_more_power": f"BH nicht mindestens {de_num(100 * MIN_POWER_GAIN, 'g')} Punkte "
        "trennschärfer",
    }
    failed = [k for k, ok in checks.items() if not ok]
    verdict_en = (
        "Testing each hypothesis at α lets false discoveries pile up in proportion to the "
        "number of null tests; BH caps their expected share, Bonferroni the chance of even "
        "one, and pays for that with power."
        if supported
        else "Not supported here ("
        + "; ".join(reasons_en[k] for k in failed)
        + "). The share of false discoveries depends on how many tested effects are real "
        "and how strong they are, not on α alone."
    )
    verdict_de = (
        "Wird jede Hypothese einzeln zum Niveau α getestet, häufen sich falsche Entdeckungen "
        "im Verhältnis zur Zahl der Nullhypothesen; BH begrenzt ihren erwarteten Anteil, "
        "Bonferroni die Wahrscheinlichkeit auch nur einer, und zahlt dafür mit Power."
        if supported
        else "Hier nicht bestätigt ("
        + "; ".join(reasons_de[k] for k in failed)
        + "). Der Anteil falscher Entdeckungen hängt davon ab, wie viele der getesteten "
        "Effekte echt und wie stark sie sind, nicht allein von α."
    )
    n_null = n_tests - n_real
    if n_real:
        power_en = (
            f" and finds {100 * bh['power']:.1f} % of the real effects; Bonferroni keeps the "
            f"chance of any false discovery at {100 * bon['fwer']:.1f} % but finds only "
            f"{100 * bon['power']:.1f} % (uncorrected: {100 * unc['power']:.1f} %). "
        )
        power_de = (
            f" und findet {de_num(100 * bh['power'], '.1f')} % der echten Effekte; Bonferroni "
            "hält die Wahrscheinlichkeit irgendeiner falschen Entdeckung bei "
            f"{de_num(100 * bon['fwer'], '.1f')} %, findet aber nur "
            f"{de_num(100 * bon['power'], '.1f')} % (unkorrigiert: "
            f"{de_num(100 * unc['power'], '.1f')} %). "
        )
    else:
        power_en = (
            f"; Bonferroni keeps the chance of any false discovery at {100 * bon['fwer']:.1f} %. "
            "With no real effect every discovery is false, and there is no power to compare. "
        )
        power_de = (
            "; Bonferroni hält die Wahrscheinlichkeit irgendeiner falschen Entdeckung bei "
            f"{de_num(100 * bon['fwer'], '.1f')} %. Ohne echten Effekt ist jede Entdeckung "
            "falsch, und es gibt keine Power zu vergleichen. "
        )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"{repetitions} runs of {n_tests} two-sample t-tests (n = {n_per_group} per "
            f"group), {n_real} with a real effect of d = {effect_size:g} and {n_null} without. "
            f"At p < {alpha:g} each run finds {unc['discoveries']:.1f} effects on average, "
            f"{unc['false']:.1f} of them false: a false discovery rate of "
            f"{100 * unc['fdr']:.1f} %, and at least one false discovery in "
            f"{100 * unc['fwer']:.0f} % of runs. Benjamini–Hochberg at q = {alpha:g} keeps "
            f"the FDR at {100 * bh['fdr']:.1f} % (theory: π0·q = "
            f"{100 * metrics['bh_fdr_theory']:.1f} %)" + power_en + verdict_en,
            f"{repetitions} Durchläufe mit je {n_tests} t-Tests für zwei Stichproben "
            f"(n = {n_per_group} je Gruppe), davon {n_real} mit echtem Effekt d = "
            f"{de_num(effect_size, 'g')} und {n_null} ohne. Bei p < {de_num(alpha, 'g')} "
            f"findet jeder Durchlauf im Mittel {de_num(unc['discoveries'], '.1f')} Effekte, "
            f"davon {de_num(unc['false'], '.1f')} falsche: eine False Discovery Rate von "
            f"{de_num(100 * unc['fdr'], '.1f')} %, und mindestens eine falsche Entdeckung in "
            f"{de_num(100 * unc['fwer'], '.0f')} % der Durchläufe. Benjamini–Hochberg mit "
            f"q = {de_num(alpha, 'g')} hält die FDR bei {de_num(100 * bh['fdr'], '.1f')} % "
            f"(Theorie: π0·q = {de_num(100 * metrics['bh_fdr_theory'], '.1f')} %)"
            + power_de
            + verdict_de,
        ),
        tables=[
            Table(
                text(
                    f"Per run, averaged over {repetitions} runs (statsmodels multipletests)",
                    f"Pro Durchlauf, gemittelt über {repetitions} Durchläufe "
                    "(statsmodels multipletests)",
                ),
                ("method", "discoveries", "false discoveries", "FDR", "FWER", "power"),
                rows,
            )
        ],
        plots=[
            Plot(
                "p_values",
                text(
                    "p-values of one run, and the cut-offs of BH and Bonferroni",
                    "p-Werte eines Durchlaufs und die Schwellen von BH und Bonferroni",
                ),
                draw,
                size=(8.0, 3.8),
            )
        ],
    )


LAB = Lab(
    id="multiple_testing",
    title=text(
        "Multiple testing: Bonferroni vs Benjamini–Hochberg",
        "Multiples Testen: Bonferroni vs. Benjamini–Hochberg",
    ),
    claim=text(
        "Among 1000 t-tests of which 100 have a real effect, testing each at p < 0.05 makes "
        "more than 20 % of the discoveries false; Benjamini–Hochberg keeps that share at or "
        "below 5 %, Bonferroni keeps the chance of any false discovery at or below 5 %, and "
        "BH finds at least 10 points more of the real effects than Bonferroni.",
        "Unter 1000 t-Tests, von denen 100 einen echten Effekt haben, sind beim Testen jedes "
        "einzelnen mit p < 0,05 mehr als 20 % der Entdeckungen falsch; Benjamini–Hochberg "
        "hält diesen Anteil bei höchstens 5 %, Bonferroni die Wahrscheinlichkeit irgendeiner "
        "falschen Entdeckung bei höchstens 5 %, und BH findet mindestens 10 Punkte mehr der "
        "echten Effekte als Bonferroni.",
    ),
    cards=("multiple-testing",),
    params=(
        Param("n_tests", "int", 1000, text("Tests per run", "Tests pro Durchlauf"), 10, 5000),
        Param(
            "true_share",
            "float",
            0.1,
            text("Share of tests with a real effect", "Anteil der Tests mit echtem Effekt"),
            0.0,
            1.0,
        ),
        Param(
            "effect_size",
            "float",
            0.8,
            text("Real effect (Cohen's d)", "Echter Effekt (Cohens d)"),
            0.0,
            3.0,
        ),
        Param(
            "n_per_group", "int", 30, text("Samples per group", "Beobachtungen je Gruppe"), 3, 500
        ),
        Param(
            "alpha",
            "float",
            0.05,
            text("α (and BH's q)", "α (und q bei BH)"),
            0.001,
            0.2,
        ),
        Param(
            "repetitions",
            "int",
            200,
            text("Simulated runs", "Simulierte Durchläufe"),
            20,
            2000,
        ),
    ),
    run_fn=run,
)
