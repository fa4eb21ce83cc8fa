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


def glossary_issues(bank_dir: Path | None = None) -> list[BankIssue]:
    """The search glossary: a list of groups, each of at least two names (strings)."""
    import yaml

    from mlinterview.content.paths import default_bank_dir

    path = (bank_dir or default_bank_dir()) / "glossary.yaml"
    if not path.is_file():
        return []
    try:
        groups = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [BankIssue("glossary.yaml", "(file)", f"invalid YAML: {exc}")]
    if not isinstance(groups, list):
        return [BankIssue("glossary.yaml", "(file)", "expected a list of groups")]
    return [
        BankIssue("glossary.yaml", str(i), "a group is a list of at least two names")
        for i, group in enumerate(groups)
        if not (
            isinstance(group, list)
            and len(group) >= 2
            and all(isinstance(name, str) and name.strip() for name in group)
        )
    ]


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
    issues.extend(glossary_issues(bank_dir))
    if run_hooks:
        for spec in CHECK_HOOKS:
            issues.extend(_hook(spec)(bank, bank_dir))
    return issues
