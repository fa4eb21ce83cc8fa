"""Type-strict comparison of a plain-JSON answer with the expected value (trusted side).

Both values are plain JSON data parsed by the trusted side, so no ``__eq__`` of the
submission is ever called. Rules:

- ``exact``: same JSON type everywhere (``True`` is not ``1``, ``1`` is not ``1.0``),
  equal values, same list lengths and dict keys.
- ``close``: like ``exact``, but numbers (ints or floats, never bools) match when
  ``|got - expected| <= atol + rtol * |expected|``; NaN matches nothing; ``inf`` only
  the same ``inf``.
- ``unordered``: both lists, equal as multisets of exactly compared elements.
- ``set``: both lists, equal as sets of exactly compared elements (duplicates ignored).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

MODES = ("exact", "close", "unordered", "set")


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "bool", int: "int", float: "float", str: "str", list: "list", dict: "dict"}.get(
        type(value), type(value).__name__
    )


def short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False, allow_nan=True, default=repr)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _where(path: str) -> str:
    return f"at {path}: " if path else ""


def _is_number(value: Any) -> bool:
    return type(value) is int or type(value) is float


def _numbers_close(expected: float, got: float, rtol: float, atol: float) -> bool:
    if math.isnan(expected) or math.isnan(got):
        return False
    if math.isinf(expected) or math.isinf(got):
        return expected == got
    return abs(got - expected) <= atol + rtol * abs(expected)


def _mismatch(
    expected: Any, got: Any, path: str, close: bool, rtol: float, atol: float
) -> str | None:
    if close and _is_number(expected):
        if not _is_number(got):
            return f"{_where(path)}expected a number, got {type_name(got)} {short(got)}"
        if _numbers_close(float(expected), float(got), rtol, atol):
            return None
        return f"{_where(path)}expected {short(expected)}, got {short(got)}"
    if type(expected) is not type(got):
        return (
            f"{_where(path)}expected {type_name(expected)} {short(expected)}, "
            f"got {type_name(got)} {short(got)}"
        )
    if type(expected) is list:
        if len(expected) != len(got):
            return f"{_where(path)}expected {len(expected)} items, got {len(got)}"
        for i, (e, g) in enumerate(zip(expected, got, strict=True)):
            found = _mismatch(e, g, f"{path}[{i}]", close, rtol, atol)
            if found:
                return found
        return None
    if type(expected) is dict:
        if set(expected) != set(got):
            missing = sorted(set(expected) - set(got))
            extra = sorted(set(got) - set(expected))
            parts = []
            if missing:
                parts.append(f"missing keys {missing}")
            if extra:
                parts.append(f"unexpected keys {extra}")
            return f"{_where(path)}{'; '.join(parts)}"
        for key in expected:
            found = _mismatch(expected[key], got[key], f"{path}[{key!r}]", close, rtol, atol)
            if found:
                return found
        return None
    if type(expected) is float and (math.isnan(expected) or math.isnan(got)):
        return f"{_where(path)}NaN never matches"
    if expected != got:
        return f"{_where(path)}expected {short(expected)}, got {short(got)}"
    return None


def _identical(expected: Any, got: Any) -> bool:
    """Fast path: the same JSON text (types included) means equal in every mode.

    NaN and inf make ``dumps`` raise here, which sends them to the careful path.
    """
    try:
        return json.dumps(expected, sort_keys=True, allow_nan=False) == json.dumps(
            got, sort_keys=True, allow_nan=False
        )
    except (ValueError, TypeError):
        return False


def _canonical(value: Any) -> str:
    """A string equal for exactly-equal plain values and different across JSON types."""
    return json.dumps(value, sort_keys=True, allow_nan=True)


def _has_nan(value: Any) -> bool:
    if type(value) is float:
        return math.isnan(value)
    if type(value) is list:
        return any(_has_nan(v) for v in value)
    if type(value) is dict:
        return any(_has_nan(v) for v in value.values())
    return False


def compare(
    expected: Any, got: Any, mode: str = "exact", rtol: float = 0.0, atol: float = 0.0
) -> str | None:
    """None when ``got`` matches ``expected``; otherwise a one-line reason."""
    if mode in ("exact", "close") and _identical(expected, got):
        return None
    if mode in ("exact", "close"):
        return _mismatch(expected, got, "", mode == "close", rtol, atol)
    if mode not in ("unordered", "set"):
        raise ValueError(f"unknown compare mode {mode!r}")
    if type(got) is not list:
        return f"expected a list, got {type_name(got)} {short(got)}"
    if _has_nan(got) or _has_nan(expected):
        return "NaN never matches"
    if mode == "set":
        want, have = set(map(_canonical, expected)), set(map(_canonical, got))
        if want == have:
            return None
        missing, extra = sorted(want - have), sorted(have - want)
    else:
        want_c, have_c = Counter(map(_canonical, expected)), Counter(map(_canonical, got))
        if want_c == have_c:
            return None
        missing = sorted((want_c - have_c).elements())
        extra = sorted((have_c - want_c).elements())
    parts = []
    if missing:
        parts.append(f"missing {short(json.loads('[' + ','.join(missing) + ']'))}")
    if extra:
        parts.append(f"unexpected {short(json.loads('[' + ','.join(extra) + ']'))}")
    return "; ".join(parts)
