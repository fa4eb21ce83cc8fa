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

Per-field rules: an ``exact`` or ``close`` rule may name dict keys in ``fields``, each with a
rule of its own (any mode, possibly with ``fields`` again for a nested dict). Field rules
apply to every dict the rule governs: the value itself and the dicts inside its lists, at
any depth; a dict under a key that is not named is compared by the parent's mode and
tolerances, without fields. Example: k-means returns ``{"labels": [...], "centroids":
[...]}``; ``close`` with ``fields: {labels: {mode: exact}}`` rejects float labels.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

MODES = ("exact", "close", "unordered", "set")
FIELD_PARENT_MODES = ("exact", "close")


class Rule(Protocol):
    """What a comparison rule provides (``problems.Compare`` is one)."""

    @property
    def mode(self) -> str: ...

    @property
    def rtol(self) -> float: ...

    @property
    def atol(self) -> float: ...

    @property
    def fields(self) -> Mapping[str, Rule]: ...


NO_FIELDS: Mapping[str, Rule] = {}


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
    expected: Any,
    got: Any,
    path: str,
    close: bool,
    rtol: float,
    atol: float,
    fields: Mapping[str, Rule] = NO_FIELDS,
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
            found = _mismatch(e, g, f"{path}[{i}]", close, rtol, atol, fields)
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
            where = f"{path}[{key!r}]"
            rule = fields.get(key)
            if rule is None:
                found = _mismatch(expected[key], got[key], where, close, rtol, atol)
            else:
                found = _by_rule(expected[key], got[key], where, rule)
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


def _collection_mismatch(expected: Any, got: Any, path: str, mode: str) -> str | None:
    """``unordered`` (multiset) or ``set`` comparison of two lists."""
    if type(got) is not list:
        return f"{_where(path)}expected a list, got {type_name(got)} {short(got)}"
    if type(expected) is not list:  # a bank error; `bank check` reports it as a failing reference
        return f"{_where(path)}mode {mode} needs an expected list, not {type_name(expected)}"
    if _has_nan(got) or _has_nan(expected):
        return f"{_where(path)}NaN never matches"
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
    return f"{_where(path)}{'; '.join(parts)}"


def _compare_at(
    expected: Any,
    got: Any,
    path: str,
    mode: str,
    rtol: float,
    atol: float,
    fields: Mapping[str, Rule],
) -> str | None:
    if mode in FIELD_PARENT_MODES:
        if _identical(expected, got):
            return None
        return _mismatch(expected, got, path, mode == "close", rtol, atol, fields)
    if mode not in MODES:
        raise ValueError(f"unknown compare mode {mode!r}")
    if fields:
        raise ValueError(f"fields need mode exact or close, not {mode!r}")
    return _collection_mismatch(expected, got, path, mode)


def _by_rule(expected: Any, got: Any, path: str, rule: Rule) -> str | None:
    return _compare_at(expected, got, path, rule.mode, rule.rtol, rule.atol, rule.fields)


def compare(
    expected: Any,
    got: Any,
    mode: str = "exact",
    rtol: float = 0.0,
    atol: float = 0.0,
    fields: Mapping[str, Rule] | None = None,
) -> str | None:
    """None when ``got`` matches ``expected``; otherwise a one-line reason."""
    return _compare_at(expected, got, "", mode, rtol, atol, fields or NO_FIELDS)


def compare_by_rule(expected: Any, got: Any, rule: Rule) -> str | None:
    """:func:`compare` with every setting (per-field rules included) taken from ``rule``."""
    return _by_rule(expected, got, "", rule)


def _governed_dicts(value: Any) -> Iterable[dict[str, Any]]:
    """The dicts a rule's ``fields`` apply to: ``value`` itself and dicts inside its lists."""
    if type(value) is dict:
        yield value
    elif type(value) is list:
        for item in value:
            yield from _governed_dicts(item)


def field_problems(
    rule: Rule, expected_values: Iterable[Any], path: str = ""
) -> list[tuple[str, str]]:
    """(field path, message) for each way ``rule.fields`` does not fit the expected values.

    A field that no governed dict of any expected value has is unknown (a typo or a stale
    rule); an ``unordered``/``set`` field needs a list wherever it occurs. Nested rules are
    checked against the values found under their key.
    """
    if not rule.fields:
        return []
    values = list(expected_values)
    problems = []
    for name, sub in rule.fields.items():
        where = f"{path}.{name}" if path else name
        found = [d[name] for v in values for d in _governed_dicts(v) if name in d]
        if not found:
            problems.append((where, "unknown field: no expected value has this key"))
            continue
        if sub.mode not in FIELD_PARENT_MODES:
            kinds = sorted({type_name(v) for v in found if type(v) is not list})
            if kinds:
                problems.append((where, f"mode {sub.mode} needs a list, found {kinds[0]}"))
        problems.extend(field_problems(sub, found, where))
    return problems
