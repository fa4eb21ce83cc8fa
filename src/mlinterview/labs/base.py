"""The shape every lab shares: declared parameters, a claim, and a measured result.

A lab is a small seeded experiment that *measures* the claim a card's answer makes and
computes a verdict from the numbers. Keep this module free of heavy imports: the CLI
lists labs without running them.

A lab's ``run_fn`` receives its validated parameters as keyword arguments (always
including ``seed``) and returns an :class:`Outcome`: the verdict as a bool, plain-number
metrics, tables and :class:`Plot` specs. :func:`mlinterview.labs.registry.run_lab` turns
that into a :class:`LabResult` (claim, params, timing, rendered figures).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from mlinterview.content.schema import Text

if TYPE_CHECKING:  # matplotlib is only imported when a figure is rendered
    from matplotlib.figure import Figure as MplFigure

Verdict = Literal["supported", "not supported"]
ParamKind = Literal["int", "float", "bool", "choice"]
Metric = float | int | str | bool

SEED_MAX = 2**31 - 1


class LabParameterError(ValueError):
    """A parameter outside its declared range; the message is one line for the user."""


class LabNotFoundError(LookupError):
    """An unknown lab id; the message lists what exists."""


class LabUnavailableError(RuntimeError):
    """A lab whose optional dependency (PyTorch) is missing; the message says how to install."""


def text(en: str, de: str) -> Text:
    """Shorthand for a bilingual text in lab modules."""
    return Text(en=en, de=de)


def de_num(value: float, spec: str = ".3f") -> str:
    """A number formatted for German text: decimal comma (``0,915``), no grouping."""
    return format(value, spec).replace(".", ",")


@dataclass(frozen=True)
class Param:
    """One tunable parameter: its type, default and allowed range (inclusive)."""

    name: str
    kind: ParamKind
    default: Any
    help: Text
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()

    def allowed(self, lang: str = "en") -> str:
        """The allowed values in words (error messages and forms)."""
        if lang == "de":
            if self.kind == "choice":
                return "eines von " + ", ".join(self.choices)
            if self.kind == "bool":
                return "true oder false"
            kind = {"int": "ganze Zahl", "float": "Zahl"}.get(self.kind, self.kind)
            low = _num(self.minimum).replace(".", ",")
            high = _num(self.maximum).replace(".", ",")
            return f"{kind} von {low} bis {high}"
        if self.kind == "choice":
            return "one of " + ", ".join(self.choices)
        if self.kind == "bool":
            return "true or false"
        return f"{self.kind} from {_num(self.minimum)} to {_num(self.maximum)}"

    def coerce(self, value: Any) -> Any:
        """Parse and range-check a value (strings come from the CLI and web forms)."""
        try:
            if self.kind == "int":
                if isinstance(value, bool):
                    raise ValueError
                if isinstance(value, float):
                    if not value.is_integer():
                        raise ValueError
                    parsed: Any = int(value)
                else:
                    parsed = int(str(value).strip())
            elif self.kind == "float":
                if isinstance(value, bool):
                    raise ValueError
                parsed = float(value)
                if parsed != parsed or parsed in (float("inf"), float("-inf")):
                    raise ValueError
            elif self.kind == "bool":
                if isinstance(value, bool):
                    parsed = value
                elif str(value).strip().lower() in {"1", "true", "yes", "on"}:
                    parsed = True
                elif str(value).strip().lower() in {"0", "false", "no", "off"}:
                    parsed = False
                else:
                    raise ValueError
            else:
                parsed = str(value)
                if parsed not in self.choices:
                    raise ValueError
        except (TypeError, ValueError):
            raise LabParameterError(
                f"parameter {self.name!r}: {value!r} is not valid; allowed: {self.allowed()}"
            ) from None
        too_low = self.minimum is not None and parsed < self.minimum
        too_high = self.maximum is not None and parsed > self.maximum
        if self.kind in {"int", "float"} and (too_low or too_high):
            raise LabParameterError(
                f"parameter {self.name!r}: {parsed} is out of range; allowed: {self.allowed()}"
            )
        return parsed


def _num(value: float | None) -> str:
    if value is None:
        return "any"
    return str(int(value)) if float(value).is_integer() else str(value)


SEED_PARAM = Param(
    "seed",
    "int",
    0,
    Text(
        en="Random seed; the same seed gives the same numbers.",
        de="Zufallsstartwert; derselbe Wert liefert dieselben Zahlen.",
    ),
    minimum=0,
    maximum=SEED_MAX,
)


@dataclass(frozen=True)
class Table:
    """A small table of results: column names and rows of plain values."""

    title: Text
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class Figure:
    """A rendered figure; labs render with matplotlib's Agg backend."""

    name: str
    title: Text
    png: bytes
    svg: bytes


@dataclass(frozen=True)
class Plot:
    """A figure to draw later: ``draw(fig, lang)`` fills a blank matplotlib figure.

    Drawing is deferred so tests and ``--json`` runs skip matplotlib entirely; the
    closure carries the numbers the lab already measured.
    """

    name: str
    title: Text
    draw: Callable[[MplFigure, str], None]
    size: tuple[float, float] = (6.4, 4.0)


@dataclass(frozen=True)
class Outcome:
    """What a lab's ``run_fn`` returns; the registry adds claim, params, timing and figures."""

    supported: bool
    metrics: Mapping[str, Any]
    explanation: Text
    tables: Sequence[Table] = ()
    plots: Sequence[Plot] = ()


@dataclass(frozen=True)
class LabResult:
    lab_id: str
    claim: Text
    verdict: Verdict
    metrics: Mapping[str, Metric]
    explanation: Text
    params: Mapping[str, Any]
    tables: tuple[Table, ...] = ()
    figures: tuple[Figure, ...] = ()
    seconds: float = 0.0

    @property
    def supported(self) -> bool:
        return self.verdict == "supported"

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable summary the CLI's ``--json`` prints."""
        return {
            "id": self.lab_id,
            "claim": {"en": self.claim.en, "de": self.claim.de},
            "verdict": self.verdict,
            "metrics": dict(self.metrics),
            "params": dict(self.params),
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Lab:
    """A registered lab. ``run_fn`` receives validated keyword parameters (with ``seed``)."""

    id: str
    title: Text
    claim: Text
    cards: tuple[str, ...]
    params: tuple[Param, ...]
    run_fn: Callable[..., Outcome]
    needs_torch: bool = False
    defaults_note: Text | None = field(default=None)

    @property
    def all_params(self) -> tuple[Param, ...]:
        """The declared parameters plus the shared ``seed`` (unless the lab declares one)."""
        if any(p.name == "seed" for p in self.params):
            return self.params
        return (*self.params, SEED_PARAM)

    def validate(self, overrides: Mapping[str, Any]) -> dict[str, Any]:
        known = {p.name: p for p in self.all_params}
        for name in overrides:
            if name not in known:
                names = ", ".join(known) or "none"
                raise LabParameterError(
                    f"lab {self.id!r} has no parameter {name!r}; parameters: {names}"
                )
        values = {p.name: p.default for p in self.all_params}
        for name, raw in overrides.items():
            values[name] = known[name].coerce(raw)
        return values
