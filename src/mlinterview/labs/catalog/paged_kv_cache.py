"""KV-cache memory: reserving max length per request vs allocating fixed-size blocks.

A small serving simulator: requests of varied length arrive in a queue, a scheduler
admits as many as the KV-cache memory allows, and every step each running request
decodes one token. Two allocators are compared under the same workload and memory.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

PAGED_MAX_WASTE = 0.05
CONTIGUOUS_MIN_WASTE = 0.50
# KV bytes per token of a 7B-class decoder: 2 (K and V) x 32 layers x 32 heads x 128 dims
# x 2 bytes (fp16) = 512 KiB.
BYTES_PER_TOKEN = 2 * 32 * 32 * 128 * 2


@dataclass
class _Request:
    prompt: int
    output: int
    length: int = 0  # tokens currently held in the cache
    generated: int = 0
    reserved: int = 0  # token slots held (max_len, or blocks x block size)


@dataclass
class SimResult:
    """Time series and totals of one simulated serving run."""

    steps: int
    waste: float  # Σ (reserved - used) / Σ reserved over all steps
    mean_batch: float
    peak_batch: int
    preemptions: int
    reserved: list[int] = field(default_factory=list)
    used: list[int] = field(default_factory=list)


def make_workload(n: int, max_len: int, median: int, seed: int) -> list[tuple[int, int]]:
    """(prompt, output) lengths: log-normal totals (a long tail), clipped to max_len."""
    import numpy as np

    rng = np.random.default_rng([seed, 3])
    total = np.clip(np.round(rng.lognormal(np.log(median), 0.8, size=n)), 8, max_len)
    share = rng.uniform(0.2, 0.8, size=n)
    prompt = np.clip(np.round(total * share), 1, total - 1).astype(int)
    return [(int(p), int(t - p)) for p, t in zip(prompt, total.astype(int), strict=True)]


def simulate(
    workload: list[tuple[int, int]],
    capacity: int,
    max_len: int,
    block_size: int | None,
    max_steps: int = 1_000_000,
) -> SimResult:
    """Serve the workload FIFO. ``block_size=None`` reserves ``max_len`` slots per request
    up front; otherwise memory is handed out in blocks as sequences grow, and when the pool
    runs dry the most recently admitted request is preempted (freed and re-queued, as
    vLLM's recompute policy does)."""
    waiting: deque[_Request] = deque(_Request(p, o) for p, o in workload)
    running: list[_Request] = []
    free = capacity if block_size is None else capacity // block_size
    sum_reserved = sum_used = batch_total = 0
    peak = preemptions = steps = 0
    reserved_series: list[int] = []
    used_series: list[int] = []

    def blocks_for(tokens: int) -> int:
        assert block_size is not None
        return math.ceil(tokens / block_size)

    while (waiting or running) and steps < max_steps:
        # admit in arrival order while memory allows
        while waiting:
            req = waiting[0]
            need = max_len if block_size is None else blocks_for(req.prompt)
            if need > free:
                break
            waiting.popleft()
            free -= need
            req.length, req.generated = req.prompt, 0
            req.reserved = max_len if block_size is None else need * block_size
            running.append(req)
        # one decode step for every running request
        i = 0
        while i < len(running):
            req = running[i]
            if block_size is not None and req.length + 1 > req.reserved:
                # the last block is full: take a fresh one, preempting the newest if needed
                while free == 0:
                    victim = running.pop()
                    free += victim.reserved // block_size
                    victim.reserved = victim.length = victim.generated = 0
                    waiting.appendleft(victim)
                    preemptions += 1
                    if victim is req:
                        break
                if i >= len(running):  # the request preempted itself (it was the newest)
                    break
                free -= 1
                req.reserved += block_size
            req.length += 1
            req.generated += 1
            i += 1
        reserved = sum(r.reserved for r in running)
        used = sum(r.length for r in running)
        sum_reserved += reserved
        sum_used += used
        batch_total += len(running)
        peak = max(peak, len(running))
        reserved_series.append(reserved)
        used_series.append(used)
        steps += 1
        # finished requests leave and return their memory
        still = []
        for req in running:
            if req.generated >= req.output:
                free += req.reserved if block_size is None else req.reserved // block_size
            else:
                still.append(req)
        running = still
    return SimResult(
        steps=steps,
        waste=(sum_reserved - sum_used) / sum_reserved if sum_reserved else 0.0,
        mean_batch=batch_total / steps if steps else 0.0,
        peak_batch=peak,
        preemptions=preemptions,
        reserved=reserved_series,
        used=used_series,
    )


def _downsample(values: list[int], points: int = 400) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    arr = np.asarray(values, dtype=float)
    idx = np.unique(np.linspace(0, len(arr) - 1, min(points, len(arr))).astype(int))
    return idx, arr[idx]


def run(
    *, n_requests: int, max_len: int, median_len: int, block_size: int, memory_gib: float, seed: int
) -> Outcome:
    import numpy as np

    capacity = int(memory_gib * 2**30) // BYTES_PER_TOKEN
    if capacity < max_len:
        raise LabParameterError(
            f"memory_gib={memory_gib} holds only {capacity} tokens, less than max_len={max_len}; "
            "raise memory_gib or lower max_len"
        )
    if block_size > max_len:
        raise LabParameterError(f"block_size={block_size} must not exceed max_len={max_len}")
    if median_len > max_len:
        raise LabParameterError(f"median_len={median_len} must not exceed max_len={max_len}")
    workload = make_workload(n_requests, max_len, median_len, seed)
    contiguous = simulate(workload, capacity, max_len, None)
    paged = simulate(workload, capacity, max_len, block_size)
    totals = np.array([p + o for p, o in workload])
    supported = paged.waste < PAGED_MAX_WASTE and contiguous.waste > CONTIGUOUS_MIN_WASTE

    sweep_sizes = sorted({1, 4, 16, 64, 256, block_size, max_len})
    sweep = []
    for size in sweep_sizes:
        res = paged if size == block_size else simulate(workload, capacity, max_len, size)
        sweep.append((size, res))

    gib = BYTES_PER_TOKEN / 2**30
    metrics: dict[str, Any] = {
        "contiguous_waste": contiguous.waste,
        "paged_waste": paged.waste,
        "contiguous_mean_batch": contiguous.mean_batch,
        "paged_mean_batch": paged.mean_batch,
        "contiguous_steps": contiguous.steps,
        "paged_steps": paged.steps,
        "throughput_gain": contiguous.steps / paged.steps if paged.steps else 0.0,
        "paged_preemptions": paged.preemptions,
        "capacity_tokens": capacity,
        "mean_request_len": float(totals.mean()),
        "max_request_len": int(totals.max()),
    }
    rows = tuple(
        (
            name,
            round(100 * res.waste, 2),
            round(res.mean_batch, 2),
            res.peak_batch,
            res.steps,
            res.preemptions,
        )
        for name, res in (
            ("max-length reservation", contiguous),
            (f"paged, block {block_size}", paged),
        )
    )
    sweep_rows = tuple(
        (size, round(100 * res.waste, 2), round(res.mean_batch, 2), res.steps, res.preemptions)
        for size, res in sweep
    )

    def draw_memory(fig: Any, lang: str) -> None:
        axes = fig.subplots(2, 1, sharex=True)
        for ax, res, name in (
            (
                axes[0],
                contiguous,
                "Reservierung max_len" if lang == "de" else "max-len reservation",
            ),
            (
                axes[1],
                paged,
                f"Blöcke zu {block_size}" if lang == "de" else f"blocks of {block_size}",
            ),
        ):
            x, reserved = _downsample(res.reserved)
            _, used = _downsample(res.used)
            ax.fill_between(
                x,
                used * gib,
                reserved * gib,
                color="#d62728",
                alpha=0.3,
                label="verschwendet" if lang == "de" else "wasted",
            )
            ax.plot(
                x,
                reserved * gib,
                color="#d62728",
                label="reserviert" if lang == "de" else "reserved",
            )
            ax.plot(x, used * gib, color="#1f77b4", label="genutzt" if lang == "de" else "used")
            ax.set_title(name)
            ax.set_ylabel("GiB")
            ax.legend(loc="upper right")
        axes[1].set_xlabel("Dekodierschritt" if lang == "de" else "decode step")

    def draw_sweep(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        sizes = [s for s, _ in sweep]
        ax.plot(sizes, [100 * r.waste for _, r in sweep], marker="o", color="#d62728")
        ax.axhline(
            100 * contiguous.waste,
            color="#7f7f7f",
            linestyle="--",
            label="Reservierung max_len" if lang == "de" else "max-len reservation",
        )
        ax.set_xscale("log", base=2)
        ax.set_xlabel("Blockgröße (Tokens)" if lang == "de" else "block size (tokens)")
        ax.set_ylabel("verschwendeter Anteil (%)" if lang == "de" else "wasted share (%)")
        ax.legend()

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"{n_requests} requests (mean length {totals.mean():.0f}, longest {totals.max()}, "
            f"limit {max_len}) share {memory_gib} GiB of KV cache ({capacity} tokens). "
            f"Reserving max_len per request wastes {100 * contiguous.waste:.1f} % of the "
            f"reserved memory and runs {contiguous.mean_batch:.1f} requests at a time; "
            f"blocks of {block_size} tokens waste {100 * paged.waste:.1f} % (only the unused "
            f"tail of each last block) and run {paged.mean_batch:.1f} at a time, finishing "
            f"the queue {metrics['throughput_gain']:.2f}x faster.",
            f"{n_requests} Anfragen (mittlere Länge {de_num(totals.mean(), '.0f')}, längste "
            f"{totals.max()}, Grenze {max_len}) teilen sich {de_num(memory_gib, 'g')} GiB KV-Cache "
            f"({capacity} Tokens). Wer pro Anfrage max_len reserviert, verschwendet "
            f"{de_num(100 * contiguous.waste, '.1f')} % des reservierten Speichers und bedient "
            f"{de_num(contiguous.mean_batch, '.1f')} Anfragen gleichzeitig; Blöcke zu {block_size} "
            f"Tokens verschwenden {de_num(100 * paged.waste, '.1f')} % (nur den ungenutzten Rest "
            f"des jeweils letzten Blocks), bedienen {de_num(paged.mean_batch, '.1f')} gleichzeitig "
            f"und arbeiten die Warteschlange {de_num(metrics['throughput_gain'], '.2f')}-mal so "
            "schnell ab.",
        ),
        tables=[
            Table(
                text("Allocators compared", "Allokatoren im Vergleich"),
                (
                    "allocator",
                    "wasted %",
                    "mean batch",
                    "peak batch",
                    "steps to drain queue",
                    "preemptions",
                ),
                rows,
            ),
            Table(
                text("Block size sweep", "Blockgrößen im Vergleich"),
                ("block size", "wasted %", "mean batch", "steps", "preemptions"),
                sweep_rows,
            ),
        ],
        plots=[
            Plot(
                "memory",
                text("Reserved and used KV memory", "Reservierter und genutzter KV-Speicher"),
                draw_memory,
                size=(6.4, 5.0),
            ),
            Plot(
                "block_sizes",
                text("Waste vs block size", "Verschwendung über der Blockgröße"),
                draw_sweep,
            ),
        ],
    )


LAB = Lab(
    id="paged_kv_cache",
    title=text("Paged KV cache", "Paged KV-Cache"),
    claim=text(
        "Under requests of varied length, reserving KV-cache memory for the maximum length "
        "wastes more than half of it, while allocating small fixed-size blocks on demand "
        "(PagedAttention) wastes under 5 % and so fits more requests at once.",
        "Bei Anfragen unterschiedlicher Länge verschwendet eine Reservierung des KV-Caches "
        "für die Maximallänge mehr als die Hälfte des Speichers, während die Vergabe kleiner "
        "Blöcke fester Größe nach Bedarf (PagedAttention) unter 5 % verschwendet und so mehr "
        "Anfragen gleichzeitig bedienen kann.",
    ),
    cards=("llm-inference-speed",),
    params=(
        Param("n_requests", "int", 300, text("Requests", "Anfragen"), 10, 3000),
        Param(
            "max_len",
            "int",
            2048,
            text("Maximum sequence length", "Maximale Sequenzlänge"),
            64,
            16384,
        ),
        Param(
            "median_len",
            "int",
            300,
            text("Median request length (tokens)", "Median der Anfragelänge (Tokens)"),
            8,
            16384,
        ),
        Param(
            "block_size", "int", 16, text("Block size (tokens)", "Blockgröße (Tokens)"), 1, 16384
        ),
        Param(
            "memory_gib",
            "float",
            16.0,
            text("KV-cache memory (GiB)", "Speicher für den KV-Cache (GiB)"),
            0.5,
            160.0,
        ),
    ),
    run_fn=run,
)
