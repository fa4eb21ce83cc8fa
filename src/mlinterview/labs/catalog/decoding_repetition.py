"""Greedy decoding and beam search repeat themselves; sampling does not.

A small language model is fitted on a generated corpus: a seeded probabilistic grammar
(determiners, adjectives, nouns, verbs, prepositional phrases, subordinate clauses; word
choices Zipf-distributed) writes about 30 000 tokens of simple English, and an
interpolated trigram model is estimated from the counts (nothing is downloaded). From
the first two words of held-out sentences the model then continues the text with greedy
decoding, beam search and sampling at a temperature. For each continuation the lab
counts the share of 4-grams that already occurred earlier in the same continuation
(repetition), the share of distinct bigrams, and the model's mean log-probability per
token, and compares them with held-out text from the grammar itself. Pure numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

DETERMINERS = ["the", "a", "this", "that", "every", "some", "my", "your"]
ADJECTIVES = [
    "small",
    "old",
    "red",
    "quiet",
    "happy",
    "dark",
    "bright",
    "young",
    "cold",
    "heavy",
    "strange",
    "clever",
    "tired",
    "wooden",
    "green",
]
NOUNS = [
    "cat",
    "dog",
    "bird",
    "man",
    "woman",
    "child",
    "teacher",
    "farmer",
    "river",
    "house",
    "garden",
    "city",
    "road",
    "tree",
    "boat",
    "window",
    "letter",
    "song",
    "storm",
    "horse",
    "king",
    "queen",
    "doctor",
    "baker",
    "island",
    "forest",
    "mountain",
    "village",
    "door",
    "lamp",
]
TRANSITIVE = [
    "saw",
    "found",
    "liked",
    "followed",
    "painted",
    "opened",
    "carried",
    "watched",
    "helped",
    "built",
    "visited",
    "crossed",
    "remembered",
    "moved",
    "sold",
]
INTRANSITIVE = ["slept", "laughed", "waited", "smiled", "ran", "stopped", "fell", "sang"]
PREPOSITIONS = ["near", "under", "behind", "beside", "across", "over", "through", "into"]
ADVERBS = ["slowly", "quickly", "quietly", "again", "today"]
CONJUNCTIONS = ["and", "but", "while", "because"]
END = "."
N_GRAM = 4  # repetition counts repeated 4-grams
LOOPING = 0.5  # greedy and beam: at least half their 4-grams are repeats
MARGIN = 0.05  # sampling: at most this much more repetition than held-out text
LAMBDAS = (0.7, 0.25, 0.05)  # trigram, bigram, unigram interpolation weights
METHODS = ("reference", "greedy", "beam", "sampling")


def _zipf(n: int) -> np.ndarray:
    import numpy as np

    w = 1.0 / np.arange(1, n + 1)
    return np.asarray(w / w.sum())


def sentence(rng: np.random.Generator) -> list[str]:
    """One sentence of the grammar, ending with a full stop."""

    def pick(words: list[str]) -> str:
        return words[int(rng.choice(len(words), p=_zipf(len(words))))]

    def noun_phrase() -> list[str]:
        words = [pick(DETERMINERS)]
        if rng.random() < 0.4:
            words.append(pick(ADJECTIVES))
        return [*words, pick(NOUNS)]

    def clause() -> list[str]:
        words = noun_phrase()
        if rng.random() < 0.6:
            words += [pick(TRANSITIVE), *noun_phrase()]
        else:
            words.append(pick(INTRANSITIVE))
        if rng.random() < 0.35:
            words += [pick(PREPOSITIONS), *noun_phrase()]
        if rng.random() < 0.2:
            words.append(pick(ADVERBS))
        return words

    words = clause()
    if rng.random() < 0.25:
        words += [pick(CONJUNCTIONS), *clause()]
    return [*words, END]


def corpus(tokens: int, rng: np.random.Generator) -> list[list[str]]:
    """Sentences until at least ``tokens`` words and full stops."""
    sentences: list[list[str]] = []
    total = 0
    while total < tokens:
        s = sentence(rng)
        sentences.append(s)
        total += len(s)
    return sentences


@dataclass(frozen=True)
class TrigramModel:
    vocab: tuple[str, ...]
    log_prob: np.ndarray  # [a, b, c] = log p(c | a, b)

    def words(self, ids: list[int]) -> str:
        return " ".join(self.vocab[i] for i in ids)


def fit_trigram(sentences: list[list[str]]) -> TrigramModel:
    """Trigram counts interpolated with bigram and unigram estimates (Jelinek–Mercer)."""
    import numpy as np

    words = [w for s in sentences for w in s]
    vocab = tuple(sorted(set(words)))
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.array([index[w] for w in words])
    v = len(vocab)
    c3 = np.zeros((v, v, v))
    np.add.at(c3, (ids[:-2], ids[1:-1], ids[2:]), 1.0)
    c2 = np.zeros((v, v))
    np.add.at(c2, (ids[:-1], ids[1:]), 1.0)
    c1 = np.bincount(ids, minlength=v).astype(float) + 1.0
    p1 = c1 / c1.sum()
    p2 = (c2 + 0.1) / (c2 + 0.1).sum(axis=1, keepdims=True)
    seen = c3.sum(axis=2, keepdims=True)
    p3 = c3 / np.maximum(seen, 1.0)
    l3, l2, l1 = LAMBDAS
    mixed = np.where(
        seen > 0, l3 * p3 + l2 * p2[None] + l1 * p1, (l2 * p2[None] + l1 * p1) / (l2 + l1)
    )
    mixed /= mixed.sum(axis=2, keepdims=True)
    return TrigramModel(vocab, np.log(mixed))


def greedy(model: TrigramModel, prompt: tuple[int, int], length: int) -> list[int]:
    out = list(prompt)
    for _ in range(length):
        out.append(int(model.log_prob[out[-2], out[-1]].argmax()))
    return out[2:]


def beam_search(model: TrigramModel, prompt: tuple[int, int], length: int, width: int) -> list[int]:
    """Keep the ``width`` most probable continuations; all have the same length, so no
    length normalisation is needed. Returns the most probable one."""
    import numpy as np

    beams: list[tuple[list[int], float]] = [(list(prompt), 0.0)]
    for _ in range(length):
        candidates = []
        for seq, score in beams:
            lp = model.log_prob[seq[-2], seq[-1]]
            for t in np.argsort(lp)[-width:]:
                candidates.append(([*seq, int(t)], score + float(lp[t])))
        candidates.sort(key=lambda c: -c[1])
        beams = candidates[:width]
    return beams[0][0][2:]


def sample(
    model: TrigramModel,
    prompt: tuple[int, int],
    length: int,
    temperature: float,
    rng: np.random.Generator,
) -> list[int]:
    import numpy as np

    out = list(prompt)
    for _ in range(length):
        z = model.log_prob[out[-2], out[-1]] / temperature
        p = np.exp(z - z.max())
        out.append(int(rng.choice(len(p), p=p / p.sum())))
    return out[2:]


def repetition(seq: list[int], n: int = N_GRAM) -> float:
    """Share of the n-grams of ``seq`` that already occurred earlier in ``seq``."""
    grams = [tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)]
    seen: set[tuple[int, ...]] = set()
    repeats = 0
    for g in grams:
        repeats += g in seen
        seen.add(g)
    return repeats / len(grams) if grams else 0.0


def distinct(seq: list[int], n: int = 2) -> float:
    """Share of distinct n-grams among all n-grams of ``seq``."""
    grams = [tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 0.0


def log_prob(model: TrigramModel, prompt: tuple[int, int], seq: list[int]) -> float:
    """Mean log-probability per token of ``seq`` after ``prompt`` under the model."""
    full = [*prompt, *seq]
    values = [model.log_prob[full[i - 2], full[i - 1], full[i]] for i in range(2, len(full))]
    return float(sum(values) / len(values))


def held_out(
    model: TrigramModel, prompts: int, length: int, rng: np.random.Generator
) -> list[tuple[tuple[int, int], list[int]]]:
    """Prompts (a held-out sentence's first two words) and the text that really follows."""
    index = {w: i for i, w in enumerate(model.vocab)}
    pairs = []
    for _ in range(prompts):
        words: list[str] = []
        while len(words) < length + 2:
            words += sentence(rng)
        ids = [index[w] for w in words[: length + 2]]
        pairs.append(((ids[0], ids[1]), ids[2:]))
    return pairs


def run(
    *, temperature: float, beam_width: int, length: int, prompts: int, corpus_tokens: int, seed: int
) -> Outcome:
    import numpy as np

    model = fit_trigram(corpus(corpus_tokens, np.random.default_rng([seed, 1])))
    pairs = held_out(model, prompts, length, np.random.default_rng([seed, 2]))
    sampler = np.random.default_rng([seed, 3])
    texts: dict[str, list[list[int]]] = {m: [] for m in METHODS}
    for prompt, reference in pairs:
        texts["reference"].append(reference)
        texts["greedy"].append(greedy(model, prompt, length))
        texts["beam"].append(beam_search(model, prompt, length, beam_width))
        texts["sampling"].append(sample(model, prompt, length, temperature, sampler))
    stats = {
        m: {
            "repetition": float(np.mean([repetition(t) for t in texts[m]])),
            "distinct2": float(np.mean([distinct(t) for t in texts[m]])),
            "log_prob": float(
                np.mean([log_prob(model, p, t) for (p, _), t in zip(pairs, texts[m], strict=True)])
            ),
        }
        for m in METHODS
    }
    ref, gr, bm, sm = (stats[m] for m in METHODS)
    supported = (
        gr["repetition"] >= LOOPING
        and bm["repetition"] >= LOOPING
        and sm["repetition"] <= ref["repetition"] + MARGIN
    )
    metrics: dict[str, Any] = {"vocabulary": len(model.vocab)}
    for m in METHODS:
        metrics[f"{m}_repetition"] = stats[m]["repetition"]
        metrics[f"{m}_distinct_bigrams"] = stats[m]["distinct2"]
        metrics[f"{m}_log_prob_per_token"] = stats[m]["log_prob"]
    names = {
        "reference": ("held-out text", "zurückgehaltener Text"),
        "greedy": ("greedy", "Greedy"),
        "beam": ("beam search", "Beam Search"),
        "sampling": ("sampling", "Sampling"),
    }
    settings = {
        "reference": "–",
        "greedy": "–",
        "beam": f"width {beam_width}",
        "sampling": f"T = {temperature:g}",
    }
    rows = tuple(
        (
            names[m][0],
            settings[m],
            round(stats[m]["repetition"], 3),
            round(stats[m]["distinct2"], 3),
            round(stats[m]["log_prob"], 3),
        )
        for m in METHODS
    )
    first_prompt = model.words(list(pairs[0][0]))

    def example(m: str, words: int = 16) -> str:
        return f"«{first_prompt} | {model.words(texts[m][0][:words])} …»"

    def draw(fig: Any, lang: str) -> None:
        de = lang == "de"
        axes = fig.subplots(1, 2)
        labels = [names[m][1 if de else 0] for m in METHODS]
        colors = ["#7f7f7f", "#d62728", "#ff7f0e", "#1f77b4"]
        reps = [stats[m]["repetition"] for m in METHODS]
        axes[0].bar(range(len(METHODS)), reps, color=colors)
        axes[0].set_xticks(range(len(METHODS)), labels, rotation=20, fontsize=8)
        axes[0].set_ylim(0, 1.05)
        axes[0].set_ylabel("Anteil wiederholter 4-Gramme" if de else "share of repeated 4-grams")
        for m, c, lab in zip(METHODS, colors, labels, strict=True):
            axes[1].scatter(stats[m]["log_prob"], stats[m]["repetition"], color=c, s=50, label=lab)
        axes[1].set_xlabel(
            "mittlere Log-Wahrscheinlichkeit pro Token" if de else "mean log-probability per token"
        )
        axes[1].set_ylabel("Wiederholung" if de else "repetition")
        axes[1].set_ylim(-0.05, 1.05)
        axes[1].legend(loc="center left", fontsize=7)

    en = [
        f"A trigram model over {len(model.vocab)} words, fitted on {corpus_tokens} generated "
        f"tokens, continues {prompts} held-out prompts by {length} tokens. Share of repeated "
        f"4-grams: greedy {gr['repetition']:.3f}, beam search (width {beam_width}) "
        f"{bm['repetition']:.3f}, sampling at T = {temperature:g} {sm['repetition']:.3f}, "
        f"held-out text {ref['repetition']:.3f}. Greedy: {example('greedy')}; beam search: "
        f"{example('beam')}; sampling: {example('sampling')}."
    ]
    de = [
        f"Ein Trigramm-Modell über {len(model.vocab)} Wörter, geschätzt auf {corpus_tokens} "
        f"generierten Tokens, setzt {prompts} zurückgehaltene Prompts um {length} Tokens fort. "
        f"Anteil wiederholter 4-Gramme: Greedy {de_num(gr['repetition'])}, Beam Search "
        f"(Breite {beam_width}) {de_num(bm['repetition'])}, Sampling bei T = "
        f"{de_num(temperature, 'g')} {de_num(sm['repetition'])}, zurückgehaltener Text "
        f"{de_num(ref['repetition'])}. Greedy: {example('greedy')}; Beam Search: "
        f"{example('beam')}; Sampling: {example('sampling')}."
    ]
    en.append(
        "Greedy decoding (the most probable next word at every step) and beam search (an "
        "approximation of the most probable whole continuation) both chase likelihood, and "
        f"here that leads into a loop: their text scores {gr['log_prob']:.2f} and "
        f"{bm['log_prob']:.2f} nats per token under the model, more than the held-out text "
        f"({ref['log_prob']:.2f}). Real text is not the most likely text. Sampled text scores "
        f"{sm['log_prob']:.2f} per token"
        + (
            ": at T = 1 it is drawn from the model's own distribution, as the real text is "
            "drawn from the grammar's."
            if temperature == 1
            else "."
        )
    )
    de.append(
        "Greedy Decoding (in jedem Schritt das wahrscheinlichste nächste Wort) und Beam "
        "Search (eine Näherung an die wahrscheinlichste ganze Fortsetzung) jagen beide der "
        "Likelihood nach, und das führt hier in eine Schleife: Ihr Text erreicht "
        f"{de_num(gr['log_prob'], '.2f')} und {de_num(bm['log_prob'], '.2f')} Nats pro Token "
        "unter dem Modell, mehr als der zurückgehaltene Text "
        f"({de_num(ref['log_prob'], '.2f')}). Echter Text ist nicht der wahrscheinlichste "
        f"Text. Gesampelter Text erreicht {de_num(sm['log_prob'], '.2f')} pro Token"
        + (
            ": Bei T = 1 wird er aus der Verteilung des Modells gezogen, so wie der echte Text "
            "aus der der Grammatik."
            if temperature == 1
            else "."
        )
    )
    if not supported:
        if sm["repetition"] > ref["repetition"] + MARGIN:
            en.append(
                f"At T = {temperature:g} sampling is close to greedy and repeats itself too "
                f"(more than {MARGIN} above the held-out text), so the claim does not hold here."
            )
            de.append(
                f"Bei T = {de_num(temperature, 'g')} liegt Sampling nahe an Greedy und "
                f"wiederholt sich ebenfalls (mehr als {de_num(MARGIN, '.2f')} über dem "
                "zurückgehaltenen Text); die Aussage gilt hier nicht."
            )
        else:
            en.append(
                f"Greedy or beam search repeat less than {LOOPING:.0%} of their 4-grams here, "
                "so the claim does not hold at these settings."
            )
            de.append(
                f"Greedy oder Beam Search wiederholen hier weniger als {de_num(LOOPING, '.0%')} "
                "ihrer 4-Gramme; die Aussage gilt bei diesen Einstellungen nicht."
            )
    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(" ".join(en), " ".join(de).replace("%", " %")),
        tables=[
            Table(
                text("Repetition by decoding method", "Wiederholung je Decoding-Verfahren"),
                (
                    "method",
                    "setting",
                    "repeated 4-grams",
                    "distinct bigrams",
                    "log-prob per token",
                ),
                rows,
            )
        ],
        plots=[
            Plot(
                "repetition",
                text("Repetition and likelihood", "Wiederholung und Likelihood"),
                draw,
                size=(8.0, 3.6),
            )
        ],
    )


LAB = Lab(
    id="decoding_repetition",
    title=text(
        "Greedy and beam search vs sampling: repetition",
        "Greedy und Beam Search gegen Sampling: Wiederholungen",
    ),
    claim=text(
        "Decoding a language model greedily or with beam search falls into repetition loops "
        "(most 4-grams of the continuation are repeats) although that text has a higher "
        "likelihood than real text; sampling at temperature 1 repeats about as little as "
        "real text.",
        "Greedy Decoding oder Beam Search führen ein Sprachmodell in Wiederholungsschleifen "
        "(die meisten 4-Gramme der Fortsetzung sind Wiederholungen), obwohl dieser Text eine "
        "höhere Likelihood hat als echter Text; Sampling bei Temperatur 1 wiederholt sich "
        "etwa so selten wie echter Text.",
    ),
    cards=("decoding-strategies",),
    params=(
        Param(
            "temperature",
            "float",
            1.0,
            text("Sampling temperature T", "Sampling-Temperatur T"),
            0.05,
            3.0,
        ),
        Param("beam_width", "int", 5, text("Beam width", "Beam-Breite"), 1, 20),
        Param(
            "length",
            "int",
            60,
            text("Tokens generated per prompt", "Erzeugte Tokens pro Prompt"),
            10,
            300,
        ),
        Param("prompts", "int", 20, text("Held-out prompts", "Zurückgehaltene Prompts"), 1, 200),
        Param(
            "corpus_tokens",
            "int",
            30000,
            text("Training corpus size (tokens)", "Größe des Trainingskorpus (Tokens)"),
            2000,
            200000,
        ),
    ),
    run_fn=run,
)
