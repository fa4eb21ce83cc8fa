"""Reference: count TP/FP/FN for the positive label; every 0/0 is defined as 0.0."""


def _ratio(num: int | float, den: int | float) -> float:
    return num / den if den else 0.0


def precision_recall_f1(y_true: list, y_pred: list, positive: object) -> dict[str, float]:
    tp = fp = fn = 0
    for t, p in zip(y_true, y_pred, strict=True):
        if p == positive and t == positive:
            tp += 1
        elif p == positive:
            fp += 1
        elif t == positive:
            fn += 1
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    # Harmonic mean; 2TP / (2TP + FP + FN) gives the same value and the same zero rule.
    f1 = _ratio(2 * precision * recall, precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1}
