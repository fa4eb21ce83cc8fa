"""Why images break dense layers: parameter counts, memory and weight sharing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, LabParameterError, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

MIN_RATIO = 1000.0  # dense must need at least this many times the conv weights
SIDES = (32, 64, 128, 250, 512, 1024)
CROP = 32  # side of the small image used for the weight-sharing check
BYTES = {"float32": 4, "float16": 2}


def dense_params(height: int, width: int, channels: int, units: int) -> int:
    """Every unit sees every input value: H·W·C weights per unit plus one bias."""
    return height * width * channels * units + units


def conv_params(channels: int, filters: int, kernel: int) -> int:
    """Each filter is a k·k·C kernel shared across all positions, plus one bias."""
    return kernel * kernel * channels * filters + filters


def conv2d_same(image: np.ndarray, kernels: np.ndarray) -> np.ndarray:
    """Cross-correlation with wrap-around padding: (C, H, W) x (F, C, k, k) -> (F, H, W)."""
    import numpy as np

    _, height, width = image.shape
    filters, _, k, _ = kernels.shape
    pad = k // 2
    padded = np.pad(image, ((0, 0), (pad, pad), (pad, pad)), mode="wrap")
    out = np.zeros((filters, height, width))
    for i in range(k):
        for j in range(k):
            patch = padded[:, i : i + height, j : j + width]  # (C, H, W)
            out += np.einsum("fc,chw->fhw", kernels[:, :, i, j], patch)
    return out


def _de(value: float, digits: int = 0) -> str:
    """German digit grouping: 187.501.000 and 7,2."""
    return f"{value:,.{digits}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _test_image(channels: int) -> np.ndarray:
    """A square and a ring on a dark background, the same in every channel."""
    import numpy as np

    yy, xx = np.mgrid[0:CROP, 0:CROP]
    img = np.zeros((CROP, CROP))
    img[6:13, 5:12] = 1.0
    ring = np.hypot(yy - 20, xx - 21)
    img[(ring > 3.5) & (ring < 6.0)] = 0.7
    return np.repeat(img[None], channels, axis=0)


def run(
    *,
    height: int,
    width: int,
    channels: int,
    dense_units: int,
    filters: int,
    kernel: int,
    dtype: str,
    seed: int,
) -> Outcome:
    import numpy as np

    if kernel % 2 == 0:
        raise LabParameterError(f"kernel={kernel} must be odd so the output keeps its size")
    nbytes = BYTES[dtype]
    inputs = height * width * channels
    dense = dense_params(height, width, channels, dense_units)
    conv = conv_params(channels, filters, kernel)
    ratio = dense / conv
    dense_macs = inputs * dense_units
    conv_macs = height * width * kernel * kernel * channels * filters

    # weight sharing, measured: shift the input and compare outputs
    rng = np.random.default_rng([seed, 7])
    img = _test_image(channels)
    kernels = rng.normal(size=(min(filters, 8), channels, kernel, kernel))
    dense_w = rng.normal(size=(CROP * CROP, channels * CROP * CROP)) / np.sqrt(img.size)
    shift = (3, 5)
    shifted = np.roll(img, shift, axis=(1, 2))
    conv_out = conv2d_same(img, kernels)
    conv_shifted = conv2d_same(shifted, kernels)
    conv_err = float(
        np.linalg.norm(conv_shifted - np.roll(conv_out, shift, axis=(1, 2)))
        / np.linalg.norm(conv_shifted)
    )
    dense_out = (dense_w @ img.ravel()).reshape(CROP, CROP)
    dense_shifted = (dense_w @ shifted.ravel()).reshape(CROP, CROP)
    dense_err = float(
        np.linalg.norm(dense_shifted - np.roll(dense_out, shift, axis=(0, 1)))
        / np.linalg.norm(dense_shifted)
    )
    scaling = []
    for side in SIDES:
        d = dense_params(side, side, channels, dense_units)
        c = conv_params(channels, filters, kernel)
        scaling.append((side, d, c))

    supported = ratio >= MIN_RATIO and conv_err < 1e-9 < dense_err
    metrics: dict[str, Any] = {
        "inputs": inputs,
        "dense_params": dense,
        "conv_params": conv,
        "ratio": ratio,
        "dense_megabytes": dense * nbytes / 1e6,
        "conv_kilobytes": conv * nbytes / 1e3,
        "dense_macs": dense_macs,
        "conv_macs": conv_macs,
        "conv_shift_error": conv_err,
        "dense_shift_error": dense_err,
    }

    def draw_scaling(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        sides = [s for s, _, _ in scaling]
        ax.plot(
            sides,
            [d for _, d, _ in scaling],
            marker="o",
            color="#d62728",
            label=f"dense, {dense_units} " + ("Einheiten" if lang == "de" else "units"),
        )
        ax.plot(
            sides,
            [c for _, _, c in scaling],
            marker="s",
            color="#1f77b4",
            label=f"conv {kernel}x{kernel}, {filters} " + ("Filter" if lang == "de" else "filters"),
        )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel(
            f"Bildseite in Pixeln ({channels} Kanäle)"
            if lang == "de"
            else f"image side in pixels ({channels} channels)"
        )
        ax.set_ylabel("Parameter" if lang == "de" else "parameters")
        ax.legend()

    def draw_shift(fig: Any, lang: str) -> None:
        axes = fig.subplots(2, 3)
        titles_en = ("input", "conv feature map", "dense output")
        titles_de = ("Eingabe", "Conv-Merkmalskarte", "Dense-Ausgabe")
        for row, (x, c, d) in enumerate(
            ((img, conv_out, dense_out), (shifted, conv_shifted, dense_shifted))
        ):
            for col, data in enumerate((x[0], c[0], d)):
                ax = axes[row, col]
                ax.imshow(data, cmap="gray" if col == 0 else "viridis")
                ax.set_xticks([])
                ax.set_yticks([])
                ax.grid(False)
                if row == 0:
                    ax.set_title((titles_de if lang == "de" else titles_en)[col])
        axes[1, 0].set_ylabel("verschoben" if lang == "de" else "shifted")

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"A {height}x{width}x{channels} image has {inputs:,} input values. A dense layer "
            f"with {dense_units} units needs {dense:,} parameters ({dense * nbytes / 1e6:,.0f} "
            f"MB in {dtype}); a {kernel}x{kernel} convolution with {filters} filters needs "
            f"{conv:,}, {ratio:,.0f} times fewer, and the number does not grow with the image. "
            f"Shifting the input shifts the conv output exactly (relative error {conv_err:.1e}), "
            f"while the dense layer's output changes completely ({dense_err:.2f}): the conv "
            "layer reuses one small kernel at every position.",
            f"Ein Bild mit {height}x{width}x{channels} hat {_de(inputs)} Eingabewerte. Eine "
            f"Dense-Schicht mit {dense_units} Einheiten braucht {_de(dense)} Parameter "
            f"({_de(dense * nbytes / 1e6)} MB in {dtype}); eine {kernel}x{kernel}-Faltung mit "
            f"{filters} Filtern braucht {_de(conv)}, also {_de(ratio)}-mal weniger, und die Zahl "
            "wächst nicht mit dem Bild. Verschiebt man die Eingabe, verschiebt sich die Ausgabe "
            f"der Faltung exakt mit (relativer Fehler {de_num(conv_err, '.1e')}), während sich die "
            f"Ausgabe der Dense-Schicht völlig ändert ({_de(dense_err, 2)}): Die Faltung verwendet "
            "an jeder Position denselben kleinen Kern.",
        ),
        tables=[
            Table(
                text("One layer on the image", "Eine Schicht auf dem Bild"),
                ("layer", "parameters", f"memory ({dtype})", "multiply-adds"),
                (
                    (
                        f"dense, {dense_units} units",
                        dense,
                        f"{dense * nbytes / 1e6:,.1f} MB",
                        dense_macs,
                    ),
                    (
                        f"conv {kernel}x{kernel}, {filters} filters",
                        conv,
                        f"{conv * nbytes / 1e3:,.1f} kB",
                        conv_macs,
                    ),
                ),
            ),
            Table(
                text("Parameters by image size", "Parameter nach Bildgröße"),
                ("side", "dense parameters", "conv parameters", "ratio"),
                tuple((s, d, c, round(d / c, 1)) for s, d, c in scaling),
            ),
        ],
        plots=[
            Plot(
                "parameters",
                text("Parameters vs image size", "Parameter über der Bildgröße"),
                draw_scaling,
            ),
            Plot(
                "shift", text("Shifted input", "Verschobene Eingabe"), draw_shift, size=(6.4, 4.6)
            ),
        ],
    )


LAB = Lab(
    id="conv_vs_dense",
    title=text(
        "Dense vs convolutional layers on images", "Dense- und Faltungsschichten auf Bildern"
    ),
    claim=text(
        "On a 250×250×3 image a dense layer with 1,000 units needs about 187.5 million "
        "weights, while a 3×3 convolution with 64 filters needs under 2,000, a number that "
        "does not depend on the image size because the kernel is shared across positions.",
        "Auf einem Bild mit 250×250×3 braucht eine Dense-Schicht mit 1.000 Einheiten etwa "
        "187,5 Millionen Gewichte, eine 3×3-Faltung mit 64 Filtern dagegen unter 2.000 – und "
        "diese Zahl hängt nicht von der Bildgröße ab, weil der Kern an allen Positionen "
        "geteilt wird.",
    ),
    cards=("cv-input-size",),
    params=(
        Param("height", "int", 250, text("Image height", "Bildhöhe"), 4, 4096),
        Param("width", "int", 250, text("Image width", "Bildbreite"), 4, 4096),
        Param("channels", "int", 3, text("Colour channels", "Farbkanäle"), 1, 64),
        Param(
            "dense_units",
            "int",
            1000,
            text("Units of the dense layer", "Einheiten der Dense-Schicht"),
            1,
            100000,
        ),
        Param("filters", "int", 64, text("Convolution filters", "Filter der Faltung"), 1, 4096),
        Param("kernel", "int", 3, text("Kernel size (odd)", "Kerngröße (ungerade)"), 1, 15),
        Param(
            "dtype",
            "choice",
            "float32",
            text("Number format", "Zahlenformat"),
            choices=("float32", "float16"),
        ),
    ),
    run_fn=run,
)
