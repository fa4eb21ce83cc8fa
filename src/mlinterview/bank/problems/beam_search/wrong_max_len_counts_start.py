"""Wrong: counts the start token towards max_len, so it generates one token too few."""

import torch


def beam_search(
    log_probs: torch.Tensor, start_token: int, eos_token: int, beam_width: int, max_len: int
) -> dict[str, object]:
    """range(max_len - 1): the last allowed step never happens."""
    table = log_probs.tolist()
    vocab = len(table)
    beam: list[tuple[float, list[int]]] = [(0.0, [start_token])]
    for _ in range(max_len - 1):
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
    score, tokens = beam[0]
    return {"tokens": tokens, "score": score}
