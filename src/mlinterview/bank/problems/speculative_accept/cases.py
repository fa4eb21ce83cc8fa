"""Random target/draft pairs; the token is sampled from the draft as in real decoding."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Tokens the target rarely or never emits test accept and residual; one large vocabulary."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        vocab = 4_096 if i == 0 else int(rng.integers(2, 12))
        concentration = 0.3 if i % 3 == 0 else 1.0
        p = rng.dirichlet(np.full(vocab, concentration))
        q = rng.dirichlet(np.full(vocab, concentration))
        if i % 4 == 1:
            p[int(rng.integers(0, vocab))] = 0.0
            p = p / p.sum()
        token = int(rng.choice(vocab, p=q))
        u = float(np.round(rng.uniform(0.0, 0.999), 4))
        cases.append({"p_target": p.tolist(), "q_draft": q.tolist(), "token": token, "u": u})
    return cases
