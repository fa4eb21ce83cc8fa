"""Wrong: treats eos like any other token and keeps extending finished hypotheses."""

import torch


def beam_search(
    log_probs: torch.Tensor, start_token: int, eos_token: int, beam_width: int, max_len: int
) -> dict[str, object]:
    """A sequence that ended keeps paying log-probs after its eos, so it loses to longer ones."""
    table = log_probs.tolist()
    vocab = len(table)
    beam: list[tuple[float, list[int]]] = [(0.0, [start_token])]
    for _ in range(max_len):
        candidates: list[tuple[float, list[int]]] = []
        for score, tokens in beam:
            row = table[tokens[-1]]
            candidates.extend((score + row[v], [*tokens, v]) for v in range(vocab))
        # Higher score first; on an exact tie the lexicographically smaller list first.
        candidates.sort(key=lambda c: (-c[0], c[1]))
        beam = candidates[:beam_width]
    score, tokens = beam[0]
    return {"tokens": tokens, "score": score}
