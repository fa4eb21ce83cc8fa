"""Chunk size and overlap decide whether retrieval can find the passage with the answer.

A synthetic handbook: every made-up project has one two-sentence fact ("The budget of
Velkorsen was set ... It is 420 thousand euros."), is mentioned elsewhere without the fact,
and attribute words recur all over the text. The text is cut into word chunks, ranked
with BM25 against "What is the budget of Velkorsen?", and a question counts as answered
when one of the top-k chunks contains the whole fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

SIZES = (8, 16, 24, 32, 48, 64, 96, 128, 256, 512)
TARGET_RECALL = 0.9
SYLLABLES = (
    "al",
    "der",
    "wick",
    "mor",
    "tan",
    "vel",
    "kor",
    "sen",
    "lin",
    "bra",
    "dus",
    "fen",
    "gar",
    "hol",
    "ist",
    "jun",
    "kel",
    "lom",
    "nar",
    "pel",
    "quin",
    "ros",
    "sta",
    "tor",
    "umb",
    "vin",
    "wes",
    "yar",
    "zel",
)
ATTRIBUTES = ("budget", "deadline", "owner", "location", "access code")
STOP = {"the", "of", "is", "it", "was", "a", "what", "after", "in", "at", "to", "their", "and"}
MENTIONS = (
    "was mentioned in the weekly report.",
    "hired two new people last spring.",
    "moved to a larger office.",
    "presented results at the summit.",
    "shares a printer with the legal team.",
)


@dataclass(frozen=True)
class Corpus:
    words: list[str]
    facts: list[tuple[str, str, str]]  # (entity, attribute, value)
    spans: list[tuple[int, int]]  # word range of each fact's two sentences


def build_corpus(n_facts: int, seed: int) -> Corpus:
    import numpy as np

    rng = np.random.default_rng([seed, 19])
    names: list[str] = []
    while len(names) < n_facts:
        name = "".join(rng.choice(SYLLABLES, 3)).capitalize()
        if name not in names:
            names.append(name)

    def value(attr: str) -> str:
        if attr == "budget":
            return f"{rng.integers(10, 990)} thousand euros"
        if attr == "deadline":
            return f"{rng.choice(['March', 'June', 'October', 'December'])} {rng.integers(1, 29)}"
        if attr == "owner":
            return str(rng.choice(["Dana", "Omar", "Lena", "Ravi", "Mia", "Tom"]))
        if attr == "location":
            return str(rng.choice(["Berlin", "Lisbon", "Oslo", "Vienna", "Madrid"]))
        return str(rng.integers(1000, 9999))

    units: list[tuple[list[str], int | None]] = []
    facts = []
    for i, name in enumerate(names):
        attr = ATTRIBUTES[int(rng.integers(len(ATTRIBUTES)))]
        val = value(attr)
        facts.append((name, attr, val))
        units.append(([f"The {attr} of {name} was set after a long review.", f"It is {val}."], i))
        for _ in range(2):
            units.append(([f"{name} {MENTIONS[int(rng.integers(len(MENTIONS)))]}"], None))
    for _ in range(2 * n_facts):
        attr = ATTRIBUTES[int(rng.integers(len(ATTRIBUTES)))]
        units.append(([f"Several teams discussed the {attr} of their projects."], None))
    words: list[str] = []
    spans: list[tuple[int, int]] = [(0, 0)] * n_facts
    for k in rng.permutation(len(units)):
        sentences, fact = units[int(k)]
        start = len(words)
        for sentence in sentences:
            words += sentence.split()
        if fact is not None:
            spans[fact] = (start, len(words))
    return Corpus(words=words, facts=facts, spans=spans)


def chunk_starts(n_words: int, size: int, overlap: int) -> list[int]:
    """Start offsets of fixed-size word windows advancing by ``size - overlap``."""
    stride = max(1, size - overlap)
    starts = list(range(0, max(1, n_words - overlap), stride))
    return starts


def _norm(word: str) -> str:
    return re.sub(r"[^a-z0-9]", "", word.lower())


def bm25_scores(
    tf: np.ndarray, lengths: np.ndarray, query: np.ndarray, k1: float = 1.5, b: float = 0.75
) -> np.ndarray:
    """BM25 score of every chunk (rows of the term-frequency matrix) for the query terms."""
    import numpy as np

    n = tf.shape[0]
    df = (tf[:, query] > 0).sum(axis=0)
    idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
    f = tf[:, query]
    denom = f + k1 * (1 - b + b * lengths[:, None] / lengths.mean())
    return np.asarray((idf[None, :] * f * (k1 + 1) / denom).sum(axis=1))


def evaluate(corpus: Corpus, size: int, overlap: int, top_k: int) -> tuple[float, float, int]:
    """(recall@k of whole facts, share of facts no chunk contains whole, number of chunks)."""
    import numpy as np

    tokens = [_norm(w) for w in corpus.words]
    vocab: dict[str, int] = {}
    for t in tokens:
        if t and t not in STOP:
            vocab.setdefault(t, len(vocab))
    starts = chunk_starts(len(tokens), size, overlap)
    tf = np.zeros((len(starts), len(vocab)))
    for row, s in enumerate(starts):
        ids = [vocab[t] for t in tokens[s : s + size] if t in vocab]
        np.add.at(tf[row], ids, 1.0)
    lengths = np.maximum(tf.sum(axis=1), 1.0)
    starts_arr = np.array(starts)
    ends_arr = np.minimum(starts_arr + size, len(tokens))
    hits = split = 0
    for (entity, attr, _), (s0, s1) in zip(corpus.facts, corpus.spans, strict=True):
        holds = (starts_arr <= s0) & (ends_arr >= s1)
        if not holds.any():
            split += 1
            continue
        query = np.array(
            [vocab[t] for t in (_norm(w) for w in f"{attr} {entity}".split()) if t in vocab]
        )
        scores = bm25_scores(tf, lengths, query)
        top = np.argsort(-scores, kind="stable")[:top_k]
        hits += bool(holds[top].any())
    n = len(corpus.facts)
    return hits / n, split / n, len(starts)


def run(*, n_facts: int, overlap_share: float, top_k: int, seed: int) -> Outcome:
    corpus = build_corpus(n_facts, seed)
    fact_len = max(s1 - s0 for s0, s1 in corpus.spans)
    rows = []
    recall = {"none": [], "overlap": []}  # type: dict[str, list[float]]
    split_rate = {"none": [], "overlap": []}  # type: dict[str, list[float]]
    for size in SIZES:
        r0, sp0, n0 = evaluate(corpus, size, 0, top_k)
        ov = round(overlap_share * size)
        r1, sp1, n1 = evaluate(corpus, size, ov, top_k)
        recall["none"].append(r0)
        recall["overlap"].append(r1)
        split_rate["none"].append(sp0)
        split_rate["overlap"].append(sp1)
        rows.append(
            (
                size,
                ov,
                round(sp0, 3),
                round(r0, 3),
                round(sp1, 3),
                round(r1, 3),
                n0,
                n1,
                top_k * size,
            )
        )

    def tokens_to_target(series: list[float]) -> int | None:
        for size, r in zip(SIZES, series, strict=True):
            if r >= TARGET_RECALL:
                return top_k * size
        return None

    tok_none = tokens_to_target(recall["none"])
    tok_ov = tokens_to_target(recall["overlap"])
    too_small = [r for size, r in zip(SIZES, recall["overlap"], strict=True) if size < fact_len]
    supported = (
        (not too_small or max(too_small) <= 0.05)
        and tok_ov is not None
        and (tok_none is None or tok_ov < tok_none)
    )
    best_i = max(range(len(SIZES)), key=lambda i: (recall["overlap"][i], -SIZES[i]))
    metrics: dict[str, Any] = {
        "fact_length_words": fact_len,
        "document_words": len(corpus.words),
        "best_recall_overlap": recall["overlap"][best_i],
        "best_size_overlap": SIZES[best_i],
        "best_recall_no_overlap": max(recall["none"]),
        "context_tokens_to_target_overlap": tok_ov if tok_ov is not None else -1,
        "context_tokens_to_target_no_overlap": tok_none if tok_none is not None else -1,
        "split_rate_size32_no_overlap": split_rate["none"][SIZES.index(32)],
        "split_rate_size32_overlap": split_rate["overlap"][SIZES.index(32)],
    }

    def draw_recall(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ax.plot(
            SIZES,
            recall["none"],
            marker="o",
            color="#d62728",
            label="ohne Überlappung" if lang == "de" else "no overlap",
        )
        ax.plot(
            SIZES,
            recall["overlap"],
            marker="s",
            color="#1f77b4",
            label=(
                f"{overlap_share:.0%} Überlappung"
                if lang == "de"
                else f"{overlap_share:.0%} overlap"
            ),
        )
        ax.axvline(fact_len, color="#7f7f7f", linestyle="--", linewidth=1)
        ax.text(fact_len, 0.02, " Faktlänge" if lang == "de" else " fact length", color="#7f7f7f")
        ax.set_xscale("log", base=2)
        ax.set_xlabel("Chunkgröße (Wörter)" if lang == "de" else "chunk size (words)")
        ax.set_ylabel(f"Recall@{top_k}")
        ax.set_ylim(-0.02, 1.02)
        ax.legend(loc="lower right")

    def draw_tokens(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ctx = [top_k * s for s in SIZES]
        ax.plot(
            ctx,
            recall["none"],
            marker="o",
            color="#d62728",
            label="ohne Überlappung" if lang == "de" else "no overlap",
        )
        ax.plot(
            ctx,
            recall["overlap"],
            marker="s",
            color="#1f77b4",
            label="mit Überlappung" if lang == "de" else "with overlap",
        )
        ax.axhline(TARGET_RECALL, color="#7f7f7f", linestyle="--", linewidth=1)
        ax.set_xscale("log", base=2)
        ax.set_xlabel(
            "Tokens im Kontext (k × Chunkgröße)"
            if lang == "de"
            else "context tokens (k × chunk size)"
        )
        ax.set_ylabel(f"Recall@{top_k}")
        ax.legend(loc="lower right")

    def need_en(tokens: int | None) -> str:
        return f"{tokens} context tokens" if tokens is not None else "more than any size tried"

    def need_de(tokens: int | None) -> str:
        return f"{tokens} Kontext-Tokens" if tokens is not None else "mehr als jede getestete Größe"

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Each answer sits in a passage of up to {fact_len} words. Chunks shorter than that "
            f"can never hold it (recall {max(too_small, default=0.0):.2f}). Without overlap, "
            f"{metrics['split_rate_size32_no_overlap']:.0%} of the facts are cut by a boundary "
            f"at 32 words; with {overlap_share:.0%} overlap "
            f"{metrics['split_rate_size32_overlap']:.0%}. Recall@{top_k} of {TARGET_RECALL} "
            f"needs {need_en(tok_ov)} with overlapping chunks and {need_en(tok_none)} "
            "without: larger chunks buy recall with more tokens, cost and latency, and "
            "they dilute the match with unrelated text.",
            f"Jede Antwort steht in einer Passage von bis zu {fact_len} Wörtern. Kürzere Chunks "
            f"können sie nie ganz enthalten (Recall {de_num(max(too_small, default=0.0), '.2f')}). "
            "Ohne Überlappung zerschneidet eine Chunkgrenze bei 32 Wörtern "
            f"{de_num(metrics['split_rate_size32_no_overlap'], '.0%')} der Fakten, mit "
            f"{de_num(overlap_share, '.0%')} Überlappung "
            f"{de_num(metrics['split_rate_size32_overlap'], '.0%')}. Für Recall@{top_k} von "
            f"{de_num(TARGET_RECALL, 'g')} braucht es mit überlappenden Chunks {need_de(tok_ov)}, "
            f"ohne Überlappung {need_de(tok_none)}: Größere Chunks erkaufen Recall mit mehr "
            "Tokens, Kosten und Latenz und verwässern den Treffer mit fremdem Text.".replace(
                "%", " %"
            ),
        ),
        tables=[
            Table(
                text("Chunk size and overlap", "Chunkgröße und Überlappung"),
                (
                    "size",
                    "overlap (words)",
                    "facts split, no overlap",
                    "recall, no overlap",
                    "facts split, overlap",
                    "recall, overlap",
                    "chunks, no overlap",
                    "chunks, overlap",
                    "context tokens",
                ),
                tuple(rows),
            )
        ],
        plots=[
            Plot(
                "recall_vs_size",
                text("Recall vs chunk size", "Recall über der Chunkgröße"),
                draw_recall,
            ),
            Plot(
                "recall_vs_tokens",
                text("Recall vs context tokens", "Recall über Kontext-Tokens"),
                draw_tokens,
            ),
        ],
    )


LAB = Lab(
    id="chunking_retrieval",
    title=text("Chunking for retrieval", "Chunking für das Retrieval"),
    claim=text(
        "Retrieval can only return the passage holding an answer if a chunk contains it "
        "whole: chunks shorter than the passage fail, and overlapping chunks reach high "
        "recall with far fewer context tokens than non-overlapping ones.",
        "Retrieval kann die Passage mit der Antwort nur liefern, wenn ein Chunk sie ganz "
        "enthält: Chunks, die kürzer als die Passage sind, scheitern, und überlappende Chunks "
        "erreichen hohen Recall mit weit weniger Kontext-Tokens als nicht überlappende.",
    ),
    cards=("context-window-long-inputs",),
    params=(
        Param("n_facts", "int", 60, text("Facts in the document", "Fakten im Dokument"), 5, 400),
        Param(
            "overlap_share",
            "float",
            0.5,
            text("Overlap as a share of the chunk size", "Überlappung als Anteil der Chunkgröße"),
            0.0,
            0.9,
        ),
        Param(
            "top_k",
            "int",
            3,
            text("Chunks retrieved per question", "Abgerufene Chunks pro Frage"),
            1,
            10,
        ),
    ),
    run_fn=run,
)
