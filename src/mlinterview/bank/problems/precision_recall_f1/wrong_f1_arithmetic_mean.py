"""Wrong: takes the arithmetic mean of precision and recall instead of the harmonic mean."""


def precision_recall_f1(y_true: list, y_pred: list, positive: object) -> dict[str, float]:
    pairs = list(zip(y_true, y_pred, strict=True))
    tp = sum(1 for t, p in pairs if t == positive and p == positive)
    predicted = sum(1 for _, p in pairs if p == positive)
    actual = sum(1 for t, _ in pairs if t == positive)
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    return {"precision": precision, "recall": recall, "f1": (precision + recall) / 2}
