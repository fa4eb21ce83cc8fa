"""Lexical signals: does a sentence contain a rubric term, how much of a statement it repeats.

Terms are matched on word keys (see :mod:`text`), in order with small gaps allowed, so
"stores the whole training data" matches the term "store the training data". German
compounds get one more chance: a long single-word term also matches inside a longer word
("augmentierung" in "Datenaugmentierung").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mlinterview.grading import text as tx

#: Words a multi-word term may skip between two of its words.
MAX_GAP = 2
#: Shortest single-word term that may match inside a compound word.
MIN_COMPOUND_PART = 5


@dataclass(frozen=True)
class Sentence:
    text: str
    words: tuple[str, ...]
    keys: tuple[str, ...]
    content: frozenset[str]
    negated: bool


@dataclass(frozen=True)
class Analysed:
    """A text split into sentences with their word keys, in one language."""

    lang: str
    sentences: tuple[Sentence, ...]

    @property
    def content(self) -> frozenset[str]:
        out: set[str] = set()
        for s in self.sentences:
            out |= s.content
        return frozenset(out)

    @property
    def n_words(self) -> int:
        return sum(len(s.words) for s in self.sentences)


def content_keys(ws: list[str], ks: list[str], lang: str) -> frozenset[str]:
    return frozenset(
        k for w, k in zip(ws, ks, strict=True) if not tx.is_stopword(w, lang) and len(w) > 1
    )


def analyse_sentence(sentence: str, lang: str) -> Sentence:
    ws = tx.words(sentence)
    ks = tx.keys(ws, lang)
    return Sentence(
        text=sentence,
        words=tuple(ws),
        keys=tuple(ks),
        content=content_keys(ws, ks, lang),
        negated=tx.is_negated(ws, lang),
    )


def analyse(text: str, lang: str, *, lines: bool = False) -> Analysed:
    """``lines``: short lines are sentences of their own (see :func:`text.split_sentences`)."""
    sentences = tuple(analyse_sentence(s, lang) for s in tx.split_sentences(text, lines=lines))
    return Analysed(lang, sentences)


@lru_cache(maxsize=8192)
def analyse_statement(text: str, lang: str) -> Sentence:
    """A rubric statement or term as one unit (cached: rubrics repeat)."""
    return analyse_sentence(" ".join(text.split()), lang)


def term_match(term: Sentence, sentence: Sentence) -> float:
    """How well ``sentence`` contains ``term`` (see :func:`locate_term`)."""
    return locate_term(term, sentence)[0]


def locate_term(term: Sentence, sentence: Sentence) -> tuple[float, int, int]:
    """Score and word span of the best occurrence of ``term`` in ``sentence``.

    1.0: the term's words in order (small gaps allowed); 0.9: a long single-word term inside
    a compound; 0.7: all words of a multi-word term present but out of order; otherwise the
    share of its content words found, halved (a hint, not a match). The span is (0, 0) when
    there is no positional match.
    """
    tk = term.keys
    if not tk:
        return 0.0, 0, 0
    sk = sentence.keys
    span = _in_order(tk, sk)
    if span is not None:
        return 1.0, span[0], span[1]
    if len(tk) == 1:
        folded = tx.fold(term.words[0])
        if len(folded) >= MIN_COMPOUND_PART:
            for i, w in enumerate(sentence.words):
                if len(w) > len(folded) and folded in tx.fold(w):
                    return 0.9, i, i + 1
        return 0.0, 0, 0
    present = set(sk)
    if all(k in present for k in tk):
        positions = [sk.index(k) for k in tk]
        return 0.7, min(positions), max(positions) + 1
    # all words count here, stopwords too: in "more data" the word "more" is the point
    share = sum(1 for k in set(tk) if k in present) / len(set(tk))
    return (0.5 * share if share >= 0.5 else 0.0), 0, 0


def _in_order(needle: tuple[str, ...], hay: tuple[str, ...]) -> tuple[int, int] | None:
    first = needle[0]
    for start, key in enumerate(hay):
        if key != first:
            continue
        pos = start
        ok = True
        for k in needle[1:]:
            window = hay[pos + 1 : pos + 2 + MAX_GAP]
            try:
                pos = pos + 1 + window.index(k)
            except ValueError:
                ok = False
                break
        if ok:
            return start, pos + 1
    return None


def negated_near(sentence: Sentence, start: int, end: int, lang: str, window: int = 3) -> bool:
    """Whether a negation word stands within ``window`` words of the span (or inside it)."""
    lo = max(0, start - window)
    hi = min(len(sentence.words), end + window)
    return tx.is_negated(list(sentence.words[lo:hi]), lang)


def overlap(
    statement: Sentence, keys: frozenset[str], ignore: frozenset[str] = frozenset()
) -> float:
    """Share of the statement's content words (less ``ignore``) that appear in ``keys``.

    Words of the question are ignored ("question demoting"): repeating "overfitting" in an
    answer about overfitting is no evidence for any particular key point.
    """
    content = statement.content - ignore
    if not content:
        return 0.0
    return len(content & keys) / len(content)
