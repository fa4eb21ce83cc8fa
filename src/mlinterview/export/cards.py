"""One card as Markdown, shared by the Markdown export and the Anki deck."""

from __future__ import annotations

from mlinterview.content.schema import Card
from mlinterview.translations import EXPORT_HEADINGS as HEADINGS


def flat(text: str) -> str:
    return " ".join(text.split())


def key_points_md(card: Card, lang: str) -> str:
    return "\n".join(f"- {flat(point.text(lang))}" for point in card.key_points)


def misconceptions_md(card: Card, lang: str) -> str:
    word = HEADINGS[lang]["correct"]
    return "\n".join(
        f"- {flat(m.claim.get(lang))} → {word}: {flat(m.correction.get(lang))}"
        for m in card.misconceptions
    )


def follow_ups_md(card: Card, lang: str) -> str:
    return "\n".join(f"- {flat(f.get(lang))}" for f in card.follow_ups)


def card_markdown(card: Card, lang: str, level: int = 2) -> str:
    """The whole card: question as heading, then answer, key points, pitfalls, follow-ups."""
    h = HEADINGS[lang]
    sub = "#" * (level + 1)
    meta = h["meta"].format(
        topic=card.topic.value,
        difficulty=card.difficulty.value,
        roles=", ".join(role.value for role in card.roles),
        id=card.id,
    )
    parts = [
        f"{'#' * level} {flat(card.question.get(lang))}",
        f"*{meta}*",
        f"{sub} {h['answer']}",
        card.answer.get(lang).strip(),
        f"{sub} {h['points']}",
        key_points_md(card, lang),
        f"{sub} {h['misconceptions']}",
        misconceptions_md(card, lang),
        f"{sub} {h['follow_ups']}",
        follow_ups_md(card, lang),
    ]
    links = []
    if card.labs:
        links.append(f"{h['labs']}: " + ", ".join(f"`{lab}`" for lab in card.labs))
    if card.problems:
        links.append(f"{h['problems']}: " + ", ".join(f"`{p}`" for p in card.problems))
    if links:
        parts.append(" · ".join(links))
    return "\n\n".join(parts) + "\n"
