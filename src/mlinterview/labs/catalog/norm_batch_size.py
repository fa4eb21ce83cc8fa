"""BatchNorm vs LayerNorm at a tiny batch size.

The same small MLP (two hidden layers of 48 units, each followed by a normalisation layer
and ReLU) is trained with Adam on a seeded synthetic 4-class task, once with BatchNorm and
once with LayerNorm, at a tiny and at an ordinary batch size, for the same number of
steps. Accuracy is measured in eval mode on held-out data, as a deployed model runs:
BatchNorm then uses its running mean and variance, LayerNorm normalises each example on
its own. PyTorch.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import torch

INPUTS = 20
CLASSES = 4
WIDTH = 48
TRAIN = 1024
TEST = 1024
BROKEN_GAP = 0.08  # LayerNorm ahead of BatchNorm by at least this at the small batch
FINE_GAP = 0.04  # and within this at the large batch
NORMS = ("batchnorm", "layernorm")


def make_data() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Labels from a random tanh teacher network: a smooth, non-linear 4-class task."""
    import torch

    gen = torch.Generator().manual_seed(5)
    x = torch.randn(TRAIN + TEST, INPUTS, generator=gen)
    w1 = torch.randn(INPUTS, 32, generator=gen) / math.sqrt(INPUTS)
    w2 = torch.randn(32, CLASSES, generator=gen) / math.sqrt(32)
    y = (torch.tanh(x @ w1) @ w2).argmax(dim=1)
    return x[:TRAIN], y[:TRAIN], x[TRAIN:], y[TRAIN:]


def make_net(norm: str) -> torch.nn.Sequential:
    import torch

    def layer() -> torch.nn.Module:
        return torch.nn.BatchNorm1d(WIDTH) if norm == "batchnorm" else torch.nn.LayerNorm(WIDTH)

    return torch.nn.Sequential(
        torch.nn.Linear(INPUTS, WIDTH),
        layer(),
        torch.nn.ReLU(),
        torch.nn.Linear(WIDTH, WIDTH),
        layer(),
        torch.nn.ReLU(),
        torch.nn.Linear(WIDTH, CLASSES),
    )


def train(norm: str, batch: int, steps: int, seed: int) -> dict[str, float]:
    """Train one net; returns eval-mode test accuracy and, for BatchNorm, the share of
    normalised training activations that are ±1 (what a batch of two always gives) and
    the test accuracy in train mode, on random test batches of the training batch size
    (the statistics the net was trained with instead of the running averages)."""
    import torch

    x, y, x_test, y_test = make_data()
    torch.manual_seed(seed)
    model = make_net(norm)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    gen = torch.Generator().manual_seed(seed)
    seen: list[torch.Tensor] = []

    def grab(_module: Any, inputs: tuple[torch.Tensor, ...], _out: Any) -> None:
        pre = inputs[0].detach()
        mean = pre.mean(dim=0, keepdim=True)
        var = pre.var(dim=0, unbiased=False, keepdim=True)
        seen.append((pre - mean) / torch.sqrt(var + 1e-5))

    hook = None
    model.train()
    for step in range(steps):
        idx = torch.randint(0, TRAIN, (batch,), generator=gen)
        if norm == "batchnorm" and step == steps - 50:  # sample the last 50 batches
            hook = model[1].register_forward_hook(grab)
        loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    if hook is not None:
        hook.remove()
    model.eval()
    with torch.no_grad():
        acc = float((model(x_test).argmax(dim=1) == y_test).float().mean())
        train_acc = float((model(x).argmax(dim=1) == y).float().mean())
    plus_minus_one = batch_stats_acc = float("nan")
    if seen:
        z = torch.cat(seen)
        plus_minus_one = float(((z.abs() - 1).abs() < 0.01).float().mean())
    if norm == "batchnorm":
        model.train()  # batch statistics again (this also moves the running averages)
        order = torch.randperm(TEST, generator=gen)
        usable = TEST - TEST % batch
        with torch.no_grad():
            hits = [
                model(x_test[order[i : i + batch]]).argmax(dim=1) == y_test[order[i : i + batch]]
                for i in range(0, usable, batch)
            ]
        batch_stats_acc = float(torch.cat(hits).float().mean())
    return {
        "test_accuracy": acc,
        "train_accuracy": train_acc,
        "plus_minus_one": plus_minus_one,
        "batch_stats_accuracy": batch_stats_acc,
    }


def run(*, small_batch: int, large_batch: int, steps: int, runs: int, seed: int) -> Outcome:
    import numpy as np

    if small_batch < 2:
        raise LabParameterError("small_batch must be at least 2 (BatchNorm needs two examples)")
    if small_batch > large_batch:
        raise LabParameterError(
            f"small_batch={small_batch} must not exceed large_batch={large_batch}"
        )
    seeds = [seed + r for r in range(runs)]
    res: dict[tuple[str, int], list[dict[str, float]]] = {}
    for batch in (small_batch, large_batch):
        for norm in NORMS:
            if (norm, batch) not in res:
                res[(norm, batch)] = [train(norm, batch, steps, s) for s in seeds]

    def mean(norm: str, batch: int, key: str = "test_accuracy") -> float:
        return float(np.mean([r[key] for r in res[(norm, batch)]]))

    bn_small, ln_small = mean("batchnorm", small_batch), mean("layernorm", small_batch)
    bn_large, ln_large = mean("batchnorm", large_batch), mean("layernorm", large_batch)
    gap_small, gap_large = ln_small - bn_small, ln_large - bn_large
    supported = gap_small >= BROKEN_GAP and abs(gap_large) <= FINE_GAP
    pm_one = mean("batchnorm", small_batch, "plus_minus_one")
    bn_batch_stats = mean("batchnorm", small_batch, "batch_stats_accuracy")
    majority = float(np.bincount(make_data()[3].numpy(), minlength=CLASSES).max() / TEST)
    metrics: dict[str, Any] = {
        "batchnorm_accuracy_small_batch": bn_small,
        "layernorm_accuracy_small_batch": ln_small,
        "batchnorm_accuracy_large_batch": bn_large,
        "layernorm_accuracy_large_batch": ln_large,
        "gap_small_batch": gap_small,
        "gap_large_batch": gap_large,
        "batchnorm_train_accuracy_small_batch": mean("batchnorm", small_batch, "train_accuracy"),
        "batchnorm_plus_minus_one_share_small_batch": pm_one,
        "batchnorm_batch_stats_accuracy_small_batch": bn_batch_stats,
        "majority_class_accuracy": majority,
    }
    rows = tuple(
        (
            batch,
            norm,
            round(mean(norm, batch), 3),
            round(float(np.min([r["test_accuracy"] for r in res[(norm, batch)]])), 3),
            round(float(np.max([r["test_accuracy"] for r in res[(norm, batch)]])), 3),
            round(mean(norm, batch, "train_accuracy"), 3),
        )
        for batch in dict.fromkeys((small_batch, large_batch))
        for norm in NORMS
    )

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax = fig.add_subplot()
        positions = np.arange(2)
        width = 0.35
        for k, (norm, color) in enumerate((("batchnorm", "#d62728"), ("layernorm", "#1f77b4"))):
            values = [mean(norm, small_batch), mean(norm, large_batch)]
            bars = ax.bar(
                positions + (k - 0.5) * width,
                values,
                width,
                color=color,
                label="BatchNorm" if norm == "batchnorm" else "LayerNorm",
            )
            for bar, v in zip(bars, values, strict=True):
                label = de_num(v, ".2f") if de else f"{v:.2f}"
                ax.text(bar.get_x() + bar.get_width() / 2, v + 0.01, label, ha="center")
            for j, batch in enumerate((small_batch, large_batch)):
                accs = [r["test_accuracy"] for r in res[(norm, batch)]]
                ax.scatter(
                    [positions[j] + (k - 0.5) * width] * len(accs),
                    accs,
                    color="black",
                    s=8,
                    zorder=3,
                )
        ax.axhline(
            majority,
            color="#7f7f7f",
            linestyle=":",
            label="häufigste Klasse" if de else "majority class",
        )
        ax.set_xticks(
            positions,
            [f"Batch Size {small_batch}", f"Batch Size {large_batch}"],
        )
        ax.set_ylim(0, 1.05)
        ax.set_ylabel("Testgenauigkeit (Eval-Modus)" if de else "test accuracy (eval mode)")
        ax.legend(loc="lower right")

    verdict_en = (
        "BatchNorm breaks at the small batch and is fine at the large one."
        if supported
        else "The measurement does not show BatchNorm breaking only at the small batch."
    )
    verdict_de = (
        "BatchNorm versagt bei der kleinen Batch Size und funktioniert bei der großen."
        if supported
        else "Die Messung zeigt nicht, dass BatchNorm nur bei der kleinen Batch Size versagt."
    )
    pm_en = pm_de = ""
    if small_batch == 2:
        pm_en = (
            " With two examples per batch, BatchNorm's normalised activations during training "
            f"are almost all ±1 ({pm_one:.0%} of them): each feature only says which of the two "
            "examples is larger, so the training signal is a comparison, not a measurement. "
            "Scored the way it was trained (batch statistics of random test pairs) the "
            f"BatchNorm net reaches {bn_batch_stats:.3f}; in eval mode the running averages "
            "feed the next layers continuous values they never saw in training."
        )
        pm_de = (
            " Mit zwei Beispielen pro Batch sind die normalisierten Aktivierungen von BatchNorm "
            f"im Training fast alle ±1 ({de_num(pm_one, '.0%')} davon): Jedes Feature sagt nur "
            "noch, welches der beiden Beispiele größer ist; das Trainingssignal ist ein "
            "Vergleich, keine Messung. So bewertet, wie es trainiert wurde (Batch-Statistiken "
            "zufälliger Testpaare), erreicht das BatchNorm-Netz "
            f"{de_num(bn_batch_stats)}; im Eval-Modus liefern die laufenden Mittelwerte den "
            "folgenden Schichten kontinuierliche Werte, die sie im Training nie gesehen haben."
        )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Test accuracy in eval mode, mean of {runs} seeds, {steps} steps each: at batch "
            f"size {small_batch} BatchNorm {bn_small:.3f}, LayerNorm {ln_small:.3f}; at batch "
            f"size {large_batch} BatchNorm {bn_large:.3f}, LayerNorm {ln_large:.3f} (always "
            f"predicting the majority class: {majority:.3f}). {verdict_en}{pm_en} LayerNorm "
            "normalises each example over its own features, so the batch size does not enter.",
            f"Testgenauigkeit im Eval-Modus, Mittel über {runs} Seeds mit je {steps} Schritten: "
            f"Bei Batch Size {small_batch} BatchNorm {de_num(bn_small)}, LayerNorm "
            f"{de_num(ln_small)}; bei Batch Size {large_batch} BatchNorm {de_num(bn_large)}, "
            f"LayerNorm {de_num(ln_large)} (immer die häufigste Klasse vorhersagen: "
            f"{de_num(majority)}). {verdict_de}{pm_de} LayerNorm normalisiert jedes Beispiel "
            "über seine eigenen Features, die Batch Size spielt also keine Rolle.".replace(
                "%", " %"
            ),
        ),
        tables=[
            Table(
                text("Test accuracy (eval mode)", "Testgenauigkeit (Eval-Modus)"),
                ("batch size", "normalisation", "mean", "min", "max", "train accuracy"),
                rows,
            )
        ],
        plots=[
            Plot(
                "accuracy",
                text(
                    "BatchNorm vs LayerNorm by batch size", "BatchNorm und LayerNorm je Batch Size"
                ),
                draw,
            )
        ],
    )


LAB = Lab(
    id="norm_batch_size",
    title=text(
        "BatchNorm vs LayerNorm at batch size 2",
        "BatchNorm und LayerNorm bei Batch Size 2",
    ),
    claim=text(
        "Trained with batch size 2, an MLP with BatchNorm is clearly less accurate in eval mode "
        "than the same MLP with LayerNorm; at batch size 64 the two are on par.",
        "Mit Batch Size 2 trainiert, ist ein MLP mit BatchNorm im Eval-Modus deutlich "
        "ungenauer als dasselbe MLP mit LayerNorm; bei Batch Size 64 liegen beide gleichauf.",
    ),
    cards=("normalization-layers",),
    params=(
        Param("small_batch", "int", 2, text("Small batch size", "Kleine Batch Size"), 2, 256),
        Param("large_batch", "int", 64, text("Large batch size", "Große Batch Size"), 2, 512),
        Param(
            "steps",
            "int",
            800,
            text("Training steps per run", "Trainingsschritte pro Lauf"),
            50,
            10000,
        ),
        Param("runs", "int", 3, text("Seeds per setting", "Seeds pro Einstellung"), 1, 10),
    ),
    run_fn=run,
    needs_torch=True,
)
