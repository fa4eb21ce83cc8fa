"""Wrong: picks the final answer by average log-prob per generated token."""

import torch


def beam_search(
    log_probs: torch.Tensor, start_token: int, eos_token: int, beam_width: int, max_len: int
) -> dict[str, object]:
    """A length penalty the statement does not ask for: long sequences are favoured."""
    table = log_probs.tolist()
    vocab = len(table)
    beam: list[tuple[float, list[int]]] = [(0.0, [start_token])]
    for _ in range(max_len):
        if all(tokens[-1] == eos_token for _, tokens in beam):
            break
        candidates: list[tuple[float, list[int]]] = []
        for score, tokens in beam:
            if tokens[-1] == eos_token:
                candidates.append((score, tokens))
                continue
            row = table[tokens[-1]]
            candidates.extend((score + row[v], [*tokens, v]) for v in range(vocab))
        # Higher score first; on an exact tie the lexicographically smaller list first.
        candidates.sort(key=lambda c: (-c[0], c[1]))
        beam = candidates[:beam_width]
    score, tokens = max(beam, key=lambda c: c[0] / max(1, len(c[1]) - 1))
    return {"tokens": tokens, "score": score}
