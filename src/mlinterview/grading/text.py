"""Text handling for the grader: cleaning, sentences, tokens, lemma keys, language, negation.

Everything here is deterministic and offline. Words are reduced to *keys* (simplemma lemma,
lower-cased, umlauts folded, British ``-ise`` spelt ``-ize``, then a Snowball stem) so that
"regularisation", "Regularization" and "regularize" meet, and "Bäume" meets "Baum".
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache

#: Longest answer text that is analysed; a longer answer is graded on its beginning.
MAX_CHARS = 8000
#: Longest sentence kept whole; longer ones are cut at clause boundaries.
MAX_SENTENCE_CHARS = 320
#: Most sentences that are analysed (and embedded) per text.
MAX_SENTENCES = 60

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def _word_set(text: str) -> frozenset[str]:
    """A whitespace-separated word list written as a block of text."""
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": _word_set(
        """
        a an the and or but if then than so as of to in on at by for with from into onto
        over under about between through during before after above below up down out off is
        are was were be been being am do does did doing have has had having can could may
        might must shall should will would it its it's this that these those there here
        which who whom whose what when where why how i you he she we they me him her us them
        my your his our their mine yours ours theirs one ones some any all each every both
        either neither other another such same own more most much many few less least very
        too just also only even still already again ever quite rather really well then thus
        hence therefore because since while although though whereas however etc e.g i.e let
        lets let's get gets got make makes made use used uses using via per like
        """
    ),
    "de": _word_set(
        """
        der die das den dem des ein eine einer eines einem einen und oder aber wenn dann als
        wie so von zu zum zur im in am an auf aus bei mit nach seit um unter über vor durch
        für gegen ohne bis ist sind war waren sein wird werden wurde wurden worden hat haben
        hatte hatten kann können könnte könnten muss müssen soll sollte sollten darf dürfen
        mag möchte es er sie wir ihr ich du man sich mich mir dich dir uns euch ihm ihn
        ihnen sein seine seiner seinen seinem ihre ihrem ihren ihres unser dies diese dieser
        dieses diesem diesen jene jener jenes das dass daß welche welcher welches was wer wo
        warum wieso weshalb wann auch noch schon nur sehr mehr meist etwa eben ja doch mal
        dabei dazu damit dafür davon daher darum deshalb also denn weil da während obwohl
        zwar bzw usw z.b d.h etc jede jeder jedes jeden jedem alle allen aller alles viel
        viele vielen einige einigen andere anderen anderer anderes gleich selbst hier dort
        sowie beim vom ins ob
        """
    ),
}

#: Words that flip or reject a statement; a sentence containing one is *negated*.
NEGATIONS: dict[str, frozenset[str]] = {
    "en": _word_set(
        """
        not no never none nothing nobody neither nor without cannot can't don't doesn't
        didn't isn't aren't wasn't weren't won't wouldn't shouldn't couldn't mustn't hasn't
        haven't hadn't myth wrong false untrue incorrect misconception
        """
    ),
    "de": _word_set(
        """
        nicht kein keine keiner keines keinem keinen nie niemals nichts niemand weder ohne
        mythos irrtum falsch unsinn trugschluss fehlannahme
        """
    ),
}

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = re.compile(
    r"\b(?:z\.\s?B|d\.\s?h|u\.\s?a|bzw|usw|vgl|ca|etc|e\.\s?g|i\.\s?e|vs|approx|resp|Nr|Dr|"
    r"Prof|bspw|ggf|inkl|evtl|sog|u\.\s?U|o\.\s?ä)\.",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(
    r"(?<=[.!?;:])\s+(?=[\"'„“(\[]?[^\W_])|\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)]))"
)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_CLAUSE = re.compile(r"(?<=[,;–—])\s+")
_PLACEHOLDER = "\u2063"  # invisible separator, kept inside abbreviations while splitting


def clean(text: str) -> str:
    """NFC text without control characters (tabs and newlines survive), capped in length."""
    text = unicodedata.normalize("NFC", text[: MAX_CHARS * 2])
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch)
        elif unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"}:
            out.append(" ")
        else:
            out.append(ch)
    cleaned = "".join(out).replace("\r", "\n").strip()
    return cleaned[:MAX_CHARS]


def split_sentences(text: str, *, lines: bool = False) -> list[str]:
    """Sentences (and bullet items) of ``text``; very long ones are cut at clause marks.

    ``lines``: a short line ends where its line ends (see :data:`LINE_ITEM_WORDS`); the card
    path reads answers so, the fitted free-answer path keeps the splitting it was fitted on.
    """
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", _PLACEHOLDER), text)
    parts = []
    pieces = _SENTENCE_END.split(protected)
    for raw in _split_short_lines(pieces) if lines else pieces:
        piece = _BULLET.sub("", raw.replace(_PLACEHOLDER, ".")).strip()
        piece = " ".join(piece.split())
        if not piece:
            continue
        parts.extend(_cut_long(piece))
    sentences = [p for p in parts if _WORD.search(p)]
    return sentences[:MAX_SENTENCES]


#: A line of at most this many words ends where its line ends: a list of terms typed one per
#: line ("Target leakage\nTemporal leakage") is not one run-on sentence. Longer lines are
#: prose, perhaps wrapped by hand.
LINE_ITEM_WORDS = 6


def _split_short_lines(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        current: list[str] = []
        for line in piece.split("\n"):
            current.append(line)
            if len(_WORD.findall(line)) <= LINE_ITEM_WORDS and line.strip():
                out.append("\n".join(current))
                current = []
        if current:
            out.append("\n".join(current))
    return out


def _cut_long(sentence: str) -> list[str]:
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence]
    pieces: list[str] = []
    current = ""
    for clause in _CLAUSE.split(sentence):
        if current and len(current) + len(clause) + 1 > MAX_SENTENCE_CHARS:
            pieces.append(current)
            current = clause
        else:
            current = f"{current} {clause}".strip()
    if current:
        pieces.append(current)
    out: list[str] = []
    for piece in pieces:  # a clause without commas can still be huge (gibberish)
        out.extend(
            piece[i : i + MAX_SENTENCE_CHARS] for i in range(0, len(piece), MAX_SENTENCE_CHARS)
        )
    return out


_ITEM_BREAK = re.compile(
    r"[,;/]|:\s|\s[-–—>]+\s|\s+(?:und|oder|sowie|dann|danach|and|or|then)\s+"
    r"|\b(?:z\.\s?B|e\.\s?g|i\.\s?e|d\.\s?h|u\.\s?a)\.",
    re.IGNORECASE,
)


def split_items(sentence: str) -> list[str]:
    """The list items of a sentence ("Tanken - Einkaufen - Bezahlen" gives three).

    Short answers are often bare lists; each item must be able to meet a rubric point on
    its own, without the rest of the sentence diluting it.
    """
    items: list[str] = []
    for piece in _ITEM_BREAK.split(sentence):
        item = piece.strip(" .,:-–—\"'„“()")
        if _WORD.search(item) and item not in items:
            items.append(item)
    return items[:MAX_SENTENCES]


def char_grams(text: str, size: int = 4) -> frozenset[str]:
    """Character n-grams of the folded words: "Kundenkarte" shares most of "Karte"'s."""
    joined = " " + " ".join(fold(w) for w in words(text)) + " "
    return frozenset(joined[i : i + size] for i in range(len(joined) - size + 1))


def words(text: str) -> list[str]:
    """Lower-cased word tokens; hyphenated compounds give their parts."""
    return [m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text)]


def fold(word: str) -> str:
    """Lower case without accents (ä → a, ß → ss), so umlaut-free typing still matches."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_ENGLISH_ISE = re.compile(r"(?<=[a-z]{3})(is|ys)(e|es|ed|ing|ation|ations|er|ers)$")


class _Keys:
    """Word → key for one language, memoised (simplemma's dictionary loads once)."""

    def __init__(self, lang: str) -> None:
        import simplemma
        import snowballstemmer

        self.lang = lang
        self._lemmatize: Callable[..., str] = simplemma.lemmatize
        self._stemmer = snowballstemmer.stemmer("german" if lang == "de" else "english")
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()

    def key(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if any(ch.isdigit() for ch in word):
            result = word
        else:
            try:
                lemma = self._lemmatize(word, lang=self.lang)
            except Exception:  # simplemma raises on odd input; the word itself will do
                lemma = word
            base = fold(lemma)
            if self.lang == "en":
                base = _ENGLISH_ISE.sub(
                    lambda m: ("iz" if m.group(1) == "is" else "yz") + m.group(2), base
                )
            result = self._stemmer.stemWord(base) if len(base) > 3 else base
        with self._lock:
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[word] = result
        return result


_KEYS: dict[str, _Keys] = {}
_KEYS_LOCK = threading.Lock()


def keyer(lang: str) -> _Keys:
    """The process-wide key function for ``lang`` ("en" or "de")."""
    lang = "de" if lang == "de" else "en"
    with _KEYS_LOCK:
        if lang not in _KEYS:
            _KEYS[lang] = _Keys(lang)
        return _KEYS[lang]


def keys(text_words: list[str], lang: str) -> list[str]:
    k = keyer(lang)
    return [k.key(w) for w in text_words]


def is_stopword(word: str, lang: str) -> bool:
    return word in STOPWORDS["de" if lang == "de" else "en"]


def is_negated(text_words: list[str], lang: str) -> bool:
    cues = NEGATIONS["de" if lang == "de" else "en"]
    return any(w in cues or w.endswith("n't") for w in text_words)


@lru_cache(maxsize=1)
def _language_cues() -> dict[str, frozenset[str]]:
    return {
        "en": STOPWORDS["en"] - STOPWORDS["de"],
        "de": STOPWORDS["de"] - STOPWORDS["en"],
    }


def detect_language(text: str) -> str | None:
    """The answer's language ("en"/"de") from function words; None without evidence.

    Empty text, gibberish and formulas give None, so the caller falls back to the user's
    language.
    """
    cues = _language_cues()
    tokens = words(text[:4000])
    en = float(sum(1 for w in tokens if w in cues["en"]))
    de = float(sum(1 for w in tokens if w in cues["de"]))
    de += sum(1 for ch in text[:4000] if ch in "äöüßÄÖÜ") * 0.5
    if max(en, de) < 1:
        return None
    return "de" if de > en else "en"
