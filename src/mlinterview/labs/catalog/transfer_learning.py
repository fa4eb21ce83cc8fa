"""Transfer learning with little data: pre-train on one task, fine-tune on a few samples.

Data: scikit-learn's bundled 8x8 digits, split into two halves. The source task is
recognising the digits of one half as they were scanned. The target task is recognising
the digits of the other half in a new domain (written with a thicker pen, or mirrored)
from only a handful of labelled images per class. The same small CNN is either trained
from scratch on those few images or initialised from the source network and fine-tuned.
Several random draws of the few images are averaged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np
    import torch

CLASSES = 10
POOL = 300  # target-domain images the few labelled shots are drawn from; the rest is test
DOMAINS = ("thick", "mirrored")


def to_domain(images: np.ndarray, domain: str) -> np.ndarray:
    """The target domain: strokes dilated by one pixel ("a thicker pen"), or mirrored
    left-right (a much larger change: many digits become different shapes)."""
    import numpy as np

    if domain == "thick":
        padded = np.pad(images, ((0, 0), (0, 1), (0, 1)))
        return np.asarray(
            np.maximum.reduce(
                [padded[:, :-1, :-1], padded[:, 1:, :-1], padded[:, :-1, 1:], padded[:, 1:, 1:]]
            )
        )
    return np.asarray(images[:, :, ::-1])


def _net(n_out: int) -> torch.nn.Module:
    import torch

    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 3, padding=1),
        torch.nn.ReLU(),
        torch.nn.Conv2d(16, 32, 3, padding=1),
        torch.nn.ReLU(),
        torch.nn.MaxPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(32 * 4 * 4, 64),
        torch.nn.ReLU(),
        torch.nn.Linear(64, n_out),
    )


def _train(
    model: torch.nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    epochs: int,
    lr: float,
    batch: int,
    gen: torch.Generator,
    params: Any = None,
) -> None:
    import torch

    opt = torch.optim.Adam(
        params if params is not None else model.parameters(), lr=lr, weight_decay=1e-4
    )
    n = len(y)
    model.train()
    for _ in range(epochs):
        order = torch.randperm(n, generator=gen)
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()


def _accuracy(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    import torch

    model.eval()
    with torch.no_grad():
        return float((model(x).argmax(dim=1) == y).float().mean())


def run(
    *,
    domain: str,
    shots: int,
    draws: int,
    pretrain_epochs: int,
    finetune_steps: int,
    freeze_features: bool,
    seed: int,
) -> Outcome:
    import numpy as np
    import torch
    from sklearn.datasets import load_digits

    threads = torch.get_num_threads()
    torch.set_num_threads(min(2, threads))
    try:
        digits = load_digits()
        images = (digits.images / 16.0).astype(np.float32)
        labels = digits.target
        rng = np.random.default_rng([seed, 53])
        order = rng.permutation(len(labels))
        half = len(labels) // 2
        src_idx, tgt_idx = order[:half], order[half:]
        x_src = torch.from_numpy(images[src_idx][:, None])
        y_src = torch.from_numpy(labels[src_idx]).long()
        target_images = to_domain(images[tgt_idx], domain).astype(np.float32)[:, None]
        target_labels = labels[tgt_idx]
        pool_x, pool_y = target_images[:POOL], target_labels[:POOL]
        smallest = int(np.bincount(pool_y, minlength=CLASSES).min())
        if shots > smallest:
            raise LabParameterError(
                f"shots={shots} is more than the {smallest} images the rarest digit has in the "
                "target pool; lower shots"
            )
        x_test = torch.from_numpy(target_images[POOL:].copy())
        y_test = torch.from_numpy(target_labels[POOL:]).long()

        gen = torch.Generator().manual_seed(seed)
        torch.manual_seed(seed)
        source_net = _net(CLASSES)
        _train(source_net, x_src, y_src, pretrain_epochs, 1e-3, 64, gen)
        source_state = {k: v.clone() for k, v in source_net.state_dict().items()}
        zero_shot = _accuracy(source_net, x_test, y_test)
        source_test = _accuracy(
            source_net, torch.from_numpy(images[tgt_idx][POOL:][:, None].copy()), y_test
        )

        rows = []
        scratch_accs, transfer_accs = [], []
        for d in range(draws):
            shot_idx = np.concatenate(
                [
                    rng.choice(np.flatnonzero(pool_y == c), size=shots, replace=False)
                    for c in range(CLASSES)
                ]
            )
            x_few = torch.from_numpy(pool_x[shot_idx].copy())
            y_few = torch.from_numpy(pool_y[shot_idx]).long()
            epochs = max(1, round(finetune_steps * min(32, len(y_few)) / len(y_few)))

            torch.manual_seed(seed * 1000 + d)
            scratch = _net(CLASSES)
            _train(scratch, x_few, y_few, epochs, 1e-3, 32, gen)
            acc_scratch = _accuracy(scratch, x_test, y_test)

            transfer = _net(CLASSES)
            transfer.load_state_dict(source_state)
            head = list(transfer.children())[-1]
            params = head.parameters() if freeze_features else transfer.parameters()
            # a smaller step size than from scratch: nudge the pre-trained weights
            _train(transfer, x_few, y_few, epochs, 3e-4, 32, gen, params=params)
            acc_transfer = _accuracy(transfer, x_test, y_test)
            scratch_accs.append(acc_scratch)
            transfer_accs.append(acc_transfer)
            rows.append((d + 1, round(acc_scratch, 4), round(acc_transfer, 4)))
    finally:
        torch.set_num_threads(threads)

    s_mean = float(np.mean(scratch_accs))
    t_mean = float(np.mean(transfer_accs))
    wins = sum(t > s for t, s in zip(transfer_accs, scratch_accs, strict=True))
    supported = t_mean > s_mean and wins > draws / 2
    metrics: dict[str, Any] = {
        "scratch_accuracy": s_mean,
        "transfer_accuracy": t_mean,
        "gain": t_mean - s_mean,
        "transfer_wins": wins,
        "draws": draws,
        "labelled_target_images": shots * CLASSES,
        "source_images": len(y_src),
        "pretrained_accuracy_source_domain": source_test,
        "pretrained_accuracy_target_domain": zero_shot,
        "target_test_images": len(y_test),
    }

    def draw(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        xs = np.arange(1, draws + 1)
        ax.plot(
            xs,
            scratch_accs,
            "o-",
            color="#d62728",
            label="von Grund auf" if lang == "de" else "from scratch",
        )
        ax.plot(
            xs,
            transfer_accs,
            "s-",
            color="#1f77b4",
            label="vortrainiert + feinjustiert" if lang == "de" else "pre-trained + fine-tuned",
        )
        ax.axhline(
            zero_shot,
            color="#2ca02c",
            linestyle="--",
            label="vortrainiert, ohne Feinjustierung"
            if lang == "de"
            else "pre-trained, not fine-tuned",
        )
        ax.axhline(0.1, color="#7f7f7f", linestyle=":", label="Raten" if lang == "de" else "chance")
        ax.set_xticks(xs)
        ax.set_xlabel("Ziehung der Trainingsbilder" if lang == "de" else "draw of training images")
        ax.set_ylabel(
            "Testgenauigkeit (Zieldomäne)" if lang == "de" else "test accuracy (target domain)"
        )
        ax.set_ylim(0, 1.02)
        ax.legend(loc="lower right")

    mode_en = "only the output layer trained" if freeze_features else "all layers fine-tuned"
    mode_de = (
        "nur die Ausgabeschicht trainiert" if freeze_features else "alle Schichten feinjustiert"
    )
    dom_en = {"thick": "written with a thicker pen", "mirrored": "mirrored"}[domain]
    dom_de = {"thick": "mit dickerem Stift geschrieben", "mirrored": "gespiegelt"}[domain]
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Target domain: digits {dom_en}, {shots} labelled images per digit "
            f"({shots * CLASSES} in total). A CNN trained from scratch on them reaches "
            f"{s_mean:.1%} on {len(y_test)} test images. Starting from the network "
            f"pre-trained on {len(y_src)} ordinary digits ({zero_shot:.1%} in the new domain "
            f"before fine-tuning, {source_test:.1%} on ordinary digits) and with {mode_en}, it "
            f"reaches {t_mean:.1%} and wins {wins} of {draws} draws. Pre-trained features "
            "help when source and target share structure; when the domains differ too much "
            "(mirrored digits), the head start can turn into a handicap.",
            f"Zieldomäne: Ziffern {dom_de}, {shots} beschriftete Bilder pro Ziffer (insgesamt "
            f"{shots * CLASSES}). Ein damit von Grund auf trainiertes CNN erreicht "
            f"{de_num(s_mean, '.1%')} auf {len(y_test)} Testbildern. Ausgehend vom Netz, das auf "
            f"{len(y_src)} gewöhnlichen Ziffern vortrainiert wurde ({de_num(zero_shot, '.1%')} in "
            f"der neuen Domäne vor dem Feinjustieren, {de_num(source_test, '.1%')} auf "
            f"gewöhnlichen Ziffern), und mit {mode_de} erreicht es {de_num(t_mean, '.1%')} und "
            f"gewinnt {wins} von {draws} Ziehungen. Vortrainierte Merkmale helfen, wenn Quelle und "
            "Ziel Struktur teilen; unterscheiden sich die Domänen zu stark (gespiegelte Ziffern), "
            "kann der Vorsprung zum Nachteil werden.".replace("%", " %"),
        ),
        tables=[
            Table(
                text("Test accuracy per draw", "Testgenauigkeit pro Ziehung"),
                ("draw", "from scratch", "pre-trained + fine-tuned"),
                tuple(rows),
            )
        ],
        plots=[Plot("accuracy", text("Scratch vs transfer", "Von Grund auf und Transfer"), draw)],
    )


LAB = Lab(
    id="transfer_learning",
    title=text("Transfer learning with few labels", "Transfer Learning mit wenigen Labels"),
    claim=text(
        "With only a few labelled images per class, a CNN initialised from a network "
        "pre-trained on a related source task and then fine-tuned is more accurate than the "
        "same CNN trained from scratch on those images.",
        "Mit nur wenigen beschrifteten Bildern pro Klasse ist ein CNN, das mit einem auf "
        "einer verwandten Quellaufgabe vortrainierten Netz initialisiert und dann "
        "feinjustiert wird, genauer als dasselbe CNN, das nur mit diesen Bildern von Grund "
        "auf trainiert wird.",
    ),
    cards=("cnn-small-data",),
    params=(
        Param(
            "domain",
            "choice",
            "thick",
            text("Target domain", "Zieldomäne"),
            choices=DOMAINS,
        ),
        Param(
            "shots",
            "int",
            2,
            text("Labelled images per target class", "Beschriftete Bilder pro Zielklasse"),
            1,
            20,
        ),
        Param(
            "draws",
            "int",
            5,
            text("Random draws of those images", "Zufällige Ziehungen dieser Bilder"),
            1,
            20,
        ),
        Param(
            "pretrain_epochs",
            "int",
            10,
            text("Pre-training epochs (source task)", "Epochen des Vortrainings (Quellaufgabe)"),
            0,
            100,
        ),
        Param(
            "finetune_steps",
            "int",
            100,
            text(
                "Gradient steps on the few target images",
                "Gradientenschritte auf den wenigen Zielbildern",
            ),
            10,
            1000,
        ),
        Param(
            "freeze_features",
            "bool",
            False,
            text("Train only the output layer", "Nur die Ausgabeschicht trainieren"),
        ),
    ),
    run_fn=run,
    needs_torch=True,
)
