"""The RL loop on FrozenLake: tabular Q-learning from (state, action, reward, next state)."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

CHECKPOINTS = 30
NEAR_OPTIMAL = 0.9  # learned success must reach this share of the planner's
MIN_GAIN = 0.25  # ... and beat the random policy by this much (absolute)


def run(
    *, map_name: str, slippery: bool, episodes: int, alpha: float, gamma: float, seed: int
) -> Outcome:
    import gymnasium as gym
    import numpy as np

    from mlinterview.labs.catalog._tabular import (
        greedy_policy,
        policy_success,
        train,
        transition_model,
        value_iteration,
    )

    env = gym.make(
        "FrozenLake-v1", map_name=map_name, is_slippery=slippery, disable_env_checker=True
    )
    horizon = int(env.spec.max_episode_steps) if env.spec and env.spec.max_episode_steps else 100
    p, r, done = transition_model(env)
    n_states, n_actions, _ = p.shape
    start = 0
    random_success = float(
        policy_success(p, r, done, np.full((n_states, n_actions), 1 / n_actions), horizon)[start]
    )
    q_opt = value_iteration(p, r, done, gamma)
    optimal_success = float(policy_success(p, r, done, greedy_policy(q_opt), horizon)[start])

    every = max(1, episodes // CHECKPOINTS)
    curve: list[tuple[int, float]] = []

    def record(episode: int, q: list[list[float]]) -> None:
        if (episode + 1) % every == 0 or episode + 1 == episodes:
            pol = greedy_policy(np.array(q))
            curve.append((episode + 1, float(policy_success(p, r, done, pol, horizon)[start])))

    result = train(
        env,
        "q_learning",
        episodes=episodes,
        alpha=alpha,
        gamma=gamma,
        epsilon=(1.0, 0.05),
        seed=seed,
        on_episode=record,
    )
    env.close()
    learned_policy = greedy_policy(result.q)
    learned_success = float(policy_success(p, r, done, learned_policy, horizon)[start])
    tail = max(1, episodes // 10)
    online_tail = float(result.successes[-tail:].mean())
    disc_tail = float(result.discounted[-tail:].mean())
    supported = (
        learned_success >= NEAR_OPTIMAL * optimal_success
        and learned_success >= random_success + MIN_GAIN
    )
    metrics: dict[str, Any] = {
        "learned_success": learned_success,
        "optimal_success": optimal_success,
        "random_success": random_success,
        "online_success_last10pct": online_tail,
        "discounted_return_last10pct": disc_tail,
        "horizon": horizon,
        "env_steps": int(result.steps.sum()),
    }
    grid: Any = env.unwrapped.desc  # type: ignore[attr-defined]
    side = len(grid)
    desc_rows = ["".join(c.decode() for c in row) for row in grid]
    values = result.q.max(axis=1).reshape(side, side)
    successes = result.successes
    table_rows = tuple(
        (
            ep,
            round(max(0.05, 1.0 - 0.95 * min(1.0, (ep - 1) / max(1, int(0.8 * episodes)))), 3),
            round(float(successes[max(0, ep - every) : ep].mean()), 3),
            round(prob, 3),
        )
        for ep, prob in curve[:: max(1, len(curve) // 10)]
    )

    def draw_curve(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        window = max(1, episodes // 50)
        smooth = np.convolve(successes, np.ones(window) / window, mode="valid")
        ax.plot(
            np.arange(len(smooth)) + window,
            smooth,
            color="#7f7f7f",
            label="Erfolg online (ε-gierig)" if lang == "de" else "online success (ε-greedy)",
        )
        xs, ys = zip(*curve, strict=True)
        ax.plot(
            xs,
            ys,
            color="#1f77b4",
            marker="o",
            markersize=3,
            label="gierige Politik (exakt)" if lang == "de" else "greedy policy (exact)",
        )
        ax.axhline(
            optimal_success,
            color="#2ca02c",
            linestyle="--",
            label="Planung mit Modell" if lang == "de" else "planning with the model",
        )
        ax.axhline(
            random_success,
            color="#d62728",
            linestyle=":",
            label="Zufallspolitik" if lang == "de" else "random policy",
        )
        ax.set_xlabel("Episode")
        ax.set_ylabel("Erfolgswahrscheinlichkeit" if lang == "de" else "success probability")
        ax.set_ylim(-0.02, 1.02)
        ax.legend(loc="upper left")

    def draw_policy(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ax.imshow(values, cmap="viridis")
        ax.grid(False)
        arrows = {0: (-0.3, 0.0), 1: (0.0, 0.3), 2: (0.3, 0.0), 3: (0.0, -0.3)}
        for s in range(n_states):
            row, col = divmod(s, side)
            cell = desc_rows[row][col]
            if cell in "HG":
                ax.text(col, row, cell, ha="center", va="center", color="white", fontsize=12)
                continue
            dx, dy = arrows[int(learned_policy[s])]
            ax.arrow(col - dx / 2, row - dy / 2, dx, dy, head_width=0.15, color="white")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(
            "max Q(s, a) und gierige Aktion" if lang == "de" else "max Q(s, a) and greedy action"
        )

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"After {episodes} episodes of Q-learning the greedy policy reaches the goal with "
            f"probability {learned_success:.3f} (computed exactly from the environment's "
            f"model, within {horizon} steps). A planner that knows the model achieves "
            f"{optimal_success:.3f}, a random policy {random_success:.3f}. The agent never saw "
            "the model: it improved only from the rewards that the loop of acting and "
            "observing fed back to it.",
            f"Nach {episodes} Episoden Q-Learning erreicht die gierige Politik das Ziel mit "
            f"Wahrscheinlichkeit {de_num(learned_success, '.3f')} (exakt aus dem Modell der "
            f"Umgebung berechnet, innerhalb von {horizon} Schritten). Ein Planer, der das Modell "
            f"kennt, schafft {de_num(optimal_success, '.3f')}, eine Zufallspolitik "
            f"{de_num(random_success, '.3f')}. Der Agent kannte das Modell nie: Er hat allein aus "
            "den Belohnungen gelernt, die ihm die Schleife aus Handeln und Beobachten "
            "zurückgemeldet hat.",
        ),
        tables=[
            Table(
                text("Learning progress", "Lernfortschritt"),
                ("episode", "epsilon", "online success (window)", "greedy success (exact)"),
                table_rows,
            ),
            Table(
                text("Policies compared", "Politiken im Vergleich"),
                ("policy", "success probability"),
                (
                    ("Q-learning (greedy)", round(learned_success, 4)),
                    ("value iteration (knows the model)", round(optimal_success, 4)),
                    ("uniform random", round(random_success, 4)),
                ),
            ),
        ],
        plots=[
            Plot("learning_curve", text("Learning curve", "Lernkurve"), draw_curve),
            Plot(
                "policy",
                text("Learned values and policy", "Gelernte Werte und Politik"),
                draw_policy,
                size=(4.5, 4.5),
            ),
        ],
    )


LAB = Lab(
    id="rl_loop",
    title=text("The reinforcement-learning loop", "Die Schleife des bestärkenden Lernens"),
    claim=text(
        "An agent that only observes states, chooses actions and receives rewards can learn, "
        "with tabular Q-learning, a policy that comes close to the best achievable one and "
        "far outperforms acting at random.",
        "Ein Agent, der nur Zustände beobachtet, Aktionen wählt und Belohnungen erhält, kann "
        "mit tabellarischem Q-Learning eine Politik lernen, die nahe an die bestmögliche "
        "herankommt und zufälliges Handeln weit übertrifft.",
    ),
    cards=("rl-loop",),
    params=(
        Param(
            "map_name",
            "choice",
            "4x4",
            text("FrozenLake map", "FrozenLake-Karte"),
            choices=("4x4", "8x8"),
        ),
        Param(
            "slippery",
            "bool",
            True,
            text("Slippery ice (random moves)", "Rutschiges Eis (zufällige Züge)"),
        ),
        Param("episodes", "int", 3000, text("Training episodes", "Trainingsepisoden"), 10, 20000),
        Param("alpha", "float", 0.1, text("Learning rate α", "Lernrate α"), 0.001, 1.0),
        Param("gamma", "float", 0.99, text("Discount factor γ", "Diskontfaktor γ"), 0.5, 0.999),
    ),
    run_fn=run,
)
