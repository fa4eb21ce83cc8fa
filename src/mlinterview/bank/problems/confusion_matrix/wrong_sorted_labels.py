"""Wrong: orders rows and columns by the sorted labels instead of the given label order."""


def confusion_matrix(y_true: list, y_pred: list, labels: list) -> list[list[int]]:
    ordered = sorted(labels)
    position = {label: i for i, label in enumerate(ordered)}
    matrix = [[0] * len(ordered) for _ in ordered]
    for t, p in zip(y_true, y_pred, strict=True):
        if t in position and p in position:
            matrix[position[t]][position[p]] += 1
    return matrix
