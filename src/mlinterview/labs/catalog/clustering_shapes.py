"""k-means cuts non-convex clusters with a straight line; DBSCAN follows their density."""

from __future__ import annotations

from typing import Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

KMEANS_MAX_ARI = 0.5  # k-means must stay below this adjusted Rand index
DBSCAN_MIN_ARI = 0.9  # DBSCAN must reach at least this
EPS_SWEEP = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0)
BLOB_STD = 0.2
CLUSTERS = {"moons": 2, "circles": 2, "blobs": 3}
DATASET_DE = {
    "moons": "zwei ineinandergreifende Halbmonde",
    "circles": "zwei konzentrische Kreise",
    "blobs": "drei runde Gauß-Wolken",
}
DATASET_EN = {
    "moons": "two interleaved half-moons",
    "circles": "two concentric circles",
    "blobs": "three round Gaussian blobs",
}


def _data(dataset: str, n: int, noise: float, seed: int) -> tuple[Any, Any]:
    import numpy as np
    from sklearn.datasets import make_blobs, make_circles, make_moons

    if dataset == "moons":
        return make_moons(n_samples=n, noise=noise, random_state=seed)
    if dataset == "circles":
        return make_circles(n_samples=n, noise=noise, factor=0.5, random_state=seed)
    # Blobs on the same scale as the moons, so one eps suits all three data sets.
    centres = np.array([[-1.0, 0.0], [1.0, 0.0], [0.0, 1.6]])
    return make_blobs(n_samples=n, centers=centres, cluster_std=BLOB_STD, random_state=seed)


def run(
    *,
    dataset: str,
    n_samples: int,
    noise: float,
    eps: float,
    min_samples: int,
    draws: int,
    seed: int,
) -> Outcome:
    import numpy as np
    from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans
    from sklearn.metrics import adjusted_rand_score
    from sklearn.mixture import GaussianMixture

    k = CLUSTERS[dataset]
    methods = ("k-means", "Gaussian mixture", "single linkage", "DBSCAN")
    ari: dict[str, list[float]] = {m: [] for m in methods}
    found: dict[str, list[int]] = {m: [] for m in methods}
    noise_share: list[float] = []
    sweep: dict[float, list[tuple[float, int, float]]] = {e: [] for e in EPS_SWEEP}
    shown: dict[str, Any] = {}
    for draw_index in range(draws):
        X, y = _data(dataset, n_samples, noise, seed + draw_index)
        labels = {
            "k-means": KMeans(k, n_init=10, random_state=seed).fit_predict(X),
            "Gaussian mixture": GaussianMixture(
                k, covariance_type="full", n_init=3, random_state=seed
            ).fit_predict(X),
            "single linkage": AgglomerativeClustering(k, linkage="single").fit_predict(X),
            "DBSCAN": DBSCAN(eps=eps, min_samples=min_samples).fit_predict(X),
        }
        for m, lab in labels.items():
            ari[m].append(float(adjusted_rand_score(y, lab)))
            found[m].append(len(set(lab.tolist()) - {-1}))
        noise_share.append(float(np.mean(labels["DBSCAN"] == -1)))
        for e in EPS_SWEEP:
            lab = DBSCAN(eps=e, min_samples=min_samples).fit_predict(X)
            sweep[e].append(
                (
                    float(adjusted_rand_score(y, lab)),
                    len(set(lab.tolist()) - {-1}),
                    float(np.mean(lab == -1)),
                )
            )
        if draw_index == 0:
            shown = {"X": X, "k-means": labels["k-means"], "DBSCAN": labels["DBSCAN"]}

    mean_ari = {m: float(np.mean(v)) for m, v in ari.items()}
    clusters = {m: float(np.mean(v)) for m, v in found.items()}
    dbscan_noise = float(np.mean(noise_share))
    sweep_mean = {
        e: tuple(float(np.mean(col)) for col in zip(*v, strict=True)) for e, v in sweep.items()
    }
    km, db = mean_ari["k-means"], mean_ari["DBSCAN"]
    # For the text: two decimals, and no "-0.00" (the ARI can dip just below zero).
    two = {m: round(v, 2) + 0.0 for m, v in mean_ari.items()}
    if dataset == "blobs":
        spread_en = f"standard deviation {BLOB_STD:g} each"
        spread_de = f"Standardabweichung je {de_num(BLOB_STD, 'g')}"
    else:
        spread_en, spread_de = f"noise {noise:g}", f"Rauschen {de_num(noise, 'g')}"
    supported = km < KMEANS_MAX_ARI and db >= DBSCAN_MIN_ARI
    good_eps = [e for e, (a, _, _) in sweep_mean.items() if a >= DBSCAN_MIN_ARI]
    metrics: dict[str, Any] = {
        "true_clusters": k,
        "kmeans_ari": km,
        "gmm_ari": mean_ari["Gaussian mixture"],
        "single_linkage_ari": mean_ari["single linkage"],
        "dbscan_ari": db,
        "dbscan_clusters": clusters["DBSCAN"],
        "dbscan_noise_share": dbscan_noise,
        "eps_working_min": min(good_eps) if good_eps else 0.0,
        "eps_working_max": max(good_eps) if good_eps else 0.0,
        **{f"dbscan_ari_eps_{e:g}": v[0] for e, v in sweep_mean.items()},
        **{f"dbscan_clusters_eps_{e:g}": v[1] for e, v in sweep_mean.items()},
    }
    rows = (
        ("k-means", f"k = {k}", clusters["k-means"], 0.0, km),
        (
            "Gaussian mixture",
            f"k = {k}, full covariance",
            clusters["Gaussian mixture"],
            0.0,
            mean_ari["Gaussian mixture"],
        ),
        ("single linkage", f"k = {k}", clusters["single linkage"], 0.0, mean_ari["single linkage"]),
        (
            "DBSCAN",
            f"eps = {eps:g}, min_samples = {min_samples}",
            clusters["DBSCAN"],
            dbscan_noise,
            db,
        ),
        *(("DBSCAN", f"eps = {e:g}", v[1], v[2], v[0]) for e, v in sweep_mean.items() if e != eps),
    )

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax1, ax2, ax3 = fig.subplots(1, 3)
        X = shown["X"]
        for ax, name in ((ax1, "k-means"), (ax2, "DBSCAN")):
            lab = shown[name]
            core = lab >= 0
            ax.scatter(X[core, 0], X[core, 1], c=lab[core], cmap="tab10", s=6, vmin=0, vmax=9)
            ax.scatter(X[~core, 0], X[~core, 1], c="black", marker="x", s=8)
            ax.set_title(f"{name}: ARI {ari[name][0]:.2f}".replace(".", "," if de else "."))
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_aspect("equal")
        eps_values = list(sweep_mean)
        ax3.plot(eps_values, [sweep_mean[e][0] for e in eps_values], marker="o", color="#1f77b4")
        ax3.axhline(km, color="#d62728", ls="--", label="k-means")
        ax3.axvline(eps, color="grey", ls=":")
        ax3.set_xscale("log")
        ax3.set_xlabel("eps")
        ax3.set_ylabel("ARI (DBSCAN)")
        ax3.set_ylim(-0.05, 1.05)
        ax3.legend(fontsize="small")

    lo, hi = (min(good_eps), max(good_eps)) if good_eps else (0.0, 0.0)
    if not good_eps:
        range_en, range_de = "no eps in the sweep works", "kein eps im Durchlauf funktioniert"
    elif lo == hi:
        range_en = f"in the sweep only eps = {lo:g} works"
        range_de = f"im Durchlauf funktioniert nur eps = {de_num(lo, 'g')}"
    else:
        range_en = f"in the sweep eps from {lo:g} to {hi:g} works"
        range_de = f"im Durchlauf funktionieren Werte von {de_num(lo, 'g')} bis {de_num(hi, 'g')}"
    if dbscan_noise > 0.5:
        failure_en = "declares most points noise"
        failure_de = "erklärt DBSCAN die meisten Punkte zu Rauschen"
    elif clusters["DBSCAN"] > k:
        failure_en = (
            f"splits the data into {clusters['DBSCAN']:.0f} clusters and leaves "
            f"{100 * dbscan_noise:.0f} % of the points as noise"
        )
        failure_de = (
            f"zerlegt DBSCAN die Daten in {de_num(clusters['DBSCAN'], '.0f')} Cluster und lässt "
            f"{de_num(100 * dbscan_noise, '.0f')} % der Punkte als Rauschen übrig"
        )
    else:
        failure_en = "joins clusters that it should keep apart"
        failure_de = "verbindet DBSCAN Cluster, die getrennt bleiben sollten"
    if supported:
        verdict_en = (
            "k-means assigns each point to the nearest centroid, so its clusters are convex "
            "cells split by straight lines, whatever the data's shape; DBSCAN grows clusters "
            "through dense neighbourhoods and can follow curved shapes, but only for an eps "
            f"that fits the density ({range_en})."
        )
        verdict_de = (
            "k-means ordnet jeden Punkt dem nächsten Zentroid zu, seine Cluster sind also "
            "konvexe Zellen mit geraden Grenzen, egal welche Form die Daten haben; DBSCAN "
            "lässt Cluster über dichte Nachbarschaften wachsen und folgt gekrümmten Formen, "
            f"aber nur mit einem eps, das zur Dichte passt ({range_de})."
        )
    elif km >= KMEANS_MAX_ARI:
        verdict_en = (
            "Not supported here: these clusters are convex and k-means, given the right k, "
            "finds them; its straight-line boundaries only hurt on curved shapes."
        )
        verdict_de = (
            "Hier nicht bestätigt: Diese Cluster sind konvex, und k-means findet sie mit dem "
            "richtigen k; seine geraden Grenzen schaden nur bei gekrümmten Formen."
        )
    else:
        verdict_en = (
            f"Not supported here: with eps = {eps:g} DBSCAN {failure_en}; it is only as good "
            f"as its eps ({range_en})."
        )
        verdict_de = (
            f"Hier nicht bestätigt: Mit eps = {de_num(eps, 'g')} {failure_de}; es ist nur so "
            f"gut wie sein eps ({range_de})."
        )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"{draws} draws of {n_samples} points forming {DATASET_EN[dataset]} "
            f"({spread_en}). Adjusted Rand index against the true grouping (1 = perfect, 0 = "
            f"chance): k-means with the true k = {k} reaches {two['k-means']:.2f}, a "
            f"Gaussian mixture {two['Gaussian mixture']:.2f}, single-linkage clustering "
            f"{two['single linkage']:.2f}, DBSCAN (eps = {eps:g}, min_samples = "
            f"{min_samples}) {two['DBSCAN']:.2f} with {clusters['DBSCAN']:.1f} clusters and "
            f"{100 * dbscan_noise:.1f} % of points left as noise. " + verdict_en,
            f"{draws} Ziehungen von {n_samples} Punkten, die {DATASET_DE[dataset]} bilden "
            f"({spread_de}). Bereinigter Rand-Index gegenüber der wahren "
            f"Gruppierung (1 = perfekt, 0 = Zufall): k-means mit dem wahren k = {k} erreicht "
            f"{de_num(two['k-means'], '.2f')}, ein Gaußsches Mischmodell "
            f"{de_num(two['Gaussian mixture'], '.2f')}, Single-Linkage-Clustering "
            f"{de_num(two['single linkage'], '.2f')}, DBSCAN (eps = {de_num(eps, 'g')}, "
            f"min_samples = {min_samples}) {de_num(two['DBSCAN'], '.2f')} mit "
            f"{de_num(clusters['DBSCAN'], '.1f')} Clustern und "
            f"{de_num(100 * dbscan_noise, '.1f')} % der Punkte als Rauschen. " + verdict_de,
        ),
        tables=[
            Table(
                text(
                    f"Clusterings against the true grouping (mean of {draws} draws)",
                    f"Clusterings im Vergleich zur wahren Gruppierung (Mittel über {draws} "
                    "Ziehungen)",
                ),
                ("method", "setting", "clusters found", "noise share", "adjusted Rand index"),
                rows,
            )
        ],
        plots=[
            Plot(
                "clusters",
                text(
                    "k-means and DBSCAN on the first draw, and DBSCAN's ARI by eps",
                    "k-means und DBSCAN auf der ersten Ziehung und ARI von DBSCAN nach eps",
                ),
                draw,
                size=(10.0, 3.6),
            )
        ],
    )


LAB = Lab(
    id="clustering_shapes",
    title=text("Cluster shapes: k-means vs DBSCAN", "Clusterformen: k-means vs. DBSCAN"),
    claim=text(
        "On two interleaved half-moons, k-means with the right k = 2 cuts straight across "
        "them (adjusted Rand index below 0.5), while DBSCAN with eps = 0.2 recovers both "
        "(adjusted Rand index at least 0.9).",
        "Auf zwei ineinandergreifenden Halbmonden schneidet k-means mit dem richtigen k = 2 "
        "gerade durch sie hindurch (bereinigter Rand-Index unter 0,5), während DBSCAN mit "
        "eps = 0,2 beide wiederfindet (bereinigter Rand-Index mindestens 0,9).",
    ),
    cards=("k-means-clustering", "dbscan"),
    params=(
        Param(
            "dataset",
            "choice",
            "moons",
            text(
                "Data: moons, circles or blobs (convex)",
                "Daten: moons, circles oder blobs (konvex)",
            ),
            choices=("moons", "circles", "blobs"),
        ),
        Param("n_samples", "int", 600, text("Points per draw", "Punkte je Ziehung"), 50, 5000),
        Param(
            "noise",
            "float",
            0.06,
            text(
                "Noise of moons and circles (standard deviation of the jitter)",
                "Rauschen bei moons und circles (Standardabweichung der Streuung)",
            ),
            0.0,
            0.3,
        ),
        Param(
            "eps",
            "float",
            0.2,
            text("DBSCAN eps (neighbourhood radius)", "DBSCAN-eps (Radius der Nachbarschaft)"),
            0.005,
            5.0,
        ),
        Param(
            "min_samples",
            "int",
            5,
            text(
                "DBSCAN min_samples (neighbours of a core point)",
                "DBSCAN-min_samples (Nachbarn eines Kernpunkts)",
            ),
            1,
            100,
        ),
        Param("draws", "int", 5, text("Data sets drawn", "Gezogene Datensätze"), 1, 50),
    ),
    run_fn=run,
)
