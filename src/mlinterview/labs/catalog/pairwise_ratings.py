"""A simulated arena: Elo and Bradley–Terry recover known strengths; a judge's position
bias is measured by a position term in the model and by swapping the order."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

MIN_SPEARMAN = 0.9
ELO_START = 1000.0
ELO_SCALE = 400.0 / math.log(10.0)  # Elo points per logit


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Rank correlation (continuous values, so no ties to handle)."""
    import numpy as np

    ra = np.argsort(np.argsort(a)).astype(float)
    rb = np.argsort(np.argsort(b)).astype(float)
    return float(np.corrcoef(ra, rb)[0, 1])


def kendall_tau(a: np.ndarray, b: np.ndarray) -> float:
    import numpy as np

    n = len(a)
    s = 0.0
    for i in range(n):
        s += float(np.sum(np.sign(a[i] - a[i + 1 :]) * np.sign(b[i] - b[i + 1 :])))
    return 2.0 * s / (n * (n - 1))


def elo(
    first: np.ndarray, second: np.ndarray, first_won: np.ndarray, n_models: int, k: float
) -> tuple[np.ndarray, np.ndarray]:
    """Online Elo in battle order; returns final ratings and the rating history."""
    import numpy as np

    ratings = np.full(n_models, ELO_START)
    history = np.empty((len(first), n_models))
    for t, (a, b, won) in enumerate(zip(first, second, first_won, strict=True)):
        expected = 1.0 / (1.0 + 10 ** ((ratings[b] - ratings[a]) / 400.0))
        delta = k * (float(won) - expected)
        ratings[a] += delta
        ratings[b] -= delta
        history[t] = ratings
    return ratings, history


def bradley_terry(
    first: np.ndarray, second: np.ndarray, first_won: np.ndarray, n_models: int, position_term: bool
) -> tuple[np.ndarray, float, float]:
    """Maximum-likelihood Bradley–Terry by Newton's method on the logistic likelihood
    P(first wins) = σ(θ_first − θ_second + β). Strengths are centred (sum zero).
    Returns (θ, β, standard error of β)."""
    import numpy as np

    n = len(first)
    x = np.zeros((n, n_models + 1))
    x[np.arange(n), first] += 1.0
    x[np.arange(n), second] -= 1.0
    x[:, -1] = 1.0 if position_term else 0.0
    y = first_won.astype(float)
    w = np.zeros(n_models + 1)
    ridge = 1e-2 * np.eye(n_models + 1)  # a weak prior keeps unbeaten models finite
    if not position_term:
        ridge[-1, -1] = 1.0
    hessian = ridge
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (y - p) - ridge @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + ridge
        step = np.linalg.solve(hessian, grad)
        w += step
        if np.max(np.abs(step)) < 1e-10:
            break
    theta = w[:n_models] - w[:n_models].mean()
    cov = np.linalg.pinv(hessian)
    se_beta = float(np.sqrt(max(cov[-1, -1], 0.0))) if position_term else 0.0
    return theta, float(w[-1]) if position_term else 0.0, se_beta


def run(
    *,
    n_models: int,
    battles: int,
    spread: float,
    position_bias: float,
    elo_k: float,
    swap_pairs: int,
    seed: int,
) -> Outcome:
    import numpy as np

    rng = np.random.default_rng([seed, 23])
    strength = rng.normal(0.0, spread, n_models)
    strength -= strength.mean()
    a = rng.integers(n_models, size=battles)
    b = (a + rng.integers(1, n_models, size=battles)) % n_models  # a different model
    logits = strength[a] - strength[b] + position_bias  # a is shown first
    first_won = rng.random(battles) < 1.0 / (1.0 + np.exp(-logits))

    elo_ratings, history = elo(a, b, first_won, n_models, elo_k)
    bt, beta_hat, beta_se = bradley_terry(a, b, first_won, n_models, position_term=True)
    bt_plain, _, _ = bradley_terry(a, b, first_won, n_models, position_term=False)
    rho_elo = spearman(elo_ratings, strength)
    rho_bt = spearman(bt, strength)
    tau_bt = kendall_tau(bt, strength)
    rmse_bt = float(np.sqrt(np.mean((bt - strength) ** 2)))
    first_rate = float(first_won.mean())

    # swap test: the same pair judged in both orders
    sa = rng.integers(n_models, size=swap_pairs)
    sb = (sa + rng.integers(1, n_models, size=swap_pairs)) % n_models
    d = strength[sa] - strength[sb]
    win_ab = rng.random(swap_pairs) < 1 / (1 + np.exp(-(d + position_bias)))  # sa first
    win_ba = rng.random(swap_pairs) < 1 / (1 + np.exp(-(-d + position_bias)))  # sb first
    # without bias the first-shown answer wins half of these by symmetry
    swap_first_rate = float((win_ab.sum() + win_ba.sum()) / (2 * swap_pairs))
    swap_z = (swap_first_rate - 0.5) / math.sqrt(0.25 / (2 * swap_pairs))

    bias_ok = abs(beta_hat - position_bias) <= max(3 * beta_se, 0.05)
    supported = rho_elo >= MIN_SPEARMAN and rho_bt >= MIN_SPEARMAN and bias_ok
    metrics: dict[str, Any] = {
        "spearman_elo": rho_elo,
        "spearman_bradley_terry": rho_bt,
        "kendall_bradley_terry": tau_bt,
        "rmse_bradley_terry": rmse_bt,
        "position_bias_true": position_bias,
        "position_bias_estimated": beta_hat,
        "position_bias_se": beta_se,
        "first_position_win_rate": first_rate,
        "swap_first_position_win_rate": swap_first_rate,
        "swap_z": swap_z,
        "games_per_model": 2 * battles / n_models,
    }
    order = np.argsort(-strength)
    true_rank = np.empty(n_models, int)
    true_rank[order] = np.arange(1, n_models + 1)
    bt_rank = np.empty(n_models, int)
    bt_rank[np.argsort(-bt)] = np.arange(1, n_models + 1)
    elo_rank = np.empty(n_models, int)
    elo_rank[np.argsort(-elo_ratings)] = np.arange(1, n_models + 1)
    games = np.bincount(a, minlength=n_models) + np.bincount(b, minlength=n_models)
    rows = tuple(
        (
            f"model {i + 1}",
            round(float(strength[i]), 3),
            int(true_rank[i]),
            round(float(bt[i]), 3),
            int(bt_rank[i]),
            round(float(elo_ratings[i]), 1),
            int(elo_rank[i]),
            int(games[i]),
        )
        for i in order
    )
    elo_logit = (elo_ratings - elo_ratings.mean()) / ELO_SCALE

    def draw_recovery(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        lo, hi = float(strength.min()) - 0.3, float(strength.max()) + 0.3
        ax.plot([lo, hi], [lo, hi], color="#7f7f7f", linewidth=1)
        ax.scatter(strength, bt, color="#1f77b4", label="Bradley–Terry")
        ax.scatter(
            strength,
            elo_logit,
            color="#d62728",
            marker="x",
            label="Elo (in Logits umgerechnet)" if lang == "de" else "Elo (as logits)",
        )
        ax.set_xlabel("wahre Stärke (Logit)" if lang == "de" else "true strength (logit)")
        ax.set_ylabel("geschätzte Stärke" if lang == "de" else "estimated strength")
        ax.legend()

    def draw_history(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        steps = np.arange(1, battles + 1)
        every = max(1, battles // 400)
        for i in order:
            ax.plot(steps[::every], history[::every, i], linewidth=1)
        ax.set_xlabel("Duelle" if lang == "de" else "battles")
        ax.set_ylabel("Elo")

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"{battles} simulated battles among {n_models} models with known strengths. The "
            f"rank correlation with the truth is {rho_bt:.3f} for Bradley–Terry and "
            f"{rho_elo:.3f} for Elo (K = {elo_k}). The judge favours the answer shown first "
            f"by {position_bias} logits; the first position won {first_rate:.1%} of the "
            f"battles, and a Bradley–Terry model with a position term estimates the bias as "
            f"{beta_hat:.3f} ± {beta_se:.3f}. Judging each of {swap_pairs} pairs in both "
            f"orders, the first-shown answer wins {swap_first_rate:.1%} of the verdicts, where "
            f"an unbiased judge would be at 50% (z = {swap_z:.1f}). Random "
            "or swapped order keeps the ranking fair; fixed order would not.",
            f"{battles} simulierte Duelle zwischen {n_models} Modellen mit bekannter Stärke. Die "
            f"Rangkorrelation mit der Wahrheit beträgt {de_num(rho_bt, '.3f')} für Bradley–Terry "
            f"und {de_num(rho_elo, '.3f')} für Elo (K = {de_num(elo_k, 'g')}). Der Judge bevorzugt "
            f"die zuerst gezeigte Antwort um {de_num(position_bias, 'g')} Logits; die erste "
            f"Position gewann {de_num(first_rate, '.1%')} der Duelle, und ein Bradley–Terry-Modell "
            f"mit Positionsterm schätzt den Bias auf {de_num(beta_hat, '.3f')} ± "
            f"{de_num(beta_se, '.3f')}. Wird jedes von {swap_pairs} Paaren in beiden Reihenfolgen "
            f"bewertet, gewinnt die zuerst gezeigte Antwort {de_num(swap_first_rate, '.1%')} der "
            f"Urteile; ein Judge ohne Bias läge bei 50% (z = {de_num(swap_z, '.1f')}). Zufällige "
            "oder vertauschte Reihenfolge hält die Rangliste fair, eine feste Reihenfolge "
            "nicht.".replace("%", " %"),
        ),
        tables=[
            Table(
                text("Recovered ratings", "Geschätzte Ratings"),
                (
                    "model",
                    "true strength",
                    "true rank",
                    "Bradley–Terry",
                    "BT rank",
                    "Elo",
                    "Elo rank",
                    "games",
                ),
                rows,
            ),
            Table(
                text("Position bias", "Positionsbias"),
                ("measure", "value"),
                (
                    ("true bias (logits)", position_bias),
                    ("estimated bias (BT position term)", round(beta_hat, 4)),
                    ("standard error", round(beta_se, 4)),
                    ("win rate of the first position", round(first_rate, 4)),
                    ("swap test: first position wins", round(swap_first_rate, 4)),
                    ("swap test: z against 0.5", round(swap_z, 2)),
                    ("Spearman, BT without position term", round(spearman(bt_plain, strength), 4)),
                ),
            ),
        ],
        plots=[
            Plot(
                "recovery",
                text("Estimated vs true strength", "Geschätzte und wahre Stärke"),
                draw_recovery,
            ),
            Plot(
                "elo_history", text("Elo ratings over time", "Elo-Ratings im Verlauf"), draw_history
            ),
        ],
    )


LAB = Lab(
    id="pairwise_ratings",
    title=text("Pairwise ratings and judge bias", "Paarvergleiche und Judge-Bias"),
    claim=text(
        "From enough pairwise preferences, Elo and Bradley–Terry recover the true ranking of "
        "models, and a judge's position bias can be measured: with a position term in the "
        "Bradley–Terry model and by judging each pair in both orders.",
        "Aus genügend paarweisen Präferenzen stellen Elo und Bradley–Terry die wahre "
        "Rangfolge der Modelle wieder her, und der Positionsbias eines Judges lässt sich "
        "messen: mit einem Positionsterm im Bradley–Terry-Modell und durch Bewertung jedes "
        "Paares in beiden Reihenfolgen.",
    ),
    cards=("evaluating-generative-models",),
    params=(
        Param("n_models", "int", 10, text("Models in the arena", "Modelle in der Arena"), 3, 50),
        Param("battles", "int", 4000, text("Pairwise battles", "Paarweise Duelle"), 20, 100000),
        Param(
            "spread",
            "float",
            1.0,
            text("Spread of true strengths (logits)", "Streuung der wahren Stärken (Logits)"),
            0.05,
            3.0,
        ),
        Param(
            "position_bias",
            "float",
            0.5,
            text(
                "Judge's bias towards the first answer (logits)",
                "Bias des Judges zugunsten der ersten Antwort (Logits)",
            ),
            -2.0,
            2.0,
        ),
        Param("elo_k", "float", 16.0, text("Elo K-factor", "Elo-K-Faktor"), 1.0, 64.0),
        Param(
            "swap_pairs",
            "int",
            1000,
            text("Pairs judged in both orders", "In beiden Reihenfolgen bewertete Paare"),
            10,
            100000,
        ),
    ),
    run_fn=run,
)
