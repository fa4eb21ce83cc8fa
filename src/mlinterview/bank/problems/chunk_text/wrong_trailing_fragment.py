"""Wrong: starts a chunk at every step position, adding tails already inside the last chunk."""


def chunk_text(text: str, size: int, overlap: int) -> list[str]:
    """range(0, n, step) keeps going after the end is covered, e.g. a lone final word."""
    words = text.split()
    step = size - overlap
    return [" ".join(words[i : i + size]) for i in range(0, len(words), step)]
