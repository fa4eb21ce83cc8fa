"""Reference word chunker with overlap and no redundant trailing chunk."""


def chunk_text(text: str, size: int, overlap: int) -> list[str]:
    """Slide a window of `size` words by `size - overlap`; stop once the end is covered."""
    words = text.split()
    step = size - overlap
    chunks: list[str] = []
    start = 0
    while start < len(words):
        chunks.append(" ".join(words[start : start + size]))
        if start + size >= len(words):
            break
        start += step
    return chunks
