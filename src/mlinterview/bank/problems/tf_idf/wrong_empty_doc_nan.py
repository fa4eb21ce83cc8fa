"""Wrong: divides every row by its norm, so an empty document becomes 0/0 = NaN."""

import numpy as np


def tf_idf(docs: list) -> np.ndarray:
    """No guard for a zero-norm row."""
    vocab = sorted({token for doc in docs for token in doc})
    column = {token: j for j, token in enumerate(vocab)}
    counts = np.zeros((len(docs), len(vocab)))
    for i, doc in enumerate(docs):
        for token in doc:
            counts[i, column[token]] += 1.0
    df = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    weights = counts * idf
    with np.errstate(invalid="ignore"):
        return weights / np.linalg.norm(weights, axis=1, keepdims=True)
