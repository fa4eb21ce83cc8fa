"""Wrong: uses the unsmoothed idf ln(n / df), so a term in every document gets weight 0."""

import numpy as np


def tf_idf(docs: list) -> np.ndarray:
    """The textbook idf without the +1 terms that this (sklearn-style) variant specifies."""
    vocab = sorted({token for doc in docs for token in doc})
    column = {token: j for j, token in enumerate(vocab)}
    counts = np.zeros((len(docs), len(vocab)))
    for i, doc in enumerate(docs):
        for token in doc:
            counts[i, column[token]] += 1.0
    df = (counts > 0).sum(axis=0)
    idf = np.log(len(docs) / df)
    weights = counts * idf
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)
