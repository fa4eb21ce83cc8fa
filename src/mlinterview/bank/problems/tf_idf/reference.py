"""Reference TF-IDF: raw counts times smoothed idf, each document row scaled to unit L2 norm."""

import numpy as np


def tf_idf(docs: list) -> np.ndarray:
    """Sorted vocabulary, idf = ln((1 + n) / (1 + df)) + 1, empty documents stay all zero."""
    vocab = sorted({token for doc in docs for token in doc})
    column = {token: j for j, token in enumerate(vocab)}
    counts = np.zeros((len(docs), len(vocab)))
    for i, doc in enumerate(docs):
        for token in doc:
            counts[i, column[token]] += 1.0
    df = (counts > 0).sum(axis=0)  # documents containing the term, not occurrences
    idf = np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    weights = counts * idf
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)
