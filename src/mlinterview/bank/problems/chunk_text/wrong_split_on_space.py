"""Wrong: splits on single spaces, so runs of spaces, tabs and newlines corrupt the words."""


def chunk_text(text: str, size: int, overlap: int) -> list[str]:
    """str.split(" ") yields empty strings and keeps newlines inside words."""
    words = text.strip().split(" ") if text.strip() else []
    step = size - overlap
    chunks: list[str] = []
    start = 0
    while start < len(words):
        chunks.append(" ".join(words[start : start + size]))
        if start + size >= len(words):
            break
        start += step
    return chunks
