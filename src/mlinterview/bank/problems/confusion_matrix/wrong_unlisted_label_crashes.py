"""Wrong: looks every label up with list.index, so a label outside `labels` raises an error."""


def confusion_matrix(y_true: list, y_pred: list, labels: list) -> list[list[int]]:
    matrix = [[0] * len(labels) for _ in labels]
    for t, p in zip(y_true, y_pred, strict=True):
        matrix[labels.index(t)][labels.index(p)] += 1
    return matrix
