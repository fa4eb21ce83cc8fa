"""The labs' part of ``mlinterview bank check``: cards and labs must point at each other.

Runs as a hook of :mod:`mlinterview.content.check`. Importing the lab modules is cheap
(they keep heavy imports inside ``run``), so this check never runs an experiment.
"""

from __future__ import annotations

from pathlib import Path

from mlinterview.content.loader import Bank, BankIssue
from mlinterview.labs.registry import all_labs, registry_issues


def _lab_file(lab_id: str) -> str:
    return f"labs/catalog/{lab_id}.py"


def check_labs(bank: Bank, bank_dir: Path | None = None) -> list[BankIssue]:
    """Issues linking labs and cards: unknown cards, unknown labs, duplicates, missing text.

    Labs are code in the package, not bank files, so ``bank_dir`` changes only the cards.
    """
    issues = [
        BankIssue(_lab_file(issue.module), "LAB", issue.message) for issue in registry_issues()
    ]
    labs = all_labs()
    lab_ids = {lab.id for lab in labs}
    for lab in labs:
        where = _lab_file(lab.id)
        for card_id in lab.cards:
            if bank.get(card_id) is None:
                issues.append(BankIssue(where, "cards", f"unknown card id {card_id!r}"))
        if not lab.cards:
            issues.append(BankIssue(where, "cards", "a lab must belong to at least one card"))
        for name, value in (("claim", lab.claim), ("title", lab.title)):
            for lang in ("en", "de"):
                if not value.get(lang).strip():
                    issues.append(BankIssue(where, f"{name}.{lang}", "missing text"))
    for card in bank:
        for lab_id in card.labs:
            if lab_id not in lab_ids:
                topic = card.topic.value
                issues.append(
                    BankIssue(
                        f"questions/{topic}/{card.id}.yaml", "labs", f"unknown lab id {lab_id!r}"
                    )
                )
    return issues
