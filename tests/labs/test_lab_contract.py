"""One contract every registered lab must keep, checked over all of them (like
scikit-learn's ``parametrize_with_checks``): a lab added to the catalog is tested the
moment it is registered, without anyone adding it to a list."""

from __future__ import annotations

import re

import pytest
from lab_cache import default_result

from mlinterview.content.loader import bundled_bank
from mlinterview.labs.base import Lab
from mlinterview.labs.registry import all_labs

LABS = {lab.id: lab for lab in all_labs()}


def _torch_missing() -> bool:
    try:
        import torch  # noqa: F401
    except ImportError:
        return True
    return False


def test_every_lab_module_is_registered() -> None:
    from pathlib import Path

    import mlinterview.labs.catalog as catalog

    folder = Path(catalog.__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert modules <= set(LABS), modules - set(LABS)


@pytest.mark.parametrize("lab_id", sorted(LABS))
def test_lab_contract(lab_id: str) -> None:
    lab: Lab = LABS[lab_id]
    bank = bundled_bank()
    assert lab.cards and all(bank.get(card) is not None for card in lab.cards), lab.cards
    for lang in ("en", "de"):
        assert lab.title.get(lang).strip() and lab.claim.get(lang).strip()
    names = [p.name for p in lab.all_params]
    assert "seed" in names and len(names) == len(set(names))
    for param in lab.all_params:
        assert param.coerce(param.default) == param.default, (param.name, param.allowed())
    if lab.needs_torch and _torch_missing():
        pytest.skip("needs the deep extra (torch)")
    result = default_result(lab_id)
    assert result.verdict == "supported", result.explanation.en
    assert result.supported is True and result.lab_id == lab_id
    assert result.tables, "every lab shows its numbers in a table"
    assert result.metrics and all(
        isinstance(v, int | float | str | bool) for v in result.metrics.values()
    )
    for lang in ("en", "de"):
        assert result.explanation.get(lang).strip()
    # Every column with words in it has a German name (labs/columns.py).
    from mlinterview.labs.columns import COLUMNS_DE

    worded = {c for table in result.tables for c in table.columns if re.search(r"[a-z]{3,}", c)}
    assert worded <= set(COLUMNS_DE), sorted(worded - set(COLUMNS_DE))
    # German explanations use decimal commas, never "0.123"-style numbers.
    assert not re.search(r"\b0\.\d", result.explanation.de), result.explanation.de
