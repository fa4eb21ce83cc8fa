"""`mlinterview bank check`: every rule the bank must satisfy, as one list of issues.

Schema rules live in :mod:`mlinterview.content.schema`; this module adds the rules that
need the whole bank (links to labs and problems) or judgement about quality (length).
Labs and the judge contribute their own checks through the two hook modules below, so
this package never imports numpy or matplotlib itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from mlinterview.content.loader import Bank, BankIssue, load_bank

ANSWER_WORDS = (120, 350)

# Each hook is "module:function", taking the bank and the bank folder it came from (None:
# the installed one) and returning issues. Modules are imported only when the check runs,
# so the CLI's start path stays light.
CHECK_HOOKS: tuple[str, ...] = (
    "mlinterview.labs.bank_check:check_labs",
    "mlinterview.judge.bank_check:check_bank_problems",
)
Hook = Callable[[Bank, Path | None], list[BankIssue]]


def card_path(card_id: str, bank: Bank) -> str:
    card = bank.get(card_id)
    topic = card.topic.value if card else "?"
    return f"questions/{topic}/{card_id}.yaml"


def quality_issues(bank: Bank) -> list[BankIssue]:
    issues = []
    low, high = ANSWER_WORDS
    for card in bank:
        for lang in card.languages:
            words = card.answer_words(lang)
            if not low <= words <= high:
                issues.append(
                    BankIssue(
                        card_path(card.id, bank),
                        f"answer.{lang}",
                        f"{words} words; a reference answer needs {low}-{high}",
                    )
                )
    return issues


def _hook(spec: str) -> Hook:
    module_name, _, func_name = spec.partition(":")
    module = importlib.import_module(module_name)
    func: Hook = getattr(module, func_name)
    return func


def check_bank(bank_dir: Path | None = None, *, run_hooks: bool = True) -> list[BankIssue]:
    """All issues in the bank; an empty list means the bank is valid."""
    bank = load_bank(bank_dir)
    issues = list(bank.issues)
    issues.extend(quality_issues(bank))
    if run_hooks:
        for spec in CHECK_HOOKS:
            issues.extend(_hook(spec)(bank, bank_dir))
    return issues
