"""The shape every lab shares: declared parameters, a claim, and a measured result.

A lab is a small seeded experiment that *measures* the claim a card's answer makes and
computes a verdict from the numbers. Keep this module free of heavy imports: the CLI
lists labs without running them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from mlinterview.content.schema import Text

Verdict = Literal["supported", "not supported"]
ParamKind = Literal["int", "float", "bool", "choice"]


class LabParameterError(ValueError):
    """A parameter outside its declared range; the message is one line for the user."""


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

    def allowed(self) -> str:
        if self.kind == "choice":
            return "one of " + ", ".join(self.choices)
        if self.kind == "bool":
            return "true or false"
        return f"{self.kind} from {self.minimum} to {self.maximum}"

    def coerce(self, value: Any) -> Any:
        """Parse and range-check a value (strings come from the CLI and web forms)."""
        try:
            if self.kind == "int":
                parsed: Any = int(value) if not isinstance(value, bool) else None
                if parsed is None or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError
            elif self.kind == "float":
                parsed = float(value)
                if parsed != parsed:  # NaN
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
        if self.kind in {"int", "float"}:
            if (self.minimum is not None and parsed < self.minimum) or (
                self.maximum is not None and parsed > self.maximum
            ):
                raise LabParameterError(
                    f"parameter {self.name!r}: {parsed} is out of range; allowed: "
                    f"{self.allowed()}"
                )
        return parsed


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
class LabResult:
    lab_id: str
    claim: Text
    verdict: Verdict
    metrics: Mapping[str, float | int | str | bool]
    explanation: Text
    params: Mapping[str, Any]
    tables: tuple[Table, ...] = ()
    figures: tuple[Figure, ...] = ()
    seconds: float = 0.0


@dataclass(frozen=True)
class Lab:
    """A registered lab. ``run`` receives validated keyword parameters."""

    id: str
    title: Text
    claim: Text
    cards: tuple[str, ...]
    params: tuple[Param, ...]
    run_fn: Callable[..., LabResult]
    needs_torch: bool = False
    defaults_note: Text | None = field(default=None)

    def validate(self, overrides: Mapping[str, Any]) -> dict[str, Any]:
        known = {p.name: p for p in self.params}
        for name in overrides:
            if name not in known:
                names = ", ".join(known) or "none"
                raise LabParameterError(
                    f"lab {self.id!r} has no parameter {name!r}; parameters: {names}"
                )
        values = {p.name: p.default for p in self.params}
        for name, raw in overrides.items():
            values[name] = known[name].coerce(raw)
        return values
