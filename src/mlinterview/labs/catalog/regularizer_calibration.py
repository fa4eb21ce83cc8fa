"""Dropout and label smoothing on calibration: how far confidence is from accuracy.

A 6-class task with 10 % label noise (scikit-learn's ``make_classification``, seeded) has
only a few hundred training examples. The same MLP (two hidden layers of 256 units) is
trained with Adam three times per seed: without regularisation, with dropout, and with
label smoothing, each for the same number of epochs. An unregularised net trained that
long fits every training label, noise included, and pushes its softmax towards one-hot:
it is overconfident on new data. The lab measures on 3000 held-out examples the
accuracy, the mean confidence (largest softmax probability), the expected calibration
error (ECE: the gap between confidence and accuracy, averaged over 15 confidence bins,
weighted by bin size) and the negative log-likelihood (NLL). PyTorch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import torch

FEATURES = 20
CLASSES = 6
WIDTH = 256
TEST = 3000
BATCH = 64
BINS = 15
OVERCONFIDENT = 0.10  # plain net: mean confidence above accuracy by at least this
ECE_FACTOR = 0.6  # each regulariser must bring ECE down to at most this share of plain
VARIANTS = ("plain", "dropout", "label_smoothing")
LABELS = {
    "plain": ("no regularisation", "ohne Regularisierung"),
    "dropout": ("dropout", "Dropout"),
    "label_smoothing": ("label smoothing", "Label Smoothing"),
}
COLORS = {"plain": "#d62728", "dropout": "#2ca02c", "label_smoothing": "#1f77b4"}


def make_data(n_train: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """The same noisy task for every run; the first ``n_train`` rows train."""
    import torch
    from sklearn.datasets import make_classification

    x, y = make_classification(
        n_samples=n_train + TEST,
        n_features=FEATURES,
        n_informative=12,
        n_redundant=0,
        n_classes=CLASSES,
        n_clusters_per_class=2,
        flip_y=0.1,
        class_sep=1.0,
        random_state=7,
    )
    xt = torch.tensor(x, dtype=torch.float32)
    yt = torch.tensor(y, dtype=torch.long)
    return xt[:n_train], yt[:n_train], xt[n_train:], yt[n_train:]


def calibration(probs: torch.Tensor, y: torch.Tensor) -> dict[str, Any]:
    """ECE over equal-width confidence bins, plus the per-bin numbers for the diagram."""
    import torch

    conf, pred = probs.max(dim=1)
    hit = (pred == y).float()
    edges = torch.linspace(0.0, 1.0, BINS + 1)
    ece = 0.0
    bins = []
    for i in range(BINS):
        mask = (conf > edges[i]) & (conf <= edges[i + 1])
        if mask.any():
            share = float(mask.float().mean())
            acc, c = float(hit[mask].mean()), float(conf[mask].mean())
            ece += share * abs(acc - c)
            bins.append((c, acc, share))
    return {
        "ece": ece,
        "accuracy": float(hit.mean()),
        "confidence": float(conf.mean()),
        "bins": bins,
    }


def make_net(dropout: float) -> torch.nn.Sequential:
    import torch

    return torch.nn.Sequential(
        torch.nn.Linear(FEATURES, WIDTH),
        torch.nn.ReLU(),
        torch.nn.Dropout(dropout),
        torch.nn.Linear(WIDTH, WIDTH),
        torch.nn.ReLU(),
        torch.nn.Dropout(dropout),
        torch.nn.Linear(WIDTH, CLASSES),
    )


def train(
    data: tuple[torch.Tensor, ...], dropout: float, smoothing: float, epochs: int, seed: int
) -> dict[str, Any]:
    import torch

    x, y, x_test, y_test = data
    torch.manual_seed(seed)
    model = make_net(dropout)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    gen = torch.Generator().manual_seed(seed)
    n = len(x)
    model.train()
    for _ in range(epochs):
        order = torch.randperm(n, generator=gen)
        for i in range(0, n, BATCH):
            idx = order[i : i + BATCH]
            loss = torch.nn.functional.cross_entropy(
                model(x[idx]), y[idx], label_smoothing=smoothing
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        logits = model(x_test)
        result = calibration(logits.softmax(dim=1), y_test)
        result["nll"] = float(torch.nn.functional.cross_entropy(logits, y_test))
        result["train_accuracy"] = float((model(x).argmax(dim=1) == y).float().mean())
    return result


def run(
    *, dropout: float, label_smoothing: float, epochs: int, n_train: int, runs: int, seed: int
) -> Outcome:
    import numpy as np

    data = make_data(n_train)
    settings = {
        "plain": (0.0, 0.0),
        "dropout": (dropout, 0.0),
        "label_smoothing": (0.0, label_smoothing),
    }
    seeds = [seed + r for r in range(runs)]
    res = {v: [train(data, d, s, epochs, sd) for sd in seeds] for v, (d, s) in settings.items()}

    def mean(variant: str, key: str) -> float:
        return float(np.mean([r[key] for r in res[variant]]))

    m = {
        v: {k: mean(v, k) for k in ("accuracy", "confidence", "ece", "nll", "train_accuracy")}
        for v in VARIANTS
    }
    plain = m["plain"]
    overconfidence = plain["confidence"] - plain["accuracy"]
    helps = {
        v: m[v]["ece"] <= ECE_FACTOR * plain["ece"] and m[v]["nll"] < plain["nll"]
        for v in ("dropout", "label_smoothing")
    }
    supported = overconfidence >= OVERCONFIDENT and all(helps.values())
    metrics: dict[str, Any] = {
        "plain_overconfidence": overconfidence,
        "plain_train_accuracy": plain["train_accuracy"],
    }
    for v in VARIANTS:
        for k in ("accuracy", "confidence", "ece", "nll"):
            metrics[f"{v}_{k}"] = m[v][k]
    for v in ("dropout", "label_smoothing"):
        metrics[f"{v}_ece_ratio"] = m[v]["ece"] / plain["ece"] if plain["ece"] > 0 else 1.0
    rows = tuple(
        (
            LABELS[v][0],
            {
                "plain": "–",
                "dropout": f"p = {dropout:g}",
                "label_smoothing": f"ε = {label_smoothing:g}",
            }[v],
            round(m[v]["train_accuracy"], 3),
            round(m[v]["accuracy"], 3),
            round(m[v]["confidence"], 3),
            round(m[v]["ece"], 3),
            round(m[v]["nll"], 3),
        )
        for v in VARIANTS
    )
    first = {v: res[v][0]["bins"] for v in VARIANTS}

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax = fig.add_subplot()
        ax.plot(
            [0, 1], [0, 1], color="#7f7f7f", linestyle=":", label="perfekt" if de else "perfect"
        )
        for v in VARIANTS:
            if not first[v]:
                continue
            conf, acc, share = zip(*first[v], strict=True)
            first_ece = float(res[v][0]["ece"])
            ece = de_num(first_ece) if de else f"{first_ece:.3f}"
            ax.plot(
                conf, acc, "o-", color=COLORS[v], label=f"{LABELS[v][1 if de else 0]} (ECE {ece})"
            )
            ax.scatter(conf, acc, s=[400 * s for s in share], color=COLORS[v], alpha=0.25)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xlabel(
            "Konfidenz (größte Softmax-Wahrscheinlichkeit)"
            if de
            else "confidence (largest softmax probability)"
        )
        ax.set_ylabel("Trefferquote im Bin" if de else "accuracy in the bin")
        ax.set_title(f"Seed {seed}", fontsize=9)
        ax.legend(loc="upper left", fontsize=8)

    seeds_en = "1 seed" if runs == 1 else f"mean of {runs} seeds"
    seeds_de = "1 Seed" if runs == 1 else f"Mittel über {runs} Seeds"
    over_en = "overconfident" if overconfidence >= OVERCONFIDENT else "not overconfident"
    over_de = "überkonfident" if overconfidence >= OVERCONFIDENT else "nicht überkonfident"
    en = [
        f"Test set of {TEST}, {seeds_en}, {epochs} epochs on {n_train} examples. Without "
        f"regularisation the net fits {plain['train_accuracy']:.0%} of its training labels "
        "(10% of them were replaced by random ones); on new data it is "
        f"{over_en}: mean confidence {plain['confidence']:.3f} against an accuracy of "
        f"{plain['accuracy']:.3f}, ECE {plain['ece']:.3f}, NLL {plain['nll']:.3f}."
    ]
    de = [
        f"Testmenge mit {TEST} Beispielen, {seeds_de}, {epochs} Epochen auf {n_train} "
        "Beispielen. Ohne Regularisierung trifft das Netz "
        f"{de_num(plain['train_accuracy'], '.0%')} seiner Trainingslabels (10% davon wurden "
        f"durch zufällige ersetzt); auf neuen Daten ist es {over_de}: mittlere Konfidenz "
        f"{de_num(plain['confidence'])} bei einer Accuracy von {de_num(plain['accuracy'])}, "
        f"ECE {de_num(plain['ece'])}, NLL {de_num(plain['nll'])}."
    ]
    d, ls = m["dropout"], m["label_smoothing"]
    en.append(
        f"Dropout (p = {dropout:g}): confidence {d['confidence']:.3f}, accuracy "
        f"{d['accuracy']:.3f}, ECE {d['ece']:.3f}, NLL {d['nll']:.3f}. Label smoothing "
        f"(ε = {label_smoothing:g}): confidence {ls['confidence']:.3f}, accuracy "
        f"{ls['accuracy']:.3f}, ECE {ls['ece']:.3f}, NLL {ls['nll']:.3f}."
    )
    de.append(
        f"Dropout (p = {de_num(dropout, 'g')}): Konfidenz {de_num(d['confidence'])}, Accuracy "
        f"{de_num(d['accuracy'])}, ECE {de_num(d['ece'])}, NLL {de_num(d['nll'])}. Label "
        f"Smoothing (ε = {de_num(label_smoothing, 'g')}): Konfidenz "
        f"{de_num(ls['confidence'])}, Accuracy {de_num(ls['accuracy'])}, ECE "
        f"{de_num(ls['ece'])}, NLL {de_num(ls['nll'])}."
    )
    if supported:
        en.append(
            "Both regularisers bring the confidence down towards the accuracy: ECE falls to "
            f"{metrics['dropout_ece_ratio']:.0%} (dropout) and "
            f"{metrics['label_smoothing_ece_ratio']:.0%} (label smoothing) of the plain net's, "
            "and the NLL drops with it. Dropout averages over thinned sub-networks; label "
            "smoothing caps the target probability at 1 − ε + ε/K, so the logits stop growing."
        )
        de.append(
            "Beide Regularisierer ziehen die Konfidenz zur Accuracy hin: Der ECE sinkt auf "
            f"{de_num(metrics['dropout_ece_ratio'], '.0%')} (Dropout) und "
            f"{de_num(metrics['label_smoothing_ece_ratio'], '.0%')} (Label Smoothing) des "
            "unregularisierten Netzes, die NLL sinkt mit. Dropout mittelt über ausgedünnte "
            "Teilnetze; Label Smoothing deckelt die Zielwahrscheinlichkeit bei 1 − ε + ε/K, "
            "die Logits wachsen also nicht weiter."
        )
    else:
        reasons_en, reasons_de = [], []
        if overconfidence < OVERCONFIDENT:
            reasons_en.append(
                f"the plain net is not overconfident here (confidence − accuracy = "
                f"{overconfidence:+.3f}, needs at least {OVERCONFIDENT})"
            )
            reasons_de.append(
                "das unregularisierte Netz ist hier nicht überkonfident (Konfidenz − Accuracy "
                f"= {de_num(overconfidence, '+.3f')}, verlangt mindestens "
                f"{de_num(OVERCONFIDENT, '.2f')})"
            )
        for v, ok in helps.items():
            if not ok:
                reasons_en.append(
                    f"{LABELS[v][0]} does not bring ECE below {ECE_FACTOR:.0%} of the plain "
                    "net's with a lower NLL"
                )
                reasons_de.append(
                    f"{LABELS[v][1]} drückt den ECE nicht unter {de_num(ECE_FACTOR, '.0%')} "
                    "des unregularisierten Netzes bei niedrigerer NLL"
                )
        en.append("The claim does not hold at these settings: " + "; ".join(reasons_en) + ".")
        de.append("Die Aussage gilt bei diesen Einstellungen nicht: " + "; ".join(reasons_de) + ".")
        under = [
            v
            for v in ("dropout", "label_smoothing")
            if m[v]["confidence"] < m[v]["accuracy"] - 0.02
        ]
        if overconfidence < OVERCONFIDENT and under:
            names_en = " and ".join(LABELS[v][0] for v in under)
            names_de = " und ".join(LABELS[v][1] for v in under)
            en.append(
                "A net that is not overconfident has nothing to gain: here "
                f"{names_en} even make{'s' if len(under) == 1 else ''} it underconfident "
                "(mean confidence below accuracy)."
            )
            de.append(
                "Ein Netz, das nicht überkonfident ist, hat nichts zu gewinnen: Hier "
                f"{'macht' if len(under) == 1 else 'machen'} {names_de} es sogar "
                "unterkonfident (mittlere Konfidenz unter der Accuracy)."
            )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(" ".join(en), " ".join(de).replace("%", " %")),
        tables=[
            Table(
                text("Calibration on the test set", "Kalibrierung auf der Testmenge"),
                (
                    "model",
                    "setting",
                    "train accuracy",
                    "test accuracy",
                    "mean confidence",
                    "ECE",
                    "NLL",
                ),
                rows,
            )
        ],
        plots=[
            Plot(
                "reliability",
                text("Reliability diagram", "Reliability-Diagramm"),
                draw,
                size=(5.6, 4.8),
            )
        ],
    )


LAB = Lab(
    id="regularizer_calibration",
    title=text(
        "Dropout and label smoothing against overconfidence",
        "Dropout und Label Smoothing gegen Überkonfidenz",
    ),
    claim=text(
        "A net trained until it fits its noisy training labels is overconfident on new data "
        "(mean confidence well above accuracy); training it with dropout or with label "
        "smoothing each lowers the expected calibration error and the test NLL.",
        "Ein Netz, das trainiert wird, bis es seine verrauschten Trainingslabels auswendig "
        "kann, ist auf neuen Daten überkonfident (mittlere Konfidenz deutlich über der "
        "Accuracy); Training mit Dropout oder mit Label Smoothing senkt jeweils den Expected "
        "Calibration Error und die Test-NLL.",
    ),
    cards=("dropout", "label-smoothing"),
    params=(
        Param("dropout", "float", 0.5, text("Dropout rate p", "Dropout-Rate p"), 0.0, 0.9),
        Param(
            "label_smoothing",
            "float",
            0.1,
            text("Label smoothing ε", "Label Smoothing ε"),
            0.0,
            0.9,
        ),
        Param("epochs", "int", 100, text("Training epochs", "Trainingsepochen"), 1, 1000),
        Param(
            "n_train",
            "int",
            600,
            text("Training examples", "Trainingsbeispiele"),
            100,
            5000,
        ),
        Param("runs", "int", 3, text("Seeds per model", "Seeds pro Modell"), 1, 10),
    ),
    run_fn=run,
    needs_torch=True,
)
