"""Grading fixtures: the embedding model is loaded once per test session."""

from __future__ import annotations

import pytest

from mlinterview.content.loader import Bank, bundled_bank
from mlinterview.grading.embedding import CachedEmbedder, get_embedder


@pytest.fixture(scope="session")
def embedder() -> CachedEmbedder | None:
    """The configured backend, loaded (about a second) and warmed up once."""
    model = get_embedder()
    if model is not None:
        model.embed(["warm up"])
    return model


@pytest.fixture(scope="session")
def bank() -> Bank:
    return bundled_bank()
