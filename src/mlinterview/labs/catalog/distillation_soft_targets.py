"""Knowledge distillation: a student learns more from a teacher's softened outputs than
from hard labels when it sees only a few examples.

The data are scikit-learn's bundled 8×8 digit images (1797 images, 10 classes; nothing
is downloaded): 500 are held out for testing, the rest train the teacher, an MLP with two
hidden layers of 256 units. A student MLP (two hidden layers of 32 units) then gets only
a few images per class, drawn from the teacher's training images, and is trained three
ways from the same initialisation: on the hard labels (cross-entropy), on the teacher's
soft targets at temperature 1, and on the soft targets at temperature T (loss
T²·KL(softmax(teacher/T) ‖ softmax(student/T)), as in Hinton et al.). A teacher trained
to convergence is nearly one-hot at T = 1; a higher temperature brings out the small
probabilities it gives the wrong classes (a 3 that looks a little like an 8), which is
the information the hard label lacks. PyTorch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import torch

CLASSES = 10
TEST = 500
TEACHER_WIDTH = 256
STUDENT_WIDTH = 32
TEACHER_STEPS = 1500
BATCH = 64
GAIN = 0.03  # soft targets at T must beat hard labels by this much (mean test accuracy)


def make_data(seed: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Images scaled to [0, 1], labels, and a seeded permutation (first TEST = test set)."""
    import torch
    from sklearn.datasets import load_digits

    digits = load_digits()
    x = torch.tensor(digits.data / 16.0, dtype=torch.float32)
    y = torch.tensor(digits.target, dtype=torch.long)
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    return x, y, order


def mlp(width: int) -> torch.nn.Sequential:
    import torch

    return torch.nn.Sequential(
        torch.nn.Linear(64, width),
        torch.nn.ReLU(),
        torch.nn.Linear(width, width),
        torch.nn.ReLU(),
        torch.nn.Linear(width, CLASSES),
    )


def fit(
    net: torch.nn.Module,
    x: torch.Tensor,
    target: torch.Tensor,
    temperature: float | None,
    steps: int,
    seed: int,
) -> torch.nn.Module:
    """Adam on minibatches; ``temperature=None`` means hard labels (cross-entropy),
    otherwise ``target`` holds the teacher's probabilities at that temperature."""
    import torch

    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    gen = torch.Generator().manual_seed(seed)
    n = len(x)
    for _ in range(steps):
        idx = torch.randint(0, n, (min(BATCH, n),), generator=gen)
        out = net(x[idx])
        if temperature is None:
            loss = torch.nn.functional.cross_entropy(out, target[idx])
        else:
            log_p = torch.log_softmax(out / temperature, dim=1)
            kl = torch.nn.functional.kl_div(log_p, target[idx], reduction="batchmean")
            loss = kl * temperature**2  # keeps gradient sizes comparable across T
        opt.zero_grad()
        loss.backward()
        opt.step()
    return net


def accuracy(net: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    import torch

    with torch.no_grad():
        return float((net(x).argmax(dim=1) == y).float().mean())


def few_shot(y: torch.Tensor, pool: torch.Tensor, per_class: int, seed: int) -> torch.Tensor:
    """``per_class`` indices of every class from ``pool``, drawn with ``seed``."""
    import torch

    gen = torch.Generator().manual_seed(seed)
    picked = []
    for c in range(CLASSES):
        ids = pool[y[pool] == c]
        picked.append(ids[torch.randperm(len(ids), generator=gen)[:per_class]])
    return torch.cat(picked)


def run(*, temperature: float, per_class: int, runs: int, steps: int, seed: int) -> Outcome:
    import numpy as np
    import torch

    x, y, order = make_data(seed)
    test, pool = order[:TEST], order[TEST:]
    x_test, y_test = x[test], y[test]
    torch.manual_seed(seed)
    teacher = fit(mlp(TEACHER_WIDTH), x[pool], y[pool], None, TEACHER_STEPS, seed)
    teacher_acc = accuracy(teacher, x_test, y_test)
    temps = [1.0] if temperature == 1.0 else [1.0, temperature]
    key = f"T={temperature:g}"
    keys = ["hard", *[f"T={t:g}" for t in temps], "smoothed"]
    acc: dict[str, list[float]] = {k: [] for k in keys}
    top_prob: dict[float, list[float]] = {t: [] for t in temps}
    runner_up: list[float] = []
    last: list[float] = []
    for r in range(runs):
        sub = few_shot(y, pool, per_class, seed * 1000 + r + 1)
        xs = x[sub]
        with torch.no_grad():
            logits = teacher(xs)
        torch.manual_seed(seed * 1000 + r)
        acc["hard"].append(
            accuracy(fit(mlp(STUDENT_WIDTH), xs, y[sub], None, steps, r), x_test, y_test)
        )
        for t in temps:
            soft = torch.softmax(logits / t, dim=1)
            top_prob[t].append(float(soft.max(dim=1).values.mean()))
            torch.manual_seed(seed * 1000 + r)  # the same initialisation as the hard student
            student = fit(mlp(STUDENT_WIDTH), xs, soft, t, steps, r)
            acc[f"T={t:g}"].append(accuracy(student, x_test, y_test))
            if t != temperature:
                continue
            ranked = soft.sort(dim=1, descending=True).values
            runner_up.append(float(ranked[:, 1].mean()))
            last.append(float(ranked[:, -1].mean()))
            # control: the same top probability per image, the rest spread evenly, so only
            # the teacher's ranking of the wrong classes is missing
            top = ranked[:, 0]
            smoothed = ((1 - top) / (CLASSES - 1))[:, None].repeat(1, CLASSES)
            smoothed[torch.arange(len(sub)), soft.argmax(dim=1)] = top
            torch.manual_seed(seed * 1000 + r)
            student = fit(mlp(STUDENT_WIDTH), xs, smoothed, t, steps, r)
            acc["smoothed"].append(accuracy(student, x_test, y_test))
    means = {k: float(np.mean(v)) for k, v in acc.items()}
    gain = means[key] - means["hard"]
    wins = sum(s > h for s, h in zip(acc[key], acc["hard"], strict=True))
    supported = gain >= GAIN and wins > runs / 2
    gain_t1 = means["T=1"] - means["hard"]
    metrics: dict[str, Any] = {
        "teacher_accuracy": teacher_acc,
        "student_examples": per_class * CLASSES,
        "hard_label_accuracy": means["hard"],
        "soft_t1_accuracy": means["T=1"],
        "soft_accuracy": means[key],
        "gain": gain,
        "gain_at_t1": gain_t1,
        "runs_won": wins,
        "teacher_top_prob_t1": float(np.mean(top_prob[1.0])),
        "teacher_top_prob_t": float(np.mean(top_prob[temperature])),
        "teacher_runner_up_prob_t": float(np.mean(runner_up)),
        "teacher_last_prob_t": float(np.mean(last)),
        "smoothed_accuracy": means["smoothed"],
        "gain_over_smoothed": means[key] - means["smoothed"],
    }
    labels = {
        "hard": ("hard labels", "harte Labels"),
        "smoothed": (
            f"smoothed labels, T = {temperature:g}",
            f"geglättete Labels, T = {de_num(temperature, 'g')}",
        ),
    }
    for t in temps:
        labels[f"T={t:g}"] = (
            f"teacher, T = {t:g}",
            f"Teacher, T = {de_num(t, 'g')}",
        )

    def top_of(k: str) -> Any:
        if k == "hard":
            return "–"
        t = temperature if k == "smoothed" else float(k[2:])
        return round(float(np.mean(top_prob[t])), 3)

    rows = tuple(
        (
            labels[k][0],
            top_of(k),
            round(means[k], 3),
            round(float(np.min(acc[k])), 3),
            round(float(np.max(acc[k])), 3),
        )
        for k in keys
    )
    colors = {"hard": "#d62728", "T=1": "#ff7f0e", key: "#1f77b4", "smoothed": "#9467bd"}

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        ax = fig.add_subplot()
        width = 0.8 / len(keys)
        positions = np.arange(runs)
        for j, k in enumerate(keys):
            ax.bar(
                positions + (j - (len(keys) - 1) / 2) * width,
                acc[k],
                width,
                color=colors[k],
                label=labels[k][1 if de else 0],
            )
        ax.axhline(
            teacher_acc, color="#7f7f7f", linestyle=":", label="Teacher" if de else "teacher"
        )
        ax.set_xticks(positions, [f"{'Lauf' if de else 'run'} {r + 1}" for r in range(runs)])
        low = min(min(v) for v in acc.values())
        ax.set_ylim(max(0.0, low - 0.1), 1.0)
        ax.set_ylabel("Testgenauigkeit des Students" if de else "student test accuracy")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=7)

    n = per_class * CLASSES
    en = [
        f"The teacher reaches {teacher_acc:.3f} test accuracy. Students trained on {n} images "
        f"({per_class} per class), mean over {runs} draws: hard labels {means['hard']:.3f}, "
        f"teacher's soft targets at T = 1 {means['T=1']:.3f}"
    ]
    de = [
        f"Der Teacher erreicht eine Testgenauigkeit von {de_num(teacher_acc)}. Students mit "
        f"{n} Bildern ({per_class} pro Klasse), Mittel über {runs} Ziehungen: harte Labels "
        f"{de_num(means['hard'])}, Soft Targets des Teachers bei T = 1 {de_num(means['T=1'])}"
    ]
    if temperature != 1.0:
        en[0] += f", at T = {temperature:g} {means[key]:.3f}"
        de[0] += f", bei T = {de_num(temperature, 'g')} {de_num(means[key])}"
    en[0] += "."
    de[0] += "."
    en.append(
        f"At T = 1 the teacher puts on average {metrics['teacher_top_prob_t1']:.3f} of its "
        "probability on its top class, so its targets are nearly the hard labels "
        f"(gain {gain_t1:+.3f})."
    )
    de.append(
        f"Bei T = 1 legt der Teacher im Mittel {de_num(metrics['teacher_top_prob_t1'])} seiner "
        "Wahrscheinlichkeit auf die wahrscheinlichste Klasse; seine Targets sind also fast "
        f"die harten Labels (Gewinn {de_num(gain_t1, '+.3f')})."
    )
    if temperature != 1.0:
        en.append(
            f"At T = {temperature:g} the top class keeps {metrics['teacher_top_prob_t']:.3f}, "
            f"the runner-up gets {metrics['teacher_runner_up_prob_t']:.3f} and the least likely "
            f"class {metrics['teacher_last_prob_t']:.3f}: the probabilities of the wrong "
            "classes, invisible at T = 1, now show which classes the image resembles. The "
            f"student gains {gain:+.3f} over hard labels and wins {wins} of {runs} draws."
        )
        de.append(
            f"Bei T = {de_num(temperature, 'g')} behält die wahrscheinlichste Klasse "
            f"{de_num(metrics['teacher_top_prob_t'])}, die zweite bekommt "
            f"{de_num(metrics['teacher_runner_up_prob_t'])}, die unwahrscheinlichste "
            f"{de_num(metrics['teacher_last_prob_t'])}: Die Wahrscheinlichkeiten der falschen "
            "Klassen, bei T = 1 unsichtbar, zeigen jetzt, welchen Klassen das Bild ähnelt. Der "
            "Student gewinnt "
            f"{de_num(gain, '+.3f')} gegenüber harten Labels und liegt in {wins} von {runs} "
            "Ziehungen vorn."
        )
    over = metrics["gain_over_smoothed"]
    sm_gain = means["smoothed"] - means["hard"]
    en.append(
        "Control: labels smoothed to the same top probability, the rest spread evenly, reach "
        f"{means['smoothed']:.3f} ({sm_gain:+.3f} over hard labels). "
        + (
            f"The teacher's targets add {over:+.3f} on top: part of the gain is softening "
            "alone (as with label smoothing), the rest is the teacher's ranking of the wrong "
            "classes."
            if over > 0.005
            else f"The teacher's targets add {over:+.3f}: here the gain comes from the "
            "softening, not from the teacher's ranking of the wrong classes."
            if gain >= GAIN
            else f"The teacher's targets add {over:+.3f}."
        )
    )
    de.append(
        "Kontrolle: Labels, auf dieselbe Top-Wahrscheinlichkeit geglättet und den Rest gleich "
        f"verteilt, erreichen {de_num(means['smoothed'])} ({de_num(sm_gain, '+.3f')} "
        "gegenüber harten Labels). "
        + (
            f"Die Targets des Teachers bringen {de_num(over, '+.3f')} zusätzlich: Ein Teil "
            "des Gewinns kommt schon vom Weichmachen (wie bei Label Smoothing), der Rest von "
            "der Rangfolge, die der Teacher den falschen Klassen gibt."
            if over > 0.005
            else f"Die Targets des Teachers bringen {de_num(over, '+.3f')}: Der Gewinn kommt "
            "hier vom Weichmachen, nicht von der Rangfolge der falschen Klassen."
            if gain >= GAIN
            else f"Die Targets des Teachers bringen {de_num(over, '+.3f')}."
        )
    )
    if not supported:
        en.append(
            f"The claim needs a gain of at least {GAIN} over hard labels and a win in most "
            "draws; it does not hold at these settings."
        )
        de.append(
            f"Die Aussage verlangt einen Gewinn von mindestens {de_num(GAIN, '.2f')} gegenüber "
            "harten Labels und einen Sieg in den meisten Ziehungen; bei diesen Einstellungen "
            "gilt sie nicht."
        )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(" ".join(en), " ".join(de)),
        tables=[
            Table(
                text("Student test accuracy by target", "Testgenauigkeit des Students je Ziel"),
                ("targets", "teacher top probability", "mean accuracy", "min", "max"),
                rows,
            )
        ],
        plots=[
            Plot(
                "students",
                text("Students per draw of the few examples", "Students je Ziehung"),
                draw,
            )
        ],
    )


LAB = Lab(
    id="distillation_soft_targets",
    title=text(
        "Distillation: soft targets vs hard labels",
        "Distillation: Soft Targets gegen harte Labels",
    ),
    claim=text(
        "With only a few training examples, a small student trained on a teacher's "
        "temperature-softened outputs is clearly more accurate than the same student trained "
        "on the hard labels; at temperature 1 a confident teacher's outputs are nearly "
        "one-hot and add little.",
        "Mit nur wenigen Trainingsbeispielen ist ein kleiner Student, der auf den mit einer "
        "Temperatur weichgemachten Ausgaben eines Teachers trainiert wird, deutlich genauer "
        "als derselbe Student mit harten Labels; bei Temperatur 1 sind die Ausgaben eines "
        "sicheren Teachers fast One-Hot und bringen wenig.",
    ),
    cards=("knowledge-distillation",),
    params=(
        Param(
            "temperature",
            "float",
            10.0,
            text("Distillation temperature T", "Distillationstemperatur T"),
            1.0,
            50.0,
        ),
        Param(
            "per_class",
            "int",
            5,
            text("Student training images per class", "Trainingsbilder des Students pro Klasse"),
            1,
            100,
        ),
        Param(
            "runs", "int", 4, text("Draws of the few examples", "Ziehungen der Beispiele"), 1, 10
        ),
        Param(
            "steps",
            "int",
            1000,
            text("Student training steps", "Trainingsschritte des Students"),
            50,
            10000,
        ),
    ),
    run_fn=run,
    needs_torch=True,
)
