"""The one render layer: Markdown (one configuration for the web app, kits and reports),
the kits' and reports' Jinja2 HTML, and PDF.

Bank texts are Markdown written by us, but they are still rendered with raw HTML
disabled, so nothing in a card can inject markup into a report. PDF rendering fetches
nothing from the network or the file system: every document is self-contained.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from jinja2 import Environment


def format_seconds(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``); negative values keep their sign."""
    sign = "-" if seconds < 0 else ""
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def md_cell(text: str) -> str:
    """Text that is safe inside one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


@lru_cache(maxsize=1)
def _markdown() -> object:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


@lru_cache(maxsize=1024)
def md_to_html(text: str) -> Markup:
    """Render our Markdown with raw HTML escaped (cached: bank texts repeat on every page)."""
    from markdown_it import MarkdownIt

    renderer = _markdown()
    assert isinstance(renderer, MarkdownIt)
    return Markup(renderer.render(text))


def md_inline(text: str) -> Markup:
    from markdown_it import MarkdownIt

    renderer = _markdown()
    assert isinstance(renderer, MarkdownIt)
    return Markup(renderer.renderInline(text))


@lru_cache(maxsize=1)
def jinja_env() -> Environment:
    """The one Jinja environment: the web pages and the reports and kits share its
    loader, escaping, undefined handling and Markdown filters (the web adds its own
    page helpers to it)."""
    from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("mlinterview.interviews", "templates"),
                PackageLoader("mlinterview.web", "templates"),
            ]
        ),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_to_html
    env.filters["md_inline"] = md_inline
    env.filters["clock"] = format_seconds
    env.filters["percent"] = lambda value: "–" if value is None else f"{value:.0%}"
    return env


def render_template(name: str, **context: object) -> str:
    return jinja_env().get_template(name).render(**context)


def html_to_pdf(html: str) -> bytes:
    """PDF bytes from self-contained HTML; only ``data:`` URLs may be fetched."""
    from weasyprint import HTML, URLFetcher

    fetcher = URLFetcher(allowed_protocols=("data",))
    pdf = HTML(string=html, url_fetcher=fetcher, base_url=None).write_pdf()
    if pdf is None:  # pragma: no cover - write_pdf returns bytes without a target
        raise RuntimeError("WeasyPrint returned no PDF")
    return bytes(pdf)
