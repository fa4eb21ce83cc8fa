"""Cards and labs must point at each other: the labs' hook of ``bank check``."""

from __future__ import annotations

import shutil
from pathlib import Path

from lab_cache import MY_LABS

from mlinterview.content.loader import bundled_bank, default_bank_dir, load_bank
from mlinterview.labs.bank_check import check_labs
from mlinterview.labs.registry import get_lab


def test_bundled_bank_links_every_lab_of_mine() -> None:
    issues = [str(i) for i in check_labs(bundled_bank())]
    for lab_id in MY_LABS:
        assert not [i for i in issues if f"/{lab_id}.py" in i or f"'{lab_id}'" in i], issues
        for card_id in get_lab(lab_id).cards:
            card = bundled_bank().get(card_id)
            assert card is not None and lab_id in card.labs


def test_unknown_links_are_reported_in_both_directions(tmp_path: Path) -> None:
    source = default_bank_dir() / "questions" / "evaluation" / "roc-auc.yaml"
    target = tmp_path / "questions" / "evaluation" / "roc-auc.yaml"
    target.parent.mkdir(parents=True)
    shutil.copy(source, target)
    content = target.read_text(encoding="utf-8")
    assert "\nlabs: [roc_auc]" in content
    target.write_text(content.replace("\nlabs: [roc_auc]", "\nlabs: [roc_auc, no_such_lab]"))
    bank = load_bank(tmp_path)
    assert bank.issues == ()
    issues = [str(i) for i in check_labs(bank)]
    assert "questions/evaluation/roc-auc.yaml: labs: unknown lab id 'no_such_lab'" in issues
    # This bank holds one card, so every other lab points at a card that is missing.
    assert "labs/catalog/knn.py: cards: unknown card id 'k-nearest-neighbours'" in issues
    assert not [i for i in issues if i.startswith("labs/catalog/roc_auc.py")]
