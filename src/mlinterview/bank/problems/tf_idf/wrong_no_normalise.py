"""Wrong: returns the raw tf * idf weights without scaling each row to unit length."""

import numpy as np


def tf_idf(docs: list) -> np.ndarray:
    """Long documents get large vectors; the rows are not L2-normalised."""
    vocab = sorted({token for doc in docs for token in doc})
    column = {token: j for j, token in enumerate(vocab)}
    counts = np.zeros((len(docs), len(vocab)))
    for i, doc in enumerate(docs):
        for token in doc:
            counts[i, column[token]] += 1.0
    df = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    return counts * idf
