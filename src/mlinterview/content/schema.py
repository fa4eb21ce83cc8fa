"""The bank's data model: one validated, immutable object per question file.

Both languages live side by side in every text field (``{en: ..., de: ...}``) so a
translation can never drift away from the text it translates.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from mlinterview.vocabulary import (  # noqa: F401 - re-exported: the schema's vocabulary
    LANGUAGES,
    Difficulty,
    Language,
    Role,
    Section,
    Source,
    Topic,
)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Frozen):
    """A text in both languages."""

    en: NonEmpty
    de: NonEmpty

    def get(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


class Terms(Frozen):
    """Words or short phrases that signal a key point, per language (used by the grader)."""

    en: tuple[NonEmpty, ...] = ()
    de: tuple[NonEmpty, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return self.de if lang == "de" else self.en


class KeyPoint(Frozen):
    id: Slug
    weight: float = Field(default=1.0, gt=0, le=5)
    en: NonEmpty
    de: NonEmpty
    terms: Terms = Terms()

    def text(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


class Misconception(Frozen):
    """A wrong claim a candidate (or the source article) makes, and its correction."""

    id: Slug
    claim: Text
    correction: Text
    article_error: bool = False
    terms: Terms = Terms()


class Card(Frozen):
    id: Slug
    topic: Topic
    roles: tuple[Role, ...] = Field(min_length=1)
    difficulty: Difficulty
    source: Source
    section: Section | None = None  # the article's section, for article cards only
    question: Text
    answer: Text
    key_points: tuple[KeyPoint, ...] = Field(min_length=4, max_length=8)
    misconceptions: tuple[Misconception, ...] = Field(min_length=2)
    follow_ups: tuple[Text, ...] = Field(min_length=2)
    labs: tuple[Slug, ...] = ()
    problems: tuple[Slug, ...] = ()

    @field_validator("key_points")
    @classmethod
    def _unique_key_point_ids(cls, points: tuple[KeyPoint, ...]) -> tuple[KeyPoint, ...]:
        _reject_duplicates([p.id for p in points], "key point")
        return points

    @field_validator("misconceptions")
    @classmethod
    def _unique_misconception_ids(
        cls, items: tuple[Misconception, ...]
    ) -> tuple[Misconception, ...]:
        _reject_duplicates([m.id for m in items], "misconception")
        return items

    @model_validator(mode="after")
    def _section_only_for_article_cards(self) -> Card:
        if self.section is not None and self.source is not Source.ARTICLE:
            raise ValueError("section: only a card from the article has an article section")
        return self

    @field_validator("roles")
    @classmethod
    def _unique_roles(cls, roles: tuple[Role, ...]) -> tuple[Role, ...]:
        _reject_duplicates([r.value for r in roles], "role")
        return roles

    @property
    def languages(self) -> tuple[str, ...]:
        return LANGUAGES

    def answer_words(self, lang: str) -> int:
        return len(re.findall(r"\w+", self.answer.get(lang)))


def _reject_duplicates(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"duplicate {what} id {item!r}")
        seen.add(item)
