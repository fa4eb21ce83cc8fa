"""Weight quantisation: how error grows and memory shrinks as bits are removed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

BITS = (2, 3, 4, 5, 6, 7, 8)
INT8_MAX_ERROR = 0.01  # relative output error allowed at 8 bits
MIN_SAVING = 3.9  # int8 vs float32, scales included
SLOPE_RANGE = (-1.2, -0.8)  # log2(error) per bit: "each bit halves the error"
MODEL_PARAMS = 7e9  # for the memory table: a 7B-parameter model
SCALE_BYTES = 2  # one fp16 scale per channel or tensor


def quantize(w: np.ndarray, bits: int, per_channel: bool) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric round-to-nearest: integers in [-(2^(b-1)-1), 2^(b-1)-1] and their scales
    (one per output row, or one for the whole tensor)."""
    import numpy as np

    qmax = 2 ** (bits - 1) - 1
    peak = np.abs(w).max(axis=1, keepdims=True) if per_channel else np.abs(w).max()
    scale = np.where(peak > 0, peak / qmax, 1.0)
    q = np.clip(np.round(w / scale), -qmax, qmax).astype(np.int8)
    return q, np.asarray(scale, dtype=np.float64)


def dequantize(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    import numpy as np

    return np.asarray(q.astype(np.float64) * scale)


def storage_bytes(n_weights: int, rows: int, bits: int, per_channel: bool) -> float:
    """Packed integer weights plus fp16 scales."""
    return n_weights * bits / 8 + (rows if per_channel else 1) * SCALE_BYTES


def run(
    *,
    rows: int,
    cols: int,
    outlier_fraction: float,
    outlier_scale: float,
    granularity: str,
    seed: int,
) -> Outcome:
    import numpy as np

    rng = np.random.default_rng([seed, 5])
    w = rng.normal(0.0, 0.02, size=(rows, cols))
    n_out = round(outlier_fraction * rows)
    outlier_rows = rng.choice(rows, size=n_out, replace=False) if n_out else np.array([], int)
    w[outlier_rows] *= outlier_scale
    x = rng.normal(size=(32, cols))
    y = x @ w.T
    n = w.size
    fp32 = 4.0 * n

    results: dict[tuple[str, int], tuple[float, float, float]] = {}
    for gran in ("per_channel", "per_tensor"):
        for bits in BITS:
            q, scale = quantize(w, bits, gran == "per_channel")
            w_hat = dequantize(q, scale)
            w_err = float(np.linalg.norm(w - w_hat) / np.linalg.norm(w))
            y_err = float(np.linalg.norm(y - x @ w_hat.T) / np.linalg.norm(y))
            saving = fp32 / storage_bytes(n, rows, bits, gran == "per_channel")
            results[(gran, bits)] = (w_err, y_err, saving)
    fp16_err = float(
        np.linalg.norm(y - x @ w.astype(np.float16).astype(np.float64).T) / np.linalg.norm(y)
    )

    chosen = {b: results[(granularity, b)] for b in BITS}
    fit_bits = np.array([b for b in BITS if b >= 3])
    slope = float(np.polyfit(fit_bits, np.log2([chosen[b][1] for b in fit_bits]), 1)[0])
    int8_err = chosen[8][1]
    int8_saving = chosen[8][2]
    int4_err = chosen[4][1]
    pc8, pt8 = results[("per_channel", 8)][1], results[("per_tensor", 8)][1]
    supported = (
        int8_err < INT8_MAX_ERROR
        and int8_saving >= MIN_SAVING
        and SLOPE_RANGE[0] <= slope <= SLOPE_RANGE[1]
    )
    metrics: dict[str, Any] = {
        "int8_output_error": int8_err,
        "int4_output_error": int4_err,
        "int8_saving_vs_fp32": int8_saving,
        "int4_saving_vs_fp32": chosen[4][2],
        "log2_error_per_bit": slope,
        "fp16_output_error": fp16_err,
        "per_channel_int8_error": pc8,
        "per_tensor_int8_error": pt8,
        "outlier_rows": n_out,
    }
    table_rows = tuple(
        (
            bits,
            gran.replace("_", "-"),
            round(results[(gran, bits)][0], 5),
            round(results[(gran, bits)][1], 5),
            round(results[(gran, bits)][2], 2),
        )
        for bits in reversed(BITS)
        for gran in ("per_channel", "per_tensor")
    )
    gb = MODEL_PARAMS / 1e9
    mem_rows = (
        ("float32", 4.0 * gb),
        ("float16 / bfloat16", 2.0 * gb),
        ("int8", 1.0 * gb),
        ("int4", 0.5 * gb),
    )

    def draw_error(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        for gran, color, label in (
            ("per_channel", "#1f77b4", "pro Kanal" if lang == "de" else "per channel"),
            ("per_tensor", "#d62728", "pro Tensor" if lang == "de" else "per tensor"),
        ):
            ax.plot(
                BITS, [results[(gran, b)][1] for b in BITS], marker="o", color=color, label=label
            )
        ref = [chosen[8][1] * 2 ** (8 - b) for b in BITS]
        ax.plot(
            BITS,
            ref,
            linestyle=":",
            color="#7f7f7f",
            label="halbiert pro Bit" if lang == "de" else "halves per bit",
        )
        ax.axhline(fp16_err, color="#2ca02c", linestyle="--", label="float16")
        ax.set_yscale("log")
        ax.set_xlabel("Bits pro Gewicht" if lang == "de" else "bits per weight")
        ax.set_ylabel("relativer Ausgabefehler" if lang == "de" else "relative output error")
        ax.legend()

    def draw_memory(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        names = [name for name, _ in mem_rows]
        values = [v for _, v in mem_rows]
        ax.bar(names, values, color=["#7f7f7f", "#1f77b4", "#2ca02c", "#ff7f0e"])
        for i, v in enumerate(values):
            ax.text(i, v, f"{v:.1f} GB", ha="center", va="bottom")
        ax.set_ylabel("GB")
        ax.set_title(
            "Gewichte eines Modells mit 7 Mrd. Parametern"
            if lang == "de"
            else "Weights of a 7-billion-parameter model"
        )

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"A {rows}x{cols} weight matrix ({n_out} outlier rows scaled by {outlier_scale}) "
            f"was quantised {granularity.replace('_', '-')}. At 8 bits the layer output is off "
            f"by {100 * int8_err:.3f} % while the weights take {int8_saving:.2f}x less memory "
            f"than float32; at 4 bits the error is {100 * int4_err:.2f} %. Each removed bit "
            f"multiplies the error by {2**-slope:.2f} (slope {slope:.2f} in log2). With one "
            f"scale for the whole tensor the 8-bit error is {100 * pt8:.3f} %, per channel "
            f"{100 * pc8:.3f} %: outliers stretch a shared scale and coarsen every other weight.",
            f"Eine Gewichtsmatrix mit {rows}x{cols} Einträgen ({n_out} Ausreißerzeilen, um den "
            f"Faktor {de_num(outlier_scale, 'g')} vergrößert) wurde "
            f"{granularity.replace('_', '-')} quantisiert. Mit 8 Bit weicht die Ausgabe der "
            f"Schicht um {de_num(100 * int8_err, '.3f')} % ab, während die Gewichte "
            f"{de_num(int8_saving, '.2f')}-mal weniger Speicher belegen als float32; mit 4 Bit "
            f"sind es {de_num(100 * int4_err, '.2f')} %. Jedes entfernte Bit vervielfacht den "
            f"Fehler um {de_num(2**-slope, '.2f')} (Steigung {de_num(slope, '.2f')} in log2). Mit "
            "einer Skala für den ganzen Tensor beträgt der 8-Bit-Fehler "
            f"{de_num(100 * pt8, '.3f')} %, pro Kanal {de_num(100 * pc8, '.3f')} %: Ausreißer "
            "dehnen eine gemeinsame Skala und machen alle übrigen Gewichte gröber.",
        ),
        tables=[
            Table(
                text("Error and memory by bit width", "Fehler und Speicher nach Bitbreite"),
                (
                    "bits",
                    "scales",
                    "weight error (rel.)",
                    "output error (rel.)",
                    "memory saving vs float32",
                ),
                table_rows,
            ),
            Table(
                text("Weight memory of a 7B model", "Gewichtsspeicher eines 7B-Modells"),
                ("format", "GB"),
                mem_rows,
            ),
        ],
        plots=[
            Plot("error_vs_bits", text("Error vs bits", "Fehler über Bits"), draw_error),
            Plot("memory", text("Memory by format", "Speicher nach Format"), draw_memory),
        ],
    )


LAB = Lab(
    id="quantization",
    title=text("Weight quantisation", "Quantisierung von Gewichten"),
    claim=text(
        "Round-to-nearest 8-bit weight quantisation with one scale per output channel cuts "
        "weight memory about fourfold against float32 at under 1 % output error, and every "
        "bit removed roughly doubles the error.",
        "Quantisierung der Gewichte auf 8 Bit durch Runden mit einer Skala pro Ausgabekanal "
        "verkleinert den Gewichtsspeicher gegenüber float32 etwa um das Vierfache bei unter "
        "1 % Ausgabefehler, und jedes entfernte Bit verdoppelt den Fehler ungefähr.",
    ),
    cards=("llm-inference-speed",),
    params=(
        Param("rows", "int", 1024, text("Output channels", "Ausgabekanäle"), 16, 4096),
        Param("cols", "int", 1024, text("Input features", "Eingangsmerkmale"), 16, 4096),
        Param(
            "outlier_fraction",
            "float",
            0.01,
            text("Share of outlier channels", "Anteil der Ausreißerkanäle"),
            0.0,
            0.5,
        ),
        Param(
            "outlier_scale",
            "float",
            20.0,
            text("Magnitude of outlier channels", "Größe der Ausreißerkanäle"),
            1.0,
            1000.0,
        ),
        Param(
            "granularity",
            "choice",
            "per_channel",
            text("Scale granularity judged by the verdict", "Skalen-Granularität für das Urteil"),
            choices=("per_channel", "per_tensor"),
        ),
    ),
    run_fn=run,
)
