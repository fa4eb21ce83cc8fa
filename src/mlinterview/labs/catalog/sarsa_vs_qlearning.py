"""Cliff walking: on-policy SARSA learns the safe detour, off-policy Q-learning the edge."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

ROWS, COLS = 4, 12
START = (3, 0)
GOAL = (3, 11)


def _shortest_safe_path(p: Any, r: Any) -> int:
    """Breadth-first search on the model, never stepping into the cliff (reward -100)."""
    from collections import deque

    start = START[0] * COLS + START[1]
    goal = GOAL[0] * COLS + GOAL[1]
    dist = {start: 0}
    queue = deque([start])
    while queue:
        s = queue.popleft()
        for a in range(p.shape[1]):
            if (p[s, a] * r[s, a]).sum() <= -100:
                continue
            s2 = int(p[s, a].argmax())
            if s2 not in dist:
                dist[s2] = dist[s] + 1
                queue.append(s2)
    return dist[goal]


def _greedy_path(p: Any, q: Any, limit: int) -> tuple[list[int], bool]:
    """Follow argmax Q from the start on the (deterministic) model; stops at goal or limit."""
    s = START[0] * COLS + START[1]
    goal = GOAL[0] * COLS + GOAL[1]
    path = [s]
    for _ in range(limit):
        s = int(p[s, int(q[s].argmax())].argmax())
        path.append(s)
        if s == goal:
            return path, True
    return path, False


def _edge_cells(path: list[int]) -> int:
    """How many steps of a path run along the cliff edge (row 2, columns 1-10)."""
    return sum(1 for s in path if s // COLS == 2 and 1 <= s % COLS <= 10)


def run(
    *, episodes: int, seeds: int, epsilon: float, alpha: float, max_steps: int, seed: int
) -> Outcome:
    import gymnasium as gym
    import numpy as np

    from mlinterview.labs.catalog._tabular import train, transition_model

    env = gym.make("CliffWalking-v1", max_episode_steps=max_steps, disable_env_checker=True)
    p, r, _ = transition_model(env)
    shortest = _shortest_safe_path(p, r)
    algos = ("sarsa", "q_learning")
    returns = {a: np.zeros((seeds, episodes)) for a in algos}
    lengths: dict[str, list[int]] = {a: [] for a in algos}
    reached: dict[str, list[bool]] = {a: [] for a in algos}
    edges: dict[str, list[int]] = {a: [] for a in algos}
    paths: dict[str, list[list[int]]] = {a: [] for a in algos}
    for algo in algos:
        for i in range(seeds):
            result = train(
                env,
                algo,  # type: ignore[arg-type]
                episodes=episodes,
                alpha=alpha,
                gamma=1.0,
                epsilon=epsilon,
                seed=seed + i,
            )
            returns[algo][i] = result.returns
            path, ok = _greedy_path(p, result.q, limit=4 * shortest)
            paths[algo].append(path)
            reached[algo].append(ok)
            lengths[algo].append(len(path) - 1 if ok else -1)
            edges[algo].append(_edge_cells(path))
    env.close()

    mean_return = {a: float(returns[a].mean()) for a in algos}
    last_return = {a: float(returns[a][:, -min(100, episodes) :].mean()) for a in algos}
    q_lengths = [n for n in lengths["q_learning"] if n > 0]
    q_len_mean = float(np.mean(q_lengths)) if q_lengths else float("nan")
    s_lengths = [n for n in lengths["sarsa"] if n > 0]
    s_len_mean = float(np.mean(s_lengths)) if s_lengths else -1.0
    q_all_shortest = all(ok for ok in reached["q_learning"]) and q_len_mean == shortest
    supported = mean_return["sarsa"] > mean_return["q_learning"] and q_all_shortest

    metrics: dict[str, Any] = {
        "sarsa_mean_return": mean_return["sarsa"],
        "q_learning_mean_return": mean_return["q_learning"],
        "sarsa_last100_return": last_return["sarsa"],
        "q_learning_last100_return": last_return["q_learning"],
        "shortest_path": shortest,
        "q_learning_greedy_length_mean": q_len_mean if q_lengths else -1.0,
        "sarsa_greedy_length_mean": s_len_mean,
        "q_learning_reached_goal": sum(reached["q_learning"]),
        "sarsa_reached_goal": sum(reached["sarsa"]),
        "q_learning_edge_steps_mean": float(np.mean(edges["q_learning"])),
        "sarsa_edge_steps_mean": float(np.mean(edges["sarsa"])),
        "seeds": seeds,
    }
    names = {"sarsa": "SARSA", "q_learning": "Q-learning"}
    rows = tuple(
        (
            names[a],
            round(mean_return[a], 2),
            round(last_return[a], 2),
            f"{sum(reached[a])}/{seeds}",
            round(float(np.mean([n for n in lengths[a] if n > 0])), 2)
            if any(n > 0 for n in lengths[a])
            else "-",
            round(float(np.mean(edges[a])), 2),
        )
        for a in algos
    )
    per_seed = tuple(
        (
            seed + i,
            round(float(returns["sarsa"][i].mean()), 2),
            round(float(returns["q_learning"][i].mean()), 2),
            lengths["sarsa"][i] if reached["sarsa"][i] else "-",
            lengths["q_learning"][i] if reached["q_learning"][i] else "-",
        )
        for i in range(seeds)
    )
    curves = {a: returns[a].mean(axis=0) for a in algos}
    example = {a: paths[a][0] for a in algos}

    def draw_curves(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        window = max(1, min(20, episodes // 10))
        kernel = np.ones(window) / window
        for algo, color in (("sarsa", "#2ca02c"), ("q_learning", "#d62728")):
            smooth = np.convolve(curves[algo], kernel, mode="valid")
            ax.plot(np.arange(len(smooth)) + window, smooth, color=color, label=names[algo])
        ax.set_ylim(-120, 0)
        ax.set_xlabel("Episode")
        ax.set_ylabel("Online-Return (geglättet)" if lang == "de" else "online return (smoothed)")
        ax.legend()

    def draw_paths(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        grid = np.zeros((ROWS, COLS))
        grid[3, 1:11] = 1.0
        ax.imshow(grid, cmap="Greys", vmin=0, vmax=2)
        ax.grid(False)
        for algo, color, offset in (("sarsa", "#2ca02c", -0.08), ("q_learning", "#d62728", 0.08)):
            cells = example[algo]
            ys = [s // COLS + offset for s in cells]
            xs = [s % COLS + offset for s in cells]
            ax.plot(xs, ys, color=color, marker="o", markersize=3, label=names[algo])
        ax.text(0, 3, "S", ha="center", va="center", fontweight="bold")
        ax.text(11, 3, "G", ha="center", va="center", fontweight="bold")
        ax.text(5.5, 3, "Klippe" if lang == "de" else "cliff", ha="center", va="center")
        ax.set_xticks(range(COLS))
        ax.set_yticks(range(ROWS))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2)

    sr, qr = mean_return["sarsa"], mean_return["q_learning"]
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Averaged over {seeds} seeds with ε = {epsilon}, SARSA collected {sr:.1f} per "
            f"episode while learning and Q-learning {qr:.1f}. Q-learning's greedy path is "
            f"{q_len_mean:.1f} steps long (the shortest safe path has {shortest}) and runs "
            f"{metrics['q_learning_edge_steps_mean']:.1f} steps along the cliff; SARSA's "
            f"greedy path runs {metrics['sarsa_edge_steps_mean']:.1f} steps there. "
            "Q-learning evaluates the greedy policy it will eventually follow, so it learns "
            "the edge; SARSA evaluates the ε-greedy policy it actually follows, and random "
            "steps at the edge are costly, so it learns to keep its distance.",
            f"Gemittelt über {seeds} Seeds mit ε = {de_num(epsilon, 'g')} erzielte SARSA während "
            f"des Lernens {de_num(sr, '.1f')} pro Episode, Q-Learning {de_num(qr, '.1f')}. Der "
            f"gierige Pfad von Q-Learning ist {de_num(q_len_mean, '.1f')} Schritte lang (der "
            f"kürzeste sichere Pfad hat {shortest}) und verläuft "
            f"{de_num(metrics['q_learning_edge_steps_mean'], '.1f')} Schritte an der Klippe; bei "
            f"SARSA sind es {de_num(metrics['sarsa_edge_steps_mean'], '.1f')}. Q-Learning bewertet "
            "die gierige Zielpolitik und lernt deshalb den Weg an der Kante; SARSA bewertet die "
            "ε-gierige Politik, der es tatsächlich folgt. Zufällige Schritte an der Kante kosten "
            "viel, also hält SARSA Abstand.",
        ),
        tables=[
            Table(
                text("Summary over seeds", "Zusammenfassung über die Seeds"),
                (
                    "algorithm",
                    "mean online return",
                    "last 100 episodes",
                    "greedy path reaches goal",
                    "greedy path length",
                    "steps along the cliff",
                ),
                rows,
            ),
            Table(
                text("Per seed", "Pro Seed"),
                (
                    "seed",
                    "SARSA return",
                    "Q-learning return",
                    "SARSA path",
                    "Q-learning path",
                ),
                per_seed,
            ),
        ],
        plots=[
            Plot(
                "online_return",
                text("Online return while learning", "Online-Return während des Lernens"),
                draw_curves,
            ),
            Plot(
                "greedy_paths",
                text("Greedy paths after learning (first seed)", "Gierige Pfade (erster Seed)"),
                draw_paths,
                size=(7.0, 3.0),
            ),
        ],
    )


LAB = Lab(
    id="sarsa_vs_qlearning",
    title=text("SARSA vs Q-learning on the cliff", "SARSA und Q-Learning an der Klippe"),
    claim=text(
        "With a fixed ε-greedy behaviour policy on cliff walking, on-policy SARSA earns a "
        "higher return while learning, whereas off-policy Q-learning learns the greedy "
        "policy, whose path is the shortest one along the cliff edge.",
        "Mit einer festen ε-gierigen Verhaltenspolitik erzielt das On-Policy-Verfahren SARSA "
        "beim Cliff Walking während des Lernens den höheren Return, während das "
        "Off-Policy-Verfahren Q-Learning die gierige Politik lernt, deren Pfad als kürzester "
        "direkt an der Klippe entlangführt.",
    ),
    cards=("on-policy-vs-off-policy",),
    params=(
        Param("episodes", "int", 500, text("Training episodes", "Trainingsepisoden"), 20, 2000),
        Param("seeds", "int", 8, text("Independent runs", "Unabhängige Läufe"), 1, 20),
        Param(
            "epsilon",
            "float",
            0.1,
            text("Exploration rate ε (constant)", "Explorationsrate ε (konstant)"),
            0.0,
            0.5,
        ),
        Param("alpha", "float", 0.5, text("Learning rate α", "Lernrate α"), 0.01, 1.0),
        Param(
            "max_steps",
            "int",
            200,
            text("Step limit per episode", "Schrittlimit pro Episode"),
            20,
            2000,
        ),
    ),
    run_fn=run,
)
