"""The product's fixed vocabulary, in one place: languages, roles, topics, difficulties,
sources, interview stages and levels.

Plain enums with no dependencies, so anything (the CLI's start path included) can use
them without loading pydantic or the bank.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

LANGUAGES: tuple[str, ...] = ("en", "de")
Language = Literal["en", "de"]


class Role(StrEnum):
    """The roles practice filters, mock interviews and kits are planned for."""

    GENERALIST = "generalist"
    COMPUTER_VISION = "computer-vision"
    NLP = "nlp"
    LLM = "llm"
    REINFORCEMENT_LEARNING = "reinforcement-learning"
    BIG_TECH = "big-tech"


class Topic(StrEnum):
    """Subjects a candidate filters by; a card's folder is its topic. The article's own
    sections live in `Section`, so a subject never has to be named after one."""

    CLASSICAL_ML = "classical-ml"
    DEEP_LEARNING = "deep-learning"
    LLM = "llm"
    STATISTICS = "statistics"
    EVALUATION = "evaluation"
    DATA = "data"
    COMPUTER_VISION = "computer-vision"
    NLP = "nlp"
    REINFORCEMENT_LEARNING = "reinforcement-learning"
    SYSTEM_DESIGN = "system-design"
    MLOPS = "mlops"
    CAREER = "career"
    CODING = "coding"


class Section(StrEnum):
    """The source article's sections: an article card keeps its section beside its topic,
    so the article view and the mission map read as the article does."""

    BASICS = "basics"
    TECHNICAL = "technical"
    COMPUTER_VISION = "computer-vision"
    NLP = "nlp"
    LLM = "llm"
    REINFORCEMENT_LEARNING = "reinforcement-learning"
    FAANG = "faang"
    FAQ = "faq"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Source(StrEnum):
    ARTICLE = "article"
    EXTENDED = "extended"


class Stage(StrEnum):
    """The five stages real ML interviews have."""

    CODING = "coding"
    ALGORITHMS = "algorithms"
    ROLE = "role-specific"
    SYSTEM_DESIGN = "system-design"
    MLOPS = "mlops"


class Level(StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"


def check_choice(value: str | None, allowed: type[StrEnum], name: str) -> str | None:
    """``value`` if it is one of ``allowed`` (None and "" mean no filter); else a ValueError
    that lists the options."""
    if value is None or value == "":
        return None
    options = [item.value for item in allowed]
    if value not in options:
        raise ValueError(f"unknown {name} {value!r}; choose one of: {', '.join(options)}")
    return value


# Every name above as people read it, in English and German (the one home for them: the
# web app, the CLI, reports and kits show these, never the raw ids).
LABELS: dict[str, tuple[str, str]] = {
    # topics
    "computer-vision": ("Computer vision", "Computer Vision"),
    "nlp": ("NLP", "NLP"),
    "llm": ("LLMs", "LLMs"),
    "reinforcement-learning": ("Reinforcement learning", "Reinforcement Learning"),
    "coding": ("Coding", "Programmieren"),
    "career": ("Career & behavioural", "Karriere & Behavioral"),
    "system-design": ("ML system design", "ML-Systemdesign"),
    "mlops": ("MLOps", "MLOps"),
    "classical-ml": ("Classical ML", "Klassisches ML"),
    "deep-learning": ("Deep learning", "Deep Learning"),
    "statistics": ("Statistics", "Statistik"),
    "evaluation": ("Evaluation & metrics", "Evaluation & Metriken"),
    "data": ("Data & features", "Daten & Features"),
    # article sections (the rest share their names with topics)
    "basics": ("Basics", "Grundlagen"),
    "technical": ("Technical", "Technische Fragen"),
    "faang": ("Big-tech questions", "Big-Tech-Fragen"),
    "faq": ("FAQ", "FAQ"),
    # roles
    "generalist": ("ML generalist", "ML-Generalist:in"),
    "big-tech": ("Big tech", "Big Tech"),
    # difficulties
    "easy": ("easy", "leicht"),
    "medium": ("medium", "mittel"),
    "hard": ("hard", "schwer"),
    # sources
    "article": ("from the article", "aus dem Artikel"),
    "extended": ("added", "ergänzt"),
    # stages
    "algorithms": ("Algorithms & data", "Algorithmen & Daten"),
    "role-specific": ("Role-specific", "Rollenspezifisch"),
    # levels
    "junior": ("junior", "Junior"),
    "mid": ("mid-level", "Mid-Level"),
    "senior": ("senior", "Senior"),
}


def label(value: str | StrEnum, lang: str = "en") -> str:
    """The readable name of a vocabulary value in ``lang`` (the value itself if unknown)."""
    key = value.value if isinstance(value, StrEnum) else str(value)
    names = LABELS.get(key)
    if names is None:
        return key
    return names[1] if lang == "de" else names[0]
