"""Supervised vs unsupervised: the same points, classified with labels and clustered without."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

MARGIN = 0.05  # accuracy the classifier must add over the best label-matched clustering


def _load(name: str, seed: int) -> tuple[Any, Any]:
    from sklearn import datasets as skd

    if name == "blobs":
        return skd.make_blobs(
            n_samples=600, centers=4, cluster_std=0.8, n_features=2, random_state=seed
        )
    X, y = getattr(skd, f"load_{name}")(return_X_y=True)
    return X, y


def run(*, dataset: str, seed: int) -> Outcome:
    import numpy as np
    from scipy.optimize import linear_sum_assignment
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import adjusted_rand_score, confusion_matrix
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = _load(dataset, seed)
    n_classes = len(np.unique(y))
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=seed)
    classifier = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    supervised = float(classifier.fit(X_tr, y_tr).score(X_te, y_te))

    # The clusterer never sees y; it is told only how many groups to find.
    scaler = StandardScaler().fit(X_tr)
    kmeans = KMeans(n_clusters=n_classes, n_init=10, random_state=seed).fit(scaler.transform(X_tr))
    clusters = kmeans.predict(scaler.transform(X_te))
    ari = float(adjusted_rand_score(y_te, clusters))
    # Most generous reading: match each cluster to one class so agreement is maximal.
    table = confusion_matrix(y_te, clusters, labels=range(n_classes))
    rows, cols = linear_sum_assignment(-table)
    matched = float(table[rows, cols].sum() / len(y_te))
    supervised_ari = float(adjusted_rand_score(y_te, classifier.predict(X_te)))
    supported = supervised >= matched + MARGIN
    metrics = {
        "n_classes": n_classes,
        "supervised_accuracy": supervised,
        "supervised_ari": supervised_ari,
        "clustering_ari": ari,
        "clustering_matched_accuracy": matched,
        "accuracy_gap": supervised - matched,
    }
    projection = PCA(2, random_state=seed).fit(scaler.transform(X_tr))
    points = projection.transform(scaler.transform(X_te))
    predicted = classifier.predict(X_te)

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        axes = fig.subplots(1, 3, sharex=True, sharey=True)
        titles = (
            ("wahre Klassen" if de else "true classes", y_te),
            ("Klassifikator" if de else "classifier", predicted),
            ("k-Means-Cluster" if de else "k-means clusters", clusters),
        )
        for ax, (title, colour) in zip(axes, titles, strict=True):
            ax.scatter(points[:, 0], points[:, 1], c=colour, cmap="tab10", s=8)
            ax.set_title(title)
            ax.set_xticks([])
            ax.set_yticks([])

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"On {dataset}, the classifier trained with labels reaches accuracy "
            f"{supervised:.3f}. k-means with {n_classes} clusters, never shown a label, "
            f"agrees with the classes at ARI {ari:.3f}; even matching each cluster to its best "
            f"class gives only {matched:.3f}. "
            + (
                "Without labels nothing says which grouping is wanted, and the clusters follow "
                "the geometry of the data, not the target."
                if supported
                else "Here the classes are compact, well separated groups, so clustering "
                "recovers them nearly as well: the claim does not hold for such data."
            ),
            f"Auf {dataset} erreicht der mit Labels trainierte Klassifikator eine Accuracy von "
            f"{de_num(supervised)}. k-Means mit {n_classes} Clustern, das nie ein Label sieht, "
            f"stimmt mit den Klassen bei einem ARI von {de_num(ari)} überein; selbst wenn jeder "
            f"Cluster seiner besten Klasse zugeordnet wird, ergibt das nur {de_num(matched)}. "
            + (
                "Ohne Labels sagt nichts, welche Gruppierung gemeint ist, und die Cluster folgen "
                "der Geometrie der Daten, nicht der Zielgröße."
                if supported
                else "Hier sind die Klassen kompakte, gut getrennte Gruppen, die das Clustering "
                "fast genauso gut findet: Für solche Daten gilt die Behauptung nicht."
            ),
        ),
        tables=[
            Table(
                text("Same test points, two tasks", "Dieselben Testpunkte, zwei Aufgaben"),
                ("method", "uses labels", "accuracy (matched)", "adjusted Rand index"),
                (
                    ("logistic regression", "yes", supervised, supervised_ari),
                    ("k-means", "no", matched, ari),
                ),
            )
        ],
        plots=[
            Plot(
                "projection",
                text(
                    "Classes, predictions and clusters (PCA view)",
                    "Klassen, Vorhersagen und Cluster (PCA-Ansicht)",
                ),
                draw,
                size=(9.0, 3.2),
            )
        ],
    )


LAB = Lab(
    id="supervised_vs_unsupervised",
    title=text("Supervised vs unsupervised learning", "Überwachtes und unüberwachtes Lernen"),
    claim=text(
        "On the same data, a classifier trained with labels predicts the classes clearly "
        "better (at least 5 points) than clustering without labels, even when each cluster is "
        "matched to its best class.",
        "Auf denselben Daten sagt ein mit Labels trainierter Klassifikator die Klassen deutlich "
        "besser voraus (mindestens 5 Prozentpunkte) als ein Clustering ohne Labels, selbst "
        "wenn jeder Cluster seiner besten Klasse zugeordnet wird.",
    ),
    cards=("supervised-vs-unsupervised",),
    params=(
        Param(
            "dataset",
            "choice",
            "digits",
            text(
                "digits, wine, iris, or blobs (compact, well-separated groups)",
                "digits, wine, iris oder blobs (kompakte, gut getrennte Gruppen)",
            ),
            choices=("digits", "wine", "iris", "blobs"),
        ),
    ),
    run_fn=run,
)
