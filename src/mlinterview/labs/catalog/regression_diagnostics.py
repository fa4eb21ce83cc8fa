"""Linear-regression assumptions: each one broken on purpose, and the check that notices."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

ALPHA = 0.01
DW_RANGE = (1.5, 2.5)
VIF_LIMIT = 10.0

# Which check is meant to catch which broken assumption.
TARGETS = {
    "clean": None,
    "non-linear": "reset_p",
    "autocorrelated errors": "durbin_watson",
    "heteroscedastic errors": "breusch_pagan_p",
    "skewed errors": "jarque_bera_p",
    "collinear inputs": "max_vif",
}
GERMAN = {
    "clean": "sauber",
    "non-linear": "nichtlinear",
    "autocorrelated errors": "autokorrelierte Fehler",
    "heteroscedastic errors": "heteroskedastische Fehler",
    "skewed errors": "schiefe Fehler",
    "collinear inputs": "kollineare Eingaben",
}


def _dataset(kind: str, n: int, s: float, rng: Any) -> tuple[Any, Any]:
    import numpy as np

    x1 = rng.normal(size=n)
    z = rng.normal(size=n)
    x2 = s * x1 + (1 - s + 0.05) * z if kind == "collinear inputs" else z
    e = rng.normal(size=n)
    if kind == "autocorrelated errors":
        rho = 0.8 * s
        for t in range(1, n):
            e[t] = rho * e[t - 1] + e[t] * np.sqrt(1 - rho**2)
    elif kind == "heteroscedastic errors":
        e = e * np.exp(0.8 * s * x1)  # spread grows with x1: the usual funnel
    elif kind == "skewed errors":
        e = (1 - s) * e + s * (rng.exponential(size=n) - 1)
    y = 1 + 2 * x1 - x2 + e
    if kind == "non-linear":
        y = y + 1.5 * s * x1**2
    return np.column_stack([x1, x2]), y


def _flags(stats: dict[str, float]) -> dict[str, bool]:
    return {
        "reset_p": stats["reset_p"] < ALPHA,
        "durbin_watson": not DW_RANGE[0] <= stats["durbin_watson"] <= DW_RANGE[1],
        "breusch_pagan_p": stats["breusch_pagan_p"] < ALPHA,
        "jarque_bera_p": stats["jarque_bera_p"] < ALPHA,
        "max_vif": stats["max_vif"] > VIF_LIMIT,
    }


def run(*, n: int, strength: float, seed: int) -> Outcome:
    import warnings

    import numpy as np
    import statsmodels.api as sm
    from statsmodels.stats.diagnostic import het_breuschpagan, linear_reset
    from statsmodels.stats.outliers_influence import variance_inflation_factor
    from statsmodels.stats.stattools import durbin_watson, jarque_bera

    rng = np.random.default_rng(seed)
    rows = []
    results: dict[str, dict[str, float]] = {}
    residuals: dict[str, tuple[Any, Any]] = {}
    for kind in TARGETS:
        X, y = _dataset(kind, n, strength, rng)
        design = sm.add_constant(X)
        fit = sm.OLS(y, design).fit()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reset = linear_reset(fit, power=2, use_f=True)
        stats = {
            "reset_p": float(reset.pvalue),
            "durbin_watson": float(durbin_watson(fit.resid)),
            "breusch_pagan_p": float(het_breuschpagan(fit.resid, design)[1]),
            "jarque_bera_p": float(jarque_bera(fit.resid)[1]),
            "max_vif": float(max(variance_inflation_factor(design, i) for i in (1, 2))),
        }
        results[kind] = stats
        residuals[kind] = (fit.fittedvalues, fit.resid)
        flagged = [name for name, hit in _flags(stats).items() if hit]
        rows.append((kind, *stats.values(), ", ".join(flagged) or "none"))
    clean_ok = not any(_flags(results["clean"]).values())
    caught = {
        kind: _flags(results[kind])[check] for kind, check in TARGETS.items() if check is not None
    }
    supported = clean_ok and all(caught.values())
    metrics: dict[str, Any] = {
        "clean_passes_all": clean_ok,
        "violations_caught": sum(caught.values()),
    }
    for kind, check in TARGETS.items():
        if check is not None:
            key = kind.replace(" ", "_").replace("-", "_")
            metrics[f"{key}_{check}"] = results[kind][check]
            metrics[f"clean_{check}"] = results["clean"][check]
    missed = [k for k, hit in caught.items() if not hit]
    # Checks are not specific: e.g. a missing x² term also makes residuals look non-normal.
    side_hits = sum(
        hit
        for kind, check in TARGETS.items()
        if check is not None
        for name, hit in _flags(results[kind]).items()
        if name != check
    )
    metrics["off_target_flags"] = side_hits

    def draw(fig: Any, lang: str) -> None:
        axes = fig.subplots(2, 3).ravel()
        for ax, (kind, (fitted, resid)) in zip(axes, residuals.items(), strict=True):
            if kind == "autocorrelated errors":
                ax.plot(np.arange(len(resid)), resid, lw=0.6)
                ax.set_xlabel("Zeit" if lang == "de" else "time")
            else:
                ax.scatter(fitted, resid, s=4)
                ax.set_xlabel("angepasst" if lang == "de" else "fitted")
            ax.axhline(0, color="grey", lw=0.8)
            ax.set_title(GERMAN[kind] if lang == "de" else kind, fontsize=8)

    missed_en = ", ".join(missed)
    missed_de = ", ".join(GERMAN[m] for m in missed)
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            ("The clean data pass every check; " if clean_ok else "The clean data fail a check; ")
            + f"{sum(caught.values())} of {len(caught)} broken assumptions are caught by their "
            f"own check (RESET for linearity, Durbin–Watson for independence, Breusch–Pagan "
            f"for constant variance, Jarque–Bera for normality, VIF for collinearity). "
            + (
                "Each assumption has its own test, and each test reacts to its own violation"
                + (
                    f"; {side_hits} flags also fire on other violations, so read the tests "
                    "together with residual plots."
                    if side_hits
                    else "."
                )
                if supported
                else f"Not caught: {missed_en or 'none'}; a weak violation or a small sample "
                "hides it, so the claim does not hold here."
            ),
            (
                "Die sauberen Daten bestehen jede Prüfung; "
                if clean_ok
                else "Die sauberen Daten fallen bei einer Prüfung durch; "
            )
            + f"{sum(caught.values())} von {len(caught)} verletzten Annahmen erkennt die jeweils "
            f"zuständige Prüfung (RESET für Linearität, Durbin-Watson für Unabhängigkeit, "
            f"Breusch-Pagan für konstante Varianz, Jarque-Bera für Normalverteilung, VIF für "
            f"Kollinearität). "
            + (
                "Jede Annahme hat ihren eigenen Test, und jeder Test reagiert auf seine "
                "Verletzung"
                + (
                    f"; {side_hits} Prüfungen schlagen auch bei anderen Verletzungen an, "
                    "deshalb liest man die Tests zusammen mit Residuenplots."
                    if side_hits
                    else "."
                )
                if supported
                else f"Nicht erkannt: {missed_de or 'keine'}; eine schwache Verletzung oder eine "
                "kleine Stichprobe verdeckt sie, daher gilt die Behauptung hier nicht."
            ),
        ),
        tables=[
            Table(
                text(
                    f"Checks per dataset (p-values flag below {ALPHA}; DW outside "
                    f"{DW_RANGE[0]}–{DW_RANGE[1]}; VIF above {VIF_LIMIT:g})",
                    f"Prüfungen je Datensatz (p-Werte schlagen unter {de_num(ALPHA, 'g')} an; "
                    f"DW außerhalb {de_num(DW_RANGE[0], '.1f')}–{de_num(DW_RANGE[1], '.1f')}; "
                    f"VIF über {VIF_LIMIT:g})",
                ),
                (
                    "data",
                    "RESET p",
                    "Durbin–Watson",
                    "Breusch–Pagan p",
                    "Jarque–Bera p",
                    "max VIF",
                    "flagged",
                ),
                tuple(rows),
            )
        ],
        plots=[
            Plot(
                "residuals",
                text("Residuals of each dataset", "Residuen je Datensatz"),
                draw,
                size=(8.0, 5.0),
            )
        ],
    )


LAB = Lab(
    id="regression_diagnostics",
    title=text("Checking linear-regression assumptions", "Annahmen der linearen Regression prüfen"),
    claim=text(
        "Data that meet the assumptions of linear regression pass all standard checks, and "
        "each deliberately broken assumption (linearity, independent errors, constant "
        "variance, normal errors, no collinearity) is flagged by the check made for it.",
        "Daten, die die Annahmen der linearen Regression erfüllen, bestehen alle üblichen "
        "Prüfungen, und jede absichtlich verletzte Annahme (Linearität, unabhängige Fehler, "
        "konstante Varianz, normalverteilte Fehler, keine Kollinearität) meldet die dafür "
        "gedachte Prüfung.",
    ),
    cards=("linear-regression-assumptions",),
    params=(
        Param(
            "n",
            "int",
            300,
            text("Observations per dataset", "Beobachtungen je Datensatz"),
            30,
            20000,
        ),
        Param(
            "strength",
            "float",
            1.0,
            text(
                "How strongly each assumption is broken (0 = not at all)",
                "Wie stark jede Annahme verletzt wird (0 = gar nicht)",
            ),
            0.0,
            1.0,
        ),
    ),
    run_fn=run,
)
