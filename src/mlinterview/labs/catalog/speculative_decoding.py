"""Speculative decoding on a toy bigram language model: exact output, predictable speed-up.

The "models" are two bigram tables over a small vocabulary, so every probability is known
and sampling is exact. Many independent chains are decoded in parallel with numpy; each
round is one (simulated) call of the target model that checks γ drafted tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

SIGNIFICANCE = 0.01  # goodness-of-fit test level
SPEED_TOLERANCE = 0.05  # measured tokens per target call vs the formula, relative
RULES = ("correct", "always_accept", "resample_target")


@dataclass(frozen=True)
class ToyModels:
    """Target and draft bigram tables with a known per-context acceptance rate."""

    target: np.ndarray  # (V, V): row = previous token, column = next token
    draft: np.ndarray
    residual: np.ndarray  # normalised max(0, target - draft), sampled after a rejection
    acceptance: np.ndarray  # Σ_x min(p, q) per context


def make_models(vocab: int, alpha: float, seed: int) -> ToyModels:
    """Build a target bigram LM and a draft whose acceptance rate is ``alpha`` in *every*
    context: q = (1 - λ) p + λ r with λ = (1 - α) / TV(p, r), so 1 - TV(p, q) = α exactly.
    Fixing α per context makes the expected speed-up formula exact, not an approximation.
    """
    import numpy as np

    rng = np.random.default_rng([seed, 17])
    target = rng.dirichlet(np.full(vocab, 2.0), size=vocab)
    draft = np.empty_like(target)
    for c in range(vocab):
        p = target[c]
        for _ in range(200):
            r = rng.dirichlet(np.full(vocab, 0.3))
            tv = 0.5 * np.abs(p - r).sum()
            if tv >= 1 - alpha:
                break
        else:  # far from p: all mass on p's least likely token
            r = np.zeros(vocab)
            r[int(p.argmin())] = 1.0
            tv = 0.5 * np.abs(p - r).sum()
        lam = min(1.0, (1 - alpha) / tv)
        draft[c] = (1 - lam) * p + lam * r
    positive = np.maximum(target - draft, 0.0)
    residual = positive / positive.sum(axis=1, keepdims=True)
    acceptance = np.minimum(target, draft).sum(axis=1)
    return ToyModels(target=target, draft=draft, residual=residual, acceptance=acceptance)


def _sample(rows: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Inverse-CDF sampling of one token per chain from its own probability row."""
    import numpy as np

    cdf = np.cumsum(rows, axis=1)
    idx = (u[:, None] > cdf).sum(axis=1)
    return np.asarray(np.minimum(idx, rows.shape[1] - 1))


@dataclass(frozen=True)
class Decoded:
    counts: np.ndarray  # (V, V) observed transitions in the generated text
    tokens: int
    target_calls: int
    accepted: int
    evaluated: int  # drafted tokens the target actually judged


def speculative_decode(
    models: ToyModels, gamma: int, chains: int, rounds: int, rule: str, seed: int
) -> Decoded:
    """Decode ``chains`` independent sequences for ``rounds`` target calls each.

    ``rule`` = "correct" is speculative sampling (accept with min(1, p/q), else sample the
    residual); "always_accept" trusts the draft; "resample_target" samples from p instead
    of the residual after a rejection. The last two are deliberately wrong.
    """
    import numpy as np

    rng = np.random.default_rng([seed, 29])
    p, q = models.target, models.draft
    vocab = p.shape[0]
    counts = np.zeros((vocab, vocab), dtype=np.int64)
    last = np.zeros(chains, dtype=int)
    tokens = accepted_total = evaluated = 0
    rows = np.arange(chains)
    for _ in range(rounds):
        prev = np.empty((chains, gamma), dtype=int)
        drafted = np.empty((chains, gamma), dtype=int)
        ctx = last
        for i in range(gamma):
            prev[:, i] = ctx
            drafted[:, i] = _sample(q[ctx], rng.random(chains))
            ctx = drafted[:, i]
        ratio = p[prev, drafted] / q[prev, drafted]
        u = rng.random((chains, gamma))
        ok = np.ones_like(u, dtype=bool) if rule == "always_accept" else u < np.minimum(1, ratio)
        n_acc = np.cumprod(ok, axis=1).sum(axis=1)
        keep = np.arange(gamma)[None, :] < n_acc[:, None]
        np.add.at(counts, (prev[keep], drafted[keep]), 1)
        # the token after the accepted prefix: residual (or p) on rejection, p as a bonus
        full = n_acc == gamma
        ctx_extra = np.where(full, drafted[:, -1], prev[rows, np.minimum(n_acc, gamma - 1)])
        source = p[ctx_extra].copy()
        if rule == "correct":
            source[~full] = models.residual[ctx_extra[~full]]
        extra = _sample(source, rng.random(chains))
        np.add.at(counts, (ctx_extra, extra), 1)
        last = extra
        tokens += int(n_acc.sum()) + chains
        accepted_total += int(n_acc.sum())
        evaluated += int(n_acc.sum()) + int((~full).sum())
    return Decoded(
        counts=counts,
        tokens=tokens,
        target_calls=chains * rounds,
        accepted=accepted_total,
        evaluated=evaluated,
    )


def expected_tokens_per_call(alpha: float, gamma: int) -> float:
    """E[tokens per target call] = (1 - α^(γ+1)) / (1 - α) (accepted prefix + one token)."""
    if alpha >= 1.0:
        return float(gamma + 1)
    return (1 - alpha ** (gamma + 1)) / (1 - alpha)


def goodness_of_fit(counts: np.ndarray, probs: np.ndarray) -> tuple[float, float, int]:
    """Pearson χ² of all transition counts against a bigram table (rows pooled).

    Each context row is its own multinomial, so the degrees of freedom are V·(V-1):
    ``ddof = V - 1`` on top of scipy's V² - 1.
    """
    from scipy.stats import chisquare

    vocab = probs.shape[0]
    expected = counts.sum(axis=1, keepdims=True) * probs
    stat, pvalue = chisquare(counts.ravel(), expected.ravel(), ddof=vocab - 1)
    return float(stat), float(pvalue), vocab * (vocab - 1)


def run(
    *,
    vocab: int,
    gamma: int,
    alpha: float,
    chains: int,
    rounds: int,
    draft_cost: float,
    rule: str,
    seed: int,
) -> Outcome:
    import numpy as np

    models = make_models(vocab, alpha, seed)
    achieved_alpha = float(models.acceptance.mean())
    out = speculative_decode(models, gamma, chains, rounds, rule, seed)
    stat, pvalue, dof = goodness_of_fit(out.counts, models.target)
    _, p_draft, _ = goodness_of_fit(out.counts, models.draft)
    measured = out.tokens / out.target_calls
    expected = expected_tokens_per_call(achieved_alpha, gamma)
    rel_error = measured / expected - 1
    alpha_hat = out.accepted / out.evaluated if out.evaluated else 1.0
    supported = pvalue >= SIGNIFICANCE and abs(rel_error) <= SPEED_TOLERANCE

    sweep_rows = []
    sweep: dict[float, list[tuple[int, float, float]]] = {}
    sweep_chains = max(200, chains // 4)
    for a in sorted({0.3, round(achieved_alpha, 3), 0.8}):
        m = make_models(vocab, a, seed)
        a_real = float(m.acceptance.mean())
        for g in range(1, 9):
            d = speculative_decode(m, g, sweep_chains, max(5, rounds // 2), "correct", seed + g)
            tpc = d.tokens / d.target_calls
            sweep.setdefault(a_real, []).append((g, tpc, expected_tokens_per_call(a_real, g)))
            if abs(a_real - achieved_alpha) < 1e-9:
                sweep_rows.append(
                    (
                        g,
                        round(tpc, 3),
                        round(expected_tokens_per_call(a_real, g), 3),
                        round(tpc / (1 + g * draft_cost), 3),
                    )
                )
    best_gamma = max(sweep_rows, key=lambda row: row[3])[0] if sweep_rows else gamma

    observed = out.counts / np.maximum(out.counts.sum(axis=1, keepdims=True), 1)
    target, draft = models.target, models.draft
    metrics: dict[str, Any] = {
        "tokens_per_target_call": measured,
        "expected_tokens_per_call": expected,
        "relative_error": rel_error,
        "alpha_design": achieved_alpha,
        "alpha_measured": alpha_hat,
        "chi2": stat,
        "chi2_dof": dof,
        "p_value_vs_target": pvalue,
        "p_value_vs_draft": p_draft,
        "tokens": out.tokens,
        "target_calls": out.target_calls,
        "max_abs_freq_error": float(np.abs(observed - target).max()),
        "speedup_with_draft_cost": measured / (1 + gamma * draft_cost),
        "best_gamma_for_draft_cost": best_gamma,
    }

    def draw_speed(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        colors = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e")
        for (a, pts), color in zip(sorted(sweep.items()), colors, strict=False):
            gs, meas, form = zip(*pts, strict=True)
            ax.plot(gs, form, color=color, label=f"(1-α^(γ+1))/(1-α), α={a:.2f}")
            ax.plot(gs, meas, "o", color=color)
        ax.set_xlabel("γ (Entwurfstokens pro Runde)" if lang == "de" else "γ (drafted tokens)")
        ax.set_ylabel(
            "Tokens pro Aufruf des Zielmodells" if lang == "de" else "tokens per target call"
        )
        ax.legend(title="Punkte: gemessen" if lang == "de" else "dots: measured")

    def draw_fit(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1], color="#7f7f7f", linewidth=1)
        ax.scatter(
            target.ravel(),
            observed.ravel(),
            s=10,
            color="#1f77b4",
            label="Zielmodell p" if lang == "de" else "target p",
        )
        ax.scatter(
            draft.ravel(),
            observed.ravel(),
            s=10,
            marker="x",
            color="#d62728",
            label="Entwurfsmodell q" if lang == "de" else "draft q",
        )
        hi = float(max(target.max(), draft.max(), observed.max())) * 1.05
        ax.set_xlim(0, hi)
        ax.set_ylim(0, hi)
        ax.set_xlabel("Modellwahrscheinlichkeit" if lang == "de" else "model probability")
        ax.set_ylabel(
            "beobachtete Übergangshäufigkeit" if lang == "de" else "observed transition frequency"
        )
        ax.legend()

    verdict_en = "passes" if pvalue >= SIGNIFICANCE else "fails"
    verdict_de = "besteht" if pvalue >= SIGNIFICANCE else "besteht nicht"
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"{out.tokens} tokens were generated with {out.target_calls} target calls "
            f"(rule: {rule}). Against the target model the output {verdict_en} a χ² "
            f"goodness-of-fit test (χ² = {stat:.1f}, {dof} degrees of freedom, p = "
            f"{pvalue:.3g}); against the draft model p = {p_draft:.3g}. Each target call "
            f"yielded {measured:.3f} tokens on average; the formula with α = "
            f"{achieved_alpha:.3f} and γ = {gamma} predicts {expected:.3f} "
            f"({100 * rel_error:+.2f} %). Rejection sampling from the residual max(0, p - q) "
            "is what makes the output exactly the target's distribution; the speed-up comes "
            "from checking γ drafted tokens in one pass.",
            f"Mit {out.target_calls} Aufrufen des Zielmodells entstanden {out.tokens} Tokens "
            f"(Regel: {rule}). Gegen das Zielmodell {verdict_de} die Ausgabe einen "
            f"χ²-Anpassungstest (χ² = {de_num(stat, '.1f')}, {dof} Freiheitsgrade, p = "
            f"{de_num(pvalue, '.3g')}); gegen das Entwurfsmodell ist p = {de_num(p_draft, '.3g')}. "
            f"Pro Aufruf kamen im Mittel {de_num(measured, '.3f')} Tokens heraus; die Formel mit α "
            f"= {de_num(achieved_alpha, '.3f')} und γ = {gamma} sagt {de_num(expected, '.3f')} "
            f"voraus ({de_num(100 * rel_error, '+.2f')} %). Dass die Ausgabe exakt der Verteilung "
            "des Zielmodells folgt, liegt am Nachziehen aus dem Rest max(0, p - q) nach einer "
            "Ablehnung; der Gewinn entsteht, weil ein einziger Durchlauf γ Entwurfstokens prüft.",
        ),
        tables=[
            Table(
                text("Measured against expected", "Gemessen und erwartet"),
                ("quantity", "measured", "expected"),
                (
                    ("tokens per target call", round(measured, 4), round(expected, 4)),
                    ("acceptance rate α", round(alpha_hat, 4), round(achieved_alpha, 4)),
                    ("χ² p-value vs target", round(pvalue, 4), f"≥ {SIGNIFICANCE}"),
                    ("χ² p-value vs draft", round(p_draft, 4), "≈ 0"),
                ),
            ),
            Table(
                text(
                    f"Draft length γ at α = {achieved_alpha:.2f} (draft cost {draft_cost} of a "
                    "target call)",
                    f"Entwurfslänge γ bei α = {de_num(achieved_alpha, '.2f')} (Entwurf kostet "
                    f"{draft_cost} eines Zielaufrufs)",
                ),
                ("gamma", "tokens per call (measured)", "formula", "speed-up incl. draft cost"),
                tuple(sweep_rows),
            ),
        ],
        plots=[
            Plot(
                "tokens_per_call",
                text("Tokens per target call vs γ", "Tokens pro Zielaufruf über γ"),
                draw_speed,
            ),
            Plot(
                "distribution",
                text(
                    "Observed transition frequencies vs model probabilities",
                    "Beobachtete Übergangshäufigkeiten und Modellwahrscheinlichkeiten",
                ),
                draw_fit,
                size=(5.0, 4.6),
            ),
        ],
    )


LAB = Lab(
    id="speculative_decoding",
    title=text("Speculative decoding", "Spekulatives Dekodieren"),
    claim=text(
        "Speculative decoding with the accept/reject rule min(1, p/q) and resampling from "
        "the residual produces text distributed exactly like the target model, and each call "
        "of the target model yields (1 - α^(γ+1)) / (1 - α) tokens on average.",
        "Spekulatives Dekodieren mit der Annahmeregel min(1, p/q) und Nachziehen aus dem "
        "Rest erzeugt Text, der exakt wie beim Zielmodell verteilt ist, und jeder Aufruf des "
        "Zielmodells liefert im Mittel (1 - α^(γ+1)) / (1 - α) Tokens.",
    ),
    cards=("llm-inference-speed",),
    params=(
        Param("vocab", "int", 10, text("Vocabulary size", "Größe des Vokabulars"), 3, 30),
        Param(
            "gamma",
            "int",
            4,
            text("Drafted tokens per round γ", "Entwurfstokens pro Runde γ"),
            1,
            12,
        ),
        Param(
            "alpha",
            "float",
            0.7,
            text(
                "Acceptance rate α the draft is built for",
                "Annahmerate α, für die das Entwurfsmodell gebaut wird",
            ),
            0.1,
            0.95,
        ),
        Param("chains", "int", 4000, text("Parallel sequences", "Parallele Sequenzen"), 50, 20000),
        Param(
            "rounds",
            "int",
            20,
            text("Target calls per sequence", "Zielaufrufe pro Sequenz"),
            1,
            100,
        ),
        Param(
            "draft_cost",
            "float",
            0.05,
            text(
                "Cost of one draft step relative to a target call",
                "Kosten eines Entwurfsschritts relativ zu einem Zielaufruf",
            ),
            0.0,
            1.0,
        ),
        Param(
            "rule",
            "choice",
            "correct",
            text(
                "Acceptance rule (two deliberately wrong ones for comparison)",
                "Annahmeregel (zwei absichtlich falsche zum Vergleich)",
            ),
            choices=RULES,
        ),
    ),
    run_fn=run,
)
