"""Deep Q-learning on CartPole: a small network, experience replay and a target network.

CartPole's state is four real numbers, so a Q-table is out of the question; the network
maps a state to the Q-values of both actions at once. Runs on the CPU in well under a
minute: training steps happen every few environment steps, and the acting policy reads
the network's weights through numpy views instead of calling torch per step.
"""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

MIN_RATIO = 3.0  # "clearly beats": at least three times the random policy's mean return
EVAL_SEED = 100_000


def run(
    *,
    total_steps: int,
    hidden: int,
    learning_rate: float,
    train_every: int,
    target_every: int,
    replay_size: int,
    eval_episodes: int,
    seed: int,
) -> Outcome:
    import gymnasium as gym
    import numpy as np
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices: one thread is fastest and deterministic
    try:
        torch.manual_seed(seed)
        rng = np.random.default_rng([seed, 43])
        env = gym.make("CartPole-v1", disable_env_checker=True)
        n_obs = int(env.observation_space.shape[0])  # type: ignore[index]
        n_act = int(env.action_space.n)  # type: ignore[attr-defined]

        def net() -> torch.nn.Sequential:
            return torch.nn.Sequential(
                torch.nn.Linear(n_obs, hidden),
                torch.nn.ReLU(),
                torch.nn.Linear(hidden, hidden),
                torch.nn.ReLU(),
                torch.nn.Linear(hidden, n_act),
            )

        q = net()
        target = net()
        target.load_state_dict(q.state_dict())
        opt = torch.optim.Adam(q.parameters(), lr=learning_rate)
        weights = [p.detach().numpy() for p in q.parameters()]  # live views, no copies

        def greedy(state: np.ndarray) -> int:
            h = np.maximum(weights[0] @ state + weights[1], 0.0)
            h = np.maximum(weights[2] @ h + weights[3], 0.0)
            return int(np.argmax(weights[4] @ h + weights[5]))

        size = min(replay_size, total_steps)
        obs = np.zeros((size, n_obs), np.float32)
        nxt = np.zeros((size, n_obs), np.float32)
        acts = np.zeros(size, np.int64)
        rews = np.zeros(size, np.float32)
        dones = np.zeros(size, np.float32)
        warmup = min(1000, total_steps // 5)
        explore_steps = max(1, int(0.4 * total_steps))
        batch, gamma = 64, 0.99
        state, _ = env.reset(seed=seed)
        episode_return, returns, losses = 0.0, [], []
        for t in range(total_steps):
            eps = max(0.05, 1.0 - 0.95 * t / explore_steps)
            action = int(rng.integers(n_act)) if rng.random() < eps else greedy(state)
            state2, reward, terminated, truncated, _ = env.step(action)
            slot = t % size
            obs[slot], acts[slot], rews[slot], nxt[slot] = state, action, reward, state2
            dones[slot] = float(terminated)  # a time-limit cut is not a real ending
            episode_return += float(reward)
            state = state2
            if terminated or truncated:
                returns.append(episode_return)
                episode_return = 0.0
                state, _ = env.reset()
            if t >= warmup and t % train_every == 0:
                idx = rng.integers(0, min(t + 1, size), batch)
                with torch.no_grad():
                    best_next = target(torch.from_numpy(nxt[idx])).max(dim=1).values
                    y = (
                        torch.from_numpy(rews[idx])
                        + gamma * (1 - torch.from_numpy(dones[idx])) * best_next
                    )
                pred = q(torch.from_numpy(obs[idx])).gather(1, torch.from_numpy(acts[idx])[:, None])
                loss = torch.nn.functional.smooth_l1_loss(pred.squeeze(1), y)
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(q.parameters(), 10.0)
                opt.step()
                losses.append(loss.item())
            if t % target_every == 0:
                target.load_state_dict(q.state_dict())

        def evaluate(policy: Any, episodes: int) -> list[float]:
            out = []
            for i in range(episodes):
                s, _ = env.reset(seed=EVAL_SEED + i)
                total, done = 0.0, False
                while not done:
                    s, r, term, trunc, _ = env.step(policy(s))
                    total += float(r)
                    done = term or trunc
                out.append(total)
            return out

        dqn_returns = evaluate(greedy, eval_episodes)
        eval_rng = np.random.default_rng([seed, 47])
        random_returns = evaluate(lambda _s: int(eval_rng.integers(n_act)), eval_episodes)
        env.close()
    finally:
        torch.set_num_threads(threads)

    dqn_mean = float(np.mean(dqn_returns))
    rnd_mean = float(np.mean(random_returns))
    pooled = float(
        np.sqrt(
            np.var(dqn_returns) / len(dqn_returns) + np.var(random_returns) / len(random_returns)
        )
    )
    z = (dqn_mean - rnd_mean) / pooled if pooled > 0 else float("inf")
    ratio = dqn_mean / rnd_mean
    supported = ratio >= MIN_RATIO and z > 3.0
    params_count = sum(p.numel() for p in q.parameters())
    metrics: dict[str, Any] = {
        "dqn_mean_return": dqn_mean,
        "dqn_min_return": float(np.min(dqn_returns)),
        "random_mean_return": rnd_mean,
        "ratio": ratio,
        "z": min(z, 1e6),
        "training_episodes": len(returns),
        "last10_training_return": float(np.mean(returns[-10:])) if returns else 0.0,
        "network_parameters": int(params_count),
        "gradient_steps": len(losses),
    }

    def draw_curve(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ax.plot(np.arange(1, len(returns) + 1), returns, color="#1f77b4", alpha=0.4, linewidth=0.8)
        window = 10
        if len(returns) >= window:
            smooth = np.convolve(returns, np.ones(window) / window, mode="valid")
            ax.plot(
                np.arange(window, len(returns) + 1),
                smooth,
                color="#1f77b4",
                label="gleitender Mittelwert (10)" if lang == "de" else "moving mean (10)",
            )
        ax.axhline(
            rnd_mean,
            color="#d62728",
            linestyle=":",
            label="Zufallspolitik" if lang == "de" else "random policy",
        )
        ax.set_xlabel("Trainingsepisode" if lang == "de" else "training episode")
        ax.set_ylabel("Return")
        ax.legend(loc="upper left")

    def draw_eval(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ax.boxplot([random_returns, dqn_returns])
        ax.set_xticks([1, 2], ["Zufall" if lang == "de" else "random", "DQN (greedy)"])
        ax.set_ylabel(
            "Return pro Episode (max. 500)" if lang == "de" else "return per episode (max 500)"
        )

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"After {total_steps} environment steps ({len(losses)} gradient steps) the greedy "
            f"policy of the Q-network averages {dqn_mean:.1f} over {eval_episodes} fresh "
            f"episodes, {ratio:.1f} times the random policy's {rnd_mean:.1f} (z = {z:.1f}). "
            "The state is four real numbers, so a Q-table could only exist after coarse "
            f"discretisation; the network ({params_count} weights) takes the state as "
            "input and outputs one Q-value per action. Replay breaks the correlation between "
            "consecutive samples, and the target network keeps the regression target from "
            "chasing itself.",
            f"Nach {total_steps} Umgebungsschritten ({len(losses)} Gradientenschritten) erreicht "
            f"die gierige Politik des Q-Netzes im Mittel {de_num(dqn_mean, '.1f')} über "
            f"{eval_episodes} neue Episoden, das {de_num(ratio, '.1f')}-Fache der Zufallspolitik "
            f"mit {de_num(rnd_mean, '.1f')} (z = {de_num(z, '.1f')}). Der Zustand besteht aus vier "
            "reellen Zahlen, eine Q-Tabelle gäbe es nur nach grober Diskretisierung; das Netz "
            "({params_count} Gewichte) bekommt den Zustand als Eingabe und gibt für jede Aktion "
            "einen Q-Wert aus. Experience Replay bricht die Korrelation aufeinanderfolgender "
            "Beispiele, und das Zielnetz verhindert, dass das Regressionsziel sich selbst "
            "hinterherläuft.",
        ),
        tables=[
            Table(
                text("Evaluation on fresh episodes", "Auswertung auf neuen Episoden"),
                ("policy", "mean return", "std", "min", "max"),
                tuple(
                    (
                        name,
                        round(float(np.mean(v)), 2),
                        round(float(np.std(v)), 2),
                        float(np.min(v)),
                        float(np.max(v)),
                    )
                    for name, v in (("random", random_returns), ("DQN greedy", dqn_returns))
                ),
            ),
        ],
        plots=[
            Plot(
                "training",
                text("Returns while training", "Returns während des Trainings"),
                draw_curve,
            ),
            Plot(
                "evaluation",
                text("Evaluation returns", "Returns der Auswertung"),
                draw_eval,
                size=(4.8, 4.0),
            ),
        ],
    )


LAB = Lab(
    id="dqn",
    title=text("Deep Q-network on CartPole", "Deep-Q-Netz für CartPole"),
    claim=text(
        "A small deep Q-network with experience replay and a target network learns, on a "
        "small CPU budget, a CartPole policy that clearly beats acting at random.",
        "Ein kleines Deep-Q-Netz mit Experience Replay und Zielnetz lernt mit wenig "
        "Rechenzeit auf der CPU eine CartPole-Politik, die zufälliges Handeln deutlich "
        "übertrifft.",
    ),
    cards=("deep-q-learning",),
    params=(
        Param(
            "total_steps", "int", 20000, text("Environment steps", "Umgebungsschritte"), 500, 100000
        ),
        Param(
            "hidden",
            "int",
            64,
            text("Hidden units per layer", "Verborgene Einheiten pro Schicht"),
            8,
            512,
        ),
        Param(
            "learning_rate",
            "float",
            1e-3,
            text("Adam learning rate", "Lernrate (Adam)"),
            1e-5,
            1e-1,
        ),
        Param(
            "train_every",
            "int",
            4,
            text("Environment steps per gradient step", "Umgebungsschritte pro Gradientenschritt"),
            1,
            64,
        ),
        Param(
            "target_every",
            "int",
            500,
            text("Steps between target-network copies", "Schritte zwischen Kopien ins Zielnetz"),
            1,
            20000,
        ),
        Param(
            "replay_size",
            "int",
            50000,
            text(
                "Replay buffer size (64 = almost no replay)",
                "Größe des Replay-Puffers (64 = kaum Replay)",
            ),
            64,
            200000,
        ),
        Param(
            "eval_episodes", "int", 20, text("Evaluation episodes", "Auswertungsepisoden"), 3, 200
        ),
    ),
    run_fn=run,
    needs_torch=True,
)
