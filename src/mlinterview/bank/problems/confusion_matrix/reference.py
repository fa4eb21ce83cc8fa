"""Reference: rows are true labels, columns predicted labels, in the caller's label order."""


def confusion_matrix(y_true: list, y_pred: list, labels: list) -> list[list[int]]:
    position = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for t, p in zip(y_true, y_pred, strict=True):
        # Pairs that mention a label outside `labels` are not counted anywhere.
        if t in position and p in position:
            matrix[position[t]][position[p]] += 1
    return matrix
