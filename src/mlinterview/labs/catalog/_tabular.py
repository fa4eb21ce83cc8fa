"""Tabular TD learning shared by the RL labs (not a lab itself: the leading underscore
keeps the registry from loading it).

The agent sees only what the RL loop hands it: a state index, its own action, the reward
and the next state. Exploration draws from a seeded numpy generator, so a run is
reproducible; the environment is seeded once, on its first reset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import numpy as np

Algorithm = Literal["q_learning", "sarsa"]


@dataclass(frozen=True)
class TabularRun:
    """What one training run leaves behind: the Q-table and per-episode online returns."""

    q: np.ndarray
    returns: np.ndarray  # undiscounted online return of each training episode
    discounted: np.ndarray  # discounted return of each training episode
    steps: np.ndarray  # environment steps per episode
    successes: np.ndarray  # 1.0 when the episode ended in a positive terminal reward


class _Explorer:
    """ε-greedy with random tie-breaking; uniforms are drawn in blocks for speed."""

    def __init__(self, seed: int, n_actions: int) -> None:
        import numpy as np

        self._rng = np.random.default_rng(seed)
        self._buf: list[float] = []
        self.n_actions = n_actions

    def _u(self) -> float:
        if not self._buf:
            self._buf = self._rng.random(4096).tolist()
        return self._buf.pop()

    def act(self, q_row: list[float], epsilon: float) -> int:
        if epsilon > 0 and self._u() < epsilon:
            return int(self._u() * self.n_actions)
        best = max(q_row)
        ties = [a for a, v in enumerate(q_row) if v == best]
        if len(ties) == 1:
            return ties[0]
        return ties[int(self._u() * len(ties))]


def train(
    env: Any,
    algorithm: Algorithm,
    *,
    episodes: int,
    alpha: float,
    gamma: float,
    epsilon: float | tuple[float, float],
    seed: int,
    on_episode: Any = None,
) -> TabularRun:
    """Run ``episodes`` episodes of Q-learning or SARSA on a discrete gymnasium env.

    ``epsilon`` is a constant or a ``(start, end)`` pair decayed linearly over the first
    80 % of the episodes. ``on_episode(episode, q_table)`` is called after each episode
    (used to record learning curves).
    """
    import numpy as np

    n_states = int(env.observation_space.n)
    n_actions = int(env.action_space.n)
    q = [[0.0] * n_actions for _ in range(n_states)]
    explorer = _Explorer(seed, n_actions)
    returns = np.zeros(episodes)
    discounted = np.zeros(episodes)
    steps = np.zeros(episodes, dtype=int)
    successes = np.zeros(episodes)
    start_eps, end_eps = epsilon if isinstance(epsilon, tuple) else (epsilon, epsilon)
    decay_over = max(1, int(0.8 * episodes))
    for episode in range(episodes):
        frac = min(1.0, episode / decay_over)
        eps = start_eps + (end_eps - start_eps) * frac
        state, _ = env.reset(seed=seed if episode == 0 else None)
        action = explorer.act(q[state], eps)
        total, disc, factor, n = 0.0, 0.0, 1.0, 0
        while True:
            nxt, reward, terminated, truncated, _ = env.step(action)
            reward = float(reward)
            total += reward
            disc += factor * reward
            factor *= gamma
            n += 1
            next_action = explorer.act(q[nxt], eps)
            if terminated:
                target = reward
            elif algorithm == "sarsa":
                target = reward + gamma * q[nxt][next_action]
            else:
                target = reward + gamma * max(q[nxt])
            q[state][action] += alpha * (target - q[state][action])
            state, action = nxt, next_action
            if terminated or truncated:
                successes[episode] = 1.0 if terminated and reward > 0 else 0.0
                break
        returns[episode] = total
        discounted[episode] = disc
        steps[episode] = n
        if on_episode is not None:
            on_episode(episode, q)
    return TabularRun(
        q=np.array(q), returns=returns, discounted=discounted, steps=steps, successes=successes
    )


def greedy_policy(q: np.ndarray) -> np.ndarray:
    """argmax per state, lowest action index on ties (deterministic)."""
    import numpy as np

    return np.asarray(np.argmax(q, axis=1), dtype=int)


def transition_model(env: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The toy-text env's own model as arrays: P[s, a, s'], reward[s, a, s'], done[s, a, s'].

    Only used to *evaluate* learned policies exactly; the learners never see it.
    """
    import numpy as np

    model = env.unwrapped.P
    n_states = int(env.observation_space.n)
    n_actions = int(env.action_space.n)
    p = np.zeros((n_states, n_actions, n_states))
    r = np.zeros((n_states, n_actions, n_states))
    done = np.zeros((n_states, n_actions, n_states))
    for s in range(n_states):
        for a in range(n_actions):
            for prob, s2, reward, terminal in model[s][a]:
                p[s, a, s2] += prob
                r[s, a, s2] = reward
                if terminal:
                    done[s, a, s2] = 1.0
    return p, r, done


def policy_success(
    p: np.ndarray, r: np.ndarray, done: np.ndarray, policy: np.ndarray, horizon: int
) -> np.ndarray:
    """Exact probability, per start state, of ending in a rewarded terminal transition
    within ``horizon`` steps. ``policy`` is a state→action vector or a (state, action)
    probability matrix (e.g. uniform for the random policy)."""
    import numpy as np

    n_states, n_actions, _ = p.shape
    if policy.ndim == 1:
        probs = np.zeros((n_states, n_actions))
        probs[np.arange(n_states), policy] = 1.0
    else:
        probs = policy
    win = ((r > 0) & (done > 0)).astype(float)
    cont = 1.0 - done
    h = np.zeros(n_states)
    for _ in range(horizon):
        per_action = (p * (win + cont * h[None, None, :])).sum(axis=2)
        h = (probs * per_action).sum(axis=1)
    return np.asarray(h)


def value_iteration(
    p: np.ndarray, r: np.ndarray, done: np.ndarray, gamma: float, sweeps: int = 2000
) -> np.ndarray:
    """Optimal Q-values of the known model; the planning baseline learners are compared to."""
    import numpy as np

    n_states, n_actions, _ = p.shape
    q = np.zeros((n_states, n_actions))
    cont = 1.0 - done
    for _ in range(sweeps):
        v = q.max(axis=1)
        new = (p * (r + gamma * cont * v[None, None, :])).sum(axis=2)
        if np.max(np.abs(new - q)) < 1e-10:
            return new
        q = new
    return q
