"""Does a sentence *state* a key point or a misconception, or only use its words?

The fitted rules see words and embeddings, not claims: "more data does not help" shares
every word with "more data helps", and "regularisation, dropout, early stopping" names
three remedies without saying what any of them does. Three checks sit on top of them:

* **stance**: a clause that denies a point ("does not help", "nicht", "makes it worse") or
  reverses its direction ("more data *raises* variance" against "more data lowers
  variance") does not state it. Each occurrence of a point's term (an *anchor*) is read in
  its own clause and compared with the same term in the point's own text, so a point that is
  itself negative ("fails to generalise", "nicht den Bias") is met by a negative answer.
* **bare lists**: a sentence that is only a list of short terms with no claim explains
  nothing, so a point found there is at most "partly"; see :func:`list_share`.
* **stated misconceptions**: a misconception's term must sit in a clause of the claim's
  polarity, with the claim's subject (or only a pronoun) before it, not another subject
  ("I would use accuracy, it is the best metric ..." is not "ROC AUC is the best metric").
  Without a term, the clause must share most of the claim's own words.

Everything is word-level and deterministic, in English and German.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from mlinterview.grading import lexical as lx
from mlinterview.grading import text as tx

#: Version of these rules; part of the engine version that batch results carry.
CLAIMS_VERSION = 5

#: A term occurrence at least this good anchors a claim (in order, or a compound part).
ANCHOR = 0.9


def _set(block: str) -> frozenset[str]:
    """A whitespace-separated word list written as a block of text."""
    return frozenset(block.split())


#: Words that open a new clause: contrasts and subordinate clauses.
_CONTRAST: dict[str, frozenset[str]] = {
    "en": _set(
        """
        but however whereas while although though yet instead unlike except so because
        since which who where when if unless whether that i you we they
        """
    ),
    "de": _set(
        """
        aber jedoch sondern während obwohl hingegen dagegen allerdings außer weil wenn falls
        damit dass sodass wobei
        """
    ),
}
#: Pronouns that open a clause of their own ("... but we know ...").
_PRONOUN_OPENERS = _set("i you we they")
#: Words after a denial that make it no denial: "not only", "nicht nur", "don't forget to
#: scale", "nicht vergessen".
_UNDENY = _set(
    """
    only just merely solely forget overlook ignore underestimate nur bloß lediglich allein
    vergessen vergisst übersehen ignorieren unterschätzen vernachlässigen
    """
)
#: Words that deny or reverse what comes just before them ("more data does *not* help",
#: "regularisation *hurts*"). Only a cue right after a term counts (see :func:`_denies`).
#: Left out: "without"/"ohne" (it negates what follows: "works without labels"), "wrong",
#: "myth" and the like (they stand before what they reject, or mean "gets it wrong"), and
#: "fails" (usually the claim itself: "fails on XOR-like interactions").
_DENIAL: dict[str, frozenset[str]] = {
    "en": _set(
        """
        not no never none nothing neither nor cannot can't don't doesn't didn't isn't
        aren't wasn't weren't won't wouldn't hasn't haven't hadn't worsen worsens worsened
        hurt hurts harm harms harmful useless pointless counterproductive backfire backfires
        irrelevant unnecessary needless superfluous unneeded overrated
        """
    ),
    "de": _set(
        """
        nicht kein keine keiner keines keinem keinen nie niemals nichts weder verschlechtert
        verschlechtern verschlimmert verschlimmern schadet schaden schädlich nutzlos sinnlos
        kontraproduktiv irrelevant unnötig überflüssig egal entbehrlich unwichtig entfällt
        entfallen
        """
    ),
}
#: A denial after a modal is advice, not a denial: "the same customer must not be in train
#: and test", "man darf nicht mischen" state the point.
_MODALS: dict[str, frozenset[str]] = {
    "en": _set("must should shall need needs ought"),
    "de": _set("darf dürfen muss müssen sollte sollten soll sollen"),
}
#: Modals of necessity: denied, they say a thing is not needed ("man muss nie eine MDE
#: festlegen", "you never need those"), where "must not" and "darf nicht" forbid.
_NECESSITY = _set("need needs muss müssen")
#: Words after which a denial belongs to something else ("... and doesn't need labels").
_JOINERS = _set("and or und oder sowie")
#: Words that make a key point itself negative or contrastive ("avoids divergence", "loss
#: rather than capabilities", "fails on tiny samples", "Cluster statt Events"): answers
#: meet such a point with denials of their own, so denials are not held against them.
_NEGATIVE_MEANING: dict[str, frozenset[str]] = {
    "en": _set(
        """
        without rather instead avoid avoids prevent prevents stop stops fail fails unlike
        misleading unreliable wrong false poorly
        """
    ),
    "de": _set(
        """
        ohne statt anstatt anstelle vermeidet vermeiden verhindert verhindern versagt
        scheitert täuscht irreführend unzuverlässig falsch
        """
    ),
}
#: "false" in a term of art is no judgement: "false positive", "falsch negativ".
_TERM_OF_ART_AFTER = _set(
    """
    positive positives negative negatives discovery discoveries alarm alarms rejection
    rejections positiv positive positiven positiver negativ negative negativen negativer
    """
)


def _negative_meaning_at(words: Sequence[str], i: int, lang: str) -> bool:
    """Whether words[i] gives its clause a negative meaning (not "false" of "false positive")."""
    if words[i] not in _NEGATIVE_MEANING[_lang(lang)]:
        return False
    return not (
        words[i] in ("false", "falsch")
        and i + 1 < len(words)
        and words[i + 1] in _TERM_OF_ART_AFTER
    )


#: "worse" denies only as "makes it worse" ("generalises worse" is a claim of its own).
_WORSE: dict[str, frozenset[str]] = {
    "en": frozenset({"worse"}),
    "de": frozenset({"schlechter", "schlimmer"}),
}
_MAKE: dict[str, frozenset[str]] = {
    "en": frozenset({"make", "makes", "made", "making"}),
    "de": frozenset({"macht", "machen", "machte"}),
}
#: How many words after a term a denial cue may stand anywhere in the clause; further on
#: only at the clause's end ("Mehr Daten senken die Varianz hier nicht", "is not needed").
DENIAL_WINDOW = 4
#: How many words before a term a denial may stand ("there is no reason to use unlabelled
#: data"); further back it belongs to something else ("data that isn't linearly separable
#: by working in a higher-dimensional space").
BACK_WINDOW = 6
#: Before a term, these are advice ("you can't shuffle the data"), not denials.
_CAN_NOT = _set("can't cannot")
#: A word after "and" that starts a predicate of its own.
_AUX: dict[str, frozenset[str]] = {
    "en": _set("is are was were does do did can will has have had"),
    "de": _set("ist sind war waren hat haben kann können wird werden"),
}
#: Hedges: a clause that makes its subject depend on something commits to nothing about it
#: ("the right learning rate really depends on the dataset", "hängt vom Datensatz ab", "kommt
#: darauf an"); see :func:`_hedged`.
_HEDGES: dict[str, frozenset[str]] = {
    "en": _set("depend depends depending varies vary"),
    "de": _set("hängt hängen abhängig abhängt abhängen kommt je"),
}
#: German hedges need their partner: "hängt ... ab", "kommt ... an", "je nach".
_HEDGE_PARTNER: dict[str, frozenset[str]] = {
    "hängt": frozenset({"ab"}),
    "hängen": frozenset({"ab"}),
    "kommt": frozenset({"an", "darauf", "drauf"}),
    "je": frozenset({"nach"}),
}
#: Direction words: which way a quantity moves.
_UP: dict[str, frozenset[str]] = {
    "en": _set("""
        increase increases increased increasing raise raises raised raising higher more
        grow grows growing rise rises rising larger bigger greater boost boosts amplify
        amplifies
        """),
    "de": _set("""
        erhöht erhöhen erhöhe erhöhung steigt steigen steigert steigern höher höhere höheren
        höheres mehr größer größere größeren wächst wachsen verstärkt verstärken
        """),
}
_DOWN: dict[str, frozenset[str]] = {
    "en": _set("""
        reduce reduces reduced reducing lower lowers lowered lowering decrease decreases
        decreased decreasing less fewer smaller shrink shrinks drop drops cut cuts
        diminish diminishes fall falls falling
        """),
    "de": _set("""
        senkt senken sinkt sinken verringert verringern reduziert reduzieren weniger
        kleiner kleinere kleineren niedriger niedrigere niedrigeren geringer geringere
        mindert mindern verkleinert verkleinern schrumpft schrumpfen
        """),
}
#: Contrast words that may also stand as an adverb inside a clause.
_CONTRAST_ADVERBS: dict[str, frozenset[str]] = {
    "en": _set("however"),
    "de": _set("aber jedoch allerdings dagegen hingegen"),
}
_PUNCT_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def _lang(lang: str) -> str:
    return "de" if lang == "de" else "en"


@lru_cache(maxsize=4096)
def clause_ids(text: str, lang: str) -> tuple[int, ...]:
    """Clause number of every word of ``text`` (as :func:`text.words` splits it).

    Clauses end at commas, semicolons, colons, dashes and brackets and before a contrast
    word ("but", "aber", "sondern"): "Mehr Daten senken die Varianz, aber nicht den Bias"
    has two, and the negation belongs to the second only.
    """
    l2 = _lang(lang)
    contrast = _CONTRAST[l2]
    spans = [m.span() for m in tx._WORD.finditer(text)]
    lowered = [text[a:b].lower() for a, b in spans]
    ids: list[int] = []
    current = 0
    for i, (start, _end) in enumerate(spans):
        if i:
            gap = text[spans[i - 1][1] : start]
            word = lowered[i]
            # a pronoun before a denial is an object, not a new subject ("tells you nothing")
            obj = word in _PRONOUN_OPENERS and i + 1 < len(spans) and lowered[i + 1] in _DENIAL[l2]
            # right after the finite verb (and its subject) a contrast word is an adverb of
            # this clause: "Der MAE ist allerdings nicht robust", "hat DBSCAN aber keine
            # Probleme", "is however not needed"
            adverb = word in _CONTRAST_ADVERBS[l2] and (
                lowered[i - 1] in _AUX[l2] or (i >= 2 and lowered[i - 2] in _AUX[l2])
            )
            if _PUNCT_BREAK.search(gap) or (word in contrast and not obj and not adverb):
                current += 1
        ids.append(current)
    return tuple(ids)


def _clause_words(sentence: lx.Sentence, lang: str, clause: int) -> list[int]:
    ids = clause_ids(sentence.text, lang)
    return [i for i, c in enumerate(ids) if c == clause]


def _is_cue(words: tuple[str, ...] | list[str], i: int, lang: str, since: int = 0) -> bool:
    """Whether words[i] denies; a modal earlier in its clause (from ``since``) makes it advice."""
    l2 = _lang(lang)
    w = words[i]
    if i + 1 < len(words) and words[i + 1] in _UNDENY:
        return False
    if w in _DENIAL[l2] or w.endswith("n't"):
        advice = any(v in _MODALS[l2] and v not in _NECESSITY for v in words[since:i])
        return not advice and not w.startswith(("mustn", "shouldn", "needn"))
    if i + 1 < len(words) and words[i + 1] in ("than", "als"):
        return False  # "makes it worse than the baseline" compares
    return w in _WORSE[l2] and any(v in _MAKE[l2] for v in words[max(0, i - 3) : i])


def _negative(statement: lx.Sentence, lang: str) -> bool:
    """Whether a key point itself denies, avoids or contrasts something."""
    words = statement.words
    return _denied(list(words), lang) or any(
        _negative_meaning_at(words, i, lang) for i in range(len(words))
    )


def _denied(words: list[str], lang: str) -> bool:
    return any(_is_cue(words, i, lang) for i in range(len(words)))


def _denies(sentence: lx.Sentence, start: int, end: int, lang: str) -> bool:
    """A denial cue in the term's clause: before it (back to a joiner), inside it, or after it.

    "More data does not help", "Mehr Daten senken die Varianz hier nicht", "dropout makes it
    worse", "does not need labelled examples", "there is no reason to use unlabelled data",
    "findet keine Struktur" deny; "not only", "don't forget to" do not. Advice is not a
    denial ("must not", "darf nicht", "you can't shuffle"), nor is a cue after "and" that
    starts a predicate of its own ("uses a teacher and doesn't need labels").
    """
    ids = clause_ids(sentence.text, lang)
    words = sentence.words
    clause = ids[start]
    since = ids.index(clause)
    if _matrix_denies(sentence, ids, clause, lang) or _judged_after(sentence, ids, clause, lang):
        return True
    for i in range(start - 1, max(since, start - BACK_WINDOW) - 1, -1):
        if words[i] in _JOINERS and i + 1 < start:
            # "needs no labels and finds clusters": the denial is the other predicate's; not
            # "does not search over features and thresholds", where the term is joined
            break
        if words[i] not in _CAN_NOT and _is_cue(words, i, lang, since):
            return True
        if i >= start - REJECT_WINDOW and _rejects_what_follows(words, i, lang):
            return True  # "deep trees rather than shallow trees", "statt flacher Bäume"
        if i == start - 1 and _is_cue(words, i, lang, since=i):
            return True  # "you should not standardise": the advice is against the term itself
    last = _clause_end(sentence, ids, clause, lang)
    reach = _subject_end(sentence, end, last, lang, since, start)
    for i in range(start, last + 1):
        if i >= reach + DENIAL_WINDOW and i < last - 1:
            continue  # far from the term, only a clause-final denial counts ("... hier nicht")
        joiner = i >= reach and words[i] in _JOINERS and i + 1 < len(words)
        if joiner and _new_predicate(sentence, i + 1, lang, since):
            break
        if _is_cue(words, i, lang, since):
            return True
    return False


#: How many words of a subject may follow the term that opens it before the verb ("of the
#: branch", "der letzten Schicht").
SUBJECT_TAIL = 4
#: How far after a term a joiner may stand that adds another term to it ("Residual
#: connections and normalisation do not help").
JOINED_TERM = 3


def _subject_end(
    sentence: lx.Sentence, end: int, last: int, lang: str, since: int, start: int | None = None
) -> int:
    """Where the words joined to a term end: "Residual connections and normalisation" is one
    subject, so the denial window counts from its end ("... do not help"). A term that opens
    its clause heads the subject up to the verb: "Zero-init of the branch is unnecessary"."""
    words = sentence.words
    reach = end
    if start is not None and start - since <= 1:
        for j in range(end, min(last, end + SUBJECT_TAIL) + 1):
            if _is_cue(words, j, lang, since) or words[j] in _JOINERS:
                break
            if words[j] in _AUX[_lang(lang)]:
                reach = j
                break
    j = reach
    while j < min(last, reach + JOINED_TERM):
        if (
            words[j] in _JOINERS
            and j + 1 <= last
            and not _new_predicate(sentence, j + 1, lang, since)
        ):
            reach = j + 2
        elif _is_cue(words, j, lang, since) or words[j] in _AUX[_lang(lang)]:
            break
        j += 1
    return reach


#: Words that open a relative or complement clause ("features that are ...", "dass ...").
_SUBORDINATORS: dict[str, frozenset[str]] = {
    "en": _set("that which who whom"),
    "de": _set("dass ob die der das welche welcher welches den dem"),
}
#: Subordinators that may open a sentence ("Dass k-Means nur ... erreicht, ist ein Mythos").
_OPENING_SUBORDINATORS = _set("dass ob welche welcher welches")
#: German question words that open an indirect question before its verdict: "Was Xavier
#: anders macht, weiß ich nicht" (not "Was macht Xavier?", where the verb follows).
_OPENING_QUESTION_WORDS = _set("was wie warum wozu wieso weshalb")
#: Words that reject a whole claim next to them: "It is a myth that ...", "..., ist falsch".
_REJECTIONS: dict[str, frozenset[str]] = {
    "en": _set("myth myths wrong false untrue misconception nonsense"),
    "de": _set("mythos irrtum falsch unsinn trugschluss fehlannahme quatsch"),
}
#: "rather than X", "instead of X", "statt X": X is what the sentence rejects.
_REJECTING_PAIRS = {("rather", "than"), ("instead", "of")}
_REJECTING_WORDS = _set("statt anstatt anstelle")
#: How far before a term "rather than" / "statt" rejects it ("statt einer harten 1 nimmt man
#: 0,9" rejects the hard 1, not what the clause goes on to say).
REJECT_WINDOW = 3


def _rejects_what_follows(words: tuple[str, ...], i: int, lang: str) -> bool:
    if _lang(lang) == "de":
        return words[i] in _REJECTING_WORDS
    return i >= 1 and (words[i - 1], words[i]) in _REJECTING_PAIRS


def _matrix_denies(sentence: lx.Sentence, ids: tuple[int, ...], clause: int, lang: str) -> bool:
    """A relative or complement clause takes the denial of the clause it hangs on: "I
    wouldn't worry about features that are a consequence of the label", "It is a myth that
    k-means only reaches a local minimum", "Features, die eine Folge des Labels sind, würde
    ich nicht als Leakage sehen", "Dass k-Means nur ein lokales Minimum erreicht, ist ein
    Mythos". The clause it hangs on is the one before; in German also the one after."""
    first = ids.index(clause)
    words = sentence.words
    opening = first == 0 and _lang(lang) == "de" and words[first] in _OPENING_QUESTION_WORDS
    if words[first] not in _SUBORDINATORS[_lang(lang)] and not opening:
        return False
    if first == 0 and words[first] not in _OPENING_SUBORDINATORS and not opening:
        return False  # "Die Gini-Unreinheit ist ...", "That is ...": an article or demonstrative
    german = _lang(lang) == "de"
    if german and first + 1 < len(words) and words[first + 1] in _VERBS["de"]:
        return False  # "das ist Planung": a demonstrative opens a main clause of its own
    near = [clause - 1] + ([clause + 1] if _lang(lang) == "de" else [])
    rejections = _REJECTIONS[_lang(lang)]
    for other in near:
        idx = [i for i, c in enumerate(ids) if c == other]
        if not idx:
            continue
        lo = idx[0]
        if any(
            sentence.words[i] in rejections or _is_cue(sentence.words, i, lang, lo) for i in idx
        ):
            return True
    return False


#: Words that point back at the clause before ("..., but that's nonsense", "..., you
#: never need those", "..., das ist Quatsch").
_POINTING_BACK: dict[str, frozenset[str]] = {
    "en": _set("that that's this those these them which"),
    "de": _set("das dies diese die den"),
}
#: Words that dismiss what such a clause points back at.
_DISMISSALS: dict[str, frozenset[str]] = {
    "en": _set(
        """
        nonsense myth myths wrong false untrue overrated unnecessary superfluous irrelevant
        pointless over-engineering overkill
        """
    ),
    "de": _set(
        """
        unsinn quatsch mythos irrtum falsch überflüssig unnötig egal irrelevant sinnlos
        paranoia
        """
    ),
}
#: Longest clause that only passes a verdict on the one before.
VERDICT_CLAUSE = 6


def _judged_after(sentence: lx.Sentence, ids: tuple[int, ...], clause: int, lang: str) -> bool:
    """The next clause is a short verdict that points back and dismisses this one: "People
    say RAG lets you cite sources, but that's nonsense", "the tricks like scaling residual
    projections, you never need those", "Warm-up braucht man, das ist Paranoia" (not: "it
    doesn't hurt latency", which says something of its own)."""
    l2 = _lang(lang)
    at = [i for i, c in enumerate(ids) if c == clause + 1]
    if not at or len(at) > VERDICT_CLAUSE:
        return False
    raw = _raw_words(sentence.text)
    words = [sentence.words[i] for i in at]
    if not any(
        sentence.words[i] in _POINTING_BACK[l2]
        # "die Initialisierung", "das Modell": an article of a German noun points nowhere
        and not (l2 == "de" and i + 1 < len(raw) and raw[i + 1][:1].isupper())
        for i in at
    ):
        return False
    dismissed = any(
        w in _DISMISSALS[l2]
        # "egal wie die Labels aussehen" is "regardless of"
        and not (i + 1 < len(words) and words[i + 1] in _OPENING_QUESTION_WORDS | {"ob"})
        for i, w in enumerate(words)
    )
    if dismissed:
        # "ganz egal wird die Initialisierung aber nicht": the dismissal is itself denied
        return not any(
            _is_cue(words, i, lang) and words[i] not in _DISMISSALS[l2] for i in range(len(words))
        )
    needed = [i for i, w in enumerate(words) if w in _NECESSITY or w.startswith("brauch")]
    return bool(needed) and any(_is_cue(words, i, lang) for i in range(len(words)))


def _clause_end(sentence: lx.Sentence, ids: tuple[int, ...], clause: int, lang: str) -> int:
    """Last word of the clause as far as its predicate goes: a short list item reaches into
    the predicate after the list, and a German infinitive clause that is the subject into
    its predicate ("Die Verteilungen zu vergleichen, bringt nichts", "..., führt nie zu")."""
    last = max(i for i, c in enumerate(ids) if c == clause)
    words = sentence.words
    first = ids.index(clause)
    # a term in an enumerated subject shares the predicate after the list ("The learning
    # rate, tree depth and early stopping really depend on the data"); not a contrast that
    # opens with the denial ("Regularisation, not more data, is key")
    opener = _CONTRAST[_lang(lang)] | _SUBORDINATORS[_lang(lang)]
    while last + 1 < len(words) and is_fragment(" ".join(words[first : last + 1]), lang):
        if _is_cue(words, last + 1, lang, since=last + 1) or words[last + 1] in opener:
            break
        last = max(i for i, c in enumerate(ids) if c == ids[last + 1])
    if _lang(lang) == "de" and last >= 1 and words[last - 1] == "zu" and last + 1 < len(words):
        raw = _raw_words(sentence.text)
        if last + 1 < len(raw) and raw[last + 1][:1].islower():  # a finite verb follows
            return max(i for i, c in enumerate(ids) if c == ids[last + 1])
    return last


def _n_content(words: tuple[str, ...] | list[str], lang: str) -> int:
    return sum(1 for w in words if not tx.is_stopword(w, lang))


def _new_predicate(sentence: lx.Sentence, i: int, lang: str, since: int) -> bool:
    """Whether the word after "and" starts a predicate of its own: an auxiliary or a denial
    ("and doesn't need labels"), in German also a lower-case word that is no article
    ("und lernt die Zusammenhänge nicht"; nouns are capitalised)."""
    w = sentence.words[i]
    if (
        w in _AUX[_lang(lang)]
        or w in _MODALS[_lang(lang)]
        or _is_cue(sentence.words, i, lang, since)
    ):
        return True
    if _lang(lang) == "de":
        raw = _raw_words(sentence.text)
        return i < len(raw) and raw[i][:1].islower() and not tx.is_stopword(w, lang)
    return False


@lru_cache(maxsize=4096)
def _raw_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as written (case kept), aligned with :func:`text.words`."""
    return tuple(m.group(0) for m in tx._WORD.finditer(text))


#: Words that may stand between a direction word and what it moves ("lowers *the*
#: variance", "senkt *die* Varianz"); any other word ends the look ahead ("grows *as* you
#: collect more data": what grows is before it).
_DETERMINERS = _set(
    """
    the a an its their this these that those both his her our your much far even
    der die das den dem des ein eine einen einem einer eines seine seinen ihre ihren beide
    beiden deutlich viel noch
    """
)
#: Verbs that join a subject to what is said of it ("the error *was* lower").
_COPULAS: dict[str, frozenset[str]] = {
    "en": _set("is are was were be been become becomes became gets get"),
    "de": _set("ist sind war waren wird werden wurde wurden bleibt bleiben"),
}
#: Direction words that are said of a subject through a copula ("the error was lower").
_COMPARATIVES: dict[str, frozenset[str]] = {
    "en": _set("higher lower larger bigger greater smaller more less fewer"),
    "de": _set(
        """
        höher höhere höheren höheres größer größere größeren kleiner kleinere kleineren
        niedriger niedrigere niedrigeren geringer geringere mehr weniger
        """
    ),
}
#: How far before a comparative its copula may stand.
COPULA_REACH = 6
#: Longest quantity a direction word moves, in words ("higher training error").
QUANTITY = 3


def _moves(
    sentence: lx.Sentence, indices: list[int], lang: str
) -> list[tuple[frozenset[str], int]]:
    """The quantities these words move and which way: (content keys, +1 up / -1 down).

    A direction word moves the words right after it ("lowers the training error"), else the
    ones just before it ("die Varianz sinkt", "the training error was lower"); a quantity is
    the run of content words there, so "higher training error" and "training error was
    lower" name the same one.
    """
    up, down = _UP[_lang(lang)], _DOWN[_lang(lang)]
    out: list[tuple[frozenset[str], int]] = []

    def content(i: int) -> bool:
        w = sentence.words[i]
        return not tx.is_stopword(w, lang) and w not in up and w not in down and len(w) > 1

    def sign_at(pos: int) -> int:
        w = sentence.words[indices[pos]] if 0 <= pos < len(indices) else ""
        return 1 if w in up else -1 if w in down else 0

    for pos, i in enumerate(indices):
        sign = sign_at(pos)
        if not sign:
            continue
        joined = [pos + 2, pos - 2]
        if any(
            sign_at(j) == -sign and sentence.words[indices[(pos + j) // 2]] in _JOINERS
            for j in joined
        ):
            continue  # "shrinks or grows" commits to neither way
        ahead = indices[pos + 1 :]
        skip = 0
        while skip < len(ahead) and skip < 2 and sentence.words[ahead[skip]] in _DETERMINERS:
            skip += 1
        run = list(itertools.takewhile(content, ahead[skip:]))[:QUANTITY]
        if not run:
            before = indices[:pos]
            if sentence.words[i] in _COMPARATIVES[_lang(lang)]:
                # said after a copula, a comparative is said of the subject before it ("Der
                # Trainingsfehler war bei tieferen Netzen niedriger")
                near = range(max(0, pos - COPULA_REACH), pos)
                copulas = [p for p in near if sentence.words[indices[p]] in _COPULAS[_lang(lang)]]
                before = indices[: copulas[-1]] if copulas else before
            back = [j for j in reversed(before) if content(j)]
            if back:
                nearest = indices.index(back[0])
                run = list(itertools.takewhile(content, reversed(indices[: nearest + 1])))
                run = run[:QUANTITY]
        if run:
            out.append((frozenset(sentence.keys[j] for j in run), sign))
    return out


def _moves_by_clause(statement: lx.Sentence, lang: str) -> list[tuple[frozenset[str], int]]:
    """The moves of a whole statement, each read inside its own clause: in "... steigen und
    dann fallen (Overoptimization ...)" the bracket is not what falls."""
    ids = clause_ids(statement.text, lang)
    return [
        move
        for clause in sorted(set(ids))
        for move in _moves(statement, [i for i, c in enumerate(ids) if c == clause], lang)
    ]


def _directions(sentence: lx.Sentence, indices: list[int], lang: str) -> dict[str, set[int]]:
    """Content key -> directions (+1 up, -1 down) it is moved in these words."""
    out: dict[str, set[int]] = {}
    for keys, sign in _moves(sentence, indices, lang):
        for key in keys:
            out.setdefault(key, set()).add(sign)
    return out


def _moved_the_other_way(
    mine: list[tuple[frozenset[str], int]], theirs: list[tuple[frozenset[str], int]]
) -> bool:
    """Whether the answer moves one of the point's quantities against it ("raises variance"
    against "lowers variance").

    Not when it moves *every* quantity of the point the other way: that is the same claim
    from the other end ("with less data the variance grows" states "more data lowers the
    variance"). Moving only some of them the other way is no such reading: in "complex
    models have more bias and less variance" the point's cause (complexity) is not moved.
    """
    quantities = [
        (keys, sign)
        for keys, sign in theirs
        # the point moves it both ways ("shrinks or grows exponentially"): no direction
        if not any(k & keys and s != sign for k, s in theirs)
    ]
    flipped = []
    for their_keys, their_sign in quantities:
        signs = {sign for keys, sign in mine if keys & their_keys}
        if len(signs) == 1:
            flipped.append(signs.pop() != their_sign)
    if not any(flipped):
        return False
    return not (len(flipped) >= 2 and all(flipped) and len(flipped) == len(quantities))


def _best_clause(sentence: lx.Sentence, statement: lx.Sentence, lang: str) -> int:
    """The clause of ``sentence`` that shares most content words with ``statement``."""
    ids = clause_ids(sentence.text, lang)
    if not ids:
        return 0
    best, best_share = ids[0], -1.0
    for clause in sorted(set(ids)):
        keys = {
            sentence.keys[i]
            for i, c in enumerate(ids)
            if c == clause and not tx.is_stopword(sentence.words[i], lang)
        }
        share = len(keys & statement.content) / max(1, len(statement.content))
        if share > best_share:
            best, best_share = clause, share
    return best


def anchors(
    sentence: lx.Sentence, terms: tuple[str, ...], lang: str
) -> list[tuple[lx.Sentence, int, int]]:
    """Occurrences of the terms in ``sentence``: (term, start, end) of each good match."""
    out = []
    for term in terms:
        t = lx.analyse_statement(term, lang)
        score, start, end = lx.locate_term(t, sentence)
        if score >= ANCHOR and end > start:
            out.append((t, start, end))
    return out


#: Operators of a formula, with the notations that mean the same folded together:
#: "σ·√n", "σ × √n" and "σ*√n" all multiply.
_OPERATORS = {"/": "/", "÷": "/", "·": "*", "×": "*", "*": "*", "^": "^", "√": "√", "=": "="}
_ROOT_WORDS = re.compile(r"\b(?:sqrt|root|wurzel)\b", re.IGNORECASE)


def _operators_between(text: str) -> str:
    """The operators in ``text`` in order, each in one notation ("sqrt" is a root)."""
    return "".join(_OPERATORS[ch] for ch in _ROOT_WORDS.sub("√", text) if ch in _OPERATORS)


def _gaps(text: str) -> list[str]:
    """The text between consecutive words (what separates "σ" from "n" in "σ/√n")."""
    spans = [m.span() for m in tx._WORD.finditer(text)]
    return [text[a[1] : b[0]] for a, b in itertools.pairwise(spans)]


def wrong_formula(sentence: lx.Sentence, term: lx.Sentence, start: int, end: int) -> bool:
    """The answer writes the term's formula with other operators: "σ·√n" for the point's
    "σ/√n". Word matching cannot see it (both are the words σ and n). Only an operator
    against another one counts: "A B test" for "A/B test" leaves one out and is not judged.
    """
    if end - start != len(term.words) or len(term.words) < 2:
        return False
    theirs = [_operators_between(g) for g in _gaps(term.text)]
    if not any(theirs):
        return False
    mine = [_operators_between(g) for g in _gaps(sentence.text)[start : end - 1]]
    return any(t and m and t != m for t, m in zip(theirs, mine, strict=True))


def point_stated(
    sentence: lx.Sentence, point_text: str, terms: tuple[str, ...], lang: str
) -> bool | None:
    """Whether ``sentence`` states the point (True), denies or reverses it (False).

    None when the sentence has no anchor of the point: then :func:`loosely_stated` decides.
    The sentence states the point when *one* anchor reads as the point does.
    """
    found = anchors(sentence, terms, lang)
    if not found:
        return None
    statement = lx.analyse_statement(point_text, lang)
    ids = clause_ids(sentence.text, lang)
    # anchors share their clause's predicate: one denied anchor denies the clause
    clauses: dict[int, bool] = {}
    for term, start, end in found:
        positive = _positive_in(statement, term, lang) and not _denied(list(term.words), lang)
        if not positive and not _same_subject(sentence, start, statement, term, lang):
            continue  # "Residual connections do not help against vanishing gradients" is not
            # "Clipping does not help against vanishing gradients"
        denied = positive and _denies(sentence, start, end, lang)
        denied = denied or wrong_formula(sentence, term, start, end)
        clauses[ids[start]] = clauses.get(ids[start], False) or denied
    hedging = _hedged(statement.words, lang)
    return any(
        not denied
        and not _reversed(sentence, clause, statement, lang)
        and (hedging or not _hedged_from(sentence, clause, lang))
        for clause, denied in clauses.items()
    )


def _hedged_from(sentence: lx.Sentence, clause: int, lang: str) -> bool:
    """Whether a hedge governs the clause: in its own predicate, or in a later clause of the
    sentence with no contrast between ("How you initialise it and how you choose k really
    depends on the use case", "Ob man L1 oder L2 nimmt, ist eine Abwägung, die vom Problem
    abhängt")."""
    if _hedged(_predicate_words(sentence, lang, clause), lang):
        return True
    ids = clause_ids(sentence.text, lang)
    contrast = _CONTRAST_ONLY[_lang(lang)]
    for other in sorted({c for c in ids if c > clause}):
        words = _words_of(sentence, lang, other)
        if any(w in contrast for w in words):
            return False
        talk = (_VAGUE[_lang(lang)] | _GENERIC[_lang(lang)]) - _HEDGES[_lang(lang)]
        if _hedged(words, lang) and any(w in talk for w in words):
            return True  # "... depends on the use case", not "... depends on which"
    return False


#: Words that turn a sentence to another claim ("..., but the learning rate matters").
_CONTRAST_ONLY: dict[str, frozenset[str]] = {
    "en": _set("but however whereas although though yet instead"),
    "de": _set("aber jedoch sondern obwohl hingegen dagegen allerdings"),
}


def _same_subject(
    sentence: lx.Sentence, start: int, statement: lx.Sentence, term: lx.Sentence, lang: str
) -> bool:
    """Whether the answer's clause says a negative point's term of the point's subject.

    A point that denies ("Clipping does nothing for vanishing gradients") is met by denials,
    so its term alone ("not for vanishing") is no evidence: the words before it in the
    clause must name the point's subject (its content words before its term; in German its
    nouns), or be only a pronoun ("it does not help ...").
    """
    score, t_start, t_end = lx.locate_term(term, statement)
    if score < ANCHOR or t_end <= t_start:
        return True
    ids = clause_ids(sentence.text, lang)
    if not _denied(_words_of(sentence, lang, ids[start]), lang):
        return True  # only a denial needs its subject checked
    subject = _subject_keys(statement, 0, t_start, lang)
    if not subject:
        return True
    first = ids.index(ids[start])
    if any(w in _PRONOUNS[_lang(lang)] for w in sentence.words[first:start]):
        return True  # "Außerdem hat es kein predict": said of the topic
    before = _subject_keys(sentence, first, start, lang)
    return not before or bool(before & subject)


def _subject_keys(sentence: lx.Sentence, lo: int, hi: int, lang: str) -> set[str]:
    """Content keys of words lo..hi that may name a subject (in German: nouns)."""
    raw = _raw_words(sentence.text)
    german = _lang(lang) == "de"
    return {
        sentence.keys[i]
        for i in range(lo, hi)
        if not tx.is_stopword(sentence.words[i], lang)
        and len(sentence.words[i]) > 1
        and sentence.words[i] not in _PRONOUNS[_lang(lang)]
        and not (german and i < len(raw) and raw[i][:1].islower())
    }


def _predicate_words(sentence: lx.Sentence, lang: str, clause: int) -> list[str]:
    """The words of a clause up to the end of its predicate (see :func:`_clause_end`)."""
    ids = clause_ids(sentence.text, lang)
    first = ids.index(clause)
    return list(sentence.words[first : _clause_end(sentence, ids, clause, lang) + 1])


def _words_of(sentence: lx.Sentence, lang: str, clause: int) -> list[str]:
    return [sentence.words[i] for i in _clause_words(sentence, lang, clause)]


def _hedged(words: tuple[str, ...] | list[str], lang: str) -> bool:
    """Whether these words make something depend on circumstances (a hedge, see _HEDGES)."""
    l2 = _lang(lang)
    hedges = _HEDGES[l2]
    for i, w in enumerate(words):
        if w not in hedges:
            continue
        partner = _HEDGE_PARTNER.get(w)
        if partner is not None and not partner & set(words[i + 1 :]):
            continue
        # what it depends on: "on the data" hedges, "on the kernel width" is a claim
        after = [v for v in words[i + 1 :] if not tx.is_stopword(v, lang) and v not in hedges]
        after = [v for v in after if v not in (partner or ()) and v not in _DEPENDS_ON[l2]]
        if not after or all(v in _TALK[l2] for v in after[:2]):
            return True
    return False


def _positive_in(statement: lx.Sentence, term: lx.Sentence, lang: str) -> bool:
    """Whether the point asserts its term rather than denying or avoiding it.

    Read where the term stands in the point: "Ridge has a closed-form solution ...; lasso has
    none" asserts "closed form" (so "Ridge has no closed-form solution" denies it), while
    "needs no labels" does not assert "labels". A point that does not contain the term
    is read as a whole: a point that denies, avoids or contrasts anything may be met by
    answers that deny in many ways.
    """
    score, start, end = lx.locate_term(term, statement)
    if score < ANCHOR or end <= start:
        return not _negative(statement, lang)
    ids = clause_ids(statement.text, lang)
    clause = [statement.words[i] for i, c in enumerate(ids) if c == ids[start]]
    # any denial in the point's clause ("cannot be trained", "and do not need scaling") makes
    # it a negative claim that answers may meet with denials of their own
    return (
        not _denies(statement, start, end, lang)
        and not _avoided(statement, ids, start, end, lang)
        and not any(w in _CAN_NOT for w in clause)
        and not _denied(clause, lang)
    )


#: Words of negative meaning that judge their whole clause ("impurity importance is
#: misleading", "fails on tiny samples"); the others (avoid, prevent, without, rather,
#: wrong ...) turn only what follows them: "Laplace smoothing prevents zero probabilities"
#: asserts smoothing and avoids zeros.
_JUDGING = _set(
    """
    fail fails poorly misleading unreliable versagt scheitert täuscht irreführend
    unzuverlässig
    """
)


def _avoided(statement: lx.Sentence, ids: tuple[int, ...], start: int, end: int, lang: str) -> bool:
    """Whether the point avoids, rejects or contrasts its term at ``start:end``."""
    clause = ids[start]
    for i, w in enumerate(statement.words):
        if ids[i] != clause or not _negative_meaning_at(statement.words, i, lang):
            continue
        if w in _JUDGING or i < start:
            return True
    return False


#: Prefixes that make a word its own opposite: "unpenalised", "non-linear", "ungeeignet".
_ANTI_PREFIXES = ("un", "non", "nicht")
#: Shortest word whose prefixed form is read as its opposite.
MIN_ANTONYM = 5


def _prefix_opposite(words: list[str], statement: lx.Sentence, lang: str) -> bool:
    """A word of the clause that the point says with a negative prefix, or the other way
    round: "the intercept should be penalised" against "leave the intercept unpenalised"."""
    theirs = {tx.fold(w) for w in statement.words}
    mine = {tx.fold(w) for w in words}
    their_keys = set(statement.keys)
    for w in mine:
        # the point says the word itself too, in any form ("lineare" and "linearen")
        if len(w) < MIN_ANTONYM or w in theirs or tx.keys([w], lang)[0] in their_keys:
            continue
        for prefix in _ANTI_PREFIXES:
            # "supervised" next to "unsupervised" in one clause contrasts the two, no reversal
            if prefix + w in theirs and prefix + w not in mine:
                return True
            stem = w[len(prefix) :]
            if w.startswith(prefix) and len(stem) >= MIN_ANTONYM and stem in theirs - mine:
                return True
    return False


#: Opposites that say the other thing of the same subject ("a local minimum" against "the
#: global optimum", "shallow trees" against "deep trees"). Not the poles that answers
#: compare along (small/large, high/low, simple/complex): "a small draft model proposes,
#: the large model verifies" reverses nothing.
_ANTONYMS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("local", "global"),
        ("shallow", "deep"),
        ("sequential", "parallel"),
        ("sequentially", "parallel"),
        ("underfitting", "overfitting"),
        ("underfit", "overfit"),
        ("convex", "concave"),
        ("faster", "slower"),
        ("overconfident", "underconfident"),
        ("overestimate", "underestimate"),
        ("overestimates", "underestimates"),
    ),
    "de": (
        ("lokal", "global"),
        ("flach", "tief"),
        ("sequenziell", "parallel"),
        ("nacheinander", "parallel"),
        ("underfitting", "overfitting"),
        ("konvex", "konkav"),
        ("schneller", "langsamer"),
        ("überkonfident", "unterkonfident"),
        ("überschätzt", "unterschätzt"),
    ),
}


@lru_cache(maxsize=2)
def _antonym_keys(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for a, b in _ANTONYMS[_lang(lang)]:
        ka, kb = tx.keys([a, b], lang)
        out.setdefault(ka, set()).add(kb)
        out.setdefault(kb, set()).add(ka)
    return {k: frozenset(v) for k, v in out.items()}


def _antonym_opposite(
    sentence: lx.Sentence, clause: int, statement: lx.Sentence, lang: str
) -> bool:
    """A word of the clause whose opposite the point says, and the clause does not say both:
    "Lloyd's steps find the global optimum" against "... only to a local minimum"."""
    opposites = _antonym_keys(_lang(lang))
    mine = {sentence.keys[i] for i in _clause_words(sentence, lang, clause)}
    theirs = set(statement.keys)
    return any(k not in theirs and (opposites[k] & theirs) - mine for k in mine if k in opposites)


def _reversed(sentence: lx.Sentence, clause: int, statement: lx.Sentence, lang: str) -> bool:
    """The clause moves a quantity the other way from the statement ("raises variance"),
    says a word of it with the opposite prefix ("penalised" against "unpenalised") or its
    opposite ("global" against "local")."""
    if _prefix_opposite(_words_of(sentence, lang, clause), statement, lang):
        return True
    if _antonym_opposite(sentence, clause, statement, lang):
        return True
    return _moved_the_other_way(
        _moves(sentence, _clause_words(sentence, lang, clause), lang),
        _moves_by_clause(statement, lang),
    )


def loosely_stated(sentence: lx.Sentence, point_text: str, lang: str) -> bool:
    """Without an anchor: the words the closest clause shares with the point are read as
    anchors. One that the point asserts but the answer denies, a quantity moved the other way,
    or a hedge ("depends on", "hängt ... ab") in a clause sharing the point's words, and the
    sentence does not state it.
    """
    statement = lx.analyse_statement(point_text, lang)
    clause = _best_clause(sentence, statement, lang)
    idx = _clause_words(sentence, lang, clause)
    shared = [
        i
        for i in idx
        if sentence.keys[i] in statement.content and not tx.is_stopword(sentence.words[i], lang)
    ]
    if not shared:
        return True
    for i in shared:
        if _asserted_at(statement, sentence.keys[i], lang) and _denies(sentence, i, i + 1, lang):
            return False
    hedging = _hedged(statement.words, lang)
    ids = clause_ids(sentence.text, lang)
    if not hedging and any(
        _hedged(_words_of(sentence, lang, c), lang)
        for c in {ids[i] for i, k in enumerate(sentence.keys) if k in statement.content}
    ):
        return False
    return not _reversed(sentence, clause, statement, lang)


def _asserted_at(statement: lx.Sentence, key: str, lang: str) -> bool:
    """Whether the point asserts the word with this key (not denied or avoided there)."""
    if key not in statement.keys:
        return not _negative(statement, lang)
    at = statement.keys.index(key)
    ids = clause_ids(statement.text, lang)
    return not _denies(statement, at, at + 1, lang) and not any(
        _negative_meaning_at(statement.words, i, lang) for i, c in enumerate(ids) if c == ids[at]
    )


#: Words of talk that commits to nothing: options named without choosing, trade-offs
#: without saying which, "it depends", "be careful", "schauen, was passt".
_VAGUE: dict[str, frozenset[str]] = {
    "en": _set(
        """
        depends depend depending various options approaches ways tools pros cons trade-offs
        tradeoffs situation judgement judgment experiment careful topic case-by-case fits
        suits
        """
    ),
    "de": _set(
        """
        hängt abhängig verschiedene möglichkeiten ansätze werkzeuge tools vor- nachteile
        nachteilen abwägung situation einzelfall ausprobieren sorgfältig thema schauen passt
        lage
        """
    ),
}
#: Generic nouns of such talk: what "it depends on", and no content a point can share.
_GENERIC: dict[str, frozenset[str]] = {
    "en": _set(
        """
        problem problems data dataset datasets team business project case goal goals context
        circumstances requirements application situation model models use stakeholders lot
        your setting settings scenario scenarios task tasks domain
        """
    ),
    "de": _set(
        """
        problem probleme daten datensatz datensätze team geschäft projekt fall ziel ziele
        kontext umständen anforderungen anwendung anwendungsfall situation modell modelle
        lage fragestellung setting settings szenario szenarien aufgabe domäne
        """
    ),
}
_TALK = {lang: _VAGUE[lang] | _GENERIC[lang] | _HEDGES[lang] for lang in ("en", "de")}
#: The words that join a hedge to what it depends on.
_DEPENDS_ON: dict[str, frozenset[str]] = {
    "en": _set("on upon really largely mostly heavily strongly"),
    "de": _set("von vom ab davon darauf an stark sehr letztlich nach"),
}


#: Leading letters that make two words one for "is it the question's word".
STEM = 6


def vague(sentence: lx.Sentence, lang: str) -> bool:
    """Whether the sentence talks around a topic: a hedge or a word of non-committal talk."""
    return _hedged(sentence.words, lang) or any(w in _VAGUE[_lang(lang)] for w in sentence.words)


def adds_to_question(
    sentence: lx.Sentence,
    point_text: str,
    terms: tuple[str, ...],
    question: lx.Sentence,
    lang: str,
) -> bool:
    """Whether ``sentence`` meets the point with words the question does not already give.

    Read only for vague sentences (see :func:`vague`): "How you initialise it and how you
    choose k really depends on the use case, and there are several options" repeats the
    question's words and commits to nothing: it earns no point, however close its embedding.
    A content word it shares with the point beyond the question's, a quantity moved the
    point's way, or a term of the point that is not only the question's own words, is needed.
    """
    if not vague(sentence, lang):
        return True  # "SARSA is on-policy and Q-learning is off-policy" commits to a claim
    asked = question.content | _acronyms(question)
    # a derived form of a question word is the question's too ("Kalibrierung", "kalibriert")
    stems = {tx.fold(k)[:STEM] for k in asked if len(k) >= STEM}
    statement = lx.analyse_statement(point_text, lang)
    talk = _TALK[_lang(lang)]
    said = {
        k
        for w, k in zip(sentence.words, sentence.keys, strict=True)
        if w not in talk and tx.fold(k)[:STEM] not in stems
    }
    if (said & statement.content) - asked:
        return True
    # moving a quantity the way the point does is a claim, even in the question's words
    # ("More complex models have less bias and more variance")
    mine = _directions(sentence, list(range(len(sentence.words))), lang)
    theirs = _directions(statement, list(range(len(statement.words))), lang)
    if any(dirs & theirs.get(key, set()) for key, dirs in mine.items()):
        return True
    return any(
        {k for k in t.content if tx.fold(k)[:STEM] not in stems} - asked
        for t, _s, _e in anchors(sentence, terms, lang)
    )


# -- bare lists -------------------------------------------------------------------------

#: Longest list item (in words) that counts as a bare term.
SHORT_ITEM = 3
#: Most content words of a list item ("shallow trees as weak learners"); a quarter of the
#: items may be longer.
LIST_ITEM = 4


#: A formula's subscript ("θ_i", "SS_res") belongs to its symbol.
_SUBSCRIPT = re.compile(r"(?<=\S)_\w+")


def _joined(text: str) -> str:
    """The text with hyphenated compounds and subscripted symbols made one word each: the
    parts of "few-shot" or "k-fold" are not function words, "θ_i" has no pronoun "I"."""
    return _SUBSCRIPT.sub("", re.sub(r"(?<=\w)-(?=\w)", "", text))


def _joined_words(text: str) -> list[str]:
    """Words with hyphenated compounds kept whole ("mini-batch k-means" is two words), less a
    formula's one-letter symbols: "MAE = Σ|y − ŷ|/n" is one term with its definition."""
    return [w for w in tx.words(_joined(text)) if len(w) > 1]


#: Fewest items that make a list.
MIN_ITEMS = 3


#: Auxiliaries, copulas and modals: a list item with one of them says something of a term.
_VERBS: dict[str, frozenset[str]] = {
    "en": _set(
        """
        is are was were be been being am has have had can could will would shall should must
        may might does do did means gives give makes make works work helps help
        """
    ),
    "de": _set(
        """
        ist sind war waren sein gewesen hat haben hatte hatten kann können konnte wird werden
        wurde wurden muss müssen soll sollen sollte sollten darf dürfen mag heißt bedeutet
        macht machen hilft helfen gibt geben
        """
    ),
}
#: Function words a bare list may hold: joiners and the "more" of "more data".
_LIST_WORDS = _set("and or more less fewer und oder sowie mehr weniger")
#: Longest lead-in before a colon ("Overfitting: ...") that a bare list may have.
LEAD_IN = 5


#: Item separators of typed lists beyond commas and slashes: "bias | variance · noise",
#: and item numbers ("1) ... 2) ...").
_SEPARATORS = re.compile(r"\s[|·•]\s|(?:^|\s)\(?(?:\d{1,2}|[a-h])\)\s|(?:^|\s)\d{1,2}\.\s")
#: A lead-in before a dash ("Vanishing vs. exploding gradients — chain rule, depth, ...").
_DASH_LEAD = re.compile(r"\s[\u2013\u2014-]\s")
#: Denials that are determiners of a term in a list ("no scaling", "keine Skalierung").
_DETERMINER_DENIALS = _set("no kein keine keinen keiner keines keinem")
#: Pronouns that are names in ML lists ("He init").
_NAME_PRONOUNS = _set("he she")


@lru_cache(maxsize=2)
def _claim_words(lang: str) -> frozenset[str]:
    """Words that make a list item say something: auxiliaries and modals, pronouns, denials,
    and directions as verbs ("reduces", "senkt"). A comparative names a term ("lower
    variance", "weniger Bias", "higher bias") as "more data" does."""
    moves = {
        w
        for w in _UP[lang] | _DOWN[lang]
        if not (w in _LIST_WORDS or w.endswith(("er", "ere", "eren")))
    }
    words = moves | _DENIAL[lang] | _VERBS[lang] | _PRONOUNS[lang]
    return frozenset(words - _DETERMINER_DENIALS - _NAME_PRONOUNS)


#: A lead-in that names what follows without a colon: "Things like a, b, c".
_NAMING_LEAD = re.compile(r"\s*(.{0,40}?)\b(?:like|such as|wie|etwa)\s", re.IGNORECASE)


@lru_cache(maxsize=4096)
def is_bare_list(text: str, lang: str, min_items: int = MIN_ITEMS) -> bool:
    """A sentence that only lists short terms ("Overfitting: regularisation, dropout, ...").

    At least three items, three quarters of them of at most four content words ("negative
    gradient of the loss", "Lloyd's algorithm (assign + update)"), and no word that makes a
    claim: an auxiliary or modal ("is", "can", "ist", "kann"), a pronoun, a direction or a
    denial. A short lead-in before a colon is allowed. "Pearson misst, wie gut eine Gerade
    passt, ..." is a claim.
    """
    head, colon, tail = text.partition(":")
    named = _NAMING_LEAD.match(text)
    if colon and len(tx.words(head)) <= LEAD_IN and tx.words(tail):
        text = tail
    elif (
        named and not _is_clause(named.group(1), lang) and len(tx.words(named.group(1))) <= LEAD_IN
    ):
        text = text[named.end() :]  # "Things like ...", "Also so Begriffe wie ..."
    else:
        parts = _DASH_LEAD.split(text, maxsplit=1)
        if (
            len(parts) == 2
            and len(tx.words(parts[0])) <= LEAD_IN
            and "," in parts[1]
            and not _is_clause(parts[0], lang)
        ):
            text = parts[1]
    items = tx.split_items(_SEPARATORS.sub(", ", " " + text))
    if len(items) < min_items:
        return False
    short = sum(1 for item in items if _n_content(_joined_words(item), lang) <= LIST_ITEM)
    if len(items) < MIN_ITEMS:
        if short < len(items):
            return False
    elif short < len(items) - max(1, len(items) // 4) or short < min_items:
        return False
    return not any(_claims_something(item, lang) for item in items)


def _claims_something(item: str, lang: str) -> bool:
    """Whether a list item has a word that makes a claim (see :func:`is_bare_list`). A
    direction word in its base form that ends the item names a quantity ("impurity
    decrease", "variance increase"), it does not move one."""
    l2 = _lang(lang)
    claims = _claim_words(l2)
    ws = tx.words(_joined(item))
    if len(ws) == 1:
        return False  # one word names a thing: "means", "works" in a list are nouns
    for i, w in enumerate(ws):
        if w in _LIST_WORDS:
            continue
        if i == len(ws) - 1 and i > 0 and w in _UP[l2] | _DOWN[l2] and not w.endswith("s"):
            continue
        if w in claims or w.endswith("n't"):
            return True
    return False


#: Words of a lead-in that talk about the answer itself, not its subject: "Key terms here
#: are:", "Things I would mention:", "Wichtige Stichworte sind:".
_META: dict[str, frozenset[str]] = {
    "en": _set(
        """
        keyword keywords key word words term terms concept concepts idea ideas point points
        thing things topic topics buzzword buzzwords aspect aspects factor factors mention
        important main relevant come comes mind here answer would i'd i'm i
        """
    ),
    "de": _set(
        """
        stichwort stichworte stichwörter schlagwort schlagworte begriff begriffe konzept
        konzepte idee ideen punkt punkte thema themen aspekt aspekte faktoren nennen nenne
        wichtig wichtige wichtigsten relevante einfallen fällt fallen ein dazu hier ich würde
        """
    ),
}


def _is_clause(text: str, lang: str) -> bool:
    """Whether a lead-in says something ("The matrix has four cells") rather than only
    naming the topic ("Overfitting", "Regularisation techniques") or the answer itself
    ("Key terms here are", "Wichtige Stichworte sind")."""
    ws = tx.words(text)
    meta = _META[_lang(lang)]
    content = [w for w in ws if not tx.is_stopword(w, lang) and w not in _LIST_WORDS]
    if ws and all(w in meta for w in content) and any(w in meta for w in ws):
        return False
    return any(tx.is_stopword(w, lang) and w not in _LIST_WORDS for w in ws)


def bare_lists(sentences: tuple[lx.Sentence, ...], lang: str) -> frozenset[int]:
    """Indices of the sentences that are bare lists of terms.

    A list that a sentence of its own introduces ("The four cells are: true positives,
    false positives, ...") enumerates what that sentence claims, so it is not bare.
    """
    out = set(_fragment_runs(sentences, lang))
    out |= {j for j in range(len(sentences)) if _bare_at(sentences, j, lang, MIN_ITEMS)}
    # in an answer made largely of lists, any verbless line or short list is one of them
    # ("Greedy splits, impurity decrease.", "Axis-aligned, pruning.")
    if out and share_of_words(sentences, frozenset(out)) >= LIST_MODE:
        out |= {
            j
            for j, sentence in enumerate(sentences)
            if not sentence.text.rstrip().endswith(":") and _bare_at(sentences, j, lang, 1)
        }
    return frozenset(out)


#: Share of an answer's words in bare lists from which its short verbless lines count too.
LIST_MODE = 0.4


def _bare_at(sentences: tuple[lx.Sentence, ...], j: int, lang: str, min_items: int) -> bool:
    """Whether sentence j is a bare list of at least ``min_items`` terms that no sentence of
    its own introduces."""
    sentence = sentences[j]
    if not is_bare_list(sentence.text, lang, min_items):
        return False
    head, colon, _tail = sentence.text.partition(":")
    if colon and _is_clause(head, lang):
        return False
    previous = sentences[j - 1].text.rstrip() if j else ""
    return not (previous.endswith(":") and _is_clause(previous, lang))


def is_fragment(text: str, lang: str) -> bool:
    """A bare term standing as a sentence, line or bullet of its own ("Early stopping.",
    "- k-means++", "Temporal leakage with random splits"): at most four content words, none
    of which makes a claim (see :func:`is_bare_list`)."""
    ws = _joined_words(text)
    if not ws or _n_content(ws, lang) > LIST_ITEM:
        return False
    return not any(_claims_something(item, lang) for item in tx.split_items(text) or [text])


#: A numbered list's item number that the sentence splitter left on its own ("1.", "2)").
_ITEM_NUMBER = re.compile(r"\(?(?:\d{1,2}|[a-h])[.)]")


def _fragment_runs(sentences: tuple[lx.Sentence, ...], lang: str) -> list[int]:
    """Sentences in runs of at least :data:`MIN_ITEMS` bare terms or bare lists in a row: a
    bulleted list of terms, or "Sequential trees. Pseudo-residuals. Shrinkage." """
    out: list[int] = []
    run: list[int] = []
    for j, sentence in enumerate([*sentences, None]):
        if sentence is not None and (
            is_fragment(sentence.text, lang)
            or is_bare_list(sentence.text, lang)
            or _ITEM_NUMBER.fullmatch(sentence.text.strip())
        ):
            run.append(j)
            continue
        if len(run) >= MIN_ITEMS:
            out.extend(run)
        run = []
    return out


def list_share(sentences: tuple[lx.Sentence, ...], lang: str) -> float:
    """Share of the answer's words that stand in bare lists (0 for an empty answer)."""
    return share_of_words(sentences, bare_lists(sentences, lang))


def share_of_words(sentences: tuple[lx.Sentence, ...], chosen: frozenset[int]) -> float:
    """Share of the answer's words in the ``chosen`` sentences (0 for an empty answer)."""
    total = sum(len(s.words) for s in sentences)
    if not total:
        return 0.0
    return sum(len(sentences[j].words) for j in chosen) / total


# -- misconceptions ---------------------------------------------------------------------

#: Share of a claim's own words (less the question's) a clause needs without a term.
CLAIM_OVERLAP = 0.4
#: Words before a misconception's term that are read for its subject.
SUBJECT_WINDOW = 6


def misconception_stated(
    sentence: lx.Sentence,
    claim_text: str,
    terms: tuple[str, ...],
    question: lx.Sentence,
    lang: str,
    following: lx.Sentence | None = None,
) -> bool:
    """Whether ``sentence`` states the misconception (not merely names or refutes it).

    A claim the sentence reports as a myth or a belief of others ("A common misconception
    is that ...", "Oft hört man, ...; das stimmt nicht", with ``following`` the next sentence
    of the answer, which may do the refuting) or denies at its term ("clipping does not fix
    vanishing gradients") is not stated.

    By a term, said of the claim's subject. The subject is what the claim says before its
    term, where that is the question's topic ("ROC AUC" in "ROC AUC is the best metric for
    imbalanced problems"). When the answer neither names it nor refers to it by a pronoun
    only, but puts another word first ("use accuracy, it is the best metric for
    imbalanced data"), the claim is said of something else. Without a term, the sentence
    must carry at least half of the claim's own words (less the question's) with the
    claim's polarity.
    """
    claim = lx.analyse_statement(claim_text, lang)
    topic = question.content | _acronyms(question)
    known = claim.content | topic | _acronyms(claim)
    if _reported(sentence, following, lang) or _contradicted(sentence, lang):
        return False
    if _quantity_reversed(sentence, claim, lang):
        return False  # "Es braucht wenig Daten" against "needs a lot of data"
    for term in terms:
        t = lx.analyse_statement(term, lang)
        score, start, end = lx.locate_term(t, sentence)
        if score < 0.7 or end <= start:
            continue
        if not _denied(list(t.words), lang) and _denied(list(sentence.words[start:end]), lang):
            continue  # "clipping does not fix vanishing gradients" refutes the claim
        # polarity next to the term is already part of the fitted rule's term feature
        subject = _subject(claim, t, lang) & topic
        if not subject or subject & set(sentence.keys):
            return True
        lo = max(0, start - SUBJECT_WINDOW)
        before = [
            (w, k)
            for w, k in zip(sentence.words[lo:start], sentence.keys[lo:start], strict=True)
            if not tx.is_stopword(w, lang) and len(w) > 1 and w not in _PRONOUNS[_lang(lang)]
        ]
        if not before or any(k in known or w in known for w, k in before):
            return True
    own = claim.content - question.content
    if not own or len(own & sentence.content) / len(own) < CLAIM_OVERLAP:
        return False
    return sentence.negated == claim.negated


#: Words that deny the word after them ("far from exact", "alles andere als exakt").
_FAR_FROM = {("far", "from"), ("anything", "but"), ("andere", "als")}
#: Longest clause after a contrast that only denies ("but not the same", "aber nicht
#: dasselbe").
CONTRAST_DENIAL = 5


def _contradicted(sentence: lx.Sentence, lang: str) -> bool:
    """Whether the sentence takes back what it says: "far from exact", "alles andere als
    exakt", or a short denial after a contrast ("related to temperature scaling but not the
    same", "verwandt, aber nicht dasselbe")."""
    words = sentence.words
    if set(itertools.pairwise(words)) & _FAR_FROM:
        return True
    ids = clause_ids(sentence.text, lang)
    contrast = _CONTRAST_ONLY[_lang(lang)]
    for clause in sorted(set(ids))[1:]:
        clause_words = [w for w, c in zip(words, ids, strict=True) if c == clause]
        if (
            clause_words[0] in contrast
            and len(clause_words) <= CONTRAST_DENIAL
            and _denied(clause_words, lang)
        ):
            return True
    return False


#: Amounts for a misconception's claim: "needs a lot of data" against "needs little data".
_MUCH: dict[str, frozenset[str]] = {
    "en": _set("much many lot lots plenty huge"),
    "de": _set("viel viele vielen riesige unmengen"),
}
_LITTLE: dict[str, frozenset[str]] = {
    "en": _set("little few tiny"),
    "de": _set("wenig wenige wenigen kaum"),
}


def _quantity_reversed(sentence: lx.Sentence, claim: lx.Sentence, lang: str) -> bool:
    """The sentence gives the opposite amount of what the claim quantifies: "needs little
    data" against "needs a lot of data" (the amount and the same word after it)."""
    l2 = _lang(lang)
    much, little = _MUCH[l2], _LITTLE[l2]

    def amounts(s: lx.Sentence) -> set[tuple[int, str]]:
        out = set()
        for i, w in enumerate(s.words):
            sign = 1 if w in much else -1 if w in little else 0
            if not sign:
                continue
            after = [
                k
                for v, k in zip(s.words[i + 1 : i + 4], s.keys[i + 1 : i + 4], strict=True)
                if not tx.is_stopword(v, lang) and v not in much | little
            ]
            if after:
                out.add((sign, after[0]))
        return out

    theirs = amounts(claim)
    return any((-sign, key) in theirs for sign, key in amounts(sentence))


def _subject(claim: lx.Sentence, term: lx.Sentence, lang: str) -> frozenset[str]:
    """Content keys of the claim before where its term stands in it (none if it does not)."""
    score, start, end = lx.locate_term(term, claim)
    if score < 0.7 or end <= start:
        return frozenset()
    return frozenset(
        k
        for w, k in zip(claim.words[:start], claim.keys[:start], strict=True)
        if not tx.is_stopword(w, lang) and len(w) > 1
    )


def _acronyms(statement: lx.Sentence) -> frozenset[str]:
    """Initials of two to four consecutive words: "supervised fine-tuning" gives "sft"."""
    ws = [w for w in statement.words if not w.isdigit()]
    out: set[str] = set()
    for n in (2, 3, 4):
        for i in range(len(ws) - n + 1):
            out.add("".join(w[0] for w in ws[i : i + n]))
    return frozenset(out)


_PRONOUNS: dict[str, frozenset[str]] = {
    "en": _set("i you it we they he she this that one it's that's i'd we'd i'm"),
    "de": _set("ich du es wir sie er man das dies"),
}


#: Words that present what follows as a myth or mistake: the answer reports it to reject it.
_MYTH: dict[str, frozenset[str]] = {
    "en": _set(
        """
        myth myths misconception misconceptions mistake mistaken misbelief wrongly falsely
        erroneously fallacy
        """
    ),
    "de": _set(
        """
        mythos irrtum irrglaube irrglauben fehlannahme fehlvorstellung trugschluss
        fälschlich fälschlicherweise irrtümlich missverständnis
        """
    ),
}
#: Word pairs that reject the claim of their sentence.
_NOT_TRUE = {
    ("not", "true"),
    ("isn't", "true"),
    ("not", "correct"),
    ("contrary", "to"),
    ("nicht", "wahr"),
    ("stimmt", "nicht"),
    ("nicht", "richtig"),
    ("entgegen", "der"),
}
#: Nouns that report a belief ("A common belief is that ...", "Die verbreitete Annahme, ...");
#: they reject the claim only when a refutation follows.
_REPORTING: dict[str, frozenset[str]] = {
    "en": _set("belief beliefs assumption intuition claim"),
    "de": _set("annahme glaube behauptung intuition"),
}
#: Verbs that report what others believe or say, with who says it just before them
#: ("people think", "many assume", "hört man oft", "liest man").
_REPORTING_VERBS: dict[str, frozenset[str]] = {
    "en": _set("think thinks believe believes say says assume assumes hear claim claims"),
    "de": _set("glauben glaubt meinen meint denken denkt hört liest sagen sagt behaupten"),
}
_OTHERS: dict[str, frozenset[str]] = {
    "en": _set("people many some others often commonly folks everyone"),
    "de": _set("man viele manche oft häufig gern leute"),
}
#: What refutes a reported claim: "it does not", "that is wrong", "das stimmt nicht".
_REFUTATION: dict[str, frozenset[str]] = {
    "en": _set("wrong false untrue incorrect not doesn't isn't don't won't can't cannot no"),
    "de": _set("falsch stimmt nicht kein keine unrichtig irreführend trifft"),
}
_FIRST_PERSON = _set("i i'd i'm we ich wir")


def _reported(sentence: lx.Sentence, following: lx.Sentence | None, lang: str) -> bool:
    """Whether the sentence reports a claim in order to reject it.

    A word of myth or mistake ("It is a myth that ...", "Ein verbreiteter Irrtum ist, ...")
    is enough; a word of reporting ("A common belief is that ...", "Oft hört man, ...") needs
    a refutation after it, later in the sentence or at the start of the next ("; it does not",
    "Das stimmt nicht"). "I think ..." is the candidate's own claim.
    """
    l2 = _lang(lang)
    words = sentence.words
    if any(w in _MYTH[l2] for w in words):
        return True
    pairs = set(itertools.pairwise(words))
    if pairs & _NOT_TRUE:
        return True  # "It is not true that ...", "Es stimmt nicht, dass ..."
    ids = clause_ids(sentence.text, lang)
    near = [set(words[max(0, i - 3) : i + 3]) for i in range(len(words))]
    reporting = [
        i
        for i, w in enumerate(words)
        if (w in _REPORTING[l2] or (w in _REPORTING_VERBS[l2] and near[i] & _OTHERS[l2]))
        and not near[i] & _FIRST_PERSON
    ]
    if not reporting:
        return False
    refutes = _REFUTATION[l2]

    def refuting(clause_words: list[str]) -> bool:
        return any(w in refutes or w.endswith("n't") for w in clause_words)

    # a short clause after the reported one: "..., which is wrong", "..., stimmt aber nicht"
    for clause in sorted({c for c in ids if c > ids[reporting[0]]}):
        words_of = [w for w, c in zip(words, ids, strict=True) if c == clause]
        if len(words_of) <= REFUTING_CLAUSE and refuting(words_of):
            return True
    if following is None:
        return False
    fids = clause_ids(following.text, lang)
    opening = [w for w, c in zip(following.words, fids, strict=True) if c == 0]
    return len(opening) <= REFUTING_CLAUSE and refuting(opening)


#: Longest clause that only refutes ("it does not", "das stimmt so nicht").
REFUTING_CLAUSE = 5
