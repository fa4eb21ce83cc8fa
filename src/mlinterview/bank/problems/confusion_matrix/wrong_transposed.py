"""Wrong: puts predicted labels on the rows and true labels on the columns."""


def confusion_matrix(y_true: list, y_pred: list, labels: list) -> list[list[int]]:
    position = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for t, p in zip(y_true, y_pred, strict=True):
        if t in position and p in position:
            matrix[position[p]][position[t]] += 1
    return matrix
