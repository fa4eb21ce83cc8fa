"""Wrong: document frequency counts every occurrence of a term instead of the documents with it."""

import numpy as np


def tf_idf(docs: list) -> np.ndarray:
    """counts.sum(axis=0) as df: a term repeated in one document looks common."""
    vocab = sorted({token for doc in docs for token in doc})
    column = {token: j for j, token in enumerate(vocab)}
    counts = np.zeros((len(docs), len(vocab)))
    for i, doc in enumerate(docs):
        for token in doc:
            counts[i, column[token]] += 1.0
    df = counts.sum(axis=0)
    idf = np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    weights = counts * idf
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)
