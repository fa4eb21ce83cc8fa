"""Plain-data views of cards, shared by the CLI's ``--json`` output and the web app."""

from __future__ import annotations

from typing import Any

from mlinterview.content.schema import Card


def card_summary(card: Card, lang: str = "en") -> dict[str, Any]:
    return {
        "id": card.id,
        "topic": card.topic.value,
        "source": card.source.value,
        "roles": [role.value for role in card.roles],
        "difficulty": card.difficulty.value,
        "languages": list(card.languages),
        "question": card.question.get(lang),
        "labs": list(card.labs),
        "problems": list(card.problems),
        "section": card.section.value if card.section is not None else None,
    }


def card_detail(card: Card, lang: str = "en") -> dict[str, Any]:
    data = card_summary(card, lang)
    data.update(
        {
            "answer": card.answer.get(lang),
            "key_points": [
                {"id": p.id, "weight": p.weight, "text": p.text(lang)} for p in card.key_points
            ],
            "misconceptions": [
                {
                    "id": m.id,
                    "claim": m.claim.get(lang),
                    "correction": m.correction.get(lang),
                    "article_error": m.article_error,
                }
                for m in card.misconceptions
            ],
            "follow_ups": [f.get(lang) for f in card.follow_ups],
        }
    )
    return data
