"""Chunks must hold the whole passage; overlap reaches high recall with fewer tokens."""

from __future__ import annotations

from mlinterview.labs.catalog.chunking_retrieval import build_corpus, chunk_starts, evaluate
from mlinterview.labs.registry import run_lab


def test_default_overlap_reaches_the_target_with_fewer_tokens() -> None:
    result = run_lab("chunking_retrieval", render=False)
    m = result.metrics
    assert result.verdict == "supported", result.explanation.en
    assert m["context_tokens_to_target_overlap"] > 0
    no_overlap = m["context_tokens_to_target_no_overlap"]
    assert no_overlap == -1 or m["context_tokens_to_target_overlap"] * 4 <= no_overlap
    assert m["split_rate_size32_overlap"] == 0.0
    assert m["split_rate_size32_no_overlap"] > 0.2
    rows = result.tables[0].rows
    assert rows[0][0] == 8 and rows[0][3] == 0.0 and rows[0][5] == 0.0  # too small


def test_without_overlap_the_claim_fails() -> None:
    result = run_lab("chunking_retrieval", {"n_facts": 20, "overlap_share": 0.0}, render=False)
    assert result.verdict == "not supported"


def test_chunks_cover_every_word_and_one_big_chunk_finds_everything() -> None:
    corpus = build_corpus(10, seed=4)
    n = len(corpus.words)
    for size, overlap in ((16, 0), (16, 8), (50, 10)):
        starts = chunk_starts(n, size, overlap)
        covered = set()
        for s in starts:
            covered.update(range(s, min(s + size, n)))
        assert covered == set(range(n))
    recall, split, chunks = evaluate(corpus, size=n, overlap=0, top_k=1)
    assert (recall, split, chunks) == (1.0, 0.0, 1)


def test_figures_render() -> None:
    result = run_lab("chunking_retrieval", {"n_facts": 10}, render=True)
    assert [f.name for f in result.figures] == ["recall_vs_size", "recall_vs_tokens"]
