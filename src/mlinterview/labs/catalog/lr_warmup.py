"""Learning-rate warm-up: the same peak learning rate diverges without it and trains with it.

A tanh MLP (6 hidden layers of 64 units, initialised with a large weight scale, as deep
nets without normalisation often are) is fitted to a smooth regression target with
full-batch gradient descent. Full batch makes the stability limit exact: on a quadratic,
gradient descent diverges once learning rate × sharpness exceeds 2, where the sharpness
is the largest eigenvalue of the loss Hessian (measured here by power iteration on
Hessian-vector products). The peak learning rate is set to a multiple of 2 / sharpness
at initialisation; every seed is trained once at that rate from step 0 and once with a
linear warm-up to it. PyTorch.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import torch

INPUTS = 16
SAMPLES = 128
WIDTH = 64
DEPTH = 6
INIT_GAIN = 2.0  # weight std = gain / sqrt(fan-in): a sharp, badly conditioned start
BLOW_UP = 1e4  # a loss above this (or not finite) counts as diverged
POWER_ITERATIONS = 20
TRACE_EVERY = 10


def make_data() -> tuple[torch.Tensor, torch.Tensor]:
    import torch

    gen = torch.Generator().manual_seed(123)
    x = torch.randn(SAMPLES, INPUTS, generator=gen)
    w = torch.randn(INPUTS, generator=gen) / math.sqrt(INPUTS)
    y = torch.sin(2 * x @ w) + 0.5 * torch.tanh(x[:, 0] * x[:, 1])
    return x, y[:, None]


def make_net(seed: int) -> torch.nn.Module:
    import torch

    gen = torch.Generator().manual_seed(seed)
    layers: list[torch.nn.Module] = []
    fan_in = INPUTS
    for i in range(DEPTH + 1):
        out = 1 if i == DEPTH else WIDTH
        layer = torch.nn.Linear(fan_in, out)
        with torch.no_grad():
            layer.weight.copy_(torch.randn(out, fan_in, generator=gen) * INIT_GAIN / fan_in**0.5)
            layer.bias.zero_()
        layers.append(layer)
        if i < DEPTH:
            layers.append(torch.nn.Tanh())
        fan_in = out
    return torch.nn.Sequential(*layers)


def mse(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return 0.5 * ((model(x) - y) ** 2).mean()


def sharpness(
    model: torch.nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    iterations: int = POWER_ITERATIONS,
    start: list[torch.Tensor] | None = None,
) -> tuple[float, list[torch.Tensor]]:
    """Largest Hessian eigenvalue of the loss by power iteration on Hessian-vector
    products; returns it and the final vector (to warm-start the next call)."""
    import torch

    params = list(model.parameters())
    grads = torch.autograd.grad(mse(model, x, y), params, create_graph=True)
    if start is None:
        gen = torch.Generator().manual_seed(0)
        start = [torch.randn(p.shape, generator=gen) for p in params]
    v = start
    value = 0.0
    for _ in range(iterations):
        norm = torch.sqrt(sum((t * t).sum() for t in v))  # type: ignore[arg-type]
        v = [t / norm for t in v]
        hv = torch.autograd.grad(grads, params, v, retain_graph=True)
        value = float(sum((a * b).sum() for a, b in zip(hv, v, strict=True)))
        v = [t.detach() for t in hv]
    return value, v


def train(seed: int, peak_factor: float, warmup: int, steps: int, trace: bool) -> dict[str, Any]:
    """Full-batch gradient descent; the learning rate ramps linearly over ``warmup`` steps
    (0: none) to ``peak_factor`` × 2 / sharpness at initialisation."""
    import torch

    x, y = make_data()
    model = make_net(seed)
    sharp0, vec = sharpness(model, x, y)
    peak = peak_factor * 2 / sharp0
    opt = torch.optim.SGD(model.parameters(), lr=peak)
    losses: list[float] = []
    sharp_trace: list[tuple[int, float, float]] = []  # (step, sharpness, 2 / lr)
    after_warmup = float("nan")
    diverged = False
    for t in range(steps):
        lr = peak * min(1.0, (t + 1) / warmup) if warmup else peak
        if trace and t % TRACE_EVERY == 0:
            value, vec = sharpness(model, x, y, iterations=8, start=vec)
            sharp_trace.append((t, value, 2 / lr))
        for group in opt.param_groups:
            group["lr"] = lr
        loss = mse(model, x, y)
        value_now = float(loss.detach())
        if not math.isfinite(value_now) or value_now > BLOW_UP:
            diverged = True
            break
        losses.append(value_now)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if warmup and t + 1 == warmup:
            after_warmup, vec = sharpness(model, x, y, start=vec)
    final = float("nan")
    if not diverged:
        with torch.no_grad():
            final = float(mse(model, x, y))
        diverged = not math.isfinite(final) or final > BLOW_UP
    failed = diverged or not final < losses[0]
    return {
        "seed": seed,
        "sharpness_init": sharp0,
        "peak_lr": peak,
        "losses": losses,
        "final": final,
        "diverged": diverged,
        "failed": failed,
        "sharpness_after_warmup": after_warmup,
        "trace": sharp_trace,
    }


def run(*, peak_lr_factor: float, warmup_steps: int, steps: int, runs: int, seed: int) -> Outcome:
    import numpy as np

    if warmup_steps >= steps:
        raise LabParameterError(f"warmup_steps={warmup_steps} must be smaller than steps={steps}")
    seeds = [seed + r for r in range(runs)]
    plain = [train(s, peak_lr_factor, 0, steps, trace=s == seed) for s in seeds]
    warm = [train(s, peak_lr_factor, warmup_steps, steps, trace=s == seed) for s in seeds]
    failed_plain = sum(r["failed"] for r in plain)
    failed_warm = sum(r["failed"] for r in warm)
    need = math.ceil(runs / 2)
    supported = failed_plain >= need and failed_plain - failed_warm >= need
    after = [
        r["sharpness_after_warmup"] for r in warm if math.isfinite(r["sharpness_after_warmup"])
    ]
    sharp0 = float(np.median([r["sharpness_init"] for r in plain]))
    peak_median = float(np.median([r["peak_lr"] for r in plain]))
    ok_warm = [r["final"] for r in warm if not r["failed"]]
    ok_plain = [r["final"] for r in plain if not r["failed"]]
    metrics: dict[str, Any] = {
        "runs": runs,
        "failed_without_warmup": failed_plain,
        "failed_with_warmup": failed_warm,
        "diverged_without_warmup": sum(r["diverged"] for r in plain),
        "diverged_with_warmup": sum(r["diverged"] for r in warm),
        "median_sharpness_at_init": sharp0,
        "median_peak_lr": peak_median,
        "median_sharpness_after_warmup": float(np.median(after)) if after else -1.0,
        "median_final_loss_with_warmup": float(np.median(ok_warm)) if ok_warm else -1.0,
        "median_final_loss_without_warmup": float(np.median(ok_plain)) if ok_plain else -1.0,
        "initial_loss": float(plain[0]["losses"][0]),
    }

    def status(r: dict[str, Any]) -> str:
        return "diverged" if r["diverged"] else ("failed" if r["failed"] else "trained")

    rows = tuple(
        (
            p["seed"],
            round(p["sharpness_init"], 2),
            float(f"{p['peak_lr']:.3g}"),
            status(p),
            float(f"{p['final']:.3g}") if not p["diverged"] else "–",
            status(w),
            float(f"{w['final']:.3g}") if not w["diverged"] else "–",
            round(w["sharpness_after_warmup"], 2)
            if math.isfinite(w["sharpness_after_warmup"])
            else "–",
        )
        for p, w in zip(plain, warm, strict=True)
    )
    trace_plain, trace_warm = plain[0], warm[0]

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        axes = fig.subplots(1, 2)
        for r in plain:
            axes[0].plot(r["losses"], color="#d62728", alpha=0.6, lw=1)
        for r in warm:
            axes[0].plot(r["losses"], color="#1f77b4", alpha=0.6, lw=1)
        axes[0].plot([], [], color="#d62728", label="ohne Warm-up" if de else "no warm-up")
        axes[0].plot([], [], color="#1f77b4", label="mit Warm-up" if de else "with warm-up")
        axes[0].axvline(warmup_steps, color="#7f7f7f", linestyle=":")
        axes[0].set_yscale("log")
        axes[0].set_xlabel("Schritt" if de else "step")
        axes[0].set_ylabel("Trainings-Loss (MSE)" if de else "training loss (MSE)")
        axes[0].legend(loc="upper right")
        if trace_warm["trace"]:
            t, sharp, limit = zip(*trace_warm["trace"], strict=True)
            axes[1].plot(
                t,
                sharp,
                "o-",
                ms=3,
                color="#1f77b4",
                label="Sharpness mit Warm-up" if de else "sharpness, warm-up",
            )
            axes[1].plot(
                t,
                limit,
                "--",
                color="#1f77b4",
                label="2 / Learning Rate mit Warm-up" if de else "2 / learning rate, warm-up",
            )
        if trace_plain["trace"]:
            t, sharp, _ = zip(*trace_plain["trace"], strict=True)
            axes[1].plot(
                t,
                sharp,
                "s",
                ms=5,
                color="#d62728",
                label="Sharpness ohne Warm-up" if de else "sharpness, no warm-up",
            )
        axes[1].axhline(
            2 / trace_plain["peak_lr"],
            color="#7f7f7f",
            linestyle=":",
            label="2 / Peak-Learning-Rate" if de else "2 / peak learning rate",
        )
        axes[1].set_yscale("log")
        axes[1].set_xlabel("Schritt" if de else "step")
        axes[1].set_title(f"Seed {seed}", fontsize=9)
        axes[1].set_ylabel("größter Hesse-Eigenwert" if de else "largest Hessian eigenvalue")
        axes[1].legend(loc="upper right", fontsize=7)

    en_result = (
        f"Without warm-up {failed_plain} of {runs} runs fail (loss blows up), with warm-up "
        f"{failed_warm} of {runs}."
    )
    de_result = (
        f"Ohne Warm-up scheitern {failed_plain} von {runs} Läufen (der Loss explodiert), mit "
        f"Warm-up {failed_warm} von {runs}."
    )
    if after:
        en_result += (
            f" During the warm-up the network moves to flatter regions: after "
            f"{warmup_steps} steps the median sharpness is {np.median(after):.2f} instead of "
            f"{sharp0:.1f} at initialisation, close to 2 / peak learning rate = "
            f"{2 / peak_median:.2f}, the most this rate tolerates."
        )
        de_result += (
            f" Während des Warm-ups wandert das Netz in flachere Regionen: Nach {warmup_steps} "
            f"Schritten liegt die Sharpness im Median bei {de_num(float(np.median(after)), '.2f')} "
            f"statt {de_num(sharp0, '.1f')} bei der Initialisierung, nahe an "
            f"2 / Peak-Learning-Rate = {de_num(2 / peak_median, '.2f')}, dem Höchstwert, den "
            "diese Rate verträgt."
        )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"The sharpness (largest Hessian eigenvalue) at initialisation is {sharp0:.1f} in "
            f"the median, so gradient descent is only stable below a learning rate of about "
            f"{2 / sharp0:.3f}; the peak learning rate is {peak_lr_factor:g} times that "
            f"({peak_median:.3f}). {en_result} The warm-up does not make the peak rate smaller; "
            "it gives the network time to reach a region where that rate is stable. Below the "
            "limit (peak_lr_factor < 1) both schedules train.",
            f"Die Sharpness (größter Eigenwert der Hesse-Matrix) liegt bei der Initialisierung im "
            f"Median bei {de_num(sharp0, '.1f')}; Gradientenabstieg ist also nur unterhalb einer "
            f"Learning Rate von etwa {de_num(2 / sharp0)} stabil. Die Peak-Learning-Rate ist "
            f"{de_num(peak_lr_factor, 'g')}-mal so groß ({de_num(peak_median)}). {de_result} Das "
            "Warm-up macht die Peak-Rate nicht kleiner; es gibt dem Netz Zeit, in eine Region zu "
            "kommen, in der diese Rate stabil ist. Unterhalb der Grenze (peak_lr_factor < 1) "
            "trainieren beide Schedules.",
        ),
        tables=[
            Table(
                text("Runs per seed", "Läufe pro Seed"),
                (
                    "seed",
                    "sharpness at init",
                    "peak lr",
                    "no warm-up",
                    "final loss (no warm-up)",
                    "warm-up",
                    "final loss (warm-up)",
                    "sharpness after warm-up",
                ),
                rows,
            )
        ],
        plots=[
            Plot(
                "warmup",
                text("Training with and without warm-up", "Training mit und ohne Warm-up"),
                draw,
                size=(8.0, 3.6),
            )
        ],
    )


LAB = Lab(
    id="lr_warmup",
    title=text(
        "Learning-rate warm-up at a high peak rate",
        "Learning-Rate-Warm-up bei hoher Peak-Rate",
    ),
    claim=text(
        "At a peak learning rate well above the stability limit at initialisation, training "
        "from step 0 at that rate diverges in most runs, while a linear warm-up to the same "
        "rate trains.",
        "Bei einer Peak-Learning-Rate deutlich über der Stabilitätsgrenze bei der "
        "Initialisierung divergiert das Training in den meisten Läufen, wenn diese Rate ab "
        "Schritt 0 gilt; mit linearem Warm-up auf dieselbe Rate trainiert das Netz.",
    ),
    cards=("learning-rate-schedules",),
    params=(
        Param(
            "peak_lr_factor",
            "float",
            4.0,
            text(
                "Peak learning rate as a multiple of 2 / sharpness at initialisation",
                "Peak-Learning-Rate als Vielfaches von 2 / Sharpness bei der Initialisierung",
            ),
            0.1,
            20.0,
        ),
        Param(
            "warmup_steps",
            "int",
            100,
            text("Linear warm-up steps", "Schritte des linearen Warm-ups"),
            1,
            2000,
        ),
        Param("steps", "int", 300, text("Training steps", "Trainingsschritte"), 20, 3000),
        Param("runs", "int", 6, text("Seeds per schedule", "Seeds pro Schedule"), 1, 20),
    ),
    run_fn=run,
    needs_torch=True,
)
