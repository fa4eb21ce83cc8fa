"""Rendering lab figures to PNG and SVG bytes, reproducibly and without a display.

We never touch ``pyplot``: a bare :class:`matplotlib.figure.Figure` with an Agg canvas has
no global state, so labs can render from any thread (the web app) and nothing leaks between
runs. SVG output is made byte-for-byte deterministic (fixed hash salt, no date metadata),
so the same parameters always produce the same file.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Figure, Plot

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

_RC: dict[str, Any] = {
    "svg.hashsalt": "mlinterview",
    "svg.fonttype": "path",
    "path.simplify": True,
    "font.size": 9.0,
    "axes.grid": True,
    "grid.alpha": 0.3,
}

# Cycle for lines and bars; readable in greyscale print too.
COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#7f7f7f")


def new_figure(width: float = 6.4, height: float = 4.0) -> MplFigure:
    """A blank figure on an Agg canvas (no pyplot, no GUI backend)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure

    fig = MplFigure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def figure_bytes(fig: MplFigure) -> tuple[bytes, bytes]:
    """PNG and SVG bytes of a drawn figure, with no timestamps in either."""
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": _RC["svg.hashsalt"]}):
        png = io.BytesIO()
        fig.savefig(png, format="png", metadata={"Software": None})
        svg = io.BytesIO()
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    return png.getvalue(), svg.getvalue()


def render_plot(plot: Plot, lang: str = "en") -> Figure:
    """Draw one :class:`Plot` in the given language and return its rendered bytes."""
    import matplotlib

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = new_figure(*plot.size)
        plot.draw(fig, lang)
        png, svg = figure_bytes(fig)
    return Figure(name=plot.name, title=plot.title, png=png, svg=svg)


def write_figures(figures: tuple[Figure, ...], directory: Path, prefix: str) -> list[Path]:
    """Write each figure as ``<prefix>-<name>.png`` and ``.svg``; returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for figure in figures:
        for suffix, data in (("png", figure.png), ("svg", figure.svg)):
            path = directory / f"{prefix}-{figure.name}.{suffix}"
            path.write_bytes(data)
            written.append(path)
    return written
